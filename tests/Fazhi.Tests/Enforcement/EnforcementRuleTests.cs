using Fazhi.Web.Platform.Localization;
using System.Globalization;
using Fazhi.Web.Modules.Enforcement;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Tests.Enforcement;

/// <summary>
/// The rules of 行政处罚法 (2021) at exact China dates on the shipped calendar: 2019's National Day ran 10-01 to 10-07, with
/// Sunday 09-29 and Saturday 10-12 worked in its place.
/// </summary>
public sealed class EnforcementRuleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Shipped();

    private static readonly DepartmentRules Rules = new();

    private static readonly Guid Department = Guid.NewGuid();

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset China(string instant) =>
        new(DateTime.ParseExact(instant, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    /// <summary>The department's officer register as the rights see it: every officer these tests made.</summary>
    private readonly List<Officer> _register = [];

    private static readonly DiscretionRule Benchmark = new()
    {
        Id = Guid.NewGuid(), DepartmentId = Department, Kind = DiscretionKind.Benchmark, Code = "SC-001", Violation = "销售超过保质期的食品", Provision = "《食品安全法》第一百二十四条",
        Circumstance = "一般", Measure = "处五千元以上罚款", MinFine = 0, MaxFine = 1_000_000, EffectiveFrom = D("2018-01-01"),
    };

    private CaseRights On(string day, string user = "officer.msa", string name = "周文斌", LegalReviewer? reviewer = null) =>
        new(Actor.Seeding(user, name, China(day + " 10:00:00").UtcDateTime, Calendar), IsHead: true, reviewer, Rules, _register);

    private CaseRights At(string instant) => new(Actor.Seeding("officer.msa", "周文斌", China(instant).UtcDateTime, Calendar), IsHead: true, null, Rules, _register);

    private Officer Certified(string name, string? user = null, string validUntil = "2023-12-31", CertificateStatus status = CertificateStatus.Valid)
    {
        var o = new Officer
        {
            Id = Guid.NewGuid(), DepartmentId = Department, Name = name, CertificateNumber = "粤执" + Guid.NewGuid().ToString("N")[..8],
            Area = "市场监管", Category = "行政处罚", ValidFrom = D("2018-01-01"), ValidUntil = D(validUntil), Status = status, UserName = user,
        };
        _register.Add(o);
        return o;
    }

    private static CaseParty Person(string name = "林建国") =>
        new() { Kind = PartyKind.Person, Name = name, IdNumber = "441900198002143026", Phone = "13926001122", Address = "广东省东莞市塘厦镇花园街41号" };

    private EnforcementCase Registered(string day, CaseParty? party = null, string? actOn = null) =>
        EnforcementCase.Register("塘市监立〔2019〕1号", Department, Rules, CaseSource.Inspection, null, "销售过期食品", "当事人在其经营的便利店内销售超过保质期的预包装食品。",
            actOn is null ? D(day).AddDays(-10) : D(actOn), D(day), false, party ?? Person(), On(day));

    private EnforcementCase Filed(string day, CaseParty? party = null)
    {
        var c = Registered(day, party);
        c.Assign(Certified("周文斌", "officer.msa"), OfficerRole.Lead, On(day));
        c.Assign(Certified("陈志强"), OfficerRole.Assisting, On(day));
        c.ApproveFiling(On(day));
        return c;
    }

    private EnforcementCase Notified(string day, decimal fine, CaseParty? party = null)
    {
        var c = Filed(day, party);
        c.AddEvidence(EvidenceKind.Statement, "询问笔录", false, null, null, null, On(day));
        c.ShowCertificates(D(day), "当事人林建国，于其便利店", On(day));
        c.IssueNotice(PenaltyKind.Fine, fine, 0, "《食品安全法》第三十四条", "《食品安全法》第一百二十四条", Benchmark, false, false, D(day), Rules, On(day));
        return c;
    }

    private static string Refused(Action act) => Assert.Throws<DomainException>(act).Code;

    private const string Proof = "5f0c2f9a7d1e4b3c8a6f0e1d2c3b4a5968776655443322110ffeeddccbbaa998";

    [Fact]
    public void The_calendar_holds_the_2019_National_Day_holiday_and_its_two_working_weekend_days()
    {
        Assert.False(Calendar.IsWorkingDay(D("2019-10-01")));
        Assert.False(Calendar.IsWorkingDay(D("2019-10-07")));
        Assert.False(Calendar.IsWorkingDay(D("2019-09-28")));
        Assert.True(Calendar.IsWorkingDay(D("2019-09-29")));
        Assert.True(Calendar.IsWorkingDay(D("2019-10-08")));
        Assert.True(Calendar.IsWorkingDay(D("2019-10-12")));
    }

    [Fact]
    public void A_hearing_asked_for_within_five_working_days_of_a_notice_served_before_National_Day_is_in_time_until_the_10th_of_October()
    {
        // Served Friday 09-27: Sunday 09-29 and Monday 09-30 count, the holiday does not, then 10-08, 10-09, 10-10.
        var c = Notified("2019-09-27", 20_000m);
        Assert.True(c.HearingEligible);
        Assert.Equal(D("2019-10-10"), c.HearingRequestWindow!.DueDate);
        Assert.Equal(DeadlineUnit.WorkingDays, c.HearingRequestWindow.Unit);

        var late = Notified("2019-09-27", 20_000m);
        var refused = Assert.Throws<DomainException>(() => late.RequestHearing(D("2019-10-11"), On("2019-10-11")));
        Assert.Equal(("enforcement.hearing_request_late", "requestedOn"), (refused.Code, refused.Field));

        c.RequestHearing(D("2019-10-10"), On("2019-10-10"));
        Assert.Equal(D("2019-10-10"), c.HearingRequestedOn);
    }

    [Fact]
    public void A_hearing_noticed_on_the_30th_of_September_may_be_held_on_the_15th_of_October_at_the_earliest()
    {
        // Seven working days after 09-30: 10-08, 09, 10, 11, Saturday 10-12 (worked), 10-14, 10-15.
        var c = Notified("2019-09-27", 20_000m);
        c.RequestHearing(D("2019-09-30"), On("2019-09-30"));
        var refused = Assert.Throws<DomainException>(() => c.ScheduleHearing(D("2019-09-30"), D("2019-10-14"), "刘志强", null, On("2019-09-30")));
        Assert.Equal(("enforcement.hearing_notice_short", "hearingOn"), (refused.Code, refused.Field));
        Assert.Equal("2019-10-15", refused.Args[0]);

        // Nor by an officer who investigated the case.
        Assert.Equal("enforcement.presider_investigated", Refused(() => c.ScheduleHearing(D("2019-09-30"), D("2019-10-15"), "陈志强", null, On("2019-09-30"))));
        Assert.Equal("enforcement.too_many_agents", Assert.Throws<ValidationFailedException>(() =>
            c.ScheduleHearing(D("2019-09-30"), D("2019-10-15"), "刘志强", "甲、乙、丙", On("2019-09-30"))).Errors.Single().Code);

        c.ScheduleHearing(D("2019-09-30"), D("2019-10-15"), "刘志强", "王律师", On("2019-09-30"));
        Assert.Equal(D("2019-10-15"), c.HearingOn);
        Assert.Equal("enforcement.hearing_not_yet", Refused(() => c.HoldHearing(false, "笔录", On("2019-10-14"))));
    }

    [Fact]
    public void A_penalty_decided_before_National_Day_is_due_for_publication_seven_working_days_later_and_other_decisions_in_twenty()
    {
        // Decided Thursday 09-26: 09-27, 09-29, 09-30, 10-08, 10-09, 10-10, 10-11.
        var penalty = Publication.Prepare(Department, Guid.NewGuid(), null, PublicationKind.Penalty, "塘市监罚〔2019〕1号", "销售过期食品", "林*国", "……", 5000m, D("2019-09-26"), Calendar);
        Assert.Equal(D("2019-10-11"), penalty.Due.DueDate);
        Assert.Equal(PublicationStatus.Due, penalty.Status);

        var licence = Publication.Prepare(Department, null, Guid.NewGuid(), PublicationKind.Licence, "塘市监许〔2019〕1号", "食品经营许可", "某公司", "准予", 0m, D("2019-09-26"), Calendar);
        Assert.Equal(D("2019-10-11"), licence.Due.DueDate);

        // Twenty: on from 10-11 with Saturday 10-12, then 10-14 … 10-29.
        var other = Publication.Prepare(Department, null, Guid.NewGuid(), PublicationKind.Other, "塘市监强〔2019〕1号", "查封", "某公司", "查封", 0m, D("2019-09-26"), Calendar);
        Assert.Equal(D("2019-10-29"), other.Due.DueDate);
    }

    [Fact]
    public void A_published_decision_that_is_revoked_must_come_down_within_three_working_days_and_an_unpublished_one_never_goes_up()
    {
        var published = Publication.Prepare(Department, Guid.NewGuid(), null, PublicationKind.Penalty, "塘市监罚〔2019〕2号", "销售过期食品", "林*国", "……", 5000m, D("2019-09-20"), Calendar);
        published.Publish(D("2019-09-24"), "周文斌", D("2022-09-24"), null);
        Assert.True(published.IsPublicOn(D("2019-09-25")));
        published.DecisionRevoked(D("2019-09-27"), "复议撤销", Calendar);
        Assert.Equal(PublicationStatus.WithdrawalDue, published.Status);
        // 09-29, 09-30, 10-08.
        Assert.Equal(D("2019-10-08"), published.Withdrawal!.DueDate);
        Assert.False(published.IsPublicOn(D("2019-09-28")));

        var due = Publication.Prepare(Department, Guid.NewGuid(), null, PublicationKind.Penalty, "塘市监罚〔2019〕3号", "销售过期食品", "林*国", "……", 5000m, D("2019-09-20"), Calendar);
        due.DecisionRevoked(D("2019-09-23"), "变更", Calendar);
        Assert.Equal(PublicationStatus.Withdrawn, due.Status);
        Assert.Equal("enforcement.publication_not_due", Refused(() => due.Publish(D("2019-09-24"), "周文斌", D("2022-09-24"), null)));
    }

    [Fact]
    public void The_90_day_decision_limit_runs_in_calendar_days_moves_off_National_Day_and_an_approved_extension_adds_to_it()
    {
        // 07-05 plus 90 days is 10-03, a holiday: the limit ends on the next working day.
        var holiday = Filed("2019-07-05");
        Assert.Equal(DeadlineUnit.CalendarDays, holiday.Decision!.Unit);
        Assert.Equal(D("2019-10-08"), holiday.Decision.DueDate);

        var c = Filed("2019-03-05");
        Assert.Equal(D("2019-06-03"), c.Decision!.DueDate);
        Assert.Equal("reason", Assert.Throws<ValidationFailedException>(() => c.Extend("decision", 30, " ", Rules, On("2019-05-20"))).Errors.Single().Field);
        c.Extend("decision", 30, "案情复杂，经负责人批准延长", Rules, On("2019-05-20"));
        Assert.Equal(D("2019-07-03"), c.Decision.DueDate);
        Assert.Equal(120, c.Decision.Allowance);
        var extension = Assert.Single(c.Extensions);
        Assert.Equal(("decision", 30), (extension.Limit, extension.Days));
        Assert.Equal("decision_extended", c.Steps[^1].Kind);

        // A registered case has no decision clock to extend yet; its filing limit may be extended once, by at most 15 days.
        var lead = Registered("2019-03-05");
        Assert.Equal("enforcement.step_out_of_order", Refused(() => lead.Extend("decision", 30, "理由", Rules, On("2019-03-06"))));
        Assert.Equal("enforcement.filing_extension_limit", Refused(() => lead.Extend("filing", 16, "理由", Rules, On("2019-03-06"))));
        var filingDue = lead.Filing!.DueDate;
        lead.Extend("filing", 15, "需进一步核查", Rules, On("2019-03-06"));
        Assert.Equal(Calendar.AddWorkingDays(filingDue, 15), lead.Filing.DueDate);
        Assert.Equal("enforcement.filing_extension_limit", Refused(() => lead.Extend("filing", 1, "再次延长", Rules, On("2019-03-07"))));
    }

    [Fact]
    public void The_late_fine_is_nothing_on_the_last_day_to_pay_then_three_percent_a_day_and_never_more_than_the_fine()
    {
        var last = D("2019-10-08");
        Assert.Equal(0m, EnforcementCase.LateFine(20_000m, last, last));
        Assert.Equal(0m, EnforcementCase.LateFine(20_000m, last, D("2019-10-01")));
        Assert.Equal(600m, EnforcementCase.LateFine(20_000m, last, D("2019-10-09")));
        Assert.Equal(1_200m, EnforcementCase.LateFine(20_000m, last, D("2019-10-10")));
        Assert.Equal(19_800m, EnforcementCase.LateFine(20_000m, last, last.AddDays(33)));
        Assert.Equal(20_000m, EnforcementCase.LateFine(20_000m, last, last.AddDays(34)));
        Assert.Equal(20_000m, EnforcementCase.LateFine(20_000m, last, last.AddDays(365)));
        Assert.Equal(10.50m, EnforcementCase.LateFine(350m, last, D("2019-10-09")));
        Assert.Equal(0m, EnforcementCase.LateFine(0m, last, D("2019-12-31")));
    }

    [Fact]
    public void The_15_days_to_pay_run_from_service_so_a_decision_served_on_the_20th_of_September_is_paid_by_the_8th_of_October()
    {
        var c = Notified("2019-09-02", 1_000m);
        c.Decide("塘市监罚〔2019〕1号", PenaltyKind.Fine, 1_000m, 0, null, Rules, On("2019-09-18"));
        c.Serve(China("2019-09-20 09:30:00").UtcDateTime, ServiceMethod.InPerson, "林建国", false, Proof, "送达回证.pdf", "application/pdf", On("2019-09-20"));
        // 09-20 plus 15 is 10-05, inside the holiday.
        Assert.Equal(D("2019-10-08"), c.Payment!.DueDate);
        Assert.Equal(0m, c.LateFineOn(D("2019-10-08")));
        Assert.Equal(30m, c.LateFineOn(D("2019-10-09")));

        var short_ = Assert.Throws<DomainException>(() => c.RecordPayment(D("2019-10-09"), 1_000m, On("2019-10-09")));
        Assert.Equal(("enforcement.payment_short", "amount", ErrorKind.Invalid), (short_.Code, short_.Field, short_.Kind));
        c.RecordPayment(D("2019-10-09"), 1_030m, On("2019-10-09"));
        Assert.Equal(30m, c.LateFinePaid);
    }

    [Fact]
    public void A_lead_found_more_than_two_years_after_the_act_is_refused_and_five_years_where_safety_is_involved()
    {
        Assert.Equal((2, 5), (EnforcementCase.LimitationYears(false), EnforcementCase.LimitationYears(true)));
        Assert.Equal(CaseStatus.Registered, Registered("2019-06-01", actOn: "2017-06-01").Status);
        var refused = Assert.Throws<DomainException>(() => Registered("2019-06-02", actOn: "2017-06-01"));
        Assert.Equal(("enforcement.limitation_passed", "actOn", ErrorKind.Conflict), (refused.Code, refused.Field, refused.Kind));

        EnforcementCase Safety(string actOn) => EnforcementCase.Register("塘市监立〔2019〕2号", Department, Rules, CaseSource.Complaint, "12315", "销售不合格电器", "涉及人身安全",
            D(actOn), D("2019-06-02"), true, Person(), On("2019-06-02"));
        Assert.Equal(CaseStatus.Registered, Safety("2014-06-02").Status);
        Assert.Equal("enforcement.limitation_passed", Refused(() => Safety("2014-06-01")));

        // A date in the future, or an act after its discovery, is not a lead.
        Assert.Equal("enforcement.dates_out_of_order", Refused(() => Registered("2019-06-01", actOn: "2019-06-02")));
    }

    [Fact]
    public void A_decision_waits_for_the_hearing_window_the_hearing_the_review_and_the_collective_discussion_in_that_order_and_is_never_heavier_after_a_defence()
    {
        // 60,000 yuan for a person: a hearing may be asked for, the legality review and collective discussion are required.
        var c = Notified("2019-09-02", 60_000m);
        Assert.True(c.HearingEligible && c.ReviewRequired);
        string? Blocker(decimal fine, string day) => c.DecisionBlocker(PenaltyKind.Fine, fine, 0, Rules, D(day));

        Assert.Equal("enforcement.hearing_window_open", Blocker(60_000m, "2019-09-03"));
        Assert.Equal("enforcement.hearing_window_open", Refused(() => c.Decide("塘市监罚〔2019〕9号", PenaltyKind.Fine, 60_000m, 0, null, Rules, On("2019-09-03"))));
        c.RequestHearing(D("2019-09-04"), On("2019-09-04"));
        Assert.Equal("enforcement.hearing_pending", Blocker(60_000m, "2019-09-20"));
        c.ScheduleHearing(D("2019-09-04"), D("2019-09-16"), "刘志强", null, On("2019-09-04"));
        // 第64条: the party signs the transcript, or the presider notes why not.
        Assert.Equal("partySigned", Assert.Throws<ValidationFailedException>(() => c.HoldHearing(false, "听证笔录", On("2019-09-16"))).Errors.Single().Field);
        c.HoldHearing(false, "听证笔录：当事人对罚款数额提出异议。", On("2019-09-16"), partySigned: true);
        Assert.True(c.HearingTranscriptSigned);

        Assert.Equal("enforcement.review_required", Blocker(60_000m, "2019-09-16"));
        c.SubmitForReview(On("2019-09-16"));
        Assert.Equal("enforcement.review_open", Refused(() => c.SubmitForReview(On("2019-09-16"))));
        Assert.Equal("enforcement.review_required", Blocker(60_000m, "2019-09-16"));
        c.Review([], null, On("2019-09-17", "legal", "郑雅琳", reviewer: new LegalReviewer { UserName = "legal", Name = "郑雅琳", HasLegalQualification = true, ReviewingSince = D("2018-03-01") }));

        Assert.Equal("enforcement.discussion_required", Blocker(60_000m, "2019-09-17"));
        c.Discuss(D("2019-09-18"), "局长、副局长、法制机构负责人", "同意按拟处罚意见作出决定", On("2019-09-18"));
        Assert.Null(Blocker(60_000m, "2019-09-18"));
        Assert.Equal("enforcement.heavier_than_notice", Blocker(60_001m, "2019-09-18"));

        c.RecordStatement("当事人称系初次违法，请求从轻。", "经复核，陈述不足以改变处罚。", On("2019-09-18"));
        Assert.Equal("enforcement.heavier_after_defence", Blocker(70_000m, "2019-09-18"));
        Assert.Equal("enforcement.heavier_after_defence", Refused(() => c.Decide("塘市监罚〔2019〕9号", PenaltyKind.Restriction, 60_000m, 0, null, Rules, On("2019-09-18"))));

        // A lighter penalty than noticed is always allowed.
        c.Decide("塘市监罚〔2019〕9号", PenaltyKind.Fine, 50_000m, 0, null, Rules, On("2019-09-18"));
        Assert.Equal((CaseStatus.Decided, 50_000m), (c.Status, c.Fine));
        // 7 working days to serve: 09-19, 20, 23, 24, 25, 26, 27.
        Assert.Equal(D("2019-09-27"), c.Service!.DueDate);
    }

    [Fact]
    public void A_hearing_window_left_to_pass_no_longer_holds_the_decision_back()
    {
        var c = Notified("2019-09-27", 20_000m);
        c.SubmitForReview(On("2019-09-27"));
        c.Review([], null, On("2019-09-27", "legal", "郑雅琳", reviewer: new LegalReviewer { UserName = "legal", Name = "郑雅琳", HasLegalQualification = true, ReviewingSince = D("2022-03-01") }));
        Assert.Equal("enforcement.hearing_window_open", c.DecisionBlocker(PenaltyKind.Fine, 20_000m, 0, Rules, D("2019-10-10")));
        Assert.Null(c.DecisionBlocker(PenaltyKind.Fine, 20_000m, 0, Rules, D("2019-10-11")));
    }

    [Fact]
    public void The_legality_review_is_not_done_by_the_handler_and_a_first_time_reviewer_needs_the_qualification_unless_reviewing_before_the_2021_law()
    {
        LegalReviewer R(string user, bool qualified, string since) => new() { UserName = user, Name = user, HasLegalQualification = qualified, ReviewingSince = D(since) };
        var c = Notified("2019-09-02", 20_000m);
        Assert.Equal("enforcement.review_not_submitted", Refused(() => c.Review([], null, On("2019-09-03", "legal", reviewer: R("legal", true, "2022-03-01")))));
        c.SubmitForReview(On("2019-09-03"));

        // The lead officer, and whoever registered the case, handled it.
        Assert.Equal("enforcement.reviewer_is_handler", Refused(() => c.Review([], null, On("2019-09-03", "officer.msa", reviewer: R("officer.msa", true, "2022-03-01")))));
        var unqualified = Assert.Throws<DomainException>(() => c.Review([], null, On("2019-09-03", "legal.new", reviewer: R("legal.new", false, "2024-09-01"))));
        Assert.Equal(("enforcement.reviewer_unqualified", ErrorKind.Conflict), (unqualified.Code, unqualified.Kind));
        Assert.False(R("legal.new", false, "2021-07-15").MayReview);
        Assert.False(new LegalReviewer { HasLegalQualification = true, ReviewingSince = D("2015-01-01"), IsActive = false }.MayReview);
        Assert.Null(c.OpenReview!.Passed);

        // Failed points need an opinion; the case goes back.
        Assert.Equal("opinion", Assert.Throws<ValidationFailedException>(() => c.Review([ReviewPoint.Evidence], null, On("2019-09-03", "legal", reviewer: R("legal", true, "2022-03-01")))).Errors.Single().Field);
        c.Review([ReviewPoint.Evidence, ReviewPoint.Discretion], "证据不足，裁量偏重", On("2019-09-03", "legal", reviewer: R("legal", true, "2022-03-01")));
        Assert.False(c.ReviewPassed);
        // The hearing window closed on 09-09 unanswered; a returned review still holds the decision back.
        Assert.Equal("enforcement.review_required", c.DecisionBlocker(PenaltyKind.Fine, 20_000m, 0, Rules, D("2019-09-20")));

        // A reviewer who began before 2021-07-15 may go on without the qualification.
        c.SubmitForReview(On("2019-09-05"));
        c.Review([], null, On("2019-09-05", "veteran", reviewer: R("veteran", false, "2019-01-01")));
        Assert.True(c.ReviewPassed);
        Assert.Equal("review_passed", c.Steps[^1].Kind);
    }

    [Fact]
    public void An_officer_whose_certificate_has_lapsed_or_is_suspended_cannot_be_assigned_and_a_case_needs_two()
    {
        var c = Registered("2019-10-08");
        var lapsed = Assert.Throws<DomainException>(() => c.Assign(Certified("黄海涛", validUntil: "2019-09-30"), OfficerRole.Lead, On("2019-10-08")));
        Assert.Equal(("enforcement.officer_certificate_lapsed", "officerId", ErrorKind.Conflict), (lapsed.Code, lapsed.Field, lapsed.Kind));
        Assert.Equal("enforcement.officer_certificate_lapsed", Refused(() => c.Assign(Certified("李秀英", status: CertificateStatus.Suspended), OfficerRole.Lead, On("2019-10-08"))));
        Assert.Equal("enforcement.officer_certificate_lapsed", Refused(() => c.Assign(Certified("何美华", status: CertificateStatus.Revoked), OfficerRole.Lead, On("2019-10-08"))));
        // On the certificate's last day the officer may still act.
        Assert.True(Certified("黄海涛", validUntil: "2019-10-08").CanActOn(D("2019-10-08")));
        Assert.False(Certified("黄海涛", validUntil: "2019-10-08").CanActOn(D("2019-10-09")));

        var other = Certified("罗德胜");
        other.DepartmentId = Guid.NewGuid();
        Assert.Equal("enforcement.officer_other_department", Refused(() => c.Assign(other, OfficerRole.Lead, On("2019-10-08"))));

        c.Assign(Certified("周文斌", "officer.msa"), OfficerRole.Lead, On("2019-10-08"));
        Assert.Equal("enforcement.two_officers_required", Refused(() => c.ApproveFiling(On("2019-10-08"))));
        var second = Certified("陈志强");
        c.Assign(second, OfficerRole.Assisting, On("2019-10-08"));
        c.Recuse(second.Id, "与当事人系近亲属", On("2019-10-08"));
        Assert.Equal("enforcement.two_officers_required", Refused(() => c.ApproveFiling(On("2019-10-08"))));
        Assert.Equal("enforcement.officer_recused", Refused(() => c.Assign(second, OfficerRole.Assisting, On("2019-10-08"))));
        Assert.Equal(("与当事人系近亲属", "周文斌"), (c.Officers.Single(o => o.OfficerId == second.Id).RecusalReason, c.Officers.Single(o => o.OfficerId == second.Id).RecusalDecidedBy));
        // 第43条: the head decides a recusal; an officer who is not the head cannot.
        Assert.Equal("enforcement.head_only", Refused(() => c.Recuse(c.ActiveOfficers.First().OfficerId, "理由", AsOfficer("2019-10-08"))));
    }

    [Fact]
    public void On_the_spot_a_person_may_be_fined_up_to_200_yuan_and_an_organisation_up_to_3000()
    {
        Assert.Equal((200m, 3_000m), (EnforcementCase.SimpleLimit(PartyKind.Person), EnforcementCase.SimpleLimit(PartyKind.Organisation)));
        Officer[] pair = [Certified("周文斌", "officer.msa"), Certified("陈志强")];
        EnforcementCase Spot(CaseParty party, PenaltyKind kind, decimal fine) => EnforcementCase.OnTheSpot("塘市监简〔2019〕1号", "塘市监简罚〔2019〕1号", Department, CaseSource.Inspection,
            "占道经营", "在人行道摆卖水果", D("2019-10-08"), party, pair, kind, fine, "《城市市容和环境卫生管理条例》第十四条", "第三十六条", Benchmark, On("2019-10-08"));
        var company = new CaseParty { Kind = PartyKind.Organisation, Name = "东莞市塘厦某商贸有限公司" };

        var c = Spot(Person(), PenaltyKind.Fine, 200m);
        Assert.Equal((Procedure.Simple, CaseStatus.Served, "塘市监简罚〔2019〕1号"), (c.Procedure, c.Status, c.DecisionNumber));
        Assert.Equal(D("2019-10-08"), c.ServedOn);
        var tooMuch = Assert.Throws<DomainException>(() => Spot(Person(), PenaltyKind.Fine, 201m));
        Assert.Equal(("enforcement.simple_fine_too_large", "fine", ErrorKind.Invalid), (tooMuch.Code, tooMuch.Field, tooMuch.Kind));
        Assert.Equal(PenaltyKind.Fine, Spot(company, PenaltyKind.Fine, 3_000m).PenaltyKind);
        Assert.Equal("enforcement.simple_fine_too_large", Refused(() => Spot(company, PenaltyKind.Fine, 3_001m)));
        Assert.Equal(CaseStatus.Served, Spot(Person(), PenaltyKind.Warning, 0m).Status);
        Assert.Equal("enforcement.simple_kind", Refused(() => Spot(Person(), PenaltyKind.Confiscation, 100m)));
    }

    [Fact]
    public void A_decision_is_served_electronically_only_with_the_partys_signed_consent()
    {
        var c = Notified("2019-09-02", 1_000m);
        Assert.False(c.HearingEligible || c.ReviewRequired);
        c.Decide("塘市监罚〔2019〕5号", PenaltyKind.Fine, 1_000m, 0, null, Rules, On("2019-09-10"));
        var refused = Assert.Throws<DomainException>(() =>
            c.Serve(China("2019-09-11 09:00:00").UtcDateTime, ServiceMethod.Electronic, "lin@example.cn", false, Proof, "电子送达记录.pdf", "application/pdf", On("2019-09-11")));
        Assert.Equal(("enforcement.electronic_consent_required", "electronicConsent"), (refused.Code, refused.Field));
        Assert.Equal(CaseStatus.Decided, c.Status);

        c.Serve(China("2019-09-11 09:00:00").UtcDateTime, ServiceMethod.Electronic, "lin@example.cn", true, Proof, "电子送达记录.pdf", "application/pdf", On("2019-09-11"));
        Assert.Equal((CaseStatus.Served, ServiceMethod.Electronic, D("2019-09-11")), (c.Status, c.ServiceMethod, c.DisclosureToldOn));
    }

    [Fact]
    public void The_case_file_draw_gives_the_same_files_for_the_same_seed_whatever_the_order_and_others_for_another_seed()
    {
        var population = Enumerable.Range(1, 40).Select(i => string.Create(CultureInfo.InvariantCulture, $"塘市监立〔2026〕{i}号")).ToList();
        var seed = EvaluationDraw.SeedOf(2026, "TX-MSA", " 4711 ");
        Assert.Equal("2026|TX-MSA|4711", seed);

        var drawn = EvaluationDraw.Draw(seed, population, 5);
        Assert.Equal(5, drawn.Count);
        Assert.Equal(drawn, EvaluationDraw.Draw(seed, Enumerable.Reverse(population), 5));
        Assert.Equal(drawn, EvaluationDraw.Draw(seed, population.OrderBy(n => EvaluationDraw.Key("shuffle", n), StringComparer.Ordinal).Concat(population), 5));
        // The rule as printed: the five smallest SHA-256 keys of "seed|number".
        Assert.Equal(population.OrderBy(n => EvaluationDraw.Key(seed, n), StringComparer.Ordinal).Take(5), drawn);
        Assert.Equal(
            Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("2026|TX-MSA|4711|塘市监立〔2026〕1号"))),
            EvaluationDraw.Key(seed, "塘市监立〔2026〕1号"));

        Assert.NotEqual(drawn, EvaluationDraw.Draw(EvaluationDraw.SeedOf(2026, "TX-MSA", "4712"), population, 5));
        Assert.Equal(3, EvaluationDraw.Draw(seed, population.Take(3), 5).Count);
    }

    [Fact]
    public void A_file_with_any_veto_item_fails_whatever_its_points_otherwise_90_is_excellent_and_60_a_pass()
    {
        Assert.Equal(Grade.Fail, FileEvaluation.GradeOf([VetoItem.UnqualifiedOfficers], 100));
        Assert.Equal(Grade.Excellent, FileEvaluation.GradeOf([], 100));
        Assert.Equal(Grade.Excellent, FileEvaluation.GradeOf([], 90));
        Assert.Equal(Grade.Pass, FileEvaluation.GradeOf([], 89));
        Assert.Equal(Grade.Pass, FileEvaluation.GradeOf([], 60));
        Assert.Equal(Grade.Fail, FileEvaluation.GradeOf([], 59));

        var e = new FileEvaluation { CaseNumber = "塘市监立〔2019〕1号" };
        e.Mark([VetoItem.InsufficientEvidence, VetoItem.InsufficientEvidence], 30, 65, "证据不足", "郑雅琳", D("2019-09-27"), 20, Calendar);
        Assert.Equal((Grade.Fail, 95, 1), (e.Grade, e.Score, e.Vetoes.Count));
        // Twenty working days from 09-27, the holiday not counted.
        Assert.Equal(Calendar.AddWorkingDays(D("2019-09-27"), 20), e.Rectification!.DueDate);
        Assert.Equal(D("2019-10-30"), e.Rectification.DueDate);
        e.Rectified(D("2019-10-20"), "补充证据并重新审查");
        Assert.Equal("enforcement.nothing_to_rectify", Refused(() => e.Rectified(D("2019-10-21"), "再次")));

        e.Mark([], 28, 64, null, "郑雅琳", D("2019-10-21"), 20, Calendar);
        Assert.Equal((Grade.Excellent, (DeadlineClock?)null), (e.Grade, e.Rectification));
        Assert.Equal("formPoints", Assert.Throws<ValidationFailedException>(() => e.Mark([], 31, 60, null, "郑雅琳", D("2019-10-21"), 20, Calendar)).Errors.Single().Field);
    }

    [Fact]
    public void Published_text_masks_an_id_number_a_mobile_a_plate_and_the_partys_name_but_not_an_organisations_name()
    {
        var masking = new DisclosureMasking(DisclosureMasking.Defaults);
        var text = "当事人林建国（公民身份号码441900198002143026，手机13926001122）驾驶粤S12345货车，在东莞市塘厦某商贸有限公司门前摆卖，林建国当场承认。";
        var masked = masking.Mask(text, Person());

        Assert.DoesNotContain("林建国", masked, StringComparison.Ordinal);
        Assert.Contains("林*国", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("441900198002143026", masked, StringComparison.Ordinal);
        Assert.Contains("4419**********3026", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("13926001122", masked, StringComparison.Ordinal);
        Assert.Contains("139****1122", masked, StringComparison.Ordinal);
        Assert.DoesNotContain("粤S12345", masked, StringComparison.Ordinal);
        Assert.Contains("粤S***5", masked, StringComparison.Ordinal);
        Assert.Contains("东莞市塘厦某商贸有限公司", masked, StringComparison.Ordinal);

        // The patterns alone, with no party: identifiers of anyone named in the text.
        var alone = masking.Mask("联系人手机13726000130，身份证44190019900101123X，住花园街12号", null);
        Assert.Equal("联系人手机137****0130，身份证4419**********123X，住花园街**号", alone);

        // An organisation is published by name; its credit code is public too.
        var company = new CaseParty { Kind = PartyKind.Organisation, Name = "东莞市塘厦某商贸有限公司", Representative = "何俊杰" };
        Assert.Equal("东莞市塘厦某商贸有限公司", DisclosureMasking.PartyName(company));
        Assert.Equal("林*国", DisclosureMasking.PartyName(Person()));
        Assert.Equal("东莞市塘厦某商贸有限公司未明码标价", masking.Mask("东莞市塘厦某商贸有限公司未明码标价", company));
    }

    private CaseRights AsOfficer(string day, string user = "officer.msa", string name = "周文斌")
    {
        var now = China(day + " 10:00:00").UtcDateTime;
        var actor = new Actor(Guid.NewGuid(), user, name, Department, new HashSet<string> { EnforcementRoles.Officer }, Fazhi.Web.Platform.Scope.DataScopeFilter.Everything, now,
            D(day), Calendar);
        return new CaseRights(actor, IsHead: false, null, Rules, _register);
    }

    [Fact]
    public void The_party_states_and_defends_for_five_working_days_after_a_notice_served_before_National_Day_and_no_decision_comes_before_unless_waived_in_writing()
    {
        // Served Friday 09-27: Sunday 09-29 and Monday 09-30 are worked, the holiday is not, then 10-08, 10-09, 10-10 (第44-45条).
        var c = Notified("2019-09-27", 1_000m);
        Assert.False(c.HearingEligible);
        Assert.Equal(D("2019-10-10"), c.StatementWindow!.DueDate);
        Assert.Equal(DeadlineUnit.WorkingDays, c.StatementWindow.Unit);
        var window = Assert.Single(((IHasDeadlines)c).Deadlines, d => d.Kind == EnforcementCase.StatementClock);
        Assert.Equal(D("2019-10-10"), window.Clock.DueDate);

        var early = Assert.Throws<DomainException>(() => c.Decide("塘市监罚〔2019〕3号", PenaltyKind.Fine, 1_000m, 0, null, Rules, At("2019-10-10 17:59:59")));
        Assert.Equal(("enforcement.statement_period_open", ErrorKind.Conflict), (early.Code, early.Kind));
        Assert.Null(c.DecisionBlocker(PenaltyKind.Fine, 1_000m, 0, Rules, D("2019-10-11")));

        // A written waiver, with its signed paper, opens the decision at once; a waiver without the paper is refused.
        var waived = Notified("2019-09-27", 1_000m);
        Assert.Equal("enforcement.waiver_file_required", Refused(() => waived.WaiveStatement(D("2019-09-27"), null, null, null, On("2019-09-27"))));
        waived.WaiveStatement(D("2019-09-27"), Proof, "放弃声明.pdf", "application/pdf", On("2019-09-27"));
        Assert.Equal(("statement_waived", Proof), (waived.Steps[^1].Kind, waived.Steps[^1].FileSha256));
        Assert.DoesNotContain(((IHasDeadlines)waived).Deadlines, d => d.Kind == EnforcementCase.StatementClock);
        Assert.Equal("enforcement.statement_answered", Refused(() => waived.WaiveStatement(D("2019-09-27"), Proof, null, null, On("2019-09-27"))));
        waived.Decide("塘市监罚〔2019〕4号", PenaltyKind.Fine, 1_000m, 0, null, Rules, On("2019-09-27"));
        Assert.Equal(CaseStatus.Decided, waived.Status);

        // A party who stated is heard: the decision may follow at once.
        var heard = Notified("2019-09-27", 1_000m);
        heard.RecordStatement("当事人称系初次违法", "经复核，维持拟处罚意见", On("2019-09-27"));
        Assert.Null(heard.DecisionBlocker(PenaltyKind.Fine, 1_000m, 0, Rules, D("2019-09-27")));
    }

    [Fact]
    public void The_90_day_limit_stands_still_for_a_test_and_is_extended_once_by_30_days_then_only_by_collective_discussion()
    {
        var c = Filed("2019-03-05");
        Assert.Equal(D("2019-06-03"), c.Decision!.DueDate);
        Assert.Equal("enforcement.decision_not_paused", Refused(() => c.ResumeDecision(On("2019-04-01"))));
        Assert.Equal("note", Assert.Throws<ValidationFailedException>(() => c.PauseDecision(PauseReason.Testing, " ", On("2019-04-01"))).Errors.Single().Field);
        c.PauseDecision(PauseReason.Testing, "样品送东莞市质量监督检测中心检验", On("2019-04-01"));
        Assert.True(c.Decision.IsPaused);
        Assert.Equal("enforcement.decision_paused", Refused(() => c.PauseDecision(PauseReason.Appraisal, "鉴定", On("2019-04-02"))));
        // Ten days at the laboratory are not counted: the limit ends ten days later.
        c.ResumeDecision(On("2019-04-11"));
        Assert.Equal(D("2019-06-13"), c.Decision.DueDate);
        var pause = Assert.Single(c.Pauses);
        Assert.Equal((PauseReason.Testing, D("2019-04-01"), D("2019-04-11")), (pause.Reason, pause.From, pause.To));
        Assert.Equal(["decision_paused", "decision_resumed"], c.Steps.TakeLast(2).Select(s => s.Kind));

        // 市场监管: 30 days the first time, and never more.
        Assert.Equal("enforcement.decision_extension_limit", Refused(() => c.Extend("decision", 31, "案情复杂", Rules, On("2019-06-01"))));
        c.Extend("decision", 30, "案情复杂，经负责人批准", Rules, On("2019-06-01"));
        // 06-13 plus 30 is Saturday 07-13: the limit ends on Monday.
        Assert.Equal(D("2019-07-15"), c.Decision.DueDate);
        var again = Assert.Throws<DomainException>(() => c.Extend("decision", 30, "仍需调查", Rules, On("2019-07-10")));
        Assert.Equal(("enforcement.extension_needs_discussion", "discussion"), (again.Code, again.Field));
        c.Extend("decision", 20, "仍需调查", Rules, On("2019-07-10"), "2019-07-10 局长办公会：局长、副局长、法制员，决定继续延长20日");
        Assert.Equal("2019-07-10 局长办公会：局长、副局长、法制员，决定继续延长20日", c.Extensions[^1].Discussion);
        // 07-15 plus 20 is Sunday 08-04: Monday again.
        Assert.Equal(D("2019-08-05"), c.Decision.DueDate);
    }

    [Fact]
    public void An_officer_whose_certificate_lapses_mid_case_takes_no_step_and_no_longer_counts_as_one_of_the_two()
    {
        var c = Notified("2019-09-02", 1_000m);
        var second = _register.Single(o => o.Name == "陈志强");
        var me = _register.Single(o => o.UserName == "officer.msa");
        Assert.Empty(c.LapsedOfficers(On("2019-09-20")));

        // The second officer's certificate is suspended: the decision needs two certified officers on the day, and the case shows whom to replace.
        second.Status = CertificateStatus.Suspended;
        Assert.Equal(["陈志强"], c.LapsedOfficers(On("2019-09-20")).Select(o => o.Name));
        Assert.Equal("enforcement.two_officers_required", Refused(() => c.Decide("塘市监罚〔2019〕6号", PenaltyKind.Fine, 1_000m, 0, null, Rules, On("2019-09-20"))));
        Assert.DoesNotContain(CaseAction.Decide, c.AvailableActions(On("2019-09-20")));
        c.Assign(Certified("罗德胜"), OfficerRole.Assisting, On("2019-09-20"));

        // The acting officer's own certificate ends on 09-30: from 10-01 no step at all, not even a note.
        me.ValidUntil = D("2019-09-30");
        Assert.Contains(CaseAction.Decide, c.AvailableActions(AsOfficer("2019-09-30")));
        var own = Assert.Throws<DomainException>(() => c.RecordStatement("陈述", "复核", AsOfficer("2019-10-08")));
        Assert.Equal(("enforcement.own_certificate_lapsed", ErrorKind.Forbidden), (own.Code, own.Kind));
        Assert.Equal("enforcement.own_certificate_lapsed", Refused(() => c.Attach("note", "记录", null, null, null, AsOfficer("2019-10-08"))));
        Assert.Empty(c.AvailableActions(AsOfficer("2019-10-08")));
        // An account with the officer role but no certificate on the register enforces nothing.
        Assert.Equal("enforcement.no_certificate", Refused(() => c.Attach("note", "记录", null, null, null, AsOfficer("2019-09-20", "clerk", "王小明"))));
    }

    [Fact]
    public void An_inspection_a_seizure_and_a_preservation_carry_their_audio_or_video_or_the_reason_there_is_none()
    {
        var c = Filed("2019-09-02");
        var refused = Assert.Throws<DomainException>(() => c.Attach("inspection", "现场检查", Proof, "现场.jpg", "image/jpeg", On("2019-09-03")));
        Assert.Equal(("enforcement.recording_required", "file"), (refused.Code, refused.Field));
        Assert.Equal("enforcement.recording_required", Refused(() => c.Attach("seizure", "查封仓库", null, null, null, On("2019-09-03"))));
        c.Attach("inspection", "现场检查", Proof, "执法记录仪.mp4", "video/mp4", On("2019-09-03"));
        c.Attach("enforcement", "强制拆除", null, null, null, On("2019-09-04"), "暴雨导致记录仪进水损坏");
        Assert.Equal("强制拆除；未录音录像：暴雨导致记录仪进水损坏", StepNote.Render(c.Steps[^1].Note, english: false));
        Assert.Equal("强制拆除; no audio or video: 暴雨导致记录仪进水损坏", StepNote.Render(c.Steps[^1].Note, english: true));
        // A note on another step needs no recording.
        c.Attach("note", "电话通知当事人到场", null, null, null, On("2019-09-04"));

        Assert.Equal("enforcement.recording_required", Refused(() => c.AddEvidence(EvidenceKind.Photo, "先行登记保存的货物", true, Proof, "image/png", 10, On("2019-09-05"))));
        c.AddEvidence(EvidenceKind.Video, "先行登记保存全程录像", true, Proof, "video/mp4", 10, On("2019-09-05"));
        c.AddEvidence(EvidenceKind.Photo, "不需登记保存的照片", false, Proof, "image/png", 10, On("2019-09-05"));
    }

    [Fact]
    public void A_fine_cites_its_benchmark_entry_and_a_revoked_decision_ends_the_case()
    {
        var c = Filed("2019-09-02");
        c.AddEvidence(EvidenceKind.Statement, "询问笔录", false, null, null, null, On("2019-09-02"));
        Assert.Equal("enforcement.certificates_not_shown", Refused(() =>
            c.IssueNotice(PenaltyKind.Warning, 0, 0, "第三十四条", "第一百二十四条", null, false, false, D("2019-09-02"), Rules, On("2019-09-02"))));
        c.ShowCertificates(D("2019-09-02"), "当事人林建国", On("2019-09-02"));
        Assert.EndsWith(" 向当事人林建国出示执法证件", StepNote.Render(c.Steps[^1].Note, english: false), StringComparison.Ordinal);
        Assert.EndsWith(" showed their certificates to 当事人林建国", StepNote.Render(c.Steps[^1].Note, english: true), StringComparison.Ordinal);
        var uncited = Assert.Throws<DomainException>(() => c.IssueNotice(PenaltyKind.Fine, 5_000m, 0, "第三十四条", "第一百二十四条", null, false, false, D("2019-09-02"), Rules, On("2019-09-02")));
        Assert.Equal(("enforcement.discretion_required", "discretionRuleId"), (uncited.Code, uncited.Field));
        // A warning needs no fine's benchmark.
        c.IssueNotice(PenaltyKind.Warning, 0, 0, "第三十四条", "第一百二十四条", null, false, false, D("2019-09-02"), Rules, On("2019-09-02"));
        c.RecordStatement("无异议", "维持", On("2019-09-02"));
        c.Decide("塘市监罚〔2019〕7号", PenaltyKind.Warning, 0, 0, null, Rules, On("2019-09-03"));
        c.Revoke("行政复议决定撤销", On("2019-09-04"));
        Assert.Equal([CaseAction.Attach], c.AvailableActions(On("2019-09-04")));
        Assert.Equal("enforcement.revoked", Refused(() => c.Serve(China("2019-09-04 10:00:00").UtcDateTime, ServiceMethod.InPerson, "林建国", false, Proof, null, null, On("2019-09-04"))));
    }

    [Fact]
    public void Service_is_recorded_with_its_instant_recipient_and_proof_and_the_payment_clock_counts_from_the_recorded_day()
    {
        var c = Notified("2019-09-02", 1_000m);
        c.Decide("塘市监罚〔2019〕8号", PenaltyKind.Fine, 1_000m, 0, null, Rules, On("2019-09-10"));
        var missing = Assert.Throws<ValidationFailedException>(() => c.Serve(China("2019-09-11 09:00:00").UtcDateTime, ServiceMethod.InPerson, " ", false, null, null, null, On("2019-09-12")));
        Assert.Equal(["recipient", "file"], missing.Errors.Select(e => e.Field));
        Assert.Equal("enforcement.date_out_of_case", Refused(() =>
            c.Serve(China("2019-09-12 10:00:01").UtcDateTime, ServiceMethod.InPerson, "林建国", false, Proof, null, null, On("2019-09-12"))));

        // Served late in the evening of the 11th, recorded the next morning: the 11th is the day of service.
        c.Serve(China("2019-09-11 21:40:00").UtcDateTime, ServiceMethod.InPerson, "林建国", false, Proof, "送达回证.jpg", "image/jpeg", On("2019-09-12"));
        Assert.Equal((D("2019-09-11"), "林建国", Proof), (c.ServedOn, c.ServiceRecipient, c.ServiceProofSha256));
        Assert.Equal(China("2019-09-11 21:40:00").UtcDateTime, c.ServedAt);
        Assert.Equal(D("2019-09-26"), c.Payment!.DueDate);
        Assert.Equal(Proof, c.Steps[^1].FileSha256);
    }
}
