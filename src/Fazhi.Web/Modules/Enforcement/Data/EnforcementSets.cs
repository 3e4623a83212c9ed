using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Data;

/// <summary>The enforcement tables on the one context.</summary>
public static class EnforcementSets
{
    extension(FazhiDbContext db)
    {
        public DbSet<Officer> Officers => db.Set<Officer>();

        public DbSet<OfficerTraining> OfficerTrainings => db.Set<OfficerTraining>();

        public DbSet<LegalReviewer> LegalReviewers => db.Set<LegalReviewer>();

        public DbSet<DiscretionRule> DiscretionRules => db.Set<DiscretionRule>();

        public DbSet<EnforcementAction> EnforcementActions => db.Set<EnforcementAction>();

        public DbSet<EnforcementCase> EnforcementCases => db.Set<EnforcementCase>();

        public DbSet<RecordStep> RecordSteps => db.Set<RecordStep>();

        public DbSet<Publication> Publications => db.Set<Publication>();

        public DbSet<EvaluationDraw> EvaluationDraws => db.Set<EvaluationDraw>();

        public DbSet<FileEvaluation> FileEvaluations => db.Set<FileEvaluation>();
    }
}
