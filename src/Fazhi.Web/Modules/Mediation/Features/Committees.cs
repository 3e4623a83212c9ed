using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

public sealed record RoomView(Guid Id, string Name, RoomPlace Place, string? PoliceStation, string? DutyPhone, bool IsActive);

public sealed record MemberView(Guid MediatorId, string Name, Gender Gender, CommitteeRole Role, DateOnly TermFrom, DateOnly TermTo);

/// <summary>A committee with its rooms, current members, and what does not meet 第8-9条.</summary>
public sealed record CommitteeView(
    Guid Id, string Code, string Name, CommitteeKind Kind, string? Sector, string Department, DateOnly? ReportedOn,
    IReadOnlyList<MemberView> Members, IReadOnlyList<RoomView> Rooms, IReadOnlyList<string> Warnings, int Mediators);

public sealed record MediatorRow(Guid Id, string Name, Gender Gender, string? Phone, string Committee, IReadOnlyList<string> Specialities, decimal TrainingHours, string? UserName, bool IsLawyer, bool IsActive);

public sealed record SaveMediatorRequest(string? Name, Gender? Gender, string? Phone, Guid? CommitteeId, IReadOnlyList<string>? Specialities, string? UserName, bool IsLawyer = false, bool IsActive = true);

public sealed record MemberRequest(Guid? MediatorId, CommitteeRole? Role, DateOnly? TermFrom, DateOnly? TermTo);

public sealed record TrainingRequest(DateOnly? On, decimal? Hours, string? Topic);

/// <summary>A new committee: its code, name, the short name its case numbers carry, kind, and the organisation node its cases belong to.</summary>
public sealed record CommitteeRequest(string? Code, string? Name, string? Abbreviation, CommitteeKind? Kind, string? Sector, Guid? DepartmentId);

/// <summary>A mediation room of a committee; one in a police station names the station (its node) and a duty phone for violence alerts.</summary>
public sealed record RoomRequest(string? Name, RoomPlace? Place, Guid? PoliceStationId, string? DutyPhone);

