using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Modules.Services.Data;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Notifications;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>
/// One action on an application in review, each with its own typed request. <c>SeenEvents</c> is how many
/// timeline steps the actor's page showed and <c>Stage</c> the stage it showed: when someone has acted since,
/// the action is refused with 409 before anything else is checked, rather than applied to a state its actor never saw.
/// </summary>
public abstract record StageActionRequest : StepRequest
{
    /// <summary>The department the actor acts for; by default the first open task's the actor may act on.</summary>
    public Guid? DepartmentId { get; init; }

    public int? Stage { get; init; }

    internal abstract void Apply(Application app, ServiceItemVersion version, Guid department, Actor by);
}

/// <summary>审核通过, with an optional note.</summary>
public sealed record ApproveRequest(string? Reason = null) : StageActionRequest
{

    internal override void Apply(Application app, ServiceItemVersion version, Guid department, Actor by) => app.ApproveStage(version, department, Reason, by);
}

/// <summary>退回 to an earlier stage (its index, from 0), with the reason.</summary>
public sealed record ReturnRequest(int? ToStage = null, string? Reason = null) : StageActionRequest
{

    internal override void Apply(Application app, ServiceItemVersion version, Guid department, Actor by) => app.ReturnToStage(version, department, ToStage ?? -1, Reason, by);
}

/// <summary>补正 during review: every item at once; whether the applicant must come in.</summary>
public sealed record CorrectionRequest(IReadOnlyList<string>? CorrectionItems = null, bool InPerson = false) : StageActionRequest
{

    internal override void Apply(Application app, ServiceItemVersion version, Guid department, Actor by) =>
        app.RequestCorrectionInReview(version, department, CorrectionItems, InPerson, by);
}

/// <summary>中止 for a hearing, testing, expert review, inspection or other, with the reason the applicant is told.</summary>
public sealed record SuspendRequest(SuspensionKind? Kind = null, string? Reason = null) : StageActionRequest
{

    internal override void Apply(Application app, ServiceItemVersion version, Guid department, Actor by) => app.Suspend(version, department, Kind, Reason, by);
}

/// <summary>恢复: the clock runs again.</summary>
public sealed record ResumeRequest : StageActionRequest
{

    internal override void Apply(Application app, ServiceItemVersion version, Guid department, Actor by) => app.Resume(version, department, by);
}

/// <summary>延期申请, with the reason.</summary>
public sealed record ExtensionRequest(string? Reason = null) : StageActionRequest
{

    internal override void Apply(Application app, ServiceItemVersion version, Guid department, Actor by) => app.RequestExtension(version, department, Reason, by);
}

/// <summary>A supervisor's answer to an extension request.</summary>
public sealed record ExtensionDecisionRequest(bool? Approve = null, string? Reason = null) : StageActionRequest
{

    internal override void Apply(Application app, ServiceItemVersion version, Guid department, Actor by) =>
        app.ApproveExtension(version, Approve ?? throw new DomainException("required", "approve"), Reason, by);
}

/// <summary>决定 at the last stage: grant, or refuse with the reasons.</summary>
public sealed record DecisionRequest(bool? Grant = null, string? Reason = null) : StageActionRequest
{

    internal override void Apply(Application app, ServiceItemVersion version, Guid department, Actor by) =>
        app.Decide(version, department, Grant ?? throw new DomainException("required", "grant"), Reason, by);
}

/// <summary>送达: window, post or electronic.</summary>
public sealed record DeliveryRequest(DeliveryMethod? Method = null) : StageActionRequest
{

    internal override void Apply(Application app, ServiceItemVersion version, Guid department, Actor by) => app.Deliver(version, Method, by);
}

/// <summary>办结.</summary>
public sealed record CompleteRequest : StageActionRequest
{

    internal override void Apply(Application app, ServiceItemVersion version, Guid department, Actor by) => app.Complete(version, by);
}

public sealed record QueueRow(
    Guid ApplicationId, string Number, string ItemName, string ApplicantName, string StageName, Guid DepartmentId,
    DateOnly StartedOn, DateOnly DueDate, DateOnly YellowFrom, WarningLevel Level, bool Paused, int LeftDays);

public sealed record TaskView(Guid Id, int Stage, string StageName, Guid DepartmentId, string Department, DateOnly StartedOn, DateOnly DueDate, StageTaskState State, bool Paused, WarningLevel? Level, string? ActedBy, DateTime? ActedAt);

