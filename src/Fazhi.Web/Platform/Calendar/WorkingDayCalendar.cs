using System.Collections.Frozen;

namespace Fazhi.Web.Platform.Calendar;

/// <summary>
/// Working days on the statutory holiday calendar (行政许可法 第82条: licence limits are counted in
/// working days, statutory holidays excluded). Holds the exceptions in memory; the database is
/// the source and <see cref="Replace"/> loads it again after an administrator's edit.
/// </summary>
public sealed class WorkingDayCalendar
{
    // Bounds a single computation: a limit of years in working days is a data error, not a deadline.
    public const int MaxDays = 2000;

    private volatile FrozenDictionary<DateOnly, bool> _exceptions = FrozenDictionary<DateOnly, bool>.Empty;

    public WorkingDayCalendar() { }

    private volatile FrozenSet<int>? _years;

    public WorkingDayCalendar(IEnumerable<CalendarDay> days) => Replace(days);

    /// <summary>The calendar as shipped, without the database: for tools and tests.</summary>
    public static WorkingDayCalendar Shipped() => new(CalendarStore.ShippedYears().SelectMany(y => y.Days));

    /// <summary>Loads the calendar; <paramref name="years"/> are the years whose holidays are entered (by default, those with any exception day).</summary>
    public void Replace(IEnumerable<CalendarDay> days, IEnumerable<int>? years = null)
    {
        var list = days.ToList();
        _exceptions = list.ToFrozenDictionary(d => d.Date, d => d.IsWorkingDay);
        _years = (years ?? list.Select(d => d.Date.Year)).ToFrozenSet();
    }

    /// <summary>
    /// A date in a year whose holidays are not entered yet: a due date there is counted on plain weeks and may move when
    /// the State Council's notice is loaded (the pages say it is provisional).
    /// </summary>
    public bool IsProvisional(DateOnly date) => _years is { Count: > 0 } years && !years.Contains(date.Year);

    /// <summary>Whether the holidays of <paramref name="year"/> are entered.</summary>
    public bool HasYear(int year) => _years?.Contains(year) == true;

    public bool IsWorkingDay(DateOnly date) =>
        _exceptions.TryGetValue(date, out var working)
            ? working
            : date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

    /// <summary>
    /// The day on which a limit of <paramref name="days"/> working days ends, counted from an event
    /// on <paramref name="from"/>. The event's own day is not counted (期间开始之日不计算在内).
    /// Zero days ends on <paramref name="from"/> itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly from, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        var date = from;
        var counted = 0;
        while (counted < days)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                counted++;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>; negative if <paramref name="to"/> is earlier.</summary>
    public int CountWorkingDays(DateOnly from, DateOnly to)
    {
        if (to < from)
        {
            return -CountWorkingDays(to, from);
        }

        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
        {
            if (IsWorkingDay(d))
            {
                count++;
            }
        }

        return count;
    }
}
