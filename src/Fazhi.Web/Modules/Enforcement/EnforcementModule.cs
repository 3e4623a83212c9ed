using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Features;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Enforcement;

/// <summary>行政执法: officers and certificates, penalty cases from filing to archive, legality review, disclosure, case-file evaluation, the January tables.</summary>
public sealed class EnforcementModule : FazhiModule
{
    public const string ModuleName = "enforcement";

    /// <summary>The cases' entry in the platform's text index.</summary>
    public const string CaseSearchEntity = "enforcement.case";

    /// <summary>The publications' entry in the platform's text index (the public disclosure search).</summary>
    public const string PublicationSearchEntity = "enforcement.publication";

    public override string Name => ModuleName;

    public override int Order => 30;

    public override IEnumerable<(string Key, string Zh, string En)> Strings => EnforcementStrings.All;

    private static readonly string[] Staff = [EnforcementRoles.Officer, EnforcementRoles.LegalityReviewer, Roles.Supervisor, Roles.Administrator];

    public override IEnumerable<(string Name, string Description)> ApiTags =>
        [("Enforcement", "Administrative enforcement: officers and certificates, penalty cases from lead to archive with their full-process record, discretion benchmarks, other acts, publication, case-file draws and the six January tables.")];

    public override IEnumerable<RoleDefinition> DeclaredRoles =>
    [
        new(EnforcementRoles.Officer, "role.enforcement_officer"),
        new(EnforcementRoles.LegalityReviewer, "role.legality_reviewer"),
    ];

    public override IEnumerable<DemoAccount> DemoAccounts =>
    [
        new("officer.msa", "周文斌", "TX-MSA", [EnforcementRoles.Officer], DataScope.Department),
        new("officer.cae", "吴海涛", "TX-CAE", [EnforcementRoles.Officer], DataScope.Department),
        new("officer.msa2", "陈志强", "TX-MSA", [EnforcementRoles.Officer], DataScope.Department),
        new("officer.cae2", "黄俊杰", "TX-CAE", [EnforcementRoles.Officer], DataScope.Department),
        new("legal", "郑雅琳", "TX-LAW", [EnforcementRoles.LegalityReviewer], DataScope.All),
    ];

    public override IEnumerable<TaskDefinition> Tasks => EnforcementTasks.All;

    public override IEnumerable<MenuEntry> Menu =>
    [
        new("/enforcement", "enforcement.nav.cases", Staff, 50, "enforcement.hint.cases"),
        new("/enforcement/officers", "enforcement.nav.officers", Staff, 51),
        new("/enforcement/disclosure", "enforcement.nav.disclosure", Staff, 52),
        new("/enforcement/actions", "enforcement.nav.actions", Staff, 53),
        new("/enforcement/discretion", "enforcement.nav.discretion", Staff, 54),
        new("/enforcement/evaluation", "enforcement.nav.evaluation", Staff, 55),
        new("/enforcement/statistics", "enforcement.nav.statistics", Staff, 56),
    ];

    public override IEnumerable<DeadlineKind> DeadlineKinds =>
    [
        new(EnforcementCase.FilingClock, "enforcement.deadline.filing"),
        new(EnforcementCase.DecisionClock, "enforcement.deadline.decision"),
        new(EnforcementCase.ServiceClock, "enforcement.deadline.service"),
        // 行政处罚法 第67条: the 15 days to pay are the party's; the officer's duty (第72条) begins when they end.
        new(EnforcementCase.PaymentClock, "enforcement.deadline.payment", DeadlineOwner.Party),
        // 第44-45条: the period to state and defend is the party's; the decision waits for it.
        new(EnforcementCase.StatementClock, "enforcement.deadline.statement", DeadlineOwner.Party),
        new(Evidence.PreservationClock, "enforcement.deadline.preservation"),
        new(Publication.DueClock, "enforcement.deadline.disclosure"),
        new(Publication.WithdrawalClock, "enforcement.deadline.withdrawal"),
        new(Officer.CertificateClock, "enforcement.deadline.certificate"),
        new(OfficerService.ReassignAlert, "enforcement.task.reassign"),
        new(FileEvaluation.RectificationClock, "enforcement.deadline.rectification"),
    ];

    public override IEnumerable<ReportFigure> Figures => StatisticsService.Figures;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseService>();
        builder.Services.AddScoped<CaseDocuments>();
        builder.Services.AddScoped<OfficerService>();
        builder.Services.AddScoped<DisclosureService>();
        builder.Services.AddScoped<EvaluationService>();
        builder.Services.AddScoped<StatisticsService>();
        builder.Services.AddScoped<RegistryService>();
        builder.Services.AddScoped<TrainingService>();
        builder.Services.AddScoped<DemoEnforcement>();
        builder.Services.AddScoped<DemoEnforcementHistory>();
        builder.Services.AddSingleton<PublicAnswers>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/enforcement").WithTags("Enforcement").RequireAuthorization(p => p.RequireRole(Staff))
            .MapCases()
            .MapOfficers()
            .MapTrainings()
            .MapDisclosures()
            .MapEvaluation()
            .MapStatistics()
            .MapRegistry();
        app.MapPublicDisclosure();
        app.MapPublicDraws();
        app.MapPublicStatistics();
        app.MapPublicRegistry();
    }

    public override async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DemoEnforcement>().LoadAsync(ct);
        if (WantsDemoHistory(services.GetRequiredService<IConfiguration>()))
        {
            // In a scope of its own: the history writes in batches and clears its context's tracker between them.
            await using var scope = services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DemoEnforcementHistory>().LoadAsync(ct);
        }
    }
}

