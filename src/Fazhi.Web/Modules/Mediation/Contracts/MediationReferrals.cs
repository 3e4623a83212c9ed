using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Modules.Mediation.Features;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Contracts;

/// <summary>A party of a referred dispute: the applicant (who asked) or the other side.</summary>
public sealed record ReferredParty(string Name, bool Applicant, string? IdNumber, string? Phone, string? Address);

/// <summary>
/// A dispute another work line refers to people's mediation (信访工作条例 第33、37条): the record it came from (number and page),
/// the dispute type (a code of <see cref="MediationReferrals.DisputeTypes"/>), the facts, the claims, the parties.
/// </summary>
public sealed record MediationReferral(string FromNumber, string FromLink, string? DisputeType, string Facts, string Claims, IReadOnlyList<ReferredParty> Parties);

public sealed record ReferredCase(Guid Id, string Number);

/// <summary>
/// A case as the referring work line follows it: number, status (a string key), whether it settled or ended, and the legal-aid
/// application it went on to, if any.
/// </summary>
public sealed record MediationLink(Guid Id, string Number, string StatusKey, bool Settled, bool Closed, Guid? AidApplicationId, string? AidNumber);

/// <summary>
/// Mediation's public face for the chain "visit first, then mediation, then legal aid": open a case from another work line's
/// record in the caller's save, on the town committee with its first mediator as lead, and follow it.
/// </summary>
public sealed class MediationReferrals(FazhiDbContext db)
{
    public static IReadOnlyList<(string Code, string LabelKey)> DisputeTypes { get; } =
        [.. Enum.GetValues<DisputeType>().Select(t => (t.ToString(), "mediation.type." + t))];

    /// <summary>Adds the case to the caller's unit of work (saved with the caller's step). Field errors name the request's fields.</summary>
    public async Task<ReferredCase> OpenAsync(MediationReferral r, Actor by, CancellationToken ct = default)
    {
        var type = Enum.TryParse<DisputeType>(r.DisputeType, out var t) && Enum.IsDefined(t) ? t : (DisputeType?)null;
        new Validator().Check(type is not null, "disputeType", "required")
            .Check(r.Parties.Any(p => p.Applicant) && r.Parties.Any(p => !p.Applicant), "respondent", "mediation.parties_required")
            .ThrowIfInvalid();
        var committee = await db.Committees.AsNoTracking().Where(c => c.IsActive && c.Kind == CommitteeKind.Town).OrderBy(c => c.Code).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("mediation.no_town_committee", "committeeId", ErrorKind.Conflict);
        var lead = await db.Mediators.AsNoTracking().Where(m => m.CommitteeId == committee.Id && m.IsActive).OrderBy(m => m.Name).Select(m => m.Id).FirstOrDefaultAsync(ct);
        // The applicant asked (at the petition office): that is their consent (第17条); the other side's is recorded when given.
        var parties = r.Parties.Select(p => Party.Create(p.Applicant ? PartySide.Applicant : PartySide.Respondent, PartyKind.Person, p.Name,
            p.IdNumber is { Length: > 0 } id && Identifiers.IsValidIdNumber(id.Trim().ToUpperInvariant()) ? id : null, p.Phone, p.Address, consented: p.Applicant)).ToList();
        var c = MediationCase.Register(await CaseService.NextNumberAsync(db, committee, by.Today.Year, ct), committee, null, type!.Value, CaseSource.Petition, r.FromNumber,
            r.Facts, r.Claims, parties, lead == Guid.Empty ? [] : [lead], by);
        c.ReferredFromLink = r.FromLink;
        db.MediationCases.Add(c);
        return new ReferredCase(c.Id, c.Number);
    }

