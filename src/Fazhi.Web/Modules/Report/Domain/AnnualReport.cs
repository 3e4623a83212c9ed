using System.Globalization;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Report.Domain;

/// <summary>Which government writes the report: the town to the city, a county or city to the province.</summary>
public enum ReportLevel
{
    /// <summary>镇（街道）</summary>
    Town = 0,

    /// <summary>县（区）</summary>
    County = 1,

    /// <summary>市</summary>
    City = 2,
}

/// <summary>The five parts of the report, in the order the rules require (厅字〔2019〕28号; RULES.md).</summary>
public enum ReportPart
{
    /// <summary>The opening (开头语) before part one: text without a heading.</summary>
    Preamble = 0,

    /// <summary>主要举措和成效</summary>
    Measures = 1,

    /// <summary>存在的不足和原因</summary>
    Shortcomings = 2,

    /// <summary>党政主要负责人履行推进法治建设第一责任人职责情况</summary>
    LeadersDuty = 3,

    /// <summary>下一年度工作安排</summary>
    Plan = 4,

    /// <summary>其他需要报告的情况</summary>
    Other = 5,
}

/// <summary>The work line a part-one section reports on.</summary>
public enum WorkLine
{
    None = 0,

    /// <summary>政务服务</summary>
    Services = 1,

    /// <summary>行政执法</summary>
    Enforcement = 2,

    /// <summary>规范性文件和重大决策</summary>
    Documents = 3,

    /// <summary>社会治理（调解、法律援助、信访、平安）</summary>
    Governance = 4,

    /// <summary>普法和学法</summary>
    Publicity = 5,

    /// <summary>党的领导和学习（综合）</summary>
    Leadership = 6,
}

/// <summary>Where the report stands: drafted by the rule-of-law office, written into by departments, reviewed, signed, sent, public.</summary>
public enum ReportStatus
{
    Draft = 0,

    /// <summary>Departments write their sections and confirm their figures.</summary>
    Inputs = 1,

    /// <summary>保密审查</summary>
    SecrecyReview = 2,

    /// <summary>Cleared; awaiting the principal leaders' sign-off.</summary>
    SignOff = 3,

    /// <summary>Signed by the principal leaders; to be sent to the level above.</summary>
    SignedOff = 4,

    /// <summary>Sent to the level above.</summary>
    Submitted = 5,

    /// <summary>Published to the public.</summary>
    Published = 6,
}

public enum ReportAction
{
    Edit,
    Generate,
    OpenInputs,
    ConfirmSection,
    ToReview,
    Clear,
    SendBack,
    SignOff,
    Submit,
    Publish,
}

public sealed class AnnualReportStep : CaseStep;

/// <summary>
/// A section of the report: a part, a heading and its text, whose slots print figures. A part-one section reports on a work
/// line; a section may be given to a department, which writes its text and confirms its figures while inputs are open.
/// </summary>
public sealed class ReportSection
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    /// <summary>1, 2, 3 … in the report.</summary>
    public int Order { get; set; }

    public ReportPart Part { get; set; }

    public WorkLine WorkLine { get; set; }

    /// <summary>The heading without its number (the document numbers parts 一、 and sections （一）).</summary>
    public string Heading { get; set; } = "";

    /// <summary>Paragraphs, one per line, with figure slots <c>{{name|format|period}}</c>.</summary>
    public string Text { get; set; } = "";

    /// <summary>The department that writes it, or none (the office writes it).</summary>
    public Guid? DepartmentId { get; set; }

    public string? DepartmentName { get; set; }

    public DateTime? ConfirmedAt { get; set; }

    public string? ConfirmedBy { get; set; }

    /// <summary>The department's clock: its text and figures by 1 March.</summary>
    public DeadlineClock? Due { get; set; }
}

/// <summary>
/// A figure from outside the platform (the police's year-on-year change in incidents): supplied by a department with its
/// source document, and marked as supplied wherever it is printed.
/// </summary>
public sealed class SuppliedFigure
{
    public Guid Id { get; set; }

    public Guid ReportId { get; set; }

    /// <summary><c>supplied.police_incidents_change</c>.</summary>
    public string Name { get; set; } = "";

    public string Label { get; set; } = "";

