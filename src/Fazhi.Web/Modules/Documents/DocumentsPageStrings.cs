namespace Fazhi.Web.Modules.Documents;

/// <summary>The strings of the legal office's pages, in zh-CN and en.</summary>
internal static class DocumentsPageStrings
{
    public static IEnumerable<(string Key, string Zh, string En)> All =>
    [
    ];
}
