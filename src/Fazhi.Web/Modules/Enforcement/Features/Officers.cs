using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features;

/// <summary>
/// A certificate holder as the legal office or a supervisor records them. The certificate's status (暂扣, 注销) and the head
/// mark are not here: each has its own step, for the roles that may change it.
/// </summary>
public sealed record SaveOfficerRequest(
    Guid? DepartmentId, string? Name, string? CertificateNumber, string? Area, string? Category, DateOnly? ValidFrom, DateOnly? ValidUntil,
    DateOnly? ExamPassedOn, int? ExamScore, decimal? TrainingHours, string? UserName);

/// <summary>Marks an officer as the department's head (负责人), who approves filings and extensions, or takes the mark away.</summary>
public sealed record OfficerHeadRequest(bool? IsHead);

public sealed record OfficerView(
    Guid Id, Guid DepartmentId, string Department, string Name, string CertificateNumber, string Area, string Category, DateOnly ValidFrom, DateOnly ValidUntil,
    DateOnly? ExamPassedOn, int? ExamScore, decimal TrainingHours, CertificateStatus Status, string? UserName, bool IsHead, bool CanAct, bool ExpiresSoon);

/// <summary>事前公开: who may enforce for each department, as the public list shows it.</summary>
public sealed record PublicOfficer(string Department, string Name, string CertificateNumber, string Area, string Category, DateOnly ValidUntil);

public sealed record OfficerFilter(Guid? DepartmentId = null, string? Q = null, bool? CanAct = null, int Page = 1);

/// <summary>Certified officers and their certificates, the legality reviewers, and the public list of officers.</summary>
/// <summary>A legality reviewer and whether they may review (第58条第2款: a first-time reviewer holds the legal qualification).</summary>
public sealed record ReviewerView(Guid Id, string UserName, string Name, Guid DepartmentId, bool HasLegalQualification, DateOnly ReviewingSince, bool IsActive, bool MayReview)
{
    public static ReviewerView Of(LegalReviewer r) => new(r.Id, r.UserName, r.Name, r.DepartmentId, r.HasLegalQualification, r.ReviewingSince, r.IsActive, r.MayReview);
}

