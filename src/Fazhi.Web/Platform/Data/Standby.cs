using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Fazhi.Web.Platform.Data;

/// <summary>
/// Marks a read-only endpoint (a public look-up, a dashboard, statistics, figures, the annual report's pages) whose
/// database reads may come from the hot standby (<c>ConnectionStrings:FazhiRead</c>). Such an endpoint writes nothing:
/// on the standby a write fails.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class ReadsFromStandbyAttribute : Attribute;

public static class StandbyEndpoints
{
    /// <summary>This GET endpoint's reads may come from the hot standby (<see cref="ReadsFromStandbyAttribute"/>).</summary>
    public static TBuilder ReadsFromStandby<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new ReadsFromStandbyAttribute());
}

/// <summary>Section <c>Database</c>, the standby's part.</summary>
public sealed class StandbyOptions
{
    /// <summary>Reads go to the standby only while it has replayed what the primary had this many seconds ago.</summary>
    public double StandbyMaxLagSeconds { get; set; } = 5;

    /// <summary>How often the standby's position is compared with the primary's.</summary>
    public double StandbyCheckSeconds { get; set; } = 1;
}

/// <summary>
/// Whether a read may go to the hot standby now. The monitor compares, every second, the standby's replayed WAL
/// position with the primary's positions of the last minute: the standby holds everything the primary held at
/// <see cref="CaughtUpTo"/>. A read goes there when that is within the allowed lag and, for a caller who wrote
/// (the <c>Fazhi-Wrote</c> cookie), not before their write; otherwise, or when the standby is down, the primary
/// answers. An idle primary does not make the standby look late (a position it has replayed is enough).
/// </summary>
public sealed class StandbyReads(string? connectionString, StandbyOptions options, TimeProvider time)
{
    /// <summary>The cookie a client that wrote carries for a minute: its reads wait for the standby to reach the write.</summary>
    public const string WroteCookie = "Fazhi-Wrote";

    private long _caughtUpTicks;
    private long _served;
    private long _fellBack;

    /// <summary>The standby's connection string, or null when none is configured.</summary>
    public string? ConnectionString => connectionString;

    public bool Configured => connectionString is not null;

    /// <summary>The primary's time whose writes the standby has all replayed; null when it is down or never answered.</summary>
    public DateTimeOffset? CaughtUpTo
    {
        get
        {
            var ticks = Interlocked.Read(ref _caughtUpTicks);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

    /// <summary>The standby's lag now (zero when in step), or null when it is down.</summary>
    public TimeSpan? Lag => CaughtUpTo is { } at ? TimeSpan.FromTicks(Math.Max(0, (time.GetUtcNow() - at).Ticks)) : null;

    /// <summary>Scopes whose reads went to the standby, and marked scopes that fell back to the primary.</summary>
    public (long Served, long FellBack) Counts => (Interlocked.Read(ref _served), Interlocked.Read(ref _fellBack));

    /// <summary>Whether a marked read of a caller who last wrote at <paramref name="wroteAt"/> may go to the standby now.</summary>
    public bool MayRead(DateTimeOffset? wroteAt)
    {
        var may = CaughtUpTo is { } at
            && at >= time.GetUtcNow() - TimeSpan.FromSeconds(options.StandbyMaxLagSeconds)
            && (wroteAt is null || at >= wroteAt);
        Interlocked.Increment(ref may ? ref _served : ref _fellBack);
        return may;
    }

    private long _looks;

    /// <summary>How many times the standby's position has been looked at (or found down) since start.</summary>
    internal long Looks => Interlocked.Read(ref _looks);

    internal void Seen(DateTimeOffset? caughtUpTo)
    {
        Interlocked.Exchange(ref _caughtUpTicks, caughtUpTo?.UtcTicks ?? 0);
        Interlocked.Increment(ref _looks);
    }

    /// <summary>The write time a request carries in its cookie, if any (a value out of range is none).</summary>
    public static DateTimeOffset? WroteAt(HttpContext http) =>
        http.Request.Cookies.TryGetValue(WroteCookie, out var value) && long.TryParse(value, out var ms) && ms > 0 && ms < 253_402_300_799_999
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;

    /// <summary>Whether this request's own database context reads the standby (caches filled from it are kept briefly).</summary>
    public static bool ReadsStandby(HttpContext? http) => http?.RequestServices?.GetService<ReadTarget>()?.Standby == true;
}

/// <summary>Where a scope's database context reads: the primary unless the request's own scope was sent to the standby.</summary>
public sealed class ReadTarget
{
    public bool Standby { get; set; }
}

/// <summary>
/// For a GET of an endpoint marked <see cref="ReadsFromStandbyAttribute"/>, while the standby may be read, sends the
/// request's own scope to it (<see cref="ReadTarget"/>; scopes the request opens for other work, such as the sign-in
/// keys, stay on the primary). After a request that may have written (not GET, HEAD or OPTIONS) and succeeded, sets the
/// <see cref="StandbyReads.WroteCookie"/>, so that the same client's next marked reads do not come from a standby that
/// has not replayed it. Runs before authentication, which may already read the database.
/// </summary>
internal sealed class StandbyMiddleware(RequestDelegate next, StandbyReads standby, TimeProvider time, IServiceScopeFactory scopes, ILogger<StandbyMiddleware> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var method = http.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method))
        {
            if (http.GetEndpoint()?.Metadata.GetMetadata<ReadsFromStandbyAttribute>() is not null && standby.MayRead(StandbyReads.WroteAt(http)))
            {
                http.RequestServices.GetRequiredService<ReadTarget>().Standby = true;
                try
                {
                    await next(http);
                }
                catch (Exception e) when (Unreachable(e) && !http.Response.HasStarted && !http.RequestAborted.IsCancellationRequested)
                {
                    // The standby went away since the monitor last looked: this read is answered again from the primary, in a
                    // scope of its own whose ReadTarget is the primary (a GET has no body to replay), and marked reads go
                    // there until it is back.
                    standby.Seen(null);
                    log.LogWarning(e, "The standby did not answer a read; answered from the primary, and reads stay there until it answers again");
                    var requestServices = http.RequestServices;
                    await using var scope = scopes.CreateAsyncScope();
                    http.RequestServices = scope.ServiceProvider;
                    try
                    {
                        await next(http);
                    }
                    finally
                    {
                        http.RequestServices = requestServices;
                    }
                }

                return;
            }
        }
        else if (!HttpMethods.IsOptions(method))
        {
            http.Response.OnStarting(() =>
            {
                if (http.Response.StatusCode < 400)
                {
                    http.Response.Cookies.Append(StandbyReads.WroteCookie, time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        new CookieOptions { MaxAge = TimeSpan.FromMinutes(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true, Path = "/" });
                }

                return Task.CompletedTask;
            });
        }

        await next(http);
    }

