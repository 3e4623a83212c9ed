using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Primitives;
using Npgsql;

namespace Fazhi.Web.Platform.Data;

/// <summary>
/// What a process keeps in memory and another process may change: the calendar, the organisation, a module's
/// catalogue. On PostgreSQL the database tells every process when one of them changes (a trigger on the
/// tables sends <c>NOTIFY fazhi_changes, '&lt;topic&gt;'</c> when the write commits, whoever wrote it, and
/// <see cref="ChangeListener"/> hears it), so cached copies are dropped at once and kept long in between. On
/// SQLite (one machine) nothing tells: copies expire after their polling interval, as before.
/// </summary>
public sealed class ChangeSignals(IHttpContextAccessor? http = null)
{
    /// <summary>The channel the database's triggers notify on.</summary>
    public const string Channel = "fazhi_changes";

    /// <summary>The holiday calendar (<c>sys_calendar_years</c>, <c>sys_calendar_days</c>).</summary>
    public const string Calendar = "calendar";

    /// <summary>The organisation's tree, windows and staff departments (<c>org_nodes</c>, <c>org_windows</c>, <c>org_staff</c>).</summary>
    public const string Organisation = "organisation";

    /// <summary>How long a told copy is kept at most: a safety net for a notification lost with a dropped connection.</summary>
    public static readonly TimeSpan ToldKeep = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<string, CancellationTokenSource> _sources = new(StringComparer.Ordinal);
    private volatile bool _told;

    /// <summary>Whether this process is listening to the database now (PostgreSQL, connected).</summary>
    public bool Told => _told;

    /// <summary>A token that fires at the next change of <paramref name="topic"/>.</summary>
    public IChangeToken Token(string topic) => new CancellationChangeToken(TokenOf(topic));

    /// <summary>Tells this process's holders of <paramref name="topic"/> that it changed.</summary>
    public void Raise(string topic)
    {
        if (_sources.TryRemove(topic, out var fired))
        {
            fired.Cancel();
            fired.Dispose();
        }
    }

    /// <summary>Every topic changed (the listener has just (re)connected and may have missed some).</summary>
    public void RaiseAll()
    {
        foreach (var topic in _sources.Keys.ToList())
        {
            Raise(topic);
        }
    }

    internal void Listening(bool told) => _told = told;

    /// <summary>
    /// Keeps a cache entry until <paramref name="topic"/> changes: long when the database tells, for
    /// <paramref name="polled"/> when it does not.
    /// </summary>
    public void Keep(ICacheEntry entry, string topic, TimeSpan polled)
    {
        entry.AddExpirationToken(Token(topic));
        entry.AbsoluteExpirationRelativeToNow = KeepFor(polled);
    }

    /// <summary>
    /// Long while told; but a copy read from the standby (a marked request's reads) may predate a change already told,
    /// so it is kept no longer than where nothing tells.
    /// </summary>
    private TimeSpan KeepFor(TimeSpan polled) =>
        _told && polled < ToldKeep && !StandbyReads.ReadsStandby(http?.HttpContext) ? ToldKeep : polled;

    /// <summary>Waits until <paramref name="changed"/> fires or <paramref name="poll"/> passes on <paramref name="time"/>; true when it fired.</summary>
    public static async Task<bool> WaitAsync(IChangeToken changed, TimeSpan poll, TimeProvider time, CancellationToken ct)
    {
        var fired = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = changed.RegisterChangeCallback(static s => ((TaskCompletionSource)s!).TrySetResult(), fired);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var delay = Task.Delay(poll, time, stop.Token);
        var first = await Task.WhenAny(fired.Task, delay);
        await stop.CancelAsync();
        ct.ThrowIfCancellationRequested();
        return first == fired.Task || changed.HasChanged;
    }

    /// <summary>The current token of <paramref name="topic"/>, read from a source that cannot be disposed under it.</summary>
    private CancellationToken TokenOf(string topic)
    {
        while (true)
        {
            var source = _sources.GetOrAdd(topic, _ => new CancellationTokenSource());
            try
            {
                return source.Token;
            }
            catch (ObjectDisposedException)
            {
                // Raised and disposed between the look-up and here: take the next one.
                _sources.TryRemove(new KeyValuePair<string, CancellationTokenSource>(topic, source));
            }
        }
    }
}

/// <summary>
/// On PostgreSQL, one connection per process that <c>LISTEN</c>s on <see cref="ChangeSignals.Channel"/> and raises
/// each topic it hears. When the connection drops it reconnects and raises every topic, since a change may
/// have been missed in between; until then cached copies fall back to their polling intervals.
/// </summary>
internal sealed class ChangeListener(ChangeSignals signals, IConfiguration configuration, ILogger<ChangeListener> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(DatabaseSetup.ConnectionName))
        {
            // A listening connection is never returned to a pool, and a dead peer is noticed within half a minute.
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "fazhi-listener",
        }.ConnectionString;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                connection.Notification += (_, e) => signals.Raise(e.Payload);
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {ChangeSignals.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                signals.Listening(true);
                signals.RaiseAll();
                if (failures > 0)
                {
                    log.LogInformation("Listening to the database's changes again");
                }

                failures = 0;
                while (!stoppingToken.IsCancellationRequested)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                // Copies kept long while told would outlive changes nobody tells now: drop them, and keep the new ones briefly.
                signals.Listening(false);
                signals.RaiseAll();
                failures++;
                log.LogWarning(e, "Not listening to the database's changes (attempt {Attempt}); cached copies expire on their polling intervals until it is back", failures);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, failures)), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            finally
            {
                signals.Listening(false);
            }
        }
    }
}
