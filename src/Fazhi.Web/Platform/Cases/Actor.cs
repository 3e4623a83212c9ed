using System.Security.Claims;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Scope;

namespace Fazhi.Web.Platform.Cases;

/// <summary>
/// Who acts and when, the one actor record of every work line: the account (id, user name, name, department, roles,
/// data scope), the instant and its China date, and the working-day calendar that limits are counted on. A case's
/// transitions and guards take it; its record steps keep the account and the name.
/// </summary>
public sealed record Actor(
    Guid? UserId, string UserName, string Name, Guid? DepartmentId, IReadOnlySet<string> Roles, DataScopeFilter Scope,
    DateTime Now, DateOnly Today, WorkingDayCalendar Calendar)
{
    public bool IsIn(string role) => Roles.Contains(role);

    public bool IsInAny(params ReadOnlySpan<string> roles)
    {
        foreach (var role in roles)
        {
            if (Roles.Contains(role))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The department is within the account's data scope. Departments have no owner: the "self" scope acts for none.</summary>
    public bool ActsFor(Guid departmentId) => Scope.Allows(departmentId, ownerId: null);

    /// <summary>Holds <paramref name="role"/> and may act for <paramref name="departmentId"/>.</summary>
    public bool ActsFor(Guid departmentId, string role) => IsIn(role) && ActsFor(departmentId);

    /// <summary>How the record and a 409 name the actor: 王建华（supervisor）.</summary>
    public string Label => Describe(UserName, Name);

    /// <summary>The same instant a little later (a long action asks for a fresh clock before it writes).</summary>
    public Actor At(DateTime now) => this with { Now = now, Today = ChinaTime.DateOf(now) };

    public static string Describe(string userName, string? name) =>
        string.IsNullOrEmpty(name) || name == userName ? userName : $"{name}（{userName}）";

    /// <summary>Someone named in data the program loads itself (the demo town's history), acting at <paramref name="now"/> with every right.</summary>
    public static Actor Seeding(string userName, string name, DateTime now, WorkingDayCalendar calendar) =>
        new(null, userName, name, null, EveryRole.Value, DataScopeFilter.Everything, now, ChinaTime.DateOf(now), calendar);

    private static readonly Lazy<IReadOnlySet<string>> EveryRole = new(() => Modules.ModuleCatalog.Roles.Select(r => r.Code).ToHashSet(StringComparer.Ordinal));

    /// <summary>The program itself (demo seeding, command-line tools, background work), with every right.</summary>
    public static Actor System(TimeProvider time, WorkingDayCalendar calendar, string name = Audit.SystemAuditActor.Name)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return new Actor(null, name, name, null, new HashSet<string>(StringComparer.Ordinal), DataScopeFilter.Everything, now, ChinaTime.DateOf(now), calendar);
    }
}

/// <summary>The signed-in account as an <see cref="Actor"/>, read once per request (the instant is fresh on every call).</summary>
public sealed class ActorSource(IHttpContextAccessor http, DataScopeResolver scopes, TimeProvider time, WorkingDayCalendar calendar)
{
    private Actor? _known;

    public async Task<Actor> CurrentAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (_known is { } known)
        {
            return known.At(now);
        }

        var user = http.HttpContext?.User ?? new ClaimsPrincipal();
        var userName = user.Identity?.Name ?? Audit.SystemAuditActor.Name;
        Guid? id = Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var parsed) ? parsed : null;
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var scope = await scopes.CurrentAsync(ct);
        var staff = id is null ? null : await scopes.StaffAsync(ct);
        var name = string.IsNullOrEmpty(staff?.DisplayName) ? userName : staff.DisplayName;
        _known = new Actor(id, userName, name, staff?.DepartmentId, roles, scope, now, ChinaTime.DateOf(now), calendar);
        return _known;
    }
}
