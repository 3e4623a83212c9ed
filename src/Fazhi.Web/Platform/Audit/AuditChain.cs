using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Fazhi.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fazhi.Web.Platform.Audit;

/// <summary>A change seen in the change tracker, before it is numbered and hashed.</summary>
internal sealed record AuditDraft(object Entity, string EntityType, string EntityId, Guid? RecordId, string Action, string? Before, string? After);

/// <summary>Turns tracked changes into audit drafts.</summary>
internal static class AuditCapture
{
    // Secrets and bookkeeping that must not be copied into a readable log.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "RowVersion", "NormalizedUserName", "NormalizedEmail", "NormalizedName",
    };

    internal static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static List<AuditDraft> Capture(ChangeTracker tracker)
    {
        var drafts = new List<AuditDraft>();
        foreach (var entry in tracker.Entries())
        {
            // Bookkeeping copies (the deadline register, the alerts it raises) are not changes of a record.
            if (entry.Entity is AuditEntry or AuditHead or SignedHead or LoginLogEntry or Deadlines.RegisteredDeadline or Deadlines.DeadlineAlert or Cases.IdempotencyKey or Lists.SearchRow
                || entry.Metadata.IsOwned())
            {
                continue;
            }

            var table = entry.Metadata.GetTableName() ?? entry.Metadata.ClrType.Name;
            var key = string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
            Guid? record = entry.Entity switch
            {
                Cases.ICase c => c.Id,
                Cases.ICasePart part => part.CaseId,
                _ => null,
            };
            switch (entry.State)
            {
                case EntityState.Added:
                    drafts.Add(new AuditDraft(entry.Entity, table, key, record, "create", null, Serialize(entry, p => true, original: false)));
                    break;
                case EntityState.Deleted:
                    drafts.Add(new AuditDraft(entry.Entity, table, key, record, "delete", Serialize(entry, p => true, original: true), null));
                    break;
                case EntityState.Modified:
                    bool Changed(PropertyEntry p) => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue);
                    var after = Serialize(entry, Changed, original: false);
                    if (after != "{}")
                    {
                        drafts.Add(new AuditDraft(entry.Entity, table, key, record, "update", Serialize(entry, Changed, original: true), after));
                    }

                    break;
                default:
                    break;
            }
        }

        return drafts;
    }

    private static string Serialize(EntityEntry entry, Func<PropertyEntry, bool> include, bool original)
    {
        var values = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        foreach (var p in entry.Properties)
        {
            if (Hidden.Contains(p.Metadata.Name) || !include(p) || Privacy.PersonalDataMapping.IndexKindOf(p.Metadata) is not null)
            {
                continue;
            }

            var value = original ? p.OriginalValue : p.CurrentValue;
            // Personal data is recorded masked: the record says that it changed, never what it is.
            values[p.Metadata.Name] = Privacy.PersonalDataMapping.PersonalKindOf(p.Metadata) is { } kind && value is string clear
                ? Privacy.PersonalDataProtector.Mask(kind, clear)
                : Format(value);
        }

        return JsonSerializer.Serialize(values, Json);
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        System.Collections.IEnumerable => JsonSerializer.Serialize(value, Data.JsonColumn.Options),
        _ => value.ToString(),
    };
}

/// <summary>Numbering and hashing of audit entries.</summary>
public static class AuditChain
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>PostgreSQL keeps microseconds; the hash must cover what the database gives back.</summary>
    public static DateTime Truncate(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);

    internal static AuditEntry Append(AuditHead head, AuditDraft draft, IAuditActor actor, DateTime at)
    {
        var entry = new AuditEntry
        {
            Sequence = head.LastSequence + 1,
            At = at,
            ActorId = actor.UserId,
            ActorName = actor.UserName,
            Ip = actor.Ip,
            EntityType = draft.EntityType,
            EntityId = draft.EntityId,
            RecordId = draft.RecordId,
            Action = draft.Action,
            Before = draft.Before,
            After = draft.After,
            PreviousHash = head.LastHash,
        };
        entry.Hash = ComputeHash(entry);
        head.LastSequence = entry.Sequence;
        head.LastHash = entry.Hash;
        return entry;
    }

    public static string ComputeHash(AuditEntry e)
    {
        // Each field is length-prefixed so that moving text from one field to the next changes the hash.
        var sb = new StringBuilder();
        void Add(string? v) => sb.Append(v?.Length ?? -1).Append(':').Append(v).Append('|');
        Add(e.Sequence.ToString(CultureInfo.InvariantCulture));
        Add(e.At.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture));
        Add(e.ActorId?.ToString());
        Add(e.ActorName);
        Add(e.Ip);
        Add(e.EntityType);
        Add(e.EntityId);
        Add(e.Action);
        Add(e.Before);
        Add(e.After);
        Add(e.PreviousHash);
        // Entries written before cases were filed under their record carry none; their hashes stay as they were.
        if (e.RecordId is { } record)
        {
            Add(record.ToString());
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }
}
