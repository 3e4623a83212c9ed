using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Audit;

/// <summary>
/// A read of personal data in full (a party's phone revealed to call them, a sealed accuser's identity opened): a row of its
/// own, so the audit chain records who read what, when and from where like any change, and the case's record links to it.
/// The value itself is never copied here.
/// </summary>
public sealed class PersonalDataRead : ICasePart
{
    public Guid Id { get; set; }

    /// <summary>The case the data belongs to (its audit trail shows the read).</summary>
    public Guid CaseId { get; set; }

    /// <summary>What was read, e.g. <c>med_parties.Phone</c>.</summary>
    public string What { get; set; } = "";

    /// <summary>The row it was read from.</summary>
    public string SubjectId { get; set; } = "";

    /// <summary>Why, in a few words (e.g. to call the party).</summary>
    public string Purpose { get; set; } = "";

    public string ReadBy { get; set; } = "";

    public DateTime At { get; set; }
}

/// <summary>Records reads of personal data in full: each read is saved (and so audited) before the value is handed out.</summary>
public sealed class PersonalDataReads(FazhiDbContext db, TimeProvider time)
{
    public async Task RecordAsync(Guid caseId, string what, string subjectId, string purpose, Actor by, CancellationToken ct = default)
    {
        db.Add(new PersonalDataRead
        {
            Id = Guid.CreateVersion7(), CaseId = caseId, What = what, SubjectId = subjectId, Purpose = purpose, ReadBy = by.UserName, At = time.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(ct);
    }
}

internal sealed class PersonalDataReadConfiguration : IEntityTypeConfiguration<PersonalDataRead>
{
    public void Configure(EntityTypeBuilder<PersonalDataRead> b)
    {
        b.ToTable("sys_personal_reads");
        b.HasKey(e => e.Id);
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.What).HasMaxLength(100);
        b.Property(e => e.SubjectId).HasMaxLength(100);
        b.Property(e => e.Purpose).HasMaxLength(200);
        b.Property(e => e.ReadBy).HasMaxLength(256);
        b.HasIndex(e => e.CaseId);
    }
}
