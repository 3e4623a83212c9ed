using System.Collections.Frozen;
using System.Text;
using System.Text.Json;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Notifications;

/// <summary>The ways the platform reaches a person. A deployment adds its own channel by name (an SMS gateway, e-mail).</summary>
public static class Channels
{
    /// <summary>Shown once on the person's own pages (an online applicant's account).</summary>
    public const string InApp = "in_app";

    public const string Sms = "sms";
}

/// <summary>
/// 消息: one message to a person, written in the transaction of the change it reports (outbox) and sent
/// afterwards through its channel. Sending is retried until it succeeds (at least once); an in-app message
/// is shown once. Its text is the module's template filled with <see cref="Values"/> in the message's language.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; }

    public string Module { get; set; } = "";

    /// <summary>The template's key, e.g. <c>services.suspended</c>.</summary>
    public string Template { get; set; } = "";

    public string Channel { get; set; } = "";

    /// <summary>Where an SMS goes: a phone number (personal data, encrypted at rest).</summary>
    public string? Recipient { get; set; }

    /// <summary>Whose pages an in-app message shows on (a citizen account).</summary>
    public Guid? AccountId { get; set; }

    /// <summary>The record the message is about, e.g. the application.</summary>
    public Guid? RecordId { get; set; }

    /// <summary>The template's values, as JSON.</summary>
    public string Values { get; set; } = "{}";

    /// <summary>zh-CN or en: the recipient's language.</summary>
    public string Culture { get; set; } = "zh-CN";

    public DateTime CreatedAt { get; set; }

    public DateTime? SentAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>A sender has claimed the message until then; another process leaves it alone meanwhile.</summary>
    public DateTime? LeaseUntil { get; set; }

    public string? LastError { get; set; }

    public DateTime? ShownAt { get; set; }

    public IReadOnlyDictionary<string, string> ValueMap =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Values) ?? [];
}

/// <summary>What a module asks to send; <see cref="Outbox.Add"/> writes it with the change.</summary>
public sealed record Message(
    string Template, string Channel, IReadOnlyDictionary<string, string?> Values, DateTime At,
    string? Recipient = null, Guid? AccountId = null, Guid? RecordId = null, string Culture = "zh-CN");

/// <summary>The one outbox of every module.</summary>
public static class Outbox
{
    /// <summary>Adds the message to the context: it is saved, or not, with the change that caused it.</summary>
    public static OutboxMessage Add(FazhiDbContext db, Message m)
    {
        if (MessageText.Find(m.Template) is null)
        {
            throw new InvalidOperationException($"No module declares the message template '{m.Template}'.");
        }

        var row = new OutboxMessage
        {
            Id = Guid.CreateVersion7(),
            Module = m.Template.Split('.', 2)[0],
            Template = m.Template,
            Channel = m.Channel,
            Recipient = m.Recipient,
            AccountId = m.AccountId,
            RecordId = m.RecordId,
            Values = JsonSerializer.Serialize(m.Values.Where(v => v.Value is not null).ToDictionary(v => v.Key, v => v.Value)),
            Culture = m.Culture,
            CreatedAt = m.At,
        };
        db.Set<OutboxMessage>().Add(row);
        return row;
    }
}

/// <summary>
/// Fills the modules' templates. <c>{name}</c> is replaced by a value; <c>{prefix|name}</c> writes the
/// prefix and the value only when the value is not empty (a reason after a colon, say).
/// </summary>
public static class MessageText
{
    private static readonly Lazy<FrozenDictionary<string, MessageTemplate>> Templates = new(() =>
        ModuleCatalog.All.SelectMany(m => m.MessageTemplates).ToFrozenDictionary(t => t.Key, StringComparer.Ordinal));

    public static MessageTemplate? Find(string key) => Templates.Value.GetValueOrDefault(key);

    public static IEnumerable<MessageTemplate> All => Templates.Value.Values;

    public static string Render(OutboxMessage message, string? culture = null) =>
        Render(message.Template, message.ValueMap, culture ?? message.Culture);

    public static string Render(string template, IReadOnlyDictionary<string, string> values, string culture)
    {
        var t = Find(template) ?? throw new InvalidOperationException($"No module declares the message template '{template}'.");
        var text = culture.StartsWith("zh", StringComparison.Ordinal) ? t.Zh : t.En;
        var sb = new StringBuilder(text.Length + 64);
        for (var i = 0; i < text.Length; i++)
        {
            var close = text[i] == '{' ? text.IndexOf('}', i) : -1;
            if (close < 0)
            {
                sb.Append(text[i]);
                continue;
            }

            var slot = text[(i + 1)..close];
            var bar = slot.IndexOf('|', StringComparison.Ordinal);
            var name = bar < 0 ? slot : slot[(bar + 1)..];
            if (values.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value))
            {
                sb.Append(bar < 0 ? "" : slot[..bar]).Append(value);
            }

            i = close;
        }

        return sb.ToString();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.ToTable("sys_outbox");
        b.HasKey(e => e.Id);
        b.Property(e => e.Module).HasMaxLength(30);
        b.Property(e => e.Template).HasMaxLength(80);
        b.Property(e => e.Channel).HasMaxLength(20);
        b.Property(e => e.Recipient).IsPersonal(PersonalKind.Phone);
        b.Property(e => e.Values).HasMaxLength(8000);
        b.Property(e => e.Culture).HasMaxLength(10);
        b.Property(e => e.LastError).HasMaxLength(1000);
        b.Ignore(e => e.ValueMap);
        b.HasIndex(e => new { e.SentAt, e.CreatedAt });
        b.HasIndex(e => new { e.AccountId, e.CreatedAt });
        b.HasIndex(e => e.RecordId);
    }
}
