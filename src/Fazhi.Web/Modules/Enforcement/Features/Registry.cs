using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features;

public sealed record SaveRuleRequest(
    Guid? DepartmentId, DiscretionKind? Kind, string? Code, string? Violation, string? Provision, string? Circumstance, string? Measure, decimal? MinFine, decimal? MaxFine,
    DateOnly? EffectiveFrom, DateOnly? EffectiveTo, bool FirstViolationOnly = false);

public sealed record RecordActionRequest(
    Guid? DepartmentId, ActionKind? Kind, string? Matter, string? Subject, PartyKind? SubjectKind, string? Decision, bool? Granted, DateOnly? StartedOn, DateOnly? DecidedOn,
    DateOnly? ValidUntil, decimal? Amount, IReadOnlyList<string>? OfficerNames);

public sealed record ActionCreated(Guid Id, string Number);

/// <summary>A discretion entry as the API shows it, with the citation a decision quotes.</summary>
public sealed record DiscretionRuleView(
    Guid Id, Guid DepartmentId, DiscretionKind Kind, string Code, string Violation, string Provision, string Circumstance, string Measure,
    decimal? MinFine, decimal? MaxFine, DateOnly EffectiveFrom, DateOnly? EffectiveTo, bool FirstViolationOnly, string Citation)
{
    public static DiscretionRuleView Of(DiscretionRule r) =>
        new(r.Id, r.DepartmentId, r.Kind, r.Code, r.Violation, r.Provision, r.Circumstance, r.Measure, r.MinFine, r.MaxFine, r.EffectiveFrom, r.EffectiveTo, r.FirstViolationOnly, r.Citation);
}

public sealed record ActionRow(Guid Id, ActionKind Kind, string Number, string Matter, string Subject, string Decision, bool? Granted, DateOnly StartedOn, DateOnly DecidedOn, decimal? Amount);

