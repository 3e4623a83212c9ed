using Fazhi.Web.Modules.Services.Features;
using Fazhi.Web.Platform;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Notifications;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Services;

/// <summary>Catalog, one-time notices, intake, receipts and public progress (一门一网).</summary>
public sealed class ServicesModule : FazhiModule
{
    public const string ModuleName = "services";

    /// <summary>The applications' entry in the platform's text index.</summary>
    public const string SearchEntity = "services.application";

    public override string Name => ModuleName;

    public override IEnumerable<MessageTemplate> MessageTemplates =>
        [.. ApplicantMessages.Templates, new(PhoneVerification.Template, "您的验证码是{code}，10分钟内有效。请勿告诉他人。", "Your code is {code}, valid for 10 minutes. Do not share it.")];

    public override IEnumerable<ReportFigure> Figures => ServicesFigures.All;

    public override IEnumerable<DeadlineKind> DeadlineKinds =>
    [
        new(Domain.Application.DecisionClock, "deadline.services.decision"),
        new(Domain.Application.StageClock, "deadline.services.stage"),
    ];

    public override int Order => 10;

    public override IEnumerable<(string Key, string Zh, string En)> Strings => ServicesStrings.All;

    private static readonly string[] Staff = [ServicesRoles.WindowClerk, ServicesRoles.Reviewer, Roles.Supervisor, Roles.Administrator];

    public override IEnumerable<MenuEntry> Menu =>
    [
        new("/window", "desk.title", [ServicesRoles.WindowClerk, Roles.Administrator], 10, "home.desk_hint"),
        new("/window/applications", "desk.applications", Staff, 11),
        new("/review", "nav.review", [ServicesRoles.Reviewer, Roles.Supervisor], 20, "home.review_hint"),
        new("/supervision", "supervision.title", [ServicesRoles.Reviewer, Roles.Supervisor], 21),
        new("/supervision/dashboard", "dash.title", [ServicesRoles.Reviewer, Roles.Supervisor], 22, "home.dash_hint"),
        new("/services", "public.catalog", [ServicesRoles.WindowClerk, ServicesRoles.Reviewer, Roles.Administrator], 30),
        new("/admin/catalog", "nav.catalog", [Roles.Administrator], 900),
    ];

    public override IEnumerable<(string Name, string Description)> ApiTags =>
        [
            ("Services", "The one door: the service catalog, window intake, receipts, review and decisions on the approval process, supervision, ratings and complaints."),
            ("Online", "Online applications by registered citizens and businesses: register, sign in, apply with uploads, follow and correct."),
        ];

    public override IEnumerable<RoleDefinition> DeclaredRoles =>
    [
        new(ServicesRoles.WindowClerk, "role.window_clerk"),
        new(ServicesRoles.Reviewer, "role.reviewer"),
    ];

    public override IEnumerable<DemoAccount> DemoAccounts =>
    [
        new("clerk", "陈晓敏", "TX-SVC", [ServicesRoles.WindowClerk], DataScope.Department),
        new("clerk2", "刘嘉欣", "TX-SVC", [ServicesRoles.WindowClerk], DataScope.Self),
        new("reviewer", "李国强", "TX-PLAN", [ServicesRoles.Reviewer], DataScope.Department),
        new("reviewer.build", "张志伟", "TX-BUILD", [ServicesRoles.Reviewer], DataScope.Department),
        new("reviewer.land", "黄丽萍", "TX-LAND", [ServicesRoles.Reviewer], DataScope.Department),
    ];

    public override IEnumerable<Platform.Tasks.TaskDefinition> Tasks => ServicesTasks.All;

    public override async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DemoCatalog>().LoadAsync(ct);
        if (WantsDemoCases(services.GetRequiredService<IConfiguration>()))
        {
            await services.GetRequiredService<DemoApplications>().LoadAsync(ct);
        }
    }

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CatalogService>();
        builder.Services.AddScoped<IntakeService>();
        builder.Services.AddSingleton<ApplicationNumbers>();
        builder.Services.AddSingleton<IntakeWriter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<IntakeWriter>());
        builder.Services.AddScoped<ProgressService>();
        builder.Services.AddSingleton<ProgressFacts>();
        builder.Services.AddSingleton(sp => new ProgressAnswers(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions.Encoder));
        builder.Services.AddSingleton<Platform.Data.ISaveObserver, ProgressAnswersObserver>();
        builder.Services.AddSingleton<ProgressAnswersLoader>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ProgressAnswersLoader>());
        builder.Services.AddScoped<ProcessService>();
        builder.Services.AddScoped<EvaluationService>();
        builder.Services.AddScoped<DashboardService>();
        builder.Services.AddScoped<NameLookup>();
        builder.Services.AddScoped<AlertService>();
        builder.Services.AddScoped<DemoCatalog>();
        builder.Services.AddScoped<DemoApplications>();
        builder.Services.AddScoped<PublicLinks>();
        builder.Services.AddScoped<OnlineService>();
        builder.Services.AddScoped<Platform.Citizens.ICitizenIdentity, CitizenIdentity>();
        builder.Services.AddScoped<PhoneVerification>();
        builder.Services.AddScoped<Platform.Citizens.ICitizenMatters, ServicesCitizenPart>();
        builder.Services.AddScoped<CatalogLedger>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Identity.IPasswordHasher<Domain.Citizen>, Microsoft.AspNetCore.Identity.PasswordHasher<Domain.Citizen>>();
        builder.Services.AddAuthentication().AddCookie(OnlineService.Scheme, o =>
        {
            // Citizens have their own cookie: a staff session and a citizen session never mix.
            o.Cookie.Name = "fazhi.citizen";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30);
            o.SlidingExpiration = true;
            o.LoginPath = "/citizen/login";
            o.AccessDeniedPath = "/citizen/login";
        });
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, PublicJson.Default));
    }

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/services").WithTags("Services").RequireAuthorization()
            .MapCatalog()
            .MapIntake()
            .MapProcess()
            .MapSupervision()
            .MapDashboard();
        app.MapPublicEvaluation();
        app.MapPublicProgress();
        app.MapOnline();
        app.MapGet("/window/applications/{id:guid}/files/{fileId:guid}", async (Guid id, Guid fileId, IntakeService intake, OnlineService online, Platform.Files.FileStore store) =>
        {
            var application = await intake.VisibleAsync(id);
            var file = (await online.FilesAsync(application.Id)).FirstOrDefault(f => f.Id == fileId) ?? throw Platform.Web.DomainException.NotFound();
            // Hashed again before it is handed out: a file replaced on disk is refused and raises an alert.
            var content = await store.OpenVerifiedAsync(file.Sha256, new Platform.Files.FileOwner(application.Id, application.DepartmentId, application.Number, $"/window/applications/{application.Id}"));
            return Results.File(content, file.ContentType, file.FileName, enableRangeProcessing: false);
        }).RequireAuthorization().ExcludeFromDescription();
        app.MapPost("/citizen/logout", async (HttpContext http) =>
        {
            await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignOutAsync(http, OnlineService.Scheme);
            return Results.LocalRedirect("/citizen/login");
        }).ExcludeFromDescription();
        app.MapGet("/services/items/{code}/notice.docx", async (string code, CatalogService catalog, PublicLinks links, Text text) =>
        {
            var item = await catalog.GetAsync(code);
            return TypedResults.File(OneTimeNotice.Docx(item, links.Item(item.Code), text), OneTimeNotice.ContentType, $"{item.Code}-一次性告知.docx");
        }).AllowAnonymous().WithTags("Public").WithSummary("The item's one-time written notice (一次性书面告知清单) as Word.").ProducesWord();
    }
}

