using System.Globalization;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Tests.LegalAid;

/// <summary>法律援助法 at exact China-time instants on the shipped 2019 calendar (National Day 10-01 to 10-07).</summary>
public sealed class LegalAidRuleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Shipped();

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset China(string instant) =>
        new(DateTime.ParseExact(instant, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    private static Actor On(string day) => Actor.Seeding("aid.officer", "叶晓敏", China(day.Contains(' ', StringComparison.Ordinal) ? day : day + " 10:00:00").UtcDateTime, Calendar);

    private static readonly AidPlace Centre = new() { Id = Guid.NewGuid(), Code = "TX-AID", Name = "塘厦镇公共法律服务中心", DepartmentId = Guid.NewGuid() };

    private static readonly HardshipThreshold Old = new() { City = "东莞市", EffectiveFrom = D("2019-01-01"), MonthlyIncomePerPerson = 1_800m };

    private static AidApplication Received(string at, MeansGround ground = MeansGround.MigrantWorker, decimal? income = null, int? household = null, string? detainedAt = null, string opponent = "某五金厂") =>
        AidApplication.Receive("塘援〔2019〕1号", Centre, MatterType.Labour, ServiceForm.ArbitrationRepresentation,
            new("林雪梅", "441900199001011234", "13800001234", "塘厦镇莲湖社区1号", null, null, opponent), "工厂拖欠工资。", "塘厦镇",
            detainedAt is null ? null : China(detainedAt).UtcDateTime, ground, income, household, MeansOutcome.Judge(ground, income, household, Old), On(at));

    private static AidLawyer Lawyer(string name = "刘俊杰", string validUntil = "2020-05-31") =>
        new() { Id = Guid.NewGuid(), Name = name, LicenceNumber = "14419201", LicenceValidUntil = D(validUntil) };

    private static string Refused(Action act) => Assert.Throws<DomainException>(act).Code;

    private static string Invalid(Action act) => Assert.Single(Assert.Throws<ValidationFailedException>(act).Errors).Code;

    [Fact]
    public void The_seven_days_to_decide_run_from_receipt_and_a_last_day_in_National_Day_moves_to_the_8th()
    {
        var plain = Received("2019-09-02 15:00:00");
        Assert.Equal(D("2019-09-09"), plain.ReviewDeadline.DueDate);
        Assert.Equal(DeadlineUnit.CalendarDays, plain.ReviewDeadline.Unit);

        // Received 09-28: the 7th day is 10-05, inside the holiday; the limit ends on 10-08.
        var a = Received("2019-09-28 16:00:00");
        Assert.Equal(D("2019-10-08"), a.ReviewDeadline.DueDate);
        Assert.NotEqual(WarningLevel.Red, a.ReviewDeadline.Level(China("2019-10-08 23:59:59")));
        Assert.Equal(WarningLevel.Red, a.ReviewDeadline.Level(China("2019-10-09 00:00:00")));
    }

    [Fact]
    public void A_detained_persons_request_is_forwarded_within_24_hours_and_the_review_starts_on_receipt()
    {
        var a = Received("2019-09-30 23:40:00", detainedAt: "2019-09-30 23:30:00");
        Assert.Equal(AidStatus.Forwarding, a.Status);
        Assert.Equal(China("2019-10-01 23:30:00").UtcDateTime, a.ForwardDueAt);
        var clock = Assert.Single(((IHasDeadlines)a).Deadlines);
        Assert.Equal((AidApplication.ForwardClock, D("2019-10-01")), (clock.Kind, clock.Clock.DueDate));
        Assert.Equal("legalaid.step_out_of_order", Refused(() => a.Grant(On("2019-10-01"))));

        a.Forward(On("2019-10-01 23:29:59"));
        Assert.Equal(AidStatus.Received, a.Status);
        Assert.Equal("申请于 2019-09-30 23:30:00 提出，24 小时内转交", StepNote.Render(a.Steps[^1].Note, english: false));
        // Received on 10-01: seven days end on 10-08, a working day.
        Assert.Equal(D("2019-10-08"), a.ReviewDeadline.DueDate);

        var late = Received("2019-09-30 23:40:00", detainedAt: "2019-09-30 23:30:00");
        late.Forward(On("2019-10-01 23:30:01"));
        Assert.Equal("asked at 2019-09-30 23:30:00, forwarded after more than 24 hours", StepNote.Render(late.Steps[^1].Note, english: true));
    }

    [Fact]
    public void The_means_test_takes_one_of_three_paths_on_the_threshold_in_force_on_the_day()
    {
        // 第32条: never tested, whatever the income.
        var exempt = MeansOutcome.Judge(MeansGround.DomesticViolence, 50_000m, 1, null);
        Assert.Equal((MeansPath.Exempt, true), (exempt.Path, exempt.Eligible));
        // 第42条: presumed.
        var presumed = MeansOutcome.Judge(MeansGround.MigrantWorker, null, null, null);
        Assert.Equal((MeansPath.Presumed, true), (presumed.Path, presumed.Eligible));
        // Declared: 5,400 for three is 1,800 each: within; 5,401 is not.
        Assert.True(MeansOutcome.Judge(MeansGround.Declared, 5_400m, 3, Old).Eligible);
        var over = MeansOutcome.Judge(MeansGround.Declared, 5_401m, 3, Old);
        Assert.Equal((MeansPath.Declared, false, 1_800m, D("2019-01-01")), (over.Path, over.Eligible, over.Threshold, over.ThresholdFrom));
        Assert.Equal("legalaid.no_threshold", Assert.Throws<DomainException>(() => MeansOutcome.Judge(MeansGround.Declared, 1m, 1, null)).Code);

        var refused = Received("2019-09-02", MeansGround.Declared, 5_401m, 3);
        Assert.Equal("legalaid.means_not_met", Refused(() => refused.Grant(On("2019-09-03"))));
        Assert.Equal("家庭人均月收入高于本市标准 1,800 元（2019年1月1日 起施行）", StepNote.Render(refused.MeansNote().Value, english: false));
        Assert.Equal("5401", refused.DeclaredIncome);
    }

    [Fact]
    public void Missing_materials_are_asked_for_once_and_an_application_not_completed_in_time_counts_as_withdrawn()
    {
        var a = Received("2019-09-02");
        a.RequestMaterials("身份证复印件、劳动合同", D("2019-09-12"), On("2019-09-03"));
        Assert.Equal("legalaid.materials_once", Refused(() => a.RequestMaterials("工资条", null, On("2019-09-04"))));
        Assert.True(a.ReviewDeadline.IsPaused);
        Assert.Equal("legalaid.materials_not_due", Refused(() => a.Lapse(On("2019-09-12"))));
        a.Lapse(On("2019-09-13"));
        Assert.Equal(AidStatus.Withdrawn, a.Status);
        Assert.Empty(((IHasDeadlines)a).Deadlines);
    }

    [Fact]
    public void A_lawyer_is_assigned_within_3_days_of_the_grant_and_an_objection_is_decided_within_5()
    {
        var a = Received("2019-09-27");
        a.Grant(On("2019-09-29"));
        // 09-29 plus 3 is 10-02, inside the holiday: 10-08.
        Assert.Equal(D("2019-10-08"), a.AssignDeadline!.DueDate);
        Assert.Contains(((IHasDeadlines)a).Deadlines, d => d.Kind == AidApplication.AssignClock);
        Assert.Equal("legalaid.licence_lapsed", Refused(() => a.Assign(Lawyer(validUntil: "2019-10-07"), null, On("2019-10-08"))));
        a.Assign(Lawyer(), null, On("2019-10-08"));
        Assert.Equal(AidStatus.Assigned, a.Status);
        Assert.DoesNotContain(((IHasDeadlines)a).Deadlines, d => d.Kind == AidApplication.AssignClock);

        var no = Received("2019-09-02", MeansGround.Declared, 9_000m, 2);
        no.Refuse("家庭人均月收入高于标准。", On("2019-09-05"));
        no.LodgeObjection(D("2019-09-30"), On("2019-09-30"));
        Assert.Equal(D("2019-10-08"), no.ObjectionDeadline!.DueDate);
        Assert.Equal("legalaid.objection_lodged", Refused(() => no.LodgeObjection(null, On("2019-10-01"))));
        no.DecideObjection(true, "申请人提交了新的收入证明。", On("2019-10-08"));
        Assert.Equal(AidStatus.Granted, no.Status);
    }

    [Fact]
    public void Urgent_aid_lets_a_lawyer_start_before_the_decision_and_the_case_closes_with_its_report_and_subsidy()
    {
        var a = Received("2019-09-02");
        Assert.Equal("legalaid.step_out_of_order", Refused(() => a.Assign(Lawyer(), null, On("2019-09-02"))));
        a.GiveUrgentAid("仲裁时效明日届满", On("2019-09-02"));
        a.Assign(Lawyer(), null, On("2019-09-02"));
        a.Grant(On("2019-09-03"));
        Assert.Equal(AidStatus.Assigned, a.Status);
        Assert.Equal("legalaid.documents_unchecked", Invalid(() => a.Close("已结案", false, null, On("2019-12-02"))));
        a.Close("已结案", true, new AidSubsidyRate { Form = ServiceForm.ArbitrationRepresentation, Amount = 2_000m }, On("2019-12-02"));
        Assert.Equal((AidStatus.Closed, 2_000m), (a.Status, a.Subsidy));
        a.CheckQuality(QualityKind.FileCheck, 92, "卷宗齐全", null, On("2019-12-05"));
        Assert.Equal("legalaid.score_range", Invalid(() => a.CheckQuality(QualityKind.FollowUpCall, 101, null, null, On("2019-12-05"))));
        Assert.Equal("File check: 92 points", StepNote.Render(a.Steps[^1].Note, english: true));
    }
}
