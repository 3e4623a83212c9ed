using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Features;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Contracts;

/// <summary>
/// What another work line hands over when a matter goes on to legal aid (信访工作条例 第37条): the record it came from (number
/// and page), the matter type and the ground of the economic test (codes of <see cref="AidReferrals.Matters"/> and
/// <see cref="AidReferrals.Grounds"/>), the declared means when the ground is <c>Declared</c>, the applicant, the other side
/// and the facts.
/// </summary>
public sealed record AidReferral(
    string FromNumber, string FromLink, string? Matter, string? Ground, decimal? MonthlyIncome, int? Household,
    string ApplicantName, string? IdNumber, string? Phone, string? Address, string? Opponent, string Facts);

public sealed record ReferredApplication(Guid Id, string Number, string QueryToken);

/// <summary>An application as the work line that referred it follows it: its number, status (a string key), whether aid was given and the case closed, and the applicant's follow-up page.</summary>
public sealed record AidLink(Guid Id, string Number, string StatusKey, bool Granted, bool Closed, string ProgressLink);

/// <summary>
/// Legal aid's public face for the chain "visit first, then mediation, then legal aid": open an application from another work
/// line's record in its caller's save, and follow it. The application is received at the town's centre, its means decided on the
/// day's threshold like any other.
/// </summary>
public sealed class AidReferrals(FazhiDbContext db, IConfiguration configuration)
{
    /// <summary>The matter types an application may name (第31条), as codes and their label keys.</summary>
    public static IReadOnlyList<(string Code, string LabelKey)> Matters { get; } =
        [.. Enum.GetValues<MatterType>().Select(m => (m.ToString(), "legalaid.matter." + m))];

    /// <summary>The grounds of the economic test (第32、41、42条), as codes and their label keys.</summary>
    public static IReadOnlyList<(string Code, string LabelKey)> Grounds { get; } =
        [.. Enum.GetValues<MeansGround>().Select(g => (g.ToString(), "legalaid.ground." + g))];

    /// <summary>Adds the application to the caller's unit of work (saved with the caller's step). Field errors name the request's fields.</summary>
    public async Task<ReferredApplication> OpenAsync(AidReferral r, Actor by, CancellationToken ct = default)
    {
        var matter = Enum.TryParse<MatterType>(r.Matter, out var m) && Enum.IsDefined(m) ? m : (MatterType?)null;
        var ground = Enum.TryParse<MeansGround>(r.Ground, out var g) && Enum.IsDefined(g) ? g : (MeansGround?)null;
        var v = new Validator().Check(matter is not null, "matterType", "required").Check(ground is not null, "ground", "required");
        if (ground == MeansGround.Declared)
        {
            v.Check(r.MonthlyIncome is >= 0 and < 10_000_000, "monthlyIncome", "legalaid.income_required")
                .Check(r.Household is >= 1 and <= 30, "household", "legalaid.household_range");
        }

        v.ThrowIfInvalid();
        var place = await db.AidPlaces.AsNoTracking().Where(p => p.IsActive && p.Kind == PlaceKind.Centre).OrderBy(p => p.Code).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("legalaid.no_centre", "placeId", ErrorKind.Conflict);
        var city = LegalAidModule.City(configuration);
        var rule = await db.HardshipThresholds.AsNoTracking().Where(t => t.City == city && t.EffectiveFrom <= by.Today)
            .OrderByDescending(t => t.EffectiveFrom).FirstOrDefaultAsync(ct);
        var means = MeansOutcome.Judge(ground!.Value, r.MonthlyIncome, r.Household, rule);
        // A labour dispute goes to arbitration first; any other dispute is a civil suit.
        var form = matter is MatterType.Labour or MatterType.SocialInsurance ? ServiceForm.ArbitrationRepresentation : ServiceForm.CivilRepresentation;
        var a = AidApplication.Receive(await ApplicationService.NextNumberAsync(db, configuration, by.Today.Year, ct), place, matter!.Value, form,
            new(r.ApplicantName, Valid(r.IdNumber), r.Phone, r.Address, null, null, r.Opponent), r.Facts, configuration["LegalAid:Town"] ?? "塘厦镇",
            null, ground.Value, r.MonthlyIncome, r.Household, means, by);
        a.CameFrom(r.FromNumber, r.FromLink, by);
        db.AidApplications.Add(a);
        return new ReferredApplication(a.Id, a.Number, a.QueryToken);
    }

    /// <summary>The applications of these ids, one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, AidLink>> LinksAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, AidLink>();
        }

        var rows = await db.AidApplications.AsNoTracking().Where(a => ids.Contains(a.Id)).Select(a => new { a.Id, a.Number, a.Status, a.QueryToken }).ToListAsync(ct);
        return rows.ToDictionary(a => a.Id, a => new AidLink(a.Id, a.Number, "legalaid.status." + a.Status, IsGranted(a.Status), a.Status == AidStatus.Closed,
            $"/legal-aid/progress/{a.QueryToken}"));
    }

    /// <summary>The ids of applications whose case was closed with aid given (第50条): the matter settled at legal aid. Composable in the caller's query.</summary>
    public IQueryable<Guid> Closed() => db.AidApplications.AsNoTracking().Where(a => a.Status == AidStatus.Closed).Select(a => a.Id);

    private static bool IsGranted(AidStatus s) => s is AidStatus.Granted or AidStatus.Assigned or AidStatus.Closed or AidStatus.Terminated;

    private static string? Valid(string? idNumber) =>
        idNumber is { Length: > 0 } id && Identifiers.IsValidIdNumber(id.Trim().ToUpperInvariant()) ? id : null;
}
