using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Organisation.Features;

public sealed record OrgNodeDto(Guid Id, string Code, string Name, OrgNodeKind Kind, Guid? ParentId, int SortOrder, bool EnforcesLaw, bool IsActive, Guid RowVersion);

public sealed record SaveOrgNodeRequest(string? Code, string? Name, OrgNodeKind? Kind, Guid? ParentId, int SortOrder = 0, bool EnforcesLaw = false, bool IsActive = true, Guid? RowVersion = null);

/// <summary>The organisation tree: read by every staff member, changed by administrators.</summary>
public sealed class OrgNodeService(FazhiDbContext db)
{
    public async Task<List<OrgNodeDto>> ListAsync(CancellationToken ct = default) =>
        await db.OrgNodes.AsNoTracking()
            .OrderBy(n => n.SortOrder).ThenBy(n => n.Code)
            .Select(n => new OrgNodeDto(n.Id, n.Code, n.Name, n.Kind, n.ParentId, n.SortOrder, n.EnforcesLaw, n.IsActive, n.RowVersion))
            .ToListAsync(ct);

    public async Task<OrgNodeDto> GetAsync(Guid id, CancellationToken ct = default) =>
        (await ListAsync(ct)).FirstOrDefault(n => n.Id == id) ?? throw DomainException.NotFound();

    public async Task<OrgNodeDto> CreateAsync(SaveOrgNodeRequest r, CancellationToken ct = default)
    {
        Validate(r, creating: true);
        var code = r.Code!.Trim();
        if (await db.OrgNodes.AnyAsync(n => n.Code == code, ct))
        {
            throw new DomainException("org.code_taken", "code", ErrorKind.Conflict, code);
        }

        var parent = await ParentAsync(r.ParentId, ct);
        if (r.Kind == OrgNodeKind.Town && await db.OrgNodes.AnyAsync(n => n.Kind == OrgNodeKind.Town, ct))
        {
            throw new DomainException("org.one_town", "kind", ErrorKind.Conflict);
        }

        var node = OrgNode.Create(code, r.Name!, r.Kind!.Value, parent, r.SortOrder, r.EnforcesLaw);
        db.OrgNodes.Add(node);
        await db.SaveChangesAsync(ct);
        return await GetAsync(node.Id, ct);
    }

    public async Task<OrgNodeDto> UpdateAsync(Guid id, SaveOrgNodeRequest r, CancellationToken ct = default)
    {
        Validate(r, creating: false);
        var node = await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == id, ct) ?? throw DomainException.NotFound();
        if (r.RowVersion is { } version && version != node.RowVersion)
        {
            throw new DomainException("concurrency_conflict", "rowVersion", ErrorKind.Conflict);
        }

        var parent = await ParentAsync(r.ParentId, ct);
        node.Update(r.Name!, r.Kind!.Value, parent, r.SortOrder, r.EnforcesLaw, await DescendantsAsync(id, ct));
        if (r.IsActive)
        {
            node.Activate();
        }
        else
        {
            if (await db.Users.AnyAsync(u => u.DepartmentId == id && u.IsActive, ct))
            {
                throw new DomainException("org.has_staff", "isActive", ErrorKind.Conflict);
            }

            node.Deactivate();
        }

        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    public async Task<List<Guid>> DescendantsAsync(Guid id, CancellationToken ct)
    {
        var edges = await db.OrgNodes.AsNoTracking().Select(n => new { n.Id, n.ParentId }).ToListAsync(ct);
        var children = edges.Where(e => e.ParentId is not null).ToLookup(e => e.ParentId!.Value, e => e.Id);
        var result = new List<Guid>();
        var queue = new Queue<Guid>(children[id]);
        while (queue.TryDequeue(out var next))
        {
            result.Add(next);
            foreach (var c in children[next])
            {
                queue.Enqueue(c);
            }
        }

        return result;
    }

    private async Task<OrgNode?> ParentAsync(Guid? parentId, CancellationToken ct) =>
        parentId is null ? null
            : await db.OrgNodes.SingleOrDefaultAsync(n => n.Id == parentId, ct)
              ?? throw new DomainException("org.parent_missing", "parentId");

    private static void Validate(SaveOrgNodeRequest r, bool creating)
    {
        var v = new Validator();
        if (creating)
        {
            v.Required("code", r.Code, 50);
            v.Check(r.Code is null || System.Text.RegularExpressions.Regex.IsMatch(r.Code.Trim(), "^[A-Za-z0-9_-]{1,50}$"), "code", "org.code_format");
        }

        v.Required("name", r.Name, OrgNode.MaxNameLength)
            .Check(r.Kind is not null && Enum.IsDefined(r.Kind.Value), "kind", "required")
            .Check(r.SortOrder is >= 0 and <= 99999, "sortOrder", "out_of_range", 0, 99999)
            .ThrowIfInvalid();
    }
}

public static class OrgNodeApi
{
    public static RouteGroupBuilder MapOrgNodes(this RouteGroupBuilder org)
    {
        org.MapGet("/nodes", async (OrgNodeService s) => TypedResults.Ok(await s.ListAsync()))
            .WithSummary("The whole organisation tree as a flat list (parentId links).");
        org.MapGet("/nodes/{id:guid}", async (Guid id, OrgNodeService s) => TypedResults.Ok(await s.GetAsync(id)))
            .WithSummary("One node of the organisation tree.");
        org.MapPost("/nodes", Create).RequireAuthorization(OrganisationSetup.ManagePolicy)
            .WithSummary("Add a department, unit or community under its parent; its code is unique.");
        org.MapPut("/nodes/{id:guid}", async (Guid id, SaveOrgNodeRequest r, OrgNodeService s) => TypedResults.Ok(await s.UpdateAsync(id, r)))
            .RequireAuthorization(OrganisationSetup.ManagePolicy)
            .WithSummary("Rename, move or deactivate a node (a node cannot be moved under itself).");
        return org;
    }

    private static async Task<Created<OrgNodeDto>> Create(SaveOrgNodeRequest r, OrgNodeService s)
    {
        var node = await s.CreateAsync(r);
        return TypedResults.Created($"/api/org/nodes/{node.Id}", node);
    }
}
