namespace Fazhi.Web.Modules.Publicity;

/// <summary>The publicity pages' own words, in Chinese and English.</summary>
public static class PublicityPageStrings
{
    public static IEnumerable<(string Key, string Zh, string En)> All =>
    [
    ];
}
