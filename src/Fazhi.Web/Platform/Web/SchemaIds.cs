using System.Text.Json.Serialization.Metadata;
using Fazhi.Web.Platform.Modules;
using Microsoft.AspNetCore.OpenApi;

namespace Fazhi.Web.Platform.Web;

/// <summary>
/// Schema ids of the API document, unique across work lines: a module's type is prefixed with its module
/// (<c>EnforcementRegisterCaseRequest</c>, <c>MediationRegisterCaseRequest</c>), and so is a platform generic that carries
/// one (<c>Paged&lt;CaseRow&gt;</c> of mediation: <c>MediationCaseRowPaged</c>). The platform's own types keep their names.
/// Without it, two modules' same-named types share one schema and a generated client sends one module the other's body.
/// </summary>
public static class SchemaIds
{
    public static string? Of(JsonTypeInfo info)
    {
        if (OpenApiOptions.CreateDefaultSchemaReferenceId(info) is not { } id)
        {
            return null;
        }

        // EnforcementCaseView of the enforcement module stays EnforcementCaseView (not EnforcementEnforcementCaseView).
        var prefix = Prefix(info.Type, ModuleOf);
        return id.StartsWith(prefix, StringComparison.Ordinal) && prefix.Length > 0 && id.Length > prefix.Length && char.IsUpper(id[prefix.Length]) && info.Type.Name.StartsWith(prefix, StringComparison.Ordinal)
            ? id
            : prefix + id;
    }

    /// <summary>The module prefix of <paramref name="type"/>: its own module's, else that of the first generic argument or element that has one.</summary>
    public static string Prefix(Type type, Func<Type, string?> moduleOf)
    {
        var module = Modules(type, moduleOf).FirstOrDefault();
        return module is null ? "" : char.ToUpperInvariant(module[0]) + module[1..].Replace("_", "", StringComparison.Ordinal);
    }

    private static IEnumerable<string> Modules(Type type, Func<Type, string?> moduleOf)
    {
        if (moduleOf(type) is { } own)
        {
            yield return own;
        }

        Type[] inner = type.IsArray ? [type.GetElementType()!] : type.IsGenericType ? type.GetGenericArguments() : [];
        foreach (var t in inner)
        {
            foreach (var m in Modules(t, moduleOf))
            {
                yield return m;
            }
        }
    }

    private static readonly (string Namespace, string Name)[] WorkLines =
        [.. ModuleCatalog.All.Where(m => m.Name != "platform").Select(m => (m.GetType().Namespace! + ".", m.Name))];

    private static string? ModuleOf(Type type) =>
        type.Namespace is { } ns ? WorkLines.FirstOrDefault(w => (ns + ".").StartsWith(w.Namespace, StringComparison.Ordinal)).Name : null;
}
