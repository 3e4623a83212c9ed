using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

/// <summary>Cases mediated (concluded in the period), settled among them, and the success rate.</summary>
public sealed record StatRow(string Key, int Mediated, int Settled)
{
    /// <summary>Exact: settled / mediated (3,899 of 3,929 is 0.99236…, shown 99.24%).</summary>
    public decimal? Rate => Mediated == 0 ? null : (decimal)Settled / Mediated;

    /// <summary>The rate as shown (99.24%), or null when nothing was mediated.</summary>
    public string? RateText => Rate is { } r ? FigureCatalog.Percent(r) : null;

    public static StatRow Sum(string key, IEnumerable<StatRow> rows)
    {
        var list = rows.ToList();
        return new StatRow(key, list.Sum(r => r.Mediated), list.Sum(r => r.Settled));
    }
}

public sealed record MediationStatistics(
    DateOnly From, DateOnly To, int Received, StatRow Total, IReadOnlyList<StatRow> ByCommittee, IReadOnlyList<StatRow> ByType, IReadOnlyList<StatRow> ByMonth,
    IReadOnlyList<StatRow> BySource, int Written, int Oral, int ConfirmationsApplied, int Confirmed, int Subsidised, decimal SubsidyAmount,
    int Campaigns, int AreasReported, int ZeroReports, int Findings, int Mediators, int MediatorsTrained, decimal TrainingHours,
    int RefusedBeforeMediation, int MediatedFromEarlier);

/// <summary>
/// The statistics of a period (by committee, type, month and source), counted in the database over the cases
/// concluded in it, and the module's named report figures, each with its drill-down.
/// </summary>
public sealed class StatisticsService(FazhiDbContext db, CaseService cases, DataScopeResolver scopes, Text text)
{
    /// <summary>The period's tables as a workbook: one sheet each by committee, type, month and source, with totals and rates.</summary>
    public async Task<byte[]> ExcelAsync(FigurePeriod period, CancellationToken ct = default)
    {
        var s = await ForPeriodAsync(period, ct);
        LedgerColumn key = new("项目", "Item"), mediated = new("调解数", "Mediated"), settled = new("调解成功数", "Settled"), rate = new("调解成功率", "Success rate");
        IEnumerable<IDictionary<string, object?>> Sheet(IReadOnlyList<StatRow> rows, Func<string, string> label) =>
            rows.Append(StatRow.Sum(text["mediation.total"].Value, rows)).Select(r => Ledger.Row(
                (key, r.Key == text["mediation.total"].Value ? r.Key : label(r.Key)), (mediated, r.Mediated), (settled, r.Settled),
                (rate, r.Rate is { } ratio ? new Percentage(ratio) : null)));
        return await Spreadsheet.WriteAsync(new Dictionary<string, IEnumerable<IDictionary<string, object?>>>
        {
            [text["mediation.statistics.by.committee"].Value] = Sheet(s.ByCommittee, k => k),
            [text["mediation.statistics.by.type"].Value] = Sheet(s.ByType, k => text["mediation.type." + k].Value),
            [text["mediation.statistics.by.month"].Value] = Sheet(s.ByMonth, k => text["mediation.statistics.month_n", k].Value),
            [text["mediation.statistics.by.source"].Value] = Sheet(s.BySource, k => text["mediation.source." + k].Value),
        });
    }

