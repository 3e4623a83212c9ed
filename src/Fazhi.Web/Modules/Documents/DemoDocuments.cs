using System.Text;
using Fazhi.Web.Modules.Documents.Data;
using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Modules.Documents.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Documents;

/// <summary>
/// The demo town's legal office at the seed's scale. Last year: both bodies' half-year plans approved at meetings, 12 party
/// documents checked before issue and filed, 6 administrative documents drafted, checked and filed. This year: documents at every
/// step (a draft, one open for comment, one in its check, one to deliberate, one published and not yet filed, one amended, one
/// repealed, one lapsing within six months), two major decisions (one complete, one waiting for its legality review), 3 firms
/// with an advisor for the town, units and every community, a year of opinions, and the staff responsible for legal work.
/// </summary>
public sealed class DemoDocuments(FazhiDbContext db, OrganisationDirectory directory, WorkingDayCalendar calendar, TimeProvider time, IConfiguration configuration, FileStore files)
{
    private static readonly string[] PartyTitles =
    [
        "关于加强基层党组织建设的实施意见", "关于进一步规范党委议事决策的规定", "关于落实党风廉政建设主体责任的实施办法", "关于加强村（社区）干部队伍管理的意见",
        "关于推进法治政府建设的实施方案", "关于加强意识形态工作的实施细则", "关于规范党员发展工作的通知", "关于加强和改进群团工作的意见",
        "关于建立基层治理网格化工作机制的意见", "关于落实第一责任人职责的规定", "关于深化作风建设的实施意见", "关于进一步加强信访工作的意见",
    ];

    private static readonly string[] AdministrativeTitles =
    [
        "塘厦镇出租屋消防安全管理办法", "塘厦镇违法建设查处工作规定", "塘厦镇农村集体资产交易管理办法", "塘厦镇城市管理综合执法工作规程",
        "塘厦镇困难群众临时救助实施办法", "塘厦镇政府合同管理规定",
    ];

    internal static readonly string[] Surnames = ["陈", "李", "张", "黄", "林", "刘", "叶", "钟", "罗", "何", "郑", "周", "吴", "邓", "谢", "梁"];
    internal static readonly string[] Given = ["志强", "丽娟", "伟明", "淑芬", "海燕", "建军", "秀珍", "国平", "慧敏", "家豪", "永红", "文华", "晓东", "美华", "振宇", "玉兰"];

    /// <summary>The three firms the town and its party committee contract their legal advisors from (名称, 执业许可证号).</summary>
    internal static readonly (string Name, string Licence)[] Firms =
        [("广东塘邦律师事务所", "24419201010001"), ("广东莞法律师事务所", "24419200510002"), ("广东凤岗明理律师事务所", "24419201510003")];

    /// <summary>The positions of the staff responsible for legal work.</summary>
    internal static readonly string[] Positions = ["法制员", "法治工作联络员", "行政执法监督员", "合同审查员"];

