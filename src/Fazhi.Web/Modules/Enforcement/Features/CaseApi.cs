using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Enforcement.Features;

public sealed record CaseQuery(CaseStatus? Status, Procedure? Procedure, Guid? DepartmentId, string? Q, int? Page)
{
    public CaseFilter Filter => new(Status, Procedure, DepartmentId, Q, Page ?? 1);
}

public sealed record EvidenceCreated(Guid Id);

public static class CaseApi
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder g)
    {
        g.MapGet("/cases", async ([AsParameters] CaseQuery q, CaseService s) => TypedResults.Ok(await s.ListAsync(q.Filter)))
            .WithSummary("Cases in the caller's scope, newest first, the party masked; filter by status, procedure, department, or number, matter and party.");
        g.MapGet("/cases/export", async ([AsParameters] CaseQuery q, CaseService s, Text text) =>
                await ListExport.ExcelAsync(await s.ListAsync(q.Filter with { Page = 1, PageSize = Paging.ExportRows }), text, "enforcement-cases.xlsx",
                    new ListColumn<CaseRow>("enforcement.case.number", r => r.Number),
                    new ListColumn<CaseRow>("field.matter", r => r.Matter),
                    new ListColumn<CaseRow>("enforcement.case.party", r => r.Party),
                    new ListColumn<CaseRow>("enforcement.case.registered", r => r.RegisteredAt),
                    new ListColumn<CaseRow>("enforcement.case.decision_number", r => r.DecisionNumber),
                    new ListColumn<CaseRow>("enforcement.case.due", r => r.DueDate),
                    new ListColumn<CaseRow>("field.status", r => text["enforcement.status." + r.Status].Value),
                    new ListColumn<CaseRow>("enforcement.case.step", r => text["enforcement.procedure." + r.Procedure].Value)))
            .WithSummary("The case list as Excel: every case the filter and search keep (up to 10,000), not only one page.").ProducesExcel();
        g.MapGet("/cases/{id:guid}", async (Guid id, CaseService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .WithSummary("One case with its officers, evidence, reviews, extensions and full-process record, the party's identifiers masked; seenEvents and the actions the caller may take now.");
        g.MapPost("/cases", async Task<Created<CaseCreated>> (RegisterCaseRequest r, [FromHeader(Name = "Idempotency-Key")] string? key, CaseService s, HttpContext http) =>
            Created(await s.RegisterAsync(r, key), http)).WithSummary("线索登记: register a case for filing (limitation checked). Send an Idempotency-Key: a retry returns the first case.");
        g.MapPost("/cases/on-the-spot", async Task<Created<CaseCreated>> (OnTheSpotRequest r, [FromHeader(Name = "Idempotency-Key")] string? key, CaseService s, HttpContext http) =>
            Created(await s.OnTheSpotAsync(r, key), http)).WithSummary("简易程序: a warning or a fine up to 200 / 3,000 yuan decided and served on the spot by two officers.");

        g.MapPost("/cases/{id:guid}/legal-opinion", async (Guid id, CaseOpinionRequest r, CaseService s) =>
            {
                var made = await s.AskOpinionAsync(id, r);
                return TypedResults.Created($"/api/documents/opinions/{made.Id}", made);
            })
            .WithSummary("Asks a legal advisor under contract for a written opinion on the case (Documents' public face); on the department's register and the case's record. seenEvents is required.");
        g.MapGet("/cases/{id:guid}/legal-opinions", async (Guid id, CaseService s) => TypedResults.Ok(await s.OpinionsAsync(id)))
            .WithSummary("The legal advisors' opinions asked on the case, with their status, due day and text once given.");
        Step<OfficersRequest>(g, "officers", (s, id, r) => s.AssignAsync(id, r), "指派: assign certified officers (a lapsed or suspended certificate is refused).");
        Step<RecusalRequest>(g, "recusals", (s, id, r) => s.RecuseAsync(id, r), "回避 (第43条): an officer withdraws, with the reason.");
        Action(g, "filing-approval", (s, id, seen) => s.ApproveFilingAsync(id, seen), "立案审批 by the department's head: two officers on it; the 90-day clock starts.");
        Step<ReasonRequest>(g, "filing-refusal", (s, id, r) => s.RefuseFilingAsync(id, r), "不予立案, with the reason.");
        Step<ExtensionRequest>(g, "extensions", (s, id, r) => s.ExtendAsync(id, r),
            "An approved extension of the filing limit (`filing`) or of the 90-day limit (`decision`: the first up to the department's days, 30 in market regulation; a further one with the heads' collective `discussion`).");
        Step<PauseRequest>(g, "decision-pause", (s, id, r) => s.PauseAsync(id, r), "The 90-day limit stands still for a hearing, testing, appraisal or announcement, with its reason.");
        Action(g, "decision-resume", (s, id, seen) => s.ResumeAsync(id, seen), "The excluded period ended: the 90-day limit runs again, its due date moved by the days it stood still.");
        Step<CertificatesRequest>(g, "certificates", (s, id, r) => s.CertificatesAsync(id, r), "出示执法证件 (第55条): the officers showed their certificates, to whom; before the notice.");
        Step<PreservationRequest>(g, "preservation-decisions", (s, id, r) => s.PreservationAsync(id, r), "The decision on goods registered and preserved (7 working days).");
        Step<NoticeRequest>(g, "notice", (s, id, r) => s.NoticeAsync(id, r), "行政处罚事先告知 (第44条): the intended penalty, its basis and the discretion entry applied.");
        Step<StatementRequest>(g, "statement", (s, id, r) => s.StatementAsync(id, r), "陈述申辩 and its re-check (第45条).");
        Step<HearingRequest>(g, "hearing-request", (s, id, r) => s.HearingRequestAsync(id, r), "听证申请, within 5 working days of the notice.");
        Action(g, "hearing-waiver", (s, id, seen) => s.HearingWaiverAsync(id, seen), "The party gives the hearing up.");
        Step<HearingScheduleRequest>(g, "hearing-schedule", (s, id, r) => s.HearingScheduleAsync(id, r), "听证通知: 7 working days ahead, presided over by a non-investigator.");
        Step<HearingRecordRequest>(g, "hearing-record", (s, id, r) => s.HearingRecordAsync(id, r), "听证笔录, or the party's absence (a waiver).");
        Action(g, "review-submission", (s, id, seen) => s.SubmitReviewAsync(id, seen), "送法制审核.");
        Step<ReviewRequest>(g, "review", (s, id, r) => s.ReviewAsync(id, r), "法制审核 (第58条): the nine points; `failed` lists the points that did not pass.")
            .RequireAuthorization(p => p.RequireRole(EnforcementRoles.LegalityReviewer));
        Step<DiscussionRequest>(g, "discussion", (s, id, r) => s.DiscussionAsync(id, r), "集体讨论 (第57条) for heavy penalties.");
        Step<DecisionRequest>(g, "decision", (s, id, r) => s.DecideAsync(id, r), "行政处罚决定: refused with 409 until every required step is done.");
        Step<PaymentRequest>(g, "payment", (s, id, r) => s.PaymentAsync(id, r), "缴纳罚款: the amount must cover the late fine due on the day paid.");
        Step<NoteRequest>(g, "closing", (s, id, r) => s.CloseAsync(id, r), "结案: performed, or (unpaid) what was done about it.");
        Action(g, "archive", (s, id, seen) => s.ArchiveAsync(id, seen), "归档: a file number and the contents list.");
        Step<ReasonRequest>(g, "revocation", (s, id, r) => s.RevokeAsync(id, r), "撤销或者变更 the decision: its publication is withdrawn within 3 working days.");

        g.MapPost("/cases/{id:guid}/evidence", async (Guid id, HttpContext http, CaseService s, FileStore store) =>
        {
            // The case and the step are checked before a byte of the body is read: a refused upload stores nothing.
            var form = await StepUploadAsync(http, s, store, id, CaseAction.AddEvidence, FileKinds.DocumentsAndRecordings);
            var kind = Enum.TryParse<EvidenceKind>(form["kind"], true, out var k) && Enum.IsDefined(k) ? k : throw new DomainException("required", "kind");
            var evidenceId = await s.EvidenceAsync(id, kind, form["title"], bool.TryParse(form["preserve"], out var p) && p, form.File("file")?.File, SeenEvents(form),
                noRecordingReason: form["noRecordingReason"]);
            return TypedResults.Created($"/api/enforcement/cases/{id}", new EvidenceCreated(evidenceId));
        }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new MultipartForm(
            [new("kind", "Document, Photo, Audio, Video, Physical or Statement", true, [.. Enum.GetNames<EvidenceKind>()]), new("title", "What it is", true),
             new("preserve", "true: 先行登记保存 (decided within 7 working days); its file is the audio or video of it, or noRecordingReason says why there is none (第47条)"),
             new("noRecordingReason", "Why the on-site step could not be recorded in audio and video"), new("seenEvents", "The record's length the caller's page showed")],
            "file: the evidence (PDF, JPEG, PNG, MP4, WAV, MP3, AMR, WebM), kept by its SHA-256"))
            .WithSummary("调查取证: a piece of evidence with its file (multipart/form-data; anything else is 415).");
        g.MapPost("/cases/{id:guid}/record", async (Guid id, HttpContext http, CaseService s, FileStore store) =>
        {
            var form = await StepUploadAsync(http, s, store, id, CaseAction.Attach, FileKinds.DocumentsAndRecordings);
            var upload = form.File("file");
            await s.AttachAsync(id, form["kind"], form["note"], upload?.File, upload?.FileName, SeenEvents(form), noRecordingReason: form["noRecordingReason"]);
            return TypedResults.NoContent();
        }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new MultipartForm(
            [new("kind", "The step, e.g. inspection, evidence, seizure, enforcement, on_the_spot, service, hearing, or any other", true), new("note", "What happened"),
             new("noRecordingReason", "For inspection, seizure and enforcement: why there is no audio or video (第47条)"),
             new("seenEvents", "The record's length the caller's page showed")],
            "file: a document or photo; audio and video only for the on-site steps; inspection, seizure and enforcement require audio or video, or noRecordingReason"))
            .WithSummary("Adds a step to the full-process record (append-only), with its file (multipart/form-data; anything else is 415).");
        g.MapPost("/cases/{id:guid}/statement-waiver", async (Guid id, HttpContext http, CaseService s, FileStore store) =>
        {
            var form = await StepUploadAsync(http, s, store, id, CaseAction.WaiveStatement, FileKinds.Documents);
            var upload = form.File("file");
            await s.StatementWaiverAsync(id, Date(form["waivedOn"], "waivedOn"), upload?.File, upload?.FileName, SeenEvents(form));
            return TypedResults.NoContent();
        }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new MultipartForm(
            [new("waivedOn", "The day the party signed (yyyy-MM-dd; default today)"), new("seenEvents", "The record's length the caller's page showed")],
            "file: the party's signed waiver (PDF, JPEG or PNG), required"))
            .WithSummary("放弃陈述申辩 (第44条): the party gives up stating and defending before the period ends, in writing; the decision may then be made.");
        g.MapPost("/cases/{id:guid}/service", async (Guid id, HttpContext http, CaseService s, FileStore store) =>
        {
            var form = await StepUploadAsync(http, s, store, id, CaseAction.Serve, FileKinds.Documents);
            var method = Enum.TryParse<ServiceMethod>(form["method"], true, out var m) && Enum.IsDefined(m) ? m : throw new DomainException("required", "method");
            var at = string.IsNullOrWhiteSpace(form["servedAt"]) ? (DateTime?)null
                : DateTime.TryParse(form["servedAt"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var t) ? t
                : throw new DomainException("request.wrong_type", "servedAt");
            var upload = form.File("file");
            await s.ServeAsync(id, new ServiceRecord(at, method, form["recipient"], bool.TryParse(form["electronicConsent"], out var consent) && consent, SeenEvents(form)),
                upload?.File, upload?.FileName);
            return TypedResults.NoContent();
        }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new MultipartForm(
            [new("servedAt", "When it was served, China time (yyyy-MM-ddTHH:mm), as the proof shows; default now"),
             new("method", "InPerson, Post, Electronic or Notice", true, [.. Enum.GetNames<ServiceMethod>()]), new("recipient", "Who received it", true),
             new("electronicConsent", "true: the party signed consent to electronic service (required for Electronic)"),
             new("seenEvents", "The record's length the caller's page showed")],
            "file: the proof (signed 送达回证, postal receipt, electronic delivery record or the announcement; PDF, JPEG or PNG), required"))
            .WithSummary("送达 (第61条) as a record: when, how, to whom, with the proof; the payment clock counts from the recorded day.");
        g.MapGet("/cases/{id:guid}/record/check", async (Guid id, CaseService s) => TypedResults.Ok(await s.CheckRecordAsync(id)))
            .WithSummary("Checks the full-process record: its hash chain, its last step against the audit record, and the audit record against the last signed head (a removed last step shows).");
        g.MapGet("/cases/{id:guid}/files/{sha256}", async (Guid id, string sha256, CaseService s) =>
        {
            var (content, type, name) = await s.FileAsync(id, sha256);
            return TypedResults.File(content, type, name);
        }).WithSummary("A file of the record, by its SHA-256, hashed again first: one replaced on disk answers 409 file.altered and raises an alert.").ProducesStoredFile();
        g.MapGet("/cases/{id:guid}/late-fine", async (Guid id, DateOnly? on, CaseService s) => TypedResults.Ok(await s.LateFineAsync(id, on)))
            .WithSummary("加处罚款 on a day (default today): 3% of the fine a day after the last day to pay, at most the fine.");
        Document(g, "notice.docx", "行政处罚事先告知书.docx", (d, id) => d.NoticeAsync(id), "The notice of intended penalty as Word.");
        Document(g, "decision.docx", "行政处罚决定书.docx", (d, id) => d.DecisionAsync(id), "The decision as Word, with every 第59条 element.");
        Document(g, "hearing-notice.docx", "听证通知书.docx", (d, id) => d.HearingNoticeAsync(id), "The hearing notice as Word.");
        Document(g, "contents.docx", "卷内目录.docx", (d, id) => d.ContentsAsync(id), "The file's contents list (一案一卷) as Word.");
        return g;
    }

    private static Created<CaseCreated> Created((CaseCreated Case, bool Replayed) result, HttpContext http)
    {
        if (result.Replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Created($"/api/enforcement/cases/{result.Case.Id}", result.Case);
    }

    private static RouteHandlerBuilder Step<TRequest>(RouteGroupBuilder g, string path, Func<CaseService, Guid, TRequest, Task> act, string summary) =>
        g.MapPost($"/cases/{{id:guid}}/{path}", async (Guid id, TRequest r, CaseService s) =>
        {
            await act(s, id, r);
            return TypedResults.NoContent();
        }).WithSummary(summary);

    /// <summary>A step without a body: the record's length the caller's page showed comes as <c>?seenEvents=</c>.</summary>
    private static void Action(RouteGroupBuilder g, string path, Func<CaseService, Guid, int?, Task> act, string summary) =>
        g.MapPost($"/cases/{{id:guid}}/{path}", async (Guid id, int? seenEvents, CaseService s) =>
        {
            await act(s, id, seenEvents);
            return TypedResults.NoContent();
        }).WithSummary(summary + " seenEvents: the record's length the caller's page showed (409 case.acted_by when someone acted since).");

    /// <summary>
    /// A step that comes with a file: multipart only (else 415), the case and the step checked before a byte of the body is read, so
    /// a refused upload stores nothing; then the form, its file kept by SHA-256.
    /// </summary>
    private static async Task<Upload> StepUploadAsync(HttpContext http, CaseService s, FileStore store, Guid id, CaseAction action, FileKinds kinds)
    {
        MultipartUpload.RequireMultipart(http.Request);
        await s.ReadyForUploadAsync(id, action);
        return await MultipartUpload.ReadAsync(http.Request, store, kinds);
    }

    private static DateOnly? Date(string? text, string field) => string.IsNullOrWhiteSpace(text) ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d
        : throw new DomainException("request.wrong_type", field);

    private static int? SeenEvents(Upload form) => int.TryParse(form["seenEvents"], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static void Document(RouteGroupBuilder g, string path, string name, Func<CaseDocuments, Guid, Task<byte[]>> make, string summary) =>
        g.MapGet($"/cases/{{id:guid}}/{path}", async (Guid id, CaseDocuments d) => TypedResults.File(await make(d, id), OfficialDocument.ContentType, name)).WithSummary(summary).ProducesWord();
}
