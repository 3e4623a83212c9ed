using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Fazhi.Web.Platform.Cases;

/// <summary>A row that belongs to one case (a party, a session, a step): the audit record files its changes under the case.</summary>
public interface ICasePart
{
    Guid CaseId { get; }
}

/// <summary>
/// One step of a case's record (an application's timeline, an enforcement case's full-process record, a mediation case's
/// minutes): append-only, numbered from 1, and chained. When a step is saved the platform sets its hash over every field
/// of its row and the hash of the step before it, so a changed, inserted or removed step shows (<see cref="RecordCheck"/>);
/// the audit entry that records the step carries the hash too, and the audit chain's heads are signed daily, so a removed
/// last step shows as well. A module derives its step type from this and adds its own fields, which the hash covers.
/// </summary>
public abstract class CaseStep : ICasePart
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>1, 2, 3 … within the case: how many steps a page showed is what it sends back as <c>seenEvents</c>.</summary>
    public int Sequence { get; set; }

    public DateTime At { get; set; }

    /// <summary>What happened, as a stable code (registered, consent, decided …): the UI names it.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The account that acted (user name), or <c>system</c>.</summary>
    public string Actor { get; set; } = "";

    /// <summary>The actor's name when they acted.</summary>
    public string? ActorName { get; set; }

    public string? Note { get; set; }

    /// <summary>The previous step's hash; empty for the first.</summary>
    public string PreviousHash { get; set; } = "";

    /// <summary>SHA-256 over this row's fields and the previous hash; empty on steps written before the record was chained.</summary>
    public string Hash { get; set; } = "";

    /// <summary>How the record and a 409 name who acted: 王建华（supervisor）.</summary>
    public string ActorLabel => Cases.Actor.Describe(Actor, ActorName);

    /// <summary>Fills the common fields of a new step; the module adds its own before it is saved.</summary>
    public static T New<T>(Guid caseId, int sequence, string kind, Actor by, Localization.RecordNote note)
        where T : CaseStep, new() => new()
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, Sequence = sequence, At = by.Now, Kind = kind, Actor = by.UserName,
            ActorName = by.Name == by.UserName ? null : by.Name, Note = note.Value,
        };
}

/// <summary>One step of a case's record as the API shows it: who acted is named with their account.</summary>
public sealed record RecordStepView(int Sequence, DateTime At, string Kind, string Actor, string? Note)
{
    public static RecordStepView Of(CaseStep s) => new(s.Sequence, s.At, s.Kind, s.ActorLabel, Localization.StepNote.Render(s.Note));
}

/// <summary>Chains the steps a save adds (called from the context's save, so no module can forget it) and checks a record.</summary>
public static class RecordChain
{
    /// <summary>Sets <see cref="CaseStep.PreviousHash"/> and <see cref="CaseStep.Hash"/> on every step this save adds.</summary>
    internal static void Chain(DbContext db)
    {
        List<EntityEntry<CaseStep>>? added = null;
        foreach (var e in db.ChangeTracker.Entries<CaseStep>())
        {
            if (e.State == EntityState.Added)
            {
                (added ??= []).Add(e);
            }
        }

        if (added is null)
        {
            return;
        }

        // The steps of one case, in order; the step before the first new one is the case's last step, loaded with it.
        foreach (var group in added.GroupBy(e => (e.Entity.GetType(), e.Entity.CaseId)))
        {
            var steps = group.OrderBy(e => e.Entity.Sequence).ToList();
            var first = steps[0].Entity;
            var previous = first.Sequence <= 1
                ? ""
                : db.ChangeTracker.Entries<CaseStep>().FirstOrDefault(e => e.State != EntityState.Added && e.Entity.GetType() == first.GetType()
                    && e.Entity.CaseId == first.CaseId && e.Entity.Sequence == first.Sequence - 1)?.Entity.Hash
                  ?? throw new InvalidOperationException($"Step {first.Sequence} of case {first.CaseId} is appended without the record it follows: load the case's steps first.");
            foreach (var e in steps)
            {
                var step = e.Entity;
                // The hash covers what the database gives back: PostgreSQL keeps microseconds.
                step.At = Audit.AuditChain.Truncate(step.At);
                step.PreviousHash = previous;
                step.Hash = HashOf(e);
                previous = step.Hash;
            }
        }
    }

