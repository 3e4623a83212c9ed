using Fazhi.Web.Platform.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Fazhi.Web.Platform.Data;

// Used only by `dotnet ef migrations add`: each provider keeps its own migrations.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteFazhiDbContext>
{
    public SqliteFazhiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteFazhiDbContext>().UseSqlite("Data Source=design.db").Options, SystemAuditActor.Instance, TimeProvider.System, Privacy.PersonalDataProtector.Ephemeral());
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresFazhiDbContext>
{
    public PostgresFazhiDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresFazhiDbContext>().UseNpgsql("Host=localhost;Database=fazhi_design").Options, SystemAuditActor.Instance, TimeProvider.System, Privacy.PersonalDataProtector.Ephemeral());
}
