using Fazhi.Web.Modules.Publicity.Data;
using Fazhi.Web.Modules.Publicity.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Publicity.Features;

public sealed record ListItemRequest(string? Law, string? Audience, string? Method);

public sealed record ListRequest(Guid? DepartmentId, int? Year, DateOnly? EffectiveFrom, IReadOnlyList<ListItemRequest>? Items);

public sealed record ListView(Guid Id, Guid DepartmentId, string Department, int Year, DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool InForce, IReadOnlyList<ListItemView> Items);

public sealed record ListItemView(string Law, string Audience, string Method);

public sealed record WorkPointsRequest(int? Year, string? Title, string? Number, string? Text, DateOnly? IssuedOn);

public sealed record WorkPointsView(Guid Id, int Year, string Title, string? Number, string Text, DateOnly IssuedOn);

public sealed record SchoolRequest(string? Name, SchoolKind? Kind, Guid? CommunityId, DateOnly? StudyCornerOn);

public sealed record SchoolRow(Guid Id, string Name, SchoolKind Kind, string? Community, DateOnly? StudyCornerOn, int Events, int PeopleReached, DateOnly? LastEvent);

public sealed record SiteRequest(string? Name, SiteKind? Kind, SiteLevel? Level, Guid? CommunityId, DateOnly? OpenedOn, string? Note);

public sealed record SiteRow(Guid Id, string Name, SiteKind Kind, SiteLevel Level, string? Community, DateOnly OpenedOn, string? Note, int Events);

public sealed record SessionRequest(SessionKind? Kind, Guid? DepartmentId, string? Topic, DateOnly? Date, string? Place, string? Speaker, IReadOnlyList<Guid>? Attendees);

public sealed record SessionRow(Guid Id, SessionKind Kind, string Department, string Topic, DateOnly Date, string Place, string? Speaker, int Attendees);

public sealed record SessionView(Guid Id, SessionKind Kind, Guid DepartmentId, string Department, string Topic, DateOnly Date, string Place, string? Speaker, IReadOnlyList<AttendeeView> Attendees);

public sealed record AttendeeView(Guid StaffId, string Name, string Department);

public sealed record StaffChoice(Guid Id, string UserName, string Name, Guid DepartmentId, string Department);

public sealed record DutyHearingRequest(string? HeardAt, DateOnly? HeardOn, DutyEvaluation? Evaluation, string? Note);

public sealed record DutyRow(Guid Id, int Year, Guid DepartmentId, string Department, string HeadName, bool HasFile, string? HeardAt, DateOnly? HeardOn, DutyEvaluation? Evaluation);

public sealed record DutyView(Guid Id, int Year, Guid DepartmentId, string Department, string HeadName, string Text, bool HasFile, string? HeardAt, DateOnly? HeardOn,
    DutyEvaluation? Evaluation, string? EvaluationNote, string? EvaluatedBy, DateTime SubmittedAt);

/// <summary>
/// The legal office's ledgers: the 谁执法谁普法 responsibility lists (effective-dated, public while in force) and the year's work
/// points; schools and law-culture sites with what was done there; study sessions, lectures and court-hearing visits with their
/// attendees from the staff list; the unit heads' duty reports (述职), where they were heard and how they were judged.
/// </summary>
public sealed class LedgerService(FazhiDbContext db, DataScopeResolver scopes, ActorSource actors, OrganisationDirectory directory, FileStore files)
{
    public async Task<IReadOnlyList<ListView>> ListsAsync(int? year, bool inForceOnly, CancellationToken ct = default)
    {
        Years.Check(year);
        var today = (await actors.CurrentAsync(ct)).Today;
        var q = db.ResponsibilityLists.AsNoTracking().Include(l => l.Items).AsQueryable();
        if (year is { } y)
        {
            q = q.Where(l => l.Year == y);
        }

        if (inForceOnly)
        {
            q = q.Where(l => l.EffectiveFrom <= today && (l.EffectiveTo == null || l.EffectiveTo >= today));
        }

        var lists = await q.OrderBy(l => l.DepartmentName).ThenByDescending(l => l.EffectiveFrom).ToListAsync(ct);
        return [.. lists.Select(l => new ListView(l.Id, l.DepartmentId, l.DepartmentName, l.Year, l.EffectiveFrom, l.EffectiveTo, l.InForce(today),
            [.. l.Items.OrderBy(i => i.Order).Select(i => new ListItemView(i.Law, i.Audience, i.Method))]))];
    }

