using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Enforcement.Features;

/// <summary>The work waiting for officers, heads and the legality reviewers.</summary>
internal static class EnforcementTasks
{
    private static string Link(Guid id) => $"/enforcement/cases/{id}";

    private static IQueryable<EnforcementCase> Cases(IServiceProvider sp, Platform.Cases.Actor actor) =>
        sp.GetRequiredService<FazhiDbContext>().EnforcementCases.WithinScope(actor.Scope, c => c.DepartmentId, _ => Guid.Empty);

    public static IEnumerable<TaskDefinition> All =>
    [
        // 第58条: the cases sent for legality review and not yet reviewed, by the 90-day limit.
        new("enforcement.review", "enforcement.task.review", [EnforcementRoles.LegalityReviewer], (sp, actor, ct) => Task.FromResult(Cases(sp, actor)
            .Where(c => c.Status == CaseStatus.Notified && c.Reviews.Any(r => r.Passed == null) && c.RegisteredBy != actor.UserName
                && !c.Officers.Any(o => o.UserName == actor.UserName))
            .Select(c => new TaskRow
            {
                RecordId = c.Id, Number = c.Number, Title = c.Matter, Party = c.Party.Name, PartyIsPerson = c.Party.Kind == PartyKind.Person,
                DueDate = c.Decision!.DueDate, Since = c.Reviews.Where(r => r.Passed == null).Select(r => r.SubmittedAt).FirstOrDefault(),
            })), Link),
        // 第54条: leads waiting for the head to approve their filing.
        new("enforcement.filing", "enforcement.task.filing", [Roles.Supervisor, EnforcementRoles.Officer], (sp, actor, ct) => Task.FromResult(Cases(sp, actor)
            .Where(c => c.Status == CaseStatus.Registered)
            .Select(c => new TaskRow
            {
                RecordId = c.Id, Number = c.Number, Title = c.Matter, Party = c.Party.Name, PartyIsPerson = c.Party.Kind == PartyKind.Person,
                DueDate = c.Filing!.DueDate, Since = c.RegisteredAt,
            })), Link),
        // 第42条: an open case with an officer whose certificate has lapsed or been suspended since assignment needs another officer.
        new("enforcement.reassign", "enforcement.task.reassign", [Roles.Supervisor, EnforcementRoles.Officer], (sp, actor, ct) =>
        {
            var officers = sp.GetRequiredService<FazhiDbContext>().Officers;
            var today = actor.Today;
            return Task.FromResult(Cases(sp, actor)
                .Where(c => (c.Status == CaseStatus.Registered || c.Status == CaseStatus.Investigation || c.Status == CaseStatus.Notified || c.Status == CaseStatus.Decided)
                    && c.RevokedOn == null
                    && c.Officers.Any(o => o.RecusedAt == null && officers.Any(x => x.Id == o.OfficerId
                        && (x.Status != CertificateStatus.Valid || x.ValidUntil < today || x.ValidFrom > today))))
                .Select(c => new TaskRow
                {
                    RecordId = c.Id, Number = c.Number, Title = c.Matter, Party = c.Party.Name, PartyIsPerson = c.Party.Kind == PartyKind.Person,
                    DueDate = c.Status == CaseStatus.Registered ? c.Filing!.DueDate : c.Status == CaseStatus.Decided ? c.Service!.DueDate : c.Decision!.DueDate,
                    Since = c.RegisteredAt,
                }));
        }, Link),
        // The officer's own open cases, by the limit that runs now.
        new("enforcement.mine", "enforcement.task.mine", [EnforcementRoles.Officer], (sp, actor, ct) => Task.FromResult(Cases(sp, actor)
            .Where(c => (c.Status == CaseStatus.Investigation || c.Status == CaseStatus.Notified || c.Status == CaseStatus.Decided || (c.Status == CaseStatus.Served && c.PaidOn == null && c.Fine > 0))
                && c.Officers.Any(o => o.UserName == actor.UserName && o.RecusedAt == null))
            .Select(c => new TaskRow
            {
                RecordId = c.Id, Number = c.Number, Title = c.Matter, Party = c.Party.Name, PartyIsPerson = c.Party.Kind == PartyKind.Person,
                DueDate = c.Status == CaseStatus.Decided ? c.Service!.DueDate : c.Status == CaseStatus.Served ? c.Payment!.DueDate : c.Decision!.DueDate,
                Since = c.RegisteredAt,
            })), Link),
    ];
}