public sealed class OfficerService(FazhiDbContext db, DataScopeResolver scopes, OrganisationDirectory directory, TimeProvider time, Text text, Platform.Deadlines.SystemAlerts alerts)
{
    public async Task<IQueryable<Officer>> ScopedAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.Officers.AsNoTracking().WithinScope(scope, o => o.DepartmentId, _ => Guid.Empty);
    }

    public async Task<Paged<OfficerView>> ListAsync(OfficerFilter f, CancellationToken ct = default)
    {
        var q = await ScopedAsync(ct);
        if (f.DepartmentId is { } d)
        {
            q = q.Where(o => o.DepartmentId == d);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var s = f.Q.Trim();
            q = q.Where(o => o.Name.Contains(s) || o.CertificateNumber.Contains(s));
        }

        var today = ChinaTime.Today(time);
        if (f.CanAct is { } can)
        {
            q = can ? q.Where(o => o.Status == CertificateStatus.Valid && o.ValidFrom <= today && o.ValidUntil >= today)
                : q.Where(o => !(o.Status == CertificateStatus.Valid && o.ValidFrom <= today && o.ValidUntil >= today));
        }

        var page = await q.OrderBy(o => o.DepartmentId).ThenBy(o => o.Name).ToPageAsync(f.Page, 50, ct);
        var names = await directory.NamesAsync(ct);
        return page.With(page.Items.Select(o => View(o, names, today)).ToList());
    }

    private static OfficerView View(Officer o, IReadOnlyDictionary<Guid, string> names, DateOnly today) => new(
        o.Id, o.DepartmentId, names.GetValueOrDefault(o.DepartmentId, ""), o.Name, o.CertificateNumber, o.Area, o.Category, o.ValidFrom, o.ValidUntil, o.ExamPassedOn, o.ExamScore,
        o.TrainingHours, o.Status, o.UserName, o.IsHead, o.CanActOn(today), o.CanActOn(today) && o.ValidUntil.DayNumber - today.DayNumber <= Officer.ExpiryWarningDays);

    /// <summary>The officers who may act today, by department: name, certificate number, area and category (事前公开).</summary>
    public async Task<IReadOnlyList<PublicOfficer>> PublicListAsync(Guid? department, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var q = db.Officers.AsNoTracking().Where(o => o.Status == CertificateStatus.Valid && o.ValidFrom <= today && o.ValidUntil >= today);
        if (department is { } d)
        {
            q = q.Where(o => o.DepartmentId == d);
        }

        var names = await directory.NamesAsync(ct);
        return [.. (await q.ToListAsync(ct)).OrderBy(o => names.GetValueOrDefault(o.DepartmentId, ""), StringComparer.Ordinal).ThenBy(o => o.CertificateNumber, StringComparer.Ordinal)
            .Select(o => new PublicOfficer(names.GetValueOrDefault(o.DepartmentId, ""), o.Name, o.CertificateNumber, o.Area, o.Category, o.ValidUntil))];
    }

    /// <summary>Creates or changes a certificate holder; the department must enforce the law and be within the caller's scope.</summary>
    public async Task<Officer> SaveAsync(Guid? id, SaveOfficerRequest r, CancellationToken ct = default)
    {
        new Validator().Required("name", r.Name, 50).Required("certificateNumber", r.CertificateNumber, 40).Required("area", r.Area, 50).Required("category", r.Category, 100)
            .Check(r.DepartmentId is not null, "departmentId", "required").Check(r.ValidFrom is not null, "validFrom", "required").Check(r.ValidUntil is not null, "validUntil", "required")
            .Check(r.ValidFrom is null || r.ValidUntil is null || r.ValidFrom <= r.ValidUntil, "validUntil", "enforcement.validity_order")
            .Check(r.ExamScore is null or (>= 0 and <= 100), "examScore", "range", 0, 100).Check(r.TrainingHours is null or (>= 0 and <= 10_000), "trainingHours", "range", 0, 10_000)
            .MaxLength("userName", r.UserName, 256).ThrowIfInvalid();
        var scope = await scopes.CurrentAsync(ct);
        var units = await directory.UnitsAsync(ct);
        if (!units.TryGetValue(r.DepartmentId!.Value, out var unit) || !unit.EnforcesLaw || !scope.Allows(unit.Id, null))
        {
            throw new DomainException("enforcement.department_required", "departmentId");
        }

        var number = r.CertificateNumber!.Trim();
        if (await db.Officers.AnyAsync(o => o.CertificateNumber == number && o.Id != id, ct))
        {
            throw new DomainException("enforcement.certificate_taken", "certificateNumber", ErrorKind.Conflict, number);
        }

        var o = id is { } existing
            ? await db.Officers.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(x => x.Id == existing, ct) ?? throw DomainException.NotFound()
            : db.Officers.Add(new Officer { Id = Guid.CreateVersion7(), RowVersion = Guid.NewGuid() }).Entity;
        (o.DepartmentId, o.Name, o.CertificateNumber, o.Area, o.Category, o.ValidFrom, o.ValidUntil) =
            (unit.Id, r.Name!.Trim(), number, r.Area!.Trim(), r.Category!.Trim(), r.ValidFrom!.Value, r.ValidUntil!.Value);
        (o.ExamPassedOn, o.ExamScore, o.TrainingHours, o.UserName) =
            (r.ExamPassedOn, r.ExamScore, r.TrainingHours ?? o.TrainingHours, string.IsNullOrWhiteSpace(r.UserName) ? null : r.UserName.Trim());
        if (id is null)
        {
            o.Status = CertificateStatus.Valid;
        }

        await db.SaveChangesAsync(ct);
        return o;
    }

    /// <summary>负责人: the head approves filings, extensions and revocations for the department.</summary>
    public async Task SetHeadAsync(Guid id, bool isHead, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var o = await db.Officers.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        o.IsHead = isHead;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>暂扣 or 注销 a certificate, or restore it: an officer who cannot act can no longer be assigned.</summary>
    public async Task SetStatusAsync(Guid id, CertificateStatus status, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var o = await db.Officers.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        var next = Enum.IsDefined(status) ? status : throw new DomainException("required", "status");
        if (o.Status != next)
        {
            // The day it changed: the certificate was in force on the days before (the count of certified officers on a past day).
            (o.Status, o.StatusSince) = (next, ChinaTime.Today(time));
        }

        await db.SaveChangesAsync(ct);
        if (status != CertificateStatus.Valid)
        {
            // 第42条: the open cases the officer is on need another certified officer; the department is told at once.
            var open = await db.EnforcementCases.AsNoTracking()
                .Where(c => (c.Status == CaseStatus.Registered || c.Status == CaseStatus.Investigation || c.Status == CaseStatus.Notified || c.Status == CaseStatus.Decided)
                    && c.RevokedOn == null && c.Officers.Any(x => x.OfficerId == o.Id && x.RecusedAt == null))
                .Select(c => new { c.Id, c.Number, c.DepartmentId }).ToListAsync(ct);
            foreach (var c in open)
            {
                await alerts.RaiseAsync(ReassignAlert, c.Id, c.Id, c.DepartmentId, $"{c.Number}：{o.Name}（{o.CertificateNumber}）", null, $"/enforcement/cases/{c.Id}", ct: ct);
            }
        }
    }

    /// <summary>An alert without a clock: an open case's officer can no longer act (第42条).</summary>
    public const string ReassignAlert = "enforcement.reassign";

    // The certificate ledger: written in Chinese, read in either language.
    private static readonly LedgerColumn Name = new("姓名", "Name");
    private static readonly LedgerColumn Number = new("执法证号", "CertificateNumber");
    private static readonly LedgerColumn Department = new("部门编码", "DepartmentCode");
    private static readonly LedgerColumn Area = new("执法领域", "Area");
    private static readonly LedgerColumn Category = new("执法类别", "Category");
    private static readonly LedgerColumn From = new("有效期起", "ValidFrom");
    private static readonly LedgerColumn Until = new("有效期至", "ValidUntil");
    private static readonly LedgerColumn Exam = new("考试日期", "ExamPassedOn");
    private static readonly LedgerColumn Score = new("考试成绩", "ExamScore");
    private static readonly LedgerColumn Hours = new("培训学时", "TrainingHours");
    private static readonly LedgerColumn State = new("证件状态", "Status");
    private static readonly LedgerColumn Account = new("账号", "UserName");

    private static readonly Dictionary<string, CertificateStatus> States = new(StringComparer.OrdinalIgnoreCase)
    {
        ["有效"] = CertificateStatus.Valid, ["暂扣"] = CertificateStatus.Suspended, ["注销"] = CertificateStatus.Revoked,
        ["Valid"] = CertificateStatus.Valid, ["Suspended"] = CertificateStatus.Suspended, ["Revoked"] = CertificateStatus.Revoked,
    };

    public async Task<byte[]> ExportAsync(CancellationToken ct = default)
    {
        var codes = await directory.CodesAsync(ct);
        var officers = await (await ScopedAsync(ct)).OrderBy(o => o.DepartmentId).ThenBy(o => o.Name).ToListAsync(ct);
        return await Spreadsheet.WriteAsync(new LedgerSheet("执法人员", "Officers").Name, officers.Select(o => Ledger.Row(
            (Name, o.Name), (Number, o.CertificateNumber), (Department, codes.GetValueOrDefault(o.DepartmentId, "")), (Area, o.Area), (Category, o.Category),
            (From, o.ValidFrom), (Until, o.ValidUntil), (Exam, o.ExamPassedOn), (Score, o.ExamScore), (Hours, o.TrainingHours),
            (State, States.First(s => s.Value == o.Status).Key), (Account, o.UserName ?? ""))));
    }

    /// <summary>Creates or updates certificate holders by certificate number; each bad row is reported by number, the rest saved.</summary>
    public async Task<ImportReport> ImportAsync(Stream file, CancellationToken ct = default)
    {
        Ledger.CheckWorkbook(file);
        var ids = await directory.IdsByCodeAsync(ct);
        var errors = new List<ImportRowError>();
        int created = 0, updated = 0;
        foreach (var row in Ledger.Rows(file, null, text))
        {
            if (!ids.TryGetValue(row.Text(Department), out var department))
            {
                row.Fail(Department, "not_found");
            }

            var request = new SaveOfficerRequest(department, row.Text(Name), row.Text(Number), row.Text(Area), row.Text(Category), row.Date(From), row.Date(Until),
                row.Date(Exam), row.Whole(Score), row.Amount(Hours), row.Optional(Account));
            var status = row.Choice(State, States, CertificateStatus.Valid);
            if (row.Ok)
            {
                var number = request.CertificateNumber?.Trim();
                var existing = await db.Officers.AsNoTracking().Where(o => o.CertificateNumber == number).Select(o => (Guid?)o.Id).FirstOrDefaultAsync(ct);
                if (await row.TryAsync(async () => await SetStatusAsync((await SaveAsync(existing, request, ct)).Id, status ?? CertificateStatus.Valid, ct)))
                {
                    _ = existing is null ? created++ : updated++;
                }
                else
                {
                    db.ChangeTracker.Clear();
                }
            }

            errors.AddRange(row.Errors);
        }

        return new ImportReport(created, updated, errors);
    }

    public async Task<IReadOnlyList<LegalReviewer>> ReviewersAsync(CancellationToken ct = default) =>
        await db.LegalReviewers.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
}

