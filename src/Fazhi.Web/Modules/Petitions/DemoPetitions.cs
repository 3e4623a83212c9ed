using Fazhi.Web.Modules.LegalAid.Contracts;
using Fazhi.Web.Modules.Mediation.Contracts;
using Fazhi.Web.Modules.Petitions.Data;
using Fazhi.Web.Modules.Petitions.Domain;
using Fazhi.Web.Modules.Petitions.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Petitions;

/// <summary>
/// The demo town's petitions: a year of about 400 across every channel and class at every step (repeats, group visits, diverted
/// matters, reviews and a re-reviewed matter refused when it came again), and chains from a visit to mediation to legal aid,
/// one of them the demo citizen's (<see cref="DemoTown.CitizenPhone"/>), so that their one page shows four work lines.
/// </summary>
public sealed class DemoPetitions(
    FazhiDbContext db, OrganisationDirectory directory, WorkingDayCalendar calendar, TimeProvider time, IConfiguration configuration,
    MediationReferrals mediation, AidReferrals aid)
{
    private static readonly string[] Surnames = ["陈", "李", "张", "黄", "林", "刘", "叶", "钟", "罗", "何", "郑", "周", "吴", "邓", "谢", "梁"];
    private static readonly string[] Given = ["建华", "秀兰", "志明", "丽芳", "海波", "美玲", "国华", "晓红", "伟强", "淑贞", "俊豪", "小红", "德明", "玉珍", "文杰", "雪英"];

    private static readonly (MatterCategory Category, string Subject, string Request, string Facts, string Reasons, string Body, string Dispute)[] Stories =
    [
        (MatterCategory.Labour, "追讨拖欠工资", "请求督促企业支付拖欠的工资", "信访人在某电子厂务工，工厂拖欠两个月工资共九千元。", "多次向厂方讨要未果，生活困难。", "TX-HR", "Labour"),
        (MatterCategory.LandHousing, "宅基地界址争议", "请求确认宅基地界址", "信访人与邻居对宅基地界址存在争议，邻居建房占用通道。", "通道为村民共同使用，影响出行。", "TX-LAND", "Land"),
        (MatterCategory.UrbanManagement, "夜间施工噪音扰民", "请求制止夜间施工", "小区旁工地连续多日夜间施工，噪音很大。", "影响居民休息。", "TX-CAE", "Neighbours"),
        (MatterCategory.Environment, "工厂废气排放", "请求查处工厂废气排放", "某塑胶厂排放刺激性气体，附近居民反映强烈。", "影响居民健康。", "TX-ECO", "Other"),
        (MatterCategory.SocialSecurity, "社保补缴", "请求协调补缴社会保险", "信访人所在企业未依法为其缴纳社会保险。", "影响退休待遇。", "TX-HR", "Labour"),
        (MatterCategory.GovernmentService, "办事窗口服务态度", "请求处理窗口工作人员服务态度问题", "信访人在市民服务中心办理业务时，工作人员态度生硬。", "希望改进服务。", "TX-SVC", "Other"),
        (MatterCategory.Enforcement, "对行政处罚有异议", "请求复核处罚决定", "信访人经营的小店被处以罚款，认为处罚过重。", "初次违法且已改正。", "TX-MSA", "Other"),
        (MatterCategory.NeighbourFamily, "邻里漏水纠纷", "请求协调楼上漏水赔偿", "楼上住户卫生间漏水，导致信访人家中天花板损坏。", "多次协商未果。", "TX-CAE", "Neighbours"),
    ];

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.Petitions.AnyAsync(ct) || !Platform.Modules.ModuleCatalog.Named(PetitionsModule.ModuleName)!.WantsDemoCases(configuration))
        {
            return;
        }

        var byCode = await directory.IdsByCodeAsync(ct);
        var units = await directory.UnitsAsync(ct);
        if (!byCode.TryGetValue(configuration["Petitions:Office"] ?? "TX-PET", out var office))
        {
            return;
        }

        var today = ChinaTime.Today(time);
        var rnd = new Random(2019);
        await using var tx = await db.BeginWriteAsync(ct);
        var made = new List<Petition>();
        var count = configuration.GetValue("Petitions:DemoCount", 400);
        for (var i = 0; i < count; i++)
        {
            var story = Stories[i % Stories.Length];
            var received = today.AddDays(-rnd.Next(1, 360));
            var channel = (PetitionChannel)(i % 4);
            var cls = i % 23 == 5 ? PetitionClass.Accusation : i % 9 == 4 ? PetitionClass.Suggestion : PetitionClass.Claim;
            var group = channel == PetitionChannel.Visit && i % 17 == 3 ? 12 : 1;
            var name = Surnames[i % 16] + Given[(i * 7) % 16];
            var phone = $"139{(20_000_000 + (i * 7919 % 9_000_000)):D8}";
            var by = Officer(received, 9);
            var content = new Petition.Content(channel, cls, story.Category, story.Subject, story.Request, story.Facts, story.Reasons);
            // Some people come again about the same matter: linked, not counted twice.
            var earlier = i % 13 == 7 && made.Count > 10 ? made[rnd.Next(made.Count)] : null;
            if (earlier is not null && (earlier.Category != story.Category || earlier.ReceivedAt > ChinaTime.StartOfDayUtc(received)))
            {
                earlier = null;
            }

            var who = earlier is null ? new Petition.PetitionerInput(name, null, phone, $"塘厦镇{(i % 20) + 1}号")
                : new Petition.PetitionerInput(earlier.PetitionerName.Length > 0 ? earlier.PetitionerName : name, null, earlier.PetitionerPhone ?? phone, earlier.PetitionerAddress ?? "塘厦镇");
            var p = Petition.Register(await PetitionService.NextNumberAsync(db, configuration, received.Year, ct), office, content, who, group, group > 1 ? [name, Surnames[(i + 3) % 16] + Given[(i + 5) % 16]] : [], earlier, null, by);
            made.Add(p);
            if (earlier is not null)
            {
                db.Petitions.Add(p);
                continue;
            }

            Advance(p, story.Body, byCode, units, received, today, i, rnd);
            db.Petitions.Add(p);
        }

        await db.SaveChangesAsync(ct);

        // Chains: a visit at reception opens a mediation case; some settle, some fail and go on to legal aid.
        for (var k = 0; k < 12; k++)
        {
            var citizen = k == 0;
            var story = Stories[k % 2 == 0 ? 0 : 7];
            var received = today.AddDays(-60 + (k * 4));
            var by = Officer(received, 10);
            var p = Petition.Register(await PetitionService.NextNumberAsync(db, configuration, received.Year, ct), office,
                new(PetitionChannel.Visit, PetitionClass.Claim, story.Category, story.Subject, story.Request, story.Facts, story.Reasons),
                new(citizen ? DemoTown.CitizenName : Surnames[(k + 5) % 16] + Given[(k + 9) % 16], null, citizen ? DemoTown.CitizenPhone : $"137{30_000_000 + k:D8}", "塘厦镇莲湖社区8号"),
                1, [], null, null, by);
            var referred = await mediation.OpenAsync(new MediationReferral(p.Number, $"/petitions/{p.Id}", story.Dispute, p.Facts, p.Request,
            [
                new ReferredParty(p.PetitionerName, true, null, p.PetitionerPhone, p.PetitionerAddress),
                new ReferredParty(story.Category == MatterCategory.Labour ? "东莞市某电子有限公司" : "楼上住户王某", false, null, null, null),
            ]), by, ct);
            p.ReferToMediation(referred.Id, referred.Number, by);
            db.Petitions.Add(p);
            if (k < 9)
            {
                var held = ChinaTime.StartOfDayUtc(received.AddDays(7)).AddHours(2);
                var settled = k % 3 != 0 && !citizen;
                await mediation.RecordOutcomeAsync(referred.Id, settled, settled ? "双方达成口头协议，当场履行。" : "双方分歧较大，调解不成，已告知可申请劳动仲裁或提起诉讼。", held, by.At(held), ct);
                if (!settled)
                {
                    await mediation.ReferOnToAidAsync(referred.Id, story.Category == MatterCategory.Labour ? "Labour" : "Other", "MigrantWorker", null, null, aid, by.At(held.AddHours(1)), ct);
                }
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Moves a petition along as its office and body would have, to a step that depends on its age.</summary>
    private void Advance(Petition p, string bodyCode, Dictionary<string, Guid> byCode, IReadOnlyDictionary<Guid, Platform.Organisation.OrgUnit> units,
        DateOnly received, DateOnly today, int i, Random rnd)
    {
        var age = today.DayNumber - received.DayNumber;
        if (age < 3)
        {
            return;
        }

        var routedOn = received.AddDays(1 + (i % 3));
        if (i % 29 == 11)
        {
            p.Divert(DivertRoute.Litigation, "塘厦镇人民法院（东莞市第三人民法院塘厦法庭）", Officer(routedOn, 10));
            return;
        }

        if (i % 31 == 2)
        {
            p.NotAccept("信访人反映的事项已经依法终结，无新的事实和理由。", Officer(routedOn, 10));
            return;
        }

        var body = byCode.TryGetValue(bodyCode, out var id) ? id : byCode["TX-GOV"];
        p.RouteTo(body, units[body].Name, Officer(routedOn, 10));
        if (age < 8)
        {
            return;
        }

        var decidedOn = routedOn.AddDays(2);
        if (i % 37 == 9)
        {
            p.SendBack("该事项不属于本单位职责范围。", Handler(decidedOn, 9));
            return;
        }

        p.Accept(Handler(decidedOn, 9));
        if (p.Class == PetitionClass.Claim && i % 11 == 6 && age > 40)
        {
            p.Oversee("该事项办理进度较慢，请于五个工作日内书面报告办理情况。", 5, Officer(decidedOn.AddDays(30), 9));
            p.AnswerOversight("已约谈相关企业，正在核实，预计十日内办结。", Handler(calendar.AddWorkingDays(decidedOn.AddDays(30), 3), 15));
        }

        if (age < 45 + (i % 20))
        {
            return;
        }

        var answeredOn = decidedOn.AddDays(20 + (i % 35));
        if (answeredOn.AddDays(5) > today)
        {
            return;
        }

        if (p.Class == PetitionClass.Claim && i % 10 == 3)
        {
            p.Extend(20, "需要会同多个部门调查核实。", Handler(decidedOn.AddDays(15), 10));
        }

        p.Answer("经调查核实，已责成相关单位依法处理，信访人的合理诉求已得到解决。", Handler(answeredOn, 16));
        if (p.Class != PetitionClass.Claim || age < 120)
        {
            if (i % 3 != 0)
            {
                p.Rate(1 + (rnd.Next(10) < 8 ? 2 : rnd.Next(2)), Officer(answeredOn.AddDays(5), 12));
            }

            return;
        }

        if (i % 8 == 1 && answeredOn.AddDays(80) <= today)
        {
            p.RequestReview("塘厦镇人民政府", Officer(answeredOn.AddDays(20), 10));
            p.DecideReview(true, "原处理意见认定事实清楚，处理适当，予以维持。", Supervisor(answeredOn.AddDays(40), 10));
            if (i % 16 == 1)
            {
                p.RequestReReview("东莞市信访局", Officer(answeredOn.AddDays(55), 10));
                p.DecideReReview(true, "复查意见正确，予以维持。", Officer(answeredOn.AddDays(80), 10));
            }
        }
        else if (i % 3 != 0)
        {
            p.Rate(rnd.Next(10) < 9 ? 3 : 1, Officer(answeredOn.AddDays(5), 12));
        }
    }

    private Actor Officer(DateOnly day, int hour) => Actor.Seeding("petition.officer", "邓志坚", ChinaTime.StartOfDayUtc(day).AddHours(hour), calendar);

    private Actor Handler(DateOnly day, int hour) => Actor.Seeding("petition.hr", "钟丽华", ChinaTime.StartOfDayUtc(day).AddHours(hour), calendar);

    private Actor Supervisor(DateOnly day, int hour) => Actor.Seeding("supervisor", "镇政府", ChinaTime.StartOfDayUtc(day).AddHours(hour), calendar);
}
