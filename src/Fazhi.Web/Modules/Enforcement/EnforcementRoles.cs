namespace Fazhi.Web.Modules.Enforcement;

/// <summary>The roles of administrative enforcement.</summary>
public static class EnforcementRoles
{
    /// <summary>执法人员 holding a certificate.</summary>
    public const string Officer = "enforcement_officer";

    /// <summary>法制审核人员.</summary>
    public const string LegalityReviewer = "legality_reviewer";
}
