using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

public sealed record PlaceView(Guid Id, string Code, string Name, PlaceKind Kind, bool ModelStation);

public sealed record LawyerRow(Guid Id, string Name, Guid FirmId, string Firm, string LicenceNumber, DateOnly LicenceValidUntil, bool LicenceLapsing, IReadOnlyList<MatterType> Specialities, int Load, bool IsActive);

/// <summary>A lawyer joins the pool, or their entry changes (licence renewed, specialities, leaving the pool).</summary>
public sealed record LawyerRequest(Guid? FirmId, string? Name, string? LicenceNumber, DateOnly? LicenceValidUntil, IReadOnlyList<MatterType>? Specialities, bool IsActive = true);

public sealed record FirmRequest(string? Name, string? Licence);

public sealed record FirmView(Guid Id, string Name, string Licence);

public sealed record SubsidyRateRequest(ServiceForm? Form, DateOnly? EffectiveFrom, decimal? Amount);

public sealed record SubsidyRateView(ServiceForm Form, DateOnly EffectiveFrom, decimal Amount);

public sealed record ShiftRequest(Guid? PlaceId, DateOnly? Day, Guid? LawyerId);

public sealed record ShiftView(Guid Id, DateOnly Day, Guid PlaceId, string Place, Guid LawyerId, string Lawyer, string Firm);

public sealed record ThresholdRequest(DateOnly? EffectiveFrom, decimal? MonthlyIncomePerPerson);

public sealed record ThresholdView(DateOnly EffectiveFrom, decimal MonthlyIncomePerPerson);

/// <summary>One line of the month's payment list: a closed case and the lawyer's subsidy.</summary>
public sealed record SubsidyLine(string Number, string Lawyer, string Firm, ServiceForm Form, DateTime ClosedAt, decimal Amount);

/// <summary>The lawyer pool, the places and duty rosters, and the city's effective-dated tables (threshold, subsidies).</summary>
public sealed class PoolService(FazhiDbContext db, DataScopeResolver scopes, ActorSource actors, IConfiguration configuration)
{
    /// <summary>Licences lapsing within this many days show as lapsing (and alert).</summary>
    public const int LapsingDays = 30;

