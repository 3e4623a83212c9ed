using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

public sealed record ContactCount(Guid PlaceId, string Place, ContactChannel Channel, int Count);

public sealed record KindCount(string Kind, int Received, int Granted, int Closed);

/// <summary>A period's legal aid: contacts by place and channel; applications by outcome, matter type and service form; quality.</summary>
public sealed record AidStatistics(
    DateOnly From, DateOnly To, int Contacts, IReadOnlyList<ContactCount> ContactsByPlace, int Received, int Granted, int Refused, int Withdrawn,
    int Closed, int Terminated, IReadOnlyList<KindCount> ByMatter, IReadOnlyList<KindCount> ByForm, int QualityChecks, decimal? AverageScore);

/// <summary>The year's figures, each in one grouped query over an index, and the named report figures with their records.</summary>
public sealed class StatisticsService(FazhiDbContext db, ApplicationService applications, ContactService contacts, Text text)
{
    public async Task<AidStatistics> ForPeriodAsync(FigurePeriod p, CancellationToken ct = default)
    {
        var (from, to) = (p.FromUtc, p.ToUtcExclusive);
        var places = await db.AidPlaces.AsNoTracking().ToDictionaryAsync(x => x.Id, x => x.Name, ct);
        var byPlace = await (await contacts.ScopedAsync(ct)).Where(c => c.At >= from && c.At < to)
            .GroupBy(c => new { c.PlaceId, c.Channel }).Select(g => new { g.Key.PlaceId, g.Key.Channel, Count = g.Count() }).ToListAsync(ct);
        var apps = await applications.ScopedAsync(ct);
        // One pass over the period's applications by matter, form and status.
        var received = await apps.Where(a => a.ReceivedAt >= from && a.ReceivedAt < to)
            .GroupBy(a => new { a.MatterType, a.Form, a.Status }).Select(g => new { g.Key.MatterType, g.Key.Form, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var decided = await apps.Where(a => a.DecidedAt >= from && a.DecidedAt < to)
            .GroupBy(a => a.Status).Select(g => new { Status = g.Key, Count = g.Count(), Granted = g.Count(a => a.MeansEligible && a.Status != AidStatus.Refused && a.Status != AidStatus.Withdrawn) })
            .ToListAsync(ct);
        var closed = await apps.Where(a => a.ClosedAt >= from && a.ClosedAt < to)
            .GroupBy(a => new { a.MatterType, a.Form, a.Status }).Select(g => new { g.Key.MatterType, g.Key.Form, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var quality = await (from q in db.Set<QualityCheck>().AsNoTracking()
                             join a in apps on q.CaseId equals a.Id
                             where q.On >= p.From && q.On <= p.To
                             select q.Score).ToListAsync(ct);
        static bool IsGranted(AidStatus s) => s is AidStatus.Granted or AidStatus.Assigned or AidStatus.Closed or AidStatus.Terminated;
        return new AidStatistics(
            p.From, p.To, byPlace.Sum(x => x.Count),
            [.. byPlace.OrderBy(x => places.GetValueOrDefault(x.PlaceId)).ThenBy(x => x.Channel).Select(x => new ContactCount(x.PlaceId, places.GetValueOrDefault(x.PlaceId, ""), x.Channel, x.Count))],
            received.Sum(x => x.Count), decided.Where(x => IsGranted(x.Status)).Sum(x => x.Count), decided.Where(x => x.Status == AidStatus.Refused).Sum(x => x.Count),
            decided.Where(x => x.Status == AidStatus.Withdrawn).Sum(x => x.Count),
            closed.Where(x => x.Status == AidStatus.Closed).Sum(x => x.Count), closed.Where(x => x.Status == AidStatus.Terminated).Sum(x => x.Count),
            [.. Enum.GetValues<MatterType>().Select(m => new KindCount(m.ToString(), received.Where(x => x.MatterType == m).Sum(x => x.Count),
                received.Where(x => x.MatterType == m && IsGranted(x.Status)).Sum(x => x.Count), closed.Where(x => x.MatterType == m && x.Status == AidStatus.Closed).Sum(x => x.Count)))],
            [.. Enum.GetValues<ServiceForm>().Select(f => new KindCount(f.ToString(), received.Where(x => x.Form == f).Sum(x => x.Count),
                received.Where(x => x.Form == f && IsGranted(x.Status)).Sum(x => x.Count), closed.Where(x => x.Form == f && x.Status == AidStatus.Closed).Sum(x => x.Count)))],
            quality.Count, quality.Count == 0 ? null : Math.Round((decimal)quality.Average(), 2));
    }

    /// <summary>The same tables as Excel, a sheet each: contacts by place and channel, outcomes, matter types, service forms.</summary>
    public async Task<byte[]> ExcelAsync(FigurePeriod p, CancellationToken ct = default)
    {
        var s = await ForPeriodAsync(p, ct);
        LedgerColumn place = new("接待地点", "Place"), channel = new("渠道", "Channel"), count = new("人次", "Contacts"), figure = new("项目", "Figure"), value = new("数量", "Count"),
            kind = new("类别", "Kind"), received = new("受理", "Received"), granted = new("给予援助", "Granted"), closedCol = new("结案", "Closed");
        var sheets = new Dictionary<string, IEnumerable<IDictionary<string, object?>>>
        {
            [text["legalaid.stats.contacts"].Value] = s.ContactsByPlace.Select(c => Ledger.Row((place, c.Place), (channel, text["legalaid.channel." + c.Channel].Value), (count, c.Count)))
                .Append(Ledger.Row((place, text["legalaid.total"].Value), (channel, ""), (count, s.Contacts))).ToList(),
            [text["legalaid.stats.outcomes"].Value] = new (string Key, int N)[]
                {
                    ("legalaid.figure.applications", s.Received), ("legalaid.figure.granted", s.Granted), ("legalaid.figure.refused", s.Refused),
                    ("legalaid.stats.withdrawn", s.Withdrawn), ("legalaid.figure.closed", s.Closed), ("legalaid.stats.terminated", s.Terminated), ("legalaid.figure.quality_checks", s.QualityChecks),
                }.Select(x => Ledger.Row((figure, text[x.Key].Value), (value, x.N))).ToList(),
            [text["field.matterType"].Value] = s.ByMatter.Select(m => Ledger.Row((kind, text["legalaid.matter." + m.Kind].Value), (received, m.Received), (granted, m.Granted), (closedCol, m.Closed))).ToList(),
            [text["field.form"].Value] = s.ByForm.Select(m => Ledger.Row((kind, text["legalaid.form." + m.Kind].Value), (received, m.Received), (granted, m.Granted), (closedCol, m.Closed))).ToList(),
        };
        return await Spreadsheet.WriteAsync(sheets);
    }

    public static IReadOnlyList<ReportFigure> Figures { get; } = BuildFigures();

    private static List<ReportFigure> BuildFigures()
    {
        static ReportFigure Apps(string name, Func<IQueryable<AidApplication>, FigurePeriod, IQueryable<AidApplication>> where) => new CountFigure<AidApplication>(
            $"legalaid.{name}", $"legalaid.figure.{name}",
            async (sp, period, ct) => where(await sp.GetRequiredService<ApplicationService>().ScopedAsync(ct), period).OrderByDescending(a => a.ReceivedAt),
            a => new FigureRecord { Id = a.Id, Number = a.Number, Title = "legalaid.matter." + a.MatterType.ToString(), Party = a.ApplicantName, PartyIsPerson = true, On = null, At = a.ReceivedAt },
            id => $"/legal-aid/applications/{id}");
        var contacts = new CountFigure<AidContact>("legalaid.contacts", "legalaid.figure.contacts",
            async (sp, p, ct) =>
            {
                var (from, to) = (p.FromUtc, p.ToUtcExclusive);
                return (await sp.GetRequiredService<ContactService>().ScopedAsync(ct)).Where(c => c.At >= from && c.At < to).OrderByDescending(c => c.At);
            },
            c => new FigureRecord { Id = c.Id, Number = "", Title = "legalaid.channel." + c.Channel.ToString(), Party = c.Name, PartyIsPerson = true, On = null, At = c.At },
            _ => "/legal-aid/contacts");
        var applications = Apps("applications", (q, p) =>
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(a => a.ReceivedAt >= from && a.ReceivedAt < to);
        });
        var granted = Apps("granted", (q, p) =>
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(a => a.DecidedAt >= from && a.DecidedAt < to && (a.Status == AidStatus.Granted || a.Status == AidStatus.Assigned || a.Status == AidStatus.Closed || a.Status == AidStatus.Terminated));
        });
        var refused = Apps("refused", (q, p) =>
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(a => a.DecidedAt >= from && a.DecidedAt < to && a.Status == AidStatus.Refused);
        });
        var closed = Apps("closed", (q, p) =>
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(a => a.ClosedAt >= from && a.ClosedAt < to && a.Status == AidStatus.Closed);
        });
        static ReportFigure Checks(string name, int minimum) => new CountFigure<AidApplication>(
            $"legalaid.{name}", $"legalaid.figure.{name}",
            async (sp, p, ct) => (await sp.GetRequiredService<ApplicationService>().ScopedAsync(ct))
                .Where(a => a.Quality.Any(q => q.On >= p.From && q.On <= p.To && q.Score >= minimum)).OrderByDescending(a => a.ReceivedAt),
            a => new FigureRecord { Id = a.Id, Number = a.Number, Title = "legalaid.matter." + a.MatterType.ToString(), Party = a.ApplicantName, PartyIsPerson = true, On = null, At = a.ReceivedAt },
            id => $"/legal-aid/applications/{id}");
        var checkedCases = Checks("quality_checks", 0);
        var good = Checks("quality_good", 80);
        // The counts by channel and by place kind (the report's "by place and channel"), and applications by matter type and service form.
        static ReportFigure Contacts(string name, Func<FazhiDbContext, IQueryable<AidContact>, IQueryable<AidContact>> where) => new CountFigure<AidContact>(
            "legalaid.contacts." + name, "legalaid.figure.contacts." + name,
            async (sp, p, ct) =>
            {
                var (from, to) = (p.FromUtc, p.ToUtcExclusive);
                var scoped = (await sp.GetRequiredService<ContactService>().ScopedAsync(ct)).Where(c => c.At >= from && c.At < to);
                return where(sp.GetRequiredService<FazhiDbContext>(), scoped).OrderByDescending(c => c.At);
            },
            c => new FigureRecord { Id = c.Id, Number = "", Title = "legalaid.channel." + c.Channel.ToString(), Party = c.Name, PartyIsPerson = true, On = null, At = c.At },
            _ => "/legal-aid/contacts");
        var byChannel = Enum.GetValues<ContactChannel>().Select(ch => Contacts(ch.ToString(), (_, q) => q.Where(c => c.Channel == ch)));
        var byPlace = Enum.GetValues<PlaceKind>().Select(k => Contacts(k.ToString(), (db, q) => q.Where(c => db.Set<AidPlace>().Any(p => p.Id == c.PlaceId && p.Kind == k))));
        IQueryable<AidApplication> Received(IQueryable<AidApplication> q, FigurePeriod p)
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(a => a.ReceivedAt >= from && a.ReceivedAt < to);
        }

