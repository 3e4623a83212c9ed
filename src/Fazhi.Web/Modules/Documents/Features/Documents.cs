using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Fazhi.Web.Modules.Documents.Data;
using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Documents.Features;

/// <summary>
/// A new draft: party or administrative, its title, the drafting department (the caller's own unless the legal office names one),
/// the plan item it is made under or why it is made outside the plan, whether it affects citizens' rights (then it is open for
/// comment before the check), and its first full text.
/// </summary>
public sealed record DraftRequest(DocumentKind? Kind, string? Title, Guid? DepartmentId, Guid? PlanItemId, string? OutsidePlanReason, bool? AffectsRights, string? Text);

public sealed record DocumentCreated(Guid Id, string DraftNumber);

public sealed record ReviseRequest(string? Text, string? Note) : StepRequest;

/// <summary>The check by the legal office, or by an advisor (advisorId) through an opinion request on the register.</summary>
public sealed record CheckRequest(Guid? AdvisorId) : StepRequest;

public sealed record ConclusionRequest(CheckConclusion? Conclusion, string? Opinion) : StepRequest;

public sealed record DeliberationRequest(string? Meeting, DateOnly? MeetingOn, MeetingDecision? Decision, string? Minutes) : StepRequest;

/// <summary>Publication: the day it takes effect (today by default, at most six months on) and its validity in years (5 at most, 2 for 暂行/试行).</summary>
public sealed record PublishRequest(DateOnly? EffectiveOn, int? ValidYears) : StepRequest;

public sealed record FilingRequest(string? FiledWith, DateOnly? FiledOn, string? FilingReference) : StepRequest;

public sealed record AmendRequest(string? Text, string? Decision) : StepRequest;

public sealed record RenewRequest(string? Finding) : StepRequest;

public sealed record RepealRequest(string? Reason, DateOnly? RepealedOn) : StepRequest;

public sealed record CommentAnswerRequest(string? Answer) : StepRequest;

public sealed record DocumentFilter(DocumentKind? Kind = null, DocumentStatus? Status = null, int? Year = null, bool? Overdue = null, string? Q = null, int Page = 1, int PageSize = 50);

public sealed record DocumentRow(
    Guid Id, string DraftNumber, string? Number, DocumentKind Kind, string Title, string Department, DocumentStatus Status, DateTime CreatedAt,
    DateOnly? PublishedOn, DateOnly? ExpiresOn, DateOnly? DueOn, bool? FiledInTime);

public sealed record VersionView(int Number, DateTime At, string By, string Note, int Length);

public sealed record CommentView(Guid Id, DateTime At, string? Name, string Text, string? Answer, DateTime? AnsweredAt);

public sealed record StepView(int Sequence, DateTime At, string Kind, string Actor, string? Note);

public sealed record DocumentView(
    Guid Id, string DraftNumber, string? Number, string Slug, DocumentKind Kind, string Title, Guid DepartmentId, string Department, Guid? PlanItemId,
    string? PlanItem, string? OutsidePlanReason, bool AffectsRights, bool Provisional, DocumentStatus Status, DateTime CreatedAt, string Text,
    DateOnly? CommentOpenedOn, DateOnly? CommentDue, DateTime? CommentClosedAt, DateOnly? CheckDue, DateOnly? CheckEarliest, string? Checker,
    Guid? OpinionRequestId, CheckConclusion? Conclusion, string? CheckOpinion, DateTime? CheckedAt, string? Meeting, DateOnly? MeetingOn, string? MeetingDecision,
    DateOnly? PublishedOn, DateOnly? EffectiveOn, DateOnly? ExpiresOn, DateOnly? FilingDue, DateOnly? FiledOn, string? FiledWith, string? FilingReference,
    bool? FiledInTime, DateOnly? RepealedOn, string? RepealReason, int Amendments, bool InForce, IReadOnlyList<VersionView> Versions,
    IReadOnlyList<CommentView> Comments, IReadOnlyList<StepView> Record, int SeenEvents, IReadOnlyList<DocumentAction> Allowed);

