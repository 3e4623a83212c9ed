namespace Fazhi.Web.Modules.Services;

/// <summary>The roles of the one door.</summary>
public static class ServicesRoles
{
    /// <summary>窗口人员: intake, correction notices, receipts, delivery.</summary>
    public const string WindowClerk = "window_clerk";

    /// <summary>审批人员: reviews and decides the applications of their department.</summary>
    public const string Reviewer = "reviewer";
}
