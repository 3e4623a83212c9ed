using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Fazhi.Web.Modules.Report.Data;
using Fazhi.Web.Modules.Report.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Report.Features;

/// <summary>A figure of a snapshot as pages and the API show it; <see cref="Printed"/> is its default print.</summary>
public sealed record SnapshotFigureView(
    string Key, string Name, string Module, string Label, DateOnly From, DateOnly To, decimal Value, bool IsRate, bool IsSum, string Printed,
    FigureSource Source, string? SourceNote, decimal? Previous, PreviousSource PreviousSource, int RecordCount, bool RecordsFrozen = true);

/// <summary>A piece of a rendered paragraph: text, or a figure as printed with the key of the snapshot figure behind it.</summary>
public sealed record RenderedSegment(string Text, string? FigureKey, bool Supplied);

/// <summary>A rendered block: a part heading (一、), a section heading (（一）) or a paragraph.</summary>
public sealed record RenderedBlock(string Kind, string Number, IReadOnlyList<RenderedSegment> Segments)
{
    public string Text => Number + string.Concat(Segments.Select(s => s.Text));
}

public sealed record SnapshotView(
    Guid Id, Guid ReportId, int Number, int Year, DateTime GeneratedAt, string GeneratedBy, string Title, string Addressee, string Issuer, DateOnly IssuedOn,
    string Language, int Milliseconds, IReadOnlyList<RenderedBlock> Blocks, IReadOnlyList<SnapshotFigureView> Figures);

/// <summary>A figure whose value or records moved since the snapshot.</summary>
public sealed record FigureMove(string Key, string Name, string Label, string Frozen, string Now, int FrozenRecords, int NowRecords, IReadOnlyList<string> Added, IReadOnlyList<string> Removed);

public sealed record RecheckView(Guid SnapshotId, int Number, DateTime CheckedAt, int Checked, IReadOnlyList<FigureMove> Moved);

