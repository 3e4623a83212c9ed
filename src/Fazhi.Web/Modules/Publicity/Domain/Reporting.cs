using System.Security.Cryptography;
using System.Text;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Publicity.Domain;

/// <summary>What kind of publicity event it was.</summary>
public enum EventKind
{
    /// <summary>法治讲座</summary>
    Lecture = 0,

    /// <summary>宣传摆摊 / 现场咨询</summary>
    StreetStall = 1,

    /// <summary>主题活动 (宪法日, 禁毒日…)</summary>
    Campaign = 2,

    /// <summary>文艺演出 / 比赛</summary>
    Performance = 3,

    /// <summary>进校园</summary>
    School = 4,

    /// <summary>以案释法 / 庭审旁听</summary>
    CaseTeaching = 5,

    Other = 9,
}

/// <summary>Whom an event was for.</summary>
public enum AudienceKind
{
    /// <summary>社区群众</summary>
    Residents = 0,

    /// <summary>青少年学生</summary>
    Students = 1,

    /// <summary>企业及员工</summary>
    Businesses = 2,

    /// <summary>国家工作人员</summary>
    Cadres = 3,

    /// <summary>外来务工人员</summary>
    MigrantWorkers = 4,

    /// <summary>老年人</summary>
    Elderly = 5,

    Other = 9,
}

/// <summary>Where a post was published.</summary>
public enum PostChannel
{
    /// <summary>微信公众号</summary>
    WeChat = 0,

    /// <summary>微博</summary>
    Weibo = 1,

    /// <summary>政府网站</summary>
    Website = 2,

    /// <summary>短视频</summary>
    ShortVideo = 3,

    /// <summary>报刊 / 电台</summary>
    Press = 4,

    Other = 9,
}

/// <summary>A month's report of a community or department, from draft to the legal office's confirmation.</summary>
public enum ReportStatus
{
    /// <summary>Events and posts being entered or imported.</summary>
    Draft = 0,

    Submitted = 1,

    /// <summary>Sent back for correction with the office's reason; editable again.</summary>
    Returned = 2,

    /// <summary>Counted in the town's figures.</summary>
    Confirmed = 3,
}

public enum ReportAction
{
    Edit,
    Submit,
    Confirm,
    Return,
}

public sealed class ReportStep : CaseStep;

/// <summary>
/// One community's or department's month of publicity: its events and posts, submitted by the reporter and confirmed by the
/// legal office, which counts them in the town's figures. One per reporter and month; a case on the kit (record, races, scope).
/// </summary>
public sealed class MonthlyReport : ICase, IVersioned
{
    private MonthlyReport()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The reporting community or department: its data scope.</summary>
    public Guid DepartmentId { get; private set; }

    public string ReporterName { get; private set; } = "";

    /// <summary>The month's first day.</summary>
    public DateOnly Month { get; private set; }

    public ReportStatus Status { get; private set; }