/// <summary>Committees, rooms, mediators and their trainings; the mediator ledger in Excel.</summary>
public sealed class CommitteeService(FazhiDbContext db, DataScopeResolver scopes, OrganisationDirectory directory, TimeProvider time, Text text, IHttpContextAccessor http)
{
    public async Task<IQueryable<MediationCommittee>> ScopedAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.Committees.AsNoTracking().WithinScope(scope, c => c.DepartmentId, _ => Guid.Empty);
    }

    public async Task<IReadOnlyList<CommitteeView>> ListAsync(CancellationToken ct = default)
    {
        var committees = await (await ScopedAsync(ct)).Include(c => c.Members).OrderBy(c => c.Kind).ThenBy(c => c.Code).ToListAsync(ct);
        var ids = committees.Select(c => c.Id).ToList();
        var rooms = await db.Rooms.AsNoTracking().Where(r => ids.Contains(r.CommitteeId)).OrderBy(r => r.Name).ToListAsync(ct);
        var memberIds = committees.SelectMany(c => c.Members).Select(x => x.MediatorId).Distinct().ToList();
        var mediators = await db.Mediators.AsNoTracking().Where(m => ids.Contains(m.CommitteeId) || memberIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, ct);
        var names = await directory.NamesAsync(ct);
        var today = ChinaTime.Today(time);
        return [.. committees.Select(c => new CommitteeView(
            c.Id, c.Code, c.Name, c.Kind, c.Sector, names.GetValueOrDefault(c.DepartmentId, ""), c.ReportedOn,
            [.. c.Members.Where(m => m.TermTo >= today).OrderBy(m => m.Role).Select(m => new MemberView(m.MediatorId, mediators.GetValueOrDefault(m.MediatorId)?.Name ?? "", mediators.GetValueOrDefault(m.MediatorId)?.Gender ?? Gender.Male, m.Role, m.TermFrom, m.TermTo))],
            [.. rooms.Where(r => r.CommitteeId == c.Id).Select(r => new RoomView(r.Id, r.Name, r.Place, r.PoliceStationId is { } p ? names.GetValueOrDefault(p) : null, r.DutyPhone, r.IsActive))],
            c.Warnings(mediators, today),
            mediators.Values.Count(m => m.CommitteeId == c.Id && m.IsActive)))];
    }

    public async Task<IReadOnlyList<(Guid Id, string Name)>> RoomsAsync(Guid? committeeId = null, CancellationToken ct = default)
    {
        var ids = await (await ScopedAsync(ct)).Select(c => c.Id).ToListAsync(ct);
        return [.. (await db.Rooms.AsNoTracking().Where(r => r.IsActive && ids.Contains(r.CommitteeId) && (committeeId == null || r.CommitteeId == committeeId))
            .OrderBy(r => r.Name).Select(r => new { r.Id, r.Name }).ToListAsync(ct)).Select(r => (r.Id, r.Name))];
    }

    public async Task<Paged<MediatorRow>> MediatorsAsync(string? q, Guid? committeeId, int page, CancellationToken ct = default)
    {
        var committees = await (await ScopedAsync(ct)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var ids = committees.Keys.ToList();
        var query = db.Mediators.AsNoTracking().Where(m => ids.Contains(m.CommitteeId));
        if (committeeId is { } c)
        {
            query = query.Where(m => m.CommitteeId == c);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(m => m.Name.Contains(term) || (m.UserName != null && m.UserName.Contains(term)));
        }

        var rows = await query.OrderBy(m => m.Name).ToPageAsync(page, 50, ct);
        return rows.With(rows.Items.Select(m => new MediatorRow(m.Id, m.Name, m.Gender, Masking.Phone(m.Phone), committees.GetValueOrDefault(m.CommitteeId, ""),
            m.Specialities, m.TrainingHours, m.UserName, m.IsLawyer, m.IsActive)).ToList());
    }

    public async Task<Mediator> SaveMediatorAsync(Guid? id, SaveMediatorRequest r, CancellationToken ct = default)
    {
        var committees = await (await ScopedAsync(ct)).Select(c => c.Id).ToListAsync(ct);
        var m = id is { } existing ? await db.Mediators.SingleOrDefaultAsync(x => x.Id == existing && committees.Contains(x.CommitteeId), ct) ?? throw DomainException.NotFound() : new Mediator { Id = Guid.CreateVersion7(), RowVersion = Guid.NewGuid() };
        m.Name = r.Name?.Trim() ?? "";
        m.Gender = r.Gender ?? (Gender)(-1);
        var phone = Masking.PhoneKept(r.Phone, m.Phone);
        m.Phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        m.Specialities = [.. (r.Specialities ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct()];
        m.UserName = string.IsNullOrWhiteSpace(r.UserName) ? null : r.UserName.Trim();
        m.IsLawyer = r.IsLawyer;
        m.IsActive = r.IsActive;
        var v = new Validator().Check(r.CommitteeId is { } c && committees.Contains(c), "committeeId", "required");
        m.Check(v);
        if (m.UserName is { } user && await directory.StaffIdAsync(user, ct) is null)
        {
            v.Check(false, "userName", "mediation.account_unknown");
        }

        v.ThrowIfInvalid();
        m.CommitteeId = r.CommitteeId!.Value;
        if (id is null)
        {
            db.Mediators.Add(m);
        }

        await db.SaveChangesAsync(ct);
        return m;
    }

    public async Task<MediationCommittee> CreateCommitteeAsync(CommitteeRequest r, CancellationToken ct = default)
    {
        var units = await directory.UnitsAsync(ct);
        var scope = await scopes.CurrentAsync(ct);
        new Validator()
            .Required("code", r.Code, 50)
            .Required("name", r.Name, 100)
            .Required("abbreviation", r.Abbreviation, 20)
            .Check(r.Kind is { } k && Enum.IsDefined(k), "kind", "required")
            .Check(r.Kind != CommitteeKind.Sector || !string.IsNullOrWhiteSpace(r.Sector), "sector", "required")
            .MaxLength("sector", r.Sector, 50)
            .Check(r.DepartmentId is { } d && units.ContainsKey(d) && (scope.All || scope.DepartmentIds.Contains(d)), "departmentId", "required")
            .ThrowIfInvalid();
        var (code, abbreviation) = (r.Code!.Trim(), r.Abbreviation!.Trim());
        if (await db.Committees.AnyAsync(c => c.Code == code || c.Abbreviation == abbreviation, ct))
        {
            throw new DomainException("mediation.committee_taken", "code", ErrorKind.Conflict);
        }

        var committee = new MediationCommittee
        {
            Id = Guid.CreateVersion7(), Code = code, Name = r.Name!.Trim(), Abbreviation = abbreviation, Kind = r.Kind!.Value,
            Sector = string.IsNullOrWhiteSpace(r.Sector) ? null : r.Sector.Trim(), DepartmentId = r.DepartmentId!.Value, RowVersion = Guid.NewGuid(),
        };
        db.Committees.Add(committee);
        await db.SaveChangesAsync(ct);
        return committee;
    }

    public async Task<MediationRoom> AddRoomAsync(Guid committeeId, RoomRequest r, CancellationToken ct = default)
    {
        var committee = await (await ScopedAsync(ct)).SingleOrDefaultAsync(c => c.Id == committeeId, ct) ?? throw DomainException.NotFound();
        var units = await directory.UnitsAsync(ct);
        new Validator()
            .Required("name", r.Name, 100)
            .Check(r.Place is { } p && Enum.IsDefined(p), "place", "required")
            .Check(r.Place != RoomPlace.PoliceStation || (r.PoliceStationId is { } s && units.ContainsKey(s)), "policeStationId", "required")
            .Check(r.Place != RoomPlace.PoliceStation || !string.IsNullOrWhiteSpace(r.DutyPhone), "dutyPhone", "required")
            .MaxLength("dutyPhone", r.DutyPhone, 30)
            .ThrowIfInvalid();
        var room = new MediationRoom
        {
            Id = Guid.CreateVersion7(), CommitteeId = committee.Id, Name = r.Name!.Trim(), Place = r.Place!.Value,
            PoliceStationId = r.Place == RoomPlace.PoliceStation ? r.PoliceStationId : null, DutyPhone = string.IsNullOrWhiteSpace(r.DutyPhone) ? null : r.DutyPhone.Trim(),
            OpenedOn = ChinaTime.Today(time),
        };
        db.Rooms.Add(room);
        await db.SaveChangesAsync(ct);
        return room;
    }

    public async Task AddMemberAsync(Guid committeeId, MemberRequest r, CancellationToken ct = default)
    {
        var committee = await (await ScopedAsync(ct)).AsTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == committeeId, ct) ?? throw DomainException.NotFound();
        new Validator()
            .Check(r.MediatorId is not null && await db.Mediators.AnyAsync(m => m.Id == r.MediatorId, ct), "mediatorId", "required")
            .Check(r.TermFrom is not null, "termFrom", "required")
            .Check(r.TermTo is { } to && r.TermFrom is { } from && to > from, "termTo", "required")
            .ThrowIfInvalid();
        committee.Members.Add(new CommitteeMember
        {
            Id = Guid.CreateVersion7(), CommitteeId = committee.Id, MediatorId = r.MediatorId!.Value, Role = r.Role ?? CommitteeRole.Member, TermFrom = r.TermFrom!.Value, TermTo = r.TermTo!.Value,
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task AddTrainingAsync(Guid mediatorId, TrainingRequest r, CancellationToken ct = default)
    {
        var committees = await (await ScopedAsync(ct)).Select(c => c.Id).ToListAsync(ct);
        var m = await db.Mediators.SingleOrDefaultAsync(x => x.Id == mediatorId && committees.Contains(x.CommitteeId), ct) ?? throw DomainException.NotFound();
        new Validator()
            .Check(r.On is not null, "on", "required")
            .Check(r.Hours is > 0 and <= 200, "trainingHours", "out_of_range", 0.5, 200)
            .Required("topic", r.Topic, 200)
            .ThrowIfInvalid();
        db.Trainings.Add(new MediatorTraining { Id = Guid.CreateVersion7(), MediatorId = m.Id, On = r.On!.Value, Hours = r.Hours!.Value, Topic = r.Topic!.Trim() });
        m.TrainingHours += r.Hours!.Value;
        await db.SaveChangesAsync(ct);
    }

    // The mediator ledger: written in Chinese, read in either language.
    private static readonly LedgerColumn Name = new("姓名", "Name");
    private static readonly LedgerColumn Sex = new("性别", "Gender");
    private static readonly LedgerColumn Phone = new("手机", "Phone");
    private static readonly LedgerColumn Committee = new("调解委员会编码", "CommitteeCode");
    private static readonly LedgerColumn Specialities = new("专长", "Specialities");
    private static readonly LedgerColumn Hours = new("培训学时", "TrainingHours");
    private static readonly LedgerColumn Account = new("账号", "UserName");
    private static readonly LedgerColumn Lawyer = new("律师", "Lawyer");
    private static readonly LedgerColumn Active = new("在职", "Active");

    private static readonly Dictionary<string, Gender> Genders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["女"] = Gender.Female, ["男"] = Gender.Male, ["Female"] = Gender.Female, ["Male"] = Gender.Male, ["F"] = Gender.Female, ["M"] = Gender.Male,
    };

    public async Task<byte[]> ExportMediatorsAsync(CancellationToken ct = default)
    {
        var committees = await (await ScopedAsync(ct)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        var ids = committees.Keys.ToList();
        var mediators = await db.Mediators.AsNoTracking().Where(m => ids.Contains(m.CommitteeId)).OrderBy(m => m.Name).ToListAsync(ct);
        // The justice office and administrators, who keep the ledger and import it back, read the phones in full; others masked.
        var full = http.HttpContext?.User is { } reader && (reader.IsInRole(Roles.Supervisor) || reader.IsInRole(Roles.Administrator));
        return await Spreadsheet.WriteAsync(new LedgerSheet("调解员", "Mediators").Name, mediators.Select(m => Ledger.Row(
            (Name, m.Name), (Sex, m.Gender == Gender.Female ? "女" : "男"), (Phone, full ? m.Phone ?? "" : Masking.Phone(m.Phone)), (Committee, committees[m.CommitteeId]),
            (Specialities, string.Join("、", m.Specialities)), (Hours, m.TrainingHours), (Account, m.UserName ?? ""), (Lawyer, Ledger.YesNo(m.IsLawyer)), (Active, Ledger.YesNo(m.IsActive)))));
    }

    /// <summary>Creates or updates mediators (by account, else by name within the committee); each bad row is reported, the rest saved.</summary>
    public async Task<ImportReport> ImportMediatorsAsync(Stream file, CancellationToken ct = default)
    {
        Ledger.CheckWorkbook(file);
        var committees = await (await ScopedAsync(ct)).ToDictionaryAsync(c => c.Code, c => c.Id, StringComparer.OrdinalIgnoreCase, ct);
        var errors = new List<ImportRowError>();
        int created = 0, updated = 0;
        foreach (var row in Ledger.Rows(file, null, text))
        {
            var gender = row.Choice(Sex, Genders);
            if (!committees.TryGetValue(row.Text(Committee), out var committeeId))
            {
                row.Fail(Committee, "not_found");
            }

            var hours = row.Amount(Hours);
            var request = new SaveMediatorRequest(row.Text(Name), gender, row.Optional(Phone), committeeId, row.List(Specialities), row.Optional(Account), row.YesNo(Lawyer, false), row.YesNo(Active, true));
            if (row.Ok)
            {
                var account = request.UserName;
                var name = request.Name?.Trim();
                var existing = await db.Mediators.AsNoTracking()
                    .Where(m => account != null ? m.UserName == account : m.Name == name && m.CommitteeId == committeeId).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
                var saved = await row.TryAsync(async () =>
                {
                    var m = await SaveMediatorAsync(existing, request, ct);
                    if (hours is { } h && h != m.TrainingHours)
                    {
                        m.TrainingHours = h;
                        await db.SaveChangesAsync(ct);
                    }
                });
                if (saved)
                {
                    _ = existing is null ? created++ : updated++;
                }
                else
                {
                    db.ChangeTracker.Clear();
                }
            }

            errors.AddRange(row.Errors);
        }

        return new ImportReport(created, updated, errors);
    }
}

public static class CommitteeApi
{
    public static RouteGroupBuilder MapCommittees(this RouteGroupBuilder g)
    {
        g.MapGet("/committees", async (CommitteeService s) => TypedResults.Ok(await s.ListAsync()))
            .WithSummary("Committees in the caller's scope, with rooms, current members and what does not meet 人民调解法 第8-9条.");
        g.MapPost("/committees", async (CommitteeRequest r, CommitteeService s) =>
        {
            var c = await s.CreateCommitteeAsync(r);
            return TypedResults.Created($"/api/mediation/committees", new NewRecord(c.Id));
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A new committee (village, community, town, enterprise or sector) under an organisation node.");
        g.MapPost("/committees/{id:guid}/rooms", async (Guid id, RoomRequest r, CommitteeService s) =>
        {
            var room = await s.AddRoomAsync(id, r);
            return TypedResults.Created($"/api/mediation/committees", new NewRecord(room.Id));
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A mediation room, in a police station (with its duty phone), a lawyer's studio or elsewhere.");
        g.MapPost("/committees/{id:guid}/members", async (Guid id, MemberRequest r, CommitteeService s) =>
        {
            await s.AddMemberAsync(id, r);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A member's seat for a term.");
        g.MapGet("/mediators", async (string? q, Guid? committeeId, int? page, CommitteeService s) => TypedResults.Ok(await s.MediatorsAsync(q, committeeId, page ?? 1)))
            .WithSummary("Mediators in the caller's scope, phones masked.");
        g.MapPost("/mediators", async (SaveMediatorRequest r, CommitteeService s) =>
        {
            var m = await s.SaveMediatorAsync(null, r);
            return TypedResults.Created($"/api/mediation/mediators/{m.Id}", new NewRecord(m.Id));
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A new mediator.");
        g.MapPut("/mediators/{id:guid}", async (Guid id, SaveMediatorRequest r, CommitteeService s) =>
        {
            await s.SaveMediatorAsync(id, r);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("Change a mediator.");
        g.MapPost("/mediators/{id:guid}/trainings", async (Guid id, TrainingRequest r, CommitteeService s) =>
        {
            await s.AddTrainingAsync(id, r);
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).WithSummary("A training the mediator attended (its hours add up).");
        g.MapGet("/mediators/export", async (CommitteeService s) => TypedResults.File(await s.ExportMediatorsAsync(), Spreadsheet.ContentType, "mediators.xlsx"))
            .WithSummary("The mediator ledger as Excel.").ProducesExcel();
        g.MapPost("/mediators/import", async (IFormFile file, CommitteeService s) =>
        {
            await using var buffer = await Spreadsheet.BufferAsync(file, Spreadsheet.MaxImportBytes);
            return TypedResults.Ok(await s.ImportMediatorsAsync(buffer));
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, Roles.Administrator)).DisableAntiforgery()
            .WithSummary("Create or update mediators from Excel; each bad row is reported by number, the rest saved.");
        return g;
    }
}
