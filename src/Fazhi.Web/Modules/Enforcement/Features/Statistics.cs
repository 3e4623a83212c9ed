using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Scope;
using Microsoft.EntityFrameworkCore;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Enforcement.Features;

/// <summary>One department's line of the penalty table.</summary>
public sealed record PenaltyLine(
    Guid DepartmentId, string Department, int Total, int Simple, int Ordinary, int Warnings, int Fines, int Confiscations, int LicenceMeasures, int Restrictions, int NotPenalised,
    decimal FineAmount, decimal ConfiscationAmount);

/// <summary>One department's line of a table of acts (licences, compulsory measures, levies, requisitions, inspections).</summary>
public sealed record ActLine(Guid DepartmentId, string Department, int Total, int Granted, int Refused, decimal Amount);

/// <summary>
/// The six tables a department publishes by 31 January for the year before (118号文): licences, penalties, compulsory
/// measures, levies, requisitions, inspections, one line per enforcement department, 0 where none.
/// </summary>
public sealed record YearTables(
    int Year, IReadOnlyList<ActLine> Licences, IReadOnlyList<PenaltyLine> Penalties, IReadOnlyList<ActLine> CompulsoryMeasures, IReadOnlyList<ActLine> Levies,
    IReadOnlyList<ActLine> Requisitions, IReadOnlyList<ActLine> Inspections);

public sealed class StatisticsService(FazhiDbContext db, DataScopeResolver scopes, OrganisationDirectory directory)
{
    /// <summary>The tables for a year within the caller's scope (<paramref name="everyone"/>: every department, as the public page shows them).</summary>
    public async Task<YearTables> ForYearAsync(int year, bool everyone = false, CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var scope = everyone ? DataScopeFilter.Everything : await scopes.CurrentAsync(ct);
        var departments = (await directory.UnitsAsync(ct)).Values.Where(u => u.EnforcesLaw && u.IsActive && scope.Allows(u.Id, null))
            .OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var ids = departments.Select(d => d.Id).ToList();

        // One grouped pass over the year's decisions, read from the covering index.
        var decided = await db.EnforcementCases.AsNoTracking().Where(c => c.DecidedOn >= from && c.DecidedOn <= to && ids.Contains(c.DepartmentId))
            .GroupBy(c => new { c.DepartmentId, c.PenaltyKind, c.Procedure })
            .Select(g => new { g.Key.DepartmentId, g.Key.PenaltyKind, g.Key.Procedure, Count = g.Count(), Fines = g.Sum(c => c.Fine), Confiscated = g.Sum(c => c.Confiscation) })
            .ToListAsync(ct);
        var acts = await db.EnforcementActions.AsNoTracking().Where(a => a.DecidedOn >= from && a.DecidedOn <= to && ids.Contains(a.DepartmentId))
            .GroupBy(a => new { a.DepartmentId, a.Kind, a.Granted })
            .Select(g => new { g.Key.DepartmentId, g.Key.Kind, g.Key.Granted, Count = g.Count(), Amount = g.Sum(a => a.Amount ?? 0) })
            .ToListAsync(ct);

        PenaltyLine Penalties(Guid id, string name)
        {
            var mine = decided.Where(d => d.DepartmentId == id).ToList();
            int Of(params PenaltyKind[] kinds) => mine.Where(d => d.PenaltyKind is { } k && kinds.Contains(k)).Sum(d => d.Count);
            return new PenaltyLine(id, name, mine.Where(d => d.PenaltyKind != PenaltyKind.NoPenalty).Sum(d => d.Count),
                mine.Where(d => d.Procedure == Procedure.Simple).Sum(d => d.Count), mine.Where(d => d.Procedure == Procedure.Ordinary && d.PenaltyKind != PenaltyKind.NoPenalty).Sum(d => d.Count),
                Of(PenaltyKind.Warning), Of(PenaltyKind.Fine), Of(PenaltyKind.Confiscation), Of(PenaltyKind.LicenceSuspension, PenaltyKind.LicenceRevocation),
                Of(PenaltyKind.Restriction), Of(PenaltyKind.NoPenalty), mine.Sum(d => d.Fines), mine.Sum(d => d.Confiscated));
        }

        IReadOnlyList<ActLine> Acts(ActionKind kind) => [.. departments.Select(d =>
        {
            var mine = acts.Where(a => a.DepartmentId == d.Id && a.Kind == kind).ToList();
            // A licence is granted or refused; a measure, levy, requisition or inspection recorded was carried out: every act is in one of the two columns.
            return new ActLine(d.Id, d.Name, mine.Sum(a => a.Count), mine.Where(a => a.Granted != false).Sum(a => a.Count), mine.Where(a => a.Granted == false).Sum(a => a.Count), mine.Sum(a => a.Amount));
        })];

        return new YearTables(year, Acts(ActionKind.Licence), [.. departments.Select(d => Penalties(d.Id, d.Name))], Acts(ActionKind.CompulsoryMeasure), Acts(ActionKind.Levy),
            Acts(ActionKind.Requisition), Acts(ActionKind.Inspection));
    }

