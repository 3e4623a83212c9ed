using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid;

/// <summary>
/// The demo town's legal aid in 2019 (<see cref="FazhiModule.DemoHistoryYear"/>) at the scale of its annual report: 1,528 contacts
/// (visits, the hotline, online questions; 今年全镇…接待来访群众、法律援助热线等1528人次) and 100 applications, of which 88 were granted
/// and handled to their end (承办法援案件88宗: 84 closed with their file checked, 4 terminated), 7 refused (3 after an objection was
/// dismissed) and 5 withdrawn when their materials did not come. The year's threshold and subsidy rates are added when none is in
/// force then. Every record is made by the domain's own steps at 2019 instants, everything ends within the year, no clock runs.
/// </summary>
public sealed class DemoLegalAidHistory(FazhiDbContext db, WorkingDayCalendar calendar, IConfiguration configuration)
{
    private const int Year = FazhiModule.DemoHistoryYear;

    /// <summary>The seed's contacts (人次), the visits that became applications among them.</summary>
    public const int Contacts = 1_528;

    public const int Applications = 100;

    /// <summary>The seed's cases (承办法援案件88宗): the applications granted in the year.</summary>
    public const int Granted = 88;

    private const int Batch = 500;

    private static readonly string[] Surnames = ["陈", "李", "张", "黄", "林", "刘", "叶", "钟", "罗", "何", "郑", "周", "吴", "邓", "谢", "梁", "曾", "彭", "蔡", "袁"];
    private static readonly string[] Given = ["永强", "桂芳", "志明", "秀兰", "国华", "丽萍", "建平", "小红", "伟强", "惠珍", "德明", "春梅", "俊峰", "凤英", "锦荣", "金凤"];
    private static readonly string[] Roads = ["莲湖路", "林村大道", "迎宾大道", "花园街", "环市东路", "石潭埔一路", "凤凰岗路", "蛟乙塘路"];

    private static readonly (MatterType Matter, ServiceForm Form, MeansGround Ground, string Facts, string Opponent)[] Stories =
    [
        (MatterType.Labour, ServiceForm.ArbitrationRepresentation, MeansGround.MigrantWorker, "申请人在某电子厂务工，工厂拖欠两个月工资共一万一千元。", "东莞市某电子科技有限公司"),
        (MatterType.PersonalInjury, ServiceForm.CivilRepresentation, MeansGround.MigrantWorker, "申请人在工地搬运建材时摔伤，请求工伤人身损害赔偿。", "某建筑劳务有限公司"),
        (MatterType.Support, ServiceForm.CivilRepresentation, MeansGround.Declared, "申请人年逾七十，无固定收入，子女拒绝支付赡养费。", "申请人之子"),
        (MatterType.Support, ServiceForm.CivilRepresentation, MeansGround.DomesticViolence, "申请人长期遭受家庭暴力，请求离婚并主张子女抚养费。", "申请人之配偶"),
        (MatterType.SocialInsurance, ServiceForm.AdministrativeRepresentation, MeansGround.Declared, "申请人请求认定工伤并享受工伤保险待遇。", "东莞市社会保险基金管理中心"),
        (MatterType.Criminal, ServiceForm.CriminalDefence, MeansGround.Declared, "犯罪嫌疑人因涉嫌盗窃被刑事拘留，其家属申请法律援助。", "公诉机关"),
        (MatterType.Labour, ServiceForm.ArbitrationRepresentation, MeansGround.Declared, "申请人被公司违法解除劳动合同，请求支付经济赔偿金。", "东莞市某塑胶制品有限公司"),
        (MatterType.Other, ServiceForm.Consultation, MeansGround.NoIncomeGroup, "申请人为残疾人，咨询房屋租赁合同纠纷的处理途径。", ""),
        (MatterType.PersonalInjury, ServiceForm.CivilRepresentation, MeansGround.Declared, "申请人驾驶电动车被货车撞伤，请求交通事故损害赔偿。", "某物流有限公司"),
        (MatterType.Other, ServiceForm.Drafting, MeansGround.AssistanceRecipient, "申请人为低保对象，请求代写民事起诉状。", "出租人"),
        (MatterType.Pension, ServiceForm.CivilRepresentation, MeansGround.Declared, "申请人请求原单位补缴养老保险并赔偿养老待遇损失。", "东莞市某鞋业有限公司"),
        (MatterType.Labour, ServiceForm.ArbitrationRepresentation, MeansGround.MigrantWorker, "申请人等五名工人被拖欠工程款中的劳务报酬。", "某建筑工程有限公司"),
    ];

