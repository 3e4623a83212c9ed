using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Deadlines;

/// <summary>Which alerts to list: all, or one module's, one department's, one level's.</summary>
/// <summary>Which alerts to list: all, or one module's, one department's, one level's; staff deadlines by default, or the parties' windows.</summary>
public sealed record AlertFilter(string? Module = null, Guid? DepartmentId = null, WarningLevel? Level = null, int Page = 1, int PageSize = 50, DeadlineOwner Owner = DeadlineOwner.Staff);

/// <summary>One alert as the list shows it, with the link to its record.</summary>
public sealed record AlertView(
    Guid RecordId, string Module, string Kind, string Title, string? Label, Guid DepartmentId, string Department,
    WarningLevel Level, DateOnly DueDate, DateTime RaisedAt, string Link, DeadlineOwner Owner, bool Provisional);

/// <summary>
/// The one alert list of every module: a department sees its own alerts, a supervisor (all-data scope)
/// every department's, newest first.
/// </summary>
public sealed class AlertList(FazhiDbContext db, DataScopeResolver scopes, OrganisationDirectory directory, Calendar.WorkingDayCalendar calendar)
{
    public async Task<Paged<AlertView>> ListAsync(AlertFilter f, CancellationToken ct = default)
    {
        var alerts = await FilteredAsync(f, ct);
        var page = await alerts.OrderByDescending(a => a.RaisedAt).ThenByDescending(a => a.Level).ToPageAsync(f.Page, f.PageSize, ct);
        var names = await directory.NamesAsync(ct);
        return page.With(page.Items.Select(a => new AlertView(
            a.RecordId, a.Module, a.Kind, a.Title, a.Label, a.DepartmentId, names.GetValueOrDefault(a.DepartmentId, ""), a.Level, a.DueDate, a.RaisedAt, a.Link,
            OwnerOf(a.Kind), calendar.IsProvisional(a.DueDate))).ToList());
    }

    /// <summary>The alerts of the caller's scope that pass the filter, as a query a module may narrow further.</summary>
    public async Task<IQueryable<DeadlineAlert>> FilteredAsync(AlertFilter f, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        // Alerts are addressed to departments: the "self" scope sees none of them.
        var alerts = db.Set<DeadlineAlert>().AsNoTracking().WithinScope(scope, a => a.DepartmentId, _ => Guid.Empty);
        if (!string.IsNullOrEmpty(f.Module))
        {
            alerts = alerts.Where(a => a.Module == f.Module);
        }

        if (f.DepartmentId is { } d)
        {
            alerts = alerts.Where(a => a.DepartmentId == d);
        }

        if (f.Level is { } level)
        {
            alerts = alerts.Where(a => a.Level == level);
        }

        // A party's window is not a duty of the department: it has its own list.
        var kinds = Kinds.Where(k => k.Owner == f.Owner).Select(k => k.Key).ToList();
        return alerts.Where(a => kinds.Contains(a.Kind));
    }

    /// <summary>The list as an Excel ledger (up to 10,000 rows, newest first).</summary>
    public async Task<byte[]> ExportAsync(AlertFilter f, Text text, CancellationToken ct = default)
    {
        var rows = new List<IDictionary<string, object?>>();
        for (var page = 1; page <= 50; page++)
        {
            var batch = await ListAsync(f with { Page = page, PageSize = Paging.MaxPageSize }, ct);
            rows.AddRange(batch.Items.Select(a => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [text["alerts.raised"]] = a.RaisedAt,
                [text["alerts.module"]] = text[ModuleCatalog.Named(a.Module)?.TitleKey ?? a.Module].Value,
                [text["alerts.kind"]] = text[KindLabel(a.Kind)].Value,
                [text["alerts.record"]] = a.Title,
                [text["alerts.label"]] = a.Label ?? "",
                [text["field.department"]] = a.Department,
                [text["alerts.due"]] = a.DueDate,
                [text["alerts.level"]] = text["warning." + a.Level].Value,
            }));
            if (batch.Items.Count < batch.PageSize)
            {
                break;
            }
        }

        return await Spreadsheet.WriteAsync(text["alerts.title"], rows);
    }

    private static readonly IReadOnlyList<DeadlineKind> Kinds = [.. ModuleCatalog.All.SelectMany(m => m.DeadlineKinds)];

    /// <summary>The string key of a deadline kind's label, as its module declares it.</summary>
    public static string KindLabel(string kind) => Kinds.FirstOrDefault(k => k.Key == kind)?.LabelKey ?? kind;

    public static DeadlineOwner OwnerOf(string kind) => Kinds.FirstOrDefault(k => k.Key == kind)?.Owner ?? DeadlineOwner.Staff;
}

public static class AlertApi
{
    public static IEndpointRouteBuilder MapAlertApi(this IEndpointRouteBuilder app)
    {
        var alerts = app.MapGroup("/api/alerts").WithTags("Deadlines").RequireAuthorization();
        alerts.MapGet("/", async (string? module, Guid? departmentId, WarningLevel? level, DeadlineOwner? owner, int? page, AlertList list) =>
                TypedResults.Ok(await list.ListAsync(new AlertFilter(module, departmentId, level, page ?? 1, Owner: owner ?? DeadlineOwner.Staff))))
            .WithSummary("Deadline alerts of every module in the caller's scope, newest first; staff deadlines by default (owner=Party: the parties' windows); filter by module, department and level.");
        alerts.MapGet("/export", async (string? module, Guid? departmentId, WarningLevel? level, DeadlineOwner? owner, AlertList list, Text text) =>
                TypedResults.File(await list.ExportAsync(new AlertFilter(module, departmentId, level, Owner: owner ?? DeadlineOwner.Staff), text), Spreadsheet.ContentType, "alerts.xlsx"))
            .WithSummary("The alert list as Excel.").ProducesExcel();
        return app;
    }
}
