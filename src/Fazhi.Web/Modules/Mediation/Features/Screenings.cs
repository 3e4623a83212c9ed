using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

public sealed record AreaInput(string? Name, AreaKind? Kind, Guid? DepartmentId);

/// <summary>A campaign: its name, period, report day and areas (by default every community of the town).</summary>
public sealed record OpenCampaignRequest(string? Name, DateOnly? From, DateOnly? To, DateOnly? ReportDue, IReadOnlyList<AreaInput>? Areas);

public sealed record FindingInput(string? Description, DisputeType? Type, string? Parties, bool Major = false);

/// <summary>An area's report: its findings, or none for a zero report (零报告).</summary>
public sealed record AreaReport(IReadOnlyList<FindingInput>? Findings);

/// <summary>What to open a case from a finding with.</summary>
public sealed record FindingCaseRequest(Guid? CommitteeId, IReadOnlyList<Guid>? MediatorIds, IReadOnlyList<PartyInput>? Parties);

/// <summary>A screening campaign with each area's report (its due date, when and by whom, zero or not) and findings.</summary>
public sealed record CampaignView(Guid Id, string Name, DateOnly From, DateOnly To, DateOnly ReportDue, Guid DepartmentId, string CreatedBy, DateTime CreatedAt, IReadOnlyList<AreaView> Areas)
{
    public static CampaignView Of(ScreeningCampaign c) => new(c.Id, c.Name, c.From, c.To, c.ReportDue, c.DepartmentId, c.CreatedBy, c.CreatedAt,
        [.. c.Areas.OrderBy(a => a.Name).Select(a => new AreaView(a.Id, a.Name, a.Kind, a.DepartmentId, a.Clock.DueDate, a.ReportedAt, a.ReportedBy, a.ZeroReport,
            [.. a.Findings.Select(f => new FindingView(f.Id, f.Description, f.Type, f.Parties, f.Major, f.CaseId))]))]);
}

public sealed record AreaView(Guid Id, string Name, AreaKind Kind, Guid DepartmentId, DateOnly? DueDate, DateTime? ReportedAt, string? ReportedBy, bool ZeroReport, IReadOnlyList<FindingView> Findings);

public sealed record FindingView(Guid Id, string Description, DisputeType Type, string? Parties, bool Major, Guid? CaseId);

public sealed record CampaignRow(Guid Id, string Name, DateOnly From, DateOnly To, DateOnly ReportDue, int Areas, int Reported, int ZeroReports, int Findings);

/// <summary>矛盾纠纷排查: campaigns, the areas' reports, and cases opened from findings.</summary>
public sealed class ScreeningService(FazhiDbContext db, DataScopeResolver scopes, OrganisationDirectory directory, WorkingDayCalendar calendar, TimeProvider time, IHttpContextAccessor http, CaseService cases)
{
    private string ActorName => http.HttpContext?.User.Identity?.Name ?? "system";

    /// <summary>Campaigns the caller runs, or has an area in.</summary>
    private async Task<IQueryable<ScreeningCampaign>> ScopedAsync(CancellationToken ct)
    {
        var scope = await scopes.CurrentAsync(ct);
        if (scope.All)
        {
            return db.Campaigns.AsNoTracking();
        }

        var ids = scope.DepartmentIds.ToList();
        return db.Campaigns.AsNoTracking().Where(c => ids.Contains(c.DepartmentId) || c.Areas.Any(a => ids.Contains(a.DepartmentId)));
    }

    public async Task<IReadOnlyList<CampaignRow>> ListAsync(CancellationToken ct = default) =>
        await (await ScopedAsync(ct)).OrderByDescending(c => c.From)
            .Select(c => new CampaignRow(c.Id, c.Name, c.From, c.To, c.ReportDue, c.Areas.Count, c.Areas.Count(a => a.ReportedAt != null),
                c.Areas.Count(a => a.ZeroReport), c.Areas.SelectMany(a => a.Findings).Count()))
            .ToListAsync(ct);

    public async Task<ScreeningCampaign> GetAsync(Guid id, CancellationToken ct = default)
    {
        var campaign = await (await ScopedAsync(ct)).Include(c => c.Areas).ThenInclude(a => a.Findings).AsSplitQuery().SingleOrDefaultAsync(c => c.Id == id, ct)
            ?? throw DomainException.NotFound();
        campaign.Areas.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return campaign;
    }

