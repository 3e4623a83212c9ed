using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Documents.Data;

internal sealed class NormativeDocumentConfiguration : IEntityTypeConfiguration<NormativeDocument>
{
    public void Configure(EntityTypeBuilder<NormativeDocument> b)
    {
        b.ToTable("doc_documents");
        b.HasKey(e => e.Id);
        b.Property(e => e.DraftNumber).HasMaxLength(40);
        b.Property(e => e.Number).HasMaxLength(40);
        b.Property(e => e.Slug).HasMaxLength(40);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.DepartmentName).HasMaxLength(100);
        b.Property(e => e.OutsidePlanReason).HasMaxLength(500);
        b.Property(e => e.Checker).HasMaxLength(100);
        b.Property(e => e.CheckOpinion).HasMaxLength(8000);
        b.Property(e => e.MeetingName).HasMaxLength(100);
        b.Property(e => e.MeetingDecision).HasMaxLength(4000);
        b.Property(e => e.FiledWith).HasMaxLength(100);
        b.Property(e => e.FilingReference).HasMaxLength(60);
        b.Property(e => e.RepealReason).HasMaxLength(1000);
        b.HasClock(e => e.CommentWindow, "Comment");
        b.HasClock(e => e.CheckDeadline, "Check");
        b.HasClock(e => e.FilingDeadline, "Filing");
        b.Ignore(e => e.Current);
        b.HasIndex(e => e.DraftNumber).IsUnique();
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => e.Slug).IsUnique();
        b.HasIndex(e => new { e.DepartmentId, e.CreatedAt });
        // The public list of documents in force, and the figures by publication and filing.
        b.HasIndex(e => new { e.Status, e.EffectiveOn, e.ExpiresOn });
        b.HasIndex(e => new { e.Kind, e.PublishedOn });
        b.HasIndex(e => e.ChangedAt);
        b.HasMany(e => e.Versions).WithOne().HasForeignKey(v => v.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersion>
{
    public void Configure(EntityTypeBuilder<DocumentVersion> b)
    {
        b.ToTable("doc_versions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Text).HasMaxLength(100_000);
        b.Property(e => e.Note).HasMaxLength(500);
        b.Property(e => e.By).HasMaxLength(100);
        b.HasIndex(e => new { e.CaseId, e.Number }).IsUnique();
    }
}

internal sealed class PublicCommentConfiguration : IEntityTypeConfiguration<PublicComment>
{
    public void Configure(EntityTypeBuilder<PublicComment> b)
    {
        b.ToTable("doc_comments");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        // A name a member of the public chose to give: personal data.
        b.Property(e => e.Name).IsPersonal(PersonalKind.Text);
        b.Property(e => e.Text).IsPersonal(PersonalKind.Text);
        b.Property(e => e.Answer).IsPersonal(PersonalKind.Text);
        b.Property(e => e.AnsweredBy).HasMaxLength(100);
        b.HasIndex(e => new { e.SubjectId, e.At });
    }
}

internal sealed class DocumentStepConfiguration : IEntityTypeConfiguration<DocumentStep>
{
    public void Configure(EntityTypeBuilder<DocumentStep> b)
    {
        b.ToTable("doc_document_steps");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Steps();
    }
}

internal sealed class DocumentPlanConfiguration : IEntityTypeConfiguration<DocumentPlan>
{
    public void Configure(EntityTypeBuilder<DocumentPlan> b)
    {
        b.ToTable("doc_plans");
        b.HasKey(e => e.Id);
        b.Property(e => e.MeetingName).HasMaxLength(100);
        b.Property(e => e.MinutesSha256).HasMaxLength(64);
        b.Property(e => e.MinutesType).HasMaxLength(100);
        b.Ignore(e => e.Approved);
        b.HasIndex(e => new { e.Body, e.Year, e.Half }).IsUnique();
        b.HasMany(e => e.Items).WithOne().HasForeignKey(i => i.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanItemConfiguration : IEntityTypeConfiguration<PlanItem>
{
    public void Configure(EntityTypeBuilder<PlanItem> b)
    {
        b.ToTable("doc_plan_items");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.DepartmentName).HasMaxLength(100);
    }
}

internal sealed class PlanStepConfiguration : IEntityTypeConfiguration<PlanStep>
{
    public void Configure(EntityTypeBuilder<PlanStep> b)
    {
        b.ToTable("doc_plan_steps");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Steps();
    }
}

internal sealed class MajorDecisionConfiguration : IEntityTypeConfiguration<MajorDecision>
{
    public void Configure(EntityTypeBuilder<MajorDecision> b)
    {
        b.ToTable("doc_decisions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(40);
        b.Property(e => e.Slug).HasMaxLength(40);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Matter).HasMaxLength(4000);
        b.Property(e => e.DepartmentName).HasMaxLength(100);
        b.Ignore(e => e.FullProcedure);
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => e.Slug).IsUnique();
        b.HasIndex(e => new { e.Year, e.Status });
        b.HasMany(e => e.Phases).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DecisionPhaseConfiguration : IEntityTypeConfiguration<DecisionPhase>
{
    public void Configure(EntityTypeBuilder<DecisionPhase> b)
    {
        b.ToTable("doc_decision_phases");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Summary).HasMaxLength(8000);
        b.Property(e => e.By).HasMaxLength(200);
        b.Property(e => e.SkipReason).HasMaxLength(1000);
        b.Property(e => e.FileSha256).HasMaxLength(64);
        b.Property(e => e.FileType).HasMaxLength(100);
        b.HasClock(e => e.Clock, "Due");
        b.HasIndex(e => new { e.CaseId, e.Stage }).IsUnique();
    }
}

internal sealed class DecisionStepConfiguration : IEntityTypeConfiguration<DecisionStep>
{
    public void Configure(EntityTypeBuilder<DecisionStep> b)
    {
        b.ToTable("doc_decision_steps");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Steps();
    }
}

internal sealed class DecisionDirectoryConfiguration : IEntityTypeConfiguration<DecisionDirectory>
{
    public void Configure(EntityTypeBuilder<DecisionDirectory> b)
    {
        b.ToTable("doc_directories");
        b.HasKey(e => e.Year);
        b.Property(e => e.Year).ValueGeneratedNever();
        b.Property(e => e.PublishedBy).HasMaxLength(100);
    }
}

internal sealed class AdvisorFirmConfiguration : IEntityTypeConfiguration<AdvisorFirm>
{
    public void Configure(EntityTypeBuilder<AdvisorFirm> b)
    {
        b.ToTable("doc_firms");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Licence).HasMaxLength(40);
        b.Property(e => e.Contact).HasMaxLength(100);
        b.HasIndex(e => e.Name).IsUnique();
    }
}

internal sealed class AdvisorConfiguration : IEntityTypeConfiguration<Advisor>
{
    public void Configure(EntityTypeBuilder<Advisor> b)
    {
        b.ToTable("doc_advisors");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.PracticeNumber).HasMaxLength(40);
        b.Property(e => e.Phone).IsPersonal(PersonalKind.Phone);
        b.HasIndex(e => e.PracticeNumber).IsUnique();
        b.HasIndex(e => e.FirmId);
    }
}

internal sealed class AdvisorContractConfiguration : IEntityTypeConfiguration<AdvisorContract>
{
    public void Configure(EntityTypeBuilder<AdvisorContract> b)
    {
        b.ToTable("doc_contracts");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(40);
        b.Property(e => e.Scope).HasMaxLength(1000);
        b.Property(e => e.Fee).HasPrecision(12, 2);
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => new { e.FirmId, e.To });
    }
}

internal sealed class AdvisorAssignmentConfiguration : IEntityTypeConfiguration<AdvisorAssignment>
{
    public void Configure(EntityTypeBuilder<AdvisorAssignment> b)
    {
        b.ToTable("doc_assignments");
        b.HasKey(e => e.Id);
        b.Property(e => e.UnitName).HasMaxLength(100);
        b.HasIndex(e => new { e.UnitId, e.To });
        b.HasIndex(e => e.AdvisorId);
    }
}

internal sealed class AdvisorEvaluationConfiguration : IEntityTypeConfiguration<AdvisorEvaluation>
{
    public void Configure(EntityTypeBuilder<AdvisorEvaluation> b)
    {
        b.ToTable("doc_evaluations");
        b.HasKey(e => e.Id);
        b.Property(e => e.Note).HasMaxLength(1000);
        b.Property(e => e.By).HasMaxLength(100);
        b.HasIndex(e => new { e.AdvisorId, e.Year }).IsUnique();
    }
}

internal sealed class LegalStaffConfiguration : IEntityTypeConfiguration<LegalStaff>
{
    public void Configure(EntityTypeBuilder<LegalStaff> b)
    {
        b.ToTable("doc_legal_staff");
        b.HasKey(e => e.Id);
        b.Property(e => e.UnitName).HasMaxLength(100);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.Position).HasMaxLength(100);
        b.HasIndex(e => new { e.UnitId, e.Until });
    }
}

