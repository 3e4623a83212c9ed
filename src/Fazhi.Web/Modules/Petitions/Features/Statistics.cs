using Fazhi.Web.Platform.Data;
using Fazhi.Web.Modules.LegalAid.Contracts;
using Fazhi.Web.Modules.Mediation.Contracts;
using Fazhi.Web.Modules.Petitions.Domain;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Petitions.Features;

public sealed record PetitionCount(string Key, int Count);

/// <summary>
/// The year's petitions as the annual report counts them (第41条): matters received (a repeat is linked, not counted again),
/// repeats, people in group visits; by channel, class and matter; how they were decided and answered; reviews and re-reviews;
/// satisfaction; and where matters were settled along the chain.
/// </summary>
public sealed record PetitionStatisticsView(
    DateOnly From, DateOnly To, int Matters, int Repeats, int GroupVisits, int GroupPeople, IReadOnlyList<PetitionCount> ByChannel, IReadOnlyList<PetitionCount> ByClass,
    IReadOnlyList<PetitionCount> ByCategory, IReadOnlyList<PetitionCount> ByStatus, int Answered, int AnsweredOnTime, int Reviews, int ReReviews, int Rated, int Satisfied,
    int SettledAtPetition, int SettledAtMediation, int SettledAtLegalAid);

public sealed class PetitionStatistics(PetitionService petitions, MediationReferrals mediation, AidReferrals aid, Text text)
{
    public async Task<PetitionStatisticsView> ForPeriodAsync(FigurePeriod p, CancellationToken ct = default)
    {
        var (from, to) = (p.FromUtc, p.ToUtcExclusive);
        var scoped = await petitions.ScopedAsync(ct);
        var period = scoped.Where(x => x.ReceivedAt >= from && x.ReceivedAt < to);
        // One grouped pass over the period's petitions, read from an index that covers every column it groups by.
        var cells = await period.GroupBy(x => new
            {
                x.Channel, x.Class, x.Category, x.Status, Repeat = x.RepeatOfId != null, Group = x.GroupSize > 1, Referred = x.MediationCaseId != null,
                Rated = x.Rating != null, Satisfied = x.Rating >= 2,
            })
            .Select(g => new
            {
                g.Key.Channel, g.Key.Class, g.Key.Category, g.Key.Status, g.Key.Repeat, g.Key.Group, g.Key.Referred, g.Key.Rated, g.Key.Satisfied,
                Count = g.Count(), People = g.Sum(x => x.GroupSize),
            })
            .ToListAsync(ct);
        // Answers, reviews and ratings of matters: a repeat's are not counted again.
        var answered = await scoped.Where(x => x.AnsweredAt >= from && x.AnsweredAt < to && x.RepeatOfId == null)
            .GroupBy(x => x.AnsweredInTime == true).Select(g => new { OnTime = g.Key, Count = g.Count() }).ToListAsync(ct);
        var reviews = await scoped.CountAsync(x => x.ReviewRequestedAt >= from && x.ReviewRequestedAt < to && x.RepeatOfId == null, ct);
        var rereviews = await scoped.CountAsync(x => x.ReReviewRequestedAt >= from && x.ReReviewRequestedAt < to && x.RepeatOfId == null, ct);
        var matters = cells.Where(c => !c.Repeat).ToList();
        // Only the few referred petitions are looked up along the chain.
        var referred = period.Where(x => x.MediationCaseId != null);
        return new PetitionStatisticsView(p.From, p.To, matters.Sum(c => c.Count), cells.Where(c => c.Repeat).Sum(c => c.Count),
            matters.Where(c => c.Group).Sum(c => c.Count), matters.Where(c => c.Group).Sum(c => c.People),
            [.. Enum.GetValues<PetitionChannel>().Select(v => new PetitionCount("petitions.channel." + v, matters.Where(c => c.Channel == v).Sum(c => c.Count)))],
            [.. Enum.GetValues<PetitionClass>().Select(v => new PetitionCount("petitions.class." + v, matters.Where(c => c.Class == v).Sum(c => c.Count)))],
            [.. Enum.GetValues<MatterCategory>().Select(v => new PetitionCount("petitions.category." + v, matters.Where(c => c.Category == v).Sum(c => c.Count)))],
            [.. Enum.GetValues<PetitionStatus>().Select(v => new PetitionCount("petitions.status." + v, matters.Where(c => c.Status == v).Sum(c => c.Count)))],
            answered.Sum(a => a.Count), answered.Where(a => a.OnTime).Sum(a => a.Count), reviews, rereviews,
            matters.Where(c => c.Rated).Sum(c => c.Count), matters.Where(c => c.Satisfied).Sum(c => c.Count),
            matters.Where(c => !c.Referred && c.Status is PetitionStatus.Answered or PetitionStatus.Reviewed or PetitionStatus.ReReviewed).Sum(c => c.Count),
            await SettledAtMediation(referred).CountAsync(ct), await SettledAtLegalAid(referred).CountAsync(ct));
    }

