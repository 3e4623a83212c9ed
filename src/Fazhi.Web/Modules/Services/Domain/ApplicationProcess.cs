using System.Text.Json.Serialization;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Services.Domain;

public enum StageTaskState
{
    /// <summary>Waiting for the department.</summary>
    Open = 0,

    /// <summary>The department approved its part of the stage.</summary>
    Approved = 1,

    /// <summary>Ended without approval: the application went back to an earlier stage.</summary>
    Closed = 2,
}

/// <summary>
/// One department's part of one stage: a single-department stage has one task, a joint review one per
/// department. Department queues and the deadline monitor read these rows.
/// </summary>
public sealed class StageTask
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public int Stage { get; set; }

    public string StageName { get; set; } = "";

    public Guid DepartmentId { get; set; }

    public int AllowanceDays { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary>The first day on which the task shows yellow; worked out once when the due date is set.</summary>
    public DateOnly YellowFrom { get; set; }

    public StageTaskState State { get; set; }

    /// <summary>The application is suspended: the clock stands and no warning is raised.</summary>
    public bool Paused { get; set; }

    /// <summary>The day the clock stopped.</summary>
    public DateOnly? PausedSince { get; set; }

    /// <summary>Working days that were left when the clock stopped (negative when already overdue).</summary>
    public int? RemainingWhenPaused { get; set; }

    public string? ActedBy { get; set; }

    public DateTime? ActedAt { get; set; }

    /// <summary>The stage's working-day limit, kept in the columns above.</summary>
    public DeadlineClock Clock
    {
        get => new()
        {
            StartedOn = StartedOn, Allowance = AllowanceDays, Unit = DeadlineUnit.WorkingDays, DueDate = DueDate, YellowFrom = YellowFrom,
            PausedSince = PausedSince, RemainingWhenPaused = RemainingWhenPaused,
        };
        set
        {
            StartedOn = value.StartedOn;
            AllowanceDays = value.Allowance;
            DueDate = value.DueDate;
            YellowFrom = value.YellowFrom;
            PausedSince = value.PausedSince;
            Paused = value.IsPaused;
            RemainingWhenPaused = value.RemainingWhenPaused;
        }
    }
}

/// <summary>The one-door line's fixed limits and closed sets; the arithmetic is <see cref="DeadlineClock"/>'s.</summary>
public static class Deadlines
{


    /// <summary>Decision delivered within 10 working days of the decision (行政许可法 第44条).</summary>
    public const int DeliveryDays = 10;

    /// <summary>Extension of the decision limit: 10 working days, 15 where departments handle the item jointly (行政许可法 第42条).</summary>
    public static int ExtensionDays(ServiceItemVersion version) => version.Stages.Any(s => s.DepartmentIds.Count > 1) ? 15 : 10;
}

/// <summary>The actions of the approval process, each a transition of <see cref="Application"/>.</summary>
public enum ProcessAction
{
    Approve,
    Return,
    Correction,
    Suspend,
    Resume,
    RequestExtension,
    DecideExtension,
    Decide,
    Deliver,
    Complete,
}

/// <summary>Time not counted (行政许可法 第45条): what a suspension is for.</summary>
public enum SuspensionKind
{
    [JsonStringEnumMemberName("hearing")]
    Hearing,

    [JsonStringEnumMemberName("testing")]
    Testing,

    [JsonStringEnumMemberName("expert_review")]
    ExpertReview,

    [JsonStringEnumMemberName("inspection")]
    Inspection,

    [JsonStringEnumMemberName("other")]
    Other,
}

/// <summary>How a decision reaches the applicant.</summary>
public enum DeliveryMethod
{
    /// <summary>Picked up at the window: an on-site trip.</summary>
    [JsonStringEnumMemberName("window")]
    Window,

    [JsonStringEnumMemberName("post")]
    Post,

    [JsonStringEnumMemberName("electronic")]
    Electronic,
}

/// <summary>The stored and shown name of a closed-set value: its API name (expert_review, window).</summary>
public static class ClosedSets
{
    public static string Code<T>(T value)
        where T : struct, Enum =>
        typeof(T).GetField(value.ToString())!.GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
            .Cast<JsonStringEnumMemberNameAttribute>().FirstOrDefault()?.Name ?? value.ToString();

