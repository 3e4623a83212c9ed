using Fazhi.Web.Modules.Report.Data;
using Fazhi.Web.Modules.Report.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Report.Features;

public sealed record ReportRequest(int? Year, ReportLevel? Level, string? Title, string? Addressee, string? Issuer);

public sealed record ReportDetailsRequest(string? Title, string? Addressee, string? Issuer, DateOnly? IssuedOn) : StepRequest;

public sealed record SectionInput(Guid? Id, ReportPart? Part, WorkLine? WorkLine, string? Heading, string? Text, Guid? DepartmentId);

public sealed record SectionsRequest(IReadOnlyList<SectionInput>? Sections) : StepRequest;

public sealed record SectionConfirmRequest(string? Text) : StepRequest;

public sealed record ReportStepRequest(string? Note) : StepRequest;

public sealed record ReportSummary(Guid Id, int Year, ReportLevel Level, string Title, ReportStatus Status, Guid? LatestSnapshotId, Guid? SignedSnapshotId, DateOnly PublicationDueDate, DateTime? PublishedAt);

public sealed record SectionView(Guid Id, int Order, ReportPart Part, WorkLine WorkLine, string Heading, string Text, Guid? DepartmentId, string? DepartmentName, DateTime? ConfirmedAt, string? ConfirmedBy, DateOnly? DueDate);

public sealed record SuppliedView(string Name, string Label, decimal Value, SlotFormat Kind, string Printed, string Source, string SuppliedBy, DateTime SuppliedAt, bool HasFile);

public sealed record SnapshotSummary(Guid Id, int Number, DateTime GeneratedAt, string GeneratedBy, int Figures, int Milliseconds, bool IsSigned);

public sealed record ReportView(
    Guid Id, int Year, ReportLevel Level, string Title, string Addressee, string Issuer, DateOnly? IssuedOn, string Language, ReportStatus Status,
    IReadOnlyList<SectionView> Sections, IReadOnlyList<SuppliedView> Supplied, IReadOnlyList<SnapshotSummary> Snapshots, Guid? SignedSnapshotId,
    DateOnly InputsDueDate, DateOnly PublicationDueDate, IReadOnlyList<ReportAction> Actions, IReadOnlyList<RecordStepView> Record, int SeenEvents);

/// <summary>
/// The report's template and workflow: create a year's report (from last year's text when there is one), its sections and
/// supplied figures, and every step from draft to public release, each through the kit's case workflow (scope, stale page,
/// races: one success and one 409 naming who acted) and so on the record and in the audit.
/// </summary>
public sealed class ReportService(FazhiDbContext db, CaseWorkflow workflow, ActorSource actors, OrganisationDirectory directory, FileStore files)
{
    /// <summary>Every report, newest year first.</summary>
    public async Task<IReadOnlyList<ReportSummary>> ListAsync(CancellationToken ct = default)
    {
        var reports = await db.AnnualReports.AsNoTracking().IgnoreAutoIncludes().OrderByDescending(r => r.Year).ThenBy(r => r.Level).ToListAsync(ct);
        var ids = reports.Select(r => r.Id).ToList();
        var latest = await db.ReportSnapshots.AsNoTracking().Where(s => ids.Contains(s.ReportId))
            .GroupBy(s => s.ReportId).Select(g => new { g.Key, Id = g.OrderByDescending(s => s.Number).Select(s => s.Id).First() }).ToDictionaryAsync(x => x.Key, x => x.Id, ct);
        return [.. reports.Select(r => new ReportSummary(r.Id, r.Year, r.Level, r.Title, r.Status, latest.TryGetValue(r.Id, out var s) ? s : null, r.SignedSnapshotId,
            r.PublicationDue.DueDate, r.PublishedAt))];
    }

