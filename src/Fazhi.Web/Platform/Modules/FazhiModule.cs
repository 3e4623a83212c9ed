using System.Reflection;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Notifications;
using Fazhi.Web.Platform.Reports;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Modules;

/// <summary>
/// What a work line hands the platform (ARCHITECTURE.md, "What a module hands the platform"): its
/// services and endpoints, its tables, its strings, its menu, its demo data, its deadline kinds, its
/// message templates and its report figures. A module is a subclass in its own folder under
/// <c>Modules/</c>; the platform finds it by reflection, so adding one edits no platform file.
/// </summary>
public abstract class FazhiModule
{
    /// <summary>Stable short name, e.g. <c>services</c>: the prefix of its deadline kinds, templates and figures.</summary>
    public abstract string Name { get; }

    /// <summary>Its name in the UI, as a string key.</summary>
    public virtual string TitleKey => $"module.{Name}";

    /// <summary>Lower first: menus, demo seeding and start-up follow this order.</summary>
    public virtual int Order => 100;

    public virtual void AddServices(WebApplicationBuilder builder)
    {
    }

    public virtual void MapEndpoints(IEndpointRouteBuilder app)
    {
    }

    /// <summary>Applies the entity configurations that live in the module's namespace.</summary>
    public virtual void ConfigureModel(ModelBuilder model)
    {
        var ns = GetType().Namespace + ".";
        model.ApplyConfigurationsFromAssembly(GetType().Assembly, t => t.Namespace is { } n && (n + ".").StartsWith(ns, StringComparison.Ordinal));
    }

    /// <summary>UI strings: key, zh-CN, en.</summary>
    public virtual IEnumerable<(string Key, string Zh, string En)> Strings => [];

    /// <summary>The tags its API operations carry (<c>WithTags</c>), each with the sentence the API document gives it.</summary>
    public virtual IEnumerable<(string Name, string Description)> ApiTags => [];

    /// <summary>Its menu group's links (the group is the module, titled <see cref="TitleKey"/>), each with the roles that see it.</summary>
    public virtual IEnumerable<MenuEntry> Menu => [];

    /// <summary>The roles of this work line, with their names as string keys; the platform creates them and offers them to administrators.</summary>
    public virtual IEnumerable<RoleDefinition> DeclaredRoles => [];

    /// <summary>Accounts the demo town gives this work line (demo mode only), listed on the login page.</summary>
    public virtual IEnumerable<DemoAccount> DemoAccounts => [];

    /// <summary>The work waiting for each role ("cases awaiting my legality review"): counted on the home page, listed on <c>/tasks</c>.</summary>
    public virtual IEnumerable<Tasks.TaskDefinition> Tasks => [];

    /// <summary>
    /// Whether the demo town loads this module's sample cases as well as its settings (committees, officers, the catalog):
    /// <c>Fazhi:DemoCases</c> is <c>true</c> (the default), <c>false</c>, or the names of the modules that load theirs
    /// (<c>mediation,enforcement</c>).
    /// </summary>
    public bool WantsDemoCases(IConfiguration configuration)
    {
        var value = configuration["Fazhi:DemoCases"];
        return string.IsNullOrWhiteSpace(value) || (bool.TryParse(value, out var all)
            ? all
            : value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(Name, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Whether the demo town also loads its history: the seed's year (2019) at the seed's scale, so the annual report of that year
    /// reproduces the seed's figures from records. <c>Fazhi:DemoHistory</c>, true unless set to false (the tests load it only where
    /// they read it). Only with the module's demo cases.
    /// </summary>
    public bool WantsDemoHistory(IConfiguration configuration) =>
        WantsDemoCases(configuration) && !string.Equals(configuration["Fazhi:DemoHistory"], "false", StringComparison.OrdinalIgnoreCase);

    /// <summary>The year of the demo town's history: the seed's (shared/seed), Tangxia's 2019 report.</summary>
    public const int DemoHistoryYear = 2019;

    /// <summary>Loads the module's part of the demo town into an empty database (demo mode only).</summary>
    public virtual Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => Task.CompletedTask;

    /// <summary>The kinds of statutory clocks its records carry, for the one deadline register and alert list.</summary>
    public virtual IEnumerable<DeadlineKind> DeadlineKinds => [];

    /// <summary>The messages it sends through the one outbox, in zh-CN and en.</summary>
    public virtual IEnumerable<MessageTemplate> MessageTemplates => [];

    /// <summary>Named figures for dashboards and the annual report, each with its drill-down.</summary>
    public virtual IEnumerable<ReportFigure> Figures => [];
}

/// <summary>
/// A link in the main navigation. <paramref name="Roles"/> empty: every signed-in account sees it.
/// A <paramref name="HintKey"/> also puts it on the home page as a tile.
/// </summary>
public sealed record MenuEntry(string Href, string TextKey, IReadOnlyList<string> Roles, int Order = 100, string? HintKey = null)
{
    public bool VisibleTo(System.Security.Claims.ClaimsPrincipal user) => Roles.Count == 0 || Roles.Any(user.IsInRole);
}

/// <summary>A role a module declares: its stable code and the string key of its name.</summary>
public sealed record RoleDefinition(string Code, string LabelKey);

/// <summary>A demo account: user name, name, the code of its department in the demo town, roles and data scope.</summary>
public sealed record DemoAccount(string UserName, string Name, string DepartmentCode, IReadOnlyList<string> Roles, Organisation.Domain.DataScope Scope);

/// <summary>Every module of this build, found once by reflection and ordered.</summary>
public static class ModuleCatalog
{
    private static readonly Lazy<IReadOnlyList<FazhiModule>> Found = new(() =>
        typeof(FazhiModule).Assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(FazhiModule)))
            .Select(t => (FazhiModule)Activator.CreateInstance(t, nonPublic: true)!)
            .OrderBy(m => m.Order).ThenBy(m => m.Name, StringComparer.Ordinal)
            .ToList());

    public static IReadOnlyList<FazhiModule> All => Found.Value;

    public static FazhiModule? Named(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>Every role of every module, the platform's first.</summary>
    public static IReadOnlyList<RoleDefinition> Roles => RoleList.Value;

    private static readonly Lazy<IReadOnlyList<RoleDefinition>> RoleList = new(() => [.. All.SelectMany(m => m.DeclaredRoles)]);

    /// <summary>The module that declares a role, or null.</summary>
    public static FazhiModule? OwnerOfRole(string role) => All.FirstOrDefault(m => m.DeclaredRoles.Any(r => r.Code == role));

    /// <summary>Registers every module's services.</summary>
    public static WebApplicationBuilder AddModules(this WebApplicationBuilder builder)
    {
        foreach (var module in All)
        {
            module.AddServices(builder);
        }

        return builder;
    }

    public static IEndpointRouteBuilder MapModules(this IEndpointRouteBuilder app)
    {
        foreach (var module in All)
        {
            module.MapEndpoints(app);
        }

        return app;
    }

    internal static Assembly Assembly => typeof(FazhiModule).Assembly;
}