/// <summary>
/// Generates the report from the records: every slot's figure is asked of the figure catalogue by name (never a module's
/// tables), within the generating officer's scope, and frozen with the records behind it; a change compares with the year
/// before's records, or with the year before's report when the platform holds no records of that year. A snapshot renders
/// the same text every time, whatever the records do since; a re-check lists what moved.
/// </summary>
public sealed class ReportGenerator(FazhiDbContext db, CaseWorkflow workflow, ActorSource actors, IServiceProvider services, IConfiguration configuration)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The most records a figure's snapshot freezes one by one (a town's or a county's year); above it, their count only.</summary>
    public const int DefaultFrozenRecordsLimit = 100_000;

    private int FrozenRecordsLimit => configuration.GetValue("Report:FrozenRecordsLimit", DefaultFrozenRecordsLimit);

    public async Task<SnapshotView> GenerateAsync(Guid reportId, int? seen, CancellationToken ct = default)
    {
        ReportSnapshot? made = null;
        await workflow.ActAsync<AnnualReport, AnnualReportStep>(_ => db.AnnualReports.AsSplitQuery(), reportId, seen, async (report, by) =>
        {
            // Whether the caller may generate, before the figures are computed.
            Workflow.Check(report.Guard(ReportAction.Generate, by, null));
            var number = await db.ReportSnapshots.Where(s => s.ReportId == reportId).MaxAsync(s => (int?)s.Number, ct) ?? 0;
            made = await ComputeAsync(report, number + 1, by, ct);
            report.Generated(made.Number, by);
            db.ReportSnapshots.Add(made);
        }, ct: ct);
        return await SnapshotAsync(made!.Id, ct);
    }

    /// <summary>Computes a snapshot of <paramref name="report"/> as the records stand (not saved).</summary>
    public async Task<ReportSnapshot> ComputeAsync(AnnualReport report, int number, Actor by, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var english = report.Language == "en";
        var sections = report.Sections.OrderBy(s => s.Order).ToList();
        var slots = sections.SelectMany(s => SlotText.Slots(s.Text)).ToList();
        // Every slot names a figure it can print (a text taken from last year may name one since gone).
        var stale = slots.Where(s => ReportService.Problem(s, report) is not null).Select(s => s.Token).Distinct().ToList();
        if (stale.Count > 0)
        {
            throw new DomainException("report.slot_stale", "sections", ErrorKind.Invalid, string.Join("、", stale));
        }

        // A figure to be supplied must be, before the report is generated.
        var awaited = slots.Where(s => s.IsSupplied && report.Supplied.All(f => f.Name != s.Figure)).Select(s => s.Token).Distinct().ToList();
        if (awaited.Count > 0)
        {
            throw new DomainException("report.supplied_missing", "supplied", ErrorKind.Conflict, string.Join("、", awaited));
        }

        var snapshot = new ReportSnapshot
        {
            Id = Guid.CreateVersion7(), ReportId = report.Id, Number = number, Year = report.Year, GeneratedAt = by.Now, GeneratedBy = by.Label,
            Title = report.Title, Addressee = report.Addressee, Issuer = report.Issuer, IssuedOn = report.IssuedOn ?? by.Today, Language = report.Language,
            SectionsJson = JsonSerializer.Serialize(sections.Select(s => new FrozenSection(s.Order, s.Part, s.WorkLine, s.Heading, s.Text, s.DepartmentName)), Json),
        };
        var year = new FigurePeriod(report.From, report.To);
        var before = new FigurePeriod(report.From.AddYears(-1), report.To.AddYears(-1));
        var groups = slots.GroupBy(s => s.Key).Select(g => (Slot: g.First(), Change: g.Any(s => s.Format == SlotFormat.Change))).ToList();
        // Every value the text needs (the year's, and the year before's for a change), and the count of records behind each, asked
        // at once: a count is computed once however many slots quote it, and the counts over the same records in one pass.
        var wanted = new List<(ReportFigure, FigurePeriod)>();
        foreach (var (slot, change) in groups.Where(g => !g.Slot.IsSupplied))
        {
            var figure = FigureCatalog.Find(slot.Figure)!;
            var period = slot.Period == SlotPeriod.Year ? year : before;
            wanted.AddRange([(figure, period), (figure.Rows, period)]);
            if (change)
            {
                var earlier = new FigurePeriod(period.From.AddYears(-1), period.To.AddYears(-1));
                wanted.AddRange([(figure, earlier), (figure.Rows, earlier)]);
            }
        }

        var values = await FigureBatch.ValuesAsync(services, wanted, ct);
        foreach (var (slot, change) in groups)
        {
            if (slot.IsSupplied)
            {
                var f = report.Supplied.Single(x => x.Name == slot.Figure);
                snapshot.Figures.Add(new SnapshotFigure
                {
                    Id = Guid.CreateVersion7(), SnapshotId = snapshot.Id, Key = slot.Key, Name = f.Name, Module = "supplied", Label = f.Label, From = year.From, To = year.To,
                    Value = f.Value, IsRate = f.Kind != SlotFormat.Count, Source = FigureSource.Supplied, SuppliedKind = f.Kind, SourceFileSha256 = f.FileSha256,
                    SourceNote = $"{f.SuppliedByName}：{f.Source}", Records = Pack([]),
                });
                continue;
            }

            var (module, figure) = FigureCatalog.All.First(x => x.Figure.Name == slot.Figure);
            var period = slot.Period == SlotPeriod.Year ? year : before;
            var count = (int)values[(figure.Rows, period)];
            // The records behind the figure, one by one, up to the limit; a province's millions are kept as their count.
            var records = count <= FrozenRecordsLimit ? await AllRecordsAsync(figure, period, ct) : null;
            var item = new SnapshotFigure
            {
                Id = Guid.CreateVersion7(), SnapshotId = snapshot.Id, Key = slot.Key, Name = figure.Name, Module = module.Name, Label = Text.In(figure.LabelKey, english),
                From = period.From, To = period.To, Value = values[(figure, period)], IsRate = figure.IsRate, IsSum = figure.IsSum,
                Source = FigureSource.Records, RecordCount = records?.Count ?? count, Records = Pack(records ?? []), RecordsFrozen = records is not null,
            };
            if (change)
            {
                var earlier = new FigurePeriod(period.From.AddYears(-1), period.To.AddYears(-1));
                if (values[(figure.Rows, earlier)] > 0)
                {
                    item.Previous = values[(figure, earlier)];
                    item.PreviousSource = PreviousSource.Records;
                }
                else if (await PreviousReportValueAsync(report, earlier.From.Year, figure.Name, ct) is { } reported)
                {
                    item.Previous = reported;
                    item.PreviousSource = PreviousSource.Report;
                }
            }

            snapshot.Figures.Add(item);
        }

        snapshot.Milliseconds = (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        return snapshot;
    }

    /// <summary>The value a report of <paramref name="year"/> (same office and level; the signed snapshot, else the last) printed for a figure.</summary>
    private async Task<decimal?> PreviousReportValueAsync(AnnualReport report, int year, string name, CancellationToken ct)
    {
        var earlier = await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.DepartmentId == report.DepartmentId && r.Level == report.Level && r.Year == year).Select(r => new { r.Id, r.SignedSnapshotId }).FirstOrDefaultAsync(ct);
        if (earlier is null)
        {
            return null;
        }

        var snapshots = db.ReportSnapshots.AsNoTracking().Where(s => s.ReportId == earlier.Id);
        var id = earlier.SignedSnapshotId ?? await snapshots.OrderByDescending(s => s.Number).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await db.SnapshotFigures.AsNoTracking().Where(f => f.SnapshotId == id && f.Key == name).Select(f => (decimal?)f.Value).FirstOrDefaultAsync(ct);
    }

    private async Task<List<FigureRecord>> AllRecordsAsync(ReportFigure figure, FigurePeriod period, CancellationToken ct)
    {
        var all = new List<FigureRecord>();
        await foreach (var r in figure.AllRecordsAsync(services, period, ct))
        {
            all.Add(r);
        }

        return all;
    }

    private static byte[] Pack(IReadOnlyList<FigureRecord> records)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(zip, records, Json);
        }

        return buffer.ToArray();
    }

    private static List<FigureRecord> Unpack(byte[] packed)
    {
        if (packed.Length == 0)
        {
            return [];
        }

        using var zip = new GZipStream(new MemoryStream(packed), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<List<FigureRecord>>(zip, Json) ?? [];
    }

    public async Task<ReportSnapshot> LoadAsync(Guid snapshotId, CancellationToken ct = default) =>
        await db.ReportSnapshots.AsNoTracking().Include(s => s.Figures).AsSplitQuery().SingleOrDefaultAsync(s => s.Id == snapshotId, ct) ?? throw DomainException.NotFound();

    /// <summary>The snapshot the report page shows for a report: the signed one, else the last generated; null when none.</summary>
    public async Task<Guid?> CurrentSnapshotIdAsync(Guid reportId, CancellationToken ct = default)
    {
        var signed = await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes().Where(r => r.Id == reportId).Select(r => r.SignedSnapshotId).FirstOrDefaultAsync(ct);
        return signed ?? await db.ReportSnapshots.AsNoTracking().Where(s => s.ReportId == reportId).OrderByDescending(s => s.Number).Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
    }

    public async Task<SnapshotView> SnapshotAsync(Guid snapshotId, CancellationToken ct = default) => View(await LoadAsync(snapshotId, ct));

    public static SnapshotView View(ReportSnapshot s)
    {
        var english = s.Language == "en";
        return new SnapshotView(s.Id, s.ReportId, s.Number, s.Year, s.GeneratedAt, s.GeneratedBy, s.Title, s.Addressee, s.Issuer, s.IssuedOn, s.Language, s.Milliseconds,
            Render(s), [.. s.Figures.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => new SnapshotFigureView(f.Key, f.Name, f.Module, f.Label, f.From, f.To, f.Value, f.IsRate, f.IsSum,
                Print(f, SlotFormat.Default, english), f.Source, f.SourceNote, f.Previous, f.PreviousSource, f.RecordCount, f.RecordsFrozen))]);
    }

    private static string Print(SnapshotFigure f, SlotFormat format, bool english)
    {
        if (f.Source == FigureSource.Supplied)
        {
            var as_ = format == SlotFormat.Default ? f.SuppliedKind : format;
            // A supplied change is already a change (a ratio), not a value to compare.
            return as_ == SlotFormat.Change ? SlotText.ChangeBy(f.Value, english) : SlotText.Print(f.Value, f.SuppliedKind == SlotFormat.Rate, as_, null, english);
        }

        return SlotText.Print(f.Value, f.IsRate, format, f.Previous, english);
    }

    private static readonly string[] PartNumbers = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    /// <summary>
    /// The snapshot's text, numbered as a 公文 numbers it: a part's first section is its heading (一、), the part's other sections
    /// are numbered （一）（二）…; every slot printed from the frozen figures. The same snapshot renders the same text always.
    /// </summary>
    public static IReadOnlyList<RenderedBlock> Render(ReportSnapshot s)
    {
        var english = s.Language == "en";
        var figures = s.Figures.ToDictionary(f => f.Key, StringComparer.Ordinal);
        var sections = JsonSerializer.Deserialize<List<FrozenSection>>(s.SectionsJson, Json) ?? [];
        var blocks = new List<RenderedBlock>();
        var part = 0;
        var sub = 0;
        ReportPart? current = null;
        foreach (var section in sections.OrderBy(x => x.Order))
        {
            if (section.Part == ReportPart.Preamble)
            {
                // The opening paragraphs, before part one, without a heading.
            }
            else if (section.Part != current)
            {
                current = section.Part;
                sub = 0;
                blocks.Add(new RenderedBlock("part", PartNumbers[Math.Min(part++, PartNumbers.Length - 1)] + (english ? ". " : "、"), [new RenderedSegment(section.Heading, null, false)]));
            }
            else
            {
                sub++;
                blocks.Add(new RenderedBlock("section", english ? $"({sub}) " : $"（{PartNumbers[Math.Min(sub - 1, PartNumbers.Length - 1)]}）", [new RenderedSegment(section.Heading, null, false)]));
            }

            foreach (var paragraph in SlotText.Paragraphs(section.Text))
            {
                blocks.Add(new RenderedBlock("paragraph", "", [.. paragraph.Select(seg => seg.Slot is { } slot
                    ? figures.TryGetValue(slot.Key, out var f)
                        ? new RenderedSegment(Print(f, slot.Format, english), f.Key, f.Source == FigureSource.Supplied)
                        : new RenderedSegment(slot.Token, null, false)
                    : new RenderedSegment(seg.Text!, null, false))]));
            }
        }

        return blocks;
    }

    /// <summary>The records behind a figure as the snapshot froze them: those whose number or title holds <paramref name="q"/>, a page at a time.</summary>
    public async Task<(SnapshotFigureView Figure, Paged<FigureRecord> Records)> FrozenRecordsAsync(Guid snapshotId, string key, string? q, int page, CancellationToken ct = default)
    {
        var s = await db.ReportSnapshots.AsNoTracking().Where(x => x.Id == snapshotId).Select(x => new { x.Language }).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound();
        var f = await db.SnapshotFigures.AsNoTracking().SingleOrDefaultAsync(x => x.SnapshotId == snapshotId && x.Key == key, ct) ?? throw DomainException.NotFound("key");
        var rows = Unpack(f.Records).AsEnumerable();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            rows = rows.Where(r => r.Number.Contains(term, StringComparison.OrdinalIgnoreCase) || r.Title.Contains(term, StringComparison.OrdinalIgnoreCase));
        }

        var list = rows.ToList();
        page = Math.Max(1, page);
        const int size = 50;
        var view = new SnapshotFigureView(f.Key, f.Name, f.Module, f.Label, f.From, f.To, f.Value, f.IsRate, f.IsSum, Print(f, SlotFormat.Default, s.Language == "en"),
            f.Source, f.SourceNote, f.Previous, f.PreviousSource, f.RecordCount, f.RecordsFrozen);
        return (view, new Paged<FigureRecord>([.. list.Skip((page - 1) * size).Take(size)], list.Count, page, size));
    }

    /// <summary>Compares every computed figure of the snapshot with today's records: the value, and the records added and gone.</summary>
    public async Task<RecheckView> RecheckAsync(Guid snapshotId, CancellationToken ct = default)
    {
        var s = await LoadAsync(snapshotId, ct);
        var actor = await actors.CurrentAsync(ct);
        var english = s.Language == "en";
        var moved = new List<FigureMove>();
        var computed = s.Figures.Where(f => f.Source == FigureSource.Records).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        var live = computed.Select(f => (Frozen: f, Figure: FigureCatalog.Find(f.Name), Period: new FigurePeriod(f.From, f.To))).ToList();
        var values = await FigureBatch.ValuesAsync(services, live.Where(x => x.Figure is not null).SelectMany(x => new[] { (x.Figure!, x.Period), (x.Figure!.Rows, x.Period) }), ct);
        foreach (var (f, figure, period) in live)
        {
            if (figure is null)
            {
                moved.Add(new FigureMove(f.Key, f.Name, f.Label, Print(f, SlotFormat.Default, english), "—", f.RecordCount, 0, [], []));
                continue;
            }

            var now = values[(figure, period)];
            var count = (int)values[(figure.Rows, period)];
            List<string> added = [], removed = [];
            // Compared record by record only when frozen so and few enough still (a reader's wider scope is not listed in full).
            if (f.RecordsFrozen && count <= FrozenRecordsLimit)
            {
                // Frozen one by one: which records came and went.
                var records = await AllRecordsAsync(figure, period, ct);
                var frozen = Unpack(f.Records);
                var then = frozen.Select(r => r.Id).ToHashSet();
                var today = records.Select(r => r.Id).ToHashSet();
                added = [.. records.Where(r => !then.Contains(r.Id)).Select(r => r.Number)];
                removed = [.. frozen.Where(r => !today.Contains(r.Id)).Select(r => r.Number)];
                count = records.Count;
            }

            if (now != f.Value || count != f.RecordCount || added.Count > 0 || removed.Count > 0)
            {
                moved.Add(new FigureMove(f.Key, f.Name, f.Label, Print(f, SlotFormat.Default, english),
                    SlotText.Print(now, f.IsRate, SlotFormat.Default, null, english), f.RecordCount, count, [.. added.Take(50)], [.. removed.Take(50)]));
            }
        }

        return new RecheckView(s.Id, s.Number, actor.Now, computed.Count, moved);
    }

    /// <summary>
    /// The published report of a year (the town level), for the public page; null when not yet public. Without who generated it,
    /// how long it took or how many records stand behind each figure: the public reads the report, not the office's work.
    /// </summary>
    public async Task<SnapshotView?> PublishedAsync(int year, CancellationToken ct = default)
    {
        var id = await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes()
            .Where(r => r.Year == year && r.Status == ReportStatus.Published && r.SignedSnapshotId != null).OrderBy(r => r.Level)
            .Select(r => r.SignedSnapshotId).FirstOrDefaultAsync(ct);
        if (id is null)
        {
            return null;
        }

        var view = View(await LoadAsync(id.Value, ct));
        return view with { GeneratedBy = "", Milliseconds = 0, Figures = [.. view.Figures.Select(f => f with { RecordCount = 0 })] };
    }

    /// <summary>The years whose report is public, newest first.</summary>
    public async Task<IReadOnlyList<int>> PublishedYearsAsync(CancellationToken ct = default) =>
        await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes().Where(r => r.Status == ReportStatus.Published).Select(r => r.Year).Distinct().OrderByDescending(y => y).ToListAsync(ct);
}
