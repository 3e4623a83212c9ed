namespace Fazhi.Web.Modules.Petitions;

/// <summary>The roles of the petitions work line.</summary>
public static class PetitionsRoles
{
    /// <summary>信访办工作人员: receives and enters petitions, routes them, refers visits to mediation, records reviews, oversees; may open a sealed accuser's identity.</summary>
    public const string PetitionOfficer = "petition_officer";

    /// <summary>承办单位的信访联络员: in a receiving body, accepts or sends back what was routed to it, answers with the written opinion and answers oversight.</summary>
    public const string Handler = "petition_handler";
}
