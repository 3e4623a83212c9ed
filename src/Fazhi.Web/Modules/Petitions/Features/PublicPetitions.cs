using System.Text.Json;
using Fazhi.Web.Modules.Petitions.Data;
using Fazhi.Web.Modules.Petitions.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Petitions.Features;

/// <summary>A step as the petitioner sees it: what happened and when; no note.</summary>
public sealed record PublicPetitionStep(DateTime At, string Kind);

/// <summary>
/// What a query token opens (第21条): the number, what it is about, its status and days, the body handling it, where the matter
/// went (mediation, legal aid) and whether it may be rated; the petitioner's name masked (an accuser's not shown). No identifier,
/// no facts, no opinion text.
/// </summary>
public sealed record PublicPetition(
    string Number, string Petitioner, PetitionChannel Channel, PetitionClass Class, MatterCategory Category, string Subject, PetitionStatus Status,
    DateTime ReceivedAt, DateOnly? DueDate, string? Handler, DateTime? AnsweredAt, int? Rating, bool CanRate, IReadOnlyList<ChainLink> Chain,
    IReadOnlyList<PublicPetitionStep> Steps);

public sealed record RatingRequest(int? Rating);

/// <summary>The petitioner's follow-up and rating: by the token on their receipt, without an account.</summary>
public sealed class PublicPetitionService(FazhiDbContext db, PetitionService petitions, CaseWorkflow workflow)
{
    public async Task<(Guid Id, bool Cacheable, PublicPetition View)?> FindAsync(string token, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 40)
        {
            return null;
        }

        var found = await ViewsAsync(db.Petitions.AsNoTracking().Where(p => p.QueryToken == token), ct);
        return found.Count == 1 ? (found[0].Id, found[0].Cacheable, found[0].View) : null;
    }

    /// <summary>Every answer that depends on the petition alone (a referred one follows other work lines: it is read each time).</summary>
    public async Task<List<(Guid Id, string Token, PublicPetition View)>> AllAsync(CancellationToken ct = default) =>
        [.. (await ViewsAsync(db.Petitions.AsNoTracking().Where(p => p.MediationCaseId == null), ct)).Select(x => (x.Id, x.Token, x.View))];

    private async Task<List<(Guid Id, string Token, bool Cacheable, PublicPetition View)>> ViewsAsync(IQueryable<Petition> which, CancellationToken ct)
    {
        var rows = await which.Select(p => new
        {
            p.Id, p.QueryToken, p.Number, p.PetitionerName, p.Channel, p.Class, p.Category, p.Subject, p.Status, p.ReceivedAt, p.HandlerName, p.AnsweredAt, p.Rating,
            p.MediationCaseId, Due = p.DueOn,
        }).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var ids = rows.Select(r => r.Id).ToList();
        var steps = (rows.Count == 1
                ? await db.Set<PetitionStep>().AsNoTracking().Where(s => s.CaseId == ids[0]).Select(s => new { s.CaseId, s.Sequence, s.At, s.Kind }).ToListAsync(ct)
                : await db.Set<PetitionStep>().AsNoTracking().Select(s => new { s.CaseId, s.Sequence, s.At, s.Kind }).ToListAsync(ct))
            .ToLookup(s => s.CaseId);
        var result = new List<(Guid, string, bool, PublicPetition)>(rows.Count);
        foreach (var r in rows)
        {
            // Only a referred petition has a chain to follow (its links are read through the other modules' faces).
            var chain = r.MediationCaseId is null ? [] : await petitions.ChainAsync(r.MediationCaseId, staff: false, ct);

            var canRate = r.Rating is null && r.Status is PetitionStatus.Answered or PetitionStatus.Reviewed or PetitionStatus.ReReviewed or PetitionStatus.NotAccepted
                or PetitionStatus.Diverted or PetitionStatus.Referred;
            result.Add((r.Id, r.QueryToken, r.MediationCaseId is null, new PublicPetition(r.Number, r.Class == PetitionClass.Accusation ? "***" : Masking.Name(r.PetitionerName),
                r.Channel, r.Class, r.Category, r.Subject, r.Status, r.ReceivedAt, r.Due, r.HandlerName, r.AnsweredAt, r.Rating, canRate, chain,
                [.. steps[r.Id].OrderBy(s => s.Sequence).Where(s => s.Kind != "repeat").Select(s => new PublicPetitionStep(s.At, s.Kind))])));
        }

        return result;
    }

    /// <summary>第21条: the petitioner rates the answer once (1 不满意, 2 基本满意, 3 满意); a second rating is 409.</summary>
    public async Task RateAsync(string token, RatingRequest r, CancellationToken ct = default)
    {
        var id = await db.Petitions.AsNoTracking().Where(p => p.QueryToken == token).Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct)
            ?? throw DomainException.NotFound("token");
        await workflow.ActAsync<Petition, PetitionStep>(_ => db.Petitions.Include(p => p.Steps).Include(p => p.Oversights).AsSplitQuery(), id, null,
            (p, by) =>
            {
                p.Rate(r.Rating ?? 0, by);
                return Task.CompletedTask;
            }, ct: ct);
    }
}

