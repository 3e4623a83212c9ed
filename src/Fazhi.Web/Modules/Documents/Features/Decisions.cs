using System.IO.Compression;
using Fazhi.Web.Modules.Documents.Data;
using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Files;
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

/// <summary>A decision listed in the year's directory: its title, the matter, the department that runs its procedure.</summary>
public sealed record DecisionRequest(string? Title, string? Matter, Guid? DepartmentId, int? Year);

public sealed record DecisionCreated(Guid Id, string Number);

public sealed record ParticipationRequest(int? Days) : StepRequest;

public sealed record SummaryRequest(string? Summary) : StepRequest;

public sealed record StageRequest(DecisionStage? Stage, string? By, string? Summary) : StepRequest;

public sealed record SkipRequest(DecisionStage? Stage, string? Reason) : StepRequest;

public sealed record DecideRequest(string? Meeting, DateOnly? DecidedOn, bool? Adopted, string? Decision) : StepRequest;

public sealed record WhereRequest(string? Where) : StepRequest;

public sealed record EvaluationStepRequest(string? By, string? Summary) : StepRequest;

public sealed record PhaseView(DecisionStage Stage, PhaseState State, DateOnly? StartedOn, DateOnly? Due, DateOnly? DoneOn, string? By, string? Summary, string? SkipReason, bool HasFile, bool Skippable);

public sealed record DecisionRow(Guid Id, string Number, int Year, string Title, string Department, DecisionStatus Status, DateOnly? DecidedOn, int Done, int Skipped);

public sealed record DecisionView(
    Guid Id, string Number, string Slug, int Year, string Title, string Matter, Guid DepartmentId, string Department, DecisionStatus Status, DateOnly? DecidedOn,
    bool FullProcedure, IReadOnlyList<PhaseView> Phases, IReadOnlyList<CommentView> Comments, IReadOnlyList<StepView> Record, int SeenEvents,
    IReadOnlyList<DecisionAction> Allowed, IReadOnlyList<DecisionStage> OpenStages, IReadOnlyList<DecisionStage> SkippableNow, DateOnly? DirectoryPublishedOn);

