using System.Linq.Expressions;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Reports;

/// <summary>The period a figure counts: China dates, both ends included.</summary>
public sealed record FigurePeriod(DateOnly From, DateOnly To)
{
    /// <summary>The period's first instant (UTC), for records stamped with an instant.</summary>
    public DateTime FromUtc => Localization.ChinaTime.StartOfDayUtc(From);

    /// <summary>The instant after the period's last day (UTC).</summary>
    public DateTime ToUtcExclusive => Localization.ChinaTime.StartOfDayUtc(To.AddDays(1));
}

/// <summary>
/// One record behind a figure as its drill-down lists it: the record's number, what it is, the party (shown masked when a
/// person), its date (<see cref="On"/>, or the instant <see cref="At"/>), and where it opens. Every member but the link is
/// required, so a module's projection sets each one and the platform can search the rows in the database.
/// </summary>
public sealed record FigureRecord
{
    public required Guid Id { get; init; }

    public required string Number { get; init; }

    public required string Title { get; init; }

    public required string? Party { get; init; }

    public required bool PartyIsPerson { get; init; }

    public required DateOnly? On { get; init; }

    public required DateTime? At { get; init; }

    public string Link { get; init; } = "";
}

/// <summary>
/// A named figure a module publishes (ARCHITECTURE.md: report figures), e.g. <c>services.received</c>.
/// Dashboards and the annual report ask for figures by name; a figure answers with its value for a
/// period and lists the records behind it.
/// </summary>
public abstract class ReportFigure(string name, string labelKey)
{
    /// <summary>Module-prefixed, stable: the annual report refers to it.</summary>
    public string Name { get; } = name;

    public string LabelKey { get; } = labelKey;

    /// <summary>Shown as a percentage with two decimals rather than as a count.</summary>
    public virtual bool IsRate => false;

    /// <summary>A total of an amount over its records (people reached, materials printed), not their number.</summary>
    public virtual bool IsSum => false;

    public abstract Task<decimal> ValueAsync(IServiceProvider services, FigurePeriod period, CancellationToken ct);

    /// <summary>The count whose rows are this figure's records: the figure itself for a count, the numerator's for a rate.</summary>
    public virtual ReportFigure Rows => this;

    /// <summary>The family whose members are counted together in one query (<see cref="CountFamily{T}"/>); null when counted alone.</summary>
    internal virtual ICountFamily? Family => null;

    /// <summary>The records behind the figure, those whose number or title contains <paramref name="q"/> when it is given.</summary>
    public abstract Task<Paged<FigureRecord>> DrillAsync(IServiceProvider services, FigurePeriod period, string? q, int page, int pageSize, CancellationToken ct);

    /// <summary>Every record behind the figure, as the drill-down lists them (in its order, parties masked), for a snapshot to freeze.</summary>
    public virtual async IAsyncEnumerable<FigureRecord> AllRecordsAsync(IServiceProvider services, FigurePeriod period, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var seen = 0;
        for (var page = 1; ; page++)
        {
            var rows = await DrillAsync(services, period, null, page, Paging.ExportRows, ct);
            foreach (var r in rows.Items)
            {
                yield return r;
            }

            seen += rows.Items.Count;
            if (rows.Items.Count == 0 || seen >= rows.Total)
            {
                yield break;
            }
        }
    }
}

