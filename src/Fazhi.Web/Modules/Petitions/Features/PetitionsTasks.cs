using Fazhi.Web.Modules.Petitions.Data;
using Fazhi.Web.Modules.Petitions.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Petitions.Features;

/// <summary>The work waiting for the petition office, the receiving bodies and the town's leadership.</summary>
internal static class PetitionsTasks
{
    private static string Link(Guid id) => $"/petitions/{id}";

    private static IQueryable<Petition> Scoped(IServiceProvider sp, Platform.Cases.Actor actor) =>
        sp.GetRequiredService<FazhiDbContext>().Petitions.WithinScope(actor.Scope, p => p.DepartmentId, p => p.HandlerDepartmentId, _ => Guid.Empty);

    private static readonly string[] Office = [PetitionsRoles.PetitionOfficer];

    private static readonly string[] Handlers = [PetitionsRoles.Handler, PetitionsRoles.PetitionOfficer];

    public static IEnumerable<TaskDefinition> All =>
    [
        // 第22条: routed (and its acceptance told) within 15 days of receipt.
        new("petitions.route", "petitions.task.route", Office, (sp, actor, ct) => Task.FromResult(Scoped(sp, actor).Where(p => p.Status == PetitionStatus.Registered)
            .Select(p => new TaskRow { RecordId = p.Id, Number = p.Number, Title = "petitions.category." + p.Category.ToString(), Party = p.PetitionerName, PartyIsPerson = true, DueDate = p.RouteDeadline.DueDate, Since = p.ReceivedAt })), Link),
        // 第23条: the receiving body accepts in writing, or sends back what is not its own within 5 working days.
        new("petitions.decide", "petitions.task.decide", [PetitionsRoles.Handler], (sp, actor, ct) => Task.FromResult(Scoped(sp, actor).Where(p => p.Status == PetitionStatus.Routed && actor.DepartmentId != null && p.HandlerDepartmentId == actor.DepartmentId)
            .Select(p => new TaskRow { RecordId = p.Id, Number = p.Number, Title = "petitions.category." + p.Category.ToString(), Party = p.PetitionerName, PartyIsPerson = true, DueDate = p.RouteDeadline.DueDate, Since = p.RoutedAt ?? p.ReceivedAt })), Link),
        // 第32条: the written opinion within 60 days of acceptance.
        new("petitions.answer", "petitions.task.answer", Handlers, (sp, actor, ct) => Task.FromResult(Scoped(sp, actor).Where(p => p.Status == PetitionStatus.Accepted
                && ((p.HandlerDepartmentId == Guid.Empty && p.DepartmentId == actor.DepartmentId) || p.HandlerDepartmentId == actor.DepartmentId))
            .Select(p => new TaskRow { RecordId = p.Id, Number = p.Number, Title = "petitions.category." + p.Category.ToString(), Party = p.PetitionerName, PartyIsPerson = true, DueDate = p.AnswerDeadline!.DueDate, Since = p.DecidedAt ?? p.ReceivedAt })), Link),
        // 第35条: a review decided within 30 days by the body above.
        new("petitions.review", "petitions.task.review", [Roles.Supervisor], (sp, actor, ct) => Task.FromResult(Scoped(sp, actor).Where(p => p.Status == PetitionStatus.ReviewRequested)
            .Select(p => new TaskRow { RecordId = p.Id, Number = p.Number, Title = "petitions.category." + p.Category.ToString(), Party = p.PetitionerName, PartyIsPerson = true, DueDate = p.ReviewDeadline!.DueDate, Since = p.ReviewRequestedAt ?? p.ReceivedAt })), Link),
        // 第36条: the re-review's decision recorded within 30 days.
        new("petitions.rereview", "petitions.task.rereview", Office, (sp, actor, ct) => Task.FromResult(Scoped(sp, actor).Where(p => p.Status == PetitionStatus.ReReviewRequested)
            .Select(p => new TaskRow { RecordId = p.Id, Number = p.Number, Title = "petitions.category." + p.Category.ToString(), Party = p.PetitionerName, PartyIsPerson = true, DueDate = p.ReReviewDeadline!.DueDate, Since = p.ReReviewRequestedAt ?? p.ReceivedAt })), Link),
        // 第40条: the written answer to an oversight.
        new("petitions.oversight", "petitions.task.oversight", [PetitionsRoles.Handler], (sp, actor, ct) => Task.FromResult(Scoped(sp, actor).Where(p => p.HandlerDepartmentId == actor.DepartmentId && p.Oversights.Any(o => o.AnsweredAt == null))
            .Select(p => new TaskRow { RecordId = p.Id, Number = p.Number, Title = "petitions.category." + p.Category.ToString(), Party = p.PetitionerName, PartyIsPerson = true, DueDate = p.Oversights.Where(o => o.AnsweredAt == null).Select(o => (DateOnly?)o.Clock.DueDate).Min(), Since = p.ReceivedAt })), Link),
    ];
}
