namespace Fazhi.Web.Modules.Publicity;

/// <summary>The roles the publicity work line declares.</summary>
public static class PublicityRoles
{
    /// <summary>普法专员 of the legal office: confirms the monthly reports, keeps the lists, the study record, the exam, the duty reports and the town's letters.</summary>
    public const string Officer = "publicity_officer";

    /// <summary>A community's or department's publicity reporter: its events, posts, monthly reports, duty report and its businesses' letters.</summary>
    public const string Reporter = "publicity_reporter";
}
