using Fazhi.Web.Modules.Mediation.Features;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Notifications;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Mediation;

/// <summary>人民调解: committees and rooms, mediators, cases, agreements, judicial confirmation, subsidies, screenings.</summary>
public sealed class MediationModule : FazhiModule
{
    public const string ModuleName = "mediation";
    public const string ViolenceTemplate = "mediation.violence_risk";

    /// <summary>The cases' entry in the platform's text index.</summary>
    public const string SearchEntity = "mediation.case";

    public override string Name => ModuleName;

    public override int Order => 20;

    /// <summary>The city whose 以案定补 table applies (Mediation:City).</summary>
    public static string City(IConfiguration configuration) => configuration["Mediation:City"] ?? "东莞市";

    public override IEnumerable<(string Key, string Zh, string En)> Strings => MediationStrings.All;

    private static readonly string[] Staff = [MediationRoles.Mediator, Roles.Supervisor];

    public override IEnumerable<MenuEntry> Menu =>
    [
        new("/mediation/today", "mediation.nav.today", [MediationRoles.Mediator], 40, "mediation.hint.today"),
        new("/mediation", "mediation.nav.cases", Staff, 41, "mediation.hint.cases"),
        new("/mediation/screenings", "mediation.nav.screenings", Staff, 42),
        new("/mediation/committees", "mediation.nav.committees", Staff, 43),
        new("/mediation/subsidies", "mediation.nav.subsidies", Staff, 44),
        new("/mediation/statistics", "mediation.nav.statistics", Staff, 45),
    ];

    public override IEnumerable<DeadlineKind> DeadlineKinds =>
    [
        new(Domain.MediationCase.CaseClock, "mediation.deadline.case"),
        // The parties' right, not the mediator's duty (人民调解法 第33条).
        new(Domain.MediationCase.ConfirmationClock, "mediation.deadline.confirmation", DeadlineOwner.Party),
        new(Domain.MediationCase.FollowUpClock, "mediation.deadline.followup"),
        new(Domain.ScreeningCampaign.ReportClock, "mediation.deadline.screening"),
        new(ViolenceAlert, "mediation.deadline.violence"),
        // 法释〔2011〕5号: the court's limits, watched by the mediator, owed by the court.
        new(Domain.MediationCase.CourtAcceptanceClock, "mediation.deadline.court_acceptance", DeadlineOwner.Other),
        new(Domain.MediationCase.CourtDecisionClock, "mediation.deadline.court_decision", DeadlineOwner.Other),
    ];

    /// <summary>An alert without a clock: a risk of violence in a committee with no police-station room on duty (第25条), to the justice office.</summary>
    public const string ViolenceAlert = "mediation.violence";

    public override IEnumerable<MessageTemplate> MessageTemplates =>
    [
        new(ViolenceTemplate, "【法治平台】{room}：调解案件 {number} 有矛盾激化风险（{note}），请派出所关注并依法处置。",
            "[Fazhi] {room}: mediation case {number} risks turning violent ({note}); the police station is asked to attend to it."),
    ];

    public override IEnumerable<ReportFigure> Figures => StatisticsService.Figures;

    public override IEnumerable<(string Name, string Description)> ApiTags =>
        [("Mediation", "People's mediation: committees, rooms and mediators, cases from registration to agreement and judicial confirmation, subsidies, screenings and statistics.")];

    public override IEnumerable<RoleDefinition> DeclaredRoles => [new(MediationRoles.Mediator, "role.mediator")];

    public override IEnumerable<DemoAccount> DemoAccounts =>
    [
        new("mediator", "钟伟明", "TX-JUS-MED", [MediationRoles.Mediator], DataScope.Department),
        new("justice.head", "罗志坚", "TX-JUS", [Roles.Supervisor, MediationRoles.Mediator], DataScope.DepartmentAndBelow),
    ];

    public override IEnumerable<TaskDefinition> Tasks => MediationTasks.All;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CaseService>();
        builder.Services.AddScoped<CommitteeService>();
        builder.Services.AddScoped<ScreeningService>();
        builder.Services.AddScoped<SubsidyService>();
        builder.Services.AddScoped<StatisticsService>();
        builder.Services.AddScoped<DayViewService>();
        builder.Services.AddScoped<DemoMediation>();
        builder.Services.AddScoped<DemoMediationHistory>();
        builder.Services.AddScoped<Contracts.MediationParticipation>();
        builder.Services.AddScoped<Contracts.MediationReferrals>();
        builder.Services.AddScoped<Features.MediationCitizenPart>();
        builder.Services.AddScoped<Platform.Citizens.ICitizenMatters>(sp => sp.GetRequiredService<Features.MediationCitizenPart>());
    }

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/mediation").WithTags("Mediation").RequireAuthorization(p => p.RequireRole(MediationRoles.Mediator, Roles.Supervisor, Roles.Administrator))
            .MapCases()
            .MapCommittees()
            .MapScreenings()
            .MapSubsidies()
            .MapStatistics()
            .MapGet("/today", async (DayViewService s) => TypedResults.Ok(await s.TodayAsync()))
            .WithSummary("The signed-in mediator's day: today's sessions, open cases by their clock, follow-ups due within a week.");
    }

    public override async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DemoMediation>().LoadAsync(ct);
        if (WantsDemoHistory(services.GetRequiredService<IConfiguration>()))
        {
            // Tangxia's 2019 at the scale of its annual report, after the current year's demo and only once.
            await services.GetRequiredService<DemoMediationHistory>().LoadAsync(ct);
        }
    }
}