    /// <summary>SHA-256 over every mapped field of the step's row but the hash itself, by column name, each length-prefixed.</summary>
    public static string HashOf(EntityEntry entry)
    {
        var sb = new StringBuilder();
        foreach (var p in entry.Metadata.GetProperties().Where(p => p.Name != nameof(CaseStep.Hash)).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            var v = Format(entry.Property(p.Name).CurrentValue);
            sb.Append(p.Name).Append('=').Append(v?.Length ?? -1).Append(':').Append(v).Append('|');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())));
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateTime d => Audit.AuditChain.Truncate(d.Kind == DateTimeKind.Utc ? d : DateTime.SpecifyKind(d, DateTimeKind.Utc)).ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        // 200 and 200.00 are one amount, whatever scale the database gives back.
        decimal m => m.ToString("0.############################", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        string s => s,
        _ => value.ToString(),
    };

    /// <summary>
    /// Walks a case's steps as loaded (decrypted, in order): each follows the one before it and its hash matches its row.
    /// Steps written before the record was chained (no hash) are accepted only at its start.
    /// </summary>
    public static RecordWalk Walk<T>(DbContext db, IReadOnlyList<T> steps)
        where T : CaseStep
    {
        var previous = "";
        var legacy = 0;
        var expected = 1;
        foreach (var s in steps.OrderBy(s => s.Sequence))
        {
            if (s.Sequence != expected)
            {
                return new RecordWalk(steps.Count, legacy, expected, "missing");
            }

            if (s.Hash.Length == 0)
            {
                if (previous.Length > 0)
                {
                    return new RecordWalk(steps.Count, legacy, s.Sequence, "altered");
                }

                legacy++;
            }
            else if (s.PreviousHash != previous || HashOf(db.Entry(s)) != s.Hash)
            {
                return new RecordWalk(steps.Count, legacy, s.Sequence, s.PreviousHash != previous ? "link" : "altered");
            }

            previous = s.Hash;
            expected++;
        }

        return new RecordWalk(steps.Count, legacy, null, null);
    }
}

/// <summary>How a module maps its step type: the common columns, one step number per case, and the note as a person's story.</summary>
public static class CaseStepMapping
{
    /// <summary>
    /// Maps the common columns of a record's steps. <paramref name="personalNote"/>: the note may tell a person's story
    /// (a statement, a reason), so it is encrypted at rest and masked in the audit record.
    /// </summary>
    public static Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> Steps<T>(this Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<T> b, bool personalNote = true)
        where T : CaseStep
    {
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Kind).HasMaxLength(40);
        b.Property(e => e.Actor).HasMaxLength(100);
        b.Property(e => e.ActorName).HasMaxLength(100);
        if (personalNote)
        {
            b.Property(e => e.Note).IsPersonal(Privacy.PersonalKind.Text);
        }
        else
        {
            b.Property(e => e.Note).HasMaxLength(2000);
        }

        // Rows written before the record was chained, and by tools that load data in bulk, carry no hash.
        b.Property(e => e.PreviousHash).HasMaxLength(64).HasDefaultValue("");
        b.Property(e => e.Hash).HasMaxLength(64).HasDefaultValue("");
        b.Ignore(e => e.ActorLabel);
        b.HasIndex(e => new { e.CaseId, e.Sequence }).IsUnique();
        return b;
    }
}

/// <summary>What walking a record found: how many steps, how many from before the chain, and the first broken one.</summary>
public sealed record RecordWalk(int Steps, int Unchained, int? BrokenAt, string? Problem);
