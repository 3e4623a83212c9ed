using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Calendar;

/// <summary>
/// Several server processes share one database: an administrator's calendar edit made through one of them
/// reaches the others. On PostgreSQL the database tells (<see cref="ChangeSignals"/>) and the calendar is
/// reloaded at once; on SQLite, or while the listening connection is down, the year's stamp is looked at
/// every minute.
/// </summary>
internal sealed class CalendarRefresh(IServiceScopeFactory scopes, ChangeSignals signals, ILogger<CalendarRefresh> logger, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMinutes(1);
    private DateTime? _seen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var changed = signals.Token(ChangeSignals.Calendar);
            while (!stoppingToken.IsCancellationRequested)
            {
                var told = await ChangeSignals.WaitAsync(changed, Poll, time, stoppingToken);
                // The next change's token is taken before reloading, so an edit committed while reloading is not missed.
                changed = signals.Token(ChangeSignals.Calendar);
                if (told || !signals.Told)
                {
                    await RoundAsync(reload: told, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The server is stopping.
        }
    }

    private async Task RoundAsync(bool reload, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            var stamp = await db.CalendarYears.MaxAsync(y => (DateTime?)y.UpdatedAt, ct);
            if (reload || stamp != _seen)
            {
                await scope.ServiceProvider.GetRequiredService<CalendarStore>().ReloadAsync(ct);
            }

            _seen = stamp;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning(e, "Reloading the calendar failed; the next change or round tries again");
        }
    }
}
