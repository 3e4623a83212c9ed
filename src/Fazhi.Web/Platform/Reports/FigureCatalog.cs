using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Platform.Reports;

/// <summary>A figure's value for a period; <see cref="IsSum"/> when it totals an amount over its records rather than counting them.</summary>
public sealed record FigureValue(string Name, string Module, string Label, decimal Value, bool IsRate, bool IsSum = false);

/// <summary>
/// Every module's named figures. The annual report and the dashboards ask for figures by name here and
/// never read a module's tables; each figure answers within the reader's data scope.
/// </summary>
public sealed class FigureCatalog(IServiceProvider services, Text text)
{
    public static IReadOnlyList<(FazhiModule Module, ReportFigure Figure)> All { get; } =
        [.. ModuleCatalog.All.SelectMany(m => m.Figures.Select(f => (m, f)))];

    public static ReportFigure? Find(string name) => All.FirstOrDefault(f => f.Figure.Name == name).Figure;

    public async Task<IReadOnlyList<FigureValue>> ValuesAsync(FigurePeriod period, string? module = null, CancellationToken ct = default)
    {
        var figures = All.Where(x => module is null || x.Module.Name == module).ToList();
        var values = await FigureBatch.ValuesAsync(services, figures.Select(x => (x.Figure, period)), ct);
        return [.. figures.Select(x => new FigureValue(x.Figure.Name, x.Module.Name, text[x.Figure.LabelKey], values[(x.Figure, period)], x.Figure.IsRate, x.Figure.IsSum))];
    }

    public async Task<decimal> ValueAsync(string name, FigurePeriod period, CancellationToken ct = default) =>
        await (Find(name) ?? throw DomainException.NotFound("name")).ValueAsync(services, period, ct);

    public Task<Paged<FigureRecord>> RecordsAsync(string name, FigurePeriod period, string? q, int page, int pageSize = 50, CancellationToken ct = default) =>
        (Find(name) ?? throw DomainException.NotFound("name")).DrillAsync(services, period, q, page, pageSize, ct);

    /// <summary>The records behind one figure as Excel: every one the search keeps, not only a page.</summary>
    public async Task<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult> ExportRecordsAsync(string name, FigurePeriod period, string? q, CancellationToken ct = default) =>
        await Lists.ListExport.ExcelAsync(await RecordsAsync(name, period, q, 1, Paging.ExportRows, ct), text, $"{name}.xlsx",
            new Lists.ListColumn<FigureRecord>("figures.number", r => r.Number),
            new Lists.ListColumn<FigureRecord>("figures.record", r => r.Title),
            new Lists.ListColumn<FigureRecord>("figures.party", r => r.Party),
            new Lists.ListColumn<FigureRecord>("figures.at", r => r.On is { } on ? on : r.At));

    /// <summary>The figures of a period as an Excel sheet, rates as percentages with two decimals.</summary>
    public async Task<byte[]> ExportAsync(FigurePeriod period, CancellationToken ct = default) =>
        await Spreadsheet.WriteAsync(text["figures.title"], (await ValuesAsync(period, null, ct)).Select(v => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [text["figures.module"]] = text[ModuleCatalog.Named(v.Module)!.TitleKey].Value,
            [text["figures.name"]] = v.Name,
            [text["figures.label"]] = v.Label,
            [text["figures.value"]] = v.IsRate ? null : v.Value,
            [text["figures.rate"]] = v.IsRate ? new Percentage(v.Value) : null,
        }));

    /// <summary>A rate shows as a percentage with two decimals (3,899 of 3,929 is 99.24%); a count as a whole number.</summary>
    public static string Format(FigureValue v) =>
        v.IsRate ? Percent(v.Value) : v.Value.ToString("0", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A ratio as every page and ledger shows it: a percentage rounded half away from zero to two decimals.</summary>
    public static string Percent(decimal ratio) =>
        Math.Round(ratio * 100, 2, MidpointRounding.AwayFromZero).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>A period from query text: the current year so far by default.</summary>
    public static FigurePeriod Period(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var start = from ?? new DateOnly(today.Year, 1, 1);
        var end = to ?? today;
        return end < start ? new FigurePeriod(end, start) : new FigurePeriod(start, end);
    }
}

public static class FigureApi
{
    public static IEndpointRouteBuilder MapFigureApi(this IEndpointRouteBuilder app)
    {
        var figures = app.MapGroup("/api/figures").WithTags("Reports").RequireAuthorization();
        figures.MapGet("/", async (DateOnly? from, DateOnly? to, string? module, FigureCatalog catalog, TimeProvider time) =>
                TypedResults.Ok(await catalog.ValuesAsync(FigureCatalog.Period(from, to, ChinaTime.Today(time)), module)))
            .WithSummary("Every module's named figures for a period (default: this year so far), within the caller's data scope.").ReadsFromStandby();
        figures.MapGet("/{name}/records", async (string name, DateOnly? from, DateOnly? to, string? q, int? page, FigureCatalog catalog, TimeProvider time) =>
                TypedResults.Ok(await catalog.RecordsAsync(name, FigureCatalog.Period(from, to, ChinaTime.Today(time)), q, page ?? 1)))
            .WithSummary("The records behind one figure: number, what it is, the party (masked), the date and the link that opens it; q finds a number in part or a word of the title.").ReadsFromStandby();
        figures.MapGet("/{name}/records/export", async (string name, DateOnly? from, DateOnly? to, string? q, FigureCatalog catalog, TimeProvider time) =>
                await catalog.ExportRecordsAsync(name, FigureCatalog.Period(from, to, ChinaTime.Today(time)), q))
            .WithSummary("The records behind one figure as Excel: every one the search keeps (up to 10,000).").ProducesExcel().ReadsFromStandby();
        figures.MapGet("/export", async (DateOnly? from, DateOnly? to, FigureCatalog catalog, TimeProvider time) =>
                TypedResults.File(await catalog.ExportAsync(FigureCatalog.Period(from, to, ChinaTime.Today(time))), Spreadsheet.ContentType, "figures.xlsx"))
            .WithSummary("The figures of a period as Excel.").ProducesExcel().ReadsFromStandby();
        return app;
    }
}
