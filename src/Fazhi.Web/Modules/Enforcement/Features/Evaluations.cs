using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features;

/// <summary>A draw: <c>departmentId</c> one enforcement department, or the town (its id, or <c>townWide</c>) for one draw over every department's files.</summary>
public sealed record DrawRequest(int? Year, Guid? DepartmentId, string? AnnouncedNumber, int? Size, bool TownWide = false);

public sealed record ScoreRequest(Guid? CaseId, IReadOnlyList<VetoItem>? Vetoes, int? FormPoints, int? ContentPoints, string? Comments);

public sealed record DrawnFile(Guid? CaseId, string CaseNumber, FileEvaluationView? Evaluation);

/// <summary>A file's score sheet: points, grade, veto items, comments and its rectification.</summary>
public sealed record FileEvaluationView(
    int FormPoints, int ContentPoints, int Score, Grade Grade, IReadOnlyList<VetoItem> Vetoes, string? Comments, string Evaluator, DateOnly EvaluatedOn,
    RectificationView? Rectification, DateOnly? RectifiedOn, string? RectificationNote)
{
    public static FileEvaluationView? Of(FileEvaluation? e) => e is null ? null : new(
        e.FormPoints, e.ContentPoints, e.Score, e.Grade, e.Vetoes, e.Comments, e.Evaluator, e.EvaluatedOn,
        e.Rectification is { } r ? new RectificationView(r.StartedOn, r.DueDate) : null, e.RectifiedOn, e.RectificationNote);
}

/// <summary>When a failing file's rectification started and when it is due.</summary>
public sealed record RectificationView(DateOnly StartedOn, DateOnly DueDate);

/// <summary>A draw: who drew how many files from how many, with which seed, and the files drawn.</summary>
public sealed record DrawSummary(
    Guid Id, int Year, Guid DepartmentId, string DepartmentCode, string AnnouncedNumber, string Seed, int Size, int Population, IReadOnlyList<string> CaseNumbers,
    DateTime DrawnAt, string DrawnBy)
{
    public static DrawSummary Of(EvaluationDraw d) =>
        new(d.Id, d.Year, d.DepartmentId, d.DepartmentCode, d.AnnouncedNumber, d.Seed, d.Size, d.Population, d.CaseNumbers, d.DrawnAt, d.DrawnBy);
}

/// <summary>A draw as the public sees it: enough to re-run it (scripts/enforcement-draw.sh) and check the files drawn.</summary>
public sealed record PublicDraw(Guid Id, int Year, string DepartmentCode, string AnnouncedNumber, string Seed, int Size, int Population, IReadOnlyList<string> CaseNumbers, DateTime DrawnAt);

/// <summary>A draw with its files; <c>Departments</c> is how many departments the drawn files come from.</summary>
public sealed record DrawView(DrawSummary Draw, string Department, IReadOnlyList<DrawnFile> Files, int Departments);

/// <summary>Anyone's re-run of a stored draw: the files the same seed draws from the same population now, and whether they are the stored ones.</summary>
public sealed record Rerun(string Seed, int Size, int Population, IReadOnlyList<string> CaseNumbers, bool SameAsStored);