    /// <summary>
    /// Records the outcome of a referred case as its mediator did (consent, the rights notice, a session, then an oral agreement or
    /// a failure): for a referring work line's imports of past years and the demo town. In the caller's unit of work.
    /// </summary>
    public async Task RecordOutcomeAsync(Guid caseId, bool settled, string note, DateTime heldAt, Actor by, CancellationToken ct = default)
    {
        // A case opened in this unit of work is not saved yet: it is taken as it is.
        var c = db.MediationCases.Local.FirstOrDefault(x => x.Id == caseId) ?? await db.MediationCases.Include(x => x.Parties).Include(x => x.Sessions).Include(x => x.Events)
            .Include(x => x.Mediators).Include(x => x.Agreement).Include(x => x.FollowUps).AsSplitQuery().SingleAsync(x => x.Id == caseId, ct);
        c.Events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var at = by.At(heldAt);
        foreach (var p in c.Parties.Where(p => !p.Consented).ToList())
        {
            c.RecordConsent(p.Id, at);
        }

        c.GiveRightsNotice(at);
        c.HoldSession(null, heldAt, null, [.. c.Mediators.Select(m => m.MediatorId)], "双方当事人、调解员", "调解员听取双方陈述，释法明理。", at);
        if (settled)
        {
            c.AgreeOrally(note, null, at);
        }
        else
        {
            c.Fail(note, at);
        }
    }

    /// <summary>
    /// 第37条: a failed or ended case goes on to legal aid for its applicant (the matter type and ground are Legal aid's codes), in the
    /// caller's unit of work: the application is opened through Legal aid's public face and the case keeps the link.
    /// </summary>
    public async Task<LegalAid.Contracts.ReferredApplication> ReferOnToAidAsync(
        Guid caseId, string? matter, string? ground, decimal? income, int? household, LegalAid.Contracts.AidReferrals aid, Actor by, CancellationToken ct = default)
    {
        var c = db.MediationCases.Local.FirstOrDefault(x => x.Id == caseId)
            ?? await db.MediationCases.Include(x => x.Parties).Include(x => x.Events).AsSplitQuery().SingleAsync(x => x.Id == caseId, ct);
        c.Events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return await OnToAidAsync(c, matter, ground, income, household, aid, by, ct);
    }

    /// <summary>The one way a case goes on to legal aid: the guard, the application through Legal aid's face, the link kept.</summary>
    internal static async Task<LegalAid.Contracts.ReferredApplication> OnToAidAsync(
        MediationCase c, string? matter, string? ground, decimal? income, int? household, LegalAid.Contracts.AidReferrals aid, Actor by, CancellationToken ct)
    {
        Workflow.Check(c.Guard(MediationAction.ReferToLegalAid, by));
        var applicant = c.Parties.First(p => p.Side == PartySide.Applicant);
        var other = c.Parties.FirstOrDefault(p => p.Side == PartySide.Respondent);
        var made = await aid.OpenAsync(new(c.Number, $"/mediation/cases/{c.Id}", matter, ground, income, household, applicant.Name, applicant.IdNumber, applicant.Phone,
            applicant.Address, other?.Name, string.IsNullOrWhiteSpace(c.Claims) ? c.Facts : c.Facts + "\n" + c.Claims), by, ct);
        c.ReferToLegalAid(made.Id, made.Number, by);
        return made;
    }

    /// <summary>The cases of these ids, one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, MediationLink>> LinksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, MediationLink>();
        }

        var rows = await db.MediationCases.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Number, c.Status, c.AidApplicationId, c.AidNumber }).ToListAsync(ct);
        return rows.ToDictionary(c => c.Id, c => new MediationLink(c.Id, c.Number, "mediation.status." + c.Status, c.Status == CaseStatus.Settled,
            c.Status is not (CaseStatus.Registered or CaseStatus.InMediation), c.AidApplicationId, c.AidNumber));
    }

    /// <summary>The ids of settled cases (调解成功): composable in the caller's query.</summary>
    public IQueryable<Guid> Settled() => db.MediationCases.AsNoTracking().Where(c => c.Status == CaseStatus.Settled).Select(c => c.Id);

    /// <summary>The ids of cases that went on to one of <paramref name="applications"/> (legal aid): composable in the caller's query.</summary>
    public IQueryable<Guid> WentOnTo(IQueryable<Guid> applications) =>
        db.MediationCases.AsNoTracking().Where(c => c.AidApplicationId != null && applications.Contains(c.AidApplicationId.Value)).Select(c => c.Id);
}
