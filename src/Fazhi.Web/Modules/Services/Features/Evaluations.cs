using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Modules.Services.Data;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Features;

public sealed record RatingInput(int? Score, string? Comment);

public sealed record ComplaintInput(string? Name, string? Phone, Guid? DepartmentId, string? ApplicationNumber, string? Text);

public sealed record RectificationRow(Guid Id, Guid ApplicationId, string Number, string ItemName, Guid DepartmentId, int Score, string? Comment,
    DateOnly DueDate, RectificationState State, string? Measures, string? Feedback, bool Overdue);

/// <summary>
/// 好差评 and 政府效能廉政监督卡. A rating is given once, after completion, on the receipt's QR page. A bad
/// rating (不满意, 非常不满意) opens a rectification for the department, due in 15 working days
/// (Fazhi:RectificationDays), which the supervisor follows up and reports back to the applicant.
/// </summary>
public sealed class EvaluationService(FazhiDbContext db, WorkingDayCalendar calendar, TimeProvider time, IConfiguration configuration,
    DataScopeResolver scopes, IHttpContextAccessor http, OrganisationDirectory directory)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private string ActorName => http.HttpContext?.User.Identity?.Name ?? "system";

    /// <summary>Whether the application behind the token has been rated; null when the token is unknown.</summary>
    public async Task<int?> ScoreAsync(string token, CancellationToken ct = default) =>
        await db.Evaluations.Where(e => db.Set<Application>().Any(a => a.Id == e.ApplicationId && a.QueryToken == token))
            .Select(e => (int?)e.Score).FirstOrDefaultAsync(ct);

    public async Task RateAsync(string token, RatingInput input, CancellationToken ct = default)
    {
        new Validator()
            .Check(input.Score is >= 1 and <= 5, "score", "evaluation.score_invalid")
            .MaxLength("comment", input.Comment, 1000)
            .ThrowIfInvalid();
        var app = await db.Applications.SingleOrDefaultAsync(a => a.QueryToken == token, ct)
            ?? throw new DomainException("progress.not_found", "token", ErrorKind.NotFound);
        if (app.Status != ApplicationStatus.Completed)
        {
            throw new DomainException("evaluation.not_completed", "score", ErrorKind.Conflict);
        }

        if (await db.Evaluations.AnyAsync(e => e.ApplicationId == app.Id, ct))
        {
            throw new DomainException("evaluation.already_rated", "score", ErrorKind.Conflict);
        }

        var comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        db.Evaluations.Add(new Evaluation
        {
            ApplicationId = app.Id, ItemId = app.ItemId, DepartmentId = app.DepartmentId, Score = input.Score!.Value, Comment = comment, At = Now,
        });
        if (Evaluation.IsBad(input.Score!.Value))
        {
            var days = configuration.GetValue("Fazhi:RectificationDays", 15);
            db.Rectifications.Add(new Rectification
            {
                Id = Guid.CreateVersion7(), ApplicationId = app.Id, DepartmentId = app.DepartmentId, Score = input.Score.Value, Comment = comment,
                OpenedAt = Now, DueDate = calendar.AddWorkingDays(ChinaTime.Today(time), days), State = RectificationState.Open,
            });
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two submits at once: the key of the rating lets one through.
            throw new DomainException("evaluation.already_rated", "score", ErrorKind.Conflict);
        }
    }

    /// <summary>Rectifications of the current account's departments (all for supervisors), open ones first, oldest deadline first.</summary>
    public async Task<Paged<RectificationRow>> RectificationsAsync(int page = 1, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var today = ChinaTime.Today(time);
        var rows = db.Rectifications.AsNoTracking();
        // Department rows have no owner: the "self" scope sees none of them.
        rows = rows.WithinScope(scope, r => r.DepartmentId, _ => Guid.Empty);

        return await rows.OrderBy(r => r.State).ThenBy(r => r.DueDate).ToPageAsync(
            page1 => page1.Join(db.Applications, r => r.ApplicationId, a => a.Id, (r, a) => new { r, a })
                .OrderBy(j => j.r.State).ThenBy(j => j.r.DueDate)
                .Select(j => new RectificationRow(j.r.Id, j.r.ApplicationId, j.a.Number, j.a.ItemName, j.r.DepartmentId, j.r.Score, j.r.Comment,
                    j.r.DueDate, j.r.State, j.r.Measures, j.r.Feedback, j.r.State == RectificationState.Open && j.r.DueDate < today)),
            page, 50, ct);
    }

    /// <summary>The department reports what it changed.</summary>
    public async Task RectifyAsync(Guid id, string? measures, CancellationToken ct = default)
    {
        var r = await VisibleRectificationAsync(id, ct);
        if (r.State != RectificationState.Open)
        {
            throw new DomainException("evaluation.rectification_not_open", "state", ErrorKind.Conflict);
        }

        new Validator().Required("measures", measures, 2000).ThrowIfInvalid();
        r.Measures = measures!.Trim();
        r.RectifiedBy = ActorName;
        r.RectifiedAt = Now;
        r.State = RectificationState.Rectified;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The supervisor checks the measures and reports back to the applicant, who is told through the outbox.</summary>
    public async Task CloseAsync(Guid id, string? feedback, CancellationToken ct = default)
    {
        if (http.HttpContext?.User.IsInRole(Roles.Supervisor) != true)
        {
            throw new DomainException("process.supervisor_only", "state", ErrorKind.Forbidden);
        }

        var r = await VisibleRectificationAsync(id, ct);
        if (r.State != RectificationState.Rectified)
        {
            throw new DomainException("evaluation.rectification_not_rectified", "state", ErrorKind.Conflict);
        }

        new Validator().Required("feedback", feedback, 2000).ThrowIfInvalid();
        r.Feedback = feedback!.Trim();
        r.ClosedBy = ActorName;
        r.ClosedAt = Now;
        r.State = RectificationState.Closed;
        var app = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == r.ApplicationId, ct);
        var step = app.RecordRectificationFeedback(r.Feedback, Now, ActorName);
        ApplicantMessages.Add(db, app, step);
        await db.SaveChangesAsync(ct);
    }

    private async Task<Rectification> VisibleRectificationAsync(Guid id, CancellationToken ct)
    {
        var scope = await scopes.CurrentAsync(ct);
        var r = await db.Rectifications.SingleOrDefaultAsync(x => x.Id == id, ct);
        return r is not null && scope.Allows(r.DepartmentId, ownerId: null) ? r : throw DomainException.NotFound();
    }

    /// <summary>政府效能廉政监督卡: anyone may write; it reaches the supervisors.</summary>
    public async Task<Guid> ComplainAsync(ComplaintInput input, CancellationToken ct = default)
    {
        new Validator()
            .MaxLength("name", input.Name, 50)
            .Required("phone", input.Phone, 20)
            .Check(string.IsNullOrWhiteSpace(input.Phone) || Identifiers.IsPhone(input.Phone), "phone", "phone_format")
            .MaxLength("applicationNumber", input.ApplicationNumber, 20)
            .Required("text", input.Text, 2000)
            .ThrowIfInvalid();
        if (input.DepartmentId is { } d && !await directory.ExistsAsync(d, ct))
        {
            throw new DomainException("not_found", "departmentId");
        }

        var complaint = new Complaint
        {
            Id = Guid.CreateVersion7(), Name = string.IsNullOrWhiteSpace(input.Name) ? null : input.Name.Trim(), Phone = input.Phone!.Trim(),
            DepartmentId = input.DepartmentId, ApplicationNumber = string.IsNullOrWhiteSpace(input.ApplicationNumber) ? null : input.ApplicationNumber.Trim(),
            Text = input.Text!.Trim(), At = Now,
        };
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        return complaint.Id;
    }

    public async Task<Paged<Complaint>> ComplaintsAsync(int page = 1, CancellationToken ct = default)
    {
        if (http.HttpContext?.User.IsInRole(Roles.Supervisor) != true)
        {
            throw new DomainException("process.supervisor_only", null, ErrorKind.Forbidden);
        }

        return await db.Complaints.AsNoTracking().OrderBy(c => c.HandledAt != null).ThenByDescending(c => c.At).ToPageAsync(page, 50, ct);
    }
}

