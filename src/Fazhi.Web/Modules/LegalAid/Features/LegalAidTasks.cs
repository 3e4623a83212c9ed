using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>The work waiting for the centre's officers and the justice office.</summary>
internal static class LegalAidTasks
{
    private static string Link(Guid id) => $"/legal-aid/applications/{id}";

    private static IQueryable<AidApplication> Scoped(IServiceProvider sp, Platform.Cases.Actor actor) =>
        sp.GetRequiredService<FazhiDbContext>().AidApplications.WithinScope(actor.Scope, a => a.DepartmentId, _ => Guid.Empty);

    private static readonly string[] Officers = [LegalAidRoles.AidOfficer];

    public static IEnumerable<TaskDefinition> All =>
    [
        // 第39条: a detained person's request, forwarded within 24 hours.
        new("legalaid.forward", "legalaid.task.forward", Officers, (sp, actor, ct) => Task.FromResult(Scoped(sp, actor).Where(a => a.Status == AidStatus.Forwarding)
            .Select(a => new TaskRow { RecordId = a.Id, Number = a.Number, Title = "legalaid.matter." + a.MatterType.ToString(), Party = a.ApplicantName, PartyIsPerson = true, DueDate = null, Since = a.RequestedAt ?? a.ReceivedAt })), Link),
        // 第43条: decided within 7 days of receipt.
        new("legalaid.review", "legalaid.task.review", Officers, (sp, actor, ct) => Task.FromResult(Scoped(sp, actor).Where(a => a.Status == AidStatus.Received)
            .Select(a => new TaskRow { RecordId = a.Id, Number = a.Number, Title = "legalaid.matter." + a.MatterType.ToString(), Party = a.ApplicantName, PartyIsPerson = true, DueDate = a.ReviewDeadline.DueDate, Since = a.ReceivedAt })), Link),
        // 第43条: a lawyer within 3 days of the decision.
        new("legalaid.assign", "legalaid.task.assign", Officers, (sp, actor, ct) => Task.FromResult(Scoped(sp, actor).Where(a => a.Status == AidStatus.Granted)
            .Select(a => new TaskRow { RecordId = a.Id, Number = a.Number, Title = "legalaid.matter." + a.MatterType.ToString(), Party = a.ApplicantName, PartyIsPerson = true, DueDate = a.AssignDeadline!.DueDate, Since = a.DecidedAt ?? a.ReceivedAt })), Link),
        // 第49条: an objection decided within 5 days, by the justice office.
        new("legalaid.objection", "legalaid.task.objection", [Roles.Supervisor], (sp, actor, ct) => Task.FromResult(Scoped(sp, actor).Where(a => a.ObjectedOn != null && a.ObjectionUpheld == null)
            .Select(a => new TaskRow { RecordId = a.Id, Number = a.Number, Title = "legalaid.matter." + a.MatterType.ToString(), Party = a.ApplicantName, PartyIsPerson = true, DueDate = a.ObjectionDeadline!.DueDate, Since = a.DecidedAt ?? a.ReceivedAt })), Link),
    ];
}
