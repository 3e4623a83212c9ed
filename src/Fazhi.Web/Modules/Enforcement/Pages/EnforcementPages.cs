using System.Security.Claims;
using Fazhi.Web.Platform.Organisation;

namespace Fazhi.Web.Modules.Enforcement.Pages;

/// <summary>What several enforcement pages ask the same way.</summary>
internal static class EnforcementPages
{
    /// <summary>The enforcement departments to choose from, and the one chosen: the form's, else the signed-in officer's own, else the first.</summary>
    public static async Task<(IReadOnlyDictionary<Guid, string> Departments, Guid? Chosen)> DepartmentsAsync(OrganisationDirectory directory, HttpContext http, Guid? chosen)
    {
        var departments = (await directory.UnitsAsync()).Values.Where(u => u.EnforcesLaw && u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal).ToDictionary(u => u.Id, u => u.Name);
        var own = Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var staff) ? await directory.DepartmentOfAsync(staff) : null;
        return (departments, chosen ?? (own is { } d && departments.ContainsKey(d) ? d : departments.Keys.FirstOrDefault()));
    }
}
