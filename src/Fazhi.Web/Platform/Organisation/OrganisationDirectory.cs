using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Organisation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Fazhi.Web.Platform.Organisation;

/// <summary>A node of the organisation tree as other parts of the platform see it.</summary>
public sealed record OrgUnit(Guid Id, string Code, string Name, OrgNodeKind Kind, Guid? ParentId, bool IsActive, bool EnforcesLaw);

/// <summary>A numbered window of the citizen service centre.</summary>
/// <summary>A member of the staff list: an active account, by name and department.</summary>
public sealed record StaffMember(Guid Id, string UserName, string Name, Guid DepartmentId);

public sealed record ServiceWindow(Guid Id, int Number, string Name, bool IsActive);

/// <summary>
/// The organisation's public face: modules ask it for departments, names and windows instead of reading
/// the organisation's tables. Names are kept until the organisation changes (told by the database on PostgreSQL,
/// <see cref="ChangeSignals"/>) or, where nothing tells, for 30 seconds; checks that guard a write read the database.
/// </summary>
public sealed class OrganisationDirectory
{
    private readonly Func<FazhiDbContext> _db;
    private readonly IMemoryCache cache;
    private readonly ChangeSignals? _signals;

    /// <summary>
    /// The request's directory. Its database context is resolved only when the database is read: the cached
    /// look-ups (the public progress page's department names) make no context at all.
    /// </summary>
    public OrganisationDirectory(IServiceProvider services, IMemoryCache cache, ChangeSignals signals)
        : this(services.GetRequiredService<FazhiDbContext>, cache, signals)
    {
    }

    private OrganisationDirectory(Func<FazhiDbContext> db, IMemoryCache cache, ChangeSignals? signals) => (_db, this.cache, _signals) = (db, cache, signals);

    /// <summary>A directory that reads through <paramref name="db"/>, for a caller inside its own write transaction.</summary>
    public static OrganisationDirectory Over(FazhiDbContext db, IMemoryCache cache) => new(() => db, cache, null);

    private FazhiDbContext Db => _db();

    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(30);

    /// <summary>Keeps an entry until the organisation changes, or for <paramref name="polled"/> where nothing tells.</summary>
    private void Keep(ICacheEntry entry, TimeSpan polled)
    {
        if (_signals is null)
        {
            entry.AbsoluteExpirationRelativeToNow = polled;
        }
        else
        {
            _signals.Keep(entry, ChangeSignals.Organisation, polled);
        }
    }

