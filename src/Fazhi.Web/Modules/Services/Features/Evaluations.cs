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

/// <summary>A complaint in the handlers' list, the complainant's phone masked.</summary>
public sealed record ComplaintRow(
    Guid Id, DateTime At, string Text, string? Name, string Phone, Guid? DepartmentId, string? ApplicationNumber, ComplaintState State,
    Guid? AssignedTo, string? Reply, string? HandledBy, DateTime? HandledAt);

/// <summary>What the complainant reads by the complaint's token.</summary>
public sealed record PublicComplaint(DateTime At, string Text, ComplaintState State, string? Reply, DateTime? AnsweredAt);

public sealed record ComplaintAssignment(Guid? DepartmentId);

public sealed record RectificationRow(Guid Id, Guid ApplicationId, string Number, string ItemName, Guid DepartmentId, int Score, string? Comment,
    DateOnly DueDate, RectificationState State, string? Measures, string? Feedback, bool Overdue);

/// <summary>
/// 好差评 and 政府效能廉政监督卡. A rating is given once, after completion, on the receipt's QR page. A bad
/// rating (不满意, 非常不满意) opens a rectification for the department, due in 15 working days
/// (Fazhi:RectificationDays), which the supervisor follows up and reports back to the applicant.
/// </summary>
public sealed class EvaluationService(FazhiDbContext db, WorkingDayCalendar calendar, TimeProvider time, IConfiguration configuration,
    DataScopeResolver scopes, IHttpContextAccessor http, OrganisationDirectory directory, PublicLinks links)
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
                OpenedAt = Now, DueDate = calendar.AddWorkingDays(ChinaTime.Today(time), days),
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
        r.Report(measures, ActorName, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The supervisor checks the measures and reports back to the applicant, who is told through the outbox.</summary>
    public async Task CloseAsync(Guid id, string? feedback, CancellationToken ct = default)
    {
        RequireSupervisor();
        var r = await VisibleRectificationAsync(id, ct);
        r.Close(feedback, ActorName, Now);
        var app = await db.Applications.Include(a => a.Events).SingleAsync(a => a.Id == r.ApplicationId, ct);
        var step = app.RecordRectificationFeedback(r.Feedback!, Now, ActorName);
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
    public async Task<Complaint> ComplainAsync(ComplaintInput input, CancellationToken ct = default)
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
            Id = Guid.CreateVersion7(), QueryToken = Complaint.NewToken(), Name = string.IsNullOrWhiteSpace(input.Name) ? null : input.Name.Trim(),
            Phone = input.Phone!.Trim(), DepartmentId = input.DepartmentId,
            ApplicationNumber = string.IsNullOrWhiteSpace(input.ApplicationNumber) ? null : input.ApplicationNumber.Trim(), Text = input.Text!.Trim(), At = Now,
        };
        db.Complaints.Add(complaint);
        await db.SaveChangesAsync(ct);
        return complaint;
    }

    /// <summary>
    /// Complaints as their handlers see them, unanswered first, phones masked: every one for the supervisors
    /// (<paramref name="assignedOnly"/> false), or those handed to the caller's departments.
    /// </summary>
    public async Task<Paged<ComplaintRow>> ComplaintsAsync(int page = 1, bool assignedOnly = false, CancellationToken ct = default)
    {
        if (!assignedOnly)
        {
            RequireSupervisor();
        }

        var complaints = await ScopedComplaintsAsync(ct);
        var rows = await complaints.OrderBy(c => c.State == ComplaintState.Closed).ThenBy(c => c.State == ComplaintState.Answered).ThenByDescending(c => c.At)
            .ToPageAsync(page, 50, ct);
        return rows.With(rows.Items.Select(c => new ComplaintRow(c.Id, c.At, c.Text, c.Name, Masking.Phone(c.Phone), c.DepartmentId, c.ApplicationNumber,
            c.State, c.AssignedTo, c.Reply, c.HandledBy, c.HandledAt)).ToList());
    }

    /// <summary>交办 to the department concerned (supervisors).</summary>
    public async Task AssignComplaintAsync(Guid id, Guid? departmentId, CancellationToken ct = default)
    {
        RequireSupervisor();
        if (departmentId is not { } d || !await directory.ExistsAsync(d, ct))
        {
            throw new DomainException("not_found", "departmentId");
        }

        var complaint = await VisibleComplaintAsync(id, ct);
        complaint.Assign(d, ActorName, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>答复 by the department it was handed to, or by a supervisor; the complainant gets a text message with the link.</summary>
    public async Task AnswerComplaintAsync(Guid id, string? reply, CancellationToken ct = default)
    {
        var complaint = await VisibleComplaintAsync(id, ct);
        complaint.Answer(reply, ActorName, Now);
        Platform.Notifications.Outbox.Add(db, new Platform.Notifications.Message(
            ComplaintAnswered, Platform.Notifications.Channels.Sms, new Dictionary<string, string?> { ["link"] = links.Complaint(complaint.QueryToken) },
            Now, Recipient: complaint.Phone, RecordId: complaint.Id));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>办结 (supervisors), once answered.</summary>
    public async Task CloseComplaintAsync(Guid id, CancellationToken ct = default)
    {
        RequireSupervisor();
        var complaint = await VisibleComplaintAsync(id, ct);
        complaint.Close(ActorName, Now);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What the complainant sees by the token: the state and the answer, nothing of anyone else.</summary>
    public async Task<PublicComplaint?> ByTokenAsync(string token, CancellationToken ct = default) =>
        token.Length is < 20 or > 64 ? null : await db.Complaints.AsNoTracking().Where(c => c.QueryToken == token)
            .Select(c => new PublicComplaint(c.At, c.Text, c.State, c.Reply, c.HandledAt)).SingleOrDefaultAsync(ct);

    public const string ComplaintAnswered = "services.complaint_answered";

    private async Task<IQueryable<Complaint>> ScopedComplaintsAsync(CancellationToken ct)
    {
        var complaints = db.Complaints.AsNoTracking();
        if (http.HttpContext?.User.IsInRole(Roles.Supervisor) == true)
        {
            return complaints;
        }

        // A department sees what was handed to it; the "self" scope sees none.
        var scope = await scopes.CurrentAsync(ct);
        return complaints.Where(c => c.AssignedTo != null).WithinScope(scope, c => c.AssignedTo!.Value, _ => Guid.Empty);
    }

    private async Task<Complaint> VisibleComplaintAsync(Guid id, CancellationToken ct)
    {
        var visible = await (await ScopedComplaintsAsync(ct)).AnyAsync(c => c.Id == id, ct);
        return visible ? await db.Complaints.SingleAsync(c => c.Id == id, ct) : throw DomainException.NotFound();
    }

    private void RequireSupervisor()
    {
        if (http.HttpContext?.User.IsInRole(Roles.Supervisor) != true)
        {
            throw new DomainException("process.supervisor_only", "action", ErrorKind.Forbidden);
        }
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
            .WithSummary("Efficiency and integrity complaints, every one (supervisors).");
        services.MapGet("/complaints/assigned", async (int? page, EvaluationService s) => TypedResults.Ok(await s.ComplaintsAsync(page ?? 1, assignedOnly: true)))
            .WithSummary("The complaints handed to the caller's departments to answer.");
        services.MapPost("/complaints/{id:guid}/assign", async (Guid id, ComplaintAssignment body, EvaluationService s) =>
        {
            await s.AssignComplaintAsync(id, body.DepartmentId);
            return TypedResults.NoContent();
        }).WithSummary("交办: a supervisor hands the complaint to the department concerned.");
        services.MapPost("/complaints/{id:guid}/answer", async (Guid id, TextInput body, EvaluationService s) =>
        {
            await s.AnswerComplaintAsync(id, body.Text);
            return TypedResults.NoContent();
        }).WithSummary("答复: the department (or a supervisor) answers; the complainant gets a text message with the link to the answer.");
        services.MapPost("/complaints/{id:guid}/close", async (Guid id, EvaluationService s) =>
        {
            await s.CloseComplaintAsync(id);
            return TypedResults.NoContent();
        }).WithSummary("办结: a supervisor closes an answered complaint.");
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
        app.MapPost("/api/public/complaints", async Task<Created<ComplaintReceipt>> (ComplaintInput input, EvaluationService s, PublicLinks links) =>
        {
            var complaint = await s.ComplainAsync(input);
            return TypedResults.Created($"/api/public/complaints/{complaint.QueryToken}", new ComplaintReceipt(complaint.Id, complaint.QueryToken, links.Complaint(complaint.QueryToken)));
        }).AllowAnonymous().RequireRateLimiting(ProgressApi.RateLimitPolicy).WithTags("Public")
            .WithSummary("政府效能廉政监督卡: a complaint about efficiency or integrity, for the supervisors. The answer is read at the returned link.");
        app.MapGet("/api/public/complaints/{token}", async Task<Results<Ok<PublicComplaint>, NotFound>> (string token, EvaluationService s) =>
                await s.ByTokenAsync(token) is { } c ? TypedResults.Ok(c) : TypedResults.NotFound())
            .AllowAnonymous().RequireRateLimiting(ProgressApi.RateLimitPolicy).WithTags("Public")
            .WithSummary("The complainant's view of their complaint: its state and the answer.");
        return app;
    }
}

public sealed record TextInput(string? Text);

/// <summary>What the complainant keeps: the link to follow the complaint and read the answer.</summary>
public sealed record ComplaintReceipt(Guid Id, string Token, string Link);
