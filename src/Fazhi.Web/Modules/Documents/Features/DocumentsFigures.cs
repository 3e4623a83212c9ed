using Fazhi.Web.Modules.Documents.Data;
using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Tasks;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Documents.Features;

/// <summary>
/// The legal office's named figures for the annual report, each with its records: party documents filed; normative documents
/// drafted, reviewed (passed the check) and filed; decisions made, and by the full procedure; opinions given; advisors per level;
/// staff responsible for legal work.
/// </summary>
public static class DocumentsFigures
{
    public static IReadOnlyList<ReportFigure> All { get; } = Build();

    private static async Task<IQueryable<NormativeDocument>> Documents(IServiceProvider sp, CancellationToken ct) =>
        await sp.GetRequiredService<DocumentService>().ScopedAsync(ct);

    private static List<ReportFigure> Build()
    {
        static ReportFigure Doc(string name, Func<IQueryable<NormativeDocument>, FigurePeriod, IQueryable<NormativeDocument>> where) => new CountFigure<NormativeDocument>(
            $"documents.{name}", $"documents.figure.{name}",
            async (sp, p, ct) => where(await Documents(sp, ct), p).OrderByDescending(d => d.CreatedAt),
            d => new FigureRecord { Id = d.Id, Number = d.Number ?? d.DraftNumber, Title = d.Title, Party = d.DepartmentName, PartyIsPerson = false, On = d.PublishedOn, At = d.CreatedAt },
            id => $"/documents/{id}");

        var figures = new List<ReportFigure>();
        foreach (var kind in Enum.GetValues<DocumentKind>())
        {
            var k = kind == DocumentKind.Party ? "party" : "admin";
            figures.Add(Doc($"{k}_drafted", (q, p) => q.Where(d => d.Kind == kind && d.CreatedAt >= p.FromUtc && d.CreatedAt < p.ToUtcExclusive)));
            // Reviewed: passed the legality (party: pre-issue) check within the period.
            figures.Add(Doc($"{k}_reviewed", (q, p) => q.Where(d => d.Kind == kind && d.CheckedAt >= p.FromUtc && d.CheckedAt < p.ToUtcExclusive
                && d.Conclusion == CheckConclusion.Lawful && d.Status != DocumentStatus.LegalityCheck && d.Status != DocumentStatus.Drafting)));
            figures.Add(Doc($"{k}_published", (q, p) => q.Where(d => d.Kind == kind && d.PublishedOn >= p.From && d.PublishedOn <= p.To)));
            figures.Add(Doc($"{k}_filed", (q, p) => q.Where(d => d.Kind == kind && d.FiledOn >= p.From && d.FiledOn <= p.To)));
        }

        figures.Add(Doc("filed_late", (q, p) => q.Where(d => d.FiledOn >= p.From && d.FiledOn <= p.To && d.FiledInTime == false)));
        figures.Add(Doc("repealed", (q, p) => q.Where(d => d.RepealedOn >= p.From && d.RepealedOn <= p.To)));

        static ReportFigure Decision(string name, Func<IQueryable<MajorDecision>, FigurePeriod, IQueryable<MajorDecision>> where) => new CountFigure<MajorDecision>(
            $"documents.{name}", $"documents.figure.{name}",
            async (sp, p, ct) => where(await sp.GetRequiredService<DecisionService>().ScopedAsync(ct), p).OrderBy(d => d.Number),
            d => new FigureRecord { Id = d.Id, Number = d.Number, Title = d.Title, Party = d.DepartmentName, PartyIsPerson = false, On = d.DecidedOn, At = null },
            id => $"/documents/decisions/{id}");
        figures.Add(Decision("decisions_made", (q, p) => q.Where(d => d.Status == DecisionStatus.Decided && d.DecidedOn >= p.From && d.DecidedOn <= p.To)));
        // By the full procedure: every step done (none skipped), publication included; evaluation comes later.
        figures.Add(Decision("decisions_full", (q, p) => q.Where(d => d.Status == DecisionStatus.Decided && d.DecidedOn >= p.From && d.DecidedOn <= p.To
            && d.Phases.All(x => x.Stage == DecisionStage.Evaluation || x.State == PhaseState.Done))));

        var answered = new CountFigure<OpinionRequest>("documents.opinions", "documents.figure.opinions",
            async (sp, p, ct) => (await sp.GetRequiredService<OpinionService>().ScopedAsync(ct))
                .Where(o => o.Status == OpinionStatus.Answered && o.AnsweredAt >= p.FromUtc && o.AnsweredAt < p.ToUtcExclusive).OrderByDescending(o => o.AnsweredAt),
            o => new FigureRecord { Id = o.Id, Number = o.Number, Title = o.Subject, Party = o.AdvisorName, PartyIsPerson = false, On = null, At = o.AnsweredAt },
            id => $"/documents/opinions/{id}");
        var onTime = new CountFigure<OpinionRequest>("documents.opinions_on_time", "documents.figure.opinions_on_time",
            async (sp, p, ct) => (await sp.GetRequiredService<OpinionService>().ScopedAsync(ct))
                .Where(o => o.Status == OpinionStatus.Answered && o.AnsweredInTime == true && o.AnsweredAt >= p.FromUtc && o.AnsweredAt < p.ToUtcExclusive).OrderByDescending(o => o.AnsweredAt),
            o => new FigureRecord { Id = o.Id, Number = o.Number, Title = o.Subject, Party = o.AdvisorName, PartyIsPerson = false, On = null, At = o.AnsweredAt },
            id => $"/documents/opinions/{id}");
        figures.AddRange([answered, onTime, new RateFigure("documents.opinions_on_time_rate", "documents.figure.opinions_on_time_rate", onTime, answered)]);

        foreach (var level in Enum.GetValues<AdvisorLevel>())
        {
            // Advisors serving at the level at any time in the period.
            figures.Add(new CountFigure<Advisor>($"documents.advisors_{level.ToString().ToLowerInvariant()}", $"documents.figure.advisors_{level.ToString().ToLowerInvariant()}",
                (sp, p, ct) =>
                {
                    var db = sp.GetRequiredService<FazhiDbContext>();
                    var serving = db.AdvisorAssignments.Where(x => x.Level == level && x.From <= p.To && x.To >= p.From).Select(x => x.AdvisorId);
                    return Task.FromResult(db.Advisors.AsNoTracking().Where(a => serving.Contains(a.Id)).OrderBy(a => a.Name).AsQueryable());
                },
                a => new FigureRecord { Id = a.Id, Number = a.PracticeNumber, Title = a.Name, Party = null, PartyIsPerson = false, On = null, At = null },
                _ => "/documents/advisors"));
        }

        figures.Add(new CountFigure<AdvisorFirm>("documents.firms", "documents.figure.firms",
            (sp, p, ct) =>
            {
                var db = sp.GetRequiredService<FazhiDbContext>();
                var contracted = db.AdvisorContracts.Where(c => c.From <= p.To && c.To >= p.From).Select(c => c.FirmId);
                return Task.FromResult(db.AdvisorFirms.AsNoTracking().Where(f => contracted.Contains(f.Id)).OrderBy(f => f.Name).AsQueryable());
            },
            f => new FigureRecord { Id = f.Id, Number = f.Licence, Title = f.Name, Party = null, PartyIsPerson = false, On = null, At = null },
            _ => "/documents/advisors"));

        // Communities with a legal advisor over all communities (镇委、镇政府和社区100%建立法律顾问制度).
        var communities = new CommunitiesFigure("documents.communities", "documents.figure.communities", advisedOnly: false);
        var advised = new CommunitiesFigure("documents.communities_advised", "documents.figure.communities_advised", advisedOnly: true);
        figures.AddRange([communities, advised, new RateFigure("documents.advisor_coverage", "documents.figure.advisor_coverage", advised, communities)]);

        // Responsible for legal work on the period's last day.
        figures.Add(new CountFigure<LegalStaff>("documents.legal_staff", "documents.figure.legal_staff",
            (sp, p, ct) => Task.FromResult(sp.GetRequiredService<FazhiDbContext>().LegalStaff.AsNoTracking()
                .Where(s => s.Since <= p.To && (s.Until == null || s.Until >= p.To)).OrderBy(s => s.UnitName).ThenBy(s => s.Name).AsQueryable()),
            s => new FigureRecord { Id = s.Id, Number = s.UnitName, Title = s.Position, Party = s.Name, PartyIsPerson = true, On = s.Since, At = null },
            _ => "/documents/legal-staff"));
        return figures;
    }
}

