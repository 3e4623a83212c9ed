using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Calendar;

/// <summary>
/// Several server processes share one database: an administrator's calendar edit made through one
/// of them reaches the others within a minute, when the year's stamp changes.
/// </summary>
internal sealed class CalendarRefresh(IServiceScopeFactory scopes, ILogger<CalendarRefresh> logger, TimeProvider time)
    : PeriodicWork(scopes, time, logger)
{
    private DateTime? _seen;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(1);

    // The calendar is loaded at start-up; the first look is due a minute later.
    protected override bool RunAtStart => false;

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<FazhiDbContext>();
        var stamp = await db.CalendarYears.MaxAsync(y => (DateTime?)y.UpdatedAt, ct);
        if (stamp != _seen)
        {
            await services.GetRequiredService<CalendarStore>().ReloadAsync(ct);
        }

        _seen = stamp;
    }
}