    /// <summary>Opens a campaign run by the caller's department; with no areas given, every active community is one.</summary>
    public async Task<ScreeningCampaign> OpenAsync(OpenCampaignRequest r, Guid departmentId, CancellationToken ct = default)
    {
        IReadOnlyList<(string, AreaKind, Guid)> areas;
        if (r.Areas is { Count: > 0 } given)
        {
            var units = await directory.UnitsAsync(ct);
            var v = new Validator();
            foreach (var (a, i) in given.Select((a, i) => (a, i)))
            {
                v.Required($"areas[{i}].name", a.Name, 100).Check(a.DepartmentId is { } d && units.ContainsKey(d), $"areas[{i}].departmentId", "required");
            }

            v.ThrowIfInvalid();
            areas = [.. given.Select(a => (a.Name!.Trim(), a.Kind ?? AreaKind.Community, a.DepartmentId!.Value))];
        }
        else
        {
            areas = [.. (await directory.UnitsAsync(ct)).Values.Where(u => u.Kind == OrgNodeKind.Community && u.IsActive).OrderBy(u => u.Code).Select(u => (u.Name, AreaKind.Community, u.Id))];
        }

        var today = ChinaTime.Today(time);
        var campaign = ScreeningCampaign.Open(r.Name, r.From ?? today, r.To ?? today, r.ReportDue ?? today, departmentId, areas, calendar, today, ActorName, time.GetUtcNow().UtcDateTime);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return campaign;
    }

    /// <summary>An area reports (its own department, or the office that runs the campaign).</summary>
    public async Task ReportAsync(Guid campaignId, Guid areaId, AreaReport r, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var campaign = await db.Campaigns.Include(c => c.Areas).ThenInclude(a => a.Findings).SingleOrDefaultAsync(c => c.Id == campaignId, ct) ?? throw DomainException.NotFound();
        var area = campaign.Areas.SingleOrDefault(a => a.Id == areaId) ?? throw DomainException.NotFound("areaId");
        if (!scope.Allows(area.DepartmentId, null) && !scope.Allows(campaign.DepartmentId, null))
        {
            throw DomainException.NotFound("areaId");
        }

        var findings = (r.Findings ?? []).Select(f => new ScreeningFinding
        {
            Description = f.Description?.Trim() ?? "", Type = f.Type ?? DisputeType.Other, Parties = string.IsNullOrWhiteSpace(f.Parties) ? null : f.Parties.Trim(), Major = f.Major,
        }).ToList();
        area.Report(findings, ActorName, time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("mediation.area_reported", "areaId", ErrorKind.Conflict);
        }
    }

    /// <summary>One step from a finding to a registered case (source: screening), the finding linked to it.</summary>
    public async Task<CaseCreated> OpenCaseAsync(Guid campaignId, Guid findingId, FindingCaseRequest r, CancellationToken ct = default)
    {
        var campaign = await GetAsync(campaignId, ct);
        var finding = campaign.Areas.SelectMany(a => a.Findings).SingleOrDefault(f => f.Id == findingId) ?? throw DomainException.NotFound("findingId");
        if (finding.CaseId is { } existing)
        {
            throw new DomainException("mediation.finding_has_case", "findingId", ErrorKind.Conflict);
        }

        var area = campaign.Areas.Single(a => a.Id == finding.AreaId);
        var (created, _) = await cases.RegisterAsync(new RegisterCaseRequest(
            r.CommitteeId, null, finding.Type, CaseSource.Screening, $"{campaign.Name} · {area.Name}", finding.Description, "", r.Parties, r.MediatorIds), $"finding:{finding.Id}", ct);
        await db.Findings.Where(f => f.Id == findingId).ExecuteUpdateAsync(s => s.SetProperty(f => f.CaseId, created.Id), ct);
        return created;
    }
}

public static class ScreeningApi
{
    public static RouteGroupBuilder MapScreenings(this RouteGroupBuilder g)
    {
        g.MapGet("/screenings", async (ScreeningService s) => TypedResults.Ok(await s.ListAsync()))
            .WithSummary("Screening campaigns with how many areas reported, zero reports and findings.");
        g.MapGet("/screenings/{id:guid}", async (Guid id, ScreeningService s) => TypedResults.Ok(CampaignView.Of(await s.GetAsync(id))))
            .WithSummary("One campaign with each area's report and findings.");
        g.MapPost("/screenings", async (OpenCampaignRequest r, ScreeningService s, OrganisationDirectory directory, HttpContext http) =>
        {
            var me = Guid.TryParse(http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var id) ? id : Guid.Empty;
            var department = await directory.DepartmentOfAsync(me) ?? throw new DomainException("required", "departmentId");
            var c = await s.OpenAsync(r, department);
            return TypedResults.Created($"/api/mediation/screenings/{c.Id}", new NewRecord(c.Id));
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor, MediationRoles.Mediator)).WithSummary("Open a campaign; with no areas, every community reports.");
        g.MapPost("/screenings/{id:guid}/areas/{areaId:guid}/report", async (Guid id, Guid areaId, AreaReport r, ScreeningService s) =>
        {
            await s.ReportAsync(id, areaId, r);
            return TypedResults.NoContent();
        }).WithSummary("An area's report: its findings, or an empty list for a zero report (零报告).");
        g.MapPost("/screenings/{id:guid}/findings/{findingId:guid}/case", async (Guid id, Guid findingId, FindingCaseRequest r, ScreeningService s) =>
        {
            var c = await s.OpenCaseAsync(id, findingId, r);
            return TypedResults.Created($"/api/mediation/cases/{c.Id}", c);
        }).WithSummary("Open a mediation case from a finding, in one step.");
        return g;
    }
}
