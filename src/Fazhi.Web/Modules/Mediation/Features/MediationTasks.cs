using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Mediation.Features;

/// <summary>The work waiting for mediators and the justice office.</summary>
internal static class MediationTasks
{
    private static string Link(Guid id) => $"/mediation/cases/{id}";

    public static IEnumerable<TaskDefinition> All =>
    [
        // 人民调解工作若干规定 第33条: settled within a month.
        new("mediation.open", "mediation.task.open", [MediationRoles.Mediator], (sp, actor, ct) =>
        {
            var db = sp.GetRequiredService<FazhiDbContext>();
            return Task.FromResult(db.MediationCases.WithinScope(actor.Scope, c => c.DepartmentId, _ => Guid.Empty)
                .Where(c => c.Status == CaseStatus.Registered || c.Status == CaseStatus.InMediation)
                .Select(c => new TaskRow
                {
                    RecordId = c.Id, Number = c.Number, Title = "mediation.type." + c.Type.ToString(), Party = c.Parties.OrderBy(p => p.Side).Select(p => p.Name).FirstOrDefault(),
                    PartyIsPerson = true, DueDate = c.Clock.DueDate, Since = c.RegisteredAt,
                }));
        }, Link),
        // 第31条: performance is followed up.
        new("mediation.followups", "mediation.task.followups", [MediationRoles.Mediator], (sp, actor, ct) =>
        {
            var db = sp.GetRequiredService<FazhiDbContext>();
            var week = ChinaTime.Today(sp.GetRequiredService<TimeProvider>()).AddDays(7);
            return Task.FromResult(
                from f in db.Set<FollowUp>()
                join c in db.MediationCases.WithinScope(actor.Scope, c => c.DepartmentId, _ => Guid.Empty) on f.CaseId equals c.Id
                where f.DoneOn == null && f.DueOn <= week
                select new TaskRow
                {
                    RecordId = c.Id, Number = c.Number, Title = "mediation.type." + c.Type.ToString(), Party = c.Parties.OrderBy(p => p.Side).Select(p => p.Name).FirstOrDefault(),
                    PartyIsPerson = true, DueDate = f.DueOn, Since = c.RegisteredAt,
                });
        }, Link),
        // 以案定补: the justice office approves the class the mediator proposed.
        new("mediation.subsidy", "mediation.task.subsidy", [Roles.Supervisor], (sp, actor, ct) =>
        {
            var db = sp.GetRequiredService<FazhiDbContext>();
            return Task.FromResult(db.MediationCases.WithinScope(actor.Scope, c => c.DepartmentId, _ => Guid.Empty)
                .Where(c => c.ProposedClass != null && c.ApprovedClass == null)
                .Select(c => new TaskRow
                {
                    RecordId = c.Id, Number = c.Number, Title = "mediation.type." + c.Type.ToString(), Party = c.Parties.OrderBy(p => p.Side).Select(p => p.Name).FirstOrDefault(),
                    PartyIsPerson = true, DueDate = null, Since = c.ClosedAt ?? c.RegisteredAt,
                }));
        }, Link),
    ];
}