/// <summary>One line of the difference between two versions: unchanged, deleted (only in the first) or inserted (only in the second).</summary>
public sealed record DiffLine(string Change, string Text, int? Before, int? After);

public sealed record VersionDiff(int From, int To, int Inserted, int Deleted, IReadOnlyList<DiffLine> Lines);

/// <summary>Normative documents from the draft to repeal, within the caller's data scope (the legal office sees all).</summary>
public sealed class DocumentService(
    FazhiDbContext db, DataScopeResolver scopes, CaseWorkflow workflow, ActorSource actors, TextSearch search, RecordCheck records, IConfiguration configuration,
    OrganisationDirectory directory, OpinionService opinions)
{
    public async Task<IQueryable<NormativeDocument>> ScopedAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.NormativeDocuments.AsNoTracking().WithinScope(scope, d => d.DepartmentId, _ => Guid.Empty);
    }

    public async Task<Paged<DocumentRow>> ListAsync(DocumentFilter f, CancellationToken ct = default)
    {
        var q = await ScopedAsync(ct);
        if (f.Kind is { } k)
        {
            q = q.Where(d => d.Kind == k);
        }

        if (f.Status is { } s)
        {
            q = q.Where(d => d.Status == s);
        }

        if (f.Year is { } y)
        {
            var (from, to) = Years.Utc(y);
            q = q.Where(d => d.CreatedAt >= from && d.CreatedAt < to);
        }

        if (f.Overdue == true)
        {
            var today = (await actors.CurrentAsync(ct)).Today;
            q = q.Where(d => (d.Status == DocumentStatus.Published && d.FilingDeadline!.DueDate < today)
                || (d.Status == DocumentStatus.LegalityCheck && d.CheckDeadline!.DueDate < today));
        }

        q = search.Filter(q, d => d.Id, DocumentsModule.DocumentSearch, f.Q);
        return await q.OrderByDescending(d => d.CreatedAt)
            .Select(d => new DocumentRow(d.Id, d.DraftNumber, d.Number, d.Kind, d.Title, d.DepartmentName, d.Status, d.CreatedAt, d.PublishedOn, d.ExpiresOn,
                d.Status == DocumentStatus.PublicComment ? d.CommentWindow!.DueDate
                : d.Status == DocumentStatus.LegalityCheck ? d.CheckDeadline!.DueDate
                : d.Status == DocumentStatus.Published ? d.FilingDeadline!.DueDate : null, d.FiledInTime))
            .ToPageAsync(f.Page, f.PageSize, ct);
    }

    public async Task<NormativeDocument> GetAsync(Guid id, CancellationToken ct = default)
    {
        var d = await (await ScopedAsync(ct)).Include(x => x.Steps).Include(x => x.Versions).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound();
        d.Steps.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        d.Versions.Sort((a, b) => a.Number.CompareTo(b.Number));
        return d;
    }

    public async Task<DocumentView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var d = await GetAsync(id, ct);
        var by = await actors.CurrentAsync(ct);
        var comments = await db.PublicComments.AsNoTracking().Where(c => c.SubjectId == d.Id).OrderBy(c => c.At).ToListAsync(ct);
        var item = d.PlanItemId is { } pi ? await db.Set<PlanItem>().AsNoTracking().Where(i => i.Id == pi).Select(i => i.Title).SingleOrDefaultAsync(ct) : null;
        return new DocumentView(d.Id, d.DraftNumber, d.Number, d.Slug, d.Kind, d.Title, d.DepartmentId, d.DepartmentName, d.PlanItemId, item, d.OutsidePlanReason,
            d.AffectsRights, d.Provisional, d.Status, d.CreatedAt, d.Current.Text, d.CommentWindow?.StartedOn, d.CommentWindow?.DueDate, d.CommentClosedAt,
            d.CheckDeadline?.DueDate, d.CheckEarliestOn, d.Checker, d.OpinionRequestId, d.Conclusion, d.CheckOpinion, d.CheckedAt, d.MeetingName, d.MeetingOn,
            d.MeetingDecision, d.PublishedOn, d.EffectiveOn, d.ExpiresOn, d.FilingDeadline?.DueDate, d.FiledOn, d.FiledWith, d.FilingReference, d.FiledInTime,
            d.RepealedOn, d.RepealReason, d.Amendments, d.InForce(by.Today),
            [.. d.Versions.Select(v => new VersionView(v.Number, v.At, v.By, v.Note, v.Text.Length))],
            [.. comments.Select(c => new CommentView(c.Id, c.At, c.Name is null ? null : Masking.Name(c.Name), c.Text, c.Answer, c.AnsweredAt))],
            [.. d.Steps.Select(s => new StepView(s.Sequence, s.At, s.Kind, s.ActorLabel, StepNote.Render(s.Note)))], d.Steps.Count, d.AvailableActions(by));
    }

    /// <summary>The full text of one version.</summary>
    public async Task<string> VersionTextAsync(Guid id, int number, CancellationToken ct = default)
    {
        var d = await GetAsync(id, ct);
        return d.Versions.FirstOrDefault(v => v.Number == number)?.Text ?? throw DomainException.NotFound("version");
    }

    /// <summary>The difference between any two versions, line by line (a paragraph or an article a line).</summary>
    public async Task<VersionDiff> DiffAsync(Guid id, int? from, int? to, CancellationToken ct = default)
    {
        var d = await GetAsync(id, ct);
        var a = d.Versions.FirstOrDefault(v => v.Number == (from ?? Math.Max(1, d.Versions.Count - 1))) ?? throw DomainException.NotFound("from");
        var b = d.Versions.FirstOrDefault(v => v.Number == (to ?? d.Versions.Count)) ?? throw DomainException.NotFound("to");
        return Diff(a.Number, a.Text, b.Number, b.Text);
    }

    public static VersionDiff Diff(int fromNumber, string before, int toNumber, string after)
    {
        var model = InlineDiffBuilder.Diff(before, after, ignoreWhiteSpace: false);
        var lines = new List<DiffLine>();
        int left = 0, right = 0;
        foreach (var line in model.Lines)
        {
            switch (line.Type)
            {
                case ChangeType.Inserted:
                    lines.Add(new DiffLine("inserted", line.Text, null, ++right));
                    break;
                case ChangeType.Deleted:
                    lines.Add(new DiffLine("deleted", line.Text, ++left, null));
                    break;
                case ChangeType.Imaginary:
                    break;
                default:
                    lines.Add(new DiffLine("unchanged", line.Text, ++left, ++right));
                    break;
            }
        }

        return new VersionDiff(fromNumber, toNumber, lines.Count(l => l.Change == "inserted"), lines.Count(l => l.Change == "deleted"), lines);
    }

    public async Task<(DocumentCreated Created, bool Replayed)> DraftAsync(DraftRequest r, string? key, CancellationToken ct = default)
    {
        Idempotency.Normalise(key);
        new Validator().Check(r.Kind is { } k && Enum.IsDefined(k), "kind", "required").Required("title", r.Title, 200).Required("text", r.Text, 100_000)
            .Check(r.AffectsRights is not null, "affectsRights", "required")
            .Check(r.PlanItemId is not null || !string.IsNullOrWhiteSpace(r.OutsidePlanReason), "outsidePlanReason", "documents.outside_plan_reason")
            .MaxLength("outsidePlanReason", r.OutsidePlanReason, 500).ThrowIfInvalid();
        var by = await actors.CurrentAsync(ct);
        var departmentId = r.DepartmentId ?? by.DepartmentId ?? throw new DomainException("required", "departmentId");
        if (!by.ActsFor(departmentId) || !(by.IsIn(DocumentsRoles.LegalOfficer) || (by.IsIn(DocumentsRoles.Drafter) && by.DepartmentId == departmentId)))
        {
            throw DomainException.NotFound("departmentId");
        }

        var department = await directory.NameAsync(departmentId, ct) ?? throw DomainException.NotFound("departmentId");
        if (r.PlanItemId is { } itemId)
        {
            var planned = await db.Set<PlanItem>().AsNoTracking().Where(i => i.Id == itemId)
                .Join(db.DocumentPlans.AsNoTracking(), i => i.CaseId, p => p.Id, (i, p) => new { p.ApprovedOn, p.Body, i.DepartmentId }).SingleOrDefaultAsync(ct)
                ?? throw DomainException.NotFound("planItemId");
            new Validator().Check(planned.ApprovedOn is not null, "planItemId", "documents.plan_not_approved")
                .Check(planned.DepartmentId == departmentId, "planItemId", "documents.plan_other_department")
                .Check((planned.Body == PlanBody.PartyCommittee) == (r.Kind == DocumentKind.Party), "planItemId", "documents.plan_other_body").ThrowIfInvalid();
        }

        return await workflow.CreateAsync(DocumentsModule.ModuleName, key,
            async actor => NormativeDocument.Draft(await NextAsync(db, $"documents-draft-{actor.Today.Year}", "规草", actor.Today.Year, ct), r.Kind!.Value, r.Title!,
                departmentId, department, r.PlanItemId, r.OutsidePlanReason, r.AffectsRights!.Value, r.Text!, actor),
            d => new DocumentCreated(d.Id, d.DraftNumber),
            async id => await db.NormativeDocuments.AsNoTracking().Where(x => x.Id == id).Select(x => new DocumentCreated(x.Id, x.DraftNumber)).SingleAsync(ct),
            ct);
    }

    public Task ReviseAsync(Guid id, ReviseRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (d, by) => d.Revise(r.Text, r.Note, by), ct);

    public Task OpenCommentAsync(Guid id, int? seen, CancellationToken ct = default) => ActAsync(id, seen, (d, by) => d.OpenComment(by), ct);

    public Task CloseCommentAsync(Guid id, int? seen, CancellationToken ct = default) => ActAsync(id, seen, async (d, by) =>
    {
        Workflow.Check(d.Guard(DocumentAction.CloseComment, by));
        d.CloseComment(await db.PublicComments.CountAsync(c => c.SubjectId == d.Id, ct), by);
    }, ct);

    public Task AnswerCommentAsync(Guid id, Guid commentId, CommentAnswerRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (d, by) =>
    {
        Workflow.Check(d.Guard(DocumentAction.AnswerComment, by));
        await AnswerAsync(db, d.Id, commentId, r.Answer, by, ct);
        d.NoteAnswer(by);
    }, ct);

    /// <summary>The drafter's answer to one comment (once; a second answer is 409).</summary>
    public static async Task AnswerAsync(FazhiDbContext db, Guid subjectId, Guid commentId, string? answer, Actor by, CancellationToken ct)
    {
        var c = await db.PublicComments.SingleOrDefaultAsync(x => x.Id == commentId && x.SubjectId == subjectId, ct) ?? throw DomainException.NotFound("commentId");
        new Validator().Required("answer", answer, 2000).ThrowIfInvalid();
        Workflow.Check(Workflow.Unless(c.AnsweredAt is null, "documents.comment_answered", "answer"));
        c.Answer = answer!.Trim();
        c.AnsweredAt = by.Now;
        c.AnsweredBy = by.Name;
    }

    public Task SubmitForCheckAsync(Guid id, CheckRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (d, by) =>
    {
        Workflow.Check(d.Guard(DocumentAction.SubmitForCheck, by));
        if (r.AdvisorId is { } advisorId)
        {
            // An advisor checks: the request goes on the register in this save, due with the check.
            var made = await opinions.AskInSaveAsync(new OpinionAsk(OpinionTopic.Document, $"{d.Title}（合法性审核）", d.Current.Text.Length > 4000 ? d.Current.Text[..4000] : d.Current.Text,
                advisorId, NormativeDocument.CheckMaxWorkingDays, DocumentsModule.ModuleName, d.DraftNumber, $"/documents/{d.Id}"), d.DepartmentId, by, ct);
            d.SubmitForCheck(made.AdvisorName, made.Id, by, MinCheckDays);
        }
        else
        {
            d.SubmitForCheck(configuration["Documents:LegalOffice:Name"] ?? "依法治镇办", null, by, MinCheckDays);
        }
    }, ct);

    /// <summary>
    /// The check's least working days: Documents:CheckMinWorkingDays, 5 by 国办发〔2018〕115号 ("generally"; a province may set more). The browser
    /// tests set 0, as they run on the real clock and cannot wait five working days.
    /// </summary>
    private int MinCheckDays => configuration.GetValue("Documents:CheckMinWorkingDays", NormativeDocument.CheckMinWorkingDays);

    /// <summary>The check's opinion; when an advisor checks, only once the advisor's opinion is recorded on its request.</summary>
    public Task ConcludeAsync(Guid id, ConclusionRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (d, by) =>
    {
        Workflow.Check(d.Guard(DocumentAction.Conclude, by));
        if (d.OpinionRequestId is { } requestId && await db.OpinionRequests.AsNoTracking().Where(o => o.Id == requestId).Select(o => (OpinionStatus?)o.Status).SingleOrDefaultAsync(ct) == OpinionStatus.Asked)
        {
            throw new DomainException("documents.advisor_opinion_pending", "opinion", ErrorKind.Conflict);
        }

        d.Conclude(r.Conclusion, r.Opinion, by);
    }, ct);

    public Task DeliberateAsync(Guid id, DeliberationRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (d, by) => d.Deliberate(r.Meeting, r.MeetingOn, r.Decision, r.Minutes, by), ct);

    public Task PublishAsync(Guid id, PublishRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (d, by) =>
    {
        Workflow.Check(d.Guard(DocumentAction.Publish, by));
        var prefix = d.Kind == DocumentKind.Party ? configuration["Documents:Prefix:Party"] ?? "塘委" : configuration["Documents:Prefix:Administrative"] ?? "塘府";
        var days = d.Kind == DocumentKind.Party ? configuration.GetValue("Documents:PartyFilingDays", NormativeDocument.PartyFilingDays)
            : configuration.GetValue("Documents:FilingDays", NormativeDocument.AdministrativeFilingDays);
        d.Publish(await NextAsync(db, $"documents-{d.Kind}-{by.Today.Year}", prefix, by.Today.Year, ct), r.EffectiveOn, r.ValidYears, days, by);
    }, ct);

    public Task FileAsync(Guid id, FilingRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (d, by) => d.File(r.FiledWith, r.FiledOn, r.FilingReference, by), ct);

    public Task AmendAsync(Guid id, AmendRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (d, by) => d.Amend(r.Text, r.Decision, by), ct);

    public Task RenewAsync(Guid id, RenewRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (d, by) => d.Renew(r.Finding, by), ct);

    public Task RepealAsync(Guid id, RepealRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (d, by) => d.Repeal(r.Reason, r.RepealedOn, by), ct);

    public async Task<RecordCheckResult> CheckRecordAsync(Guid id, CancellationToken ct = default)
    {
        var d = await GetAsync(id, ct);
        return await records.CheckAsync(d.Id, d.Steps, ct);
    }

    /// <summary>合法性审核意见书 in 公文 form, once the check concluded.</summary>
    public async Task<byte[]> CheckOpinionAsync(Guid id, CancellationToken ct = default)
    {
        var d = await GetAsync(id, ct);
        if (d.CheckOpinion is null || d.CheckedAt is null)
        {
            throw new DomainException("documents.no_opinion_yet", "id", ErrorKind.Conflict);
        }

        var organ = configuration["Documents:LegalOffice:Organ"] ?? "塘厦镇依法治镇办公室";
        var started = d.CheckDeadline?.StartedOn;
        return new OfficialDocument(d.Kind == DocumentKind.Party ? "党内规范性文件前置审核意见书" : "行政规范性文件合法性审核意见书", d.DraftNumber, organ)
            .Paragraph(d.DepartmentName + "：")
            .Paragraph($"你单位起草的《{d.Title}》（第{d.CheckedVersion ?? d.Versions.Count}稿）于{started:yyyy年M月d日}送审。根据《国务院办公厅关于全面推行行政规范性文件合法性审核机制的指导意见》（国办发〔2018〕115号），经审核，意见如下：")
            .Paragraph(OfficialDocument.Sentence(d.CheckOpinion))
            .Paragraph("审核结论：" + (d.Conclusion == CheckConclusion.Lawful ? "合法，可以提请集体审议。" : "修改后重新送审。"))
            .Field("审核人", d.Checker ?? organ)
            .Issuer(organ + "（印章）", ChinaTime.DateOf(d.CheckedAt.Value)).ToBytes();
    }

    private Task<NormativeDocument> ActAsync(Guid id, int? seen, Func<NormativeDocument, Actor, Task> act, CancellationToken ct) =>
        workflow.ActAsync<NormativeDocument, DocumentStep>(
            scope => db.NormativeDocuments.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).Include(x => x.Steps).Include(x => x.Versions).AsSplitQuery(),
            id, seen, act, ct: ct);

    private Task<NormativeDocument> ActAsync(Guid id, int? seen, Action<NormativeDocument, Actor> act, CancellationToken ct) =>
        ActAsync(id, seen, (d, by) =>
        {
            act(d, by);
            return Task.CompletedTask;
        }, ct);

    /// <summary>A number of one of the module's yearly series: 塘府〔2026〕3号.</summary>
    public static async Task<string> NextAsync(FazhiDbContext db, string series, string prefix, int year, CancellationToken ct)
    {
        var n = await NumberSeries.NextAsync(db, series, 1, ct);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{n}号");
    }
}

