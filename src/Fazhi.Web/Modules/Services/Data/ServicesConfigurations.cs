using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Services.Data;

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> b)
    {
        b.ToTable("svc_items");
        b.HasKey(e => e.Id);
        b.Property(e => e.Code).HasMaxLength(50);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Theme).HasMaxLength(50);
        b.HasIndex(e => e.Code).IsUnique();
        b.HasIndex(e => e.DepartmentId);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ServiceItemVersionConfiguration : IEntityTypeConfiguration<ServiceItemVersion>
{
    public void Configure(EntityTypeBuilder<ServiceItemVersion> b)
    {
        b.ToTable("svc_item_versions");
        b.HasKey(e => e.Id);
        b.HasIndex(e => new { e.ItemId, e.Version }).IsUnique();
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Fees).HasMaxLength(500);
        b.Property(e => e.Place).HasMaxLength(200);
        b.Property(e => e.Hours).HasMaxLength(200);
        b.Property(e => e.Theme).HasMaxLength(50);
        b.Property(e => e.Materials).AsJson();
        b.Property(e => e.Stages).AsJson();
        b.HasOne<ServiceItem>().WithMany().HasForeignKey(e => e.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> b)
    {
        b.ToTable("svc_applications");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(20);
        b.Property(e => e.QueryToken).HasMaxLength(64);
        b.Property(e => e.ItemName).HasMaxLength(100);
        b.Property(e => e.ApplicantName).HasMaxLength(100);
        b.Property(e => e.IdNumber).IsPersonal(PersonalKind.IdNumber);
        b.Property(e => e.IdNumberLookup).IsBlindIndex(PersonalKind.IdNumber, nameof(Application.IdNumber));
        b.Property(e => e.CreditCode).HasMaxLength(18);
        b.Property(e => e.Phone).IsPersonal(PersonalKind.Phone);
        b.Property(e => e.ContactName).HasMaxLength(50);
        b.Property(e => e.IdentifierTail).IsBlindIndex(PersonalKind.IdentifierTail);
        b.HasIndex(e => e.IdNumberLookup);
        b.Property(e => e.RefusalReason).HasMaxLength(2000);
        b.Property(e => e.Materials).AsJson();
        b.Property(e => e.CorrectionItems).AsJson();
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => e.QueryToken).IsUnique();
        b.HasIndex(e => new { e.Status, e.DueDate });
        b.HasIndex(e => e.DepartmentId);
        b.HasIndex(e => new { e.IntakeDepartmentId, e.ReceivedAt });
        b.HasIndex(e => e.CitizenId);
        b.HasIndex(e => e.ChangedAt);
        b.Property(e => e.SuspensionKind).HasMaxLength(20);
        b.Property(e => e.SuspensionReason).HasMaxLength(2000);
        b.Property(e => e.ExtensionRequestReason).HasMaxLength(2000);
        b.Property(e => e.ExtensionRequestedBy).HasMaxLength(100);
        b.Property(e => e.ExtensionReason).HasMaxLength(2000);
        b.Property(e => e.Decision).HasMaxLength(10);
        b.Property(e => e.DecisionReason).HasMaxLength(2000);
        b.Property(e => e.DeliveryMethod).HasMaxLength(20);
        b.Property(e => e.LastActedBy).HasMaxLength(100);
        b.Ignore(e => e.IsSuspended);
        b.Ignore(e => e.Clock);
        b.Ignore(e => e.OpenTasks);
        // The dashboard counts by item and department over a period of intake, and the applications in
        // review now from this index alone (it holds every column that count reads).
        b.HasIndex(e => new { e.ItemId, e.ReceivedAt });
        b.HasIndex(e => e.ReceivedAt);
        b.HasIndex(e => new { e.Status, e.DepartmentId, e.ItemId, e.DueDate, e.YellowFrom });
        b.HasMany(e => e.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Tasks).WithOne().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ServiceItemVersion>().WithMany().HasForeignKey(e => e.ItemVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StageTaskConfiguration : IEntityTypeConfiguration<StageTask>
{
    public void Configure(EntityTypeBuilder<StageTask> b)
    {
        b.ToTable("svc_stage_tasks");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.StageName).HasMaxLength(100);
        b.Property(e => e.ActedBy).HasMaxLength(100);
        b.Ignore(e => e.Clock);
        // A department's queue: its open tasks, running ones before suspended ones, oldest deadline first.
        b.HasIndex(e => new { e.DepartmentId, e.State, e.Paused, e.DueDate });
        b.HasIndex(e => e.ApplicationId);
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> b)
    {
        b.ToTable("svc_evaluations");
        b.HasKey(e => e.ApplicationId);
        b.Property(e => e.Comment).HasMaxLength(1000);
        b.HasIndex(e => new { e.DepartmentId, e.At });
    }
}

internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> b)
    {
        b.ToTable("svc_rectifications");
        b.HasKey(e => e.Id);
        b.Property(e => e.Comment).HasMaxLength(1000);
        b.Property(e => e.Measures).HasMaxLength(2000);
        b.Property(e => e.Feedback).HasMaxLength(2000);
        b.Property(e => e.RectifiedBy).HasMaxLength(100);
        b.Property(e => e.ClosedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.DepartmentId, e.State });
        b.HasIndex(e => e.ApplicationId).IsUnique();
    }
}

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.ToTable("svc_complaints");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.Phone).IsPersonal(PersonalKind.Phone);
        b.Property(e => e.ApplicationNumber).HasMaxLength(20);
        b.Property(e => e.Text).HasMaxLength(2000);
        b.Property(e => e.Reply).HasMaxLength(2000);
        b.Property(e => e.HandledBy).HasMaxLength(100);
        b.Property(e => e.QueryToken).HasMaxLength(64);
        b.Property(e => e.AssignedBy).HasMaxLength(100);
        b.Property(e => e.ClosedBy).HasMaxLength(100);
        b.HasIndex(e => e.QueryToken).IsUnique();
        b.HasIndex(e => new { e.AssignedTo, e.State });
        b.HasIndex(e => e.At);
    }
}

