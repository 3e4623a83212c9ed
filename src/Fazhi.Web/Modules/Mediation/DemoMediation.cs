using Fazhi.Web.Modules.Mediation.Features;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation;

/// <summary>
/// The demo town's mediation: the town committee with rooms in the six police stations and a lawyer's studio, the
/// rural land-contract committee, six community committees (one short of members, to show the warning), about forty
/// mediators, the city's subsidy table, a year of cases across every outcome, and a screening campaign.
/// Made through the domain methods and saved like any change, so the audit chain holds.
/// </summary>
public sealed class DemoMediation(FazhiDbContext db, OrganisationDirectory directory, WorkingDayCalendar calendar, TimeProvider time, IConfiguration configuration)
{
    private static readonly string[] Surnames = ["陈", "李", "张", "黄", "林", "刘", "叶", "钟", "罗", "何", "郑", "周", "吴", "邓", "谢", "梁"];
    private static readonly string[] Given = ["建国", "秀英", "志强", "丽娟", "海涛", "美华", "国平", "晓敏", "伟明", "淑芬", "俊杰", "小燕", "德胜", "玉兰", "文斌", "雪梅"];
    private static readonly string[] Stations = ["TX-POLICE-TX", "TX-POLICE-STP", "TX-POLICE-LC", "TX-POLICE-FHG", "TX-POLICE-ZFL", "TX-POLICE-DP"];

