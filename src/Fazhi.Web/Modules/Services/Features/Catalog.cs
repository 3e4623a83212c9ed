using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Modules.Services.Data;
using Microsoft.Extensions.Caching.Memory;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Features;

public sealed record CatalogEntry(Guid Id, string Code, string Name, Guid DepartmentId, string DepartmentName, string Theme, bool Online, int Version, bool IsActive);

public sealed record ItemDetail(Guid Id, string Code, int Version, Guid VersionId, DateTime PublishedAt, string DepartmentName, ServiceItemElements Elements, bool IsActive)
{
    public bool JointReview => Elements.Stages.Any(s => s.DepartmentIds.Count > 1);
}

public sealed record SaveItemRequest(string? Code, ServiceItemElements? Elements);

/// <summary>事项清单: the published catalog, its versions, and publishing a new version.</summary>
public sealed class CatalogService(FazhiDbContext db, TimeProvider time, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, OrganisationDirectory directory, ChangeSignals signals)
{
    /// <summary>
    /// What the database tells every process when the catalogue changes (a trigger on <c>svc_items</c> and
    /// <c>svc_item_versions</c> on PostgreSQL; see <see cref="ChangeSignals"/>).
    /// </summary>
    public const string ChangeTopic = "catalog";

    public async Task<Paged<CatalogEntry>> SearchAsync(string? q, Guid? departmentId, string? theme, bool includeInactive = false, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var query = db.ServiceItems.AsNoTracking();
        if (!includeInactive)
        {
            query = query.Where(i => i.IsActive);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(i => i.Name.Contains(term) || i.Code.Contains(term) || i.Theme.Contains(term));
        }

        if (departmentId is { } d)
        {
            query = query.Where(i => i.DepartmentId == d);
        }

        if (!string.IsNullOrWhiteSpace(theme))
        {
            query = query.Where(i => i.Theme == theme);
        }

        var found = await query.OrderBy(i => i.Theme).ThenBy(i => i.Code)
            .Select(i => new CatalogEntry(i.Id, i.Code, i.Name, i.DepartmentId, "", i.Theme, i.Online, i.CurrentVersion, i.IsActive))
            .ToPageAsync(page, pageSize, ct);
        var names = await directory.NamesAsync(ct);
        return found.With(found.Items.Select(e => e with { DepartmentName = names.GetValueOrDefault(e.DepartmentId, "") }).ToList());
    }

    public async Task<List<string>> ThemesAsync(CancellationToken ct = default) =>
        await db.ServiceItems.AsNoTracking().Where(i => i.IsActive && i.Theme != "").Select(i => i.Theme).Distinct().OrderBy(t => t).ToListAsync(ct);

