using Fazhi.Web.Modules.Petitions.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Petitions.Data;

internal sealed class PetitionConfiguration : IEntityTypeConfiguration<Petition>
{
    public void Configure(EntityTypeBuilder<Petition> b)
    {
        b.ToTable("pet_petitions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(40);
        b.Property(e => e.QueryToken).HasMaxLength(40);
        b.Property(e => e.RequestId).HasMaxLength(20);
        b.HasIndex(e => e.RequestId).IsUnique();
        b.Property(e => e.Subject).HasMaxLength(100);
        b.Property(e => e.Request).IsPersonal(PersonalKind.Text);
        b.Property(e => e.Facts).IsPersonal(PersonalKind.Text);
        b.Property(e => e.Reasons).IsPersonal(PersonalKind.Text);
        b.Property(e => e.PetitionerName).HasMaxLength(50);
        b.Property(e => e.PetitionerIdNumber).IsPersonal(PersonalKind.IdNumber);
        b.Property(e => e.PetitionerPhone).IsPersonal(PersonalKind.Phone);
        b.Property(e => e.PetitionerAddress).IsPersonal(PersonalKind.Address);
        b.Property(e => e.IdLookup).IsBlindIndex(PersonalKind.IdNumber);
        b.Property(e => e.PhoneLookup).IsBlindIndex(PersonalKind.Phone);
        // 第30条: an accuser's identity, sealed: encrypted, and never in the audit record.
        b.Property(e => e.SealedName).IsPersonal(PersonalKind.Sealed);
        b.Property(e => e.SealedIdNumber).IsPersonal(PersonalKind.Sealed);
        b.Property(e => e.SealedPhone).IsPersonal(PersonalKind.Sealed);
        b.Property(e => e.SealedAddress).IsPersonal(PersonalKind.Sealed);
        b.Property(e => e.Representatives).AsJson().HasMaxLength(300);
        b.Property(e => e.RepeatOfNumber).HasMaxLength(40);
        b.Property(e => e.HandlerName).HasMaxLength(100);
        b.Property(e => e.DecisionReason).IsPersonal(PersonalKind.Text);
        b.Property(e => e.ExtensionReason).IsPersonal(PersonalKind.Text);
        b.Property(e => e.Opinion).IsPersonal(PersonalKind.Text);
        b.Property(e => e.ReviewBody).HasMaxLength(100);
        b.Property(e => e.ReviewOpinion).IsPersonal(PersonalKind.Text);
        b.Property(e => e.ReReviewBody).HasMaxLength(100);
        b.Property(e => e.ReReviewOpinion).IsPersonal(PersonalKind.Text);
        b.Property(e => e.MediationNumber).HasMaxLength(40);
        b.Property(e => e.Open311Client).HasMaxLength(60);
        b.Ignore(e => e.IsSealed);
        b.Ignore(e => e.IsFinal);
        b.Ignore(e => e.DueDate);
        b.Ignore(e => e.StaffClockRuns);
        b.HasClock(e => e.RouteDeadline, "Route");
        b.HasClock(e => e.SendBackDeadline, "SendBack");
        b.HasClock(e => e.AnswerDeadline, "Answer");
        b.HasClock(e => e.ReviewWindow, "ReviewWindow");
        b.HasClock(e => e.ReviewDeadline, "Review");
        b.HasClock(e => e.ReReviewWindow, "ReReviewWindow");
        b.HasClock(e => e.ReReviewDeadline, "ReReview");
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => e.QueryToken).IsUnique();
        b.HasIndex(e => new { e.DepartmentId, e.ReceivedAt });
        b.HasIndex(e => new { e.HandlerDepartmentId, e.Status });
        b.HasIndex(e => new { e.Status, e.DueOn });
        // The statistics of a year in one pass; the repeat check and the citizen's page by the blind indexes.
        b.HasIndex(e => new { e.ReceivedAt, e.Channel, e.Class, e.Category, e.Status, e.RepeatOfId, e.GroupSize, e.Rating, e.MediationCaseId });
        b.HasIndex(e => new { e.AnsweredAt, e.AnsweredInTime });
        b.HasIndex(e => e.ReviewRequestedAt);
        b.HasIndex(e => e.ReReviewRequestedAt);
        b.HasIndex(e => new { e.IdLookup, e.Category });
        b.HasIndex(e => new { e.PhoneLookup, e.Category });
        b.HasIndex(e => e.MediationCaseId);
        b.HasIndex(e => e.ChangedAt);
        b.HasMany(e => e.Oversights).WithOne().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OversightConfiguration : IEntityTypeConfiguration<Oversight>
{
    public void Configure(EntityTypeBuilder<Oversight> b)
    {
        b.ToTable("pet_oversights");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.By).HasMaxLength(100);
        b.Property(e => e.Request).IsPersonal(PersonalKind.Text);
        b.Property(e => e.Answer).IsPersonal(PersonalKind.Text);
        b.HasClock(e => e.Clock, "Due");
    }
}

internal sealed class PetitionStepConfiguration : IEntityTypeConfiguration<PetitionStep>
{
    public void Configure(EntityTypeBuilder<PetitionStep> b)
    {
        b.ToTable("pet_steps");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Steps();
    }
}

/// <summary>The petitions tables on the one context.</summary>
public static class PetitionsSets
{
    extension(FazhiDbContext db)
    {
        public DbSet<Petition> Petitions => db.Set<Petition>();
    }
}