    /// <summary>The value whose code (or name) is <paramref name="code"/>, or null.</summary>
    public static T? Parse<T>(string? code)
        where T : struct, Enum =>
        Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => string.Equals(Code(v!.Value), code, StringComparison.OrdinalIgnoreCase) || string.Equals(v.ToString(), code, StringComparison.OrdinalIgnoreCase));

    /// <summary>An action's name in routes, element ids and string keys: request-extension.</summary>
    public static string Slug(ProcessAction action) =>
        string.Concat(action.ToString().Select((c, i) => char.IsUpper(c) && i > 0 ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}

/// <summary>The approval process after acceptance: stages, suspensions, extension, decision, delivery, completion.</summary>
public sealed partial class Application : IHasDeadlines
{
    public const string DecisionClock = "services.decision";

    public const string StageClock = "services.stage";
    /// <summary>Working days of the decision limit, including an approved extension.</summary>
    public int LimitDays { get; private set; }

    /// <summary>The first day the whole application shows yellow.</summary>
    public DateOnly? YellowFrom { get; private set; }

    /// <summary>The most on-site visits the item promised when the application was taken (最多跑一次).</summary>
    public int PromisedVisits { get; private set; }

    public List<StageTask> Tasks { get; private set; } = [];

    public string? SuspensionKind { get; private set; }

    public string? SuspensionReason { get; private set; }

    public int? RemainingWhenSuspended { get; private set; }

    /// <summary>The day the decision clock stopped.</summary>
    public DateOnly? SuspendedOn { get; private set; }

    /// <summary>A correction during review that needs the applicant to come in: the return counts a visit.</summary>
    public bool CorrectionInPerson { get; private set; }

    public string? ExtensionRequestReason { get; private set; }

    public string? ExtensionRequestedBy { get; private set; }

    /// <summary>Working days added by the approved extension; 0 when none. A limit is extended once only.</summary>
    public int ExtensionDays { get; private set; }

    public string? ExtensionReason { get; private set; }

    /// <summary>granted or refused.</summary>
    public string? Decision { get; private set; }

    public string? DecisionReason { get; private set; }

    /// <summary>Working days the decision took, suspensions not counted.</summary>
    public int? WorkingDaysUsed { get; private set; }

    public bool? OnTime { get; private set; }

    public DateOnly? DeliveryDueDate { get; private set; }

    public string? DeliveryMethod { get; private set; }

    public DateTime? DeliveredAt { get; private set; }

    public DateTime? CompletedAt { get; private set; }

    /// <summary>Who last changed the application, and when: named when a second reviewer's action conflicts.</summary>
    public string? LastActedBy { get; private set; }

    public DateTime? LastActedAt { get; private set; }

    public bool IsSuspended => Status == ApplicationStatus.Suspended;

    public IEnumerable<StageTask> OpenTasks => Tasks.Where(t => t.State == StageTaskState.Open);

    public WarningLevel? Warning(DateOnly today) =>
        Status == ApplicationStatus.Accepted ? Clock?.Level(today) : null;

    /// <summary>
    /// The decision limit (行政许可法 第42条), counted in working days from acceptance and kept in the
    /// columns above; null before acceptance.
    /// </summary>
    public DeadlineClock? Clock
    {
        get => DueDate is { } due && YellowFrom is { } yellow && AcceptedAt is { } accepted
            ? new DeadlineClock
            {
                StartedOn = Platform.Localization.ChinaTime.DateOf(accepted), Allowance = LimitDays, Unit = DeadlineUnit.WorkingDays, DueDate = due,
                YellowFrom = yellow, PausedSince = SuspendedOn, RemainingWhenPaused = RemainingWhenSuspended,
                Extensions = ExtensionDays > 0 ? 1 : 0, ExtendedBy = ExtensionDays,
            }
            : null;
        private set
        {
            LimitDays = value?.Allowance ?? 0;
            DueDate = value?.DueDate;
            YellowFrom = value?.YellowFrom;
            SuspendedOn = value?.PausedSince;
            RemainingWhenSuspended = value?.RemainingWhenPaused;
            ExtensionDays = value?.ExtendedBy ?? 0;
        }
    }

    Guid IHasDeadlines.RecordId => Id;

    /// <summary>
    /// The clocks the deadline register watches while the application is in review: its decision limit
    /// (the implementing department's) and each open stage task's (that task's department).
    /// </summary>
    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            if (Status is not (ApplicationStatus.Accepted or ApplicationStatus.Suspended) || Clock is not { } decision)
            {
                yield break;
            }

            var title = $"{Number} {ItemName}";
            var link = $"/review/{Id}";
            yield return new Deadline(DecisionClock, Id, decision, DepartmentId, title, null, link);
            foreach (var t in OpenTasks)
            {
                yield return new Deadline(StageClock, t.Id, t.Clock, t.DepartmentId, title, t.StageName, link);
            }
        }
    }

    /// <summary>
    /// The actions <paramref name="by"/> may take now for <paramref name="departmentId"/>: those whose guard passes. The
    /// transitions below check the same guards, so the page never offers what would be refused.
    /// </summary>
    public IReadOnlyList<ProcessAction> AvailableActions(ServiceItemVersion version, Guid? departmentId, Actor by) =>
        [.. Enum.GetValues<ProcessAction>().Where(a => Guard(a, version, departmentId ?? Guid.Empty, by) is null)];

    /// <summary>Why <paramref name="action"/> cannot be taken now, or null when it can (state and permission; not the input).</summary>
    public DomainException? Guard(ProcessAction action, ServiceItemVersion version, Guid departmentId, Actor by) => action switch
    {
        ProcessAction.Approve => OpenTaskRule(version, departmentId, by)
            ?? (IsLastStage(version) ? new DomainException("process.decide_at_last_stage", "action", ErrorKind.Conflict) : null),
        ProcessAction.Return => OpenTaskRule(version, departmentId, by)
            ?? (CurrentStage is null or 0 ? new DomainException("process.return_stage_invalid", "toStage") : null),
        ProcessAction.Correction or ProcessAction.Suspend => OpenTaskRule(version, departmentId, by),
        ProcessAction.Resume => Status != ApplicationStatus.Suspended
            ? new DomainException("process.not_suspended", "status", ErrorKind.Conflict)
            : TaskRule(version, departmentId, by),
        ProcessAction.RequestExtension => InReviewRule() ?? TaskRule(version, departmentId, by)
            ?? (ExtensionDays > 0 ? new DomainException("process.already_extended", "action", ErrorKind.Conflict)
                : ExtensionRequestReason is not null ? new DomainException("process.extension_pending", "action", ErrorKind.Conflict) : null),
        ProcessAction.DecideExtension => !by.IsIn(Roles.Supervisor)
            ? new DomainException("process.supervisor_only", "action", ErrorKind.Forbidden)
            : ExtensionRequestReason is null
                ? new DomainException(ExtensionDays > 0 ? "process.already_extended" : "process.no_extension_request", "action", ErrorKind.Conflict)
                : InReviewRule(),
        ProcessAction.Decide => OpenTaskRule(version, departmentId, by)
            ?? (!IsLastStage(version) ? new DomainException("process.not_last_stage", "action", ErrorKind.Conflict) : null),
        ProcessAction.Deliver => !MayDeliver(by)
            ? new DomainException("process.not_your_stage", "action", ErrorKind.Forbidden)
            : Status != ApplicationStatus.Decided ? new DomainException("process.not_decided", "status", ErrorKind.Conflict) : null,
        ProcessAction.Complete => !MayDeliver(by)
            ? new DomainException("process.not_your_stage", "action", ErrorKind.Forbidden)
            : Status != ApplicationStatus.Delivered ? new DomainException("process.not_delivered", "status", ErrorKind.Conflict) : null,
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>审核通过: the department's part of the current stage is done; when every department has approved, the next stage starts.</summary>
    public void ApproveStage(ServiceItemVersion version, Guid departmentId, string? note, Actor by)
    {
        Check(ProcessAction.Approve, version, departmentId, by);
        var task = OpenTaskOf(departmentId);
        Close(task, StageTaskState.Approved, by);
        AddEvent(by, "stage_approved", task.StageName, departmentId, Trim(note));
        if (!OpenTasks.Any())
        {
            StartStage(version, CurrentStage!.Value + 1, by.Calendar, by.Today);
            var next = version.Stages[CurrentStage!.Value];
            AddEvent(by, "stage_started", next.Name, next.DepartmentIds[0], null);
        }

        Touch(by);
    }

    /// <summary>退回: back to an earlier stage with a reason; that stage starts again with its full allowance.</summary>
    public void ReturnToStage(ServiceItemVersion version, Guid departmentId, int toStage, string? reason, Actor by)
    {
        Check(ProcessAction.Return, version, departmentId, by);
        var task = OpenTaskOf(departmentId);
        if (toStage < 0 || toStage >= CurrentStage)
        {
            throw new DomainException("process.return_stage_invalid", "toStage");
        }

        var why = Required(reason, "reason");
        foreach (var open in OpenTasks.ToList())
        {
            Close(open, StageTaskState.Closed, by);
        }

        AddEvent(by, "stage_returned", task.StageName, departmentId, why);
        StartStage(version, toStage, by.Calendar, by.Today);
        var stage = version.Stages[toStage];
        AddEvent(by, "stage_started", stage.Name, stage.DepartmentIds[0], null);
        Touch(by);
    }

    /// <summary>
    /// 补正 during review: everything to correct at once; the clock stops until the materials arrive.
    /// The return counts a visit only if the applicant must come in.
    /// </summary>
    public void RequestCorrectionInReview(ServiceItemVersion version, Guid departmentId, IReadOnlyList<string>? items, bool inPerson, Actor by)
    {
        Check(ProcessAction.Correction, version, departmentId, by);
        var task = OpenTaskOf(departmentId);
        var list = (items ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        if (list.Count == 0)
        {
            throw new DomainException("intake.correction_items_required", "correctionItems");
        }

        CorrectionItems = list;
        CorrectionInPerson = inPerson;
        StopClock("correction", string.Join("；", list), by);
        AddEvent(by, "review_correction_requested", task.StageName, departmentId, string.Join("；", list));
    }

    /// <summary>中止: for a hearing, testing, expert review or the like, with a reason the applicant is told; the clock stops.</summary>
    public void Suspend(ServiceItemVersion version, Guid departmentId, SuspensionKind? kind, string? reason, Actor by)
    {
        Check(ProcessAction.Suspend, version, departmentId, by);
        var task = OpenTaskOf(departmentId);
        if (kind is not { } k || !Enum.IsDefined(k))
        {
            throw new DomainException("process.suspension_kind_unknown", "kind");
        }

        var why = Required(reason, "reason");
        StopClock(ClosedSets.Code(k), why, by);
        AddEvent(by, "suspended", task.StageName, departmentId, why);
    }

    /// <summary>恢复: the clock runs again with the working days that were left when it stopped.</summary>
    public void Resume(ServiceItemVersion version, Guid departmentId, Actor by)
    {
        Check(ProcessAction.Resume, version, departmentId, by);
        var wasCorrection = SuspensionKind == "correction";
        if (wasCorrection && CorrectionInPerson)
        {
            Visits++;
        }

        RestartClock(by.Calendar, by.Today);
        AddEvent(by, wasCorrection ? "corrections_received" : "resumed", Tasks.First(t => t.State == StageTaskState.Open).StageName, departmentId, null);
        Touch(by);
    }

    /// <summary>
    /// The online applicant uploads the corrections asked for during review: the materials have arrived,
    /// so the clock runs again at once, with no visit.
    /// </summary>
    public void ReceiveCorrectionsOnline(IEnumerable<MaterialCheck> checks, DateTime now, DateOnly today, WorkingDayCalendar calendar, string actor)
    {
        if (Status != ApplicationStatus.Suspended || SuspensionKind != "correction" || Channel != ApplicationChannel.Online)
        {
            throw new DomainException("intake.not_awaiting_correction", "status", ErrorKind.Conflict);
        }

        Materials = [.. checks];
        RestartClock(calendar, today);
        AddEvent(now, "corrections_received", Tasks.First(t => t.State == StageTaskState.Open).StageName, null, actor, null);
        LastActedBy = actor;
        LastActedAt = now;
    }

    private void RestartClock(WorkingDayCalendar calendar, DateOnly today)
    {
        Status = ApplicationStatus.Accepted;
        Clock = Clock!.Resume(calendar, today);
        foreach (var t in OpenTasks)
        {
            t.Clock = t.Clock.Resume(calendar, today);
        }

        SuspensionKind = null;
        SuspensionReason = null;
        CorrectionItems = [];
        CorrectionInPerson = false;
    }

    /// <summary>延期申请: a reviewer asks the supervisor to extend the decision limit, once, with a reason.</summary>
    public void RequestExtension(ServiceItemVersion version, Guid departmentId, string? reason, Actor by)
    {
        Check(ProcessAction.RequestExtension, version, departmentId, by);
        ExtensionRequestReason = Required(reason, "reason");
        ExtensionRequestedBy = by.UserName;
        AddEvent(by, "extension_requested", CurrentStageName(), departmentId, null);
        Touch(by);
    }

    /// <summary>延期批准 by a supervisor: the decision limit grows by 10 working days (15 for joint handling), and the applicant is told why.</summary>
    public void ApproveExtension(ServiceItemVersion version, bool approve, string? note, Actor by)
    {
        Check(ProcessAction.DecideExtension, version, Guid.Empty, by);
        var reason = ExtensionRequestReason;
        ExtensionRequestReason = null;
        if (!approve)
        {
            AddEvent(by, "extension_declined", CurrentStageName(), null, Trim(note));
            Touch(by);
            return;
        }

        ExtensionReason = reason;
        Clock = Clock!.Extend(by.Calendar, Deadlines.ExtensionDays(version));
        AddEvent(by, "extended", CurrentStageName(), null, reason);
        Touch(by);
    }

    /// <summary>决定: at the last stage, grant, or refuse with the reasons and the applicant's rights (行政许可法 第38条).</summary>
    public void Decide(ServiceItemVersion version, Guid departmentId, bool grant, string? reason, Actor by)
    {
        Check(ProcessAction.Decide, version, departmentId, by);
        var task = OpenTaskOf(departmentId);
        var why = grant ? Trim(reason) : Required(reason, "reason");
        foreach (var open in OpenTasks.ToList())
        {
            Close(open, StageTaskState.Approved, by);
        }

        Decision = grant ? "granted" : "refused";
        DecisionReason = why;
        DecidedAt = by.Now;
        WorkingDaysUsed = Clock!.Used(by.Calendar, by.Today);
        OnTime = by.Today <= Clock.DueDate;
        DeliveryDueDate = by.Calendar.AddWorkingDays(by.Today, Deadlines.DeliveryDays);
        Status = ApplicationStatus.Decided;
        CurrentStage = null;
        AddEvent(by, grant ? "granted" : "decision_refused", task.StageName, departmentId, why);
        Touch(by);
    }

    /// <summary>送达 (行政许可法 第44条): window pickup (an on-site trip), post, or electronic.</summary>
    public void Deliver(ServiceItemVersion version, DeliveryMethod? method, Actor by)
    {
        Check(ProcessAction.Deliver, version, Guid.Empty, by);
        if (method is not { } m || !Enum.IsDefined(m))
        {
            throw new DomainException("process.delivery_method_unknown", "method");
        }

        if (m == Domain.DeliveryMethod.Window)
        {
            Visits++;
        }

        DeliveryMethod = ClosedSets.Code(m);
        DeliveredAt = by.Now;
        Status = ApplicationStatus.Delivered;
        AddEvent(by, "delivered", null, null, DeliveryMethod);
        Touch(by);
    }

    /// <summary>办结.</summary>
    public void Complete(ServiceItemVersion version, Actor by)
    {
        Check(ProcessAction.Complete, version, Guid.Empty, by);
        Status = ApplicationStatus.Completed;
        CompletedAt = by.Now;
        AddEvent(by, "completed", null, null, null);
        Touch(by);
    }

    /// <summary>差评整改 reported back: a step on the timeline, so the applicant sees the answer to their rating.</summary>
    public ApplicationEvent RecordRectificationFeedback(string feedback, DateTime now, string actor)
    {
        AddEvent(now, "rectification_feedback", null, DepartmentId, actor, feedback);
        return Events[^1];
    }

    private void StartStage(ServiceItemVersion version, int index, WorkingDayCalendar calendar, DateOnly today)
    {
        CurrentStage = index;
        var stage = version.Stages[index];
        foreach (var department in stage.DepartmentIds)
        {
            var task = new StageTask
            {
                Id = Guid.CreateVersion7(),
                ApplicationId = Id,
                Stage = index,
                StageName = stage.Name,
                DepartmentId = department,
                AllowanceDays = stage.AllowanceDays,
                StartedOn = today,
                State = StageTaskState.Open,
            };
            task.Clock = DeadlineClock.Start(calendar, today, stage.AllowanceDays);
            Tasks.Add(task);
        }
    }

    /// <summary>Delivery and closing are done by the window that took the application in, or by the deciding department.</summary>
    private bool MayDeliver(Actor by) =>
        by.IsInAny(ServicesRoles.WindowClerk, ServicesRoles.Reviewer)
        && (by.ActsFor(DepartmentId) || (IntakeDepartmentId is { } intake && by.ActsFor(intake)) || (by.Scope.SelfOnly && ClerkId == by.UserId) || by.UserId is null);

    private bool IsLastStage(ServiceItemVersion version) => CurrentStage == version.Stages.Count - 1;

    private void Check(ProcessAction action, ServiceItemVersion version, Guid departmentId, Actor by)
    {
        if (Guard(action, version, departmentId, by) is { } refused)
        {
            throw refused;
        }
    }

    private DomainException? InReviewRule() =>
        Status is ApplicationStatus.Accepted or ApplicationStatus.Suspended ? null : new DomainException("process.not_in_review", "status", ErrorKind.Conflict);

    /// <summary>The application runs (not suspended) and the department's task at the current stage is open to the actor.</summary>
    private DomainException? OpenTaskRule(ServiceItemVersion version, Guid departmentId, Actor by) =>
        Status == ApplicationStatus.Suspended ? new DomainException("process.suspended", "status", ErrorKind.Conflict)
        : Status != ApplicationStatus.Accepted ? new DomainException("process.not_in_review", "status", ErrorKind.Conflict)
        : TaskRule(version, departmentId, by);

    /// <summary>
    /// The department has an open task, and the actor holds the stage's role for that department
    /// (ProcessStage.Role, within the account's data scope).
    /// </summary>
    private DomainException? TaskRule(ServiceItemVersion version, Guid departmentId, Actor by)
    {
        var task = Tasks.FirstOrDefault(t => t.State == StageTaskState.Open && t.DepartmentId == departmentId);
        var role = task is not null && task.Stage < version.Stages.Count ? version.Stages[task.Stage].Role : null;
        return task is null || role is null || !by.ActsFor(departmentId, role)
            ? new DomainException("process.not_your_stage", "departmentId", ErrorKind.Forbidden)
            : null;
    }

    private StageTask OpenTaskOf(Guid departmentId) => Tasks.First(t => t.State == StageTaskState.Open && t.DepartmentId == departmentId);

    private void StopClock(string kind, string reason, Actor by)
    {
        Status = ApplicationStatus.Suspended;
        SuspensionKind = kind;
        SuspensionReason = reason;
        Clock = Clock!.Pause(by.Calendar, by.Today);
        foreach (var t in OpenTasks)
        {
            t.Clock = t.Clock.Pause(by.Calendar, by.Today);
        }

        Touch(by);
    }

    private static void Close(StageTask task, StageTaskState state, Actor by)
    {
        task.State = state;
        task.ActedBy = by.UserName;
        task.ActedAt = by.Now;
    }

    private string? CurrentStageName() => Tasks.FirstOrDefault(t => t.State == StageTaskState.Open)?.StageName;

    private void Touch(Actor by)
    {
        LastActedBy = by.UserName;
        LastActedAt = by.Now;
    }

    private static string? Trim(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Required(string? text, string field) =>
        Trim(text) ?? throw new DomainException("required", field);
}
