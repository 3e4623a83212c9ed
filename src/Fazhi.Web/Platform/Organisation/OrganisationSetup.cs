using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Organisation.Features;

namespace Fazhi.Web.Platform.Organisation;

/// <summary>Town, departments, units, communities, windows, staff and roles.</summary>
public static class OrganisationSetup
{
    public const string ManagePolicy = "org.manage";

    public static WebApplicationBuilder AddOrganisation(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<OrgNodeService>();
        builder.Services.AddScoped<WindowService>();
        builder.Services.AddScoped<StaffService>();
        builder.Services.AddScoped<OrganisationLedger>();
        builder.Services.AddScoped<OrganisationDirectory>();
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