    public async Task<ItemDetail> GetAsync(string code, int? version = null, CancellationToken ct = default)
    {
        var item = await db.ServiceItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, ct) ?? throw DomainException.NotFound("code");
        var v = await db.ServiceItemVersions.AsNoTracking()
            .SingleOrDefaultAsync(x => x.ItemId == item.Id && x.Version == (version ?? item.CurrentVersion), ct) ?? throw DomainException.NotFound("version");
        var dept = await directory.NameAsync(v.DepartmentId, ct) ?? "";
        return new ItemDetail(item.Id, item.Code, v.Version, v.Id, v.PublishedAt, dept, v.Elements, item.IsActive);
    }

    /// <summary>
    /// The version an intake is taken under. Versions never change once published, so the current one is kept
    /// in memory until the catalogue changes (told by the database on PostgreSQL) or, on SQLite, for a few
    /// seconds: a publication through another process is in force for intake within 10 s.
    /// </summary>
    public async Task<ServiceItemVersion> CurrentVersionAsync(string code, CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(("current-version", code), async e =>
        {
            // Kept from before the read, so a publication committed while reading drops what is read. An unknown item
            // throws, and nothing is kept.
            signals.Keep(e, ChangeTopic, TimeSpan.FromSeconds(10));
            return await (from i in db.ServiceItems.AsNoTracking()
                          join v in db.ServiceItemVersions.AsNoTracking() on i.CurrentVersionId equals v.Id
                          where i.Code == code && i.IsActive
                          select v).SingleOrDefaultAsync(ct)
                ?? throw new DomainException("intake.item_unknown", "itemCode");
        }))!;

    public Task<IReadOnlyDictionary<Guid, string>> DepartmentNamesAsync(CancellationToken ct = default) => directory.NamesAsync(ct);

    public async Task<ItemDetail> CreateAsync(SaveItemRequest r, CancellationToken ct = default)
    {
        new Validator()
            .Required("code", r.Code, 50)
            .Check(r.Elements is not null, "elements", "required")
            .ThrowIfInvalid();
        var code = r.Code!.Trim();
        if (await db.ServiceItems.AnyAsync(i => i.Code == code, ct))
        {
            throw new DomainException("catalog.code_taken", "code", ErrorKind.Conflict, code);
        }

        await CheckDepartmentsAsync(r.Elements!, ct);
        var (item, version) = ServiceItem.Create(code, r.Elements!, time.GetUtcNow().UtcDateTime);
        db.ServiceItems.Add(item);
        db.ServiceItemVersions.Add(version);
        await db.SaveChangesAsync(ct);
        return await GetAsync(code, null, ct);
    }

    /// <summary>Publishes new elements as the next version of the item.</summary>
    public async Task<ItemDetail> PublishAsync(string code, ServiceItemElements? elements, CancellationToken ct = default)
    {
        new Validator().Check(elements is not null, "elements", "required").ThrowIfInvalid();
        var item = await db.ServiceItems.SingleOrDefaultAsync(i => i.Code == code, ct) ?? throw DomainException.NotFound("code");
        await CheckDepartmentsAsync(elements!, ct);
        db.ServiceItemVersions.Add(item.Publish(elements!, time.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(ct);
        cache.Remove(("current-version", code));
        return await GetAsync(code, null, ct);
    }

    private async Task CheckDepartmentsAsync(ServiceItemElements e, CancellationToken ct)
    {
        if (!await directory.AllActiveAsync([.. e.Stages.SelectMany(s => s.DepartmentIds).Append(e.DepartmentId)], ct))
        {
            throw new DomainException("staff.department_missing", "departmentId");
        }
    }
}

public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalog(this RouteGroupBuilder services)
    {
        services.MapGet("/items", async (string? q, Guid? departmentId, string? theme, int? page, CatalogService s) =>
            TypedResults.Ok(await s.SearchAsync(q, departmentId, theme, false, page ?? 1)))
            .AllowAnonymous().WithSummary("The public service catalog (事项清单), searchable by name, code and theme.");
        services.MapGet("/items/{code}", async (string code, int? version, CatalogService s) => TypedResults.Ok(await s.GetAsync(code, version)))
            .AllowAnonymous().WithSummary("One item with every element of its implementation list; `version` picks an earlier version.");
        services.MapPost("/items", Create).RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .WithSummary("Add an item to the catalog (version 1).");
        services.MapPut("/items/{code}", async (string code, ServiceItemElements elements, CatalogService s) => TypedResults.Ok(await s.PublishAsync(code, elements)))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .WithSummary("Publish new elements as the item's next version; applications keep the version they were taken under.");
        services.MapGet("/catalog/export", async (CatalogLedger l) =>
            TypedResults.File(await l.ExportAsync(), Platform.Documents.Spreadsheet.ContentType, "catalog.xlsx"))
            .RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .WithSummary("The catalog as Excel: sheets 事项 (items), 材料 (materials) and 流程 (stages).").ProducesExcel();
        services.MapPost("/catalog/import", async (IFormFile file, CatalogLedger l) =>
        {
            await using var buffer = await Platform.Documents.Spreadsheet.BufferAsync(file, Platform.Documents.Spreadsheet.MaxImportBytes);
            return TypedResults.Ok(await l.ImportAsync(buffer));
        }).RequireAuthorization(p => p.RequireRole(Roles.Administrator)).DisableAntiforgery()
            .WithSummary("Import the catalog from Excel; a changed item is published as a new version; bad rows are reported by row number.");
        return services;
    }

    private static async Task<Created<ItemDetail>> Create(SaveItemRequest r, CatalogService s)
    {
        var item = await s.CreateAsync(r);
        return TypedResults.Created($"/api/services/items/{item.Code}", item);
    }
}
