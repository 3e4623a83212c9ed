namespace Fazhi.Web.Modules.LegalAid;

/// <summary>The roles of legal aid.</summary>
public static class LegalAidRoles
{
    /// <summary>法律援助工作人员 at the centre or a station: logs contacts, receives and decides applications, assigns lawyers.</summary>
    public const string AidOfficer = "aid_officer";
}
