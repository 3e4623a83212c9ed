using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Identity;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Organisation.Features;

public sealed record StaffDto(
    Guid Id, string UserName, string DisplayName, Guid DepartmentId, string DepartmentName,
    IReadOnlyList<string> Roles, DataScope DataScope, string? Phone, bool IsActive, DateTime? LockedOutUntil, string ConcurrencyStamp);

public sealed record CreateStaffRequest(string? UserName, string? DisplayName, Guid? DepartmentId, IReadOnlyList<string>? Roles, DataScope? DataScope, string? Phone, string? Password);

public sealed record UpdateStaffRequest(string? DisplayName, Guid? DepartmentId, IReadOnlyList<string>? Roles, DataScope? DataScope, string? Phone, bool IsActive = true, string? ConcurrencyStamp = null);

public sealed record ResetPasswordRequest(string? Password);

public sealed record StaffQuery(string? Q, Guid? DepartmentId, string? Role, int Page = 1, int PageSize = 50);

/// <summary>
/// Staff accounts. Every read goes through the caller's data scope: an account outside it is
/// "not found", exactly like one that does not exist.
/// </summary>
public sealed class StaffService(FazhiDbContext db, UserManager<StaffUser> users, DataScopeResolver scopes, TimeProvider time, IHttpContextAccessor http)
{
    private async Task<IQueryable<StaffUser>> VisibleAsync(CancellationToken ct) =>
        db.Users.AsNoTracking().WithinScope(await scopes.CurrentAsync(ct), u => u.DepartmentId, u => u.Id);

    public async Task<Paged<StaffDto>> ListAsync(StaffQuery q, CancellationToken ct = default)
    {
        var query = await VisibleAsync(ct);
        if (!string.IsNullOrWhiteSpace(q.Q))
        {
            var term = q.Q.Trim();
            // Phones are encrypted at rest: the search reads names only.
            query = query.Where(u => u.UserName!.Contains(term) || u.DisplayName.Contains(term));
        }

        if (q.DepartmentId is { } dept)
        {
            query = query.Where(u => u.DepartmentId == dept);
        }

        if (!string.IsNullOrWhiteSpace(q.Role))
        {
            var roleId = await db.Roles.Where(r => r.Name == q.Role).Select(r => r.Id).FirstOrDefaultAsync(ct);
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == roleId));
        }

        var rows = await query.OrderBy(u => u.UserName).ToPageAsync(q.Page, q.PageSize, ct);
        return rows.With(await ToDtosAsync([.. rows.Items], ct));
    }

    public async Task<StaffDto> GetAsync(Guid id, CancellationToken ct = default)
    {
        var user = await (await VisibleAsync(ct)).SingleOrDefaultAsync(u => u.Id == id, ct) ?? throw DomainException.NotFound();
        return (await ToDtosAsync([user], ct))[0];
    }

    public async Task<StaffDto> CreateAsync(CreateStaffRequest r, CancellationToken ct = default)
    {
        var v = new Validator()
            .Required("userName", r.UserName, 50)
            .Check(r.UserName is null || System.Text.RegularExpressions.Regex.IsMatch(r.UserName.Trim(), "^[A-Za-z0-9._-]{2,50}$"), "userName", "staff.username_format")
            .Required("password", r.Password, 128);
        CheckCommon(v, r.DisplayName, r.DepartmentId, r.Roles, r.DataScope, r.Phone);
        await CheckPasswordAsync(v, r.Password);
        v.ThrowIfInvalid();
        await CheckDepartmentAsync(r.DepartmentId!.Value, ct);
        if (await users.FindByNameAsync(r.UserName!.Trim()) is not null)
        {
            throw new DomainException("staff.username_taken", "userName", ErrorKind.Conflict, r.UserName.Trim());
        }

        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = r.UserName.Trim(),
            DisplayName = r.DisplayName!.Trim(),
            DepartmentId = r.DepartmentId.Value,
            DataScope = r.DataScope!.Value,
            PhoneNumber = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim(),
            LockoutEnabled = true,
        };
        await using var tx = await db.BeginWriteAsync(ct);
        Check(await users.CreateAsync(user, r.Password!));
        Check(await users.AddToRolesAsync(user, r.Roles!.Distinct()));
        await tx.CommitAsync(ct);
        return await GetAsync(user.Id, ct);
    }

    public async Task<StaffDto> UpdateAsync(Guid id, UpdateStaffRequest r, CancellationToken ct = default)
    {
        _ = await GetAsync(id, ct); // 404 when outside the caller's scope
        var user = await users.FindByIdAsync(id.ToString()) ?? throw DomainException.NotFound();
        r = r with { Phone = Privacy.Masking.PhoneKept(r.Phone, user.PhoneNumber) };
        var v = new Validator();
        CheckCommon(v, r.DisplayName, r.DepartmentId, r.Roles, r.DataScope, r.Phone);
        v.ThrowIfInvalid();
        await CheckDepartmentAsync(r.DepartmentId!.Value, ct);
        if (r.ConcurrencyStamp is not null && r.ConcurrencyStamp != user.ConcurrencyStamp)
        {
            throw new DomainException("concurrency_conflict", "concurrencyStamp", ErrorKind.Conflict);
        }

        user.DisplayName = r.DisplayName!.Trim();
        user.DepartmentId = r.DepartmentId.Value;
        user.DataScope = r.DataScope!.Value;
        user.PhoneNumber = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim();
        user.IsActive = r.IsActive;
        await using var tx = await db.BeginWriteAsync(ct);
        Check(await users.UpdateAsync(user));
        var current = await users.GetRolesAsync(user);
        var wanted = r.Roles!.Distinct().ToList();
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)));
        Check(await users.AddToRolesAsync(user, wanted.Except(current)));
        if (!r.IsActive)
        {
            // A switched-off account loses its open sessions at the next security-stamp check.
            Check(await users.UpdateSecurityStampAsync(user));
        }

        await tx.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task ResetPasswordAsync(Guid id, ResetPasswordRequest r, CancellationToken ct = default)
    {
        _ = await GetAsync(id, ct);
        var v = new Validator().Required("password", r.Password, 128);
        await CheckPasswordAsync(v, r.Password);
        v.ThrowIfInvalid();
        var user = await users.FindByIdAsync(id.ToString()) ?? throw DomainException.NotFound();
        await using var tx = await db.BeginWriteAsync(ct);
        Check(await users.RemovePasswordAsync(user));
        Check(await users.AddPasswordAsync(user, r.Password!));
        Check(await users.SetLockoutEndDateAsync(user, null));
        Check(await users.ResetAccessFailedCountAsync(user));
        await tx.CommitAsync(ct);
    }

    /// <summary>Every rule of the password policy the password breaks, as field errors.</summary>
    public async Task CheckPasswordAsync(Validator v, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return;
        }

        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, new StaffUser(), password);
            foreach (var e in result.Errors)
            {
                v.Check(false, "password", e.Code switch
                {
                    "PasswordTooShort" => "password_too_short",
                    "password_classes" => "password_classes",
                    _ => "password_weak",
                });
            }
        }
    }

    public static void CheckCommon(Validator v, string? displayName, Guid? departmentId, IReadOnlyList<string>? roles, DataScope? scope, string? phone)
    {
        v.Required("displayName", displayName, 50)
            .Check(departmentId is not null, "departmentId", "required")
            .Check(roles is { Count: > 0 }, "roles", "staff.role_required")
            .Check(roles is null || roles.All(Roles.All.Contains), "roles", "staff.role_unknown")
            .Check(scope is not null && Enum.IsDefined(scope.Value), "dataScope", "required")
            .Check(string.IsNullOrWhiteSpace(phone) || Privacy.Identifiers.IsPhone(phone), "phone", "phone_format");
    }

    private async Task CheckDepartmentAsync(Guid departmentId, CancellationToken ct)
    {
        if (!await db.OrgNodes.AnyAsync(n => n.Id == departmentId && n.IsActive, ct))
        {
            throw new DomainException("staff.department_missing", "departmentId");
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new DomainException("staff.identity_error", null, ErrorKind.Invalid, string.Join("; ", result.Errors.Select(e => e.Code)));
        }
    }

    private async Task<List<StaffDto>> ToDtosAsync(List<StaffUser> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join role in db.Roles on ur.RoleId equals role.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, role.Name }).ToListAsync(ct);
        var deptIds = rows.Select(r => r.DepartmentId).Distinct().ToList();
        var depts = await db.OrgNodes.AsNoTracking().Where(n => deptIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        var now = time.GetUtcNow();
        var full = http.HttpContext?.User.IsInRole(Roles.Administrator) ?? true;
        return rows.Select(u => new StaffDto(
            u.Id, u.UserName!, u.DisplayName, u.DepartmentId, depts.GetValueOrDefault(u.DepartmentId, ""),
            [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order()],
            // Staff phones are personal data: administrators, who keep the accounts, read them in full; others masked.
            u.DataScope, full ? u.PhoneNumber : Privacy.Masking.Phone(u.PhoneNumber) is { Length: > 0 } masked ? masked : null, u.IsActive,
            u.LockoutEnd is { } end && end > now ? end.UtcDateTime : null,
            u.ConcurrencyStamp ?? "")).ToList();
    }
}