internal sealed class ApplicationEventConfiguration : IEntityTypeConfiguration<ApplicationEvent>
{
    public void Configure(EntityTypeBuilder<ApplicationEvent> b)
    {
        b.ToTable("svc_application_events");
        // The note is what the applicant is told (reasons, the correction list): the public timeline shows it, so it stays readable.
        b.Steps(personalNote: false);
        b.Property(e => e.Note).HasMaxLength(4000);
        // The public look-up reads these columns by name (ProgressService.SnapshotColumns): the timeline keeps them.
        b.Property(e => e.CaseId).HasColumnName("ApplicationId");
        b.Property(e => e.Actor).HasColumnName("ActorName");
        b.Property(e => e.ActorName).HasColumnName("ActorDisplayName");
        b.Property(e => e.StageName).HasMaxLength(100);
    }
}

internal sealed class NumberSequenceConfiguration : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.ToTable("svc_number_sequences");
        b.HasKey(e => e.Series);
        b.Property(e => e.Series).HasMaxLength(20);
    }
}

internal sealed class CitizenConfiguration : IEntityTypeConfiguration<Citizen>
{
    public void Configure(EntityTypeBuilder<Citizen> b)
    {
        b.ToTable("svc_citizens");
        b.HasKey(e => e.Id);
        b.Property(e => e.Phone).IsPersonal(PersonalKind.Phone);
        b.Property(e => e.PhoneLookup).IsBlindIndex(PersonalKind.Phone, nameof(Citizen.Phone));
        b.Property(e => e.PasswordHash).HasMaxLength(200);
        b.HasIndex(e => e.PhoneLookup).IsUnique();
    }
}

internal sealed class UploadedFileConfiguration : IEntityTypeConfiguration<UploadedFile>
{
    public void Configure(EntityTypeBuilder<UploadedFile> b)
    {
        b.ToTable("svc_uploaded_files");
        b.HasKey(e => e.Id);
        b.Property(e => e.MaterialKey).HasMaxLength(50);
        b.Property(e => e.FileName).HasMaxLength(200);
        b.Property(e => e.ContentType).HasMaxLength(50);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.HasIndex(e => e.ApplicationId);
        b.HasOne<Application>().WithMany().HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}
