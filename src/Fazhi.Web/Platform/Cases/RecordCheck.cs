using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Cases;

/// <summary>
/// What checking one case's record found. <see cref="Problem"/>: <c>missing</c>, <c>link</c> or <c>altered</c> (a step
/// does not follow the one before it), <c>removed</c> (the audit record wrote a later step than the record holds),
/// <c>unaudited</c> (a step the audit record never wrote), <c>audit</c> (the audit chain between the step and the next
/// signed head does not hold). <see cref="SignedSequence"/> is the signed head that vouches for the record, or null
/// while the last step is newer than the last signature.
/// </summary>
public sealed record RecordCheckResult(bool Intact, int Steps, int Unchained, int? BrokenAt, string? Problem, long? AuditSequence, long? SignedSequence, DateOnly? SignedDay);

/// <summary>
/// Checks one case's record end to end: its own chain, its last step against the audit entry that wrote it, and that
/// audit entry against the next signed head, so a step removed from the end (and the head row moved back) shows too.
/// </summary>
public sealed class RecordCheck(FazhiDbContext db, ChainSigner signer)
{
    public async Task<RecordCheckResult> CheckAsync<TStep>(Guid caseId, IReadOnlyList<TStep> steps, CancellationToken ct = default)
        where TStep : CaseStep
    {
        var walk = RecordChain.Walk(db, steps);
        if (walk.BrokenAt is not null)
        {
            return new(false, walk.Steps, walk.Unchained, walk.BrokenAt, walk.Problem, null, null, null);
        }

        var table = db.Model.FindEntityType(typeof(TStep))!.GetTableName();
        var last = steps.Count == 0 ? null : steps.MaxBy(s => s.Sequence);
        var entries = await db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordId == caseId && e.EntityType == table && e.Action == "create")
            .OrderByDescending(e => e.Sequence).Take(1).ToListAsync(ct);
        var written = entries.Count == 0 ? null : entries[0];
        var step = AuditVerifier.StepOf(written?.After);
        if (written is null || step is null)
        {
            return last is { Hash.Length: > 0 }
                ? new(false, walk.Steps, walk.Unchained, last.Sequence, "unaudited", null, null, null)
                : new(true, walk.Steps, walk.Unchained, null, null, null, null, null);
        }

        if (last is null || step.Value.Sequence > last.Sequence)
        {
            return new(false, walk.Steps, walk.Unchained, (last?.Sequence ?? 0) + 1, "removed", written.Sequence, null, null);
        }

        if (step.Value.Sequence < last.Sequence || step.Value.Hash != last.Hash)
        {
            return new(false, walk.Steps, walk.Unchained, last.Sequence, step.Value.Sequence < last.Sequence ? "unaudited" : "altered", written.Sequence, null, null);
        }

        // The audit entry is vouched for by the first signed head at or after it, through every entry in between.
        var head = await db.Set<SignedHead>().AsNoTracking().Where(h => h.Sequence >= written.Sequence).OrderBy(h => h.Sequence).FirstOrDefaultAsync(ct);
        var until = head?.Sequence ?? await db.AuditHeads.AsNoTracking().Select(h => h.LastSequence).SingleOrDefaultAsync(ct);
        var previous = written.PreviousHash;
        var expected = written.Sequence;
        const int batch = 2000;
        while (expected <= until)
        {
            var rows = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= expected && e.Sequence <= until).OrderBy(e => e.Sequence).Take(batch).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return new(false, walk.Steps, walk.Unchained, last.Sequence, "audit", written.Sequence, null, null);
            }

            foreach (var e in rows)
            {
                if (e.Sequence != expected || e.PreviousHash != previous || AuditChain.ComputeHash(e) != e.Hash)
                {
                    return new(false, walk.Steps, walk.Unchained, last.Sequence, "audit", written.Sequence, null, null);
                }

                previous = e.Hash;
                expected++;
            }
        }

        if (head is not null && (head.Hash != previous || !signer.Verifies(head)))
        {
            return new(false, walk.Steps, walk.Unchained, last.Sequence, "audit", written.Sequence, null, null);
        }

        return new(true, walk.Steps, walk.Unchained, null, null, written.Sequence, head?.Sequence, head?.Day);
    }
}
