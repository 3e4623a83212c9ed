using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Mediation.Data;

internal sealed class CommitteeConfiguration : IEntityTypeConfiguration<MediationCommittee>
{
    public void Configure(EntityTypeBuilder<MediationCommittee> b)
    {
        b.ToTable("med_committees");
        b.HasKey(e => e.Id);
        b.Property(e => e.Code).HasMaxLength(50);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Sector).HasMaxLength(50);
        b.Property(e => e.Abbreviation).HasMaxLength(20);
        b.HasIndex(e => e.Abbreviation).IsUnique();
        b.HasIndex(e => e.Code).IsUnique();
        b.HasIndex(e => e.DepartmentId);
        b.HasMany(e => e.Members).WithOne().HasForeignKey(m => m.CommitteeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> b)
    {
        b.ToTable("med_committee_members");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.HasIndex(e => new { e.CommitteeId, e.MediatorId, e.TermFrom }).IsUnique();
    }
}

internal sealed class RoomConfiguration : IEntityTypeConfiguration<MediationRoom>
{
    public void Configure(EntityTypeBuilder<MediationRoom> b)
    {
        b.ToTable("med_rooms");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.DutyPhone).HasMaxLength(20);
        b.HasIndex(e => e.CommitteeId);
        b.HasOne<MediationCommittee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MediatorConfiguration : IEntityTypeConfiguration<Mediator>
{
    public void Configure(EntityTypeBuilder<Mediator> b)
    {
        b.ToTable("med_mediators");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(50);
        b.Property(e => e.Phone).IsPersonal(PersonalKind.Phone);
        b.Property(e => e.Specialities).AsJson().HasMaxLength(500);
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.TrainingHours).HasPrecision(8, 1);
        b.HasIndex(e => e.CommitteeId);
        b.HasIndex(e => e.UserName);
        b.HasOne<MediationCommittee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingConfiguration : IEntityTypeConfiguration<MediatorTraining>
{
    public void Configure(EntityTypeBuilder<MediatorTraining> b)
    {
        b.ToTable("med_trainings");
        b.HasKey(e => e.Id);
        b.Property(e => e.Topic).HasMaxLength(200);
        b.Property(e => e.Hours).HasPrecision(6, 1);
        b.HasIndex(e => new { e.MediatorId, e.On });
        b.HasIndex(e => e.On);
        b.HasOne<Mediator>().WithMany().HasForeignKey(e => e.MediatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<MediationCase>
{
    public void Configure(EntityTypeBuilder<MediationCase> b)
    {
        b.ToTable("med_cases");
        b.HasKey(e => e.Id);
        b.Property(e => e.Number).HasMaxLength(40);
        b.Property(e => e.ReferredBy).HasMaxLength(100);
        b.Property(e => e.ReferredFromLink).HasMaxLength(200);
        b.Property(e => e.AidNumber).HasMaxLength(40);
        // A person's story: encrypted at rest, its identifiers masked in the audit record.
        b.Property(e => e.Facts).IsPersonal(PersonalKind.Text);
        b.Property(e => e.Claims).IsPersonal(PersonalKind.Text);
        b.Property(e => e.ViolenceNote).IsPersonal(PersonalKind.Text);
        b.Property(e => e.ViolenceToldTo).HasMaxLength(500);
        b.Property(e => e.OutcomeNote).IsPersonal(PersonalKind.Text);
        b.Property(e => e.ProposedBy).HasMaxLength(100);
        b.Property(e => e.ApprovedBy).HasMaxLength(100);
        b.Property(e => e.SubsidyAmount).HasPrecision(10, 2);
        b.Ignore(e => e.IsOpen);
        b.Ignore(e => e.Succeeded);
        b.HasClock(e => e.Clock, "Month");
        b.HasIndex(e => e.Number).IsUnique();
        // Lists and statistics: a department's cases by registration; a committee's by year and type.
        b.HasIndex(e => new { e.DepartmentId, e.RegisteredAt });
        b.HasIndex(e => new { e.RegisteredAt, e.CommitteeId, e.Type, e.Status });
        // The statistics' one grouped pass over a period's concluded cases reads this index only.
        b.HasIndex(e => new { e.ClosedAt, e.DepartmentId, e.CommitteeId, e.Type, e.Status, e.Source, e.AgreementKind });
        // The day view starts from the open cases; the subsidy figures from approvals.
        b.HasIndex(e => e.Status);
        b.HasIndex(e => e.ApprovedAt);
        b.HasMany(e => e.Mediators).WithOne().HasForeignKey(m => m.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Parties).WithOne().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Sessions).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.FollowUps).WithOne().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Events).WithOne().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Agreement).WithOne().HasForeignKey<MediationAgreement>(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<MediationCommittee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseMediatorConfiguration : IEntityTypeConfiguration<CaseMediator>
{
    public void Configure(EntityTypeBuilder<CaseMediator> b)
    {
        b.ToTable("med_case_mediators");
        b.HasKey(e => new { e.CaseId, e.MediatorId });
        // A mediator's open cases for the day view.
        b.HasIndex(e => e.MediatorId);
        b.HasOne<Mediator>().WithMany().HasForeignKey(e => e.MediatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PartyConfiguration : IEntityTypeConfiguration<Party>
{
    public void Configure(EntityTypeBuilder<Party> b)
    {
        b.ToTable("med_parties");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.IdNumber).IsPersonal(PersonalKind.IdNumber);
        b.Property(e => e.Phone).IsPersonal(PersonalKind.Phone);
        b.Property(e => e.Address).IsPersonal(PersonalKind.Address);
        b.Property(e => e.PhoneLookup).IsBlindIndex(PersonalKind.Phone, nameof(Party.Phone));
        b.HasIndex(e => e.CaseId);
        b.HasIndex(e => e.PhoneLookup);
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<MediationSession>
{
    public void Configure(EntityTypeBuilder<MediationSession> b)
    {
        b.ToTable("med_sessions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.MediatorIds).AsJson().HasMaxLength(1000);
        b.Property(e => e.Attendees).HasMaxLength(1000);
        b.Property(e => e.Record).IsPersonal(PersonalKind.Text);
        b.HasIndex(e => new { e.CaseId, e.At });
        // The day view: every session of a day.
        b.HasIndex(e => e.At);
    }
}

internal sealed class AgreementConfiguration : IEntityTypeConfiguration<MediationAgreement>
{
    public void Configure(EntityTypeBuilder<MediationAgreement> b)
    {
        b.ToTable("med_agreements");
        b.HasKey(e => e.CaseId);
        b.Property(e => e.Facts).IsPersonal(PersonalKind.Text);
        b.Property(e => e.Terms).IsPersonal(PersonalKind.Text);
        b.Property(e => e.Performance).HasMaxLength(2000);
        b.Property(e => e.Court).HasMaxLength(100);
        b.HasClock(e => e.ConfirmationWindow, "Confirmation");
        b.HasClock(e => e.CourtAcceptance, "CourtAcceptance");
        b.HasClock(e => e.CourtDecision, "CourtDecision");
        b.HasIndex(e => e.EffectiveOn);
        b.HasIndex(e => e.ConfirmationAppliedOn);
        b.HasIndex(e => e.CourtDecidedOn);
    }
}

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> b)
    {
        b.ToTable("med_followups");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Note).IsPersonal(PersonalKind.Text);
        b.Property(e => e.DoneBy).HasMaxLength(100);
        b.HasClock(e => e.Clock, "Due");
        b.HasIndex(e => new { e.DoneOn, e.DueOn });
        b.HasIndex(e => e.CaseId);
    }
}

internal sealed class CaseEventConfiguration : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> b)
    {
        b.ToTable("med_case_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Steps();
    }
}

internal sealed class SubsidyRateConfiguration : IEntityTypeConfiguration<SubsidyRate>
{
    public void Configure(EntityTypeBuilder<SubsidyRate> b)
    {
        b.ToTable("med_subsidy_rates");
        b.HasKey(e => e.Id);
        b.Property(e => e.City).HasMaxLength(50);
        b.Property(e => e.Amount).HasPrecision(10, 2);
        b.HasIndex(e => new { e.City, e.Class, e.EffectiveFrom }).IsUnique();
    }
}

internal sealed class CampaignConfiguration : IEntityTypeConfiguration<ScreeningCampaign>
{
    public void Configure(EntityTypeBuilder<ScreeningCampaign> b)
    {
        b.ToTable("med_campaigns");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.CreatedBy).HasMaxLength(100);
        b.HasIndex(e => e.From);
        b.HasMany(e => e.Areas).WithOne().HasForeignKey(a => a.CampaignId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AreaConfiguration : IEntityTypeConfiguration<ScreeningArea>
{
    public void Configure(EntityTypeBuilder<ScreeningArea> b)
    {
        b.ToTable("med_screening_areas");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.ReportedBy).HasMaxLength(100);
        b.HasClock(e => e.Clock, "Report");
        b.HasIndex(e => new { e.DepartmentId, e.ReportedAt });
        b.HasMany(e => e.Findings).WithOne().HasForeignKey(f => f.AreaId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FindingConfiguration : IEntityTypeConfiguration<ScreeningFinding>
{
    public void Configure(EntityTypeBuilder<ScreeningFinding> b)
    {
        b.ToTable("med_screening_findings");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Description).HasMaxLength(1000);
        b.Property(e => e.Parties).HasMaxLength(200);
    }
}
