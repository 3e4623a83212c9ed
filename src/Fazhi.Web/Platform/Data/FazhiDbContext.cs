using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Identity;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Privacy;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Fazhi.Web.Platform.Data;

/// <summary>
/// The one context of the platform. Each module configures its own tables (prefixed by module) in
/// its <c>Data/</c> folder. Saving appends every change to the hash-chained audit record in the same
/// transaction, so a change without its audit entry cannot be committed.
/// </summary>
public abstract class FazhiDbContext : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>, Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    private readonly IAuditActor _actor;
    private readonly TimeProvider _time;

    protected FazhiDbContext(DbContextOptions options, IAuditActor actor, TimeProvider time, PersonalDataProtector protector)
        : base(options)
    {
        _actor = actor;
        _time = time;
        Protector = protector;
    }

    /// <summary>Encrypts personal data on its way into the database and decrypts it on its way out.</summary>
    public PersonalDataProtector Protector { get; }

    public DbSet<OrgNode> OrgNodes => Set<OrgNode>();

    public DbSet<Window> Windows => Set<Window>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<AuditHead> AuditHeads => Set<AuditHead>();

    /// <summary>The keys of sign-in cookies and bearer tokens, shared by every server process (<see cref="Identity.SharedKeys"/>).</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<LoginLogEntry> LoginLog => Set<LoginLogEntry>();

    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();

    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();

    public abstract DatabaseProvider Provider { get; }

    private Dictionary<object, IAuditActor>? _actors;

    private ISaveObserver[]? _observers;

    private List<Action>? _afterCommit;

    private WriteTransaction? _write;

    // The application's services are reached through the options (contexts made by dependency injection);
    // a context made at design time has none and tells no observer.
    private ISaveObserver[] Observers => _observers ??=
        this.GetService<Microsoft.EntityFrameworkCore.Infrastructure.IDbContextOptions>()
            .FindExtension<Microsoft.EntityFrameworkCore.Infrastructure.CoreOptionsExtension>()?.ApplicationServiceProvider?
            .GetService<IEnumerable<ISaveObserver>>()?.ToArray() ?? [];

    private void TellObservers()
    {
        foreach (var observer in Observers)
        {
            if (observer.Saving(this) is { } after)
            {
                (_afterCommit ??= []).Add(after);
            }
        }
    }

    /// <summary>Runs the observers' actions once the changes are committed (no write transaction left open).</summary>
    private void Committed(bool outerCommitted = false)
    {
        if (_afterCommit is null || (!outerCommitted && _write is not null))
        {
            return;
        }

        var actions = _afterCommit;
        _afterCommit = null;
        foreach (var action in actions)
        {
            action();
        }
    }

    /// <summary>
    /// Records the given entities' changes in the audit record under <paramref name="actor"/> rather than
    /// the context's own actor: one save that writes the work of several requests (group commit)
    /// still names who did each part.
    /// </summary>
    public void AuditAs(IAuditActor actor, IEnumerable<object> entities)
    {
        _actors ??= new Dictionary<object, IAuditActor>(ReferenceEqualityComparer.Instance);
        foreach (var e in entities)
        {
            _actors[e] = actor;
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<StaffUser>().ToTable("org_staff");
        builder.Entity<IdentityRole<Guid>>().ToTable("id_roles");
        builder.Entity<IdentityUserRole<Guid>>().ToTable("id_user_roles");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("id_user_claims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("id_user_logins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("id_user_tokens");
        builder.Entity<IdentityRoleClaim<Guid>>().ToTable("id_role_claims");
        builder.Entity<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>().ToTable("sys_dp_keys");
        builder.Entity<StaffUser>().Property(u => u.PhoneNumber).IsPersonal(PersonalKind.Phone);
        // The platform and each module apply their own entity configurations.
        foreach (var module in ModuleCatalog.All)
        {
            module.ConfigureModel(builder);
        }

        // Personal data is encrypted at rest, whatever module declared it.
        PersonalDataMapping.ApplyConverters(builder, Protector);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.RowVersion)).IsConcurrencyToken();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every instant is stored in UTC and read back as UTC on both databases.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Changes are detected once here; the bookkeeping below tells EF what it changes itself.
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            return await SaveDetectedChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private async Task<int> SaveDetectedChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
        {
            entry.Property(e => e.RowVersion).CurrentValue = Guid.NewGuid();
        }

        await Deadlines.DeadlineRegisterSync.SyncAsync(this, cancellationToken);
        await Lists.SearchIndexSync.SyncAsync(this, cancellationToken);
        Cases.RecordChain.Chain(this);
        var drafts = AuditCapture.Capture(ChangeTracker);
        TellObservers();
        if (drafts.Count == 0)
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            Committed();
            return written;
        }

        // The records' own rows are written first, then the chain's turn is taken and the entries appended, all in one
        // transaction: a change without its audit entry is never committed, and the turn (every writer of the town waits for
        // it) is held for one read of the head and one command, not for the records' own statements.
        var ownTransaction = Database.CurrentTransaction is null;
        await using var transaction = ownTransaction ? await BeginWriteAsync(cancellationToken) : null;
        int count;
        var savepoints = Database.AutoSavepointsEnabled;
        try
        {
            // A savepoint would let a caller go on in its transaction after a failed save; in our own transaction a failure
            // rolls everything back anyway, so the two extra statements are saved.
            Database.AutoSavepointsEnabled = savepoints && !ownTransaction;
            count = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, cancellationToken);
        }
        finally
        {
            Database.AutoSavepointsEnabled = savepoints;
        }

        var (head, exists) = await AuditHeadRow.LockAsync(this, cancellationToken);
        var now = AuditChain.Truncate(_time.GetUtcNow().UtcDateTime);
        var entries = new List<AuditEntry>(drafts.Count);
        foreach (var draft in drafts)
        {
            var actor = _actors is not null && _actors.TryGetValue(draft.Entity, out var a) ? a : _actor;
            entries.Add(AuditChain.Append(head, draft, actor, now));
        }

        await AuditHeadRow.AppendAsync(this, entries, head, exists, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        // Until here a failure leaves the changes tracked as they were, so a retry captures and chains them again.
        if (acceptAllChangesOnSuccess)
        {
            ChangeTracker.AcceptAllChanges();
        }

        if (transaction is null)
        {
            Committed();
        }

        return count + entries.Count;
    }

    // SQLite has one writer at a time. Queuing writers here hands the lock over at once, where
    // SQLite's own busy handler would make them sleep and poll.
    private static readonly SemaphoreSlim SqliteWriter = new(1, 1);

    /// <summary>
    /// Begins a write transaction. Every explicit transaction goes through here, so that on SQLite
    /// the writers of this process take turns instead of polling the file lock.
    /// </summary>
    public async Task<WriteTransaction> BeginWriteAsync(CancellationToken cancellationToken = default)
    {
        var gate = Provider == DatabaseProvider.Sqlite ? SqliteWriter : null;
        if (gate is not null)
        {
            await gate.WaitAsync(cancellationToken);
        }

        try
        {
            var write = new WriteTransaction(await Database.BeginTransactionAsync(cancellationToken), gate, this);
            _write = write;
            return write;
        }
        catch
        {
            gate?.Release();
            throw;
        }
    }

    /// <summary>The write transaction ended: committed (the observers' actions run) or not (they are dropped).</summary>
    internal void WriteEnded(WriteTransaction write, bool committed)
    {
        if (!ReferenceEquals(_write, write))
        {
            return;
        }

        _write = null;
        if (committed)
        {
            Committed(outerCommitted: true);
        }
        else
        {
            _afterCommit = null;
        }
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteFazhiDbContext(DbContextOptions<SqliteFazhiDbContext> options, IAuditActor actor, TimeProvider time, PersonalDataProtector protector)
    : FazhiDbContext(options, actor, time, protector)
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgresFazhiDbContext(DbContextOptions<PostgresFazhiDbContext> options, IAuditActor actor, TimeProvider time, PersonalDataProtector protector)
    : FazhiDbContext(options, actor, time, protector)
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
}

/// <summary>A database transaction that also holds this process's SQLite writer turn until disposed.</summary>
public sealed class WriteTransaction(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, SemaphoreSlim? gate, FazhiDbContext db) : IAsyncDisposable
{
    private SemaphoreSlim? _gate = gate;

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await transaction.CommitAsync(cancellationToken);
        db.WriteEnded(this, committed: true);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await transaction.DisposeAsync();
        }
        finally
        {
            db.WriteEnded(this, committed: false);
            Interlocked.Exchange(ref _gate, null)?.Release();
        }
    }
}
