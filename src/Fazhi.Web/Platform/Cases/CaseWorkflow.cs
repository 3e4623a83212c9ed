using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Cases;

/// <summary>
/// The one way to act on a case, for every work line:
/// <list type="number">
/// <item>the data scope first: a case the actor may not see is not there (404);</item>
/// <item>then the stale-page check: the caller sends how many steps of the record its page showed (<c>seenEvents</c>);
/// when someone acted since, the answer is 409 <c>case.acted_by</c> naming who and when;</item>
/// <item>then the transition itself, whose guard refuses what the state or the actor's rights do not allow.</item>
/// </list>
/// Writers of one case are serialised (SQLite's write transaction; on PostgreSQL a lock on the case), and the record's
/// length is read again under that turn: of two people acting at once one succeeds and the other hears 409 naming them,
/// never a 500 or a step recorded twice.
/// </summary>
public sealed class CaseWorkflow(FazhiDbContext db, ActorSource actors)
{
    /// <summary>
    /// Loads the case within the actor's scope (tracked, with its record), checks the page was current, runs
    /// <paramref name="act"/> and saves. <paramref name="compatible"/> may let some steps made since the page was shown
    /// pass (another department's approval in the same joint stage): the act then runs on the fresh case.
    /// </summary>
    public async Task<TCase> ActAsync<TCase, TStep>(
        Func<DataScopeFilter, IQueryable<TCase>> visible, Guid id, int? seenEvents, Func<TCase, Actor, Task> act,
        Func<TCase, IReadOnlyList<CaseStep>, Actor, bool>? compatible = null, CancellationToken ct = default)
        where TCase : class, ICase
        where TStep : CaseStep
    {
        var actor = await actors.CurrentAsync(ct);
        var c = await LoadAsync(visible(actor.Scope), id, ct);
        var seen = seenEvents ?? c.Record.Count;
        if (c.Record.Count != seen && !Compatible(c, seen, actor, compatible))
        {
            throw ActedBy(Last(c));
        }

        var lost = false;
        await using (var tx = await db.BeginWriteAsync(ct))
        {
            await LockAsync(id, ct);
            // Under the case's turn. Where some steps made since may pass (compatible), the record is read again so the act
            // runs on what it holds now; otherwise a step made since takes the sequence this act would append, and the
            // unique (case, sequence) index refuses the save below: one success, one 409.
            var length = compatible is null ? c.Record.Count : await db.Set<TStep>().Where(s => s.CaseId == id).MaxAsync(s => (int?)s.Sequence, ct) ?? 0;
            if (length != c.Record.Count)
            {
                db.ChangeTracker.Clear();
                c = await LoadAsync(visible(actor.Scope), id, ct);
                if (!Compatible(c, seen, actor, compatible))
                {
                    throw ActedBy(Last(c));
                }
            }

            actor = await actors.CurrentAsync(ct);
            await act(c, actor);
            var savepoints = db.Database.AutoSavepointsEnabled;
            try
            {
                // A failed save ends this act (the transaction is rolled back), so no savepoint is needed inside it.
                db.Database.AutoSavepointsEnabled = false;
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another writer came first (its step holds the sequence, or the case's version moved); named below,
                // once this transaction is rolled back.
                lost = true;
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = savepoints;
            }
        }

        if (lost)
        {
            db.ChangeTracker.Clear();
            throw ActedBy(await db.Set<TStep>().AsNoTracking().Where(s => s.CaseId == id).OrderByDescending(s => s.Sequence).FirstOrDefaultAsync(ct));
        }

        return c;
    }

    /// <summary>
    /// Creates a case once per idempotency key. The key is looked up within the caller's scope: a retry returns the first
    /// case (<paramref name="replay"/>); the same key used for another department's case is refused (409), never answered
    /// with it. <paramref name="make"/> runs inside the write transaction, so the numbers it draws are given back if the
    /// save fails.
    /// </summary>
    public async Task<(TResult Result, bool Replayed)> CreateAsync<TCase, TResult>(
        string module, string? idempotencyKey, Func<Actor, Task<TCase>> make, Func<TCase, TResult> created, Func<Guid, Task<TResult>> replay, CancellationToken ct = default)
        where TCase : class, ICase
    {
        var key = Idempotency.Normalise(idempotencyKey);
        var actor = await actors.CurrentAsync(ct);
        if (key is not null && await Idempotency.EarlierAsync(db, module, key, actor.Scope, ct) is { } earlier)
        {
            return (await replay(earlier), true);
        }

        await using var tx = await db.BeginWriteAsync(ct);
        var c = await make(actor);
        db.Add(c);
        if (key is not null)
        {
            Idempotency.Claim(db, module, key, c.Id, c.DepartmentId, actor);
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // Two requests with one key at once: the first one's case stands.
            await tx.DisposeAsync();
            db.ChangeTracker.Clear();
            return await Idempotency.EarlierAsync(db, module, key, actor.Scope, ct) is { } first
                ? (await replay(first), true)
                : throw new DomainException("concurrency_conflict", null, ErrorKind.Conflict);
        }

        return (created(c), false);
    }

    /// <summary>409 naming the colleague whose step came first, by name and account, and when (China time).</summary>
    public static DomainException ActedBy(CaseStep? last) =>
        new("case.acted_by", "seenEvents", ErrorKind.Conflict, last?.ActorLabel ?? "?", last is null ? "" : ChinaTime.Format(last.At));

    private static CaseStep? Last(ICase c) => c.Record.Count == 0 ? null : c.Record.MaxBy(s => s.Sequence);

    private static async Task<TCase> LoadAsync<TCase>(IQueryable<TCase> visible, Guid id, CancellationToken ct)
        where TCase : class, ICase =>
        await visible.SingleOrDefaultAsync(c => c.Id == id, ct) ?? throw DomainException.NotFound();

    private static bool Compatible<TCase>(TCase c, int seen, Actor actor, Func<TCase, IReadOnlyList<CaseStep>, Actor, bool>? compatible)
        where TCase : class, ICase =>
        c.Record.Count == seen || (compatible is not null && c.Record.Count > seen && compatible(c, [.. c.Record.Where(s => s.Sequence > seen).OrderBy(s => s.Sequence)], actor));

    private const int CaseLockSpace = 7302;

    // SQLite's write transaction already holds the file's one writer lock. On PostgreSQL a transaction-scoped advisory
    // lock keyed by the case orders the writers of that case across every process sharing the server.
    private async Task LockAsync(Guid id, CancellationToken ct)
    {
        if (db.Provider == DatabaseProvider.Postgres)
        {
            // Two 32-bit keys: their own space, apart from the audit chain's one-key lock.
            var key = BitConverter.ToInt32(id.ToByteArray(), 12);
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CaseLockSpace}, {key})", ct);
        }
    }
}
