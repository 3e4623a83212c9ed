using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Modules.Services.Data;
using System.Linq.Expressions;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Reports;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>
/// What the dashboard shows: applications received in [From, To] (China dates), optionally of one
/// department, item or intake window. "Now" figures (overdue, warnings) count the applications in review
/// today, whatever their intake date.
/// </summary>
public sealed record DashboardFilter(DateOnly? From = null, DateOnly? To = null, Guid? DepartmentId = null, Guid? ItemId = null, Guid? WindowId = null);

/// <summary>The figures of one department, one item, or the whole town.</summary>
public sealed record DashboardRow(
    Guid? Id, string Name, int Received, int Accepted, int Decided, int OnTime, int Completed, long WorkingDays,
    int ZeroVisits, int AtMostOneVisit, int OverPromise, int OverdueNow, int WarningsNow)
{
    /// <summary>Share of the decisions made within the time limit; null with no decision yet.</summary>
    public double? OnTimeRate => Decided == 0 ? null : (double)OnTime / Decided;

    /// <summary>Average working days from acceptance to decision, suspensions not counted.</summary>
    public double? AverageDays => Decided == 0 ? null : (double)WorkingDays / Decided;

    public double? ZeroVisitShare => Completed == 0 ? null : (double)ZeroVisits / Completed;

    public double? AtMostOneShare => Completed == 0 ? null : (double)AtMostOneVisit / Completed;

    public static DashboardRow Sum(Guid? id, string name, IEnumerable<DashboardRow> rows)
    {
        var list = rows.ToList();
        return new DashboardRow(id, name, list.Sum(r => r.Received), list.Sum(r => r.Accepted), list.Sum(r => r.Decided), list.Sum(r => r.OnTime),
            list.Sum(r => r.Completed), list.Sum(r => r.WorkingDays), list.Sum(r => r.ZeroVisits), list.Sum(r => r.AtMostOneVisit),
            list.Sum(r => r.OverPromise), list.Sum(r => r.OverdueNow), list.Sum(r => r.WarningsNow));
    }
}

public sealed record DashboardView(DateOnly From, DateOnly To, DateOnly Today, DashboardRow Town, IReadOnlyList<DashboardRow> Departments, IReadOnlyList<DashboardRow> Items);

/// <summary>
/// 效能监督: per department and per item, counted in the database. Every figure has a named drill-down
/// (<see cref="Figures"/>) that lists exactly the applications it counts.
/// </summary>
public sealed class DashboardService(FazhiDbContext db, DataScopeResolver scopes, TimeProvider time, NameLookup names)
{
    public DateOnly Today => ChinaTime.Today(time);

    /// <summary>The default period is the current month so far.</summary>
    public (DateOnly From, DateOnly To) Period(DashboardFilter f)
    {
        var today = Today;
        var from = f.From ?? new DateOnly(today.Year, today.Month, 1);
        var to = f.To ?? today;
        return to < from ? (to, from) : (from, to);
    }

