using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Localization;

namespace Fazhi.Web.Platform.Deadlines;

/// <summary>What a limit counts: working days on the statutory calendar, or calendar days.</summary>
public enum DeadlineUnit
{
    /// <summary>行政许可法 第82条; 行政处罚法 第85条: the law's short limits.</summary>
    WorkingDays = 0,

    /// <summary>Counted by the calendar; a last day that is a day off moves to the next working day (民法典 第203条).</summary>
    CalendarDays = 1,
}

public enum WarningLevel
{
    Normal = 0,

    /// <summary>2 units or 20 % of the allowance left, whichever is larger.</summary>
    Yellow = 1,

    /// <summary>Overdue.</summary>
    Red = 2,
}

/// <summary>
/// 期限: a statutory limit that starts on an event, runs, pauses (时限中止: the time is not counted),
/// resumes with what was left, and may be extended. The event's own day is not counted (期间开始之日不计算在内):
/// a limit of N units started on day D ends at the end of its Nth unit after D. Immutable: every operation
/// gives a new clock, so a module keeps it like any value and the platform copies it into the deadline
/// register when the record is saved.
/// </summary>
public sealed record DeadlineClock
{
    /// <summary>The day of the event that started the clock (not counted).</summary>
    public DateOnly StartedOn { get; init; }

    /// <summary>Units allowed, extensions included.</summary>
    public int Allowance { get; init; }

    public DeadlineUnit Unit { get; init; }

    /// <summary>The last day of the limit (the end of that day).</summary>
    public DateOnly DueDate { get; init; }

    /// <summary>The first day the clock shows yellow; worked out once when the due date is set.</summary>
    public DateOnly YellowFrom { get; init; }

    /// <summary>The day the clock was paused, or null while it runs.</summary>
    public DateOnly? PausedSince { get; init; }

    /// <summary>Units that were left when the clock paused (negative when it was already overdue).</summary>
    public int? RemainingWhenPaused { get; init; }

    /// <summary>How many extensions were granted.</summary>
    public int Extensions { get; init; }

    /// <summary>Units the extensions added.</summary>
    public int ExtendedBy { get; init; }

    public bool IsPaused => PausedSince is not null;

    /// <summary>Starts a limit of <paramref name="allowance"/> units on the day of the event.</summary>
    public static DeadlineClock Start(WorkingDayCalendar calendar, DateOnly on, int allowance, DeadlineUnit unit = DeadlineUnit.WorkingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(allowance);
        return new DeadlineClock { StartedOn = on, Allowance = allowance, Unit = unit }.WithDue(calendar, End(calendar, unit, on, allowance));
    }

    /// <summary>Stops the clock on <paramref name="today"/>; the units left are kept for <see cref="Resume"/>.</summary>
    public DeadlineClock Pause(WorkingDayCalendar calendar, DateOnly today) =>
        IsPaused ? this : this with { PausedSince = today, RemainingWhenPaused = Left(calendar, today) };

    /// <summary>Runs again from <paramref name="today"/> with the units that were left when it paused.</summary>
    public DeadlineClock Resume(WorkingDayCalendar calendar, DateOnly today) =>
        !IsPaused ? this : (this with { PausedSince = null, RemainingWhenPaused = null })
            .WithDue(calendar, Shift(calendar, Unit, today, RemainingWhenPaused ?? 0));

