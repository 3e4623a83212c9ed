using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Modules.Services.Data;
using Microsoft.Extensions.Caching.Memory;
using System.Security.Claims;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Features;

public sealed record ApplicantInput(ApplicantKind? Kind, string? Name, string? IdNumber, string? CreditCode, string? Phone, string? ContactName);

/// <summary>A window intake: the item, the applicant, the ticked checklist, and how the intake ends.</summary>
public sealed record IntakeRequest(
    string? ItemCode,
    Guid? WindowId,
    ApplicantInput? Applicant,
    IReadOnlyList<MaterialCheck>? Materials,
    IntakeOutcome? Outcome,
    IReadOnlyList<string>? CorrectionItems,
    string? RefusalReason);

public sealed record ApplicationRow(Guid Id, string Number, string ItemName, string ApplicantName, ApplicationChannel Channel, ApplicationStatus Status, DateTime ReceivedAt, DateOnly? DueDate, int Visits);

public sealed record IntakeResponse(Guid Id, string Number, string QueryToken, ApplicationStatus Status);

/// <summary>The clerk's decision on an application that waits: a pre-review of an online one, or the applicant's return with corrections.</summary>
public sealed record IntakeDecision(IReadOnlyList<MaterialCheck>? Materials, IntakeOutcome? Outcome, IReadOnlyList<string>? CorrectionItems, string? RefusalReason, bool InPerson = false, Guid? WindowId = null);

/// <summary>How an intake ends (受理 / 补正告知 / 不予受理).</summary>
public enum IntakeOutcome
{
    [System.Text.Json.Serialization.JsonStringEnumMemberName("accept")]
    Accept,

    [System.Text.Json.Serialization.JsonStringEnumMemberName("correction")]
    Correction,

    [System.Text.Json.Serialization.JsonStringEnumMemberName("refuse")]
    Refuse,
}

