using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Contracts;

/// <summary>A mediation case a person took part in as a mediator (for another work line's conflict check).</summary>
public sealed record MediatedCase(string Mediator, string Number);

/// <summary>
/// Mediation's public face for other work lines: which of some people mediated a dispute with one of some parties, so that
/// legal aid does not assign a lawyer to act for or against a party of a dispute they mediated. Names only; no identifier
/// leaves the module.
/// </summary>
public sealed class MediationParticipation(FazhiDbContext db)
{
    /// <summary>The cases, one query for them all, in which a mediator named in <paramref name="mediators"/> sat with a party named in <paramref name="parties"/>.</summary>
    public async Task<IReadOnlyList<MediatedCase>> MediatedWithAsync(IReadOnlyCollection<string> mediators, IReadOnlyCollection<string> parties, CancellationToken ct = default)
    {
        if (mediators.Count == 0 || parties.Count == 0)
        {
            return [];
        }

        return await (
            from m in db.Mediators.AsNoTracking()
            where mediators.Contains(m.Name)
            join cm in db.Set<CaseMediator>() on m.Id equals cm.MediatorId
            join c in db.MediationCases.AsNoTracking() on cm.CaseId equals c.Id
            where db.Set<Party>().Any(p => p.CaseId == c.Id && parties.Contains(p.Name))
            select new MediatedCase(m.Name, c.Number)).Distinct().ToListAsync(ct);
    }
}
