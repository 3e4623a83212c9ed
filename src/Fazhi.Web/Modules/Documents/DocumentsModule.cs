using Fazhi.Web.Modules.Documents.Contracts;
using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Modules.Documents.Features;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Tasks;

namespace Fazhi.Web.Modules.Documents;

/// <summary>
/// 依法治镇办 at work: document-making plans, normative documents from draft to repeal, major administrative decisions by the
/// statutory procedure, legal advisors and their opinions, and the staff responsible for legal work.
/// </summary>
public sealed class DocumentsModule : FazhiModule
{
    public const string ModuleName = "documents";

    public const string DocumentSearch = "documents.document";
    public const string DecisionSearch = "documents.decision";
    public const string OpinionSearch = "documents.opinion";

    public override string Name => ModuleName;

    public override int Order => 40;

    public override IEnumerable<(string Key, string Zh, string En)> Strings => DocumentsStrings.All;

    private static readonly string[] Everyone = [DocumentsRoles.LegalOfficer, DocumentsRoles.Drafter, Roles.Supervisor];

    private static readonly string[] Office = [DocumentsRoles.LegalOfficer, Roles.Supervisor];

    public override IEnumerable<MenuEntry> Menu =>
    [
        new("/documents", "documents.nav.documents", Everyone, 70, "documents.hint.documents"),
        new("/documents/plans", "documents.nav.plans", Everyone, 71),
        new("/documents/decisions", "documents.nav.decisions", Office, 72),
        new("/documents/opinions", "documents.nav.opinions", Everyone, 73),
        new("/documents/advisors", "documents.nav.advisors", Office, 74),
        new("/documents/legal-staff", "documents.nav.legal_staff", Office, 75),
    ];

    public override IEnumerable<DeadlineKind> DeadlineKinds =>
    [
        // The public's 30 days to comment: theirs, not the drafter's.
        new(NormativeDocument.CommentClock, "documents.deadline.comment", DeadlineOwner.Party),
        new(NormativeDocument.CheckClock, "documents.deadline.check"),
        new(NormativeDocument.FilingClock, "documents.deadline.filing"),
        new(NormativeDocument.ValidityClock, "documents.deadline.validity"),
        new(MajorDecision.ParticipationClock, "documents.deadline.participation", DeadlineOwner.Party),
        // The legality review's 7 working days are the reviewer's minimum, not a limit to meet.
        new(MajorDecision.LegalityClock, "documents.deadline.decision_legality", DeadlineOwner.Other),
        new(OpinionRequest.DueClock, "documents.deadline.opinion"),
        new(AdvisorContract.LapseClock, "documents.deadline.contract"),
    ];

    public override IEnumerable<ReportFigure> Figures => DocumentsFigures.All;

    public override IEnumerable<(string Name, string Description)> ApiTags =>
    [
        ("Documents", "Normative documents (规范性文件) from plan to repeal: versions and their difference, public comment, the legality check, deliberation, numbering and publication, filing, validity and clean-up; major administrative decisions by the statutory procedure; legal advisors and their opinions; the staff responsible for legal work; the public list of documents in force and comments without sign-in."),
    ];

    public override IEnumerable<RoleDefinition> DeclaredRoles =>
        [new(DocumentsRoles.LegalOfficer, "role.legal_officer"), new(DocumentsRoles.Drafter, "role.document_drafter")];

    public override IEnumerable<DemoAccount> DemoAccounts =>
    [
        new("legal.officer", "黄志诚", "TX-LAW", [DocumentsRoles.LegalOfficer], DataScope.All),
        new("drafter.gov", "李婉清", "TX-GOV", [DocumentsRoles.Drafter], DataScope.Department),
        new("drafter.party", "陈国栋", "TX-PARTY", [DocumentsRoles.Drafter], DataScope.Department),
    ];

    public override IEnumerable<TaskDefinition> Tasks => DocumentsTasks.All;

    public override void AddServices(WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<DocumentService>();
        builder.Services.AddScoped<PlanService>();
        builder.Services.AddScoped<DecisionService>();
        builder.Services.AddScoped<OpinionService>();
        builder.Services.AddScoped<PublicDocumentService>();
        builder.Services.AddScoped<LegalOpinions>();
        builder.Services.AddScoped<OrganisationDirectoryView>();
        builder.Services.AddScoped<DemoDocuments>();
        builder.Services.AddScoped<DemoDocumentsHistory>();
        builder.Services.AddSingleton<DocumentsInForce>();
        builder.Services.AddSingleton<Platform.Data.ISaveObserver, DocumentsInForceObserver>();
        builder.Services.AddHostedService<DocumentsInForcePoller>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder app)
    {
        // The legal office's, the drafters' and the town leadership's; other work lines reach it through Contracts/LegalOpinions.
        app.MapAdvisorChoices();
        app.MapGroup("/api/documents").WithTags("Documents")
            .RequireAuthorization(p => p.RequireRole(DocumentsRoles.LegalOfficer, DocumentsRoles.Drafter, Roles.Supervisor, Roles.Administrator))
            .MapPlans()
            .MapDecisions()
            .MapAdvisors()
            .MapDocuments();
        app.MapPublicDocuments();
    }

    /// <summary>The demo's own year, then (Fazhi:DemoHistory) its 2019 at the seed's scale, each only once.</summary>
    public override async Task SeedDemoAsync(IServiceProvider services, CancellationToken ct)
    {
        await services.GetRequiredService<DemoDocuments>().LoadAsync(ct);
        await services.GetRequiredService<DemoDocumentsHistory>().LoadAsync(ct);
    }
}
