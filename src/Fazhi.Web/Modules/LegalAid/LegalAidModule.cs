using Fazhi.Web.Modules.LegalAid.Features;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.LegalAid;

/// <summary>法律援助: contacts, applications and the means test, review, assignment from the lawyer pool, the case and its quality.</summary>
public sealed class LegalAidModule : FazhiModule
{
    public const string ModuleName = "legalaid";

    /// <summary>The applications' entry in the platform's text index.</summary>
    public const string SearchEntity = "legalaid.application";

    /// <summary>An alert without a clock: a pool lawyer's licence lapses within 30 days.</summary>
    public const string LicenceAlert = "legalaid.licence";

    public override string Name => ModuleName;

    public override int Order => 30;

    /// <summary>The city whose hardship threshold and subsidy rates apply (LegalAid:City).</summary>
    public static string City(IConfiguration configuration) => configuration["LegalAid:City"] ?? "东莞市";

    public override IEnumerable<(string Key, string Zh, string En)> Strings => LegalAidStrings.All;

    private static readonly string[] Staff = [LegalAidRoles.AidOfficer, Roles.Supervisor];

    public override IEnumerable<MenuEntry> Menu =>
    [
        new("/legal-aid/contacts", "legalaid.nav.contacts", [LegalAidRoles.AidOfficer], 50, "legalaid.hint.contacts"),
        new("/legal-aid", "legalaid.nav.applications", Staff, 51, "legalaid.hint.applications"),
        new("/legal-aid/lawyers", "legalaid.nav.lawyers", Staff, 52),
        new("/legal-aid/subsidies", "legalaid.nav.subsidies", Staff, 53),
        new("/legal-aid/statistics", "legalaid.nav.statistics", Staff, 54),
    ];

    public override IEnumerable<DeadlineKind> DeadlineKinds =>
    [
        new(Domain.AidApplication.ForwardClock, "legalaid.deadline.forward"),
        new(Domain.AidApplication.ReviewClock, "legalaid.deadline.review"),
        // The applicant's day to bring what is missing: theirs, not the officer's.
        new(Domain.AidApplication.MaterialsClock, "legalaid.deadline.materials", DeadlineOwner.Party),
        new(Domain.AidApplication.AssignClock, "legalaid.deadline.assign"),
        new(Domain.AidApplication.ObjectionClock, "legalaid.deadline.objection"),
        new(LicenceAlert, "legalaid.deadline.licence"),
    ];

    public override IEnumerable<ReportFigure> Figures => StatisticsService.Figures;

    public override IEnumerable<(string Name, string Description)> ApiTags =>
        [("LegalAid", "Legal aid: contacts at the centre and stations, applications with the means test, review, assignment from the lawyer pool, the case, quality supervision, subsidies and statistics; the applicant's follow-up by token.")];

    public override IEnumerable<RoleDefinition> DeclaredRoles => [new(LegalAidRoles.AidOfficer, "role.aid_officer")];

    public override IEnumerable<DemoAccount> DemoAccounts =>
    [
        new("aid.officer", "叶晓敏", "TX-JUS-AID", [LegalAidRoles.AidOfficer], DataScope.Department),
        new("aid.station", "梁淑芬", "TX-C01", [LegalAidRoles.AidOfficer], DataScope.Department),
    ];

    public override IEnumerable<TaskDefinition> Tasks => LegalAidTasks.All;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ApplicationService>();
        builder.Services.AddScoped<ContactService>();
        builder.Services.AddScoped<PoolService>();
        builder.Services.AddScoped<StatisticsService>();
        builder.Services.AddScoped<PublicProgressService>();
        builder.Services.AddScoped<DemoLegalAid>();
        builder.Services.AddScoped<DemoLegalAidHistory>();
        builder.Services.AddScoped<Contracts.AidReferrals>();
        builder.Services.AddScoped<Platform.Citizens.ICitizenMatters, LegalAidCitizenPart>();
        builder.Services.AddSingleton<PublicAnswers>();
        builder.Services.AddSingleton<Platform.Data.ISaveObserver, PublicAnswersObserver>();
        builder.Services.AddHostedService<PublicAnswersLoader>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/legal-aid").WithTags("LegalAid").RequireAuthorization(p => p.RequireRole(LegalAidRoles.AidOfficer, Roles.Supervisor, Roles.Administrator))
            .MapApplications()
            .MapContacts()
            .MapPool()
            .MapStatistics();
        app.MapPublicProgress();
    }

    /// <summary>The demo's own year, then (Fazhi:DemoHistory) its 2019 at the seed's scale, each only once.</summary>
    public override async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DemoLegalAid>().LoadAsync(ct);
        await services.GetRequiredService<DemoLegalAidHistory>().LoadAsync(ct);
    }
}