    /// <summary>The six tables as one workbook, a sheet each, with a total line.</summary>
    public async Task<byte[]> ExcelAsync(int year, bool everyone = false, CancellationToken ct = default)
    {
        var t = await ForYearAsync(year, everyone, ct);
        var department = new LedgerColumn("部门", "Department");
        var total = new LedgerColumn("合计", "Total");
        var granted = new LedgerColumn("准予/实施", "Granted");
        var refused = new LedgerColumn("不予", "Refused");
        var amount = new LedgerColumn("金额（元）", "Amount");
        IEnumerable<IDictionary<string, object?>> ActRows(IReadOnlyList<ActLine> lines) =>
            lines.Select(l => Ledger.Row((department, l.Department), (total, l.Total), (granted, l.Granted), (refused, l.Refused), (amount, l.Amount)))
                .Append(Ledger.Row((department, "合计"), (total, lines.Sum(l => l.Total)), (granted, lines.Sum(l => l.Granted)), (refused, lines.Sum(l => l.Refused)), (amount, lines.Sum(l => l.Amount))));
        var c = new[]
        {
            new LedgerColumn("简易程序", "Simple"), new LedgerColumn("普通程序", "Ordinary"), new LedgerColumn("警告", "Warnings"), new LedgerColumn("罚款", "Fines"),
            new LedgerColumn("没收", "Confiscations"), new LedgerColumn("暂扣吊销许可", "LicenceMeasures"), new LedgerColumn("停产停业关闭", "Restrictions"),
            new LedgerColumn("不予处罚", "NotPenalised"), new LedgerColumn("罚没金额（元）", "Amount"),
        };
        IDictionary<string, object?> PenaltyRow(string name, IReadOnlyList<PenaltyLine> l) => Ledger.Row(
            (department, name), (total, l.Sum(x => x.Total)), (c[0], l.Sum(x => x.Simple)), (c[1], l.Sum(x => x.Ordinary)), (c[2], l.Sum(x => x.Warnings)), (c[3], l.Sum(x => x.Fines)),
            (c[4], l.Sum(x => x.Confiscations)), (c[5], l.Sum(x => x.LicenceMeasures)), (c[6], l.Sum(x => x.Restrictions)), (c[7], l.Sum(x => x.NotPenalised)),
            (c[8], l.Sum(x => x.FineAmount + x.ConfiscationAmount)));
        var sheets = new Dictionary<string, IEnumerable<IDictionary<string, object?>>>
        {
            ["行政许可"] = ActRows(t.Licences).ToList(),
            ["行政处罚"] = t.Penalties.Select(l => PenaltyRow(l.Department, [l])).Append(PenaltyRow("合计", t.Penalties)).ToList(),
            ["行政强制"] = ActRows(t.CompulsoryMeasures).ToList(),
            ["行政征收"] = ActRows(t.Levies).ToList(),
            ["行政征用"] = ActRows(t.Requisitions).ToList(),
            ["行政检查"] = ActRows(t.Inspections).ToList(),
        };
        return await Spreadsheet.WriteAsync(sheets);
    }