    /// <summary>A department's list from a day: the one in force before it ends the day before (the legal office, or the department's reporter for its own).</summary>
    public async Task<Guid> SaveListAsync(ListRequest r, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        var v = new Validator().Check(r.DepartmentId is not null, "departmentId", "required").Check(r.Year is >= 2000 and <= 2100, "year", "publicity.year_range")
            .Check(r.EffectiveFrom is not null, "effectiveFrom", "required").Check(r.Items is { Count: > 0 and <= 100 }, "items", "required");
        for (var i = 0; i < (r.Items?.Count ?? 0); i++)
        {
            var item = r.Items![i];
            v.Required($"items[{i}].law", item?.Law).Required($"items[{i}].audience", item?.Audience).Required($"items[{i}].method", item?.Method, 500);
        }

        v.ThrowIfInvalid();
        var unit = (await directory.UnitsAsync(ct)).GetValueOrDefault(r.DepartmentId!.Value);
        if (unit is null || !(by.ActsFor(unit.Id, PublicityRoles.Officer) || by.ActsFor(unit.Id, PublicityRoles.Reporter)))
        {
            throw DomainException.NotFound("departmentId");
        }

        var from = r.EffectiveFrom!.Value;
        var later = await db.ResponsibilityLists.AnyAsync(l => l.DepartmentId == unit.Id && l.EffectiveFrom >= from, ct);
        Workflow.Check(Workflow.Unless(!later, "publicity.list_later", "effectiveFrom", ErrorKind.Conflict));
        foreach (var before in await db.ResponsibilityLists.Where(l => l.DepartmentId == unit.Id && (l.EffectiveTo == null || l.EffectiveTo >= from)).ToListAsync(ct))
        {
            before.EffectiveTo = from.AddDays(-1);
        }

        var list = new ResponsibilityList
        {
            Id = Guid.CreateVersion7(), DepartmentId = unit.Id, DepartmentName = unit.Name, Year = r.Year!.Value, EffectiveFrom = from, CreatedAt = by.Now,
            CreatedBy = by.Name, RowVersion = Guid.NewGuid(),
            Items = [.. r.Items!.Select((i, n) => new ResponsibilityItem { Id = Guid.CreateVersion7(), Order = n + 1, Law = i.Law!.Trim(), Audience = i.Audience!.Trim(), Method = i.Method!.Trim() })],
        };
        db.ResponsibilityLists.Add(list);
        await SaveAsync(ct);
        return list.Id;
    }