internal sealed class OpinionRequestConfiguration : IEntityTypeConfiguration<OpinionRequest>
{
    public void Configure(EntityTypeBuilder<OpinionRequest> b)
    {
        b.ToTable("doc_opinions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(40);
        b.Property(e => e.DepartmentName).HasMaxLength(100);
        b.Property(e => e.Subject).HasMaxLength(200);
        b.Property(e => e.Question).IsPersonal(PersonalKind.Text);
        b.Property(e => e.SourceModule).HasMaxLength(40);
        b.Property(e => e.SourceNumber).HasMaxLength(60);
        b.Property(e => e.SourceLink).HasMaxLength(200);
        b.Property(e => e.AdvisorName).HasMaxLength(50);
        b.Property(e => e.FirmName).HasMaxLength(100);
        b.Property(e => e.Opinion).IsPersonal(PersonalKind.Text);
        b.Property(e => e.FileSha256).HasMaxLength(64);
        b.Property(e => e.FileType).HasMaxLength(100);
        b.Property(e => e.RatingNote).HasMaxLength(500);
        b.HasClock(e => e.Due, "Due");
        b.HasIndex(e => e.Number).IsUnique();
        b.HasIndex(e => new { e.DepartmentId, e.AskedAt });
        b.HasIndex(e => new { e.AdvisorId, e.AskedAt });
        b.HasIndex(e => new { e.AnsweredAt, e.Status });
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OpinionStepConfiguration : IEntityTypeConfiguration<OpinionStep>
{
    public void Configure(EntityTypeBuilder<OpinionStep> b)
    {
        b.ToTable("doc_opinion_steps");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Steps();
    }
}

/// <summary>The legal office's tables on the one context.</summary>
public static class DocumentsSets
{
    extension(FazhiDbContext db)
    {
        public DbSet<NormativeDocument> NormativeDocuments => db.Set<NormativeDocument>();

        public DbSet<DocumentPlan> DocumentPlans => db.Set<DocumentPlan>();

        public DbSet<MajorDecision> MajorDecisions => db.Set<MajorDecision>();

        public DbSet<OpinionRequest> OpinionRequests => db.Set<OpinionRequest>();

        public DbSet<AdvisorFirm> AdvisorFirms => db.Set<AdvisorFirm>();

        public DbSet<Advisor> Advisors => db.Set<Advisor>();

        public DbSet<AdvisorContract> AdvisorContracts => db.Set<AdvisorContract>();

        public DbSet<AdvisorAssignment> AdvisorAssignments => db.Set<AdvisorAssignment>();

        public DbSet<AdvisorEvaluation> AdvisorEvaluations => db.Set<AdvisorEvaluation>();

        public DbSet<LegalStaff> LegalStaff => db.Set<LegalStaff>();

        public DbSet<PublicComment> PublicComments => db.Set<PublicComment>();

        public DbSet<DecisionDirectory> DecisionDirectories => db.Set<DecisionDirectory>();
    }
}
