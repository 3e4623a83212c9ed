using System.Security.Claims;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Tasks;

/// <summary>
/// One piece of waiting work as the task list shows it: the record, who it concerns, and by when. Every member is
/// required, so a module's projection sets each one (null where it has none) and the platform can filter and order on
/// any of them in the database. <see cref="Title"/> may be a string key (shown translated).
/// </summary>
public sealed record TaskRow
{
    public required Guid RecordId { get; init; }

    public required string Number { get; init; }

    /// <summary>What it is about (an item, a matter, a dispute type); no personal data.</summary>
    public required string Title { get; init; }

    public required string? Party { get; init; }

    /// <summary>The party is a person: the list shows the name masked.</summary>
    public required bool PartyIsPerson { get; init; }

    /// <summary>When the work is due; null when no limit runs.</summary>
    public required DateOnly? DueDate { get; init; }

    /// <summary>Since when it waits.</summary>
    public required DateTime Since { get; init; }
}

/// <summary>
/// A kind of work waiting for a role, declared by its module ("cases awaiting my legality review"). Its query gives the
/// rows waiting for the actor, within their data scope; the platform counts them on the home page and lists every kind
/// on <c>/tasks</c>, oldest deadline first.
/// </summary>
public sealed class TaskDefinition(
    string key, string titleKey, IReadOnlyList<string> roles, Func<IServiceProvider, Actor, CancellationToken, Task<IQueryable<TaskRow>>> query, Func<Guid, string> link)
{
    /// <summary>Module-prefixed, e.g. <c>enforcement.review</c>.</summary>
    public string Key { get; } = key;

    public string TitleKey { get; } = titleKey;

    public IReadOnlyList<string> Roles { get; } = roles;

    public Func<Guid, string> Link { get; } = link;

    public bool VisibleTo(ClaimsPrincipal user) => Roles.Any(user.IsInRole);

    public Task<IQueryable<TaskRow>> QueryAsync(IServiceProvider services, Actor actor, CancellationToken ct) => query(services, actor, ct);
}

/// <summary>A task kind and how many are waiting.</summary>
public sealed record TaskCount(string Key, string Module, string TitleKey, int Count, DateOnly? OldestDue);

/// <summary>A waiting row with its kind and link, as <c>/tasks</c> lists it.</summary>
public sealed record TaskItem(string Key, string Module, string TitleKey, Guid RecordId, string Number, string Title, string? Party, DateOnly? DueDate, DateTime Since, string Link);

/// <summary>The work waiting for the signed-in account, from every module's task kinds that its roles see.</summary>
public sealed class TaskList(IServiceProvider services, ActorSource actors, IHttpContextAccessor http)
{
    public static IReadOnlyList<(FazhiModule Module, TaskDefinition Task)> All { get; } = [.. ModuleCatalog.All.SelectMany(m => m.Tasks.Select(t => (m, t)))];

    private IEnumerable<(FazhiModule Module, TaskDefinition Task)> Mine
    {
        get
        {
            var user = http.HttpContext?.User ?? new ClaimsPrincipal();
            return All.Where(t => t.Task.VisibleTo(user));
        }
    }

    public async Task<IReadOnlyList<TaskCount>> CountsAsync(CancellationToken ct = default)
    {
        var actor = await actors.CurrentAsync(ct);
        var counts = new List<TaskCount>();
        foreach (var (module, task) in Mine)
        {
            var rows = await task.QueryAsync(services, actor, ct);
            var count = await rows.CountAsync(ct);
            var oldest = count == 0 ? null : await rows.Where(r => r.DueDate != null).MinAsync(r => r.DueDate, ct);
            counts.Add(new TaskCount(task.Key, module.Name, task.TitleKey, count, oldest));
        }

        return counts;
    }

    /// <summary>One page of every waiting row, oldest deadline first (rows without a limit after, oldest first).</summary>
    public async Task<Web.Paged<TaskItem>> ListAsync(string? key, int page, int pageSize = 50, CancellationToken ct = default)
    {
        var actor = await actors.CurrentAsync(ct);
        page = Math.Max(1, page);
        var take = page * pageSize;
        var merged = new List<TaskItem>();
        var total = 0;
        foreach (var (module, task) in Mine.Where(t => key is null || t.Task.Key == key))
        {
            var rows = await task.QueryAsync(services, actor, ct);
            total += await rows.CountAsync(ct);
            var first = await rows.OrderBy(r => r.DueDate == null).ThenBy(r => r.DueDate).ThenBy(r => r.Since).Take(take).ToListAsync(ct);
            merged.AddRange(first.Select(r => new TaskItem(task.Key, module.Name, task.TitleKey, r.RecordId, r.Number, r.Title,
                r.Party is null ? null : r.PartyIsPerson ? Privacy.Masking.Name(r.Party) : r.Party, r.DueDate, r.Since, task.Link(r.RecordId))));
        }

        var ordered = merged.OrderBy(r => r.DueDate is null).ThenBy(r => r.DueDate).ThenBy(r => r.Since).Skip((page - 1) * pageSize).Take(pageSize).ToList();
        return new Web.Paged<TaskItem>(ordered, total, page, pageSize);
    }
}

public static class TaskApi
{
    public static IEndpointRouteBuilder MapTaskApi(this IEndpointRouteBuilder app)
    {
        var tasks = app.MapGroup("/api/tasks").WithTags("Tasks").RequireAuthorization();
        tasks.MapGet("/", async (TaskList list) => TypedResults.Ok(await list.CountsAsync()))
            .WithSummary("The kinds of work waiting for the signed-in account (its roles, its data scope), each with how many and the oldest due date.");
        tasks.MapGet("/items", async (string? kind, int? page, TaskList list) => TypedResults.Ok(await list.ListAsync(kind, page ?? 1)))
            .WithSummary("The waiting work itself, oldest deadline first (rows without a limit after, oldest first); kind: one task kind.");
        return app;
    }
}
