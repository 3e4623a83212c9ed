using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>A step as the applicant sees it: what happened and when; no note (notes may tell someone's story).</summary>
public sealed record PublicAidStep(DateTime At, string Kind);

/// <summary>
/// What a query token opens: the application's number, matter, form and status, its days, the lawyer's name once assigned,
/// and the applicant's name masked. Nothing else: no identifier, no facts, no income.
/// </summary>
public sealed record PublicAidProgress(
    string Number, string Applicant, MatterType Matter, ServiceForm Form, AidStatus Status, DateTime ReceivedAt, DateOnly? ReviewDue, DateTime? DecidedAt,
    string? Lawyer, string? Place, IReadOnlyList<PublicAidStep> Steps);

/// <summary>The applicant's follow-up: by the token on their receipt, without an account.</summary>
public sealed class PublicProgressService(FazhiDbContext db)
{
    public async Task<PublicAidProgress?> FindAsync(string token, CancellationToken ct = default) => (await FindWithIdAsync(token, ct))?.View;

    public async Task<(Guid Id, PublicAidProgress View)?> FindWithIdAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 40)
        {
            return null;
        }

        var found = await ViewsAsync(db.AidApplications.AsNoTracking().Where(x => x.QueryToken == token), ct);
        return found.Count == 1 ? (found[0].Id, found[0].View) : null;
    }

    /// <summary>Every application's answer, for the answers kept in memory.</summary>
    public async Task<List<(Guid Id, string Token, PublicAidProgress View)>> AllAsync(CancellationToken ct = default) =>
        [.. (await ViewsAsync(db.AidApplications.AsNoTracking(), ct)).Select(x => (x.Id, x.Token, x.View))];

    private async Task<List<(Guid Id, string Token, PublicAidProgress View)>> ViewsAsync(IQueryable<AidApplication> which, CancellationToken ct)
    {
        var apps = await which
            .Select(x => new
            {
                x.Id, x.Number, x.ApplicantName, x.MatterType, x.Form, x.Status, x.ReceivedAt, x.DecidedAt, x.LawyerId, x.PlaceId,
                Review = x.Status == AidStatus.Received || x.Status == AidStatus.MaterialsRequested ? x.ReviewDeadline.DueDate : (DateOnly?)null,
                Lawyer = db.Set<AidLawyer>().Where(l => l.Id == x.LawyerId).Select(l => l.Name).FirstOrDefault(),
                Place = db.Set<AidPlace>().Where(p => p.Id == x.PlaceId).Select(p => p.Name).FirstOrDefault(),
                x.QueryToken,
            }).ToListAsync(ct);
        if (apps.Count == 0)
        {
            return [];
        }

        var ids = apps.Select(a => a.Id).ToList();
        var steps = (apps.Count == 1
                ? await db.Set<AidStep>().AsNoTracking().Where(s => s.CaseId == ids[0]).Select(s => new { s.CaseId, s.Sequence, s.At, s.Kind }).ToListAsync(ct)
                : await db.Set<AidStep>().AsNoTracking().Select(s => new { s.CaseId, s.Sequence, s.At, s.Kind }).ToListAsync(ct))
            .ToLookup(s => s.CaseId);
        return [.. apps.Select(a => (a.Id, a.QueryToken, new PublicAidProgress(a.Number, Masking.Name(a.ApplicantName), a.MatterType, a.Form, a.Status, a.ReceivedAt, a.Review,
            a.DecidedAt, a.Lawyer, a.Place, [.. steps[a.Id].OrderBy(s => s.Sequence).Select(s => new PublicAidStep(s.At, s.Kind))])))];
    }
}

public static class PublicProgressApi
{
    public static void MapPublicProgress(this IEndpointRouteBuilder app)
    {
        // Taken once, not per request: an answer held in memory is written without the request's service scope.
        var answers = app.ServiceProvider.GetRequiredService<PublicAnswers>();
        var options = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        app.MapGet("/api/public/legal-aid/{token}", async Task<IResult> (string token, HttpContext http) =>
            {
                if (answers.Find(token) is { } held)
                {
                    return new JsonBytes(held);
                }

                var readAt = answers.Generation;
                var (id, view) = await http.RequestServices.GetRequiredService<PublicProgressService>().FindWithIdAsync(token, http.RequestAborted)
                    ?? throw DomainException.NotFound("token");
                var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(view, options);
                answers.Put(id, token, json, readAt);
                return new JsonBytes(json);
            })
            .Produces<PublicAidProgress>()
            .WithTags("LegalAid").AllowAnonymous().RequireRateLimiting(PublicLookups.RateLimitPolicy)
            .WithSummary("The applicant's follow-up by the token on their receipt: status, days, the lawyer once assigned; the name masked, nothing else.");
    }
}