    /// <summary>Adds <paramref name="units"/> to the limit: to the due date while it runs, to what is left while it is paused.</summary>
    public DeadlineClock Extend(WorkingDayCalendar calendar, int units)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(units);
        var longer = this with { Allowance = Allowance + units, Extensions = Extensions + 1, ExtendedBy = ExtendedBy + units };
        return IsPaused
            ? longer with { RemainingWhenPaused = RemainingWhenPaused + units, YellowFrom = YellowDay(calendar, Unit, DueDate, longer.Allowance) }
            : longer.WithDue(calendar, Shift(calendar, Unit, DueDate, units));
    }

    /// <summary>The warning level on a China date. A paused clock does not warn.</summary>
    public WarningLevel Level(DateOnly today) =>
        IsPaused ? WarningLevel.Normal : Level(today, DueDate, YellowFrom);

    /// <summary>The warning level at an instant, on its China date.</summary>
    public WarningLevel Level(DateTimeOffset now) => Level(ChinaTime.DateOf(now.UtcDateTime));

    /// <summary>Units left after <paramref name="today"/> up to the due date; negative when overdue. A paused clock keeps what it had.</summary>
    public int Left(WorkingDayCalendar calendar, DateOnly today) =>
        IsPaused ? RemainingWhenPaused ?? 0 : Count(calendar, Unit, today, DueDate);

    /// <summary>Units used by <paramref name="today"/>, paused time not counted.</summary>
    public int Used(WorkingDayCalendar calendar, DateOnly today) => Allowance - Left(calendar, today);

    /// <summary>The level of a due date and yellow day on a date (for queries that read the two columns).</summary>
    public static WarningLevel Level(DateOnly today, DateOnly due, DateOnly yellowFrom) =>
        today > due ? WarningLevel.Red : today >= yellowFrom ? WarningLevel.Yellow : WarningLevel.Normal;

    /// <summary>Yellow when this many units or fewer are left: 2 or 20 % of the allowance, whichever is larger.</summary>
    public static int YellowThreshold(int allowance) => Math.Max(2, (allowance + 4) / 5);

    private DeadlineClock WithDue(WorkingDayCalendar calendar, DateOnly due) =>
        this with { DueDate = due, YellowFrom = YellowDay(calendar, Unit, due, Allowance) };

    private static bool Counts(WorkingDayCalendar calendar, DeadlineUnit unit, DateOnly day) =>
        unit == DeadlineUnit.CalendarDays || calendar.IsWorkingDay(day);

    /// <summary>The last day of <paramref name="units"/> counted after <paramref name="from"/>.</summary>
    private static DateOnly End(WorkingDayCalendar calendar, DeadlineUnit unit, DateOnly from, int units) =>
        unit == DeadlineUnit.WorkingDays ? calendar.AddWorkingDays(from, units) : NextWorkingDay(calendar, from.AddDays(units));

    // 民法典 第203条: a calendar-day limit whose last day is a day off ends on the next working day.
    private static DateOnly NextWorkingDay(WorkingDayCalendar calendar, DateOnly day)
    {
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The due date that leaves <paramref name="remaining"/> units after <paramref name="from"/>; counts back when negative.</summary>
    private static DateOnly Shift(WorkingDayCalendar calendar, DeadlineUnit unit, DateOnly from, int remaining)
    {
        if (remaining >= 0)
        {
            return End(calendar, unit, from, remaining);
        }

        var day = from;
        for (var counted = 0; counted < -remaining; day = day.AddDays(-1))
        {
            if (Counts(calendar, unit, day))
            {
                counted++;
            }
        }

        return day;
    }

    private static int Count(WorkingDayCalendar calendar, DeadlineUnit unit, DateOnly from, DateOnly to) =>
        unit == DeadlineUnit.WorkingDays ? calendar.CountWorkingDays(from, to) : to.DayNumber - from.DayNumber;

    /// <summary>The first day on which no more than the yellow threshold of units is left before <paramref name="due"/>.</summary>
    private static DateOnly YellowDay(WorkingDayCalendar calendar, DeadlineUnit unit, DateOnly due, int allowance)
    {
        var threshold = YellowThreshold(allowance);
        var day = due;
        var left = 0;
        while (true)
        {
            // Units left as seen on the day before: the ones after it, up to the due date.
            var leftDayBefore = left + (Counts(calendar, unit, day) ? 1 : 0);
            if (leftDayBefore > threshold)
            {
                return day;
            }

            left = leftDayBefore;
            day = day.AddDays(-1);
        }
    }
}
