using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Modules.Services.Data;
using System.Globalization;
using System.Text.Json;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>
/// The catalog as an Excel workbook (sheets 事项, 材料, 流程) and back. An imported item whose
/// elements changed is published as a new version; an unchanged one is left alone.
/// </summary>
public sealed class CatalogLedger(FazhiDbContext db, CatalogService catalog, Text text, OrganisationDirectory directory)
{
    public const string ItemsSheet = "事项";
    public const string MaterialsSheet = "材料";
    public const string StagesSheet = "流程";

    private static readonly string[] Code = ["编码", "Code"];
    private static readonly string[] Name = ["名称", "Name"];
    private static readonly string[] Dept = ["实施主体编码", "DepartmentCode"];
    private static readonly string[] Theme = ["主题", "Theme"];
    private static readonly string[] Basis = ["设定依据", "LegalBasis"];
    private static readonly string[] Conditions = ["受理条件", "Conditions"];
    private static readonly string[] Fees = ["收费标准", "Fees"];
    private static readonly string[] Statutory = ["法定时限", "StatutoryLimitDays"];
    private static readonly string[] Committed = ["承诺时限", "CommittedLimitDays"];
    private static readonly string[] Place = ["办理地点", "Place"];
    private static readonly string[] Hours = ["办理时间", "Hours"];
    private static readonly string[] Online = ["网上办理", "Online"];
    private static readonly string[] MaxVisits = ["最多跑动次数", "MaxVisits"];
    private static readonly string[] ItemCode = ["事项编码", "ItemCode"];
    private static readonly string[] Key = ["材料编号", "Key"];
    private static readonly string[] Originals = ["原件", "Originals"];
    private static readonly string[] Copies = ["复印件", "Copies"];
    private static readonly string[] Required = ["必需", "Required"];
    private static readonly string[] Note = ["说明", "Note"];
    private static readonly string[] Order = ["序号", "Order"];
    private static readonly string[] Stage = ["环节", "Stage"];
    private static readonly string[] Depts = ["部门编码", "DepartmentCodes"];
    private static readonly string[] Role = ["角色", "Role"];
    private static readonly string[] Days = ["时限", "AllowanceDays"];

