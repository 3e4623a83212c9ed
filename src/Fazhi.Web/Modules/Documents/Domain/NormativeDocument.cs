using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Documents.Domain;

/// <summary>行政规范性文件 (the government's) or 党内规范性文件 (the party committee's).</summary>
public enum DocumentKind
{
    Administrative = 0,
    Party = 1,
}

public enum DocumentStatus
{
    /// <summary>起草: versions of the text are written.</summary>
    Drafting = 0,

    /// <summary>公开征求意见: 30 days where it affects citizens' rights (国办发〔2018〕37号).</summary>
    PublicComment = 1,

    /// <summary>合法性审核 (for a party document, 前置审核): 5 to 15 working days (国办发〔2018〕115号).</summary>
    LegalityCheck = 2,

    /// <summary>Passed the check: waits for collective deliberation (集体审议).</summary>
    Deliberation = 3,

    /// <summary>Adopted at the meeting: numbered and published next.</summary>
    Adopted = 4,

    /// <summary>Published (统一登记、编号、公布): filed with the level above within 15 days (party: 30).</summary>
    Published = 5,

    /// <summary>Published and filed (备案).</summary>
    Filed = 6,

    /// <summary>Repealed (废止), or let lapse at a clean-up: no longer in force.</summary>
    Repealed = 7,

    /// <summary>Not adopted: the draft was dropped.</summary>
    Dropped = 8,
}

/// <summary>The legality check's conclusion.</summary>
public enum CheckConclusion
{
    /// <summary>合法: may go to deliberation.</summary>
    Lawful = 0,

    /// <summary>修改后提请审议: back to the drafter for another version, then checked again.</summary>
    Revise = 1,
}

public enum DocumentAction
{
    Revise,
    OpenComment,
    CloseComment,
    AnswerComment,
    SubmitForCheck,
    Conclude,
    Deliberate,
    Publish,
    File,
    Amend,
    Renew,
    Repeal,
}

public sealed class DocumentStep : CaseStep;

/// <summary>One version of the full text: every revision, amendment included, keeps the one before.</summary>
public sealed class DocumentVersion : ICasePart
{
    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    public int Number { get; internal set; }

    public string Text { get; internal set; } = "";

    /// <summary>What changed and why (the drafter's note, or the amending decision).</summary>
    public string Note { get; internal set; } = "";

    public DateTime At { get; internal set; }

    public string By { get; internal set; } = "";
}

/// <summary>
/// 规范性文件, from the plan to repeal. The legal office sees every document; a drafting department its own. Its clocks: the
/// public's 30 days to comment, the legality check's 5 to 15 working days, filing within 15 days of publication (party: 30), and
/// its validity (5 years, 2 for 暂行/试行), with a clean-up reminder six months before it lapses.
/// </summary>
public sealed class NormativeDocument : ICase, IVersioned, IHasDeadlines, ISearchable
{
    public const string CommentClock = "documents.comment";
    public const string CheckClock = "documents.check";
    public const string FilingClock = "documents.filing";
    public const string ValidityClock = "documents.validity";

    /// <summary>国办发〔2018〕37号: open for comment generally 30 days.</summary>
    public const int CommentDays = 30;

    /// <summary>国办发〔2018〕115号: the legality check takes at least 5 working days …</summary>
    public const int CheckMinWorkingDays = 5;

    /// <summary>… and at most 15.</summary>
    public const int CheckMaxWorkingDays = 15;

    /// <summary>Guangdong's rule: an administrative document filed within 15 days of publication (configurable, Documents:FilingDays).</summary>
    public const int AdministrativeFilingDays = 15;

    /// <summary>党内法规和规范性文件备案审查规定: a party document filed within 30 days.</summary>
    public const int PartyFilingDays = 30;

    /// <summary>国办发〔2018〕37号: valid for 5 years at most …</summary>
    public const int ValidYears = 5;

    /// <summary>… 2 for a 暂行 or 试行 document.</summary>
    public const int ProvisionalValidYears = 2;

    /// <summary>The clean-up (清理) reminder: six months before the document lapses.</summary>
    public const int CleanUpMonths = 6;

    private NormativeDocument()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The drafting register's number, e.g. 规草〔2026〕3号; the issued number (<see cref="Number"/>) comes at publication.</summary>
    public string DraftNumber { get; private set; } = "";

    /// <summary>The issued number in the document's own series, e.g. 塘府〔2019〕3号; empty until published.</summary>
    public string? Number { get; private set; }

