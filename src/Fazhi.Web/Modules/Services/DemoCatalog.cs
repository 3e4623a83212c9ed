using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Modules.Services.Data;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services;

/// <summary>
/// About thirty realistic items of a town service centre across the demo departments: residential
/// building permits with a joint review, business registration, certificates. Demo mode only.
/// </summary>
public sealed class DemoCatalog(FazhiDbContext db, TimeProvider time, OrganisationDirectory directory)
{
    private const string Place = "塘厦镇市民服务中心一楼综合窗口";
    private const string Hours = "周一至周五 8:30-12:00，14:00-17:30；24小时服务区全天开放";

    private static readonly RequiredMaterial Form = new("form", "申请表", 1, 0, true, "现场或网上填写", "申请表填写样本");
    private static readonly RequiredMaterial IdCard = new("id", "申请人居民身份证", 1, 1, true, "核原件，留复印件");
    private static readonly RequiredMaterial Household = new("hukou", "户口簿", 1, 1, true);
    private static readonly RequiredMaterial Licence = new("licence", "营业执照", 1, 1, true);
    private static readonly RequiredMaterial Premises = new("premises", "经营场所使用证明（产权证明或租赁合同）", 1, 1, true);
    private static readonly RequiredMaterial Agent = new("agent", "委托书及受托人身份证（委托办理时）", 1, 1, false);

    private sealed record Seed(string Code, string Name, string Dept, string Theme, int Statutory, int Committed, bool Online, int MaxVisits, string Basis, RequiredMaterial[] Materials, (string Name, string[] Depts, string Role, int Days)[]? Stages = null, string Fees = "不收费");