/// <summary>One step of an application's timeline as a reviewer's page shows it: who acted is named with their account.</summary>
public sealed record ProcessEventView(int Sequence, DateTime At, string Kind, string? StageName, Guid? DepartmentId, string Actor, string? Note)
{
    public static ProcessEventView Of(ApplicationEvent e) => new(e.Sequence, e.At, e.Kind, e.StageName, e.DepartmentId, e.ActorLabel, e.Note);
}

/// <summary>An application in review as a reviewer's page shows it, with the actions the current account may take.</summary>
public sealed record ProcessView(
    Guid Id, string Number, string ItemName, string ApplicantName, ApplicationStatus Status, DateOnly? DueDate, WarningLevel? Level,
    int LimitDays, int ExtensionDays, string? ExtensionRequestReason, string? SuspensionKind, string? SuspensionReason,
    IReadOnlyList<string> CorrectionItems, string? Decision, string? DecisionReason, DateOnly? DeliveryDueDate, int Visits,
    int? CurrentStage, IReadOnlyList<ProcessStage> Stages, IReadOnlyList<TaskView> Tasks, IReadOnlyList<ProcessEventView> Events,
    IReadOnlyList<ProcessAction> Allowed, Guid? ActingDepartmentId);

/// <summary>审批过程: department queues and the stage actions, each a domain method of <see cref="Application"/>.</summary>
public sealed class ProcessService(
    FazhiDbContext db, WorkingDayCalendar calendar, TimeProvider time, DataScopeResolver scopes, IMemoryCache cache, NameLookup names, CaseWorkflow workflow, ActorSource actors)
{
    public DateOnly Today => ChinaTime.Today(time);

    /// <summary>The open tasks of the departments in the current account's scope, oldest deadline first; suspended ones last.</summary>
    public async Task<Paged<QueueRow>> QueueAsync(WarningLevel? level = null, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var today = Today;
        var tasks = db.StageTasks.AsNoTracking().Where(t => t.State == StageTaskState.Open);
        // Department rows have no owner: the "self" scope sees none of them.
        tasks = tasks.WithinScope(scope, t => t.DepartmentId, _ => Guid.Empty);

        tasks = level switch
        {
            WarningLevel.Red => tasks.Where(t => !t.Paused && t.DueDate < today),
            WarningLevel.Yellow => tasks.Where(t => !t.Paused && t.DueDate >= today && t.YellowFrom <= today),
            WarningLevel.Normal => tasks.Where(t => t.Paused || t.YellowFrom > today),
            _ => tasks,
        };

        var page1 = await tasks.OrderBy(t => t.Paused).ThenBy(t => t.DueDate).ThenBy(t => t.StartedOn).ToPageAsync(
            rows => rows.Join(db.Applications, t => t.ApplicationId, a => a.Id, (t, a) => new { t, a })
                .OrderBy(x => x.t.Paused).ThenBy(x => x.t.DueDate).ThenBy(x => x.t.StartedOn)
                .Select(x => new QueueRow(x.t.ApplicationId, x.a.Number, x.a.ItemName, x.a.ApplicantName,
                    x.t.StageName, x.t.DepartmentId, x.t.StartedOn, x.t.DueDate, x.t.YellowFrom, WarningLevel.Normal, x.t.Paused, 0)),
            page, pageSize, ct);
        return page1.With(page1.Items.Select(r => r with
        {
            ApplicantName = Masking.Name(r.ApplicantName),
            Level = r.Paused ? WarningLevel.Normal : DeadlineClock.Level(today, r.DueDate, r.YellowFrom),
            LeftDays = calendar.CountWorkingDays(today, r.DueDate),
        }).ToList());
    }

    public async Task<ProcessView> ViewAsync(Guid id, CancellationToken ct = default) =>
        await ViewAsync(await ApplicationAsync(id, ct), ct);

    /// <summary>The application, if the current account may see it: its department, its intake window, or a department with a stage task on it.</summary>
    public Task<Application> ApplicationAsync(Guid id, CancellationToken ct = default) => VisibleAsync(id, tracked: false, ct);

    public async Task<ProcessView> ViewAsync(Application app, CancellationToken ct = default) =>
        await ToViewAsync(app, await VersionAsync(app.ItemVersionId, ct), ct);

    /// <summary>
    /// Runs one action through the case workflow. A page that is out of date is refused first (409 naming who acted
    /// since), unless all that happened since is another department's approval within the same joint stage.
    /// </summary>
    public async Task<ProcessView> ActAsync(Guid id, StageActionRequest request, CancellationToken ct = default)
    {
        ServiceItemVersion? version = null;
        var known = 0;
        var app = await workflow.ActAsync<Application, ApplicationEvent>(scope => Visible(scope, tracked: true), id, request.SeenEvents, async (app, by) =>
        {
            Sort(app);
            var department = request.DepartmentId ?? ActingDepartment(app, by) ?? Guid.Empty;
            version = await VersionAsync(app.ItemVersionId, ct);
            known = app.Events.Count;
            request.Apply(app, version, department, by);
            ApplicantMessages.AddSince(db, app, known);
        }, compatible: (app, since, by) =>
        {
            // A colleague's approval of their own part of the same joint stage does not change what this actor saw.
            var department = request.DepartmentId ?? ActingDepartment(app, by) ?? Guid.Empty;
            return (request.Stage ?? app.CurrentStage) == app.CurrentStage
                && since.All(e => e is ApplicationEvent { Kind: "stage_approved" } a && a.DepartmentId != department);
        }, ct: ct);
        return await ToViewAsync(app, version!, ct);
    }

    /// <summary>The first department with an open task that the actor acts for (any review role: the stage's role is checked by the action).</summary>
    private static Guid? ActingDepartment(Application app, Actor by) =>
        app.Tasks.Where(t => t.State == StageTaskState.Open && Roles.All.Any(r => by.ActsFor(t.DepartmentId, r))).Select(t => (Guid?)t.DepartmentId).FirstOrDefault();

    private static void Sort(Application app) => app.Events.Sort((x, y) => x.Sequence.CompareTo(y.Sequence));

    private IQueryable<Application> Visible(DataScopeFilter scope, bool tracked)
    {
        IQueryable<Application> query = db.Applications.Include(a => a.Events).Include(a => a.Tasks).AsSplitQuery();
        if (!tracked)
        {
            query = query.AsNoTracking();
        }

        if (!scope.All)
        {
            var ids = scope.DepartmentIds.ToList();
            var me = scope.UserId;
            query = scope.SelfOnly
                ? query.Where(a => a.ClerkId == me)
                : query.Where(a => ids.Contains(a.DepartmentId) || (a.IntakeDepartmentId != null && ids.Contains(a.IntakeDepartmentId.Value))
                    || a.Tasks.Any(t => ids.Contains(t.DepartmentId)));
        }

        return query;
    }

    private async Task<Application> VisibleAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var app = await Visible(await scopes.CurrentAsync(ct), tracked).SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.NotFound();
        Sort(app);
        return app;
    }

    private async Task<ServiceItemVersion> VersionAsync(Guid versionId, CancellationToken ct) =>
        (await cache.GetOrCreateAsync(("item-version", versionId), async e =>
        {
            // A published version never changes.
            e.SlidingExpiration = TimeSpan.FromMinutes(10);
            return await db.ServiceItemVersions.AsNoTracking().SingleAsync(v => v.Id == versionId, ct);
        }))!;

    private async Task<ProcessView> ToViewAsync(Application app, ServiceItemVersion version, CancellationToken ct)
    {
        var departments = await names.DepartmentsAsync(ct);
        var by = await actors.CurrentAsync(ct);
        var today = Today;
        var acting = ActingDepartment(app, by);
        var tasks = app.Tasks.OrderBy(t => t.Stage).ThenBy(t => t.StartedOn).Select(t => new TaskView(
            t.Id, t.Stage, t.StageName, t.DepartmentId, departments.GetValueOrDefault(t.DepartmentId, "?"), t.StartedOn, t.DueDate, t.State, t.Paused,
            t.State == StageTaskState.Open && !t.Paused ? DeadlineClock.Level(today, t.DueDate, t.YellowFrom) : null, t.ActedBy, t.ActedAt)).ToList();
        return new ProcessView(
            app.Id, app.Number, app.ItemName, app.ApplicantName, app.Status, app.DueDate, app.Warning(today), app.LimitDays, app.ExtensionDays,
            app.ExtensionRequestReason, app.SuspensionKind, app.SuspensionReason, app.CorrectionItems, app.Decision, app.DecisionReason,
            app.DeliveryDueDate, app.Visits, app.CurrentStage, version.Stages, tasks, [.. app.Events.Select(ProcessEventView.Of)], app.AvailableActions(version, acting, by), acting);
    }
}

