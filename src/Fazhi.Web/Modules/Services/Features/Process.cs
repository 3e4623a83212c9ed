using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Modules.Services.Data;
using System.Security.Claims;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Notifications;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>
/// One action on an application in review. <c>SeenEvents</c> is how many timeline steps the actor's page
/// showed and <c>Stage</c> the stage it showed: when someone else has acted since, the action is refused
/// with 409 rather than applied to a state its actor never saw.
/// </summary>
public sealed record ProcessCommand(
    Guid? DepartmentId = null,
    string? Reason = null,
    int? ToStage = null,
    string? Kind = null,
    IReadOnlyList<string>? CorrectionItems = null,
    bool InPerson = false,
    bool? Grant = null,
    bool? Approve = null,
    string? Method = null,
    int? SeenEvents = null,
    int? Stage = null);

public static class ProcessActions
{
    public const string Approve = "approve";
    public const string Return = "return";
    public const string Correction = "correction";
    public const string Suspend = "suspend";
    public const string Resume = "resume";
    public const string RequestExtension = "request-extension";
    public const string DecideExtension = "decide-extension";
    public const string Decide = "decide";
    public const string Deliver = "deliver";
    public const string Complete = "complete";

    public static readonly string[] All = [Approve, Return, Correction, Suspend, Resume, RequestExtension, DecideExtension, Decide, Deliver, Complete];
}

public sealed record QueueRow(
    Guid ApplicationId, string Number, string ItemName, string ApplicantName, string StageName, Guid DepartmentId,
    DateOnly StartedOn, DateOnly DueDate, DateOnly YellowFrom, WarningLevel Level, bool Paused, int LeftDays);

public sealed record TaskView(Guid Id, int Stage, string StageName, Guid DepartmentId, string Department, DateOnly StartedOn, DateOnly DueDate, StageTaskState State, bool Paused, WarningLevel? Level, string? ActedBy, DateTime? ActedAt);

/// <summary>An application in review as a reviewer's page shows it, with the actions the current account may take.</summary>
public sealed record ProcessView(
    Guid Id, string Number, string ItemName, string ApplicantName, ApplicationStatus Status, DateOnly? DueDate, WarningLevel? Level,
    int LimitDays, int ExtensionDays, string? ExtensionRequestReason, string? SuspensionKind, string? SuspensionReason,
    IReadOnlyList<string> CorrectionItems, string? Decision, string? DecisionReason, DateOnly? DeliveryDueDate, int Visits,
    int? CurrentStage, IReadOnlyList<ProcessStage> Stages, IReadOnlyList<TaskView> Tasks, IReadOnlyList<ApplicationEvent> Events,
    IReadOnlyList<string> Allowed, Guid? ActingDepartmentId);

