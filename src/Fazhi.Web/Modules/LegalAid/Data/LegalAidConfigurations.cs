using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.LegalAid.Data;

internal sealed class AidPlaceConfiguration : IEntityTypeConfiguration<AidPlace>
{
    public void Configure(EntityTypeBuilder<AidPlace> b)
    {
        b.ToTable("aid_places");
        b.HasKey(e => e.Id);
        b.Property(e => e.Code).HasMaxLength(30);
        b.Property(e => e.Name).HasMaxLength(100);
        b.HasIndex(e => e.Code).IsUnique();
    }
}

internal sealed class LawFirmConfiguration : IEntityTypeConfiguration<LawFirm>
{
    public void Configure(EntityTypeBuilder<LawFirm> b)
    {
        b.ToTable("aid_firms");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Licence).HasMaxLength(40);
    }
}

internal sealed class AidLawyerConfiguration : IEntityTypeConfiguration<AidLawyer>
{
    public void Configure(EntityTypeBuilder<AidLawyer> b)
    {
        b.ToTable("aid_lawyers");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.LicenceNumber).HasMaxLength(30);
        b.Property(e => e.Specialities).AsJson().HasMaxLength(300);
        b.HasIndex(e => e.LicenceNumber).IsUnique();
        b.HasOne<LawFirm>().WithMany().HasForeignKey(e => e.FirmId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DutyShiftConfiguration : IEntityTypeConfiguration<DutyShift>
{
    public void Configure(EntityTypeBuilder<DutyShift> b)
    {
        b.ToTable("aid_duty_shifts");
        b.HasKey(e => e.Id);
        // One lawyer once a day at a place.
        b.HasIndex(e => new { e.PlaceId, e.Day, e.LawyerId }).IsUnique();
        b.HasOne<AidPlace>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AidLawyer>().WithMany().HasForeignKey(e => e.LawyerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HardshipThresholdConfiguration : IEntityTypeConfiguration<HardshipThreshold>
{
    public void Configure(EntityTypeBuilder<HardshipThreshold> b)
    {
        b.ToTable("aid_thresholds");
        b.HasKey(e => e.Id);
        b.Property(e => e.City).HasMaxLength(40);
        b.Property(e => e.MonthlyIncomePerPerson).HasPrecision(10, 2);
        b.HasIndex(e => new { e.City, e.EffectiveFrom }).IsUnique();
    }
}

internal sealed class AidSubsidyRateConfiguration : IEntityTypeConfiguration<AidSubsidyRate>
{
    public void Configure(EntityTypeBuilder<AidSubsidyRate> b)
    {
        b.ToTable("aid_subsidy_rates");
        b.HasKey(e => e.Id);
        b.Property(e => e.City).HasMaxLength(40);
        b.Property(e => e.Amount).HasPrecision(10, 2);
        b.HasIndex(e => new { e.City, e.Form, e.EffectiveFrom }).IsUnique();
    }
}

internal sealed class AidContactConfiguration : IEntityTypeConfiguration<AidContact>
{
    public void Configure(EntityTypeBuilder<AidContact> b)
    {
        b.ToTable("aid_contacts");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.Phone).IsPersonal(PersonalKind.Phone);
        b.Property(e => e.Answer).IsPersonal(PersonalKind.Text);
        b.Property(e => e.RecordedBy).HasMaxLength(256);
        // The day's list at a place, and the statistics by period, place and channel.
        b.HasIndex(e => new { e.DepartmentId, e.At });
        b.HasIndex(e => new { e.At, e.PlaceId, e.Channel });
        b.HasOne<AidPlace>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AidApplicationConfiguration : IEntityTypeConfiguration<AidApplication>
{
    public void Configure(EntityTypeBuilder<AidApplication> b)
    {
        b.ToTable("aid_applications");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(40);
        b.Property(e => e.QueryToken).HasMaxLength(40);
        b.Property(e => e.ApplicantName).HasMaxLength(50);
        b.Property(e => e.ApplicantIdNumber).IsPersonal(PersonalKind.IdNumber);
        b.Property(e => e.ApplicantPhone).IsPersonal(PersonalKind.Phone);
        b.Property(e => e.ApplicantAddress).IsPersonal(PersonalKind.Address);
        b.Property(e => e.ApplicantPhoneLookup).IsBlindIndex(PersonalKind.Phone, nameof(AidApplication.ApplicantPhone));
        b.Property(e => e.ReferredFrom).HasMaxLength(40);
        b.Property(e => e.ReferredFromLink).HasMaxLength(200);
        b.Property(e => e.GuardianName).HasMaxLength(50);
        b.Property(e => e.GuardianIdNumber).IsPersonal(PersonalKind.IdNumber);
        b.Property(e => e.Opponent).HasMaxLength(100);
        b.Property(e => e.Facts).IsPersonal(PersonalKind.Text);
        b.Property(e => e.FiledWhere).HasMaxLength(100);
        b.Property(e => e.DeclaredIncome).IsPersonal(PersonalKind.Figure);
        b.Property(e => e.ThresholdApplied).HasPrecision(10, 2);
        b.Property(e => e.MaterialsRequested).IsPersonal(PersonalKind.Text);
        b.Property(e => e.UrgentReason).IsPersonal(PersonalKind.Text);
        b.Property(e => e.RefusalReason).IsPersonal(PersonalKind.Text);
        b.Property(e => e.AssignmentReason).IsPersonal(PersonalKind.Text);
        b.Property(e => e.ClosingReport).IsPersonal(PersonalKind.Text);
        b.Property(e => e.Subsidy).HasPrecision(10, 2);
        b.Ignore(e => e.IsOpen);
        b.Ignore(e => e.Income);
        b.Ignore(e => e.ForwardDueAt);
        b.HasClock(e => e.ReviewDeadline, "Review");
        b.HasClock(e => e.AssignDeadline, "Assign");
        b.HasClock(e => e.ObjectionDeadline, "Objection");
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => e.QueryToken).IsUnique();
        b.HasIndex(e => new { e.DepartmentId, e.ReceivedAt });
        b.HasIndex(e => new { e.ReceivedAt, e.MatterType, e.Form, e.Status });
        b.HasIndex(e => new { e.LawyerId, e.Status });
        b.HasIndex(e => e.ClosedAt);
        b.HasIndex(e => e.DecidedAt);
        b.HasIndex(e => e.ChangedAt);
        b.HasIndex(e => e.ApplicantPhoneLookup);
        b.HasMany(e => e.Quality).WithOne().HasForeignKey(q => q.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<AidPlace>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AidLawyer>().WithMany().HasForeignKey(e => e.LawyerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class QualityCheckConfiguration : IEntityTypeConfiguration<QualityCheck>
{
    public void Configure(EntityTypeBuilder<QualityCheck> b)
    {
        b.ToTable("aid_quality_checks");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Note).IsPersonal(PersonalKind.Text);
        b.Property(e => e.CheckedBy).HasMaxLength(100);
        b.HasIndex(e => e.On);
    }
}

internal sealed class AidStepConfiguration : IEntityTypeConfiguration<AidStep>
{
    public void Configure(EntityTypeBuilder<AidStep> b)
    {
        b.ToTable("aid_steps");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Steps();
    }
}

/// <summary>The legal-aid tables on the one context.</summary>
public static class LegalAidSets
{
    extension(FazhiDbContext db)
    {
        public DbSet<AidPlace> AidPlaces => db.Set<AidPlace>();

        public DbSet<LawFirm> LawFirms => db.Set<LawFirm>();

        public DbSet<AidLawyer> AidLawyers => db.Set<AidLawyer>();

        public DbSet<DutyShift> DutyShifts => db.Set<DutyShift>();

        public DbSet<HardshipThreshold> HardshipThresholds => db.Set<HardshipThreshold>();

        public DbSet<AidSubsidyRate> AidSubsidyRates => db.Set<AidSubsidyRate>();

        public DbSet<AidContact> AidContacts => db.Set<AidContact>();

        public DbSet<AidApplication> AidApplications => db.Set<AidApplication>();
    }
}
