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

    // Column headers: the Chinese one is written; the English one is accepted too.
    private static readonly string[] Code = ["编码", "Code"];
    private static readonly string[] Name = ["名称", "Name"];
    private static readonly string[] Kind = ["类型", "Kind"];
    private static readonly string[] ParentCode = ["上级编码", "ParentCode"];
    private static readonly string[] SortOrder = ["排序", "SortOrder"];
    private static readonly string[] EnforcesLaw = ["执法部门", "EnforcesLaw"];
    private static readonly string[] Active = ["启用", "Active"];
    private static readonly string[] Number = ["窗口号", "Number"];
    private static readonly string[] Theme = ["主题", "Theme"];
    private static readonly string[] UserName = ["用户名", "UserName"];
    private static readonly string[] DisplayName = ["姓名", "DisplayName"];
    private static readonly string[] DepartmentCode = ["部门编码", "DepartmentCode"];
    private static readonly string[] RoleList = ["角色", "Roles"];
    private static readonly string[] Scope = ["数据范围", "DataScope"];
    private static readonly string[] Phone = ["手机", "Phone"];
    private static readonly string[] Password = ["初始密码", "InitialPassword"];

    public const string NodesSheet = "机构";
    public const string WindowsSheet = "窗口";
    public const string StaffSheet = "人员";

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

    private static string YesNo(bool b) => b ? "是" : "否";

    private static bool? ParseYesNo(string s) => s.Trim() switch
    {
        "" => null,
        "是" or "Y" or "y" or "yes" or "Yes" or "true" or "True" or "TRUE" or "1" => true,
        "否" or "N" or "n" or "no" or "No" or "false" or "False" or "FALSE" or "0" => false,
        _ => null,
    };

    public async Task<byte[]> ExportOrganisationAsync(CancellationToken ct = default)
    {
        var all = await nodes.ListAsync(ct);
        var byId = all.ToDictionary(n => n.Id);
        var nodeRows = all.Select(n => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Code[0]] = n.Code,
            [Name[0]] = n.Name,
            [Kind[0]] = KindName(n.Kind),
            [ParentCode[0]] = n.ParentId is { } p && byId.TryGetValue(p, out var parent) ? parent.Code : "",
            [SortOrder[0]] = n.SortOrder,
            [EnforcesLaw[0]] = YesNo(n.EnforcesLaw),
            [Active[0]] = YesNo(n.IsActive),
        });
        var windowRows = (await windows.ListAsync(ct)).Select(w => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Number[0]] = w.Number,
            [Name[0]] = w.Name,
            [Kind[0]] = w.Kind == WindowKind.General ? "综合类" : "主题类",
            [Theme[0]] = w.Theme ?? "",
            [Active[0]] = YesNo(w.IsActive),
        });
        return await Spreadsheet.WriteAsync(new Dictionary<string, IEnumerable<IDictionary<string, object?>>>
        {
            [NodesSheet] = nodeRows,
            [WindowsSheet] = windowRows,
        });
    }

    public async Task<byte[]> ExportStaffAsync(CancellationToken ct = default)
    {
        var codes = (await nodes.ListAsync(ct)).ToDictionary(n => n.Id, n => n.Code);
        var rows = new List<IDictionary<string, object?>>();
        for (var page = 1; ; page++)
        {
            var batch = await staff.ListAsync(new StaffQuery(null, null, null, page, 200), ct);
            rows.AddRange(batch.Items.Select(s => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [UserName[0]] = s.UserName,
                [DisplayName[0]] = s.DisplayName,
                [DepartmentCode[0]] = codes.GetValueOrDefault(s.DepartmentId, ""),
                [RoleList[0]] = string.Join(",", s.Roles),
                [Scope[0]] = Scopes.First(p => p.Value == s.DataScope).Key,
                [Phone[0]] = s.Phone ?? "",
                [Active[0]] = YesNo(s.IsActive),
                [Password[0]] = "",
            }));
            if (batch.Items.Count < batch.PageSize)
            {
                break;
            }
        }

        return await Spreadsheet.WriteAsync(StaffSheet, rows);
    }

    /// <summary>Creates or updates nodes (by code) and windows (by number). Parents may come earlier in the same sheet or exist already.</summary>
    public async Task<ImportReport> ImportOrganisationAsync(Stream file, CancellationToken ct = default)
    {
        CheckFile(file);
        var errors = new List<ImportRowError>();
        int created = 0, updated = 0;
        foreach (var (row, cells) in Spreadsheet.Read(file, NodesSheet) is { Count: > 0 } named ? named : Spreadsheet.Read(file))
        {
            if (cells.Keys.Any(Number.Contains) && !cells.Keys.Any(Code.Contains))
            {
                break; // first sheet is the windows sheet: no node rows in this file
            }

            var code = Spreadsheet.Cell(cells, Code);
            var kindText = Spreadsheet.Cell(cells, Kind);
            if (!Kinds.TryGetValue(kindText, out var kind))
            {
                errors.Add(new ImportRowError(row, Kind[0], text.Error("import.unknown_value", [kindText])));
                continue;
            }

            var parentCode = Spreadsheet.Cell(cells, ParentCode);
            Guid? parentId = null;
            if (parentCode.Length > 0)
            {
                parentId = await db.OrgNodes.Where(n => n.Code == parentCode).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(ct);
                if (parentId is null)
                {
                    errors.Add(new ImportRowError(row, ParentCode[0], text.Error("org.parent_missing")));
                    continue;
                }
            }

            var sortText = Spreadsheet.Cell(cells, SortOrder);
            var sort = 0;
            if (sortText.Length > 0 && !int.TryParse(sortText, out sort))
            {
                errors.Add(new ImportRowError(row, SortOrder[0], text.Error("import.not_a_number")));
                continue;
            }

            var request = new SaveOrgNodeRequest(code, Spreadsheet.Cell(cells, Name), kind, parentId, sort,
                ParseYesNo(Spreadsheet.Cell(cells, EnforcesLaw)) ?? false, ParseYesNo(Spreadsheet.Cell(cells, Active)) ?? true);
            var existing = await db.OrgNodes.AsNoTracking().Where(n => n.Code == code).Select(n => (Guid?)n.Id).FirstOrDefaultAsync(ct);
            if (await TryRowAsync<OrgNodeDto>(row, errors, existing is null ? () => nodes.CreateAsync(request, ct) : () => nodes.UpdateAsync(existing.Value, request, ct)))
            {
                _ = existing is null ? created++ : updated++;
            }
        }

        foreach (var (row, cells) in Spreadsheet.Read(file, WindowsSheet))
        {
            var numberText = Spreadsheet.Cell(cells, Number);
            if (!int.TryParse(numberText, out var number))
            {
                errors.Add(new ImportRowError(row, Number[0], text.Error("import.not_a_number")));
                continue;
            }

            var kindText = Spreadsheet.Cell(cells, Kind);
            if (!WindowKinds.TryGetValue(kindText, out var kind))
            {
                errors.Add(new ImportRowError(row, Kind[0], text.Error("import.unknown_value", [kindText])));
                continue;
            }

            var request = new SaveWindowRequest(number, Spreadsheet.Cell(cells, Name), kind, Spreadsheet.Cell(cells, Theme), ParseYesNo(Spreadsheet.Cell(cells, Active)) ?? true);
            var existing = await db.Windows.AsNoTracking().Where(w => w.Number == number).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);
            if (await TryRowAsync<WindowDto>(row, errors, existing is null ? () => windows.CreateAsync(request, ct) : () => windows.UpdateAsync(existing.Value, request, ct)))
            {
                _ = existing is null ? created++ : updated++;
            }
        }

        return new ImportReport(created, updated, errors);
    }

    /// <summary>Creates or updates staff by user name. New accounts need an initial password that meets the policy.</summary>
    public async Task<ImportReport> ImportStaffAsync(Stream file, CancellationToken ct = default)
    {
        CheckFile(file);
        var errors = new List<ImportRowError>();
        int created = 0, updated = 0;
        var codes = (await nodes.ListAsync(ct)).ToDictionary(n => n.Code, n => n.Id, StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (row, cells) in Spreadsheet.Read(file, StaffSheet) is { Count: > 0 } named ? named : Spreadsheet.Read(file))
        {
            var userName = Spreadsheet.Cell(cells, UserName);
            if (userName.Length > 0 && !seen.Add(userName))
            {
                errors.Add(new ImportRowError(row, UserName[0], text.Error("import.duplicate_in_file", [userName])));
                continue;
            }

            var deptCode = Spreadsheet.Cell(cells, DepartmentCode);
            if (!codes.TryGetValue(deptCode, out var deptId))
            {
                errors.Add(new ImportRowError(row, DepartmentCode[0], text.Error("staff.department_missing")));
                continue;
            }

            var scopeText = Spreadsheet.Cell(cells, Scope);
            DataScope? scope = scopeText.Length == 0 ? DataScope.Department : Scopes.TryGetValue(scopeText, out var s) ? s : null;
            if (scope is null)
            {
                errors.Add(new ImportRowError(row, Scope[0], text.Error("import.unknown_value", [scopeText])));
                continue;
            }

            var roles = Spreadsheet.Cell(cells, RoleList)
                .Split([',', '，', '、', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(r => RoleCode(r) ?? r)
                .ToList();
            var existing = await db.Users.AsNoTracking().Where(u => u.UserName == userName).Select(u => new { u.Id, u.ConcurrencyStamp }).FirstOrDefaultAsync(ct);
            var phone = Spreadsheet.Cell(cells, Phone);
            var active = ParseYesNo(Spreadsheet.Cell(cells, Active)) ?? true;
            var ok = existing is null
                ? await TryRowAsync<StaffDto>(row, errors, () => staff.CreateAsync(new CreateStaffRequest(userName, Spreadsheet.Cell(cells, DisplayName), deptId, roles, scope, phone, Spreadsheet.Cell(cells, Password)), ct))
                : await TryRowAsync<StaffDto>(row, errors, () => staff.UpdateAsync(existing.Id, new UpdateStaffRequest(Spreadsheet.Cell(cells, DisplayName), deptId, roles, scope, phone, active), ct));
            if (ok)
            {
                _ = existing is null ? created++ : updated++;
            }
        }

        return new ImportReport(created, updated, errors);
    }

    /// <summary>A role by its code, its Chinese name or its English name.</summary>
    private static string? RoleCode(string value) =>
        Roles.All.FirstOrDefault(r => string.Equals(r, value, StringComparison.OrdinalIgnoreCase)
            || Text.Both("role." + r).Split(" / ").Any(n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase)));

    private async Task<bool> TryRowAsync<T>(int row, List<ImportRowError> errors, Func<Task<T>> save)
    {
        try
        {
            await save();
            return true;
        }
        catch (ValidationFailedException v)
        {
            errors.AddRange(v.Errors.Select(e => new ImportRowError(row, text.Field(e.Field), text.Error(e.Code, e.Args))));
        }
        catch (DomainException d)
        {
            errors.Add(new ImportRowError(row, d.Field is null ? "" : text.Field(d.Field), text.Error(d.Code, d.Args)));
        }

        // A refused row leaves nothing behind in the context for the next row to save by accident.
        db.ChangeTracker.Clear();
        return false;
    }

    private static void CheckFile(Stream file)
    {
        if (file.Length > MaxUploadBytes)
        {
            throw new DomainException("request.too_large", "file");
        }

        if (!Spreadsheet.IsSpreadsheet(file))
        {
            throw new DomainException("import.not_xlsx", "file");
        }
    }
}

public static class OrganisationLedgerApi
{
    public static RouteGroupBuilder MapOrganisationLedger(this RouteGroupBuilder org)
    {
        org.MapGet("/export", async (OrganisationLedger l) =>
            TypedResults.File(await l.ExportOrganisationAsync(), Spreadsheet.ContentType, "organisation.xlsx"))
            .WithSummary("The organisation (sheet 机构) and the windows (sheet 窗口) as Excel.");
        org.MapPost("/import", async (IFormFile file, OrganisationLedger l) => TypedResults.Ok(await ImportAsync(file, l.ImportOrganisationAsync)))
            .RequireAuthorization(OrganisationSetup.ManagePolicy).DisableAntiforgery()
            .WithSummary("Create or update nodes and windows from Excel; bad rows are reported by row number, good rows are saved.");
        org.MapGet("/staff/export", async (OrganisationLedger l) =>
            TypedResults.File(await l.ExportStaffAsync(), Spreadsheet.ContentType, "staff.xlsx"))
            .WithSummary("Staff accounts within the caller's data scope as Excel.");
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
