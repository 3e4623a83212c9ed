using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Platform.Organisation.Domain;

/// <summary>镇 / 部门 / 单位 / 社区: the level of a node in the organisation tree.</summary>
public enum OrgNodeKind
{
    Town = 0,
    Department = 1,
    Unit = 2,
    Community = 3,
}

/// <summary>One node of the town's organisation tree: the town, a department, a unit or a community.</summary>
public sealed class OrgNode : IVersioned
{
    public const int MaxNameLength = 100;

    private OrgNode() { }

    public Guid Id { get; private set; }

    /// <summary>Stable code used by imports and exports (e.g. <c>TX-SFS</c>).</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public OrgNodeKind Kind { get; private set; }

    public Guid? ParentId { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>Holds administrative enforcement powers (one of the town's 行政执法部门).</summary>
    public bool EnforcesLaw { get; private set; }

    public bool IsActive { get; private set; } = true;

    public Guid RowVersion { get; set; }

    public static OrgNode Create(string code, string name, OrgNodeKind kind, OrgNode? parent, int sortOrder = 0, bool enforcesLaw = false)
    {
        CheckShape(kind, parent);
        return new OrgNode
        {
            Id = Guid.CreateVersion7(),
            Code = code.Trim(),
            Name = name.Trim(),
            Kind = kind,
            ParentId = parent?.Id,
            SortOrder = sortOrder,
            EnforcesLaw = enforcesLaw,
            RowVersion = Guid.NewGuid(),
        };
    }

    public void Update(string name, OrgNodeKind kind, OrgNode? parent, int sortOrder, bool enforcesLaw, IReadOnlyCollection<Guid> descendantIds)
    {
        CheckShape(kind, parent);
        // A node cannot move under itself or one of its own descendants: the tree would become a loop.
        if (parent is not null && (parent.Id == Id || descendantIds.Contains(parent.Id)))
        {
            throw new DomainException("org.parent_cycle", "parentId");
        }

        Name = name.Trim();
        Kind = kind;
        ParentId = parent?.Id;
        SortOrder = sortOrder;
        EnforcesLaw = enforcesLaw;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static void CheckShape(OrgNodeKind kind, OrgNode? parent)
    {
        // The town is the one root; every other node hangs below it.
        if (kind == OrgNodeKind.Town && parent is not null)
        {
            throw new DomainException("org.town_has_no_parent", "parentId");
        }

        if (kind != OrgNodeKind.Town && parent is null)
        {
            throw new DomainException("org.parent_required", "parentId");
        }

        if (parent is { Kind: OrgNodeKind.Community })
        {
            throw new DomainException("org.community_has_no_children", "parentId");
        }
    }
}