/// <summary>Major administrative decisions by the regulation's procedure, and the year's published directory.</summary>
public sealed class DecisionService(
    FazhiDbContext db, DataScopeResolver scopes, CaseWorkflow workflow, ActorSource actors, TextSearch search, OrganisationDirectory directory,
    IConfiguration configuration, FileStore files, RecordCheck records)
{
    public async Task<IQueryable<MajorDecision>> ScopedAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.MajorDecisions.AsNoTracking().WithinScope(scope, d => d.DepartmentId, _ => Guid.Empty);
    }

    public async Task<Paged<DecisionRow>> ListAsync(int? year, DecisionStatus? status, string? q, int page, int pageSize = 50, CancellationToken ct = default)
    {
        Years.Check(year);
        var query = await ScopedAsync(ct);
        if (year is { } y)
        {
            query = query.Where(d => d.Year == y);
        }

        if (status is { } s)
        {
            query = query.Where(d => d.Status == s);
        }

        query = search.Filter(query, d => d.Id, DocumentsModule.DecisionSearch, q);
        return await query.OrderByDescending(d => d.Year).ThenBy(d => d.Number)
            .Select(d => new DecisionRow(d.Id, d.Number, d.Year, d.Title, d.DepartmentName, d.Status, d.DecidedOn,
                d.Phases.Count(p => p.State == PhaseState.Done), d.Phases.Count(p => p.State == PhaseState.Skipped)))
            .ToPageAsync(page, pageSize, ct);
    }

    public async Task<MajorDecision> GetAsync(Guid id, CancellationToken ct = default)
    {
        var d = await (await ScopedAsync(ct)).Include(x => x.Phases).Include(x => x.Steps).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound();
        d.Steps.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return d;
    }

    public async Task<DecisionView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var d = await GetAsync(id, ct);
        var by = await actors.CurrentAsync(ct);
        var comments = await db.PublicComments.AsNoTracking().Where(c => c.SubjectId == d.Id).OrderBy(c => c.At).ToListAsync(ct);
        var published = await db.DecisionDirectories.AsNoTracking().Where(x => x.Year == d.Year).Select(x => (DateOnly?)x.PublishedOn).SingleOrDefaultAsync(ct);
        return new DecisionView(d.Id, d.Number, d.Slug, d.Year, d.Title, d.Matter, d.DepartmentId, d.DepartmentName, d.Status, d.DecidedOn, d.FullProcedure,
            [.. d.Phases.OrderBy(p => p.Stage).Select(p => new PhaseView(p.Stage, p.State, p.StartedOn, p.Clock?.DueDate, p.DoneOn, p.By, p.Summary, p.SkipReason,
                p.FileSha256 is not null, MajorDecision.Skippable.Contains(p.Stage)))],
            [.. comments.Select(c => new CommentView(c.Id, c.At, c.Name is null ? null : Masking.Name(c.Name), c.Text, c.Answer, c.AnsweredAt))],
            [.. d.Steps.Select(s => new StepView(s.Sequence, s.At, s.Kind, s.ActorLabel, StepNote.Render(s.Note)))], d.Steps.Count, d.AvailableActions(by), d.OpenStages(by), d.SkippableNow(by), published);
    }

    public async Task<(DecisionCreated Created, bool Replayed)> ListInDirectoryAsync(DecisionRequest r, string? key, CancellationToken ct = default)
    {
        Idempotency.Normalise(key);
        var by = await actors.CurrentAsync(ct);
        Workflow.Check(Workflow.Unless(by.IsIn(DocumentsRoles.LegalOfficer), "documents.not_yours", "status", ErrorKind.Forbidden));
        new Validator().Required("title", r.Title, 200).Required("matter", r.Matter, 4000).Check(r.DepartmentId is not null, "departmentId", "required")
            .Check(r.Year is null || (r.Year >= by.Today.Year && r.Year <= by.Today.Year + 1), "year", "documents.year_range").ThrowIfInvalid();
        var name = await directory.NameAsync(r.DepartmentId!.Value, ct) ?? throw DomainException.NotFound("departmentId");
        var year = r.Year ?? by.Today.Year;
        return await workflow.CreateAsync(DocumentsModule.ModuleName, key,
            async actor => MajorDecision.List(await DocumentService.NextAsync(db, $"documents-decision-{year}", "决策", year, ct), year, r.Title!, r.Matter!, r.DepartmentId.Value, name, actor),
            d => new DecisionCreated(d.Id, d.Number),
            async id => await db.MajorDecisions.AsNoTracking().Where(x => x.Id == id).Select(x => new DecisionCreated(x.Id, x.Number)).SingleAsync(ct), ct);
    }

    /// <summary>第10条: the year's directory published (once); the public page lists it from then on.</summary>
    public async Task PublishDirectoryAsync(int year, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        Workflow.Check(Workflow.Unless(by.IsIn(DocumentsRoles.LegalOfficer), "documents.not_yours", "status", ErrorKind.Forbidden));
        Workflow.Check(Workflow.Unless(await db.MajorDecisions.AnyAsync(d => d.Year == year, ct), "documents.directory_empty", "year"));
        Workflow.Check(Workflow.Unless(!await db.DecisionDirectories.AnyAsync(d => d.Year == year, ct), "documents.directory_published", "year", ErrorKind.Conflict));
        await using var tx = await db.BeginWriteAsync(ct);
        db.DecisionDirectories.Add(new DecisionDirectory { Year = year, PublishedOn = by.Today, PublishedBy = by.Name });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("documents.directory_published", "year", ErrorKind.Conflict);
        }

        await tx.CommitAsync(ct);
    }

    public Task OpenParticipationAsync(Guid id, ParticipationRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (d, by) => d.OpenParticipation(r.Days, by), ct);

    public Task CloseParticipationAsync(Guid id, SummaryRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (d, by) =>
    {
        Workflow.Check(d.Guard(DecisionAction.CloseParticipation, null, by));
        d.CloseParticipation(r.Summary, await db.PublicComments.CountAsync(c => c.SubjectId == d.Id, ct), by);
    }, ct);

    /// <summary>Checks scope and step before a stage's file is read.</summary>
    public async Task ReadyForStageAsync(Guid id, DecisionStage? stage, CancellationToken ct = default)
    {
        var d = await GetAsync(id, ct);
        new Validator().Check(stage is { } s && Enum.IsDefined(s), "stage", "required").ThrowIfInvalid();
        Workflow.Check(d.Guard(stage == DecisionStage.Discussion ? DecisionAction.Decide : DecisionAction.Record, stage, await actors.CurrentAsync(ct)));
    }

    public Task RecordStageAsync(Guid id, DecisionStage? stage, string? who, string? summary, StoredFile? file, int? seen, CancellationToken ct = default) =>
        ActAsync(id, seen, (d, by) => d.RecordStage(stage, who, summary, file?.Sha256, file?.ContentType, by), ct);

    public Task SkipAsync(Guid id, SkipRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (d, by) => d.Skip(r.Stage, r.Reason, by), ct);

    public Task SubmitLegalityAsync(Guid id, int? seen, CancellationToken ct = default) =>
        ActAsync(id, seen, (d, by) => d.SubmitLegality(configuration["Documents:LegalOffice:Name"] ?? "依法治镇办", by), ct);

    public Task ConcludeLegalityAsync(Guid id, SummaryRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (d, by) => d.ConcludeLegality(r.Summary, by), ct);

    public Task DecideAsync(Guid id, DecideRequest r, StoredFile? minutes, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (d, by) => d.Decide(r.Meeting, r.DecidedOn, r.Adopted, r.Decision, minutes?.Sha256, minutes?.ContentType, by), ct);

    public Task PublishAsync(Guid id, WhereRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (d, by) => d.Publish(r.Where, by), ct);

    public Task EvaluateAsync(Guid id, EvaluationStepRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (d, by) => d.Evaluate(r.By, r.Summary, by), ct);

    public Task AnswerCommentAsync(Guid id, Guid commentId, CommentAnswerRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (d, by) =>
    {
        Workflow.Check(Workflow.Unless(d.Phase(DecisionStage.Participation).State != PhaseState.Pending, "documents.step_out_of_order", "status"));
        await DocumentService.AnswerAsync(db, d.Id, commentId, r.Answer, by, ct);
        d.NoteAnswer(by);
    }, ct);

    public async Task<RecordCheckResult> CheckRecordAsync(Guid id, CancellationToken ct = default)
    {
        var d = await GetAsync(id, ct);
        return await records.CheckAsync(d.Id, d.Steps, ct);
    }

    public async Task<(Stream Content, string Type)> FileAsync(Guid id, DecisionStage stage, CancellationToken ct = default)
    {
        var d = await GetAsync(id, ct);
        var p = d.Phase(stage);
        var sha = p.FileSha256 ?? throw DomainException.NotFound("stage");
        return (await files.OpenVerifiedAsync(sha, new FileOwner(d.Id, d.DepartmentId, d.Number, $"/documents/decisions/{d.Id}"), ct), p.FileType ?? "application/octet-stream");
    }

    /// <summary>The file's contents list (卷内目录) in 公文 form: every step, its day, what it found or why it was skipped, and the documents in the bundle.</summary>
    public async Task<byte[]> ContentsAsync(Guid id, CancellationToken ct = default)
    {
        var d = await GetAsync(id, ct);
        return Contents(d, await db.PublicComments.CountAsync(c => c.SubjectId == d.Id, ct));
    }

    private byte[] Contents(MajorDecision d, int comments)
    {
        var rows = d.Phases.OrderBy(p => p.Stage).Select((p, i) => new[]
        {
            (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Text.In("documents.stage." + p.Stage, english: false),
            p.DoneOn?.ToString("yyyy-MM-dd") ?? "", Text.In("documents.phase." + p.State, english: false),
            p.State == PhaseState.Skipped ? "未经此程序：" + p.SkipReason : p.FileSha256 is not null ? $"{FileName(p)}" : p.Summary is null ? "" : "见记录",
        }).ToList();
        var organ = configuration["Documents:Organ"] ?? "塘厦镇人民政府";
        return new OfficialDocument("重大行政决策档案卷内目录", d.Number, organ)
            .Paragraph($"决策事项：{d.Title}")
            .Paragraph($"承办单位：{d.DepartmentName}；年度：{d.Year}；公众意见：{comments}条。")
            .Table(rows, ["序号", "程序", "完成日期", "状态", "文件或说明"])
            .Paragraph("本卷依照《重大行政决策程序暂行条例》第三十九条的规定归档。")
            .Issuer(organ, d.DecidedOn ?? ChinaTime.DateOf(d.ChangedAt)).ToBytes();
    }

    private static string FileName(DecisionPhase p) => $"{(int)p.Stage + 1:00}-{p.Stage}" + (p.FileType == "application/pdf" ? ".pdf" : p.FileType == "image/png" ? ".png" : ".jpg");

    /// <summary>
    /// 第39条: the whole file as one bundle (zip): the contents list and the record as .docx, each step's document, and the public's
    /// comments with their answers. Every stored file is hashed again as it is read.
    /// </summary>
    public async Task<byte[]> ArchiveAsync(Guid id, CancellationToken ct = default)
    {
        var d = await GetAsync(id, ct);
        var comments = await db.PublicComments.AsNoTracking().Where(c => c.SubjectId == d.Id).OrderBy(c => c.At).ToListAsync(ct);
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            async Task Add(string name, byte[] bytes)
            {
                var e = zip.CreateEntry(name, CompressionLevel.Optimal);
                await using var s = e.Open();
                await s.WriteAsync(bytes, ct);
            }

            await Add("00-卷内目录.docx", Contents(d, comments.Count));
            var record = new OfficialDocument("决策程序记录", d.Number, d.DepartmentName)
                .Table([.. d.Steps.Select(s => new[] { s.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), ChinaTime.DateOf(s.At).ToString("yyyy-MM-dd"),
                    s.Kind, s.ActorLabel, StepNote.Render(s.Note, english: false) ?? "" })], ["序号", "日期", "环节", "经办人", "说明"]);
            foreach (var p in d.Phases.Where(p => p.Summary is not null).OrderBy(p => p.Stage))
            {
                record.Heading(Text.In("documents.stage." + p.Stage, english: false)).Paragraph(p.Summary!);
            }

            await Add("01-决策程序记录.docx", record.Issuer(d.DepartmentName, ChinaTime.DateOf(d.ChangedAt)).ToBytes());
            if (comments.Count > 0)
            {
                var c = new OfficialDocument("公众意见及采纳情况", d.Number, d.DepartmentName)
                    .Table([.. comments.Select((x, i) => new[] { (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), ChinaTime.DateOf(x.At).ToString("yyyy-MM-dd"), x.Text, x.Answer ?? "" })],
                        ["序号", "日期", "意见", "答复"]);
                await Add("02-公众意见.docx", c.ToBytes());
            }

            foreach (var p in d.Phases.Where(p => p.FileSha256 is not null))
            {
                await using var content = await files.OpenVerifiedAsync(p.FileSha256!, new FileOwner(d.Id, d.DepartmentId, d.Number, $"/documents/decisions/{d.Id}"), ct);
                using var copy = new MemoryStream();
                await content.CopyToAsync(copy, ct);
                await Add(FileName(p), copy.ToArray());
            }
        }

        return buffer.ToArray();
    }

    private Task<MajorDecision> ActAsync(Guid id, int? seen, Func<MajorDecision, Actor, Task> act, CancellationToken ct) =>
        workflow.ActAsync<MajorDecision, DecisionStep>(
            scope => db.MajorDecisions.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).Include(x => x.Phases).Include(x => x.Steps).AsSplitQuery(),
            id, seen, act, ct: ct);

    private Task<MajorDecision> ActAsync(Guid id, int? seen, Action<MajorDecision, Actor> act, CancellationToken ct) =>
        ActAsync(id, seen, (d, by) =>
        {
            act(d, by);
            return Task.CompletedTask;
        }, ct);
}

