using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Enforcement.Data;

internal sealed class OfficerConfiguration : IEntityTypeConfiguration<Officer>
{
    public void Configure(EntityTypeBuilder<Officer> b)
    {
        b.ToTable("enf_officers");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.CertificateNumber).HasMaxLength(40);
        b.Property(e => e.Area).HasMaxLength(50);
        b.Property(e => e.Category).HasMaxLength(100);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.TrainingHours).HasPrecision(8, 1);
        b.Ignore(e => e.Validity);
        b.HasIndex(e => e.CertificateNumber).IsUnique();
        b.HasIndex(e => new { e.DepartmentId, e.Name });
        b.HasIndex(e => e.UserName);
    }
}

internal sealed class OfficerTrainingConfiguration : IEntityTypeConfiguration<OfficerTraining>
{
    public void Configure(EntityTypeBuilder<OfficerTraining> b)
    {
        b.ToTable("enf_trainings");
        b.HasKey(e => e.Id);
        b.Property(e => e.Course).HasMaxLength(200);
        b.Property(e => e.Hours).HasPrecision(8, 1);
        b.Property(e => e.Organiser).HasMaxLength(100);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
        // The yearly count of officers trained: a period's trainings, then each officer's.
        b.HasIndex(e => new { e.HeldOn, e.OfficerId });
        b.HasIndex(e => new { e.OfficerId, e.HeldOn });
        b.HasOne<Officer>().WithMany().HasForeignKey(e => e.OfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LegalReviewerConfiguration : IEntityTypeConfiguration<LegalReviewer>
{
    public void Configure(EntityTypeBuilder<LegalReviewer> b)
    {
        b.ToTable("enf_reviewers");
        b.HasKey(e => e.Id);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Ignore(e => e.MayReview);
        b.HasIndex(e => e.UserName).IsUnique();
    }
}

internal sealed class DiscretionRuleConfiguration : IEntityTypeConfiguration<DiscretionRule>
{
    public void Configure(EntityTypeBuilder<DiscretionRule> b)
    {
        b.ToTable("enf_discretion_rules");
        b.HasKey(e => e.Id);
        b.Property(e => e.Code).HasMaxLength(30);
        b.Property(e => e.Violation).HasMaxLength(300);
        b.Property(e => e.Provision).HasMaxLength(500);
        b.Property(e => e.Circumstance).HasMaxLength(100);
        b.Property(e => e.Measure).HasMaxLength(500);
        b.Property(e => e.MinFine).HasPrecision(14, 2);
        b.Property(e => e.MaxFine).HasPrecision(14, 2);
        b.Ignore(e => e.Citation);
        b.HasIndex(e => new { e.DepartmentId, e.Code, e.EffectiveFrom }).IsUnique();
    }
}

internal sealed class ActionConfiguration : IEntityTypeConfiguration<EnforcementAction>
{
    public void Configure(EntityTypeBuilder<EnforcementAction> b)
    {
        b.ToTable("enf_actions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(60);
        b.Property(e => e.Matter).HasMaxLength(300);
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.Decision).HasMaxLength(1000);
        b.Property(e => e.Amount).HasPrecision(14, 2);
        b.Property(e => e.OfficerNames).AsJson().HasMaxLength(300);
        b.Property(e => e.RecordedBy).HasMaxLength(100);
        // The January tables: one grouped pass over a year's acts.
        b.HasIndex(e => new { e.DecidedOn, e.DepartmentId, e.Kind, e.Granted });
        b.HasIndex(e => new { e.DepartmentId, e.Kind, e.DecidedOn });
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<EnforcementCase>
{
    public void Configure(EntityTypeBuilder<EnforcementCase> b)
    {
        b.ToTable("enf_cases");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(60);
        b.Property(e => e.SourceNote).HasMaxLength(200);
        b.Property(e => e.Matter).HasMaxLength(300);
        // The facts, the party's statement, the hearing and the discussion tell a person's story: encrypted at rest.
        b.Property(e => e.Facts).IsPersonal(PersonalKind.Text);
        b.Property(e => e.RegisteredBy).HasMaxLength(256);
        b.Property(e => e.FiledBy).HasMaxLength(100);
        b.Property(e => e.NotFiledReason).HasMaxLength(1000);
        b.Property(e => e.ProposedFine).HasPrecision(14, 2);
        b.Property(e => e.ProposedConfiscation).HasPrecision(14, 2);
        b.Property(e => e.Provisions).HasMaxLength(1000);
        b.Property(e => e.Basis).HasMaxLength(1000);
        b.Property(e => e.DiscretionCitation).HasMaxLength(1000);
        b.Property(e => e.Statement).IsPersonal(PersonalKind.Text);
        b.Property(e => e.StatementRecheck).IsPersonal(PersonalKind.Text);
        b.Property(e => e.HearingPresider).HasMaxLength(50);
        b.Property(e => e.HearingAgents).HasMaxLength(200);
        b.Property(e => e.HearingTranscript).IsPersonal(PersonalKind.Text);
        b.Property(e => e.DiscussionParticipants).HasMaxLength(500);
        b.Property(e => e.DiscussionConclusion).IsPersonal(PersonalKind.Text);
        b.Property(e => e.DecisionNumber).HasMaxLength(60);
        b.Property(e => e.DecidedBy).HasMaxLength(100);
        b.Property(e => e.Fine).HasPrecision(14, 2);
        b.Property(e => e.Confiscation).HasPrecision(14, 2);
        b.Property(e => e.Performance).HasMaxLength(1000);
        b.Property(e => e.PaidAmount).HasPrecision(14, 2);
        b.Property(e => e.LateFinePaid).HasPrecision(14, 2);
        b.Property(e => e.CloseNote).HasMaxLength(1000);
        b.Property(e => e.FileNumber).HasMaxLength(60);
        b.Property(e => e.RevocationReason).HasMaxLength(1000);
        b.Ignore(e => e.IsOpen);
        b.Ignore(e => e.ActiveOfficers);
        b.Ignore(e => e.ReviewPassed);
        b.Ignore(e => e.OpenReview);
        b.HasClock(e => e.Filing, "Filing");
        b.HasClock(e => e.Decision, "Decision");
        b.HasClock(e => e.HearingRequestWindow, "HearingRequest");
        b.HasClock(e => e.StatementWindow, "Statement");
        b.Property(e => e.ServiceRecipient).HasMaxLength(100);
        b.Property(e => e.CertificatesShownTo).HasMaxLength(200);
        b.Property(e => e.NoticeNumber).HasMaxLength(60);
        b.Property(e => e.ActPlace).HasMaxLength(200);
        b.Property(e => e.HearingSignatureNote).HasMaxLength(500);
        b.Property(e => e.ServiceProofSha256).HasMaxLength(64);
        b.HasClock(e => e.Service, "Service");
        b.HasClock(e => e.Payment, "Payment");
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => e.DecisionNumber).IsUnique();
        // The case list: a department's cases, newest first, page 1 read from the index.
        b.HasIndex(e => new { e.DepartmentId, e.RegisteredAt });
        b.HasIndex(e => new { e.DepartmentId, e.Status, e.RegisteredAt });
        // The January tables: a year's decisions in one grouped pass over this index.
        b.HasIndex(e => new { e.DecidedOn, e.DepartmentId, e.PenaltyKind, e.Procedure, e.Fine, e.Confiscation });
        // Evaluation draws: a department's files closed in a year.
        b.HasIndex(e => new { e.DepartmentId, e.ClosedOn });
        b.HasOne(e => e.Party).WithOne().HasForeignKey<CaseParty>(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Party).IsRequired();
        b.HasMany(e => e.Officers).WithOne().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Evidence).WithOne().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Reviews).WithOne().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Extensions).WithOne().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Pauses).WithOne().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(o => o.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CasePartyConfiguration : IEntityTypeConfiguration<CaseParty>
{
    public void Configure(EntityTypeBuilder<CaseParty> b)
    {
        b.ToTable("enf_parties");
        b.HasKey(e => e.CaseId);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Representative).HasMaxLength(50);
        b.Property(e => e.IdNumber).IsPersonal(PersonalKind.IdNumber);
        b.Property(e => e.Phone).IsPersonal(PersonalKind.Phone);
        b.Property(e => e.Address).IsPersonal(PersonalKind.Address);
        // A plate identifies a person as an ID number does: encrypted, and shown nowhere in the audit.
        b.Property(e => e.Plate).IsPersonal(PersonalKind.IdNumber);
        b.Property(e => e.IdLookup).IsBlindIndex(PersonalKind.IdNumber, nameof(CaseParty.IdNumber));
        b.HasIndex(e => e.Name);
        b.HasIndex(e => e.IdLookup);
    }
}

internal sealed class CaseOfficerConfiguration : IEntityTypeConfiguration<CaseOfficer>
{
    public void Configure(EntityTypeBuilder<CaseOfficer> b)
    {
        b.ToTable("enf_case_officers");
        b.HasKey(e => new { e.CaseId, e.OfficerId });
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.CertificateNumber).HasMaxLength(40);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.RecusalReason).HasMaxLength(500);
        b.Property(e => e.RecusalDecidedBy).HasMaxLength(100);
        b.Ignore(e => e.Active);
        b.HasIndex(e => e.OfficerId);
        b.HasOne<Officer>().WithMany().HasForeignKey(e => e.OfficerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> b)
    {
        b.ToTable("enf_evidence");
        b.HasKey(e => e.Id);
        // The domain makes the key when it adds the row to a loaded case: EF must insert it, not look for it.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Title).HasMaxLength(300);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.CollectedBy).HasMaxLength(100);
        b.Property(e => e.PreservationOutcome).HasMaxLength(500);
        b.HasClock(e => e.PreservationWindow, "Preservation");
        b.HasIndex(e => e.CaseId);
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<LegalityReview>
{
    public void Configure(EntityTypeBuilder<LegalityReview> b)
    {
        b.ToTable("enf_reviews");
        b.HasKey(e => e.Id);
        // The domain makes the key when it adds the row to a loaded case: EF must insert it, not look for it.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.SubmittedBy).HasMaxLength(100);
        b.Property(e => e.Reviewer).HasMaxLength(256);
        b.Property(e => e.ReviewerName).HasMaxLength(100);
        b.Property(e => e.Opinion).IsPersonal(PersonalKind.Text);
        b.Property(e => e.Failed).AsJson().HasMaxLength(200);
        b.HasIndex(e => e.CaseId);
        b.HasIndex(e => e.ReviewedAt);
    }
}

internal sealed class ExtensionConfiguration : IEntityTypeConfiguration<Extension>
{
    public void Configure(EntityTypeBuilder<Extension> b)
    {
        b.ToTable("enf_extensions");
        b.HasKey(e => e.Id);
        // The domain makes the key when it adds the row to a loaded case: EF must insert it, not look for it.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Limit).HasMaxLength(20);
        b.Property(e => e.Reason).HasMaxLength(500);
        b.Property(e => e.ApprovedBy).HasMaxLength(100);
        b.Property(e => e.Discussion).HasMaxLength(500);
        b.HasIndex(e => e.CaseId);
    }
}

internal sealed class ClockPauseConfiguration : IEntityTypeConfiguration<ClockPause>
{
    public void Configure(EntityTypeBuilder<ClockPause> b)
    {
        b.ToTable("enf_pauses");
        b.HasKey(e => e.Id);
        // The domain makes the key when it adds the row to a loaded case: EF must insert it, not look for it.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Note).HasMaxLength(500);
        b.Property(e => e.PausedBy).HasMaxLength(100);
        b.Property(e => e.ResumedBy).HasMaxLength(100);
        b.HasIndex(e => e.CaseId);
    }
}

internal sealed class RecordStepConfiguration : IEntityTypeConfiguration<RecordStep>
{
    public void Configure(EntityTypeBuilder<RecordStep> b)
    {
        b.ToTable("enf_record_steps");
        b.Steps();
        b.Property(e => e.FileSha256).HasMaxLength(64);
        b.Property(e => e.FileName).HasMaxLength(200);
        b.Property(e => e.ContentType).HasMaxLength(100);
    }
}

internal sealed class PublicationConfiguration : IEntityTypeConfiguration<Publication>
{
    public void Configure(EntityTypeBuilder<Publication> b)
    {
        b.ToTable("enf_publications");
        b.HasKey(e => e.Id);
        b.Property(e => e.DocumentNumber).HasMaxLength(60);
        b.Property(e => e.Matter).HasMaxLength(300);
        b.Property(e => e.Party).HasMaxLength(100);
        b.Property(e => e.Content).HasMaxLength(4000);
        b.Property(e => e.Fine).HasPrecision(14, 2);
        b.Property(e => e.PublishedBy).HasMaxLength(100);
        b.Property(e => e.WithdrawalReason).HasMaxLength(1000);
        b.HasClock(e => e.Due, "Due");
        b.HasClock(e => e.Withdrawal, "Withdrawal");
        b.HasIndex(e => e.CaseId);
        b.HasIndex(e => e.DocumentNumber);
        // The public page: what is published, newest first, overall and per department. The Id is the search's tie-break
        // (ORDER BY PublishedOn DESC, Id DESC): with it in the index the page is read in order and the scan stops after 21
        // matches; without it a whole day of publications was read and sorted first.
        b.HasIndex(e => new { e.Status, e.PublishedOn, e.Id });
        b.HasIndex(e => new { e.DepartmentId, e.Status, e.PublishedOn, e.Id });
    }
}

internal sealed class DrawConfiguration : IEntityTypeConfiguration<EvaluationDraw>
{
    public void Configure(EntityTypeBuilder<EvaluationDraw> b)
    {
        b.ToTable("enf_draws");
        b.HasKey(e => e.Id);
        b.Property(e => e.DepartmentCode).HasMaxLength(50);
        b.Property(e => e.AnnouncedNumber).HasMaxLength(40);
        b.Property(e => e.Seed).HasMaxLength(120);
        b.Property(e => e.DrawnBy).HasMaxLength(100);
        b.Property(e => e.CaseNumbers).AsJson().HasMaxLength(8000);
        b.HasIndex(e => new { e.DepartmentId, e.Year });
    }
}

internal sealed class FileEvaluationConfiguration : IEntityTypeConfiguration<FileEvaluation>
{
    public void Configure(EntityTypeBuilder<FileEvaluation> b)
    {
        b.ToTable("enf_evaluations");
        b.HasKey(e => e.Id);
        b.Property(e => e.CaseNumber).HasMaxLength(60);
        b.Property(e => e.Evaluator).HasMaxLength(100);
        b.Property(e => e.Comments).HasMaxLength(2000);
        b.Property(e => e.RectificationNote).HasMaxLength(2000);
        b.Property(e => e.Vetoes).AsJson().HasMaxLength(200);
        b.Ignore(e => e.Score);
        b.HasClock(e => e.Rectification, "Rectification");
        b.HasIndex(e => new { e.DrawId, e.CaseId }).IsUnique();
        b.HasOne<EvaluationDraw>().WithMany().HasForeignKey(e => e.DrawId).OnDelete(DeleteBehavior.Cascade);
    }
}
