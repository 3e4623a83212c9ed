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

public sealed record AlertRow(Guid ApplicationId, string Number, string ItemName, string? StageName, Guid DepartmentId, WarningLevel Level, DateOnly DueDate, DateTime RaisedAt);

/// <summary>The one-door line's part of the platform's alert list, as its department and the supervisors see it, newest first.</summary>
public sealed class AlertService(FazhiDbContext db, AlertList alerts)
{
    public async Task<Paged<AlertRow>> ListAsync(int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var mine = await alerts.FilteredAsync(new AlertFilter(Module: ServicesModule.ModuleName), ct);
        return await mine.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Level).ToPageAsync(
            rows => rows.Join(db.Applications, a => a.RecordId, x => x.Id, (a, x) => new { a, x })
                .OrderByDescending(j => j.a.RaisedAt).ThenByDescending(j => j.a.Level)
                .Select(j => new AlertRow(j.a.RecordId, j.x.Number, j.x.ItemName, j.a.Label, j.a.DepartmentId, j.a.Level, j.a.DueDate, j.a.RaisedAt)),
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
