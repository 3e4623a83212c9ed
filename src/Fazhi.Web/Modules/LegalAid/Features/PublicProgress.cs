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
    public async Task<PublicAidProgress?> FindAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 40)
        {
            return null;
        }

        var a = await db.AidApplications.AsNoTracking().Where(x => x.QueryToken == token)
            .Select(x => new
            {
                x.Id, x.Number, x.ApplicantName, x.MatterType, x.Form, x.Status, x.ReceivedAt, x.DecidedAt, x.LawyerId, x.PlaceId,
                Review = x.Status == AidStatus.Received || x.Status == AidStatus.MaterialsRequested ? x.ReviewDeadline.DueDate : (DateOnly?)null,
                Lawyer = db.Set<AidLawyer>().Where(l => l.Id == x.LawyerId).Select(l => l.Name).FirstOrDefault(),
                Place = db.Set<AidPlace>().Where(p => p.Id == x.PlaceId).Select(p => p.Name).FirstOrDefault(),
            }).SingleOrDefaultAsync(ct);
        if (a is null)
        {
            return null;
        }

        var steps = await db.Set<AidStep>().AsNoTracking().Where(s => s.CaseId == a.Id).OrderBy(s => s.Sequence)
            .Select(s => new PublicAidStep(s.At, s.Kind)).ToListAsync(ct);
        return new PublicAidProgress(a.Number, Masking.Name(a.ApplicantName), a.MatterType, a.Form, a.Status, a.ReceivedAt, a.Review, a.DecidedAt, a.Lawyer, a.Place, steps);
    }
}

public static class PublicProgressApi
{
    public static void MapPublicProgress(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/public/legal-aid/{token}", async (string token, PublicProgressService s) =>
                TypedResults.Ok(await s.FindAsync(token) ?? throw DomainException.NotFound("token")))
            .WithTags("LegalAid").AllowAnonymous().RequireRateLimiting(PublicLookups.RateLimitPolicy)
            .WithSummary("The applicant's follow-up by the token on their receipt: status, days, the lawyer once assigned; the name masked, nothing else.");
}
