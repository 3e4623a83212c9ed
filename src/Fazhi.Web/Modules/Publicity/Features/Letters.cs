using Fazhi.Web.Modules.Publicity.Data;
using Fazhi.Web.Modules.Publicity.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Publicity.Features;

public sealed record LetterRequest(int? Year, LetterLevel? Level, Guid? SignerId, Guid? CounterpartId, Guid? BusinessId, string? CounterpartName, DateOnly? SignedOn);

public sealed record BusinessRequest(string? Name, string? CreditCode, Guid? CommunityId, DateOnly? RegisteredOn = null);

public sealed record LetterRow(Guid Id, int Year, LetterLevel Level, string Signer, string Counterpart, DateOnly SignedOn);

public sealed record BusinessRow(Guid Id, string Name, string CreditCode, Guid CommunityId, string Community, bool Active);

public sealed record LevelCount(LetterLevel Level, int Letters);

public sealed record LetterImport(int Created, int Unchanged, int BusinessesAdded, IReadOnlyList<ImportRowError> Errors);

public sealed record LetterFilter(int? Year, LetterLevel? Level, Guid? SignerId, string? Q, int Page = 1, int PageSize = 50);

/// <summary>
/// Safety responsibility letters (安全生产责任书): the town's with its communities and units, each community's with the businesses
/// of its area; one a year for each lower side; the businesses still missing theirs for a year; the counts by level.
/// </summary>
public sealed class LetterService(FazhiDbContext db, DataScopeResolver scopes, ActorSource actors, OrganisationDirectory directory, Text text)
{
    public async Task<IQueryable<SafetyLetter>> ScopedAsync(CancellationToken ct = default) =>
        db.SafetyLetters.AsNoTracking().WithinScope(await scopes.CurrentAsync(ct), l => l.DepartmentId, _ => Guid.Empty);

    public async Task<IQueryable<Business>> ScopedBusinessesAsync(CancellationToken ct = default) =>
        db.Businesses.AsNoTracking().WithinScope(await scopes.CurrentAsync(ct), b => b.CommunityId, _ => Guid.Empty);

    public async Task<Paged<LetterRow>> ListAsync(LetterFilter f, CancellationToken ct = default)
    {
        Years.Check(f.Year);
        var q = await ScopedAsync(ct);
        if (f.Year is { } y)
        {
            q = q.Where(l => l.Year == y);
        }

        if (f.Level is { } level)
        {
            q = q.Where(l => l.Level == level);
        }

        if (f.SignerId is { } s)
        {
            q = q.Where(l => l.DepartmentId == s);
        }

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var t = f.Q.Trim();
            q = q.Where(l => l.CounterpartName.Contains(t) || l.SignerName.Contains(t));
        }

