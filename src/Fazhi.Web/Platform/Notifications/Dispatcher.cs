using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Notifications;

/// <summary>A way to reach a person. A deployment replaces <see cref="LogSmsChannel"/> with its SMS gateway.</summary>
public interface INotificationChannel
{
    string Name { get; }

    Task SendAsync(OutboxMessage message, string text, CancellationToken ct);
}

/// <summary>In-app messages are read from the outbox by the person's pages; sending only makes them visible.</summary>
public sealed class InAppChannel : INotificationChannel
{
    public string Name => Channels.InApp;

    public Task SendAsync(OutboxMessage message, string text, CancellationToken ct) => Task.CompletedTask;
}

/// <summary>The default SMS channel: writes the message to the log, with the number masked, instead of a gateway.</summary>
public sealed class LogSmsChannel(ILogger<LogSmsChannel> log) : INotificationChannel
{
    public string Name => Channels.Sms;

    public Task SendAsync(OutboxMessage message, string text, CancellationToken ct)
    {
        log.LogInformation("SMS to {Phone}: {Text}", Masking.Phone(message.Recipient), text);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Sends what the outbox holds, at least once: a message is claimed for a while, sent, then marked sent.
/// A crash between sending and marking sends it again after the claim runs out; a failed send is retried
/// after a pause that grows with the attempts.
/// </summary>
public sealed class NotificationDispatcher(FazhiDbContext db, IEnumerable<INotificationChannel> channels, TimeProvider time)
{
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(2);

    public async Task<int> DispatchAsync(int max = 100, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var outbox = db.Set<OutboxMessage>();
        var due = await outbox.AsNoTracking()
            .Where(n => n.SentAt == null && (n.LeaseUntil == null || n.LeaseUntil < now))
            .OrderBy(n => n.CreatedAt).Take(max).ToListAsync(ct);
        var sent = 0;
        foreach (var n in due)
        {
            // Claim it; another process that read the same row finds the claim taken and moves on.
            var until = now + Claim;
            var claimed = await outbox
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

                await channel.SendAsync(n, MessageText.Render(n), ct);
                await outbox.Where(x => x.Id == n.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.SentAt, now).SetProperty(x => x.LeaseUntil, (DateTime?)null).SetProperty(x => x.LastError, (string?)null), ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                var retry = now + TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, n.Attempts)));
                var error = e.Message.Length > 1000 ? e.Message[..1000] : e.Message;
                await outbox.Where(x => x.Id == n.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(x => x.LeaseUntil, retry).SetProperty(x => x.LastError, error), ct);
            }
        }

        return sent;
    }

    /// <summary>An account's new in-app messages; each is returned once and then marked shown.</summary>
    public async Task<List<OutboxMessage>> TakeUnshownAsync(Guid accountId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var outbox = db.Set<OutboxMessage>();
        var fresh = await outbox.AsNoTracking()
            .Where(n => n.AccountId == accountId && n.Channel == Channels.InApp && n.SentAt != null && n.ShownAt == null)
            .OrderBy(n => n.CreatedAt).ToListAsync(ct);
        var shown = new List<OutboxMessage>();
        foreach (var n in fresh)
        {
            // Two tabs opening at once: only the one that marks it shows it.
            if (await outbox.Where(x => x.Id == n.Id && x.ShownAt == null).ExecuteUpdateAsync(s => s.SetProperty(x => x.ShownAt, now), ct) == 1)
            {
                shown.Add(n);
            }
        }

        return shown;
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