public static class StaffApi
{
    public static RouteGroupBuilder MapStaff(this RouteGroupBuilder org)
    {
        org.MapGet("/staff", async ([AsParameters] StaffQuery q, StaffService s) => TypedResults.Ok(await s.ListAsync(q)))
            .WithSummary("Staff accounts within the caller's data scope, paged.");
        org.MapGet("/staff/{id:guid}", async (Guid id, StaffService s) => TypedResults.Ok(await s.GetAsync(id)))
            .WithSummary("One staff account (phone masked).");
        org.MapPost("/staff", Create).RequireAuthorization(OrganisationSetup.ManagePolicy)
            .WithSummary("Create a staff account with its department, roles, data scope and first password.");
        org.MapPut("/staff/{id:guid}", async (Guid id, UpdateStaffRequest r, StaffService s) => TypedResults.Ok(await s.UpdateAsync(id, r)))
            .RequireAuthorization(OrganisationSetup.ManagePolicy)
            .WithSummary("Change an account's name, department, roles, data scope or phone, or deactivate it.");
        org.MapPost("/staff/{id:guid}/password", async (Guid id, ResetPasswordRequest r, StaffService s) =>
        {
            await s.ResetPasswordAsync(id, r);
            return TypedResults.NoContent();
        }).RequireAuthorization(OrganisationSetup.ManagePolicy)
            .WithSummary("Set a new password for an account (the password policy applies).");
        return org;
    }

    private static async Task<Created<StaffDto>> Create(CreateStaffRequest r, StaffService s)
    {
        var staff = await s.CreateAsync(r);
        return TypedResults.Created($"/api/org/staff/{staff.Id}", staff);
    }
}
