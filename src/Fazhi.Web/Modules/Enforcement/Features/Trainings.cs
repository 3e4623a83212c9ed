using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features;

/// <summary>A training an officer attended (行政执法人员培训): the course, its (first) day, its hours and who organised it.</summary>
public sealed record TrainingRequest(string? Course, DateOnly? HeldOn, decimal? Hours, string? Organiser);

/// <summary>One training on an officer's record.</summary>
public sealed record TrainingView(Guid Id, Guid OfficerId, string Course, DateOnly HeldOn, decimal Hours, string Organiser, string RecordedBy, DateTime RecordedAt)
{
    public static TrainingView Of(OfficerTraining t) => new(t.Id, t.OfficerId, t.Course, t.HeldOn, t.Hours, t.Organiser, t.RecordedBy, t.RecordedAt);
}

/// <summary>The training ledger: who attended which enforcement training, read by the yearly count of officers trained.</summary>
public sealed class TrainingService(FazhiDbContext db, DataScopeResolver scopes, TimeProvider time, OrganisationDirectory directory, IHttpContextAccessor http)
{
    /// <summary>An officer's trainings, newest first; the officer must be within the caller's scope.</summary>
    public async Task<IReadOnlyList<OfficerTraining>> ListAsync(Guid officerId, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        if (!await db.Officers.AsNoTracking().WithinScope(scope, o => o.DepartmentId, _ => Guid.Empty).AnyAsync(o => o.Id == officerId, ct))
        {
            throw DomainException.NotFound();
        }

        return await db.OfficerTrainings.AsNoTracking().Where(t => t.OfficerId == officerId).OrderByDescending(t => t.HeldOn).ThenBy(t => t.Course).ToListAsync(ct);
    }

    /// <summary>Records a training the officer attended; its hours are added to the officer's training hours.</summary>
    public async Task<OfficerTraining> RecordAsync(Guid officerId, TrainingRequest r, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var officer = await db.Officers.WithinScope(scope, o => o.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(o => o.Id == officerId, ct)
            ?? throw DomainException.NotFound();
        var user = http.HttpContext?.User.Identity?.Name ?? "system";
        var training = OfficerTraining.Record(officer, r.Course, r.HeldOn, r.Hours, r.Organiser, await directory.DisplayNameAsync(user, ct) ?? user, time.GetUtcNow().UtcDateTime);
        db.OfficerTrainings.Add(training);
        officer.TrainingHours += training.Hours;
        await db.SaveChangesAsync(ct);
        return training;
    }
}

public static class TrainingApi
{
    public static RouteGroupBuilder MapTrainings(this RouteGroupBuilder g)
    {
        g.MapGet("/officers/{id:guid}/trainings", async (Guid id, TrainingService s) => TypedResults.Ok((await s.ListAsync(id)).Select(TrainingView.Of).ToList()))
            .WithSummary("The enforcement trainings an officer attended (行政执法人员培训), newest first.");
        g.MapPost("/officers/{id:guid}/trainings", async (Guid id, TrainingRequest r, TrainingService s) =>
        {
            var t = await s.RecordAsync(id, r);
            return TypedResults.Created($"/api/enforcement/officers/{id}/trainings", new NewRecord(t.Id));
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator))
            .WithSummary("Records a training the officer attended (the legal office or a supervisor); its hours are added to the officer's training hours.");
        return g;
    }
}