    public decimal Value { get; set; }

    /// <summary>How it prints by default: a count, a rate, or a change (a ratio, −0.223 for a fall of 22.3%).</summary>
    public SlotFormat Kind { get; set; }

    public string Source { get; set; } = "";

    public Guid? SuppliedById { get; set; }

    public string SuppliedByName { get; set; } = "";

    public DateTime SuppliedAt { get; set; }

    public string? FileSha256 { get; set; }

    public string? FileName { get; set; }

    public string? FileContentType { get; set; }

    public long FileSize { get; set; }
}

/// <summary>
/// The annual rule-of-law report of one year and level (法治政府建设年度报告): its template (title, addressee, sections with figure
/// slots, supplied figures) and its workflow from draft to public release, each step on its record. Departments owe their
/// sections by 1 March and the report is public by 1 April of the year after, both on the deadline register.
/// </summary>
public sealed class AnnualReport : ICase, IHasDeadlines, IVersioned
{
    public const string InputsClock = "report.inputs";
    public const string PublicationClock = "report.publication";

    private AnnualReport()
    {
    }

    public Guid Id { get; private set; }

    public int Year { get; private set; }

    public ReportLevel Level { get; private set; }

    /// <summary>The rule-of-law office that drafts it: its data scope and alerts.</summary>
    public Guid DepartmentId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>主送机关: 市人民政府.</summary>
    public string Addressee { get; private set; } = "";

    /// <summary>The issuing body: 塘厦镇人民政府.</summary>
    public string Issuer { get; private set; } = "";

    /// <summary>The date the document bears; the sign-off day when not set.</summary>
    public DateOnly? IssuedOn { get; private set; }

    /// <summary>The language the report is written in (zh-CN); its own text is never translated.</summary>
    public string Language { get; private set; } = "zh-CN";

    public ReportStatus Status { get; private set; }

    /// <summary>The snapshot the leaders signed, which is sent and published.</summary>
    public Guid? SignedSnapshotId { get; private set; }

    public DateTime? PublishedAt { get; private set; }

    public DeadlineClock PublicationDue { get; private set; } = new();

    public Guid RowVersion { get; set; }

    public List<ReportSection> Sections { get; private set; } = [];

    public List<SuppliedFigure> Supplied { get; private set; } = [];

    public List<AnnualReportStep> Steps { get; private set; } = [];

    IReadOnlyList<CaseStep> ICase.Record => Steps;

    /// <summary>The figures' period: the report's calendar year.</summary>
    public DateOnly From => new(Year, 1, 1);

    public DateOnly To => new(Year, 12, 31);

    public static DateOnly InputsDueOn(int year) => new(year + 1, 3, 1);

    public static DateOnly PublicationDueOn(int year) => new(year + 1, 4, 1);

    public static AnnualReport Create(int year, ReportLevel level, Guid officeId, string title, string addressee, string issuer, Actor by)
    {
        var v = new Validator()
            .Check(year is >= 2000 and <= 2100, "year", "report.year_range")
            .Required("title", title).Required("addressee", addressee, 100).Required("issuer", issuer, 100);
        v.ThrowIfInvalid();
        var r = new AnnualReport
        {
            Id = Guid.CreateVersion7(), Year = year, Level = level, DepartmentId = officeId, Title = title.Trim(), Addressee = addressee.Trim(),
            Issuer = issuer.Trim(), Status = ReportStatus.Draft, RowVersion = Guid.NewGuid(),
            PublicationDue = Clock(by.Calendar, PublicationDueOn(year)),
        };
        r.Record("created", by, year.ToString(CultureInfo.InvariantCulture));
        return r;
    }

    /// <summary>A clock due on <paramref name="due"/>, counted from the first day of the year after the report's.</summary>
    public static DeadlineClock Clock(WorkingDayCalendar calendar, DateOnly due)
    {
        var start = new DateOnly(due.Year, 1, 1);
        return DeadlineClock.Start(calendar, start, due.DayNumber - start.DayNumber, DeadlineUnit.CalendarDays);
    }

    public IReadOnlyList<ReportAction> AvailableActions(Actor by) => Workflow.Available<ReportAction>(a => Guard(a, by, null));

