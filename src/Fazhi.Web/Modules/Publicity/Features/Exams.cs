using Fazhi.Web.Modules.Publicity.Data;
using Fazhi.Web.Modules.Publicity.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Publicity.Features;

public sealed record ExamRequest(int? Year, string? Title, DateOnly? HeldOn, decimal? FullMarks, decimal? PassMark, decimal? ExcellentMark);

public sealed record CandidatesRequest(IReadOnlyList<Guid>? DepartmentIds, IReadOnlyList<Guid>? StaffIds);

public sealed record ExemptionRequest(string? Reason);

public sealed record ExamRow(Guid Id, int Year, string Title, DateOnly HeldOn, ExamRates Rates);

public sealed record CandidateRow(Guid Id, Guid StaffId, string UserName, string Name, Guid DepartmentId, string Department, string? ExemptReason, decimal? Score);

public sealed record UnitRates(Guid DepartmentId, string Department, ExamRates Rates);

public sealed record ExamView(
    Guid Id, int Year, string Title, DateOnly HeldOn, decimal FullMarks, decimal PassMark, decimal ExcellentMark, ExamRates Rates, IReadOnlyList<UnitRates> Units,
    IReadOnlyList<CandidateRow> Candidates);

public sealed record ScoreImport(int Updated, int Unchanged, IReadOnlyList<ImportRowError> Errors);

/// <summary>
/// The staff's annual law exam: who must sit it (from the staff list, exemptions with their reasons), the scores imported from
/// the exam system's Excel sheet, and the rates sat, passed and excellent, exact to two decimals, for the town and by unit.
/// </summary>
public sealed class ExamService(FazhiDbContext db, OrganisationDirectory directory, Text text, DataScopeResolver scopes)
{
    /// <summary>The candidates the reader may see: the legal office and the leadership everyone, a unit's reader its own staff.</summary>
    private async Task<IQueryable<ExamCandidate>> ScopedCandidatesAsync(CancellationToken ct) =>
        db.ExamCandidates.AsNoTracking().WithinScope(await scopes.CurrentAsync(ct), c => c.DepartmentId, _ => Guid.Empty);

    public async Task<IReadOnlyList<ExamRow>> ListAsync(CancellationToken ct = default)
    {
        var exams = await db.LawExams.AsNoTracking().OrderByDescending(e => e.Year).ToListAsync(ct);
        var candidates = (await (await ScopedCandidatesAsync(ct)).ToListAsync(ct)).ToLookup(c => c.ExamId);
        return [.. exams.Select(e => new ExamRow(e.Id, e.Year, e.Title, e.HeldOn, RatesOf(candidates[e.Id], e)))];
    }

    private static ExamRates RatesOf(IEnumerable<ExamCandidate> candidates, LawExam e) =>
        ExamRates.Of(candidates.Select(c => (c.Exempt, c.Score)), e.PassMark, e.ExcellentMark);

