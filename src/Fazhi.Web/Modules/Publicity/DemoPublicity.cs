using Fazhi.Web.Modules.Publicity.Data;
using Fazhi.Web.Modules.Publicity.Domain;
using Fazhi.Web.Modules.Publicity.Features;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Publicity;

/// <summary>
/// The demo town's publicity at the seed's scale. Last year, every figure the seed prints, from records: 309 events in the monthly
/// reports of 23 communities, 15 enforcing departments and the legal office, all confirmed, reaching 180,000 people with 151,200
/// materials printed and 119,600 handed out, 13 of them at the town's 13 schools; 2,582 posts; 4 sessions of the central group, a
/// lecture and court-hearing visits; the law exam with 122 listed, 2 exempt, 120 sat and passed, 118 excellent (100 %, 100 %,
/// 98.33 %); 77 letters of the town with its communities and units and 2,980 of the communities with their businesses; duty
/// reports of three units heard at the members' meeting. This year: the months so far, the last one partly submitted, one
/// community a month behind (red on the register), businesses registered this year still without their letter. With the demo's
/// history (<see cref="Platform.Modules.FazhiModule.WantsDemoHistory"/>), the same full year again for the seed's own year, 2019
/// (<see cref="LoadHistoryAsync"/>).
/// </summary>
public sealed class DemoPublicity(FazhiDbContext db, OrganisationDirectory directory, WorkingDayCalendar calendar, TimeProvider time, IConfiguration configuration)
{
    public const int SeedEvents = 309;
    public const int SeedPosts = 2582;
    public const int SeedPeople = 180_000;
    public const int SeedPrinted = 151_200;
    public const int SeedHandedOut = 119_600;
    public const int SeedBusinessLetters = 2980;
    public const int SeedTownLetters = 77;
    public const int SeedBusinessProjects = 13;

    private static readonly string[] Schools =
    [
        "塘厦中心小学", "塘厦第二小学", "石潭埔小学", "林村小学", "石马小学", "诸佛岭小学", "凤凰岗小学", "塘厦初级中学", "塘厦第二初级中学",
        "水霖学校", "塘厦实验学校", "东莞市塘厦中学", "塘厦职业技术学校",
    ];

    private static readonly string[] OtherUnits = ["塘厦医院", "塘厦社区卫生服务中心", "塘厦供电所", "塘厦燃气公司", "塘厦公交公司", "塘厦文化服务中心", "塘厦水务所"];

    private static readonly string[] Laws = ["宪法", "民法典", "安全生产法", "消防法", "禁毒法", "反家庭暴力法", "未成年人保护法", "劳动合同法", "环境保护法", "道路交通安全法", "扫黑除恶专项斗争"];

    private static readonly string[] Topics = ["宪法宣传", "民法典进社区", "安全生产月", "禁毒宣传", "反诈骗宣传", "扫黑除恶", "法律援助进社区", "劳动权益保障", "消防安全", "平安塘厦"];