    public async Task<ReportView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var r = await db.AnnualReports.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        var actor = await actors.CurrentAsync(ct);
        var snapshots = await db.ReportSnapshots.AsNoTracking().Where(s => s.ReportId == id).OrderByDescending(s => s.Number)
            .Select(s => new { s.Id, s.Number, s.GeneratedAt, s.GeneratedBy, Figures = s.Figures.Count, s.Milliseconds }).ToListAsync(ct);
        return new ReportView(r.Id, r.Year, r.Level, r.Title, r.Addressee, r.Issuer, r.IssuedOn, r.Language, r.Status,
            [.. r.Sections.OrderBy(s => s.Order).Select(s => new SectionView(s.Id, s.Order, s.Part, s.WorkLine, s.Heading, s.Text, s.DepartmentId, s.DepartmentName, s.ConfirmedAt, s.ConfirmedBy, s.Due?.DueDate))],
            [.. r.Supplied.OrderBy(f => f.Name, StringComparer.Ordinal).Select(f => new SuppliedView(f.Name, f.Label, f.Value, f.Kind,
                SlotText.Print(f.Value, f.Kind == SlotFormat.Rate, f.Kind, null, r.Language == "en"), f.Source, f.SuppliedByName, f.SuppliedAt, f.FileSha256 is not null))],
            [.. snapshots.Select(s => new SnapshotSummary(s.Id, s.Number, s.GeneratedAt, s.GeneratedBy, s.Figures, s.Milliseconds, s.Id == r.SignedSnapshotId))],
            r.SignedSnapshotId, AnnualReport.InputsDueOn(r.Year), r.PublicationDue.DueDate, r.AvailableActions(actor),
            [.. r.Steps.OrderBy(s => s.Sequence).Select(RecordStepView.Of)], r.Steps.Count);
    }

    /// <summary>The year's report of the level, with last year's sections as its first text (their slots now count the new year).</summary>
    public async Task<Guid> CreateAsync(ReportRequest request, CancellationToken ct = default)
    {
        var actor = await actors.CurrentAsync(ct);
        Workflow.Check(Workflow.Unless(actor.IsIn(ReportRoles.Officer) && actor.DepartmentId is not null, "report.not_yours", "year", ErrorKind.Forbidden));
        new Validator().Check(request.Year is >= 2000 and <= 2100, "year", "report.year_range")
            .Check(request.Level is null || Enum.IsDefined(request.Level.Value), "level", "report.level_unknown").ThrowIfInvalid();
        var level = request.Level ?? ReportLevel.Town;
        var office = actor.DepartmentId!.Value;
        if (await db.AnnualReports.AnyAsync(r => r.DepartmentId == office && r.Year == request.Year && r.Level == level, ct))
        {
            throw new DomainException("report.exists", "year", ErrorKind.Conflict, request.Year!.Value);
        }

        var last = await db.AnnualReports.AsNoTracking().Where(r => r.DepartmentId == office && r.Level == level && r.Year < request.Year)
            .OrderByDescending(r => r.Year).FirstOrDefaultAsync(ct);
        var town = (await directory.UnitsAsync(ct)).Values.FirstOrDefault(u => u.Kind == Platform.Organisation.Domain.OrgNodeKind.Town)?.Name ?? "";
        var report = AnnualReport.Create(request.Year!.Value, level, office,
            Blank(request.Title) ?? last?.Title ?? $"{town}{request.Year}年法治政府建设年度报告",
            Blank(request.Addressee) ?? last?.Addressee ?? "市人民政府", Blank(request.Issuer) ?? last?.Issuer ?? $"{town}人民政府", actor);
        var sections = last is null ? DefaultSections() : [.. last.Sections.OrderBy(s => s.Order).Select(s => new ReportSection
        {
            Part = s.Part, WorkLine = s.WorkLine, Heading = s.Heading, Text = s.Text, DepartmentId = s.DepartmentId, DepartmentName = s.DepartmentName,
        })];
        // Last year's text is taken as it was: a slot whose figure has since gone is shown on the report page and named when the
        // office saves or generates, not refused on a create form that cannot show it.
        report.SetSections(sections, s => last is null ? Problem(s, report) : null, actor);
        db.AnnualReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("report.exists", "year", ErrorKind.Conflict, request.Year!.Value);
        }

        return report.Id;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    /// <summary>The five parts, part one by work line, each with a heading and no text yet.</summary>
    public static List<ReportSection> DefaultSections() =>
    [
        new() { Part = ReportPart.Measures, Heading = "主要举措和成效" },
        new() { Part = ReportPart.Measures, WorkLine = WorkLine.Services, Heading = "深化“放管服”改革，推进政务服务便利化" },
        new() { Part = ReportPart.Measures, WorkLine = WorkLine.Enforcement, Heading = "严格规范公正文明执法" },
        new() { Part = ReportPart.Measures, WorkLine = WorkLine.Documents, Heading = "健全依法决策机制，加强规范性文件管理" },
        new() { Part = ReportPart.Measures, WorkLine = WorkLine.Governance, Heading = "加强法治社会建设，预防化解社会矛盾纠纷" },
        new() { Part = ReportPart.Measures, WorkLine = WorkLine.Publicity, Heading = "深入开展法治宣传教育" },
        new() { Part = ReportPart.Shortcomings, Heading = "存在的不足和原因" },
        new() { Part = ReportPart.LeadersDuty, Heading = "党政主要负责人履行推进法治建设第一责任人职责情况" },
        new() { Part = ReportPart.Plan, Heading = "下一年度工作安排" },
        new() { Part = ReportPart.Other, Heading = "其他需要报告的情况" },
    ];

    /// <summary>
    /// Why a slot cannot stand, or null. It names a module's figure (a year or the year before), or a figure to be supplied to
    /// this report (its year only): a department supplies its value later, and the report is not generated until it has (last
    /// year's text names them too). A count is not printed as a rate, nor a rate as a count.
    /// </summary>
    public static string? Problem(Slot slot, AnnualReport report)
    {
        if (slot.IsSupplied)
        {
            // A figure still to be supplied may be named; once supplied, it prints as its kind allows.
            return slot.Period != SlotPeriod.Year ? "report.slot_unknown"
                : report.Supplied.FirstOrDefault(f => f.Name == slot.Figure) is { } supplied && !Prints(supplied.Kind, slot.Format) ? "report.slot_kind"
                : null;
        }

        return FigureCatalog.Find(slot.Figure) switch
        {
            null => "report.slot_unknown",
            { IsRate: false } when slot.Format == SlotFormat.Rate => "report.slot_kind",
            { IsRate: true } when slot.Format == SlotFormat.Count => "report.slot_kind",
            _ => null,
        };
    }

    /// <summary>How a supplied figure may be printed: a count as a count (or rounded), a rate as a rate (or rounded), a change as a change.</summary>
    private static bool Prints(SlotFormat kind, SlotFormat format) => format == SlotFormat.Default || kind switch
    {
        SlotFormat.Count => format is SlotFormat.Count or SlotFormat.Approx,
        SlotFormat.Rate => format is SlotFormat.Rate or SlotFormat.Approx,
        _ => format == SlotFormat.Change,
    };

    private Task<AnnualReport> ActAsync(Guid id, int? seen, Func<AnnualReport, Actor, Task> act, CancellationToken ct) =>
        workflow.ActAsync<AnnualReport, AnnualReportStep>(_ => db.AnnualReports.AsSplitQuery(), id, seen, act, ct: ct);

    public Task DescribeAsync(Guid id, ReportDetailsRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (report, by) =>
        {
            report.Describe(r.Title ?? "", r.Addressee ?? "", r.Issuer ?? "", r.IssuedOn, by);
            return Task.CompletedTask;
        }, ct);

    public Task SetSectionsAsync(Guid id, SectionsRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, async (report, by) =>
        {
            var names = await directory.NamesAsync(ct);
            var v = new Validator().Check(r.Sections is { Count: > 0 }, "sections", "required");
            var list = r.Sections ?? [];
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is null)
                {
                    v.Check(false, $"sections[{i}]", "required");
                    continue;
                }

                v.Check(list[i].Part is not null && Enum.IsDefined(list[i].Part!.Value), $"sections[{i}].part", "report.part_unknown")
                    .Check(list[i].DepartmentId is not { } d || names.ContainsKey(d), $"sections[{i}].departmentId", "not_found");
            }

            v.ThrowIfInvalid();
            report.SetSections([.. list.Select(s => new ReportSection
            {
                Id = s.Id ?? Guid.Empty, Part = s.Part!.Value, WorkLine = s.WorkLine ?? WorkLine.None, Heading = s.Heading ?? "", Text = s.Text ?? "",
                DepartmentId = s.DepartmentId, DepartmentName = s.DepartmentId is { } d ? names[d] : null,
            })], s => Problem(s, report), by);
        }, ct);

    /// <summary>Whether the caller may add a supplied figure to the report now: asked before its upload is read, so a refused one stores nothing.</summary>
    public async Task CheckSupplyAsync(Guid id, CancellationToken ct = default)
    {
        var report = await db.AnnualReports.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        Workflow.Check(report.Guard(ReportAction.Edit, await actors.CurrentAsync(ct), null));
    }

    /// <summary>A figure from outside the platform with its source document (PDF or image), stored by hash.</summary>
    public Task SupplyAsync(Guid id, int? seen, string? name, string? label, string? value, SlotFormat? kind, string? source, StoredFile? file, string? fileName, CancellationToken ct = default) =>
        ActAsync(id, seen, async (report, by) =>
        {
            var v = new Validator().Check(decimal.TryParse(value?.Trim().TrimEnd('%'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var number),
                "value", "report.supplied_value").Check(kind is not null, "kind", "required").Check(file is not null, "file", "report.supplied_file");
            v.ThrowIfInvalid();
            // A rate or a change is typed as a percentage (-22.3%), never guessed from its size.
            Workflow.Check(kind is not (SlotFormat.Rate or SlotFormat.Change) || value!.Trim().EndsWith('%')
                ? null : new DomainException("report.supplied_percent", "value"));
            if (kind is SlotFormat.Rate or SlotFormat.Change)
            {
                number /= 100;
            }

            Workflow.Check(Math.Abs(number) < 1_000_000_000_000m ? null : new DomainException("report.supplied_value", "value"));

            var dept = by.DepartmentId is { } d ? await directory.NameAsync(d, ct) : null;
            report.AddSupplied(new SuppliedFigure
            {
                Name = (name ?? "").Trim(), Label = (label ?? "").Trim(), Value = number, Kind = kind!.Value, Source = (source ?? "").Trim(),
                SuppliedById = by.DepartmentId, SuppliedByName = dept ?? by.Name, FileSha256 = file!.Sha256, FileContentType = file.ContentType, FileSize = file.Size,
                FileName = string.IsNullOrWhiteSpace(fileName) ? null : Path.GetFileName(fileName).Trim()[..Math.Min(200, Path.GetFileName(fileName).Trim().Length)],
            }, by);
        }, ct);

    public async Task<(Stream File, string Type, string Name)> SuppliedFileAsync(Guid id, string name, CancellationToken ct = default)
    {
        var r = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        var f = r.Supplied.FirstOrDefault(x => x.Name == name && x.FileSha256 is not null) ?? throw DomainException.NotFound("name");
        return (await files.OpenVerifiedAsync(f.FileSha256!, new FileOwner(r.Id, r.DepartmentId, $"{r.Year} {r.Title}", $"/report/{r.Id}"), ct),
            f.FileContentType ?? "application/pdf", f.FileName ?? f.Name);
    }

    public Task ConfirmSectionAsync(Guid id, Guid sectionId, SectionConfirmRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (report, by) =>
        {
            var section = report.Sections.FirstOrDefault(s => s.Id == sectionId) ?? throw DomainException.NotFound("section");
            report.ConfirmSection(section, r.Text ?? section.Text, s => Problem(s, report), by);
            return Task.CompletedTask;
        }, ct);

    /// <summary>A workflow step: open-inputs, to-review, clear, send-back, submit, publish (sign-off takes the last snapshot: <see cref="ReportGenerator"/>).</summary>
    public Task StepAsync(Guid id, ReportAction action, ReportStepRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, async (report, by) =>
        {
            switch (action)
            {
                case ReportAction.OpenInputs: report.OpenInputs(by); break;
                case ReportAction.ToReview: report.ToReview(by); break;
                case ReportAction.Clear: report.Clear(r.Note, by); break;
                case ReportAction.SendBack: report.SendBack(r.Note, by); break;
                case ReportAction.SignOff:
                    var last = await db.ReportSnapshots.AsNoTracking().Where(s => s.ReportId == id).OrderByDescending(s => s.Number)
                        .Select(s => new { s.Id, s.GeneratedAt }).FirstOrDefaultAsync(ct);
                    // The leaders sign what they read: the snapshot generated after the text's last change.
                    var edited = report.Steps.Where(s => s.Kind is "sections" or "described" or "supplied" or "section_confirmed").Select(s => (DateTime?)s.At).Max();
                    Workflow.Check(Workflow.Unless(last is not null && (edited is null || last.GeneratedAt >= edited), "report.generate_first", "snapshot"));
                    report.SignOff(last!.Id, by);
                    // The document bears the date it was signed unless the office set one.
                    var signed = await db.ReportSnapshots.SingleAsync(s => s.Id == last.Id, ct);
                    signed.IssuedOn = report.IssuedOn!.Value;
                    break;
                case ReportAction.Submit: report.Submit(by); break;
                case ReportAction.Publish: report.Publish(by); break;
                default: throw new DomainException("report.step_unknown", "step", ErrorKind.NotFound, action.ToString());
            }
        }, ct);
}