    /// <summary>Every node, keyed by id (cached briefly).</summary>
    public async Task<IReadOnlyDictionary<Guid, OrgUnit>> UnitsAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync("org-units", async e =>
        {
            Keep(e, Fresh);
            return (IReadOnlyDictionary<Guid, OrgUnit>)await Db.OrgNodes.AsNoTracking()
                .Select(n => new OrgUnit(n.Id, n.Code, n.Name, n.Kind, n.ParentId, n.IsActive, n.EnforcesLaw))
                .ToDictionaryAsync(n => n.Id, ct);
        }))!;

    /// <summary>The names of every node, keyed by id.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync("org-names", async e =>
        {
            Keep(e, Fresh);
            return (IReadOnlyDictionary<Guid, string>)(await UnitsAsync(ct)).Values.ToDictionary(u => u.Id, u => u.Name);
        }))!;

    public async Task<string?> NameAsync(Guid id, CancellationToken ct = default) =>
        (await NamesAsync(ct)).TryGetValue(id, out var name) ? name : await Db.OrgNodes.Where(n => n.Id == id).Select(n => n.Name).FirstOrDefaultAsync(ct);

    /// <summary>The node with this code, read from the database (imports use it right after creating nodes).</summary>
    public async Task<OrgUnit?> ByCodeAsync(string code, CancellationToken ct = default) =>
        await Db.OrgNodes.AsNoTracking().Where(n => n.Code == code)
            .Select(n => new OrgUnit(n.Id, n.Code, n.Name, n.Kind, n.ParentId, n.IsActive, n.EnforcesLaw)).FirstOrDefaultAsync(ct);

    /// <summary>Node ids by code, read from the database.</summary>
    public async Task<Dictionary<string, Guid>> IdsByCodeAsync(CancellationToken ct = default) =>
        await Db.OrgNodes.AsNoTracking().ToDictionaryAsync(n => n.Code, n => n.Id, StringComparer.OrdinalIgnoreCase, ct);

    /// <summary>Node codes by id, read from the database.</summary>
    public async Task<Dictionary<Guid, string>> CodesAsync(CancellationToken ct = default) =>
        await Db.OrgNodes.AsNoTracking().ToDictionaryAsync(n => n.Id, n => n.Code, ct);

    /// <summary>Whether every id names an active node.</summary>
    public async Task<bool> AllActiveAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        var distinct = ids.Distinct().ToList();
        return await Db.OrgNodes.CountAsync(n => distinct.Contains(n.Id) && n.IsActive, ct) == distinct.Count;
    }

    public Task<bool> ExistsAsync(Guid id, CancellationToken ct = default) => Db.OrgNodes.AnyAsync(n => n.Id == id, ct);

    /// <summary>The town's code (the root of the tree), e.g. <c>TX</c>; null before a town exists.</summary>
    public async Task<string?> TownCodeAsync(CancellationToken ct = default) =>
        await cache.GetOrCreateAsync("town-code", async e =>
        {
            Keep(e, TimeSpan.FromMinutes(5));
            return await Db.OrgNodes.Where(n => n.Kind == OrgNodeKind.Town).Select(n => n.Code).FirstOrDefaultAsync(ct);
        });

    /// <summary>The windows of the citizen service centre, by number.</summary>
    public async Task<IReadOnlyList<ServiceWindow>> WindowsAsync(CancellationToken ct = default) =>
        await Db.Windows.AsNoTracking().OrderBy(w => w.Number).Select(w => new ServiceWindow(w.Id, w.Number, w.Name, w.IsActive)).ToListAsync(ct);

    /// <summary>Whether the window is open for intake (the open windows are cached briefly; an unknown id is checked in the database).</summary>
    public async Task<bool> IsOpenWindowAsync(Guid id, CancellationToken ct = default)
    {
        var open = await cache.GetOrCreateAsync("open-windows", async e =>
        {
            Keep(e, Fresh);
            return await Db.Windows.AsNoTracking().Where(w => w.IsActive).Select(w => w.Id).ToListAsync(ct);
        });
        return open!.Contains(id) || await Db.Windows.AnyAsync(w => w.Id == id && w.IsActive, ct);
    }

    /// <summary>The department of a staff account (cached briefly).</summary>
    public async Task<Guid?> DepartmentOfAsync(Guid staffId, CancellationToken ct = default) =>
        await cache.GetOrCreateAsync(("staff-department", staffId), async e =>
        {
            Keep(e, Fresh);
            return await Db.Users.Where(u => u.Id == staffId).Select(u => (Guid?)u.DepartmentId).FirstOrDefaultAsync(ct);
        });

    /// <summary>
    /// The staff list: every active account by department and name (a town's few hundred), for a work line that lists people
    /// (study attendees, exam candidates) without reading the accounts' table.
    /// </summary>
    public async Task<IReadOnlyList<StaffMember>> StaffAsync(CancellationToken ct = default) =>
        await Db.Users.AsNoTracking().Where(u => u.IsActive).OrderBy(u => u.DepartmentId).ThenBy(u => u.DisplayName)
            .Select(u => new StaffMember(u.Id, u.UserName ?? "", u.DisplayName, u.DepartmentId)).ToListAsync(ct);

    /// <summary>A staff account's display name by id, or null.</summary>
    public Task<string?> DisplayNameAsync(Guid staffId, CancellationToken ct = default) =>
        Db.Users.AsNoTracking().Where(u => u.Id == staffId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);

    /// <summary>A staff account's id by user name, or null.</summary>
    public Task<Guid?> StaffIdAsync(string userName, CancellationToken ct = default) =>
        Db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);

    /// <summary>A staff account's display name by user name, or null.</summary>
    public Task<string?> DisplayNameAsync(string userName, CancellationToken ct = default) =>
        Db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
}
