using Fazhi.Web.Platform.Localization;
using System.Globalization;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Tests.Mediation;

/// <summary>The rules of 人民调解法 at exact China-time instants on the shipped 2019 calendar (National Day 10-01 to 10-07).</summary>
public sealed class MediationRuleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Shipped();

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset China(string instant) =>
        new(DateTime.ParseExact(instant, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    /// <summary>The mediator at work: at 10:00 on a day, or at the instant given.</summary>
    private static Actor On(string day) => Actor.Seeding("mediator", "钟伟明", China(day.Contains(' ', StringComparison.Ordinal) ? day : day + " 10:00:00").UtcDateTime, Calendar);

    private static MediationCase Registered(string day, DisputeType type = DisputeType.Neighbours)
    {
        var committee = new MediationCommittee { Id = Guid.NewGuid(), Code = "TX-MED", Name = "塘厦镇人民调解委员会", Abbreviation = "塘调", DepartmentId = Guid.NewGuid() };
        Party P(PartySide side, string name) => new() { Side = side, Kind = PartyKind.Person, Name = name };
        return MediationCase.Register("塘调〔2019〕1号", committee, null, type, CaseSource.Application, null, "相邻排水纠纷", "请求调解",
            [P(PartySide.Applicant, "林雪梅"), P(PartySide.Respondent, "吴海涛")], [Guid.NewGuid()], On(day));
    }

    private static MediationCase Mediated(string registered, string held, DisputeType type = DisputeType.Neighbours)
    {
        var c = Registered(registered, type);
        foreach (var p in c.Parties)
        {
            c.RecordConsent(p.Id, On(registered));
        }

        c.GiveRightsNotice(On(registered), "书面告知，双方签收");
        c.HoldSession(null, China(held + " 10:00:00").UtcDateTime, null, [Guid.NewGuid()], "双方", "调解笔录", On(held));
        return c;
    }

    [Fact]
    public void The_one_month_clock_runs_to_the_same_date_next_month_and_a_last_day_in_National_Day_moves_to_the_8th()
    {
        var plain = Registered("2019-08-12");
        Assert.Equal(D("2019-09-12"), plain.Clock.DueDate);
        Assert.Equal(DeadlineUnit.CalendarDays, plain.Clock.Unit);

        // 09-05 plus one month is 10-05, inside the holiday: the limit ends on the next working day.
        var c = Registered("2019-09-05");
        Assert.Equal(D("2019-10-08"), c.Clock.DueDate);
        Assert.Equal(WarningLevel.Normal, c.Clock.Level(China("2019-09-20 12:00:00")));
        Assert.NotEqual(WarningLevel.Red, c.Clock.Level(China("2019-10-08 23:59:59")));
        Assert.Equal(WarningLevel.Red, c.Clock.Level(China("2019-10-09 00:00:00")));
        // 16:00 UTC on the 8th is already the 9th in China.
        Assert.Equal(WarningLevel.Red, c.Clock.Level(new DateTimeOffset(2019, 10, 8, 16, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void The_30_day_confirmation_window_ending_in_National_Day_closes_on_the_8th_of_October()
    {
        var c = Mediated("2019-08-28", "2019-09-03");
        c.AgreeInWriting("相邻排水纠纷", "乙方改造排水管道", "十日内自费改造", D("2019-09-13"), D("2019-09-03"), On("2019-09-03"));
        var window = c.Agreement!.ConfirmationWindow!;
        // 30 days from 09-03 is 10-03 (a holiday): the 8th is the last day to apply.
        Assert.Equal(D("2019-10-08"), window.DueDate);
        Assert.Contains(((IHasDeadlines)c).Deadlines, d => d.Kind == MediationCase.ConfirmationClock);

        var late = Mediated("2019-08-28", "2019-09-03");
        late.AgreeInWriting("相邻排水纠纷", "乙方改造排水管道", "十日内自费改造", null, D("2019-09-03"), On("2019-09-03"));
        var refused = Assert.Throws<DomainException>(() => late.ApplyForConfirmation(D("2019-10-09"), "东莞市第三人民法院", On("2019-10-09"), Both(late)));
        Assert.Equal("mediation.confirmation_window_passed", refused.Code);
        Assert.Equal("appliedOn", refused.Field);

        // 法释〔2011〕5号 第2条: applied for jointly; one party alone is refused.
        var alone = Assert.Throws<DomainException>(() => c.ApplyForConfirmation(D("2019-10-08"), "东莞市第三人民法院", On("2019-10-08"), [c.Parties[0].Id]));
        Assert.Equal(("mediation.joint_application_required", "partyIds"), (alone.Code, alone.Field));
        c.ApplyForConfirmation(D("2019-10-08"), "东莞市第三人民法院", On("2019-10-08"), Both(c));
        Assert.Equal(D("2019-10-08"), c.Agreement.ConfirmationAppliedOn);
        Assert.Equal("东莞市第三人民法院；共同申请：林雪梅、吴海涛", StepNote.Render(c.Events[^1].Note, english: false));
        Assert.Equal("东莞市第三人民法院; applied for jointly by 林雪梅, 吴海涛", StepNote.Render(c.Events[^1].Note, english: true));
        Assert.DoesNotContain(((IHasDeadlines)c).Deadlines, d => d.Kind == MediationCase.ConfirmationClock);
        Assert.Equal("mediation.confirmation_applied", Assert.Throws<DomainException>(() => c.ApplyForConfirmation(D("2019-10-08"), "东莞市第三人民法院", On("2019-10-08"), Both(c))).Code);
    }

    private static Guid[] Both(MediationCase c) => [.. c.Parties.Select(p => p.Id)];

    [Fact]
    public void A_family_agreement_on_support_custody_or_property_is_confirmable_and_one_on_status_adoption_or_a_marriage_is_not_and_an_oral_one_has_no_window()
    {
        // 法释〔2011〕5号 第4条 bars status, adoption and the validity of a marriage, not support.
        var support = Mediated("2019-09-02", "2019-09-03", DisputeType.MarriageFamily);
        Assert.Equal("familyMatter", Assert.Throws<ValidationFailedException>(() =>
            support.AgreeInWriting("赡养费分担", "每月各承担一千元", "按月支付", null, D("2019-09-03"), On("2019-09-03"))).Errors.Single().Field);
        support.AgreeInWriting("赡养费分担", "每月各承担一千元", "按月支付", null, D("2019-09-03"), On("2019-09-03"), FamilyMatter.Support);
        Assert.True(support.Agreement!.Confirmable);
        Assert.Equal(D("2019-10-08"), support.Agreement.ConfirmationWindow!.DueDate);
        support.ApplyForConfirmation(D("2019-09-05"), "东莞市第三人民法院", On("2019-09-05"), Both(support));

        foreach (var matter in new[] { FamilyMatter.CustodyVisitation, FamilyMatter.Property })
        {
            var c = Mediated("2019-09-02", "2019-09-03", DisputeType.MarriageFamily);
            c.AgreeInWriting("离婚后子女探望及财产", "协议内容", "按约履行", null, D("2019-09-03"), On("2019-09-03"), matter);
            Assert.True(c.Agreement!.Confirmable, matter.ToString());
        }

        foreach (var matter in new[] { FamilyMatter.Status, FamilyMatter.Adoption, FamilyMatter.MarriageValidity })
        {
            var family = Mediated("2019-09-02", "2019-09-03", DisputeType.MarriageFamily);
            family.AgreeInWriting("身份关系", "协议内容", "按约履行", null, D("2019-09-03"), On("2019-09-03"), matter);
            Assert.False(family.Agreement!.Confirmable, matter.ToString());
            Assert.Null(family.Agreement.ConfirmationWindow);
            Assert.Equal("mediation.not_confirmable", Assert.Throws<DomainException>(() => family.ApplyForConfirmation(D("2019-09-05"), "东莞市第三人民法院", On("2019-09-05"), Both(family))).Code);
        }

        var oral = Mediated("2019-09-02", "2019-09-03");
        oral.AgreeOrally("当场赔偿三百元", null, On("2019-09-03"));
        Assert.Equal(CaseStatus.Settled, oral.Status);
        Assert.Equal("mediation.no_written_agreement", Assert.Throws<DomainException>(() => oral.ApplyForConfirmation(D("2019-09-05"), "东莞市第三人民法院", On("2019-09-05"), Both(oral))).Code);
    }

    [Fact]
    public void A_session_needs_every_partys_consent_and_the_rights_notice_given_first_and_an_agreement_needs_a_session()
    {
        var c = Registered("2019-09-02");
        var at = China("2019-09-02 15:00:00").UtcDateTime;
        Assert.Equal("mediation.session_required", Assert.Throws<DomainException>(() => c.AgreeOrally("赔偿", null, On("2019-09-02"))).Code);
        c.RecordConsent(c.Parties[0].Id, On("2019-09-02"));
        var refused = Assert.Throws<DomainException>(() => c.HoldSession(null, at, null, [Guid.NewGuid()], "双方", "笔录", On("2019-09-02 16:00:00")));
        Assert.Equal(("mediation.consent_missing", ErrorKind.Conflict), (refused.Code, refused.Kind));
        c.RecordConsent(c.Parties[1].Id, On("2019-09-02"));
        // 人民调解法 第23条: the parties are told their rights and duties before mediation begins.
        var untold = Assert.Throws<DomainException>(() => c.HoldSession(null, at, null, [Guid.NewGuid()], "双方", "笔录", On("2019-09-02 16:00:00")));
        Assert.Equal(("mediation.rights_notice_required", "rightsNotice"), (untold.Code, untold.Field));
        c.GiveRightsNotice(On("2019-09-02"), "口头告知，双方确认");
        Assert.Equal("mediation.rights_notice_given", Assert.Throws<DomainException>(() => c.GiveRightsNotice(On("2019-09-02"))).Code);
        c.HoldSession(null, at, null, [Guid.NewGuid()], "双方", "笔录", On("2019-09-02 16:00:00"));
        Assert.Equal(CaseStatus.InMediation, c.Status);
    }

    [Fact]
    public void A_session_is_not_recorded_as_held_in_the_future_nor_an_agreement_dated_before_the_case_or_after_today()
    {
        var c = Registered("2019-09-10");
        foreach (var p in c.Parties)
        {
            c.RecordConsent(p.Id, On("2019-09-10"));
        }

        c.GiveRightsNotice(On("2019-09-10"));
        var future = Assert.Throws<ValidationFailedException>(() =>
            c.HoldSession(null, China("2019-09-12 10:00:00").UtcDateTime, null, [Guid.NewGuid()], "双方", "笔录", On("2019-09-11")));
        Assert.Equal(("at", "mediation.session_in_future"), (future.Errors.Single().Field, future.Errors.Single().Code));
        var before = Assert.Throws<ValidationFailedException>(() =>
            c.HoldSession(null, China("2019-09-09 10:00:00").UtcDateTime, null, [Guid.NewGuid()], "双方", "笔录", On("2019-09-11")));
        Assert.Equal("mediation.date_before_acceptance", before.Errors.Single().Code);
        c.HoldSession(null, China("2019-09-11 09:00:00").UtcDateTime, null, [Guid.NewGuid()], "双方", "笔录", On("2019-09-11"));

        Assert.Equal(("mediation.date_before_acceptance", "effectiveOn"), Refusal(() => c.AgreeInWriting("事实", "条款", "履行", null, D("2019-09-09"), On("2019-09-11"))));
        Assert.Equal(("mediation.effective_in_future", "effectiveOn"), Refusal(() => c.AgreeInWriting("事实", "条款", "履行", null, D("2019-09-12"), On("2019-09-11"))));
        c.AgreeInWriting("事实", "条款", "履行", null, D("2019-09-10"), On("2019-09-11"));
    }

    private static (string, string?) Refusal(Action act)
    {
        var e = Assert.Throws<DomainException>(act);
        return (e.Code, e.Field);
    }

    [Fact]
    public void A_subsidy_rate_applies_from_its_first_day_to_its_last_and_a_class_without_one_has_none()
    {
        SubsidyRate R(DifficultyClass cls, decimal amount, string from, string? to) =>
            new() { City = "东莞市", Class = cls, Amount = amount, EffectiveFrom = D(from), EffectiveTo = to is null ? null : D(to) };
        var rates = new[]
        {
            R(DifficultyClass.Simple, 200, "2019-01-01", "2019-06-30"),
            R(DifficultyClass.Simple, 300, "2019-07-01", null),
            R(DifficultyClass.Major, 1500, "2019-01-01", null),
        };
        Assert.Equal(200, SubsidyRate.InForce(rates, "东莞市", DifficultyClass.Simple, D("2019-06-30"))!.Amount);
        Assert.Equal(300, SubsidyRate.InForce(rates, "东莞市", DifficultyClass.Simple, D("2019-07-01"))!.Amount);
        Assert.Null(SubsidyRate.InForce(rates, "东莞市", DifficultyClass.Simple, D("2018-12-31")));
        Assert.Null(SubsidyRate.InForce(rates, "东莞市", DifficultyClass.Ordinary, D("2019-07-01")));
        Assert.Null(SubsidyRate.InForce(rates, "深圳市", DifficultyClass.Major, D("2019-07-01")));
    }

    [Fact]
    public void The_success_rate_is_exact_and_shows_3899_of_3929_as_99_24_percent()
    {
        var row = new StatRow("total", 3929, 3899);
        Assert.Equal(3899m / 3929m, row.Rate);
        Assert.Equal("99.24%", Fazhi.Web.Platform.Reports.FigureCatalog.Format(new Fazhi.Web.Platform.Reports.FigureValue("mediation.success_rate", "mediation", "", row.Rate!.Value, true)));
        Assert.Null(new StatRow("none", 0, 0).Rate);
        Assert.Equal("99.24%", row.RateText);
        Assert.Null(new StatRow("none", 0, 0).RateText);
    }

    [Fact]
    public void A_committee_warns_when_it_has_fewer_than_three_members_no_woman_or_a_term_over_three_years()
    {
        var women = new Mediator { Id = Guid.NewGuid(), Name = "梁淑芬", Gender = Gender.Female };
        var men = Enumerable.Range(0, 3).Select(i => new Mediator { Id = Guid.NewGuid(), Name = "男" + i, Gender = Gender.Male }).ToList();
        var all = men.Append(women).ToDictionary(m => m.Id);
        MediationCommittee With(IEnumerable<Mediator> people, string to) => new()
        {
            Members = [.. people.Select(p => new CommitteeMember { MediatorId = p.Id, TermFrom = D("2019-01-01"), TermTo = D(to) })],
        };

        Assert.Empty(With([men[0], men[1], women], "2021-12-31").Warnings(all, D("2019-09-01")));
        Assert.Equal(["mediation.committee_size", "mediation.committee_no_woman"], With([men[0], men[1]], "2021-12-31").Warnings(all, D("2019-09-01")));
        Assert.Contains("mediation.committee_term_too_long", With([men[0], men[1], women], "2022-06-30").Warnings(all, D("2019-09-01")));
    }

    [Fact]
    public void The_courts_three_days_to_accept_and_fifteen_plus_ten_to_decide_are_the_courts_clocks_not_the_mediators()
    {
        var c = Mediated("2019-09-02", "2019-09-03");
        c.AgreeInWriting("相邻排水纠纷", "乙方改造排水管道", "十日内自费改造", null, D("2019-09-03"), On("2019-09-03"));
        c.ApplyForConfirmation(D("2019-09-27"), "东莞市第三人民法院", On("2019-09-27"), Both(c));
        // Applied Friday 09-27: three days end on Monday 09-30.
        var accept = Assert.Single(((IHasDeadlines)c).Deadlines, d => d.Kind == MediationCase.CourtAcceptanceClock);
        Assert.Equal(D("2019-09-30"), accept.Clock.DueDate);
        Assert.Equal(DeadlineOwner.Other, new Fazhi.Web.Modules.Mediation.MediationModule().DeadlineKinds.Single(k => k.Key == MediationCase.CourtAcceptanceClock).Owner);

        // Accepted on 09-30: fifteen days end on 10-15; extended once by ten, on 10-25.
        c.RecordCourt(D("2019-09-30"), null, null, On("2019-09-30"));
        Assert.DoesNotContain(((IHasDeadlines)c).Deadlines, d => d.Kind == MediationCase.CourtAcceptanceClock);
        Assert.Equal(D("2019-10-15"), Assert.Single(((IHasDeadlines)c).Deadlines, d => d.Kind == MediationCase.CourtDecisionClock).Clock.DueDate);
        c.RecordCourt(null, null, null, On("2019-10-14"), extended: true);
        Assert.Equal(D("2019-10-25"), c.Agreement!.CourtDecision!.DueDate);
        c.RecordCourt(null, null, null, On("2019-10-15"), extended: true);
        Assert.Equal(D("2019-10-25"), c.Agreement.CourtDecision.DueDate);

        c.RecordCourt(null, D("2019-10-24"), true, On("2019-10-24"));
        Assert.DoesNotContain(((IHasDeadlines)c).Deadlines, d => d.Kind is MediationCase.CourtAcceptanceClock or MediationCase.CourtDecisionClock);
    }
}
