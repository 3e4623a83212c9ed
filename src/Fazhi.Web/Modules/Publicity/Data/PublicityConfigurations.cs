using Fazhi.Web.Modules.Publicity.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Modules.Publicity.Data;

internal sealed class MonthlyReportConfiguration : IEntityTypeConfiguration<MonthlyReport>
{
    public void Configure(EntityTypeBuilder<MonthlyReport> b)
    {
        b.ToTable("pub_reports");
        b.HasKey(e => e.Id);
        b.Property(e => e.ReporterName).HasMaxLength(100);
        b.Property(e => e.ConfirmedBy).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(500);
        b.Ignore(e => e.Title);
        // One report per reporter and month: two imports at once open one.
        b.HasIndex(e => new { e.DepartmentId, e.Month }).IsUnique();
        b.HasIndex(e => new { e.Status, e.Month });
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReportStepConfiguration : IEntityTypeConfiguration<ReportStep>
{
    public void Configure(EntityTypeBuilder<ReportStep> b)
    {
        b.ToTable("pub_report_steps");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Steps();
    }
}

internal sealed class ReporterConfiguration : IEntityTypeConfiguration<Reporter>
{
    public void Configure(EntityTypeBuilder<Reporter> b)
    {
        b.ToTable("pub_reporters");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(100);
        b.HasClock(e => e.Due, "Due");
    }
}

internal sealed class PublicityEventConfiguration : IEntityTypeConfiguration<PublicityEvent>
{
    public void Configure(EntityTypeBuilder<PublicityEvent> b)
    {
        b.ToTable("pub_events");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ReporterName).HasMaxLength(100);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Place).HasMaxLength(200);
        b.Property(e => e.Organiser).HasMaxLength(100);
        b.Property(e => e.Law).HasMaxLength(200);
        b.Property(e => e.Fingerprint).HasMaxLength(32);
        // The same row imported twice is one event of the reporter.
        b.HasIndex(e => new { e.DepartmentId, e.Fingerprint }).IsUnique();
        b.HasIndex(e => new { e.ReportId, e.Date });
        b.HasIndex(e => e.Date);
        b.HasIndex(e => e.SchoolId);
        b.HasMany(e => e.Photos).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EventPhotoConfiguration : IEntityTypeConfiguration<EventPhoto>
{
    public void Configure(EntityTypeBuilder<EventPhoto> b)
    {
        b.ToTable("pub_event_photos");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.HasIndex(e => new { e.EventId, e.Sha256 }).IsUnique();
    }
}

internal sealed class PublicityPostConfiguration : IEntityTypeConfiguration<PublicityPost>
{
    public void Configure(EntityTypeBuilder<PublicityPost> b)
    {
        b.ToTable("pub_posts");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.ReporterName).HasMaxLength(100);
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Link).HasMaxLength(500);
        b.Property(e => e.Fingerprint).HasMaxLength(32);
        b.HasIndex(e => new { e.DepartmentId, e.Fingerprint }).IsUnique();
        b.HasIndex(e => new { e.ReportId, e.Date });
        b.HasIndex(e => e.Date);
    }
}

internal sealed class ResponsibilityListConfiguration : IEntityTypeConfiguration<ResponsibilityList>
{
    public void Configure(EntityTypeBuilder<ResponsibilityList> b)
    {
        b.ToTable("pub_lists");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.DepartmentName).HasMaxLength(100);
        b.Property(e => e.CreatedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.DepartmentId, e.EffectiveFrom }).IsUnique();
        b.HasIndex(e => e.Year);
        b.HasMany(e => e.Items).WithOne().HasForeignKey(i => i.ListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ResponsibilityItemConfiguration : IEntityTypeConfiguration<ResponsibilityItem>
{
    public void Configure(EntityTypeBuilder<ResponsibilityItem> b)
    {
        b.ToTable("pub_list_items");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Law).HasMaxLength(200);
        b.Property(e => e.Audience).HasMaxLength(200);
        b.Property(e => e.Method).HasMaxLength(500);
    }
}

internal sealed class WorkPointsConfiguration : IEntityTypeConfiguration<WorkPoints>
{
    public void Configure(EntityTypeBuilder<WorkPoints> b)
    {
        b.ToTable("pub_work_points");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.Number).HasMaxLength(40);
        b.Property(e => e.Text).HasMaxLength(20_000);
        b.HasIndex(e => e.Year).IsUnique();
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> b)
    {
        b.ToTable("pub_schools");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.CommunityName).HasMaxLength(100);
        b.HasIndex(e => e.Name).IsUnique();
    }
}

internal sealed class SiteConfiguration : IEntityTypeConfiguration<Site>
{
    public void Configure(EntityTypeBuilder<Site> b)
    {
        b.ToTable("pub_sites");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.CommunityName).HasMaxLength(100);
        b.Property(e => e.Note).HasMaxLength(500);
        b.HasIndex(e => e.Name).IsUnique();
    }
}

