using System.Reflection;
using Fazhi.Web.Platform.Modules;
using NetArchTest.Rules;

namespace Fazhi.Tests.Platform;

/// <summary>
/// The module boundaries (ARCHITECTURE.md): the platform names no module, and a module reaches another only
/// through its public face (the types of its <c>Contracts</c> namespace) and the organisation only through
/// <c>OrganisationDirectory</c> and its closed sets (roles, node kinds, data scopes).
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Web = typeof(FazhiModule).Assembly;

    private static string Describe(TestResult result) =>
        string.Join(", ", result.FailingTypeNames ?? []);

    [Fact]
    public void The_platform_and_the_shell_use_no_module()
    {
        var result = Types.InAssembly(Web)
            .That().ResideInNamespaceStartingWith("Fazhi.Web.Platform").Or().ResideInNamespaceStartingWith("Fazhi.Web.Components")
            .ShouldNot().HaveDependencyOn("Fazhi.Web.Modules")
            .GetResult();
        Assert.True(result.IsSuccessful, Describe(result));

        var sources = Path.Combine(SourceRoot(), "src", "Fazhi.Web");
        var named = new[] { "Platform", "Components" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(sources, d), "*.*", SearchOption.AllDirectories))
            .Where(f => (f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)))
            .Where(f => File.ReadAllText(f).Contains("Fazhi.Web.Modules", StringComparison.Ordinal))
            .ToList();
        Assert.Empty(named);
    }

    /// <summary>Each module namespace that reaches into another's inside (not its <c>Contracts</c>), with what it reaches.</summary>
    private static List<string> CrossReaches(Assembly assembly, IReadOnlyList<string> modules)
    {
        var found = new List<string>();
        foreach (var module in modules)
        {
            foreach (var other in modules.Where(o => o != module))
            {
                var inside = Types.InAssembly(assembly).That().ResideInNamespaceStartingWith(other + ".").Or().ResideInNamespace(other).GetTypes()
                    .Where(t => !t.Namespace!.StartsWith(other + ".Contracts", StringComparison.Ordinal))
                    .Select(t => t.FullName!).ToArray();
                if (inside.Length == 0)
                {
                    continue;
                }

                var result = Types.InAssembly(assembly).That().ResideInNamespaceStartingWith(module + ".").Or().ResideInNamespace(module)
                    .ShouldNot().HaveDependencyOnAny(inside).GetResult();
                if (!result.IsSuccessful)
                {
                    found.Add($"{module} reaches into {other}: {Describe(result)}");
                }
            }
        }

        return found;
    }

    [Fact]
    public void A_module_uses_another_module_only_through_its_contracts()
    {
        var modules = ModuleCatalog.All.Select(m => m.GetType().Namespace!).Where(n => n.StartsWith("Fazhi.Web.Modules.", StringComparison.Ordinal)).ToList();
        Assert.True(modules.Count >= 3, string.Join(", ", modules));
        var reaches = CrossReaches(Web, modules);
        Assert.True(reaches.Count == 0, string.Join("\n", reaches));
    }

    [Fact]
    public void The_boundary_check_fails_on_a_deliberate_reach_and_passes_a_use_through_the_public_face()
    {
        const string root = "Fazhi.Tests.Platform.Boundary.Modules.";
        var reaches = CrossReaches(typeof(ArchitectureTests).Assembly, [root + "Alpha", root + "Beta", root + "Gamma"]);
        var reach = Assert.Single(reaches);
        Assert.StartsWith(root + "Alpha reaches into " + root + "Beta", reach, StringComparison.Ordinal);
        Assert.Contains("Reach", reach, StringComparison.Ordinal);
    }

    /// <summary>String keys a module's files look up (<c>T["mediation.case.number"]</c>, <c>text["…", arg]</c>) that another module declares.</summary>
    private static List<string> ForeignKeys(Dictionary<string, string> owners, string module, IEnumerable<(string File, string Text)> files)
    {
        var found = new List<string>();
        foreach (var (file, text) in files)
        {
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, "\\[\\s*\"([a-z][a-z_]*(\\.[A-Za-z0-9_]+)+)\"\\s*[\\],]"))
            {
                var key = m.Groups[1].Value;
                if (owners.TryGetValue(key, out var owner) && owner != module && owner != "platform")
                {
                    found.Add($"{file} uses {key}, a string of {owner}");
                }
            }
        }

        return found;
    }

    private static Dictionary<string, string> StringOwners() =>
        ModuleCatalog.All.SelectMany(m => m.Strings.Select(s => (s.Key, m.Name))).ToDictionary(x => x.Key, x => x.Name, StringComparer.Ordinal);

    [Fact]
    public void A_module_uses_only_its_own_string_keys_and_the_platforms()
    {
        var owners = StringOwners();
        var found = new List<string>();
        foreach (var module in ModuleCatalog.All.Where(m => m.GetType().Namespace!.StartsWith("Fazhi.Web.Modules.", StringComparison.Ordinal)))
        {
            var folder = Path.Combine(SourceRoot(), "src", "Fazhi.Web", "Modules", module.GetType().Namespace!["Fazhi.Web.Modules.".Length..]);
            var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal))
                .Select(f => (Path.GetRelativePath(folder, f), File.ReadAllText(f)));
            found.AddRange(ForeignKeys(owners, module.Name, files));
        }

        Assert.True(found.Count == 0, string.Join("\n", found));

        // The same check on a page that borrows mediation's label in enforcement fails, naming it.
        var borrowed = ForeignKeys(owners, "enforcement", [("Pages/CasesPage.razor", "<th>@T[\"mediation.case.number\"]</th>")]);
        Assert.Equal("Pages/CasesPage.razor uses mediation.case.number, a string of mediation", Assert.Single(borrowed));
    }

    [Fact]
    public void Modules_reach_the_organisation_through_its_directory_not_its_tables_or_services()
    {
        var result = Types.InAssembly(Web).That().ResideInNamespaceStartingWith("Fazhi.Web.Modules")
            .ShouldNot().HaveDependencyOnAny(
                "Fazhi.Web.Platform.Organisation.Features",
                "Fazhi.Web.Platform.Organisation.Pages",
                "Fazhi.Web.Platform.Organisation.Data",
                "Fazhi.Web.Platform.Organisation.Domain.Window",
                "Fazhi.Web.Platform.Organisation.Domain.StaffUser")
            .GetResult();
        Assert.True(result.IsSuccessful, Describe(result));

        // The tree's rows only for a foreign key, in a module's own entity configuration.
        var nodes = Types.InAssembly(Web).That().ResideInNamespaceStartingWith("Fazhi.Web.Modules").And().DoNotResideInNamespaceEndingWith(".Data")
            .ShouldNot().HaveDependencyOn("Fazhi.Web.Platform.Organisation.Domain.OrgNode").GetResult();
        Assert.True(nodes.IsSuccessful, Describe(nodes));
    }

    [Fact]
    public void Every_module_is_one_folder_that_registers_itself()
    {
        foreach (var module in ModuleCatalog.All.Where(m => m.GetType().Namespace!.StartsWith("Fazhi.Web.Modules.", StringComparison.Ordinal)))
        {
            var folder = module.GetType().Namespace!["Fazhi.Web.Modules.".Length..];
            Assert.True(Directory.Exists(Path.Combine(SourceRoot(), "src", "Fazhi.Web", "Modules", folder)), folder);
            Assert.Matches("^[a-z][a-z_]*$", module.Name);
        }

        Assert.Equal(ModuleCatalog.All.Count, ModuleCatalog.All.Select(m => m.Name).Distinct().Count());
    }

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fazhi.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Fazhi.slnx not found above " + AppContext.BaseDirectory);
    }
}
