using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Cases;

/// <summary>
/// An Idempotency-Key a client sent with a create, and what it made: one row per work line and key, written in the same
/// transaction as the record. The department and the account it was made for decide who may be answered with it.
/// </summary>
public sealed class IdempotencyKey
{
    public string Module { get; set; } = "";

    public string Key { get; set; } = "";

    public Guid RecordId { get; set; }

    public Guid DepartmentId { get; set; }

    /// <summary>The account that sent it: the "self" scope finds only its own.</summary>
    public Guid? OwnerId { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>Idempotent creates for every work line: a retry returns the first record; another scope's key is refused.</summary>
public static class Idempotency
{
    public const int MaxLength = 100;

    /// <summary>The header's key, trimmed; none when empty; too long is a field error.</summary>
    public static string? Normalise(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return null;
        }

        var k = key.Trim();
        return k.Length <= MaxLength ? k : throw new DomainException("too_long", "Idempotency-Key", ErrorKind.Invalid, MaxLength);
    }

    /// <summary>Records that <paramref name="key"/> made <paramref name="recordId"/>; saved with the record, so a second save of the key fails.</summary>
    public static void Claim(FazhiDbContext db, string module, string key, Guid recordId, Guid departmentId, Actor by) =>
        db.Add(new IdempotencyKey { Module = module, Key = key, RecordId = recordId, DepartmentId = departmentId, OwnerId = by.UserId, CreatedAt = by.Now });

    /// <summary>
    /// The record an earlier request with this key made, when the caller's scope opens it; null when the key is new. A key
    /// that made a record outside the caller's scope is refused: the answer must not be someone else's case.
    /// </summary>
    public static async Task<Guid?> EarlierAsync(FazhiDbContext db, string module, string key, DataScopeFilter scope, CancellationToken ct = default)
    {
        var row = await db.Set<IdempotencyKey>().AsNoTracking().SingleOrDefaultAsync(k => k.Module == module && k.Key == key, ct);
        if (row is null)
        {
            return null;
        }

        return scope.Allows(row.DepartmentId, row.OwnerId) || (scope.SelfOnly is false && row.OwnerId is { } owner && owner == scope.UserId)
            ? row.RecordId
            : throw new DomainException("idempotency.key_taken", "Idempotency-Key", ErrorKind.Conflict);
    }
}

internal sealed class IdempotencyKeyConfiguration : IEntityTypeConfiguration<IdempotencyKey>
{
    public void Configure(EntityTypeBuilder<IdempotencyKey> b)
    {
        b.ToTable("sys_idempotency_keys");
        b.HasKey(e => new { e.Module, e.Key });
        b.Property(e => e.Module).HasMaxLength(30);
        b.Property(e => e.Key).HasMaxLength(Idempotency.MaxLength);
    }
}
