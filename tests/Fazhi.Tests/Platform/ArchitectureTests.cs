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

    [Fact]
    public void A_module_uses_another_module_only_through_its_contracts()
    {
        var modules = ModuleCatalog.All.Select(m => m.GetType().Namespace!).Where(n => n.StartsWith("Fazhi.Web.Modules.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(modules);
        foreach (var module in modules)
        {
            foreach (var other in modules.Where(o => o != module))
            {
                var inside = Types.InAssembly(Web).That().ResideInNamespaceStartingWith(other).And().DoNotResideInNamespace(other + ".Contracts").GetTypes()
                    .Select(t => t.FullName!).ToArray();
                if (inside.Length == 0)
                {
                    continue;
                }

                var result = Types.InAssembly(Web).That().ResideInNamespaceStartingWith(module).ShouldNot().HaveDependencyOnAny(inside).GetResult();
                Assert.True(result.IsSuccessful, $"{module} reaches into {other}: {Describe(result)}");
            }
        }
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