/// <summary>
/// A count: one query gives both the figure (its row count) and the drill-down (its rows, in the
/// query's order), so the two can never disagree. <paramref name="records"/> applies the reader's data
/// scope; <paramref name="link"/> turns a record's id into the page that opens it.
/// </summary>
public sealed class CountFigure<T>(
    string name, string labelKey,
    Func<IServiceProvider, FigurePeriod, CancellationToken, Task<IQueryable<T>>> records,
    Expression<Func<T, FigureRecord>> row,
    Func<Guid, string> link) : ReportFigure(name, labelKey)
{
    /// <summary>The family this count belongs to, and its condition within the family's records.</summary>
    internal CountFamily<T>? Member { get; init; }

    internal Expression<Func<T, bool>>? Condition { get; init; }

    internal override ICountFamily? Family => Member;

    public override async Task<decimal> ValueAsync(IServiceProvider services, FigurePeriod period, CancellationToken ct) =>
        await (await records(services, period, ct)).CountAsync(ct);

    public override async Task<Paged<FigureRecord>> DrillAsync(IServiceProvider services, FigurePeriod period, string? q, int page, int pageSize, CancellationToken ct)
    {
        var query = (await records(services, period, ct)).Select(row);
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Within one figure's period: the number in part (with or without its brackets) or a word of the title.
            var term = q.Trim();
            query = query.Where(r => r.Number.Contains(term) || r.Title.Contains(term));
        }

        var rows = await query.ToPageAsync(page, pageSize, ct);
        return rows.With(rows.Items.Select(Shown).ToList());
    }

    /// <summary>One query, streamed: a snapshot freezes a town's year of records without paging through them.</summary>
    public override async IAsyncEnumerable<FigureRecord> AllRecordsAsync(IServiceProvider services, FigurePeriod period, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var r in (await records(services, period, ct)).Select(row).AsAsyncEnumerable().WithCancellation(ct))
        {
            yield return Shown(r);
        }
    }

    private FigureRecord Shown(FigureRecord r) => r with
    {
        Link = link(r.Id), Party = r.Party is null ? null : r.PartyIsPerson ? Privacy.Masking.Name(r.Party) : r.Party,
    };
}

/// <summary>
/// A total over records (people reached at events, materials printed): the sum of one amount over the same query whose rows
/// the drill-down lists, so the figure and its records cannot disagree.
/// </summary>
public sealed class SumFigure<T>(
    string name, string labelKey,
    Func<IServiceProvider, FigurePeriod, CancellationToken, Task<IQueryable<T>>> records,
    Expression<Func<T, int>> amount,
    Expression<Func<T, FigureRecord>> row,
    Func<Guid, string> link) : ReportFigure(name, labelKey)
{
    private readonly CountFigure<T> _rows = new(name + "#rows", labelKey, records, row, link);

    public override bool IsSum => true;

    public override ReportFigure Rows => _rows;

    public override async Task<decimal> ValueAsync(IServiceProvider services, FigurePeriod period, CancellationToken ct) =>
        await (await records(services, period, ct)).SumAsync(amount, ct);

    public override Task<Paged<FigureRecord>> DrillAsync(IServiceProvider services, FigurePeriod period, string? q, int page, int pageSize, CancellationToken ct) =>
        _rows.DrillAsync(services, period, q, page, pageSize, ct);

    public override IAsyncEnumerable<FigureRecord> AllRecordsAsync(IServiceProvider services, FigurePeriod period, CancellationToken ct) =>
        _rows.AllRecordsAsync(services, period, ct);
}

/// <summary>
/// A rate, numerator over denominator, both named figures of the same module: the success rate of
/// mediation is successes over cases mediated. It is exact (decimal) and the drill-down lists the
/// numerator's records.
/// </summary>
public sealed class RateFigure(string name, string labelKey, ReportFigure numerator, ReportFigure denominator) : ReportFigure(name, labelKey)
{
    public override bool IsRate => true;

    public ReportFigure Numerator => numerator;

    public ReportFigure Denominator => denominator;

    public override ReportFigure Rows => numerator.Rows;

    public override async Task<decimal> ValueAsync(IServiceProvider services, FigurePeriod period, CancellationToken ct)
    {
        var below = await denominator.ValueAsync(services, period, ct);
        return below == 0 ? 0 : await numerator.ValueAsync(services, period, ct) / below;
    }

    public override Task<Paged<FigureRecord>> DrillAsync(IServiceProvider services, FigurePeriod period, string? q, int page, int pageSize, CancellationToken ct) =>
        numerator.DrillAsync(services, period, q, page, pageSize, ct);

    public override IAsyncEnumerable<FigureRecord> AllRecordsAsync(IServiceProvider services, FigurePeriod period, CancellationToken ct) =>
        numerator.AllRecordsAsync(services, period, ct);
}

/// <summary>Counts of one family, measured together: one query over the family's records for a period.</summary>
internal interface ICountFamily
{
    Task<IReadOnlyList<decimal>> CountAsync(IServiceProvider services, FigurePeriod period, IReadOnlyList<ReportFigure> members, CancellationToken ct);
}

