using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Platform.Cases;

/// <summary>
/// A case of a work line (an application, an enforcement case, a mediation case …): an aggregate whose state changes only
/// through named transitions, each of which appends a step to its record. The workflow acts on it through
/// <see cref="CaseWorkflow"/>; its guards give the actions a page offers (<see cref="Workflow.Available{TAction}"/>).
/// </summary>
public interface ICase
{
    Guid Id { get; }

    /// <summary>The department whose case it is: the data scope, the alerts and the idempotency keys go by it.</summary>
    Guid DepartmentId { get; }

    /// <summary>The steps of its record, loaded with the case.</summary>
    IReadOnlyList<CaseStep> Record { get; }
}

/// <summary>
/// What every step on a case sends besides its own fields: how many steps of the record the caller's page showed
/// (<c>seenEvents</c>). When someone acted since, the step is refused with 409 <c>case.acted_by</c> naming them; left out,
/// the step is judged against the case as the server finds it.
/// </summary>
public abstract record StepRequest
{
    public int? SeenEvents { get; init; }
}

/// <summary>The actions of a case: the same guards refuse a transition and leave it out of what a page offers.</summary>
public static class Workflow
{
    /// <summary>The actions whose guard passes now, in their declared order.</summary>
    public static IReadOnlyList<TAction> Available<TAction>(Func<TAction, DomainException?> guard)
        where TAction : struct, Enum =>
        [.. Enum.GetValues<TAction>().Where(a => guard(a) is null)];

    /// <summary>Throws the guard's refusal, if any: the first line of every transition.</summary>
    public static void Check(DomainException? refusal)
    {
        if (refusal is not null)
        {
            throw refusal;
        }
    }

    /// <summary>A guard that refuses unless <paramref name="ok"/>.</summary>
    public static DomainException? Unless(bool ok, string code, string field = "action", ErrorKind kind = ErrorKind.Conflict, params object[] args) =>
        ok ? null : new DomainException(code, field, kind, args);

    /// <summary>The number of the next step of a record.</summary>
    public static int NextSequence(IReadOnlyList<CaseStep> record) => record.Count == 0 ? 1 : record.Max(s => s.Sequence) + 1;
}