    private bool Office(Actor by) => by.ActsFor(DepartmentId, ReportRoles.Officer);

    public DomainException? Guard(ReportAction action, Actor by, ReportSection? section) => action switch
    {
        ReportAction.Edit or ReportAction.Generate => Workflow.Unless(Status is ReportStatus.Draft or ReportStatus.Inputs, "report.not_editable", "status")
            ?? Must(Office(by)),
        ReportAction.OpenInputs => In(ReportStatus.Draft) ?? Must(Office(by)),
        ReportAction.ConfirmSection => In(ReportStatus.Inputs)
            ?? (section is null
                ? Must(by.IsIn(ReportRoles.Contributor) && Sections.Any(s => s.DepartmentId is { } d && s.ConfirmedAt is null && by.ActsFor(d)))
                : Workflow.Unless(section.DepartmentId is not null, "report.section_not_assigned", "section")
                    ?? Workflow.Unless(section.ConfirmedAt is null, "report.section_confirmed", "section")
                    ?? Must(section.DepartmentId is { } d && (by.ActsFor(d, ReportRoles.Contributor) || Office(by)))),
        ReportAction.ToReview => In(ReportStatus.Inputs) ?? Must(Office(by))
            ?? Workflow.Unless(Sections.All(s => s.DepartmentId is null || s.ConfirmedAt is not null), "report.inputs_outstanding", "sections", ErrorKind.Invalid,
                string.Join("、", Sections.Where(s => s.DepartmentId is not null && s.ConfirmedAt is null).Select(s => s.DepartmentName).Distinct()))
            // The reviewers and the leaders read a report generated from the text as it now stands.
            ?? Workflow.Unless(GeneratedSinceLastEdit, "report.generate_first", "snapshot"),
        ReportAction.Clear => In(ReportStatus.SecrecyReview) ?? Must(by.IsIn(ReportRoles.SecrecyReviewer)),
        // The secrecy reviewer, or the leaders who will not sign it as it is, send it back to the office.
        ReportAction.SendBack => Status switch
        {
            ReportStatus.SecrecyReview => Must(by.IsIn(ReportRoles.SecrecyReviewer)),
            ReportStatus.SignOff => Must(by.IsIn(ReportRoles.Leader)),
            _ => In(ReportStatus.SecrecyReview),
        },
        ReportAction.SignOff => In(ReportStatus.SignOff) ?? Must(by.IsIn(ReportRoles.Leader)),
        ReportAction.Submit => In(ReportStatus.SignedOff) ?? Must(Office(by)),
        ReportAction.Publish => In(ReportStatus.Submitted) ?? Must(Office(by)),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private static readonly string[] EditKinds = ["sections", "described", "supplied", "section_confirmed"];

    /// <summary>A snapshot was generated after the text's last change (sections, details, supplied figures, a department's confirmation).</summary>
    public bool GeneratedSinceLastEdit =>
        Steps.Where(s => s.Kind == "generated").Select(s => s.Sequence).DefaultIfEmpty(0).Max() > Steps.Where(s => EditKinds.Contains(s.Kind)).Select(s => s.Sequence).DefaultIfEmpty(0).Max();

    private DomainException? In(ReportStatus status) => Workflow.Unless(Status == status, "report.wrong_status", "status", ErrorKind.Conflict);

    private static DomainException? Must(bool allowed) => Workflow.Unless(allowed, "report.not_yours", "status", ErrorKind.Forbidden);

    /// <summary>Title, addressee, issuer and date as the document prints them.</summary>
    public void Describe(string title, string addressee, string issuer, DateOnly? issuedOn, Actor by)
    {
        Workflow.Check(Guard(ReportAction.Edit, by, null));
        new Validator().Required("title", title).Required("addressee", addressee, 100).Required("issuer", issuer, 100)
            .Check(issuedOn is null || issuedOn.Value.Year > Year, "issuedOn", "report.issued_after_year").ThrowIfInvalid();
        Title = title.Trim();
        Addressee = addressee.Trim();
        Issuer = issuer.Trim();
        IssuedOn = issuedOn;
        Record("described", by, null);
    }

    /// <summary>
    /// Replaces the sections. Their parts must come in the required order, every part present; every slot must name a known
    /// figure it can print (<paramref name="problem"/> says why not), else the save is refused naming the section and the slot.
    /// </summary>
    public void SetSections(IReadOnlyList<ReportSection> sections, Func<Slot, string?> problem, Actor by)
    {
        Workflow.Check(Guard(ReportAction.Edit, by, null));
        var v = new Validator().Check(sections.Count is > 0 and <= 60, "sections", "report.sections_count");
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var field = $"sections[{i}]";
            v.Check(s.Part == ReportPart.Preamble || !string.IsNullOrWhiteSpace(s.Heading), field + ".heading", "required")
                .MaxLength(field + ".heading", s.Heading, 200).MaxLength(field + ".text", s.Text, 20_000)
                .Check(s.Part != ReportPart.Preamble || i == 0, field + ".part", "report.preamble_first")
                .Check(Enum.IsDefined(s.Part), field + ".part", "report.part_unknown")
                .Check(i == 0 || s.Part >= sections[i - 1].Part, field + ".part", "report.part_order");
            v.Check(Enum.IsDefined(s.WorkLine), field + ".workLine", "report.line_unknown")
                .Check(s.Id == Guid.Empty || sections.Take(i).All(x => x.Id != s.Id), field + ".id", "report.section_twice");
            foreach (var (written, why) in SlotText.Problems(s.Text, problem))
            {
                v.Check(false, field + ".text", why, written);
            }
        }

        foreach (var part in Enum.GetValues<ReportPart>().Where(p => p != ReportPart.Preamble && sections.All(s => s.Part != p)))
        {
            v.Check(false, "sections", "report.part_missing", (int)part);
        }

        v.ThrowIfInvalid();
        // A section sent back with its id is the same row, updated in place; one left out is removed (an orphan, deleted).
        var before = Sections.ToDictionary(s => s.Id);
        var next = new List<ReportSection>();
        for (var i = 0; i < sections.Count; i++)
        {
            var s = sections[i];
            var text = (s.Text ?? "").Trim();
            if (before.TryGetValue(s.Id, out var row))
            {
                // A department's confirmation stands while its text and owner are unchanged.
                if (row.Text != text || row.DepartmentId != s.DepartmentId)
                {
                    row.ConfirmedAt = null;
                    row.ConfirmedBy = null;
                }
            }
            else
            {
                row = new ReportSection { Id = Guid.CreateVersion7(), ReportId = Id };
            }

            row.Order = i + 1;
            row.Part = s.Part;
            row.WorkLine = s.WorkLine;
            row.Heading = (s.Heading ?? "").Trim();
            row.Text = text;
            row.DepartmentId = s.DepartmentId;
            row.DepartmentName = s.DepartmentName;
            row.Due = Status == ReportStatus.Inputs && row.DepartmentId is not null && row.ConfirmedAt is null ? Clock(by.Calendar, InputsDueOn(Year)) : null;
            next.Add(row);
        }

        Sections.Clear();
        Sections.AddRange(next);
        Record("sections", by, sections.Count.ToString(CultureInfo.InvariantCulture));
    }

