using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Data;

/// <summary>The mediation tables on the one context.</summary>
public static class MediationSets
{
    extension(FazhiDbContext db)
    {
        public DbSet<MediationCommittee> Committees => db.Set<MediationCommittee>();

        public DbSet<MediationRoom> Rooms => db.Set<MediationRoom>();

        public DbSet<Mediator> Mediators => db.Set<Mediator>();

        public DbSet<MediatorTraining> Trainings => db.Set<MediatorTraining>();

        public DbSet<MediationCase> MediationCases => db.Set<MediationCase>();

        public DbSet<MediationSession> MediationSessions => db.Set<MediationSession>();

        public DbSet<MediationAgreement> Agreements => db.Set<MediationAgreement>();

        public DbSet<FollowUp> FollowUps => db.Set<FollowUp>();

        public DbSet<SubsidyRate> SubsidyRates => db.Set<SubsidyRate>();

        public DbSet<ScreeningCampaign> Campaigns => db.Set<ScreeningCampaign>();

        public DbSet<ScreeningArea> ScreeningAreas => db.Set<ScreeningArea>();

        public DbSet<ScreeningFinding> Findings => db.Set<ScreeningFinding>();
    }
}