        return await q.OrderByDescending(l => l.Year).ThenBy(l => l.Level).ThenBy(l => l.SignerName).ThenBy(l => l.CounterpartName)
            .Select(l => new LetterRow(l.Id, l.Year, l.Level, l.SignerName, l.CounterpartName, l.SignedOn)).ToPageAsync(f.Page, f.PageSize, ct);
    }

    public async Task<IReadOnlyList<LevelCount>> CountsAsync(int year, CancellationToken ct = default)
    {
        Years.Check(year);
        var counts = await (await ScopedAsync(ct)).Where(l => l.Year == year).GroupBy(l => l.Level).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. Enum.GetValues<LetterLevel>().Select(l => new LevelCount(l, counts.FirstOrDefault(c => c.Key == l)?.Count ?? 0))];
    }

    /// <summary>The active businesses (in the caller's scope) with no letter for the year.</summary>
    public async Task<IQueryable<Business>> MissingAsync(int year, CancellationToken ct = default)
    {
        Years.Check(year);
        return await MissingQueryAsync(year, ct);
    }

    /// <summary>The same for any year (a figure's period may end in any year): none owed outside 2000 to 2100.</summary>
    public async Task<IQueryable<Business>> MissingQueryAsync(int year, CancellationToken ct = default)
    {
        if (year is < 2000 or > 2100)
        {
            return db.Businesses.AsNoTracking().Where(_ => false);
        }

        var letters = db.Set<SafetyLetter>();
        var end = new DateOnly(year, 12, 31);
        return (await ScopedBusinessesAsync(ct)).Where(b => b.Active && (b.RegisteredOn == null || b.RegisteredOn <= end) && !letters.Any(l => l.Year == year && l.BusinessId == b.Id));
    }

    public async Task<Paged<BusinessRow>> BusinessesAsync(Guid? communityId, int? missingYear, string? q, int page, CancellationToken ct = default)
    {
        var query = missingYear is { } y ? await MissingAsync(y, ct) : await ScopedBusinessesAsync(ct);
        if (communityId is { } c)
        {
            query = query.Where(b => b.CommunityId == c);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            query = query.Where(b => b.Name.Contains(t) || b.CreditCode.Contains(t));
        }

        return await query.OrderBy(b => b.CommunityName).ThenBy(b => b.Name)
            .Select(b => new BusinessRow(b.Id, b.Name, b.CreditCode, b.CommunityId, b.CommunityName, b.Active)).ToPageAsync(page, 50, ct);
    }

    /// <summary>A business of a community (the community's reporter, or the legal office); its credit code is its key.</summary>
    public async Task<Guid> AddBusinessAsync(BusinessRequest r, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        CheckBusiness(r.Name, r.CreditCode).Check(r.CommunityId is not null, "communityId", "required").ThrowIfInvalid();
        var community = await CommunityAsync(r.CommunityId!.Value, by, "communityId", ct);
        var code = r.CreditCode!.Trim().ToUpperInvariant();
        Workflow.Check(Workflow.Unless(!await db.Businesses.AnyAsync(b => b.CreditCode == code, ct), "publicity.duplicate", "creditCode", ErrorKind.Conflict));
        var b = new Business { Id = Guid.CreateVersion7(), Name = r.Name!.Trim(), CreditCode = code, CommunityId = community.Id, CommunityName = community.Name, RegisteredOn = r.RegisteredOn };
        db.Businesses.Add(b);
        await SaveAsync(ct);
        return b.Id;
    }

    private static Validator CheckBusiness(string? name, string? code) => new Validator().Required("name", name)
        .Check(code is not null && System.Text.RegularExpressions.Regex.IsMatch(code.Trim(), "^[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}$", System.Text.RegularExpressions.RegexOptions.IgnoreCase),
            "creditCode", "publicity.credit_code");

    private async Task<OrgUnit> CommunityAsync(Guid id, Actor by, string field, CancellationToken ct)
    {
        var unit = (await directory.UnitsAsync(ct)).GetValueOrDefault(id);
        if (unit is null || unit.Kind != OrgNodeKind.Community || !(by.ActsFor(id, PublicityRoles.Officer) || by.ActsFor(id, PublicityRoles.Reporter)))
        {
            throw DomainException.NotFound(field);
        }

        return unit;
    }

    /// <summary>
    /// A letter signed: the town (the legal office) with a community or unit of the organisation, or with a unit named outside it;
    /// a community (its reporter or the office) with one of its businesses. One a year for each lower side (a second is 409).
    /// </summary>
    public async Task<Guid> SignAsync(LetterRequest r, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        new Validator().Check(r.Year is >= 2000 and <= 2100, "year", "publicity.year_range").Check(r.Level is not null && Enum.IsDefined(r.Level.Value), "level", "required")
            .Check(r.SignedOn is not null, "signedOn", "required").Check(r.SignedOn is null || r.SignedOn <= by.Today, "signedOn", "publicity.future_date").ThrowIfInvalid();
        var units = await directory.UnitsAsync(ct);
        SafetyLetter letter;
        if (r.Level == LetterLevel.CommunityBusiness)
        {
            new Validator().Check(r.BusinessId is not null, "businessId", "required").ThrowIfInvalid();
            var b = await (await ScopedBusinessesAsync(ct)).SingleOrDefaultAsync(x => x.Id == r.BusinessId, ct) ?? throw DomainException.NotFound("businessId");
            var community = await CommunityAsync(b.CommunityId, by, "businessId", ct);
            letter = Letter(r, community.Id, community.Name, null, b.Id, b.Name, "B:" + b.CreditCode, by);
        }
        else
        {
            Workflow.Check(Workflow.Unless(by.IsIn(PublicityRoles.Officer), "publicity.not_yours", "level", ErrorKind.Forbidden));
            var town = units.Values.FirstOrDefault(u => u.Kind == OrgNodeKind.Town) ?? throw DomainException.NotFound("signerId");
            if (r.CounterpartId is { } cid)
            {
                var unit = units.GetValueOrDefault(cid) ?? throw DomainException.NotFound("counterpartId");
                var expected = r.Level == LetterLevel.TownCommunity ? unit.Kind == OrgNodeKind.Community : unit.Kind is OrgNodeKind.Department or OrgNodeKind.Unit;
                new Validator().Check(expected, "counterpartId", "publicity.level_mismatch").ThrowIfInvalid();
                letter = Letter(r, town.Id, town.Name, unit.Id, null, unit.Name, "N:" + unit.Id, by);
            }
            else
            {
                // A unit outside the organisation tree (a school, a hospital, a town enterprise) by its name.
                new Validator().Check(r.Level == LetterLevel.TownUnit, "counterpartId", "required").Required("counterpartName", r.CounterpartName, 190).ThrowIfInvalid();
                letter = Letter(r, town.Id, town.Name, null, null, r.CounterpartName!.Trim(), "U:" + r.CounterpartName.Trim(), by);
            }
        }

        Workflow.Check(Workflow.Unless(!await db.SafetyLetters.AnyAsync(l => l.Year == letter.Year && l.Level == letter.Level && l.CounterpartKey == letter.CounterpartKey, ct),
            "publicity.duplicate", "year", ErrorKind.Conflict));
        db.SafetyLetters.Add(letter);
        await SaveAsync(ct);
        return letter.Id;
    }

    private static SafetyLetter Letter(LetterRequest r, Guid signer, string signerName, Guid? counterpart, Guid? business, string name, string key, Actor by) => new()
    {
        Id = Guid.CreateVersion7(), Year = r.Year!.Value, Level = r.Level!.Value, DepartmentId = signer, SignerName = signerName, CounterpartId = counterpart,
        BusinessId = business, CounterpartName = name, CounterpartKey = key, SignedOn = r.SignedOn!.Value, CreatedAt = by.Now,
    };

    private static readonly LedgerColumn BusinessName = new("企业名称", "Business");
    private static readonly LedgerColumn CreditCode = new("统一社会信用代码", "CreditCode");
    private static readonly LedgerColumn SignedOn = new("签订日期", "SignedOn");

    /// <summary>
    /// A community's letters with its businesses for a year, from its Excel sheet: a business not yet on the register is added; a
    /// letter already there is left as it is (the same file twice changes nothing); each bad row by number.
    /// </summary>
    public async Task<LetterImport> ImportAsync(Stream file, Guid communityId, int year, CancellationToken ct = default)
    {
        Ledger.CheckWorkbook(file);
        var by = await actors.CurrentAsync(ct);
        new Validator().Check(year is >= 2000 and <= 2100, "year", "publicity.year_range").ThrowIfInvalid();
        var community = await CommunityAsync(communityId, by, "communityId", ct);
        var businesses = await db.Businesses.ToDictionaryAsync(b => b.CreditCode, ct);
        var signed = (await db.SafetyLetters.Where(l => l.Year == year && l.Level == LetterLevel.CommunityBusiness).Select(l => l.CounterpartKey).ToListAsync(ct)).ToHashSet();
        var errors = new List<ImportRowError>();
        int created = 0, unchanged = 0, added = 0;
        var inFile = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in Ledger.Rows(file, null, text))
        {
            var name = row.Text(BusinessName);
            var code = row.Text(CreditCode).ToUpperInvariant();
            var on = row.Date(SignedOn);
            if (on is null && row.Text(SignedOn).Length == 0)
            {
                // A letter is dated: a row without its day is named, not passed over.
                row.Fail(SignedOn, "required");
            }

            foreach (var e in CheckBusiness(name, code).Check(on is null || on <= by.Today, "signedOn", "publicity.future_date").Errors)
            {
                row.Errors.Add(new ImportRowError(row.Number, text.Field(e.Field), text.Error(e.Code, e.Args)));
            }

            if (row.Ok && businesses.TryGetValue(code, out var known) && known.CommunityId != community.Id)
            {
                row.Fail(CreditCode, "publicity.other_community", known.CommunityName);
            }

            if (row.Ok && !inFile.Add(code))
            {
                // The same business twice in one sheet: the first good row counts, the second is named.
                row.Fail(CreditCode, "publicity.duplicate_in_file");
            }

            if (row.Ok && on is not null)
            {
                if (!businesses.TryGetValue(code, out var b))
                {
                    b = new Business { Id = Guid.CreateVersion7(), Name = name.Trim(), CreditCode = code, CommunityId = community.Id, CommunityName = community.Name };
                    db.Businesses.Add(b);
                    businesses[code] = b;
                    added++;
                }

                if (signed.Add("B:" + code))
                {
                    db.SafetyLetters.Add(Letter(new LetterRequest(year, LetterLevel.CommunityBusiness, community.Id, null, b.Id, null, on), community.Id, community.Name, null, b.Id, b.Name, "B:" + code, by));
                    created++;
                }
                else
                {
                    unchanged++;
                }
            }

            errors.AddRange(row.Errors);
        }

        await SaveAsync(ct);
        return new LetterImport(created, unchanged, added, errors);
    }

    private Task SaveAsync(CancellationToken ct) => db.SaveOnceAsync(ct);
}