    public void AddSupplied(SuppliedFigure figure, Actor by)
    {
        Workflow.Check(Guard(ReportAction.Edit, by, null));
        var v = new Validator().Required("name", figure.Name, 80).Required("label", figure.Label).Required("source", figure.Source, 300)
            .Check(figure.Name.StartsWith(Slot.SuppliedPrefix, StringComparison.Ordinal) && SlotText.IsName(figure.Name),
                "name", "report.supplied_name")
            .Check(figure.Kind is SlotFormat.Count or SlotFormat.Rate or SlotFormat.Change, "kind", "report.supplied_kind");
        v.ThrowIfInvalid();
        Supplied.RemoveAll(f => f.Name == figure.Name);
        figure.Id = Guid.CreateVersion7();
        figure.ReportId = Id;
        figure.SuppliedAt = by.Now;
        Supplied.Add(figure);
        Record("supplied", by, $"{figure.Name} {figure.Value.ToString(CultureInfo.InvariantCulture)} ({figure.SuppliedByName}: {figure.Source})");
    }

    public void Generated(int number, Actor by)
    {
        Workflow.Check(Guard(ReportAction.Generate, by, null));
        Record("generated", by, number.ToString(CultureInfo.InvariantCulture));
    }

    public void OpenInputs(Actor by)
    {
        Workflow.Check(Guard(ReportAction.OpenInputs, by, null));
        Status = ReportStatus.Inputs;
        foreach (var s in Sections.Where(s => s.DepartmentId is not null && s.ConfirmedAt is null))
        {
            s.Due = Clock(by.Calendar, InputsDueOn(Year));
        }

        Record("inputs_opened", by, null);
    }

