using Fazhi.Web.Modules.Publicity.Data;
using Fazhi.Web.Modules.Publicity.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Publicity.Features;

public sealed record EventRequest(
    Guid? ReporterId, DateOnly? Date, EventKind? Kind, string? Title, string? Place, string? Organiser, string? Law, AudienceKind? Audience,
    int? PeopleReached, int? Printed, int? HandedOut, Guid? SchoolId, Guid? SiteId);

public sealed record PostRequest(Guid? ReporterId, DateOnly? Date, PostChannel? Channel, string? Title, string? Link);

public sealed record SubmitRequest(string? Note) : StepRequest;

public sealed record ReturnRequest(string? Reason) : StepRequest;

public sealed record ReporterRequest(Guid? OrgNodeId, DateOnly? FirstMonth);

public sealed record ReportRow(Guid Id, Guid ReporterId, string Reporter, DateOnly Month, ReportStatus Status, int Events, int Posts, int PeopleReached, DateTime? SubmittedAt, string? ConfirmedBy);

public sealed record EventRow(
    Guid Id, Guid ReportId, string Reporter, DateOnly Date, EventKind Kind, string Title, string Place, string Organiser, string Law, AudienceKind Audience,
    int PeopleReached, int Printed, int HandedOut, Guid? SchoolId, Guid? SiteId, int Photos, bool Confirmed);

public sealed record PostRow(Guid Id, Guid ReportId, string Reporter, DateOnly Date, PostChannel Channel, string Title, string? Link, bool Confirmed);

public sealed record ReportView(
    Guid Id, Guid ReporterId, string Reporter, DateOnly Month, ReportStatus Status, string? Note, DateTime? SubmittedAt, DateTime? ConfirmedAt, string? ConfirmedBy,
    IReadOnlyList<EventRow> Events, IReadOnlyList<PostRow> Posts, int PeopleReached, int Printed, int HandedOut,
    IReadOnlyList<RecordStepView> Record, int SeenEvents, IReadOnlyList<ReportAction> Allowed);

public sealed record EventView(EventRow Event, ReportStatus ReportStatus, string? SchoolName, string? SiteName, IReadOnlyList<PhotoView> Photos, bool CanEdit);

public sealed record PhotoView(string Sha256, string ContentType, DateTime At);

public sealed record ReporterRow(Guid Id, string Name, DateOnly FirstMonth, DateOnly OwedMonth, DateOnly DueOn, WarningLevel Level, bool Active);

/// <summary>What an import did: rows added, rows changed, rows already there; each bad row by sheet and number.</summary>
public sealed record PublicityImport(int Created, int Updated, int Unchanged, IReadOnlyList<ImportRowError> Errors, IReadOnlyList<Guid> Reports);

public sealed record ReportFilter(DateOnly? Month, ReportStatus? Status, Guid? ReporterId, string? Q, int Page = 1, int PageSize = 50);

public sealed record EventFilter(int? Year, DateOnly? Month, Guid? ReporterId, EventKind? Kind, Guid? SchoolId, Guid? SiteId, bool? Confirmed, string? Q, int Page = 1, int PageSize = 50);

