using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid;

/// <summary>
/// The demo town's legal aid: the centre and two community stations (model stations), 20 lawyers in 3 firms, a week's duty
/// roster, the city's thresholds and subsidy rates; and, unless the demo cases are off, a year at the seed's scale
/// (about 1,500 contacts and 90 applications at every step).
/// </summary>
public sealed class DemoLegalAid(FazhiDbContext db, OrganisationDirectory directory, WorkingDayCalendar calendar, TimeProvider time, IConfiguration configuration)
{
    private static readonly string[] Surnames = ["陈", "李", "张", "黄", "林", "刘", "叶", "钟", "罗", "何", "郑", "周", "吴", "邓", "谢", "梁"];
    private static readonly string[] Given = ["建国", "秀英", "志强", "丽娟", "海涛", "美华", "国平", "晓敏", "伟明", "淑芬", "俊杰", "小燕", "德胜", "玉兰", "文斌", "雪梅"];

    private static readonly (MatterType Matter, ServiceForm Form, MeansGround Ground, string Facts, string Opponent)[] Stories =
    [
        (MatterType.Labour, ServiceForm.ArbitrationRepresentation, MeansGround.MigrantWorker, "申请人在某五金厂务工，工厂拖欠三个月工资共一万五千元。", "东莞市某五金制品有限公司"),
        (MatterType.PersonalInjury, ServiceForm.CivilRepresentation, MeansGround.MigrantWorker, "申请人在工地作业时受伤，请求工伤事故人身损害赔偿。", "某建筑劳务有限公司"),
        (MatterType.Support, ServiceForm.CivilRepresentation, MeansGround.Declared, "申请人年迈无业，子女拒绝支付赡养费。", "申请人之子"),
        (MatterType.Support, ServiceForm.CivilRepresentation, MeansGround.DomesticViolence, "申请人长期遭受家庭暴力，请求离婚并主张抚养费。", "申请人之配偶"),
        (MatterType.SocialInsurance, ServiceForm.AdministrativeRepresentation, MeansGround.Declared, "申请人请求认定工伤并享受工伤保险待遇。", "东莞市社会保险基金管理中心"),
        (MatterType.Criminal, ServiceForm.CriminalDefence, MeansGround.Declared, "犯罪嫌疑人因涉嫌盗窃被刑事拘留，其家属申请法律援助。", "公诉机关"),
        (MatterType.Other, ServiceForm.Consultation, MeansGround.NoIncomeGroup, "申请人为残疾人，咨询房屋租赁合同纠纷的处理途径。", ""),
        (MatterType.Other, ServiceForm.Drafting, MeansGround.AssistanceRecipient, "申请人为低保对象，请求代写民事起诉状。", "出租人"),
    ];

