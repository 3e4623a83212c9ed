using System.Runtime.CompilerServices;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Deadlines;

/// <summary>
/// 受系统监测: one pass over the deadline register raises an alert for every running clock of every
/// module whose warning level has changed since its last alert. The alert's key (subject, kind, level,
/// due date) makes the database refuse a second alert for the same change, so passes may overlap,
/// repeat, or run in several server processes on one database, and each change is still alerted once.
/// </summary>
public sealed class DeadlineMonitor(FazhiDbContext db, TimeProvider time)
{
    /// <summary>
    /// Reads only the rows whose next alert day has come, raises the alert of their level now, and moves
    /// their day on: to the red day after a yellow alert, to none after a red one.
    /// </summary>
    public async Task<int> RunPassAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var running = false;
        int yellow = (int)WarningLevel.Yellow, red = (int)WarningLevel.Red;
        // The red day is the day after the due date; the two databases add a day differently. The fragment
        // is part of the statement's text, the values are parameters.
        var redDay = db.Provider == DatabaseProvider.Sqlite ? "date(\"DueDate\", '+1 day')" : "(\"DueDate\" + 1)";
        await using var tx = await db.BeginWriteAsync(ct);
        var raised = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO sys_deadline_alerts ("SubjectId", "Kind", "Level", "DueDate", "Module", "RecordId", "DepartmentId", "Title", "Label", "Link", "RaisedAt")
            SELECT d."SubjectId", d."Kind", CASE WHEN d."DueDate" < {today} THEN {red} ELSE {yellow} END, d."DueDate", d."Module", d."RecordId",
                   d."DepartmentId", d."Title", d."Label", d."Link", {now}
            FROM sys_deadlines d
            WHERE d."Paused" = {running} AND d."NextAlertOn" <= {today}
            ON CONFLICT DO NOTHING
            """, ct);
        await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(
            "UPDATE sys_deadlines SET \"NextAlertOn\" = CASE WHEN \"DueDate\" < {0} THEN NULL ELSE " + redDay + " END " +
            "WHERE \"Paused\" = {1} AND \"NextAlertOn\" <= {0}", today, running), ct);
        await tx.CommitAsync(ct);
        return raised;
    }
}

/// <summary>Runs the deadline monitor once a minute (Fazhi:MonitorIntervalSeconds).</summary>
public sealed class DeadlineMonitorService(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<DeadlineMonitorService> log)
    : PeriodicWork(scopes, time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Fazhi:MonitorIntervalSeconds", 60));

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var raised = await services.GetRequiredService<DeadlineMonitor>().RunPassAsync(ct);
        if (await services.GetRequiredService<Calendar.CalendarYearAlert>().RunAsync(ct))
        {
            log.LogWarning("Next year's holidays are not entered: limits ending next year are provisional");
        }
        if (raised > 0)
        {
            log.LogInformation("Deadline monitor raised {Count} alerts", raised);
        }
    }
}
