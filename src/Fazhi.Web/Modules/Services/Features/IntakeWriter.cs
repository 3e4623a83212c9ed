using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Modules.Services.Data;
using System.Threading.Channels;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>
/// Writes window intakes in groups (group commit). Every application, its timeline and its audit entries
/// are appended to one sequence under one writer at a time, so requests that arrive together are
/// numbered and saved in one transaction instead of queuing for one each. If a group fails (for example
/// two requests with the same idempotency key), each of its applications is written alone, so that one
/// request's failure is reported to that request only.
/// </summary>
public sealed class IntakeWriter(IServiceScopeFactory scopes, ILogger<IntakeWriter> log) : BackgroundService
{
    private const int MaxGroup = 64;

    private sealed record Job(Application Application, IAuditActor Actor, string? IdempotencyKey, TaskCompletionSource Done);

    private readonly Channel<Job> _queue = Channel.CreateUnbounded<Job>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Numbers and saves the application; returns when it is committed, or throws what its save threw.</summary>
    public Task WriteAsync(Application application, IAuditActor actor, string? idempotencyKey = null)
    {
        var job = new Job(application, AuditActorSnapshot.Of(actor), idempotencyKey, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(job))
        {
            throw new InvalidOperationException("The intake writer has stopped.");
        }

        return job.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var group = new List<Job>(MaxGroup);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                group.Clear();
                while (group.Count < MaxGroup && _queue.Reader.TryRead(out var job))
                {
                    group.Add(job);
                }

                if (group.Count == 1 || !await TrySaveAsync(group, stoppingToken))
                {
                    foreach (var job in group)
                    {
                        await TrySaveAsync([job], stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued is refused below.
        }

        _queue.Writer.TryComplete();
        while (_queue.Reader.TryRead(out var left))
        {
            left.Done.TrySetException(new OperationCanceledException("The server is stopping."));
        }
    }

    /// <summary>Saves the group in one transaction. A single job's failure is handed to its request; a group's is reported as false.</summary>
    private async Task<bool> TrySaveAsync(IReadOnlyList<Job> jobs, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            var numbers = scope.ServiceProvider.GetRequiredService<ApplicationNumbers>();
            await using (var tx = await db.BeginWriteAsync(ct))
            {
                var first = await numbers.TakeAsync(db, jobs.Count, ct);
                for (var i = 0; i < jobs.Count; i++)
                {
                    var app = jobs[i].Application;
                    app.NumberAs(ApplicationNumbers.Format(first.Series, first.Next + i));
                    db.Applications.Add(app);
                    db.AuditAs(jobs[i].Actor, [app, .. app.Events, .. app.Tasks]);
                    if (jobs[i].IdempotencyKey is { } key)
                    {
                        // The key belongs to the window's department (and its clerk): only they are answered with this application.
                        db.Add(new IdempotencyKey
                        {
                            Module = ServicesModule.ModuleName, Key = key, RecordId = app.Id, DepartmentId = app.IntakeDepartmentId ?? app.DepartmentId,
                            OwnerId = app.ClerkId, CreatedAt = app.ReceivedAt,
                        });
                    }
                }

                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }

            foreach (var job in jobs)
            {
                job.Done.TrySetResult();
            }

            return true;
        }
        catch (Exception e) when (jobs.Count == 1)
        {
            jobs[0].Done.TrySetException(e);
            return true;
        }
        catch (Exception e)
        {
            log.LogInformation(e, "A group of {Count} intakes failed; writing them one by one", jobs.Count);
            return false;
        }
    }
}

/// <summary>Application numbers such as TX2026-000123: the town's code, the year in China, and the next number of that year.</summary>
public sealed class ApplicationNumbers(IMemoryCache cache, TimeProvider time)
{
    /// <summary>Draws <paramref name="count"/> consecutive numbers inside the caller's write transaction; returns the series and the first.</summary>
    public async Task<(string Series, long Next)> TakeAsync(FazhiDbContext db, int count, CancellationToken ct)
    {
        var town = await OrganisationDirectory.Over(db, cache).TownCodeAsync(ct) ?? "TOWN";
        var series = $"{town}{ChinaTime.Today(time).Year}";
        // One statement that both databases run atomically inside the caller's transaction.
        var last = await db.Database.SqlQuery<long>(
            $"INSERT INTO svc_number_sequences (\"Series\", \"Next\") VALUES ({series}, {count}) ON CONFLICT (\"Series\") DO UPDATE SET \"Next\" = svc_number_sequences.\"Next\" + {count} RETURNING \"Next\" AS \"Value\"")
            .ToListAsync(ct);
        return (series, last[0] - count + 1);
    }

    /// <summary>Draws one number inside the caller's write transaction.</summary>
    public async Task<string> NextAsync(FazhiDbContext db, CancellationToken ct)
    {
        var (series, next) = await TakeAsync(db, 1, ct);
        return Format(series, next);
    }

    public static string Format(string series, long sequence) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{series}-{sequence:000000}");
}