    public async Task<byte[]> ExportAsync(CancellationToken ct = default)
    {
        var codes = await directory.CodesAsync(ct);
        var items = await db.ServiceItems.AsNoTracking().OrderBy(i => i.Code).ToListAsync(ct);
        var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => items.Select(i => i.CurrentVersionId).Contains(v.Id)).ToDictionaryAsync(v => v.ItemId, ct);
        var itemRows = new List<IDictionary<string, object?>>();
        var materialRows = new List<IDictionary<string, object?>>();
        var stageRows = new List<IDictionary<string, object?>>();
        foreach (var i in items)
        {
            var v = versions[i.Id];
            itemRows.Add(new Dictionary<string, object?>
            {
                [Code[0]] = i.Code, [Name[0]] = v.Name, [Dept[0]] = codes.GetValueOrDefault(v.DepartmentId), [Theme[0]] = v.Theme,
                [Basis[0]] = v.LegalBasis, [Conditions[0]] = v.Conditions, [Fees[0]] = v.Fees, [Statutory[0]] = v.StatutoryLimitDays,
                [Committed[0]] = v.CommittedLimitDays, [Place[0]] = v.Place, [Hours[0]] = v.Hours, [Online[0]] = v.Online ? "是" : "否",
                [MaxVisits[0]] = v.MaxVisits, ["版本"] = v.Version, ["启用"] = i.IsActive ? "是" : "否",
            });
            materialRows.AddRange(v.Materials.Select(m => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [ItemCode[0]] = i.Code, [Key[0]] = m.Key, [Name[0]] = m.Name, [Originals[0]] = m.Originals, [Copies[0]] = m.Copies,
                [Required[0]] = m.Required ? "是" : "否", [Note[0]] = m.Note ?? "",
            }));
            stageRows.AddRange(v.Stages.Select((s, n) => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                [ItemCode[0]] = i.Code, [Order[0]] = n + 1, [Stage[0]] = s.Name,
                [Depts[0]] = string.Join(",", s.DepartmentIds.Select(d => codes.GetValueOrDefault(d))), [Role[0]] = s.Role, [Days[0]] = s.AllowanceDays,
            }));
        }

        return await Spreadsheet.WriteAsync(new Dictionary<string, IEnumerable<IDictionary<string, object?>>>
        {
            [ItemsSheet] = itemRows, [MaterialsSheet] = materialRows, [StagesSheet] = stageRows,
        });
    }

    public async Task<ImportReport> ImportAsync(Stream file, CancellationToken ct = default)
    {
        if (!Spreadsheet.IsSpreadsheet(file))
        {
            throw new DomainException("import.not_xlsx", "file");
        }

        var depts = await directory.IdsByCodeAsync(ct);
        var errors = new List<ImportRowError>();
        var materials = Spreadsheet.Read(file, MaterialsSheet).GroupBy(r => Spreadsheet.Cell(r.Cells, ItemCode)).ToDictionary(g => g.Key, g => g.ToList());
        var stages = Spreadsheet.Read(file, StagesSheet).GroupBy(r => Spreadsheet.Cell(r.Cells, ItemCode)).ToDictionary(g => g.Key, g => g.ToList());
        int created = 0, updated = 0;
        foreach (var (row, cells) in Spreadsheet.Read(file, ItemsSheet))
        {
            var code = Spreadsheet.Cell(cells, Code);
            var rowErrors = new List<ImportRowError>();
            int Number(string[] col)
            {
                if (int.TryParse(Spreadsheet.Cell(cells, col), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
                {
                    return n;
                }

                rowErrors.Add(new ImportRowError(row, col[0], text.Error("import.not_a_number")));
                return 0;
            }

            if (!depts.TryGetValue(Spreadsheet.Cell(cells, Dept), out var deptId))
            {
                rowErrors.Add(new ImportRowError(row, Dept[0], text.Error("staff.department_missing")));
            }

            var mats = new List<RequiredMaterial>();
            foreach (var (mRow, m) in materials.GetValueOrDefault(code) ?? [])
            {
                if (!int.TryParse(Spreadsheet.Cell(m, Originals), out var o) || !int.TryParse(Spreadsheet.Cell(m, Copies), out var c))
                {
                    rowErrors.Add(new ImportRowError(mRow, $"{MaterialsSheet}!{Originals[0]}", text.Error("import.not_a_number")));
                    continue;
                }

                var note = Spreadsheet.Cell(m, Note);
                mats.Add(new RequiredMaterial(Spreadsheet.Cell(m, Key), Spreadsheet.Cell(m, Name), o, c, Spreadsheet.Cell(m, Required) is "是" or "Y" or "true" or "1", note.Length == 0 ? null : note));
            }

            var stageList = new List<ProcessStage>();
            foreach (var (sRow, s) in (stages.GetValueOrDefault(code) ?? []).OrderBy(x => int.TryParse(Spreadsheet.Cell(x.Cells, Order), out var n) ? n : 0))
            {
                var ids = Spreadsheet.Cell(s, Depts).Split([',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(d => depts.TryGetValue(d, out var id) ? id : Guid.Empty).ToList();
                if (ids.Count == 0 || ids.Contains(Guid.Empty) || !int.TryParse(Spreadsheet.Cell(s, Days), out var days))
                {
                    rowErrors.Add(new ImportRowError(sRow, $"{StagesSheet}!{Depts[0]}", text.Error("catalog.stage_invalid")));
                    continue;
                }

                var role = Spreadsheet.Cell(s, Role);
                stageList.Add(new ProcessStage(Spreadsheet.Cell(s, Stage), ids, role.Length == 0 ? Roles.Reviewer : role, days));
            }

            var elements = new ServiceItemElements(
                Spreadsheet.Cell(cells, Name), deptId, Spreadsheet.Cell(cells, Basis), Spreadsheet.Cell(cells, Conditions), mats,
                Spreadsheet.Cell(cells, Fees), Number(Statutory), Number(Committed), Spreadsheet.Cell(cells, Place), Spreadsheet.Cell(cells, Hours),
                Spreadsheet.Cell(cells, Online) is "是" or "Y" or "true" or "1", Number(MaxVisits), Spreadsheet.Cell(cells, Theme), stageList);
            if (rowErrors.Count > 0)
            {
                errors.AddRange(rowErrors);
                continue;
            }

            try
            {
                var exists = await db.ServiceItems.AsNoTracking().AnyAsync(i => i.Code == code, ct);
                if (!exists)
                {
                    await catalog.CreateAsync(new SaveItemRequest(code, elements), ct);
                    created++;
                }
                else if (!Same((await catalog.GetAsync(code, null, ct)).Elements, elements))
                {
                    await catalog.PublishAsync(code, elements, ct);
                    updated++;
                }
            }
            catch (ValidationFailedException v)
            {
                errors.AddRange(v.Errors.Select(e => new ImportRowError(row, text.Field(e.Field), text.Error(e.Code, e.Args))));
                db.ChangeTracker.Clear();
            }
            catch (DomainException d)
            {
                errors.Add(new ImportRowError(row, d.Field is null ? "" : text.Field(d.Field), text.Error(d.Code, d.Args)));
                db.ChangeTracker.Clear();
            }
        }

        return new ImportReport(created, updated, errors);
    }

    private static bool Same(ServiceItemElements a, ServiceItemElements b) =>
        JsonSerializer.Serialize(a, JsonColumn.Options) == JsonSerializer.Serialize(b, JsonColumn.Options);
}
