using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Modules.Services.Data;
using System.Runtime.CompilerServices;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>
/// 审批过程受系统监测: one pass raises an alert for every open stage task and every application in review
/// whose warning level has changed since its last alert. The alert's key (subject, level, due date)
/// makes the database refuse a second alert for the same change, so passes may overlap, repeat, or run
/// in several server processes on one database, and each change is still alerted once.
/// </summary>
public sealed class DeadlineMonitor(FazhiDbContext db, TimeProvider time)
{
    /// <summary>
    /// Each open task and application carries the day its next alert falls due (its yellow day, then the
    /// day after its due date). A pass reads only the rows whose day has come, raises the alert of their
    /// level now, and moves their day on: to the red day after a yellow alert, to none after a red one.
    /// </summary>
    public async Task<int> RunPassAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var open = (int)StageTaskState.Open;
        var inReview = (int)ApplicationStatus.Accepted;
        var running = false;
        int yellow = (int)WarningLevel.Yellow, red = (int)WarningLevel.Red;
        // The red day is the day after the due date; the two databases add a day differently. The fragment
        // is part of the statement's text, the values are parameters.
        var redDay = db.Provider == DatabaseProvider.Sqlite ? "date(\"DueDate\", '+1 day')" : "(\"DueDate\" + 1)";
        await using var tx = await db.BeginWriteAsync(ct);
        var raised = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO svc_deadline_alerts ("SubjectId", "Level", "DueDate", "ApplicationId", "DepartmentId", "StageName", "RaisedAt")
            SELECT t."Id", CASE WHEN t."DueDate" < {today} THEN {red} ELSE {yellow} END, t."DueDate", t."ApplicationId", t."DepartmentId", t."StageName", {now}
            FROM svc_stage_tasks t
            WHERE t."State" = {open} AND t."Paused" = {running} AND t."NextAlertOn" <= {today}
            ON CONFLICT DO NOTHING
            """, ct);
        await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(
            "UPDATE svc_stage_tasks SET \"NextAlertOn\" = CASE WHEN \"DueDate\" < {0} THEN NULL ELSE " + redDay + " END " +
            "WHERE \"State\" = {1} AND \"Paused\" = {2} AND \"NextAlertOn\" <= {0}", today, open, running), ct);
        raised += await db.Database.ExecuteSqlAsync($"""
            INSERT INTO svc_deadline_alerts ("SubjectId", "Level", "DueDate", "ApplicationId", "DepartmentId", "StageName", "RaisedAt")
            SELECT a."Id", CASE WHEN a."DueDate" < {today} THEN {red} ELSE {yellow} END, a."DueDate", a."Id", a."DepartmentId", NULL, {now}
            FROM svc_applications a
            WHERE a."Status" = {inReview} AND a."NextAlertOn" <= {today}
            ON CONFLICT DO NOTHING
            """, ct);
        await db.Database.ExecuteSqlAsync(FormattableStringFactory.Create(
            "UPDATE svc_applications SET \"NextAlertOn\" = CASE WHEN \"DueDate\" < {0} THEN NULL ELSE " + redDay + " END " +
            "WHERE \"Status\" = {1} AND \"NextAlertOn\" <= {0}", today, inReview), ct);
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
        if (raised > 0)
        {
            log.LogInformation("Deadline monitor raised {Count} alerts", raised);
        }
    }
}

public sealed record AlertRow(Guid ApplicationId, string Number, string ItemName, string? StageName, Guid DepartmentId, WarningLevel Level, DateOnly DueDate, DateTime RaisedAt);

/// <summary>Alerts as their department and the supervisors see them, newest first.</summary>
public sealed class AlertService(FazhiDbContext db, DataScopeResolver scopes)
{
    public async Task<Paged<AlertRow>> ListAsync(int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var alerts = db.DeadlineAlerts.AsNoTracking();
        // Department rows have no owner: the "self" scope sees none of them.
        alerts = alerts.WithinScope(scope, a => a.DepartmentId, _ => Guid.Empty);

        return await alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Level).ToPageAsync(
            rows => rows.Join(db.Applications, a => a.ApplicationId, x => x.Id, (a, x) => new { a, x })
                .OrderByDescending(j => j.a.RaisedAt).ThenByDescending(j => j.a.Level)
                .Select(j => new AlertRow(j.a.ApplicationId, j.x.Number, j.x.ItemName, j.a.StageName, j.a.DepartmentId, j.a.Level, j.a.DueDate, j.a.RaisedAt)),
            page, pageSize, ct);
    }
}

/// <summary>A way to reach an applicant. The SMS/e-mail gateway of a deployment replaces <see cref="LogSmsChannel"/>.</summary>
public interface INotificationChannel
{
    string Name { get; }

    Task SendAsync(Notification message, string text, CancellationToken ct);
}

/// <summary>In-app messages are read from the outbox by the citizen's pages; sending only makes them visible.</summary>
public sealed class InAppChannel : INotificationChannel
{
    public string Name => "in_app";

    public Task SendAsync(Notification message, string text, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>The default SMS channel: writes the message to the log instead of a gateway.</summary>
public sealed class LogSmsChannel(ILogger<LogSmsChannel> log) : INotificationChannel
{
    public string Name => "sms";

    public Task SendAsync(Notification message, string text, CancellationToken ct)
    {
        log.LogInformation("SMS to {Phone}: {Text}", Masking.Phone(message.Phone), text);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Sends what the outbox holds, at least once: a message is claimed for a while, sent, then marked sent.
/// A crash between sending and marking sends it again after the claim runs out; a failed send is retried.
/// </summary>
public sealed class NotificationDispatcher(FazhiDbContext db, IEnumerable<INotificationChannel> channels, TimeProvider time)
{
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    public async Task<int> DispatchAsync(int max = 100, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Notifications.AsNoTracking()
            .Where(n => n.SentAt == null && (n.LeaseUntil == null || n.LeaseUntil < now))
            .OrderBy(n => n.CreatedAt).Take(max).ToListAsync(ct);
        var sent = 0;
        foreach (var n in due)
        {
            // Claim it; another process that read the same row finds the claim taken and moves on.
            var until = now + Claim;
            var claimed = await db.Notifications
                .Where(x => x.Id == n.Id && x.SentAt == null && (x.LeaseUntil == null || x.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseUntil, until).SetProperty(x => x.Attempts, x => x.Attempts + 1), ct);
            if (claimed == 0)
            {
                continue;
            }

            var channel = channels.FirstOrDefault(c => c.Name == n.Channel);
            try
            {
                if (channel is null)
                {
                    throw new InvalidOperationException($"No channel named {n.Channel}");
                }

                await channel.SendAsync(n, NotificationText.Format(n, "zh-CN"), ct);
                await db.Notifications.Where(x => x.Id == n.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAt, now).SetProperty(x => x.LeaseUntil, (DateTime?)null).SetProperty(x => x.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Retried after a pause that grows with the attempts.
                var retry = now + TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, n.Attempts)));
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await db.Notifications.Where(x => x.Id == n.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseUntil, retry).SetProperty(x => x.LastError, error), ct);
            }
        }

        return sent;
    }

    /// <summary>The citizen's new in-app messages; each is returned once and then marked shown.</summary>
    public async Task<List<Notification>> TakeUnshownAsync(Guid citizenId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var fresh = await db.Notifications.AsNoTracking()
            .Where(n => n.CitizenId == citizenId && n.Channel == "in_app" && n.SentAt != null && n.ShownAt == null)
            .OrderBy(n => n.CreatedAt).ToListAsync(ct);
        var shown = new List<Notification>();
        foreach (var n in fresh)
        {
            // Two tabs opening at once: only the one that marks it shows it.
            if (await db.Notifications.Where(x => x.Id == n.Id && x.ShownAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ShownAt, now), ct) == 1)
            {
                shown.Add(n);
            }
        }

        return shown;
    }
}

/// <summary>The text of a message to the applicant, in their language.</summary>
public static class NotificationText
{
    public static string Format(Notification n, string culture)
    {
        var zh = culture.StartsWith("zh", StringComparison.Ordinal);
        var what = Text.In($"event.{n.Kind}", english: !zh);
        var note = string.IsNullOrWhiteSpace(n.Note) ? "" : (zh ? "：" : ": ") + n.Note;
        return zh
            ? $"【法治平台】您的办件 {n.Number}（{n.ItemName}）{what}{note}。"
            : $"[Fazhi] Your application {n.Number} ({n.ItemName}): {what}{note}.";
    }
}

/// <summary>Sends the outbox every few seconds.</summary>
public sealed class NotificationDispatchService(IServiceScopeFactory scopes, TimeProvider time, ILogger<NotificationDispatchService> log)
    : PeriodicWork(scopes, time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(5);

    protected override Task RunAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<NotificationDispatcher>().DispatchAsync(ct: ct);
}
