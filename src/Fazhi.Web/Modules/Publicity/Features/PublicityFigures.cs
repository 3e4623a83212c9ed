using System.Linq.Expressions;
using Fazhi.Web.Modules.Publicity.Data;
using Fazhi.Web.Modules.Publicity.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Publicity.Features;

/// <summary>
/// The publicity work line's named figures for the annual report, each with its records: events, posts, materials printed and
/// handed out and people reached (confirmed monthly reports only); schools reached; sites; study sessions by kind; the law exam's
/// counts and rates; duty reports heard; safety letters by level and the businesses still missing theirs; lists in force.
/// </summary>
public static class PublicityFigures
{
    // Before All: the static fields are set in the order they are written, and Build reads this one.
    private static readonly Expression<Func<PublicityEvent, FigureRecord>> EventRecord = e => new FigureRecord
    {
        Id = e.Id, Number = e.ReporterName, Title = e.Title, Party = e.Place, PartyIsPerson = false, On = e.Date, At = null,
    };

    public static IReadOnlyList<ReportFigure> All { get; } = Build();

    private static async Task<IQueryable<PublicityEvent>> Events(IServiceProvider sp, FigurePeriod p, CancellationToken ct)
    {
        var db = sp.GetRequiredService<FazhiDbContext>();
        var events = await sp.GetRequiredService<ReportService>().ScopedEventsAsync(ct);
        return ReportService.Confirmed(db, events.Where(e => e.Date >= p.From && e.Date <= p.To)).OrderByDescending(e => e.Date).ThenBy(e => e.Id);
    }

