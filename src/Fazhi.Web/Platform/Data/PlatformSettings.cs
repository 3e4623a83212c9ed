using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Data;

/// <summary>A setting the platform keeps about its own database, e.g. which key last sealed the personal data.</summary>
public sealed class PlatformSetting
{
    public string Key { get; set; } = "";

    public string Value { get; set; } = "";
}

/// <summary>Reads and writes <see cref="PlatformSetting"/> rows.</summary>
public static class PlatformSettings
{
    public static Task<string?> GetAsync(FazhiDbContext db, string key, CancellationToken ct = default) =>
        db.Set<PlatformSetting>().AsNoTracking().Where(s => s.Key == key).Select(s => s.Value).FirstOrDefaultAsync(ct);

    public static Task SetAsync(FazhiDbContext db, string key, string value, CancellationToken ct = default) =>
        db.Database.ExecuteSqlAsync(
            $"INSERT INTO sys_settings (\"Key\", \"Value\") VALUES ({key}, {value}) ON CONFLICT (\"Key\") DO UPDATE SET \"Value\" = excluded.\"Value\"", ct);
}

internal sealed class PlatformSettingConfiguration : IEntityTypeConfiguration<PlatformSetting>
{
    public void Configure(EntityTypeBuilder<PlatformSetting> b)
    {
        b.ToTable("sys_settings");
        b.HasKey(e => e.Key);
        b.Property(e => e.Key).HasMaxLength(100);
        b.Property(e => e.Value).HasMaxLength(500);
    }
}
