using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Publicity.Features;

/// <summary>The year a ledger is filtered by: 2000 to 2100, another answers 422 on <c>year</c>.</summary>
internal static class Years
{
    public static void Check(int? year) =>
        new Validator().Check(year is null or (>= 2000 and <= 2100), "year", "publicity.year_range").ThrowIfInvalid();
}
