using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Calendar;

/// <summary>
/// From 1 November, while next year's holidays are not entered, the administrators see an alert: every limit that ends
/// next year is counted on plain weeks until the State Council's notice is loaded.
/// </summary>
public sealed class CalendarYearAlert(FazhiDbContext db, WorkingDayCalendar calendar, SystemAlerts alerts, TimeProvider time)
{
    public const string Kind = "platform.calendar_year";

    /// <summary>Raises the alert when it is due (once a day at most); true when it raised one.</summary>
    public async Task<bool> RunAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var next = today.Year + 1;
        if (today.Month < 11 || calendar.HasYear(next) || await db.CalendarYears.AnyAsync(y => y.Year == next, ct))
        {
            return false;
        }

        var town = await db.OrgNodes.AsNoTracking().Where(n => n.Kind == OrgNodeKind.Town).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(ct);
        if (town is not { } root)
        {
            return false;
        }

        // One alert for the year, due on the last day before it begins.
        var subject = new Guid(next, 0, 0, [0x63, 0x61, 0x6c, 0x65, 0x6e, 0x64, 0x61, 0x72]);
        return await alerts.RaiseAsync(Kind, subject, subject, root, $"{next}年节假日安排", null, "/calendar?year=" + next,
            new DateOnly(today.Year, 12, 31), ct);
    }
}