/// <summary>Puts a message to the applicant in the platform's outbox for every timeline step that concerns them.</summary>
public static class ApplicantMessages
{
    /// <summary>Steps the applicant is told about (the window hands its own decisions over on paper).</summary>
    public static readonly IReadOnlyList<string> Kinds =
    [
        "accepted", "correction_requested", "refused", "review_correction_requested", "suspended", "resumed", "corrections_received",
        "extended", "granted", "decision_refused", "delivered", "completed", "rectification_feedback",
    ];

    /// <summary>One template per step: the applicant's number and item, what happened, and the note (a reason, a list) when there is one.</summary>
    public static IEnumerable<MessageTemplate> Templates =>
        [
            new MessageTemplate(EvaluationService.ComplaintAnswered,
                "【法治平台】您反映的问题已答复，请查看：{link}",
                "[Fazhi] Your complaint has been answered: {link}"),
            .. StepTemplates,
        ];

    private static IEnumerable<MessageTemplate> StepTemplates =>
        Kinds.Select(k => new MessageTemplate(
            $"{ServicesModule.ModuleName}.{k}",
            "【法治平台】您的办件 {number}（{item}）" + Text.In($"event.{k}", english: false) + "{：|note}。",
            "[Fazhi] Your application {number} ({item}): " + Text.In($"event.{k}", english: true) + "{: |note}."));

