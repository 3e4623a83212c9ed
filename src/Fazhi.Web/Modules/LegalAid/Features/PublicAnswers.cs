using System.Text.Json;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>
/// The applicants' follow-up answers kept ready in memory, by query token (the kit's <see cref="PublicAnswerCache"/>). A legal-aid
/// year is tens of thousands of applications, a few hundred bytes each.
/// </summary>
public sealed class PublicAnswers : PublicAnswerCache;

/// <summary>Stamps every saved change of an application (or of its record or quality checks) and drops its public answer once committed.</summary>
internal sealed class PublicAnswersObserver(PublicAnswers answers, TimeProvider time) : ISaveObserver
{
    public Action? Saving(FazhiDbContext db)
    {
        var now = time.GetUtcNow().UtcDateTime;
        HashSet<Guid>? ids = null;
        foreach (var s in db.ChangeTracker.Entries<AidStep>().Where(e => e.State == EntityState.Added))
        {
            (ids ??= []).Add(s.Entity.CaseId);
        }

        foreach (var a in db.ChangeTracker.Entries<AidApplication>())
        {
            if (a.State is EntityState.Added or EntityState.Modified || ids?.Contains(a.Entity.Id) == true)
            {
                if (a.State != EntityState.Added)
                {
                    a.Property(x => x.ChangedAt).CurrentValue = now;
                }

                (ids ??= []).Add(a.Entity.Id);
            }
        }

        var names = db.ChangeTracker.Entries<AidLawyer>().Any(e => e.State == EntityState.Modified)
            || db.ChangeTracker.Entries<AidPlace>().Any(e => e.State == EntityState.Modified);
        if (names)
        {
            return answers.DropAll;
        }

        return ids is null ? null : () => answers.Drop(ids);
    }
}

/// <summary>Loads every application's public answer at start, then drops each second those another process changed.</summary>
internal sealed class PublicAnswersLoader(PublicAnswers answers, IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<PublicAnswersLoader> log)
    : PublicAnswerLoader<PublicAnswers>(answers, scopes, time, log, TimeSpan.FromSeconds(configuration.GetValue("LegalAid:AnswerPollSeconds", 1.0)))
{
    protected override async Task<IReadOnlyList<(Guid Id, string Token, byte[] Json)>> LoadAllAsync(IServiceProvider services, CancellationToken ct) =>
        [.. (await services.GetRequiredService<PublicProgressService>().AllAsync(ct)).Select(x => (x.Id, x.Token, JsonSerializer.SerializeToUtf8Bytes(x.View, json.Value.SerializerOptions)))];

    protected override Task<List<Guid>> ChangedSinceAsync(FazhiDbContext db, DateTime from, CancellationToken ct) =>
        db.AidApplications.AsNoTracking().Where(a => a.ChangedAt >= from).Select(a => a.Id).ToListAsync(ct);
}
