using Fazhi.Web.Modules.Petitions.Domain;
using Fazhi.Web.Modules.Petitions.Features;
using Fazhi.Web.Platform.Citizens;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Petitions;

/// <summary>信访: reception and registration, routing and acceptance, the written opinion, review and re-review, oversight, the chain to mediation and legal aid, and Open311.</summary>
public sealed class PetitionsModule : FazhiModule
{
    public const string ModuleName = "petitions";

    /// <summary>The petitions' entry in the platform's text index.</summary>
    public const string SearchEntity = "petitions.petition";

    public override string Name => ModuleName;

    public override int Order => 35;

    public override IEnumerable<(string Key, string Zh, string En)> Strings => PetitionsStrings.All;

    private static readonly string[] Everyone = [PetitionsRoles.PetitionOfficer, PetitionsRoles.Handler, Roles.Supervisor];

    public override IEnumerable<MenuEntry> Menu =>
    [
        new("/petitions/reception", "petitions.nav.reception", [PetitionsRoles.PetitionOfficer], 60, "petitions.hint.reception"),
        new("/petitions", "petitions.nav.register", Everyone, 61, "petitions.hint.register"),
        new("/petitions/statistics", "petitions.nav.statistics", [PetitionsRoles.PetitionOfficer, Roles.Supervisor], 62),
    ];

    public override IEnumerable<DeadlineKind> DeadlineKinds =>
    [
        new(Petition.RouteClock, "petitions.deadline.route"),
        new(Petition.SendBackClock, "petitions.deadline.sendback"),
        new(Petition.AnswerClock, "petitions.deadline.answer"),
        // The petitioner's 30 days to ask for a review or re-review: theirs, not the office's.
        new(Petition.ReviewWindowClock, "petitions.deadline.review_window", DeadlineOwner.Party),
        new(Petition.ReviewClock, "petitions.deadline.review"),
        new(Petition.ReReviewWindowClock, "petitions.deadline.rereview_window", DeadlineOwner.Party),
        new(Petition.ReReviewClock, "petitions.deadline.rereview"),
        new(Petition.OversightClock, "petitions.deadline.oversight"),
    ];

    public override IEnumerable<ReportFigure> Figures => PetitionStatistics.Figures;

    public override IEnumerable<(string Name, string Description)> ApiTags =>
    [
        ("Petitions", "Petitions (信访): registration by channel and class, routing and acceptance, diversion, the written opinion, review and re-review, oversight, the sealed accuser, the chain to mediation and legal aid; the petitioner's follow-up and rating by token."),
        ("Open311", "Open311 GeoReport v2: services, and requests filed and followed as ordinary petitions (JSON and XML)."),
    ];

    public override IEnumerable<RoleDefinition> DeclaredRoles =>
        [new(PetitionsRoles.PetitionOfficer, "role.petition_officer"), new(PetitionsRoles.Handler, "role.petition_handler")];

    public override IEnumerable<DemoAccount> DemoAccounts =>
    [
        new("petition.officer", "邓志坚", "TX-PET", [PetitionsRoles.PetitionOfficer], DataScope.Department),
        new("petition.hr", "钟丽华", "TX-HR", [PetitionsRoles.Handler], DataScope.Department),
        new("petition.cae", "罗国强", "TX-CAE", [PetitionsRoles.Handler], DataScope.Department),
    ];

    public override IEnumerable<TaskDefinition> Tasks => PetitionsTasks.All;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<PetitionService>();
        builder.Services.AddScoped<PetitionStatistics>();
        builder.Services.AddScoped<PublicPetitionService>();
        builder.Services.AddScoped<Open311Service>();
        builder.Services.AddScoped<DemoPetitions>();
        builder.Services.AddScoped<ICitizenMatters, PetitionsCitizenPart>();
        builder.Services.AddSingleton<PetitionAnswers>();
        builder.Services.AddSingleton<Platform.Data.ISaveObserver, PetitionAnswersObserver>();
        builder.Services.AddHostedService<PetitionAnswersLoader>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/petitions").WithTags("Petitions")
            .RequireAuthorization(p => p.RequireRole(PetitionsRoles.PetitionOfficer, PetitionsRoles.Handler, Roles.Supervisor, Roles.Administrator))
            .MapPetitions()
            .MapPetitionStatistics();
        app.MapPublicPetitions();
        app.MapOpen311();
    }

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DemoPetitions>().LoadAsync(ct);
}
