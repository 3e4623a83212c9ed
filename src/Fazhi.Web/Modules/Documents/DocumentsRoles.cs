namespace Fazhi.Web.Modules.Documents;

/// <summary>The roles of the legal office's work line.</summary>
public static class DocumentsRoles
{
    /// <summary>依法治镇办 (the rule-of-law office): plans, legality checks, filing, major decisions' procedure, legal advisors and their opinions.</summary>
    public const string LegalOfficer = "legal_officer";

    /// <summary>起草单位的工作人员: drafts a normative document, its versions, answers the public's comments, asks the advisors for an opinion.</summary>
    public const string Drafter = "document_drafter";
}