    public async Task LoadAsync(CancellationToken ct = default)
    {
        var module = Platform.Modules.ModuleCatalog.Named(PublicityModule.ModuleName)!;
        if (!module.WantsDemoCases(configuration))
        {
            return;
        }

        // Thousands of rows are added (and a few dates moved): the save detects the changes once, not every call.
        var detect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (!await db.PublicityReporters.AnyAsync(ct))
            {
                await LoadTownAsync(ct);
            }

            if (module.WantsDemoHistory(configuration))
            {
                await LoadHistoryAsync(Platform.Modules.FazhiModule.DemoHistoryYear, ct);
            }
        }
        finally
        {
            db.ChangeTracker.AutoDetectChangesEnabled = detect;
        }
    }

    /// <summary>Last year at the seed's scale and this year so far, into a town without publicity yet.</summary>
    private async Task LoadTownAsync(CancellationToken ct)
    {
        if (await TownAsync(ct) is not { } town)
        {
            return;
        }

        var today = ChinaTime.Today(time);
        var last = today.Year - 1;
        var dueDay = Math.Clamp(configuration.GetValue("Publicity:ReportDueDay", 10), 1, 28);
        var (communities, enforcing, reporters) = (town.Communities, town.Enforcing, town.Reporters);
        var communityOf = communities.ToDictionary(c => c.Id);

        await using var tx = await db.BeginWriteAsync(ct);

        // Schools and sites.
        var schools = Schools.Select((name, i) => new School
        {
            Id = Guid.CreateVersion7(), Name = name, Kind = name.Contains("小学", StringComparison.Ordinal) ? SchoolKind.Primary : name.Contains("职业", StringComparison.Ordinal) ? SchoolKind.High
                : name.Contains("初级", StringComparison.Ordinal) || name.Contains("中学", StringComparison.Ordinal) ? SchoolKind.Middle : SchoolKind.NineYear,
            CommunityId = communities[i % communities.Count].Id, CommunityName = communities[i % communities.Count].Name, StudyCornerOn = new DateOnly(last, 3, 15).AddDays(i * 9),
        }).ToList();
        db.Schools.AddRange(schools);
        var sites = new List<Site>
        {
            new() { Id = Guid.CreateVersion7(), Name = "塘厦镇法治文化主题公园", Kind = SiteKind.ThemePark, Level = SiteLevel.Provincial, OpenedOn = new DateOnly(last, 5, 20), Note = "省级法治文化主题公园" },
            new() { Id = Guid.CreateVersion7(), Name = "“我的法治 我的家”法治文化阵地", Kind = SiteKind.Community, Level = SiteLevel.City, CommunityId = communities[0].Id, CommunityName = communities[0].Name, OpenedOn = new DateOnly(last, 6, 18) },
            new() { Id = Guid.CreateVersion7(), Name = "白玉兰家庭服务中心", Kind = SiteKind.Community, Level = SiteLevel.Town, CommunityId = communities[3].Id, CommunityName = communities[3].Name, OpenedOn = new DateOnly(last, 8, 8) },
            new() { Id = Guid.CreateVersion7(), Name = "“校园法苑”青少年学法平台", Kind = SiteKind.School, Level = SiteLevel.Town, OpenedOn = new DateOnly(last, 9, 1) },
            new() { Id = Guid.CreateVersion7(), Name = "塘厦科技园扫黄打非法治宣传阵地", Kind = SiteKind.Other, Level = SiteLevel.Town, OpenedOn = new DateOnly(last, 10, 12) },
        };
        for (var i = 1; i <= SeedBusinessProjects; i++)
        {
            sites.Add(new Site
            {
                Id = Guid.CreateVersion7(), Name = $"企业法治文化建设示范点（第{i}家）", Kind = SiteKind.Business, Level = SiteLevel.Town,
                CommunityId = communities[(i * 5) % communities.Count].Id, CommunityName = communities[(i * 5) % communities.Count].Name, OpenedOn = new DateOnly(last, 4, 1).AddDays(i * 13),
            });
        }

        db.PublicitySites.AddRange(sites);

        // The communities' businesses: the seed's 2,980, registered before last year, and a few registered this year.
        var businesses = new List<Business>();
        for (var i = 0; i < SeedBusinessLetters + 12; i++)
        {
            var c = communities[i % communities.Count];
            businesses.Add(new Business
            {
                Id = Guid.CreateVersion7(), Name = $"东莞市{c.Name.Replace("社区", "", StringComparison.Ordinal)}{Trades[i % Trades.Length]}有限公司（{i / communities.Count + 1}）",
                CreditCode = $"91441900MA{i + 10000000:00000000}", CommunityId = c.Id, CommunityName = c.Name,
                RegisteredOn = i < SeedBusinessLetters ? new DateOnly(last - 1 - i % 9, 1 + i % 12, 1 + i % 28) : new DateOnly(today.Year, 1 + i % today.Month, 1),
            });
        }

        db.Businesses.AddRange(businesses);
        var seedBusinesses = businesses.Take(SeedBusinessLetters).ToList();

        // Last year: every figure the seed prints.
        var book = new Book(db, Reporter);
        FullYear(last, town, schools, sites, seedBusinesses, new Random(2019), book);

        // This year: the months so far; the last full month submitted by half, confirmed by none; one community a month behind.
        var thisMonth = MonthlyReport.MonthOf(today);
        var behind = communities[6];
        var officer = communities.FirstOrDefault(c => c.Code == "TX-C04") ?? communities[3];
        var k = 0;
        for (var month = new DateOnly(today.Year, 1, 1); month < thisMonth; month = month.AddMonths(1))
        {
            var lastFull = month.AddMonths(1) == thisMonth;
            foreach (var (unit, u) in reporters.Select((x, i) => (x, i)))
            {
                if ((unit.Id == behind.Id && month.AddMonths(2) >= thisMonth) || (lastFull && unit.Id == officer.Id))
                {
                    continue;
                }

                var r = book.Report(unit, month);
                var eventsHere = (u + month.Month) % 3 == 0 ? 1 : 0;
                for (var e = 0; e < eventsHere; e++, k++)
                {
                    book.Event(unit, month.AddDays((k * 3) % 27), (EventKind)(k % 4), $"{Topics[k % Topics.Length]}（{unit.Name}{month:M月}）", (AudienceKind)(k % 6), Laws[k % Laws.Length],
                        300 + k * 7 % 400, 400 + k * 11 % 300, 300 + k * 13 % 300, null, null);
                }

                for (var p = 0; p < 2; p++, k++)
                {
                    book.Post(unit, month.AddDays((k * 5) % 27), (PostChannel)(k % 5), $"{Topics[k % Topics.Length]}：{unit.Name}普法信息（{month:yyyy-MM}-{p + 1}）",
                        $"https://www.dg.gov.cn/tangxia/pf/{today.Year}/{k}");
                }

                if (lastFull && u % 2 == 1)
                {
                    continue;
                }

                var (events, posts) = book.Count(r);
                r.Submit(null, events, posts, Reporter(unit, month.AddMonths(1).AddDays(2)));
                if (!lastFull)
                {
                    r.Confirm(Office(month.AddMonths(1).AddDays(6)));
                }
            }
        }

        // The reporters and the first month each owes: from last year's January on (the history's months are before it, never owed).
        foreach (var unit in reporters)
        {
            var reporter = Domain.Reporter.Create(unit.Id, unit.Name, new DateOnly(last, 1, 1), dueDay, calendar);
            reporter.OweFirstUnreported(book.ReportedMonths(unit.Id), dueDay, calendar);
            db.PublicityReporters.Add(reporter);
        }

        // Responsibility lists: each enforcing department's for last year, replaced this year by a few.
        foreach (var (unit, i) in enforcing.Select((u, i) => (u, i)))
        {
            var before = List(unit, last, new DateOnly(last, 1, 1), i);
            db.ResponsibilityLists.Add(before);
            if (i % 3 == 0)
            {
                // This year's list replaces last year's from New Year's Day, as SaveListAsync does.
                before.EffectiveTo = new DateOnly(last, 12, 31);
                db.ResponsibilityLists.Add(List(unit, today.Year, new DateOnly(today.Year, 1, 1), i + 1));
            }
        }

        db.WorkPoints.Add(WorkPointsOf(today.Year));

        // This year's first duty report, waiting to be heard.
        if (town.ByCode.TryGetValue("TX-MSA", out var msa) && today.Month >= 2)
        {
            db.DutyReports.Add(new DutyReport
            {
                Id = Guid.CreateVersion7(), Year = today.Year, DepartmentId = msa.Id, DepartmentName = msa.Name, HeadName = "罗建华",
                Text = $"{today.Year}年，本局主要负责人履行推进法治建设第一责任人职责，组织全局执法人员学法考法，落实行政执法三项制度。",
                SubmittedAt = time.GetUtcNow().UtcDateTime.AddDays(-3), RowVersion = Guid.NewGuid(),
            });
        }

        // This year's letters: the town's 77 again; each community's with its businesses from March on, bar a few, and none yet with
        // the ones registered this year.
        db.SafetyLetters.AddRange(TownLetters(today.Year, town));
        foreach (var (b, i) in seedBusinesses.Select((b, i) => (b, i)))
        {
            if (i % 150 != 7 && new DateOnly(today.Year, 3, 1) <= today)
            {
                db.SafetyLetters.Add(Letter(today.Year, LetterLevel.CommunityBusiness, communityOf[b.CommunityId], null, b.Id, b.Name, "B:" + b.CreditCode,
                    new DateOnly(today.Year, 3, 1).AddDays(i % 40)));
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// The seed's own year (<paramref name="year"/>, 2019) as a full year at the seed's scale, so the annual report of that year gives
    /// the seed's figures from records; only into a town whose publicity is loaded and that has no record of that year, and only for
    /// a year before this one. The schools, sites and businesses are the town's: its 13 business projects and the seed's 2,980
    /// businesses are dated into that year where they came later (last year counts the same ones, so its figures do not move); the
    /// reporters keep their first month (last year's January), so none owes a month of the history and no clock or alert moves.
    /// </summary>
    private async Task LoadHistoryAsync(int year, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var thisYear = new DateOnly(ChinaTime.Today(time).Year, 1, 1);
        if (to >= thisYear || !await db.PublicityReporters.AnyAsync(ct)
            || await db.PublicityReports.AnyAsync(r => r.Month >= from && r.Month <= to, ct)
            || await db.LawExams.AnyAsync(e => e.Year == year, ct)
            || await db.DutyReports.AnyAsync(d => d.Year == year, ct)
            || await db.SafetyLetters.AnyAsync(l => l.Year == year, ct)
            || await db.WorkPoints.AnyAsync(w => w.Year == year, ct)
            || await db.ResponsibilityLists.AnyAsync(l => l.Year == year, ct)
            || await db.StudySessions.AnyAsync(s => s.Date >= from && s.Date <= to, ct))
        {
            return;
        }

        if (await TownAsync(ct) is not { } town)
        {
            return;
        }

        await using var tx = await db.BeginWriteAsync(ct);

        // The schools in the order the town loaded them; the sites that were venues (the theme park first), the business projects.
        var schools = (await db.Schools.AsNoTracking().Where(s => s.Active).ToListAsync(ct)).OrderBy(s => s.StudyCornerOn).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var sites = await db.PublicitySites.ToListAsync(ct);
        var venues = sites.Where(s => s.Kind is not SiteKind.Business and not SiteKind.ModelCommunity).OrderBy(s => s.Kind == SiteKind.ThemePark ? 0 : 1).ThenBy(s => s.OpenedOn)
            .ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        var projects = sites.Where(s => s.Kind == SiteKind.Business).OrderBy(s => s.OpenedOn).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
        foreach (var site in projects.Where(s => s.OpenedOn > to).Take(SeedBusinessProjects - projects.Count(s => s.OpenedOn <= to)).ToList())
        {
            site.OpenedOn = InYear(year, site.OpenedOn);
        }

        // The seed's businesses (not those registered this year), each registered by the history year.
        var businesses = (await db.Businesses.Where(b => b.Active && (b.RegisteredOn == null || b.RegisteredOn < thisYear)).ToListAsync(ct))
            .OrderBy(b => b.CreditCode, StringComparer.Ordinal).Take(SeedBusinessLetters).ToList();
        foreach (var (b, i) in businesses.Select((b, i) => (b, i)))
        {
            if (b.RegisteredOn is { } on && on > to)
            {
                b.RegisteredOn = InYear(year - i % 9, on);
            }
        }

        FullYear(year, town, schools, venues, businesses, new Random(year + 1), new Book(db, Reporter));

        // Each enforcing department's list of that year, in force until its next one took effect.
        var next = (await db.ResponsibilityLists.AsNoTracking().Select(l => new { l.DepartmentId, l.EffectiveFrom }).ToListAsync(ct))
            .GroupBy(l => l.DepartmentId).ToDictionary(g => g.Key, g => g.Min(l => l.EffectiveFrom));
        foreach (var (unit, i) in town.Enforcing.Select((u, i) => (u, i)))
        {
            var replaced = next.TryGetValue(unit.Id, out var after);
            if (replaced && after <= from)
            {
                continue;
            }

            var list = List(unit, year, from, i);
            list.EffectiveTo = replaced ? after.AddDays(-1) : to;
            db.ResponsibilityLists.Add(list);
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// A full <paramref name="year"/> at the seed's scale: every reporter's twelve months submitted and confirmed, with 309 events (one
    /// at each school, the 12·4 day) and 2,582 posts whose amounts add up to the seed's totals; the year's work points; the law exam;
    /// the central group's four sessions, a lecture, court hearings and a film; three duty reports heard at the members' meeting; the
    /// town's 77 letters and the communities' letters with <paramref name="businesses"/>. A site is a venue only from the year it opened.
    /// </summary>
    private void FullYear(int year, Town town, List<School> schools, List<Site> venues, List<Business> businesses, Random rnd, Book book)
    {
        var (office, enforcing, reporters) = (town.Office, town.Enforcing, town.Reporters);
        Site? Venue(int i, DateOnly day) => i < venues.Count && venues[i].OpenedOn.Year <= day.Year ? venues[i] : null;

        // The amounts of the year's events, drawn and then made to add up exactly.
        var people = Split(SeedPeople, SeedEvents, rnd);
        var printedShares = Split(SeedPrinted, SeedEvents, rnd);
        var handedShares = printedShares.Select(p => p * SeedHandedOut / SeedPrinted).ToArray();
        handedShares[^1] += SeedHandedOut - handedShares.Sum();
        var n = 0;
        // Constitution education at each of the 13 schools (the education centre's), the 12·4 day and the site openings (the legal office's).
        var education = enforcing.FirstOrDefault(u => u.Code == "TX-EDU") ?? office;
        foreach (var (s, i) in schools.Select((s, i) => (s, i)))
        {
            book.Event(education, new DateOnly(year, 3, 18).AddDays(i * 11), EventKind.School, $"“宪法在我心中”法治宣传进校园（{s.Name}）", AudienceKind.Students, "宪法",
                people[n], printedShares[n], handedShares[n], s, null);
            n++;
        }

        var constitutionDay = new DateOnly(year, 12, 4);
        book.Event(office, constitutionDay, EventKind.Campaign, $"{year}年“12·4”国家宪法日宣传活动", AudienceKind.Residents, "宪法", people[n], printedShares[n], handedShares[n], null,
            Venue(0, constitutionDay));
        n++;
        var healthWalk = new DateOnly(year, 9, 21);
        book.Event(office, healthWalk, EventKind.Performance, "“与法治同行 与时代共进”法治健康行活动", AudienceKind.Residents, "宪法", people[n], printedShares[n], handedShares[n], null,
            Venue(0, healthWalk));
        n++;
        while (n < SeedEvents)
        {
            var unit = reporters[n % reporters.Count];
            var month = 1 + (n * 7 % 12);
            var day = new DateOnly(year, month, 1 + (n * 3 % 27));
            var topic = Topics[n % Topics.Length];
            var kind = (EventKind)(n % 4 == 3 ? 5 : n % 4);
            book.Event(unit, day, kind, $"{topic}（{unit.Name}第{n}场）", (AudienceKind)(n % 6), Laws[n % Laws.Length], people[n], printedShares[n], handedShares[n], null,
                n % 17 == 0 ? Venue(1 + n % 3, day) : null);
            n++;
        }

        for (var i = 0; i < SeedPosts; i++)
        {
            var unit = reporters[i % reporters.Count];
            book.Post(unit, new DateOnly(year, 1 + (i / reporters.Count) % 12, 1 + (i * 5 % 28)), (PostChannel)(i % 5), $"{Topics[i % Topics.Length]}：以案说法（{i + 1}）",
                $"https://www.dg.gov.cn/tangxia/pf/{year}/{i + 1}");
        }

        // Every reporter reports every month of the year (a month with nothing says why) and the office confirms it.
        foreach (var unit in reporters)
        {
            for (var m = 1; m <= 12; m++)
            {
                var month = new DateOnly(year, m, 1);
                var r = book.Report(unit, month);
                var (events, posts) = book.Count(r);
                r.Submit(events + posts == 0 ? "本月无活动" : null, events, posts, Reporter(unit, month.AddMonths(1).AddDays(2)));
                r.Confirm(Office(month.AddMonths(1).AddDays(6)));
            }
        }

        db.WorkPoints.Add(WorkPointsOf(year));

        // The exam's candidates: the town's staff on the staff list, its sign-in demo accounts aside.
        db.LawExams.Add(new LawExam
        {
            Id = Guid.CreateVersion7(), Year = year, Title = $"{year}年度国家工作人员学法考试", HeldOn = new DateOnly(year, 11, 16), RowVersion = Guid.NewGuid(),
            Candidates = [.. town.Cadres.Select((c, i) => new ExamCandidate
            {
                Id = Guid.CreateVersion7(), StaffId = c.Id, UserName = c.UserName, Name = c.Name, DepartmentId = c.DepartmentId, DepartmentName = town.Names[c.DepartmentId],
                // Two exempt (long sick leave, seconded), two who passed but not with distinction, the rest excellent.
                ExemptReason = i == 40 ? "长期病假" : i == 90 ? "借调市直单位" : null,
                Score = i is 40 or 90 ? null : i is 17 or 66 ? 82.5m : 90 + (i * 7 % 10) + (i % 2 == 0 ? 0.5m : 0m),
            })],
        });

        // Study: the central group four times, a lecture, court-hearing visits, a film.
        var leaders = town.Cadres.Take(12).ToList();
        var party = town.ByCode.GetValueOrDefault("TX-PARTY") ?? office;
        var sessions = new (SessionKind Kind, OrgUnit Body, DateOnly On, string Topic, string? Speaker)[]
        {
            (SessionKind.CentralGroup, party, new DateOnly(year, 3, 12), "学习宪法修正案和《中国共产党政法工作条例》", null),
            (SessionKind.CentralGroup, party, new DateOnly(year, 6, 11), "学习《重大行政决策程序暂行条例》", null),
            (SessionKind.CentralGroup, party, new DateOnly(year, 9, 10), "学习《党政主要负责人履行推进法治建设第一责任人职责规定》", null),
            (SessionKind.CentralGroup, party, new DateOnly(year, 12, 10), "学习党的十九届四中全会精神（法治部分）", null),
            (SessionKind.Lecture, office, new DateOnly(year, 5, 23), $"{year}年塘厦镇领导干部学法讲座：依法行政与行政诉讼", "东莞市司法局 法治讲师"),
            (SessionKind.CourtHearing, office, new DateOnly(year, 7, 17), "旁听行政诉讼案件庭审", null),
            (SessionKind.CourtHearing, office, new DateOnly(year, 11, 6), "观看庭审直播：行政机关负责人出庭应诉", null),
            (SessionKind.Film, office, new DateOnly(year, 8, 22), "组织党员干部观看法治电影", null),
        };
        foreach (var s in sessions)
        {
            db.StudySessions.Add(new StudySession
            {
                Id = Guid.CreateVersion7(), Kind = s.Kind, DepartmentId = s.Body.Id, DepartmentName = s.Body.Name, Topic = s.Topic, Date = s.On, Place = "镇委会议室",
                Speaker = s.Speaker, CreatedAt = ChinaTime.StartOfDayUtc(s.On).AddHours(18),
                Attendees = [.. (s.Kind == SessionKind.CentralGroup ? leaders : town.Cadres.Skip(s.On.Month).Take(40)).Select(c => new SessionAttendee
                {
                    Id = Guid.CreateVersion7(), StaffId = c.Id, Name = c.Name, DepartmentName = town.Names[c.DepartmentId],
                })],
            });
        }

        // The joint meeting of the 谁执法谁普法 member units (成员单位履职报告暨普法责任制联席会议): a representative of each enforcing unit.
        var representatives = enforcing.Select(u => town.Cadres.FirstOrDefault(c => c.DepartmentId == u.Id)).OfType<StaffMember>().ToList();
        var meeting = new DateOnly(year, 4, 16);
        db.StudySessions.Add(new StudySession
        {
            Id = Guid.CreateVersion7(), Kind = SessionKind.JointMeeting, DepartmentId = office.Id, DepartmentName = office.Name,
            Topic = $"塘厦镇{year}年“谁执法谁普法”成员单位履职报告暨普法责任制联席会议", Date = meeting, Place = "镇委会议室",
            CreatedAt = ChinaTime.StartOfDayUtc(meeting).AddHours(18),
            Attendees = [.. representatives.Select(c => new SessionAttendee { Id = Guid.CreateVersion7(), StaffId = c.Id, Name = c.Name, DepartmentName = town.Names[c.DepartmentId] })],
        });

        // 民主法治社区: the national title re-examined, a provincial and a city title created.
        foreach (var (level, note, i, on) in new[] { (SiteLevel.National, "国家级“民主法治社区”复审", 1, new DateOnly(year, 10, 25)), (SiteLevel.Provincial, "省级“民主法治社区”创建", 2, new DateOnly(year, 11, 20)), (SiteLevel.City, "市级“民主法治社区”创建", 4, new DateOnly(year, 12, 5)) })
        {
            var community = town.Communities[i % town.Communities.Count];
            db.PublicitySites.Add(new Site
            {
                Id = Guid.CreateVersion7(), Name = $"{community.Name}民主法治社区（{year}年）", Kind = SiteKind.ModelCommunity, Level = level,
                CommunityId = community.Id, CommunityName = community.Name, OpenedOn = on, Note = note,
            });
        }

        // Duty reports heard at the year's members' meeting.
        foreach (var (code, head, evaluation) in new[] { ("TX-LAW", "黄志诚", DutyEvaluation.Excellent), ("TX-POL", "叶国强", DutyEvaluation.Excellent), ("TX-HR", "钟丽萍", DutyEvaluation.Good) })
        {
            if (town.ByCode.TryGetValue(code, out var unit))
            {
                db.DutyReports.Add(new DutyReport
                {
                    Id = Guid.CreateVersion7(), Year = year, DepartmentId = unit.Id, DepartmentName = unit.Name, HeadName = head,
                    Text = $"{year}年，{unit.Name}主要负责人认真履行推进法治建设第一责任人职责：带头学法用法，研究部署本单位法治建设工作，落实“谁执法谁普法”责任制，依法履职。",
                    HeardAt = $"塘厦镇{year}年依法治镇工作成员单位履职报告会议", HeardOn = new DateOnly(year, 12, 20), Evaluation = evaluation, EvaluatedBy = "周雅琴",
                    SubmittedAt = ChinaTime.StartOfDayUtc(new DateOnly(year, 12, 12)).AddHours(10), RowVersion = Guid.NewGuid(),
                });
            }
        }

        // Letters: the town with its communities, units and departments (77); each community with its businesses (2,980).
        db.SafetyLetters.AddRange(TownLetters(year, town));
        var communityOf = town.Communities.ToDictionary(c => c.Id);
        foreach (var (b, i) in businesses.Select((b, i) => (b, i)))
        {
            if (communityOf.TryGetValue(b.CommunityId, out var community))
            {
                db.SafetyLetters.Add(Letter(year, LetterLevel.CommunityBusiness, community, null, b.Id, b.Name, "B:" + b.CreditCode, new DateOnly(year, 3, 1).AddDays(i % 40)));
            }
        }
    }

    /// <summary>The demo town as the publicity year reads it, or null without the town and its legal office.</summary>
    private async Task<Town?> TownAsync(CancellationToken ct)
    {
        var units = await directory.UnitsAsync(ct);
        var byCode = units.Values.ToDictionary(u => u.Code);
        if (!byCode.TryGetValue("TX-LAW", out var office) || !byCode.TryGetValue("TX", out var seat))
        {
            return null;
        }

        // The exam's candidates and the study's attendees: the town's staff on the staff list, its sign-in demo accounts aside.
        var operators = DemoTown.Accounts.Select(a => a.UserName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var cadres = (await directory.StaffAsync(ct)).Where(s => !operators.Contains(s.UserName)).OrderBy(s => s.UserName, StringComparer.Ordinal).ToList();
        return new Town(
            seat, office, byCode,
            [.. units.Values.Where(u => u.Kind == OrgNodeKind.Community).OrderBy(u => u.Code, StringComparer.Ordinal)],
            [.. units.Values.Where(u => u.EnforcesLaw).OrderBy(u => u.Code, StringComparer.Ordinal)],
            [.. units.Values.Where(u => u.Kind is OrgNodeKind.Department or OrgNodeKind.Unit).OrderBy(u => u.Code, StringComparer.Ordinal)],
            cadres,
            units.ToDictionary(u => u.Key, u => u.Value.Name));
    }

    /// <summary>
    /// The town (<paramref name="Seat"/>, which signs its letters), the legal office, the communities, the enforcing departments, the
    /// departments and units below the town, the staff who sit the exam; the reporters are the communities, the enforcing departments
    /// and the legal office.
    /// </summary>
    private sealed record Town(
        OrgUnit Seat, OrgUnit Office, Dictionary<string, OrgUnit> ByCode, List<OrgUnit> Communities, List<OrgUnit> Enforcing, List<OrgUnit> LowerUnits,
        List<StaffMember> Cadres, Dictionary<Guid, string> Names)
    {
        public List<OrgUnit> Reporters { get; } = [.. Communities, .. Enforcing, Office];
    }

    /// <summary>The monthly reports being written, with their events and posts: one report per reporter and month, opened with its first row.</summary>
    private sealed class Book(FazhiDbContext db, Func<OrgUnit, DateOnly, Actor> reporter)
    {
        private readonly Dictionary<(Guid, DateOnly), MonthlyReport> _reports = [];

        private readonly Dictionary<Guid, (int Events, int Posts)> _counts = [];

        /// <summary>The months a reporter has submitted (or the office confirmed) so far.</summary>
        public HashSet<DateOnly> ReportedMonths(Guid reporterId) =>
            [.. _reports.Values.Where(r => r.DepartmentId == reporterId && r.Status is ReportStatus.Submitted or ReportStatus.Confirmed).Select(r => r.Month)];

        public MonthlyReport Report(OrgUnit unit, DateOnly month)
        {
            if (!_reports.TryGetValue((unit.Id, month), out var r))
            {
                r = MonthlyReport.Open(unit.Id, unit.Name, month, reporter(unit, month.AddDays(3)));
                _reports[(unit.Id, month)] = r;
                db.PublicityReports.Add(r);
            }

            return r;
        }

        /// <summary>The events and posts in a report so far.</summary>
        public (int Events, int Posts) Count(MonthlyReport report) => _counts.GetValueOrDefault(report.Id);

        public void Event(OrgUnit unit, DateOnly day, EventKind kind, string title, AudienceKind audience, string law, int people, int printed, int handedOut, School? school, Site? site)
        {
            var report = Report(unit, MonthlyReport.MonthOf(day));
            var e = new PublicityEvent
            {
                Id = Guid.CreateVersion7(), ReportId = report.Id, DepartmentId = unit.Id, ReporterName = unit.Name, Date = day, Kind = kind, Title = title,
                Place = school?.Name ?? site?.Name ?? unit.Name + "党群服务中心", Organiser = unit.Name, Law = law, Audience = audience, PeopleReached = people, Printed = printed,
                HandedOut = handedOut, SchoolId = school?.Id, SiteId = site?.Id, CreatedAt = ChinaTime.StartOfDayUtc(day).AddHours(16),
            };
            e.Fingerprint = PublicityEvent.FingerprintOf(e.Date, e.Title, e.Place);
            db.PublicityEvents.Add(e);
            var (events, posts) = Count(report);
            _counts[report.Id] = (events + 1, posts);
        }

        public void Post(OrgUnit unit, DateOnly day, PostChannel channel, string title, string link)
        {
            var report = Report(unit, MonthlyReport.MonthOf(day));
            var p = new PublicityPost
            {
                Id = Guid.CreateVersion7(), ReportId = report.Id, DepartmentId = unit.Id, ReporterName = unit.Name, Date = day, Channel = channel, Title = title, Link = link,
                CreatedAt = ChinaTime.StartOfDayUtc(day).AddHours(17),
            };
            p.Fingerprint = PublicityEvent.FingerprintOf(p.Date, p.Channel.ToString(), p.Title);
            db.PublicityPosts.Add(p);
            var (events, posts) = Count(report);
            _counts[report.Id] = (events, posts + 1);
        }
    }

    private static readonly string[] Trades = ["电子科技", "五金制品", "塑胶制品", "家具", "服装", "精密机械", "包装材料", "物流", "餐饮管理", "印刷"];

    /// <summary>The town with its communities, its departments and units, and units outside the tree named in the letter: 77.</summary>
    private static List<SafetyLetter> TownLetters(int year, Town town)
    {
        var on = new DateOnly(year, 2, 26);
        return
        [
            .. town.Communities.Select(c => Letter(year, LetterLevel.TownCommunity, town.Seat, c.Id, null, c.Name, "N:" + c.Id, on)),
            .. town.LowerUnits.Select(u => Letter(year, LetterLevel.TownUnit, town.Seat, u.Id, null, u.Name, "N:" + u.Id, on)),
            .. Schools.Concat(OtherUnits).Take(SeedTownLetters - town.Communities.Count - town.LowerUnits.Count)
                .Select(name => Letter(year, LetterLevel.TownUnit, town.Seat, null, null, name, "U:" + name, on)),
        ];
    }

    private static SafetyLetter Letter(int year, LetterLevel level, OrgUnit signer, Guid? node, Guid? business, string name, string key, DateOnly on) => new()
    {
        Id = Guid.CreateVersion7(), Year = year, Level = level, DepartmentId = signer.Id, SignerName = signer.Name, CounterpartId = node, BusinessId = business,
        CounterpartName = name, CounterpartKey = key, SignedOn = on, CreatedAt = ChinaTime.StartOfDayUtc(on).AddHours(15),
    };

    private static WorkPoints WorkPointsOf(int year) => new()
    {
        Id = Guid.CreateVersion7(), Year = year, Title = $"{year}年塘厦镇普法依法治理工作要点", Number = $"塘依法治办〔{year}〕1号", IssuedOn = new DateOnly(year, 2, 20),
        RowVersion = Guid.NewGuid(),
        Text = string.Join('\n',
            "一、深入学习宣传习近平法治思想",
            "坚持党委理论学习中心组集体学法，全年不少于4次；举办领导干部学法讲座。",
            "二、突出宪法和民法典学习宣传",
            "开展“宪法在我心中”法治宣传进校园活动，实现全镇中小学校宪法教育全覆盖；组织“12·4”国家宪法日宣传活动。",
            "三、落实“谁执法谁普法”普法责任制",
            "各部门制定年度普法责任清单，召开成员单位履职报告暨普法责任制联席会议；各社区、各部门每月10日前报送上月普法活动。",
            "四、加强法治文化阵地建设",
            "建设法治文化主题公园和社区法治文化阵地，推进企业法治文化建设。",
            "五、组织国家工作人员年度学法考试",
            "参考率、合格率达100%，优秀率达95%以上。"),
    };

    private static ResponsibilityList List(OrgUnit unit, int year, DateOnly from, int i) => new()
    {
        Id = Guid.CreateVersion7(), DepartmentId = unit.Id, DepartmentName = unit.Name, Year = year, EffectiveFrom = from, CreatedAt = ChinaTime.StartOfDayUtc(from).AddHours(10),
        CreatedBy = "周雅琴", RowVersion = Guid.NewGuid(),
        Items =
        [
            new() { Id = Guid.CreateVersion7(), Order = 1, Law = "宪法", Audience = "本部门工作人员", Method = "集体学法、专题讲座" },
            new() { Id = Guid.CreateVersion7(), Order = 2, Law = Laws[(i + 1) % Laws.Length], Audience = "管理服务对象", Method = "执法过程中以案释法、发放宣传资料" },
            new() { Id = Guid.CreateVersion7(), Order = 3, Law = Laws[(i + 4) % Laws.Length], Audience = "社区群众、企业员工", Method = "进社区、进企业宣传，微信公众号推送" },
        ],
    };

    /// <summary>The same day of the year in <paramref name="year"/> (29 February becomes the 28th).</summary>
    private static DateOnly InYear(int year, DateOnly day) => new(year, day.Month, Math.Min(day.Day, DateTime.DaysInMonth(year, day.Month)));

    /// <summary><paramref name="total"/> in <paramref name="parts"/> shares of 40 % to 160 % of the mean that add up exactly.</summary>
    private static int[] Split(int total, int parts, Random rnd)
    {
        var shares = new int[parts];
        var mean = total / parts;
        for (var i = 0; i < parts; i++)
        {
            shares[i] = mean * 2 / 5 + rnd.Next(mean * 6 / 5);
        }

        var diff = total - shares.Sum();
        for (var i = 0; diff != 0; i = (i + 1) % parts)
        {
            var step = Math.Sign(diff) * Math.Min(Math.Abs(diff), Math.Max(1, Math.Abs(diff) / parts + 1));
            if (shares[i] + step > 0)
            {
                shares[i] += step;
                diff -= step;
            }
        }

        return shares;
    }

    private Actor Office(DateOnly day) => Actor.Seeding("pufa.officer", "周雅琴", ChinaTime.StartOfDayUtc(day).AddHours(10), calendar);

    private Actor Reporter(OrgUnit unit, DateOnly day) => Actor.Seeding("community.officer", unit.Name + "普法联络员", ChinaTime.StartOfDayUtc(day).AddHours(9), calendar);
}
