using System.Globalization;
using Fazhi.Web.Modules.Petitions.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Tests.Petitions;

/// <summary>信访工作条例 (2022) at exact China-time instants on the shipped 2019 calendar (National Day 10-01 to 10-07; 09-29 and 10-12 worked).</summary>
public sealed class PetitionRuleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Shipped();

    private static readonly Guid Office = Guid.NewGuid();

    private static readonly Guid Body = Guid.NewGuid();

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset China(string instant) =>
        new(DateTime.ParseExact(instant, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    private static Actor On(string day) => Actor.Seeding("petition.officer", "邓志坚", China(day.Contains(' ', StringComparison.Ordinal) ? day : day + " 10:00:00").UtcDateTime, Calendar);

    private static Petition Entered(string at, PetitionClass cls = PetitionClass.Claim, Petition? repeatOf = null, string name = "林雪梅") =>
        Petition.Register("塘信〔2019〕1号", Office, new(PetitionChannel.Visit, cls, MatterCategory.Labour, "追讨拖欠工资", "请求支付工资", "工厂拖欠工资。", "多次讨要未果。"),
            new(name, "441900199001011234", "13800001234", "塘厦镇莲湖社区1号"), 1, [], repeatOf, null, On(at));

    private static Petition Accepted(string enteredAt, string acceptedAt)
    {
        var p = Entered(enteredAt);
        p.RouteTo(Body, "人力资源和社会保障分局", On(enteredAt));
        p.Accept(On(acceptedAt));
        return p;
    }

    private static string Refused(Action act) => Assert.Throws<DomainException>(act).Code;

    private static string Invalid(Action act) => Assert.Single(Assert.Throws<ValidationFailedException>(act).Errors).Code;

    [Fact]
    public void The_15_days_to_route_run_from_receipt_and_a_last_day_in_National_Day_moves_to_the_8th()
    {
        Assert.Equal(D("2019-09-17"), Entered("2019-09-02 16:00:00").RouteDeadline.DueDate);
        // Entered 09-20: the 15th day is 10-05, inside the holiday; the limit ends on 10-08 (民法典 第203条).
        var p = Entered("2019-09-20 23:59:59");
        Assert.Equal(D("2019-10-08"), p.RouteDeadline.DueDate);
        Assert.NotEqual(WarningLevel.Red, p.RouteDeadline.Level(China("2019-10-08 23:59:59")));
        Assert.Equal(WarningLevel.Red, p.RouteDeadline.Level(China("2019-10-09 00:00:00")));
        var clock = Assert.Single(((IHasDeadlines)p).Deadlines);
        Assert.Equal((Petition.RouteClock, Office), (clock.Kind, clock.DepartmentId));
    }

    [Fact]
    public void A_misrouted_petition_is_sent_back_within_5_working_days_counting_the_Sunday_worked_before_the_holiday()
    {
        var p = Entered("2019-09-26");
        p.RouteTo(Body, "人力资源和社会保障分局", On("2019-09-27 17:00:00"));
        // Friday 09-27: 09-29 (a Sunday worked), 09-30, 10-08, 10-09, 10-10.
        Assert.Equal(D("2019-10-10"), p.SendBackDeadline!.DueDate);
        Assert.Contains(((IHasDeadlines)p).Deadlines, d => d.Kind == Petition.SendBackClock && d.DepartmentId == Body);
        var late = Entered("2019-09-26");
        late.RouteTo(Body, "人力资源和社会保障分局", On("2019-09-27 17:00:00"));
        Assert.Equal("petitions.sendback_passed", Refused(() => late.SendBack("不属本单位职责", On("2019-10-11 08:30:00"))));
        p.SendBack("不属本单位职责", On("2019-10-10 17:30:00"));
        Assert.Equal((PetitionStatus.Registered, Guid.Empty, 1), (p.Status, p.HandlerDepartmentId, p.SentBack));
        // The 15 days from receipt keep running: they were not restarted by the send-back.
        Assert.Equal(D("2019-10-11"), p.RouteDeadline.DueDate);
    }

    [Fact]
    public void A_claim_is_answered_within_60_days_of_acceptance_and_may_be_extended_once_by_up_to_30()
    {
        // Accepted 08-05: the 60th day is 10-04, in the holiday: 10-08.
        var p = Accepted("2019-08-01", "2019-08-05 09:00:00");
        Assert.Equal(D("2019-10-08"), p.AnswerDeadline!.DueDate);
        Assert.Equal("petitions.extension_range", Invalid(() => p.Extend(31, "需要会同多部门调查", On("2019-09-20"))));
        p.Extend(30, "需要会同多部门调查", On("2019-09-20"));
        Assert.Equal((30, D("2019-11-07")), (p.AnswerDeadline.ExtendedBy, p.AnswerDeadline.DueDate));
        Assert.Equal("petitions.extended_once", Refused(() => p.Extend(5, "再延", On("2019-09-21"))));
        // A suggestion has no 60-day clock (第29条): it is handled, not answered to a limit.
        var suggestion = Entered("2019-08-01", PetitionClass.Suggestion);
        suggestion.Accept(On("2019-08-02"));
        Assert.Null(suggestion.AnswerDeadline);
        Assert.DoesNotContain(((IHasDeadlines)suggestion).Deadlines, d => d.Kind == Petition.AnswerClock);
    }

    [Fact]
    public void Review_is_asked_within_30_days_of_the_opinion_decided_within_30_and_re_review_likewise_after_which_the_matter_is_closed()
    {
        var p = Accepted("2019-08-01", "2019-08-02");
        p.Answer("经调查，企业已支付工资。", On("2019-09-05 15:00:00"));
        Assert.True(p.AnsweredInTime);
        // 30 days from 09-05 end on 10-05, a holiday: 10-08.
        Assert.Equal(D("2019-10-08"), p.ReviewWindow!.DueDate);
        var late = Accepted("2019-08-01", "2019-08-02");
        late.Answer("经调查，企业已支付工资。", On("2019-09-05 15:00:00"));
        Assert.Equal("petitions.review_window_passed", Refused(() => late.RequestReview("塘厦镇人民政府", On("2019-10-09 00:00:00"))));
        p.RequestReview("塘厦镇人民政府", On("2019-10-08 23:59:59"));
        Assert.Equal(D("2019-11-07"), p.ReviewDeadline!.DueDate);
        // Only the body above decides the review.
        var handler = new Actor(Guid.NewGuid(), "petition.hr", "钟丽华", Body, new HashSet<string> { "petition_handler" },
            Fazhi.Web.Platform.Scope.DataScopeFilter.Everything, China("2019-10-20 10:00:00").UtcDateTime, D("2019-10-20"), Calendar);
        Assert.Equal("petitions.supervisor_only", Refused(() => p.DecideReview(true, "维持", handler)));
        p.DecideReview(true, "原处理意见正确，予以维持。", On("2019-10-20"));
        Assert.Equal(D("2019-11-19"), p.ReReviewWindow!.DueDate);
        p.RequestReReview("东莞市信访局", On("2019-11-01"));
        Assert.Equal(D("2019-12-02"), p.ReReviewDeadline!.DueDate);
        p.DecideReReview(true, "复查意见正确，予以维持。", On("2019-11-20"));
        Assert.Equal(PetitionStatus.ReReviewed, p.Status);
        Assert.Empty(((IHasDeadlines)p).Deadlines);

        // 第36条: the same matter again is entered (第21条) and at once not accepted, linked to the first.
        var again = Entered("2019-12-01", repeatOf: p);
        Assert.Equal((PetitionStatus.NotAccepted, p.Id, p.Number), (again.Status, again.RepeatOfId, again.RepeatOfNumber));
        Assert.Contains("不再受理", again.DecisionReason, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accusers_identity_is_sealed_and_opened_only_by_the_office_that_entered_it_or_a_supervisor()
    {
        var p = Entered("2019-09-02", PetitionClass.Accusation, name: "举报人甲");
        Assert.Equal(("", null, null), (p.PetitionerName, p.PetitionerPhone, p.PetitionerIdNumber));
        Assert.Equal(("举报人甲", "13800001234"), (p.SealedName, p.SealedPhone));
        Assert.DoesNotContain("举报人甲", ((Fazhi.Web.Platform.Lists.ISearchable)p).SearchText, StringComparison.Ordinal);
        var office = new Actor(Guid.NewGuid(), "petition.officer", "邓志坚", Office, new HashSet<string> { "petition_officer" },
            Fazhi.Web.Platform.Scope.DataScopeFilter.Everything, DateTime.UtcNow, D("2019-09-03"), Calendar);
        var handler = office with { DepartmentId = Body, Roles = new HashSet<string> { "petition_handler" } };
        var otherOffice = office with { DepartmentId = Body };
        Assert.True(p.CanOpenSealed(office));
        Assert.False(p.CanOpenSealed(handler));
        Assert.Equal("petitions.sealed", Refused(() => Workflow.Check(p.Guard(PetitionAction.OpenSealed, handler))));
        Assert.NotNull(p.Guard(PetitionAction.OpenSealed, otherOffice with { Scope = Fazhi.Web.Platform.Scope.DataScopeFilter.Nothing }));
    }

    [Fact]
    public void Oversight_asks_for_a_written_answer_in_working_days_and_one_at_a_time()
    {
        var p = Accepted("2019-09-20", "2019-09-25");
        p.Oversee("请于五个工作日内书面报告办理情况。", 5, On("2019-09-27"));
        // Friday 09-27: 09-29, 09-30, 10-08, 10-09, 10-10.
        var clock = Assert.Single(((IHasDeadlines)p).Deadlines, d => d.Kind == Petition.OversightClock);
        Assert.Equal((D("2019-10-10"), Body), (clock.Clock.DueDate, clock.DepartmentId));
        Assert.Equal("petitions.oversight_open", Refused(() => p.Oversee("再次督办", 3, On("2019-09-30"))));
        p.AnswerOversight("已约谈企业，十日内办结。", On("2019-10-09"));
        Assert.DoesNotContain(((IHasDeadlines)p).Deadlines, d => d.Kind == Petition.OversightClock);
    }

    [Fact]
    public void A_step_out_of_order_is_refused_and_a_rating_is_given_once_after_the_answer()
    {
        var p = Entered("2019-09-02");
        Assert.Equal("petitions.step_out_of_order", Refused(() => p.Answer("意见", On("2019-09-03"))));
        Assert.Equal("petitions.not_answered", Refused(() => p.Rate(3, On("2019-09-03"))));
        Assert.Equal("petitions.route_to_other", Refused(() => p.RouteTo(Office, "信访办", On("2019-09-03"))));
        p.Accept(On("2019-09-03"));
        p.Answer("已解决。", On("2019-09-10"));
        Assert.Equal("petitions.rating_range", Invalid(() => p.Rate(4, On("2019-09-11"))));
        p.Rate(3, On("2019-09-11"));
        Assert.Equal("petitions.rated", Refused(() => p.Rate(1, On("2019-09-12"))));
    }

    [Fact]
    public void The_open311_id_is_the_number_in_ascii() =>
        Assert.Equal("2019-37", Petition.RequestIdOf("塘信〔2019〕37号"));

    [Fact]
    public void An_extension_is_decided_while_the_60_days_run_and_a_letter_entered_late_counts_from_the_day_it_arrived()
    {
        var p = Accepted("2019-08-01", "2019-08-05 09:00:00");
        Assert.Equal("petitions.extension_too_late", Refused(() => p.Extend(10, "需要调查", On("2019-10-09 00:00:00"))));
        p.Extend(10, "需要调查", On("2019-10-08 23:00:00"));

        // A letter that arrived on 09-20 and was entered on 09-24: the 15 days still end with 10-05, a holiday: 10-08.
        var letter = Petition.Register("塘信〔2019〕2号", Office, new(PetitionChannel.Letter, PetitionClass.Claim, MatterCategory.Labour, "追讨拖欠工资", "请求支付工资", "工厂拖欠工资。", "讨要未果。"),
            new("林雪梅", null, "13800001234", "塘厦镇"), 1, [], null, null, On("2019-09-24"), receivedOn: D("2019-09-20"));
        Assert.Equal((D("2019-09-20"), D("2019-10-08")), (letter.ReceivedOn, letter.RouteDeadline.DueDate));
    }

    [Fact]
    public void A_send_back_ends_the_oversight_of_the_body_that_sent_it_back()
    {
        var p = Entered("2019-09-02");
        p.RouteTo(Body, "人力资源和社会保障分局", On("2019-09-03"));
        p.Oversee("请尽快决定是否受理。", 3, On("2019-09-04"));
        p.SendBack("不属本单位职责", On("2019-09-05"));
        Assert.All(p.Oversights, o => Assert.NotNull(o.AnsweredAt));
        Assert.DoesNotContain(((IHasDeadlines)p).Deadlines, d => d.Kind == Petition.OversightClock);
    }
}
