namespace Fazhi.Web.Modules.Mediation;

/// <summary>The roles of people's mediation.</summary>
public static class MediationRoles
{
    /// <summary>调解员 with an account: registers and mediates the committee's cases.</summary>
    public const string Mediator = "mediator";
}
