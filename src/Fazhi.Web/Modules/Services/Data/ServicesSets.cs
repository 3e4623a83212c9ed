using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Data;

/// <summary>The module's tables on the one context: the platform's context names no module.</summary>
public static class ServicesSets
{
    extension(FazhiDbContext db)
    {
        public DbSet<ServiceItem> ServiceItems => db.Set<ServiceItem>();

        public DbSet<ServiceItemVersion> ServiceItemVersions => db.Set<ServiceItemVersion>();

        public DbSet<Application> Applications => db.Set<Application>();

        public DbSet<ApplicationEvent> ApplicationEvents => db.Set<ApplicationEvent>();

        public DbSet<StageTask> StageTasks => db.Set<StageTask>();

        public DbSet<Evaluation> Evaluations => db.Set<Evaluation>();

        public DbSet<Rectification> Rectifications => db.Set<Rectification>();

        public DbSet<Complaint> Complaints => db.Set<Complaint>();

        public DbSet<NumberSequence> NumberSequences => db.Set<NumberSequence>();

        public DbSet<Citizen> Citizens => db.Set<Citizen>();

        public DbSet<UploadedFile> UploadedFiles => db.Set<UploadedFile>();
    }
}
