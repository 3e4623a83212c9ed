using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;

namespace Fazhi.Web.Modules.Documents.Features;

/// <summary>The organisation as the legal office's pages choose from it: departments, and every unit below the town.</summary>
public sealed class OrganisationDirectoryView(OrganisationDirectory directory)
{
    public async Task<IReadOnlyDictionary<Guid, string>> DepartmentsAsync(CancellationToken ct = default) =>
        (await directory.UnitsAsync(ct)).Values.Where(u => u.IsActive && u.Kind == OrgNodeKind.Department).OrderBy(u => u.Code, StringComparer.Ordinal).ToDictionary(u => u.Id, u => u.Name);

    public async Task<IReadOnlyDictionary<Guid, string>> UnitsAsync(CancellationToken ct = default) =>
        (await directory.UnitsAsync(ct)).Values.Where(u => u.IsActive).OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal).ToDictionary(u => u.Id, u => u.Name);
}