    private static readonly string[] Answers =
    [
        "解答劳动报酬追索的途径和时效，告知可向劳动人事争议仲裁院申请仲裁。", "解答离婚财产分割和子女抚养的法律规定。", "解答交通事故赔偿项目和计算标准。",
        "告知申请法律援助的条件和所需材料。", "解答房屋租赁押金退还问题，建议先行协商。", "解答工伤认定程序和时限。", "解答民间借贷纠纷的举证要求和诉讼时效。",
    ];

    // Refused (a declared income above the threshold; the objection to three of them dismissed), withdrawn (materials not
    // brought), terminated after the lawyer began (第48条), and a complaint followed by another lawyer (第55-56条).
    private static readonly HashSet<int> Refused = [14, 28, 30, 44, 58, 74, 90];
    private static readonly HashSet<int> Objected = [28, 58, 90];
    private static readonly HashSet<int> Withdrawn = [7, 23, 47, 67, 83];
    private static readonly HashSet<int> Terminated = [12, 40, 63, 78];
    private static readonly HashSet<int> Complained = [20, 52];

    private static readonly (ServiceForm Form, decimal Amount)[] Rates2019 =
    [
        (ServiceForm.Consultation, 80m), (ServiceForm.Drafting, 250m), (ServiceForm.CivilRepresentation, 2_000m), (ServiceForm.AdministrativeRepresentation, 2_000m),
        (ServiceForm.CriminalDefence, 2_500m), (ServiceForm.ArbitrationRepresentation, 1_600m), (ServiceForm.DutyLawyer, 150m),
    ];

    private static readonly DateOnly YearStart = new(Year, 1, 1);
    private static readonly DateOnly YearEnd = new(Year, 12, 31);

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (!ModuleCatalog.Named(LegalAidModule.ModuleName)!.WantsDemoHistory(configuration))
        {
            return;
        }

        // Loaded already: the year's contacts or its own applications (one referred from another work line's 2019 is not this history).
        var (from, to) = (ChinaTime.StartOfDayUtc(YearStart), ChinaTime.StartOfDayUtc(YearEnd.AddDays(1)));
        if (await db.AidContacts.AnyAsync(c => c.At >= from && c.At < to, ct)
            || await db.AidApplications.AnyAsync(a => a.ReceivedAt >= from && a.ReceivedAt < to && a.ReferredFrom == null, ct))
        {
            return;
        }

