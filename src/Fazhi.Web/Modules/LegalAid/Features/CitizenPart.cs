using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Platform.Citizens;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>Legal aid's part of a citizen's one page: their applications, found by the phone's blind index, each with its follow-up page.</summary>
internal sealed class LegalAidCitizenPart(FazhiDbContext db) : ICitizenMatters
{
    public async Task<IReadOnlyList<CitizenMatter>> ForAsync(CitizenKey citizen, CancellationToken ct = default)
    {
        if (!citizen.PhoneVerified)
        {
            return [];
        }

        var rows = await db.AidApplications.AsNoTracking().Where(a => a.ApplicantPhoneLookup == citizen.Phone)
            .OrderByDescending(a => a.ReceivedAt).Take(100)
            .Select(a => new
            {
                a.Number, a.QueryToken, a.Status, a.MatterType, a.ReceivedAt,
                Review = a.Status == AidStatus.Received || a.Status == AidStatus.MaterialsRequested ? a.ReviewDeadline.DueDate : (DateOnly?)null,
                a.MaterialsDue,
            }).ToListAsync(ct);
        return [.. rows.Select(a => new CitizenMatter(LegalAidModule.ModuleName, "legalaid.matter." + a.MatterType, a.Number, "legalaid.status." + a.Status,
            a.Status == AidStatus.MaterialsRequested ? a.MaterialsDue : a.Review,
            a.Status == AidStatus.MaterialsRequested ? "legalaid.deadline.materials" : a.Review is null ? null : "legalaid.deadline.review",
            $"/legal-aid/progress/{a.QueryToken}", a.ReceivedAt))];
    }
}
