using System.Globalization;
using Fazhi.Web.Modules.Publicity.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Tests.Publicity;

/// <summary>
/// The publicity work line's rules without HTTP or a database: the law exam's rates to the hundredth of a percent, the monthly
/// report's clock at exact China-time instants on the shipped calendar (2019: Spring Festival 02-04 to 02-10, Mid-Autumn 09-13 to
/// 09-15, National Day 10-01 to 10-07; 2022: Mid-Autumn 09-10 to 09-12; 2024: Spring Festival 02-10 to 02-17 with Sunday 02-18
/// worked), and the guards of a month's report. Every date below is worked out by hand on that calendar.
/// </summary>
public sealed class PublicityRuleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Shipped();

    /// <summary>The reporting community (石马社区): the report's department and data scope.</summary>
    private static readonly Guid Community = Guid.NewGuid();

    private static readonly Guid OtherCommunity = Guid.NewGuid();

    /// <summary>The due day of the month after, as configured by default (Publicity:ReportDueDay).</summary>
    private const int DueDay = 10;

    private const string ReporterRole = "publicity_reporter";

    private const string OfficerRole = "publicity_officer";

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset China(string instant) =>
        new(DateTime.ParseExact(instant, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    /// <summary>23:59:59.999 in China on <paramref name="day"/>, written in UTC (15:59:59.999 the same date).</summary>
    private static DateTimeOffset LastInstantInChina(DateOnly day) => new(day.ToDateTime(new TimeOnly(15, 59, 59, 999)), TimeSpan.Zero);

    /// <summary>00:00 in China on the day after <paramref name="day"/>, written in UTC (16:00 on <paramref name="day"/>).</summary>
    private static DateTimeOffset FirstInstantOfNextChinaDay(DateOnly day) => new(day.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero);

    /// <summary>Someone at a China-time instant with exactly the roles and scope given; the date is the instant's China date.</summary>
    private static Actor Person(string instant, DataScopeFilter scope, string userName, string name, params string[] roles)
    {
        var at = China(instant);
        return new Actor(
            Guid.NewGuid(), userName, name, Community, new HashSet<string>(roles, StringComparer.Ordinal), scope, at.UtcDateTime, DateOnly.FromDateTime(at.DateTime),
            Calendar);
    }

    /// <summary>The community's reporter: the reporter role, a scope of the community only.</summary>
    private static Actor ReporterAt(string instant) =>
        Person(instant, new DataScopeFilter(false, [Community], Guid.NewGuid(), false), "shima.publicity", "陈晓燕", ReporterRole);

    /// <summary>The legal office's publicity officer: the officer role, the whole town.</summary>
    private static Actor OfficerAt(string instant) =>
        Person(instant, DataScopeFilter.Everything, "legal.publicity", "黄志诚", OfficerRole);

    private static MonthlyReport September() => MonthlyReport.Open(Community, "石马社区", D("2019-09-17"), ReporterAt("2019-09-17 09:00:00"));

    private static MonthlyReport SubmittedSeptember()
    {
        var r = September();
        r.Submit(null, 3, 2, ReporterAt("2019-10-08 09:00:00"));
        Assert.Equal(ReportStatus.Submitted, r.Status);
        return r;
    }

    private static DomainException Refused(Action act) => Assert.Throws<DomainException>(act);

    private static FieldError Invalid(Action act) => Assert.Single(Assert.Throws<ValidationFailedException>(act).Errors);

    private static IEnumerable<Deadline> Deadlines(IHasDeadlines r) => r.Deadlines;

    private static IEnumerable<(bool Exempt, decimal? Score)> Scored(params decimal[] scores) => scores.Select(s => (false, (decimal?)s));

    private static IEnumerable<(bool Exempt, decimal? Score)> Repeat(int times, bool exempt, decimal? score) => Enumerable.Repeat((exempt, score), times);

    // ---- The law exam's rates -----------------------------------------------------------------------------------------------

    [Fact]
    public void The_seeds_exam_of_122_listed_2_exempt_120_sat_and_passed_118_excellent_gives_100_100_and_98_33()
    {
        // As the demo town seeds it: two exempt without a score, two who passed at 82.5, the rest 90 or above.
        static (bool Exempt, decimal? Score) Seeded(int i) => i switch
        {
            40 or 90 => (true, null),
            17 or 66 => (false, 82.5m),
            _ => (false, 90m + (i % 10)),
        };

        var candidates = Enumerable.Range(0, 122).Select(Seeded).ToList();

        var rates = ExamRates.Of(candidates, 60m, 90m);

        Assert.Equal(new ExamRates(Listed: 122, Exempt: 2, Required: 120, Sat: 120, Passed: 120, Excellent: 118), rates);
        // 120 / 120 and 120 / 120; 118 / 120 = 98.333… to 98.33.
        Assert.Equal(100m, rates.SatRate);
        Assert.Equal(100m, rates.PassRate);
        Assert.Equal(98.33m, rates.ExcellentRate);
    }

    [Theory]
    [InlineData(1, 8, "12.50")] // 12.5 exactly
    [InlineData(1, 16, "6.25")] // exact at two decimals
    [InlineData(1, 32, "3.13")] // 3.125: a third decimal of exactly 5 goes away from zero (banker's rounding would give 3.12)
    [InlineData(5, 32, "15.63")] // 15.625 (to even: 15.62)
    [InlineData(1, 160, "0.63")] // 0.625 (to even: 0.62)
    [InlineData(3899, 3929, "99.24")] // 99.2364…
    [InlineData(2, 3, "66.67")] // 66.666…: rounded, not cut to 66.66
    [InlineData(1, 3, "33.33")] // 33.333…
    [InlineData(118, 120, "98.33")] // 98.333…
    [InlineData(5, 5, "100")]
    [InlineData(0, 5, "0")]
    [InlineData(0, 0, "0")] // nothing to divide by: 0, not an error
    [InlineData(3, 0, "0")]
    public void A_percentage_is_rounded_half_away_from_zero_at_the_second_decimal(int part, int whole, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), ExamRates.Percent(part, whole));

    [Fact]
    public void Rates_from_candidates_round_half_away_from_zero_too()
    {
        // 32 sat, 1 passed: 3.125 % to 3.13; 5 of them excellent would be 15.625 % to 15.63.
        var onePassed = ExamRates.Of([.. Scored(60m), .. Repeat(31, false, 59m)], 60m, 90m);
        Assert.Equal((32, 32, 1, 0), (onePassed.Required, onePassed.Sat, onePassed.Passed, onePassed.Excellent));
        Assert.Equal(3.13m, onePassed.PassRate);
        Assert.Equal(0m, onePassed.ExcellentRate);

        var fiveExcellent = ExamRates.Of([.. Repeat(5, false, 95m), .. Repeat(27, false, 70m)], 60m, 90m);
        Assert.Equal((32, 32, 5), (fiveExcellent.Sat, fiveExcellent.Passed, fiveExcellent.Excellent));
        Assert.Equal(100m, fiveExcellent.PassRate);
        Assert.Equal(15.63m, fiveExcellent.ExcellentRate);

        // 160 required, 1 sat: 0.625 % to 0.63.
        var oneSat = ExamRates.Of([.. Scored(75m), .. Repeat(159, false, null)], 60m, 90m);
        Assert.Equal((160, 1), (oneSat.Required, oneSat.Sat));
        Assert.Equal(0.63m, oneSat.SatRate);
        Assert.Equal(100m, oneSat.PassRate);

        // 3 sat, 2 passed, 1 excellent: 66.67 and 33.33.
        var thirds = ExamRates.Of(Scored(45m, 65m, 92m), 60m, 90m);
        Assert.Equal(66.67m, thirds.PassRate);
        Assert.Equal(33.33m, thirds.ExcellentRate);
    }

    [Fact]
    public void A_candidate_without_a_score_is_required_but_has_not_sat_and_an_exempt_one_is_neither()
    {
        (bool, decimal?)[] candidates =
        [
            (false, 75m), // sat and passed
            (false, null), // must sit, has no score: required, not sat
            (true, null), // exempt
            (true, 88m), // exempt even with a score entered: not required, not counted as sat
        ];

        var rates = ExamRates.Of(candidates, 60m, 90m);

        Assert.Equal(new ExamRates(Listed: 4, Exempt: 2, Required: 2, Sat: 1, Passed: 1, Excellent: 0), rates);
        Assert.Equal(50m, rates.SatRate);
        Assert.Equal(100m, rates.PassRate);
        Assert.Equal(0m, rates.ExcellentRate);
    }

    [Fact]
    public void A_score_exactly_at_the_pass_or_excellent_mark_counts_and_a_hair_below_does_not()
    {
        var rates = ExamRates.Of(Scored(59.99m, 60m, 89.99m, 90m), 60m, 90m);

        // 60, 89.99 and 90 pass; only 90 is excellent.
        Assert.Equal((4, 3, 1), (rates.Sat, rates.Passed, rates.Excellent));
        Assert.Equal(75m, rates.PassRate);
        Assert.Equal(25m, rates.ExcellentRate);

        var failed = ExamRates.Of(Scored(59.99m), 60m, 90m);
        Assert.Equal((1, 0, 0), (failed.Sat, failed.Passed, failed.Excellent));
        Assert.Equal(0m, failed.PassRate);
    }

    [Fact]
    public void The_exams_own_marks_decide_who_passes_and_who_is_excellent()
    {
        var scores = Scored(60m, 69.99m, 70m, 84.99m, 85m, 100m).ToList();

        // The default marks (60, 90): all six pass, only 100 is excellent; 1 / 6 = 16.666… to 16.67.
        var usual = ExamRates.Of(scores, 60m, 90m);
        Assert.Equal((6, 6, 1), (usual.Sat, usual.Passed, usual.Excellent));
        Assert.Equal(100m, usual.PassRate);
        Assert.Equal(16.67m, usual.ExcellentRate);

        // Pass at 70, excellent at 85: 70, 84.99, 85 and 100 pass; 85 and 100 are excellent.
        var strict = ExamRates.Of(scores, 70m, 85m);
        Assert.Equal((6, 4, 2), (strict.Sat, strict.Passed, strict.Excellent));
        Assert.Equal(66.67m, strict.PassRate);
        Assert.Equal(33.33m, strict.ExcellentRate);
    }

    [Fact]
    public void Nobody_sat_gives_rates_of_0_not_a_division_error()
    {
        var noScores = ExamRates.Of([.. Repeat(3, false, null), .. Repeat(1, true, null)], 60m, 90m);
        Assert.Equal(new ExamRates(Listed: 4, Exempt: 1, Required: 3, Sat: 0, Passed: 0, Excellent: 0), noScores);
        Assert.Equal((0m, 0m, 0m), (noScores.SatRate, noScores.PassRate, noScores.ExcellentRate));

        var allExempt = ExamRates.Of(Repeat(2, true, null), 60m, 90m);
        Assert.Equal((2, 2, 0, 0), (allExempt.Listed, allExempt.Exempt, allExempt.Required, allExempt.Sat));
        Assert.Equal((0m, 0m, 0m), (allExempt.SatRate, allExempt.PassRate, allExempt.ExcellentRate));

        var empty = ExamRates.Of([], 60m, 90m);
        Assert.Equal(new ExamRates(0, 0, 0, 0, 0, 0), empty);
        Assert.Equal((0m, 0m, 0m), (empty.SatRate, empty.PassRate, empty.ExcellentRate));
    }

    // ---- The monthly report's clock -----------------------------------------------------------------------------------------

    [Fact]
    public void A_months_report_is_due_on_the_10th_of_the_month_after_counted_in_calendar_days_even_across_National_Day()
    {
        // August 2019: Tuesday 09-10, a working day.
        var august = Reporter.ClockFor(D("2019-08-01"), DueDay, Calendar);
        Assert.Equal(D("2019-09-10"), august.DueDate);
        Assert.Equal(DeadlineUnit.CalendarDays, august.Unit);
        Assert.Equal(D("2019-09-01"), august.StartedOn);
        // The start day is not counted: 9 days after the 1st is the 10th.
        Assert.Equal(DueDay - 1, august.Allowance);

        // September 2019: 10-01 to 10-07 are off, but the limit counts calendar days, so Thursday 10-10 (in working days it
        // would run to 10-17). Any day of the month names the month.
        Assert.True(Calendar.IsWorkingDay(D("2019-10-10")));
        var september = Reporter.ClockFor(D("2019-09-23"), DueDay, Calendar);
        Assert.Equal(D("2019-10-10"), september.DueDate);
        Assert.Equal(Reporter.ClockFor(D("2019-09-01"), DueDay, Calendar), september);

        // December 2019: into the next year, Friday 2020-01-10.
        Assert.Equal(D("2020-01-10"), Reporter.ClockFor(D("2019-12-01"), DueDay, Calendar).DueDate);
    }

    [Theory]
    [InlineData("2019-01-01", "2019-02-10", "2019-02-11")] // Sunday 02-10, the last day of Spring Festival: Monday
    [InlineData("2019-02-01", "2019-03-10", "2019-03-11")] // Sunday: Monday
    [InlineData("2019-07-01", "2019-08-10", "2019-08-12")] // Saturday: Monday
    [InlineData("2019-10-01", "2019-11-10", "2019-11-11")] // Sunday: Monday
    [InlineData("2022-08-01", "2022-09-10", "2022-09-13")] // Mid-Autumn Saturday 09-10 to Monday 09-12: Tuesday
    [InlineData("2024-01-01", "2024-02-10", "2024-02-18")] // Spring Festival 02-10 to 02-17: Sunday 02-18, a day worked
    public void A_10th_that_is_a_day_off_moves_the_due_date_to_the_next_working_day(string month, string tenth, string due)
    {
        Assert.False(Calendar.IsWorkingDay(D(tenth)));
        Assert.True(Calendar.IsWorkingDay(D(due)));

        var clock = Reporter.ClockFor(D(month), DueDay, Calendar);

        Assert.Equal(D(due), clock.DueDate);
        // Red only once the due day is over in China.
        Assert.NotEqual(WarningLevel.Red, clock.Level(LastInstantInChina(D(due))));
        Assert.Equal(WarningLevel.Red, clock.Level(FirstInstantOfNextChinaDay(D(due))));
        // The 10th itself is not overdue.
        Assert.NotEqual(WarningLevel.Red, clock.Level(LastInstantInChina(D(tenth))));
    }

    [Fact]
    public void The_September_clock_turns_yellow_on_the_threshold_day_and_red_at_the_first_instant_of_the_11th_in_China()
    {
        var clock = Reporter.ClockFor(D("2019-09-01"), DueDay, Calendar);
        Assert.Equal(D("2019-10-10"), clock.DueDate);

        // Yellow when no more than the threshold of units is left after the day: Max(2, (9 + 4) / 5) = 2 calendar days, so from
        // the day that leaves 2 (10-08).
        var threshold = DeadlineClock.YellowThreshold(clock.Allowance);
        Assert.Equal(2, threshold);
        var yellowDay = clock.DueDate.AddDays(-threshold);
        Assert.Equal(D("2019-10-08"), yellowDay);
        Assert.Equal(yellowDay, clock.YellowFrom);

        // The day before the yellow day, to its last instant in China (15:59:59.999 UTC), is normal.
        Assert.Equal(WarningLevel.Normal, clock.Level(China("2019-09-20 12:00:00")));
        Assert.Equal(WarningLevel.Normal, clock.Level(new DateTimeOffset(2019, 10, 7, 15, 59, 59, 999, TimeSpan.Zero)));
        Assert.Equal(WarningLevel.Normal, clock.Level(LastInstantInChina(yellowDay.AddDays(-1))));
        // 16:00 UTC on 10-07 is 00:00 on 10-08 in China: yellow.
        Assert.Equal(WarningLevel.Yellow, clock.Level(new DateTimeOffset(2019, 10, 7, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(WarningLevel.Yellow, clock.Level(China("2019-10-08 00:00:00")));

        // The due day is yellow to its very last instant in China: 23:59:59.999 there, 15:59:59.999 UTC.
        Assert.Equal(WarningLevel.Yellow, clock.Level(new DateTimeOffset(2019, 10, 10, 15, 59, 59, 999, TimeSpan.Zero)));
        Assert.NotEqual(WarningLevel.Red, clock.Level(new DateTimeOffset(2019, 10, 10, 23, 59, 59, 999, TimeSpan.FromHours(8))));
        // 16:00 UTC on the 10th is already the 11th in China: red.
        Assert.Equal(WarningLevel.Red, clock.Level(new DateTimeOffset(2019, 10, 10, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(WarningLevel.Red, clock.Level(China("2019-10-11 00:00:00")));
    }

    [Fact]
    public void A_reporter_owes_its_first_month_and_owing_the_next_moves_the_due_date_a_month_on()
    {
        var id = Guid.NewGuid();
        var reporter = Reporter.Create(id, "石马社区", D("2019-09-17"), DueDay, Calendar);

        Assert.Equal((D("2019-09-01"), D("2019-09-01")), (reporter.FirstMonth, reporter.OwedMonth));
        Assert.Equal(D("2019-10-10"), reporter.Due.DueDate);
        Assert.Equal(Reporter.ClockFor(D("2019-09-01"), DueDay, Calendar), reporter.Due);
        Assert.True(reporter.Active);

        // September reported: October is owed, due on the 10th of November, a Sunday, so Monday 11-11.
        reporter.Owe(D("2019-10-01"), DueDay, Calendar);
        Assert.Equal(D("2019-10-01"), reporter.OwedMonth);
        Assert.Equal(D("2019-11-11"), reporter.Due.DueDate);
        Assert.Equal(D("2019-09-01"), reporter.FirstMonth);

        // Any day of the month names it: November, due Tuesday 12-10.
        reporter.Owe(D("2019-11-30"), DueDay, Calendar);
        Assert.Equal(D("2019-11-01"), reporter.OwedMonth);
        Assert.Equal(D("2019-12-10"), reporter.Due.DueDate);
    }

    [Fact]
    public void An_active_reporter_declares_the_publicity_month_clock_and_a_stopped_one_declares_none()
    {
        var id = Guid.NewGuid();
        var reporter = Reporter.Create(id, "石马社区", D("2019-09-01"), DueDay, Calendar);

        Assert.Equal(id, ((IHasDeadlines)reporter).RecordId);
        var deadline = Assert.Single(Deadlines(reporter));
        Assert.Equal("publicity.month", deadline.Kind);
        Assert.Equal((id, id), (deadline.SubjectId, deadline.DepartmentId));
        Assert.Equal(reporter.Due, deadline.Clock);
        Assert.Equal(D("2019-10-10"), deadline.Clock.DueDate);
        Assert.Contains("2019-09", deadline.Title, StringComparison.Ordinal);
        Assert.Contains("石马社区", deadline.Title, StringComparison.Ordinal);

        // The owed month moves: the title follows it.
        reporter.Owe(D("2019-10-01"), DueDay, Calendar);
        var october = Assert.Single(Deadlines(reporter));
        Assert.Contains("2019-10", october.Title, StringComparison.Ordinal);
        Assert.DoesNotContain("2019-09", october.Title, StringComparison.Ordinal);
        Assert.Equal(D("2019-11-11"), october.Clock.DueDate);

        reporter.Stop();
        Assert.False(reporter.Active);
        Assert.Empty(Deadlines(reporter));

        reporter.Resume();
        Assert.Equal(D("2019-11-11"), Assert.Single(Deadlines(reporter)).Clock.DueDate);
    }

    // ---- The monthly report's guards ----------------------------------------------------------------------------------------

    [Fact]
    public void A_month_is_submitted_from_its_last_day_in_China_and_not_an_instant_before()
    {
        var r = September();
        Assert.Equal(D("2019-09-01"), r.Month);
        Assert.Equal(ReportStatus.Draft, r.Status);
        Assert.Equal("2019-09 石马社区", r.Title);

        // 23:59:59 on 09-29 in China: the month is not over.
        var early = ReporterAt("2019-09-29 23:59:59");
        var refused = Refused(() => r.Submit(null, 3, 2, early));
        Assert.Equal(("publicity.month_not_over", "month", ErrorKind.Conflict), (refused.Code, refused.Field, refused.Kind));
        Assert.Equal(ReportStatus.Draft, r.Status);
        Assert.Null(r.SubmittedAt);
        Assert.Equal([ReportAction.Edit], r.AvailableActions(early));

        // 00:00 on 09-30 in China (16:00 UTC on 09-29): the last day, allowed.
        var onLastDay = ReporterAt("2019-09-30 00:00:00");
        Assert.Equal([ReportAction.Edit, ReportAction.Submit], r.AvailableActions(onLastDay));
        r.Submit(null, 3, 2, onLastDay);
        Assert.Equal(ReportStatus.Submitted, r.Status);
        Assert.Equal(onLastDay.Now, r.SubmittedAt);
        Assert.Equal("submitted", r.Steps[^1].Kind);

        // February of a leap year ends on the 29th.
        var february = MonthlyReport.Open(Community, "石马社区", D("2020-02-03"), ReporterAt("2020-02-03 09:00:00"));
        Assert.Equal("publicity.month_not_over", Refused(() => february.Submit(null, 1, 0, ReporterAt("2020-02-28 23:59:59"))).Code);
        february.Submit(null, 1, 0, ReporterAt("2020-02-29 00:00:00"));
        Assert.Equal(ReportStatus.Submitted, february.Status);
    }

    [Fact]
    public void An_empty_month_needs_a_note_saying_why()
    {
        var by = ReporterAt("2019-10-08 09:00:00");

        var r = September();
        var missing = Invalid(() => r.Submit(null, 0, 0, by));
        Assert.Equal(("note", "publicity.empty_month_reason"), (missing.Field, missing.Code));
        var blank = Invalid(() => r.Submit("   ", 0, 0, by));
        Assert.Equal(("note", "publicity.empty_month_reason"), (blank.Field, blank.Code));
        Assert.Equal(ReportStatus.Draft, r.Status);

        r.Submit("  本月社区开展疫情防控，未组织普法活动。 ", 0, 0, by);
        Assert.Equal(ReportStatus.Submitted, r.Status);
        Assert.Equal("本月社区开展疫情防控，未组织普法活动。", r.Note);

        // One event or one post is a month with something in it: no note needed.
        var oneEvent = September();
        oneEvent.Submit(null, 1, 0, by);
        Assert.Equal(ReportStatus.Submitted, oneEvent.Status);
        Assert.Null(oneEvent.Note);
        var onePost = September();
        onePost.Submit(null, 0, 1, by);
        Assert.Equal(ReportStatus.Submitted, onePost.Status);
    }

    [Fact]
    public void Only_a_reporter_or_officer_who_acts_for_the_community_submits_it()
    {
        var r = September();

        // The reporter role, but another community's scope.
        var elsewhere = Person("2019-10-08 09:00:00", new DataScopeFilter(false, [OtherCommunity], Guid.NewGuid(), false), "other.publicity", "李明", ReporterRole);
        var refused = Refused(() => r.Submit(null, 3, 2, elsewhere));
        Assert.Equal(("publicity.not_yours", ErrorKind.Forbidden), (refused.Code, refused.Kind));

        // The community's scope, but no publicity role.
        var noRole = Person("2019-10-08 09:00:00", new DataScopeFilter(false, [Community], Guid.NewGuid(), false), "shima.clerk", "王芳");
        Assert.Equal(ErrorKind.Forbidden, Refused(() => r.Submit(null, 3, 2, noRole)).Kind);
        Assert.Equal(ErrorKind.Forbidden, Refused(() => r.Changed("event.added", "普法讲座", noRole)).Kind);
        Assert.Empty(r.AvailableActions(noRole));
        Assert.Equal(ReportStatus.Draft, r.Status);

        r.Submit(null, 3, 2, ReporterAt("2019-10-08 09:00:00"));
        Assert.Equal(ReportStatus.Submitted, r.Status);
    }

    [Fact]
    public void Only_the_publicity_officer_confirms_a_submitted_report()
    {
        var draft = September();
        Assert.Equal("publicity.not_submitted", Refused(() => draft.Confirm(OfficerAt("2019-10-09 10:00:00"))).Code);

        var r = SubmittedSeptember();

        // Everything in scope, but only the reporter role: refused.
        var reporterEverywhere = Person("2019-10-09 10:00:00", DataScopeFilter.Everything, "shima.publicity", "陈晓燕", ReporterRole);
        var refused = Refused(() => r.Confirm(reporterEverywhere));
        Assert.Equal(("publicity.not_yours", ErrorKind.Forbidden), (refused.Code, refused.Kind));
        Assert.DoesNotContain(ReportAction.Confirm, r.AvailableActions(reporterEverywhere));
        Assert.Equal(ReportStatus.Submitted, r.Status);
        Assert.Null(r.ConfirmedAt);

        var officer = OfficerAt("2019-10-09 10:00:00");
        Assert.Equal([ReportAction.Confirm, ReportAction.Return], r.AvailableActions(officer));
        r.Confirm(officer);
        Assert.Equal(ReportStatus.Confirmed, r.Status);
        Assert.Equal((officer.Now, "黄志诚"), (r.ConfirmedAt!.Value, r.ConfirmedBy));
        Assert.Equal("confirmed", r.Steps[^1].Kind);

        // Confirmed: closed to editing, and not confirmed twice.
        Assert.Equal("publicity.report_closed", Refused(() => r.Changed("event.added", "普法讲座", ReporterAt("2019-10-10 09:00:00"))).Code);
        Assert.Equal("publicity.not_submitted", Refused(() => r.Confirm(officer)).Code);
    }

    [Fact]
    public void A_submitted_report_is_closed_until_the_officer_returns_it_with_a_reason()
    {
        var r = SubmittedSeptember();
        var reporter = ReporterAt("2019-10-08 15:00:00");

        var closed = Refused(() => r.Changed("event.added", "宪法宣传摆摊", reporter));
        Assert.Equal(("publicity.report_closed", ErrorKind.Conflict), (closed.Code, closed.Kind));
        Assert.Equal("publicity.report_closed", Refused(() => r.Submit(null, 4, 2, reporter)).Code);
        Assert.Empty(r.AvailableActions(reporter));

        // Returning needs a reason, and only the officer returns.
        var officer = OfficerAt("2019-10-09 10:00:00");
        var noReason = Invalid(() => r.Return(null, officer));
        Assert.Equal(("reason", "required"), (noReason.Field, noReason.Code));
        Assert.Equal("reason", Invalid(() => r.Return("  ", officer)).Field);
        Assert.Equal(ErrorKind.Forbidden, Refused(() => r.Return("照片缺失", reporter)).Kind);
        Assert.Equal(ReportStatus.Submitted, r.Status);

        r.Return(" 活动照片缺失，请补充后重新报送。 ", officer);
        Assert.Equal(ReportStatus.Returned, r.Status);
        Assert.Equal("活动照片缺失，请补充后重新报送。", r.Note);

        // Open again: the reporter edits and submits once more.
        var again = ReporterAt("2019-10-09 16:00:00");
        Assert.Equal([ReportAction.Edit, ReportAction.Submit], r.AvailableActions(again));
        r.Changed("event.added", "宪法宣传摆摊", again);
        Assert.Equal("event.added", r.Steps[^1].Kind);
        r.Submit(null, 4, 2, again);
        Assert.Equal(ReportStatus.Submitted, r.Status);
        Assert.Null(r.Note);

        Assert.Equal(["opened", "submitted", "returned", "event.added", "submitted"], r.Steps.Select(s => s.Kind).ToList());
        Assert.Equal([1, 2, 3, 4, 5], r.Steps.Select(s => s.Sequence).ToList());
    }
}
