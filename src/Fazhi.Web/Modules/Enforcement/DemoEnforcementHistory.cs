using System.Globalization;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement;

/// <summary>
/// The demo town's enforcement in 2019 at the scale of Tangxia's 2019 report (Fazhi:DemoHistory): 210 officers whose certificates
/// were in force at the end of 2019 (withdrawn since, when they were replaced or their holders left), 1,643 penalty decisions of
/// the fifteen enforcement departments (420 on the spot, 1,223 after filing and notice; 1,020 of these went to legality review,
/// 16 of them twice: 1,036 reviews), 352 licence decisions, the town's training of 70 officers in June and the December
/// evaluation of 27 files drawn from the fifteen departments. Every case is made through the domain's own steps by the people
/// of the time, at the 2019 instants they happened, decided, served, paid and closed in 2019, and published; nothing runs on.
/// One transaction: the year is loaded whole or not at all.
/// </summary>
public sealed class DemoEnforcementHistory(
    FazhiDbContext db, OrganisationDirectory directory, WorkingDayCalendar calendar, IConfiguration configuration, CaseService cases,
    DisclosureService disclosures, FileStore files, ILogger<DemoEnforcementHistory> log)
{
    private const int Year = FazhiModule.DemoHistoryYear;

    // The report's figures (shared/seed, Tangxia's 2019 report) the records must give.
    private const int ReportPenalties = 1643;
    private const int ReportLicences = 352;
    private const int ReportOfficers = 210;
    private const int ReportTrained = 70;
    private const int ReportEvaluated = 27;

    /// <summary>Ordinary cases sent to legality review; <see cref="ReturnedReviews"/> of them came back once and were reviewed again (1,036 reviews: "1000余").</summary>
    private const int ReviewedCases = 1020;

    private const int ReturnedReviews = 16;

    private const int BatchSize = 500;

    private static readonly DateOnly YearStart = new(Year, 1, 2);
    private static readonly DateOnly YearEnd = new(Year, 12, 31);

    /// <summary>Cases registered until then may take the long way (hearings, a returned review, a late payment); later ones close by mid-December.</summary>
    private static readonly DateOnly SlowUntil = new(Year, 9, 10);

    /// <summary>The December draw (集中核查会议): every 2019 file is closed before it, so anyone re-running a draw gets the same files.</summary>
    private static readonly DateOnly DrawnOn = new(Year, 12, 23);

    private static readonly DateOnly EvaluatedOn = new(Year, 12, 26);

    /// <summary>The number announced before the draws: each department's seed is 2019|code|8317.</summary>
    private const string Announced = "8317";

    private const string Presider = "欧阳志明";

    private static readonly int[] OrdinaryMonths = [5, 5, 10, 10, 11, 11, 11, 11, 10, 9, 0, 0];
    private static readonly int[] SpotMonths = [6, 5, 9, 9, 9, 9, 9, 9, 9, 9, 9, 2];
    private static readonly int[] LicenceMonths = [7, 6, 9, 9, 9, 9, 9, 9, 8, 8, 9, 8];

    private static readonly string[] Surnames = ["陈", "李", "张", "黄", "林", "刘", "叶", "钟", "罗", "何", "郑", "周", "吴", "邓", "谢", "梁", "赖", "曾", "袁", "莫"];

    private static readonly string[] Given =
    [
        "建国", "秀英", "志强", "丽娟", "海涛", "美华", "国平", "晓敏", "伟明", "淑芬", "俊杰", "小燕", "德胜", "玉兰", "文斌", "雪梅", "振华", "嘉欣", "永康", "惠玲",
        "锦荣", "少雄", "桂芳", "子轩",
    ];

    private static readonly string[] Places =
    [
        "塘厦大道", "迎宾大道", "花园街", "林村新村", "石潭埔", "蛟乙塘", "诸佛岭", "莆心湖", "凤凰岗", "大坪", "田心", "石马", "桥陇", "平山", "清湖头", "沙湖口",
    ];

    private static readonly ReviewPoint[] EvidencePoint = [ReviewPoint.Evidence];
    private static readonly ReviewPoint[] DiscretionPoint = [ReviewPoint.Discretion];

    private enum Who
    {
        Person,
        Organisation,
        Either,
    }

    /// <summary>A kind of violation a department penalised: the fine range of its 2019 benchmark entry (0 to 0: a warning only).</summary>
    private sealed record Story(string Matter, string Facts, string Provisions, string Basis, decimal Min, decimal Max, Who Who, bool PublicInterest = false);

    /// <summary>
    /// One enforcement department's 2019: officers, penalty decisions (of which on the spot), leads not filed, licence decisions,
    /// files drawn in December, what its licences were, what its firms are called, and what it penalised.
    /// </summary>
    private sealed record Line(
        string Code, string RulePrefix, int Officers, int Penalties, int OnTheSpot, int NotFiled, int Licences, int Drawn, string LicenceMatter, string[] Firms,
        Story[] Ordinary, Story[] Simple);

    private static readonly Line[] Lines =
    [
        new("TX-CAE", "CG", 40, 520, 220, 12, 15, 3, "户外广告设施设置许可", ["商贸有限公司", "餐饮店", "建筑工程有限公司", "土石方工程有限公司"],
        [
            new("违法建设", "当事人未取得建设工程规划许可证，在塘厦镇{place}擅自加建一层砖混结构建筑物。", "《中华人民共和国城乡规划法》第四十条第一款", "《中华人民共和国城乡规划法》第六十四条", 10000, 200000, Who.Either),
            new("占用城市道路堆放物料", "当事人未经批准在塘厦镇{place}占用城市道路堆放建筑材料，影响通行。", "《城市道路管理条例》第二十七条第（六）项", "《城市道路管理条例》第四十二条", 500, 20000, Who.Either),
            new("运输建筑垃圾沿途撒漏", "当事人运输建筑垃圾的车辆未采取密闭措施，在塘厦镇{place}沿途撒漏。", "《城市建筑垃圾管理规定》第十四条", "《城市建筑垃圾管理规定》第二十三条", 5000, 50000, Who.Organisation, true),
            new("擅自设置户外广告", "当事人未经批准在塘厦镇{place}擅自设置大型户外广告牌。", "《广东省城市市容和环境卫生管理规定》第十三条", "《广东省城市市容和环境卫生管理规定》第三十二条", 1000, 10000, Who.Organisation),
            new("露天焚烧垃圾", "当事人在塘厦镇{place}露天焚烧生活垃圾及杂物，产生烟尘污染。", "《中华人民共和国大气污染防治法》第七十七条", "《中华人民共和国大气污染防治法》第一百一十九条第二款", 500, 2000, Who.Person, true),
        ],
        [
            new("占道经营", "当事人在塘厦镇{place}人行道上摆卖水果，占用公共通道，经劝导后仍未改正。", "《城市市容和环境卫生管理条例》第十四条", "《城市市容和环境卫生管理条例》第三十六条", 50, 200, Who.Person),
            new("乱张贴小广告", "当事人在塘厦镇{place}的公共设施上张贴小广告二十余张。", "《城市市容和环境卫生管理条例》第十七条", "《城市市容和环境卫生管理条例》第三十四条", 50, 100, Who.Person),
            new("店外经营", "当事人经营的店铺在塘厦镇{place}超出门窗在店外摆放商品经营。", "《城市市容和环境卫生管理条例》第十四条", "《城市市容和环境卫生管理条例》第三十六条", 500, 2000, Who.Organisation),
        ]),
        new("TX-MSA", "SC", 32, 430, 90, 8, 135, 3, "食品经营许可", ["商贸有限公司", "便利店", "餐饮店", "电子科技有限公司", "百货商行"],
        [
            new("销售超过保质期的食品", "当事人在其位于塘厦镇{place}的经营场所销售超过保质期的预包装食品，货值金额不足一万元。", "《中华人民共和国食品安全法》第三十四条第（十）项", "《中华人民共和国食品安全法》第一百二十四条第一款", 50000, 100000, Who.Either, true),
            new("未按规定明码标价", "当事人经营的店铺未按规定对所售商品明码标价。", "《中华人民共和国价格法》第十三条第一款", "《价格违法行为行政处罚规定》第十三条", 500, 5000, Who.Either),
            new("销售不合格产品", "当事人在塘厦镇{place}销售经抽检不合格的电线电缆产品，货值金额人民币八千余元。", "《中华人民共和国产品质量法》第三十九条", "《中华人民共和国产品质量法》第五十条", 4000, 24000, Who.Organisation, true),
            new("发布虚假广告", "当事人在其微信公众号发布含有虚假内容的商品广告。", "《中华人民共和国广告法》第二十八条", "《中华人民共和国广告法》第五十五条第一款", 20000, 300000, Who.Organisation, true),
            new("特种设备未经定期检验继续使用", "当事人使用的一台电梯超过检验有效期未申请定期检验，仍继续使用。", "《中华人民共和国特种设备安全法》第四十条", "《中华人民共和国特种设备安全法》第八十四条第（一）项", 30000, 300000, Who.Organisation, true),
            new("未取得食品经营许可从事食品经营", "当事人未取得食品经营许可，在塘厦镇{place}从事食品销售活动。", "《中华人民共和国食品安全法》第三十五条第一款", "《中华人民共和国食品安全法》第一百二十二条第一款", 50000, 100000, Who.Either, true),
        ],
        [
            new("未明码标价", "当事人在塘厦镇{place}经营的摊档未对所售商品明码标价。", "《中华人民共和国价格法》第十三条第一款", "《价格违法行为行政处罚规定》第十三条", 50, 3000, Who.Either),
            new("食品从业人员未取得健康证明上岗", "当事人经营的餐饮店内一名从业人员未取得健康证明从事接触直接入口食品的工作。", "《中华人民共和国食品安全法》第四十五条", "《中华人民共和国食品安全法》第一百二十六条第一款第（六）项", 0, 0, Who.Organisation),
        ]),
        new("TX-ECO", "HB", 14, 90, 0, 0, 5, 2, "排污许可", ["五金制品厂", "塑胶制品有限公司", "电子科技有限公司", "餐饮店"],
        [
            new("超标排放水污染物", "当事人生产废水经检测化学需氧量超过国家排放标准。", "《中华人民共和国水污染防治法》第十条", "《中华人民共和国水污染防治法》第八十三条第（二）项", 100000, 1000000, Who.Organisation, true),
            new("建设项目未依法报批环境影响评价文件擅自开工建设", "当事人未依法报批建设项目环境影响报告表，擅自开工建设注塑生产线。", "《中华人民共和国环境影响评价法》第二十五条", "《中华人民共和国环境影响评价法》第三十一条第一款", 20000, 200000, Who.Organisation, true),
            new("未按规定贮存危险废物", "当事人将废机油等危险废物露天堆放，未设置危险废物识别标志。", "《中华人民共和国固体废物污染环境防治法》第五十二条", "《中华人民共和国固体废物污染环境防治法》第七十五条第一款", 10000, 100000, Who.Organisation, true),
            new("餐饮油烟未经处理直接排放", "当事人经营的餐馆未安装油烟净化设施，油烟直接排放。", "《中华人民共和国大气污染防治法》第八十一条第一款", "《中华人民共和国大气污染防治法》第一百一十八条第一款", 5000, 50000, Who.Either, true),
        ],
        []),
        new("TX-EMG", "AJ", 14, 110, 10, 0, 12, 2, "危险化学品经营许可", ["五金制品厂", "塑胶制品有限公司", "化工有限公司", "家具厂"],
        [
            new("未在有较大危险因素的场所设置安全警示标志", "当事人在其生产车间的危险作业场所未设置明显的安全警示标志。", "《中华人民共和国安全生产法》第三十二条", "《中华人民共和国安全生产法》第九十六条第（一）项", 1000, 50000, Who.Organisation, true),
            new("未按规定对从业人员进行安全生产教育和培训", "当事人未对新入职的从业人员进行岗前安全生产教育和培训。", "《中华人民共和国安全生产法》第二十五条第一款", "《中华人民共和国安全生产法》第九十四条第（三）项", 1000, 50000, Who.Organisation, true),
            new("未如实记录事故隐患排查治理情况", "当事人未建立事故隐患排查治理台账，未如实记录隐患排查治理情况。", "《中华人民共和国安全生产法》第三十八条第一款", "《中华人民共和国安全生产法》第九十四条第（五）项", 1000, 50000, Who.Organisation, true),
            new("危险化学品储存不符合国家标准", "当事人将易燃液体与氧化剂混存于同一仓库。", "《危险化学品安全管理条例》第二十四条", "《危险化学品安全管理条例》第八十条第一款第（四）项", 50000, 100000, Who.Organisation, true),
        ],
        [
            new("安全出口指示标志损坏未及时维修", "当事人经营的车间安全出口指示标志损坏未及时维修。", "《中华人民共和国安全生产法》第三十二条", "《中华人民共和国安全生产法》第九十六条第（一）项", 1000, 3000, Who.Organisation),
        ]),
        new("TX-LAND", "ZR", 10, 45, 0, 0, 0, 2, "", ["实业有限公司", "石场", "物流有限公司"],
        [
            new("非法占用土地建设", "当事人未经批准占用集体土地约三百平方米建设厂房。", "《中华人民共和国土地管理法》第四十三条", "《中华人民共和国土地管理法实施条例》第四十二条", 1000, 30000, Who.Either),
            new("非法采矿", "当事人未取得采矿许可证，擅自在塘厦镇{place}山地开采建筑用砂石。", "《中华人民共和国矿产资源法》第三条第三款", "《中华人民共和国矿产资源法》第三十九条", 10000, 100000, Who.Either, true),
        ],
        []),
        new("TX-BUILD", "ZJ", 12, 60, 0, 0, 25, 2, "建筑工程施工许可", ["建筑工程有限公司", "房地产开发有限公司", "实业有限公司"],
        [
            new("未取得施工许可证擅自施工", "当事人未取得施工许可证，擅自开工建设厂房工程。", "《中华人民共和国建筑法》第七条", "《建设工程质量管理条例》第五十七条", 20000, 200000, Who.Organisation, true),
            new("施工工地扬尘防治措施不到位", "当事人施工工地未对裸露土方进行覆盖，运输车辆未冲洗出场。", "《中华人民共和国大气污染防治法》第六十九条", "《中华人民共和国大气污染防治法》第一百一十五条第一款", 10000, 100000, Who.Organisation, true),
            new("未按规定办理工程竣工验收备案", "当事人工程竣工验收合格后，未在规定期限内办理竣工验收备案。", "《建设工程质量管理条例》第四十九条", "《房屋建筑和市政基础设施工程竣工验收备案管理办法》第九条", 200000, 500000, Who.Organisation),
        ],
        []),
        new("TX-PLAN", "GH", 8, 30, 0, 0, 30, 1, "建设工程规划许可", ["实业有限公司", "房地产开发有限公司", "股份经济合作社"],
        [
            new("未按照建设工程规划许可证的规定进行建设", "当事人未按建设工程规划许可证核定的层数建设，超建一层。", "《中华人民共和国城乡规划法》第四十条", "《中华人民共和国城乡规划法》第六十四条", 10000, 100000, Who.Either),
            new("临时建筑逾期未拆除", "当事人经批准的临时建筑使用期限届满后逾期未拆除。", "《中华人民共和国城乡规划法》第四十四条", "《中华人民共和国城乡规划法》第六十六条第（三）项", 5000, 50000, Who.Either),
        ],
        []),
        new("TX-HR", "RS", 8, 40, 0, 0, 5, 1, "劳务派遣经营许可", ["电子厂", "制衣厂", "人力资源有限公司", "鞋业有限公司"],
        [
            new("违反规定延长劳动者工作时间", "当事人安排劳动者每月加班时间超过法定上限。", "《中华人民共和国劳动法》第四十一条", "《劳动保障监察条例》第二十五条", 2000, 20000, Who.Organisation),
            new("使用童工", "当事人招用一名未满十六周岁的未成年人从事生产劳动。", "《禁止使用童工规定》第二条", "《禁止使用童工规定》第六条第一款", 5000, 30000, Who.Organisation, true),
            new("未按规定进行劳动用工备案", "当事人招用劳动者未按规定办理劳动用工备案。", "《就业服务与就业管理规定》第六十二条", "《就业服务与就业管理规定》第七十五条", 500, 1000, Who.Organisation),
        ],
        []),
        new("TX-HEALTH", "WJ", 10, 70, 20, 0, 40, 2, "公共场所卫生许可", ["美容店", "理发店", "酒店", "诊所"],
        [
            new("公共场所未取得卫生许可证擅自营业", "当事人经营的美容店未取得公共场所卫生许可证擅自营业。", "《公共场所卫生管理条例》第八条", "《公共场所卫生管理条例实施细则》第三十五条第一款", 500, 5000, Who.Either, true),
            new("非法行医", "当事人未取得医疗机构执业许可证，擅自在塘厦镇{place}开展诊疗活动。", "《医疗机构管理条例》第二十四条", "《医疗机构管理条例》第四十四条", 3000, 10000, Who.Person, true),
            new("医疗废物未按规定分类收集", "当事人诊所未按照规定对医疗废物进行分类收集，与生活垃圾混放。", "《医疗废物管理条例》第十六条", "《医疗废物管理条例》第四十六条", 5000, 30000, Who.Organisation, true),
        ],
        [
            new("公共场所从业人员未取得健康合格证明", "当事人经营的理发店一名从业人员未取得有效健康合格证明。", "《公共场所卫生管理条例实施细则》第十条", "《公共场所卫生管理条例实施细则》第三十八条", 500, 3000, Who.Organisation),
        ]),
        new("TX-TRANS", "JT", 12, 95, 50, 0, 30, 2, "道路货物运输经营许可", ["运输有限公司", "物流有限公司", "汽车客运有限公司"],
        [
            new("未取得道路运输经营许可擅自从事道路客运经营", "当事人驾驶未取得道路运输证的小型客车在塘厦镇{place}从事客运经营。", "《中华人民共和国道路运输条例》第十条", "《中华人民共和国道路运输条例》第六十四条", 30000, 100000, Who.Person, true),
            new("车辆超限运输", "当事人驾驶的货运车辆车货总质量超过限定标准，在塘厦镇{place}被查获。", "《公路安全保护条例》第三十三条", "《公路安全保护条例》第六十四条", 1000, 30000, Who.Either, true),
            new("未按规定维护和检测运输车辆", "当事人未按规定对其营运车辆进行二级维护和综合性能检测。", "《中华人民共和国道路运输条例》第三十条", "《中华人民共和国道路运输条例》第七十条第一款", 1000, 5000, Who.Organisation),
        ],
        [
            new("出租汽车驾驶员未按规定使用计价器", "当事人驾驶出租汽车在塘厦镇{place}载客时未按规定使用计价器。", "《巡游出租汽车经营服务管理规定》第二十八条", "《巡游出租汽车经营服务管理规定》第四十六条", 50, 200, Who.Person),
            new("营运车辆未随车携带道路运输证", "当事人驾驶的营运货车未随车携带道路运输证，在塘厦镇{place}被查获。", "《中华人民共和国道路运输条例》第三十三条", "《中华人民共和国道路运输条例》第六十八条", 20, 200, Who.Person),
        ]),
        new("TX-AGRI", "NS", 8, 35, 0, 0, 7, 1, "取水许可", ["农业发展有限公司", "农资店", "养殖场"],
        [
            new("未经批准擅自取水", "当事人未取得取水许可证，擅自抽取地下水用于生产。", "《中华人民共和国水法》第四十八条", "《中华人民共和国水法》第六十九条第（一）项", 20000, 100000, Who.Organisation, true),
            new("在河道管理范围内建设妨碍行洪的建筑物", "当事人未经批准在塘厦镇{place}河道管理范围内搭建简易棚房。", "《中华人民共和国水法》第三十七条第二款", "《中华人民共和国水法》第六十五条第一款", 10000, 50000, Who.Either, true),
            new("销售国家禁用农药", "当事人在其农资店内销售国家禁止使用的农药。", "《农药管理条例》第三十四条", "《农药管理条例》第五十七条", 5000, 50000, Who.Either, true),
        ],
        []),
        new("TX-CULT", "WL", 8, 40, 10, 0, 22, 1, "娱乐场所经营许可", ["网吧", "娱乐有限公司", "文化传播有限公司"],
        [
            new("互联网上网服务营业场所接纳未成年人", "当事人经营的网吧接纳未成年人进入营业场所上网。", "《互联网上网服务营业场所管理条例》第二十一条", "《互联网上网服务营业场所管理条例》第三十一条第（二）项", 2000, 15000, Who.Organisation, true),
            new("娱乐场所未按规定设置未成年人禁入标志", "当事人经营的歌舞娱乐场所未在显著位置设置未成年人禁入标志。", "《娱乐场所管理条例》第三十条", "《娱乐场所管理条例》第四十九条", 1000, 10000, Who.Organisation),
            new("擅自从事营业性演出经营活动", "当事人未取得营业性演出许可证，擅自举办营业性演出。", "《营业性演出管理条例》第六条", "《营业性演出管理条例》第四十三条第一款", 50000, 150000, Who.Organisation, true),
        ],
        [
            new("网吧未在显著位置悬挂许可证件", "当事人经营的网吧未在营业场所的显著位置悬挂网络文化经营许可证。", "《互联网上网服务营业场所管理条例》第二十二条", "《互联网上网服务营业场所管理条例》第三十二条第（一）项", 500, 3000, Who.Organisation),
        ]),
        new("TX-FIRE", "XF", 10, 50, 10, 0, 20, 2, "公众聚集场所投入使用、营业前消防安全检查", ["酒店", "商场有限公司", "家具厂", "电子厂"],
        [
            new("消防设施、器材未保持完好有效", "当事人经营场所的室内消火栓无水、灭火器过期失效。", "《中华人民共和国消防法》第十六条第一款第（二）项", "《中华人民共和国消防法》第六十条第一款第（一）项", 5000, 50000, Who.Organisation, true),
            new("占用、堵塞、封闭疏散通道、安全出口", "当事人在其厂房内堆放货物，堵塞疏散通道和安全出口。", "《中华人民共和国消防法》第二十八条", "《中华人民共和国消防法》第六十条第一款第（三）项", 5000, 50000, Who.Organisation, true),
            new("公众聚集场所未经消防安全检查擅自投入使用", "当事人经营的酒店未经消防安全检查擅自投入使用、营业。", "《中华人民共和国消防法》第十五条第二款", "《中华人民共和国消防法》第五十八条第一款第（四）项", 30000, 300000, Who.Organisation, true),
        ],
        [
            new("个人占用疏散通道", "当事人在出租屋楼梯间停放电动自行车，占用疏散通道。", "《中华人民共和国消防法》第二十八条", "《中华人民共和国消防法》第六十条第二款", 50, 200, Who.Person),
        ]),
        new("TX-POLICE", "GA", 16, 20, 10, 0, 0, 2, "", ["旅馆", "酒店", "娱乐有限公司"],
        [
            new("旅馆未对住宿旅客查验身份", "当事人经营的旅馆未对住宿旅客的身份进行查验，为身份不明的人员提供住宿服务。", "《中华人民共和国反恐怖主义法》第二十一条", "《中华人民共和国反恐怖主义法》第八十六条第二款", 100000, 500000, Who.Organisation, true),
            new("娱乐场所未按规定建立从业人员名簿", "当事人经营的娱乐场所未按规定建立从业人员名簿、营业日志。", "《娱乐场所管理条例》第二十五条", "《娱乐场所管理条例》第五十条", 0, 0, Who.Organisation),
            new("出租房屋未按规定登记承租人信息", "当事人将房屋出租给他人居住，未按规定登记承租人的姓名、身份证件种类和号码。", "《租赁房屋治安管理规定》第七条", "《租赁房屋治安管理规定》第九条第（一）项", 200, 500, Who.Person),
        ],
        [
            new("出租屋未按规定办理登记", "当事人在塘厦镇{place}出租房屋，未按规定向公安机关办理登记手续。", "《租赁房屋治安管理规定》第六条", "《租赁房屋治安管理规定》第九条第（一）项", 50, 200, Who.Person),
        ]),
        new("TX-EDU", "JY", 8, 8, 0, 0, 6, 1, "民办学校办学许可", ["培训中心", "教育科技有限公司", "文化艺术培训中心"],
        [
            new("未经批准擅自举办民办培训机构", "当事人未取得办学许可证，擅自在塘厦镇{place}举办学科类培训班。", "《中华人民共和国民办教育促进法》第十二条", "《中华人民共和国民办教育促进法》第六十四条", 5000, 50000, Who.Either, true),
            new("民办培训机构发布虚假招生简章", "当事人发布的招生简章未经审批机关备案，含有夸大办学条件的内容。", "《中华人民共和国民办教育促进法》第四十二条", "《中华人民共和国民办教育促进法》第六十二条", 0, 0, Who.Organisation),
        ],
        []),
    ];

    private enum Track
    {
        Ordinary,
        OnTheSpot,
        NotFiled,
    }

    private enum Tier
    {
        /// <summary>Not a major decision: no legality review.</summary>
        General,

        /// <summary>Reviewed as involving major public interest or as complex (第58条 (一)(三)), the fine below the major list.</summary>
        Flagged,

        /// <summary>A fine on the department's list of major decisions: reviewed, and heard when the party may ask.</summary>
        Major,
    }

    private enum Statement
    {
        Recorded,
        Waived,
        Lapsed,
    }

    private enum Hearing
    {
        None,
        Waived,
        Held,
    }

    /// <summary>A department as the year is loaded: its unit, rules, officers and benchmark entries.</summary>
    private sealed class Dept(Line line, OrgUnit unit, DepartmentRules rules, string prefix)
    {
        public Line Line { get; } = line;

        public OrgUnit Unit { get; } = unit;

        public DepartmentRules Rules { get; } = rules;

        /// <summary>Short name in numbers: 塘综执罚〔2019〕12号.</summary>
        public string Prefix { get; } = prefix;

        public List<Officer> Officers { get; } = [];

        public Dictionary<Story, DiscretionRule> RuleOf { get; } = [];

        public Officer Head => Officers[0];
    }

    /// <summary>One case of the year, every choice and day settled before any step is taken.</summary>
    private sealed class Plan(Dept dept, Track track, DateOnly registered, Officer lead, Officer second, LegalReviewer reviewer, string place)
    {
        private Story? _story;

        private CaseParty? _party;

        public Dept Dept { get; } = dept;

        public Track Track { get; } = track;

        public DateOnly Registered { get; } = registered;

        public Officer Lead { get; } = lead;

        public Officer Second { get; } = second;

        /// <summary>The legality reviewer of the time who reviews it, when it is reviewed.</summary>
        public LegalReviewer Reviewer { get; } = reviewer;

        public string Place { get; } = place;

        public bool Slow => Registered <= SlowUntil;

        public bool Reviewed { get; set; }

        public bool Returned { get; set; }

        public Tier Tier { get; set; }

        public Story Story => _story ?? throw new InvalidOperationException("The case has no violation yet.");

        public CaseParty Party => _party ?? throw new InvalidOperationException("The case has no party yet.");

        public CaseSource Source { get; set; }

        public string? SourceNote { get; set; }

        public PenaltyKind Penalty { get; set; }

        public decimal Fine { get; set; }

        public DateOnly ActOn { get; set; }

        public DateOnly Filed { get; set; }

        public bool Photo { get; set; }

        public DateOnly Notice { get; set; }

        public Statement Statement { get; set; }

        public DateOnly? StatementOn { get; set; }

        public Hearing Hearing { get; set; }

        public DateOnly? HearingWaivedOn { get; set; }

        public DateOnly? HearingRequestedOn { get; set; }

        public DateOnly? HearingNoticedOn { get; set; }

        public DateOnly? HearingOn { get; set; }

        public DateOnly? Submitted { get; set; }

        public DateOnly? ReturnedOn { get; set; }

        public DateOnly? Resubmitted { get; set; }

        public DateOnly? PassedOn { get; set; }

        public DateOnly? DiscussedOn { get; set; }

        public DateOnly Decided { get; set; }

        public DateOnly PublishedOn { get; set; }

        public DateOnly Served { get; set; }

        public ServiceMethod Method { get; set; }

        public DateOnly? PaidOn { get; set; }

        public DateOnly? PaymentRecordedOn { get; set; }

        public DateOnly Closed { get; set; }

        public DateOnly? Archived { get; set; }

        public string Number { get; set; } = "";

        public string? NoticeNumber { get; set; }

        public string? DecisionNumber { get; set; }

        public string? FileNumber { get; set; }

        public Guid CaseId { get; set; }

        /// <summary>What was done, by whom, and what the penalty is.</summary>
        public void Settle(Story story, CaseParty party, PenaltyKind penalty, decimal fine) => (_story, _party, Penalty, Fine) = (story, party, penalty, fine);
    }

    private readonly Random _rnd = new(20191231);

    private Dept? _dept;

    private LegalReviewer? _reviewer;

    private DateTime _last;

    public async Task LoadAsync(CancellationToken ct = default)
    {
        var (from, to) = (new DateOnly(Year, 1, 1), YearEnd);
        if (await db.EnforcementCases.AnyAsync(c => c.DecidedOn >= from && c.DecidedOn <= to, ct))
        {
            return;
        }

        var units = (await directory.UnitsAsync(ct)).Values.ToDictionary(u => u.Code, StringComparer.Ordinal);
        // The history is the demo town's: its fifteen enforcement departments by their codes.
        if (Lines.Any(l => !units.TryGetValue(l.Code, out var u) || !u.EnforcesLaw))
        {
            return;
        }

        if (Lines.Sum(l => l.Penalties) != ReportPenalties || Lines.Sum(l => l.Licences) != ReportLicences || Lines.Sum(l => l.Officers) != ReportOfficers
            || Lines.Sum(l => l.Drawn) != ReportEvaluated || (Lines.Sum(l => l.Officers) + 2) / 3 != ReportTrained || Lines.Sum(l => l.Penalties - l.OnTheSpot) < ReviewedCases)
        {
            throw new InvalidOperationException("The 2019 enforcement history's table does not add up to the report's figures.");
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var departments = Lines.Select(l => new Dept(l, units[l.Code], DepartmentRules.For(configuration, l.Code), DepartmentRules.For(configuration, l.Code).Abbreviation ?? l.Code))
            .ToList();
        var law = units.TryGetValue("TX-LAW", out var office) ? office.Id : departments[0].Unit.Id;
        // The proofs of service and the waivers point at one picture of a signed paper each (the current demo's, kept once).
        var receipt = await PaperAsync("送达回证（演示，受送达人签收）", ct);
        var waiver = await PaperAsync("放弃陈述、申辩权利声明（演示，当事人签名）", ct);

        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var tx = await db.BeginWriteAsync(ct);
            var reviewers = await PeopleAsync(departments, law, ct);
            var plans = PlanYear(departments, reviewers);
            await NumberAsync(departments, plans, ct);

            var licences = await LicencesAsync(departments, ct);

            var batch = 0;
            foreach (var p in plans.OrderBy(p => p.Registered))
            {
                var (c, publication) = Make(p, receipt, waiver);
                p.CaseId = c.Id;
                db.EnforcementCases.Add(c);
                if (publication is not null)
                {
                    db.Publications.Add(publication);
                }

                if (++batch == BatchSize)
                {
                    await SaveAsync(ct);
                    batch = 0;
                }
            }

            await SaveAsync(ct);
            var evaluated = Evaluate(departments, plans);
            await SaveAsync(ct);
            await tx.CommitAsync(ct);
            log.LogInformation(
                "Enforcement history of {Year}: {Penalties} penalty decisions, {Reviews} legality reviews, {Licences} licences, {Officers} officers, {Files} files evaluated, in {Ms} ms",
                Year, plans.Count(p => p.Track != Track.NotFiled), ReviewedCases + ReturnedReviews, licences, departments.Sum(d => d.Officers.Count), evaluated,
                (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
        }
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>A picture of a signed paper, kept once in the file store (the same text gives the same file as the current demo's).</summary>
    private async Task<StoredFile> PaperAsync(string text, CancellationToken ct)
    {
        using var qr = new QRCoder.QRCodeGenerator().CreateQrCode(text, QRCoder.QRCodeGenerator.ECCLevel.M);
        await using var png = new MemoryStream(new QRCoder.PngByteQRCode(qr).GetGraphic(6));
        return await files.SaveAsync(png, "file", FileKinds.Documents, ct);
    }

    /// <summary>
    /// The officers of 2019 with the certificates they held then (issued 2015-2018 for five years, withdrawn since 2020 when they
    /// were replaced or their holders left, so none is in force today and none raises an alert), the two legality reviewers of
    /// the time (no longer reviewing), the departments' 2019 discretion benchmarks, and the town's June training of 70 officers.
    /// </summary>
    private async Task<LegalReviewer[]> PeopleAsync(List<Dept> departments, Guid law, CancellationToken ct)
    {
        var names = new HashSet<string>(StringComparer.Ordinal) { "刘慧敏", "陈国栋", Presider };
        var serial = 1;
        var all = new List<Officer>();
        foreach (var d in departments)
        {
            var area = d.Unit.Name.Replace("分局", "", StringComparison.Ordinal).Replace("局", "", StringComparison.Ordinal);
            for (var i = 0; i < d.Line.Officers; i++)
            {
                string name;
                do
                {
                    name = Surnames[_rnd.Next(Surnames.Length)] + Given[_rnd.Next(Given.Length)];
                }
                while (!names.Add(name));

                var validFrom = new DateOnly(2015 + (i % 4), 1 + ((i * 5 + d.Line.Officers) % 12), 1);
                var validUntil = validFrom.AddYears(5).AddDays(-1);
                // Withdrawn (注销) after 2019: on replacement by a new certificate, or when the holder left.
                var latest = validUntil < new DateOnly(2023, 6, 30) ? validUntil : new DateOnly(2023, 6, 30);
                var first = new DateOnly(2020, 1, 6);
                var withdrawn = latest <= first ? validUntil.AddDays(1) : first.AddDays(_rnd.Next(latest.DayNumber - first.DayNumber + 1));
                var officer = new Officer
                {
                    Id = Guid.CreateVersion7(), DepartmentId = d.Unit.Id, Name = name,
                    CertificateNumber = string.Create(CultureInfo.InvariantCulture, $"粤执{validFrom.Year % 100:00}{serial++:000000}"),
                    Area = area, Category = "行政处罚、行政检查、行政强制", ValidFrom = validFrom, ValidUntil = validUntil,
                    ExamPassedOn = validFrom.AddDays(-30), ExamScore = 65 + _rnd.Next(35), TrainingHours = 30 + _rnd.Next(40),
                    Status = CertificateStatus.Revoked, StatusSince = withdrawn, UserName = null, IsHead = i == 0, RowVersion = Guid.NewGuid(),
                };
                d.Officers.Add(officer);
                all.Add(officer);
            }
        }

        // 行政执法人员培训班, two sessions in June: every third officer of the town, 70 in all.
        for (var i = 0; i < all.Count; i += 3)
        {
            var second = i / 3 % 2 == 1;
            var held = new DateOnly(Year, 6, second ? 25 : 18);
            var training = OfficerTraining.Record(all[i], $"{Year}年塘厦镇行政执法人员培训班（{(second ? "第二期" : "第一期")}）", held, 16m, "依法治镇办", "依法治镇办",
                ChinaTime.StartOfDayUtc(held.AddDays(3)).AddHours(10));
            all[i].TrainingHours += training.Hours;
            db.OfficerTrainings.Add(training);
        }

        db.Officers.AddRange(all);

        // The legality reviewers of the time, as their entries stand now (no longer reviewing) and as they were in 2019.
        LegalReviewer[] then =
        [
            new() { Id = Guid.CreateVersion7(), UserName = "liuhuimin", Name = "刘慧敏", DepartmentId = law, HasLegalQualification = true, ReviewingSince = new DateOnly(2016, 4, 1) },
            new() { Id = Guid.CreateVersion7(), UserName = "chenguodong", Name = "陈国栋", DepartmentId = law, HasLegalQualification = false, ReviewingSince = new DateOnly(2017, 9, 1) },
        ];
        foreach (var r in then)
        {
            if (!await db.LegalReviewers.AnyAsync(x => x.UserName == r.UserName, ct))
            {
                db.LegalReviewers.Add(new LegalReviewer
                {
                    Id = r.Id, UserName = r.UserName, Name = r.Name, DepartmentId = r.DepartmentId, HasLegalQualification = r.HasLegalQualification,
                    ReviewingSince = r.ReviewingSince, IsActive = false,
                });
            }
        }

        // The 2019 benchmark entries, in force from 2018 until they were revised for the 2021 law.
        var from = new DateOnly(2018, 1, 1);
        var until = LegalReviewer.LawInForce.AddDays(-1);
        foreach (var d in departments)
        {
            var n = 1;
            foreach (var (story, simple) in d.Line.Ordinary.Select(s => (s, false)).Concat(d.Line.Simple.Select(s => (s, true))))
            {
                var rule = new DiscretionRule
                {
                    Id = Guid.CreateVersion7(), DepartmentId = d.Unit.Id, Kind = DiscretionKind.Benchmark,
                    Code = string.Create(CultureInfo.InvariantCulture, $"{d.Line.RulePrefix}-2018-{n++:00}"), Violation = story.Matter,
                    Provision = $"{story.Provisions}、{story.Basis}", Circumstance = simple ? "违法事实确凿、情节轻微，当场处罚" : "一般",
                    Measure = story.Max == 0 ? "责令改正，给予警告" : $"处{Texts.Yuan(story.Min)}元以上{Texts.Yuan(story.Max)}元以下罚款",
                    MinFine = story.Max == 0 ? null : story.Min, MaxFine = story.Max == 0 ? null : story.Max, EffectiveFrom = from, EffectiveTo = until,
                };
                d.RuleOf[story] = rule;
                db.DiscretionRules.Add(rule);
            }
        }

        await SaveAsync(ct);
        return then;
    }

    /// <summary>Every case of the year: the department's, when it came in, which way it went, and each day of it.</summary>
    private List<Plan> PlanYear(List<Dept> departments, LegalReviewer[] reviewers)
    {
        var plans = new List<Plan>();
        Plan NewPlan(Dept d, Track track, int[] months, DateOnly last)
        {
            // Two of the department's officers, the lead first; the reviewers take turns.
            var i = _rnd.Next(d.Officers.Count);
            var j = (i + 1 + _rnd.Next(d.Officers.Count - 1)) % d.Officers.Count;
            return new Plan(d, track, DayIn(months, YearStart, last), d.Officers[i], d.Officers[j], reviewers[plans.Count % reviewers.Length], Places[_rnd.Next(Places.Length)]);
        }

        foreach (var d in departments)
        {
            for (var i = 0; i < d.Line.Penalties - d.Line.OnTheSpot; i++)
            {
                plans.Add(NewPlan(d, Track.Ordinary, OrdinaryMonths, new DateOnly(Year, 10, 31)));
            }

            for (var i = 0; i < d.Line.OnTheSpot; i++)
            {
                plans.Add(NewPlan(d, Track.OnTheSpot, SpotMonths, new DateOnly(Year, 12, 6)));
            }

            for (var i = 0; i < d.Line.NotFiled; i++)
            {
                plans.Add(NewPlan(d, Track.NotFiled, OrdinaryMonths, new DateOnly(Year, 10, 31)));
            }
        }

        // Which ordinary cases went to legality review, and which of the early ones came back once.
        var ordinary = plans.Where(p => p.Track == Track.Ordinary).ToList();
        var reviewed = Shuffled(ordinary).Take(ReviewedCases).ToList();
        foreach (var p in reviewed)
        {
            p.Reviewed = true;
        }

        foreach (var p in Shuffled(reviewed.Where(p => p.Slow).ToList()).Take(ReturnedReviews))
        {
            p.Returned = true;
        }

        foreach (var p in plans)
        {
            var d = p.Dept;
            p.Source = p.Track == Track.OnTheSpot ? CaseSource.Inspection : (_rnd.Next(20)) switch
            {
                < 10 => CaseSource.Inspection,
                < 16 => CaseSource.Complaint,
                < 19 => CaseSource.Referral,
                _ => CaseSource.Transfer,
            };
            p.SourceNote = p.Source switch
            {
                CaseSource.Complaint => d.Line.Code == "TX-MSA" ? "12315热线" : "12345热线",
                CaseSource.Referral => "上级交办",
                CaseSource.Transfer => "其他部门移送",
                _ => null,
            };
            switch (p.Track)
            {
                case Track.OnTheSpot:
                    ChooseOnTheSpot(p);
                    ScheduleOnTheSpot(p);
                    break;
                case Track.NotFiled:
                    if (!Choose(p, Tier.General))
                    {
                        throw new InvalidOperationException($"No 2019 benchmark entry of {d.Line.Code} fits a lead.");
                    }

                    p.ActOn = Later(YearStart, p.Registered.AddDays(-_rnd.Next(20)));
                    p.Closed = calendar.AddWorkingDays(p.Registered, 1 + _rnd.Next(3));
                    break;
                default:
                    var tier = !p.Reviewed ? Tier.General : _rnd.Next(100) < 35 ? Tier.Major : Tier.Flagged;
                    if (!Choose(p, tier) && !(tier == Tier.Major && Choose(p, Tier.Flagged)))
                    {
                        throw new InvalidOperationException($"No 2019 benchmark entry of {d.Line.Code} fits a {tier} case.");
                    }

                    Schedule(p);
                    break;
            }

            if (p.Closed >= DrawnOn || p.Archived > YearEnd || (p.Track != Track.NotFiled && p.PublishedOn > YearEnd))
            {
                throw new InvalidOperationException($"A 2019 case of {d.Line.Code} would close on {p.Closed:yyyy-MM-dd}, after the December draw.");
            }
        }

        return plans;
    }

    /// <summary>The violation, the party, the penalty and the fine of an ordinary case of the tier (false: none of the department's entries fits).</summary>
    private bool Choose(Plan p, Tier tier)
    {
        var rules = p.Dept.Rules;
        var stories = p.Dept.Line.Ordinary;
        for (var attempt = 0; attempt < 40; attempt++)
        {
            var s = stories[_rnd.Next(stories.Length)];
            var kind = s.Who switch
            {
                Who.Person => PartyKind.Person,
                Who.Organisation => PartyKind.Organisation,
                _ => _rnd.Next(2) == 0 ? PartyKind.Person : PartyKind.Organisation,
            };
            if (s.Max == 0)
            {
                // A warning: never a major decision.
                if (tier != Tier.General)
                {
                    continue;
                }

                Set(p, s, kind, PenaltyKind.Warning, 0);
                p.Tier = tier;
                return true;
            }

            var major = kind == PartyKind.Person ? rules.ReviewFinePerson : rules.ReviewFineOrganisation;
            var heard = kind == PartyKind.Person ? rules.HearingFinePerson : rules.HearingFineOrganisation;
            // A major fine is on the department's list; any other stays below both the list and the hearing threshold.
            var (lo, hi) = tier == Tier.Major ? (Math.Max(s.Min, major), s.Max) : (s.Min, Math.Min(s.Max, Math.Min(major, heard) - 1));
            if (lo > hi || hi <= 0)
            {
                continue;
            }

            Set(p, s, kind, PenaltyKind.Fine, Amount(Math.Max(lo, 1), hi));
            p.Tier = tier;
            return true;
        }

        return false;
    }

    private void ChooseOnTheSpot(Plan p)
    {
        var s = p.Dept.Line.Simple[_rnd.Next(p.Dept.Line.Simple.Length)];
        var kind = s.Who switch
        {
            Who.Person => PartyKind.Person,
            Who.Organisation => PartyKind.Organisation,
            _ => _rnd.Next(3) == 0 ? PartyKind.Organisation : PartyKind.Person,
        };
        var hi = Math.Min(s.Max, EnforcementCase.SimpleLimit(kind));
        // 第51条: a warning, or a small fine within the limit on the spot.
        if (s.Max == 0 || hi < s.Min || _rnd.Next(12) == 0)
        {
            Set(p, s, kind, PenaltyKind.Warning, 0);
        }
        else
        {
            Set(p, s, kind, PenaltyKind.Fine, Amount(Math.Max(s.Min, 1), hi));
        }
    }

    private void Set(Plan p, Story s, PartyKind kind, PenaltyKind penalty, decimal fine) => p.Settle(s, Party(kind, p.Dept.Line), penalty, fine);

    /// <summary>An amount a decision would state: in whole thousands, hundreds or tens as the range allows.</summary>
    private decimal Amount(decimal lo, decimal hi)
    {
        var step = hi - lo >= 20_000 ? 1000m : hi - lo >= 2_000 ? 100m : hi - lo >= 200 ? 50m : 10m;
        var steps = (int)Math.Floor((hi - lo) / step);
        return lo + step * _rnd.Next(steps + 1);
    }

    private CaseParty Party(PartyKind kind, Line line)
    {
        var place = Places[_rnd.Next(Places.Length)];
        if (kind == PartyKind.Person)
        {
            var id = Identifiers.WithIdCheck(string.Create(CultureInfo.InvariantCulture,
                $"441900{1955 + _rnd.Next(45)}{1 + _rnd.Next(12):00}{1 + _rnd.Next(28):00}{_rnd.Next(1000):000}"));
            return new CaseParty
            {
                Kind = PartyKind.Person, Name = Surnames[_rnd.Next(Surnames.Length)] + Given[_rnd.Next(Given.Length)], IdNumber = id, IdLookup = id,
                Address = string.Create(CultureInfo.InvariantCulture, $"广东省东莞市塘厦镇{place}{1 + _rnd.Next(199)}号"),
                Phone = string.Create(CultureInfo.InvariantCulture, $"13{5 + _rnd.Next(5)}{_rnd.Next(10000000, 99999999)}"),
                Plate = line.Code == "TX-TRANS" ? string.Create(CultureInfo.InvariantCulture, $"粤S{_rnd.Next(10000, 99999)}") : null,
            };
        }

        var code = Identifiers.WithCreditCheck(string.Create(CultureInfo.InvariantCulture, $"91441900MA{_rnd.Next(1000000, 9999999)}"));
        return new CaseParty
        {
            Kind = PartyKind.Organisation, Name = $"东莞市塘厦{Given[_rnd.Next(Given.Length)]}{line.Firms[_rnd.Next(line.Firms.Length)]}", IdNumber = code, IdLookup = code,
            Representative = Surnames[_rnd.Next(Surnames.Length)] + Given[_rnd.Next(Given.Length)],
            Address = string.Create(CultureInfo.InvariantCulture, $"广东省东莞市塘厦镇{place}{1 + _rnd.Next(199)}号"),
        };
    }

    /// <summary>Each day of an ordinary case, from its registration to its archive.</summary>
    private void Schedule(Plan p)
    {
        var rules = p.Dept.Rules;
        var slow = p.Slow;
        p.ActOn = Later(YearStart, p.Registered.AddDays(-_rnd.Next(20)));
        p.Filed = calendar.AddWorkingDays(p.Registered, 1 + _rnd.Next(slow ? 3 : 2));
        p.Photo = _rnd.Next(2) == 0;
        p.Notice = calendar.AddWorkingDays(p.Filed, slow ? 3 + _rnd.Next(10) : 3 + _rnd.Next(3));
        var eligible = rules.HearingApplies(p.Party.Kind, p.Penalty, p.Fine, 0);
        p.Hearing = !eligible ? Hearing.None : slow && _rnd.Next(4) == 0 ? Hearing.Held : Hearing.Waived;
        DateOnly day;
        if (p.Hearing == Hearing.Held)
        {
            // The party asks to be heard and argues there; the period to state and defend runs out meanwhile.
            p.Statement = Statement.Lapsed;
            var requested = calendar.AddWorkingDays(p.Notice, 1 + _rnd.Next(2));
            var noticed = calendar.AddWorkingDays(requested, 1);
            var heard = calendar.AddWorkingDays(noticed, EnforcementCase.HearingNoticeDays + 1 + _rnd.Next(3));
            (p.HearingRequestedOn, p.HearingNoticedOn, p.HearingOn) = (requested, noticed, heard);
            day = Later(heard, calendar.AddWorkingDays(p.Notice, rules.StatementDays + 1));
        }
        else
        {
            var mode = _rnd.Next(3);
            p.Statement = mode == 0 ? Statement.Recorded : mode == 1 || !slow || rules.StatementDays > 10 ? Statement.Waived : Statement.Lapsed;
            switch (p.Statement)
            {
                case Statement.Recorded:
                    day = calendar.AddWorkingDays(p.Notice, 1 + _rnd.Next(3));
                    p.StatementOn = day;
                    break;
                case Statement.Waived:
                    p.StatementOn = p.Notice;
                    day = p.Notice;
                    break;
                default:
                    day = calendar.AddWorkingDays(p.Notice, rules.StatementDays + 1);
                    break;
            }

            if (p.Hearing == Hearing.Waived)
            {
                // Given up in writing with the statement or the waiver, or within the request window when the party says nothing else.
                p.HearingWaivedOn = p.StatementOn ?? Earlier(day, calendar.AddWorkingDays(p.Notice, 1 + _rnd.Next(2)));
            }
        }

        if (p.Reviewed)
        {
            day = calendar.AddWorkingDays(day, 1);
            p.Submitted = day;
            if (p.Returned)
            {
                var returned = calendar.AddWorkingDays(day, 1 + _rnd.Next(2));
                day = calendar.AddWorkingDays(returned, 2 + _rnd.Next(2));
                (p.ReturnedOn, p.Resubmitted) = (returned, day);
            }

            day = calendar.AddWorkingDays(day, 1 + _rnd.Next(2));
            p.PassedOn = day;
        }

        if (rules.IsHeavy(p.Party.Kind, p.Penalty, p.Fine))
        {
            day = calendar.AddWorkingDays(day, 1);
            p.DiscussedOn = day;
        }

        p.Decided = calendar.AddWorkingDays(day, 1);
        p.PublishedOn = calendar.AddWorkingDays(p.Decided, 1 + _rnd.Next(4));
        p.Served = calendar.AddWorkingDays(p.Decided, _rnd.Next(3));
        p.Method = _rnd.Next(8) == 0 ? ServiceMethod.Electronic : ServiceMethod.InPerson;
        day = p.Served;
        if (p.Fine > 0)
        {
            // Most pay within the 15 days; a few early cases late, with the late fine (第72条).
            var paid = p.Served.AddDays(slow && _rnd.Next(30) == 0 ? 17 + _rnd.Next(8) : 2 + _rnd.Next(12));
            day = WorkingDayFrom(paid);
            (p.PaidOn, p.PaymentRecordedOn) = (paid, day);
        }

        p.Closed = calendar.AddWorkingDays(day, 1 + _rnd.Next(3));
        Archive(p, 7);
    }

    private void ScheduleOnTheSpot(Plan p)
    {
        (p.ActOn, p.Decided, p.Served) = (p.Registered, p.Registered, p.Registered);
        p.PublishedOn = calendar.AddWorkingDays(p.Registered, 1 + _rnd.Next(3));
        var day = p.Registered;
        if (p.Fine > 0)
        {
            // Paid at the bank within days (a quarter the same day); December's soon, before the year's files are drawn.
            var paid = p.Registered.AddDays(_rnd.Next(4) == 0 ? 0 : 1 + _rnd.Next(p.Registered.Month == 12 ? 3 : 12));
            day = WorkingDayFrom(paid);
            (p.PaidOn, p.PaymentRecordedOn) = (paid, day);
        }

        p.Closed = calendar.AddWorkingDays(day, 1 + _rnd.Next(2));
        Archive(p, 5);
    }

    /// <summary>Archived a few working days after closing (in <paramref name="tenths"/> of the cases), when that is still in 2019.</summary>
    private void Archive(Plan p, int tenths)
    {
        if (_rnd.Next(10) < tenths)
        {
            var on = calendar.AddWorkingDays(p.Closed, 3 + _rnd.Next(8));
            p.Archived = on <= YearEnd ? on : null;
        }
    }

    /// <summary>The numbers of the year in each department's series, in the order of the days they were given.</summary>
    private async Task NumberAsync(List<Dept> departments, List<Plan> plans, CancellationToken ct)
    {
        foreach (var d in departments)
        {
            var mine = plans.Where(p => p.Dept == d).ToList();
            var filed = mine.Where(p => p.Track != Track.OnTheSpot).OrderBy(p => p.Registered).ToList();
            var spot = mine.Where(p => p.Track == Track.OnTheSpot).OrderBy(p => p.Registered).ToList();
            var ordinary = mine.Where(p => p.Track == Track.Ordinary).ToList();
            await SeriesAsync(d, "立", filed, (p, n) => p.Number = n, ct);
            await SeriesAsync(d, "简", spot, (p, n) => p.Number = n, ct);
            await SeriesAsync(d, "简罚", spot, (p, n) => p.DecisionNumber = n, ct);
            await SeriesAsync(d, "告", [.. ordinary.OrderBy(p => p.Notice)], (p, n) => p.NoticeNumber = n, ct);
            await SeriesAsync(d, "罚", [.. ordinary.OrderBy(p => p.Decided)], (p, n) => p.DecisionNumber = n, ct);
            var archived = mine.Where(p => p.Archived is not null).OrderBy(p => p.Archived).ToList();
            if (archived.Count > 0)
            {
                // As CaseService.ArchiveAsync numbers a file: code-year-处罚-sequence.
                var first = await NumberSeries.NextAsync(db, $"enf-archive-{d.Unit.Code}-{Year}", archived.Count, ct);
                for (var i = 0; i < archived.Count; i++)
                {
                    archived[i].FileNumber = string.Create(CultureInfo.InvariantCulture, $"{d.Unit.Code}-{Year}-处罚-{first + i:0000}");
                }
            }
        }
    }

    /// <summary>Draws numbers of a department's series (as CaseService.NextNumberAsync: 塘市监罚〔2019〕12号) for the plans, in their order.</summary>
    private async Task SeriesAsync(Dept d, string kind, List<Plan> ordered, Action<Plan, string> set, CancellationToken ct)
    {
        if (ordered.Count == 0)
        {
            return;
        }

        var first = await NumberSeries.NextAsync(db, $"enf-{d.Unit.Code}-{kind}-{Year}", ordered.Count, ct);
        for (var i = 0; i < ordered.Count; i++)
        {
            set(ordered[i], string.Create(CultureInfo.InvariantCulture, $"{d.Prefix}{kind}〔{Year}〕{first + i}号"));
        }
    }

    /// <summary>The year's licence decisions, each published within the 7 working days.</summary>
    private async Task<int> LicencesAsync(List<Dept> departments, CancellationToken ct)
    {
        var count = 0;
        foreach (var d in departments.Where(d => d.Line.Licences > 0))
        {
            var days = Enumerable.Range(0, d.Line.Licences).Select(_ => DayIn(LicenceMonths, YearStart, new DateOnly(Year, 12, 20))).Order().ToList();
            var first = await NumberSeries.NextAsync(db, $"enf-{d.Unit.Code}-许-{Year}", days.Count, ct);
            for (var i = 0; i < days.Count; i++)
            {
                var decided = days[i];
                var granted = _rnd.Next(14) != 0;
                var action = new EnforcementAction
                {
                    Id = Guid.CreateVersion7(), DepartmentId = d.Unit.Id, Kind = ActionKind.Licence,
                    Number = string.Create(CultureInfo.InvariantCulture, $"{d.Prefix}许〔{Year}〕{first + i}号"), Matter = d.Line.LicenceMatter,
                    Subject = $"东莞市塘厦{Given[_rnd.Next(Given.Length)]}{d.Line.Firms[_rnd.Next(d.Line.Firms.Length)]}", SubjectKind = PartyKind.Organisation,
                    Decision = granted ? "准予许可" : "不予许可：申请材料不符合法定条件", Granted = granted, StartedOn = Later(new DateOnly(Year, 1, 1), decided.AddDays(-5 - _rnd.Next(15))),
                    DecidedOn = decided, ValidUntil = granted ? decided.AddYears(5).AddDays(-1) : null,
                    OfficerNames = [d.Officers[i % d.Officers.Count].Name, d.Officers[(i + 1) % d.Officers.Count].Name], RecordedBy = "demo",
                    RecordedAt = ChinaTime.StartOfDayUtc(decided).AddHours(11),
                };
                db.EnforcementActions.Add(action);
                var publication = disclosures.PublicationOf(action);
                var on = calendar.AddWorkingDays(decided, 1 + _rnd.Next(3));
                publication.Publish(on, d.Head.Name, d.Rules.RetainUntil(on, 0), null);
                db.Publications.Add(publication);
                count++;
            }
        }

        await SaveAsync(ct);
        return count;
    }

    /// <summary>The case of a plan, made step by step through the domain at the days planned, and its publication.</summary>
    private (EnforcementCase Case, Publication? Publication) Make(Plan p, StoredFile receipt, StoredFile waiver)
    {
        (_dept, _reviewer, _last) = (p.Dept, p.Reviewer, default(DateTime));
        var d = p.Dept;
        var (s, lead, second, head) = (p.Story, p.Lead.Name, p.Second.Name, d.Head.Name);
        var rule = d.RuleOf[s];
        var facts = s.Facts.Replace("{place}", p.Place, StringComparison.Ordinal);
        if (p.Track == Track.OnTheSpot)
        {
            var spot = At(p.Registered, lead);
            var c0 = EnforcementCase.OnTheSpot(p.Number, p.DecisionNumber!, d.Unit.Id, CaseSource.Inspection, s.Matter, facts, p.ActOn, p.Party, [p.Lead, p.Second],
                p.Penalty, p.Fine, s.Provisions, s.Basis, rule, spot, spot.Now.AddMinutes(-20), $"塘厦镇{p.Place}");
            Finish(c0, p, lead);
            return (c0, Published(c0, p));
        }

        var c = EnforcementCase.Register(p.Number, d.Unit.Id, d.Rules, p.Source, p.SourceNote, s.Matter, facts, p.ActOn, p.Registered, false, p.Party, At(p.Registered, lead));
        c.Assign(p.Lead, OfficerRole.Lead, At(p.Registered, lead));
        c.Assign(p.Second, OfficerRole.Assisting, At(p.Registered, lead));
        if (p.Track == Track.NotFiled)
        {
            c.RefuseFiling(p.Registered.DayNumber % 2 == 0 ? "经核查，违法事实不成立。" : "经核查，违法行为轻微并及时纠正，没有造成危害后果，依法不予立案。", At(p.Closed, head));
            return (c, null);
        }

        c.ApproveFiling(At(p.Filed, head));
        c.ShowCertificates(p.Filed, p.Party.Kind == PartyKind.Person ? $"当事人{p.Party.Name}，于现场" : $"当事人法定代表人{p.Party.Representative}，于经营场所", At(p.Filed, lead));
        c.AddEvidence(EvidenceKind.Statement, "询问笔录", false, null, null, null, At(p.Filed, lead));
        if (p.Photo)
        {
            c.AddEvidence(EvidenceKind.Photo, "现场检查照片", false, null, null, null, At(p.Filed, second));
        }

        c.IssueNotice(p.Penalty, p.Fine, 0, s.Provisions, s.Basis, rule, p.Tier == Tier.Flagged && s.PublicInterest, p.Tier == Tier.Flagged && !s.PublicInterest,
            p.Notice, d.Rules, At(p.Notice, lead), p.NoticeNumber);
        switch (p.Statement)
        {
            case Statement.Recorded:
                c.RecordStatement("当事人称系初次违法，已立即整改，请求从轻处理。", "经复核，当事人陈述属实，但不足以改变处罚决定；维持拟处罚意见。", At(p.StatementOn!.Value, lead));
                break;
            case Statement.Waived:
                c.WaiveStatement(p.Notice, waiver.Sha256, "放弃陈述申辩声明.png", waiver.ContentType, At(p.Notice, lead));
                break;
            default:
                break;
        }

        if (p.Hearing == Hearing.Waived)
        {
            c.WaiveHearing(At(p.HearingWaivedOn!.Value, lead));
        }
        else if (p.Hearing == Hearing.Held)
        {
            c.RequestHearing(p.HearingRequestedOn!.Value, At(p.HearingRequestedOn!.Value, lead));
            c.ScheduleHearing(p.HearingNoticedOn!.Value, p.HearingOn!.Value, Presider, null, At(p.HearingNoticedOn!.Value, lead));
            c.HoldHearing(false, "听证笔录：当事人对违法事实无异议，对罚款数额提出异议；调查人员出示证据并说明理由。笔录经当事人核对签名。", At(p.HearingOn!.Value, Presider), partySigned: true);
        }

        if (p.Reviewed)
        {
            c.SubmitForReview(At(p.Submitted!.Value, lead));
            if (p.Returned)
            {
                var evidence = p.Registered.DayNumber % 2 == 0;
                c.Review(evidence ? EvidencePoint : DiscretionPoint, evidence ? "关键证据缺少当事人签名确认，请补充后重新送审。" : "裁量理由说明不充分，请补充后重新送审。",
                    At(p.ReturnedOn!.Value, p.Reviewer.Name, p.Reviewer.UserName));
                if (evidence)
                {
                    c.AddEvidence(EvidenceKind.Statement, "补充询问笔录（当事人签名确认）", false, null, null, null, At(p.Resubmitted!.Value, lead));
                }

                c.SubmitForReview(At(p.Resubmitted!.Value, lead));
            }

            c.Review([], "主体合法，事实清楚，证据确凿，程序合法，适用法律正确，裁量适当，同意。", At(p.PassedOn!.Value, p.Reviewer.Name, p.Reviewer.UserName));
        }

        if (p.DiscussedOn is { } discussed)
        {
            c.Discuss(discussed, $"{head}、分管副局长、法制员", "同意按拟处罚意见作出处罚决定。", At(discussed, head));
        }

        c.Decide(p.DecisionNumber!, p.Penalty, p.Fine, 0, null, d.Rules, At(p.Decided, lead));
        var serving = At(p.Served, second);
        var electronic = p.Method == ServiceMethod.Electronic;
        c.Serve(serving.Now, p.Method, electronic ? "当事人电子邮箱" : p.Party.Kind == PartyKind.Person ? p.Party.Name : p.Party.Representative, electronic,
            receipt.Sha256, "送达回证.png", receipt.ContentType, serving);
        Finish(c, p, lead);
        return (c, Published(c, p));
    }

    /// <summary>Paid (the late fine with it), closed, and archived when planned.</summary>
    private void Finish(EnforcementCase c, Plan p, string lead)
    {
        if (p.PaidOn is { } paid)
        {
            c.RecordPayment(paid, c.Fine + c.LateFineOn(paid), At(p.PaymentRecordedOn!.Value, lead));
        }

        c.Close(null, At(p.Closed, lead));
        if (p.Archived is { } archived)
        {
            c.Archive(p.FileNumber!, At(archived, lead));
        }
    }

    private Publication Published(EnforcementCase c, Plan p)
    {
        var publication = cases.PublicationOf(c, p.Dept.Rules);
        publication.Publish(p.PublishedOn, p.Dept.Head.Name, p.Dept.Rules.RetainUntil(p.PublishedOn, c.Fine), null);
        return publication;
    }

    /// <summary>
    /// 案卷评查 in December: a draw from each department's closed 2019 files with the number announced at the meeting (27 files from
    /// the fifteen departments), scored at the meeting: every file passed, so no rectification runs into the next year.
    /// </summary>
    private int Evaluate(List<Dept> departments, List<Plan> plans)
    {
        var count = 0;
        foreach (var d in departments)
        {
            var files = plans.Where(p => p.Dept == d && p.Track != Track.NotFiled).ToDictionary(p => p.Number, p => p.CaseId, StringComparer.Ordinal);
            var seed = EvaluationDraw.SeedOf(Year, d.Unit.Code, Announced);
            var draw = new EvaluationDraw
            {
                Id = Guid.CreateVersion7(), Year = Year, DepartmentId = d.Unit.Id, DepartmentCode = d.Unit.Code, AnnouncedNumber = Announced, Seed = seed, Size = d.Line.Drawn,
                Population = files.Count, CaseNumbers = [.. EvaluationDraw.Draw(seed, files.Keys.Order(StringComparer.Ordinal), d.Line.Drawn)],
                DrawnAt = ChinaTime.StartOfDayUtc(DrawnOn).AddHours(10), DrawnBy = "刘慧敏",
            };
            db.EvaluationDraws.Add(draw);
            foreach (var number in draw.CaseNumbers)
            {
                var e = new FileEvaluation { Id = Guid.CreateVersion7(), DrawId = draw.Id, CaseId = files[number], CaseNumber = number, DepartmentId = d.Unit.Id };
                // Every file passed (合格 or 优秀), with what the meeting noted: no rectification runs into the next year.
                var (form, content) = (22 + _rnd.Next(9), 50 + _rnd.Next(21));
                e.Mark([], form, content, form + content >= 90 ? "案卷装订规范，文书齐全，裁量说理充分。" : "文书基本规范；个别文书说理不够充分，已当场指出。", count % 2 == 0 ? "刘慧敏" : "陈国栋",
                    EvaluatedOn, d.Rules.RectificationDays, calendar);
                db.FileEvaluations.Add(e);
                count++;
            }
        }

        return count;
    }

    /// <summary>The people of the case at work on a day (the head approves, the reviewer reviews), each step later than the one before.</summary>
    private CaseRights At(DateOnly day, string name, string user = "demo")
    {
        var at = ChinaTime.StartOfDayUtc(day).AddHours(9).AddMinutes(_rnd.Next(120));
        if (at <= _last)
        {
            at = _last.AddMinutes(2 + _rnd.Next(15));
        }

        if (ChinaTime.DateOf(at) != day)
        {
            throw new InvalidOperationException($"A 2019 step planned for {day:yyyy-MM-dd} would fall on another day.");
        }

        _last = at;
        var dept = _dept ?? throw new InvalidOperationException("No department is at work.");
        return new CaseRights(Actor.Seeding(user, name, at, calendar), IsHead: true, _reviewer, dept.Rules, dept.Officers);
    }

    /// <summary>A working day of the year in a month drawn by the weights, between <paramref name="first"/> and <paramref name="last"/>.</summary>
    private DateOnly DayIn(int[] months, DateOnly first, DateOnly last)
    {
        var total = months.Sum();
        while (true)
        {
            var pick = _rnd.Next(total);
            var month = 0;
            while (pick >= months[month])
            {
                pick -= months[month];
                month++;
            }

            var day = new DateOnly(Year, month + 1, 1 + _rnd.Next(DateTime.DaysInMonth(Year, month + 1)));
            if (day >= first && day <= last && calendar.IsWorkingDay(day))
            {
                return day;
            }
        }
    }

    private DateOnly WorkingDayFrom(DateOnly day)
    {
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>The items in an order of the seeded generator (Fisher-Yates).</summary>
    private List<Plan> Shuffled(List<Plan> items)
    {
        var list = new List<Plan>(items);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = _rnd.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