/// <summary>The department's published discretion benchmarks and lists (第32-34条), and its licences, inspections and other acts.</summary>
public sealed class RegistryService(FazhiDbContext db, DataScopeResolver scopes, OrganisationDirectory directory, TimeProvider time, IHttpContextAccessor http,
    CaseService cases, DisclosureService disclosures)
{
    /// <summary>The entries of the caller's departments; <paramref name="on"/> keeps those in force that day.</summary>
    public async Task<IReadOnlyList<DiscretionRule>> RulesAsync(Guid? department, DateOnly? on, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var q = db.DiscretionRules.AsNoTracking().WithinScope(scope, r => r.DepartmentId, _ => Guid.Empty);
        if (department is { } d)
        {
            q = q.Where(r => r.DepartmentId == d);
        }

        if (on is { } day)
        {
            q = q.Where(r => r.EffectiveFrom <= day && (r.EffectiveTo == null || r.EffectiveTo >= day));
        }

        return await q.OrderBy(r => r.DepartmentId).ThenBy(r => r.Kind).ThenBy(r => r.Code).ThenByDescending(r => r.EffectiveFrom).Take(1000).ToListAsync(ct);
    }

    /// <summary>The published lists as anyone may read them (第34条: benchmarks are published).</summary>
    public async Task<IReadOnlyList<DiscretionRule>> PublicRulesAsync(Guid? department, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var q = db.DiscretionRules.AsNoTracking().Where(r => r.EffectiveFrom <= today && (r.EffectiveTo == null || r.EffectiveTo >= today));
        if (department is { } d)
        {
            q = q.Where(r => r.DepartmentId == d);
        }

        return await q.OrderBy(r => r.DepartmentId).ThenBy(r => r.Kind).ThenBy(r => r.Code).Take(1000).ToListAsync(ct);
    }

    /// <summary>
    /// A new entry, or a new version of one: a version in force on the same code ends the day before the new one starts, so
    /// a case decided on any day finds exactly one.
    /// </summary>
    public async Task<DiscretionRule> SaveRuleAsync(SaveRuleRequest r, CancellationToken ct = default)
    {
        new Validator().Check(r.Kind is { } k && Enum.IsDefined(k), "kind", "required").Required("code", r.Code, 30).Required("violation", r.Violation, 300)
            .Required("provision", r.Provision, 500).Required("circumstance", r.Circumstance, 100).Required("measure", r.Measure, 500)
            .Check(r.EffectiveFrom is not null, "effectiveFrom", "required")
            .Check(r.EffectiveTo is null || r.EffectiveFrom is null || r.EffectiveTo >= r.EffectiveFrom, "effectiveTo", "enforcement.validity_order")
            .Check(r.MinFine is null or >= 0, "minFine", "range", 0, 100_000_000).Check(r.MaxFine is null || r.MaxFine >= (r.MinFine ?? 0), "maxFine", "range", r.MinFine ?? 0, 100_000_000)
            .ThrowIfInvalid();
        var department = await DepartmentAsync(r.DepartmentId, ct);
        var code = r.Code!.Trim();
        var from = r.EffectiveFrom!.Value;
        foreach (var earlier in await db.DiscretionRules.Where(x => x.DepartmentId == department && x.Code == code && x.EffectiveFrom < from && (x.EffectiveTo == null || x.EffectiveTo >= from)).ToListAsync(ct))
        {
            earlier.EffectiveTo = from.AddDays(-1);
        }

        if (await db.DiscretionRules.AnyAsync(x => x.DepartmentId == department && x.Code == code && x.EffectiveFrom >= from, ct))
        {
            throw new DomainException("enforcement.rule_version_exists", "effectiveFrom", ErrorKind.Conflict);
        }

        var rule = new DiscretionRule
        {
            Id = Guid.CreateVersion7(), DepartmentId = department, Kind = r.Kind!.Value, Code = code, Violation = r.Violation!.Trim(), Provision = r.Provision!.Trim(),
            Circumstance = r.Circumstance!.Trim(), Measure = r.Measure!.Trim(), MinFine = r.MinFine, MaxFine = r.MaxFine, EffectiveFrom = from, EffectiveTo = r.EffectiveTo,
            FirstViolationOnly = r.Kind == DiscretionKind.NoPenalty && r.FirstViolationOnly,
        };
        db.DiscretionRules.Add(rule);
        await db.SaveChangesAsync(ct);
        return rule;
    }

    public async Task<Paged<ActionRow>> ActionsAsync(ActionKind? kind, int page, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var q = db.EnforcementActions.AsNoTracking().WithinScope(scope, a => a.DepartmentId, _ => Guid.Empty);
        if (kind is { } k)
        {
            q = q.Where(a => a.Kind == k);
        }

        return await q.OrderByDescending(a => a.DecidedOn).ThenByDescending(a => a.Id)
            .Select(a => new ActionRow(a.Id, a.Kind, a.Number, a.Matter, a.Subject, a.Decision, a.Granted, a.StartedOn, a.DecidedOn, a.Amount)).ToPageAsync(page, 50, ct);
    }

    /// <summary>A licence, inspection or other act, numbered in the department's series; its decision falls due for publication.</summary>
    public async Task<EnforcementAction> RecordActionAsync(RecordActionRequest r, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        new Validator().Check(r.Kind is { } k && Enum.IsDefined(k), "kind", "required").Required("matter", r.Matter, 300).Required("subject", r.Subject, 200)
            .Required("decision", r.Decision, 1000).Check(r.Kind != ActionKind.Licence || r.Granted is not null, "granted", "required")
            .Check(r.StartedOn is not null, "startedOn", "required").Check(r.DecidedOn is not null, "decidedOn", "required")
            .Check(r.DecidedOn is null || r.StartedOn is null || (r.StartedOn <= r.DecidedOn && r.DecidedOn <= today), "decidedOn", "enforcement.date_out_of_case")
            .Check(r.Amount is null or >= 0, "amount", "range", 0, 100_000_000).ThrowIfInvalid();
        var department = await DepartmentAsync(r.DepartmentId, ct);
        var user = http.HttpContext?.User.Identity?.Name ?? "system";
        var kindWord = r.Kind switch { ActionKind.Licence => "许", ActionKind.CompulsoryMeasure => "强", ActionKind.Levy => "征", ActionKind.Requisition => "用", _ => "检" };
        await using var tx = await db.BeginWriteAsync(ct);
        var action = new EnforcementAction
        {
            Id = Guid.CreateVersion7(), DepartmentId = department, Kind = r.Kind!.Value, Number = await cases.NextNumberAsync(department, kindWord, r.DecidedOn!.Value.Year, ct),
            Matter = r.Matter!.Trim(), Subject = r.Subject!.Trim(), SubjectKind = r.SubjectKind ?? PartyKind.Organisation, Decision = r.Decision!.Trim(),
            Granted = r.Kind == ActionKind.Licence ? r.Granted : null, StartedOn = r.StartedOn!.Value, DecidedOn = r.DecidedOn.Value, ValidUntil = r.ValidUntil, Amount = r.Amount,
            OfficerNames = [.. (r.OfficerNames ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim())],
            RecordedBy = await directory.DisplayNameAsync(user, ct) ?? user, RecordedAt = time.GetUtcNow().UtcDateTime,
        };
        db.EnforcementActions.Add(action);
        // Inspections are counted, not published one by one.
        if (action.Kind != ActionKind.Inspection)
        {
            db.Publications.Add(disclosures.PublicationOf(action));
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return action;
    }

    private async Task<Guid> DepartmentAsync(Guid? named, CancellationToken ct)
    {
        var scope = await scopes.CurrentAsync(ct);
        var staff = Guid.TryParse(http.HttpContext?.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value, out var s) ? s : Guid.Empty;
        var department = named ?? await directory.DepartmentOfAsync(staff, ct);
        if (department is not { } d || !(await directory.UnitsAsync(ct)).TryGetValue(d, out var unit) || !unit.EnforcesLaw || !scope.Allows(d, null))
        {
            throw new DomainException("enforcement.department_required", "departmentId");
        }

        return d;
    }
}

public static class RegistryApi
{
    public static RouteGroupBuilder MapRegistry(this RouteGroupBuilder g)
    {
        g.MapGet("/discretion", async (Guid? departmentId, DateOnly? on, RegistryService s) => TypedResults.Ok((await s.RulesAsync(departmentId, on)).Select(DiscretionRuleView.Of).ToList()))
            .WithSummary("The department's discretion benchmarks and no-/lighter-penalty lists; `on` keeps the entries in force that day.");
        g.MapPost("/discretion", async (SaveRuleRequest r, RegistryService s) =>
        {
            var rule = await s.SaveRuleAsync(r);
            return TypedResults.Created($"/api/enforcement/discretion/{rule.Id}", DiscretionRuleView.Of(rule));
        }).WithSummary("A new entry or a new version (the one in force ends the day before).");
        g.MapGet("/actions", async (ActionKind? kind, int? page, RegistryService s) => TypedResults.Ok(await s.ActionsAsync(kind, page ?? 1)))
            .WithSummary("Licences, compulsory measures, levies, requisitions and inspections, newest first.");
        g.MapPost("/actions", async (RecordActionRequest r, RegistryService s) =>
        {
            var a = await s.RecordActionAsync(r);
            return TypedResults.Created($"/api/enforcement/actions/{a.Id}", new ActionCreated(a.Id, a.Number));
        }).WithSummary("Record a licence, compulsory measure, levy, requisition or inspection (kind, decision, dates).");
        return g;
    }

    public static IEndpointRouteBuilder MapPublicRegistry(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/enforcement/discretion", async (Guid? departmentId, RegistryService s) => TypedResults.Ok((await s.PublicRulesAsync(departmentId)).Select(DiscretionRuleView.Of).ToList()))
            .AllowAnonymous().RequireRateLimiting(DisclosureApi.RateLimitPolicy).WithTags("Public")
            .WithSummary("The discretion benchmarks and no-/lighter-penalty lists in force, as published (第34条).").ReadsFromStandby();
        return app;
    }
}
