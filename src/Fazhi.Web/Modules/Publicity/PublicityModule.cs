using Fazhi.Web.Modules.Publicity.Domain;
using Fazhi.Web.Modules.Publicity.Features;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Publicity;

/// <summary>
/// 普法 and 学法: the communities' and departments' monthly publicity reports (events, posts, materials, people reached) imported
/// from their Excel sheets and confirmed by the legal office; 谁执法谁普法 responsibility lists and the year's work points; schools
/// and law-culture sites; study sessions and the staff's law exam; the unit heads' duty reports; safety responsibility letters.
/// </summary>
public sealed class PublicityModule : FazhiModule
{
    public const string ModuleName = "publicity";

    public override string Name => ModuleName;

    public override int Order => 50;

    public override IEnumerable<(string Key, string Zh, string En)> Strings => PublicityStrings.All;

    private static readonly string[] Everyone = [PublicityRoles.Officer, PublicityRoles.Reporter, Roles.Supervisor];

    private static readonly string[] Office = [PublicityRoles.Officer, Roles.Supervisor];

    public override IEnumerable<MenuEntry> Menu =>
    [
        new("/publicity", "publicity.nav.reports", Everyone, 80, "publicity.hint.reports"),
        new("/publicity/events", "publicity.nav.events", Everyone, 81),
        new("/publicity/lists", "publicity.nav.lists", Everyone, 82),
        new("/publicity/schools", "publicity.nav.schools", Everyone, 83),
        new("/publicity/study", "publicity.nav.study", Office, 84),
        new("/publicity/exams", "publicity.nav.exams", Office, 85),
        new("/publicity/duty", "publicity.nav.duty", Everyone, 86),
        new("/publicity/letters", "publicity.nav.letters", Everyone, 87),
    ];

    public override IEnumerable<DeadlineKind> DeadlineKinds => [new(Reporter.MonthClock, "publicity.deadline.month")];

    public override IEnumerable<ReportFigure> Figures => PublicityFigures.All;

    public override IEnumerable<(string Name, string Description)> ApiTags =>
    [
        ("Publicity", "Law publicity and study (普法, 学法): monthly reports of events and posts from communities and departments, by form or Excel import, confirmed by the legal office, a missing month on the register; 谁执法谁普法 responsibility lists and work points; schools and law-culture sites; study sessions; the staff's annual law exam and its rates; unit heads' duty reports (述职); safety responsibility letters."),
    ];

    public override IEnumerable<RoleDefinition> DeclaredRoles =>
        [new(PublicityRoles.Officer, "role.publicity_officer"), new(PublicityRoles.Reporter, "role.publicity_reporter")];

    public override IEnumerable<DemoAccount> DemoAccounts =>
    [
        new("pufa.officer", "周雅琴", "TX-LAW", [PublicityRoles.Officer], DataScope.All),
        new("community.officer", "何嘉欣", "TX-C04", [PublicityRoles.Reporter], DataScope.Department),
        // 蛟乙塘社区, two months behind in the demo.
        new("community.officer2", "罗志明", "TX-C07", [PublicityRoles.Reporter], DataScope.Department),
        new("dept.publicity", "林晓峰", "TX-MSA", [PublicityRoles.Reporter], DataScope.Department),
    ];

    public override IEnumerable<TaskDefinition> Tasks => PublicityTasks.All;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReportService>();
        builder.Services.AddScoped<LedgerService>();
        builder.Services.AddScoped<ExamService>();
        builder.Services.AddScoped<LetterService>();
        builder.Services.AddScoped<DemoPublicity>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/publicity").WithTags("Publicity")
            .RequireAuthorization(p => p.RequireRole(PublicityRoles.Officer, PublicityRoles.Reporter, Roles.Supervisor, Roles.Administrator))
            .MapPublicity();
        app.MapPublicLists();
    }

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DemoPublicity>().LoadAsync(ct);
}
