using System.Text.Json;
using Fazhi.Web.Platform.Cases;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Audit;

/// <summary>
/// The outcome of checking the chain: intact, or the first entry where it breaks and why (<c>missing</c>, <c>link</c>,
/// <c>altered</c>, <c>signed_head</c> when an entry no longer carries the hash a signed head gave it, <c>truncated</c>
/// when a signed entry is gone, <c>signature</c> when a head's signature does not check), and the first case record that
/// does not match what the audit record says was written (<see cref="Record"/>: table, case and problem).
/// </summary>
public sealed record AuditVerification(
    bool Intact, long EntriesChecked, long? BrokenAt, string? Problem, int SignedHeads = 0, long? LastSigned = null, int RecordsChecked = 0, string? Record = null);

/// <summary>
/// Walks the whole audit chain in order against the signed heads, then every case record (every table of
/// <see cref="CaseStep"/>s) against the chain and against what the audit record says each case's last step was.
/// </summary>
public sealed class AuditVerifier(Data.FazhiDbContext db, ChainSigner signer)
{
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct = default)
    {
        var heads = await db.Set<SignedHead>().AsNoTracking().OrderBy(h => h.Sequence).ToListAsync(ct);
        if (heads.FirstOrDefault(h => !signer.Verifies(h)) is { } forged)
        {
            return new(false, 0, forged.Sequence, "signature", heads.Count);
        }

        var stepTables = StepTables();
        var lastSteps = new Dictionary<(string Table, Guid Case), (int Sequence, string Hash)>();
        var nextHead = 0;
        var previous = AuditChain.Genesis;
        long expected = 1;
        long checkedCount = 0;
        const int batch = 2000;
        while (true)
        {
            var rows = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= expected).OrderBy(e => e.Sequence).Take(batch).ToListAsync(ct);
            foreach (var e in rows)
            {
                if (e.Sequence != expected)
                {
                    return new(false, checkedCount, expected, "missing", heads.Count);
                }

                if (e.PreviousHash != previous)
                {
                    return new(false, checkedCount, e.Sequence, "link", heads.Count);
                }

                if (AuditChain.ComputeHash(e) != e.Hash)
                {
                    return new(false, checkedCount, e.Sequence, "altered", heads.Count);
                }

                if (nextHead < heads.Count && heads[nextHead].Sequence == e.Sequence)
                {
                    if (heads[nextHead].Hash != e.Hash)
                    {
                        return new(false, checkedCount, e.Sequence, "signed_head", heads.Count);
                    }

                    nextHead++;
                }

                if (e.Action == "create" && e.RecordId is { } record && stepTables.Contains(e.EntityType) && StepOf(e.After) is { } step)
                {
                    var key = (e.EntityType, record);
                    if (!lastSteps.TryGetValue(key, out var known) || step.Sequence > known.Sequence)
                    {
                        lastSteps[key] = step;
                    }
                }

                previous = e.Hash;
                expected++;
                checkedCount++;
            }

            if (rows.Count < batch)
            {
                break;
            }
        }

        if (nextHead < heads.Count)
        {
            // A signed entry is no longer there: the chain was cut back (and its head moved) after it was signed.
            return new(false, checkedCount, heads[nextHead].Sequence, "truncated", heads.Count);
        }

        var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(ct);
        if (head is not null && (head.LastSequence != expected - 1 || head.LastHash != previous))
        {
            return new(false, checkedCount, expected, "missing", heads.Count);
        }

        var lastSigned = heads.Count == 0 ? (long?)null : heads[^1].Sequence;
        var records = 0;
        foreach (var type in db.Model.GetEntityTypes().Where(t => typeof(CaseStep).IsAssignableFrom(t.ClrType) && !t.ClrType.IsAbstract))
        {
            var walk = (Task<(int Count, string? Problem)>)typeof(AuditVerifier).GetMethod(nameof(WalkRecordsAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!
                .MakeGenericMethod(type.ClrType).Invoke(this, [type.GetTableName()!, lastSteps, ct])!;
            var (count, problem) = await walk;
            records += count;
            if (problem is not null)
            {
                return new(false, checkedCount, null, "record", heads.Count, lastSigned, records, problem);
            }
        }

        if (lastSteps.Count > 0)
        {
            // The audit record wrote steps of a case whose record is gone.
            var (table, id) = lastSteps.Keys.First();
            return new(false, checkedCount, null, "record", heads.Count, lastSigned, records, $"{table} {id}: removed");
        }

        return new(true, checkedCount, null, null, heads.Count, lastSigned, records);
    }

    /// <summary>The tables of every module's case records.</summary>
    private HashSet<string> StepTables() =>
        [.. db.Model.GetEntityTypes().Where(t => typeof(CaseStep).IsAssignableFrom(t.ClrType) && !t.ClrType.IsAbstract).Select(t => t.GetTableName()!)];

    /// <summary>The sequence and hash of a step as its audit entry's after-values hold them.</summary>
    internal static (int Sequence, string Hash)? StepOf(string? after)
    {
        if (after is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(after);
        return json.RootElement.TryGetProperty(nameof(CaseStep.Sequence), out var s) && int.TryParse(s.GetString(), out var sequence)
            && json.RootElement.TryGetProperty(nameof(CaseStep.Hash), out var h) && h.GetString() is { Length: > 0 } hash
            ? (sequence, hash)
            : null;
    }

    /// <summary>Walks every case's steps of one table, in order, and matches each case's last step with the audit record's.</summary>
    private async Task<(int Count, string? Problem)> WalkRecordsAsync<T>(string table, Dictionary<(string, Guid), (int Sequence, string Hash)> audited, CancellationToken ct)
        where T : CaseStep
    {
        var cases = 0;
        var record = new List<T>();
        string? Finish()
        {
            if (record.Count == 0)
            {
                return null;
            }

            cases++;
            var id = record[0].CaseId;
            var walk = RecordChain.Walk(db, record);
            if (walk.BrokenAt is { } broken)
            {
                return $"{table} {id}: step {broken} {walk.Problem}";
            }

            var last = record[^1];
            record.Clear();
            if (audited.Remove((table, id), out var known))
            {
                return known.Sequence > last.Sequence ? $"{table} {id}: step {known.Sequence} removed"
                    : known.Sequence == last.Sequence && known.Hash != last.Hash ? $"{table} {id}: step {last.Sequence} altered"
                    : known.Sequence < last.Sequence ? $"{table} {id}: step {last.Sequence} not in the audit record"
                    : null;
            }

            return last.Hash.Length > 0 ? $"{table} {id}: step {last.Sequence} not in the audit record" : null;
        }

        // One pass over the table in (case, step) order, one case at a time in memory.
        await foreach (var step in db.Set<T>().AsNoTracking().OrderBy(s => s.CaseId).ThenBy(s => s.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (record.Count > 0 && record[0].CaseId != step.CaseId && Finish() is { } problem)
            {
                return (cases, problem);
            }

            record.Add(step);
        }

        return (cases, Finish());
    }
}
