using Fazhi.Web.Modules.Documents.Data;
using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Documents.Features;

public sealed record PlanRequest(PlanBody? Body, int? Year, int? Half);

public sealed record PlanItemRequest(string? Title, Guid? DepartmentId, int? DueMonth) : StepRequest;

/// <summary>A plan item and the documents made under it (none yet: not started).</summary>
public sealed record PlanItemView(Guid Id, string Title, Guid DepartmentId, string Department, int DueMonth, IReadOnlyList<PlannedDocument> Documents);

public sealed record PlannedDocument(Guid Id, string DraftNumber, string? Number, DocumentStatus Status);

public sealed record PlanView(
    Guid Id, PlanBody Body, int Year, int Half, string? Meeting, DateOnly? ApprovedOn, bool HasMinutes, IReadOnlyList<PlanItemView> Items,
    IReadOnlyList<PlannedDocument> OutsidePlan, IReadOnlyList<StepView> Record, int SeenEvents);

/// <summary>The half-year document-making plans (制发计划) of the party committee and the government, kept by the legal office.</summary>
public sealed class PlanService(FazhiDbContext db, CaseWorkflow workflow, ActorSource actors, OrganisationDirectory directory, OpinionService office, FileStore files, DocumentService documents)
{
    public async Task<IReadOnlyList<PlanView>> ListAsync(int? year, CancellationToken ct = default)
    {
        var y = year ?? (await actors.CurrentAsync(ct)).Today.Year;
        var plans = await db.DocumentPlans.AsNoTracking().Where(p => p.Year == y).Include(p => p.Items).Include(p => p.Steps).AsSplitQuery()
            .OrderBy(p => p.Body).ThenBy(p => p.Half).ToListAsync(ct);
        var itemIds = plans.SelectMany(p => p.Items).Select(i => i.Id).ToList();
        var (from, to) = Years.Utc(y);
        // The documents made under the plans, as far as the reader's scope goes.
        var docs = await (await documents.ScopedAsync(ct)).Where(d => (d.PlanItemId != null && itemIds.Contains(d.PlanItemId.Value)) || (d.PlanItemId == null && d.CreatedAt >= from && d.CreatedAt < to))
            .Select(d => new { d.Id, d.DraftNumber, d.Number, d.Status, d.PlanItemId, d.Kind, d.CreatedAt }).ToListAsync(ct);
        return [.. plans.Select(p =>
        {
            var (first, last) = DocumentPlan.Months(p.Half);
            var kind = p.Body == PlanBody.PartyCommittee ? DocumentKind.Party : DocumentKind.Administrative;
            return new PlanView(p.Id, p.Body, p.Year, p.Half, p.MeetingName, p.ApprovedOn, p.MinutesSha256 is not null,
                [.. p.Items.OrderBy(i => i.DueMonth).ThenBy(i => i.Title).Select(i => new PlanItemView(i.Id, i.Title, i.DepartmentId, i.DepartmentName, i.DueMonth,
                    [.. docs.Where(d => d.PlanItemId == i.Id).Select(d => new PlannedDocument(d.Id, d.DraftNumber, d.Number, d.Status))]))],
                [.. docs.Where(d => d.PlanItemId == null && d.Kind == kind && Platform.Localization.ChinaTime.DateOf(d.CreatedAt).Month >= first
                        && Platform.Localization.ChinaTime.DateOf(d.CreatedAt).Month <= last)
                    .Select(d => new PlannedDocument(d.Id, d.DraftNumber, d.Number, d.Status))],
                [.. p.Steps.OrderBy(s => s.Sequence).Select(s => new StepView(s.Sequence, s.At, s.Kind, s.ActorLabel, Platform.Localization.StepNote.Render(s.Note)))], p.Steps.Count);
        })];
    }

    public async Task<Guid> CreateAsync(PlanRequest r, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        new Validator().Check(r.Body is { } b && Enum.IsDefined(b), "body", "required").Check(r.Year is { } y && y >= by.Today.Year - 1 && y <= by.Today.Year + 1, "year", "documents.year_range")
            .Check(r.Half is 1 or 2, "half", "documents.half").ThrowIfInvalid();
        Workflow.Check(Workflow.Unless(!await db.DocumentPlans.AnyAsync(p => p.Body == r.Body && p.Year == r.Year && p.Half == r.Half, ct), "documents.duplicate", "half", ErrorKind.Conflict));
        try
        {
            var (made, _) = await workflow.CreateAsync(DocumentsModule.ModuleName, null, async actor => DocumentPlan.Create(await office.OfficeAsync(ct), r.Body!.Value, r.Year!.Value, r.Half!.Value, actor),
                p => p.Id, id => Task.FromResult(id), ct);
            return made;
        }
        catch (DbUpdateException)
        {
            // The same plan made at the same moment by someone else: the unique index keeps one.
            throw new DomainException("documents.duplicate", "half", ErrorKind.Conflict);
        }
    }