    private static readonly Seed[] Items =
    [
        new("TX-MFBJ-001", "农村村民住宅建设审批（民房报建）", "TX-PLAN", "民房报建", 45, 20, false, 1,
            "《中华人民共和国土地管理法》第六十二条；《中华人民共和国城乡规划法》第四十一条；《广东省农村宅基地和村民住宅建设管理办法》",
            [Form, IdCard, Household, new("homestead", "宅基地使用权证明或村集体同意使用宅基地的证明", 1, 1, true),
             new("design", "建房设计图纸（通用图集或有资质单位设计）", 1, 2, true), new("village", "村（社区）民主决议及公示材料", 1, 0, true), Agent],
            [("初审", ["TX-PLAN"], ServicesRoles.Reviewer, 5), ("联合审查（规划、建设、自然资源）", ["TX-PLAN", "TX-BUILD", "TX-LAND"], ServicesRoles.Reviewer, 10), ("审批决定", ["TX-PLAN"], ServicesRoles.Reviewer, 5)]),
        new("TX-MFBJ-002", "乡村建设规划许可证核发", "TX-PLAN", "民房报建", 20, 10, false, 1,
            "《中华人民共和国城乡规划法》第四十一条", [Form, IdCard, new("site", "建设用地权属证明", 1, 1, true), new("plan", "建设工程设计方案", 1, 2, true), Agent]),
        new("TX-MFBJ-003", "农村村民住宅竣工验收", "TX-BUILD", "民房报建", 20, 10, false, 1,
            "《广东省农村宅基地和村民住宅建设管理办法》", [Form, IdCard, new("permit", "乡村建设规划许可证", 1, 1, true), new("photos", "竣工现场照片", 0, 1, true)],
            [("现场核查", ["TX-BUILD", "TX-PLAN"], ServicesRoles.Reviewer, 7), ("验收决定", ["TX-BUILD"], ServicesRoles.Reviewer, 3)]),
        new("TX-GC-001", "建设工程规划许可证核发", "TX-PLAN", "工程建设", 20, 15, true, 1,
            "《中华人民共和国城乡规划法》第四十条", [Form, new("landuse", "建设用地规划许可证及土地权属证明", 1, 1, true), new("drawings", "建设工程设计方案总平面图", 1, 2, true), Licence]),
        new("TX-GC-002", "建筑工程施工许可证核发", "TX-BUILD", "工程建设", 15, 7, true, 1,
            "《中华人民共和国建筑法》第七条、第八条；《建筑工程施工许可管理办法》", [Form, new("plan-permit", "建设工程规划许可证", 1, 1, true), new("contract", "施工合同及中标通知书", 1, 1, true), new("safety", "施工安全措施材料", 1, 1, true), Licence]),
        new("TX-QY-001", "个体工商户设立登记", "TX-MSA", "企业开办", 15, 1, true, 0,
            "《个体工商户条例》第八条；《促进个体工商户发展条例》", [Form, IdCard, Premises], Fees: "不收费"),
        new("TX-QY-002", "个体工商户变更登记", "TX-MSA", "企业开办", 15, 1, true, 0, "《个体工商户条例》第十条", [Form, IdCard, Licence]),
        new("TX-QY-003", "个体工商户注销登记（简易注销）", "TX-MSA", "企业开办", 20, 1, true, 0, "《个体工商户条例》第十二条；《市场主体登记管理条例》第三十三条", [Form, IdCard, Licence]),
        new("TX-QY-004", "有限责任公司设立登记", "TX-MSA", "企业开办", 15, 1, true, 0,
            "《中华人民共和国公司法》第二十九条；《中华人民共和国市场主体登记管理条例》第十九条",
            [Form, new("articles", "公司章程", 1, 0, true), new("shareholders", "股东主体资格证明", 1, 1, true), new("officers", "法定代表人、董事、监事和高级管理人员任职文件及身份证", 1, 1, true), Premises, Agent]),
        new("TX-QY-005", "公司变更登记", "TX-MSA", "企业开办", 15, 3, true, 0, "《中华人民共和国市场主体登记管理条例》第二十四条", [Form, Licence, new("resolution", "股东会决议", 1, 0, true)]),
        new("TX-QY-006", "公司注销登记（简易注销）", "TX-MSA", "企业开办", 20, 3, true, 0, "《中华人民共和国市场主体登记管理条例》第三十三条", [Form, Licence, new("pledge", "全体投资人承诺书", 1, 0, true)]),
        new("TX-SP-001", "食品经营许可证核发", "TX-MSA", "企业开办", 20, 10, true, 1,
            "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》", [Form, Licence, new("layout", "经营设施布局和操作流程图", 1, 0, true), new("rules", "食品安全管理制度", 1, 0, true)],
            [("材料审查", ["TX-MSA"], ServicesRoles.Reviewer, 3), ("现场核查", ["TX-MSA"], ServicesRoles.Reviewer, 5), ("许可决定", ["TX-MSA"], ServicesRoles.Reviewer, 2)]),
        new("TX-SP-002", "小餐饮经营登记", "TX-MSA", "企业开办", 20, 5, true, 1, "《广东省食品生产加工小作坊和食品摊贩管理条例》", [Form, IdCard, Premises, new("health", "从业人员健康证明", 1, 1, true)]),
        new("TX-WS-001", "公共场所卫生许可证核发", "TX-HEALTH", "企业开办", 20, 10, true, 1, "《公共场所卫生管理条例》第八条", [Form, Licence, new("test", "卫生检测报告", 1, 0, true), new("health", "从业人员健康证明", 1, 1, true)]),
        new("TX-WH-001", "娱乐场所经营许可", "TX-CULT", "企业开办", 20, 15, false, 1, "《娱乐场所管理条例》第九条", [Form, Licence, Premises, new("fire", "消防安全检查合格证明", 1, 1, true)]),
        new("TX-WH-002", "出版物零售单位设立审批", "TX-CULT", "企业开办", 20, 10, true, 1, "《出版管理条例》第三十七条", [Form, Licence, Premises]),
        new("TX-JT-001", "道路货物运输经营许可", "TX-TRANS", "交通运输", 20, 10, true, 1, "《中华人民共和国道路运输条例》第二十四条", [Form, Licence, new("vehicles", "车辆行驶证及技术等级证明", 1, 1, true), new("drivers", "驾驶员从业资格证", 1, 1, true)]),
        new("TX-HJ-001", "户口迁入（投靠、人才入户）", "TX-POLICE", "人才户籍", 20, 5, false, 1, "《中华人民共和国户口登记条例》第十三条", [Form, IdCard, Household, new("basis", "入户依据材料（学历、职称或亲属关系证明）", 1, 1, true)]),
        new("TX-HJ-002", "居住证申领", "TX-POLICE", "人才户籍", 15, 10, true, 1, "《居住证暂行条例》第九条", [IdCard, new("address", "居住地住址证明", 1, 1, true), new("photo", "近期免冠照片", 1, 0, true)]),
        new("TX-HJ-003", "无犯罪记录证明开具", "TX-POLICE", "证明开具", 20, 3, true, 0, "《公安机关办理无犯罪记录证明工作规定》", [Form, IdCard]),
        new("TX-SB-001", "就业创业证申领", "TX-HR", "社保医保", 20, 5, true, 0, "《就业服务与就业管理规定》第六十三条", [Form, IdCard, new("photo", "近期免冠照片", 1, 0, true)]),
        new("TX-SB-002", "灵活就业人员参保登记", "TX-HR", "社保医保", 20, 1, true, 0, "《中华人民共和国社会保险法》第十条", [Form, IdCard]),
        new("TX-SB-003", "失业登记", "TX-HR", "社保医保", 20, 1, true, 0, "《就业服务与就业管理规定》第六十一条", [Form, IdCard, new("termination", "解除或终止劳动关系证明", 1, 1, true)]),
        new("TX-SB-004", "劳动人事争议调解申请", "TX-HR", "社保医保", 15, 5, false, 1, "《中华人民共和国劳动争议调解仲裁法》第十二条", [Form, IdCard, new("evidence", "劳动关系及争议事实证据", 1, 1, true)]),
        new("TX-WS-002", "生育登记", "TX-HEALTH", "婚育服务", 20, 1, true, 0, "《广东省人口与计划生育条例》", [Form, IdCard, new("marriage", "结婚证", 1, 1, true)]),
        new("TX-NL-001", "林木采伐许可证核发", "TX-AGRI", "农林水务", 20, 10, true, 1, "《中华人民共和国森林法》第五十六条", [Form, new("rights", "林木所有权证明", 1, 1, true), new("design", "伐区调查设计", 1, 0, true)]),
        new("TX-NL-002", "取水许可", "TX-AGRI", "农林水务", 45, 20, false, 1, "《取水许可和水资源费征收管理条例》第十条", [Form, Licence, new("study", "建设项目水资源论证报告", 1, 0, true)]),
        new("TX-HB-001", "建设项目环境影响报告表审批", "TX-ECO", "工程建设", 20, 15, true, 1, "《中华人民共和国环境影响评价法》第二十二条", [Form, Licence, new("report", "环境影响报告表", 1, 1, true)]),
        new("TX-AJ-001", "烟花爆竹经营（零售）许可", "TX-EMG", "企业开办", 20, 10, false, 1, "《烟花爆竹安全管理条例》第十九条", [Form, Licence, Premises, new("training", "安全管理人员培训合格证明", 1, 1, true)]),
        new("TX-XF-001", "公众聚集场所投入使用、营业前消防安全检查", "TX-FIRE", "企业开办", 10, 7, true, 1, "《中华人民共和国消防法》第十五条", [Form, Licence, new("self-check", "消防安全自查报告", 1, 0, true)]),
        new("TX-CG-001", "户外广告设施设置许可", "TX-CAE", "企业开办", 20, 10, true, 1, "《城市市容和环境卫生管理条例》第十一条", [Form, Licence, new("design", "广告设施设计图及效果图", 1, 1, true)]),
    ];

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.ServiceItems.AnyAsync(ct))
        {
            return;
        }

        var depts = await directory.IdsByCodeAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var s in Items)
        {
            var stages = s.Stages ?? [("审查", [s.Dept], ServicesRoles.Reviewer, Math.Max(1, s.Committed - 1)), ("决定", [s.Dept], ServicesRoles.Reviewer, 1)];
            var elements = new ServiceItemElements(
                s.Name, depts[s.Dept], s.Basis,
                "申请人符合法律法规规定的条件，材料齐全、符合法定形式。",
                s.Materials, s.Fees, s.Statutory, s.Committed, Place, Hours, s.Online, s.MaxVisits, s.Theme,
                stages.Select(x => new ProcessStage(x.Name, x.Depts.Select(d => depts[d]).ToList(), x.Role, x.Days)).ToList());
            var (item, version) = ServiceItem.Create(s.Code, elements, now);
            db.ServiceItems.Add(item);
            db.ServiceItemVersions.Add(version);
        }

        await db.SaveChangesAsync(ct);
    }
}