internal sealed class StudySessionConfiguration : IEntityTypeConfiguration<StudySession>
{
    public void Configure(EntityTypeBuilder<StudySession> b)
    {
        b.ToTable("pub_sessions");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.DepartmentName).HasMaxLength(100);
        b.Property(e => e.Topic).HasMaxLength(200);
        b.Property(e => e.Place).HasMaxLength(200);
        b.Property(e => e.Speaker).HasMaxLength(100);
        b.HasIndex(e => new { e.Kind, e.Date });
        // A double click records one session.
        b.HasIndex(e => new { e.DepartmentId, e.Kind, e.Date, e.Topic }).IsUnique();
        b.HasMany(e => e.Attendees).WithOne().HasForeignKey(a => a.SessionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SessionAttendeeConfiguration : IEntityTypeConfiguration<SessionAttendee>
{
    public void Configure(EntityTypeBuilder<SessionAttendee> b)
    {
        b.ToTable("pub_session_attendees");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.DepartmentName).HasMaxLength(100);
        b.HasIndex(e => new { e.SessionId, e.StaffId }).IsUnique();
    }
}

internal sealed class LawExamConfiguration : IEntityTypeConfiguration<LawExam>
{
    public void Configure(EntityTypeBuilder<LawExam> b)
    {
        b.ToTable("pub_exams");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Title).HasMaxLength(200);
        b.Property(e => e.FullMarks).HasPrecision(6, 2);
        b.Property(e => e.PassMark).HasPrecision(6, 2);
        b.Property(e => e.ExcellentMark).HasPrecision(6, 2);
        b.HasIndex(e => e.Year).IsUnique();
        b.HasMany(e => e.Candidates).WithOne().HasForeignKey(c => c.ExamId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ExamCandidateConfiguration : IEntityTypeConfiguration<ExamCandidate>
{
    public void Configure(EntityTypeBuilder<ExamCandidate> b)
    {
        b.ToTable("pub_exam_candidates");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.UserName).HasMaxLength(256);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.DepartmentName).HasMaxLength(100);
        b.Property(e => e.ExemptReason).HasMaxLength(200);
        b.Property(e => e.Score).HasPrecision(6, 2);
        b.Ignore(e => e.Exempt);
        b.HasIndex(e => new { e.ExamId, e.StaffId }).IsUnique();
    }
}

internal sealed class DutyReportConfiguration : IEntityTypeConfiguration<DutyReport>
{
    public void Configure(EntityTypeBuilder<DutyReport> b)
    {
        b.ToTable("pub_duty_reports");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.DepartmentName).HasMaxLength(100);
        b.Property(e => e.HeadName).HasMaxLength(100);
        b.Property(e => e.Text).HasMaxLength(20_000);
        b.Property(e => e.FileSha256).HasMaxLength(64);
        b.Property(e => e.FileType).HasMaxLength(100);
        b.Property(e => e.HeardAt).HasMaxLength(200);
        b.Property(e => e.EvaluationNote).HasMaxLength(1000);
        b.Property(e => e.EvaluatedBy).HasMaxLength(100);
        b.HasIndex(e => new { e.DepartmentId, e.Year }).IsUnique();
    }
}

internal sealed class BusinessConfiguration : IEntityTypeConfiguration<Business>
{
    public void Configure(EntityTypeBuilder<Business> b)
    {
        b.ToTable("pub_businesses");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Name).HasMaxLength(200);
        b.Property(e => e.CreditCode).HasMaxLength(18);
        b.Property(e => e.CommunityName).HasMaxLength(100);
        b.HasIndex(e => e.CreditCode).IsUnique();
        b.HasIndex(e => e.CommunityId);
    }
}

internal sealed class SafetyLetterConfiguration : IEntityTypeConfiguration<SafetyLetter>
{
    public void Configure(EntityTypeBuilder<SafetyLetter> b)
    {
        b.ToTable("pub_letters");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.SignerName).HasMaxLength(100);
        b.Property(e => e.CounterpartName).HasMaxLength(200);
        b.Property(e => e.CounterpartKey).HasMaxLength(200);
        b.Property(e => e.FileSha256).HasMaxLength(64);
        // One letter a year for each lower side.
        b.HasIndex(e => new { e.Year, e.Level, e.CounterpartKey }).IsUnique();
        b.HasIndex(e => new { e.DepartmentId, e.Year });
        b.HasIndex(e => new { e.Year, e.BusinessId });
    }
}

/// <summary>One save of a ledger's row: a row that is there already (a double click, two people at once) is 409, never a 500.</summary>
internal static class PublicitySave
{
    public static async Task SaveOnceAsync(this FazhiDbContext db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            throw new Platform.Web.DomainException("publicity.duplicate", null, Platform.Web.ErrorKind.Conflict);
        }
    }
}

/// <summary>The publicity work line's tables on the one context.</summary>
public static class PublicitySets
{
    extension(FazhiDbContext db)
    {
        public DbSet<MonthlyReport> PublicityReports => db.Set<MonthlyReport>();

        public DbSet<Reporter> PublicityReporters => db.Set<Reporter>();

        public DbSet<PublicityEvent> PublicityEvents => db.Set<PublicityEvent>();

        public DbSet<PublicityPost> PublicityPosts => db.Set<PublicityPost>();

        public DbSet<ResponsibilityList> ResponsibilityLists => db.Set<ResponsibilityList>();

        public DbSet<WorkPoints> WorkPoints => db.Set<WorkPoints>();

        public DbSet<School> Schools => db.Set<School>();

        public DbSet<Site> PublicitySites => db.Set<Site>();

        public DbSet<StudySession> StudySessions => db.Set<StudySession>();

        public DbSet<LawExam> LawExams => db.Set<LawExam>();

        public DbSet<ExamCandidate> ExamCandidates => db.Set<ExamCandidate>();

        public DbSet<DutyReport> DutyReports => db.Set<DutyReport>();

        public DbSet<Business> Businesses => db.Set<Business>();

        public DbSet<SafetyLetter> SafetyLetters => db.Set<SafetyLetter>();
    }
}
