namespace Fazhi.Web.Platform.Calendar;

/// <summary>
/// A day that differs from the plain week: a statutory holiday, or a make-up working day (调休) on a
/// weekend. Days not listed are working days from Monday to Friday and off at weekends.
/// </summary>
public sealed class CalendarDay
{
    public DateOnly Date { get; set; }

    public bool IsWorkingDay { get; set; }

    /// <summary>The holiday's name, e.g. 国庆节, or the reason of a make-up day.</summary>
    public string Name { get; set; } = "";
}

/// <summary>A year whose holidays have been entered, with the State Council notice they come from.</summary>
public sealed class CalendarYear
{
    public int Year { get; set; }

    public string Source { get; set; } = "";

    public DateTime UpdatedAt { get; set; }
}