        var byMatter = Enum.GetValues<MatterType>().Select(m => Apps("matter." + m, (q, p) => Received(q, p).Where(a => a.MatterType == m)));
        var byForm = Enum.GetValues<ServiceForm>().Select(f => Apps("form." + f, (q, p) => Received(q, p).Where(a => a.Form == f)));
        return [contacts, .. byChannel, .. byPlace, applications, granted, refused, closed, .. byMatter, .. byForm, checkedCases, good,
            new RateFigure("legalaid.quality_rate", "legalaid.figure.quality_rate", good, checkedCases)];
    }
}

public static class StatisticsApi
{
    public static RouteGroupBuilder MapStatistics(this RouteGroupBuilder g)
    {
        g.MapGet("/statistics", async (DateOnly? from, DateOnly? to, StatisticsService s, TimeProvider time) =>
                TypedResults.Ok(await s.ForPeriodAsync(FigureCatalog.Period(from, to, ChinaTime.Today(time)))))
            .WithSummary("Contacts by place and channel; applications received, granted, refused, withdrawn; cases closed and terminated; by matter type and service form; quality.").ReadsFromStandby();
        g.MapGet("/statistics/export", async (DateOnly? from, DateOnly? to, StatisticsService s, TimeProvider time) =>
            {
                var period = FigureCatalog.Period(from, to, ChinaTime.Today(time));
                return TypedResults.File(await s.ExcelAsync(period), Spreadsheet.ContentType, $"legal-aid-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.xlsx");
            })
            .WithSummary("The same tables as Excel, a sheet each.").ProducesExcel().ReadsFromStandby();
        return g;
    }
}