public static class DecisionsApi
{
    public static RouteGroupBuilder MapDecisions(this RouteGroupBuilder g)
    {
        g.MapGet("/decisions", async (int? year, DecisionStatus? status, string? q, int? page, DecisionService s) => TypedResults.Ok(await s.ListAsync(year, status, q, page ?? 1)))
            .WithSummary("Major decisions in the caller's scope: the steps done and skipped of each.");
        g.MapGet("/decisions/export", async (int? year, DecisionStatus? status, string? q, DecisionService s, Text text) =>
                await ListExport.ExcelAsync(await s.ListAsync(year, status, q, 1, Paging.ExportRows), text, "decisions.xlsx",
                    new ListColumn<DecisionRow>("documents.number", r => r.Number),
                    new ListColumn<DecisionRow>("documents.year", r => r.Year),
                    new ListColumn<DecisionRow>("documents.title", r => r.Title),
                    new ListColumn<DecisionRow>("documents.department", r => r.Department),
                    new ListColumn<DecisionRow>("documents.decided_on", r => r.DecidedOn),
                    new ListColumn<DecisionRow>("field.status", r => text["documents.decision_status." + r.Status].Value)))
            .WithSummary("The decisions as Excel.").ProducesExcel();
        g.MapPost("/decisions", async Task<Created<DecisionCreated>> (DecisionRequest r, [FromHeader(Name = "Idempotency-Key")] string? key, DecisionService s, HttpContext http) =>
        {
            var (created, replayed) = await s.ListInDirectoryAsync(r, key);
            if (replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }

            return TypedResults.Created($"/api/documents/decisions/{created.Id}", created);
        }).WithSummary("第10条: a decision listed in the year's directory (legal office); its steps follow.");
        g.MapPost("/decisions/directory/{year:int}", async (int year, DecisionService s) =>
        {
            await s.PublishDirectoryAsync(year);
            return TypedResults.NoContent();
        }).WithSummary("第10条: publishes the year's directory (once); the public page lists it.");
        g.MapGet("/decisions/{id:guid}", async (Guid id, DecisionService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .WithSummary("One decision: each step's state, days, findings or skip reason; the public's comments; the record and the actions allowed now.");
        g.MapGet("/decisions/{id:guid}/record/check", async (Guid id, DecisionService s) => TypedResults.Ok(await s.CheckRecordAsync(id)))
            .WithSummary("Checks the decision's record: its hash chain against the audit record and the signed heads.");
        Step<ParticipationRequest>(g, "participation", (s, id, r) => s.OpenParticipationAsync(id, r), "第15条: the draft open for the public's comments, 30 days at least (days: 30 to 90).");
        Step<SummaryRequest>(g, "participation/close", (s, id, r) => s.CloseParticipationAsync(id, r), "第18条: closed once its days ran, with the comments' summary and how they were taken up.");
        Step<SkipRequest>(g, "skip", (s, id, r) => s.SkipAsync(id, r), "A step the regulation allows to go without (Participation, Experts, Risk, Publication), with the reason; legality review and discussion are never skipped (409).");
        Step<StageRequest>(g, "stage", (s, id, r) => s.RecordStageAsync(id, r.Stage, r.By, r.Summary, null, r.SeenEvents),
            "专家论证 (第19条) or 风险评估 (第22条): who and what they found (their report as a file: …/stage/file).");
        g.MapPost("/decisions/{id:guid}/stage/file", async (Guid id, DecisionStage? stage, HttpContext http, DecisionService s, FileStore store) =>
        {
            MultipartUpload.RequireMultipart(http.Request);
            await s.ReadyForStageAsync(id, stage);
            var form = await MultipartUpload.ReadAsync(http.Request, store, FileKinds.Documents);
            await s.RecordStageAsync(id, stage, form["by"], form["summary"], form.File("file")?.File, Seen(form["seenEvents"]));
            return TypedResults.NoContent();
        }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new MultipartForm(
            [new("by", "Who: the experts or the assessing body", true), new("summary", "What they found", true), new("seenEvents", "The record's length the caller's page showed")],
            "file: their report (PDF, JPEG or PNG); the stage is the query's ?stage=Experts or Risk"))
            .WithSummary("专家论证 or 风险评估 with the report's file (multipart/form-data; anything else is 415).");
        Action(g, "legality", (s, id, seen) => s.SubmitLegalityAsync(id, seen), "第25-26条: sent to the legality review once participation, experts and risk are done or skipped; it may conclude from the 7th working day.");
        Step<SummaryRequest>(g, "legality/conclusion", (s, id, r) => s.ConcludeLegalityAsync(id, r), "第28条: the legality opinion, not before 7 working days.");
        g.MapPost("/decisions/{id:guid}/decision", async (Guid id, DecideRequest r, DecisionService s) =>
        {
            await s.DecideAsync(id, r, null);
            return TypedResults.NoContent();
        }).WithSummary("第30条: discussed and decided at the executive meeting; refused (409 documents.step_missing, naming it) while an earlier step is neither done nor lawfully skipped.");
        Step<WhereRequest>(g, "publication", (s, id, r) => s.PublishAsync(id, r), "第32条: the decision published (where).");
        Step<EvaluationStepRequest>(g, "evaluation", (s, id, r) => s.EvaluateAsync(id, r), "第35条: the evaluation of its effect.");
        g.MapPost("/decisions/{id:guid}/comments/{commentId:guid}/answer", async (Guid id, Guid commentId, CommentAnswerRequest r, DecisionService s) =>
        {
            await s.AnswerCommentAsync(id, commentId, r);
            return TypedResults.NoContent();
        }).WithSummary("The answer to a public comment on the decision's draft.");
        g.MapGet("/decisions/{id:guid}/files/{stage}", async (Guid id, DecisionStage stage, DecisionService s) =>
        {
            var (content, type) = await s.FileAsync(id, stage);
            return TypedResults.File(content, type);
        }).WithSummary("A step's document, hashed again first.").ProducesStoredFile();
        g.MapGet("/decisions/{id:guid}/contents.docx", async (Guid id, DecisionService s) => TypedResults.File(await s.ContentsAsync(id), OfficialDocument.ContentType, "卷内目录.docx"))
            .WithSummary("The file's contents list (卷内目录) in 公文 form.").ProducesWord();
        g.MapGet("/decisions/{id:guid}/archive.zip", async (Guid id, DecisionService s) => TypedResults.File(await s.ArchiveAsync(id), "application/zip", "决策档案.zip"))
            .WithSummary("第39条: the whole file as one bundle: the contents list and record (.docx), the public's comments, every step's document.")
            .Produces<Stream>(StatusCodes.Status200OK, "application/zip");
        return g;
    }

    private static int? Seen(string? text) => int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;

    private static void Step<TRequest>(RouteGroupBuilder g, string path, Func<DecisionService, Guid, TRequest, Task> act, string summary) =>
        g.MapPost($"/decisions/{{id:guid}}/{path}", async (Guid id, TRequest r, DecisionService s) =>
        {
            await act(s, id, r);
            return TypedResults.NoContent();
        }).WithSummary(summary);

    private static void Action(RouteGroupBuilder g, string path, Func<DecisionService, Guid, int?, Task> act, string summary) =>
        g.MapPost($"/decisions/{{id:guid}}/{path}", async (Guid id, int? seenEvents, DecisionService s) =>
        {
            await act(s, id, seenEvents);
            return TypedResults.NoContent();
        }).WithSummary(summary + " seenEvents: the record's length the caller's page showed.");
}
