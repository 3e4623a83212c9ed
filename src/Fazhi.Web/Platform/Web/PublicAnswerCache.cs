using System.Collections.Concurrent;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Web;

/// <summary>
/// Public look-up answers kept ready in memory by query token, as the API writes them (JSON bytes): a look-up after a receipt
/// is scanned reads no database. A module derives one (a singleton), drops what a save changed through an
/// <see cref="ISaveObserver"/>, and runs a <see cref="PublicAnswerLoader{TCache}"/> that fills it at start and drops what
/// another process changed.
/// </summary>
public abstract class PublicAnswerCache
{
    private readonly ConcurrentDictionary<string, byte[]> _byToken = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, string> _tokenOf = new();
    private long _generation;
    private volatile bool _disabled;

    /// <summary>Moves on at every drop: an answer read from the database before a drop is not kept after it.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _byToken.Count;

    public byte[]? Find(string token) => _byToken.GetValueOrDefault(token);

    /// <summary>Keeps an answer read when the generation was <paramref name="readAt"/>, unless something was dropped since.</summary>
    public void Put(Guid id, string token, byte[] json, long readAt)
    {
        if (_disabled)
        {
            // Nothing tells this process of other processes' changes any more: every look-up reads the database.
            return;
        }

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

    /// <summary>Stops keeping answers (its loader failed): from now on every look-up reads the database.</summary>
    public void Disable()
    {
        _disabled = true;
        DropAll();
    }

    /// <summary>A name every answer may show changed: drop them all.</summary>
    public void DropAll()
    {
        Interlocked.Increment(ref _generation);
        _byToken.Clear();
        _tokenOf.Clear();
    }
}

/// <summary>
/// Loads every answer of a <typeparamref name="TCache"/> at start, then drops, each <c>poll</c>, those another process changed
/// since a little before the last pass (the overlap covers writes committed late and clocks a little apart). The cadence is
/// real time: a test clock moved by a month must not fire a month of passes.
/// </summary>
public abstract class PublicAnswerLoader<TCache>(TCache answers, IServiceScopeFactory scopes, TimeProvider time, ILogger log, TimeSpan poll) : BackgroundService
    where TCache : PublicAnswerCache
{
    /// <summary>Every answer, as (record id, token, JSON).</summary>
    protected abstract Task<IReadOnlyList<(Guid Id, string Token, byte[] Json)>> LoadAllAsync(IServiceProvider services, CancellationToken ct);

    /// <summary>The ids of the records changed since <paramref name="from"/>.</summary>
    protected abstract Task<List<Guid>> ChangedSinceAsync(FazhiDbContext db, DateTime from, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var overlap = TimeSpan.FromSeconds(5);
        var since = time.GetUtcNow().UtcDateTime;
        var name = typeof(TCache).Name;
        try
        {
            await using (var scope = scopes.CreateAsyncScope())
            {
                var readAt = answers.Generation;
                var all = await LoadAllAsync(scope.ServiceProvider, stoppingToken);
                foreach (var (id, token, json) in all)
                {
                    answers.Put(id, token, json, readAt);
                }

                log.LogInformation("{Cache}: {Count} answers loaded.", name, all.Count);
            }

            using var timer = new PeriodicTimer(poll);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var from = since - overlap;
                since = time.GetUtcNow().UtcDateTime;
                await using var scope = scopes.CreateAsyncScope();
                var changed = await ChangedSinceAsync(scope.ServiceProvider.GetRequiredService<FazhiDbContext>(), from, stoppingToken);
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
            log.LogError(e, "{Cache}: the loader stopped; look-ups read the database.", name);
            answers.Disable();
        }
    }
}