    public async Task<DashboardView> ViewAsync(DashboardFilter f, CancellationToken ct = default)
    {
        var (from, to) = Period(f);
        var today = Today;
        var received = await CohortAsync(f, ct);

        // One pass over the period's applications, one over those in review now; both grouped by department and item.
        var cells = await received
            .GroupBy(a => new { a.DepartmentId, a.ItemId })
            .Select(g => new
            {
                g.Key.DepartmentId,
                g.Key.ItemId,
                Received = g.Count(),
                Accepted = g.Count(a => a.AcceptedAt != null),
                Decided = g.Count(a => a.Decision != null),
                OnTime = g.Count(a => a.OnTime == true),
                Completed = g.Count(a => a.Status == ApplicationStatus.Completed),
                WorkingDays = g.Sum(a => (long)(a.WorkingDaysUsed ?? 0)),
                ZeroVisits = g.Count(a => a.Status == ApplicationStatus.Completed && a.Visits == 0),
                AtMostOne = g.Count(a => a.Status == ApplicationStatus.Completed && a.Visits <= 1),
                OverPromise = g.Count(a => a.Status == ApplicationStatus.Completed && a.Visits > a.PromisedVisits),
            })
            .ToListAsync(ct);
        var now = await (await OpenAsync(f, ct))
            .GroupBy(a => new { a.DepartmentId, a.ItemId })
            .Select(g => new
            {
                g.Key.DepartmentId,
                g.Key.ItemId,
                Overdue = g.Count(a => a.DueDate < today),
                Warnings = g.Count(a => a.DueDate >= today && a.YellowFrom <= today),
            })
            .ToListAsync(ct);

        var rows = new Dictionary<(Guid Dept, Guid Item), DashboardRow>();
        DashboardRow Cell(Guid d, Guid i) => rows.TryGetValue((d, i), out var r) ? r : new DashboardRow(null, "", 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        foreach (var c in cells)
        {
            rows[(c.DepartmentId, c.ItemId)] = Cell(c.DepartmentId, c.ItemId) with
            {
                Received = c.Received, Accepted = c.Accepted, Decided = c.Decided, OnTime = c.OnTime, Completed = c.Completed,
                WorkingDays = c.WorkingDays, ZeroVisits = c.ZeroVisits, AtMostOneVisit = c.AtMostOne, OverPromise = c.OverPromise,
            };
        }

        foreach (var n in now)
        {
            rows[(n.DepartmentId, n.ItemId)] = Cell(n.DepartmentId, n.ItemId) with { OverdueNow = n.Overdue, WarningsNow = n.Warnings };
        }

        var departments = await names.DepartmentsAsync(ct);
        var items = await names.ItemsAsync(ct);
        var byDepartment = rows.GroupBy(r => r.Key.Dept)
            .Select(g => DashboardRow.Sum(g.Key, departments.GetValueOrDefault(g.Key, "?"), g.Select(x => x.Value)))
            .OrderByDescending(r => r.OverdueNow).ThenByDescending(r => r.Received).ToList();
        var byItem = rows.GroupBy(r => r.Key.Item)
            .Select(g => DashboardRow.Sum(g.Key, items.GetValueOrDefault(g.Key, "?"), g.Select(x => x.Value)))
            .OrderByDescending(r => r.OverdueNow).ThenByDescending(r => r.Received).ToList();
        return new DashboardView(from, to, today, DashboardRow.Sum(null, "", rows.Values), byDepartment, byItem);
    }

    /// <summary>The applications behind one figure of the dashboard, overdue and most urgent first.</summary>
    public async Task<Paged<ApplicationRow>> DrillAsync(DashboardFilter f, string figure, int page = 1, int pageSize = 50, CancellationToken ct = default)
    {
        var today = Today;
        IQueryable<Application> query = figure switch
        {
            Figures.OverdueNow => (await OpenAsync(f, ct)).Where(a => a.DueDate < today),
            Figures.WarningsNow => (await OpenAsync(f, ct)).Where(a => a.DueDate >= today && a.YellowFrom <= today),
            _ => (await CohortAsync(f, ct)).Where(Figures.Predicate(figure)),
        };
        var rows = await query.OrderBy(a => a.DueDate == null).ThenBy(a => a.DueDate).ThenBy(a => a.Number)
            .Select(a => new ApplicationRow(a.Id, a.Number, a.ItemName, a.ApplicantName, a.Channel, a.Status, a.ReceivedAt, a.DueDate, a.Visits))
            .ToPageAsync(page, pageSize, ct);
        return rows.With(rows.Items.Select(r => r with { ApplicantName = Masking.Name(r.ApplicantName) }).ToList());
    }

    /// <summary>The dashboard as an Excel ledger: one sheet per department, one per item.</summary>
    public async Task<byte[]> ExportAsync(DashboardFilter f, Text text, CancellationToken ct = default)
    {
        var view = await ViewAsync(f, ct);
        IEnumerable<IDictionary<string, object?>> Sheet(IEnumerable<DashboardRow> rows, string nameHeader) => rows.Select(r => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [nameHeader] = r.Name,
            [text["dash.received"]] = r.Received,
            [text["dash.accepted"]] = r.Accepted,
            [text["dash.decided"]] = r.Decided,
            [text["dash.completed"]] = r.Completed,
            [text["dash.on_time_rate"]] = r.OnTimeRate is { } rate ? Math.Round(rate * 100, 1) : null,
            [text["dash.average_days"]] = r.AverageDays is { } days ? Math.Round(days, 1) : null,
            [text["dash.overdue_now"]] = r.OverdueNow,
            [text["dash.warnings_now"]] = r.WarningsNow,
            [text["dash.zero_share"]] = r.ZeroVisitShare is { } z ? Math.Round(z * 100, 1) : null,
            [text["dash.one_share"]] = r.AtMostOneShare is { } o ? Math.Round(o * 100, 1) : null,
            [text["dash.over_promise"]] = r.OverPromise,
        });
        return await Platform.Documents.Spreadsheet.WriteAsync(new Dictionary<string, IEnumerable<IDictionary<string, object?>>>
        {
            [text["dash.by_department"]] = Sheet(view.Departments.Append(view.Town with { Name = text["dash.town"] }), text["field.department"]),
            [text["dash.by_item"]] = Sheet(view.Items, text["receipt.item"]),
        });
    }

