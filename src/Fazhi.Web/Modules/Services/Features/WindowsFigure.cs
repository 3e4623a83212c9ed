using System.Globalization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>
/// <c>services.windows</c>: the one door's open windows (综合窗口, general and thematic: "共设综合类、主题类综合窗口共25个"), as the
/// organisation's directory lists them. The windows are the platform's, so the figure reads them through
/// <see cref="OrganisationDirectory.WindowsAsync"/>, not their table; they are counted as they are now, whatever the period (as the
/// town's schools are), and the drill-down lists the same windows by number, each opening on its page.
/// </summary>
internal sealed class WindowsFigure() : ReportFigure($"{ServicesModule.ModuleName}.windows", "services.figure.windows")
{
    public override async Task<decimal> ValueAsync(IServiceProvider services, FigurePeriod period, CancellationToken ct) =>
        (await OpenAsync(services, ct)).Count;

    public override async Task<Paged<FigureRecord>> DrillAsync(IServiceProvider services, FigurePeriod period, string? q, int page, int pageSize, CancellationToken ct)
    {
        var rows = (await OpenAsync(services, ct)).Select(w => new FigureRecord
        {
            Id = w.Id, Number = string.Create(CultureInfo.InvariantCulture, $"{w.Number:00}号窗"), Title = w.Name, Party = null, PartyIsPerson = false, On = null, At = null,
            Link = $"/org/windows/{w.Id}",
        });
        if (!string.IsNullOrWhiteSpace(q))
        {
            // As a count figure finds its records: the number in part or a word of the name.
            var term = q.Trim();
            rows = rows.Where(r => r.Number.Contains(term, StringComparison.OrdinalIgnoreCase) || r.Title.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        // Paged as Paging.ToPageAsync pages a query: the export's size as it is, any other kept between 1 and the largest page.
        var all = rows.ToList();
        var size = pageSize == Paging.ExportRows ? Paging.ExportRows : Math.Clamp(pageSize, 1, Paging.MaxPageSize);
        page = Math.Max(1, page);
        return new Paged<FigureRecord>([.. all.Skip((page - 1) * size).Take(size)], all.Count, page, size);
    }

    /// <summary>The windows open for intake, by number.</summary>
    private static async Task<List<ServiceWindow>> OpenAsync(IServiceProvider services, CancellationToken ct) =>
        [.. (await services.GetRequiredService<OrganisationDirectory>().WindowsAsync(ct)).Where(w => w.IsActive)];
}
