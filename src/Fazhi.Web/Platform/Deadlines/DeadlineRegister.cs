using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Deadlines;

/// <summary>One running clock of a record, as its module declares it.</summary>
/// <param name="Kind">A kind the module declares, e.g. <c>services.stage</c>.</param>
/// <param name="SubjectId">What the clock belongs to: the record itself or one of its parts (a stage task).</param>
/// <param name="DepartmentId">The department that must act in time; it gets the alerts.</param>
/// <param name="Title">How people know the record, e.g. its number and item; no personal data.</param>
/// <param name="Label">Which of the record's clocks, e.g. the stage's name; null for the record's main limit.</param>
/// <param name="Link">Where the record opens, e.g. <c>/review/{id}</c>.</param>
public sealed record Deadline(string Kind, Guid SubjectId, DeadlineClock Clock, Guid DepartmentId, string Title, string? Label, string Link);

/// <summary>
/// A record with statutory clocks. The platform keeps the one deadline register in step with it
/// whenever the record is saved: a clock that appears is registered, one that moves is updated, and
/// one the record no longer declares (decided, closed) leaves the register.
/// </summary>
public interface IHasDeadlines
{
    /// <summary>The record's id: every deadline it declares is registered under it.</summary>
    Guid RecordId { get; }

    /// <summary>The clocks running now (paused ones included).</summary>
    IEnumerable<Deadline> Deadlines { get; }
}

/// <summary>
/// A row of the deadline register: a copy of one module clock that the one monitor reads. The row
/// also carries the day its next alert falls due (the yellow day, then the day after the due date).
/// </summary>
public sealed class RegisteredDeadline
{
    public Guid SubjectId { get; set; }

    public string Kind { get; set; } = "";

    /// <summary>The module the kind belongs to (the part of the kind before the dot).</summary>
    public string Module { get; set; } = "";

    public Guid RecordId { get; set; }

    public Guid DepartmentId { get; set; }

    public string Title { get; set; } = "";

    public string? Label { get; set; }

    public string Link { get; set; } = "";

    public DeadlineUnit Unit { get; set; }

    public int Allowance { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly DueDate { get; set; }

    public DateOnly YellowFrom { get; set; }

    public bool Paused { get; set; }

    /// <summary>The day the monitor next has something to raise; null while paused and once red was raised.</summary>
    public DateOnly? NextAlertOn { get; set; }

    internal static string ModuleOf(string kind) => kind.Split('.', 2)[0];
}

/// <summary>
/// A warning raised by the monitor (预警 / 超期), addressed to a department and seen by supervisors. One row
/// per subject, kind, level and due date: the key itself makes a second alert for the same change
/// impossible, also when two server processes run the monitor at once.
/// </summary>
public sealed class DeadlineAlert
{
    public Guid SubjectId { get; set; }

    public string Kind { get; set; } = "";

    public WarningLevel Level { get; set; }

    public DateOnly DueDate { get; set; }

    public string Module { get; set; } = "";

    public Guid RecordId { get; set; }

    public Guid DepartmentId { get; set; }

    public string Title { get; set; } = "";

    public string? Label { get; set; }

    public string Link { get; set; } = "";

    public DateTime RaisedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}

/// <summary>Keeps the register in step with the records being saved; called from <see cref="FazhiDbContext"/>'s save.</summary>
internal static class DeadlineRegisterSync
{
    public static async Task SyncAsync(FazhiDbContext db, CancellationToken ct)
    {
        var owners = db.ChangeTracker.Entries<IHasDeadlines>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (owners.Count == 0)
        {
            return;
        }

        // A record new in this save has nothing registered yet; only changed or deleted ones are read back.
        var known = owners.Where(e => e.State != EntityState.Added).Select(e => e.Entity.RecordId).ToList();
        var existing = known.Count == 0
            ? []
            : await db.Set<RegisteredDeadline>().Where(r => known.Contains(r.RecordId)).ToListAsync(ct);
        var byKey = existing.ToDictionary(r => (r.SubjectId, r.Kind));
        var wanted = new HashSet<(Guid, string)>();
        foreach (var owner in owners.Where(e => e.State != EntityState.Deleted))
        {
            foreach (var d in owner.Entity.Deadlines)
            {
                wanted.Add((d.SubjectId, d.Kind));
                if (byKey.TryGetValue((d.SubjectId, d.Kind), out var row))
                {
                    Update(db, row, owner.Entity.RecordId, d);
                }
                else
                {
                    var added = new RegisteredDeadline { SubjectId = d.SubjectId, Kind = d.Kind, Module = RegisteredDeadline.ModuleOf(d.Kind) };
                    Copy(added, owner.Entity.RecordId, d);
                    added.NextAlertOn = d.Clock.IsPaused ? null : d.Clock.YellowFrom;
                    db.Add(added);
                }
            }
        }

        foreach (var gone in existing.Where(r => !wanted.Contains((r.SubjectId, r.Kind))))
        {
            db.Remove(gone);
        }
    }