    private async Task<IQueryable<Application>> ScopedAsync(DashboardFilter f, CancellationToken ct)
    {
        var scope = await scopes.CurrentAsync(ct);
        var query = db.Applications.AsNoTracking()
            .WithinScope(scope, a => a.DepartmentId, a => a.IntakeDepartmentId ?? Guid.Empty, a => a.ClerkId ?? Guid.Empty);
        if (f.DepartmentId is { } d)
        {
            query = query.Where(a => a.DepartmentId == d);
        }

        if (f.ItemId is { } i)
        {
            query = query.Where(a => a.ItemId == i);
        }

        if (f.WindowId is { } w)
        {
            query = query.Where(a => a.WindowId == w);
        }

        return query;
    }

    private async Task<IQueryable<Application>> CohortAsync(DashboardFilter f, CancellationToken ct)
    {
        var (from, to) = Period(f);
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
        return (await ScopedAsync(f, ct)).Where(a => a.ReceivedAt >= start && a.ReceivedAt < end);
    }

    private async Task<IQueryable<Application>> OpenAsync(DashboardFilter f, CancellationToken ct) =>
        (await ScopedAsync(f, ct)).Where(a => a.Status == ApplicationStatus.Accepted);
}

/// <summary>The dashboard's figures by name, for drill-down links and the API.</summary>
public static class Figures
{
    public const string Received = "received";
    public const string Accepted = "accepted";
    public const string Decided = "decided";
    public const string OnTime = "on_time";
    public const string Late = "late";
    public const string Completed = "completed";
    public const string ZeroVisits = "zero_visits";
    public const string AtMostOneVisit = "at_most_one_visit";
    public const string OverPromise = "over_promise";
    public const string OverdueNow = "overdue_now";
    public const string WarningsNow = "warnings_now";

    public static readonly string[] All = [Received, Accepted, Decided, OnTime, Late, Completed, ZeroVisits, AtMostOneVisit, OverPromise, OverdueNow, WarningsNow];

    /// <summary>The condition of a period figure; the grouped counts in <see cref="DashboardService.ViewAsync"/> use the same ones.</summary>
    public static Expression<Func<Application, bool>> Predicate(string figure) => figure switch
    {
        Received => a => true,
        Accepted => a => a.AcceptedAt != null,
        Decided => a => a.Decision != null,
        OnTime => a => a.OnTime == true,
        Late => a => a.OnTime == false,
        Completed => a => a.Status == ApplicationStatus.Completed,
        ZeroVisits => a => a.Status == ApplicationStatus.Completed && a.Visits == 0,
        AtMostOneVisit => a => a.Status == ApplicationStatus.Completed && a.Visits <= 1,
        OverPromise => a => a.Status == ApplicationStatus.Completed && a.Visits > a.PromisedVisits,
        _ => throw new DomainException("dash.figure_unknown", "figure"),
    };
}

/// <summary>Department and item names for lists and reports, from memory until they change (or half a minute where nothing tells).</summary>
public sealed class NameLookup(FazhiDbContext db, Microsoft.Extensions.Caching.Memory.IMemoryCache cache, OrganisationDirectory directory, ChangeSignals signals)
{
    public Task<IReadOnlyDictionary<Guid, string>> DepartmentsAsync(CancellationToken ct = default) => directory.NamesAsync(ct);

    public Task<string?> DisplayNameAsync(string userName, CancellationToken ct = default) => directory.DisplayNameAsync(userName, ct);

    public async Task<Dictionary<Guid, string>> ItemsAsync(CancellationToken ct = default) =>
        (await Microsoft.Extensions.Caching.Memory.CacheExtensions.GetOrCreateAsync(cache, "item-names", async e =>
        {
            signals.Keep(e, CatalogService.ChangeTopic, TimeSpan.FromSeconds(30));
            return await db.ServiceItems.AsNoTracking().ToDictionaryAsync(i => i.Id, i => i.Name, ct);
        }))!;
}

