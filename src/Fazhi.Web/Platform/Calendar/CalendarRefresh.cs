using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Calendar;

/// <summary>
/// Several server processes share one database: an administrator's calendar edit made through one
/// of them reaches the others within a minute, when the year's stamp changes.
/// </summary>
internal sealed class CalendarRefresh(IServiceScopeFactory scopes, ILogger<CalendarRefresh> logger, TimeProvider time) : BackgroundService
{
    private DateTime? _seen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
                var stamp = await db.CalendarYears.MaxAsync(y => (DateTime?)y.UpdatedAt, stoppingToken);
                if (stamp != _seen)
                {
                    await scope.ServiceProvider.GetRequiredService<CalendarStore>().ReloadAsync(stoppingToken);
                }

                _seen = stamp;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Calendar refresh failed; the next tick tries again");
            }
        }
    }
}