        // The demo's centre and stations, and its pool (the demo loads them first).
        var places = await db.AidPlaces.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Kind).ThenBy(p => p.Code).ToListAsync(ct);
        var lawyers = (await db.AidLawyers.AsNoTracking().Where(l => l.IsActive).ToListAsync(ct))
            .Where(l => l.LicensedOn(YearEnd)).OrderBy(l => l.LicenceNumber, StringComparer.Ordinal).ToList();
        if (places.Count == 0 || places[0].Kind != PlaceKind.Centre || lawyers.Count < 2)
        {
            return;
        }

        var city = LegalAidModule.City(configuration);
        await using var tx = await db.BeginWriteAsync(ct);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var (thresholds, rates) = await RulesAsync(city, ct);
            var withVisit = await ApplicationsAsync(places, lawyers, thresholds, rates, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await ContactsAsync(places, Contacts - withVisit, ct);
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>The city's threshold and subsidy rates in force in 2019: those on record, or the year's added from its first day.</summary>
    private async Task<(List<HardshipThreshold> Thresholds, List<AidSubsidyRate> Rates)> RulesAsync(string city, CancellationToken ct)
    {
        var thresholds = await db.HardshipThresholds.AsNoTracking().Where(t => t.City == city).ToListAsync(ct);
        if (!thresholds.Any(t => t.EffectiveFrom <= YearStart))
        {
            // Guangdong's hardship standard was the local minimum wage: Dongguan's, 1,720 yuan a month from July 2018.
            var rule = new HardshipThreshold { Id = Guid.CreateVersion7(), City = city, EffectiveFrom = YearStart, MonthlyIncomePerPerson = 1_720m };
            db.HardshipThresholds.Add(rule);
            thresholds.Add(rule);
        }

        var rates = await db.AidSubsidyRates.AsNoTracking().Where(r => r.City == city).ToListAsync(ct);
        foreach (var (form, amount) in Rates2019)
        {
            if (!rates.Any(r => r.Form == form && r.EffectiveFrom <= YearStart))
            {
                var rate = new AidSubsidyRate { Id = Guid.CreateVersion7(), City = city, Form = form, EffectiveFrom = YearStart, Amount = amount };
                db.AidSubsidyRates.Add(rate);
                rates.Add(rate);
            }
        }

        return (thresholds, rates);
    }

    /// <summary>The year's 100 applications, received from January to mid-October and each taken to its end within the year; returns the visits recorded with them.</summary>
    private async Task<int> ApplicationsAsync(List<AidPlace> places, List<AidLawyer> lawyers, List<HardshipThreshold> thresholds, List<AidSubsidyRate> rates, CancellationToken ct)
    {
        var rnd = new Random(Year + 1);
        var visits = 0;
        for (var i = 0; i < Applications; i++)
        {
            var day = Day(YearStart.AddDays(2 + (i * 29 / 10)));
            var story = Stories[i % Stories.Length];
            // Three in four at the centre, the rest at the stations in turn.
            var place = i % 4 == 3 && places.Count > 1 ? places[1 + ((i / 4) % (places.Count - 1))] : places[0];
            var by = place.Kind == PlaceKind.Station ? Station(day, 9 + (i % 3)) : Officer(day, 9 + (i % 3));
            var rule = thresholds.Where(t => t.EffectiveFrom <= day).MaxBy(t => t.EffectiveFrom);
            decimal? income = story.Ground == MeansGround.Declared ? (Refused.Contains(i) ? 8_000m + (i * 10) : 1_500m + (i * 37 % 900)) : null;
            int? household = story.Ground == MeansGround.Declared ? (Refused.Contains(i) ? 2 : 2 + (i % 3)) : null;
            var means = MeansOutcome.Judge(story.Ground, income, household, rule);
            var name = Surnames[(i * 7 + 3) % Surnames.Length] + Given[(i * 5 + 2) % Given.Length];
            var detained = story.Matter == MatterType.Criminal ? by.Now.AddHours(-20) : (DateTime?)null;
            var a = AidApplication.Receive(await ApplicationService.NextNumberAsync(db, configuration, Year, ct), place, story.Matter, story.Form,
                new(name, DemoLegalAid.DemoIdNumber(i + 100), $"139{20_000_000 + (i * 104_729):D8}", $"东莞市塘厦镇{Roads[i % Roads.Length]}{(i * 7 % 160) + 1}号", null, null,
                    story.Opponent.Length == 0 ? null : story.Opponent), story.Facts, "塘厦镇", detained, story.Ground, income, household, means, by);
            if (a.Status == AidStatus.Forwarding)
            {
                // 第39条: the detention house's request reaches the centre within its 24 hours.
                a.Forward(Officer(day, 12));
            }

            if (Withdrawn.Contains(i))
            {
                a.RequestMaterials("请补充提交身份证复印件、劳动合同或工资条等证明材料。", day.AddDays(10), Officer(day, 14));
                a.Lapse(Officer(Day(day.AddDays(11)), 10));
            }
            else if (Refused.Contains(i))
            {
                var refused = Day(day.AddDays(3));
                a.Refuse("经审查，申请人家庭人均月收入高于本市法律援助经济困难标准，不符合法律援助条件。", Officer(refused, 15));
                if (Objected.Contains(i))
                {
                    var objected = Day(refused.AddDays(3));
                    a.LodgeObjection(objected, Officer(objected, 10));
                    a.DecideObjection(false, "经审查，原决定认定事实清楚，适用标准正确，维持原决定。", Supervisor(Day(objected.AddDays(3)), 10));
                }
            }
            else
            {
                Handle(a, i, day, lawyers, rates, rnd);
            }

            db.AidApplications.Add(a);
            if (!a.Detained)
            {
                // The visit the application came from, taken at the desk.
                visits++;
                db.AidContacts.Add(new AidContact
                {
                    Id = Guid.CreateVersion7(), PlaceId = place.Id, DepartmentId = place.DepartmentId, Channel = ContactChannel.Visit, At = by.Now.AddMinutes(-20),
                    Name = name, MatterType = story.Matter, Answer = "告知法律援助的条件和所需材料，当场受理申请。", ReferredTo = Referral.Application, ApplicationId = a.Id,
                    RecordedBy = by.UserName,
                });
            }
        }

        return visits;
    }

    /// <summary>A granted case: the lawyer the next working day, the work, quality checks, and its end (closed with the subsidy, or terminated).</summary>
    private void Handle(AidApplication a, int i, DateOnly day, List<AidLawyer> lawyers, List<AidSubsidyRate> rates, Random rnd)
    {
        var granted = Day(day.AddDays(2));
        a.Grant(Officer(granted, 15));
        var candidates = lawyers.Where(l => l.Specialities.Count == 0 || l.Specialities.Contains(a.MatterType)).ToList();
        var lawyer = candidates.Count > 0 ? candidates[rnd.Next(candidates.Count)] : lawyers[rnd.Next(lawyers.Count)];
        var assigned = Day(granted.AddDays(1));
        a.Assign(lawyer, null, Officer(assigned, 10));
        a.AddNote("承办律师已会见受援人，了解案情并制定办案方案。", Officer(Day(assigned.AddDays(5)), 10));
        if (Complained.Contains(i))
        {
            a.Complain("受援人反映承办律师多次未按约回复。", Officer(Day(assigned.AddDays(12)), 10));
            var other = lawyers.First(l => l.Id != lawyer.Id);
            a.Assign(other, "受援人投诉后更换承办律师", Officer(Day(assigned.AddDays(13)), 10));
        }

        if (Terminated.Contains(i))
        {
            var (ground, note) = i == 40
                ? (TerminationGround.OwnLawyer, "受援人自行委托律师代理，终止法律援助。")
                : (TerminationGround.RequestedByApplicant, "受援人与对方达成和解，申请终止法律援助。");
            a.Terminate(ground, note, Officer(Day(assigned.AddDays(20)), 10));
            return;
        }

        var days = a.Form switch
        {
            ServiceForm.Consultation => 4,
            ServiceForm.Drafting => 6,
            ServiceForm.DutyLawyer => 3,
            ServiceForm.ArbitrationRepresentation => 40,
            ServiceForm.CriminalDefence => 50,
            ServiceForm.CivilRepresentation => 55,
            _ => 60,
        };
        if (days >= 40 && i % 3 == 1)
        {
            var heard = Day(assigned.AddDays(days - 10));
            a.CheckQuality(QualityKind.CourtObservation, 80 + (i % 20), "庭审中代理（辩护）意见清楚，举证质证充分。", heard, Officer(heard, 10));
        }

        var closed = Day(assigned.AddDays(days));
        var rate = rates.Where(r => r.Form == a.Form && r.EffectiveFrom <= closed).MaxBy(r => r.EffectiveFrom);
        a.Close("案件已办结，承办律师提交结案报告及裁判文书、代理词等材料。", true, rate, Officer(closed, 16));
        var filed = Day(closed.AddDays(3));
        a.CheckQuality(QualityKind.FileCheck, 75 + (i % 25), "卷宗材料齐全，结案报告规范。", filed, Officer(filed, 10));
        if (i % 2 == 0)
        {
            var called = Day(closed.AddDays(5));
            a.CheckQuality(QualityKind.FollowUpCall, 85 + (i % 15), "受援人对律师服务表示满意。", called, Officer(called, 11));
        }
    }

    /// <summary>The other contacts of the year: visits on working days (three in five at the centre), the 12348 hotline and online questions any day.</summary>
    private async Task ContactsAsync(List<AidPlace> places, int count, CancellationToken ct)
    {
        var rnd = new Random(Year);
        var workdays = Enumerable.Range(0, YearEnd.DayNumber - YearStart.DayNumber + 1).Select(d => YearStart.AddDays(d)).Where(calendar.IsWorkingDay).ToList();
        var days = YearEnd.DayNumber - YearStart.DayNumber + 1;
        for (var i = 0; i < count; i++)
        {
            var channel = (ContactChannel)(i % 7 == 0 ? 2 : i % 3 == 0 ? 1 : 0);
            var day = channel == ContactChannel.Visit ? workdays[rnd.Next(workdays.Count)] : YearStart.AddDays(rnd.Next(days));
            var place = channel == ContactChannel.Visit && i % 5 >= 3 && places.Count > 1 ? places[1 + (i % (places.Count - 1))] : places[0];
            db.AidContacts.Add(new AidContact
            {
                Id = Guid.CreateVersion7(), PlaceId = place.Id, DepartmentId = place.DepartmentId, Channel = channel,
                At = ChinaTime.StartOfDayUtc(day).AddHours(9 + rnd.Next(0, 8)).AddMinutes(rnd.Next(0, 60)),
                Name = i % 3 == 0 ? null : Surnames[rnd.Next(Surnames.Length)] + Given[rnd.Next(Given.Length)],
                Phone = i % 4 == 0 ? $"139{rnd.Next(10_000_000, 99_999_999)}" : null,
                MatterType = (MatterType)rnd.Next(0, 10), Answer = Answers[rnd.Next(Answers.Length)],
                ReferredTo = (Referral)(i % 10 == 0 ? 2 : i % 17 == 0 ? 3 : i % 13 == 0 ? 4 : 0),
                RecordedBy = place.Kind == PlaceKind.Station ? "aid.station" : "aid.officer",
            });
            if ((i + 1) % Batch == 0)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>The working day on or after <paramref name="day"/>, kept within the year (the last working day before it otherwise).</summary>
    private DateOnly Day(DateOnly day)
    {
        var d = day;
        while (!calendar.IsWorkingDay(d))
        {
            d = d.AddDays(1);
        }

        if (d <= YearEnd)
        {
            return d;
        }

        d = YearEnd;
        while (!calendar.IsWorkingDay(d))
        {
            d = d.AddDays(-1);
        }

        return d;
    }

    private Platform.Cases.Actor Officer(DateOnly day, int hour) => Platform.Cases.Actor.Seeding("aid.officer", "叶晓敏", ChinaTime.StartOfDayUtc(day).AddHours(hour), calendar);

    private Platform.Cases.Actor Station(DateOnly day, int hour) => Platform.Cases.Actor.Seeding("aid.station", "梁淑芬", ChinaTime.StartOfDayUtc(day).AddHours(hour), calendar);

    /// <summary>第49条: the justice bureau decides an objection.</summary>
    private Platform.Cases.Actor Supervisor(DateOnly day, int hour) => Platform.Cases.Actor.Seeding("supervisor", "王建华", ChinaTime.StartOfDayUtc(day).AddHours(hour), calendar);
}
