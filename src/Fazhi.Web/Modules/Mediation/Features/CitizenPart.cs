using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Citizens;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

/// <summary>A mediation case as a party follows it on their one page: no facts, no other party's data.</summary>
public sealed record CitizenCaseView(
    Guid Id, string Number, DisputeType Type, CaseStatus Status, DateTime RegisteredAt, DateOnly DueDate, string? ReferredBy, string? ReferredFromLink,
    IReadOnlyList<DateTime> Sessions, string? AidNumber, DateTime? ClosedAt);

/// <summary>Mediation's part of a citizen's one page: the cases they are a party to, found by the phone's blind index.</summary>
public sealed class MediationCitizenPart(FazhiDbContext db) : ICitizenMatters
{
    public async Task<IReadOnlyList<CitizenMatter>> ForAsync(CitizenKey citizen, CancellationToken ct = default)
    {
        if (!citizen.PhoneVerified)
        {
            return [];
        }

        var phone = citizen.Phone;
        var rows = await db.MediationCases.AsNoTracking().Where(c => db.Set<Party>().Any(p => p.CaseId == c.Id && p.PhoneLookup == phone))
            .OrderByDescending(c => c.RegisteredAt).Take(100)
            .Select(c => new
            {
                c.Id, c.Number, c.Type, c.Status, c.RegisteredAt, Due = c.Clock.DueDate,
                Next = db.Set<MediationSession>().Where(s => s.CaseId == c.Id && !s.Held).OrderBy(s => s.At).Select(s => (DateTime?)s.At).FirstOrDefault(),
            }).ToListAsync(ct);
        return [.. rows.Select(c =>
        {
            var open = c.Status is CaseStatus.Registered or CaseStatus.InMediation;
            DateOnly? next = !open ? null : c.Next is { } at ? Platform.Localization.ChinaTime.DateOf(at) : c.Due;
            return new CitizenMatter(MediationModule.ModuleName, "mediation.type." + c.Type, c.Number, "mediation.status." + c.Status, next,
                !open ? null : c.Next is not null ? "mediation.citizen.next_session" : "mediation.citizen.due", $"/citizen/mediation/{c.Id}", c.RegisteredAt);
        })];
    }

    /// <summary>One case, only when the signed-in citizen is a party to it.</summary>
    public async Task<CitizenCaseView?> CaseAsync(CitizenKey citizen, Guid id, CancellationToken ct = default)
    {
        if (!citizen.PhoneVerified)
        {
            return null;
        }

        var phone = citizen.Phone;
        var c = await db.MediationCases.AsNoTracking().Where(x => x.Id == id && db.Set<Party>().Any(p => p.CaseId == x.Id && p.PhoneLookup == phone))
            .Select(x => new
            {
                x.Id, x.Number, x.Type, x.Status, x.RegisteredAt, Due = x.Clock.DueDate, x.ReferredBy, x.ReferredFromLink, x.AidNumber, x.ClosedAt,
                Applicant = db.Set<Party>().Any(p => p.CaseId == x.Id && p.PhoneLookup == phone && p.Side == PartySide.Applicant),
            })
            .SingleOrDefaultAsync(ct);
        if (c is null)
        {
            return null;
        }

        // Where the case came from and where the applicant went on to (a petition, legal aid) are the applicant's: the other side sees neither.
        if (!c.Applicant)
        {
            c = c with { ReferredBy = null, ReferredFromLink = null, AidNumber = null };
        }

        var sessions = await db.Set<MediationSession>().AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.At).Select(s => s.At).ToListAsync(ct);
        return new CitizenCaseView(c.Id, c.Number, c.Type, c.Status, c.RegisteredAt, c.Due, c.ReferredBy, c.ReferredFromLink, sessions, c.AidNumber, c.ClosedAt);
    }
}
