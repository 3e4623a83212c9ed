using Fazhi.Web.Modules.Report.Domain;
using Fazhi.Web.Modules.Report.Features;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Report;

/// <summary>
/// 法治政府建设年度报告: the annual rule-of-law report, generated from every work line's named figures (never their tables), each
/// figure traceable to its records and frozen in a snapshot; written by the rule-of-law office and the departments, reviewed for
/// secrecy, signed by the principal leaders, sent to the level above and published, as a 公文 in Word, a public page and Excel.
/// </summary>
public sealed class ReportModule : FazhiModule
{
    public const string ModuleName = "report";

    public override string Name => ModuleName;

    // After every work line: its demo reads their figures.
    public override int Order => 200;

    public override IEnumerable<(string Key, string Zh, string En)> Strings => ReportStrings.All;

    public override IEnumerable<MenuEntry> Menu =>
        [new("/report", "report.nav.reports", ReportApi.Readers, 90, "report.hint.reports")];

    public override IEnumerable<DeadlineKind> DeadlineKinds =>
        [new(AnnualReport.InputsClock, "report.deadline.inputs"), new(AnnualReport.PublicationClock, "report.deadline.publication")];

    public override IEnumerable<(string Name, string Description)> ApiTags =>
    [
        ("Report", "The annual rule-of-law report (法治政府建设年度报告): a template per year and level with sections in the required order and figure slots naming the work lines' figures; generation from the records into a frozen snapshot (figures and their records), re-check against today's records, supplied figures with their source; the Word document (公文, GB/T 9704), Excel of the figures, the public page; the workflow from draft through department inputs, secrecy review and the leaders' sign-off to submission and publication."),
    ];

    public override IEnumerable<RoleDefinition> DeclaredRoles =>
    [
        new(ReportRoles.Officer, "role.report_officer"), new(ReportRoles.Contributor, "role.report_contributor"),
        new(ReportRoles.SecrecyReviewer, "role.report_secrecy"), new(ReportRoles.Leader, "role.report_leader"),
    ];

    public override IEnumerable<DemoAccount> DemoAccounts =>
    [
        new("fzb.report", "陈思远", "TX-LAW", [ReportRoles.Officer], DataScope.All),
        new("sfs.report", "黄丽华", "TX-JUS", [ReportRoles.Contributor], DataScope.Department),
        new("secrecy.review", "郑国强", "TX-PARTY", [ReportRoles.SecrecyReviewer], DataScope.All),
        new("town.leader", "梁文博", "TX-PARTY", [ReportRoles.Leader], DataScope.All),
    ];

    public override IEnumerable<TaskDefinition> Tasks => ReportTasks.All;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReportService>();
        builder.Services.AddScoped<ReportGenerator>();
        builder.Services.AddScoped<DemoReport>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/report").WithTags("Report").RequireAuthorization(p => p.RequireRole(ReportApi.Readers)).MapReport();
        app.MapPublicReport();
    }

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<DemoReport>().LoadAsync(ct);
}
