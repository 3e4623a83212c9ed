namespace Fazhi.Web.Platform;

/// <summary>
/// Background work repeated at an interval on the platform's clock, each round in a fresh DI scope. A
/// failed round is logged and the next one tries again; stopping the server ends the loop.
/// </summary>
public abstract class PeriodicWork(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    protected abstract TimeSpan Interval { get; }

    /// <summary>Whether a round runs as soon as the server starts, or only after the first interval.</summary>
    protected virtual bool RunAtStart => true;

    protected abstract Task RunAsync(IServiceProvider services, CancellationToken ct);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One-shot delays rather than a periodic timer: when the clock jumps ahead (a test's fake clock, a
        // suspended machine) a periodic timer would owe every missed tick, while one round catches up.
        try
        {
            if (!RunAtStart)
            {
                await Task.Delay(Interval, time, stoppingToken);
            }

            while (!stoppingToken.IsCancellationRequested)
            {
                await RoundAsync(stoppingToken);
                await Task.Delay(Interval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private async Task RoundAsync(CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await RunAsync(scope.ServiceProvider, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "{Work} failed; the next round tries again", GetType().Name);
        }
    }
}
