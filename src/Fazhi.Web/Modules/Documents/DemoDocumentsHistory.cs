using Fazhi.Web.Modules.Documents.Data;
using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Modules.Documents.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Modules;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Documents;

/// <summary>
/// The demo town's 2019 (<see cref="FazhiModule.DemoHistoryYear"/>) at the scale of its annual report, after the demo's own year:
/// the year's plans and its 12 party and 6 administrative documents made and filed as the demo's last year is
/// (<see cref="DemoDocuments.AddFiledYearAsync"/>); the same 3 firms under a 2019 contract, with their advisors assigned to the town,
/// six departments and every community for the year; a year of opinions, all answered, and the year-end grades; and the staff
/// responsible for legal work that year (146 on 31 December after four left and two were replaced). Nothing is dated after the year.
/// </summary>
public sealed class DemoDocumentsHistory(
    FazhiDbContext db, DemoDocuments demo, OrganisationDirectory directory, WorkingDayCalendar calendar, IConfiguration configuration, FileStore files)
{
    private const int Year = FazhiModule.DemoHistoryYear;

    private static readonly (OpinionTopic Topic, string Subject)[] Subjects =
    [
        (OpinionTopic.Land, "镇属土地收储补偿协议"), (OpinionTopic.Project, "产业园项目合作开发协议"), (OpinionTopic.Dispute, "村民小组土地权属纠纷处理方案"),
        (OpinionTopic.Dispute, "合作建房纠纷应诉方案"), (OpinionTopic.Contract, "政府购买服务合同"), (OpinionTopic.Land, "集体土地征收补偿方案"),
        (OpinionTopic.Project, "镇区道路升级改造工程施工合同"), (OpinionTopic.Document, "行政规范性文件合法性审查"),
    ];

    public async Task LoadAsync(CancellationToken ct = default)
    {
        var first = new DateOnly(Year, 1, 1);
        var last = new DateOnly(Year, 12, 31);
        if (!ModuleCatalog.Named(DocumentsModule.ModuleName)!.WantsDemoHistory(configuration) || await db.DocumentPlans.AnyAsync(p => p.Year == Year, ct))
        {
            return;
        }

        var byCode = await directory.IdsByCodeAsync(ct);
        var units = await directory.UnitsAsync(ct);
        if (!byCode.TryGetValue("TX-LAW", out var office) || !byCode.TryGetValue("TX-GOV", out var gov) || !byCode.TryGetValue("TX-PARTY", out var party))
        {
            return;
        }

        // The demo's firms and their advisors (the demo loads them first): the same three served the town in 2019.
        var names = DemoDocuments.Firms.Select(f => f.Name).ToList();
        var found = await db.AdvisorFirms.AsNoTracking().Where(f => names.Contains(f.Name)).ToListAsync(ct);
        if (found.Count != names.Count)
        {
            return;
        }

        var firms = names.Select(n => found.Single(f => f.Name == n)).ToList();
        var firmIds = firms.Select(f => f.Id).ToList();
        var all = await db.Advisors.AsNoTracking().Where(a => firmIds.Contains(a.FirmId)).ToListAsync(ct);
        var advisors = firms.SelectMany(f => all.Where(a => a.FirmId == f.Id).OrderBy(a => a.PracticeNumber, StringComparer.Ordinal).Take(4).Select(a => (Advisor: a, Firm: f))).ToList();
        if (advisors.Count != 12)
        {
            return;
        }

        var minutes = await files.SaveAsync(new MemoryStream(DemoDocuments.Pdf("会议纪要")), "minutes", FileKinds.Documents, ct);
        await using var tx = await db.BeginWriteAsync(ct);
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // The plans and documents, the demo's own way.
            var plans = new Dictionary<(PlanBody, int, int), DocumentPlan>();
            demo.AddPlans(plans, Year, revised: false, office, gov, party, units, minutes, last);
            await demo.AddFiledYearAsync(plans, Year, gov, party, units, 0, ct);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            await AdvisorsAsync(office, units, firms, advisors, first, last, ct);
            Staff(units, last);
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();

            // What became of them since: the 2019 contracts were renewed by each firm's next one, and the 2019 documents were
            // repealed at the 2024 clean-up, before their five years ran out (so neither lapses on today's register).
            var contracts = await db.AdvisorContracts.Where(c => firmIds.Contains(c.FirmId)).OrderBy(c => c.From).ToListAsync(ct);
            foreach (var c in contracts.Where(c => c.From.Year == Year))
            {
                c.RenewedById = contracts.FirstOrDefault(n => n.FirmId == c.FirmId && n.From > c.To)?.Id;
            }

            var filed = await db.NormativeDocuments.Include(d => d.Steps).AsSplitQuery()
                .Where(d => d.Status == DocumentStatus.Filed && d.EffectiveOn != null && d.EffectiveOn.Value.Year == Year).ToListAsync(ct);
            foreach (var d in filed)
            {
                var day = d.ExpiresOn!.Value.AddMonths(-3);
                d.Repeal("2024年规范性文件清理：已被新制定的文件替代，予以废止", day, Actor.Seeding("legal.officer", "依法治镇办", ChinaTime.StartOfDayUtc(day).AddHours(2), calendar));
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }

        await tx.CommitAsync(ct);
    }

    private async Task AdvisorsAsync(
        Guid office, IReadOnlyDictionary<Guid, OrgUnit> units, List<AdvisorFirm> firms, List<(Advisor Advisor, AdvisorFirm Firm)> advisors, DateOnly first, DateOnly last,
        CancellationToken ct)
    {
        // A one-year contract with each firm (镇委和镇政府聘请的3家法律顾问).
        for (var f = 0; f < firms.Count; f++)
        {
            db.AdvisorContracts.Add(new AdvisorContract
            {
                Id = Guid.CreateVersion7(), FirmId = firms[f].Id, DepartmentId = office, Number = $"塘法顾〔{Year}〕{f + 1}号", From = first, To = last, Fee = 100_000m + (f * 20_000m),
                Scope = "为镇委、镇政府及所属单位、社区提供常年法律顾问服务：参与重大决策论证，对土地收储、项目发展、土地纠纷、合作纠纷等请示事项出具法律意见，审查合同和规范性文件",
                RowVersion = Guid.NewGuid(),
            });
        }

        // The advisors' posts for the year, as the demo assigns them: two for the town, one for each of six enforcing departments,
        // one for every community (镇委、镇政府和社区100%建立法律顾问制度).
        var communities = units.Values.Where(u => u.IsActive && u.Kind == OrgNodeKind.Community).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
        var departments = units.Values.Where(u => u.IsActive && u.Kind == OrgNodeKind.Department && u.EnforcesLaw).OrderBy(u => u.Code, StringComparer.Ordinal).Take(6).ToList();
        var town = units.Values.Single(u => u.Kind == OrgNodeKind.Town);
        void Assign(Advisor a, OrgUnit u) =>
            db.AdvisorAssignments.Add(new AdvisorAssignment { Id = Guid.CreateVersion7(), AdvisorId = a.Id, UnitId = u.Id, UnitName = u.Name, Level = OpinionService.LevelOf(u.Kind), From = first, To = last });

        Assign(advisors[0].Advisor, town);
        Assign(advisors[4].Advisor, town);
        for (var i = 0; i < departments.Count; i++)
        {
            Assign(advisors[1 + (i % 3)].Advisor, departments[i]);
        }

        for (var i = 0; i < communities.Count; i++)
        {
            Assign(advisors[5 + (i % 7)].Advisor, communities[i]);
        }

        // The year's opinions on the town's questions, every one answered (most within the five working days).
        var rnd = new Random(Year);
        var asking = departments.Append(town).ToList();
        for (var i = 0; i < 40; i++)
        {
            var asked = WorkingDayFrom(new DateOnly(Year, 1, 8).AddDays(i * 8));
            var (advisor, firm) = advisors[rnd.Next(advisors.Count)];
            var (topic, subject) = Subjects[i % Subjects.Length];
            var unit = asking[i % asking.Count];
            var r = OpinionRequest.Ask(await DocumentService.NextAsync(db, $"documents-opinion-{Year}", "法律意见", Year, ct), unit.Id, unit.Name, topic, subject,
                $"请就{subject}的合法性及风险提出书面法律意见。", advisor, firm.Name, OpinionRequest.DefaultDays, null, demo.Office(asked, 10));
            var answered = calendar.AddWorkingDays(asked, i % 13 == 6 ? 7 : 1 + rnd.Next(4));
            r.Answer($"经审查，{subject}总体合法可行，建议完善违约责任条款，明确争议解决方式，并依法履行相关审批程序。", null, null, demo.Office(answered, 15));
            if (i % 3 != 0)
            {
                r.Rate(3 + rnd.Next(3), "意见及时、专业", demo.Office(answered.AddDays(2), 10));
            }

            db.OpinionRequests.Add(r);
        }

        // The office's grades of the year, given at its end.
        foreach (var (advisor, _) in advisors.Take(8))
        {
            db.AdvisorEvaluations.Add(new AdvisorEvaluation
            {
                Id = Guid.CreateVersion7(), AdvisorId = advisor.Id, Year = Year, Grade = advisor == advisors[2].Advisor ? 3 : 4, Note = "全年按时出具法律意见，参与重大决策论证，服务规范。",
                At = ChinaTime.StartOfDayUtc(new DateOnly(Year, 12, 27)).AddHours(10), By = "黄志诚",
            });
        }
    }

    /// <summary>
    /// The year's staff responsible for legal work, post by post as the demo counts them (148): each holder's duty is recorded to the
    /// year's last day; four left during the year and two of those posts were filled again, so 146 held one on 31 December.
    /// </summary>
    private void Staff(IReadOnlyDictionary<Guid, OrgUnit> units, DateOnly last)
    {
        var surnames = DemoDocuments.Surnames;
        var given = DemoDocuments.Given;
        var positions = DemoDocuments.Positions;
        foreach (var (u, k, i) in DemoDocuments.StaffPosts(units))
        {
            var left = i % 37 == 5 ? new DateOnly(Year, 3 + (i % 8), 15) : (DateOnly?)null;
            var position = positions[(i + k + 1) % positions.Length];
            db.LegalStaff.Add(new LegalStaff
            {
                Id = Guid.CreateVersion7(), UnitId = u.Id, UnitName = u.Name, Name = surnames[(i * 5 + 3) % 16] + given[(i * 11 + k + 7) % 16], Position = position,
                Since = last.AddYears(-1 - (i % 4)).AddDays(-(i % 200)), Until = left ?? last, RowVersion = Guid.NewGuid(),
            });
            if (left is { } day && i % 74 == 5)
            {
                db.LegalStaff.Add(new LegalStaff
                {
                    Id = Guid.CreateVersion7(), UnitId = u.Id, UnitName = u.Name, Name = surnames[(i * 3 + 1) % 16] + given[(i * 7 + 2) % 16], Position = position,
                    Since = day.AddDays(1), Until = last, RowVersion = Guid.NewGuid(),
                });
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
}