public static class OfficerApi
{
    public static RouteGroupBuilder MapOfficers(this RouteGroupBuilder g)
    {
        g.MapGet("/officers", async (Guid? departmentId, string? q, bool? canAct, int? page, OfficerService s) =>
                TypedResults.Ok(await s.ListAsync(new OfficerFilter(departmentId, q, canAct, page ?? 1))))
            .WithSummary("Certified officers in the caller's scope, with whether they may act today and whether the certificate lapses within 30 days.");
        g.MapPost("/officers", async (SaveOfficerRequest r, OfficerService s) =>
        {
            var o = await s.SaveAsync(null, r);
            return TypedResults.Created($"/api/enforcement/officers/{o.Id}", new NewRecord(o.Id));
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A new certificate holder (the legal office or a supervisor); the certificate starts valid.");
        g.MapPut("/officers/{id:guid}", async (Guid id, SaveOfficerRequest r, OfficerService s) =>
        {
            await s.SaveAsync(id, r);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator))
            .WithSummary("Change a certificate holder's record; its status and the head mark have their own steps.");
        g.MapPost("/officers/{id:guid}/head", async (Guid id, OfficerHeadRequest r, OfficerService s) =>
        {
            await s.SetHeadAsync(id, r.IsHead ?? throw new DomainException("required", "isHead"));
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("负责人: mark an officer as the department's head, or take the mark away.");
        g.MapPost("/officers/{id:guid}/status", async (Guid id, OfficerStatusRequest r, OfficerService s) =>
        {
            await s.SetStatusAsync(id, r.Status ?? throw new DomainException("required", "status"));
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("暂扣, 注销 or restore a certificate.");
        g.MapGet("/officers/export", async (OfficerService s) => TypedResults.File(await s.ExportAsync(), Spreadsheet.ContentType, "officers.xlsx"))
            .WithSummary("The certificate ledger as Excel.").ProducesExcel();
        g.MapPost("/officers/import", async (IFormFile file, OfficerService s) =>
        {
            await using var buffer = await Spreadsheet.BufferAsync(file, Spreadsheet.MaxImportBytes);
            return TypedResults.Ok(await s.ImportAsync(buffer));
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).DisableAntiforgery()
            .WithSummary("Create or update certificates from Excel by certificate number; each bad row is reported by number, the rest saved.");
        g.MapGet("/reviewers", async (OfficerService s) => TypedResults.Ok((await s.ReviewersAsync()).Select(ReviewerView.Of).ToList())).WithSummary("The legality reviewers and their qualification.");
        return g;
    }
}

public sealed record OfficerStatusRequest(CertificateStatus? Status);
