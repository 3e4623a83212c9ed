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
    public static readonly LedgerSheet ItemsSheet = new("事项", "Items");
    public static readonly LedgerSheet MaterialsSheet = new("材料", "Materials");
    public static readonly LedgerSheet StagesSheet = new("流程", "Stages");

    private static readonly LedgerColumn Code = new("编码", "Code");
    private static readonly LedgerColumn Name = new("名称", "Name");
    private static readonly LedgerColumn Dept = new("实施主体编码", "DepartmentCode");
    private static readonly LedgerColumn Theme = new("主题", "Theme");
    private static readonly LedgerColumn Basis = new("设定依据", "LegalBasis");
    private static readonly LedgerColumn Conditions = new("受理条件", "Conditions");
    private static readonly LedgerColumn Fees = new("收费标准", "Fees");
    private static readonly LedgerColumn Statutory = new("法定时限", "StatutoryLimitDays");
    private static readonly LedgerColumn Committed = new("承诺时限", "CommittedLimitDays");
    private static readonly LedgerColumn Place = new("办理地点", "Place");
    private static readonly LedgerColumn Hours = new("办理时间", "Hours");
    private static readonly LedgerColumn Online = new("网上办理", "Online");
    private static readonly LedgerColumn MaxVisits = new("最多跑动次数", "MaxVisits");
    private static readonly LedgerColumn Version = new("版本", "Version");
    private static readonly LedgerColumn Active = new("启用", "Active");
    private static readonly LedgerColumn ItemCode = new("事项编码", "ItemCode");
    private static readonly LedgerColumn Key = new("材料编号", "Key");
    private static readonly LedgerColumn Originals = new("原件", "Originals");
    private static readonly LedgerColumn Copies = new("复印件", "Copies");
    private static readonly LedgerColumn Required = new("必需", "Required");
    private static readonly LedgerColumn Note = new("说明", "Note");
    private static readonly LedgerColumn Order = new("序号", "Order");
    private static readonly LedgerColumn Stage = new("环节", "Stage");
    private static readonly LedgerColumn Depts = new("部门编码", "DepartmentCodes");
    private static readonly LedgerColumn Role = new("角色", "Role");
    private static readonly LedgerColumn Days = new("时限", "AllowanceDays");

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
            itemRows.Add(Ledger.Row(
                (Code, i.Code), (Name, v.Name), (Dept, codes.GetValueOrDefault(v.DepartmentId)), (Theme, v.Theme), (Basis, v.LegalBasis),
                (Conditions, v.Conditions), (Fees, v.Fees), (Statutory, v.StatutoryLimitDays), (Committed, v.CommittedLimitDays), (Place, v.Place),
                (Hours, v.Hours), (Online, Ledger.YesNo(v.Online)), (MaxVisits, v.MaxVisits), (Version, v.Version), (Active, Ledger.YesNo(i.IsActive))));
            materialRows.AddRange(v.Materials.Select(m => Ledger.Row(
                (ItemCode, i.Code), (Key, m.Key), (Name, m.Name), (Originals, m.Originals), (Copies, m.Copies), (Required, Ledger.YesNo(m.Required)), (Note, m.Note ?? ""))));
            stageRows.AddRange(v.Stages.Select((s, n) => Ledger.Row(
                (ItemCode, i.Code), (Order, n + 1), (Stage, s.Name), (Depts, string.Join(",", s.DepartmentIds.Select(d => codes.GetValueOrDefault(d)))), (Role, s.Role), (Days, s.AllowanceDays))));
        }

        return await Spreadsheet.WriteAsync(new Dictionary<string, IEnumerable<IDictionary<string, object?>>>
        {
            [ItemsSheet.Name] = itemRows, [MaterialsSheet.Name] = materialRows, [StagesSheet.Name] = stageRows,
        });
    }

    public async Task<ImportReport> ImportAsync(Stream file, CancellationToken ct = default)
    {
        Ledger.CheckWorkbook(file);
        var depts = await directory.IdsByCodeAsync(ct);
        var errors = new List<ImportRowError>();
        var materials = Ledger.Rows(file, MaterialsSheet, text).GroupBy(r => r.Text(ItemCode)).ToDictionary(g => g.Key, g => g.ToList());
        var stages = Ledger.Rows(file, StagesSheet, text).GroupBy(r => r.Text(ItemCode)).ToDictionary(g => g.Key, g => g.ToList());
        int created = 0, updated = 0;
        foreach (var row in Ledger.Rows(file, ItemsSheet, text))
        {
            var code = row.Text(Code);
            if (!depts.TryGetValue(row.Text(Dept), out var deptId))
            {
                row.Fail(Dept, "staff.department_missing");
            }

            var mats = new List<RequiredMaterial>();
            foreach (var m in materials.GetValueOrDefault(code) ?? [])
            {
                var (originals, copies) = (m.Whole(Originals), m.Whole(Copies));
                if (originals is { } o && copies is { } c)
                {
                    mats.Add(new RequiredMaterial(m.Text(Key), m.Text(Name), o, c, m.YesNo(Required, false), m.Optional(Note)));
                }

                errors.AddRange(m.Errors.Select(e => e with { Field = $"{MaterialsSheet.Name}!{e.Field}" }));
            }

            var stageList = new List<ProcessStage>();
            foreach (var st in (stages.GetValueOrDefault(code) ?? []).OrderBy(x => x.Whole(Order, whenEmpty: 0)))
            {
                var ids = st.List(Depts).Select(d => depts.TryGetValue(d, out var id) ? id : Guid.Empty).ToList();
                if (ids.Count == 0 || ids.Contains(Guid.Empty) || st.Whole(Days) is not { } days)
                {
                    errors.Add(new ImportRowError(st.Number, $"{StagesSheet.Name}!{Depts.Header}", text.Error("catalog.stage_invalid")));
                    continue;
                }

                stageList.Add(new ProcessStage(st.Text(Stage), ids, st.Optional(Role) ?? ServicesRoles.Reviewer, days));
            }

            var elements = new ServiceItemElements(
                row.Text(Name), deptId, row.Text(Basis), row.Text(Conditions), mats, row.Text(Fees), row.Whole(Statutory) ?? 0, row.Whole(Committed) ?? 0,
                row.Text(Place), row.Text(Hours), row.YesNo(Online, false), row.Whole(MaxVisits) ?? 0, row.Text(Theme), stageList);
            if (!row.Ok)
            {
                errors.AddRange(row.Errors);
                continue;
            }

            var exists = await db.ServiceItems.AsNoTracking().AnyAsync(i => i.Code == code, ct);
            if (!exists)
            {
                created += await row.TryAsync(() => catalog.CreateAsync(new SaveItemRequest(code, elements), ct)) ? 1 : 0;
            }
            else if (!Same((await catalog.GetAsync(code, null, ct)).Elements, elements))
            {
                // An item whose elements changed is published as a new version; an unchanged one is left alone.
                updated += await row.TryAsync(() => catalog.PublishAsync(code, elements, ct)) ? 1 : 0;
            }

            if (!row.Ok)
            {
                db.ChangeTracker.Clear();
                errors.AddRange(row.Errors);
            }
        }

        return new ImportReport(created, updated, errors);
    }

    private static bool Same(ServiceItemElements a, ServiceItemElements b) =>
        JsonSerializer.Serialize(a, JsonColumn.Options) == JsonSerializer.Serialize(b, JsonColumn.Options);
}
