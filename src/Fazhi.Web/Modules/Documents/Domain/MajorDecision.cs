using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Documents.Domain;

/// <summary>The statutory steps of a major administrative decision (重大行政决策程序暂行条例, 2019), in their order.</summary>
public enum DecisionStage
{
    /// <summary>公众参与, 第14-18条: comments open generally 30 days (第15条); none for a matter not to be made public.</summary>
    Participation = 0,

    /// <summary>专家论证, 第19-21条: for a matter of expertise or technique.</summary>
    Experts = 1,

    /// <summary>风险评估, 第22-24条: where it may harm social stability, public safety and the like.</summary>
    Risk = 2,

    /// <summary>合法性审查, 第25-28条: never skipped; generally at least 7 working days (第26条).</summary>
    Legality = 3,

    /// <summary>集体讨论决定, 第30-31条: at the executive meeting; never skipped.</summary>
    Discussion = 4,

    /// <summary>决策公布, 第32条: unless the law keeps it unpublished.</summary>
    Publication = 5,

    /// <summary>决策后评估, 第35-37条: later, on the decision's effect.</summary>
    Evaluation = 6,
}

public enum PhaseState
{
    Pending = 0,
    Open = 1,
    Done = 2,
    Skipped = 3,
}

public enum DecisionStatus
{
    /// <summary>Listed in the year's directory; the procedure runs.</summary>
    InProcedure = 0,

    /// <summary>Decided at the executive meeting.</summary>
    Decided = 1,

    /// <summary>Not adopted at the meeting.</summary>
    NotAdopted = 2,
}

public enum DecisionAction
{
    OpenParticipation,
    CloseParticipation,
    Record,
    Skip,
    SubmitLegality,
    ConcludeLegality,
    Decide,
    Publish,
    Evaluate,
}

public sealed class DecisionStep : CaseStep;

/// <summary>One statutory step of a decision: its state, when it ran, what it found, why it was skipped, and its document.</summary>
public sealed class DecisionPhase : ICasePart
{
    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    public DecisionStage Stage { get; internal set; }

    public PhaseState State { get; internal set; }

    public DateOnly? StartedOn { get; internal set; }

    /// <summary>The comment window (participation) or the review's earliest day (legality: due = the 7th working day).</summary>
    public DeadlineClock? Clock { get; internal set; }

    public DateOnly? DoneOn { get; internal set; }

    /// <summary>What the step found: the comments' summary and feedback, the experts' view, the risk found, the legality opinion, the meeting's decision.</summary>
    public string? Summary { get; internal set; }

    /// <summary>Who did it: the experts, the assessing body, the reviewing office, the meeting.</summary>
    public string? By { get; internal set; }

    public string? SkipReason { get; internal set; }

    /// <summary>Its document in the file store (the experts' report, the risk assessment, the minutes).</summary>
    public string? FileSha256 { get; internal set; }

    public string? FileType { get; internal set; }
}

/// <summary>
/// 重大行政决策: listed in the year's directory, then its steps in the regulation's order; the executive meeting may decide only when
/// every earlier step was done, or skipped where the regulation allows it with the reason recorded. The whole file is archived as one bundle.
/// </summary>
public sealed class MajorDecision : ICase, IVersioned, IHasDeadlines, ISearchable
{
    public const string ParticipationClock = "documents.participation";
    public const string LegalityClock = "documents.decision_legality";

    /// <summary>第15条: comments open generally at least 30 days.</summary>
    public const int ParticipationDays = 30;

    /// <summary>第26条: the legality review is given generally at least 7 working days.</summary>
    public const int LegalityMinWorkingDays = 7;

    /// <summary>The steps the regulation lets a decision go without, the reason recorded: no participation for a matter not to be made public
    /// (第14条), no experts where no expertise is needed (第19条), no risk assessment where none is at stake (第22条), no publication where the law
    /// keeps it unpublished (第32条).</summary>
    public static readonly DecisionStage[] Skippable = [DecisionStage.Participation, DecisionStage.Experts, DecisionStage.Risk, DecisionStage.Publication];

    private static readonly DecisionStage[] BeforeLegality = [DecisionStage.Participation, DecisionStage.Experts, DecisionStage.Risk];

