using Fazhi.Web.Modules.Petitions.Data;
using Fazhi.Web.Modules.Petitions.Domain;
using Fazhi.Web.Platform.Citizens;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Petitions.Features;

/// <summary>
/// The petitions' part of a citizen's one page: their petitions, found by the phone's blind index, each with its follow-up page.
/// An accusation is never listed: whoever holds the phone's account would learn who accused.
/// </summary>
internal sealed class PetitionsCitizenPart(FazhiDbContext db) : ICitizenMatters
{
    public async Task<IReadOnlyList<CitizenMatter>> ForAsync(CitizenKey citizen, CancellationToken ct = default)
    {
        if (!citizen.PhoneVerified)
        {
            return [];
        }

        var rows = await db.Petitions.AsNoTracking().Where(p => p.PhoneLookup == citizen.Phone && p.Class != PetitionClass.Accusation).OrderByDescending(p => p.ReceivedAt).Take(100)
            .Select(p => new
            {
                p.Number, p.QueryToken, p.Status, p.Subject, p.ReceivedAt,
                Due = p.DueOn,
            }).ToListAsync(ct);
        return [.. rows.Select(p => new CitizenMatter(PetitionsModule.ModuleName, "petitions.citizen.petition", p.Number, "petitions.status." + p.Status, p.Due,
            p.Due is null ? null : "petitions.citizen.next." + p.Status, $"/petitions/track/{p.QueryToken}", p.ReceivedAt, p.Subject))];
    }
}