    public async Task<ExamView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var e = await db.LawExams.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        e.Candidates = await (await ScopedCandidatesAsync(ct)).Where(c => c.ExamId == id).ToListAsync(ct);
        var units = e.Candidates.GroupBy(c => (c.DepartmentId, c.DepartmentName)).OrderBy(g => g.Key.DepartmentName, StringComparer.Ordinal)
            .Select(g => new UnitRates(g.Key.DepartmentId, g.Key.DepartmentName, RatesOf(g, e))).ToList();
        return new ExamView(e.Id, e.Year, e.Title, e.HeldOn, e.FullMarks, e.PassMark, e.ExcellentMark, RatesOf(e.Candidates, e), units,
            [.. e.Candidates.OrderBy(c => c.DepartmentName, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal)
                .Select(c => new CandidateRow(c.Id, c.StaffId, c.UserName, c.Name, c.DepartmentId, c.DepartmentName, c.ExemptReason, c.Score))]);
    }

    private static Validator Check(ExamRequest r) => new Validator().Check(r.Year is >= 2000 and <= 2100, "year", "publicity.year_range").Required("title", r.Title)
        .Check(r.HeldOn is not null, "heldOn", "required")
        .Check((r.FullMarks ?? 100) is > 0 and <= 1000, "fullMarks", "publicity.marks")
        .Check((r.PassMark ?? 60) > 0 && (r.PassMark ?? 60) <= (r.FullMarks ?? 100), "passMark", "publicity.marks")
        .Check((r.ExcellentMark ?? 90) >= (r.PassMark ?? 60) && (r.ExcellentMark ?? 90) <= (r.FullMarks ?? 100), "excellentMark", "publicity.marks");

    /// <summary>The year's exam with its marks (pass 60 and excellent 90 of 100 unless set); one a year.</summary>
    public async Task<Guid> CreateAsync(ExamRequest r, CancellationToken ct = default)
    {
        Check(r).ThrowIfInvalid();
        Workflow.Check(Workflow.Unless(!await db.LawExams.AnyAsync(e => e.Year == r.Year, ct), "publicity.duplicate", "year", ErrorKind.Conflict));
        var e = new LawExam
        {
            Id = Guid.CreateVersion7(), Year = r.Year!.Value, Title = r.Title!.Trim(), HeldOn = r.HeldOn!.Value, FullMarks = r.FullMarks ?? 100, PassMark = r.PassMark ?? 60,
            ExcellentMark = r.ExcellentMark ?? 90, RowVersion = Guid.NewGuid(),
        };
        db.LawExams.Add(e);
        await SaveAsync(ct);
        return e.Id;
    }

    /// <summary>Changes the marks (the rates follow at once); the year stays.</summary>
    public async Task UpdateAsync(Guid id, ExamRequest r, CancellationToken ct = default)
    {
        var e = await db.LawExams.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        Check(r with { Year = e.Year }).ThrowIfInvalid();
        // Full marks never below a score already recorded.
        var highest = (await db.ExamCandidates.Where(c => c.ExamId == id && c.Score != null).Select(c => c.Score).ToListAsync(ct)).Max();
        new Validator().Check(highest is null || (r.FullMarks ?? 100) >= highest, "fullMarks", "publicity.below_scores", highest ?? 0).ThrowIfInvalid();
        (e.Title, e.HeldOn, e.FullMarks, e.PassMark, e.ExcellentMark) = (r.Title!.Trim(), r.HeldOn!.Value, r.FullMarks ?? 100, r.PassMark ?? 60, r.ExcellentMark ?? 90);
        await SaveAsync(ct);
    }

    /// <summary>Adds who must sit it from the staff list: every active account of the departments named, and the accounts named; those listed already stay.</summary>
    public async Task<int> AddCandidatesAsync(Guid id, CandidatesRequest r, CancellationToken ct = default)
    {
        var e = await db.LawExams.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        var departments = r.DepartmentIds ?? [];
        var staffIds = r.StaffIds ?? [];
        new Validator().Check(departments.Count + staffIds.Count > 0, "staffIds", "required").ThrowIfInvalid();
        // A department that is not the organisation's is named, not read as "nobody to add".
        new Validator().Check(await directory.AllActiveAsync(departments, ct), "departmentIds", "staff.department_missing").ThrowIfInvalid();
        var found = (await directory.StaffAsync(ct)).Where(u => departments.Contains(u.DepartmentId) || staffIds.Contains(u.Id)).ToList();
        new Validator().Check(staffIds.All(s => found.Any(f => f.Id == s)), "staffIds", "publicity.unknown_staff").ThrowIfInvalid();
        var listed = (await db.ExamCandidates.Where(c => c.ExamId == id).Select(c => c.StaffId).ToListAsync(ct)).ToHashSet();
        var names = await directory.NamesAsync(ct);
        var added = 0;
        foreach (var u in found.Where(f => !listed.Contains(f.Id)))
        {
            db.ExamCandidates.Add(new ExamCandidate
            {
                Id = Guid.CreateVersion7(), ExamId = e.Id, StaffId = u.Id, UserName = u.UserName, Name = u.Name, DepartmentId = u.DepartmentId,
                DepartmentName = names.GetValueOrDefault(u.DepartmentId, ""),
            });
            added++;
        }

        await SaveAsync(ct);
        return added;
    }

    /// <summary>Exempts a candidate with the reason (long sick leave, secondment…); no score is kept for them.</summary>
    public async Task ExemptAsync(Guid id, Guid candidateId, ExemptionRequest r, CancellationToken ct = default)
    {
        var c = await db.ExamCandidates.SingleOrDefaultAsync(x => x.ExamId == id && x.Id == candidateId, ct) ?? throw DomainException.NotFound();
        new Validator().Required("reason", r.Reason).ThrowIfInvalid();
        Workflow.Check(Workflow.Unless(c.Score is null, "publicity.has_score", "reason", ErrorKind.Conflict));
        c.ExemptReason = r.Reason!.Trim();
        await SaveAsync(ct);
    }

    public async Task UnexemptAsync(Guid id, Guid candidateId, CancellationToken ct = default)
    {
        var c = await db.ExamCandidates.SingleOrDefaultAsync(x => x.ExamId == id && x.Id == candidateId, ct) ?? throw DomainException.NotFound();
        c.ExemptReason = null;
        await SaveAsync(ct);
    }

    private static readonly LedgerColumn Account = new("账号", "UserName");
    private static readonly LedgerColumn Name = new("姓名", "Name");
    private static readonly LedgerColumn Department = new("单位", "Unit");
    private static readonly LedgerColumn Score = new("成绩", "Score");
    private static readonly LedgerColumn Exempt = new("免考原因", "ExemptReason");

    /// <summary>The candidates as the exam sheet: account, name, unit, score, exemption; filled in and imported back.</summary>
    public async Task<byte[]> SheetAsync(Guid id, CancellationToken ct = default)
    {
        var v = await ViewAsync(id, ct);
        return await Spreadsheet.WriteAsync(new LedgerSheet("成绩", "Scores").Name, v.Candidates.Select(c => Ledger.Row(
            (Account, c.UserName), (Name, c.Name), (Department, c.Department), (Score, c.Score), (Exempt, c.ExemptReason ?? ""))));
    }

    /// <summary>
    /// Scores from Excel by account (or, without one, by a name unique among the candidates): each bad row by number, the good ones
    /// kept; a score the same as before changes nothing, so the same file twice changes nothing.
    /// </summary>
    public async Task<ScoreImport> ImportScoresAsync(Guid id, Stream file, CancellationToken ct = default)
    {
        Ledger.CheckWorkbook(file);
        var e = await db.LawExams.Include(x => x.Candidates).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        var byAccount = e.Candidates.ToDictionary(c => c.UserName, StringComparer.OrdinalIgnoreCase);
        var byName = e.Candidates.GroupBy(c => c.Name).ToDictionary(g => g.Key, g => g.ToList());
        var errors = new List<ImportRowError>();
        int updated = 0, unchanged = 0;
        var seen = new HashSet<Guid>();
        foreach (var row in Ledger.Rows(file, new LedgerSheet("成绩", "Scores"), text))
        {
            var account = row.Optional(Account);
            var name = row.Optional(Name);
            ExamCandidate? c = null;
            if (account is not null)
            {
                if (!byAccount.TryGetValue(account, out c))
                {
                    row.Fail(Account, "publicity.not_candidate", account);
                }
            }
            else if (name is not null && byName.TryGetValue(name, out var named))
            {
                if (named.Count == 1)
                {
                    c = named[0];
                }
                else
                {
                    row.Fail(Name, "publicity.name_ambiguous", name);
                }
            }
            else
            {
                row.Fail(account is null && name is null ? Account : Name, account is null && name is null ? "required" : "publicity.not_candidate", name ?? "");
            }

            var score = row.Amount(Score);
            if (row.Ok && c is not null)
            {
                if (score is null && c.Exempt)
                {
                    unchanged++;
                }
                else if (score is null)
                {
                    row.Fail(Score, "required");
                }
                else if (!seen.Add(c.Id))
                {
                    // The same candidate twice in one sheet: the first row counts, the second is named.
                    row.Fail(Account, "publicity.duplicate_in_file");
                }
                else if (decimal.Round(score.Value, 2) != score)
                {
                    row.Fail(Score, "publicity.score_decimals");
                }
                else if (score < 0 || score > e.FullMarks)
                {
                    row.Fail(Score, "publicity.score_range", e.FullMarks);
                }
                else if (c.Exempt)
                {
                    row.Fail(Score, "publicity.exempt_scored", c.ExemptReason!);
                }
                else if (c.Score == score)
                {
                    unchanged++;
                }
                else
                {
                    c.Score = score;
                    updated++;
                }
            }

            errors.AddRange(row.Errors);
        }

        await SaveAsync(ct);
        return new ScoreImport(updated, unchanged, errors);
    }

    private Task SaveAsync(CancellationToken ct) => db.SaveOnceAsync(ct);
}