    /// <summary>Whether <paramref name="e"/> (or what it wraps) says the database could not be reached or went away.</summary>
    private static bool Unreachable(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>
/// Every second: the primary's WAL position (kept for a minute with its time) and the standby's replayed position.
/// The standby has caught up to the latest of the primary's kept times whose position it has replayed. A standby
/// that does not answer is down for reads until it answers again. (A server that is not in recovery, a read-only
/// copy, is taken as in step: it reports its own position.)
/// </summary>
internal sealed class StandbyMonitor(StandbyReads standby, StandbyOptions options, IConfiguration configuration, TimeProvider time, ILogger<StandbyMonitor> log) : BackgroundService
{
    private readonly Queue<(DateTimeOffset At, ulong Lsn)> _primary = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var primary = Short(configuration.GetConnectionString(DatabaseSetup.ConnectionName)!);
        var replica = Short(standby.ConnectionString!);
        var down = false;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.StandbyCheckSeconds), TimeProvider.System);
        do
        {
            try
            {
                var now = time.GetUtcNow();
                var head = await PositionAsync(primary, "SELECT pg_current_wal_lsn()::text", stoppingToken);
                _primary.Enqueue((now, head));
                while (_primary.Count > 0 && (_primary.Peek().At < now - TimeSpan.FromMinutes(1) || _primary.Count > 120))
                {
                    _primary.Dequeue();
                }

                var replayed = await PositionAsync(replica, "SELECT coalesce(pg_last_wal_replay_lsn(), pg_current_wal_lsn())::text", stoppingToken);
                var caughtUp = _primary.Where(p => p.Lsn <= replayed).Select(p => (DateTimeOffset?)p.At).LastOrDefault();
                standby.Seen(caughtUp ?? (_primary.Count > 0 ? _primary.Peek().At - TimeSpan.FromMinutes(1) : null));
                if (down)
                {
                    log.LogInformation("The standby answers again; marked reads may go to it");
                    down = false;
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                standby.Seen(null);
                if (!down)
                {
                    log.LogWarning(e, "The standby (or the primary) does not answer: marked reads go to the primary");
                    down = true;
                }
            }
        }
        while (await Next(timer, stoppingToken));
    }

    private static async Task<bool> Next(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static string Short(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 2, CommandTimeout = 2, ApplicationName = "fazhi-standby-monitor" }.ConnectionString;

    private static async Task<ulong> PositionAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        var text = (string)(await command.ExecuteScalarAsync(ct))!;
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        return (Convert.ToUInt64(text[..slash], 16) << 32) | Convert.ToUInt64(text[(slash + 1)..], 16);
    }
}

/// <summary>On <c>/healthz</c>: the standby's state (degraded, not unhealthy, when it is down: the primary answers).</summary>
internal sealed class StandbyHealthCheck(StandbyReads standby, StandbyOptions options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(standby.Lag switch
        {
            null => HealthCheckResult.Degraded("standby down: reads from the primary"),
            { } lag when lag > TimeSpan.FromSeconds(options.StandbyMaxLagSeconds) => HealthCheckResult.Degraded($"standby {lag.TotalSeconds:0.0} s behind: reads from the primary"),
            { } lag => HealthCheckResult.Healthy($"standby lag {lag.TotalSeconds:0.0} s"),
        });
}
