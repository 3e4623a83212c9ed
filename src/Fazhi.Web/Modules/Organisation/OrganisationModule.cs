using Fazhi.Web.Modules.Organisation.Domain;
using Fazhi.Web.Modules.Organisation.Features;

namespace Fazhi.Web.Modules.Organisation;

/// <summary>Town, departments, units, communities, windows, staff and roles.</summary>
public static class OrganisationModule
{
    public const string ManagePolicy = "org.manage";

    public static WebApplicationBuilder AddOrganisation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrgNodeService>();
        builder.Services.AddScoped<WindowService>();
        builder.Services.AddScoped<StaffService>();
        builder.Services.AddScoped<OrganisationLedger>();
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(ManagePolicy, p => p.RequireRole(Roles.Administrator));
        return builder;
    }

    public static IEndpointRouteBuilder MapOrganisation(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/org").WithTags("Organisation").RequireAuthorization()
            .MapOrgNodes()
            .MapWindows()
            .MapStaff()
            .MapOrganisationLedger();
        return app;
    }
}
