using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Contracts;

/// <summary>A mediation case a person took part in as a mediator, with its parties' names (for another work line's conflict check).</summary>
public sealed record MediatedCase(string Number, IReadOnlyList<string> Parties);

/// <summary>
/// Mediation's public face for other work lines: which disputes a person mediated, so that legal aid does not assign a lawyer
/// to act for or against a party of a dispute they mediated. Names only; no identifier leaves the module.
/// </summary>
public sealed class MediationParticipation(FazhiDbContext db)
{
    public async Task<IReadOnlyList<MediatedCase>> MediatedByAsync(string personName, CancellationToken ct = default)
    {
        var name = personName.Trim();
        var cases = await (
            from m in db.Mediators.AsNoTracking()
            where m.Name == name
            join cm in db.Set<CaseMediator>() on m.Id equals cm.MediatorId
            join c in db.MediationCases.AsNoTracking() on cm.CaseId equals c.Id
            select new { c.Id, c.Number }).Distinct().ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var parties = (await db.Set<Party>().AsNoTracking().Where(p => ids.Contains(p.CaseId)).Select(p => new { p.CaseId, p.Name }).ToListAsync(ct))
            .ToLookup(p => p.CaseId, p => p.Name);
        return [.. cases.Select(c => new MediatedCase(c.Number, [.. parties[c.Id]]))];
    }
}