/// <summary>
/// 案卷评查: reproducible random draws of a year's closed files, the scoring sheet with its veto items and grades, rectification
/// of failing files, and the results in Excel.
/// </summary>
public sealed class EvaluationService(
    FazhiDbContext db, DataScopeResolver scopes, OrganisationDirectory directory, TimeProvider time, WorkingDayCalendar calendar, IConfiguration configuration,
    IHttpContextAccessor http)
{
    public async Task<IReadOnlyList<EvaluationDraw>> DrawsAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return await db.EvaluationDraws.AsNoTracking().WithinScope(scope, d => d.DepartmentId, _ => Guid.Empty).OrderByDescending(d => d.DrawnAt).Take(200).ToListAsync(ct);
    }

    /// <summary>
    /// The closed files a draw for the year is made from, in case-number order: one department's, or, for the town, every
    /// enforcement department's (the city's yearly draw: 27 files from 15 departments).
    /// </summary>
    public async Task<List<(Guid Id, string Number)>> PopulationAsync(int year, Guid department, CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var units = await directory.UnitsAsync(ct);
        List<Guid> departments = units.TryGetValue(department, out var unit) && unit.Kind == OrgNodeKind.Town
            ? [.. units.Values.Where(u => u.EnforcesLaw).Select(u => u.Id)]
            : [department];
        var rows = await db.EnforcementCases.AsNoTracking()
            .Where(c => departments.Contains(c.DepartmentId) && c.ClosedOn >= from && c.ClosedOn <= to && (c.Status == CaseStatus.Closed || c.Status == CaseStatus.Archived))
            .Select(c => new { c.Id, c.Number }).ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Number, StringComparer.Ordinal).Select(r => (r.Id, r.Number))];
    }

    /// <summary>Draws and stores: the seed is the year, the department's code and the number announced before the draw.</summary>
    public async Task<DrawView> DrawAsync(DrawRequest r, CancellationToken ct = default)
    {
        new Validator().Check(r.Year is >= 2000 and <= 2100, "year", "range", 2000, 2100).Check(r.DepartmentId is not null || r.TownWide, "departmentId", "required")
            .Required("announcedNumber", r.AnnouncedNumber, 40).Check(r.Size is >= 1 and <= 500, "size", "range", 1, 500).ThrowIfInvalid();
        var scope = await scopes.CurrentAsync(ct);
        var units = await directory.UnitsAsync(ct);
        var town = units.Values.FirstOrDefault(u => u.Kind == OrgNodeKind.Town);
        var department = r.TownWide && town is not null ? town.Id : r.DepartmentId ?? Guid.Empty;
        // One department's files, or the town's: a town-wide draw is for those who see every department.
        if (!units.TryGetValue(department, out var unit) || !(unit.EnforcesLaw || unit.Kind == OrgNodeKind.Town)
            || (unit.Kind == OrgNodeKind.Town ? !units.Values.Where(u => u.EnforcesLaw).All(u => scope.Allows(u.Id, null)) : !scope.Allows(department, null)))
        {
            throw new DomainException("enforcement.department_required", "departmentId");
        }

        var population = await PopulationAsync(r.Year!.Value, department, ct);
        if (population.Count == 0)
        {
            throw new DomainException("enforcement.nothing_to_draw", "year", ErrorKind.Conflict);
        }

        var seed = EvaluationDraw.SeedOf(r.Year.Value, unit.Code, r.AnnouncedNumber!);
        var user = http.HttpContext?.User.Identity?.Name ?? "system";
        var draw = new EvaluationDraw
        {
            Id = Guid.CreateVersion7(), Year = r.Year.Value, DepartmentId = department, DepartmentCode = unit.Code, AnnouncedNumber = r.AnnouncedNumber!.Trim(), Seed = seed,
            Size = r.Size!.Value, Population = population.Count, CaseNumbers = [.. EvaluationDraw.Draw(seed, population.Select(p => p.Number), r.Size.Value)],
            DrawnAt = time.GetUtcNow().UtcDateTime, DrawnBy = await directory.DisplayNameAsync(user, ct) ?? user,
        };
        db.EvaluationDraws.Add(draw);
        await db.SaveChangesAsync(ct);
        return await GetAsync(draw.Id, ct);
    }

    public async Task<DrawView> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var draw = await db.EvaluationDraws.AsNoTracking().WithinScope(scope, d => d.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(d => d.Id == id, ct)
            ?? throw DomainException.NotFound();
        var numbers = draw.CaseNumbers;
        var found = await db.EnforcementCases.AsNoTracking().Where(c => numbers.Contains(c.Number)).Select(c => new { c.Number, c.Id, c.DepartmentId }).ToListAsync(ct);
        var ids = found.ToDictionary(c => c.Number, c => c.Id);
        var scores = await db.FileEvaluations.AsNoTracking().Where(e => e.DrawId == id).ToDictionaryAsync(e => e.CaseNumber, ct);
        return new DrawView(DrawSummary.Of(draw), await directory.NameAsync(draw.DepartmentId, ct) ?? "",
            [.. numbers.Select(n => new DrawnFile(ids.TryGetValue(n, out var caseId) ? caseId : null, n, FileEvaluationView.Of(scores.GetValueOrDefault(n))))],
            found.Select(c => c.DepartmentId).Distinct().Count());
    }

    /// <summary>Draws again from the stored seed over today's population: anyone can check the files were not picked by hand.</summary>
    public async Task<Rerun> RerunAsync(Guid id, CancellationToken ct = default)
    {
        var draw = await db.EvaluationDraws.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound();
        var population = await PopulationAsync(draw.Year, draw.DepartmentId, ct);
        var again = EvaluationDraw.Draw(draw.Seed, population.Select(p => p.Number), draw.Size);
        return new Rerun(draw.Seed, draw.Size, population.Count, again, again.SequenceEqual(draw.CaseNumbers));
    }

    public async Task<IReadOnlyList<EvaluationDraw>> PublicDrawsAsync(CancellationToken ct = default) =>
        await db.EvaluationDraws.AsNoTracking().OrderByDescending(d => d.DrawnAt).Take(100).ToListAsync(ct);

    public async Task<IReadOnlyList<string>> PublicPopulationAsync(Guid id, CancellationToken ct = default)
    {
        var draw = await db.EvaluationDraws.AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound();
        return [.. (await PopulationAsync(draw.Year, draw.DepartmentId, ct)).Select(p => p.Number)];
    }

    /// <summary>Scores a drawn file; a failing one gets a rectification with the department's deadline.</summary>
    public async Task ScoreAsync(Guid drawId, ScoreRequest r, CancellationToken ct = default)
    {
        var view = await GetAsync(drawId, ct);
        var file = view.Files.FirstOrDefault(f => f.CaseId == r.CaseId && r.CaseId is not null) ?? throw new DomainException("enforcement.not_drawn", "caseId");
        new Validator().Check(r.FormPoints is not null, "formPoints", "required").Check(r.ContentPoints is not null, "contentPoints", "required").ThrowIfInvalid();
        var e = await db.FileEvaluations.SingleOrDefaultAsync(x => x.DrawId == drawId && x.CaseId == file.CaseId, ct);
        // The file's own department rectifies it (in a town-wide draw, each file's department).
        var owner = await db.EnforcementCases.AsNoTracking().Where(c => c.Id == file.CaseId).Select(c => c.DepartmentId).SingleAsync(ct);
        if (e is null)
        {
            e = new FileEvaluation { Id = Guid.CreateVersion7(), DrawId = drawId, CaseId = file.CaseId!.Value, CaseNumber = file.CaseNumber, DepartmentId = owner };
            db.FileEvaluations.Add(e);
        }

        var code = (await directory.CodesAsync(ct)).GetValueOrDefault(owner, "");
        var user = http.HttpContext?.User.Identity?.Name ?? "system";
        e.Mark([.. (r.Vetoes ?? []).Where(Enum.IsDefined)], r.FormPoints!.Value, r.ContentPoints!.Value, r.Comments, await directory.DisplayNameAsync(user, ct) ?? user,
            ChinaTime.Today(time), DepartmentRules.For(configuration, code).RectificationDays, calendar);
        await db.SaveChangesAsync(ct);
    }

    public async Task RectifyAsync(Guid drawId, Guid caseId, NoteRequest r, CancellationToken ct = default)
    {
        await GetAsync(drawId, ct);
        var e = await db.FileEvaluations.SingleOrDefaultAsync(x => x.DrawId == drawId && x.CaseId == caseId, ct) ?? throw DomainException.NotFound("caseId");
        e.Rectified(ChinaTime.Today(time), r.Note);
        await db.SaveChangesAsync(ct);
    }

    private static readonly LedgerColumn Number = new("案卷编号", "CaseNumber");
    private static readonly LedgerColumn Form = new("形式分", "FormPoints");
    private static readonly LedgerColumn Content = new("内容分", "ContentPoints");
    private static readonly LedgerColumn Total = new("总分", "Score");
    private static readonly LedgerColumn GradeColumn = new("等次", "Grade");
    private static readonly LedgerColumn Vetoes = new("否决项", "Vetoes");
    private static readonly LedgerColumn Comments = new("评查意见", "Comments");
    private static readonly LedgerColumn Due = new("整改期限", "RectifyBy");
    private static readonly LedgerColumn Rectified = new("整改完成", "RectifiedOn");

    /// <summary>The results of a draw as Excel: every drawn file, scored or not, with the seed in the sheet name's row above.</summary>
    public async Task<byte[]> ExportAsync(Guid drawId, CancellationToken ct = default)
    {
        var view = await GetAsync(drawId, ct);
        return await Spreadsheet.WriteAsync(new LedgerSheet("案卷评查", "Evaluation").Name, view.Files.Select(f => Ledger.Row(
            (Number, f.CaseNumber), (Form, f.Evaluation?.FormPoints), (Content, f.Evaluation?.ContentPoints), (Total, f.Evaluation?.Score),
            (GradeColumn, f.Evaluation is { } e ? EnforcementStrings.GradeZh(e.Grade) : "未评查"),
            (Vetoes, f.Evaluation is { } v ? string.Join("、", v.Vetoes.Select(EnforcementStrings.VetoZh)) : ""), (Comments, f.Evaluation?.Comments ?? ""),
            (Due, f.Evaluation?.Rectification?.DueDate), (Rectified, f.Evaluation?.RectifiedOn))));
    }
}

