using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Tasks;

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

    private static readonly string[] Overseers = [Roles.Supervisor, Roles.Administrator];

    /// <summary>The platform's own group: the town's organisation, calendar and records, for those who keep them.</summary>
    public override IEnumerable<MenuEntry> Menu =>
    [
        new("/figures", "nav.figures", Overseers, 410, "home.figures_hint"),
        new("/org", "nav.org", Overseers, 500, "home.org_hint"),
        new("/org/windows", "nav.windows", [Roles.Administrator], 501, "home.windows_hint"),
        new("/org/staff", "nav.staff", Overseers, 502, "home.staff_hint"),
        new("/calendar", "nav.calendar", Overseers, 503, "home.calendar_hint"),
        new("/org/import", "nav.import", [Roles.Administrator], 910),
        new("/admin/login-log", "nav.loginlog", [Roles.Administrator], 920),
        new("/admin/audit", "nav.audit", [Roles.Administrator], 930),
        new("/api-docs", "nav.api", [], 990),
    ];

    public override IEnumerable<RoleDefinition> DeclaredRoles =>
    [
        new(Roles.Administrator, "role.administrator"),
        new(Roles.Supervisor, "role.supervisor"),
    ];

    public override IEnumerable<DemoAccount> DemoAccounts =>
    [
        new("admin", "系统管理员", "TX-LAW", [Roles.Administrator], DataScope.All),
        new("supervisor", "王建华", "TX-SUP", [Roles.Supervisor], DataScope.All),
    ];

    public override IEnumerable<(string Name, string Description)> ApiTags =>
    [
        ("Auth", "Sign-in for the API (a bearer token), the signed-in account, and the login log."),
        ("Public", "What anyone may read or send without signing in: progress by query token, ratings, complaints, the disclosure platform, the signed audit heads. Rate-limited per client."),
        ("Calendar", "The statutory working-day calendar: add working days, count them, the holidays of a year."),
        ("Audit", "The hash-chained audit record: search, export and verification against the signed heads."),
        ("Deadlines", "The one deadline register's alerts: staff deadlines and the windows parties may use."),
        ("Tasks", "The work waiting for the signed-in account, by kind, oldest deadline first."),
        ("Reports", "Named report figures of every work line, with the records behind each."),
        ("Organisation", "The town's departments, units, communities, service windows and staff accounts, with Excel import and export."),
    ];

    public override IEnumerable<DeadlineKind> DeadlineKinds =>
    [
        new(Files.FileStore.AlteredKind, "deadline.platform.file_altered"),
        new(Calendar.CalendarYearAlert.Kind, "deadline.platform.calendar_year"),
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
        app.MapTaskApi();
        app.MapFigureApi();
        app.MapOrganisation();
    }

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DemoTown>().LoadAsync(ct);
}