    /// <summary>The module's report figures (ARCHITECTURE.md): what the annual report asks for by name, each with its drill-down.</summary>
    public static IReadOnlyList<ReportFigure> Figures { get; } = BuildFigures();

    private static List<ReportFigure> BuildFigures()
    {
        // The cases decided in a period: penalties, simple procedures and hearings are counted in one pass over them.
        var decided = new CountFamily<EnforcementCase>(
            async (sp, p, ct) =>
            {
                var (from, to) = (p.From, p.To);
                return (await sp.GetRequiredService<CaseService>().ScopedAsync(ct)).Where(c => c.DecidedOn >= from && c.DecidedOn <= to);
            },
            q => q.OrderByDescending(c => c.DecidedOn),
            c => new FigureRecord { Id = c.Id, Number = c.DecisionNumber ?? c.Number, Title = c.Matter, Party = c.Party.Name, PartyIsPerson = c.Party.Kind == PartyKind.Person, On = c.DecidedOn, At = null },
            id => $"/enforcement/cases/{id}");
        ReportFigure Decisions(string name, System.Linq.Expressions.Expression<Func<EnforcementCase, bool>> where) =>
            decided.Count($"enforcement.{name}", $"enforcement.figure.{name}", where);
        static ReportFigure Acts(string name, ActionKind kind) => new CountFigure<EnforcementAction>(
            $"enforcement.{name}", $"enforcement.figure.{name}",
            async (sp, p, ct) =>
            {
                var (from, to) = (p.From, p.To);
                var scope = await sp.GetRequiredService<DataScopeResolver>().CurrentAsync(ct);
                return sp.GetRequiredService<FazhiDbContext>().EnforcementActions.AsNoTracking().WithinScope(scope, a => a.DepartmentId, _ => Guid.Empty)
                    .Where(a => a.Kind == kind && a.DecidedOn >= from && a.DecidedOn <= to).OrderByDescending(a => a.DecidedOn);
            },
            a => new FigureRecord { Id = a.Id, Number = a.Number, Title = a.Matter, Party = null, PartyIsPerson = false, On = a.DecidedOn, At = null },
            id => $"/enforcement/actions#a-{id}");

        var reviews = new CountFigure<ReviewFigureRow>("enforcement.reviews", "enforcement.figure.reviews",
            async (sp, p, ct) =>
            {
                var (start, end) = (p.FromUtc, p.ToUtcExclusive);
                var cases = await sp.GetRequiredService<CaseService>().ScopedAsync(ct);
                var db = sp.GetRequiredService<FazhiDbContext>();
                return (from r in db.Set<LegalityReview>().AsNoTracking()
                        join c in cases on r.CaseId equals c.Id
                        where r.ReviewedAt >= start && r.ReviewedAt < end
                        select new ReviewFigureRow { CaseId = c.Id, Number = c.Number, Reviewer = r.ReviewerName ?? "", Party = c.Party.Name, PartyIsPerson = c.Party.Kind == PartyKind.Person, ReviewedAt = r.ReviewedAt })
                    .OrderByDescending(r => r.ReviewedAt);
            },
            r => new FigureRecord { Id = r.CaseId, Number = r.Number, Title = r.Reviewer, Party = r.Party, PartyIsPerson = r.PartyIsPerson, On = null, At = r.ReviewedAt },
            id => $"/enforcement/cases/{id}");
        var disclosed = new CountFigure<Publication>("enforcement.disclosed", "enforcement.figure.disclosed",
            async (sp, p, ct) =>
            {
                var (from, to) = (p.From, p.To);
                var scope = await sp.GetRequiredService<DataScopeResolver>().CurrentAsync(ct);
                return sp.GetRequiredService<FazhiDbContext>().Publications.AsNoTracking().WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty)
                    .Where(x => x.PublishedOn >= from && x.PublishedOn <= to).OrderByDescending(x => x.PublishedOn);
            },
            x => new FigureRecord { Id = x.CaseId ?? x.Id, Number = x.DocumentNumber, Title = x.Matter, Party = x.Party, PartyIsPerson = false, On = x.PublishedOn, At = null },
            id => $"/enforcement/cases/{id}");
        // 持证执法人员数: the certificates in force on the period's last day: within their validity, and valid then (valid now, or
        // suspended or withdrawn only after that day, as Officer.CanActOn counts it).
        var officers = new CountFigure<Officer>("enforcement.officers", "enforcement.figure.officers",
            async (sp, p, ct) =>
            {
                var day = p.To;
                return (await sp.GetRequiredService<OfficerService>().ScopedAsync(ct))
                    .Where(o => o.ValidFrom <= day && o.ValidUntil >= day && (o.Status == CertificateStatus.Valid || o.StatusSince > day)).OrderBy(o => o.Name);
            },
            o => new FigureRecord { Id = o.Id, Number = o.CertificateNumber, Title = o.Name, Party = null, PartyIsPerson = false, On = o.ValidUntil, At = null },
            _ => "/enforcement/officers");
        var evaluated = new CountFigure<FileEvaluation>("enforcement.evaluated", "enforcement.figure.evaluated",
            async (sp, p, ct) =>
            {
                var (from, to) = (p.From, p.To);
                var scope = await sp.GetRequiredService<DataScopeResolver>().CurrentAsync(ct);
                return sp.GetRequiredService<FazhiDbContext>().FileEvaluations.AsNoTracking().WithinScope(scope, e => e.DepartmentId, _ => Guid.Empty)
                    .Where(e => e.EvaluatedOn >= from && e.EvaluatedOn <= to).OrderByDescending(e => e.EvaluatedOn);
            },
            e => new FigureRecord { Id = e.CaseId, Number = e.CaseNumber, Title = e.CaseNumber, Party = null, PartyIsPerson = false, On = e.EvaluatedOn, At = null },
            id => $"/enforcement/cases/{id}");
        // The departments whose files were evaluated in the period (the town's yearly evaluation: 27 files from 15 departments).
        var evaluatedDepartments = new CountFigure<EvaluatedDepartmentRow>("enforcement.evaluated_departments", "enforcement.figure.evaluated_departments",
            async (sp, p, ct) =>
            {
                var (from, to) = (p.From, p.To);
                var scope = await sp.GetRequiredService<DataScopeResolver>().CurrentAsync(ct);
                var db = sp.GetRequiredService<FazhiDbContext>();
                var files = db.FileEvaluations.AsNoTracking().WithinScope(scope, e => e.DepartmentId, _ => Guid.Empty).Where(e => e.EvaluatedOn >= from && e.EvaluatedOn <= to);
                return db.OrgNodes.AsNoTracking().Where(n => files.Any(e => e.DepartmentId == n.Id)).OrderBy(n => n.SortOrder).ThenBy(n => n.Code)
                    .Select(n => new EvaluatedDepartmentRow
                    {
                        DepartmentId = n.Id, Code = n.Code, Name = n.Name,
                        LastEvaluatedOn = files.Where(e => e.DepartmentId == n.Id).OrderByDescending(e => e.EvaluatedOn).Select(e => (DateOnly?)e.EvaluatedOn).FirstOrDefault(),
                    });
            },
            r => new FigureRecord { Id = r.DepartmentId, Number = r.Code, Title = r.Name, Party = null, PartyIsPerson = false, On = r.LastEvaluatedOn, At = null },
            _ => "/enforcement/evaluation");
        // 行政执法人员培训: the officers who attended a training in the period, each once however many they attended.
        var trained = new CountFigure<TrainedFigureRow>("enforcement.trained", "enforcement.figure.trained",
            async (sp, p, ct) =>
            {
                var (from, to) = (p.From, p.To);
                var trainings = sp.GetRequiredService<FazhiDbContext>().OfficerTrainings.AsNoTracking().Where(t => t.HeldOn >= from && t.HeldOn <= to);
                return (await sp.GetRequiredService<OfficerService>().ScopedAsync(ct)).Where(o => trainings.Any(t => t.OfficerId == o.Id))
                    .OrderBy(o => o.Name).ThenBy(o => o.CertificateNumber)
                    .Select(o => new TrainedFigureRow
                    {
                        OfficerId = o.Id, Name = o.Name, CertificateNumber = o.CertificateNumber,
                        LastTrainedOn = trainings.Where(t => t.OfficerId == o.Id).OrderByDescending(t => t.HeldOn).Select(t => (DateOnly?)t.HeldOn).FirstOrDefault(),
                    });
            },
            r => new FigureRecord { Id = r.OfficerId, Number = r.CertificateNumber, Title = r.Name, Party = null, PartyIsPerson = false, On = r.LastTrainedOn, At = null },
            _ => "/enforcement/officers");
        return
        [
            Acts("licences", ActionKind.Licence),
            Decisions("penalties", c => c.PenaltyKind != PenaltyKind.NoPenalty),
            Decisions("simple", c => c.Procedure == Procedure.Simple),
            Decisions("heard", c => c.HearingHeldOn != null),
            Acts("compulsory", ActionKind.CompulsoryMeasure),
            Acts("levies", ActionKind.Levy),
            Acts("requisitions", ActionKind.Requisition),
            Acts("inspections", ActionKind.Inspection),
            reviews, disclosed, officers, evaluated, evaluatedDepartments, trained,
        ];
    }
}

