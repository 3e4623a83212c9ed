using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Organisation.Features;

/// <summary>
/// Excel export and import of the organisation (nodes and windows) and of staff. An import checks
/// every row, saves each valid row, and reports each bad row with its row number: a bad row never
/// costs the good ones.
/// </summary>
public sealed class OrganisationLedger(FazhiDbContext db, OrgNodeService nodes, WindowService windows, StaffService staff, Text text)
{
    public const long MaxUploadBytes = Spreadsheet.MaxImportBytes;

    private static readonly LedgerColumn Code = new("编码", "Code");
    private static readonly LedgerColumn Name = new("名称", "Name");
    private static readonly LedgerColumn Kind = new("类型", "Kind");
    private static readonly LedgerColumn ParentCode = new("上级编码", "ParentCode");
    private static readonly LedgerColumn SortOrder = new("排序", "SortOrder");
    private static readonly LedgerColumn EnforcesLaw = new("执法部门", "EnforcesLaw");
    private static readonly LedgerColumn Active = new("启用", "Active");
    private static readonly LedgerColumn Number = new("窗口号", "Number");
    private static readonly LedgerColumn Theme = new("主题", "Theme");
    private static readonly LedgerColumn UserName = new("用户名", "UserName");
    private static readonly LedgerColumn DisplayName = new("姓名", "DisplayName");
    private static readonly LedgerColumn DepartmentCode = new("部门编码", "DepartmentCode");
    private static readonly LedgerColumn RoleList = new("角色", "Roles");
    private static readonly LedgerColumn Scope = new("数据范围", "DataScope");
    private static readonly LedgerColumn Phone = new("手机", "Phone");
    private static readonly LedgerColumn Password = new("初始密码", "InitialPassword");

    public static readonly LedgerSheet NodesSheet = new("机构", "Organisation");
    public static readonly LedgerSheet WindowsSheet = new("窗口", "Windows");
    public static readonly LedgerSheet StaffSheet = new("人员", "Staff");

