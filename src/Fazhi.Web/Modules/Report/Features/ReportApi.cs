using Fazhi.Web.Platform.Data;
using Fazhi.Web.Modules.Report.Domain;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Report.Features;

public sealed record FrozenRecords(SnapshotFigureView Figure, Paged<FigureRecord> Records);

/// <summary>REST under <c>/api/report</c>: reports (templates), sections, supplied figures, generation, snapshots, re-check, outputs, workflow.</summary>
public static class ReportApi
{
    /// <summary>Who reads reports and their snapshots.</summary>
    public static readonly string[] Readers = [ReportRoles.Officer, ReportRoles.Contributor, ReportRoles.SecrecyReviewer, ReportRoles.Leader, Roles.Supervisor, Roles.Administrator];

    /// <summary>Who reads the records frozen behind a figure (masked): not a department's contributor, who reads its own through <c>/figures</c>.</summary>
    public static readonly string[] RecordReaders = [ReportRoles.Officer, ReportRoles.SecrecyReviewer, ReportRoles.Leader, Roles.Supervisor, Roles.Administrator];

    private static readonly Dictionary<string, ReportAction> Steps = new(StringComparer.Ordinal)
    {
        ["open-inputs"] = ReportAction.OpenInputs,
        ["to-review"] = ReportAction.ToReview,
        ["clear"] = ReportAction.Clear,
        ["send-back"] = ReportAction.SendBack,
        ["sign-off"] = ReportAction.SignOff,
        ["submit"] = ReportAction.Submit,
        ["publish"] = ReportAction.Publish,
    };

