namespace Fazhi.Web.Modules.Publicity.Pages;

/// <summary>A form's date or month field as the browser posts it; empty or malformed is none, and the service says what it needs.</summary>
internal static class PageDates
{
    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : null;

    /// <summary>yyyy-MM (a month input) as the month's first day.</summary>
    public static DateOnly? Month(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d : Day(text);

    public static int? Whole(string? text) =>
        int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
}