public static class DocumentsApi
{
    public static RouteGroupBuilder MapDocuments(this RouteGroupBuilder g)
    {
        g.MapGet("/", async ([AsParameters] DocumentQuery q, DocumentService s) => TypedResults.Ok(await s.ListAsync(q.Filter)))
            .WithSummary("The normative documents in the caller's scope, newest first; filter by kind, status, year, overdue (filing or check), or number, title and department.");
        g.MapGet("/export", async ([AsParameters] DocumentQuery q, DocumentService s, Text text) =>
                await ListExport.ExcelAsync(await s.ListAsync(q.Filter with { Page = 1, PageSize = Paging.ExportRows }), text, "documents.xlsx",
                    new ListColumn<DocumentRow>("documents.draft_number", r => r.DraftNumber),
                    new ListColumn<DocumentRow>("documents.number", r => r.Number ?? ""),
                    new ListColumn<DocumentRow>("documents.kind", r => text["documents.kind." + r.Kind].Value),
                    new ListColumn<DocumentRow>("documents.title", r => r.Title),
                    new ListColumn<DocumentRow>("documents.department", r => r.Department),
                    new ListColumn<DocumentRow>("documents.published_on", r => r.PublishedOn),
                    new ListColumn<DocumentRow>("documents.expires_on", r => r.ExpiresOn),
                    new ListColumn<DocumentRow>("documents.due", r => r.DueOn),
                    new ListColumn<DocumentRow>("field.status", r => text["documents.status." + r.Status].Value)))
            .WithSummary("The documents as Excel: every one the filter and search keep (up to 10,000).").ProducesExcel();
        g.MapGet("/{id:guid}", async (Guid id, DocumentService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .WithSummary("One document: its current text, clocks, check, meeting, publication, filing and validity, its versions and comments, its record and the actions allowed now.");
        g.MapGet("/{id:guid}/versions/{number:int}", async (Guid id, int number, DocumentService s) => TypedResults.Text(await s.VersionTextAsync(id, number), "text/plain; charset=utf-8"))
            .WithSummary("The full text of one version.").Produces<string>(contentType: "text/plain");
        g.MapGet("/{id:guid}/diff", async (Guid id, int? from, int? to, DocumentService s) => TypedResults.Ok(await s.DiffAsync(id, from, to)))
            .WithSummary("The difference between two versions (default: the last two), line by line: unchanged, deleted, inserted.");
        g.MapGet("/{id:guid}/record/check", async (Guid id, DocumentService s) => TypedResults.Ok(await s.CheckRecordAsync(id)))
            .WithSummary("Checks the document's record: its hash chain against the audit record and the signed heads.");
        g.MapGet("/{id:guid}/check-opinion.docx", async (Guid id, DocumentService s) => TypedResults.File(await s.CheckOpinionAsync(id), OfficialDocument.ContentType, "合法性审核意见书.docx"))
            .WithSummary("The legality check's written opinion (合法性审核意见书 / 前置审核意见书) in 公文 form.").ProducesWord();
        g.MapPost("/", async Task<Created<DocumentCreated>> (DraftRequest r, [FromHeader(Name = "Idempotency-Key")] string? key, DocumentService s, HttpContext http) =>
        {
            var (created, replayed) = await s.DraftAsync(r, key);
            if (replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }

            return TypedResults.Created($"/api/documents/{created.Id}", created);
        }).WithSummary("A new draft with its first text, under an approved plan's item or with the reason it is made outside the plan. Send an Idempotency-Key: a retry returns the first.");
        Step<ReviseRequest>(g, "versions", (s, id, r) => s.ReviseAsync(id, r), "A new version of the full text while drafting, with what changed.");
        Action(g, "comment/open", (s, id, seen) => s.OpenCommentAsync(id, seen), "国办发〔2018〕37号: open for the public's comment for 30 days (a document that affects citizens' rights).");
        Action(g, "comment/close", (s, id, seen) => s.CloseCommentAsync(id, seen), "Closes the comment once its 30 days ran; back to drafting for the check.");
        g.MapPost("/{id:guid}/comments/{commentId:guid}/answer", async (Guid id, Guid commentId, CommentAnswerRequest r, DocumentService s) =>
        {
            await s.AnswerCommentAsync(id, commentId, r);
            return TypedResults.NoContent();
        }).WithSummary("The drafter's answer to a public comment (shown on the public page).");
        Step<CheckRequest>(g, "check", (s, id, r) => s.SubmitForCheckAsync(id, r), "国办发〔2018〕115号: sent to the legality check (5 to 15 working days), by the legal office or an advisor (advisorId: an opinion request on the register).");
        Step<ConclusionRequest>(g, "check/conclusion", (s, id, r) => s.ConcludeAsync(id, r), "The check's written opinion, not before 5 working days: Lawful (to deliberation) or Revise (back to drafting).");
        Step<DeliberationRequest>(g, "deliberation", (s, id, r) => s.DeliberateAsync(id, r), "集体审议: the meeting, its day and its decision (Adopted, Returned, Dropped).");
        Step<PublishRequest>(g, "publication", (s, id, r) => s.PublishAsync(id, r), "Numbered in its series (e.g. 塘府〔2026〕3号) and published; validity 5 years (2 for 暂行/试行); the filing clock starts.");
        Step<FilingRequest>(g, "filing", (s, id, r) => s.FileAsync(id, r), "备案 with the level above: administrative within 15 days of publication, party within 30.");
        Step<AmendRequest>(g, "amendment", (s, id, r) => s.AmendAsync(id, r), "修改: the amended text as a new version with the amending decision; the history stays.");
        Step<RenewRequest>(g, "renewal", (s, id, r) => s.RenewAsync(id, r), "清理: within six months of lapsing, kept in force for another period, with the finding.");
        Step<RepealRequest>(g, "repeal", (s, id, r) => s.RepealAsync(id, r), "废止: no longer in force from the day given, with the reason.");
        return g;
    }

    internal static void Step<TRequest>(RouteGroupBuilder g, string path, Func<DocumentService, Guid, TRequest, Task> act, string summary) =>
        g.MapPost($"/{{id:guid}}/{path}", async (Guid id, TRequest r, DocumentService s) =>
        {
            await act(s, id, r);
            return TypedResults.NoContent();
        }).WithSummary(summary);

    private static void Action(RouteGroupBuilder g, string path, Func<DocumentService, Guid, int?, Task> act, string summary) =>
        g.MapPost($"/{{id:guid}}/{path}", async (Guid id, int? seenEvents, DocumentService s) =>
        {
            await act(s, id, seenEvents);
            return TypedResults.NoContent();
        }).WithSummary(summary + " seenEvents: the record's length the caller's page showed.");
}

public sealed record DocumentQuery(DocumentKind? Kind, DocumentStatus? Status, int? Year, bool? Overdue, string? Q, int? Page)
{
    public DocumentFilter Filter => new(Kind, Status, Year, Overdue, Q, Page ?? 1);
}