    private static readonly (DisputeType Type, string Facts, string Terms)[] Stories =
    [
        (DisputeType.Neighbours, "双方因相邻房屋排水、滴水问题发生争执，多次协商未果。", "乙方于约定期限内自费改造排水管道，甲方不再追究此前损失。"),
        (DisputeType.MarriageFamily, "兄弟二人因赡养母亲费用分担问题产生矛盾。", "双方每月各承担赡养费一千元，轮流照顾母亲生活。"),
        (DisputeType.Labour, "员工主张用人单位拖欠两个月工资及加班费。", "用人单位一次性支付拖欠工资及加班费共计一万二千元。"),
        (DisputeType.Land, "两户村民因承包地边界界址不清发生纠纷。", "以村委会测量确认的界址为准，双方重新立界桩。"),
        (DisputeType.Property, "租户退租时与房东就押金退还及房屋损坏赔偿发生争议。", "房东退还押金二千元，扣除墙面修复费五百元。"),
        (DisputeType.Traffic, "电动自行车与小汽车发生刮擦，双方就赔偿金额意见不一。", "小汽车一方赔偿电动车维修费及误工费共计三千元。"),
        (DisputeType.Medical, "患者家属认为诊所用药不当导致病情延误。", "诊所退还医疗费并补偿六千元，双方不再另行主张。"),
        (DisputeType.Other, "商户与顾客因预付卡退费问题发生争执。", "商户按剩余金额的九成退款，当日结清。"),
    ];

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.Committees.AnyAsync(ct))
        {
            return;
        }

        var units = await directory.UnitsAsync(ct);
        var byCode = units.Values.ToDictionary(u => u.Code);
        if (!byCode.TryGetValue("TX-JUS-MED", out var justiceMediation))
        {
            return;
        }

        var today = ChinaTime.Today(time);
        var now = time.GetUtcNow().UtcDateTime;
        var rnd = new Random(2019);
        var termFrom = new DateOnly(today.Year - 1, 1, 1);
        var termTo = termFrom.AddYears(3).AddDays(-1);

        var town = Committee("TX-MED", "塘厦镇人民调解委员会", CommitteeKind.Town, null, justiceMediation.Id, "塘调");
        var land = Committee("TX-LAND", "塘厦镇农村土地承包经营纠纷调解委员会", CommitteeKind.Sector, "农村土地承包", byCode["TX-JUS-LAND"].Id, "塘土调");
        var communities = units.Values.Where(u => u.Kind == Platform.Organisation.Domain.OrgNodeKind.Community).OrderBy(u => u.Code).Take(6)
            .Select((u, i) => Committee($"TX-C{i + 1:00}-MED", u.Name + "人民调解委员会", CommitteeKind.Community, null, u.Id, u.Name.Replace("社区", "", StringComparison.Ordinal).Replace("村", "", StringComparison.Ordinal) + "调")).ToList();
        var committees = new List<MediationCommittee> { town, land };
        committees.AddRange(communities);
        db.Committees.AddRange(committees);

        var rooms = new List<MediationRoom>();
        foreach (var (code, i) in Stations.Select((c, i) => (c, i)).Where(s => byCode.ContainsKey(s.c)))
        {
            rooms.Add(new MediationRoom
            {
                Id = Guid.CreateVersion7(), CommitteeId = town.Id, Name = byCode[code].Name + "人民调解工作室", Place = RoomPlace.PoliceStation,
                PoliceStationId = byCode[code].Id, DutyPhone = $"0769-879{i + 1:0}0110",
            });
        }

        rooms.Add(new MediationRoom { Id = Guid.CreateVersion7(), CommitteeId = town.Id, Name = "律师调解工作室", Place = RoomPlace.LawyerStudio, DutyPhone = "0769-87921148" });
        rooms.Add(new MediationRoom { Id = Guid.CreateVersion7(), CommitteeId = land.Id, Name = "土地承包纠纷调解室", Place = RoomPlace.Committee });
        rooms.AddRange(communities.Select(c => new MediationRoom { Id = Guid.CreateVersion7(), CommitteeId = c.Id, Name = c.Name.Replace("人民调解委员会", "调解室", StringComparison.Ordinal), Place = RoomPlace.Committee }));
        db.Rooms.AddRange(rooms);

        var mediators = new List<Mediator>();
        Mediator Person(MediationCommittee c, int n, Gender g, string? user = null, string? name = null, bool lawyer = false)
        {
            var m = new Mediator
            {
                Id = Guid.CreateVersion7(), Name = name ?? Surnames[n % Surnames.Length] + Given[(2 * ((n * 3) % 8)) + (g == Gender.Female ? 1 : 0)], Gender = g,
                Phone = $"139{27690000 + n:00000000}", CommitteeId = c.Id, UserName = user, IsLawyer = lawyer, RowVersion = Guid.NewGuid(),
                Specialities = [Stories[n % Stories.Length].Type.ToString()],
            };
            mediators.Add(m);
            return m;
        }

        var n = 0;
        var lead = Person(town, n++, Gender.Male, "mediator", "钟伟明");
        var head = Person(town, n++, Gender.Male, "justice.head", "罗志坚");
        Seat(town, head, CommitteeRole.Chair, termFrom, termTo);
        Seat(town, lead, CommitteeRole.ViceChair, termFrom, termTo);
        for (var i = 0; i < 7; i++)
        {
            Seat(town, Person(town, n++, i % 2 == 0 ? Gender.Female : Gender.Male, lawyer: i == 0), CommitteeRole.Member, termFrom, termTo);
        }

        for (var i = 0; i < 5; i++)
        {
            Seat(land, Person(land, n++, i == 1 ? Gender.Female : Gender.Male), i == 0 ? CommitteeRole.Chair : CommitteeRole.Member, termFrom, termTo);
        }

        foreach (var (c, k) in communities.Select((c, k) => (c, k)))
        {
            // The last community committee has only two members and no woman: the page warns about it.
            var size = k == communities.Count - 1 ? 2 : 4;
            for (var i = 0; i < size; i++)
            {
                Seat(c, Person(c, n++, size > 2 && i == 1 ? Gender.Female : Gender.Male), i == 0 ? CommitteeRole.Chair : CommitteeRole.Member, termFrom, termTo);
            }
        }

        db.Mediators.AddRange(mediators);
        foreach (var m in mediators.Take(30))
        {
            var hours = 4 + (m.Name.Length % 3) * 4;
            db.Trainings.Add(new MediatorTraining { Id = Guid.CreateVersion7(), MediatorId = m.Id, On = today.AddDays(-30 - rnd.Next(200)), Hours = hours, Topic = "人民调解业务培训" });
            m.TrainingHours += hours;
        }

        var city = MediationModule.City(configuration);
        foreach (var (cls, before, after) in new[] { (DifficultyClass.Simple, 200m, 300m), (DifficultyClass.Ordinary, 400m, 500m), (DifficultyClass.Difficult, 800m, 1000m), (DifficultyClass.Major, 1500m, 2000m) })
        {
            var change = new DateOnly(today.Year - 1, 1, 1);
            db.SubsidyRates.Add(new SubsidyRate { Id = Guid.CreateVersion7(), City = city, Class = cls, Amount = before, EffectiveFrom = new DateOnly(2019, 1, 1), EffectiveTo = change.AddDays(-1) });
            db.SubsidyRates.Add(new SubsidyRate { Id = Guid.CreateVersion7(), City = city, Class = cls, Amount = after, EffectiveFrom = change });
        }

        await db.SaveChangesAsync(ct);
        if (Platform.Modules.ModuleCatalog.Named(MediationModule.ModuleName)!.WantsDemoCases(configuration))
        {
            // A year of cases; tests that count their own cases turn it off (Fazhi:DemoCases=false).
            await CasesAsync(town, land, communities, rooms, mediators, rnd, today, ct);
        }

        await ScreeningAsync(units.Values.Where(u => u.Kind == Platform.Organisation.Domain.OrgNodeKind.Community).OrderBy(u => u.Code).ToList(), byCode["TX-JUS"].Id, town, mediators, today, now, ct);
    }

    private async Task CasesAsync(
        MediationCommittee town, MediationCommittee land, List<MediationCommittee> communities, List<MediationRoom> rooms, List<Mediator> mediators, Random rnd, DateOnly today, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var all = new List<MediationCommittee> { town, town, town, land };
        all.AddRange(communities);
        for (var i = 0; i < 320; i++)
        {
            var day = today.AddDays(-rnd.Next(1, 366));
            var committee = all[rnd.Next(all.Count)];
            var story = committee == land ? Stories[3] : Stories[rnd.Next(Stories.Length)];
            var room = rooms.Where(r => r.CommitteeId == committee.Id).OrderBy(_ => rnd.Next()).FirstOrDefault();
            var source = room?.Place == RoomPlace.PoliceStation ? CaseSource.PoliceReferral : (CaseSource)rnd.Next(0, 6);
            var team = mediators.Where(m => m.CommitteeId == committee.Id).OrderBy(_ => rnd.Next()).Take(2).Select(m => m.Id).ToList();
            if (i % 4 == 0 && committee == town)
            {
                team[0] = mediators.First(m => m.UserName == "mediator").Id;
            }

            var at = Actor(day, 9);
            var number = await CaseService.NextNumberAsync(db, committee, day.Year, ct);
            var c = MediationCase.Register(number, committee, room?.Id, story.Type, source, source == CaseSource.PoliceReferral ? room?.Name.Replace("人民调解工作室", "", StringComparison.Ordinal) : null,
                story.Facts, "请求依法调解。", Parties(rnd, i), team, at);
            foreach (var p in c.Parties.Where(p => !p.Consented))
            {
                c.RecordConsent(p.Id, at);
            }

            c.GiveRightsNotice(at);
            var age = today.DayNumber - day.DayNumber;
            if (age < 12 && i % 3 == 0)
            {
                // Recent and still open; some with a session planned for today.
                if (i % 2 == 0)
                {
                    c.ScheduleSession(ChinaTime.StartOfDayUtc(today).AddHours(9 + (i % 6)), room?.Id, team, Actor(day, 10));
                }

                db.MediationCases.Add(c);
                continue;
            }

            var held = day.AddDays(Math.Min(age - 1, 1 + rnd.Next(10)));
            c.HoldSession(null, ChinaTime.StartOfDayUtc(held).AddHours(10), room?.Id, team, "双方当事人、调解员", "调解员听取双方陈述，释法明理，引导双方协商。", Actor(held, 10));
            var roll = rnd.Next(100);
            if (roll < 60)
            {
                var performBy = held.AddDays(15 + rnd.Next(30));
                // A family dispute's agreement here settles support (赡养费), which a court may confirm.
                c.AgreeInWriting(story.Facts, story.Terms, "协议签订后按约定期限一次性履行完毕。", performBy, held, Actor(held, 11),
                    story.Type == DisputeType.MarriageFamily ? FamilyMatter.Support : null);
                if (performBy <= today)
                {
                    foreach (var f in c.FollowUps)
                    {
                        c.RecordFollowUp(f.Id, performed: rnd.Next(10) > 0, "已电话回访，履行情况良好。", Actor(performBy, 15));
                    }
                }

                if (c.Agreement!.Confirmable && rnd.Next(6) == 0 && held.AddDays(5) <= today)
                {
                    c.ApplyForConfirmation(held.AddDays(5), "东莞市第三人民法院", Actor(held.AddDays(5), 10), [.. c.Parties.Select(p => p.Id)]);
                    if (held.AddDays(20) <= today)
                    {
                        c.RecordCourt(held.AddDays(7), held.AddDays(20), true, Actor(held.AddDays(20), 10));
                    }
                }
            }
            else if (roll < 90)
            {
                c.AgreeOrally(story.Terms, null, Actor(held, 11));
            }
            else if (roll < 96)
            {
                c.Fail("已告知当事人可向劳动争议仲裁委员会申请仲裁或向人民法院起诉。", Actor(held, 11));
            }
            else
            {
                c.EndByRefusal("被申请人拒绝继续调解。", Actor(held, 11));
            }

            if (c.Succeeded && i % 20 == 0)
            {
                c.ProposeClass((DifficultyClass)(1 + (i % 4)), Actor(held, 16));
                if (i % 40 == 0)
                {
                    var cls = c.ProposedClass!.Value;
                    var rate = SubsidyRate.InForce(await db.SubsidyRates.AsNoTracking().ToListAsync(ct), MediationModule.City(configuration), cls, held);
                    c.ApproveClass(cls, rate?.Amount ?? 0, Actor(held.AddDays(3) > today ? today : held.AddDays(3), 10));
                }
            }

            if (i == 7)
            {
                c.FlagViolence("一方当事人情绪激动，扬言报复。", Actor(held, 12));
            }

            db.MediationCases.Add(c);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private async Task ScreeningAsync(List<OrgUnit> communities, Guid office, MediationCommittee town, List<Mediator> mediators, DateOnly today, DateTime now, CancellationToken ct)
    {
        var due = today.AddDays(10);
        var campaign = ScreeningCampaign.Open($"{today.Year}年矛盾纠纷集中排查", today.AddDays(-20), today.AddDays(10), due, office,
            [.. communities.Select(c => (c.Name, AreaKind.Community, c.Id))], calendar, today, "justice.head", now);
        foreach (var (area, i) in campaign.Areas.Select((a, i) => (a, i)).Where(x => x.i % 2 == 0))
        {
            var findings = i % 6 == 0
                ? new List<ScreeningFinding> { new() { Description = "村民反映相邻厂房施工噪声扰民，双方多次争吵。", Type = DisputeType.Neighbours, Parties = "村民代表、某五金厂" } }
                : [];
            area.Report(findings, "mediator", now);
        }

        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
    }

    private static List<Party> Parties(Random rnd, int i) =>
    [
        new()
        {
            Side = PartySide.Applicant, Kind = PartyKind.Person, Name = Surnames[rnd.Next(Surnames.Length)] + Given[rnd.Next(Given.Length)],
            IdNumber = Identifiers.WithIdCheck($"4419001975{1 + (i % 12):00}{1 + (i % 28):00}{100 + (i % 900):000}"), Phone = $"138{26000000 + i:00000000}",
            Address = "广东省东莞市塘厦镇" + (i % 2 == 0 ? "花园街" : "迎宾大道") + $"{1 + (i % 90)}号", Consented = true,
        },
        new()
        {
            Side = PartySide.Respondent, Kind = PartyKind.Person, Name = Surnames[rnd.Next(Surnames.Length)] + Given[rnd.Next(Given.Length)],
            Phone = $"137{26000000 + i:00000000}",
        },
    ];

    private static MediationCommittee Committee(string code, string name, CommitteeKind kind, string? sector, Guid department, string abbreviation) =>
        new() { Id = Guid.CreateVersion7(), Code = code, Name = name, Abbreviation = abbreviation, Kind = kind, Sector = sector, DepartmentId = department, RowVersion = Guid.NewGuid() };

    private static void Seat(MediationCommittee c, Mediator m, CommitteeRole role, DateOnly from, DateOnly to) =>
        c.Members.Add(new CommitteeMember { Id = Guid.CreateVersion7(), CommitteeId = c.Id, MediatorId = m.Id, Role = role, TermFrom = from, TermTo = to });

    private Actor Actor(DateOnly day, int hour) => Platform.Cases.Actor.Seeding("mediator", "钟伟明", ChinaTime.StartOfDayUtc(day).AddHours(hour), calendar);
}
