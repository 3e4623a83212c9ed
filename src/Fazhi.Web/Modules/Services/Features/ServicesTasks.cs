using Fazhi.Web.Modules.Services.Data;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>The work waiting at the windows, in the departments' review and with the supervisors.</summary>
internal static class ServicesTasks
{
    private static IQueryable<Application> Visible(IServiceProvider sp, Platform.Cases.Actor actor) =>
        sp.GetRequiredService<FazhiDbContext>().Applications
            .WithinScope(actor.Scope, a => a.DepartmentId, a => a.IntakeDepartmentId ?? Guid.Empty, a => a.ClerkId ?? Guid.Empty);

    public static IEnumerable<TaskDefinition> All =>
    [
        // 行政许可法 第42条: each department's part of a stage, by its own limit.
        new("services.stage", "services.task.stage", [ServicesRoles.Reviewer], (sp, actor, ct) =>
        {
            var db = sp.GetRequiredService<FazhiDbContext>();
            var tasks = db.StageTasks.Where(t => t.State == StageTaskState.Open).WithinScope(actor.Scope, t => t.DepartmentId, _ => Guid.Empty);
            return Task.FromResult(
                from t in tasks
                join a in db.Applications on t.ApplicationId equals a.Id
                select new TaskRow
                {
                    RecordId = a.Id, Number = a.Number, Title = a.ItemName + " · " + t.StageName, Party = a.ApplicantName, PartyIsPerson = a.ApplicantKind == ApplicantKind.Person,
                    DueDate = t.DueDate, Since = a.ReceivedAt,
                });
        }, id => $"/review/{id}"),
        new("services.prereview", "services.task.prereview", [ServicesRoles.WindowClerk], (sp, actor, ct) => Task.FromResult(Visible(sp, actor)
            .Where(a => a.Status == ApplicationStatus.PendingPreReview)
            .Select(a => new TaskRow
            {
                RecordId = a.Id, Number = a.Number, Title = a.ItemName, Party = a.ApplicantName, PartyIsPerson = a.ApplicantKind == ApplicantKind.Person, DueDate = null, Since = a.ReceivedAt,
            })), id => $"/window/applications/{id}"),
        // 第44条: delivered within 10 working days of the decision.
        new("services.delivery", "services.task.delivery", [ServicesRoles.WindowClerk, ServicesRoles.Reviewer], (sp, actor, ct) => Task.FromResult(Visible(sp, actor)
            .Where(a => a.Status == ApplicationStatus.Decided)
            .Select(a => new TaskRow
            {
                RecordId = a.Id, Number = a.Number, Title = a.ItemName, Party = a.ApplicantName, PartyIsPerson = a.ApplicantKind == ApplicantKind.Person,
                DueDate = a.DeliveryDueDate, Since = a.DecidedAt ?? a.ReceivedAt,
            })), id => $"/review/{id}"),
        // 第42条: an extension needs the head's approval.
        new("services.extension", "services.task.extension", [Roles.Supervisor], (sp, actor, ct) => Task.FromResult(Visible(sp, actor)
            .Where(a => a.ExtensionRequestReason != null && (a.Status == ApplicationStatus.Accepted || a.Status == ApplicationStatus.Suspended))
            .Select(a => new TaskRow
            {
                RecordId = a.Id, Number = a.Number, Title = a.ItemName, Party = a.ApplicantName, PartyIsPerson = a.ApplicantKind == ApplicantKind.Person,
                DueDate = a.DueDate, Since = a.ReceivedAt,
            })), id => $"/review/{id}"),
    ];
}