/// <summary>
/// The communities' and departments' monthly reports: events and posts entered one by one or imported from the Excel sheets they
/// keep (each bad row named by its number, the good ones kept, the same row twice one record), submitted once the month is over,
/// confirmed or returned by the legal office; each reporter's first month without a report is a clock on the register.
/// </summary>
public sealed class ReportService(
    FazhiDbContext db, DataScopeResolver scopes, ActorSource actors, CaseWorkflow workflow, OrganisationDirectory directory, IConfiguration configuration,
    Text text, FileStore files)
{
    /// <summary>The day of the month after by which a month's report is due (Publicity:ReportDueDay, the 10th by default).</summary>
    public int DueDay => Math.Clamp(configuration.GetValue("Publicity:ReportDueDay", 10), 1, 28);

    public async Task<IQueryable<MonthlyReport>> ScopedReportsAsync(CancellationToken ct = default) =>
        db.PublicityReports.AsNoTracking().WithinScope(await scopes.CurrentAsync(ct), r => r.DepartmentId, _ => Guid.Empty);

    public async Task<IQueryable<PublicityEvent>> ScopedEventsAsync(CancellationToken ct = default) =>
        db.PublicityEvents.AsNoTracking().WithinScope(await scopes.CurrentAsync(ct), r => r.DepartmentId, _ => Guid.Empty);

    public async Task<IQueryable<PublicityPost>> ScopedPostsAsync(CancellationToken ct = default) =>
        db.PublicityPosts.AsNoTracking().WithinScope(await scopes.CurrentAsync(ct), r => r.DepartmentId, _ => Guid.Empty);

    /// <summary>Events in reports the legal office confirmed: what the figures count.</summary>
    public static IQueryable<T> Confirmed<T>(FazhiDbContext db, IQueryable<T> items)
        where T : class, IReportedItem
    {
        var reports = db.Set<MonthlyReport>();
        return items.Where(e => reports.Any(r => r.Id == e.ReportId && r.Status == ReportStatus.Confirmed));
    }

    private static IQueryable<T> Unconfirmed<T>(FazhiDbContext db, IQueryable<T> items)
        where T : class, IReportedItem
    {
        var reports = db.Set<MonthlyReport>();
        return items.Where(e => !reports.Any(r => r.Id == e.ReportId && r.Status == ReportStatus.Confirmed));
    }

    /// <summary>The filter events and posts share: year, month, reporter, confirmed or not.</summary>
    private IQueryable<T> Filtered<T>(IQueryable<T> q, EventFilter f)
        where T : class, IReportedItem
    {
        if (f.Year is { } y)
        {
            Years.Check(y);
            var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
            q = q.Where(e => e.Date >= first && e.Date <= last);
        }

        if (f.Month is { } m)
        {
            var first = MonthlyReport.MonthOf(m);
            var last = first.AddMonths(1).AddDays(-1);
            q = q.Where(e => e.Date >= first && e.Date <= last);
        }

        if (f.ReporterId is { } r)
        {
            q = q.Where(e => e.DepartmentId == r);
        }

        return f.Confirmed is { } c ? c ? Confirmed(db, q) : Unconfirmed(db, q) : q;
    }

    public async Task<Paged<ReportRow>> ReportsAsync(ReportFilter f, CancellationToken ct = default)
    {
        var q = await ScopedReportsAsync(ct);
        if (f.Month is { } m)
        {
            var month = MonthlyReport.MonthOf(m);
            q = q.Where(r => r.Month == month);
        }

        if (f.Status is { } s)
        {
            q = q.Where(r => r.Status == s);
        }

        if (f.ReporterId is { } id)
        {
            q = q.Where(r => r.DepartmentId == id);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var t = f.Q.Trim();
            q = q.Where(r => r.ReporterName.Contains(t));
        }

        var events = db.Set<PublicityEvent>();
        var posts = db.Set<PublicityPost>();
        return await q.OrderByDescending(r => r.Month).ThenBy(r => r.ReporterName).ToPageAsync(rows => rows.Select(r => new ReportRow(
            r.Id, r.DepartmentId, r.ReporterName, r.Month, r.Status,
            events.Count(e => e.ReportId == r.Id), posts.Count(p => p.ReportId == r.Id),
            events.Where(e => e.ReportId == r.Id).Sum(e => (int?)e.PeopleReached) ?? 0, r.SubmittedAt, r.ConfirmedBy)), f.Page, f.PageSize, ct);
    }

    public async Task<ReportView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        var r = await (await ScopedReportsAsync(ct)).Include(x => x.Steps).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        var confirmed = r.Status == ReportStatus.Confirmed;
        var events = await db.PublicityEvents.AsNoTracking().Where(e => e.ReportId == id).OrderBy(e => e.Date).ThenBy(e => e.Title)
            .Select(EventRowOf(confirmed)).ToListAsync(ct);
        var posts = await db.PublicityPosts.AsNoTracking().Where(e => e.ReportId == id).OrderBy(e => e.Date).ThenBy(e => e.Title)
            .Select(p => new PostRow(p.Id, p.ReportId, p.ReporterName, p.Date, p.Channel, p.Title, p.Link, confirmed)).ToListAsync(ct);
        return new ReportView(r.Id, r.DepartmentId, r.ReporterName, r.Month, r.Status, r.Note, r.SubmittedAt, r.ConfirmedAt, r.ConfirmedBy, events, posts,
            events.Sum(e => e.PeopleReached), events.Sum(e => e.Printed), events.Sum(e => e.HandedOut),
            [.. r.Steps.OrderBy(s => s.Sequence).Select(RecordStepView.Of)], r.Steps.Count, r.AvailableActions(by));
    }

    private static System.Linq.Expressions.Expression<Func<PublicityEvent, EventRow>> EventRowOf(bool confirmed) => e => new EventRow(
        e.Id, e.ReportId, e.ReporterName, e.Date, e.Kind, e.Title, e.Place, e.Organiser, e.Law, e.Audience, e.PeopleReached, e.Printed, e.HandedOut,
        e.SchoolId, e.SiteId, e.Photos.Count, confirmed);

    public async Task<EventView> EventAsync(Guid id, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        var e = await (await ScopedEventsAsync(ct)).Include(x => x.Photos).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        var report = await db.PublicityReports.AsNoTracking().Include(r => r.Steps).SingleAsync(r => r.Id == e.ReportId, ct);
        var school = e.SchoolId is { } s ? await db.Schools.Where(x => x.Id == s).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var site = e.SiteId is { } t ? await db.PublicitySites.Where(x => x.Id == t).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        var row = new EventRow(e.Id, e.ReportId, e.ReporterName, e.Date, e.Kind, e.Title, e.Place, e.Organiser, e.Law, e.Audience, e.PeopleReached, e.Printed, e.HandedOut,
            e.SchoolId, e.SiteId, e.Photos.Count, report.Status == ReportStatus.Confirmed);
        return new EventView(row, report.Status, school, site, [.. e.Photos.OrderBy(p => p.At).Select(p => new PhotoView(p.Sha256, p.ContentType, p.At))],
            report.Guard(ReportAction.Edit, by) is null);
    }

    public async Task<Paged<EventRow>> EventsAsync(EventFilter f, CancellationToken ct = default)
    {
        var q = Filtered(await ScopedEventsAsync(ct), f);
        if (f.Kind is { } k)
        {
            q = q.Where(e => e.Kind == k);
        }

        if (f.SchoolId is { } s)
        {
            q = q.Where(e => e.SchoolId == s);
        }

        if (f.SiteId is { } site)
        {
            q = q.Where(e => e.SiteId == site);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var t = f.Q.Trim();
            q = q.Where(e => e.Title.Contains(t) || e.Place.Contains(t) || e.Law.Contains(t) || e.Organiser.Contains(t) || e.ReporterName.Contains(t));
        }

        var reports = db.Set<MonthlyReport>();
        return await q.OrderByDescending(e => e.Date).ThenBy(e => e.ReporterName).ThenBy(e => e.Title).ToPageAsync(rows => rows.Select(e => new EventRow(
            e.Id, e.ReportId, e.ReporterName, e.Date, e.Kind, e.Title, e.Place, e.Organiser, e.Law, e.Audience, e.PeopleReached, e.Printed, e.HandedOut,
            e.SchoolId, e.SiteId, e.Photos.Count, reports.Any(x => x.Id == e.ReportId && x.Status == ReportStatus.Confirmed))), f.Page, f.PageSize, ct);
    }

    public async Task<Paged<PostRow>> PostsAsync(EventFilter f, CancellationToken ct = default)
    {
        var q = Filtered(await ScopedPostsAsync(ct), f);
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var t = f.Q.Trim();
            q = q.Where(e => e.Title.Contains(t) || e.ReporterName.Contains(t));
        }

        var reports = db.Set<MonthlyReport>();
        return await q.OrderByDescending(e => e.Date).ThenBy(e => e.Title).ToPageAsync(rows => rows.Select(p => new PostRow(
            p.Id, p.ReportId, p.ReporterName, p.Date, p.Channel, p.Title, p.Link, reports.Any(x => x.Id == p.ReportId && x.Status == ReportStatus.Confirmed))), f.Page, f.PageSize, ct);
    }

    /// <summary>The community or department a reporter enters for: their own, or (the legal office) the one named.</summary>
    private async Task<OrgUnit> ReporterOfAsync(Guid? asked, Actor by, CancellationToken ct)
    {
        var id = asked ?? by.DepartmentId ?? throw new DomainException("required", "reporterId");
        var unit = (await directory.UnitsAsync(ct)).GetValueOrDefault(id);
        // Outside the caller's scope it is as if it did not exist.
        if (unit is null || !by.ActsFor(id) || !by.IsInAny(PublicityRoles.Reporter, PublicityRoles.Officer))
        {
            throw DomainException.NotFound("reporterId");
        }

        return unit;
    }

    public static Validator Check(EventRequest r, DateOnly today) => new Validator()
        .Check(r.Date is not null, "date", "required").Check(r.Date is null || r.Date <= today, "date", "publicity.future_date")
        .Check(r.Kind is not null && Enum.IsDefined(r.Kind.Value), "kind", "required")
        .Required("title", r.Title).Required("place", r.Place).Required("organiser", r.Organiser, 100).Required("law", r.Law)
        .Check(r.Audience is not null && Enum.IsDefined(r.Audience.Value), "audience", "required")
        .Check(r.PeopleReached is >= 0 and <= 1_000_000, "peopleReached", "publicity.count_range")
        .Check(r.Printed is null or (>= 0 and <= 10_000_000), "printed", "publicity.count_range")
        .Check(r.HandedOut is null or (>= 0 and <= 10_000_000), "handedOut", "publicity.count_range");

    public static Validator Check(PostRequest r, DateOnly today) => new Validator()
        .Check(r.Date is not null, "date", "required").Check(r.Date is null || r.Date <= today, "date", "publicity.future_date")
        .Check(r.Channel is not null && Enum.IsDefined(r.Channel.Value), "channel", "required").Required("title", r.Title)
        .MaxLength("link", r.Link, 500)
        .Check(string.IsNullOrWhiteSpace(r.Link) || (Uri.TryCreate(r.Link.Trim(), UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp)), "link", "publicity.link");

    private static string EventKey(EventRequest r) => PublicityEvent.FingerprintOf(r.Date, r.Title, r.Place);

    private static string PostKey(PostRequest r) => PublicityEvent.FingerprintOf(r.Date, r.Channel?.ToString(), r.Title);

    /// <summary>One event entered through the form; the same event (day, title, place) twice is 409.</summary>
    public async Task<Guid> AddEventAsync(EventRequest r, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        var unit = await ReporterOfAsync(r.ReporterId, by, ct);
        Check(r, by.Today).ThrowIfInvalid();
        await CheckPlacesAsync(r, ct);
        var key = EventKey(r);
        Workflow.Check(Workflow.Unless(!await db.PublicityEvents.AnyAsync(e => e.DepartmentId == unit.Id && e.Fingerprint == key, ct), "publicity.duplicate", "title", ErrorKind.Conflict));
        return await InMonthAsync(unit, r.Date!.Value, by, "event_added", r.Title!.Trim(), report =>
        {
            var e = NewEvent(r, unit, report.Id, key, by.Now);
            db.PublicityEvents.Add(e);
            return e.Id;
        }, ct);
    }

    public async Task<Guid> AddPostAsync(PostRequest r, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        var unit = await ReporterOfAsync(r.ReporterId, by, ct);
        Check(r, by.Today).ThrowIfInvalid();
        var key = PostKey(r);
        Workflow.Check(Workflow.Unless(!await db.PublicityPosts.AnyAsync(e => e.DepartmentId == unit.Id && e.Fingerprint == key, ct), "publicity.duplicate", "title", ErrorKind.Conflict));
        return await InMonthAsync(unit, r.Date!.Value, by, "post_added", r.Title!.Trim(), report =>
        {
            var p = NewPost(r, unit, report.Id, key, by.Now);
            db.PublicityPosts.Add(p);
            return p.Id;
        }, ct);
    }

    private static PublicityEvent NewEvent(EventRequest r, OrgUnit unit, Guid reportId, string key, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ReportId = reportId, DepartmentId = unit.Id, ReporterName = unit.Name, Date = r.Date!.Value, Kind = r.Kind!.Value,
        Title = r.Title!.Trim(), Place = r.Place!.Trim(), Organiser = r.Organiser!.Trim(), Law = r.Law!.Trim(), Audience = r.Audience!.Value,
        PeopleReached = r.PeopleReached!.Value, Printed = r.Printed ?? 0, HandedOut = r.HandedOut ?? 0, SchoolId = r.SchoolId, SiteId = r.SiteId,
        Fingerprint = key, CreatedAt = now,
    };

    private static PublicityPost NewPost(PostRequest r, OrgUnit unit, Guid reportId, string key, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(), ReportId = reportId, DepartmentId = unit.Id, ReporterName = unit.Name, Date = r.Date!.Value, Channel = r.Channel!.Value,
        Title = r.Title!.Trim(), Link = string.IsNullOrWhiteSpace(r.Link) ? null : r.Link.Trim(), Fingerprint = key, CreatedAt = now,
    };

    private async Task CheckPlacesAsync(EventRequest r, CancellationToken ct)
    {
        if (r.SchoolId is { } s && !await db.Schools.AnyAsync(x => x.Id == s, ct))
        {
            throw DomainException.NotFound("schoolId");
        }

        if (r.SiteId is { } site && !await db.PublicitySites.AnyAsync(x => x.Id == site && x.Kind != SiteKind.ModelCommunity, ct))
        {
            throw DomainException.NotFound("siteId");
        }
    }

    /// <summary>
    /// Adds to the reporter's report of the month (opened if it has none yet) under the report's turn: a report submitted or
    /// confirmed meanwhile refuses the change (409), never a row in a closed month.
    /// </summary>
    private async Task<T> InMonthAsync<T>(OrgUnit unit, DateOnly day, Actor by, string kind, string what, Func<MonthlyReport, T> add, CancellationToken ct)
    {
        var report = await OpenReportAsync(unit, MonthlyReport.MonthOf(day), by, ct);
        T result = default!;
        await workflow.ActAsync<MonthlyReport, ReportStep>(scope => db.PublicityReports.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).Include(x => x.Steps),
            report, null, (m, actor) =>
            {
                m.Changed(kind, what, actor);
                result = add(m);
                return Task.CompletedTask;
            }, ct: ct);
        return result;
    }

    /// <summary>The report of the reporter's month, opened when it has none (two at once open one).</summary>
    public async Task<Guid> OpenReportAsync(OrgUnit unit, DateOnly month, Actor by, CancellationToken ct)
    {
        if (await db.PublicityReports.Where(r => r.DepartmentId == unit.Id && r.Month == month).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct) is { } id)
        {
            return id;
        }

        var report = MonthlyReport.Open(unit.Id, unit.Name, month, by);
        db.PublicityReports.Add(report);
        try
        {
            await db.SaveChangesAsync(ct);
            return report.Id;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return await db.PublicityReports.Where(r => r.DepartmentId == unit.Id && r.Month == month).Select(r => r.Id).SingleAsync(ct);
        }
    }

    public async Task DeleteEventAsync(Guid id, CancellationToken ct = default)
    {
        var e = await (await ScopedEventsAsync(ct)).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        await workflow.ActAsync<MonthlyReport, ReportStep>(scope => db.PublicityReports.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).Include(x => x.Steps),
            e.ReportId, null, async (m, actor) =>
            {
                m.Changed("event_removed", e.Title, actor);
                db.PublicityEvents.Remove(await db.PublicityEvents.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound());
            }, ct: ct);
    }

    public async Task DeletePostAsync(Guid id, CancellationToken ct = default)
    {
        var p = await (await ScopedPostsAsync(ct)).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        await workflow.ActAsync<MonthlyReport, ReportStep>(scope => db.PublicityReports.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).Include(x => x.Steps),
            p.ReportId, null, async (m, actor) =>
            {
                m.Changed("post_removed", p.Title, actor);
                db.PublicityPosts.Remove(await db.PublicityPosts.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound());
            }, ct: ct);
    }

    /// <summary>A photo of an event, streamed into the file store (PDF, JPEG, PNG); the same photo twice is one.</summary>
    public async Task<string> AddPhotoAsync(Guid eventId, HttpRequest request, CancellationToken ct = default)
    {
        var e = await (await ScopedEventsAsync(ct)).SingleOrDefaultAsync(x => x.Id == eventId, ct) ?? throw DomainException.NotFound();
        MultipartUpload.RequireMultipart(request);
        var open = await db.PublicityReports.AsNoTracking().Where(r => r.Id == e.ReportId).Select(r => r.Status).SingleAsync(ct);
        Workflow.Check(Workflow.Unless(open is ReportStatus.Draft or ReportStatus.Returned, "publicity.report_closed", "status", ErrorKind.Conflict));
        var upload = await MultipartUpload.ReadAsync(request, files, FileKinds.Documents, ct);
        var photo = upload.File("file") ?? throw new DomainException("required", "file");
        return await AttachPhotoAsync(e, photo.File, ct);
    }

    /// <summary>An event within the caller's scope (404 outside it).</summary>
    public async Task<PublicityEvent> FindEventAsync(Guid id, CancellationToken ct = default) =>
        await (await ScopedEventsAsync(ct)).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();

    public async Task<string> AttachPhotoAsync(PublicityEvent e, StoredFile file, CancellationToken ct)
    {
        await workflow.ActAsync<MonthlyReport, ReportStep>(scope => db.PublicityReports.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).Include(x => x.Steps),
            e.ReportId, null, async (m, actor) =>
            {
                if (!await db.Set<EventPhoto>().AnyAsync(p => p.EventId == e.Id && p.Sha256 == file.Sha256, ct))
                {
                    m.Changed("photo_added", e.Title, actor);
                    db.Add(new EventPhoto { Id = Guid.CreateVersion7(), EventId = e.Id, Sha256 = file.Sha256, ContentType = file.ContentType, At = actor.Now });
                }
            }, ct: ct);
        return file.Sha256;
    }

    public async Task<(Stream File, string Type)> PhotoAsync(Guid eventId, string sha256, CancellationToken ct = default)
    {
        var e = await (await ScopedEventsAsync(ct)).SingleOrDefaultAsync(x => x.Id == eventId, ct) ?? throw DomainException.NotFound();
        var photo = await db.Set<EventPhoto>().AsNoTracking().SingleOrDefaultAsync(p => p.EventId == eventId && p.Sha256 == sha256, ct) ?? throw DomainException.NotFound("sha256");
        return (await files.OpenVerifiedAsync(sha256, new FileOwner(e.ReportId, e.DepartmentId, e.Title, $"/publicity/events/{e.Id}"), ct), photo.ContentType);
    }

    public Task SubmitAsync(Guid id, int? seen, string? note, CancellationToken ct = default) =>
        ActAsync(id, seen, async (r, by) =>
        {
            var events = await db.PublicityEvents.CountAsync(e => e.ReportId == id, ct);
            var posts = await db.PublicityPosts.CountAsync(e => e.ReportId == id, ct);
            r.Submit(note, events, posts, by);
            await OweAsync(r, by, ct);
        }, ct);

    public Task ConfirmAsync(Guid id, int? seen, CancellationToken ct = default) =>
        ActAsync(id, seen, (r, by) =>
        {
            r.Confirm(by);
            return Task.CompletedTask;
        }, ct);

    public Task ReturnAsync(Guid id, int? seen, string? reason, CancellationToken ct = default) =>
        ActAsync(id, seen, async (r, by) =>
        {
            r.Return(reason, by);
            await OweAsync(r, by, ct);
        }, ct);

    private Task<MonthlyReport> ActAsync(Guid id, int? seen, Func<MonthlyReport, Actor, Task> act, CancellationToken ct) =>
        workflow.ActAsync<MonthlyReport, ReportStep>(scope => db.PublicityReports.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).Include(x => x.Steps),
            id, seen, act, ct: ct);

    /// <summary>Moves the reporter's clock to its first month from its first on without a submitted (or confirmed) report.</summary>
    private async Task OweAsync(MonthlyReport changed, Actor by, CancellationToken ct)
    {
        if (await db.PublicityReporters.SingleOrDefaultAsync(x => x.Id == changed.DepartmentId, ct) is not { } reporter)
        {
            return;
        }

        var reported = (await db.PublicityReports.Where(r => r.DepartmentId == reporter.Id && r.Id != changed.Id
                && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Confirmed)).Select(r => r.Month).ToListAsync(ct)).ToHashSet();
        if (changed.Status is ReportStatus.Submitted or ReportStatus.Confirmed)
        {
            reported.Add(changed.Month);
        }

        reporter.OweFirstUnreported(reported, DueDay, by.Calendar);
    }

    public async Task<IReadOnlyList<ReporterRow>> ReportersAsync(CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        var scope = await scopes.CurrentAsync(ct);
        var rows = await db.PublicityReporters.AsNoTracking().WithinScope(scope, r => r.Id, _ => Guid.Empty).OrderBy(r => r.OwedMonth).ThenBy(r => r.Name).ToListAsync(ct);
        return [.. rows.Select(r => new ReporterRow(r.Id, r.Name, r.FirstMonth, r.OwedMonth, r.Due.DueDate, r.Active ? r.Due.Level(by.Today) : WarningLevel.Normal, r.Active))];
    }

    /// <summary>A community or department that must report monthly from a month on (the legal office).</summary>
    public async Task AddReporterAsync(ReporterRequest r, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        new Validator().Check(r.OrgNodeId is not null, "orgNodeId", "required").Check(r.FirstMonth is not null, "firstMonth", "required").ThrowIfInvalid();
        var unit = (await directory.UnitsAsync(ct)).GetValueOrDefault(r.OrgNodeId!.Value) ?? throw DomainException.NotFound("orgNodeId");
        new Validator().Check(unit.Kind is OrgNodeKind.Community or OrgNodeKind.Department or OrgNodeKind.Unit, "orgNodeId", "publicity.reporter_kind").ThrowIfInvalid();
        if (await db.PublicityReporters.SingleOrDefaultAsync(x => x.Id == unit.Id, ct) is { } existing)
        {
            Workflow.Check(Workflow.Unless(!existing.Active, "publicity.duplicate", "orgNodeId", ErrorKind.Conflict));
            existing.Resume();
        }
        else
        {
            var reporter = Reporter.Create(unit.Id, unit.Name, r.FirstMonth!.Value, DueDay, by.Calendar);
            db.PublicityReporters.Add(reporter);
            var reported = (await db.PublicityReports.Where(x => x.DepartmentId == unit.Id && (x.Status == ReportStatus.Submitted || x.Status == ReportStatus.Confirmed))
                .Select(x => x.Month).ToListAsync(ct)).ToHashSet();
            reporter.OweFirstUnreported(reported, DueDay, by.Calendar);
        }

        await SaveAsync(ct);
    }

    public async Task StopReporterAsync(Guid id, CancellationToken ct = default)
    {
        var reporter = await db.PublicityReporters.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        reporter.Stop();
        await SaveAsync(ct);
    }

    private Task SaveAsync(CancellationToken ct) => db.SaveOnceAsync(ct);

    // The monthly sheet: written in Chinese, read in either language. Two sheets, events and posts.
    public static readonly LedgerSheet EventsSheet = new("活动", "Events");
    public static readonly LedgerSheet PostsSheet = new("信息", "Posts");
    private static readonly LedgerColumn Date = new("日期", "Date");
    private static readonly LedgerColumn Title = new("活动名称", "Title");
    private static readonly LedgerColumn KindColumn = new("活动类型", "Kind");
    private static readonly LedgerColumn Place = new("地点", "Place");
    private static readonly LedgerColumn Organiser = new("主办单位", "Organiser");
    private static readonly LedgerColumn Law = new("宣传法律", "Law");
    private static readonly LedgerColumn Audience = new("受众", "Audience");
    private static readonly LedgerColumn People = new("受教育人数", "PeopleReached");
    private static readonly LedgerColumn Printed = new("编印资料份数", "Printed");
    private static readonly LedgerColumn HandedOut = new("发放资料份数", "HandedOut");
    /// <summary>The id of the school or site a row names in <paramref name="column"/>, if any; a name not on the list is the row's error.</summary>
    private static Guid? Named(LedgerRow row, LedgerColumn column, Dictionary<string, Guid> known, string unknown)
    {
        if (row.Optional(column) is not { } name)
        {
            return null;
        }

        if (known.TryGetValue(name, out var id))
        {
            return id;
        }

        row.Fail(column, unknown, name);
        return null;
    }

    private static readonly LedgerColumn SchoolColumn = new("学校", "School");
    private static readonly LedgerColumn SiteColumn = new("阵地", "Site");
    private static readonly LedgerColumn PostTitle = new("标题", "Title");
    private static readonly LedgerColumn Channel = new("渠道", "Channel");
    private static readonly LedgerColumn Link = new("链接", "Link");

    private static Dictionary<string, T> Names<T>(string prefix, IReadOnlyDictionary<string, (string Zh, string En)> strings)
        where T : struct, Enum
    {
        var names = new Dictionary<string, T>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in Enum.GetValues<T>())
        {
            names[v.ToString()] = v;
            if (strings.TryGetValue($"{prefix}.{v}", out var s))
            {
                names[s.Zh] = v;
                names[s.En] = v;
            }
        }

        return names;
    }

    private static readonly Lazy<Dictionary<string, EventKind>> Kinds = new(() => Names<EventKind>("publicity.kind", PublicityStrings.Table));
    private static readonly Lazy<Dictionary<string, AudienceKind>> Audiences = new(() => Names<AudienceKind>("publicity.audience", PublicityStrings.Table));
    private static readonly Lazy<Dictionary<string, PostChannel>> Channels = new(() => Names<PostChannel>("publicity.channel", PublicityStrings.Table));

    /// <summary>The monthly sheet to fill in: both sheets with their headers and one example row each.</summary>
    public async Task<byte[]> TemplateAsync(CancellationToken ct = default)
    {
        var today = (await actors.CurrentAsync(ct)).Today;
        var day = MonthlyReport.MonthOf(today).AddMonths(-1).AddDays(14);
        return await Spreadsheet.WriteAsync(new Dictionary<string, IEnumerable<IDictionary<string, object?>>>
        {
            [EventsSheet.Name] = [Ledger.Row((Date, day), (Title, text["publicity.example.title"].Value), (KindColumn, text["publicity.kind.Lecture"].Value),
                (Place, text["publicity.example.place"].Value), (Organiser, text["publicity.example.organiser"].Value), (Law, text["publicity.example.law"].Value),
                (Audience, text["publicity.audience.Residents"].Value), (People, 120), (Printed, 300), (HandedOut, 260), (SchoolColumn, ""), (SiteColumn, ""))],
            [PostsSheet.Name] = [Ledger.Row((Date, day), (Channel, text["publicity.channel.WeChat"].Value), (PostTitle, text["publicity.example.post"].Value),
                (Link, "https://example.gov.cn/news/1"))],
        });
    }

    /// <summary>
    /// Imports the monthly sheet for one reporter: every good row is kept in its month's report, each bad row named by its sheet
    /// and number; a row already there (same day, title and place; or day, channel and title) with the same figures is left as
    /// it is, with other figures it is updated while its month is open. Importing the same file twice changes nothing.
    /// </summary>
    public async Task<PublicityImport> ImportAsync(Stream file, Guid? reporterId, CancellationToken ct = default)
    {
        Ledger.CheckWorkbook(file);
        var by = await actors.CurrentAsync(ct);
        var unit = await ReporterOfAsync(reporterId, by, ct);
        var errors = new List<ImportRowError>();
        var schools = await db.Schools.AsNoTracking().ToDictionaryAsync(s => s.Name, s => s.Id, ct);
        // The sites where events are held (a community's 民主法治社区 title is not a venue).
        var sites = await db.PublicitySites.AsNoTracking().Where(s => s.Kind != SiteKind.ModelCommunity).ToDictionaryAsync(s => s.Name, s => s.Id, ct);

        var hasEvents = SheetPresent(file, EventsSheet);
        var hasPosts = SheetPresent(file, PostsSheet);
        if (!hasEvents && !hasPosts)
        {
            throw new DomainException("publicity.no_sheet", "file");
        }

        var seenEvents = new HashSet<string>(StringComparer.Ordinal);
        var seenPosts = new HashSet<string>(StringComparer.Ordinal);
        var events = new List<(LedgerRow Row, EventRequest Request)>();
        foreach (var row in hasEvents ? Ledger.Rows(file, EventsSheet, text) : [])
        {
            var schoolId = Named(row, SchoolColumn, schools, "publicity.unknown_school");
            var siteId = Named(row, SiteColumn, sites, "publicity.unknown_site");
            var request = new EventRequest(unit.Id, row.Date(Date), row.Choice(KindColumn, Kinds.Value), row.Text(Title), row.Text(Place), row.Text(Organiser),
                row.Text(Law), row.Choice(Audience, Audiences.Value), row.Whole(People), row.Whole(Printed, 0), row.Whole(HandedOut, 0), schoolId, siteId);
            Validate(row, Check(request, by.Today), EventColumns);
            if (row.Ok && !seenEvents.Add(EventKey(request)))
            {
                // The same event twice in one sheet: the first row counts, the second is named.
                row.Fail(Title, "publicity.duplicate_in_file");
            }

            Sheet(row, EventsSheet, errors);
            if (row.Ok)
            {
                events.Add((row, request));
            }
        }

        file.Position = 0;
        var posts = new List<(LedgerRow Row, PostRequest Request)>();
        if (hasPosts)
        {
            foreach (var row in Ledger.Rows(file, PostsSheet, text))
            {
                var request = new PostRequest(unit.Id, row.Date(Date), row.Choice(Channel, Channels.Value), row.Text(PostTitle), row.Optional(Link));
                Validate(row, Check(request, by.Today), PostColumns);
                if (row.Ok && !seenPosts.Add(PostKey(request)))
                {
                    row.Fail(PostTitle, "publicity.duplicate_in_file");
                }

                Sheet(row, PostsSheet, errors);
                if (row.Ok)
                {
                    posts.Add((row, request));
                }
            }
        }

        // The months the good rows fall in: each report open, or the rows of a closed month refused.
        var months = events.Select(e => MonthlyReport.MonthOf(e.Request.Date!.Value)).Concat(posts.Select(p => MonthlyReport.MonthOf(p.Request.Date!.Value))).Distinct().ToList();
        var reports = new Dictionary<DateOnly, Guid>();
        foreach (var month in months)
        {
            reports[month] = await OpenReportAsync(unit, month, by, ct);
        }

        int created = 0, updated = 0, unchanged = 0;
        foreach (var month in months)
        {
            var inMonth = events.Where(e => MonthlyReport.MonthOf(e.Request.Date!.Value) == month).ToList();
            var postsInMonth = posts.Where(e => MonthlyReport.MonthOf(e.Request.Date!.Value) == month).ToList();
            try
            {
                await workflow.ActAsync<MonthlyReport, ReportStep>(scope => db.PublicityReports.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).Include(x => x.Steps),
                    reports[month], null, async (m, actor) =>
                    {
                        var (c, u, same) = await MergeAsync(m, unit, inMonth.Select(e => e.Request).ToList(), postsInMonth.Select(p => p.Request).ToList(), actor, ct,
                            sitesGiven: inMonth.Count == 0 || inMonth[0].Row.Has(SiteColumn));
                        if (c + u > 0)
                        {
                            m.Changed("imported", StepNote.Of("publicity.note.imported", c.ToString(System.Globalization.CultureInfo.InvariantCulture), u.ToString(System.Globalization.CultureInfo.InvariantCulture)), actor);
                        }

                        (created, updated, unchanged) = (created + c, updated + u, unchanged + same);
                    }, ct: ct);
            }
            catch (DomainException d) when (d.Code == "publicity.report_closed" || d.Kind == ErrorKind.Conflict)
            {
                // A closed month's rows, or a month someone else changed at the same moment: that month's rows are named (the
                // file may be imported again: what is there already stays as it is) and the other months go on.
                db.ChangeTracker.Clear();
                var why = d.Code == "publicity.report_closed" ? "publicity.month_closed" : "publicity.month_busy";
                var named = month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
                errors.AddRange(inMonth.Select(e => new ImportRowError(e.Row.Number, $"{EventsSheet.Name} · {Date.Header}", text.Error(why, [named]))));
                errors.AddRange(postsInMonth.Select(p => new ImportRowError(p.Row.Number, $"{PostsSheet.Name} · {Date.Header}", text.Error(why, [named]))));
            }
        }

        return new PublicityImport(created, updated, unchanged, [.. errors.OrderBy(e => e.Field.StartsWith(PostsSheet.Name, StringComparison.Ordinal)).ThenBy(e => e.Row)], [.. reports.Values]);
    }

    private static readonly Dictionary<string, LedgerColumn> EventColumns = new(StringComparer.Ordinal)
    {
        ["date"] = Date, ["kind"] = KindColumn, ["title"] = Title, ["place"] = Place, ["organiser"] = Organiser, ["law"] = Law, ["audience"] = Audience,
        ["peopleReached"] = People, ["printed"] = Printed, ["handedOut"] = HandedOut,
    };

    private static readonly Dictionary<string, LedgerColumn> PostColumns = new(StringComparer.Ordinal)
    {
        ["date"] = Date, ["channel"] = Channel, ["title"] = PostTitle, ["link"] = Link,
    };

    /// <summary>The form's checks on an imported row, each named by its column's header; a cell already refused by its type is not named twice.</summary>
    private void Validate(LedgerRow row, Validator v, Dictionary<string, LedgerColumn> columns)
    {
        foreach (var e in v.Errors)
        {
            var field = columns.TryGetValue(e.Field, out var column) ? column.Header : text.Field(e.Field);
            if (!row.Errors.Any(x => x.Field == field))
            {
                row.Errors.Add(new ImportRowError(row.Number, field, text.Error(e.Code, e.Args)));
            }
        }
    }

    private static bool SheetPresent(Stream file, LedgerSheet sheet)
    {
        file.Position = 0;
        var names = MiniExcelLibs.MiniExcel.GetSheetNames(file);
        file.Position = 0;
        return names.Contains(sheet.Zh) || names.Contains(sheet.En);
    }

    private static void Sheet(LedgerRow row, LedgerSheet sheet, List<ImportRowError> errors) =>
        errors.AddRange(row.Errors.Select(e => e with { Field = $"{sheet.Name} · {e.Field}" }));

    /// <param name="sitesGiven">Whether the sheet has the site column: a sheet of the older template without it leaves each event's site as it is.</param>
    private async Task<(int Created, int Updated, int Unchanged)> MergeAsync(MonthlyReport m, OrgUnit unit, List<EventRequest> events, List<PostRequest> posts, Actor by, CancellationToken ct, bool sitesGiven = true)
    {
        int created = 0, updated = 0, unchanged = 0;
        var existing = await db.PublicityEvents.Where(e => e.DepartmentId == unit.Id && e.Date >= m.Month && e.Date < m.Month.AddMonths(1)).ToDictionaryAsync(e => e.Fingerprint, ct);
        foreach (var r in events)
        {
            var key = EventKey(r);
            if (existing.TryGetValue(key, out var e))
            {
                var site = sitesGiven ? r.SiteId : e.SiteId;
                if (e.Kind == r.Kind && e.Organiser == r.Organiser!.Trim() && e.Law == r.Law!.Trim() && e.Audience == r.Audience && e.PeopleReached == r.PeopleReached
                    && e.Printed == (r.Printed ?? 0) && e.HandedOut == (r.HandedOut ?? 0) && e.SchoolId == r.SchoolId && e.SiteId == site)
                {
                    unchanged++;
                    continue;
                }

                (e.Kind, e.Organiser, e.Law, e.Audience, e.PeopleReached, e.Printed, e.HandedOut, e.SchoolId, e.SiteId) =
                    (r.Kind!.Value, r.Organiser!.Trim(), r.Law!.Trim(), r.Audience!.Value, r.PeopleReached!.Value, r.Printed ?? 0, r.HandedOut ?? 0, r.SchoolId, site);
                updated++;
                continue;
            }

            var added = NewEvent(r, unit, m.Id, key, by.Now);
            db.PublicityEvents.Add(added);
            existing[key] = added;
            created++;
        }

        var existingPosts = await db.PublicityPosts.Where(e => e.DepartmentId == unit.Id && e.Date >= m.Month && e.Date < m.Month.AddMonths(1)).ToDictionaryAsync(e => e.Fingerprint, ct);
        foreach (var r in posts)
        {
            var key = PostKey(r);
            if (existingPosts.TryGetValue(key, out var p))
            {
                var link = string.IsNullOrWhiteSpace(r.Link) ? null : r.Link.Trim();
                if (p.Link == link)
                {
                    unchanged++;
                    continue;
                }

                p.Link = link;
                updated++;
                continue;
            }

            var added = NewPost(r, unit, m.Id, key, by.Now);
            db.PublicityPosts.Add(added);
            existingPosts[key] = added;
            created++;
        }

        return (created, updated, unchanged);
    }
}