    private static readonly string[] Answers =
    [
        "解答劳动报酬追索的途径和时效，告知可向劳动仲裁委员会申请仲裁。", "解答离婚财产分割的法律规定。", "解答交通事故赔偿项目和计算标准。",
        "告知申请法律援助的条件和所需材料。", "解答房屋租赁押金退还问题，建议先行协商。", "解答工伤认定程序和时限。",
    ];

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.AidPlaces.AnyAsync(ct))
        {
            return;
        }

        var units = await directory.UnitsAsync(ct);
        var byCode = units.Values.ToDictionary(u => u.Code);
        if (!byCode.TryGetValue("TX-JUS-AID", out var centreNode))
        {
            return;
        }

        var today = ChinaTime.Today(time);
        var city = LegalAidModule.City(configuration);
        var communities = units.Values.Where(u => u.Kind == OrgNodeKind.Community).OrderBy(u => u.Code).Take(2).ToList();
        var centre = new AidPlace { Id = Guid.CreateVersion7(), Code = "TX-AID", Name = "塘厦镇公共法律服务中心", Kind = PlaceKind.Centre, DepartmentId = centreNode.Id };
        var places = new List<AidPlace> { centre };
        places.AddRange(communities.Select((c, i) => new AidPlace
        {
            Id = Guid.CreateVersion7(), Code = $"TX-AID-{i + 1}", Name = c.Name + "公共法律服务工作站", Kind = PlaceKind.Station, DepartmentId = c.Id, ModelStation = true,
        }));
        db.AidPlaces.AddRange(places);

        var firms = new[] { ("广东塘厦律师事务所", "31440000MD0123456X"), ("广东林村律师事务所", "31440000MD0234567Y"), ("广东凤凰岗律师事务所", "31440000MD0345678Z") }
            .Select(f => new LawFirm { Id = Guid.CreateVersion7(), Name = f.Item1, Licence = f.Item2 }).ToList();
        db.LawFirms.AddRange(firms);
        var rnd = new Random(2019);
        var lawyers = new List<AidLawyer>();
        for (var i = 0; i < 20; i++)
        {
            var specialities = Enum.GetValues<MatterType>().OrderBy(_ => rnd.Next()).Take(3).ToList();
            lawyers.Add(new AidLawyer
            {
                Id = Guid.CreateVersion7(), DepartmentId = centreNode.Id, FirmId = firms[i % 3].Id, Name = Surnames[(i * 5 + 3) % 16] + Given[(i * 7 + 2) % 16],
                LicenceNumber = $"1441920{10_000_000 + (i * 7919):D8}",
                // Two licences lapse within the month (an alert each); the others run to next year's inspection.
                LicenceValidUntil = i < 2 ? today.AddDays(10 + (i * 10)) : new DateOnly(today.Year + 1, 5, 31),
                Specialities = i % 4 == 0 ? [] : specialities,
            });
        }

        db.AidLawyers.AddRange(lawyers);
        for (var d = 0; d < 7; d++)
        {
            foreach (var (place, k) in places.Select((p, k) => (p, k)))
            {
                db.DutyShifts.Add(new DutyShift { Id = Guid.CreateVersion7(), PlaceId = place.Id, Day = today.AddDays(d), LawyerId = lawyers[((d * 3) + k) % lawyers.Count].Id });
            }
        }

        // The city's threshold (per household member a month) and its change this year; subsidies per service form.
        db.HardshipThresholds.AddRange(
            new HardshipThreshold { Id = Guid.CreateVersion7(), City = city, EffectiveFrom = new DateOnly(today.Year - 1, 1, 1), MonthlyIncomePerPerson = 1_800m },
            new HardshipThreshold { Id = Guid.CreateVersion7(), City = city, EffectiveFrom = new DateOnly(today.Year, 7, 1), MonthlyIncomePerPerson = 1_950m });
        foreach (var (form, amount) in new[]
        {
            (ServiceForm.Consultation, 100m), (ServiceForm.Drafting, 300m), (ServiceForm.CivilRepresentation, 2_500m), (ServiceForm.AdministrativeRepresentation, 2_500m),
            (ServiceForm.CriminalDefence, 3_000m), (ServiceForm.ArbitrationRepresentation, 2_000m), (ServiceForm.DutyLawyer, 200m),
        })
        {
            db.AidSubsidyRates.Add(new AidSubsidyRate { Id = Guid.CreateVersion7(), City = city, Form = form, EffectiveFrom = new DateOnly(today.Year - 1, 1, 1), Amount = amount });
        }

        await db.SaveChangesAsync(ct);
        if (!(ModuleCatalogHasDemoCases()))
        {
            return;
        }

        await ContactsAsync(places, rnd, today, ct);
        await ApplicationsAsync(places, lawyers, rnd, today, city, ct);
    }

    private bool ModuleCatalogHasDemoCases() =>
        Platform.Modules.ModuleCatalog.Named(LegalAidModule.ModuleName)!.WantsDemoCases(configuration);

    private async Task ContactsAsync(List<AidPlace> places, Random rnd, DateOnly today, CancellationToken ct)
    {
        // The seed's 1,528 visits and hotline contacts over a year, most of them at the centre.
        for (var i = 0; i < 1_500; i++)
        {
            var day = today.AddDays(-rnd.Next(0, 365));
            var place = places[i % 5 < 3 ? 0 : (i % 2) + 1];
            var channel = (ContactChannel)(i % 7 == 0 ? 2 : i % 3 == 0 ? 1 : 0);
            db.AidContacts.Add(new AidContact
            {
                Id = Guid.CreateVersion7(), PlaceId = place.Id, DepartmentId = place.DepartmentId, Channel = channel,
                At = ChinaTime.StartOfDayUtc(day).AddHours(9 + rnd.Next(0, 8)).AddMinutes(rnd.Next(0, 60)),
                Name = i % 3 == 0 ? null : Surnames[rnd.Next(16)] + Given[rnd.Next(16)], Phone = i % 4 == 0 ? $"139{rnd.Next(10_000_000, 99_999_999)}" : null,
                MatterType = (MatterType)rnd.Next(0, 10), Answer = Answers[rnd.Next(Answers.Length)],
                ReferredTo = (Referral)(i % 10 == 0 ? 2 : i % 17 == 0 ? 3 : i % 13 == 0 ? 4 : 0), RecordedBy = "aid.officer",
            });
        }

        await db.SaveChangesAsync(ct);
    }

    private async Task ApplicationsAsync(List<AidPlace> places, List<AidLawyer> lawyers, Random rnd, DateOnly today, string city, CancellationToken ct)
    {
        var thresholds = await db.HardshipThresholds.AsNoTracking().Where(t => t.City == city).ToListAsync(ct);
        var rates = await db.AidSubsidyRates.AsNoTracking().Where(t => t.City == city).ToListAsync(ct);
        await using var tx = await db.BeginWriteAsync(ct);
        for (var i = 0; i < 90; i++)
        {
            // Older applications have gone further: the newest are still under review.
            var age = 360 - (i * 4);
            var day = today.AddDays(-age);
            var story = Stories[i % Stories.Length];
            // Three in four at the centre, the rest at the two stations in turn.
            var place = places[i % 4 == 3 ? ((i / 4) % 2) + 1 : 0];
            var by = Actor(day, 9);
            var rule = thresholds.Where(t => t.EffectiveFrom <= day).MaxBy(t => t.EffectiveFrom);
            decimal? income = story.Ground == MeansGround.Declared ? (i % 9 == 0 ? 9_000m : 2_400m + (i * 10)) : null;
            int? household = story.Ground == MeansGround.Declared ? 2 + (i % 3) : null;
            var means = MeansOutcome.Judge(story.Ground, income, household, rule);
            var name = Surnames[(i * 3) % 16] + Given[(i * 5 + 1) % 16];
            var detained = story.Matter == MatterType.Criminal ? by.Now.AddHours(-20) : (DateTime?)null;
            var a = AidApplication.Receive(await ApplicationService.NextNumberAsync(db, configuration, day.Year, ct), place, story.Matter, story.Form,
                new(name, DemoIdNumber(i), $"138{10_000_000 + (i * 104_729):D8}", "东莞市塘厦镇" + (i % 2 == 0 ? "莲湖" : "林村") + $"社区{i + 1}号", null, null,
                    story.Opponent.Length == 0 ? null : story.Opponent), story.Facts, "塘厦镇", detained, story.Ground, income, household, means, by);
            // The newest detained person's request is still to be forwarded (its 24 hours on the register).
            if (a.Status == AidStatus.Forwarding && i < 85)
            {
                a.Forward(Actor(day, 12));
            }

            if (age <= 10 && a.Status == AidStatus.Received)
            {
                // The last days' applications: one waiting for materials, one granted and waiting for its lawyer, the rest under review.
                if (i == 88)
                {
                    a.RequestMaterials("请补充提交工资条或考勤记录。", today.AddDays(10), Actor(day, 11));
                }

            }

            if (age > 10)
            {
                if (i % 11 == 5)
                {
                    a.RequestMaterials("请补充提交身份证复印件、劳动合同或工资条等证明材料。", day.AddDays(10), Actor(day, 10));
                    if (i % 22 == 5)
                    {
                        a.SupplyMaterials(Actor(day.AddDays(3), 10));
                    }
                    else
                    {
                        a.Lapse(Actor(day.AddDays(11), 10));
                    }
                }

                if (a.Status == AidStatus.Received)
                {
                    if (!a.MeansEligible)
                    {
                        a.Refuse("经审查，申请人家庭人均月收入高于本市法律援助经济困难标准。", Actor(day.AddDays(3), 15));
                        if (i % 2 == 0)
                        {
                            a.LodgeObjection(day.AddDays(6), Actor(day.AddDays(6), 10));
                            a.DecideObjection(false, "经审查，原决定认定事实清楚，维持原决定。", Actor(day.AddDays(9), 10));
                        }
                    }
                    else
                    {
                        a.Grant(Actor(day.AddDays(2), 15));
                        if (i == 86)
                        {
                            // Granted this week, its lawyer still to be assigned (3 days, on the register).
                            db.AidApplications.Add(a);
                            continue;
                        }

                        var lawyer = lawyers.Where(l => l.LicenceValidUntil > day.AddDays(60) && (l.Specialities.Count == 0 || l.Specialities.Contains(a.MatterType)))
                            .OrderBy(l => (l.Id.GetHashCode() + i) & 0xffff).First();
                        a.Assign(lawyer, null, Actor(day.AddDays(3), 10));
                        a.AddNote("承办律师已会见受援人，了解案情并制定办案方案。", Actor(day.AddDays(10), 10));
                        if (i % 17 == 3)
                        {
                            // 第55-56条: a complaint, and another lawyer with the reason.
                            a.Complain("受援人反映承办律师多次未按约回复。", Actor(day.AddDays(15), 10));
                            var other = lawyers.First(l => l.Id != lawyer.Id && l.LicenceValidUntil > day.AddDays(60));
                            a.Assign(other, "受援人投诉后更换承办律师", Actor(day.AddDays(16), 10));
                        }

                        if (i % 9 == 2)
                        {
                            a.CheckQuality(QualityKind.CourtObservation, 80 + (i % 20), "庭审中代理意见清楚，举证充分。", day.AddDays(30), Actor(day.AddDays(30), 10));
                        }
                        if (age > 60)
                        {
                            a.CheckQuality(QualityKind.FollowUpCall, 85 + (i % 15), "受援人对律师服务表示满意。", day.AddDays(40), Actor(day.AddDays(40), 10));
                            if (i % 13 == 0)
                            {
                                a.Terminate(TerminationGround.RequestedByApplicant, "受援人与对方达成和解，申请终止法律援助。", Actor(day.AddDays(45), 10));
                            }
                            else
                            {
                                var rate = rates.Where(r => r.Form == a.Form && r.EffectiveFrom <= day.AddDays(50)).MaxBy(r => r.EffectiveFrom);
                                a.Close("案件已审结，承办律师提交结案报告及判决书、代理词等材料。", true, rate, Actor(day.AddDays(50), 16));
                                a.CheckQuality(QualityKind.FileCheck, 70 + (i % 30), "卷宗材料齐全。", day.AddDays(55), Actor(day.AddDays(55), 10));
                            }
                        }
                    }
                }
            }

            db.AidApplications.Add(a);
            if (i % 3 == 0)
            {
                // The visit the application came from, referred on at the desk.
                db.AidContacts.Add(new AidContact
                {
                    Id = Guid.CreateVersion7(), PlaceId = place.Id, DepartmentId = place.DepartmentId, Channel = ContactChannel.Visit, At = by.Now.AddMinutes(-20),
                    Name = name, MatterType = story.Matter, Answer = "告知法律援助的条件和所需材料，当场受理申请。", ReferredTo = Referral.Application, ApplicationId = a.Id, RecordedBy = "aid.officer",
                });
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>A well-formed ID number (the check digit computed) for the demo's applicants.</summary>
    internal static string DemoIdNumber(int i)
    {
        var body = $"441900{1950 + (i % 50)}{(i % 12) + 1:00}{(i % 28) + 1:00}{100 + i:000}";
        int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
        var sum = body.Select((c, k) => (c - '0') * weights[k]).Sum();
        return body + "10X98765432"[sum % 11];
    }

    private Platform.Cases.Actor Actor(DateOnly day, int hour) => Platform.Cases.Actor.Seeding("aid.officer", "叶晓敏", ChinaTime.StartOfDayUtc(day).AddHours(hour), calendar);
}
