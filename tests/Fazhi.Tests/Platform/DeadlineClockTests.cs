using System.Globalization;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Deadlines;

namespace Fazhi.Tests.Platform;

/// <summary>The one deadline clock, on the shipped calendar (2019: National Day 10-01 to 10-07, make-up days 09-29 and 10-12).</summary>
public sealed class DeadlineClockTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Shipped();

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset China(string instant) =>
        new(DateTime.ParseExact(instant, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    [Fact]
    public void Twenty_working_days_from_the_25th_of_September_2019_end_on_the_28th_of_October()
    {
        var clock = DeadlineClock.Start(Calendar, D("2019-09-25"), 20);
        Assert.Equal(D("2019-10-28"), clock.DueDate);
        Assert.Equal(20, clock.Allowance);
        Assert.Equal(0, clock.Used(Calendar, D("2019-09-25")));
    }

    [Fact]
    public void Yellow_begins_at_China_midnight_when_four_of_twenty_working_days_are_left_and_red_the_day_after_the_due_date()
    {
        var clock = DeadlineClock.Start(Calendar, D("2019-09-25"), 20);
        Assert.Equal(D("2019-10-22"), clock.YellowFrom);
        Assert.Equal(WarningLevel.Normal, clock.Level(China("2019-10-21 23:59:59")));
        Assert.Equal(WarningLevel.Yellow, clock.Level(China("2019-10-22 00:00:00")));
        Assert.Equal(WarningLevel.Yellow, clock.Level(China("2019-10-28 23:59:59")));
        Assert.Equal(WarningLevel.Red, clock.Level(China("2019-10-29 00:00:00")));
        // 16:00 UTC on the 21st is already the 22nd in China.
        Assert.Equal(WarningLevel.Yellow, clock.Level(new DateTimeOffset(2019, 10, 21, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_five_day_stage_across_National_Day_turns_yellow_on_the_make_up_Sunday()
    {
        // 初审 of 民房报建: 5 working days from 09-25 are 09-26, 09-27, 09-29 (make-up Sunday), 09-30, 10-08.
        var clock = DeadlineClock.Start(Calendar, D("2019-09-25"), 5);
        Assert.Equal(D("2019-10-08"), clock.DueDate);
        Assert.Equal(WarningLevel.Normal, clock.Level(China("2019-09-28 23:59:59")));
        Assert.Equal(WarningLevel.Yellow, clock.Level(China("2019-09-29 00:00:00")));
        Assert.Equal(WarningLevel.Red, clock.Level(China("2019-10-09 00:00:00")));
    }

    [Fact]
    public void A_pause_keeps_the_working_days_left_and_a_resume_counts_them_from_the_day_it_resumes()
    {
        var running = DeadlineClock.Start(Calendar, D("2019-09-25"), 20);
        var paused = running.Pause(Calendar, D("2019-10-10"));
        Assert.True(paused.IsPaused);
        Assert.Equal(D("2019-10-10"), paused.PausedSince);
        // After 10-10: 10-11, 10-12 (make-up Saturday), 10-14 … 10-18, 10-21 … 10-25, 10-28 = 13.
        Assert.Equal(13, paused.RemainingWhenPaused);
        Assert.Equal(WarningLevel.Normal, paused.Level(D("2019-12-01")));
        Assert.Equal(7, paused.Used(Calendar, D("2019-10-17")));

        var resumed = paused.Resume(Calendar, D("2019-10-17"));
        Assert.False(resumed.IsPaused);
        Assert.Equal(D("2019-11-05"), resumed.DueDate);
        Assert.Equal(7, resumed.Used(Calendar, D("2019-10-17")));
    }

    [Fact]
    public void An_extension_adds_to_the_due_date_while_running_and_to_what_is_left_while_paused()
    {
        var running = DeadlineClock.Start(Calendar, D("2019-09-25"), 20).Pause(Calendar, D("2019-10-10")).Resume(Calendar, D("2019-10-17"));
        var extended = running.Extend(Calendar, 15);
        Assert.Equal(D("2019-11-26"), extended.DueDate);
        Assert.Equal(35, extended.Allowance);
        Assert.Equal(1, extended.Extensions);
        Assert.Equal(15, extended.ExtendedBy);

        var paused = DeadlineClock.Start(Calendar, D("2019-09-25"), 20).Pause(Calendar, D("2019-10-10")).Extend(Calendar, 10);
        Assert.Equal(23, paused.RemainingWhenPaused);
        Assert.Equal(30, paused.Allowance);
        Assert.Equal(D("2019-11-11"), paused.Resume(Calendar, D("2019-10-10")).DueDate);
    }

    [Fact]
    public void An_overdue_clock_paused_and_resumed_stays_overdue_by_the_same_working_days()
    {
        var clock = DeadlineClock.Start(Calendar, D("2019-09-25"), 5);
        var paused = clock.Pause(Calendar, D("2019-10-10"));
        Assert.Equal(-2, paused.RemainingWhenPaused);
        var resumed = paused.Resume(Calendar, D("2019-10-21"));
        Assert.Equal(D("2019-10-17"), resumed.DueDate);
        Assert.Equal(WarningLevel.Red, resumed.Level(D("2019-10-21")));
    }

    [Fact]
    public void A_calendar_day_limit_whose_last_day_falls_in_a_holiday_ends_on_the_next_working_day()
    {
        // 15 days from 2019-09-16 end on 10-01, National Day: the limit ends on 10-08 (民法典 第203条).
        var clock = DeadlineClock.Start(Calendar, D("2019-09-16"), 15, DeadlineUnit.CalendarDays);
        Assert.Equal(D("2019-10-08"), clock.DueDate);
        // A limit ending on an ordinary weekday is not moved; weekends and holidays inside it count.
        Assert.Equal(D("2019-10-24"), DeadlineClock.Start(Calendar, D("2019-09-24"), 30, DeadlineUnit.CalendarDays).DueDate);
        // 90 days from filing on 2019-07-05 end on Thursday 10-03, in the holiday: 10-08.
        Assert.Equal(D("2019-10-08"), DeadlineClock.Start(Calendar, D("2019-07-05"), 90, DeadlineUnit.CalendarDays).DueDate);
    }

    [Fact]
    public void A_calendar_day_clock_turns_yellow_with_a_fifth_of_its_days_left_and_pauses_in_calendar_days()
    {
        var clock = DeadlineClock.Start(Calendar, D("2019-11-01"), 30, DeadlineUnit.CalendarDays);
        // 12-01 is a Sunday: the limit ends on Monday 12-02; yellow with 6 days left, from 11-26.
        Assert.Equal(D("2019-12-02"), clock.DueDate);
        Assert.Equal(D("2019-11-26"), clock.YellowFrom);
        var paused = clock.Pause(Calendar, D("2019-11-10"));
        Assert.Equal(22, paused.RemainingWhenPaused);
        Assert.Equal(D("2019-12-02"), paused.Resume(Calendar, D("2019-11-10")).DueDate);
        // Ten days have gone by on 10-04 of a 30-day limit started on 09-24, National Day included.
        Assert.Equal(10, DeadlineClock.Start(Calendar, D("2019-09-24"), 30, DeadlineUnit.CalendarDays).Used(Calendar, D("2019-10-04")));
    }
}
