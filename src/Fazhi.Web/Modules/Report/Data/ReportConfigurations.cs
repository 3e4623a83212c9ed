using Fazhi.Web.Modules.Report.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Report.Data;

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.ToTable("rpt_reports");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Addressee).HasMaxLength(100);
        b.Property(e => e.Issuer).HasMaxLength(100);
        b.Property(e => e.Language).HasMaxLength(10);
        // One report a year for each level of a town: two created at once are one.
        b.HasIndex(e => new { e.DepartmentId, e.Year, e.Level }).IsUnique();
        b.HasClock(e => e.PublicationDue, "PublicationDue");
        b.HasMany(e => e.Sections).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Supplied).WithOne().HasForeignKey(s => s.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Sections).AutoInclude();
        b.Navigation(e => e.Supplied).AutoInclude();
        b.Navigation(e => e.Steps).AutoInclude();
    }
}

internal sealed class AnnualReportStepConfiguration : IEntityTypeConfiguration<AnnualReportStep>
{
    public void Configure(EntityTypeBuilder<AnnualReportStep> b)
    {
        b.ToTable("rpt_report_steps");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Steps(personalNote: false);
    }
}

internal sealed class ReportSectionConfiguration : IEntityTypeConfiguration<ReportSection>
{
    public void Configure(EntityTypeBuilder<ReportSection> b)
    {
        b.ToTable("rpt_sections");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Heading).HasMaxLength(200);
        b.Property(e => e.Text).HasMaxLength(20_000);
        b.Property(e => e.DepartmentName).HasMaxLength(100);
        b.Property(e => e.ConfirmedBy).HasMaxLength(100);
        b.HasClock(e => e.Due, "Due");
        b.HasIndex(e => new { e.ReportId, e.Order });
    }
}

internal sealed class SuppliedFigureConfiguration : IEntityTypeConfiguration<SuppliedFigure>
{
    public void Configure(EntityTypeBuilder<SuppliedFigure> b)
    {
        b.ToTable("rpt_supplied");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(80);
        b.Property(e => e.Label).HasMaxLength(200);
        b.Property(e => e.Value).HasPrecision(18, 4);
        b.Property(e => e.Source).HasMaxLength(300);
        b.Property(e => e.SuppliedByName).HasMaxLength(100);
        b.Property(e => e.FileSha256).HasMaxLength(64);
        b.Property(e => e.FileName).HasMaxLength(200);
        b.Property(e => e.FileContentType).HasMaxLength(100);
        b.HasIndex(e => new { e.ReportId, e.Name }).IsUnique();
    }
}

internal sealed class ReportSnapshotConfiguration : IEntityTypeConfiguration<ReportSnapshot>
{
    public void Configure(EntityTypeBuilder<ReportSnapshot> b)
    {
        b.ToTable("rpt_snapshots");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.GeneratedBy).HasMaxLength(100);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Addressee).HasMaxLength(100);
        b.Property(e => e.Issuer).HasMaxLength(100);
        b.Property(e => e.Language).HasMaxLength(10);
        b.HasIndex(e => new { e.ReportId, e.Number }).IsUnique();
        b.HasIndex(e => e.Year);
        b.HasMany(e => e.Figures).WithOne().HasForeignKey(f => f.SnapshotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SnapshotFigureConfiguration : IEntityTypeConfiguration<SnapshotFigure>
{
    public void Configure(EntityTypeBuilder<SnapshotFigure> b)
    {
        b.ToTable("rpt_snapshot_figures");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Key).HasMaxLength(100);
        b.Property(e => e.Name).HasMaxLength(80);
        b.Property(e => e.Module).HasMaxLength(40);
        b.Property(e => e.Label).HasMaxLength(200);
        b.Property(e => e.Value).HasPrecision(24, 12);
        b.Property(e => e.Previous).HasPrecision(24, 12);
        b.Property(e => e.SourceNote).HasMaxLength(500);
        b.Property(e => e.SourceFileSha256).HasMaxLength(64);
        b.HasIndex(e => new { e.SnapshotId, e.Key }).IsUnique();
    }
}

/// <summary>The report's tables, as the module's own code reaches them.</summary>
public static class ReportSets
{
    extension(FazhiDbContext db)
    {
        public DbSet<AnnualReport> AnnualReports => db.Set<AnnualReport>();

        public DbSet<ReportSnapshot> ReportSnapshots => db.Set<ReportSnapshot>();

        public DbSet<SnapshotFigure> SnapshotFigures => db.Set<SnapshotFigure>();
    }
}