    public DateTime? SubmittedAt { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    public string? ConfirmedBy { get; private set; }

    /// <summary>What the reporter says of the month (e.g. why nothing was held); the office's reason when it returns it.</summary>
    public string? Note { get; private set; }

    public Guid RowVersion { get; set; }

    public List<ReportStep> Steps { get; private set; } = [];

    IReadOnlyList<CaseStep> ICase.Record => Steps;

    /// <summary>How people know it: 2026-10 石马社区.</summary>
    public string Title => $"{Month:yyyy-MM} {ReporterName}";

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    public static MonthlyReport Open(Guid reporterId, string reporterName, DateOnly month, Actor by)
    {
        var r = new MonthlyReport
        {
            Id = Guid.CreateVersion7(), DepartmentId = reporterId, ReporterName = reporterName, Month = MonthOf(month), Status = ReportStatus.Draft,
            RowVersion = Guid.NewGuid(),
        };
        r.Steps.Add(CaseStep.New<ReportStep>(r.Id, 1, "opened", by, r.Month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));
        return r;
    }

    public IReadOnlyList<ReportAction> AvailableActions(Actor by) => Workflow.Available<ReportAction>(a => Guard(a, by));

    private bool Reporter(Actor by) => by.ActsFor(DepartmentId, PublicityRoles.Reporter) || by.ActsFor(DepartmentId, PublicityRoles.Officer);

    public DomainException? Guard(ReportAction action, Actor by) => action switch
    {
        ReportAction.Edit => Editable() ?? Must(Reporter(by)),
        // A month is reported once it is over (or on its last day).
        ReportAction.Submit => Editable() ?? Must(Reporter(by))
            ?? Workflow.Unless(by.Today >= Month.AddMonths(1).AddDays(-1), "publicity.month_not_over", "month"),
        ReportAction.Confirm or ReportAction.Return => Workflow.Unless(Status == ReportStatus.Submitted, "publicity.not_submitted", "status")
            ?? Must(by.IsIn(PublicityRoles.Officer)),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private DomainException? Editable() =>
        Workflow.Unless(Status is ReportStatus.Draft or ReportStatus.Returned, "publicity.report_closed", "status", ErrorKind.Conflict);

    private static DomainException? Must(bool allowed) => Workflow.Unless(allowed, "publicity.not_yours", "status", ErrorKind.Forbidden);

    /// <summary>Records what was added or removed while the month is open (an import, a form, a deletion).</summary>
    public void Changed(string kind, RecordNote note, Actor by)
    {
        Workflow.Check(Guard(ReportAction.Edit, by));
        Record(kind, by, note);
    }

    public void Submit(string? note, int events, int posts, Actor by)
    {
        Workflow.Check(Guard(ReportAction.Submit, by));
        // An empty month is a report too, but it says why.
        new Validator().Check(events + posts > 0 || !string.IsNullOrWhiteSpace(note), "note", "publicity.empty_month_reason").MaxLength("note", note, 500).ThrowIfInvalid();
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Status = ReportStatus.Submitted;
        SubmittedAt = by.Now;
        Record("submitted", by, StepNote.Of("publicity.note.counts", events.ToString(System.Globalization.CultureInfo.InvariantCulture), posts.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public void Confirm(Actor by)
    {
        Workflow.Check(Guard(ReportAction.Confirm, by));
        Status = ReportStatus.Confirmed;
        ConfirmedAt = by.Now;
        ConfirmedBy = by.Name;
        Record("confirmed", by, null);
    }

    public void Return(string? reason, Actor by)
    {
        Workflow.Check(Guard(ReportAction.Return, by));
        new Validator().Required("reason", reason, 500).ThrowIfInvalid();
        Status = ReportStatus.Returned;
        Note = reason!.Trim();
        Record("returned", by, reason.Trim());
    }

    private void Record(string kind, Actor by, RecordNote note) =>
        Steps.Add(CaseStep.New<ReportStep>(Id, Workflow.NextSequence(Steps), kind, by, note));
}

/// <summary>
/// A community or department that reports its publicity every month, from a first month on. Its clock is the first month
/// without a submitted report: due on the configured day of the month after (the 10th), so a missing month is on the one
/// register, yellow two days before and red the day after.
/// </summary>
public sealed class Reporter : IHasDeadlines, IVersioned
{
    public const string MonthClock = "publicity.month";

    private Reporter()
    {
    }

    /// <summary>The organisation node (community or department).</summary>
    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public DateOnly FirstMonth { get; private set; }

    /// <summary>The first month without a submitted report.</summary>
    public DateOnly OwedMonth { get; private set; }

    public DeadlineClock Due { get; private set; } = new();

    public bool Active { get; private set; } = true;

    public Guid RowVersion { get; set; }

    public static Reporter Create(Guid nodeId, string name, DateOnly firstMonth, int dueDay, WorkingDayCalendar calendar)
    {
        var r = new Reporter { Id = nodeId, Name = name, FirstMonth = MonthlyReport.MonthOf(firstMonth), RowVersion = Guid.NewGuid() };
        r.Owe(r.FirstMonth, dueDay, calendar);
        return r;
    }

    /// <summary>The report of <paramref name="month"/> is due on day <paramref name="dueDay"/> of the month after (a day off moves it to the next working day).</summary>
    public static DeadlineClock ClockFor(DateOnly month, int dueDay, WorkingDayCalendar calendar)
    {
        var next = MonthlyReport.MonthOf(month).AddMonths(1);
        return DeadlineClock.Start(calendar, next, Math.Clamp(dueDay, 1, 28) - 1, DeadlineUnit.CalendarDays);
    }

    /// <summary>Moves the clock to the first month from <paramref name="month"/> on that has no submitted report.</summary>
    public void Owe(DateOnly month, int dueDay, WorkingDayCalendar calendar)
    {
        OwedMonth = MonthlyReport.MonthOf(month);
        Due = ClockFor(OwedMonth, dueDay, calendar);
    }

    /// <summary>Owes the first month from its first on that is not among <paramref name="reported"/> (submitted or confirmed).</summary>
    public void OweFirstUnreported(IReadOnlySet<DateOnly> reported, int dueDay, WorkingDayCalendar calendar)
    {
        var month = FirstMonth;
        while (reported.Contains(month))
        {
            month = month.AddMonths(1);
        }

        Owe(month, dueDay, calendar);
    }

    public void Stop() => Active = false;

    public void Resume() => Active = true;

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            if (Active)
            {
                yield return new Deadline(MonthClock, Id, Due, Id, $"{Name} {OwedMonth:yyyy-MM}", null, "/publicity/reports");
            }
        }
    }
}

/// <summary>What a month's report holds (an event, a post): its reporter, its report and its day.</summary>
public interface IReportedItem
{
    Guid ReportId { get; }

    Guid DepartmentId { get; }

    // The column's own name, so a query over the interface is a query over the column; no other .NET language implements it.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "The mapped column's name.")]
    DateOnly Date { get; }
}

/// <summary>A publicity event (法治宣传活动) a community or department held, in its month's report.</summary>
public sealed class PublicityEvent : IReportedItem
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    /// <summary>The reporting community or department.</summary>
    public Guid DepartmentId { get; set; }

    public string ReporterName { get; set; } = "";

    public DateOnly Date { get; set; }

    public EventKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string Place { get; set; } = "";

    public string Organiser { get; set; } = "";

    /// <summary>The law publicised (宪法, 民法典…).</summary>
    public string Law { get; set; } = "";

    public AudienceKind Audience { get; set; }

    public int PeopleReached { get; set; }

    /// <summary>Materials printed (编印) for it.</summary>
    public int Printed { get; set; }

    /// <summary>Materials handed out (发放).</summary>
    public int HandedOut { get; set; }

    public Guid? SchoolId { get; set; }

    public Guid? SiteId { get; set; }

    /// <summary>The row's content, hashed: the same row imported twice is one event.</summary>
    public string Fingerprint { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public List<EventPhoto> Photos { get; set; } = [];

    public static string FingerprintOf(params object?[] parts)
    {
        var text = string.Join('\u001f', parts.Select(p => p switch
        {
            null => "",
            DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            string s => s.Trim(),
            _ => Convert.ToString(p, System.Globalization.CultureInfo.InvariantCulture),
        }));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}

/// <summary>A photo of an event, kept in the file store by its hash.</summary>
public sealed class EventPhoto
{
    public Guid Id { get; set; }

    public Guid EventId { get; set; }

    public string Sha256 { get; set; } = "";

    public string ContentType { get; set; } = "";

    public DateTime At { get; set; }
}

/// <summary>A post (推送法治信息) on a channel, in its month's report.</summary>
public sealed class PublicityPost : IReportedItem
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    public Guid DepartmentId { get; set; }

    public string ReporterName { get; set; } = "";

    public DateOnly Date { get; set; }

    public PostChannel Channel { get; set; }

    public string Title { get; set; } = "";

    public string? Link { get; set; }

    public string Fingerprint { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
