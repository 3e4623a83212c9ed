using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

public sealed record DaySession(Guid CaseId, string Number, DateTime At, string? Room, bool Held);

public sealed record DayCase(Guid Id, string Number, DisputeType Type, CaseStatus Status, DateOnly DueDate, Platform.Deadlines.WarningLevel Level, bool ViolenceRisk);

public sealed record DayFollowUp(Guid CaseId, Guid FollowUpId, string Number, DateOnly DueOn);

/// <summary>A mediator's day: today's sessions, open cases by their clock, and the follow-ups due within a week.</summary>
public sealed record DayView(DateOnly Today, string? Mediator, IReadOnlyList<DaySession> Sessions, IReadOnlyList<DayCase> OpenCases, IReadOnlyList<DayFollowUp> FollowUps);

public sealed class DayViewService(FazhiDbContext db, TimeProvider time, IHttpContextAccessor http)
{
    public async Task<DayView> TodayAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var user = http.HttpContext?.User.Identity?.Name;
        var me = await db.Mediators.AsNoTracking().Where(m => m.UserName == user && m.IsActive).Select(m => new { m.Id, m.Name }).FirstOrDefaultAsync(ct);
        if (me is null)
        {
            return new DayView(today, null, [], [], []);
        }

        // Each list starts from what is small (today's sessions, open cases, follow-ups due) and asks the
        // (case, mediator) key whether the mediator is on it: a mediator may have thousands of closed cases.
        var team = db.Set<CaseMediator>();
        var (start, end) = (ChinaTime.StartOfDayUtc(today), ChinaTime.StartOfDayUtc(today.AddDays(1)));
        var sessions = await (from s in db.MediationSessions.AsNoTracking()
                              where s.At >= start && s.At < end && team.Any(m => m.CaseId == s.CaseId && m.MediatorId == me.Id)
                              join c in db.MediationCases on s.CaseId equals c.Id
                              join r in db.Rooms on s.RoomId equals r.Id into rooms
                              from r in rooms.DefaultIfEmpty()
                              orderby s.At
                              select new DaySession(c.Id, c.Number, s.At, r == null ? null : r.Name, s.Held)).ToListAsync(ct);
        var open = await db.MediationCases.AsNoTracking()
            .Where(c => (c.Status == CaseStatus.Registered || c.Status == CaseStatus.InMediation) && team.Any(m => m.CaseId == c.Id && m.MediatorId == me.Id))
            .OrderBy(c => c.Clock.DueDate).Take(100)
            .Select(c => new { c.Id, c.Number, c.Type, c.Status, c.Clock.DueDate, c.Clock.YellowFrom, c.ViolenceRisk })
            .ToListAsync(ct);
        var week = today.AddDays(7);
        var followUps = await (from f in db.FollowUps.AsNoTracking()
                               where f.DoneOn == null && f.DueOn <= week && team.Any(m => m.CaseId == f.CaseId && m.MediatorId == me.Id)
                               join c in db.MediationCases on f.CaseId equals c.Id
                               orderby f.DueOn
                               select new DayFollowUp(c.Id, f.Id, c.Number, f.DueOn)).Take(100).ToListAsync(ct);
        return new DayView(today, me.Name, sessions,
            [.. open.Select(c => new DayCase(c.Id, c.Number, c.Type, c.Status, c.DueDate, Platform.Deadlines.DeadlineClock.Level(today, c.DueDate, c.YellowFrom), c.ViolenceRisk))],
            followUps);
    }
}