public static class StatisticsApi
{
    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder g)
    {
        g.MapGet("/statistics/{year:int}", async (int year, StatisticsService s) => TypedResults.Ok(await s.ForYearAsync(Year(year))))
            .WithSummary("The six tables for a year (licences, penalties, compulsory measures, levies, requisitions, inspections), one line per department.").ReadsFromStandby();
        g.MapGet("/statistics/{year:int}/export", async (int year, StatisticsService s) =>
                TypedResults.File(await s.ExcelAsync(Year(year)), Spreadsheet.ContentType, $"enforcement-{year}.xlsx"))
            .WithSummary("The six tables as Excel, a sheet each, with totals.").ProducesExcel().ReadsFromStandby();
        return g;
    }

    public static IEndpointRouteBuilder MapPublicStatistics(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/public/enforcement/statistics").AllowAnonymous().RequireRateLimiting(DisclosureApi.RateLimitPolicy).WithTags("Public");
        g.MapGet("/{year:int}", async (int year, StatisticsService s, TimeProvider time) => TypedResults.Ok(await s.ForYearAsync(PublicYear(year, time), everyone: true)))
            .WithSummary("A finished year's six tables for every department, as published by 31 January.");
        g.MapGet("/{year:int}/export", async (int year, StatisticsService s, TimeProvider time) =>
                TypedResults.File(await s.ExcelAsync(PublicYear(year, time), everyone: true), Spreadsheet.ContentType, $"enforcement-{year}.xlsx"))
            .WithSummary("A finished year's six tables as Excel.").ProducesExcel();
        return app;
    }

    private static int Year(int year) => year is >= 2000 and <= 2100 ? year : throw new Platform.Web.DomainException("range", "year", Platform.Web.ErrorKind.Invalid, 2000, 2100);

    /// <summary>Only a finished year is published.</summary>
    private static int PublicYear(int year, TimeProvider time) =>
        Year(year) < ChinaTime.Today(time).Year ? year : throw new Platform.Web.DomainException("enforcement.year_not_finished", "year", Platform.Web.ErrorKind.Invalid);
}

/// <summary>A legality review with its case, as the review figure's drill-down reads it.</summary>
internal sealed record ReviewFigureRow
{
    public required Guid CaseId { get; init; }

    public required string Number { get; init; }

    public required string Reviewer { get; init; }

    public required string Party { get; init; }

    public required bool PartyIsPerson { get; init; }

    public required DateTime? ReviewedAt { get; init; }
}

/// <summary>A department whose files were evaluated in the period, as the figure's drill-down reads it.</summary>
internal sealed record EvaluatedDepartmentRow
{
    public required Guid DepartmentId { get; init; }

    public required string Code { get; init; }

    public required string Name { get; init; }

    public required DateOnly? LastEvaluatedOn { get; init; }
}

/// <summary>An officer who attended a training in the period, with the last day they did.</summary>
internal sealed record TrainedFigureRow
{
    public required Guid OfficerId { get; init; }

    public required string Name { get; init; }

    public required string CertificateNumber { get; init; }

    public required DateOnly? LastTrainedOn { get; init; }
}