    /// <summary>The token of its public comment page (public: the page is for anyone).</summary>
    public string Slug { get; private set; } = "";

    public DocumentKind Kind { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>The drafting department (起草单位): its data scope.</summary>
    public Guid DepartmentId { get; private set; }

    public string DepartmentName { get; private set; } = "";

    /// <summary>The plan item it was made under, or why it was made outside the plan.</summary>
    public Guid? PlanItemId { get; private set; }

    public string? OutsidePlanReason { get; private set; }

    /// <summary>Whether it affects citizens' rights and duties: then it is open for public comment before the check.</summary>
    public bool AffectsRights { get; private set; }

    /// <summary>暂行 or 试行: valid for 2 years.</summary>
    public bool Provisional { get; private set; }

    public DocumentStatus Status { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DeadlineClock? CommentWindow { get; private set; }

    public DateTime? CommentClosedAt { get; private set; }

    public DeadlineClock? CheckDeadline { get; private set; }

    /// <summary>The first day the check may conclude: 5 working days after it started.</summary>
    public DateOnly? CheckEarliestOn { get; private set; }

    /// <summary>Who checks: the legal office, or an advisor (by name) through an opinion request.</summary>
    public string? Checker { get; private set; }

    public Guid? OpinionRequestId { get; private set; }

    public CheckConclusion? Conclusion { get; private set; }

    public string? CheckOpinion { get; private set; }

    public DateTime? CheckedAt { get; private set; }

    /// <summary>How many checks it has passed through (a revised draft is checked again).</summary>
    public int Checks { get; private set; }

    /// <summary>The version the (last) check was asked about.</summary>
    public int? CheckedVersion { get; private set; }

    public string? MeetingName { get; private set; }

    public DateOnly? MeetingOn { get; private set; }

    public string? MeetingDecision { get; private set; }

    public DateOnly? PublishedOn { get; private set; }

    /// <summary>施行日期: the day it takes effect (publication or later).</summary>
    public DateOnly? EffectiveOn { get; private set; }

    /// <summary>The last day it is in force.</summary>
    public DateOnly? ExpiresOn { get; private set; }

    public DeadlineClock? FilingDeadline { get; private set; }

    public DateOnly? FiledOn { get; private set; }

    /// <summary>The body above it was filed with (e.g. 东莞市人民政府 / 中共东莞市委办公室).</summary>
    public string? FiledWith { get; private set; }

    /// <summary>The receiving body's filing number (备案号), when it gives one.</summary>
    public string? FilingReference { get; private set; }

    public bool? FiledInTime { get; private set; }

    public DateOnly? RepealedOn { get; private set; }

    public string? RepealReason { get; private set; }

    public int Amendments { get; private set; }

    public Guid RowVersion { get; set; }

    /// <summary>When the document last changed: the public list kept in memory reloads by it.</summary>
    public DateTime ChangedAt { get; set; }

    public List<DocumentVersion> Versions { get; private set; } = [];

    public List<DocumentStep> Steps { get; private set; } = [];

    IReadOnlyList<CaseStep> ICase.Record => Steps;

    string ISearchable.SearchEntity => DocumentsModule.DocumentSearch;

    Guid ISearchable.SearchId => Id;

    string ISearchable.SearchText => string.Join(" | ", new[] { DraftNumber, Number, Title, DepartmentName }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>In force on a day: published, taken effect, not lapsed, not repealed.</summary>
    public bool InForce(DateOnly day) => IsInForce(Status, EffectiveOn, ExpiresOn, day);

    /// <summary>A repealed document stays in force until the day before its repeal (its ExpiresOn is that day).</summary>
    public static bool IsInForce(DocumentStatus status, DateOnly? effective, DateOnly? expires, DateOnly day) =>
        status is DocumentStatus.Published or DocumentStatus.Filed or DocumentStatus.Repealed && effective <= day && day <= expires;

    public DocumentVersion Current => Versions.OrderBy(v => v.Number).Last();

    /// <summary>A new draft, its first version, under a plan item or with the reason it is made outside the plan.</summary>
    public static NormativeDocument Draft(
        string draftNumber, DocumentKind kind, string title, Guid departmentId, string departmentName, Guid? planItemId, string? outsidePlanReason,
        bool affectsRights, string text, Actor by)
    {
        var d = new NormativeDocument
        {
            Id = Guid.CreateVersion7(),
            DraftNumber = draftNumber,
            Slug = QueryTokens.New(),
            Kind = kind,
            Title = title.Trim(),
            DepartmentId = departmentId,
            DepartmentName = departmentName,
            PlanItemId = planItemId,
            OutsidePlanReason = planItemId is null ? outsidePlanReason?.Trim() : null,
            AffectsRights = affectsRights,
            Provisional = IsProvisional(title),
            Status = DocumentStatus.Drafting,
            CreatedAt = by.Now,
            ChangedAt = by.Now,
            RowVersion = Guid.NewGuid(),
        };
        d.AddVersion(text, StepNote.Render(StepNote.Of("documents.note.first_draft").Value, english: false) ?? "初稿", by);
        d.Record("drafted", by, planItemId is null ? StepNote.Of("documents.note.outside_plan", d.OutsidePlanReason ?? "") : null);
        return d;
    }

    /// <summary>暂行 or 试行 in the title: valid for two years (国办发〔2018〕37号).</summary>
    public static bool IsProvisional(string title) => title.Contains("暂行", StringComparison.Ordinal) || title.Contains("试行", StringComparison.Ordinal);

    public IReadOnlyList<DocumentAction> AvailableActions(Actor by) => Workflow.Available<DocumentAction>(a => Guard(a, by));

    private bool IsDrafter(Actor by) => (by.IsIn(DocumentsRoles.Drafter) && by.ActsFor(DepartmentId)) || IsLegalOffice(by);

    private static bool IsLegalOffice(Actor by) => by.IsIn(DocumentsRoles.LegalOfficer);

    private bool InForceOrPublished => Status is DocumentStatus.Published or DocumentStatus.Filed;

    public DomainException? Guard(DocumentAction action, Actor by) => action switch
    {
        DocumentAction.Revise => Is(DocumentStatus.Drafting) ?? Must(IsDrafter(by)),
        DocumentAction.OpenComment => Is(DocumentStatus.Drafting) ?? Must(IsDrafter(by))
            ?? Workflow.Unless(AffectsRights, "documents.comment_not_needed", "affectsRights"),
        // The window is the public's: closed once its 30 days ran.
        DocumentAction.CloseComment => Is(DocumentStatus.PublicComment) ?? Must(IsDrafter(by))
            ?? Workflow.Unless(CommentWindow is null || by.Today > CommentWindow.DueDate, "documents.comment_still_open", "status", ErrorKind.Conflict,
                CommentWindow?.DueDate.ToString("yyyy-MM-dd") ?? ""),
        DocumentAction.AnswerComment => Workflow.Unless(Status is not (DocumentStatus.Repealed or DocumentStatus.Dropped) && CommentWindow is not null,
            "documents.step_out_of_order", "status") ?? Must(IsDrafter(by)),
        // 国办发〔2018〕37号: a document that affects rights is open for comment before the legality check.
        DocumentAction.SubmitForCheck => Is(DocumentStatus.Drafting) ?? Must(IsDrafter(by))
            ?? Workflow.Unless(!AffectsRights || CommentClosedAt is not null, "documents.comment_required", "status"),
        // 国办发〔2018〕115号: not before 5 working days have passed.
        DocumentAction.Conclude => Is(DocumentStatus.LegalityCheck) ?? Must(IsLegalOffice(by))
            ?? Workflow.Unless(CheckEarliestOn is null || by.Today >= CheckEarliestOn, "documents.check_too_early", "status", ErrorKind.Conflict,
                CheckEarliestOn?.ToString("yyyy-MM-dd") ?? ""),
        DocumentAction.Deliberate => Is(DocumentStatus.Deliberation) ?? Must(IsLegalOffice(by)),
        DocumentAction.Publish => Is(DocumentStatus.Adopted) ?? Must(IsLegalOffice(by)),
        // A document repealed before it was filed still owes its filing.
        DocumentAction.File => Workflow.Unless(Status == DocumentStatus.Published || (Status == DocumentStatus.Repealed && PublishedOn is not null && FiledOn is null),
            "documents.step_out_of_order", "status") ?? Must(IsLegalOffice(by)),
        DocumentAction.Amend => Workflow.Unless(InForceOrPublished, "documents.step_out_of_order", "status") ?? Must(IsLegalOffice(by))
            ?? Workflow.Unless(ExpiresOn is null || by.Today <= ExpiresOn, "documents.lapsed", "status", ErrorKind.Conflict),
        // The clean-up: within six months of lapsing, kept in force for another period.
        DocumentAction.Renew => Workflow.Unless(InForceOrPublished, "documents.step_out_of_order", "status") ?? Must(IsLegalOffice(by))
            ?? Workflow.Unless(ExpiresOn is { } e && by.Today >= e.AddMonths(-CleanUpMonths), "documents.renew_too_early", "status", ErrorKind.Conflict,
                ExpiresOn?.AddMonths(-CleanUpMonths).ToString("yyyy-MM-dd") ?? "")
            // A lapsed document is made anew, not renewed after the fact.
            ?? Workflow.Unless(ExpiresOn is null || by.Today <= ExpiresOn, "documents.lapsed", "status", ErrorKind.Conflict),
        DocumentAction.Repeal => Workflow.Unless(InForceOrPublished, "documents.step_out_of_order", "status") ?? Must(IsLegalOffice(by)),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>A new version of the full text while drafting.</summary>
    public void Revise(string? text, string? note, Actor by)
    {
        Workflow.Check(Guard(DocumentAction.Revise, by));
        new Validator().Required("text", text, 100_000).Required("note", note, 500)
            .Check(text is null || text.Trim() != Current.Text, "text", "documents.text_unchanged").ThrowIfInvalid();
        AddVersion(text!, note!.Trim(), by);
        Record("revised", by, StepNote.Of("documents.note.version", Versions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), note.Trim()));
    }

    /// <summary>Opened for public comment: 30 calendar days from today.</summary>
    public void OpenComment(Actor by)
    {
        Workflow.Check(Guard(DocumentAction.OpenComment, by));
        CommentWindow = DeadlineClock.Start(by.Calendar, by.Today, CommentDays, DeadlineUnit.CalendarDays);
        CommentClosedAt = null;
        Status = DocumentStatus.PublicComment;
        Record("comment_opened", by, StepNote.Of("note.one", NoteArg.Day(CommentWindow.DueDate)));
    }

    /// <summary>Whether the public page takes a comment now.</summary>
    public bool TakesComments(DateOnly today) => Status == DocumentStatus.PublicComment && CommentWindow is { } w && today <= w.DueDate;

    public void CloseComment(int comments, Actor by)
    {
        Workflow.Check(Guard(DocumentAction.CloseComment, by));
        CommentClosedAt = by.Now;
        Status = DocumentStatus.Drafting;
        Record("comment_closed", by, StepNote.Of("documents.note.comments", comments.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Sent to the legality check: the legal office, or an advisor through an opinion request; 5 to 15 working days.</summary>
    public void SubmitForCheck(string checker, Guid? opinionRequestId, Actor by, int minWorkingDays = CheckMinWorkingDays)
    {
        Workflow.Check(Guard(DocumentAction.SubmitForCheck, by));
        CheckDeadline = DeadlineClock.Start(by.Calendar, by.Today, CheckMaxWorkingDays, DeadlineUnit.WorkingDays);
        CheckEarliestOn = by.Calendar.AddWorkingDays(by.Today, Math.Clamp(minWorkingDays, 0, CheckMaxWorkingDays));
        Checker = checker;
        CheckedVersion = Versions.Count;
        OpinionRequestId = opinionRequestId;
        Conclusion = null;
        CheckOpinion = null;
        CheckedAt = null;
        Status = DocumentStatus.LegalityCheck;
        Record("check_started", by, StepNote.Of("note.pair", checker, NoteArg.Day(CheckDeadline.DueDate)));
    }

    /// <summary>The written opinion of the legality check (合法性审核意见书).</summary>
    public void Conclude(CheckConclusion? conclusion, string? opinion, Actor by)
    {
        Workflow.Check(Guard(DocumentAction.Conclude, by));
        new Validator().Check(conclusion is { } c && Enum.IsDefined(c), "conclusion", "required").Required("opinion", opinion, 8000).ThrowIfInvalid();
        Conclusion = conclusion;
        CheckOpinion = opinion!.Trim();
        CheckedAt = by.Now;
        Checks++;
        Status = conclusion == CheckConclusion.Lawful ? DocumentStatus.Deliberation : DocumentStatus.Drafting;
        Record("checked", by, StepNote.Of("note.one", NoteArg.Key("documents.conclusion." + conclusion)));
    }

    /// <summary>集体审议: the meeting, its day and its decision; adopted goes on to publication, otherwise back to drafting or dropped.</summary>
    public void Deliberate(string? meeting, DateOnly? on, MeetingDecision? decision, string? minutes, Actor by)
    {
        Workflow.Check(Guard(DocumentAction.Deliberate, by));
        new Validator().Required("meeting", meeting, 100).Check(on is not null, "meetingOn", "required")
            .Check(on is null || on <= by.Today, "meetingOn", "documents.not_in_future")
            .Check(on is null || CheckedAt is null || on >= ChinaTime.DateOf(CheckedAt.Value), "meetingOn", "documents.meeting_before_check")
            .Check(decision is { } d && Enum.IsDefined(d), "decision", "required").MaxLength("minutes", minutes, 4000).ThrowIfInvalid();
        MeetingName = meeting!.Trim();
        MeetingOn = on;
        MeetingDecision = minutes?.Trim();
        Status = decision switch
        {
            Domain.MeetingDecision.Adopted => DocumentStatus.Adopted,
            Domain.MeetingDecision.Returned => DocumentStatus.Drafting,
            _ => DocumentStatus.Dropped,
        };
        Record("deliberated", by, StepNote.Of("note.pair", MeetingName, NoteArg.Key("documents.decision." + decision)));
    }

    /// <summary>
    /// 统一登记、统一编号、统一印发: the number from its series, published, in force from <paramref name="effectiveOn"/> for its validity
    /// (5 years at most, 2 for 暂行/试行); the filing clock starts.
    /// </summary>
    public void Publish(string number, DateOnly? effectiveOn, int? validYears, int filingDays, Actor by)
    {
        Workflow.Check(Guard(DocumentAction.Publish, by));
        var max = Provisional ? ProvisionalValidYears : ValidYears;
        new Validator().Check(effectiveOn is null || (effectiveOn >= by.Today && effectiveOn <= by.Today.AddMonths(6)), "effectiveOn", "documents.effective_range")
            .Check(validYears is null || (validYears >= 1 && validYears <= max), "validYears", "documents.valid_years", max).ThrowIfInvalid();
        Number = number;
        PublishedOn = by.Today;
        EffectiveOn = effectiveOn ?? by.Today;
        ExpiresOn = ExpiryOf(EffectiveOn.Value, validYears ?? max);
        FilingDeadline = DeadlineClock.Start(by.Calendar, by.Today, filingDays, DeadlineUnit.CalendarDays);
        Status = DocumentStatus.Published;
        Record("published", by, StepNote.Of("note.pair", number, NoteArg.Day(ExpiresOn.Value)));
    }

    /// <summary>In force from <paramref name="effective"/> for <paramref name="years"/>: the last day is the day before the anniversary.</summary>
    public static DateOnly ExpiryOf(DateOnly effective, int years) =>
        (effective is { Month: 2, Day: 29 } ? new DateOnly(effective.Year + years, 3, 1) : effective.AddYears(years)).AddDays(-1);

    /// <summary>备案: with the level above, within 15 days of publication (party: 30); a late filing is recorded as late.</summary>
    public void File(string? with, DateOnly? on, string? reference, Actor by)
    {
        Workflow.Check(Guard(DocumentAction.File, by));
        new Validator().Required("filedWith", with, 100).Check(on is not null, "filedOn", "required")
            .Check(on is null || (on <= by.Today && on >= PublishedOn), "filedOn", "documents.filed_on_range").MaxLength("filingReference", reference, 60).ThrowIfInvalid();
        FiledWith = with!.Trim();
        FiledOn = on;
        FilingReference = string.IsNullOrWhiteSpace(reference) ? null : reference.Trim();
        FiledInTime = on <= FilingDeadline!.DueDate;
        Status = Status == DocumentStatus.Repealed ? DocumentStatus.Repealed : DocumentStatus.Filed;
        Record("filed", by, StepNote.Of("note.pair", FiledWith, NoteArg.Day(on!.Value)));
    }

    /// <summary>修改: the amended text as a new version, with the amending decision; the document stays in force under its number.</summary>
    public void Amend(string? text, string? decision, Actor by)
    {
        Workflow.Check(Guard(DocumentAction.Amend, by));
        new Validator().Required("text", text, 100_000).Required("decision", decision, 500)
            .Check(text is null || text.Trim() != Current.Text, "text", "documents.text_unchanged").ThrowIfInvalid();
        AddVersion(text!, decision!.Trim(), by);
        Amendments++;
        Record("amended", by, StepNote.Of("documents.note.version", Versions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), decision.Trim()));
    }

    /// <summary>清理: kept in force for another period (5 years, 2 for 暂行/试行) from the day after it would have lapsed.</summary>
    public void Renew(string? finding, Actor by)
    {
        Workflow.Check(Guard(DocumentAction.Renew, by));
        new Validator().Required("finding", finding, 1000).ThrowIfInvalid();
        ExpiresOn = ExpiryOf(ExpiresOn!.Value.AddDays(1), Provisional ? ProvisionalValidYears : ValidYears);
        Record("renewed", by, StepNote.Of("note.pair", NoteArg.Day(ExpiresOn.Value), finding!.Trim()));
    }

    /// <summary>废止: no longer in force from the day given (today or later), with the reason; its history stays.</summary>
    public void Repeal(string? reason, DateOnly? on, Actor by)
    {
        Workflow.Check(Guard(DocumentAction.Repeal, by));
        new Validator().Required("reason", reason, 1000).Check(on is null || on >= by.Today, "repealedOn", "documents.not_in_past").ThrowIfInvalid();
        RepealedOn = on ?? by.Today;
        RepealReason = reason!.Trim();
        Status = DocumentStatus.Repealed;
        // The last day in force is the day before the repeal.
        ExpiresOn = ExpiresOn is { } e && e < RepealedOn.Value.AddDays(-1) ? e : RepealedOn.Value.AddDays(-1);
        Record("repealed", by, StepNote.Of("note.pair", NoteArg.Day(RepealedOn.Value), RepealReason));
    }

    /// <summary>The public's comment or its answer was recorded (the comments are rows of their own).</summary>
    public void NoteAnswer(Actor by)
    {
        Workflow.Check(Guard(DocumentAction.AnswerComment, by));
        Record("comment_answered", by, null);
    }

    private void AddVersion(string text, string note, Actor by) =>
        Versions.Add(new DocumentVersion
        {
            Id = Guid.CreateVersion7(), CaseId = Id, Number = Versions.Count + 1, Text = text.Trim().ReplaceLineEndings("\n"), Note = note, At = by.Now, By = by.Name,
        });

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            var link = $"/documents/{Id}";
            var title = Number ?? DraftNumber;
            if (Status == DocumentStatus.PublicComment && CommentWindow is { } comment)
            {
                yield return new Deadline(CommentClock, Id, comment, DepartmentId, title, null, link);
            }

            if (Status == DocumentStatus.LegalityCheck && CheckDeadline is { } check)
            {
                yield return new Deadline(CheckClock, Id, check, DepartmentId, title, null, link);
            }

            if ((Status == DocumentStatus.Published || (Status == DocumentStatus.Repealed && FiledOn is null)) && FilingDeadline is { } filing)
            {
                yield return new Deadline(FilingClock, Id, filing, DepartmentId, title, null, link);
            }

            if (Status is DocumentStatus.Published or DocumentStatus.Filed && ExpiresOn is { } expires && EffectiveOn is { } from)
            {
                // Its validity as a clock: yellow six months before it lapses (the clean-up reminder), red once lapsed.
                var days = expires.DayNumber - from.DayNumber;
                yield return new Deadline(ValidityClock, Id, new DeadlineClock
                {
                    StartedOn = from, Allowance = days, Unit = DeadlineUnit.CalendarDays, DueDate = expires, YellowFrom = expires.AddMonths(-CleanUpMonths),
                }, DepartmentId, title, null, link);
            }
        }
    }

    private DomainException? Is(params DocumentStatus[] statuses) =>
        Workflow.Unless(statuses.Contains(Status), "documents.step_out_of_order", "status");

    private static DomainException? Must(bool allowed) =>
        Workflow.Unless(allowed, "documents.not_yours", "status", ErrorKind.Forbidden);

    private void Record(string kind, Actor by, RecordNote note) =>
        Steps.Add(CaseStep.New<DocumentStep>(Id, Workflow.NextSequence(Steps), kind, by, note));
}

/// <summary>The meeting's decision on a draft.</summary>
public enum MeetingDecision
{
    Adopted = 0,
    Returned = 1,
    Dropped = 2,
}

/// <summary>A comment from the public on a draft document or a major decision, taken without sign-in; stored as text, shown escaped.</summary>
public sealed class PublicComment
{
    public Guid Id { get; internal set; }

    /// <summary>The document or decision it is on.</summary>
    public Guid SubjectId { get; internal set; }

    public DateTime At { get; internal set; }

    /// <summary>The name the commenter gave, if any.</summary>
    public string? Name { get; internal set; }

    public string Text { get; internal set; } = "";

    public string? Answer { get; internal set; }

    public DateTime? AnsweredAt { get; internal set; }

    public string? AnsweredBy { get; internal set; }
}