/// <summary>审批过程: department queues and the stage actions, each a domain method of <see cref="Application"/>.</summary>
public sealed class ProcessService(
    FazhiDbContext db, WorkingDayCalendar calendar, TimeProvider time, IHttpContextAccessor http, DataScopeResolver scopes, IMemoryCache cache, NameLookup names)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    private string ActorName => User.Identity?.Name ?? "system";

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
    /// Runs one action. When another reviewer changed the application in between, the action is tried
    /// once more on the fresh record: if it still makes sense (another department's part of a joint
    /// review) it goes through; if not, the answer is 409 naming who acted.
    /// </summary>
    public async Task<ProcessView> ActAsync(Guid id, string action, ProcessCommand c, CancellationToken ct = default)
    {
        if (!ProcessActions.All.Contains(action))
        {
            throw DomainException.NotFound("action");
        }

        var seen = c.SeenEvents;
        var stage = c.Stage;
        for (var attempt = 0; ; attempt++)
        {
            var app = await VisibleAsync(id, tracked: true, ct);
            seen ??= app.Events.Count;
            stage ??= app.CurrentStage;
            var changedByOthers = app.Events.Count > seen && app.LastActedBy is not null && app.LastActedBy != ActorName;
            // The stage the actor saw has moved on, or they did not say which stage they saw: acting now
            // could approve a stage they never looked at.
            if (changedByOthers && (app.CurrentStage != stage || (c.SeenEvents is not null && c.Stage is null)))
            {
                throw await ActedByAsync(app, ct);
            }

            var version = await VersionAsync(app.ItemVersionId, ct);
            var before = app.Events.Count;
            try
            {
                await RunAsync(app, version, action, c, ct);
            }
            catch (DomainException e) when (e.Kind is ErrorKind.Conflict or ErrorKind.Forbidden && changedByOthers)
            {
                // The page was out of date: someone acted after it was shown.
                throw await ActedByAsync(app, ct);
            }

            ApplicantMessages.AddSince(db, app, before);

            try
            {
                await db.SaveChangesAsync(ct);
                return await ToViewAsync(app, version, ct);
            }
            catch (DbUpdateException) when (attempt == 0)
            {
                // Another save came first: its row version no longer matches, or its timeline step took
                // the same sequence number. Try once more on what it left.
                db.ChangeTracker.Clear();
            }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                throw await ActedByAsync(await VisibleAsync(id, tracked: false, ct), ct);
            }
        }
    }

    /// <summary>409 naming the colleague who acted, by name and account, and when (China time).</summary>
    private async Task<DomainException> ActedByAsync(Application app, CancellationToken ct)
    {
        var account = app.LastActedBy ?? "?";
        var name = await names.DisplayNameAsync(account, ct);
        var who = string.IsNullOrEmpty(name) ? account : $"{name}（{account}）";
        return new DomainException("process.acted_by", "action", ErrorKind.Conflict, who, ChinaTime.Format(app.LastActedAt ?? time.GetUtcNow().UtcDateTime));
    }

    private async Task RunAsync(Application app, ServiceItemVersion version, string action, ProcessCommand c, CancellationToken ct)
    {
        var by = await ActorAsync(ct);
        var department = c.DepartmentId ?? ActingDepartment(app, by) ?? Guid.Empty;
        switch (action)
        {
            case ProcessActions.Approve:
                app.ApproveStage(version, department, c.Reason, by);
                break;
            case ProcessActions.Return:
                app.ReturnToStage(version, department, c.ToStage ?? -1, c.Reason, by);
                break;
            case ProcessActions.Correction:
                app.RequestCorrectionInReview(department, c.CorrectionItems, c.InPerson, by);
                break;
            case ProcessActions.Suspend:
                app.Suspend(department, c.Kind, c.Reason, by);
                break;
            case ProcessActions.Resume:
                app.Resume(department, by);
                break;
            case ProcessActions.RequestExtension:
                app.RequestExtension(department, c.Reason, by);
                break;
            case ProcessActions.DecideExtension:
                app.ApproveExtension(version, c.Approve ?? throw new DomainException("required", "approve"), c.Reason, by);
                break;
            case ProcessActions.Decide:
                app.Decide(version, department, c.Grant ?? throw new DomainException("required", "grant"), c.Reason, by);
                break;
            case ProcessActions.Deliver:
                CheckMayDeliver(app);
                app.Deliver(c.Method, by);
                break;
            default:
                CheckMayDeliver(app);
                app.Complete(by);
                break;
        }
    }

    private void CheckMayDeliver(Application app)
    {
        if (!MayDeliver(app))
        {
            throw new DomainException("process.not_your_stage", "action", ErrorKind.Forbidden);
        }
    }

    private static Guid? ActingDepartment(Application app, ProcessActor by) =>
        app.Tasks.Where(t => t.State == StageTaskState.Open && by.ActsFor(t.DepartmentId)).Select(t => (Guid?)t.DepartmentId).FirstOrDefault();

    private DataScopeFilter _scope = DataScopeFilter.Nothing;

    /// <summary>Stage actions are for reviewers of the stage's department; the account's data scope says which departments those are.</summary>
    private async Task<ProcessActor> ActorAsync(CancellationToken ct)
    {
        _scope = await scopes.CurrentAsync(ct);
        var reviewer = User.IsInRole(Roles.Reviewer);
        return new ProcessActor(ActorName, time.GetUtcNow().UtcDateTime, Today, calendar, d => reviewer && InScope(d), User.IsInRole(Roles.Supervisor));
    }

    // Departments have no owner: the "self" scope acts for none of them.
    private bool InScope(Guid department) => _scope.Allows(department, ownerId: null);

    /// <summary>Delivery and closing are done by the window that took the application in, or by the deciding department.</summary>
    private bool MayDeliver(Application app) =>
        (User.IsInRole(Roles.WindowClerk) || User.IsInRole(Roles.Reviewer))
        && (InScope(app.DepartmentId) || (app.IntakeDepartmentId is { } intake && InScope(intake)) || (_scope.SelfOnly && app.ClerkId == _scope.UserId));

    private async Task<Application> VisibleAsync(Guid id, bool tracked, CancellationToken ct)
    {
        var scope = await scopes.CurrentAsync(ct);
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

        var app = await query.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.NotFound();
        app.Events.Sort((x, y) => x.Sequence.CompareTo(y.Sequence));
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
        var by = await ActorAsync(ct);
        var today = Today;
        var acting = ActingDepartment(app, by);
        var tasks = app.Tasks.OrderBy(t => t.Stage).ThenBy(t => t.StartedOn).Select(t => new TaskView(
            t.Id, t.Stage, t.StageName, t.DepartmentId, departments.GetValueOrDefault(t.DepartmentId, "?"), t.StartedOn, t.DueDate, t.State, t.Paused,
            t.State == StageTaskState.Open && !t.Paused ? DeadlineClock.Level(today, t.DueDate, t.YellowFrom) : null, t.ActedBy, t.ActedAt)).ToList();
        return new ProcessView(
            app.Id, app.Number, app.ItemName, app.ApplicantName, app.Status, app.DueDate, app.Warning(today), app.LimitDays, app.ExtensionDays,
            app.ExtensionRequestReason, app.SuspensionKind, app.SuspensionReason, app.CorrectionItems, app.Decision, app.DecisionReason,
            app.DeliveryDueDate, app.Visits, app.CurrentStage, version.Stages, tasks, app.Events, Allowed(app, version, by, acting), acting);
    }

    /// <summary>What the current account may do now, so the page offers only those buttons; the domain checks again on submit.</summary>
    private List<string> Allowed(Application app, ServiceItemVersion version, ProcessActor by, Guid? acting)
    {
        var allowed = new List<string>();
        var last = app.CurrentStage == version.Stages.Count - 1;
        if (acting is not null && app.Status == ApplicationStatus.Accepted)
        {
            allowed.Add(last ? ProcessActions.Decide : ProcessActions.Approve);
            if (app.CurrentStage > 0)
            {
                allowed.Add(ProcessActions.Return);
            }

            allowed.AddRange([ProcessActions.Correction, ProcessActions.Suspend]);
        }

        if (acting is not null && app.Status == ApplicationStatus.Suspended)
        {
            allowed.Add(ProcessActions.Resume);
        }

        if (acting is not null && app.Status is ApplicationStatus.Accepted or ApplicationStatus.Suspended && app.ExtensionDays == 0 && app.ExtensionRequestReason is null)
        {
            allowed.Add(ProcessActions.RequestExtension);
        }

        if (by.IsSupervisor && app.ExtensionRequestReason is not null)
        {
            allowed.Add(ProcessActions.DecideExtension);
        }

        var mayDeliver = MayDeliver(app);
        if (mayDeliver && app.Status == ApplicationStatus.Decided)
        {
            allowed.Add(ProcessActions.Deliver);
        }

        if (mayDeliver && app.Status == ApplicationStatus.Delivered)
        {
            allowed.Add(ProcessActions.Complete);
        }

        return allowed;
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
    public static RouteGroupBuilder MapProcess(this RouteGroupBuilder services)
    {
        services.MapGet("/queue", async (WarningLevel? level, int? page, ProcessService s) => TypedResults.Ok(await s.QueueAsync(level, page ?? 1)))
            .WithSummary("The open stage tasks of the caller's departments, oldest deadline first, with warning levels.");
        services.MapGet("/applications/{id:guid}/process", async (Guid id, ProcessService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .WithSummary("An application in review: stages, tasks, deadlines and the actions the caller may take.");
        services.MapPost("/applications/{id:guid}/actions/{action}", async (Guid id, string action, ProcessCommand command, ProcessService s) =>
                TypedResults.Ok(await s.ActAsync(id, action, command)))
            .WithSummary("A stage action: approve, return, correction, suspend, resume, request-extension, decide-extension, decide, deliver, complete. " +
                "409 when the application was changed by someone else in between; the message names who.");
        services.MapGet("/alerts", async (int? page, AlertService s) => TypedResults.Ok(await s.ListAsync(page ?? 1)))
            .WithSummary("Deadline alerts for the caller's departments (all of them for supervisors), newest first.");
        return services;
    }
}