/// <summary>收件: a window takes an application in and ends with accept, correction notice, or refusal.</summary>
public sealed class IntakeService(
    FazhiDbContext db, CatalogService catalog, WorkingDayCalendar calendar, TimeProvider time, IHttpContextAccessor http, DataScopeResolver scopes,
    OrganisationDirectory directory, IntakeWriter writer, Platform.Audit.IAuditActor actor, Platform.Lists.TextSearch search)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    private string ActorName => User.Identity?.Name ?? "system";

    private Guid? ActorId => Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>Takes an application at a window. The same idempotency key twice gives back the first application.</summary>
    public async Task<(IntakeResponse Response, bool Replayed)> TakeAtWindowAsync(IntakeRequest r, string? idempotencyKey, CancellationToken ct = default)
    {
        // A retry with a known key is answered below when its insert meets the unique index; a
        // look-up first would cost every intake a query to save the rare retry one.
        var key = Idempotency.Normalise(idempotencyKey);

        var v = new Validator()
            .Required("itemCode", r.ItemCode, 50)
            .Check(r.WindowId is not null, "windowId", "required")
            .Check(r.Applicant is not null, "applicant", "required")
            .Check(r.Outcome is { } o && Enum.IsDefined(o), "outcome", "intake.outcome_unknown");
        var applicant = ToApplicant(r.Applicant, v);
        v.ThrowIfInvalid();

        var version = await catalog.CurrentVersionAsync(r.ItemCode!.Trim(), ct);
        if (!await directory.IsOpenWindowAsync(r.WindowId!.Value, ct))
        {
            throw new DomainException("intake.window_unknown", "windowId");
        }

        var clerkDepartment = ActorId is { } me ? await directory.DepartmentOfAsync(me, ct) : null;
        // Everything that can refuse the intake is checked here, before the application draws a number.
        var app = Application.Receive("", version, applicant!, ApplicationChannel.Window,
            r.WindowId, ActorId, clerkDepartment, null, Now, ActorName);
        app.CheckMaterials(r.Materials ?? []);
        Decide(app, version, r.Outcome!.Value, r.CorrectionItems, r.RefusalReason);
        try
        {
            await writer.WriteAsync(app, actor, key);
            return (new IntakeResponse(app.Id, app.Number, app.QueryToken, app.Status), false);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // The key was used before (a retry, or a second request at once): answer with the application it made, if the
            // caller's scope opens it; another scope's key is refused.
            return (await FindByKeyAsync(key, ct) ?? throw new DomainException("concurrency_conflict", null, ErrorKind.Conflict), true);
        }
    }

    /// <summary>Pre-review of an online application, or intake of the corrections an applicant returns with.</summary>
    public async Task<IntakeResponse> DecideAsync(Guid id, IntakeDecision d, CancellationToken ct = default)
    {
        new Validator()
            .Check(d.Outcome is { } o && Enum.IsDefined(o), "outcome", "intake.outcome_unknown")
            .ThrowIfInvalid();
        var app = await VisibleAsync(id, ct);
        var version = await db.ServiceItemVersions.AsNoTracking().SingleAsync(v => v.Id == app.ItemVersionId, ct);
        if (app.Status == ApplicationStatus.AwaitingCorrection)
        {
            app.ReturnForIntake(d.InPerson, d.WindowId, ActorId, Now, ActorName);
        }

        if (d.Materials is not null)
        {
            app.CheckMaterials(d.Materials);
        }

        var before = app.Events.Count;
        Decide(app, version, d.Outcome!.Value, d.CorrectionItems, d.RefusalReason);
        ApplicantMessages.AddSince(db, app, before);

        await db.SaveChangesAsync(ct);
        return new IntakeResponse(app.Id, app.Number, app.QueryToken, app.Status);
    }

    /// <summary>An application the current staff member may see, tracked for a change; 404 otherwise.</summary>
    public async Task<Application> VisibleAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return await db.Applications.Include(a => a.Events)
            .WithinScope(scope, a => a.DepartmentId, a => a.IntakeDepartmentId ?? Guid.Empty, a => a.ClerkId ?? Guid.Empty)
            .SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw DomainException.NotFound();
    }

    /// <summary>Applications the current staff member may see, newest first, optionally by status or by number and name.</summary>
    public async Task<Paged<ApplicationRow>> ListAsync(ApplicationStatus? status, string? q, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var query = db.Applications.AsNoTracking()
            .WithinScope(scope, a => a.DepartmentId, a => a.IntakeDepartmentId ?? Guid.Empty, a => a.ClerkId ?? Guid.Empty);
        if (status is { } st)
        {
            query = query.Where(a => a.Status == st);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            if (Identifiers.IsValidIdNumber(term.ToUpperInvariant()))
            {
                // An ID number is found exactly, through its keyed index: the numbers themselves are encrypted.
                var idNumber = term;
                query = query.Where(a => a.IdNumberLookup == idNumber);
            }
            else
            {
                // The number (in part), the applicant and the item, through the text index.
                query = search.Filter(query, a => a.Id, ServicesModule.SearchEntity, term);
            }
        }

        var rows = await query.OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Number)
            .Select(a => new ApplicationRow(a.Id, a.Number, a.ItemName, a.ApplicantName, a.Channel, a.Status, a.ReceivedAt, a.DueDate, a.Visits))
            .ToPageAsync(page, pageSize, ct);
        return rows.With(rows.Items.Select(r => r with { ApplicantName = Masking.Name(r.ApplicantName) }).ToList());
    }

    private void Decide(Application app, ServiceItemVersion version, IntakeOutcome outcome, IReadOnlyList<string>? corrections, string? reason)
    {
        switch (outcome)
        {
            case IntakeOutcome.Accept:
                app.Accept(version, calendar, Now, ChinaTime.Today(time), ActorName);
                break;
            case IntakeOutcome.Correction:
                app.RequestCorrection(corrections ?? [], Now, ActorName);
                break;
            default:
                app.Refuse(reason ?? "", Now, ActorName);
                break;
        }
    }

    public static Applicant? ToApplicant(ApplicantInput? input, Validator v)
    {
        if (input is null)
        {
            return null;
        }

        v.Check(input.Kind is not null && Enum.IsDefined(input.Kind.Value), "applicant.kind", "required");
        var applicant = new Applicant(input.Kind ?? ApplicantKind.Person, input.Name?.Trim() ?? "", input.IdNumber?.Trim(), input.CreditCode?.Trim(),
            input.Phone?.Trim() ?? "", input.ContactName?.Trim());
        applicant.Check(v);
        return applicant;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private async Task<IntakeResponse?> FindByKeyAsync(string key, CancellationToken ct) =>
        await Idempotency.EarlierAsync(db, ServicesModule.ModuleName, key, await scopes.CurrentAsync(ct), ct) is { } id
            ? await db.Applications.AsNoTracking().Where(a => a.Id == id).Select(a => new IntakeResponse(a.Id, a.Number, a.QueryToken, a.Status)).SingleOrDefaultAsync(ct)
            : null;
}