    /// <summary>Settled by the petition itself: answered (or reviewed) without going on to mediation; repeats not counted.</summary>
    private static IQueryable<Petition> SettledAtPetition(IQueryable<Petition> q) =>
        q.Where(x => x.RepeatOfId == null && x.MediationCaseId == null
            && (x.Status == PetitionStatus.Answered || x.Status == PetitionStatus.Reviewed || x.Status == PetitionStatus.ReReviewed));

    private IQueryable<Petition> SettledAtMediation(IQueryable<Petition> q)
    {
        var settled = mediation.Settled();
        return q.Where(x => x.RepeatOfId == null && x.MediationCaseId != null && settled.Contains(x.MediationCaseId.Value));
    }

    private IQueryable<Petition> SettledAtLegalAid(IQueryable<Petition> q)
    {
        var wentOn = mediation.WentOnTo(aid.Closed());
        return q.Where(x => x.RepeatOfId == null && x.MediationCaseId != null && wentOn.Contains(x.MediationCaseId.Value));
    }

    /// <summary>The same tables as Excel, a sheet each.</summary>
    public async Task<byte[]> ExcelAsync(FigurePeriod p, CancellationToken ct = default)
    {
        var s = await ForPeriodAsync(p, ct);
        LedgerColumn item = new("项目", "Item"), count = new("件数", "Count");
        IEnumerable<IDictionary<string, object?>> Sheet(IEnumerable<PetitionCount> rows) => rows.Select(r => Ledger.Row((item, text[r.Key].Value), (count, r.Count))).ToList();
        var totals = new (string Key, int N)[]
        {
            ("petitions.figure.matters", s.Matters), ("petitions.figure.repeats", s.Repeats), ("petitions.figure.group_visits", s.GroupVisits),
            ("petitions.stats.group_people", s.GroupPeople), ("petitions.figure.answered", s.Answered), ("petitions.figure.answered_on_time", s.AnsweredOnTime),
            ("petitions.figure.reviews", s.Reviews), ("petitions.figure.rereviews", s.ReReviews), ("petitions.figure.rated", s.Rated), ("petitions.figure.satisfied", s.Satisfied),
            ("petitions.figure.settled_petition", s.SettledAtPetition), ("petitions.figure.settled_mediation", s.SettledAtMediation), ("petitions.figure.settled_legalaid", s.SettledAtLegalAid),
        };
        var sheets = new Dictionary<string, IEnumerable<IDictionary<string, object?>>>
        {
            [text["petitions.stats.totals"].Value] = totals.Select(t => Ledger.Row((item, text[t.Key].Value), (count, t.N))).ToList(),
            [text["petitions.channel"].Value] = Sheet(s.ByChannel),
            [text["petitions.class"].Value] = Sheet(s.ByClass),
            [text["petitions.category"].Value] = Sheet(s.ByCategory),
            [text["field.status"].Value] = Sheet(s.ByStatus),
        };
        return await Spreadsheet.WriteAsync(sheets);
    }

    public static IReadOnlyList<ReportFigure> Figures { get; } = BuildFigures();