    /// <summary>The messages for the steps an action added to the timeline after the first <paramref name="known"/>.</summary>
    public static void AddSince(FazhiDbContext db, Application app, int known)
    {
        foreach (var e in app.Events.Skip(known))
        {
            Add(db, app, e);
        }
    }

    public static void Add(FazhiDbContext db, Application app, ApplicationEvent e)
    {
        if (!Kinds.Contains(e.Kind))
        {
            return;
        }

        // Online applicants read it on their page; the others get a text message.
        Outbox.Add(db, new Message(
            $"{ServicesModule.ModuleName}.{e.Kind}",
            app.CitizenId is null ? Channels.Sms : Channels.InApp,
            new Dictionary<string, string?> { ["number"] = app.Number, ["item"] = app.ItemName, ["note"] = e.Note },
            e.At,
            Recipient: app.CitizenId is null ? app.Phone : null,
            AccountId: app.CitizenId,
            RecordId: app.Id));
    }
}

public static class ProcessApi
{
    /// <summary>One route per action, each with its own typed body; 409 when someone acted since the caller's page was shown.</summary>
    private static void MapAction<TRequest>(RouteGroupBuilder services, ProcessAction action, string summary)
        where TRequest : StageActionRequest
    {
        var slug = ClosedSets.Slug(action);
        services.MapPost($"/applications/{{id:guid}}/actions/{slug}", async (Guid id, TRequest request, ProcessService s) => TypedResults.Ok(await s.ActAsync(id, request)))
            .WithName("process-" + slug)
            .WithSummary(summary + " 409 case.acted_by when the application changed since the caller saw it (seenEvents); the message names who.");
    }

    public static RouteGroupBuilder MapProcess(this RouteGroupBuilder services)
    {
        services.MapGet("/queue", async (WarningLevel? level, int? page, ProcessService s) => TypedResults.Ok(await s.QueueAsync(level, page ?? 1)))
            .WithSummary("The open stage tasks of the caller's departments, oldest deadline first, with warning levels.");
        services.MapGet("/applications/{id:guid}/process", async (Guid id, ProcessService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .WithSummary("An application in review: stages, tasks, deadlines and the actions the caller may take.");
        MapAction<ApproveRequest>(services, ProcessAction.Approve, "Approve the department's part of the current stage (审核通过).");
        MapAction<ReturnRequest>(services, ProcessAction.Return, "Return to an earlier stage with the reason (退回).");
        MapAction<CorrectionRequest>(services, ProcessAction.Correction, "Ask for corrections during review, everything at once; the clock stops (补正).");
        MapAction<SuspendRequest>(services, ProcessAction.Suspend, "Suspend for a hearing, testing, expert review or inspection; the clock stops (中止).");
        MapAction<ResumeRequest>(services, ProcessAction.Resume, "Resume: the clock runs again with what was left (恢复).");
        MapAction<ExtensionRequest>(services, ProcessAction.RequestExtension, "Ask the supervisor to extend the decision limit once (延期申请).");
        MapAction<ExtensionDecisionRequest>(services, ProcessAction.DecideExtension, "The supervisor approves or declines the extension (延期批准).");
        MapAction<DecisionRequest>(services, ProcessAction.Decide, "Grant, or refuse with the reasons, at the last stage (决定).");
        MapAction<DeliveryRequest>(services, ProcessAction.Deliver, "Deliver the decision: window, post or electronic (送达).");
        MapAction<CompleteRequest>(services, ProcessAction.Complete, "Close the application (办结).");
        services.MapGet("/alerts", async (int? page, AlertService s) => TypedResults.Ok(await s.ListAsync(page ?? 1)))
            .WithSummary("Deadline alerts for the caller's departments (all of them for supervisors), newest first.");
        return services;
    }
}
