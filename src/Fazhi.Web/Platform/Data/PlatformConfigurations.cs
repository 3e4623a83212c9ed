using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("sys_audit_entries");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.ActorName).HasMaxLength(100);
        b.Property(e => e.Ip).HasMaxLength(64);
        b.Property(e => e.EntityType).HasMaxLength(64);
        b.Property(e => e.EntityId).HasMaxLength(200);
        b.Property(e => e.Action).HasMaxLength(16);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => e.At);
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        b.HasIndex(e => e.ActorId);
        // A case's history, and the audit entry that wrote its record's last step (RecordCheck).
        b.HasIndex(e => new { e.RecordId, e.Sequence });
    }
}

internal sealed class AuditHeadConfiguration : IEntityTypeConfiguration<AuditHead>
{
    public void Configure(EntityTypeBuilder<AuditHead> b)
    {
        b.ToTable("sys_audit_head");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.LastHash).HasMaxLength(64);
    }
}

internal sealed class LoginLogConfiguration : IEntityTypeConfiguration<LoginLogEntry>
{
    public void Configure(EntityTypeBuilder<LoginLogEntry> b)
    {
        b.ToTable("sys_login_log");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Channel).HasMaxLength(8);
        b.Property(e => e.Ip).HasMaxLength(64);
        b.Property(e => e.UserAgent).HasMaxLength(512);
        b.HasIndex(e => e.At);
        b.HasIndex(e => e.UserName);
    }
}

internal sealed class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> b)
    {
        b.ToTable("sys_calendar_days");
        b.HasKey(e => e.Date);
        b.Property(e => e.Name).HasMaxLength(50);
    }
}

internal sealed class CalendarYearConfiguration : IEntityTypeConfiguration<CalendarYear>
{
    public void Configure(EntityTypeBuilder<CalendarYear> b)
    {
        b.ToTable("sys_calendar_years");
        b.HasKey(e => e.Year);
        b.Property(e => e.Year).ValueGeneratedNever();
        b.Property(e => e.Source).HasMaxLength(500);
    }
}