    private static List<ReportFigure> BuildFigures()
    {
        static ReportFigure Count(string name, Func<IServiceProvider, IQueryable<Petition>, FigurePeriod, IQueryable<Petition>> where, bool byReceipt = true) => new CountFigure<Petition>(
            $"petitions.{name}", $"petitions.figure.{name}",
            async (sp, p, ct) =>
            {
                var (from, to) = (p.FromUtc, p.ToUtcExclusive);
                var q = await sp.GetRequiredService<PetitionService>().ScopedAsync(ct);
                return where(sp, byReceipt ? q.Where(x => x.ReceivedAt >= from && x.ReceivedAt < to) : q, p).OrderByDescending(x => x.ReceivedAt);
            },
            x => new FigureRecord { Id = x.Id, Number = x.Number, Title = "petitions.category." + x.Category.ToString(), Party = x.Class == PetitionClass.Accusation ? "***" : x.PetitionerName, PartyIsPerson = x.Class != PetitionClass.Accusation, On = null, At = x.ReceivedAt },
            id => $"/petitions/{id}");
        var matters = Count("matters", (_, q, _) => q.Where(x => x.RepeatOfId == null));
        var repeats = Count("repeats", (_, q, _) => q.Where(x => x.RepeatOfId != null));
        var groups = Count("group_visits", (_, q, _) => q.Where(x => x.RepeatOfId == null && x.GroupSize > 1));
        var byChannel = Enum.GetValues<PetitionChannel>().Select(v => Count("channel." + v, (_, q, _) => q.Where(x => x.RepeatOfId == null && x.Channel == v)));
        var byClass = Enum.GetValues<PetitionClass>().Select(v => Count("class." + v, (_, q, _) => q.Where(x => x.RepeatOfId == null && x.Class == v)));
        var byCategory = Enum.GetValues<MatterCategory>().Select(v => Count("category." + v, (_, q, _) => q.Where(x => x.RepeatOfId == null && x.Category == v)));
        // Accepted: every step past acceptance, and a referral only when it followed an acceptance (a visit referred at reception was not accepted).
        var accepted = Count("accepted", (_, q, _) => q.Where(x => x.RepeatOfId == null && x.Status != PetitionStatus.Registered && x.Status != PetitionStatus.Routed
            && x.Status != PetitionStatus.NotAccepted && x.Status != PetitionStatus.Diverted
            && (x.Status != PetitionStatus.Referred || x.Steps.Any(s => s.Kind == "accepted"))));
        var diverted = Count("diverted", (_, q, _) => q.Where(x => x.RepeatOfId == null && x.Status == PetitionStatus.Diverted));
        var referred = Count("referred", (_, q, _) => q.Where(x => x.RepeatOfId == null && x.MediationCaseId != null));
        var answered = Count("answered", (_, q, p) =>
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(x => x.AnsweredAt >= from && x.AnsweredAt < to && x.RepeatOfId == null);
        }, byReceipt: false);
        var onTime = Count("answered_on_time", (_, q, p) =>
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(x => x.AnsweredAt >= from && x.AnsweredAt < to && x.AnsweredInTime == true && x.RepeatOfId == null);
        }, byReceipt: false);
        var reviews = Count("reviews", (_, q, p) =>
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(x => x.ReviewRequestedAt >= from && x.ReviewRequestedAt < to && x.RepeatOfId == null);
        }, byReceipt: false);
        var rereviews = Count("rereviews", (_, q, p) =>
        {
            var (from, to) = (p.FromUtc, p.ToUtcExclusive);
            return q.Where(x => x.ReReviewRequestedAt >= from && x.ReReviewRequestedAt < to && x.RepeatOfId == null);
        }, byReceipt: false);
        var rated = Count("rated", (_, q, _) => q.Where(x => x.Rating != null && x.RepeatOfId == null));
        var satisfied = Count("satisfied", (_, q, _) => q.Where(x => x.Rating >= 2 && x.RepeatOfId == null));
        var atPetition = Count("settled_petition", (_, q, _) => SettledAtPetition(q));
        var atMediation = Count("settled_mediation", (sp, q, _) =>
        {
            var settled = sp.GetRequiredService<MediationReferrals>().Settled();
            return q.Where(x => x.RepeatOfId == null && x.MediationCaseId != null && settled.Contains(x.MediationCaseId.Value));
        });
        var atAid = Count("settled_legalaid", (sp, q, _) =>
        {
            var wentOn = sp.GetRequiredService<MediationReferrals>().WentOnTo(sp.GetRequiredService<AidReferrals>().Closed());
            return q.Where(x => x.RepeatOfId == null && x.MediationCaseId != null && wentOn.Contains(x.MediationCaseId.Value));
        });
        return [matters, repeats, groups, .. byChannel, .. byClass, .. byCategory, accepted, diverted, referred, answered, onTime,
            new RateFigure("petitions.on_time_rate", "petitions.figure.on_time_rate", onTime, answered), reviews, rereviews, rated, satisfied,
            new RateFigure("petitions.satisfaction_rate", "petitions.figure.satisfaction_rate", satisfied, rated), atPetition, atMediation, atAid];
    }
}

public static class PetitionStatisticsApi
{
    public static RouteGroupBuilder MapPetitionStatistics(this RouteGroupBuilder g)
    {
        g.MapGet("/statistics", async (DateOnly? from, DateOnly? to, PetitionStatistics s, TimeProvider time) =>
                TypedResults.Ok(await s.ForPeriodAsync(FigureCatalog.Period(from, to, ChinaTime.Today(time)))))
            .WithSummary("第41条: the period's matters (repeats linked, not counted again), by channel, class, matter and status; answered and on time; reviews; satisfaction; settled at each link of the chain.").ReadsFromStandby();
        g.MapGet("/statistics/export", async (DateOnly? from, DateOnly? to, PetitionStatistics s, TimeProvider time) =>
            {
                var period = FigureCatalog.Period(from, to, ChinaTime.Today(time));
                return TypedResults.File(await s.ExcelAsync(period), Spreadsheet.ContentType, $"petitions-{period.From:yyyyMMdd}-{period.To:yyyyMMdd}.xlsx");
            })
            .WithSummary("The same tables as Excel, a sheet each.").ProducesExcel().ReadsFromStandby();
        return g;
    }
}