    public static RouteGroupBuilder MapReport(this RouteGroupBuilder g)
    {
        g.MapGet("/", async (ReportService s) => TypedResults.Ok(await s.ListAsync())).WithSummary("Every annual report, newest year first, with its status and snapshots.");
        g.MapPost("/", async (ReportRequest r, ReportService s) =>
        {
            var id = await s.CreateAsync(r);
            return TypedResults.Created($"/api/report/{id}", new NewRecord(id));
        }).RequireAuthorization(p => p.RequireRole(ReportRoles.Officer))
            .WithSummary("A year's report (template) for a level: last year's sections as its first text, or the five parts; one a year and level (409).");
        g.MapGet("/{id:guid}", async (Guid id, ReportService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .WithSummary("A report: title, addressee, sections with their slots, supplied figures, snapshots, the actions open to the caller and the record.");
        g.MapPut("/{id:guid}", async (Guid id, ReportDetailsRequest r, ReportService s) =>
        {
            await s.DescribeAsync(id, r);
            return TypedResults.NoContent();
        }).WithSummary("Title, addressee (主送机关), issuing body and date.");
        g.MapPut("/{id:guid}/sections", async (Guid id, SectionsRequest r, ReportService s) =>
        {
            await s.SetSectionsAsync(id, r);
            return TypedResults.NoContent();
        }).WithSummary("The sections in order (parts 1–5 as the rules order them), each with text and figure slots {{name|count|rate|change|approx|prev}}; a slot naming no known figure is refused naming the slot.");
        g.MapPost("/{id:guid}/supplied", async (Guid id, HttpContext http, ReportService s, FileStore store) =>
        {
            MultipartUpload.RequireMultipart(http.Request);
            await s.CheckSupplyAsync(id);
            var form = await MultipartUpload.ReadAsync(http.Request, store, FileKinds.Documents);
            int? seen = int.TryParse(form["seenEvents"], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
            SlotFormat? kind = Enum.TryParse<SlotFormat>(form["kind"], true, out var k) && Enum.IsDefined(k) ? k : null;
            var file = form.File("file");
            await s.SupplyAsync(id, seen, form["name"], form["label"], form["value"], kind, form["source"], file?.File, file?.FileName);
            return TypedResults.NoContent();
        }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new MultipartForm(
            [new("name", "supplied.… (e.g. supplied.police_incidents_change)", true), new("label", "What it is", true), new("value", "The value; a rate or change as -22.3% or -0.223", true),
             new("kind", "Count, Rate or Change", true), new("source", "The source document's title and number", true), new("seenEvents", "Steps of the record the page showed", false)],
            "file: the source document (PDF, JPEG or PNG)"))
            .WithSummary("A figure from outside the platform with its source document; printed and exported as supplied, never as counted.");
        g.MapGet("/{id:guid}/supplied/{name}/file", async (Guid id, string name, ReportService s) =>
        {
            var (file, type, fileName) = await s.SuppliedFileAsync(id, name);
            return TypedResults.Stream(file, type, fileName);
        }).WithSummary("A supplied figure's source document, checked against its hash as it is read.").ProducesStoredFile();
        g.MapPost("/{id:guid}/sections/{sectionId:guid}/confirm", async (Guid id, Guid sectionId, SectionConfirmRequest r, ReportService s) =>
        {
            await s.ConfirmSectionAsync(id, sectionId, r);
            return TypedResults.NoContent();
        }).WithSummary("A department writes its section (text with slots) and confirms its figures, while inputs are open (by 1 March).");
        g.MapPost("/{id:guid}/steps/{step}", async (Guid id, string step, ReportStepRequest r, ReportService s) =>
        {
            if (!Steps.TryGetValue(step, out var action))
            {
                throw new DomainException("report.step_unknown", "step", ErrorKind.NotFound, step);
            }

            await s.StepAsync(id, action, r);
            return TypedResults.NoContent();
        }).WithSummary("A workflow step: open-inputs, to-review, clear or send-back (secrecy review, a reason to send back), sign-off (the principal leaders sign the last snapshot), submit (to the level above), publish.");
        g.MapPost("/{id:guid}/generate", async (Guid id, ReportStepRequest r, ReportGenerator gen) =>
        {
            var snapshot = await gen.GenerateAsync(id, r.SeenEvents);
            return TypedResults.Created($"/api/report/snapshots/{snapshot.Id}", snapshot);
        }).WithSummary("Generates the report from today's records: every figure computed, frozen with its records, as a new snapshot.");
        g.MapGet("/snapshots/{sid:guid}", async (Guid sid, ReportGenerator gen) => TypedResults.Ok(await gen.SnapshotAsync(sid)))
            .WithSummary("A snapshot: the text rendered with its figures, and every figure with its period, source and number of records.");
        g.MapGet("/snapshots/{sid:guid}/recheck", async (Guid sid, ReportGenerator gen) => TypedResults.Ok(await gen.RecheckAsync(sid)))
            .RequireAuthorization(p => p.RequireRole(RecordReaders)).WithSummary("Compares the snapshot's figures with today's records: what moved, with the records added and gone.");
        g.MapGet("/snapshots/{sid:guid}/figures/{key}/records", async (Guid sid, string key, string? q, int? page, ReportGenerator gen) =>
        {
            var (figure, records) = await gen.FrozenRecordsAsync(sid, key, q, page ?? 1);
            return TypedResults.Ok(new FrozenRecords(figure, records));
        }).RequireAuthorization(p => p.RequireRole(RecordReaders)).WithSummary("The records behind one figure of the snapshot, as frozen (parties masked).");
        g.MapGet("/snapshots/{sid:guid}/document.docx", async (Guid sid, ReportGenerator gen) =>
        {
            var s = await gen.SnapshotAsync(sid);
            return TypedResults.File(ReportOutputs.Word(s), OfficialDocument.ContentType, ReportOutputs.WordName(s));
        }).WithSummary("The report as a Word document in 公文 form (GB/T 9704).").ProducesWord();
        g.MapGet("/snapshots/{sid:guid}/figures.xlsx", async (Guid sid, ReportGenerator gen, Text text) =>
        {
            var s = await gen.SnapshotAsync(sid);
            return TypedResults.File(await ReportOutputs.ExcelAsync(s, text), Spreadsheet.ContentType, ReportOutputs.ExcelName(s));
        }).WithSummary("Every figure of the snapshot with its source, period, value and records, as Excel.").ProducesExcel();
        return g;
    }

    public static IEndpointRouteBuilder MapPublicReport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/report/{year:int}", async (int year, ReportGenerator gen) =>
                TypedResults.Ok(await gen.PublishedAsync(year) ?? throw DomainException.NotFound("year")))
            .AllowAnonymous().RequireRateLimiting(PublicLookups.RateLimitPolicy).WithTags("Report")
            .WithSummary("A year's published rule-of-law report (public).").ReadsFromStandby();
        app.MapGet("/api/public/report/{year:int}/document.docx", async (int year, ReportGenerator gen) =>
            {
                var s = await gen.PublishedAsync(year) ?? throw DomainException.NotFound("year");
                return TypedResults.File(ReportOutputs.Word(s), OfficialDocument.ContentType, ReportOutputs.WordName(s));
            })
            .AllowAnonymous().RequireRateLimiting(PublicLookups.RateLimitPolicy).WithTags("Report").ProducesWord()
            .WithSummary("A year's published report as a Word document (public).").ReadsFromStandby();
        return app;
    }
}
