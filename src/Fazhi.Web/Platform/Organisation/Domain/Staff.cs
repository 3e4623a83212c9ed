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

/// <summary>The roles the platform knows. Codes are stable; the UI shows their localized names.</summary>
public static class Roles
{
    public const string Administrator = "administrator";
    public const string WindowClerk = "window_clerk";
    public const string Reviewer = "reviewer";
    public const string Supervisor = "supervisor";
    public const string EnforcementOfficer = "enforcement_officer";
    public const string LegalityReviewer = "legality_reviewer";
    public const string Mediator = "mediator";
    public const string LegalAidStaff = "legal_aid_staff";
    public const string PetitionStaff = "petition_staff";

    public static readonly IReadOnlyList<string> All =
    [
        Administrator, WindowClerk, Reviewer, Supervisor, EnforcementOfficer,
        LegalityReviewer, Mediator, LegalAidStaff, PetitionStaff,
    ];
}