/// <summary>An application as the staff handling it see it: the applicant in full, decrypted from the database.</summary>
public sealed record ApplicationDetail(
    Guid Id, string Number, string ItemName, ApplicationStatus Status, ApplicationChannel Channel, ApplicantKind ApplicantKind, string ApplicantName,
    string? IdNumber, string? CreditCode, string Phone, string? ContactName, DateTime ReceivedAt, DateOnly? DueDate, int Visits)
{
    public static ApplicationDetail Of(Application a) => new(
        a.Id, a.Number, a.ItemName, a.Status, a.Channel, a.ApplicantKind, a.ApplicantName, a.IdNumber, a.CreditCode, a.Phone, a.ContactName,
        a.ReceivedAt, a.DueDate, a.Visits);
}

public static class IntakeApi
{
    public static RouteGroupBuilder MapIntake(this RouteGroupBuilder services)
    {
        services.MapPost("/applications", TakeAtWindow)
            .RequireAuthorization(p => p.RequireRole(ServicesRoles.WindowClerk, Roles.Administrator))
            .WithSummary("Window intake (收件). Send an Idempotency-Key header: a retry with the same key returns the first application.");
        services.MapGet("/applications", async (ApplicationStatus? status, string? q, int? page, IntakeService s) => TypedResults.Ok(await s.ListAsync(status, q, page ?? 1)))
            .WithSummary("Applications within the caller's data scope, newest first; names masked.");
        services.MapGet("/applications/export", async (ApplicationStatus? status, string? q, IntakeService s, Text text) =>
                await Platform.Lists.ListExport.ExcelAsync(await s.ListAsync(status, q, 1, Paging.ExportRows), text, "applications.xlsx",
                    new Platform.Lists.ListColumn<ApplicationRow>("progress.number", r => r.Number),
                    new Platform.Lists.ListColumn<ApplicationRow>("receipt.item", r => r.ItemName),
                    new Platform.Lists.ListColumn<ApplicationRow>("field.applicant", r => r.ApplicantName),
                    new Platform.Lists.ListColumn<ApplicationRow>("apps.channel", r => text["channel." + r.Channel].Value),
                    new Platform.Lists.ListColumn<ApplicationRow>("field.status", r => text["status." + r.Status].Value),
                    new Platform.Lists.ListColumn<ApplicationRow>("receipt.received_at", r => r.ReceivedAt),
                    new Platform.Lists.ListColumn<ApplicationRow>("receipt.due", r => r.DueDate),
                    new Platform.Lists.ListColumn<ApplicationRow>("progress.visits", r => r.Visits)))
            .WithSummary("The application list as Excel: every application the filter and search keep (up to 10,000), the applicant masked.").ProducesExcel();
        services.MapGet("/applications/{id:guid}", async (Guid id, IntakeService s) => TypedResults.Ok(ApplicationDetail.Of(await s.VisibleAsync(id))))
            .WithSummary("One application within the caller's data scope, with the applicant's identifiers in full for the staff who handle it.");
        services.MapPost("/applications/{id:guid}/intake-decision", async (Guid id, IntakeDecision d, IntakeService s) => TypedResults.Ok(await s.DecideAsync(id, d)))
            .RequireAuthorization(p => p.RequireRole(ServicesRoles.WindowClerk, Roles.Administrator))
            .WithSummary("Pre-review an online application, or take in the corrections an applicant returns with: accept, correction or refuse.");
        return services;
    }

    private static async Task<Created<IntakeResponse>> TakeAtWindow(IntakeRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, IntakeService s, HttpContext http)
    {
        var (response, replayed) = await s.TakeAtWindowAsync(request, idempotencyKey);
        if (replayed)
        {
            http.Response.Headers["Idempotent-Replayed"] = "true";
        }

        return TypedResults.Created($"/api/services/applications/{response.Id}", response);
    }
}
