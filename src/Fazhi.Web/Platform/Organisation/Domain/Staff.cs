using Microsoft.AspNetCore.Identity;

namespace Fazhi.Web.Platform.Organisation.Domain;

/// <summary>Which records an account may see (数据权限), counted from its own department.</summary>
public enum DataScope
{
    /// <summary>全部数据</summary>
    All = 0,

    /// <summary>本部门及以下</summary>
    DepartmentAndBelow = 1,

    /// <summary>本部门</summary>
    Department = 2,

    /// <summary>仅本人</summary>
    Self = 3,
}

/// <summary>A staff account: a person of a department with roles and a data scope.</summary>
public sealed class StaffUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public Guid DepartmentId { get; set; }

    public DataScope DataScope { get; set; } = DataScope.Department;

    public bool IsActive { get; set; } = true;
}

/// <summary>
/// The platform's own roles. Each work line declares its own (<c>FazhiModule.DeclaredRoles</c>); <see cref="All"/> is every
/// module's. Codes are stable; the UI shows their localized names.
/// </summary>
public static class Roles
{
    public const string Administrator = "administrator";

    /// <summary>Town leadership and the supervision office: every work line's alerts, figures and approvals.</summary>
    public const string Supervisor = "supervisor";

    public static IReadOnlyList<string> All => [.. Modules.ModuleCatalog.Roles.Select(r => r.Code)];
}
