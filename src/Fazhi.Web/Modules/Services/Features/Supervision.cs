using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Modules.Services.Data;
using System.Runtime.CompilerServices;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Features;

public sealed record AlertRow(Guid ApplicationId, string Number, string ItemName, string? StageName, Guid DepartmentId, WarningLevel Level, DateOnly DueDate, DateTime RaisedAt);

/// <summary>The one-door line's part of the platform's alert list, as its department and the supervisors see it, newest first.</summary>
public sealed class AlertService(FazhiDbContext db, AlertList alerts)
{
    public async Task<Paged<AlertRow>> ListAsync(int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var mine = await alerts.FilteredAsync(new AlertFilter(Module: ServicesModule.ModuleName), ct);
        return await mine.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Level).ToPageAsync(
            rows => rows.Join(db.Applications, a => a.RecordId, x => x.Id, (a, x) => new { a, x })
                .OrderByDescending(j => j.a.RaisedAt).ThenByDescending(j => j.a.Level)
                .Select(j => new AlertRow(j.a.RecordId, j.x.Number, j.x.ItemName, j.a.Label, j.a.DepartmentId, j.a.Level, j.a.DueDate, j.a.RaisedAt)),
            page, pageSize, ct);
    }
}