public static class DashboardApi
{
    public static RouteGroupBuilder MapDashboard(this RouteGroupBuilder services)
    {
        services.MapGet("/dashboard", async ([AsParameters] DashboardQuery q, DashboardService s) => TypedResults.Ok(await s.ViewAsync(q.Filter)))
            .WithSummary("效能监督: per department and item, received, accepted, decided, on time, completed, average working days, overdue and warnings now, trips.").ReadsFromStandby();
        services.MapGet("/dashboard/applications", async ([AsParameters] DashboardQuery q, string figure, int? page, DashboardService s) =>
                TypedResults.Ok(await s.DrillAsync(q.Filter, figure, page ?? 1)))
            .WithSummary("The applications behind one dashboard figure: " + string.Join(", ", Figures.All) + ".").ReadsFromStandby();
        services.MapGet("/dashboard/export", async ([AsParameters] DashboardQuery q, DashboardService s, Text text) =>
                TypedResults.File(await s.ExportAsync(q.Filter, text), Platform.Documents.Spreadsheet.ContentType, "dashboard.xlsx"))
            .WithSummary("The dashboard as an Excel ledger.").ProducesExcel().ReadsFromStandby();
        return services;
    }
}

/// <summary>The dashboard's filter as query parameters.</summary>
public sealed record DashboardQuery(DateOnly? From, DateOnly? To, Guid? DepartmentId, Guid? ItemId, Guid? WindowId)
{
    public DashboardFilter Filter => new(From, To, DepartmentId, ItemId, WindowId);
}

/// <summary>
/// The one-door line's report figures (ARCHITECTURE.md): the dashboard's period figures by name, each the
/// applications received in the period that meet its predicate, within the reader's data scope; and the number of
/// windows open (<see cref="WindowsFigure"/>).
/// </summary>
public static class ServicesFigures
{
    /// <summary>The applications received in a period, within the reader's scope: every period figure is a count of some of them, all counted in one pass.</summary>
    private static readonly CountFamily<Application> Received = new(
        async (services, period, ct) =>
        {
            var scope = await services.GetRequiredService<DataScopeResolver>().CurrentAsync(ct);
            var (from, to) = (period.FromUtc, period.ToUtcExclusive);
            return services.GetRequiredService<FazhiDbContext>().Applications.AsNoTracking()
                .WithinScope(scope, a => a.DepartmentId, a => a.IntakeDepartmentId ?? Guid.Empty, a => a.ClerkId ?? Guid.Empty)
                .Where(a => a.ReceivedAt >= from && a.ReceivedAt < to);
        },
        q => q.OrderByDescending(a => a.ReceivedAt).ThenBy(a => a.Number),
        a => new FigureRecord { Id = a.Id, Number = a.Number, Title = a.ItemName, Party = a.ApplicantName, PartyIsPerson = a.ApplicantKind == Domain.ApplicantKind.Person, On = null, At = a.ReceivedAt },
        id => $"/review/{id}");

    private static ReportFigure Count(string figure) => Received.Count($"{ServicesModule.ModuleName}.{figure}", $"dash.{figure}", Figures.Predicate(figure));

    public static IReadOnlyList<ReportFigure> All { get; } = Build();

    private static List<ReportFigure> Build()
    {
        var counts = new[] { Figures.Received, Figures.Accepted, Figures.Decided, Figures.OnTime, Figures.Late, Figures.Completed, Figures.ZeroVisits, Figures.AtMostOneVisit, Figures.OverPromise }
            .ToDictionary(f => f, Count);
        return
        [
            .. counts.Values,
            new RateFigure($"{ServicesModule.ModuleName}.on_time_rate", "dash.on_time_rate", counts[Figures.OnTime], counts[Figures.Decided]),
            new RateFigure($"{ServicesModule.ModuleName}.zero_share", "dash.zero_share", counts[Figures.ZeroVisits], counts[Figures.Completed]),
            new RateFigure($"{ServicesModule.ModuleName}.one_share", "dash.one_share", counts[Figures.AtMostOneVisit], counts[Figures.Completed]),
            // The one door's open windows: the platform's, read through the organisation's directory.
            new WindowsFigure(),
        ];
    }
}
