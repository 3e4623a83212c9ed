using Fazhi.Web.Platform.Data;
using Fazhi.Web.Modules.Publicity.Domain;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Publicity.Features;

public sealed record ReportQuery(DateOnly? Month, ReportStatus? Status, Guid? ReporterId, string? Q, int? Page)
{
    public ReportFilter Filter => new(Month, Status, ReporterId, Q, Page ?? 1);
}

public sealed record EventQuery(int? Year, DateOnly? Month, Guid? ReporterId, EventKind? Kind, Guid? SchoolId, Guid? SiteId, bool? Confirmed, string? Q, int? Page)
{
    public EventFilter Filter => new(Year, Month, ReporterId, Kind, SchoolId, SiteId, Confirmed, Q, Page ?? 1);
}

public sealed record LetterQuery(int? Year, LetterLevel? Level, Guid? SignerId, string? Q, int? Page)
{
    public LetterFilter Filter => new(Year, Level, SignerId, Q, Page ?? 1);
}

public static class PublicityApi
{
    private static readonly string[] Office = [PublicityRoles.Officer, Roles.Administrator];

    // Scores, exemptions and attendance are the legal office's and the leadership's to read, not a community's.
    private static readonly string[] Readers = [PublicityRoles.Officer, Roles.Supervisor, Roles.Administrator];

    public static RouteGroupBuilder MapPublicity(this RouteGroupBuilder g)
    {
        MapReports(g);
        MapLedgers(g);
        MapExams(g);
        MapLetters(g);
        return g;
    }

