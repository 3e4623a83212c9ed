using Fazhi.Web.Platform.Organisation.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Organisation.Data;

internal sealed class OrgNodeConfiguration : IEntityTypeConfiguration<OrgNode>
{
    public void Configure(EntityTypeBuilder<OrgNode> b)
    {
        b.ToTable("org_nodes");
        b.HasKey(e => e.Id);
        b.Property(e => e.Code).HasMaxLength(50);
        b.Property(e => e.Name).HasMaxLength(OrgNode.MaxNameLength);
        b.HasIndex(e => e.Code).IsUnique();
        b.HasIndex(e => e.ParentId);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(e => e.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class WindowConfiguration : IEntityTypeConfiguration<Window>
{
    public void Configure(EntityTypeBuilder<Window> b)
    {
        b.ToTable("org_windows");
        b.HasKey(e => e.Id);
        b.Property(e => e.Name).HasMaxLength(100);
        b.Property(e => e.Theme).HasMaxLength(100);
        b.HasIndex(e => e.Number).IsUnique();
    }
}

internal sealed class StaffUserConfiguration : IEntityTypeConfiguration<StaffUser>
{
    public void Configure(EntityTypeBuilder<StaffUser> b)
    {
        b.Property(e => e.DisplayName).HasMaxLength(50);
        b.HasIndex(e => e.DepartmentId);
        b.HasOne<OrgNode>().WithMany().HasForeignKey(e => e.DepartmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
