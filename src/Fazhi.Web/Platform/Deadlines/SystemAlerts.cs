using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Deadlines;

/// <summary>
/// Alerts that are not a clock's (a stored file found altered, next year's holidays not loaded): raised into the one
/// alert list, red, once per subject and day, to a department; administrators see every department's.
/// </summary>
public sealed class SystemAlerts(FazhiDbContext db, TimeProvider time)
{
    /// <summary>Raises the alert unless it stands already for the subject and <paramref name="dueDate"/> (default today: one a day).</summary>
    public async Task<bool> RaiseAsync(string kind, Guid subjectId, Guid recordId, Guid departmentId, string title, string? label, string link, DateOnly? dueDate = null, CancellationToken ct = default)
    {
        var today = dueDate ?? ChinaTime.Today(time);
        if (await db.Set<DeadlineAlert>().AnyAsync(a => a.SubjectId == subjectId && a.Kind == kind && a.DueDate == today, ct))
        {
            return false;
        }

        db.Add(new DeadlineAlert
        {
            SubjectId = subjectId, Kind = kind, Level = WarningLevel.Red, DueDate = today, Module = RegisteredDeadline.ModuleOf(kind), RecordId = recordId,
            DepartmentId = departmentId, Title = title.Length > 200 ? title[..200] : title, Label = label, Link = link, RaisedAt = time.GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            // Raised at the same moment by another request or process: one alert stands.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