    private static void Update(FazhiDbContext db, RegisteredDeadline row, Guid recordId, Deadline d)
    {
        var moved = row.DueDate != d.Clock.DueDate || row.YellowFrom != d.Clock.YellowFrom || row.Paused != d.Clock.IsPaused;
        var before = (row.DepartmentId, row.Title, row.Label, row.Link, row.Allowance, row.StartedOn, row.Unit);
        Copy(row, recordId, d);
        if (moved)
        {
            // A clock that moved is watched again from its (new) yellow day; alerts already raised for
            // the same level and due date stay single through the alert's key.
            row.NextAlertOn = d.Clock.IsPaused ? null : d.Clock.YellowFrom;
        }

        if (moved || before != (row.DepartmentId, row.Title, row.Label, row.Link, row.Allowance, row.StartedOn, row.Unit))
        {
            // Changes are detected once per save, before this runs.
            db.Entry(row).DetectChanges();
        }
    }

    private static void Copy(RegisteredDeadline row, Guid recordId, Deadline d)
    {
        row.RecordId = recordId;
        row.DepartmentId = d.DepartmentId;
        row.Title = d.Title.Length > 200 ? d.Title[..200] : d.Title;
        row.Label = d.Label;
        row.Link = d.Link;
        row.Unit = d.Clock.Unit;
        row.Allowance = d.Clock.Allowance;
        row.StartedOn = d.Clock.StartedOn;
        row.DueDate = d.Clock.DueDate;
        row.YellowFrom = d.Clock.YellowFrom;
        row.Paused = d.Clock.IsPaused;
    }
}

internal sealed class RegisteredDeadlineConfiguration : IEntityTypeConfiguration<RegisteredDeadline>
{
    public void Configure(EntityTypeBuilder<RegisteredDeadline> b)
    {
        b.ToTable("sys_deadlines");
        b.HasKey(e => new { e.SubjectId, e.Kind });
        b.Property(e => e.Kind).HasMaxLength(60);
        b.Property(e => e.Module).HasMaxLength(30);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Label).HasMaxLength(100);
        b.Property(e => e.Link).HasMaxLength(200);
        // The monitor: running clocks whose next alert day has come.
        b.HasIndex(e => new { e.Paused, e.NextAlertOn });
        b.HasIndex(e => e.RecordId);
        b.HasIndex(e => new { e.DepartmentId, e.DueDate });
    }
}

internal sealed class DeadlineAlertConfiguration : IEntityTypeConfiguration<DeadlineAlert>
{
    public void Configure(EntityTypeBuilder<DeadlineAlert> b)
    {
        b.ToTable("sys_deadline_alerts");
        b.HasKey(e => new { e.SubjectId, e.Kind, e.Level, e.DueDate });
        b.Property(e => e.Kind).HasMaxLength(60);
        b.Property(e => e.Module).HasMaxLength(30);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Label).HasMaxLength(100);
        b.Property(e => e.Link).HasMaxLength(200);
        // Two indexes only: every alert the monitor raises writes each of them. The list reads newest
        // first for a department, or for everyone (supervisors); a module filter rides on either.
        b.HasIndex(e => new { e.DepartmentId, e.RaisedAt });
        b.HasIndex(e => e.RaisedAt);
    }
}
