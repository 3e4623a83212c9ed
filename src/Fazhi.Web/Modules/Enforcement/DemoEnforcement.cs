using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement;

/// <summary>
/// The demo town's enforcement: certified officers in every enforcement department (one certificate lapsing within 30
/// days, one suspended), the legality reviewer, discretion benchmarks and a first-violation list, and (unless
/// Fazhi:DemoCases leaves enforcement out) a few hundred cases since the start of last year at every step, licences, inspections and
/// the other acts, publications and a case-file draw. Made through the domain methods, at the dates they happened.
/// </summary>
public sealed class DemoEnforcement(
    FazhiDbContext db, OrganisationDirectory directory, WorkingDayCalendar calendar, TimeProvider time, IConfiguration configuration, CaseService cases,
    DisclosureService disclosures, Platform.Files.FileStore files)
{
    private static readonly string[] Surnames = ["陈", "李", "张", "黄", "林", "刘", "叶", "钟", "罗", "何", "郑", "周", "吴", "邓", "谢", "梁"];
    private static readonly string[] Given = ["建国", "秀英", "志强", "丽娟", "海涛", "美华", "国平", "晓敏", "伟明", "淑芬", "俊杰", "小燕", "德胜", "玉兰", "文斌", "雪梅"];

    private static readonly (string Matter, string Facts, string Provisions, string Basis, decimal Fine)[] Stories =
    [
        ("销售过期食品", "当事人在其经营的便利店内销售超过保质期的预包装食品12件，货值金额共计人民币186元。", "《中华人民共和国食品安全法》第三十四条第（十）项", "《中华人民共和国食品安全法》第一百二十四条第一款", 5000m),
        ("未按规定明码标价", "当事人经营的餐饮店未对所售菜品明码标价。", "《中华人民共和国价格法》第十三条第一款", "《中华人民共和国价格法》第四十二条", 2000m),
        ("占道经营", "当事人在塘厦大道人行道上摆卖水果，占用公共通道，经劝导后仍未改正。", "《城市市容和环境卫生管理条例》第十四条", "《广东省城乡生活垃圾管理条例》及《城市市容和环境卫生管理条例》第三十六条", 200m),
        ("违法建设", "当事人未取得建设工程规划许可证，在其宅基地上加建第四层，面积约120平方米。", "《中华人民共和国城乡规划法》第四十条第一款", "《中华人民共和国城乡规划法》第六十四条", 30000m),
        ("无证经营食品", "当事人未取得食品经营许可从事食品销售活动，违法所得人民币3200元。", "《中华人民共和国食品安全法》第三十五条第一款", "《中华人民共和国食品安全法》第一百二十二条第一款", 50000m),
        ("超标排放污水", "当事人生产废水化学需氧量超过排放标准2.3倍。", "《中华人民共和国水污染防治法》第十条", "《中华人民共和国水污染防治法》第八十三条第（二）项", 120000m),
        ("未按规定设置安全警示标志", "当事人在有较大危险因素的生产场所未设置明显的安全警示标志。", "《中华人民共和国安全生产法》第三十五条", "《中华人民共和国安全生产法》第九十九条第（一）项", 8000m),
        ("乱张贴小广告", "当事人在公共设施上张贴小广告30余张。", "《城市市容和环境卫生管理条例》第十七条", "《城市市容和环境卫生管理条例》第三十四条", 100m),
    ];

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.Officers.AnyAsync(ct))
        {
            return;
        }

        var units = (await directory.UnitsAsync(ct)).Values.Where(u => u.EnforcesLaw && u.IsActive).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        if (units.Count == 0)
        {
            return;
        }

        var today = ChinaTime.Today(time);
        var rnd = new Random(2019);
        var officers = new List<Officer>();
        var serial = 1;
        foreach (var (unit, u) in units.Select((x, i) => (x, i)))
        {
            var count = unit.Code is "TX-MSA" or "TX-CAE" ? 6 : 3;
            for (var i = 0; i < count; i++)
            {
                var (name, user, head) = (unit.Code, i) switch
                {
                    ("TX-MSA", 0) => ("周文斌", "officer.msa", true),
                    ("TX-CAE", 0) => ("吴海涛", "officer.cae", true),
                    // A second officer with an account in each department that has demo cases: the two-officer steps can be walked by two people.
                    ("TX-MSA", 1) => ("陈志强", "officer.msa2", false),
                    ("TX-CAE", 1) => ("黄俊杰", "officer.cae2", false),
                    _ => (Surnames[(u * 3 + i * 5) % Surnames.Length] + Given[(u * 7 + i * 3 + 1) % Given.Length], (string?)null, false),
                };
                var from = new DateOnly(today.Year - 2, 1 + (i % 12), 1);
                officers.Add(new Officer
                {
                    Id = Guid.CreateVersion7(), DepartmentId = unit.Id, Name = name, CertificateNumber = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"粤执{19000000 + serial++}"),
                    Area = unit.Name.Replace("分局", "", StringComparison.Ordinal).Replace("局", "", StringComparison.Ordinal), Category = "行政处罚、行政检查、行政强制",
                    ValidFrom = from,
                    // One certificate in market regulation lapses within 30 days, to show the alert.
                    ValidUntil = unit.Code == "TX-MSA" && i == 5 ? today.AddDays(20) : from.AddYears(5).AddDays(-1),
                    ExamPassedOn = from.AddDays(-30), ExamScore = 70 + rnd.Next(30), TrainingHours = 40 + rnd.Next(40),
                    // One in city management is suspended: it cannot be assigned.
                    Status = unit.Code == "TX-CAE" && i == 5 ? CertificateStatus.Suspended : CertificateStatus.Valid,
                    UserName = user, IsHead = head, RowVersion = Guid.NewGuid(),
                });
            }
        }

        db.Officers.AddRange(officers);
        var law = (await directory.UnitsAsync(ct)).Values.FirstOrDefault(u => u.Code == "TX-LAW");
        db.LegalReviewers.Add(new LegalReviewer { Id = Guid.CreateVersion7(), UserName = "legal", Name = "郑雅琳", DepartmentId = law?.Id ?? units[0].Id, HasLegalQualification = true, ReviewingSince = new DateOnly(2022, 3, 1) });
        db.LegalReviewers.Add(new LegalReviewer { Id = Guid.CreateVersion7(), UserName = "legal.new", Name = "陈思远", DepartmentId = law?.Id ?? units[0].Id, HasLegalQualification = false, ReviewingSince = new DateOnly(2024, 9, 1) });

        var msa = units.FirstOrDefault(u => u.Code == "TX-MSA");
        var cae = units.FirstOrDefault(u => u.Code == "TX-CAE");
        var listFrom = new DateOnly(today.Year - 2, 1, 1);
        var rules = new List<DiscretionRule>();
        if (msa is not null)
        {
            rules.Add(Rule(msa.Id, DiscretionKind.Benchmark, "SC-001", "销售超过保质期的食品", "《食品安全法》第三十四条、第一百二十四条", "一般", "货值金额不足一万元的，处五千元以上五万元以下罚款", 5000, 50000, listFrom));
            rules.Add(Rule(msa.Id, DiscretionKind.Benchmark, "SC-002", "未取得食品经营许可从事食品经营", "《食品安全法》第三十五条、第一百二十二条", "一般", "没收违法所得，货值不足一万元的，处五万元以上十万元以下罚款", 50000, 100000, listFrom));
            rules.Add(Rule(msa.Id, DiscretionKind.Lighter, "SC-101", "未明码标价", "《价格法》第十三条、第四十二条", "初次、及时改正", "处五千元以下罚款，从轻处罚", 0, 5000, listFrom));
            rules.Add(Rule(msa.Id, DiscretionKind.NoPenalty, "SC-201", "首次未按规定公示营业执照", "《市场主体登记管理条例》第四十八条", "首次、轻微、及时改正", "不予行政处罚（首违不罚）", null, null, listFrom, firstViolation: true));
            rules.Add(Rule(msa.Id, DiscretionKind.Benchmark, "SC-301", "违法事实确凿、情节轻微的市场监管违法行为", "《行政处罚法》第五十一条", "当场处罚", "警告，或者对个人处二百元以下、对单位处三千元以下罚款", 0, 3000, listFrom));
            rules.Add(Rule(msa.Id, DiscretionKind.Benchmark, "SC-003", "超标排放、安全生产等其他违法行为", "相关法律、法规", "一般", "依法定罚款幅度的中间值以下处罚", 1000, 200000, listFrom));
        }

        if (cae is not null)
        {
            rules.Add(Rule(cae.Id, DiscretionKind.Benchmark, "CG-001", "占道经营", "《城市市容和环境卫生管理条例》第十四条、第三十六条", "一般", "责令改正，可处五十元以上二百元以下罚款", 50, 200, listFrom));
            rules.Add(Rule(cae.Id, DiscretionKind.Benchmark, "CG-002", "未取得规划许可进行建设", "《城乡规划法》第四十条、第六十四条", "可采取改正措施", "处建设工程造价百分之五以上百分之十以下罚款", 10000, 200000, listFrom));
            rules.Add(Rule(cae.Id, DiscretionKind.NoPenalty, "CG-201", "首次乱张贴、及时清除", "《城市市容和环境卫生管理条例》第十七条", "首次、轻微、及时清除", "不予行政处罚（首违不罚）", null, null, listFrom, firstViolation: true));
            rules.Add(Rule(cae.Id, DiscretionKind.Benchmark, "CG-301", "违法事实确凿、情节轻微的城市管理违法行为", "《行政处罚法》第五十一条", "当场处罚", "警告，或者对个人处二百元以下、对单位处三千元以下罚款", 0, 3000, listFrom));
            rules.Add(Rule(cae.Id, DiscretionKind.Benchmark, "CG-003", "其他城市管理违法行为", "相关法律、法规", "一般", "依法定罚款幅度的中间值以下处罚", 1000, 200000, listFrom));
        }

        db.DiscretionRules.AddRange(rules);
        await db.SaveChangesAsync(ct);

        if (Platform.Modules.ModuleCatalog.Named(EnforcementModule.ModuleName)!.WantsDemoCases(configuration) && msa is not null && cae is not null)
        {
            await CasesAsync([msa.Id, cae.Id], officers, rules, rnd, today, ct);
            await ActionsAsync(units.Select(u => u.Id).ToList(), officers, rnd, today, ct);
        }
    }

    private static DiscretionRule Rule(
        Guid department, DiscretionKind kind, string code, string violation, string provision, string circumstance, string measure, decimal? min, decimal? max, DateOnly from,
        bool firstViolation = false) =>
        new()
        {
            Id = Guid.CreateVersion7(), DepartmentId = department, Kind = kind, Code = code, Violation = violation, Provision = provision, Circumstance = circumstance, Measure = measure,
            MinFine = min, MaxFine = max, EffectiveFrom = from, FirstViolationOnly = firstViolation,
        };

    private static readonly LegalReviewer DemoReviewer = new() { UserName = "legal", Name = "郑雅琳", HasLegalQualification = true, ReviewingSince = new DateOnly(2022, 3, 1) };

    private DepartmentRules _rules = DepartmentRules.For(new ConfigurationBuilder().Build(), "");

    private IReadOnlyList<Officer> _officers = [];

    /// <summary>The demo's people at work on a day: the department's head may approve, the town's legality reviewer reviews.</summary>
    private CaseRights At(DateOnly day, string name) =>
        new(Actor.Seeding("demo", name, ChinaTime.StartOfDayUtc(day).AddHours(2 + (day.DayNumber % 7)), calendar), IsHead: true, DemoReviewer, _rules, _officers);

    /// <summary>A picture of a signed paper (送达回证, a waiver), kept once in the file store: the demo's proofs all point at it.</summary>
    private async Task<Platform.Files.StoredFile> PaperAsync(string text, CancellationToken ct)
    {
        using var qr = new QRCoder.QRCodeGenerator().CreateQrCode(text, QRCoder.QRCodeGenerator.ECCLevel.M);
        await using var png = new MemoryStream(new QRCoder.PngByteQRCode(qr).GetGraphic(6));
        return await files.SaveAsync(png, "file", Platform.Files.FileKinds.Documents, ct);
    }

    /// <summary>About 240 cases in market regulation and city management since the start of last year, stopping at every step.</summary>
    private async Task CasesAsync(IReadOnlyList<Guid> departments, IReadOnlyList<Officer> officers, IReadOnlyList<DiscretionRule> rules, Random rnd, DateOnly today, CancellationToken ct)
    {
        var start = new DateOnly(today.Year - 1, 1, 5);
        var span = today.DayNumber - start.DayNumber;
        var eligible = 0;
        _officers = officers;
        var receipt = await PaperAsync("送达回证（演示，受送达人签收）", ct);
        var waiver = await PaperAsync("放弃陈述、申辩权利声明（演示，当事人签名）", ct);
        for (var n = 0; n < 240; n++)
        {
            var department = departments[n % departments.Count];
            var mine = officers.Where(o => o.DepartmentId == department && o.CanActOn(today) && o.ValidUntil > today.AddDays(60)).ToList();
            var pair = new[] { mine[n % mine.Count], mine[(n + 1) % mine.Count] };
            var story = Stories[(n * 3 + (department == departments[0] ? 0 : 1)) % Stories.Length];
            // The last dozen came in over the last fortnight, so that every early step has cases waiting on it.
            var registered = n < 228 ? start.AddDays(n * span / 228 + rnd.Next(3)) : today.AddDays(-2 * (239 - n));
            if (registered > today)
            {
                registered = today;
            }

            var person = n % 3 != 0;
            var party = person
                ? new CaseParty
                {
                    Kind = PartyKind.Person, Name = Surnames[rnd.Next(Surnames.Length)] + Given[rnd.Next(Given.Length)],
                    IdNumber = Identifiers.WithIdCheck(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"441900{1960 + rnd.Next(40)}{1 + rnd.Next(12):00}{1 + rnd.Next(28):00}{rnd.Next(1000):000}")),
                    Address = $"广东省东莞市塘厦镇{(n % 2 == 0 ? "花园街" : "林村新村")}{1 + rnd.Next(99)}号", Phone = $"138{rnd.Next(10000000, 99999999)}",
                    Plate = n % 5 == 0 ? $"粤S{rnd.Next(10000, 99999)}" : null,
                }
                : new CaseParty
                {
                    Kind = PartyKind.Organisation, Name = $"东莞市塘厦{Given[rnd.Next(Given.Length)]}商贸有限公司",
                    IdNumber = Identifiers.WithCreditCheck(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"91441900MA{rnd.Next(1000000, 9999999)}")),
                    Representative = Surnames[rnd.Next(Surnames.Length)] + Given[rnd.Next(Given.Length)], Address = "广东省东莞市塘厦镇迎宾大道" + (1 + rnd.Next(200)) + "号",
                };
            var a = At(registered, pair[0].Name);
            var deptRules = await cases.RulesAsync(department, ct);
            _rules = deptRules;

            // A tenth are small matters settled on the spot.
            if (n % 10 == 9)
            {
                var fine = party.Kind == PartyKind.Person ? 100m : 1000m;
                var simple = rules.First(r => r.DepartmentId == department && r.Code.EndsWith("-301", StringComparison.Ordinal));
                var c0 = EnforcementCase.OnTheSpot(
                    await cases.NextNumberAsync(department, "简", registered.Year, ct), await cases.NextNumberAsync(department, "简罚", registered.Year, ct), department,
                    CaseSource.Inspection, story.Matter, story.Facts, registered.AddDays(-1), party, pair, PenaltyKind.Fine, fine, story.Provisions, story.Basis, simple, a,
                    a.Now.AddMinutes(-20), n % 2 == 0 ? "塘厦镇塘厦大道人行道" : "塘厦镇林村市场门口");
                db.EnforcementCases.Add(c0);
                var p0 = cases.PublicationOf(c0, deptRules);
                db.Publications.Add(p0);
                Publish(p0, registered, deptRules);
                if (registered.AddDays(3) <= today)
                {
                    c0.RecordPayment(registered.AddDays(3), fine, At(registered.AddDays(3), pair[0].Name));
                    c0.Close(null, At(registered.AddDays(4), pair[0].Name));
                }

                continue;
            }

            var c = EnforcementCase.Register(await cases.NextNumberAsync(department, "立", registered.Year, ct), department, deptRules, (CaseSource)(n % 4), n % 4 == 1 ? "12315热线" : null,
                story.Matter, story.Facts, registered.AddDays(-rnd.Next(1, 30)), registered, false, party, a);
            db.EnforcementCases.Add(c);
            foreach (var o in pair)
            {
                c.Assign(o, o == pair[0] ? OfficerRole.Lead : OfficerRole.Assisting, a);
            }

            // How far the case has come: older cases are further on; the newest are still waiting to be filed.
            var age = today.DayNumber - registered.DayNumber;
            var day = registered;
            bool Next(int days)
            {
                day = calendar.AddWorkingDays(day, days);
                return day <= today;
            }

            if (n % 37 == 5)
            {
                c.RefuseFiling("经核查，违法事实不成立。", At(registered.AddDays(1), pair[0].Name));
                continue;
            }

            // The newest few still wait for their filing to be approved.
            if (n >= 236 || !Next(2))
            {
                continue;
            }

            c.ApproveFiling(At(day, "周文斌"));
            if (!Next(3))
            {
                continue;
            }

            c.ShowCertificates(day, party.Kind == PartyKind.Person ? $"当事人{party.Name}，于现场" : $"当事人法定代表人{party.Representative}，于经营场所", At(day, pair[0].Name));
            c.AddEvidence(EvidenceKind.Statement, "询问笔录", false, null, null, null, At(day, pair[0].Name));
            c.AddEvidence(EvidenceKind.Photo, "现场检查照片", n % 6 == 0, null, null, null, At(day, pair[1].Name),
                n % 6 == 0 ? "执法记录仪电量耗尽，以现场照片和笔录固定" : null);
            if (n % 6 == 0 && Next(4))
            {
                c.DecidePreservation(c.Evidence[^1].Id, "解除登记保存，退还当事人", At(day, pair[0].Name));
            }

            if (age < 20 || !Next(5))
            {
                continue;
            }

            // 第34条: every fine cites the benchmark entry it applies (the department's general entry when no specific one fits).
            var rule = rules.FirstOrDefault(r => r.DepartmentId == department && r.Kind == DiscretionKind.Benchmark && !r.Code.EndsWith("-301", StringComparison.Ordinal)
                && r.MinFine <= story.Fine && story.Fine <= r.MaxFine) ?? rules.First(r => r.DepartmentId == department && r.Code.EndsWith("-301", StringComparison.Ordinal));
            var kind = n % 29 == 3 ? PenaltyKind.Warning : PenaltyKind.Fine;
            var proposed = kind == PenaltyKind.Warning ? 0 : story.Fine;
            c.IssueNotice(kind, proposed, 0, story.Provisions, story.Basis, rule, false, false, day, deptRules, At(day, pair[0].Name),
                await cases.NextNumberAsync(department, "告", day.Year, ct));
            if (n % 4 == 0)
            {
                c.RecordStatement("当事人称系初次违法，已立即整改，请求从轻处理", "经复核，当事人陈述属实，但不足以改变处罚决定；维持拟处罚意见", At(day, pair[0].Name));
            }
            else if (n % 4 == 2 && !c.HearingEligible)
            {
                c.WaiveStatement(day, waiver.Sha256, "放弃陈述申辩声明.png", waiver.ContentType, At(day, pair[0].Name));
            }

            if (c.HearingEligible)
            {
                // Every third case that may be heard asks for a hearing, so the town has hearings to show (and notices to print).
                if (++eligible % 3 == 1)
                {
                    c.RequestHearing(day, At(day, pair[0].Name));
                    var hearingNoticed = day;
                    day = calendar.AddWorkingDays(hearingNoticed, EnforcementCase.HearingNoticeDays + 1);
                    c.ScheduleHearing(hearingNoticed, day, "刘志强", null, At(hearingNoticed, pair[0].Name));
                    if (day > today)
                    {
                        continue;
                    }

                    c.HoldHearing(false, "听证笔录：当事人对违法事实无异议，对罚款数额提出异议；调查人员出示证据并说明理由。笔录经当事人核对签名。", At(day, "刘志强"), partySigned: true);
                }
                else if (!Next(6))
                {
                    continue;
                }
            }
            else if (c.Statement is null && c.StatementWaivedOn is null)
            {
                // 第44-45条: the decision waits for the party's period to state and defend to end.
                if (!Next(deptRules.StatementDays + 1))
                {
                    continue;
                }
            }

            if (c.ReviewRequired || deptRules.OnMajorList(c.Party.Kind, kind, proposed))
            {
                c.SubmitForReview(At(day, pair[0].Name));
                if (age < 40 || !Next(3))
                {
                    continue;
                }

                c.Review([], "主体合法，事实清楚，证据确凿，程序合法，适用法律正确，裁量适当，同意。", At(day, "郑雅琳"));
            }

            if (deptRules.IsHeavy(c.Party.Kind, kind, proposed))
            {
                c.Discuss(day, "分局局长、分管副局长、法制员", "同意按拟处罚意见作出处罚决定。", At(day, "周文斌"));
            }

            if (!Next(1))
            {
                continue;
            }

            c.Decide(await cases.NextNumberAsync(department, "罚", day.Year, ct), kind, proposed, 0, null, deptRules, At(day, pair[0].Name));
            var publication = cases.PublicationOf(c, deptRules);
            db.Publications.Add(publication);
            var decided = day;
            if (!Next(2))
            {
                continue;
            }

            var serving = At(day, pair[1].Name);
            c.Serve(serving.Now, n % 8 == 0 ? ServiceMethod.Electronic : ServiceMethod.InPerson, n % 8 == 0 ? "当事人电子邮箱" : c.Party.Kind == PartyKind.Person ? c.Party.Name : c.Party.Representative,
                n % 8 == 0, receipt.Sha256, "送达回证.png", receipt.ContentType, serving);
            // Most are published within the 7 working days; a few recent ones are left due (and some overdue) for the alert list.
            if (n % 11 != 0 || decided < today.AddDays(-60))
            {
                Publish(publication, calendar.AddWorkingDays(decided, 3), deptRules);
            }

            if (c.Fine > 0)
            {
                // A few never pay: the late fine runs and the payment clock is red.
                if (n % 17 == 0)
                {
                    continue;
                }

                var late = n % 13 == 0 ? 20 : 5 + n % 9;
                if (day.AddDays(late) > today)
                {
                    continue;
                }

                day = day.AddDays(late);
                c.RecordPayment(day, c.Fine + c.LateFineOn(day), At(day, pair[0].Name));
            }

            if (!Next(3))
            {
                continue;
            }

            c.Close(null, At(day, pair[0].Name));
            if (n % 2 == 0 && Next(5))
            {
                var sequence = await NumberSeries.NextAsync(db, $"enf-archive-demo-{day.Year}", 1, ct);
                c.Archive(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(department == departments[0] ? "TX-MSA" : "TX-CAE")}-{day.Year}-处罚-{sequence:0000}"), At(day, pair[0].Name));
            }

            // One decision is later revoked after an administrative reconsideration: its publication comes down.
            if (n == 40)
            {
                c.Revoke("行政复议决定撤销原处罚决定。", At(day, "周文斌"));
                publication.DecisionRevoked(day, c.RevocationReason!, calendar);
                publication.Withdraw(calendar.AddWorkingDays(day, 2), null);
            }
        }

        await db.SaveChangesAsync(ct);

        // A case-file draw for last year's market regulation files, announced number 4711, two files scored.
        var year = today.Year - 1;
        var population = await db.EnforcementCases.AsNoTracking()
            .Where(x => x.DepartmentId == departments[0] && x.ClosedOn >= new DateOnly(year, 1, 1) && x.ClosedOn <= new DateOnly(year, 12, 31) && (x.Status == CaseStatus.Closed || x.Status == CaseStatus.Archived))
            .Select(x => new { x.Id, x.Number }).ToListAsync(ct);
        if (population.Count > 0)
        {
            var seed = EvaluationDraw.SeedOf(year, "TX-MSA", "4711");
            var draw = new EvaluationDraw
            {
                Id = Guid.CreateVersion7(), Year = year, DepartmentId = departments[0], DepartmentCode = "TX-MSA", AnnouncedNumber = "4711", Seed = seed, Size = Math.Min(5, population.Count),
                Population = population.Count, CaseNumbers = [.. EvaluationDraw.Draw(seed, population.Select(p => p.Number), Math.Min(5, population.Count))],
                DrawnAt = ChinaTime.StartOfDayUtc(new DateOnly(today.Year, 3, 2)).AddHours(2), DrawnBy = "郑雅琳",
            };
            db.EvaluationDraws.Add(draw);
            foreach (var (number, i) in draw.CaseNumbers.Take(2).Select((x, i) => (x, i)))
            {
                var e = new FileEvaluation { Id = Guid.CreateVersion7(), DrawId = draw.Id, CaseId = population.Single(p => p.Number == number).Id, CaseNumber = number, DepartmentId = departments[0] };
                e.Mark(i == 0 ? [] : [VetoItem.InsufficientEvidence], i == 0 ? 28 : 20, i == 0 ? 65 : 40, i == 0 ? "文书规范，证据充分。" : "关键证据缺少当事人签名确认。", "郑雅琳",
                    new DateOnly(today.Year, 3, 20), 20, calendar);
                db.FileEvaluations.Add(e);
            }

            await db.SaveChangesAsync(ct);
        }
    }

    private static void Publish(Publication p, DateOnly on, DepartmentRules rules)
    {
        if (p.Status == PublicationStatus.Due)
        {
            p.Publish(on, "周文斌", rules.RetainUntil(on, p.Fine), null);
        }
    }

    /// <summary>Licences, inspections and the other acts across the departments since the start of last year.</summary>
    private async Task ActionsAsync(List<Guid> departments, IReadOnlyList<Officer> officers, Random rnd, DateOnly today, CancellationToken ct)
    {
        var start = new DateOnly(today.Year - 1, 1, 3);
        var span = today.DayNumber - start.DayNumber;
        (ActionKind Kind, int Count, string Matter, string Decision)[] plan =
        [
            (ActionKind.Licence, 150, "食品经营许可", "准予许可"),
            (ActionKind.Inspection, 120, "日常监督检查", "未发现违法行为"),
            (ActionKind.CompulsoryMeasure, 16, "查封违法生产场所", "查封期限三十日"),
            (ActionKind.Levy, 8, "城市基础设施配套费征收", "征收"),
            (ActionKind.Requisition, 2, "应急抢险临时征用车辆", "征用，用后返还并给予补偿"),
        ];
        foreach (var (kind, count, matter, decision) in plan)
        {
            for (var i = 0; i < count; i++)
            {
                var department = departments[(i * 7 + (int)kind) % departments.Count];
                var decided = start.AddDays(i * span / count);
                var granted = kind == ActionKind.Licence ? i % 12 != 0 : (bool?)null;
                var action = new EnforcementAction
                {
                    Id = Guid.CreateVersion7(), DepartmentId = department, Kind = kind,
                    Number = await cases.NextNumberAsync(department, kind switch { ActionKind.Licence => "许", ActionKind.CompulsoryMeasure => "强", ActionKind.Levy => "征", ActionKind.Requisition => "用", _ => "检" }, decided.Year, ct),
                    Matter = matter, Subject = $"东莞市塘厦{Given[rnd.Next(Given.Length)]}{(kind == ActionKind.Licence ? "餐饮店" : "实业有限公司")}", SubjectKind = PartyKind.Organisation,
                    Decision = granted == false ? "不予许可：申请材料不符合法定条件" : decision, Granted = granted, StartedOn = decided.AddDays(-rnd.Next(1, 15)), DecidedOn = decided,
                    ValidUntil = kind == ActionKind.Licence && granted == true ? decided.AddYears(5) : null,
                    Amount = kind is ActionKind.Levy ? 10000 + rnd.Next(90000) : null,
                    OfficerNames = [.. officers.Where(o => o.DepartmentId == department).Take(2).Select(o => o.Name)], RecordedBy = "demo", RecordedAt = ChinaTime.StartOfDayUtc(decided).AddHours(3),
                };
                db.EnforcementActions.Add(action);
                if (kind != ActionKind.Inspection)
                {
                    var p = disclosures.PublicationOf(action);
                    db.Publications.Add(p);
                    if (decided < today.AddDays(-10))
                    {
                        p.Publish(calendar.AddWorkingDays(decided, 2), "demo", decided.AddYears(3), null);
                    }
                }
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