/// <summary>
/// The town's communities, from the organisation (its active community nodes, read through the directory), or only those with a
/// legal advisor assigned at any time in the period: one row per community, in code order, opening the advisors' page of the year.
/// </summary>
internal sealed class CommunitiesFigure(string name, string labelKey, bool advisedOnly) : ReportFigure(name, labelKey)
{
    private async Task<List<OrgUnit>> CommunitiesAsync(IServiceProvider services, FigurePeriod period, CancellationToken ct)
    {
        var communities = (await services.GetRequiredService<OrganisationDirectory>().UnitsAsync(ct)).Values
            .Where(u => u.IsActive && u.Kind == OrgNodeKind.Community);
        if (advisedOnly)
        {
            var advised = (await services.GetRequiredService<FazhiDbContext>().AdvisorAssignments.AsNoTracking()
                .Where(x => x.From <= period.To && x.To >= period.From).Select(x => x.UnitId).Distinct().ToListAsync(ct)).ToHashSet();
            communities = communities.Where(u => advised.Contains(u.Id));
        }

        return communities.OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
    }

    public override async Task<decimal> ValueAsync(IServiceProvider services, FigurePeriod period, CancellationToken ct) =>
        (await CommunitiesAsync(services, period, ct)).Count;

    public override async Task<Paged<FigureRecord>> DrillAsync(IServiceProvider services, FigurePeriod period, string? q, int page, int pageSize, CancellationToken ct)
    {
        IEnumerable<OrgUnit> rows = await CommunitiesAsync(services, period, ct);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            rows = rows.Where(u => u.Code.Contains(term, StringComparison.OrdinalIgnoreCase) || u.Name.Contains(term, StringComparison.Ordinal));
        }