    private static readonly Dictionary<string, OrgNodeKind> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["镇"] = OrgNodeKind.Town, ["部门"] = OrgNodeKind.Department, ["单位"] = OrgNodeKind.Unit, ["社区"] = OrgNodeKind.Community,
        ["Town"] = OrgNodeKind.Town, ["Department"] = OrgNodeKind.Department, ["Unit"] = OrgNodeKind.Unit, ["Community"] = OrgNodeKind.Community,
    };

    private static readonly Dictionary<string, WindowKind> WindowKinds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["综合类"] = WindowKind.General, ["主题类"] = WindowKind.Thematic, ["General"] = WindowKind.General, ["Thematic"] = WindowKind.Thematic,
    };

    private static readonly Dictionary<string, DataScope> Scopes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["全部"] = DataScope.All, ["本部门及以下"] = DataScope.DepartmentAndBelow, ["本部门"] = DataScope.Department, ["仅本人"] = DataScope.Self,
        ["All"] = DataScope.All, ["DepartmentAndBelow"] = DataScope.DepartmentAndBelow, ["Department"] = DataScope.Department, ["Self"] = DataScope.Self,
    };

    private static string KindName(OrgNodeKind k) => Kinds.First(p => p.Value == k).Key;

    public async Task<byte[]> ExportOrganisationAsync(CancellationToken ct = default)
    {
        var all = await nodes.ListAsync(ct);
        var byId = all.ToDictionary(n => n.Id);
        var nodeRows = all.Select(n => Ledger.Row(
            (Code, n.Code), (Name, n.Name), (Kind, KindName(n.Kind)),
            (ParentCode, n.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Code : ""),
            (SortOrder, n.SortOrder), (EnforcesLaw, Ledger.YesNo(n.EnforcesLaw)), (Active, Ledger.YesNo(n.IsActive))));
        var windowRows = (await windows.ListAsync(ct)).Select(w => Ledger.Row(
            (Number, w.Number), (Name, w.Name), (Kind, w.Kind == WindowKind.General ? "综合类" : "主题类"), (Theme, w.Theme ?? ""), (Active, Ledger.YesNo(w.IsActive))));
        return await Spreadsheet.WriteAsync(new Dictionary<string, IEnumerable<IDictionary<string, object?>>>
        {
            [NodesSheet.Name] = nodeRows,
            [WindowsSheet.Name] = windowRows,
        });
    }

    public async Task<byte[]> ExportStaffAsync(CancellationToken ct = default)
    {
        var codes = (await nodes.ListAsync(ct)).ToDictionary(n => n.Id, n => n.Code);
        var rows = new List<IDictionary<string, object?>>();
        for (var page = 1; ; page++)
        {
            var batch = await staff.ListAsync(new StaffQuery(null, null, null, page, 200), ct);
            rows.AddRange(batch.Items.Select(s => Ledger.Row(
                (UserName, s.UserName), (DisplayName, s.DisplayName), (DepartmentCode, codes.GetValueOrDefault(s.DepartmentId, "")),
                (RoleList, string.Join(",", s.Roles)), (Scope, Scopes.First(p => p.Value == s.DataScope).Key), (Phone, s.Phone ?? ""),
                (Active, Ledger.YesNo(s.IsActive)), (Password, ""))));
            if (batch.Items.Count < batch.PageSize)
            {
                break;
            }
        }

        return await Spreadsheet.WriteAsync(StaffSheet.Name, rows);
    }

    /// <summary>Creates or updates nodes (by code) and windows (by number). Parents may come earlier in the same sheet or exist already.</summary>
    public async Task<ImportReport> ImportOrganisationAsync(Stream file, CancellationToken ct = default)
    {
        Ledger.CheckWorkbook(file);
        var errors = new List<ImportRowError>();
        int created = 0, updated = 0;
        var named = Ledger.Rows(file, NodesSheet, text).ToList();
        foreach (var row in named.Count > 0 ? named : Ledger.Rows(file, null, text))
        {
            if (row.Has(Number) && !row.Has(Code))
            {
                break; // first sheet is the windows sheet: no node rows in this file
            }

            var code = row.Text(Code);
            var kind = row.Choice(Kind, Kinds);
            Guid? parentId = null;
            if (row.Optional(ParentCode) is { } parentCode)
            {
                parentId = await db.OrgNodes.Where(n => n.Code == parentCode).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(ct);
                if (parentId is null)
                {
                    row.Fail(ParentCode, "org.parent_missing");
                }
            }

            var sort = row.Whole(SortOrder, whenEmpty: 0);
            var request = new SaveOrgNodeRequest(code, row.Text(Name), kind, parentId, sort ?? 0, row.YesNo(EnforcesLaw, false), row.YesNo(Active, true));
            var existing = await db.OrgNodes.AsNoTracking().Where(n => n.Code == code).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(ct);
            if (row.Ok && await SaveAsync(row, existing is null ? () => nodes.CreateAsync(request, ct) : () => nodes.UpdateAsync(existing.Value, request, ct)))
            {
                _ = existing is null ? created++ : updated++;
            }

            errors.AddRange(row.Errors);
        }

        foreach (var row in Ledger.Rows(file, WindowsSheet, text))
        {
            var number = row.Whole(Number);
            var kind = row.Choice(Kind, WindowKinds);
            var request = new SaveWindowRequest(number ?? 0, row.Text(Name), kind ?? WindowKind.General, row.Text(Theme), row.YesNo(Active, true));
            var existing = await db.Windows.AsNoTracking().Where(w => w.Number == number).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);
            if (row.Ok && await SaveAsync(row, existing is null ? () => windows.CreateAsync(request, ct) : () => windows.UpdateAsync(existing.Value, request, ct)))
            {
                _ = existing is null ? created++ : updated++;
            }

            errors.AddRange(row.Errors);
        }

        return new ImportReport(created, updated, errors);
    }

    /// <summary>Creates or updates staff by user name. New accounts need an initial password that meets the policy.</summary>
    public async Task<ImportReport> ImportStaffAsync(Stream file, CancellationToken ct = default)
    {
        Ledger.CheckWorkbook(file);
        var errors = new List<ImportRowError>();
        int created = 0, updated = 0;
        var codes = (await nodes.ListAsync(ct)).ToDictionary(n => n.Code, n => n.Id, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var named = Ledger.Rows(file, StaffSheet, text).ToList();
        foreach (var row in named.Count > 0 ? named : Ledger.Rows(file, null, text))
        {
            var userName = row.Text(UserName);
            if (userName.Length > 0 && !seen.Add(userName))
            {
                row.Fail(UserName, "import.duplicate_in_file", userName);
            }

            if (!codes.TryGetValue(row.Text(DepartmentCode), out var deptId))
            {
                row.Fail(DepartmentCode, "staff.department_missing");
            }

            var scope = row.Choice(Scope, Scopes, whenEmpty: DataScope.Department);
            var roles = row.List(RoleList).Select(r => RoleCode(r) ?? r).ToList();
            if (!row.Ok)
            {
                errors.AddRange(row.Errors);
                continue;
            }

            var existing = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => new { u.Id, u.ConcurrencyStamp }).FirstOrDefaultAsync(ct);
            var phone = row.Text(Phone);
            var ok = existing is null
                ? await SaveAsync(row, () => staff.CreateAsync(new CreateStaffRequest(userName, row.Text(DisplayName), deptId, roles, scope, phone, row.Text(Password)), ct))
                : await SaveAsync(row, () => staff.UpdateAsync(existing.Id, new UpdateStaffRequest(row.Text(DisplayName), deptId, roles, scope, phone, row.YesNo(Active, true)), ct));
            if (ok)
            {
                _ = existing is null ? created++ : updated++;
            }

            errors.AddRange(row.Errors);
        }

        return new ImportReport(created, updated, errors);
    }

    /// <summary>A role by its code, its Chinese name or its English name.</summary>
    private static string? RoleCode(string value) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, value, StringComparison.OrdinalIgnoreCase)
            || Text.Both("role." + r).Split(" / ").Any(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)));

    private async Task<bool> SaveAsync(LedgerRow row, Func<Task> save)
    {
        if (await row.TryAsync(save))
        {
            return true;
        }

        // A refused row leaves nothing behind in the context for the next row to save by accident.
        db.ChangeTracker.Clear();
        return false;
    }
}