    private MajorDecision()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>e.g. 决策〔2026〕2号, its place in the year's directory.</summary>
    public string Number { get; private set; } = "";

    public string Slug { get; private set; } = "";

    public int Year { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>What is to be decided and why (决策事项).</summary>
    public string Matter { get; private set; } = "";

    /// <summary>The department that runs its procedure (承办单位).</summary>
    public Guid DepartmentId { get; private set; }

    public string DepartmentName { get; private set; } = "";

    public DecisionStatus Status { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public Guid RowVersion { get; set; }

    public DateTime ChangedAt { get; set; }

    public List<DecisionPhase> Phases { get; private set; } = [];

    public List<DecisionStep> Steps { get; private set; } = [];

    IReadOnlyList<CaseStep> ICase.Record => Steps;

    string ISearchable.SearchEntity => DocumentsModule.DecisionSearch;

    Guid ISearchable.SearchId => Id;

    string ISearchable.SearchText => string.Join(" | ", Number, Title, DepartmentName);

    public DecisionPhase Phase(DecisionStage stage) => Phases.Single(p => p.Stage == stage);

    /// <summary>Made by the full procedure: decided with every step done, none skipped, publication included.</summary>
    public bool FullProcedure => Status == DecisionStatus.Decided && Phases.Where(p => p.Stage != DecisionStage.Evaluation).All(p => p.State == PhaseState.Done);

    public static MajorDecision List(string number, int year, string title, string matter, Guid departmentId, string departmentName, Actor by)
    {
        var d = new MajorDecision
        {
            Id = Guid.CreateVersion7(), Number = number, Slug = QueryTokens.New(), Year = year, Title = title.Trim(), Matter = matter.Trim(),
            DepartmentId = departmentId, DepartmentName = departmentName, Status = DecisionStatus.InProcedure, ChangedAt = by.Now, RowVersion = Guid.NewGuid(),
        };
        foreach (var stage in Enum.GetValues<DecisionStage>())
        {
            d.Phases.Add(new DecisionPhase { Id = Guid.CreateVersion7(), CaseId = d.Id, Stage = stage, State = PhaseState.Pending });
        }

        d.Record("listed", by, StepNote.Of("note.one", year.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return d;
    }

    public IReadOnlyList<DecisionAction> AvailableActions(Actor by) => Workflow.Available<DecisionAction>(a => Guard(a, null, by));

    /// <summary>The stages a record, a skip or a file may be given now.</summary>
    /// <summary>The stages that may be skipped now, by this actor.</summary>
    public IReadOnlyList<DecisionStage> SkippableNow(Actor by) => [.. Skippable.Where(s => Guard(DecisionAction.Skip, s, by) is null)];

    public IReadOnlyList<DecisionStage> OpenStages(Actor by) =>
        [.. Enum.GetValues<DecisionStage>().Where(s => Guard(DecisionAction.Record, s, by) is null || Guard(DecisionAction.Skip, s, by) is null)];

    private bool Runs(Actor by) => by.IsIn(DocumentsRoles.LegalOfficer) || (by.IsIn(DocumentsRoles.Drafter) && by.ActsFor(DepartmentId));

    private bool Done(DecisionStage s) => Phase(s).State is PhaseState.Done or PhaseState.Skipped;

    /// <summary>The first earlier step not yet done or skipped, as the 409 that names it.</summary>
    private DomainException? Missing(params DecisionStage[] before) =>
        before.Where(s => !Done(s)).Select(s => new DomainException("documents.step_missing", "stage", ErrorKind.Conflict, StageNames[s])).FirstOrDefault();

    private static string NoteArgKey(DecisionStage s) => "documents.stage." + s;

    /// <summary>Each step's name in both languages, for the 409 that names the missing one.</summary>
    public static readonly IReadOnlyDictionary<DecisionStage, string> StageNames = new Dictionary<DecisionStage, string>
    {
        [DecisionStage.Participation] = "公众参与 / public participation",
        [DecisionStage.Experts] = "专家论证 / expert argumentation",
        [DecisionStage.Risk] = "风险评估 / risk assessment",
        [DecisionStage.Legality] = "合法性审查 / legality review",
        [DecisionStage.Discussion] = "集体讨论决定 / collective discussion",
        [DecisionStage.Publication] = "决策公布 / publication",
        [DecisionStage.Evaluation] = "决策后评估 / evaluation",
    };

    public DomainException? Guard(DecisionAction action, DecisionStage? stage, Actor by)
    {
        var open = Workflow.Unless(Status == DecisionStatus.InProcedure, "documents.step_out_of_order", "status");
        return action switch
        {
            DecisionAction.OpenParticipation => open ?? MustRun(by) ?? Workflow.Unless(Phase(DecisionStage.Participation).State == PhaseState.Pending, "documents.step_out_of_order", "stage"),
            DecisionAction.CloseParticipation => open ?? MustRun(by) ?? Workflow.Unless(Phase(DecisionStage.Participation).State == PhaseState.Open, "documents.step_out_of_order", "stage")
                ?? Workflow.Unless(Phase(DecisionStage.Participation).Clock is not { } w || by.Today > w.DueDate, "documents.comment_still_open", "stage", ErrorKind.Conflict,
                    Phase(DecisionStage.Participation).Clock?.DueDate.ToString("yyyy-MM-dd") ?? ""),
            // Experts and risk are recorded as one act each; participation by opening and closing.
            DecisionAction.Record => stage is DecisionStage.Experts or DecisionStage.Risk
                ? open ?? MustRun(by) ?? Workflow.Unless(Phase(stage.Value).State == PhaseState.Pending, "documents.step_out_of_order", "stage")
                : Workflow.Unless(false, "documents.step_out_of_order", "stage"),
            DecisionAction.Skip => stage is { } s && Skippable.Contains(s)
                ? (s == DecisionStage.Publication ? Workflow.Unless(Status == DecisionStatus.Decided, "documents.step_out_of_order", "status") : open)
                    ?? Must(by.IsIn(DocumentsRoles.LegalOfficer)) ?? Workflow.Unless(Phase(s).State == PhaseState.Pending, "documents.step_out_of_order", "stage")
                : Workflow.Unless(false, "documents.not_skippable", "stage"),
            // 第25条: the draft goes to the legality review after participation, experts and risk.
            DecisionAction.SubmitLegality => open ?? MustRun(by) ?? Workflow.Unless(Phase(DecisionStage.Legality).State == PhaseState.Pending, "documents.step_out_of_order", "stage")
                ?? Missing(BeforeLegality),
            // 第26条: not before 7 working days.
            DecisionAction.ConcludeLegality => open ?? Must(by.IsIn(DocumentsRoles.LegalOfficer))
                ?? Workflow.Unless(Phase(DecisionStage.Legality).State == PhaseState.Open, "documents.step_out_of_order", "stage")
                ?? Workflow.Unless(Phase(DecisionStage.Legality).Clock is not { } c || by.Today >= c.DueDate, "documents.check_too_early", "stage", ErrorKind.Conflict,
                    Phase(DecisionStage.Legality).Clock?.DueDate.ToString("yyyy-MM-dd") ?? ""),
            // 第30条: only with every earlier step on the file.
            DecisionAction.Decide => open ?? Must(by.IsIn(DocumentsRoles.LegalOfficer)) ?? Missing([.. BeforeLegality, DecisionStage.Legality]),
            DecisionAction.Publish => Workflow.Unless(Status == DecisionStatus.Decided, "documents.step_out_of_order", "status") ?? Must(by.IsIn(DocumentsRoles.LegalOfficer))
                ?? Workflow.Unless(Phase(DecisionStage.Publication).State == PhaseState.Pending, "documents.step_out_of_order", "stage"),
            DecisionAction.Evaluate => Workflow.Unless(Status == DecisionStatus.Decided, "documents.step_out_of_order", "status") ?? MustRun(by)
                ?? Missing(DecisionStage.Publication)
                ?? Workflow.Unless(Phase(DecisionStage.Evaluation).State == PhaseState.Pending, "documents.step_out_of_order", "stage"),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
    }

    /// <summary>第15条: the draft open for the public's comments, 30 calendar days at least.</summary>
    public void OpenParticipation(int? days, Actor by)
    {
        Workflow.Check(Guard(DecisionAction.OpenParticipation, null, by));
        new Validator().Check(days is null || (days >= ParticipationDays && days <= 90), "days", "documents.participation_days", ParticipationDays).ThrowIfInvalid();
        var p = Phase(DecisionStage.Participation);
        p.State = PhaseState.Open;
        p.StartedOn = by.Today;
        p.Clock = DeadlineClock.Start(by.Calendar, by.Today, days ?? ParticipationDays, DeadlineUnit.CalendarDays);
        Record("participation_opened", by, StepNote.Of("note.one", NoteArg.Day(p.Clock.DueDate)));
    }

    public bool TakesComments(DateOnly today) =>
        Status == DecisionStatus.InProcedure && Phase(DecisionStage.Participation) is { State: PhaseState.Open, Clock: { } w } && today <= w.DueDate;

    /// <summary>第18条: the comments' summary and how they were taken up.</summary>
    public void CloseParticipation(string? summary, int comments, Actor by)
    {
        Workflow.Check(Guard(DecisionAction.CloseParticipation, null, by));
        new Validator().Required("summary", summary, 4000).ThrowIfInvalid();
        var p = Phase(DecisionStage.Participation);
        p.State = PhaseState.Done;
        p.DoneOn = by.Today;
        p.Summary = summary!.Trim();
        Record("participation_closed", by, StepNote.Of("documents.note.comments", comments.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>专家论证 (第19条) or 风险评估 (第22条): who, what they found, their report.</summary>
    public void RecordStage(DecisionStage? stage, string? who, string? summary, string? fileSha256, string? fileType, Actor by)
    {
        new Validator().Check(stage is { } s && Enum.IsDefined(s), "stage", "required").ThrowIfInvalid();
        Workflow.Check(Guard(DecisionAction.Record, stage, by));
        new Validator().Required("by", who, 200).Required("summary", summary, 4000).ThrowIfInvalid();
        var p = Phase(stage!.Value);
        p.State = PhaseState.Done;
        p.StartedOn ??= by.Today;
        p.DoneOn = by.Today;
        p.By = who!.Trim();
        p.Summary = summary!.Trim();
        (p.FileSha256, p.FileType) = (fileSha256, fileType);
        Record("stage_done", by, StepNote.Of("note.pair", NoteArg.Key(NoteArgKey(stage.Value)), p.By));
    }

    /// <summary>A step the regulation lets the decision go without, with the reason.</summary>
    public void Skip(DecisionStage? stage, string? reason, Actor by)
    {
        new Validator().Check(stage is { } s && Enum.IsDefined(s), "stage", "required").ThrowIfInvalid();
        Workflow.Check(Guard(DecisionAction.Skip, stage, by));
        new Validator().Required("reason", reason, 1000).ThrowIfInvalid();
        var p = Phase(stage!.Value);
        p.State = PhaseState.Skipped;
        p.DoneOn = by.Today;
        p.SkipReason = reason!.Trim();
        Record("stage_skipped", by, StepNote.Of("note.pair", NoteArg.Key(NoteArgKey(stage.Value)), p.SkipReason));
    }

    /// <summary>第25-26条: sent to the legality review; it may conclude from the 7th working day.</summary>
    public void SubmitLegality(string reviewer, Actor by)
    {
        Workflow.Check(Guard(DecisionAction.SubmitLegality, null, by));
        var p = Phase(DecisionStage.Legality);
        p.State = PhaseState.Open;
        p.StartedOn = by.Today;
        p.By = reviewer;
        p.Clock = DeadlineClock.Start(by.Calendar, by.Today, LegalityMinWorkingDays, DeadlineUnit.WorkingDays);
        Record("legality_submitted", by, StepNote.Of("note.pair", reviewer, NoteArg.Day(p.Clock.DueDate)));
    }

    /// <summary>第28条: the written legality opinion.</summary>
    public void ConcludeLegality(string? opinion, Actor by)
    {
        Workflow.Check(Guard(DecisionAction.ConcludeLegality, null, by));
        new Validator().Required("opinion", opinion, 8000).ThrowIfInvalid();
        var p = Phase(DecisionStage.Legality);
        p.State = PhaseState.Done;
        p.DoneOn = by.Today;
        p.Summary = opinion!.Trim();
        Record("legality_concluded", by, null);
    }

    /// <summary>第30-31条: discussed at the executive meeting; the decision, or not adopted.</summary>
    public void Decide(string? meeting, DateOnly? on, bool? adopted, string? decision, string? minutesSha256, string? minutesType, Actor by)
    {
        Workflow.Check(Guard(DecisionAction.Decide, null, by));
        new Validator().Required("meeting", meeting, 100).Check(on is not null && on <= by.Today, "decidedOn", "documents.not_in_future")
            .Check(on is null || Phase(DecisionStage.Legality).DoneOn is not { } reviewed || on >= reviewed, "decidedOn", "documents.meeting_before_check")
            .Check(adopted is not null, "adopted", "required").Required("decision", decision, 4000).ThrowIfInvalid();
        var p = Phase(DecisionStage.Discussion);
        p.State = PhaseState.Done;
        p.StartedOn = on;
        p.DoneOn = on;
        p.By = meeting!.Trim();
        p.Summary = decision!.Trim();
        (p.FileSha256, p.FileType) = (minutesSha256, minutesType);
        Status = adopted!.Value ? DecisionStatus.Decided : DecisionStatus.NotAdopted;
        DecidedOn = on;
        Record(adopted.Value ? "decided" : "not_adopted", by, StepNote.Of("note.pair", p.By, NoteArg.Day(on!.Value)));
    }

    /// <summary>第32条: published (where, when).</summary>
    public void Publish(string? where, Actor by)
    {
        Workflow.Check(Guard(DecisionAction.Publish, null, by));
        new Validator().Required("where", where, 200).ThrowIfInvalid();
        var p = Phase(DecisionStage.Publication);
        p.State = PhaseState.Done;
        p.StartedOn = p.DoneOn = by.Today;
        p.By = where!.Trim();
        Record("published", by, p.By);
    }

    /// <summary>第35条: the evaluation of its effect.</summary>
    public void Evaluate(string? who, string? summary, Actor by)
    {
        Workflow.Check(Guard(DecisionAction.Evaluate, null, by));
        new Validator().Required("by", who, 200).Required("summary", summary, 4000).ThrowIfInvalid();
        var p = Phase(DecisionStage.Evaluation);
        p.State = PhaseState.Done;
        p.StartedOn = p.DoneOn = by.Today;
        p.By = who!.Trim();
        p.Summary = summary!.Trim();
        Record("evaluated", by, p.By);
    }

    public void NoteAnswer(Actor by)
    {
        Workflow.Check(MustRun(by));
        Record("comment_answered", by, null);
    }

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            var link = $"/documents/decisions/{Id}";
            if (Status == DecisionStatus.InProcedure && Phase(DecisionStage.Participation) is { State: PhaseState.Open, Clock: { } w } part)
            {
                yield return new Deadline(ParticipationClock, part.Id, w, DepartmentId, Number, null, link);
            }

            if (Status == DecisionStatus.InProcedure && Phase(DecisionStage.Legality) is { State: PhaseState.Open, Clock: { } c } legal)
            {
                yield return new Deadline(LegalityClock, legal.Id, c, DepartmentId, Number, null, link);
            }
        }
    }

    private DomainException? MustRun(Actor by) => Must(Runs(by));

    private static DomainException? Must(bool allowed) =>
        Workflow.Unless(allowed, "documents.not_yours", "status", ErrorKind.Forbidden);

    private void Record(string kind, Actor by, RecordNote note) =>
        Steps.Add(CaseStep.New<DecisionStep>(Id, Workflow.NextSequence(Steps), kind, by, note));
}

/// <summary>The year's directory of major decisions (重大行政决策事项目录, 第10条), published once.</summary>
public sealed class DecisionDirectory
{
    public int Year { get; internal set; }

    public DateOnly PublishedOn { get; internal set; }

    public string PublishedBy { get; internal set; } = "";
}