        var list = rows.ToList();
        // Paged as the platform pages a query: at most Paging.MaxPageSize a page, or an export's rows.
        var size = pageSize == Paging.ExportRows ? Paging.ExportRows : Math.Clamp(pageSize, 1, Paging.MaxPageSize);
        page = Math.Max(1, page);
        // The advisors' page of the period's (last) year lists the firms, their advisors and each one's assignments.
        var link = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"/documents/advisors?year={period.To.Year}");
        var items = list.Skip((page - 1) * size).Take(size).Select(u => new FigureRecord
        {
            Id = u.Id, Number = u.Code, Title = u.Name, Party = null, PartyIsPerson = false, On = null, At = null, Link = link,
        }).ToList();
        return new Paged<FigureRecord>(items, list.Count, page, size);
    }
}

/// <summary>The work waiting for the legal office and the drafters.</summary>
internal static class DocumentsTasks
{
    private static readonly string[] Office = [DocumentsRoles.LegalOfficer];

    public static IEnumerable<TaskDefinition> All =>
    [
        // 国办发〔2018〕115号: the check concluded within 15 working days.
        new("documents.check", "documents.task.check", Office, async (sp, actor, ct) => (await sp.GetRequiredService<DocumentService>().ScopedAsync(ct))
            .Where(d => d.Status == DocumentStatus.LegalityCheck)
            .Select(d => new TaskRow { RecordId = d.Id, Number = d.DraftNumber, Title = d.Title, Party = d.DepartmentName, PartyIsPerson = false, DueDate = d.CheckDeadline!.DueDate, Since = d.CreatedAt }),
            id => $"/documents/{id}"),
        // Filing within 15 days (party: 30) of publication.
        new("documents.filing", "documents.task.filing", Office, async (sp, actor, ct) => (await sp.GetRequiredService<DocumentService>().ScopedAsync(ct))
            .Where(d => d.Status == DocumentStatus.Published)
            .Select(d => new TaskRow { RecordId = d.Id, Number = d.Number ?? d.DraftNumber, Title = d.Title, Party = d.DepartmentName, PartyIsPerson = false, DueDate = d.FilingDeadline!.DueDate, Since = d.CreatedAt }),
            id => $"/documents/{id}"),
        new("documents.deliberation", "documents.task.deliberation", Office, async (sp, actor, ct) => (await sp.GetRequiredService<DocumentService>().ScopedAsync(ct))
            .Where(d => d.Status == DocumentStatus.Deliberation || d.Status == DocumentStatus.Adopted)
            .Select(d => new TaskRow { RecordId = d.Id, Number = d.DraftNumber, Title = d.Title, Party = d.DepartmentName, PartyIsPerson = false, DueDate = null, Since = d.CheckedAt ?? d.CreatedAt }),
            id => $"/documents/{id}"),
        // The drafter's comment windows that ran out, to be closed and answered.
        new("documents.comments", "documents.task.comments", [DocumentsRoles.Drafter], async (sp, actor, ct) => (await sp.GetRequiredService<DocumentService>().ScopedAsync(ct))
            .Where(d => d.Status == DocumentStatus.PublicComment && d.DepartmentId == actor.DepartmentId)
            .Select(d => new TaskRow { RecordId = d.Id, Number = d.DraftNumber, Title = d.Title, Party = d.DepartmentName, PartyIsPerson = false, DueDate = d.CommentWindow!.DueDate, Since = d.CreatedAt }),
            id => $"/documents/{id}"),
        // The clean-up: documents that lapse within six months.
        new("documents.cleanup", "documents.task.cleanup", Office, async (sp, actor, ct) =>
        {
            var soon = actor.Today.AddMonths(NormativeDocument.CleanUpMonths);
            return (await sp.GetRequiredService<DocumentService>().ScopedAsync(ct))
                .Where(d => (d.Status == DocumentStatus.Published || d.Status == DocumentStatus.Filed) && d.ExpiresOn <= soon)
                .Select(d => new TaskRow { RecordId = d.Id, Number = d.Number ?? d.DraftNumber, Title = d.Title, Party = d.DepartmentName, PartyIsPerson = false, DueDate = d.ExpiresOn, Since = d.CreatedAt });
        }, id => $"/documents/{id}"),
        new("documents.opinions", "documents.task.opinions", Office, async (sp, actor, ct) => (await sp.GetRequiredService<OpinionService>().ScopedAsync(ct))
            .Where(o => o.Status == OpinionStatus.Asked)
            .Select(o => new TaskRow { RecordId = o.Id, Number = o.Number, Title = o.Subject, Party = o.AdvisorName, PartyIsPerson = false, DueDate = o.Due.DueDate, Since = o.AskedAt }),
            id => $"/documents/opinions/{id}"),
        new("documents.decisions", "documents.task.decisions", Office, async (sp, actor, ct) => (await sp.GetRequiredService<DecisionService>().ScopedAsync(ct))
            .Where(d => d.Status == DecisionStatus.InProcedure)
            .Select(d => new TaskRow { RecordId = d.Id, Number = d.Number, Title = d.Title, Party = d.DepartmentName, PartyIsPerson = false, DueDate = null, Since = d.ChangedAt }),
            id => $"/documents/decisions/{id}"),
    ];
}
