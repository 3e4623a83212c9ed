using System.Linq.Expressions;
using System.Security.Claims;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Scope;

/// <summary>
/// What the current account may see: everything, a set of departments, or only its own records.
/// Every module filters its queries through <see cref="DataScopeQueryExtensions.WithinScope"/>, so the
/// rule holds for every endpoint and page, not only the ones that remember it.
/// </summary>
public sealed record DataScopeFilter(bool All, IReadOnlyList<Guid> DepartmentIds, Guid UserId, bool SelfOnly)
{
    public static readonly DataScopeFilter Nothing = new(false, [], Guid.Empty, false);

    public static readonly DataScopeFilter Everything = new(true, [], Guid.Empty, false);

    public bool Allows(Guid departmentId, Guid? ownerId) =>
        All || (SelfOnly ? ownerId == UserId : DepartmentIds.Contains(departmentId));
}

public static class DataScopeQueryExtensions
{
    /// <summary>
    /// Keeps only the rows the scope opens. <paramref name="department"/> picks the department that
    /// owns a row; <paramref name="owner"/> the staff member it belongs to (for the "self" scope).
    /// </summary>
    public static IQueryable<T> WithinScope<T>(
        this IQueryable<T> query,
        DataScopeFilter scope,
        Expression<Func<T, Guid>> department,
        Expression<Func<T, Guid>> owner)
    {
        if (scope.All)
        {
            return query;
        }

        if (scope.SelfOnly)
        {
            var userId = scope.UserId;
            return query.Where(Rebind(owner, body => Expression.Equal(body, Expression.Constant(userId))));
        }

        var ids = scope.DepartmentIds.ToList();
        Expression<Func<Guid, bool>> contains = id => ids.Contains(id);
        return query.Where(Rebind(department, body =>
            new ParameterSwap(contains.Parameters[0], body).Visit(contains.Body)));
    }

    /// <summary>
    /// As above for a record that belongs to two departments at once (an application belongs to the
    /// department that decides it and to the one whose window took it in): either one opens it.
    /// </summary>
    public static IQueryable<T> WithinScope<T>(
        this IQueryable<T> query,
        DataScopeFilter scope,
        Expression<Func<T, Guid>> department,
        Expression<Func<T, Guid>> otherDepartment,
        Expression<Func<T, Guid>> owner)
    {
        if (scope.All || scope.SelfOnly)
        {
            return query.WithinScope(scope, department, owner);
        }

        var ids = scope.DepartmentIds.ToList();
        var p = department.Parameters[0];
        var second = new ParameterSwap(otherDepartment.Parameters[0], p).Visit(otherDepartment.Body);
        Expression<Func<Guid, bool>> contains = id => ids.Contains(id);
        var test = Expression.OrElse(
            new ParameterSwap(contains.Parameters[0], department.Body).Visit(contains.Body),
            new ParameterSwap(contains.Parameters[0], second).Visit(contains.Body));
        return query.Where(Expression.Lambda<Func<T, bool>>(test, p));
    }

    private static Expression<Func<T, bool>> Rebind<T>(Expression<Func<T, Guid>> selector, Func<Expression, Expression> test) =>
        Expression.Lambda<Func<T, bool>>(test(selector.Body), selector.Parameters);

    private sealed class ParameterSwap(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}

/// <summary>The signed-in staff account as its row says now: name, department and data scope.</summary>
public sealed record SignedInStaff(Guid Id, string? DisplayName, Guid DepartmentId, DataScope DataScope);

/// <summary>
/// Works out the current account's <see cref="DataScopeFilter"/>, once per request, from one read of its row (which also
/// gives the <see cref="Cases.ActorSource"/> its name and department); the tree below a department comes from the
/// directory's short cache.
/// </summary>
public sealed class DataScopeResolver(FazhiDbContext db, IHttpContextAccessor accessor, OrganisationDirectory directory)
{
    private DataScopeFilter? _resolved;
    private SignedInStaff? _staff;

    /// <summary>The signed-in account's row, read once per request; null for no account or an inactive one.</summary>
    public async Task<SignedInStaff?> StaffAsync(CancellationToken ct = default)
    {
        await CurrentAsync(ct);
        return _staff;
    }

    public async Task<DataScopeFilter> CurrentAsync(CancellationToken ct = default)
    {
        if (_resolved is not null)
        {
            return _resolved;
        }

        var principal = accessor.HttpContext?.User;
        if (principal is null || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            return _resolved = DataScopeFilter.Nothing;
        }

        _staff = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive)
            .Select(u => new SignedInStaff(u.Id, u.DisplayName, u.DepartmentId, u.DataScope))
            .SingleOrDefaultAsync(ct);
        if (_staff is null)
        {
            return _resolved = DataScopeFilter.Nothing;
        }

        return _resolved = await ForAsync(userId, _staff.DepartmentId, _staff.DataScope, principal.IsInRole(Roles.Administrator), ct);
    }

    public async Task<DataScopeFilter> ForAsync(Guid userId, Guid departmentId, DataScope scope, bool isAdministrator, CancellationToken ct = default)
    {
        // Administrators manage the whole town whatever scope their account carries.
        if (isAdministrator || scope == DataScope.All)
        {
            return new DataScopeFilter(true, [], userId, false);
        }

        return scope switch
        {
            DataScope.Self => new DataScopeFilter(false, [], userId, true),
            DataScope.Department => new DataScopeFilter(false, [departmentId], userId, false),
            _ => new DataScopeFilter(false, await SubtreeAsync(departmentId, ct), userId, false),
        };
    }

    private async Task<List<Guid>> SubtreeAsync(Guid rootId, CancellationToken ct)
    {
        var children = (await directory.UnitsAsync(ct)).Values.Where(u => u.ParentId is not null).ToLookup(u => u.ParentId!.Value, u => u.Id);
        var result = new List<Guid> { rootId };
        for (var i = 0; i < result.Count; i++)
        {
            result.AddRange(children[result[i]]);
        }

        return result;
    }
}