    private static void MapReports(RouteGroupBuilder g)
    {
        g.MapGet("/reports", async ([AsParameters] ReportQuery q, ReportService s) => TypedResults.Ok(await s.ReportsAsync(q.Filter)))
            .WithSummary("The monthly reports in the caller's scope, newest month first: status, events, posts and people reached.");
        g.MapGet("/reports/{id:guid}", async (Guid id, ReportService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .WithSummary("One month's report: its events and posts, totals, record and the actions allowed now.");
        g.MapPost("/reports/{id:guid}/submit", async (Guid id, SubmitRequest r, ReportService s) =>
        {
            await s.SubmitAsync(id, r.SeenEvents, r.Note);
            return TypedResults.NoContent();
        }).WithSummary("Submits the month once it is over (an empty month says why); the reporter's clock moves to its next month owed.");
        g.MapPost("/reports/{id:guid}/confirm", async (Guid id, int? seenEvents, ReportService s) =>
        {
            await s.ConfirmAsync(id, seenEvents);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("The legal office confirms a submitted month: its events and posts count in the figures. seenEvents: the record's length the caller's page showed.");
        g.MapPost("/reports/{id:guid}/return", async (Guid id, ReturnRequest r, ReportService s) =>
        {
            await s.ReturnAsync(id, r.SeenEvents, r.Reason);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("Sends a submitted month back for correction with the reason; it is owed again.");
        g.MapGet("/reporters", async (ReportService s) => TypedResults.Ok(await s.ReportersAsync()))
            .WithSummary("The communities and departments that report monthly: the first month each still owes, its due day and warning level.");
        g.MapPost("/reporters", async (ReporterRequest r, ReportService s) =>
        {
            await s.AddReporterAsync(r);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("A community or department that must report monthly from a month on; its first month owed goes on the register.");
        g.MapPost("/reporters/{id:guid}/stop", async (Guid id, ReportService s) =>
        {
            await s.StopReporterAsync(id);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("No longer reports (merged, dissolved): its clock leaves the register.");

        g.MapGet("/events", async ([AsParameters] EventQuery q, ReportService s) => TypedResults.Ok(await s.EventsAsync(q.Filter)))
            .WithSummary("Publicity events in the caller's scope, newest first; filter by year, month, reporter, kind, school, site, confirmed, or words of the title, place, law and organiser.");
        g.MapGet("/events/export", async ([AsParameters] EventQuery q, ReportService s, Text text) =>
                await ListExport.ExcelAsync(await s.EventsAsync(q.Filter with { Page = 1, PageSize = Paging.ExportRows }), text, "events.xlsx",
                    new ListColumn<EventRow>("publicity.reporter", r => r.Reporter),
                    new ListColumn<EventRow>("field.date", r => r.Date),
                    new ListColumn<EventRow>("publicity.col.title", r => r.Title),
                    new ListColumn<EventRow>("publicity.event_kind", r => text["publicity.kind." + r.Kind].Value),
                    new ListColumn<EventRow>("field.place", r => r.Place),
                    new ListColumn<EventRow>("field.organiser", r => r.Organiser),
                    new ListColumn<EventRow>("field.law", r => r.Law),
                    new ListColumn<EventRow>("field.audience", r => text["publicity.audience." + r.Audience].Value),
                    new ListColumn<EventRow>("field.peopleReached", r => r.PeopleReached),
                    new ListColumn<EventRow>("field.printed", r => r.Printed),
                    new ListColumn<EventRow>("field.handedOut", r => r.HandedOut),
                    new ListColumn<EventRow>("publicity.confirmed", r => Ledger.YesNo(r.Confirmed))))
            .WithSummary("The events as Excel: every one the filter keeps (up to 10,000).").ProducesExcel();
        g.MapPost("/events", async (EventRequest r, ReportService s) =>
        {
            var id = await s.AddEventAsync(r);
            return TypedResults.Created($"/api/publicity/events/{id}", new NewRecord(id));
        }).WithSummary("One event into its month's report (reporterId: the legal office names the community or department; others enter their own). The same day, title and place twice is 409.");
        g.MapDelete("/events/{id:guid}", async (Guid id, ReportService s) =>
        {
            await s.DeleteEventAsync(id);
            return TypedResults.NoContent();
        }).WithSummary("Removes an event while its month is open.");
        g.MapPost("/events/{id:guid}/photos", async (Guid id, HttpContext http, ReportService s) => TypedResults.Ok(new PhotoAdded(await s.AddPhotoAsync(id, http.Request))))
            .DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new MultipartForm([], "file: a photo (JPEG or PNG) or a scan (PDF), stored by its SHA-256"))
            .WithSummary("A photo of the event (multipart/form-data) while its month is open; the same photo twice is one.");
        g.MapGet("/events/{id:guid}", async (Guid id, ReportService s) => TypedResults.Ok(await s.EventAsync(id)))
            .WithSummary("One event with its photos and whether its month is still open.");
        g.MapGet("/events/{id:guid}/photos/{sha256}", async (Guid id, string sha256, ReportService s) =>
            {
                var (file, type) = await s.PhotoAsync(id, sha256);
                return TypedResults.Stream(file, type);
            })
            .WithSummary("One photo of an event, checked against its hash as it is read.").ProducesStoredFile();
        g.MapGet("/posts", async ([AsParameters] EventQuery q, ReportService s) => TypedResults.Ok(await s.PostsAsync(q.Filter)))
            .WithSummary("Posts in the caller's scope, newest first; filter by year, month, reporter, confirmed, or words of the title.");
        g.MapPost("/posts", async (PostRequest r, ReportService s) =>
        {
            var id = await s.AddPostAsync(r);
            return TypedResults.Created($"/api/publicity/posts/{id}", new NewRecord(id));
        }).WithSummary("One post into its month's report; the same day, channel and title twice is 409.");
        g.MapDelete("/posts/{id:guid}", async (Guid id, ReportService s) =>
        {
            await s.DeletePostAsync(id);
            return TypedResults.NoContent();
        }).WithSummary("Removes a post while its month is open.");
        g.MapGet("/import/template", async (ReportService s) => TypedResults.File(await s.TemplateAsync(), Spreadsheet.ContentType, "monthly-report.xlsx"))
            .WithSummary("The monthly sheet to fill in: sheets 活动 (events) and 信息 (posts), headers in the reader's language, one example row each.").ProducesExcel();
        g.MapPost("/import", async (IFormFile file, Guid? reporterId, ReportService s) =>
        {
            await using var buffer = await Spreadsheet.BufferAsync(file, Spreadsheet.MaxImportBytes);
            return TypedResults.Ok(await s.ImportAsync(buffer, reporterId));
        }).DisableAntiforgery()
            .WithSummary("Imports the monthly sheet into each row's month report (opened as needed): each bad row named by sheet and number, the good ones kept; a row already there is left alone, so the same file twice changes nothing.");
    }

    private static void MapLedgers(RouteGroupBuilder g)
    {
        g.MapGet("/lists", async (int? year, bool? inForce, LedgerService s) => TypedResults.Ok(await s.ListsAsync(year, inForce ?? false)))
            .WithSummary("The 谁执法谁普法 responsibility lists, by department, with the days they were in force.");
        g.MapPost("/lists", async (ListRequest r, LedgerService s) =>
        {
            var id = await s.SaveListAsync(r);
            return TypedResults.Created($"/api/publicity/lists/{id}", new NewRecord(id));
        }).WithSummary("A department's list from a day (laws, audience, means); the list in force before it ends the day before.");
        g.MapGet("/work-points/{year:int}", async (int year, LedgerService s) => TypedResults.Ok(await s.WorkPointsAsync(year) ?? throw DomainException.NotFound("year")))
            .WithSummary("The year's work points (普法依法治理工作要点).");
        g.MapPut("/work-points", async (WorkPointsRequest r, LedgerService s) =>
        {
            await s.SaveWorkPointsAsync(r);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("Issues or replaces the year's work points.");
        g.MapGet("/work-points/{year:int}/document.docx", async (int year, LedgerService s) => TypedResults.File(await s.WorkPointsDocumentAsync(year), OfficialDocument.ContentType, "工作要点.docx"))
            .WithSummary("The year's work points as a 公文 (.docx).").ProducesWord();
        g.MapGet("/schools", async (int? year, LedgerService s) => TypedResults.Ok(await s.SchoolsAsync(year)))
            .WithSummary("The town's schools with the confirmed events held there (in the year, when given).");
        g.MapPost("/schools", async (SchoolRequest r, LedgerService s) =>
        {
            var id = await s.AddSchoolAsync(r);
            return TypedResults.Created($"/api/publicity/schools/{id}", new NewRecord(id));
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("A school of the town.");
        g.MapGet("/sites", async (LedgerService s) => TypedResults.Ok(await s.SitesAsync()))
            .WithSummary("Law-culture sites and businesses' law-culture projects, with the confirmed events held there.");
        g.MapPost("/sites", async (SiteRequest r, LedgerService s) =>
        {
            var id = await s.AddSiteAsync(r);
            return TypedResults.Created($"/api/publicity/sites/{id}", new NewRecord(id));
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("A site (法治文化阵地) or a business's project, at the level that recognised it.");
        g.MapGet("/staff", async (Guid? departmentId, string? q, LedgerService s) => TypedResults.Ok(await s.StaffAsync(departmentId, q)))
            .RequireAuthorization(p => p.RequireRole(Readers)).WithSummary("The staff list (active accounts) to choose attendees and exam candidates from.");
        g.MapGet("/sessions", async (int? year, SessionKind? kind, string? q, int? page, LedgerService s) => TypedResults.Ok(await s.SessionsAsync(year, kind, q, page ?? 1)))
            .RequireAuthorization(p => p.RequireRole(Readers)).WithSummary("Study sessions, lectures and court-hearing visits, newest first.");
        g.MapGet("/sessions/{id:guid}", async (Guid id, LedgerService s) => TypedResults.Ok(await s.SessionAsync(id))).RequireAuthorization(p => p.RequireRole(Readers)).WithSummary("One session with its attendees.");
        g.MapPost("/sessions", async (SessionRequest r, LedgerService s) =>
        {
            var id = await s.AddSessionAsync(r);
            return TypedResults.Created($"/api/publicity/sessions/{id}", new NewRecord(id));
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("A session with its attendees from the staff list; the same session twice is 409.");
        g.MapGet("/duty-reports", async (int? year, LedgerService s) => TypedResults.Ok(await s.DutyReportsAsync(year)))
            .WithSummary("The unit heads' duty reports (述职) in the caller's scope.");
        g.MapGet("/duty-reports/{id:guid}", async (Guid id, LedgerService s) => TypedResults.Ok(await s.DutyReportAsync(id))).WithSummary("One duty report.");
        g.MapPost("/duty-reports", async (HttpContext http, LedgerService s, FileStore store) =>
            {
                MultipartUpload.RequireMultipart(http.Request);
                var form = await MultipartUpload.ReadAsync(http.Request, store, FileKinds.Documents);
                Guid? department = Guid.TryParse(form["departmentId"], out var d) ? d : null;
                int? year = int.TryParse(form["year"], System.Globalization.CultureInfo.InvariantCulture, out var y) ? y : null;
                var id = await s.SubmitDutyAsync(department, year, form["headName"], form["text"], form.File("file")?.File);
                return TypedResults.Created($"/api/publicity/duty-reports/{id}", new NewRecord(id));
            }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new MultipartForm(
                [new("departmentId", "The unit", true), new("year", "The year reported on", true), new("headName", "The head who reports", true), new("text", "The report", true)],
                "file: the signed report (PDF, JPEG or PNG), optional"))
            .WithSummary("A unit head's yearly report on their duty for rule-of-law work (multipart/form-data); one a unit and year.");
        g.MapPost("/duty-reports/{id:guid}/hearing", async (Guid id, DutyHearingRequest r, LedgerService s) =>
        {
            await s.HearDutyAsync(id, r);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("Where and when the report was heard, and its evaluation (once).");
        g.MapGet("/duty-reports/{id:guid}/file", async (Guid id, LedgerService s) =>
        {
            var (file, type) = await s.DutyFileAsync(id);
            return TypedResults.Stream(file, type);
        }).WithSummary("The signed report, checked against its hash as it is read.").ProducesStoredFile();
    }

    private static void MapExams(RouteGroupBuilder g)
    {
        g.MapGet("/exams", async (ExamService s) => TypedResults.Ok(await s.ListAsync())).RequireAuthorization(p => p.RequireRole(Readers)).WithSummary("The law exams, newest year first, with their rates.");
        g.MapGet("/exams/{id:guid}", async (Guid id, ExamService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .RequireAuthorization(p => p.RequireRole(Readers)).WithSummary("One exam: marks, rates sat, passed and excellent (percent, two decimals), by unit, and every candidate.");
        g.MapPost("/exams", async (ExamRequest r, ExamService s) =>
        {
            var id = await s.CreateAsync(r);
            return TypedResults.Created($"/api/publicity/exams/{id}", new NewRecord(id));
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("The year's exam and its marks (pass 60, excellent 90 of 100 unless set); one a year.");
        g.MapPut("/exams/{id:guid}", async (Guid id, ExamRequest r, ExamService s) =>
        {
            await s.UpdateAsync(id, r);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("Changes the title, day or marks; the rates follow.");
        g.MapPost("/exams/{id:guid}/candidates", async (Guid id, CandidatesRequest r, ExamService s) => TypedResults.Ok(new CandidatesAdded(await s.AddCandidatesAsync(id, r))))
            .RequireAuthorization(p => p.RequireRole(Office)).WithSummary("Who must sit it, from the staff list: every active account of the departments named, and the accounts named.");
        g.MapPost("/exams/{id:guid}/candidates/{candidateId:guid}/exemption", async (Guid id, Guid candidateId, ExemptionRequest r, ExamService s) =>
        {
            await s.ExemptAsync(id, candidateId, r);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("Exempts a candidate, with the reason.");
        g.MapDelete("/exams/{id:guid}/candidates/{candidateId:guid}/exemption", async (Guid id, Guid candidateId, ExamService s) =>
        {
            await s.UnexemptAsync(id, candidateId);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Office)).WithSummary("Takes an exemption back.");
        g.MapGet("/exams/{id:guid}/scores", async (Guid id, ExamService s) => TypedResults.File(await s.SheetAsync(id), Spreadsheet.ContentType, "exam-scores.xlsx"))
            .RequireAuthorization(p => p.RequireRole(Readers)).WithSummary("The candidates as the score sheet (account, name, unit, score, exemption).").ProducesExcel();
        g.MapPost("/exams/{id:guid}/scores", async (Guid id, IFormFile file, ExamService s) =>
        {
            await using var buffer = await Spreadsheet.BufferAsync(file, Spreadsheet.MaxImportBytes);
            return TypedResults.Ok(await s.ImportScoresAsync(id, buffer));
        }).RequireAuthorization(p => p.RequireRole(Office)).DisableAntiforgery()
            .WithSummary("Scores from Excel by account (or a unique name); each bad row by number, the good ones kept; the same file twice changes nothing.");
    }

    private static void MapLetters(RouteGroupBuilder g)
    {
        g.MapGet("/letters", async ([AsParameters] LetterQuery q, LetterService s) => TypedResults.Ok(await s.ListAsync(q.Filter)))
            .WithSummary("Safety responsibility letters in the caller's scope; filter by year, level, signer, or a name.");
        g.MapGet("/letters/counts", async (int year, LetterService s) => TypedResults.Ok(await s.CountsAsync(year)))
            .WithSummary("The year's letters by level: town with communities, town with units, communities with businesses.");
        g.MapPost("/letters", async (LetterRequest r, LetterService s) =>
        {
            var id = await s.SignAsync(r);
            return TypedResults.Created($"/api/publicity/letters/{id}", new NewRecord(id));
        }).WithSummary("A letter signed: the town with a community or unit (the legal office), or a community with one of its businesses; one a year for each.");
        g.MapPost("/letters/import", async (IFormFile file, Guid communityId, int year, LetterService s) =>
        {
            await using var buffer = await Spreadsheet.BufferAsync(file, Spreadsheet.MaxImportBytes);
            return TypedResults.Ok(await s.ImportAsync(buffer, communityId, year));
        }).DisableAntiforgery()
            .WithSummary("A community's letters with its businesses for a year from Excel (企业名称, 统一社会信用代码, 签订日期): new businesses added, bad rows by number, the same file twice changes nothing.");
        g.MapGet("/businesses", async (Guid? communityId, int? missingYear, string? q, int? page, LetterService s) =>
                TypedResults.Ok(await s.BusinessesAsync(communityId, missingYear, q, page ?? 1)))
            .WithSummary("The businesses in the caller's scope; missingYear lists those still without their letter for that year.");
        g.MapPost("/businesses", async (BusinessRequest r, LetterService s) =>
        {
            var id = await s.AddBusinessAsync(r);
            return TypedResults.Created($"/api/publicity/businesses/{id}", new NewRecord(id));
        }).WithSummary("A business of a community, by its unified social credit code.");
    }

    /// <summary>The public page's data: the responsibility lists in force today, without sign-in.</summary>
    public static IEndpointRouteBuilder MapPublicLists(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/publicity/lists", async (LedgerService s) => TypedResults.Ok(await s.ListsAsync(null, true)))
            .AllowAnonymous().RequireRateLimiting(PublicLookups.RateLimitPolicy).WithTags("Publicity")
            .WithSummary("The 谁执法谁普法 responsibility lists in force today, by department (public).").ReadsFromStandby();
        return app;
    }
}

public sealed record PhotoAdded(string Sha256);

public sealed record CandidatesAdded(int Added);