    public async Task<MediationStatistics> ForPeriodAsync(FigurePeriod period, CancellationToken ct = default)
    {
        var (from, to) = (period.FromUtc, period.ToUtcExclusive);
        var scoped = await cases.ScopedAsync(ct);
        // One grouped pass over the period's concluded cases; the month is China time.
        // Mediated: concluded after mediation. A case ended because a party refused mediation before any session (第17条) was never mediated.
        var cells = await scoped.Where(c => c.ClosedAt >= from && c.ClosedAt < to).Where(WasMediated)
            .GroupBy(c => new { c.CommitteeId, c.Type, c.Source, Month = c.ClosedAt!.Value.AddHours(8).Month })
            .Select(g => new Cell(g.Key.CommitteeId, g.Key.Type, g.Key.Source, g.Key.Month, g.Count(), g.Count(c => c.Status == CaseStatus.Settled),
                g.Count(c => c.AgreementKind == AgreementKind.Written), g.Count(c => c.AgreementKind == AgreementKind.Oral)))
            .ToListAsync(ct);
        var committees = await db.Committees.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        IReadOnlyList<StatRow> By<TKey>(Func<Cell, TKey> key, Func<TKey, string> name) where TKey : notnull =>
            [.. cells.GroupBy(c => key(c)).Select(g => new StatRow(name(g.Key), g.Sum(c => c.Mediated), g.Sum(c => c.Settled))).OrderByDescending(r => r.Mediated)];
        var received = await scoped.CountAsync(c => c.RegisteredAt >= from && c.RegisteredAt < to, ct);
        var refusedBefore = await scoped.Where(c => c.ClosedAt >= from && c.ClosedAt < to && c.Status == CaseStatus.Ended && !c.Sessions.Any(s => s.Held)).CountAsync(ct);
        // Why more may be mediated than received: cases received before the period and concluded in it.
        var fromEarlier = await scoped.Where(c => c.ClosedAt >= from && c.ClosedAt < to && c.RegisteredAt < from).Where(WasMediated).CountAsync(ct);
        var (fromDay, toDay) = (period.From, period.To);
        var applied = await scoped.CountAsync(c => c.Agreement!.ConfirmationAppliedOn >= fromDay && c.Agreement.ConfirmationAppliedOn <= toDay, ct);
        var confirmed = await scoped.CountAsync(c => c.Agreement!.CourtDecidedOn >= fromDay && c.Agreement.CourtDecidedOn <= toDay && c.Agreement.Confirmed == true, ct);
        var subsidies = await scoped.Where(c => c.ApprovedAt >= from && c.ApprovedAt < to).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Amount = g.Sum(c => c.SubsidyAmount ?? 0) }).FirstOrDefaultAsync(ct);
        var areas = await AreasAsync(ct);
        var reported = areas.Where(a => a.ReportedAt >= from && a.ReportedAt < to);
        var areaCounts = await reported.GroupBy(_ => 1).Select(g => new { Reported = g.Count(), Zero = g.Count(a => a.ZeroReport), Findings = g.Sum(a => a.Findings.Count) }).FirstOrDefaultAsync(ct);
        var campaigns = await db.Campaigns.AsNoTracking().CountAsync(c => c.From <= toDay && c.To >= fromDay, ct);
        var mediators = await MediatorsAsync(ct);
        var trainings = await TrainingsAsync(period, ct);
        var trained = await trainings.GroupBy(_ => 1).Select(g => new { People = g.Select(t => t.MediatorId).Distinct().Count(), Hours = g.Sum(t => t.Hours) }).FirstOrDefaultAsync(ct);
        return new MediationStatistics(
            period.From, period.To, received,
            new StatRow("total", cells.Sum(c => c.Mediated), cells.Sum(c => c.Settled)),
            By(c => c.CommitteeId, id => committees.GetValueOrDefault(id, "?")),
            By(c => c.Type, t => t.ToString()),
            [.. By(c => c.Month, m => m.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture))],
            By(c => c.Source, s => s.ToString()),
            cells.Sum(c => c.Written), cells.Sum(c => c.Oral),
            applied, confirmed, subsidies?.Count ?? 0, subsidies?.Amount ?? 0,
            campaigns, areaCounts?.Reported ?? 0, areaCounts?.Zero ?? 0, areaCounts?.Findings ?? 0,
            await mediators.CountAsync(ct), trained?.People ?? 0, trained?.Hours ?? 0, refusedBefore, fromEarlier);
    }

    /// <summary>A concluded case that was mediated: settled, failed, or ended by a refusal after a session was held.</summary>
    private static readonly System.Linq.Expressions.Expression<Func<MediationCase, bool>> WasMediated =
        c => c.Status != CaseStatus.Ended || c.Sessions.Any(s => s.Held);

    private sealed record Cell(Guid CommitteeId, DisputeType Type, CaseSource Source, int Month, int Mediated, int Settled, int Written, int Oral);

    private async Task<IQueryable<ScreeningArea>> AreasAsync(CancellationToken ct)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.ScreeningAreas.AsNoTracking().WithinScope(scope, a => a.DepartmentId, _ => Guid.Empty);
    }

    private async Task<IQueryable<Mediator>> MediatorsAsync(CancellationToken ct)
    {
        var committees = (await cases.ScopedCommitteesAsync(ct)).Select(c => c.Id);
        return db.Mediators.AsNoTracking().Where(m => m.IsActive && committees.Contains(m.CommitteeId));
    }

    /// <summary>
    /// 驻派出所人民调解室: the active rooms of the reader's committees that sit in a police station and had opened by the period's
    /// last day (a room whose opening day was not kept counts in every period).
    /// </summary>
    private async Task<IQueryable<MediationRoom>> PoliceRoomsAsync(FigurePeriod period, CancellationToken ct)
    {
        var committees = (await cases.ScopedCommitteesAsync(ct)).Select(c => c.Id);
        var last = period.To;
        return db.Rooms.AsNoTracking()
            .Where(r => r.Place == RoomPlace.PoliceStation && r.IsActive && (r.OpenedOn == null || r.OpenedOn <= last) && committees.Contains(r.CommitteeId));
    }

    private async Task<IQueryable<MediatorTraining>> TrainingsAsync(FigurePeriod period, CancellationToken ct)
    {
        var mediators = (await MediatorsAsync(ct)).Select(m => m.Id);
        var (from, to) = (period.From, period.To);
        return db.Trainings.AsNoTracking().Where(t => t.On >= from && t.On <= to && mediators.Contains(t.MediatorId));
    }

    /// <summary>The module's report figures (ARCHITECTURE.md): what the annual report asks for by name.</summary>
    public static IReadOnlyList<ReportFigure> Figures { get; } = BuildFigures();

    private static List<ReportFigure> BuildFigures()
    {
        System.Linq.Expressions.Expression<Func<MediationCase, FigureRecord>> row =
            c => new FigureRecord { Id = c.Id, Number = c.Number, Title = "mediation.type." + c.Type.ToString(), Party = c.Parties.OrderBy(x => x.Side).Select(x => x.Name).FirstOrDefault(), PartyIsPerson = true, On = null, At = c.RegisteredAt };
        static string Link(Guid id) => $"/mediation/cases/{id}";
        ReportFigure Cases(string name, Func<IQueryable<MediationCase>, FigurePeriod, IQueryable<MediationCase>> where) => new CountFigure<MediationCase>(
            $"mediation.{name}", $"mediation.figure.{name}",
            async (sp, period, ct) => where(await sp.GetRequiredService<CaseService>().ScopedAsync(ct), period).OrderByDescending(c => c.RegisteredAt),
            row, Link);
        static IQueryable<MediationCase> Concluded(IQueryable<MediationCase> q, FigurePeriod p)
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(c => c.ClosedAt >= from && c.ClosedAt < to);
        }

        var received = Cases("received", (q, p) =>
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(c => c.RegisteredAt >= from && c.RegisteredAt < to);
        });
        // The cases concluded in a period: mediated, settled and in writing are counted in one pass over them.
        var concluded = new CountFamily<MediationCase>(
            async (sp, period, ct) => Concluded(await sp.GetRequiredService<CaseService>().ScopedAsync(ct), period),
            q => q.OrderByDescending(c => c.RegisteredAt), row, Link);
        var mediated = concluded.Count("mediation.mediated", "mediation.figure.mediated", WasMediated);
        var settled = concluded.Count("mediation.settled", "mediation.figure.settled", c => c.Status == CaseStatus.Settled);
        var written = concluded.Count("mediation.written", "mediation.figure.written", c => c.AgreementKind == AgreementKind.Written);
        var applied = Cases("confirmations", (q, p) =>
        {
            var (from, to) = (p.From, p.To);
            return q.Where(c => c.Agreement!.ConfirmationAppliedOn >= from && c.Agreement.ConfirmationAppliedOn <= to);
        });
        var confirmed = Cases("confirmed", (q, p) =>
        {
            var (from, to) = (p.From, p.To);
            return q.Where(c => c.Agreement!.CourtDecidedOn >= from && c.Agreement.CourtDecidedOn <= to && c.Agreement.Confirmed == true);
        });
        var subsidised = Cases("subsidised", (q, p) =>
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(c => c.ApprovedAt >= from && c.ApprovedAt < to);
        });
        var screenings = new CountFigure<ScreeningArea>("mediation.screenings", "mediation.figure.screenings",
            async (sp, p, ct) =>
            {
                var (from, to) = (p.FromUtc, p.ToUtcExclusive);
                return (await sp.GetRequiredService<StatisticsService>().AreasAsync(ct)).Where(a => a.ReportedAt >= from && a.ReportedAt < to).OrderByDescending(a => a.ReportedAt);
            },
            a => new FigureRecord { Id = a.CampaignId, Number = a.Name, Title = a.Name, Party = null, PartyIsPerson = false, On = null, At = a.ReportedAt },
            id => $"/mediation/screenings/{id}");
        var mediators = new CountFigure<Mediator>("mediation.mediators", "mediation.figure.mediators",
            async (sp, _, ct) => (await sp.GetRequiredService<StatisticsService>().MediatorsAsync(ct)).OrderBy(m => m.Name),
            m => new FigureRecord { Id = m.Id, Number = m.Name, Title = m.Name, Party = null, PartyIsPerson = false, On = null, At = null },
            _ => "/mediation/committees");
        var policeRooms = new CountFigure<MediationRoom>("mediation.police_rooms", "mediation.figure.police_rooms",
            async (sp, p, ct) => (await sp.GetRequiredService<StatisticsService>().PoliceRoomsAsync(p, ct)).OrderBy(r => r.Name),
            r => new FigureRecord { Id = r.Id, Number = r.Name, Title = r.Name, Party = null, PartyIsPerson = false, On = r.OpenedOn, At = null },
            _ => "/mediation/committees");
        var trainings = new CountFigure<MediatorTraining>("mediation.trainings", "mediation.figure.trainings",
            async (sp, p, ct) => (await sp.GetRequiredService<StatisticsService>().TrainingsAsync(p, ct)).OrderByDescending(t => t.On),
            t => new FigureRecord { Id = t.MediatorId, Number = t.Topic, Title = t.Topic, Party = null, PartyIsPerson = false, On = t.On, At = null },
            _ => "/mediation/committees");
        return [received, mediated, settled, new RateFigure("mediation.success_rate", "mediation.figure.success_rate", settled, mediated), written, applied, confirmed, subsidised, screenings, mediators, policeRooms, trainings];
    }
}

public static class StatisticsApi
{
    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder g)
    {
        g.MapGet("/statistics", async (DateOnly? from, DateOnly? to, StatisticsService s, TimeProvider time) =>
                TypedResults.Ok(await s.ForPeriodAsync(FigureCatalog.Period(from, to, ChinaTime.Today(time)))))
            .WithSummary("Cases mediated and settled, with the success rate, by committee, type, month and source; confirmations, subsidies, screenings, mediators and training.").ReadsFromStandby();
        g.MapGet("/statistics/export", async (DateOnly? from, DateOnly? to, StatisticsService s, TimeProvider time) =>
            {
                var period = FigureCatalog.Period(from, to, ChinaTime.Today(time));
                return TypedResults.File(await s.ExcelAsync(period), Spreadsheet.ContentType, $"mediation-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.xlsx");
            })
            .WithSummary("The same tables as Excel: a sheet each by committee, type, month and source, with totals and the success rate.").ProducesExcel().ReadsFromStandby();
        return g;
    }
}
