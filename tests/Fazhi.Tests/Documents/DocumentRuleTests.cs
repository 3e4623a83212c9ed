using System.Globalization;
using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Modules.Documents.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Tests.Documents;

/// <summary>
/// The clocks of normative documents (国办发〔2018〕37号 and 115号) and major decisions (重大行政决策程序暂行条例) at exact China-time
/// instants on the shipped 2019 calendar: Mid-Autumn 09-13 to 09-15 and National Day 10-01 to 10-07 off; Sunday 09-29 and Saturday
/// 10-12 worked. Every date below is worked out by hand on that calendar.
/// </summary>
public sealed class DocumentRuleTests
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Shipped();

    private static readonly Guid Gov = Guid.NewGuid();

    private const string Text = "第一条 为了规范出租屋消防安全管理，制定本办法。\n第二条 出租人应当落实消防安全责任。\n第三条 本办法自印发之日起施行。";

    private static DateOnly D(string date) => DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset China(string instant) =>
        new(DateTime.ParseExact(instant, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), TimeSpan.FromHours(8));

    /// <summary>The legal office at work (a seeding actor holds every role and scope): at 10:00 on a day, or at the instant given.</summary>
    private static Actor On(string day) =>
        Actor.Seeding("legal.officer", "黄志诚", China(day.Contains(' ', StringComparison.Ordinal) ? day : day + " 10:00:00").UtcDateTime, Calendar);

    private static NormativeDocument Drafted(string day, string title = "塘厦镇出租屋消防安全管理办法", DocumentKind kind = DocumentKind.Administrative, bool affectsRights = false) =>
        NormativeDocument.Draft("规草〔2019〕1号", kind, title, Gov, "镇政府办公室", null, "上级部署的新任务，未列入半年计划", affectsRights, Text, On(day));

    /// <summary>
    /// Drafted on Monday 09-02 and sent to the check that day; concluded on 09-09, the 5th working day (09-03 to 09-06, 09-09);
    /// adopted at the meeting on 09-10.
    /// </summary>
    private static NormativeDocument Adopted(string title = "塘厦镇出租屋消防安全管理办法", DocumentKind kind = DocumentKind.Administrative)
    {
        var d = Drafted("2019-09-02", title, kind);
        d.SubmitForCheck("依法治镇办", null, On("2019-09-02 14:00:00"));
        d.Conclude(CheckConclusion.Lawful, "经审核，该文件制定主体合法，内容不违反上位法规定。", On("2019-09-09"));
        d.Deliberate("镇政府常务会议", D("2019-09-10"), MeetingDecision.Adopted, "会议同意印发。", On("2019-09-10 16:00:00"));
        return d;
    }

    private static NormativeDocument Published(
        string day, string title = "塘厦镇出租屋消防安全管理办法", DocumentKind kind = DocumentKind.Administrative, int filingDays = NormativeDocument.AdministrativeFilingDays)
    {
        var d = Adopted(title, kind);
        d.Publish(kind == DocumentKind.Party ? "塘委〔2019〕1号" : "塘府〔2019〕1号", null, null, filingDays, On(day));
        return d;
    }

    private static MajorDecision Listed(string day) =>
        MajorDecision.List("决策〔2019〕1号", 2019, "塘厦镇生活垃圾分类实施方案", "在全镇推行生活垃圾分类，明确分类标准、收运体系和奖惩措施。", Gov, "镇政府办公室", On(day));

    private static string Refused(Action act) => Assert.Throws<DomainException>(act).Code;

    private static FieldError Invalid(Action act) => Assert.Single(Assert.Throws<ValidationFailedException>(act).Errors);

    private static IEnumerable<Deadline> Deadlines(IHasDeadlines r) => r.Deadlines;

    [Fact]
    public void Filing_is_due_15_days_after_publication_30_for_a_party_document_and_a_last_day_in_National_Day_moves_to_the_8th()
    {
        // Published Friday 09-20: the 15th day is 10-05, inside National Day (10-01 to 10-07); a calendar-day limit whose last
        // day is a day off ends on the next working day (民法典 第203条; DeadlineClock.Start): Tuesday 10-08.
        var d = Published("2019-09-20");
        Assert.Equal(D("2019-10-08"), d.FilingDeadline!.DueDate);
        Assert.Equal(DeadlineUnit.CalendarDays, d.FilingDeadline.Unit);
        var clock = Assert.Single(Deadlines(d), x => x.Kind == NormativeDocument.FilingClock);
        Assert.Equal((D("2019-10-08"), Gov), (clock.Clock.DueDate, clock.DepartmentId));

        // A party document: 30 days from 09-20 end on Sunday 10-20, so on Monday 10-21.
        var party = Published("2019-09-20", "关于加强基层党组织建设的实施意见", DocumentKind.Party, NormativeDocument.PartyFilingDays);
        Assert.Equal(D("2019-10-21"), party.FilingDeadline!.DueDate);

        // Filed on the due day: in time, and the filing clock is gone from the register.
        d.File("东莞市人民政府", D("2019-10-08"), "备2019-001", On("2019-10-08 16:00:00"));
        Assert.Equal(DocumentStatus.Filed, d.Status);
        Assert.True(d.FiledInTime);
        Assert.DoesNotContain(Deadlines(d), x => x.Kind == NormativeDocument.FilingClock);

        // Filed the day after: recorded, but late.
        var late = Published("2019-09-20");
        late.File("东莞市人民政府", D("2019-10-09"), null, On("2019-10-09"));
        Assert.Equal(DocumentStatus.Filed, late.Status);
        Assert.False(late.FiledInTime);

        // A filing day before publication, or after today, is refused on its field.
        var wrong = Published("2019-09-20");
        var before = Invalid(() => wrong.File("东莞市人民政府", D("2019-09-19"), null, On("2019-09-25")));
        Assert.Equal(("filedOn", "documents.filed_on_range"), (before.Field, before.Code));
        var future = Invalid(() => wrong.File("东莞市人民政府", D("2019-09-26"), null, On("2019-09-25")));
        Assert.Equal(("filedOn", "documents.filed_on_range"), (future.Field, future.Code));
    }

    [Fact]
    public void The_legality_check_concludes_from_its_5th_working_day_and_is_due_on_its_15th_counting_across_National_Day()
    {
        var d = Drafted("2019-09-23");
        d.SubmitForCheck("依法治镇办", null, On("2019-09-27 17:00:00"));

        // Sent on Friday 09-27: 09-29 (a Sunday worked) 1, 09-30 2, National Day skipped, 10-08 3, 10-09 4, 10-10 5.
        Assert.Equal(D("2019-10-10"), d.CheckEarliestOn);
        // … 10-11 6, 10-12 (a Saturday worked) 7, 10-14 to 10-18 8-12, 10-21 13, 10-22 14, 10-23 15.
        Assert.Equal(D("2019-10-23"), d.CheckDeadline!.DueDate);
        Assert.Equal(DeadlineUnit.WorkingDays, d.CheckDeadline.Unit);
        Assert.Contains(Deadlines(d), x => x.Kind == NormativeDocument.CheckClock && x.Clock.DueDate == D("2019-10-23"));

        // The day before the 5th working day, even late in it, is too early.
        var early = Assert.Throws<DomainException>(() => d.Conclude(CheckConclusion.Lawful, "合法", On("2019-10-09 23:30:00")));
        Assert.Equal(("documents.check_too_early", ErrorKind.Conflict), (early.Code, early.Kind));
        Assert.Equal(DocumentStatus.LegalityCheck, d.Status);

        d.Conclude(CheckConclusion.Lawful, "经审核，该文件制定主体合法，内容不违反上位法规定，程序符合要求。", On("2019-10-10 09:00:00"));
        Assert.Equal((DocumentStatus.Deliberation, 1), (d.Status, d.Checks));
        Assert.DoesNotContain(Deadlines(d), x => x.Kind == NormativeDocument.CheckClock);
    }

    [Fact]
    public void A_document_affecting_rights_is_open_for_comment_30_days_before_its_check_and_the_window_closes_only_after_its_last_day()
    {
        var d = Drafted("2019-09-04", affectsRights: true);
        Assert.Equal("documents.comment_required", Refused(() => d.SubmitForCheck("依法治镇办", null, On("2019-09-05"))));

        d.OpenComment(On("2019-09-05"));
        // Opened Thursday 09-05: the 30th day is 10-05, inside National Day: the public may comment until Tuesday 10-08.
        Assert.Equal(D("2019-10-08"), d.CommentWindow!.DueDate);
        Assert.Equal(DeadlineUnit.CalendarDays, d.CommentWindow.Unit);
        Assert.Equal(DocumentStatus.PublicComment, d.Status);
        Assert.Contains(Deadlines(d), x => x.Kind == NormativeDocument.CommentClock && x.Clock.DueDate == D("2019-10-08"));
        Assert.True(d.TakesComments(D("2019-10-08")));
        Assert.False(d.TakesComments(D("2019-10-09")));

        // On the last day the window is still the public's.
        Assert.Equal("documents.comment_still_open", Refused(() => d.CloseComment(0, On("2019-10-08 23:00:00"))));
        d.CloseComment(3, On("2019-10-09 09:00:00"));
        Assert.Equal(DocumentStatus.Drafting, d.Status);
        Assert.DoesNotContain(Deadlines(d), x => x.Kind == NormativeDocument.CommentClock);
        d.SubmitForCheck("依法治镇办", null, On("2019-10-09 10:00:00"));
        Assert.Equal(DocumentStatus.LegalityCheck, d.Status);

        // A document that does not touch citizens' rights is not put to comment and goes straight to the check.
        var internalRule = Drafted("2019-09-04");
        Assert.Equal("documents.comment_not_needed", Refused(() => internalRule.OpenComment(On("2019-09-05"))));
        internalRule.SubmitForCheck("依法治镇办", null, On("2019-09-05"));
        Assert.Equal(DocumentStatus.LegalityCheck, internalRule.Status);
    }

    [Fact]
    public void A_document_is_valid_5_years_2_if_provisional_warns_from_6_months_before_it_lapses_and_is_renewed_only_in_those_months()
    {
        // In force from its publication on 09-20 for five years: the last day is the day before the fifth anniversary.
        var d = Published("2019-09-20");
        Assert.Equal(D("2019-09-20"), d.EffectiveOn);
        Assert.Equal(D("2024-09-19"), d.ExpiresOn);
        Assert.True(d.InForce(D("2024-09-19")));
        Assert.False(d.InForce(D("2024-09-20")));

        // Taking effect later: five years from that day.
        var later = Adopted();
        later.Publish("塘府〔2019〕2号", D("2019-10-08"), null, NormativeDocument.AdministrativeFilingDays, On("2019-09-20"));
        Assert.Equal(D("2024-10-07"), later.ExpiresOn);
        Assert.False(later.InForce(D("2019-10-07")));

        // 试行 or 暂行 in the title: two years; more than two is refused on validYears.
        var trial = Published("2019-09-20", "塘厦镇养犬管理办法（试行）");
        Assert.True(trial.Provisional);
        Assert.Equal(D("2021-09-19"), trial.ExpiresOn);
        var interim = Adopted("塘厦镇临时摊贩管理暂行规定");
        var tooLong = Invalid(() => interim.Publish("塘府〔2019〕3号", null, 3, NormativeDocument.AdministrativeFilingDays, On("2019-09-20")));
        Assert.Equal(("validYears", "documents.valid_years"), (tooLong.Field, tooLong.Code));
        Assert.Equal(DocumentStatus.Adopted, interim.Status);
        interim.Publish("塘府〔2019〕3号", null, 2, NormativeDocument.AdministrativeFilingDays, On("2019-09-20"));
        Assert.Equal(D("2021-09-19"), interim.ExpiresOn);

        // Its validity as a clock: yellow from six months before it lapses (2024-03-19), red the day after the last day.
        var validity = Assert.Single(Deadlines(d), x => x.Kind == NormativeDocument.ValidityClock).Clock;
        Assert.Equal(D("2024-09-19"), validity.DueDate);
        Assert.Equal(WarningLevel.Normal, validity.Level(D("2024-03-18")));
        Assert.Equal(WarningLevel.Yellow, validity.Level(D("2024-03-19")));
        Assert.Equal(WarningLevel.Yellow, validity.Level(D("2024-09-19")));
        Assert.Equal(WarningLevel.Red, validity.Level(D("2024-09-20")));

        // The clean-up renews it only within those six months: another five years from the day after it would have lapsed.
        Assert.Equal("documents.renew_too_early", Refused(() => d.Renew("经清理，继续有效", On("2024-03-18"))));
        d.Renew("经清理，该办法与上位法不抵触，继续有效", On("2024-03-19"));
        Assert.Equal(D("2029-09-19"), d.ExpiresOn);
        Assert.Equal(D("2029-09-19"), Assert.Single(Deadlines(d), x => x.Kind == NormativeDocument.ValidityClock).Clock.DueDate);

        // Repealed: out of force from the repeal day, and its validity leaves the register.
        var repealed = Published("2019-09-20");
        repealed.Repeal("上位法已修改，经清理决定废止", null, On("2020-06-01"));
        Assert.Equal((DocumentStatus.Repealed, false), (repealed.Status, repealed.InForce(D("2020-06-01"))));
        Assert.Equal(D("2020-05-31"), repealed.ExpiresOn);
        Assert.DoesNotContain(Deadlines(repealed), x => x.Kind == NormativeDocument.ValidityClock);
    }

    [Fact]
    public void A_lapsed_document_is_neither_renewed_nor_amended_and_one_repealed_before_filing_still_owes_its_filing()
    {
        // Lapsed after 2024-09-19: the clean-up comes too late, and it is made anew rather than amended.
        var lapsed = Published("2019-09-20");
        Assert.Equal("documents.lapsed", Refused(() => lapsed.Renew("经清理，继续有效", On("2024-09-20"))));
        Assert.Equal("documents.lapsed", Refused(() => lapsed.Amend(Text + "\n第四条 新增条款。", "常务会议决定修改", On("2024-09-20"))));

        // Published 09-20 and repealed from 11-01 before it was filed: in force until 10-31, and still due for filing on 10-08.
        var d = Published("2019-09-20");
        d.Repeal("上级文件已废止，本办法同时废止", D("2019-11-01"), On("2019-09-25"));
        Assert.True(d.InForce(D("2019-10-31")));
        Assert.False(d.InForce(D("2019-11-01")));
        Assert.Equal(D("2019-10-08"), Assert.Single(Deadlines(d), x => x.Kind == NormativeDocument.FilingClock).Clock.DueDate);
        d.File("东莞市人民政府", D("2019-10-08"), null, On("2019-10-08"));
        Assert.Equal((DocumentStatus.Repealed, true), (d.Status, d.FiledInTime));
        Assert.DoesNotContain(Deadlines(d), x => x.Kind == NormativeDocument.FilingClock);
    }

    [Fact]
    public void A_decisions_executive_meeting_is_not_dated_before_its_legality_review_ended()
    {
        var d = Listed("2019-08-20");
        d.Skip(DecisionStage.Participation, "涉及依法不予公开的事项", On("2019-08-20"));
        d.Skip(DecisionStage.Experts, "不涉及专业技术问题", On("2019-08-20"));
        d.Skip(DecisionStage.Risk, "不涉及社会稳定风险", On("2019-08-20"));
        d.SubmitLegality("依法治镇办", On("2019-08-21"));
        // The 7th working day after Wednesday 08-21 is Friday 08-30.
        d.ConcludeLegality("经审查，决策草案合法。", On("2019-08-30"));
        var early = Invalid(() => d.Decide("镇政府常务会议", D("2019-08-29"), true, "会议通过。", null, null, On("2019-09-02")));
        Assert.Equal(("decidedOn", "documents.meeting_before_check"), (early.Field, early.Code));
        d.Decide("镇政府常务会议", D("2019-08-30"), true, "会议通过。", null, null, On("2019-09-02"));
        Assert.Equal(DecisionStatus.Decided, d.Status);
    }

    [Fact]
    public void A_major_decision_is_decided_only_with_each_earlier_step_done_or_lawfully_skipped_after_a_legality_review_of_7_working_days()
    {
        var d = Listed("2019-08-19");
        var meeting = D("2019-08-20");
        Assert.Equal("documents.step_missing", Refused(() => d.Decide("镇政府常务会议", meeting, true, "会议审议通过。", null, null, On("2019-08-20"))));
        // The legality review and the discussion are never skipped.
        Assert.Equal("documents.not_skippable", Refused(() => d.Skip(DecisionStage.Legality, "事项简单", On("2019-08-20"))));
        Assert.Equal("documents.not_skippable", Refused(() => d.Skip(DecisionStage.Discussion, "事项简单", On("2019-08-20"))));
        Assert.Equal("documents.step_missing", Refused(() => d.SubmitLegality("依法治镇办", On("2019-08-20"))));

        // 第15条: comments open at least 30 days.
        Assert.Equal("days", Invalid(() => d.OpenParticipation(20, On("2019-08-20"))).Field);
        d.OpenParticipation(null, On("2019-08-20"));
        // Opened Tuesday 08-20: 30 days end on Thursday 09-19, a working day.
        Assert.Equal(D("2019-09-19"), d.Phase(DecisionStage.Participation).Clock!.DueDate);
        Assert.Contains(Deadlines(d), x => x.Kind == MajorDecision.ParticipationClock);
        Assert.Equal("documents.comment_still_open", Refused(() => d.CloseParticipation("共收到意见12条。", 12, On("2019-09-19 17:00:00"))));
        d.CloseParticipation("共收到意见12条，采纳7条，未采纳的已说明理由。", 12, On("2019-09-20"));

        // Experts, then risk, must each be done or skipped before the legality review.
        Assert.Equal("documents.step_missing", Refused(() => d.SubmitLegality("依法治镇办", On("2019-09-23"))));
        d.RecordStage(DecisionStage.Experts, "东莞市环境卫生专家组（5人）", "方案技术路线可行，建议分阶段实施。", null, null, On("2019-09-23"));
        Assert.Equal("documents.step_missing", Refused(() => d.SubmitLegality("依法治镇办", On("2019-09-24"))));
        d.Skip(DecisionStage.Risk, "不涉及征收，经初步评估不存在社会稳定风险，依第二十二条不开展专项风险评估。", On("2019-09-24"));
        Assert.Equal(PhaseState.Skipped, d.Phase(DecisionStage.Risk).State);

        d.SubmitLegality("依法治镇办", On("2019-09-27 16:00:00"));
        // Sent Friday 09-27: 09-29 (Sunday worked) 1, 09-30 2, National Day skipped, 10-08 3, 10-09 4, 10-10 5, 10-11 6,
        // 10-12 (Saturday worked) 7: the opinion comes on the 7th working day at the earliest (第26条).
        Assert.Equal(D("2019-10-12"), d.Phase(DecisionStage.Legality).Clock!.DueDate);
        Assert.Equal("documents.check_too_early", Refused(() => d.ConcludeLegality("经审查，合法。", On("2019-10-11 17:00:00"))));
        // With the review still open the meeting cannot decide.
        Assert.Equal("documents.step_missing", Refused(() => d.Decide("镇政府常务会议", D("2019-10-11"), true, "会议审议通过。", null, null, On("2019-10-11"))));
        d.ConcludeLegality("经审查，决策草案符合法律、法规和规章的规定，程序合法。", On("2019-10-12 10:00:00"));

        d.Decide("镇政府常务会议（第20次）", D("2019-10-14"), true, "会议审议通过《塘厦镇生活垃圾分类实施方案》。", null, null, On("2019-10-14 17:00:00"));
        Assert.Equal(DecisionStatus.Decided, d.Status);
        Assert.Equal(D("2019-10-14"), d.DecidedOn);
        Assert.Empty(Deadlines(d));
        d.Publish("塘厦镇人民政府门户网站", On("2019-10-15"));
        // Decided lawfully, but the risk assessment was skipped: not by the full procedure.
        Assert.False(d.FullProcedure);
    }

    [Fact]
    public void A_decision_with_every_step_done_and_published_is_made_by_the_full_procedure()
    {
        var d = Listed("2019-09-04");
        d.OpenParticipation(30, On("2019-09-05"));
        // Opened Thursday 09-05: the 30th day is 10-05, inside National Day: comments are taken until 10-08.
        Assert.Equal(D("2019-10-08"), d.Phase(DecisionStage.Participation).Clock!.DueDate);
        Assert.True(d.TakesComments(D("2019-10-08")));
        Assert.False(d.TakesComments(D("2019-10-09")));
        d.CloseParticipation("共收到意见23条，采纳15条。", 23, On("2019-10-09 09:00:00"));
        d.RecordStage(DecisionStage.Experts, "东莞市环境卫生专家组（5人）", "技术路线可行。", null, null, On("2019-10-09 10:00:00"));
        d.RecordStage(DecisionStage.Risk, "镇综治中心", "社会稳定风险等级为低风险。", null, null, On("2019-10-09 11:00:00"));
        d.SubmitLegality("依法治镇办", On("2019-10-09 15:00:00"));
        // Wednesday 10-09: 10-10 1, 10-11 2, 10-12 (Saturday worked) 3, 10-14 4, 10-15 5, 10-16 6, 10-17 7.
        Assert.Equal(D("2019-10-17"), d.Phase(DecisionStage.Legality).Clock!.DueDate);
        Assert.Equal("documents.check_too_early", Refused(() => d.ConcludeLegality("合法", On("2019-10-16"))));
        d.ConcludeLegality("经审查，决策草案合法。", On("2019-10-17"));
        d.Decide("镇政府常务会议（第21次）", D("2019-10-18"), true, "会议审议通过。", null, null, On("2019-10-18 17:00:00"));
        // Publication is a step of the full procedure too.
        Assert.False(d.FullProcedure);
        d.Publish("塘厦镇人民政府门户网站", On("2019-10-21"));
        Assert.True(d.FullProcedure);
    }

    [Fact]
    public void The_difference_between_two_versions_lists_each_deleted_and_inserted_line_with_their_counts()
    {
        var diff = DocumentService.Diff(1, "a\nb\nc", 2, "a\nB\nc\nd");
        Assert.Equal((1, 2, 2, 1), (diff.From, diff.To, diff.Inserted, diff.Deleted));
        DiffLine[] expected =
        [
            new("unchanged", "a", 1, 1),
            new("deleted", "b", 2, null),
            new("inserted", "B", null, 2),
            new("unchanged", "c", 3, 3),
            new("inserted", "d", null, 4),
        ];
        Assert.Equal(expected, diff.Lines.ToArray());

        var same = DocumentService.Diff(2, "a\nb", 3, "a\nb");
        Assert.Equal((0, 0), (same.Inserted, same.Deleted));
        Assert.All(same.Lines, l => Assert.Equal("unchanged", l.Change));
    }
}