    public async Task<IReadOnlyList<PlaceView>> PlacesAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return await db.AidPlaces.AsNoTracking().WithinScope(scope, p => p.DepartmentId, _ => Guid.Empty).Where(p => p.IsActive)
            .OrderBy(p => p.Kind).ThenBy(p => p.Code).Select(p => new PlaceView(p.Id, p.Code, p.Name, p.Kind, p.ModelStation)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<LawyerRow>> LawyersAsync(CancellationToken ct = default)
    {
        var today = (await actors.CurrentAsync(ct)).Today;
        var firms = await db.LawFirms.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var loads = await db.AidApplications.AsNoTracking().Where(x => x.Status == AidStatus.Assigned && x.LawyerId != null)
            .GroupBy(x => x.LawyerId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var lawyers = await db.AidLawyers.AsNoTracking().OrderBy(l => l.FirmId).ThenBy(l => l.Name).ToListAsync(ct);
        return [.. lawyers.Select(l => new LawyerRow(l.Id, l.Name, l.FirmId, firms.GetValueOrDefault(l.FirmId, ""), l.LicenceNumber, l.LicenceValidUntil,
            l.LicenceValidUntil <= today.AddDays(LapsingDays), l.Specialities, loads.GetValueOrDefault(l.Id), l.IsActive))];
    }

    public async Task<IReadOnlyList<FirmView>> FirmsAsync(CancellationToken ct = default) =>
        await db.LawFirms.AsNoTracking().OrderBy(f => f.Name).Select(f => new FirmView(f.Id, f.Name, f.Licence)).ToListAsync(ct);

    public async Task<NewRecord> AddFirmAsync(FirmRequest r, CancellationToken ct = default)
    {
        new Validator().Required("name", r.Name, 100).Required("licence", r.Licence, 40).ThrowIfInvalid();
        var firm = new LawFirm { Id = Guid.CreateVersion7(), Name = r.Name!.Trim(), Licence = r.Licence!.Trim() };
        db.LawFirms.Add(firm);
        await db.SaveChangesAsync(ct);
        return new NewRecord(firm.Id);
    }

    public async Task<IReadOnlyList<SubsidyRateView>> SubsidyRatesAsync(CancellationToken ct = default)
    {
        var city = LegalAidModule.City(configuration);
        return await db.AidSubsidyRates.AsNoTracking().Where(t => t.City == city).OrderBy(t => t.Form).ThenByDescending(t => t.EffectiveFrom)
            .Select(t => new SubsidyRateView(t.Form, t.EffectiveFrom, t.Amount)).ToListAsync(ct);
    }

    /// <summary>A new subsidy for a service form from a day: cases closed from that day are paid at it.</summary>
    public async Task AddSubsidyRateAsync(SubsidyRateRequest r, CancellationToken ct = default)
    {
        new Validator().Check(r.Form is { } f && Enum.IsDefined(f), "form", "required").Check(r.EffectiveFrom is not null, "effectiveFrom", "required")
            .Check(r.Amount is >= 0 and < 1_000_000, "amount", "required").ThrowIfInvalid();
        var city = LegalAidModule.City(configuration);
        if (await db.AidSubsidyRates.AnyAsync(t => t.City == city && t.Form == r.Form && t.EffectiveFrom == r.EffectiveFrom, ct))
        {
            throw new DomainException("legalaid.threshold_taken", "effectiveFrom", ErrorKind.Conflict);
        }

        db.AidSubsidyRates.Add(new AidSubsidyRate { Id = Guid.CreateVersion7(), City = city, Form = r.Form!.Value, EffectiveFrom = r.EffectiveFrom!.Value, Amount = r.Amount!.Value });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A lawyer joins the pool (supervisors: the justice office keeps it).</summary>
    public async Task<NewRecord> AddLawyerAsync(LawyerRequest r, CancellationToken ct = default)
    {
        var centre = await db.AidPlaces.AsNoTracking().Where(p => p.Kind == PlaceKind.Centre).Select(p => p.DepartmentId).FirstOrDefaultAsync(ct);
        var lawyer = new AidLawyer { Id = Guid.CreateVersion7(), DepartmentId = centre };
        await ApplyAsync(lawyer, r, ct);
        db.AidLawyers.Add(lawyer);
        await SaveAsync(ct);
        return new NewRecord(lawyer.Id);
    }

    public async Task UpdateLawyerAsync(Guid id, LawyerRequest r, CancellationToken ct = default)
    {
        var lawyer = await db.AidLawyers.SingleOrDefaultAsync(l => l.Id == id, ct) ?? throw DomainException.NotFound();
        await ApplyAsync(lawyer, r, ct);
        await SaveAsync(ct);
    }

    private async Task ApplyAsync(AidLawyer lawyer, LawyerRequest r, CancellationToken ct)
    {
        new Validator().Check(r.FirmId is not null, "firmId", "required").Required("name", r.Name, 50).Required("licenceNumber", r.LicenceNumber, 30)
            .Check(r.LicenceValidUntil is not null, "licenceValidUntil", "required")
            .Check(r.Specialities is null || r.Specialities.All(Enum.IsDefined), "specialities", "required").ThrowIfInvalid();
        if (!await db.LawFirms.AnyAsync(f => f.Id == r.FirmId, ct))
        {
            throw DomainException.NotFound("firmId");
        }

        (lawyer.FirmId, lawyer.Name, lawyer.LicenceNumber, lawyer.LicenceValidUntil, lawyer.Specialities, lawyer.IsActive) =
            (r.FirmId!.Value, r.Name!.Trim(), r.LicenceNumber!.Trim(), r.LicenceValidUntil!.Value, [.. (r.Specialities ?? []).Distinct()], r.IsActive);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("legalaid.licence_taken", "licenceNumber", ErrorKind.Conflict);
        }
    }

    /// <summary>The duty roster from a day for a week, by place.</summary>
    public async Task<IReadOnlyList<ShiftView>> RosterAsync(DateOnly from, int days = 7, CancellationToken ct = default)
    {
        new Validator().Check(from.Year is >= 2000 and <= 2100, "from", "legalaid.date_out_of_range").ThrowIfInvalid();
        var until = from.AddDays(days);
        var start = from;
        var places = (await PlacesAsync(ct)).ToDictionary(p => p.Id, p => p.Name);
        var ids = places.Keys.ToList();
        return await (
            from s in db.DutyShifts.AsNoTracking()
            where s.Day >= start && s.Day < until && ids.Contains(s.PlaceId)
            join l in db.AidLawyers.AsNoTracking() on s.LawyerId equals l.Id
            join f in db.LawFirms.AsNoTracking() on l.FirmId equals f.Id
            orderby s.Day, s.PlaceId, l.Name
            select new ShiftView(s.Id, s.Day, s.PlaceId, "", l.Id, l.Name, f.Name)).ToListAsync(ct)
            .ContinueWith(t => (IReadOnlyList<ShiftView>)[.. t.Result.Select(s => s with { Place = places.GetValueOrDefault(s.PlaceId, "") })], ct);
    }

    /// <summary>值班: a lawyer on duty at a place on a day; licensed on that day; once a day.</summary>
    public async Task<NewRecord> AddShiftAsync(ShiftRequest r, CancellationToken ct = default)
    {
        new Validator().Check(r.PlaceId is not null, "placeId", "required").Check(r.Day is not null, "day", "required").Check(r.LawyerId is not null, "lawyerId", "required").ThrowIfInvalid();
        var scope = await scopes.CurrentAsync(ct);
        _ = await db.AidPlaces.AsNoTracking().WithinScope(scope, p => p.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(p => p.Id == r.PlaceId, ct) ?? throw DomainException.NotFound("placeId");
        var lawyer = await db.AidLawyers.AsNoTracking().SingleOrDefaultAsync(l => l.Id == r.LawyerId, ct) ?? throw DomainException.NotFound("lawyerId");
        if (!lawyer.LicensedOn(r.Day!.Value))
        {
            throw new DomainException("legalaid.licence_lapsed", "lawyerId", ErrorKind.Conflict, lawyer.Name);
        }

        if (await db.DutyShifts.AnyAsync(s => s.PlaceId == r.PlaceId && s.Day == r.Day && s.LawyerId == r.LawyerId, ct))
        {
            throw new DomainException("legalaid.shift_taken", "lawyerId", ErrorKind.Conflict);
        }

        var shift = new DutyShift { Id = Guid.CreateVersion7(), PlaceId = r.PlaceId!.Value, Day = r.Day.Value, LawyerId = lawyer.Id };
        db.DutyShifts.Add(shift);
        await db.SaveChangesAsync(ct);
        return new NewRecord(shift.Id);
    }

    public async Task<IReadOnlyList<ThresholdView>> ThresholdsAsync(CancellationToken ct = default)
    {
        var city = LegalAidModule.City(configuration);
        return await db.HardshipThresholds.AsNoTracking().Where(t => t.City == city).OrderByDescending(t => t.EffectiveFrom)
            .Select(t => new ThresholdView(t.EffectiveFrom, t.MonthlyIncomePerPerson)).ToListAsync(ct);
    }

    /// <summary>A new threshold from a day: applications received from that day are tested on it; earlier ones keep theirs.</summary>
    public async Task AddThresholdAsync(ThresholdRequest r, CancellationToken ct = default)
    {
        new Validator().Check(r.EffectiveFrom is not null, "effectiveFrom", "required").Check(r.MonthlyIncomePerPerson is > 0 and < 1_000_000, "monthlyIncomePerPerson", "required").ThrowIfInvalid();
        var city = LegalAidModule.City(configuration);
        if (await db.HardshipThresholds.AnyAsync(t => t.City == city && t.EffectiveFrom == r.EffectiveFrom, ct))
        {
            throw new DomainException("legalaid.threshold_taken", "effectiveFrom", ErrorKind.Conflict);
        }

        db.HardshipThresholds.Add(new HardshipThreshold { Id = Guid.CreateVersion7(), City = city, EffectiveFrom = r.EffectiveFrom!.Value, MonthlyIncomePerPerson = r.MonthlyIncomePerPerson!.Value });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The month's payment list: every case closed in the month with its lawyer's subsidy.</summary>
    public async Task<IReadOnlyList<SubsidyLine>> SubsidiesAsync(int year, int month, CancellationToken ct = default)
    {
        new Validator().Check(year is >= 2000 and <= 2100, "year", "legalaid.date_out_of_range").Check(month is >= 1 and <= 12, "month", "legalaid.date_out_of_range").ThrowIfInvalid();
        var scope = await scopes.CurrentAsync(ct);
        var first = new DateOnly(year, month, 1);
        var (start, end) = (ChinaTime.StartOfDayUtc(first), ChinaTime.StartOfDayUtc(first.AddMonths(1)));
        return await (
            from a in db.AidApplications.AsNoTracking().WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty)
            where a.Status == AidStatus.Closed && a.ClosedAt >= start && a.ClosedAt < end && a.Subsidy != null
            join l in db.AidLawyers.AsNoTracking() on a.LawyerId equals l.Id
            join f in db.LawFirms.AsNoTracking() on l.FirmId equals f.Id
            orderby f.Name, l.Name, a.Number
            select new SubsidyLine(a.Number, l.Name, f.Name, a.Form, a.ClosedAt!.Value, a.Subsidy!.Value)).ToListAsync(ct);
    }

    public async Task<byte[]> SubsidiesExcelAsync(int year, int month, Text text, CancellationToken ct = default)
    {
        var lines = await SubsidiesAsync(year, month, ct);
        LedgerColumn number = new("案件编号", "Case number"), lawyer = new("承办律师", "Lawyer"), firm = new("律师事务所", "Law firm"),
            form = new("服务形式", "Service form"), closed = new("结案日期", "Closed on"), amount = new("补贴金额（元）", "Subsidy (CNY)");
        return await Spreadsheet.WriteAsync($"{year}-{month:00}", lines.Select(l => Ledger.Row(
            (number, l.Number), (lawyer, l.Lawyer), (firm, l.Firm), (form, text["legalaid.form." + l.Form].Value), (closed, ChinaTime.DateOf(l.ClosedAt)), (amount, l.Amount)))
            .Append(Ledger.Row((number, text["legalaid.total"].Value), (lawyer, ""), (firm, ""), (form, ""), (closed, null), (amount, lines.Sum(l => l.Amount)))));
    }
}

public static class PoolApi
{
    public static RouteGroupBuilder MapPool(this RouteGroupBuilder g)
    {
        g.MapGet("/places", async (PoolService s) => TypedResults.Ok(await s.PlacesAsync()))
            .WithSummary("The public legal service centre and the community stations in the caller's scope.");
        g.MapGet("/lawyers", async (PoolService s) => TypedResults.Ok(await s.LawyersAsync()))
            .WithSummary("The lawyer pool: firm, licence (lapsing within 30 days marked), specialities and current load.");
        g.MapPost("/lawyers", async (LawyerRequest r, PoolService s) =>
            {
                var created = await s.AddLawyerAsync(r);
                return TypedResults.Created($"/api/legal-aid/lawyers/{created.Id}", created);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A lawyer joins the pool (the justice office keeps it).");
        g.MapPut("/lawyers/{id:guid}", async (Guid id, LawyerRequest r, PoolService s) =>
            {
                await s.UpdateLawyerAsync(id, r);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A lawyer's entry changes: licence renewed, specialities, leaving the pool.");
        g.MapGet("/firms", async (PoolService s) => TypedResults.Ok(await s.FirmsAsync())).WithSummary("The law firms of the pool.");
        g.MapPost("/firms", async (FirmRequest r, PoolService s) =>
            {
                var created = await s.AddFirmAsync(r);
                return TypedResults.Created($"/api/legal-aid/firms/{created.Id}", created);
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A law firm joins the pool.");
        g.MapGet("/subsidy-rates", async (PoolService s) => TypedResults.Ok(await s.SubsidyRatesAsync()))
            .WithSummary("The city's case subsidies by service form, each from its day.");
        g.MapPost("/subsidy-rates", async (SubsidyRateRequest r, PoolService s) =>
            {
                await s.AddSubsidyRateAsync(r);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A new subsidy for a service form from a day; cases closed before keep theirs.");
        g.MapGet("/roster", async (DateOnly? from, PoolService s, TimeProvider time) => TypedResults.Ok(await s.RosterAsync(from ?? ChinaTime.Today(time))))
            .WithSummary("The duty lawyers for a week from a day (default today), by place.");
        g.MapPost("/roster", async (ShiftRequest r, PoolService s) =>
            {
                var created = await s.AddShiftAsync(r);
                return TypedResults.Created($"/api/legal-aid/roster/{created.Id}", created);
            })
            .WithSummary("值班律师: a lawyer on duty at a place on a day (licensed on the day; once a day).");
        g.MapGet("/thresholds", async (PoolService s) => TypedResults.Ok(await s.ThresholdsAsync()))
            .WithSummary("The city's hardship thresholds (monthly income per household member), newest first; each applies from its day.");
        g.MapPost("/thresholds", async (ThresholdRequest r, PoolService s) =>
            {
                await s.AddThresholdAsync(r);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A new threshold from a day; applications received before keep the rule of their day.");
        g.MapGet("/subsidies", async (int? year, int? month, PoolService s, TimeProvider time) =>
                TypedResults.Ok(await s.SubsidiesAsync(year ?? ChinaTime.Today(time).Year, month ?? ChinaTime.Today(time).Month)))
            .WithSummary("The month's payment list (default: this month): the cases closed in it and each lawyer's subsidy.");
        g.MapGet("/subsidies/export", async (int? year, int? month, PoolService s, Text text, TimeProvider time) =>
            {
                var (y, m) = (year ?? ChinaTime.Today(time).Year, month ?? ChinaTime.Today(time).Month);
                return TypedResults.File(await s.SubsidiesExcelAsync(y, m, text), Spreadsheet.ContentType, $"legal-aid-subsidies-{y}-{m:00}.xlsx");
            })
            .WithSummary("The month's payment list as Excel (default: this month).").ProducesExcel();
        return g;
    }
}
