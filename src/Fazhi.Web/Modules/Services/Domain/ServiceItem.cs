using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Services.Domain;

/// <summary>One document an item needs (申请材料): how many originals and copies, and whether it is required.</summary>
public sealed record RequiredMaterial(string Key, string Name, int Originals, int Copies, bool Required, string? Note = null, string? Sample = null);

/// <summary>
/// One stage of an item's process: the department(s) that act, the role, and the working days it may
/// take. Several departments make a joint review (联合审查) that moves on when all have approved.
/// </summary>
public sealed record ProcessStage(string Name, IReadOnlyList<Guid> DepartmentIds, string Role, int AllowanceDays);

/// <summary>
/// A matter citizens can apply for (政务服务事项). Its elements live in versions: an edit publishes a
/// new version, and an application keeps the version it was taken in under.
/// </summary>
public sealed class ServiceItem : IVersioned
{
    private ServiceItem() { }

    public Guid Id { get; private set; }

    /// <summary>The implementation code (实施编码), stable across versions.</summary>
    public string Code { get; private set; } = "";

    public Guid CurrentVersionId { get; private set; }

    public int CurrentVersion { get; private set; }

    // Copies of the current version's searchable elements, so the catalog lists without a join.
    public string Name { get; private set; } = "";

    public Guid DepartmentId { get; private set; }

    public string Theme { get; private set; } = "";

    public bool Online { get; private set; }

    public bool IsActive { get; private set; } = true;

    public Guid RowVersion { get; set; }

    public static (ServiceItem Item, ServiceItemVersion Version) Create(string code, ServiceItemElements elements, DateTime now)
    {
        var item = new ServiceItem { Id = Guid.CreateVersion7(), Code = code.Trim(), RowVersion = Guid.NewGuid() };
        return (item, item.Publish(elements, now));
    }

    /// <summary>Publishes the elements as the next version; earlier versions stay for the applications taken under them.</summary>
    public ServiceItemVersion Publish(ServiceItemElements e, DateTime now)
    {
        e.Check();
        var version = new ServiceItemVersion(Guid.CreateVersion7(), Id, CurrentVersion + 1, now, e);
        CurrentVersionId = version.Id;
        CurrentVersion = version.Version;
        Name = e.Name;
        DepartmentId = e.DepartmentId;
        Theme = e.Theme;
        Online = e.Online;
        return version;
    }

    public void Withdraw() => IsActive = false;

    public void Reinstate() => IsActive = true;
}

/// <summary>Everything an implementation list publishes for one item (实施清单要素).</summary>
public sealed record ServiceItemElements(
    string Name,
    Guid DepartmentId,
    string LegalBasis,
    string Conditions,
    IReadOnlyList<RequiredMaterial> Materials,
    string Fees,
    int StatutoryLimitDays,
    int CommittedLimitDays,
    string Place,
    string Hours,
    bool Online,
    int MaxVisits,
    string Theme,
    IReadOnlyList<ProcessStage> Stages)
{
    public void Check()
    {
        var v = new Validator()
            .Required("name", Name, 100)
            .Required("legalBasis", LegalBasis, 2000)
            .MaxLength("conditions", Conditions, 4000)
            .Required("fees", Fees, 500)
            .Required("place", Place, 200)
            .Required("hours", Hours, 200)
            .MaxLength("theme", Theme, 50)
            .Check(StatutoryLimitDays is >= 0 and <= 365, "statutoryLimitDays", "out_of_range", 0, 365)
            // The town's promise may be shorter than the law, never longer.
            .Check(CommittedLimitDays >= 0 && CommittedLimitDays <= StatutoryLimitDays, "committedLimitDays", "catalog.committed_over_statutory")
            .Check(MaxVisits is 0 or 1, "maxVisits", "out_of_range", 0, 1)
            .Check(Materials.Count > 0, "materials", "catalog.materials_required")
            .Check(Materials.Select(m => m.Key).Distinct().Count() == Materials.Count, "materials", "catalog.material_keys_unique")
            .Check(Materials.All(m => !string.IsNullOrWhiteSpace(m.Name) && m.Originals >= 0 && m.Copies >= 0), "materials", "catalog.material_invalid")
            .Check(Stages.Count > 0, "stages", "catalog.stages_required")
            .Check(Stages.All(s => s.DepartmentIds.Count > 0 && s.AllowanceDays >= 0 && !string.IsNullOrWhiteSpace(s.Name)), "stages", "catalog.stage_invalid")
            // The stage's role is who may act on it in its departments (enforced by every stage action).
            .Check(Stages.All(s => Platform.Organisation.Domain.Roles.All.Contains(s.Role)), "stages", "catalog.stage_role_unknown");
        v.ThrowIfInvalid();
    }
}

/// <summary>One published version of an item's elements. Never changed after publication.</summary>
public sealed class ServiceItemVersion
{
    private ServiceItemVersion() { }

    internal ServiceItemVersion(Guid id, Guid itemId, int version, DateTime publishedAt, ServiceItemElements e)
    {
        Id = id;
        ItemId = itemId;
        Version = version;
        PublishedAt = publishedAt;
        Name = e.Name.Trim();
        DepartmentId = e.DepartmentId;
        LegalBasis = e.LegalBasis.Trim();
        Conditions = e.Conditions.Trim();
        Materials = [.. e.Materials];
        Fees = e.Fees.Trim();
        StatutoryLimitDays = e.StatutoryLimitDays;
        CommittedLimitDays = e.CommittedLimitDays;
        Place = e.Place.Trim();
        Hours = e.Hours.Trim();
        Online = e.Online;
        MaxVisits = e.MaxVisits;
        Theme = e.Theme.Trim();
        Stages = [.. e.Stages];
    }

    public Guid Id { get; private set; }

    public Guid ItemId { get; private set; }

    public int Version { get; private set; }

    public DateTime PublishedAt { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>The implementing department (实施主体).</summary>
    public Guid DepartmentId { get; private set; }

    public string LegalBasis { get; private set; } = "";

    public string Conditions { get; private set; } = "";

    public List<RequiredMaterial> Materials { get; private set; } = [];

    public string Fees { get; private set; } = "";

    public int StatutoryLimitDays { get; private set; }

    public int CommittedLimitDays { get; private set; }

    public string Place { get; private set; } = "";

    public string Hours { get; private set; } = "";

    public bool Online { get; private set; }

    /// <summary>最多跑一次: the most on-site visits the town promises (0 or 1).</summary>
    public int MaxVisits { get; private set; }

    public string Theme { get; private set; } = "";

    public List<ProcessStage> Stages { get; private set; } = [];

    public ServiceItemElements Elements => new(Name, DepartmentId, LegalBasis, Conditions, Materials, Fees, StatutoryLimitDays,
        CommittedLimitDays, Place, Hours, Online, MaxVisits, Theme, Stages);
}
