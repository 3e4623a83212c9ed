using System.Collections.Concurrent;
using System.Text.Json;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>
/// The applicants' follow-up answers kept ready in memory, by query token, as the public API writes them: a look-up after a
/// receipt is scanned reads no database. A save in this process drops what it changed once committed; a change made by
/// another process sharing the database is dropped within a second (<see cref="PublicAnswersLoader"/>). A legal-aid year
/// is tens of thousands of applications, a few hundred bytes each.
/// </summary>
public sealed class PublicAnswers
{
    private readonly ConcurrentDictionary<string, byte[]> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, string> _tokenOf = new();
    private long _generation;

    /// <summary>Moves on at every drop: an answer read from the database before a drop is not kept after it.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _byToken.Count;

    public byte[]? Find(string token) => _byToken.GetValueOrDefault(token);

    /// <summary>Keeps an answer read when the generation was <paramref name="readAt"/>, unless something was dropped since.</summary>
    public void Put(Guid id, string token, byte[] json, long readAt)
    {
        _tokenOf[id] = token;
        _byToken[token] = json;
        if (Generation != readAt)
        {
            // A drop came between the read and now: the answer may be stale; the next look-up reads again.
            _byToken.TryRemove(token, out _);
        }
    }

    public void Drop(IEnumerable<Guid> ids)
    {
        Interlocked.Increment(ref _generation);
        foreach (var id in ids)
        {
            if (_tokenOf.TryRemove(id, out var token))
            {
                _byToken.TryRemove(token, out _);
            }
        }
    }

    /// <summary>A lawyer's or a place's name changed: every answer may show it.</summary>
    public void DropAll()
    {
        Interlocked.Increment(ref _generation);
        _byToken.Clear();
        _tokenOf.Clear();
    }
}

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

/// <summary>
/// Loads every application's public answer at start, then drops, each second, those another process changed since a
/// little before the last pass (the overlap covers writes committed late and clocks a little apart).
/// </summary>
internal sealed class PublicAnswersLoader(PublicAnswers answers, IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration,
    Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<PublicAnswersLoader> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var poll = TimeSpan.FromSeconds(configuration.GetValue("LegalAid:AnswerPollSeconds", 1.0));
        var overlap = TimeSpan.FromSeconds(5);
        var since = time.GetUtcNow().UtcDateTime;
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var progress = scope.ServiceProvider.GetRequiredService<PublicProgressService>();
                var readAt = answers.Generation;
                var all = await progress.AllAsync(stoppingToken);
                foreach (var (id, token, view) in all)
                {
                    answers.Put(id, token, JsonSerializer.SerializeToUtf8Bytes(view, json.Value.SerializerOptions), readAt);
                }

                log.LogInformation("Legal-aid answers: {Count} applications loaded.", all.Count);
            }

            // A real-time cadence: a test clock moved by a month must not fire a month of passes.
            using var timer = new PeriodicTimer(poll);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var from = since - overlap;
                since = time.GetUtcNow().UtcDateTime;
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
                var changed = await db.AidApplications.AsNoTracking().Where(a => a.ChangedAt >= from).Select(a => a.Id).ToListAsync(stoppingToken);
                if (changed.Count > 0)
                {
                    answers.Drop(changed);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The answers then come from the database on every look-up; the pages still work.
            log.LogError(e, "Legal-aid answers: the loader stopped; look-ups read the database.");
            answers.DropAll();
        }
    }
}
