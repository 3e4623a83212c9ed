using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

public sealed record RateRequest(DifficultyClass? Class, decimal? Amount, DateOnly? EffectiveFrom);

public sealed record SubsidyRow(Guid CaseId, string Number, DisputeType Type, DateTime? SettledAt, DifficultyClass? Proposed, string? ProposedBy, DifficultyClass? Approved, decimal? Amount, string Mediators);

/// <summary>以案定补: the city's effective-dated amounts, the cases awaiting approval, and the monthly payment list.</summary>
/// <summary>A city's amount for a difficulty class from a day on (以案定补).</summary>
public sealed record SubsidyRateView(Guid Id, string City, DifficultyClass Class, decimal Amount, DateOnly EffectiveFrom, DateOnly? EffectiveTo);

public sealed class SubsidyService(FazhiDbContext db, CaseService cases, Text text)
{
    public Task<List<SubsidyRate>> RatesAsync(string city, CancellationToken ct = default) =>
        db.SubsidyRates.AsNoTracking().Where(r => r.City == city).OrderBy(r => r.Class).ThenByDescending(r => r.EffectiveFrom).ToListAsync(ct);

    /// <summary>A new amount for a class from a day on; the amount it replaces ends the day before.</summary>
    public async Task AddRateAsync(string city, RateRequest r, CancellationToken ct = default)
    {
        new Validator()
            .Check(r.Class is { } c && Enum.IsDefined(c), "class", "required")
            .Check(r.Amount is >= 0 and <= 100_000, "amount", "out_of_range", 0, 100_000)
            .Check(r.EffectiveFrom is not null, "effectiveFrom", "required")
            .ThrowIfInvalid();
        var from = r.EffectiveFrom!.Value;
        if (await db.SubsidyRates.AnyAsync(x => x.City == city && x.Class == r.Class && x.EffectiveFrom >= from, ct))
        {
            throw new DomainException("mediation.rate_not_latest", "effectiveFrom", ErrorKind.Conflict);
        }

        foreach (var open in await db.SubsidyRates.Where(x => x.City == city && x.Class == r.Class && x.EffectiveTo == null).ToListAsync(ct))
        {
            open.EffectiveTo = from.AddDays(-1);
        }

        db.SubsidyRates.Add(new SubsidyRate { Id = Guid.CreateVersion7(), City = city, Class = r.Class!.Value, Amount = r.Amount!.Value, EffectiveFrom = from });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Settled cases with a class proposed and not yet approved.</summary>
    public async Task<IReadOnlyList<SubsidyRow>> PendingAsync(CancellationToken ct = default) =>
        await RowsAsync((await cases.ScopedAsync(ct)).Where(c => c.ProposedClass != null && c.ApprovedClass == null), ct);

    /// <summary>The cases approved in a month (China time): the payment list.</summary>
    public async Task<IReadOnlyList<SubsidyRow>> MonthAsync(int year, int month, CancellationToken ct = default)
    {
        var from = ChinaTime.StartOfDayUtc(new DateOnly(year, month, 1));
        var to = ChinaTime.StartOfDayUtc(new DateOnly(year, month, 1).AddMonths(1));
        return await RowsAsync((await cases.ScopedAsync(ct)).Where(c => c.ApprovedAt >= from && c.ApprovedAt < to), ct);
    }

    public async Task<byte[]> MonthExcelAsync(int year, int month, CancellationToken ct = default)
    {
        var rows = await MonthAsync(year, month, ct);
        LedgerColumn number = new("案件编号", "Number"), type = new("纠纷类型", "Type"), settled = new("调解成功日期", "Settled"), cls = new("难度类别", "Class"),
            amount = new("补贴金额（元）", "Amount"), mediators = new("调解员", "Mediators");
        return await Spreadsheet.WriteAsync($"{year}-{month:00}", rows.Select(r => Ledger.Row(
            (number, r.Number), (type, text[$"mediation.type.{r.Type}"].Value), (settled, r.SettledAt is { } s ? ChinaTime.DateOf(s) : null),
            (cls, r.Approved is { } c ? text[$"mediation.class.{c}"].Value : ""), (amount, r.Amount), (mediators, r.Mediators)))
            .Append(Ledger.Row((number, text["mediation.total"].Value), (type, ""), (settled, null), (cls, ""), (amount, rows.Sum(r => r.Amount ?? 0)), (mediators, ""))));
    }

    private async Task<IReadOnlyList<SubsidyRow>> RowsAsync(IQueryable<MediationCase> query, CancellationToken ct)
    {
        var rows = await query.OrderBy(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.Type, c.ClosedAt, c.ProposedClass, c.ProposedBy, c.ApprovedClass, c.SubsidyAmount, Mediators = c.Mediators.Select(m => m.MediatorId).ToList() })
            .ToListAsync(ct);
        var ids = rows.SelectMany(r => r.Mediators).Distinct().ToList();
        var names = await db.Mediators.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Name, ct);
        return [.. rows.Select(r => new SubsidyRow(r.Id, r.Number, r.Type, r.ClosedAt, r.ProposedClass, r.ProposedBy, r.ApprovedClass, r.SubsidyAmount,
            string.Join("、", r.Mediators.Select(m => names.GetValueOrDefault(m, "")))))];
    }
}

public static class SubsidyApi
{
    public static RouteGroupBuilder MapSubsidies(this RouteGroupBuilder g)
    {
        g.MapGet("/subsidies/rates", async (SubsidyService s, IConfiguration config) => TypedResults.Ok((await s.RatesAsync(MediationModule.City(config))).Select(r => new SubsidyRateView(r.Id, r.City, r.Class, r.Amount, r.EffectiveFrom, r.EffectiveTo)).ToList()))
            .WithSummary("The city's 以案定补 amounts by difficulty class, effective-dated.");
        g.MapPost("/subsidies/rates", async (RateRequest r, SubsidyService s, IConfiguration config) =>
        {
            await s.AddRateAsync(MediationModule.City(config), r);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A new amount for a class from a day on.");
        g.MapGet("/subsidies/pending", async (SubsidyService s) => TypedResults.Ok(await s.PendingAsync()))
            .WithSummary("Settled cases whose class is proposed and awaits the justice office.");
        g.MapGet("/subsidies/{year:int}/{month:int}", async (int year, int month, SubsidyService s) => TypedResults.Ok(await s.MonthAsync(year, month)))
            .WithSummary("The payment list of a month: cases approved in it, with class and amount.");
        g.MapGet("/subsidies/{year:int}/{month:int}/export", async (int year, int month, SubsidyService s) =>
                TypedResults.File(await s.MonthExcelAsync(year, month), Spreadsheet.ContentType, $"subsidies-{year}-{month:00}.xlsx"))
            .WithSummary("The month's payment list as Excel.").ProducesExcel();
        return g;
    }
}
