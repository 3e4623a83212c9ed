using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Reports;

namespace Fazhi.Web.Platform;

/// <summary>
/// The platform registers through the same contract as every work line: its own tables (audit,
/// calendar, organisation, identity, deadlines, outbox), strings, menu and the demo town. It comes
/// first, so modules build on what it registers.
/// </summary>
internal sealed class PlatformModule : FazhiModule
{
    public override string Name => "platform";

    public override int Order => 0;

    public override IEnumerable<(string Key, string Zh, string En)> Strings => Localization.Strings.All;

    public override IEnumerable<MenuEntry> Menu =>
    [
        new("/alerts", "nav.alerts", [], 400, "home.alerts_hint"),
        new("/figures", "nav.figures", [Roles.Supervisor, Roles.Reviewer, Roles.Administrator], 410, "home.figures_hint"),
        new("/org", "nav.org", [], 500, "home.org_hint"),
        new("/org/windows", "nav.windows", [], 501, "home.windows_hint"),
        new("/org/staff", "nav.staff", [], 502, "home.staff_hint"),
        new("/calendar", "nav.calendar", [], 503, "home.calendar_hint"),
        new("/org/import", "nav.import", [Roles.Administrator], 910),
        new("/admin/login-log", "nav.loginlog", [Roles.Administrator], 920),
        new("/admin/audit", "nav.audit", [Roles.Administrator], 930),
        new("/api-docs", "nav.api", [], 990),
    ];

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.AddPlatform();
        builder.AddOrganisation();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapPlatformApis();
        app.MapAlertApi();
        app.MapFigureApi();
        app.MapOrganisation();
    }

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DemoTown>().LoadAsync(ct);
}