/// <summary>
/// Counts over the same records, each with its own condition (the applications received in a period: accepted, decided, on
/// time, completed…). Each member is an ordinary <see cref="CountFigure{T}"/> with its own drill-down; asked together
/// (<see cref="FigureBatch"/>) the family answers every member's count in one pass over its records, as a hand-written
/// <c>count(*) FILTER (WHERE …)</c> would, instead of one pass a figure.
/// </summary>
public sealed class CountFamily<T>(
    Func<IServiceProvider, FigurePeriod, CancellationToken, Task<IQueryable<T>>> records,
    Func<IQueryable<T>, IQueryable<T>> order,
    Expression<Func<T, FigureRecord>> row,
    Func<Guid, string> link) : ICountFamily
{
    private static readonly System.Reflection.MethodInfo CountWhere = typeof(Enumerable).GetMethods()
        .Single(m => m.Name == nameof(Enumerable.Count) && m.GetParameters().Length == 2).MakeGenericMethod(typeof(T));

    /// <summary>A member: the family's records that meet <paramref name="condition"/>, in the family's order.</summary>
    public CountFigure<T> Count(string name, string labelKey, Expression<Func<T, bool>> condition) =>
        new(name, labelKey, async (sp, p, ct) => order((await records(sp, p, ct)).Where(condition)), row, link) { Member = this, Condition = condition };

    public async Task<IReadOnlyList<decimal>> CountAsync(IServiceProvider services, FigurePeriod period, IReadOnlyList<ReportFigure> members, CancellationToken ct)
    {
        // SELECT COUNT(CASE WHEN c1 THEN 1 END), COUNT(CASE WHEN c2 THEN 1 END)… over the family's records: one pass for all.
        var group = Expression.Parameter(typeof(IGrouping<int, T>), "g");
        var counts = Expression.NewArrayInit(typeof(int), members.Select(m => Expression.Call(CountWhere, group, ((CountFigure<T>)m).Condition!)));
        var select = Expression.Lambda<Func<IGrouping<int, T>, int[]>>(counts, group);
        var row = await (await records(services, period, ct)).GroupBy(_ => 1).Select(select).FirstOrDefaultAsync(ct);
        return row is null ? new decimal[members.Count] : [.. row.Select(c => (decimal)c)];
    }
}

/// <summary>
/// Many figures' values at once, as the annual report and the figures page ask for them: a rate from its numerator's and
/// denominator's counts, each count computed once however many figures need it, and the counts of one family over one period
/// in one query.
/// </summary>
public static class FigureBatch
{
    public static async Task<Dictionary<(ReportFigure Figure, FigurePeriod Period), decimal>> ValuesAsync(
        IServiceProvider services, IEnumerable<(ReportFigure Figure, FigurePeriod Period)> wanted, CancellationToken ct)
    {
        var asked = wanted.Distinct().ToList();
        var leaves = new List<(ReportFigure Figure, FigurePeriod Period)>();
        void Expand(ReportFigure f, FigurePeriod p)
        {
            if (f is RateFigure rate)
            {
                Expand(rate.Numerator, p);
                Expand(rate.Denominator, p);
            }
            else if (!leaves.Contains((f, p)))
            {
                leaves.Add((f, p));
            }
        }

        foreach (var (f, p) in asked)
        {
            Expand(f, p);
        }

        var known = new Dictionary<(ReportFigure, FigurePeriod), decimal>();
        foreach (var group in leaves.GroupBy(l => (l.Figure.Family, l.Period)))
        {
            var members = group.Select(l => l.Figure).ToList();
            if (group.Key.Family is { } family && members.Count > 1)
            {
                var values = await family.CountAsync(services, group.Key.Period, members, ct);
                for (var i = 0; i < members.Count; i++)
                {
                    known[(members[i], group.Key.Period)] = values[i];
                }

                continue;
            }

            foreach (var f in members)
            {
                known[(f, group.Key.Period)] = await f.ValueAsync(services, group.Key.Period, ct);
            }
        }

        decimal Value(ReportFigure f, FigurePeriod p) => f is RateFigure rate
            ? Value(rate.Denominator, p) is var below && below == 0 ? 0 : Value(rate.Numerator, p) / below
            : known[(f, p)];
        return asked.ToDictionary(a => a, a => Value(a.Figure, a.Period));
    }
}