    /// <summary>A department confirms its section: its text (as it now writes it) and the figures it prints.</summary>
    public void ConfirmSection(ReportSection section, string text, Func<Slot, string?> problem, Actor by)
    {
        Workflow.Check(Guard(ReportAction.ConfirmSection, by, section));
        var v = new Validator().MaxLength("text", text, 20_000);
        foreach (var (written, why) in SlotText.Problems(text, problem))
        {
            v.Check(false, "text", why, written);
        }

        v.ThrowIfInvalid();
        section.Text = text.Trim();
        section.ConfirmedAt = by.Now;
        section.ConfirmedBy = by.Name;
        section.Due = null;
        Record("section_confirmed", by, $"{section.Order}. {section.Heading} ({section.DepartmentName})");
    }

    public void ToReview(Actor by)
    {
        Workflow.Check(Guard(ReportAction.ToReview, by, null));
        Status = ReportStatus.SecrecyReview;
        Record("to_review", by, null);
    }

    public void Clear(string? note, Actor by)
    {
        Workflow.Check(Guard(ReportAction.Clear, by, null));
        new Validator().MaxLength("note", note, 500).ThrowIfInvalid();
        Status = ReportStatus.SignOff;
        Record("cleared", by, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }

    /// <summary>The secrecy reviewer sends it back to the office with the passages to change.</summary>
    public void SendBack(string? reason, Actor by)
    {
        Workflow.Check(Guard(ReportAction.SendBack, by, null));
        new Validator().Required("reason", reason, 500).ThrowIfInvalid();
        Status = ReportStatus.Draft;
        Record("sent_back", by, reason!.Trim());
    }

    /// <summary>The principal leaders sign the snapshot generated last; it is the one sent and published.</summary>
    public void SignOff(Guid snapshotId, Actor by)
    {
        Workflow.Check(Guard(ReportAction.SignOff, by, null));
        SignedSnapshotId = snapshotId;
        IssuedOn ??= by.Today;
        Status = ReportStatus.SignedOff;
        Record("signed", by, null);
    }

    public void Submit(Actor by)
    {
        Workflow.Check(Guard(ReportAction.Submit, by, null));
        Status = ReportStatus.Submitted;
        Record("submitted", by, Addressee);
    }

    public void Publish(Actor by)
    {
        Workflow.Check(Guard(ReportAction.Publish, by, null));
        Status = ReportStatus.Published;
        PublishedAt = by.Now;
        Record("published", by, null);
    }

    private void Record(string kind, Actor by, Platform.Localization.RecordNote note) =>
        Steps.Add(CaseStep.New<AnnualReportStep>(Id, Workflow.NextSequence(Steps), kind, by, note));

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            var title = $"{Year} {Title}";
            if (Status == ReportStatus.Inputs)
            {
                foreach (var s in Sections.Where(s => s is { Due: not null, DepartmentId: not null, ConfirmedAt: null }))
                {
                    yield return new Deadline(InputsClock, s.Id, s.Due!, s.DepartmentId!.Value, title, s.Heading, $"/report/{Id}");
                }
            }

            if (Status != ReportStatus.Published)
            {
                yield return new Deadline(PublicationClock, Id, PublicationDue, DepartmentId, title, null, $"/report/{Id}");
            }
        }
    }
}

public static class ReportRoles
{
    /// <summary>The rule-of-law office: drafts, generates, sends and publishes.</summary>
    public const string Officer = "report_officer";

    /// <summary>A department writing its section.</summary>
    public const string Contributor = "report_contributor";

    /// <summary>保密审查.</summary>
    public const string SecrecyReviewer = "report_secrecy";

    /// <summary>党政主要负责人.</summary>
    public const string Leader = "report_leader";
}