public static class EvaluationApi
{
    public static RouteGroupBuilder MapEvaluation(this RouteGroupBuilder g)
    {
        var staff = new[] { EnforcementRoles.LegalityReviewer, Roles.Supervisor, Roles.Administrator };
        g.MapGet("/evaluation/draws", async (EvaluationService s) => TypedResults.Ok((await s.DrawsAsync()).Select(DrawSummary.Of).ToList())).WithSummary("The case-file draws in the caller's scope.");
        g.MapPost("/evaluation/draws", async (DrawRequest r, EvaluationService s) =>
        {
            var view = await s.DrawAsync(r);
            return TypedResults.Created($"/api/enforcement/evaluation/draws/{view.Draw.Id}", view);
        }).RequireAuthorization(p => p.RequireRole(staff)).WithSummary("抽取案卷: draw from the year's closed files with the seed year|department|announced number.");
        g.MapGet("/evaluation/draws/{id:guid}", async (Guid id, EvaluationService s) => TypedResults.Ok(await s.GetAsync(id))).WithSummary("A draw with its files and their scores.");
        g.MapPost("/evaluation/draws/{id:guid}/scores", async (Guid id, ScoreRequest r, EvaluationService s) =>
        {
            await s.ScoreAsync(id, r);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(staff)).WithSummary("评查: veto items and points; a failing file gets a rectification deadline.");
        g.MapPost("/evaluation/draws/{id:guid}/files/{caseId:guid}/rectification", async (Guid id, Guid caseId, NoteRequest r, EvaluationService s) =>
        {
            await s.RectifyAsync(id, caseId, r);
            return TypedResults.NoContent();
        }).WithSummary("整改: the failing file was put right (note: how).");
        g.MapGet("/evaluation/draws/{id:guid}/export", async (Guid id, EvaluationService s) => TypedResults.File(await s.ExportAsync(id), Spreadsheet.ContentType, "evaluation.xlsx"))
            .WithSummary("The results as Excel.").ProducesExcel();
        return g;
    }

    /// <summary>Anyone may re-run a draw: the seed, the population and the rule are public.</summary>
    public static IEndpointRouteBuilder MapPublicDraws(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/public/enforcement/draws").AllowAnonymous().RequireRateLimiting(DisclosureApi.RateLimitPolicy).WithTags("Public");
        g.MapGet("/", async (EvaluationService s) => TypedResults.Ok((await s.PublicDrawsAsync()).Select(d => new PublicDraw(d.Id, d.Year, d.DepartmentCode, d.AnnouncedNumber, d.Seed, d.Size, d.Population, d.CaseNumbers, d.DrawnAt))))
            .WithSummary("Every case-file draw with its seed and the files drawn.");
        g.MapGet("/{id:guid}/population", async (Guid id, EvaluationService s) => TypedResults.Text(string.Join('\n', await s.PublicPopulationAsync(id)) + "\n"))
            .WithSummary("The case numbers the draw is made from, one a line (for scripts/enforcement-draw.sh).");
        g.MapGet("/{id:guid}/rerun", async (Guid id, EvaluationService s) => TypedResults.Ok(await s.RerunAsync(id)))
            .WithSummary("Draws again with the stored seed: the key of a file is SHA-256(seed|case number); the smallest keys are drawn.");
        return app;
    }
}