    public async Task<WorkPointsView?> WorkPointsAsync(int year, CancellationToken ct = default)
    {
        Years.Check(year);
        return await db.WorkPoints.AsNoTracking().Where(w => w.Year == year).Select(w => new WorkPointsView(w.Id, w.Year, w.Title, w.Number, w.Text, w.IssuedOn)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The year's work points, issued or replaced by the legal office.</summary>
    public async Task SaveWorkPointsAsync(WorkPointsRequest r, CancellationToken ct = default)
    {
        new Validator().Check(r.Year is >= 2000 and <= 2100, "year", "publicity.year_range").Required("title", r.Title).MaxLength("number", r.Number, 40)
            .Required("text", r.Text, 20_000).Check(r.IssuedOn is not null, "issuedOn", "required").ThrowIfInvalid();
        var w = await db.WorkPoints.SingleOrDefaultAsync(x => x.Year == r.Year, ct);
        if (w is null)
        {
            w = new WorkPoints { Id = Guid.CreateVersion7(), Year = r.Year!.Value, RowVersion = Guid.NewGuid() };
            db.WorkPoints.Add(w);
        }

        (w.Title, w.Number, w.Text, w.IssuedOn) = (r.Title!.Trim(), string.IsNullOrWhiteSpace(r.Number) ? null : r.Number.Trim(), r.Text!.Trim(), r.IssuedOn!.Value);
        await SaveAsync(ct);
    }

    /// <summary>The work points as a 公文 (.docx): one paragraph a line, 一、 headings kept as headings.</summary>
    public async Task<byte[]> WorkPointsDocumentAsync(int year, CancellationToken ct = default)
    {
        var w = await WorkPointsAsync(year, ct) ?? throw DomainException.NotFound("year");
        var doc = new OfficialDocument(w.Title, w.Number, await directory.NameAsync((await directory.ByCodeAsync("TX", ct))?.Id ?? Guid.Empty, ct));
        foreach (var line in w.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            _ = System.Text.RegularExpressions.Regex.IsMatch(line, "^[一二三四五六七八九十]+、") ? doc.Heading(line) : doc.Paragraph(line);
        }

        return doc.Issuer("依法治镇办", w.IssuedOn).ToBytes();
    }

    public async Task<IReadOnlyList<SchoolRow>> SchoolsAsync(int? year, CancellationToken ct = default)
    {
        Years.Check(year);
        var events = ReportService.Confirmed(db, db.PublicityEvents.AsNoTracking().Where(e => e.SchoolId != null));
        if (year is { } y)
        {
            events = events.Where(e => e.Date >= new DateOnly(y, 1, 1) && e.Date <= new DateOnly(y, 12, 31));
        }

        var counts = await events.GroupBy(e => e.SchoolId!.Value).Select(g => new { g.Key, Count = g.Count(), People = g.Sum(e => e.PeopleReached), Last = g.Max(e => e.Date) }).ToListAsync(ct);
        var schools = await db.Schools.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Name).ToListAsync(ct);
        return [.. schools.Select(s =>
        {
            var c = counts.FirstOrDefault(x => x.Key == s.Id);
            return new SchoolRow(s.Id, s.Name, s.Kind, s.CommunityName, s.StudyCornerOn, c?.Count ?? 0, c?.People ?? 0, c?.Last);
        })];
    }

    public async Task<Guid> AddSchoolAsync(SchoolRequest r, CancellationToken ct = default)
    {
        new Validator().Required("name", r.Name, 100).Check(r.Kind is not null && Enum.IsDefined(r.Kind.Value), "kind", "required").ThrowIfInvalid();
        var community = r.CommunityId is { } c ? (await directory.UnitsAsync(ct)).GetValueOrDefault(c) ?? throw DomainException.NotFound("communityId") : null;
        var s = new School { Id = Guid.CreateVersion7(), Name = r.Name!.Trim(), Kind = r.Kind!.Value, CommunityId = community?.Id, CommunityName = community?.Name, StudyCornerOn = r.StudyCornerOn };
        db.Schools.Add(s);
        await SaveAsync(ct);
        return s.Id;
    }

    public async Task<IReadOnlyList<SiteRow>> SitesAsync(CancellationToken ct = default)
    {
        var counts = await ReportService.Confirmed(db, db.PublicityEvents.AsNoTracking().Where(e => e.SiteId != null)).GroupBy(e => e.SiteId!.Value)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var sites = await db.PublicitySites.AsNoTracking().OrderBy(s => s.Kind).ThenBy(s => s.Name).ToListAsync(ct);
        return [.. sites.Select(s => new SiteRow(s.Id, s.Name, s.Kind, s.Level, s.CommunityName, s.OpenedOn, s.Note, counts.GetValueOrDefault(s.Id)))];
    }

    public async Task<Guid> AddSiteAsync(SiteRequest r, CancellationToken ct = default)
    {
        new Validator().Required("name", r.Name, 100).Check(r.Kind is not null && Enum.IsDefined(r.Kind.Value), "kind", "required")
            .Check(r.Level is not null && Enum.IsDefined(r.Level.Value), "level", "required").Check(r.OpenedOn is not null, "openedOn", "required")
            .MaxLength("note", r.Note, 500)
            // A 民主法治社区 title is a community's.
            .Check(r.Kind != SiteKind.ModelCommunity || r.CommunityId is not null, "communityId", "required").ThrowIfInvalid();
        var community = r.CommunityId is { } c ? (await directory.UnitsAsync(ct)).GetValueOrDefault(c) ?? throw DomainException.NotFound("communityId") : null;
        var s = new Site
        {
            Id = Guid.CreateVersion7(), Name = r.Name!.Trim(), Kind = r.Kind!.Value, Level = r.Level!.Value, CommunityId = community?.Id, CommunityName = community?.Name,
            OpenedOn = r.OpenedOn!.Value, Note = string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(),
        };
        db.PublicitySites.Add(s);
        await SaveAsync(ct);
        return s.Id;
    }

    /// <summary>The staff list (the directory's active accounts), by department then name, optionally of one department or matching a name.</summary>
    public async Task<IReadOnlyList<StaffChoice>> StaffAsync(Guid? departmentId, string? q, CancellationToken ct = default)
    {
        var names = await directory.NamesAsync(ct);
        var t = q?.Trim();
        return [.. (await directory.StaffAsync(ct))
            .Where(u => (departmentId is null || u.DepartmentId == departmentId) && (string.IsNullOrEmpty(t) || u.Name.Contains(t, StringComparison.Ordinal) || u.UserName.Contains(t, StringComparison.OrdinalIgnoreCase)))
            .Select(u => new StaffChoice(u.Id, u.UserName, u.Name, u.DepartmentId, names.GetValueOrDefault(u.DepartmentId, "")))
            .OrderBy(u => u.Department, StringComparer.Ordinal).ThenBy(u => u.Name, StringComparer.Ordinal)];
    }

    public async Task<Paged<SessionRow>> SessionsAsync(int? year, SessionKind? kind, string? q, int page, CancellationToken ct = default)
    {
        Years.Check(year);
        // The sessions the reader may see: everyone's for the legal office and the leadership, a unit's reader its own.
        var query = db.StudySessions.AsNoTracking().WithinScope(await scopes.CurrentAsync(ct), s => s.DepartmentId, _ => Guid.Empty);
        if (year is { } y)
        {
            query = query.Where(s => s.Date >= new DateOnly(y, 1, 1) && s.Date <= new DateOnly(y, 12, 31));
        }

        if (kind is { } k)
        {
            query = query.Where(s => s.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            query = query.Where(s => s.Topic.Contains(t) || s.DepartmentName.Contains(t) || (s.Speaker != null && s.Speaker.Contains(t)));
        }

        return await query.OrderByDescending(s => s.Date).ToPageAsync(rows => rows.Select(s => new SessionRow(s.Id, s.Kind, s.DepartmentName, s.Topic, s.Date, s.Place, s.Speaker, s.Attendees.Count)),
            page, 50, ct);
    }

    public async Task<SessionView> SessionAsync(Guid id, CancellationToken ct = default)
    {
        var s = await db.StudySessions.AsNoTracking().WithinScope(await scopes.CurrentAsync(ct), x => x.DepartmentId, _ => Guid.Empty)
            .Include(x => x.Attendees).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        return new SessionView(s.Id, s.Kind, s.DepartmentId, s.DepartmentName, s.Topic, s.Date, s.Place, s.Speaker,
            [.. s.Attendees.OrderBy(a => a.DepartmentName, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal).Select(a => new AttendeeView(a.StaffId, a.Name, a.DepartmentName))]);
    }

    /// <summary>A session with its attendees, each an active account of the staff list; the same session twice is 409.</summary>
    public async Task<Guid> AddSessionAsync(SessionRequest r, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        new Validator().Check(r.Kind is not null && Enum.IsDefined(r.Kind.Value), "kind", "required").Check(r.DepartmentId is not null, "departmentId", "required")
            .Required("topic", r.Topic).Check(r.Date is not null, "date", "required").Check(r.Date is null || r.Date <= by.Today, "date", "publicity.future_date")
            .Required("place", r.Place).MaxLength("speaker", r.Speaker, 100).Check(r.Attendees is { Count: > 0 and <= 2000 }, "attendees", "required").ThrowIfInvalid();
        var unit = (await directory.UnitsAsync(ct)).GetValueOrDefault(r.DepartmentId!.Value) ?? throw DomainException.NotFound("departmentId");
        var ids = r.Attendees!.Distinct().ToList();
        var staff = (await directory.StaffAsync(ct)).Where(u => ids.Contains(u.Id)).ToList();
        new Validator().Check(staff.Count == ids.Count, "attendees", "publicity.unknown_staff").ThrowIfInvalid();
        var names = await directory.NamesAsync(ct);
        var s = new StudySession
        {
            Id = Guid.CreateVersion7(), Kind = r.Kind!.Value, DepartmentId = unit.Id, DepartmentName = unit.Name, Topic = r.Topic!.Trim(), Date = r.Date!.Value,
            Place = r.Place!.Trim(), Speaker = string.IsNullOrWhiteSpace(r.Speaker) ? null : r.Speaker.Trim(), CreatedAt = by.Now,
            Attendees = [.. staff.Select(u => new SessionAttendee { Id = Guid.CreateVersion7(), StaffId = u.Id, Name = u.Name, DepartmentName = names.GetValueOrDefault(u.DepartmentId, "") })],
        };
        db.StudySessions.Add(s);
        await SaveAsync(ct);
        return s.Id;
    }

    private async Task<IQueryable<DutyReport>> ScopedDutyAsync(CancellationToken ct) =>
        db.DutyReports.AsNoTracking().WithinScope(await scopes.CurrentAsync(ct), d => d.DepartmentId, _ => Guid.Empty);

    public async Task<IReadOnlyList<DutyRow>> DutyReportsAsync(int? year, CancellationToken ct = default)
    {
        Years.Check(year);
        var q = await ScopedDutyAsync(ct);
        if (year is { } y)
        {
            q = q.Where(d => d.Year == y);
        }

        return await q.OrderByDescending(d => d.Year).ThenBy(d => d.DepartmentName)
            .Select(d => new DutyRow(d.Id, d.Year, d.DepartmentId, d.DepartmentName, d.HeadName, d.FileSha256 != null, d.HeardAt, d.HeardOn, d.Evaluation)).ToListAsync(ct);
    }

    public async Task<DutyView> DutyReportAsync(Guid id, CancellationToken ct = default)
    {
        var d = await (await ScopedDutyAsync(ct)).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        return new DutyView(d.Id, d.Year, d.DepartmentId, d.DepartmentName, d.HeadName, d.Text, d.FileSha256 is not null, d.HeardAt, d.HeardOn, d.Evaluation,
            d.EvaluationNote, d.EvaluatedBy, d.SubmittedAt);
    }

    /// <summary>
    /// A unit head's report for a year (text and, optionally, the signed report as PDF or image), from a multipart form: fields
    /// departmentId, year, headName, text and the file <c>file</c>. One a unit and year (a second is 409).
    /// </summary>
    public async Task<Guid> SubmitDutyAsync(Guid? departmentId, int? year, string? headName, string? reportText, StoredFile? file, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        new Validator().Check(departmentId is not null, "departmentId", "required").Check(year is >= 2000 and <= 2100, "year", "publicity.year_range")
            .Required("headName", headName, 100).Required("text", reportText, 20_000).ThrowIfInvalid();
        var unit = (await directory.UnitsAsync(ct)).GetValueOrDefault(departmentId!.Value);
        if (unit is null || !(by.ActsFor(unit.Id, PublicityRoles.Officer) || by.ActsFor(unit.Id, PublicityRoles.Reporter)))
        {
            throw DomainException.NotFound("departmentId");
        }

        Workflow.Check(Workflow.Unless(!await db.DutyReports.AnyAsync(d => d.DepartmentId == unit.Id && d.Year == year, ct), "publicity.duplicate", "year", ErrorKind.Conflict));
        var d = new DutyReport
        {
            Id = Guid.CreateVersion7(), Year = year!.Value, DepartmentId = unit.Id, DepartmentName = unit.Name, HeadName = headName!.Trim(), Text = reportText!.Trim(),
            FileSha256 = file?.Sha256, FileType = file?.ContentType, SubmittedAt = by.Now, RowVersion = Guid.NewGuid(),
        };
        db.DutyReports.Add(d);
        await SaveAsync(ct);
        return d.Id;
    }

    /// <summary>Where the report was heard and the evaluation (the legal office, once).</summary>
    public async Task HearDutyAsync(Guid id, DutyHearingRequest r, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        var d = await db.DutyReports.WithinScope(by.Scope, x => x.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        Workflow.Check(Workflow.Unless(by.IsIn(PublicityRoles.Officer), "publicity.not_yours", "evaluation", ErrorKind.Forbidden));
        Workflow.Check(Workflow.Unless(d.Evaluation is null, "publicity.evaluated", "evaluation", ErrorKind.Conflict));
        new Validator().Required("heardAt", r.HeardAt).Check(r.HeardOn is not null, "heardOn", "required").Check(r.HeardOn is null || r.HeardOn <= by.Today, "heardOn", "publicity.future_date")
            .Check(r.Evaluation is not null && Enum.IsDefined(r.Evaluation.Value), "evaluation", "required").MaxLength("note", r.Note, 1000).ThrowIfInvalid();
        (d.HeardAt, d.HeardOn, d.Evaluation, d.EvaluationNote, d.EvaluatedBy) = (r.HeardAt!.Trim(), r.HeardOn, r.Evaluation, string.IsNullOrWhiteSpace(r.Note) ? null : r.Note.Trim(), by.Name);
        await SaveAsync(ct);
    }

    public async Task<(Stream File, string Type)> DutyFileAsync(Guid id, CancellationToken ct = default)
    {
        var d = await (await ScopedDutyAsync(ct)).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        var sha = d.FileSha256 ?? throw DomainException.NotFound("file");
        return (await files.OpenVerifiedAsync(sha, new FileOwner(d.Id, d.DepartmentId, d.DepartmentName, $"/publicity/duty/{d.Id}"), ct), d.FileType ?? "application/pdf");
    }

    private Task SaveAsync(CancellationToken ct) => db.SaveOnceAsync(ct);
}