/// <summary>The petitioners' answers kept in memory by token (the kit's <see cref="PublicAnswerCache"/>).</summary>
public sealed class PetitionAnswers : PublicAnswerCache;

/// <summary>Stamps every saved change of a petition (or of its record) and drops its public answer once committed.</summary>
internal sealed class PetitionAnswersObserver(PetitionAnswers answers, TimeProvider time) : ISaveObserver
{
    public Action? Saving(FazhiDbContext db)
    {
        var now = time.GetUtcNow().UtcDateTime;
        HashSet<Guid>? ids = null;
        foreach (var s in db.ChangeTracker.Entries<PetitionStep>().Where(e => e.State == EntityState.Added))
        {
            (ids ??= []).Add(s.Entity.CaseId);
        }

        foreach (var p in db.ChangeTracker.Entries<Petition>())
        {
            if (p.State is EntityState.Added or EntityState.Modified || ids?.Contains(p.Entity.Id) == true)
            {
                if (p.State != EntityState.Added)
                {
                    p.Property(x => x.ChangedAt).CurrentValue = now;
                }

                // The running limit, kept in its column for the lists and look-ups.
                p.Property(x => x.DueOn).CurrentValue = p.Entity.DueDate;

                (ids ??= []).Add(p.Entity.Id);
            }
        }

        return ids is null ? null : () => answers.Drop(ids);
    }
}

internal sealed class PetitionAnswersLoader(PetitionAnswers answers, IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<PetitionAnswersLoader> log)
    : PublicAnswerLoader<PetitionAnswers>(answers, scopes, time, log, TimeSpan.FromSeconds(configuration.GetValue("Petitions:AnswerPollSeconds", 1.0)))
{
    protected override async Task<IReadOnlyList<(Guid Id, string Token, byte[] Json)>> LoadAllAsync(IServiceProvider services, CancellationToken ct) =>
        [.. (await services.GetRequiredService<PublicPetitionService>().AllAsync(ct)).Select(x => (x.Id, x.Token, JsonSerializer.SerializeToUtf8Bytes(x.View, json.Value.SerializerOptions)))];

    protected override Task<List<Guid>> ChangedSinceAsync(FazhiDbContext db, DateTime from, CancellationToken ct) =>
        db.Petitions.AsNoTracking().Where(p => p.ChangedAt >= from).Select(p => p.Id).ToListAsync(ct);
}

public static class PublicPetitionsApi
{
    public static void MapPublicPetitions(this IEndpointRouteBuilder app)
    {
        var answers = app.ServiceProvider.GetRequiredService<PetitionAnswers>();
        var options = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var g = app.MapGroup("/api/public/petitions").WithTags("Petitions").AllowAnonymous().RequireRateLimiting(PublicLookups.RateLimitPolicy);
        g.MapGet("/{token}", async Task<IResult> (string token, HttpContext http) =>
            {
                if (answers.Find(token) is { } held)
                {
                    return new JsonBytes(held);
                }

                var readAt = answers.Generation;
                var (id, cacheable, view) = await http.RequestServices.GetRequiredService<PublicPetitionService>().FindAsync(token, http.RequestAborted)
                    ?? throw DomainException.NotFound("token");
                var bytes = JsonSerializer.SerializeToUtf8Bytes(view, options);
                if (cacheable)
                {
                    answers.Put(id, token, bytes, readAt);
                }

                return new JsonBytes(bytes);
            })
            .Produces<PublicPetition>()
            .WithSummary("The petitioner's follow-up by the token on their receipt: status, days, the body handling it, where the matter went; the name masked, nothing else.");
        g.MapPost("/{token}/rating", async (string token, RatingRequest r, PublicPetitionService s) =>
            {
                await s.RateAsync(token, r);
                return TypedResults.NoContent();
            })
            .WithSummary("第21条: the petitioner rates the answer once: 3 满意, 2 基本满意, 1 不满意. A second rating is 409.");
    }
}