public static class EvaluationApi
{
    public static RouteGroupBuilder MapSupervision(this RouteGroupBuilder services)
    {
        services.MapGet("/rectifications", async (int? page, EvaluationService s) => TypedResults.Ok(await s.RectificationsAsync(page ?? 1)))
            .WithSummary("Rectifications opened by bad ratings, for the caller's departments (all for supervisors).");
        services.MapPost("/rectifications/{id:guid}/measures", async (Guid id, TextInput body, EvaluationService s) =>
        {
            await s.RectifyAsync(id, body.Text);
            return TypedResults.NoContent();
        }).WithSummary("The department reports its measures.");
        services.MapPost("/rectifications/{id:guid}/feedback", async (Guid id, TextInput body, EvaluationService s) =>
        {
            await s.CloseAsync(id, body.Text);
            return TypedResults.NoContent();
        }).WithSummary("The supervisor closes the rectification and reports back to the applicant.");
        services.MapGet("/complaints", async (int? page, EvaluationService s) => TypedResults.Ok(await s.ComplaintsAsync(page ?? 1)))
            .WithSummary("Efficiency and integrity complaints (supervisors).");
        return services;
    }

    public static IEndpointRouteBuilder MapPublicEvaluation(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/public/progress/{token}/rating", async Task<NoContent> (string token, RatingInput input, EvaluationService s) =>
        {
            await s.RateAsync(token, input);
            return TypedResults.NoContent();
        }).AllowAnonymous().RequireRateLimiting(ProgressApi.RateLimitPolicy).WithTags("Public")
            .WithSummary("好差评: rate a completed application once, 5 (very satisfied) to 1 (very dissatisfied).");
        app.MapPost("/api/public/complaints", async Task<Created<object>> (ComplaintInput input, EvaluationService s) =>
        {
            var id = await s.ComplainAsync(input);
            return TypedResults.Created($"/api/services/complaints/{id}", (object)new { id });
        }).AllowAnonymous().RequireRateLimiting(ProgressApi.RateLimitPolicy).WithTags("Public")
            .WithSummary("政府效能廉政监督卡: a complaint about efficiency or integrity, for the supervisors.");
        return app;
    }
}

public sealed record TextInput(string? Text);