public static class OrganisationLedgerApi
{
    public static RouteGroupBuilder MapOrganisationLedger(this RouteGroupBuilder org)
    {
        org.MapGet("/export", async (OrganisationLedger l) =>
            TypedResults.File(await l.ExportOrganisationAsync(), Spreadsheet.ContentType, "organisation.xlsx"))
            .WithSummary("The organisation (sheet 机构) and the windows (sheet 窗口) as Excel.").ProducesExcel();
        org.MapPost("/import", async (IFormFile file, OrganisationLedger l) => TypedResults.Ok(await ImportAsync(file, l.ImportOrganisationAsync)))
            .RequireAuthorization(OrganisationSetup.ManagePolicy).DisableAntiforgery()
            .WithSummary("Create or update nodes and windows from Excel; bad rows are reported by row number, good rows are saved.");
        org.MapGet("/staff/export", async (OrganisationLedger l) =>
            TypedResults.File(await l.ExportStaffAsync(), Spreadsheet.ContentType, "staff.xlsx"))
            .WithSummary("Staff accounts within the caller's data scope as Excel.").ProducesExcel();
        org.MapPost("/staff/import", async (IFormFile file, OrganisationLedger l) => TypedResults.Ok(await ImportAsync(file, l.ImportStaffAsync)))
            .RequireAuthorization(OrganisationSetup.ManagePolicy).DisableAntiforgery()
            .WithSummary("Create or update staff from Excel; bad rows are reported by row number, good rows are saved.");
        return org;
    }

    private static async Task<ImportReport> ImportAsync(IFormFile file, Func<Stream, CancellationToken, Task<ImportReport>> import)
    {
        await using var buffer = await Spreadsheet.BufferAsync(file, OrganisationLedger.MaxUploadBytes);
        return await import(buffer, default);
    }
}
