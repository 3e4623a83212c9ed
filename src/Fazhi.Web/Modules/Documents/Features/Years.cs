using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Documents.Features;

/// <summary>The year a list is filtered by, and the day a form's date field holds: read one way on every list and page of the work line.</summary>
public static class Years
{
    /// <summary>A year a list may ask for (2000 to 2100); another answers 422 on <c>year</c>, never a 500.</summary>
    public static void Check(int? year) =>
        new Validator().Check(year is null or (>= 2000 and <= 2100), "year", "documents.year_range").ThrowIfInvalid();

    /// <summary>The year's first instant and the next year's (UTC), for records stamped with an instant.</summary>
    public static (DateTime From, DateTime To) Utc(int year)
    {
        Check(year);
        return (ChinaTime.StartOfDayUtc(new DateOnly(year, 1, 1)), ChinaTime.StartOfDayUtc(new DateOnly(year + 1, 1, 1)));
    }

    /// <summary>A date field as a form posts it (yyyy-MM-dd); empty or malformed is none, and the domain says what it needs.</summary>
    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;
}