    public async Task LoadAsync(CancellationToken ct = default)
    {
        if (await db.AdvisorFirms.AnyAsync(ct) || !Platform.Modules.ModuleCatalog.Named(DocumentsModule.ModuleName)!.WantsDemoCases(configuration))
        {
            return;
        }

        var byCode = await directory.IdsByCodeAsync(ct);
        var units = await directory.UnitsAsync(ct);
        if (!byCode.TryGetValue("TX-LAW", out var office) || !byCode.TryGetValue("TX-GOV", out var gov) || !byCode.TryGetValue("TX-PARTY", out var party))
        {
            return;
        }

        var today = ChinaTime.Today(time);
        var last = today.Year - 1;
        var minutes = await files.SaveAsync(new MemoryStream(Pdf("会议纪要")), "minutes", FileKinds.Documents, ct);
        await using var tx = await db.BeginWriteAsync(ct);

        // Plans: last year's and this year's halves, each body's.
        var plans = new Dictionary<(PlanBody, int, int), DocumentPlan>();
        foreach (var year in new[] { last, today.Year })
        {
            AddPlans(plans, year, revised: year != last, office, gov, party, units, minutes, today);
        }

        // Last year: 12 party documents, 6 administrative, each from its plan through the check to filing.
        var n = await AddFiledYearAsync(plans, last, gov, party, units, 0, ct);

        // This year: every step of the road.
        var steps = new (string Title, DocumentKind Kind, bool Rights, DocumentStatus To, int DaysAgo)[]
        {
            ("塘厦镇养犬管理暂行办法", DocumentKind.Administrative, true, DocumentStatus.Drafting, 12),
            ("塘厦镇住宅小区物业管理实施办法", DocumentKind.Administrative, true, DocumentStatus.PublicComment, 20),
            ("塘厦镇重大行政决策程序规定", DocumentKind.Administrative, false, DocumentStatus.LegalityCheck, 12),
            ("关于加强镇村两级法律顾问工作的意见", DocumentKind.Party, false, DocumentStatus.Deliberation, 40),
            ("塘厦镇行政执法公示办法", DocumentKind.Administrative, false, DocumentStatus.Published, 60),
            ("塘厦镇镇级财政资金管理办法", DocumentKind.Administrative, true, DocumentStatus.Filed, 150),
        };
        foreach (var s in steps)
        {
            var drafted = today.AddDays(-s.DaysAgo);
            var d = await DraftAsync(s.Kind, s.Title, s.Kind == DocumentKind.Party ? party : gov, units, null, "上级部署的新任务，未列入半年计划", s.Rights, drafted, ct);
            await RunToAsync(d, s.To, drafted, ++n, ct);
            db.NormativeDocuments.Add(d);
        }

        // Older documents: one lapsing within six months (the clean-up reminder), one amended, one repealed this year.
        var older = new (string Title, int MonthsAgo, string? Then)[]
        {
            ("塘厦镇社区网格员管理办法", 56, null),
            ("塘厦镇行政规范性文件管理办法", 30, "amend"),
            ("塘厦镇临时摊贩管理规定", 40, "repeal"),
        };
        foreach (var o in older)
        {
            var drafted = today.AddMonths(-o.MonthsAgo);
            var d = await DraftAsync(DocumentKind.Administrative, o.Title, gov, units, null, "历史存量文件", affectsRights: false, drafted, ct);
            await RunToAsync(d, DocumentStatus.Filed, drafted, ++n, ct);
            if (o.Then == "amend")
            {
                d.Amend(d.Current.Text + "\n第十条 本办法由镇司法所负责解释。", "镇政府常务会议决定修改（增加解释条款）", Office(today.AddDays(-30), 10));
            }
            else if (o.Then == "repeal")
            {
                d.Repeal("上位法已修改，本规定与之不一致，经清理决定废止", today.AddDays(-45), Office(today.AddDays(-45), 10));
            }

            db.NormativeDocuments.Add(d);
        }

        await db.SaveChangesAsync(ct);
        await AdvisorsAsync(office, units, today, ct);
        await DecisionsAsync(gov, units, today, minutes, ct);
        await StaffAsync(units, today, ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// A year's plans, each body's half-year plan (the party committee's six documents, the government's three) approved at its
    /// meeting in January and July; a half that has not started by <paramref name="until"/> is left out. A revised year's titles
    /// say so (the documents made again after the earlier ones).
    /// </summary>
    internal void AddPlans(
        Dictionary<(PlanBody, int, int), DocumentPlan> plans, int year, bool revised, Guid office, Guid gov, Guid party, IReadOnlyDictionary<Guid, OrgUnit> units,
        StoredFile minutes, DateOnly until)
    {
        foreach (var half in new[] { 1, 2 })
        {
            var start = new DateOnly(year, half == 1 ? 1 : 7, 10);
            if (start > until)
            {
                continue;
            }

            foreach (var body in Enum.GetValues<PlanBody>())
            {
                var by = Office(start, 9);
                var plan = DocumentPlan.Create(office, body, year, half, by);
                var titles = body == PlanBody.PartyCommittee ? PartyTitles : AdministrativeTitles;
                var count = body == PlanBody.PartyCommittee ? 6 : 3;
                for (var i = 0; i < count; i++)
                {
                    var title = revised ? $"{titles[(half - 1) * count + i]}（{year}年修订）" : titles[(half - 1) * count + i];
                    plan.AddItem(title, body == PlanBody.PartyCommittee ? party : gov, body == PlanBody.PartyCommittee ? units[party].Name : units[gov].Name,
                        (half == 1 ? 1 : 7) + i, by);
                }

                plan.Approve(body == PlanBody.PartyCommittee ? "镇党委会议" : "法治建设联席会议", start.AddDays(5), minutes.Sha256, minutes.ContentType, Office(start.AddDays(6), 10));
                db.DocumentPlans.Add(plan);
                plans[(body, year, half)] = plan;
            }
        }
    }

    /// <summary>
    /// A year's documents under its plans (<see cref="AddPlans"/>, both halves): 12 party documents and 6 administrative, each drafted in
    /// its plan's month (October at the latest), through comment (administrative), the check, deliberation and publication to filing
    /// within the year. <paramref name="n"/> is the running count of the demo's documents; the count after them is returned.
    /// </summary>
    internal async Task<int> AddFiledYearAsync(
        Dictionary<(PlanBody, int, int), DocumentPlan> plans, int year, Guid gov, Guid party, IReadOnlyDictionary<Guid, OrgUnit> units, int n, CancellationToken ct)
    {
        foreach (var (body, kind, titles) in new[] { (PlanBody.PartyCommittee, DocumentKind.Party, PartyTitles), (PlanBody.Government, DocumentKind.Administrative, AdministrativeTitles) })
        {
            for (var i = 0; i < titles.Length; i++)
            {
                var half = i < titles.Length / 2 ? 1 : 2;
                var item = plans[(body, year, half)].Items[i % (titles.Length / 2)];
                var drafted = new DateOnly(year, Math.Min(item.DueMonth, 10), 3);
                var d = await DraftAsync(kind, item.Title, kind == DocumentKind.Party ? party : gov, units, item.Id, null, affectsRights: kind == DocumentKind.Administrative, drafted, ct);
                await RunToAsync(d, DocumentStatus.Filed, drafted, ++n, ct);
                db.NormativeDocuments.Add(d);
            }
        }

        return n;
    }

    internal async Task<NormativeDocument> DraftAsync(DocumentKind kind, string title, Guid department, IReadOnlyDictionary<Guid, OrgUnit> units, Guid? item, string? reason, bool affectsRights, DateOnly on, CancellationToken ct)
    {
        var by = Drafter(on, 9);
        return NormativeDocument.Draft(await DocumentService.NextAsync(db, $"documents-draft-{on.Year}", "规草", on.Year, ct), kind, title, department, units[department].Name,
            item, reason, affectsRights, Body(title, 1), by);
    }

    /// <summary>Runs a draft through its steps to <paramref name="to"/>, each on a working day after the one before.</summary>
    internal async Task RunToAsync(NormativeDocument d, DocumentStatus to, DateOnly drafted, int n, CancellationToken ct)
    {
        if (to == DocumentStatus.Drafting)
        {
            d.Revise(Body(d.Title, 2), "根据分管领导意见修改第三条、第五条", Drafter(drafted.AddDays(5), 10));
            return;
        }

        var day = drafted.AddDays(3);
        if (d.AffectsRights)
        {
            d.OpenComment(Drafter(day, 9));
            if (to == DocumentStatus.PublicComment)
            {
                db.PublicComments.Add(new PublicComment { Id = Guid.CreateVersion7(), SubjectId = d.Id, At = ChinaTime.StartOfDayUtc(day.AddDays(3)).AddHours(11), Name = "林先生", Text = "建议明确物业服务收费标准的公示方式。" });
                return;
            }

            var comment = new PublicComment { Id = Guid.CreateVersion7(), SubjectId = d.Id, At = ChinaTime.StartOfDayUtc(day.AddDays(4)).AddHours(15), Name = "市民", Text = "建议增加对违反规定行为的处理程序。" };
            day = d.CommentWindow!.DueDate.AddDays(1);
            comment.Answer = "已采纳，在第八条增加处理程序。";
            comment.AnsweredAt = ChinaTime.StartOfDayUtc(day).AddHours(9);
            comment.AnsweredBy = "李婉清";
            db.PublicComments.Add(comment);
            d.CloseComment(1, Drafter(day, 10));
            d.Revise(Body(d.Title, 2), "吸收公众意见，增加第八条处理程序", Drafter(day, 11));
        }

        d.SubmitForCheck("依法治镇办", null, Drafter(day, 14));
        if (to == DocumentStatus.LegalityCheck)
        {
            return;
        }

        day = calendar.AddWorkingDays(day, 6 + (n % 5));
        d.Conclude(CheckConclusion.Lawful, "经审核，该文件制定主体合法，内容不违反法律、法规、规章和上级文件规定，未违法增加公民、法人和其他组织的义务，程序符合规定。", Office(day, 10));
        if (to == DocumentStatus.Deliberation)
        {
            return;
        }

        day = day.AddDays(5);
        d.Deliberate(d.Kind == DocumentKind.Party ? "镇党委会议" : "镇政府常务会议", day, MeetingDecision.Adopted, "会议同意印发。", Office(day, 16));
        day = day.AddDays(2);
        d.Publish(await DocumentService.NextAsync(db, $"documents-{d.Kind}-{day.Year}", d.Kind == DocumentKind.Party ? "塘委" : "塘府", day.Year, ct), null, null,
            d.Kind == DocumentKind.Party ? NormativeDocument.PartyFilingDays : NormativeDocument.AdministrativeFilingDays, Office(day, 10));
        if (to == DocumentStatus.Published)
        {
            return;
        }

        var filed = day.AddDays(d.Kind == DocumentKind.Party ? 20 : 10);
        d.File(d.Kind == DocumentKind.Party ? "中共东莞市委办公室" : "东莞市人民政府", filed, $"备{filed.Year}-{n:000}", Office(filed, 10));
    }

    private async Task AdvisorsAsync(Guid office, IReadOnlyDictionary<Guid, OrgUnit> units, DateOnly today, CancellationToken ct)
    {
        var firms = Firms;
        var communities = units.Values.Where(u => u.IsActive && u.Kind == OrgNodeKind.Community).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var departments = units.Values.Where(u => u.IsActive && u.Kind == OrgNodeKind.Department && u.EnforcesLaw).OrderBy(u => u.Code, StringComparer.Ordinal).Take(6).ToList();
        var town = units.Values.Single(u => u.Kind == OrgNodeKind.Town);
        var year = new DateOnly(today.Year, 1, 1);
        var advisors = new List<(Advisor Advisor, AdvisorFirm Firm)>();
        for (var f = 0; f < firms.Length; f++)
        {
            var firm = new AdvisorFirm { Id = Guid.CreateVersion7(), Name = firms[f].Item1, Licence = firms[f].Item2, Contact = $"0769-8792{f + 1:0000}", RowVersion = Guid.NewGuid() };
            db.AdvisorFirms.Add(firm);
            // The third firm's contract lapses within two months: the register alerts.
            var to = f == 2 ? today.AddDays(40) : year.AddYears(2).AddDays(-1);
            db.AdvisorContracts.Add(new AdvisorContract
            {
                Id = Guid.CreateVersion7(), FirmId = firm.Id, DepartmentId = office, Number = $"塘法顾〔{today.Year}〕{f + 1}号", From = year.AddYears(-1), To = to, Fee = 120_000m + (f * 30_000m),
                Scope = "为镇政府及所属单位、社区提供常年法律顾问服务：重大决策、规范性文件、合同审查、征地拆迁、项目建设、矛盾纠纷的法律意见", RowVersion = Guid.NewGuid(),
            });
            for (var a = 0; a < 4; a++)
            {
                var i = (f * 4) + a;
                var advisor = new Advisor
                {
                    Id = Guid.CreateVersion7(), FirmId = firm.Id, Name = Surnames[i % 16] + Given[(i * 5) % 16], PracticeNumber = $"1441920{f + 1}{a + 10:00}{i:0000}",
                    Phone = $"1372690{i:0000}", RowVersion = Guid.NewGuid(),
                };
                db.Advisors.Add(advisor);
                advisors.Add((advisor, firm));
            }
        }

        var from = year.AddYears(-1);
        void Assign(Advisor a, OrgUnit u, DateOnly until) =>
            db.AdvisorAssignments.Add(new AdvisorAssignment { Id = Guid.CreateVersion7(), AdvisorId = a.Id, UnitId = u.Id, UnitName = u.Name, Level = OpinionService.LevelOf(u.Kind), From = from, To = until });

        var end = year.AddYears(2).AddDays(-1);
        Assign(advisors[0].Advisor, town, end);
        Assign(advisors[4].Advisor, town, end);
        for (var i = 0; i < departments.Count; i++)
        {
            Assign(advisors[1 + (i % 3)].Advisor, departments[i], end);
        }

        for (var i = 0; i < communities.Count; i++)
        {
            var (advisor, firm) = advisors[5 + (i % 7)];
            Assign(advisor, communities[i], firm == advisors[8].Firm ? today.AddDays(40) : end);
        }

        await db.SaveChangesAsync(ct);

        // A year of opinions.
        var rnd = new Random(2019);
        var subjects = new (OpinionTopic Topic, string Subject)[]
        {
            (OpinionTopic.Land, "集体土地征收补偿方案"), (OpinionTopic.Project, "镇区道路改造工程招标文件"), (OpinionTopic.Contract, "物业租赁合同"),
            (OpinionTopic.Dispute, "工程款纠纷应诉方案"), (OpinionTopic.Document, "文件合法性审查"), (OpinionTopic.Land, "旧村改造拆迁补偿协议"),
            (OpinionTopic.Project, "公共停车场PPP项目合同"), (OpinionTopic.Contract, "政府采购服务合同"),
        };
        var asking = departments.Append(town).ToList();
        for (var i = 0; i < 64; i++)
        {
            var asked = today.AddDays(-rnd.Next(8, 360));
            var (advisor, firm) = advisors[rnd.Next(advisors.Count)];
            var (topic, subject) = subjects[i % subjects.Length];
            var unit = asking[i % asking.Count];
            var by = Office(asked, 10);
            var r = OpinionRequest.Ask(await DocumentService.NextAsync(db, $"documents-opinion-{asked.Year}", "法律意见", asked.Year, ct), unit.Id, unit.Name, topic, subject,
                $"请就{subject}的合法性及风险提出书面法律意见。", advisor, firm.Name, OpinionRequest.DefaultDays, null, by);
            if (i % 16 != 3)
            {
                var answered = calendar.AddWorkingDays(asked, i % 11 == 0 ? 7 : 1 + rnd.Next(4));
                r.Answer($"经审查，{subject}总体合法可行，建议完善违约责任条款并明确争议解决方式。", null, null, Office(answered, 15));
                if (i % 3 != 0)
                {
                    r.Rate(3 + rnd.Next(3), "意见及时、专业", Office(answered.AddDays(2), 10));
                }
            }

            db.OpinionRequests.Add(r);
        }

        foreach (var (advisor, _) in advisors.Take(8))
        {
            db.AdvisorEvaluations.Add(new AdvisorEvaluation
            {
                Id = Guid.CreateVersion7(), AdvisorId = advisor.Id, Year = today.Year - 1, Grade = advisor == advisors[3].Advisor ? 3 : 4, Note = "全年按时出具法律意见，服务规范。",
                At = ChinaTime.StartOfDayUtc(new DateOnly(today.Year, 1, 15)).AddHours(10), By = "黄志诚",
            });
        }
    }

    private async Task DecisionsAsync(Guid gov, IReadOnlyDictionary<Guid, OrgUnit> units, DateOnly today, StoredFile minutes, CancellationToken ct)
    {
        var start = today.AddDays(-150);
        var full = MajorDecision.List(await DocumentService.NextAsync(db, $"documents-decision-{today.Year}", "决策", today.Year, ct), today.Year, "塘厦镇生活垃圾分类实施方案",
            "在全镇推行生活垃圾分类，明确分类标准、收运体系和奖惩措施。", gov, units[gov].Name, Office(start, 9));
        full.OpenParticipation(30, Office(start, 10));
        db.PublicComments.Add(new PublicComment
        {
            Id = Guid.CreateVersion7(), SubjectId = full.Id, At = ChinaTime.StartOfDayUtc(start.AddDays(5)).AddHours(20), Name = "周女士", Text = "建议在老旧小区增设分类投放点。",
            Answer = "已采纳。", AnsweredAt = ChinaTime.StartOfDayUtc(start.AddDays(32)).AddHours(10), AnsweredBy = "黄志诚",
        });
        var day = full.Phase(DecisionStage.Participation).Clock!.DueDate.AddDays(1);
        full.CloseParticipation("共收到意见23条，采纳15条，未采纳的已说明理由并公开反馈。", 1, Office(day, 10));
        full.RecordStage(DecisionStage.Experts, "东莞市环境卫生专家组（5人）", "方案技术路线可行，建议分阶段实施。", minutes.Sha256, minutes.ContentType, Office(day.AddDays(3), 10));
        full.RecordStage(DecisionStage.Risk, "镇综治中心", "社会稳定风险等级为低风险。", minutes.Sha256, minutes.ContentType, Office(day.AddDays(6), 10));
        day = day.AddDays(8);
        full.SubmitLegality("依法治镇办", Office(day, 10));
        day = calendar.AddWorkingDays(day, 8);
        full.ConcludeLegality("经审查，决策草案符合法律、法规和规章的规定，程序合法，可以提交镇政府常务会议讨论。", Office(day, 10));
        day = day.AddDays(4);
        full.Decide("镇政府常务会议（第12次）", day, true, "会议审议通过《塘厦镇生活垃圾分类实施方案》。", minutes.Sha256, minutes.ContentType, Office(day, 17));
        full.Publish("塘厦镇人民政府门户网站", Office(day.AddDays(3), 10));
        db.MajorDecisions.Add(full);

        var waiting = MajorDecision.List(await DocumentService.NextAsync(db, $"documents-decision-{today.Year}", "决策", today.Year, ct), today.Year, "塘厦镇老旧小区改造三年行动计划",
            "对镇内建成于2000年以前的老旧小区实施改造，明确改造范围、资金筹措和居民参与机制。", gov, units[gov].Name, Office(today.AddDays(-60), 9));
        waiting.OpenParticipation(30, Office(today.AddDays(-58), 10));
        var closed = waiting.Phase(DecisionStage.Participation).Clock!.DueDate.AddDays(1);
        waiting.CloseParticipation("共收到意见41条，采纳26条。", 0, Office(closed, 10));
        waiting.RecordStage(DecisionStage.Experts, "镇规划建设专家组", "改造内容和资金测算总体合理。", null, null, Office(closed.AddDays(3), 10));
        waiting.Skip(DecisionStage.Risk, "改造以居民自愿为前提，不涉及征收，经初步评估不存在社会稳定风险，依第二十二条不开展专项风险评估。", Office(closed.AddDays(5), 10));
        waiting.SubmitLegality("依法治镇办", Office(today.AddDays(-3), 10));
        db.MajorDecisions.Add(waiting);
        db.DecisionDirectories.Add(new DecisionDirectory { Year = today.Year, PublishedOn = new DateOnly(today.Year, 2, 28), PublishedBy = "黄志诚" });
    }

    private Task StaffAsync(IReadOnlyDictionary<Guid, OrgUnit> units, DateOnly today, CancellationToken ct)
    {
        // 140+ staff responsible for legal work: five in each enforcing department, two in the others and in each community, one in each unit.
        var positions = Positions;
        foreach (var (u, k, i) in StaffPosts(units))
        {
            db.LegalStaff.Add(new LegalStaff
            {
                Id = Guid.CreateVersion7(), UnitId = u.Id, UnitName = u.Name, Name = Surnames[(i * 7) % 16] + Given[(i * 3 + k) % 16], Position = positions[(i + k) % positions.Length],
                Since = today.AddYears(-1 - (i % 4)).AddDays(-(i % 200)), Until = i % 37 == 5 ? today.AddDays(-(i % 90) - 1) : null, RowVersion = Guid.NewGuid(),
            });
        }

        _ = ct;
        return Task.CompletedTask;
    }

    /// <summary>
    /// The posts of staff responsible for legal work, unit by unit in code order: five in each enforcing department, two in the other
    /// departments and in each community, one in each unit; each with its place in the unit (<c>K</c>) and in the whole list (<c>I</c>).
    /// </summary>
    internal static IEnumerable<(OrgUnit Unit, int K, int I)> StaffPosts(IReadOnlyDictionary<Guid, OrgUnit> units)
    {
        var i = 0;
        foreach (var u in units.Values.Where(u => u.IsActive && u.Kind != OrgNodeKind.Town).OrderBy(u => u.Code, StringComparer.Ordinal))
        {
            var count = u.Kind == OrgNodeKind.Community ? 2 : u.Kind == OrgNodeKind.Unit ? 1 : u.EnforcesLaw ? 5 : 2;
            for (var k = 0; k < count; k++, i++)
            {
                yield return (u, k, i);
            }
        }
    }

    /// <summary>A document's text: a short normative text of articles, a line each; version 2 changes two of them.</summary>
    public static string Body(string title, int version)
    {
        var b = new StringBuilder();
        b.Append(title).Append('\n');
        b.Append("第一条 为了规范管理，保障公民、法人和其他组织的合法权益，根据有关法律法规，结合本镇实际，制定本办法。\n");
        b.Append("第二条 本办法适用于本镇行政区域内的相关管理活动。\n");
        b.Append(version == 1 ? "第三条 镇人民政府负责统筹实施本办法。\n" : "第三条 镇人民政府负责统筹实施本办法，镇司法所负责指导监督。\n");
        b.Append("第四条 有关部门应当按照职责分工做好相关工作。\n");
        b.Append(version == 1 ? "第五条 违反本办法规定的，依照有关法律法规处理。\n" : "第五条 违反本办法规定的，由有关部门依照有关法律法规处理；构成犯罪的，依法追究刑事责任。\n");
        if (version > 1)
        {
            b.Append("第六条 当事人对处理决定不服的，可以依法申请行政复议或者提起行政诉讼。\n");
        }

        b.Append("第七条 本办法自印发之日起施行。");
        return b.ToString();
    }

    /// <summary>A one-page PDF saying what the file stands for (the demo's minutes and reports).</summary>
    public static byte[] Pdf(string what)
    {
        _ = what;
        const string body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        return Encoding.ASCII.GetBytes(body);
    }

    internal Actor Office(DateOnly day, int hour) => Actor.Seeding("legal.officer", "黄志诚", ChinaTime.StartOfDayUtc(day).AddHours(hour), calendar);

    internal Actor Drafter(DateOnly day, int hour) => Actor.Seeding("drafter.gov", "李婉清", ChinaTime.StartOfDayUtc(day).AddHours(hour), calendar);
}
