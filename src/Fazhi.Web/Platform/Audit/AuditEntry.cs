namespace Fazhi.Web.Platform.Audit;

/// <summary>
/// One change to one record: who, when, from where, what, and the values before and after.
/// Entries form a chain: each hash covers the entry and the previous entry's hash.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTime At { get; set; }

    public Guid? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    public string? Ip { get; set; }

    /// <summary>The table the record lives in, e.g. <c>org_nodes</c>.</summary>
    public string EntityType { get; set; } = "";

    public string EntityId { get; set; } = "";

    /// <summary>The case the changed row belongs to (the case itself, one of its parts or a step of its record), if any.</summary>
    public Guid? RecordId { get; set; }

    /// <summary><c>create</c>, <c>update</c> or <c>delete</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>JSON of the changed fields before the change (null on create).</summary>
    public string? Before { get; set; }

    /// <summary>JSON of the changed fields after the change (null on delete).</summary>
    public string? After { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}

/// <summary>
/// The end of the chain: the last sequence and hash. Kept apart from the entries so that deleting
/// the newest entries is detected too, not only changes in the middle.
/// </summary>
public sealed class AuditHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long LastSequence { get; set; }

    public string LastHash { get; set; } = "";
}
