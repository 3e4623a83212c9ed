using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Mediation.Domain;

public enum AreaKind
{
    Community = 0,
    Enterprise = 1,
}

/// <summary>
/// 矛盾纠纷排查: a sweep over a period and a list of areas (communities, enterprises). Each area reports what it
/// found, or a zero report (零报告), by the due day; an area that has not reported is chased through the alert list.
/// </summary>
public sealed class ScreeningCampaign : IVersioned, IHasDeadlines
{
    public const string ReportClock = "mediation.screening";

    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public DateOnly From { get; set; }

    public DateOnly To { get; set; }

    /// <summary>Every area reports by the end of this day.</summary>
    public DateOnly ReportDue { get; set; }

    /// <summary>The office that runs it (the justice office): whose data the campaign is.</summary>
    public Guid DepartmentId { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public List<ScreeningArea> Areas { get; set; } = [];

    public Guid RowVersion { get; set; }

    public static ScreeningCampaign Open(string? name, DateOnly from, DateOnly to, DateOnly reportDue, Guid departmentId, IReadOnlyList<(string Name, AreaKind Kind, Guid DepartmentId)> areas, WorkingDayCalendar calendar, DateOnly today, string by, DateTime now)
    {
        new Validator()
            .Required("name", name, 100)
            .Check(from <= to, "to", "out_of_range", from.ToString("yyyy-MM-dd"), "—")
            .Check(reportDue >= today, "reportDue", "out_of_range", today.ToString("yyyy-MM-dd"), "—")
            .Check(areas.Count > 0, "areas", "required")
            .ThrowIfInvalid();
        var campaign = new ScreeningCampaign
        {
            Id = Guid.CreateVersion7(), Name = name!.Trim(), From = from, To = to, ReportDue = reportDue, DepartmentId = departmentId, CreatedBy = by, CreatedAt = now,
            RowVersion = Guid.NewGuid(),
        };
        foreach (var (areaName, kind, dept) in areas)
        {
            campaign.Areas.Add(new ScreeningArea
            {
                Id = Guid.CreateVersion7(), CampaignId = campaign.Id, Name = areaName, Kind = kind, DepartmentId = dept,
                Clock = DeadlineClock.Start(calendar, today, reportDue.DayNumber - today.DayNumber, DeadlineUnit.CalendarDays),
            });
        }

        return campaign;
    }

    Guid IHasDeadlines.RecordId => Id;

    /// <summary>Each area that has not reported yet: its department is chased (yellow, then red) until it does.</summary>
    IEnumerable<Deadline> IHasDeadlines.Deadlines =>
        Areas.Where(a => a.ReportedAt is null)
            .Select(a => new Deadline(ReportClock, a.Id, a.Clock, a.DepartmentId, Name, a.Name, $"/mediation/screenings/{Id}"));
}

/// <summary>One area of a campaign and its report.</summary>
public sealed class ScreeningArea
{
    public Guid Id { get; set; }

    public Guid CampaignId { get; set; }

    public string Name { get; set; } = "";

    public AreaKind Kind { get; set; }

    /// <summary>The organisation node that reports for the area (a community, or the office for an enterprise).</summary>
    public Guid DepartmentId { get; set; }

    public DeadlineClock Clock { get; set; } = new();

    public DateTime? ReportedAt { get; set; }

    public string? ReportedBy { get; set; }

    /// <summary>零报告: nothing found.</summary>
    public bool ZeroReport { get; set; }

    public List<ScreeningFinding> Findings { get; set; } = [];

    /// <summary>The area's report: its findings, or none at all (a zero report). Reported once.</summary>
    public void Report(IReadOnlyList<ScreeningFinding> findings, string by, DateTime now)
    {
        if (ReportedAt is not null)
        {
            throw new DomainException("mediation.area_reported", "areaId", ErrorKind.Conflict);
        }

        foreach (var f in findings)
        {
            new Validator().Required("findings.description", f.Description, 1000).MaxLength("findings.parties", f.Parties, 200).ThrowIfInvalid();
            f.Id = Guid.CreateVersion7();
            f.AreaId = Id;
            Findings.Add(f);
        }

        ZeroReport = findings.Count == 0;
        ReportedAt = now;
        ReportedBy = by;
    }
}

/// <summary>A dispute found in a sweep; one step opens a mediation case from it.</summary>
public sealed class ScreeningFinding
{
    public Guid Id { get; set; }

    public Guid AreaId { get; set; }

    public string Description { get; set; } = "";

    public DisputeType Type { get; set; }

    public string? Parties { get; set; }

    /// <summary>A major dispute (重大矛盾纠纷).</summary>
    public bool Major { get; set; }

    public Guid? CaseId { get; set; }
}
