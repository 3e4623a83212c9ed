using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Data;

/// <summary>The last number drawn in a series (e.g. a work line's cases of a year), kept so numbers never repeat.</summary>
public sealed class NumberSeriesRow
{
    public string Series { get; set; } = "";

    public long Next { get; set; }
}

/// <summary>Consecutive numbers for any module's records, drawn inside the caller's write transaction.</summary>
public static class NumberSeries
{
    /// <summary>
    /// Draws <paramref name="count"/> numbers of <paramref name="series"/> and returns the first. One statement that
    /// both databases run atomically: two writers never get the same number, and a rolled-back transaction
    /// gives its numbers back.
    /// </summary>
    public static async Task<long> NextAsync(FazhiDbContext db, string series, int count = 1, CancellationToken ct = default)
    {
        var last = await db.Database.SqlQuery<long>(
            $"INSERT INTO sys_number_series (\"Series\", \"Next\") VALUES ({series}, {count}) ON CONFLICT (\"Series\") DO UPDATE SET \"Next\" = sys_number_series.\"Next\" + {count} RETURNING \"Next\" AS \"Value\"")
            .ToListAsync(ct);
        return last[0] - count + 1;
    }
}

internal sealed class NumberSeriesConfiguration : IEntityTypeConfiguration<NumberSeriesRow>
{
    public void Configure(EntityTypeBuilder<NumberSeriesRow> b)
    {
        b.ToTable("sys_number_series");
        b.HasKey(e => e.Series);
        b.Property(e => e.Series).HasMaxLength(60);
    }
}