    private static List<ReportFigure> Build()
    {
        static string EventLink(Guid id) => $"/publicity/events/{id}";
        var figures = new List<ReportFigure>
        {
            new CountFigure<PublicityEvent>("publicity.events", "publicity.figure.events", Events, EventRecord, EventLink),
            new SumFigure<PublicityEvent>("publicity.people_reached", "publicity.figure.people_reached", Events, e => e.PeopleReached, EventRecord, EventLink),
            new SumFigure<PublicityEvent>("publicity.printed", "publicity.figure.printed", Events, e => e.Printed, EventRecord, EventLink),
            new SumFigure<PublicityEvent>("publicity.handed_out", "publicity.figure.handed_out", Events, e => e.HandedOut, EventRecord, EventLink),
            new CountFigure<PublicityPost>("publicity.posts", "publicity.figure.posts",
                async (sp, p, ct) => ReportService.Confirmed(sp.GetRequiredService<FazhiDbContext>(), (await sp.GetRequiredService<ReportService>().ScopedPostsAsync(ct))
                    .Where(e => e.Date >= p.From && e.Date <= p.To)).OrderByDescending(e => e.Date).ThenBy(e => e.Id),
                e => new FigureRecord { Id = e.ReportId, Number = e.ReporterName, Title = e.Title, Party = null, PartyIsPerson = false, On = e.Date, At = null },
                id => $"/publicity/reports/{id}"),
        };

        // Schools where a confirmed event was held in the period (宪法教育进校园), and the schools of the town.
        var reached = new CountFigure<School>("publicity.schools_reached", "publicity.figure.schools_reached",
            async (sp, p, ct) =>
            {
                var db = sp.GetRequiredService<FazhiDbContext>();
                var events = await Events(sp, p, ct);
                return db.Schools.AsNoTracking().Where(s => events.Any(e => e.SchoolId == s.Id)).OrderBy(s => s.Name);
            },
            s => new FigureRecord { Id = s.Id, Number = s.CommunityName ?? "", Title = s.Name, Party = null, PartyIsPerson = false, On = s.StudyCornerOn, At = null },
            _ => "/publicity/schools");
        var schools = new CountFigure<School>("publicity.schools", "publicity.figure.schools",
            (sp, p, ct) => Task.FromResult(sp.GetRequiredService<FazhiDbContext>().Schools.AsNoTracking().Where(s => s.Active).OrderBy(s => s.Name).AsQueryable()),
            s => new FigureRecord { Id = s.Id, Number = s.CommunityName ?? "", Title = s.Name, Party = null, PartyIsPerson = false, On = s.StudyCornerOn, At = null },
            _ => "/publicity/schools");
        figures.AddRange([reached, schools, new RateFigure("publicity.schools_coverage", "publicity.figure.schools_coverage", reached, schools)]);

        static ReportFigure Sites(string name, SiteKind[] kinds) => new CountFigure<Site>($"publicity.{name}", $"publicity.figure.{name}",
            (sp, p, ct) => Task.FromResult(sp.GetRequiredService<FazhiDbContext>().PublicitySites.AsNoTracking().Where(s => kinds.Contains(s.Kind) && s.OpenedOn <= p.To)
                .OrderBy(s => s.Name).AsQueryable()),
            s => new FigureRecord { Id = s.Id, Number = s.CommunityName ?? "", Title = s.Name, Party = null, PartyIsPerson = false, On = s.OpenedOn, At = null },
            _ => "/publicity/schools");
        figures.Add(Sites("sites", [SiteKind.ThemePark, SiteKind.Community, SiteKind.School, SiteKind.Other]));
        figures.Add(Sites("business_projects", [SiteKind.Business]));

        // 民主法治社区: the titles created or re-examined in the period (the seed's national re-examination, provincial and city creation).
        figures.Add(new CountFigure<Site>("publicity.model_communities", "publicity.figure.model_communities",
            (sp, p, ct) => Task.FromResult(sp.GetRequiredService<FazhiDbContext>().PublicitySites.AsNoTracking()
                .Where(s => s.Kind == SiteKind.ModelCommunity && s.OpenedOn >= p.From && s.OpenedOn <= p.To).OrderBy(s => s.OpenedOn).ThenBy(s => s.Name).AsQueryable()),
            s => new FigureRecord { Id = s.Id, Number = s.CommunityName ?? "", Title = s.Name, Party = s.Note, PartyIsPerson = false, On = s.OpenedOn, At = null },
            _ => "/publicity/schools"));

        static ReportFigure Sessions(string name, SessionKind[] kinds) => new CountFigure<StudySession>($"publicity.{name}", $"publicity.figure.{name}",
            async (sp, p, ct) => sp.GetRequiredService<FazhiDbContext>().StudySessions.AsNoTracking()
                .WithinScope(await sp.GetRequiredService<DataScopeResolver>().CurrentAsync(ct), s => s.DepartmentId, _ => Guid.Empty)
                .Where(s => kinds.Contains(s.Kind) && s.Date >= p.From && s.Date <= p.To).OrderBy(s => s.Date),
            s => new FigureRecord { Id = s.Id, Number = s.DepartmentName, Title = s.Topic, Party = s.Speaker, PartyIsPerson = false, On = s.Date, At = null },
            id => $"/publicity/study/{id}");
        figures.Add(Sessions("central_group_sessions", [SessionKind.CentralGroup]));
        figures.Add(Sessions("lectures", [SessionKind.Lecture]));
        figures.Add(Sessions("court_hearings", [SessionKind.CourtHearing]));
        figures.Add(Sessions("study_sessions", [.. Enum.GetValues<SessionKind>().Where(k => k != SessionKind.JointMeeting)]));
        figures.Add(Sessions("joint_meetings", [SessionKind.JointMeeting]));

        // The law exam: its candidates in exams held in the period; the rates are exact ratios (the pages show two decimals).
        static ReportFigure Candidates(string name, Func<IQueryable<ExamCandidate>, IQueryable<LawExam>, IQueryable<ExamCandidate>> which) => new CountFigure<ExamCandidate>($"publicity.{name}", $"publicity.figure.{name}",
            async (sp, p, ct) =>
            {
                // Within the reader's scope: a unit sees its own staff's results, the legal office and the leadership everyone's.
                var db = sp.GetRequiredService<FazhiDbContext>();
                var scope = await sp.GetRequiredService<DataScopeResolver>().CurrentAsync(ct);
                var exams = db.LawExams.Where(e => e.HeldOn >= p.From && e.HeldOn <= p.To);
                return which(db.ExamCandidates.AsNoTracking().WithinScope(scope, c => c.DepartmentId, _ => Guid.Empty).Where(c => exams.Any(e => e.Id == c.ExamId)), exams)
                    .OrderBy(c => c.DepartmentName).ThenBy(c => c.Name);
            },
            c => new FigureRecord { Id = c.ExamId, Number = c.DepartmentName, Title = c.Name, Party = null, PartyIsPerson = false, On = null, At = null },
            id => $"/publicity/exams/{id}");
        var required = Candidates("exam_required", (q, _) => q.Where(c => c.ExemptReason == null));
        var sat = Candidates("exam_sat", (q, _) => q.Where(c => c.ExemptReason == null && c.Score != null));
        var passed = Candidates("exam_passed", (q, exams) => q.Where(c => c.ExemptReason == null && exams.Any(e => e.Id == c.ExamId && c.Score >= e.PassMark)));
        var excellent = Candidates("exam_excellent", (q, exams) => q.Where(c => c.ExemptReason == null && exams.Any(e => e.Id == c.ExamId && c.Score >= e.ExcellentMark)));
        figures.AddRange([required, sat, passed, excellent,
            new RateFigure("publicity.exam_sat_rate", "publicity.figure.exam_sat_rate", sat, required),
            new RateFigure("publicity.exam_pass_rate", "publicity.figure.exam_pass_rate", passed, sat),
            new RateFigure("publicity.exam_excellent_rate", "publicity.figure.exam_excellent_rate", excellent, sat)]);

        figures.Add(new CountFigure<DutyReport>("publicity.duty_reports", "publicity.figure.duty_reports",
            async (sp, p, ct) => (await sp.GetRequiredService<DataScopeResolver>().CurrentAsync(ct)) is var scope
                ? sp.GetRequiredService<FazhiDbContext>().DutyReports.AsNoTracking().WithinScope(scope, d => d.DepartmentId, _ => Guid.Empty)
                    .Where(d => d.HeardOn >= p.From && d.HeardOn <= p.To).OrderBy(d => d.DepartmentName)
                : throw new InvalidOperationException(),
            d => new FigureRecord { Id = d.Id, Number = d.DepartmentName, Title = d.HeadName, Party = d.HeardAt, PartyIsPerson = false, On = d.HeardOn, At = null },
            id => $"/publicity/duty/{id}"));

        static ReportFigure Letters(string name, LetterLevel[] levels) => new CountFigure<SafetyLetter>($"publicity.{name}", $"publicity.figure.{name}",
            async (sp, p, ct) => (await sp.GetRequiredService<LetterService>().ScopedAsync(ct))
                .Where(l => levels.Contains(l.Level) && l.Year >= p.From.Year && l.Year <= p.To.Year).OrderBy(l => l.SignerName).ThenBy(l => l.CounterpartName),
            l => new FigureRecord { Id = l.Id, Number = l.SignerName, Title = l.CounterpartName, Party = null, PartyIsPerson = false, On = l.SignedOn, At = null },
            _ => "/publicity/letters");
        figures.Add(Letters("letters_town", [LetterLevel.TownCommunity, LetterLevel.TownUnit]));
        figures.Add(Letters("letters_town_community", [LetterLevel.TownCommunity]));
        figures.Add(Letters("letters_town_unit", [LetterLevel.TownUnit]));
        figures.Add(Letters("letters_community_business", [LetterLevel.CommunityBusiness]));
        figures.Add(new CountFigure<Business>("publicity.businesses_missing_letter", "publicity.figure.businesses_missing_letter",
            async (sp, p, ct) => (await sp.GetRequiredService<LetterService>().MissingQueryAsync(p.To.Year, ct)).OrderBy(b => b.CommunityName).ThenBy(b => b.Name),
            b => new FigureRecord { Id = b.Id, Number = b.CreditCode, Title = b.Name, Party = b.CommunityName, PartyIsPerson = false, On = null, At = null },
            _ => "/publicity/letters?missing=true"));

        figures.Add(new CountFigure<ResponsibilityList>("publicity.lists_in_force", "publicity.figure.lists_in_force",
            (sp, p, ct) => Task.FromResult(sp.GetRequiredService<FazhiDbContext>().ResponsibilityLists.AsNoTracking()
                .Where(l => l.EffectiveFrom <= p.To && (l.EffectiveTo == null || l.EffectiveTo >= p.To)).OrderBy(l => l.DepartmentName).AsQueryable()),
            l => new FigureRecord { Id = l.Id, Number = l.Year.ToString(), Title = l.DepartmentName, Party = null, PartyIsPerson = false, On = l.EffectiveFrom, At = null },
            _ => "/publicity/lists"));
        return figures;
    }
}