    public async Task AddItemAsync(Guid id, PlanItemRequest r, CancellationToken ct = default)
    {
        new Validator().Check(r.DepartmentId is not null, "departmentId", "required").ThrowIfInvalid();
        var unit = (await directory.UnitsAsync(ct)).GetValueOrDefault(r.DepartmentId!.Value);
        if (unit is null || unit.Kind == OrgNodeKind.Community)
        {
            throw DomainException.NotFound("departmentId");
        }

        await ActAsync(id, r.SeenEvents, (p, by) => p.AddItem(r.Title, unit.Id, unit.Name, r.DueMonth, by), ct);
    }

    /// <summary>Checks the plan and the step before an upload is read.</summary>
    public async Task ReadyToApproveAsync(Guid id, CancellationToken ct = default)
    {
        var p = await db.DocumentPlans.AsNoTracking().Include(x => x.Items).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        Workflow.Check(Workflow.Unless(!p.Approved, "documents.plan_approved", "status"));
        Workflow.Check(Workflow.Unless(p.Items.Count > 0, "documents.plan_empty", "items"));
    }

    public Task ApproveAsync(Guid id, string? meeting, DateOnly? on, StoredFile? minutes, int? seen, CancellationToken ct = default) =>
        ActAsync(id, seen, (p, by) => p.Approve(meeting, on, minutes?.Sha256, minutes?.ContentType, by), ct);

    public async Task<(Stream Content, string Type)> MinutesAsync(Guid id, CancellationToken ct = default)
    {
        var p = await db.DocumentPlans.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        var sha = p.MinutesSha256 ?? throw DomainException.NotFound("minutes");
        return (await files.OpenVerifiedAsync(sha, new FileOwner(p.Id, p.DepartmentId, $"{p.Year}-{p.Half}", "/documents/plans"), ct), p.MinutesType ?? "application/pdf");
    }

    private Task<DocumentPlan> ActAsync(Guid id, int? seen, Action<DocumentPlan, Actor> act, CancellationToken ct) =>
        workflow.ActAsync<DocumentPlan, PlanStep>(_ => db.DocumentPlans.Include(x => x.Items).Include(x => x.Steps).AsSplitQuery(), id, seen,
            (p, by) =>
            {
                act(p, by);
                return Task.CompletedTask;
            }, ct: ct);
}

public static class PlansApi
{
    public static RouteGroupBuilder MapPlans(this RouteGroupBuilder g)
    {
        var office = new[] { DocumentsRoles.LegalOfficer, Roles.Administrator };
        g.MapGet("/plans", async (int? year, PlanService s) => TypedResults.Ok(await s.ListAsync(year)))
            .WithSummary("The year's half-year plans of the party committee and the government: items with the documents made under them, documents made outside the plan, the approving meeting.");
        g.MapPost("/plans", async (PlanRequest r, PlanService s) => TypedResults.Ok(new NewRecord(await s.CreateAsync(r))))
            .RequireAuthorization(p => p.RequireRole(office)).WithSummary("A half-year plan of a body (Government or PartyCommittee), year and half (1 or 2); one per body and half.");
        g.MapPost("/plans/{id:guid}/items", async (Guid id, PlanItemRequest r, PlanService s) =>
            {
                await s.AddItemAsync(id, r);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(p => p.RequireRole(office)).WithSummary("An item of a plan not yet approved: the document's title, the drafting department, the month it is due within the half.");
        g.MapPost("/plans/{id:guid}/approval", async (Guid id, HttpContext http, PlanService s, FileStore store) =>
            {
                MultipartUpload.RequireMultipart(http.Request);
                await s.ReadyToApproveAsync(id);
                var form = await MultipartUpload.ReadAsync(http.Request, store, FileKinds.Documents);
                DateOnly? on = DateOnly.TryParseExact(form["approvedOn"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d) ? d
                    : string.IsNullOrWhiteSpace(form["approvedOn"]) ? null : throw new DomainException("request.wrong_type", "approvedOn");
                await s.ApproveAsync(id, form["meeting"], on, form.File("minutes")?.File, int.TryParse(form["seenEvents"], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(p => p.RequireRole(office)).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new MultipartForm(
                [new("meeting", "The meeting that approved it (e.g. 法治建设联席会议)", true), new("approvedOn", "Its day (yyyy-MM-dd)", true), new("seenEvents", "The record's length the caller's page showed")],
                "minutes: the meeting's minutes (PDF, JPEG or PNG), required"))
            .WithSummary("Approves the plan at a meeting with its minutes (multipart/form-data); its items are fixed from then on.");
        g.MapGet("/plans/{id:guid}/minutes", async (Guid id, PlanService s) =>
            {
                var (content, type) = await s.MinutesAsync(id);
                return TypedResults.File(content, type, "会议纪要" + (type == "application/pdf" ? ".pdf" : ".jpg"));
            })
            .WithSummary("The approving meeting's minutes, hashed again first.").ProducesStoredFile();
        return g;
    }
}
