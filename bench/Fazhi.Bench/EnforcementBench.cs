using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Privacy;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Fazhi.Bench;

/// <summary>
/// Administrative enforcement at scale (issue 9): N penalty cases over the two years up to today across the demo town's
/// enforcement departments, the newest ones open; then a department's case list as its officer, the six tables of a year as
/// the supervisor, and the public disclosure search under wrk at 64 connections.
/// </summary>
internal static class EnforcementBench
{
    private static readonly (string Matter, string Facts, string Provisions, string Basis, decimal Fine)[] Stories =
    [
        ("销售过期食品", "当事人在其经营的便利店内销售超过保质期的预包装食品12件，货值金额共计人民币186元。", "《中华人民共和国食品安全法》第三十四条第（十）项", "《中华人民共和国食品安全法》第一百二十四条第一款", 5000m),
        ("未按规定明码标价", "当事人经营的餐饮店未对所售菜品明码标价。", "《中华人民共和国价格法》第十三条第一款", "《中华人民共和国价格法》第四十二条", 2000m),
        ("占道经营", "当事人在塘厦大道人行道上摆卖水果，占用公共通道，经劝导后仍未改正。", "《城市市容和环境卫生管理条例》第十四条", "《城市市容和环境卫生管理条例》第三十六条", 200m),
        ("违法建设", "当事人未取得建设工程规划许可证，在其宅基地上加建第四层，面积约120平方米。", "《中华人民共和国城乡规划法》第四十条第一款", "《中华人民共和国城乡规划法》第六十四条", 30000m),
        ("无证经营食品", "当事人未取得食品经营许可从事食品销售活动，违法所得人民币3200元。", "《中华人民共和国食品安全法》第三十五条第一款", "《中华人民共和国食品安全法》第一百二十二条第一款", 50000m),
        ("超标排放污水", "当事人生产废水化学需氧量超过排放标准2.3倍。", "《中华人民共和国水污染防治法》第十条", "《中华人民共和国水污染防治法》第八十三条第（二）项", 120000m),
        ("未按规定设置安全警示标志", "当事人在有较大危险因素的生产场所未设置明显的安全警示标志。", "《中华人民共和国安全生产法》第三十五条", "《中华人民共和国安全生产法》第九十九条第（一）项", 8000m),
        ("乱张贴小广告", "当事人在公共设施上张贴小广告30余张。", "《城市市容和环境卫生管理条例》第十七条", "《城市市容和环境卫生管理条例》第三十四条", 100m),
    ];

    private static readonly string[] Surnames = ["陈", "李", "张", "黄", "林", "刘", "叶", "钟", "罗", "何", "郑", "周", "吴", "邓", "谢", "梁"];
    private static readonly string[] Given = ["建国", "秀英", "志强", "丽娟", "海涛", "美华", "国平", "晓敏", "伟明", "淑芬", "俊杰", "小燕", "德胜", "玉兰", "文斌", "雪梅"];
    private static readonly string[] Firms = ["鸿盛", "永发", "金辉", "华源", "德信", "利达", "新景", "恒通"];
    private static readonly string[] Trades = ["贸易", "餐饮", "食品", "建材", "五金", "电子"];

    /// <summary>What the public search is asked for: the matters, and parties by surname (both match thousands of rows).</summary>
    private static readonly string[] Queries = ["销售过期食品", "占道经营", "未按规定明码标价", "违法建设", "无证经营食品", "超标排放污水", "乱张贴小广告", "未按规定设置安全警示标志", "陈", "李", "鸿盛", "永发"];

    public static async Task<int> RunAsync(string root, int rows, int open, string pg, int seconds, int rounds)
    {
        var onPostgres = pg.Length > 0;
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-enforcement" + (onPostgres ? "-pg" : ""));
        var dbFile = Path.Combine(dir, "fazhi.db");
        var marker = Path.Combine(dir, $"seeded-{rows}-{open}.txt");
        var keys = Seeder.Keys();
        var settings = new Dictionary<string, string>
        {
            ["Database__DataDirectory"] = dir, ["Fazhi__Demo"] = "true", ["Fazhi__DemoApplications"] = "false", ["Mediation__DemoCases"] = "false",
            ["Enforcement__DemoCases"] = "false", ["Fazhi__MonitorIntervalSeconds"] = "86400", ["Privacy__KeyFile"] = keys.KeyFile,
            ["Fazhi__PublicLookupsPerMinute"] = "1000000000",
        };
        if (onPostgres)
        {
            settings["Database__Provider"] = "Postgres";
            settings["ConnectionStrings__Fazhi"] = pg;
        }

        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        if (!File.Exists(marker) || File.ReadAllText(marker) != today.ToString("O", CultureInfo.InvariantCulture))
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }

            if (onPostgres)
            {
                await Sequential.DropDatabaseAsync(pg);
            }

            await using (var first = await Server.StartAsync(root, settings))
            {
                // first start: migrations, the demo town, its enforcement departments, accounts and officers
            }

            var seed = Stopwatch.StartNew();
            await using (Sink sink = onPostgres ? new PostgresSink(pg) : new SqliteSink(dbFile))
            {
                await SeedAsync(sink, rows, open, today, keys.Protector);
            }

            Directory.CreateDirectory(dir);
            File.WriteAllText(marker, today.ToString("O", CultureInfo.InvariantCulture));
            Console.WriteLine($"seeded {rows:N0} enforcement cases ({open:N0} open), their parties, publications and {rows / 5:N0} other acts in {seed.Elapsed.TotalSeconds:N0} s");
        }
        else
        {
            Console.WriteLine($"reusing {rows:N0} enforcement cases in {(onPostgres ? pg : dbFile)}");
        }

        if (!onPostgres)
        {
            // As a running server would have it: the file in the OS page cache.
            await using var file = new FileStream(dbFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20);
            var buffer = new byte[1 << 20];
            while (await file.ReadAsync(buffer) > 0)
            {
            }
        }

        await using var server = await Server.StartAsync(root, settings);
        using var client = Load.Client(1);
        async Task<string> TokenAsync(string user)
        {
            var login = await client.PostAsJsonAsync(server.BaseUrl + "/api/auth/login", new { userName = user, password = "Demo#2019" });
            login.EnsureSuccessStatusCode();
            return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }

        async Task<(double Median, double Worst, JsonElement Body)> TimeAsync(string path, string token)
        {
            var (median, worst, body) = await Sequential.TimeAsync(client, server.BaseUrl + path, token);
            return (median, worst, JsonDocument.Parse(body).RootElement.Clone());
        }

        static string Verdict(double value, double target) => value < target ? "met" : "NOT met";

        var officer = await TokenAsync("officer.msa");
        var supervisor = await TokenAsync("supervisor");
        Guid msa;
        List<string> numbers;
        await using (Sink sink = onPostgres ? new PostgresSink(pg) : new SqliteSink(dbFile, readOnly: true))
        {
            msa = (await sink.QueryAsync("SELECT \"Id\" FROM org_nodes WHERE \"Code\" = 'TX-MSA'", r => r.GetGuid(0))).Single();
            // Document numbers of published decisions across the two years, for the one-row look-up.
            numbers = await sink.QueryAsync("SELECT \"DocumentNumber\" FROM enf_publications WHERE \"Status\" = 1 AND \"CaseId\" IS NOT NULL ORDER BY \"CaseId\" LIMIT 300000",
                r => r.GetString(0));
            numbers = [.. numbers.Where((_, k) => k % 150 == 0).Select(Uri.EscapeDataString)];
        }

        Console.WriteLine(onPostgres ? "on PostgreSQL:" : "on SQLite:");
        var list = await TimeAsync($"/api/enforcement/cases?departmentId={msa}&page=1", officer);
        Console.WriteLine(FormattableString.Invariant(
            $"case list page 1, TX-MSA as officer.msa ({list.Body.GetProperty("total").GetInt32():N0} cases, {list.Body.GetProperty("items").GetArrayLength()} on the page): median {list.Median:N1} ms, worst {list.Worst:N1} ms of 20 (target < 100 ms: {Verdict(list.Median, 100)})"));

        var year = today.Year - 1;
        var tables = await TimeAsync($"/api/enforcement/statistics/{year}", supervisor);
        var penalties = tables.Body.GetProperty("penalties").EnumerateArray().ToList();
        var acts = new[] { "licences", "compulsoryMeasures", "levies", "requisitions", "inspections" }.Sum(t => tables.Body.GetProperty(t).EnumerateArray().Sum(l => l.GetProperty("total").GetInt32()));
        Console.WriteLine(FormattableString.Invariant(
            $"six tables of {year} as supervisor ({penalties.Count} departments, {penalties.Sum(l => l.GetProperty("total").GetInt32() + l.GetProperty("notPenalised").GetInt32()):N0} decisions, {acts:N0} other acts): median {tables.Median:N1} ms, worst {tables.Worst:N1} ms of 20 (target < 2000 ms: {Verdict(tables.Median, 2000)})"));

        // The public search, one person at a time first (what a page costs alone), then under wrk.
        var tokens = Queries.Select(Uri.EscapeDataString).ToList();
        foreach (var q in new[] { "销售过期食品", "陈", "没有这个事项" })
        {
            var one = await TimeAsync($"/api/public/enforcement/disclosures?q={Uri.EscapeDataString(q)}", officer);
            Console.WriteLine(FormattableString.Invariant(
                $"public search q={q}, one at a time ({one.Body.GetProperty("items").GetArrayLength()} on the page, more: {one.Body.GetProperty("hasMore").GetBoolean()}): median {one.Median:N1} ms, worst {one.Worst:N1} ms of 20"));
        }

        var results = await PublicBench.PathRoundsAsync(server.BaseUrl, tokens, "/api/public/enforcement/disclosures?q={token}", seconds, rounds);
        if (results is null)
        {
            return 2;
        }

        foreach (var (r, i) in results.Select((r, i) => (r, i)))
        {
            Console.WriteLine($"round {i + 1} public disclosure search : {r}");
        }

        // The same endpoint answering one row by document number (a public look-up): measured as issue 11 measures every
        // public look-up, against the bare Kestrel constant endpoint and the app's own, in alternating rounds.
        Console.WriteLine($"public look-up by document number ({numbers.Count:N0} numbers at random):");
        await PublicBench.RunAsync(server, numbers, "/api/public/enforcement/disclosures?q={token}", seconds, rounds, "look-up by number");

        var p99 = results.Max(r => r.P99Ms);
        Console.WriteLine(FormattableString.Invariant(
            $"public disclosure search, 64 connections ({Queries.Length} queries at random): median {results.OrderBy(r => r.PerSecond).ElementAt(results.Count / 2).PerSecond:N0} req/s, worst p99 {p99:N1} ms of {results.Count} rounds (target < 50 ms: {Verdict(p99, 50)}); errors {results.Sum(r => r.Errors):N0}"));
        Console.WriteLine(FormattableString.Invariant($"server RSS {server.ResidentMb():N0} MB"));
        return 0;
    }

    private static uint Mix(int i, int salt) => unchecked((((uint)i * 2654435761u) ^ ((uint)salt * 40503u)) * 2246822519u) >> 7;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    /// <summary>
    /// Cases registered evenly over the two years up to today, 4 in 10 in market regulation, 3 in 10 in city management, the
    /// rest over the other enforcement departments. The newest <paramref name="open"/> are open at every step with their
    /// clocks running; the others closed or archived with their decision. One party each (identifiers encrypted), a published
    /// decision for 4 in 5 decided cases (published 1 to 5 days after the decision; those whose day has not come yet still due), and rows/5 other acts (licences, inspections, compulsory measures, levies, requisitions).
    /// </summary>
    private static async Task SeedAsync(Sink db, int rows, int open, DateOnly today, PersonalDataProtector protector)
    {
        var units = await db.QueryAsync("SELECT \"Id\", \"Code\" FROM org_nodes WHERE \"EnforcesLaw\" AND \"IsActive\" ORDER BY \"Code\"", r => (Id: r.GetGuid(0), Code: r.GetString(1)));
        var msa = units.Single(u => u.Code == "TX-MSA");
        var cae = units.Single(u => u.Code == "TX-CAE");
        var others = units.Where(u => u != msa && u != cae).ToList();
        Console.WriteLine($"{units.Count} enforcement departments: {string.Join(", ", units.Select(u => u.Code))}");
        (Guid Id, string Code) Unit(int i) => (i % 20) switch
        {
            < 8 => msa,
            < 14 => cae,
            var s => others[(i / 20 + s) % others.Count],
        };

        // A pool of encrypted identifiers (each encrypted on its own, as the platform writes them).
        var ids = Enumerable.Range(0, 997).Select(k => protector.Protect("4419001985" + (1000 + k).ToString("0000", CultureInfo.InvariantCulture) + (k % 100).ToString("00", CultureInfo.InvariantCulture) + "1X")!).ToArray();
        var phones = Enumerable.Range(0, 991).Select(k => protector.Protect("138" + (10000000 + k * 7919).ToString("00000000", CultureInfo.InvariantCulture))!).ToArray();

        var start = today.AddYears(-2);
        var days = today.DayNumber - start.DayNumber;
        var caseIds = new Guid[rows];
        for (var i = 0; i < rows; i++)
        {
            caseIds[i] = Guid.CreateVersion7(start.AddDays((int)((long)i * days / rows)).ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc));
        }

        // What every table needs to know about case i, from i alone, so that each table is written in its own pass.
        CaseFacts Facts(int i)
        {
            var unit = Unit(i);
            var registered = start.AddDays((int)((long)i * days / rows));
            var story = Stories[Mix(i, 1) % (uint)Stories.Length];
            var isOpen = i >= rows - open;
            var simple = !isOpen && i % 5 == 0;
            var status = isOpen ? i % 5 : Mix(i, 2) % 3 == 0 ? 5 : 6;
            var kind = simple ? (i % 2 == 0 ? 0 : 1) : (int)(Mix(i, 3) % 10) switch { 0 => 0, < 6 => 1, 6 => 2, 7 => 3, 8 => 5, _ => 6 };
            var fine = kind switch { 0 or 6 => 0m, _ when simple => Math.Min(story.Fine, 200m), _ => story.Fine };
            var filed = simple || status == 0 ? (DateOnly?)null : Min(registered.AddDays(1 + i % 3), today);
            // An open case was decided some day between its filing and today (not all of them today); a closed one 20 to 80 days after filing.
            var decided = status < 3 ? (DateOnly?)null
                : simple ? registered
                : isOpen ? filed!.Value.AddDays((int)(Mix(i, 4) % 100 * (today.DayNumber - filed!.Value.DayNumber) / 100))
                : Min(filed!.Value.AddDays(20 + (int)(Mix(i, 4) % 60)), today);
            return new CaseFacts(i, caseIds[i], unit.Id, unit.Code, registered, story, isOpen, simple, status, kind, fine, filed, decided);
        }

        var clock = new[] { "Allowance", "DueDate", "ExtendedBy", "Extensions", "StartedOn", "Unit", "YellowFrom" };
        var caseColumns = new[]
        {
            "Id", "Number", "DepartmentId", "Source", "SourceNote", "Procedure", "Status", "Matter", "Facts", "ActOn", "DiscoveredOn", "InvolvesSafety", "RegisteredAt", "RegisteredBy",
            "FiledOn", "FiledBy", "ProposedKind", "ProposedFine", "ProposedConfiscation", "Provisions", "Basis", "NoticeServedOn", "MajorPublicInterest", "Complex", "HearingEligible",
            "ReviewRequired", "HearingWaived", "DecisionNumber", "DecidedOn", "DecidedBy", "PenaltyKind", "Fine", "Confiscation", "Performance", "ServedOn", "ServiceMethod",
            "ElectronicConsent", "DisclosureToldOn", "PaidOn", "PaidAmount", "ClosedOn", "ArchivedOn", "FileNumber", "RowVersion",
        }.Concat(new[] { "Filing", "Decision", "Service", "Payment" }.SelectMany(p => clock.Select(c => p + c))).ToArray();
        static object?[] Clock(DateOnly? startedOn, int allowance, int unit, int calendarDays)
        {
            if (startedOn is not { } s)
            {
                return [null, null, null, null, null, null, null];
            }

            var due = s.AddDays(calendarDays);
            return [allowance, due, 0, 0, s, unit, due.AddDays(-Math.Max(2, calendarDays / 5))];
        }

        // The facts are personal data (PersonalKind.Text): encrypted as the app writes them, one ciphertext per story.
        var facts = Stories.Select(x => x.Facts).Distinct().ToDictionary(f => f, f => protector.Protect(f)!);
        static string CaseNumber(CaseFacts c) => $"{c.Code}立〔{c.Registered.Year}〕{c.I + 1}号";
        var sw = Stopwatch.StartNew();
        await using (var cases = await db.TableAsync("enf_cases", caseColumns))
        {
            for (var i = 0; i < rows; i++)
            {
                var c = Facts(i);
                var s = c.Story;
                var discovered = c.Registered.AddDays(-(i % 5));
                var at = c.Registered.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddSeconds(i % 28_800);
                var notified = c.Status >= 2 && !c.Simple ? Min(c.Filed!.Value.AddDays(10), c.Decided ?? today) : (DateOnly?)null;
                var served = c.Status >= 4 ? Min(c.Decided!.Value.AddDays(c.Simple ? 0 : 2), today) : (DateOnly?)null;
                var paid = c.Status >= 5 ? Min(served!.Value.AddDays(7), today) : (DateOnly?)null;
                var closed = c.Status >= 5 ? Min(paid!.Value.AddDays(3), today) : (DateOnly?)null;
                var archived = c.Status == 6 ? Min(closed!.Value.AddDays(10), today) : (DateOnly?)null;
                var decided = c.Decided is not null;
                object?[] values =
                [
                    c.Id, CaseNumber(c), c.Department, i % 4, null, c.Simple ? 1 : 0, c.Status, s.Matter, facts[s.Facts], discovered.AddDays(-(i % 10)), discovered,
                    s.Fine >= 50_000m, at, "officer.msa", c.Filed, c.Filed is null ? null : "周文斌", c.Status >= 2 ? c.Kind : null, c.Status >= 2 ? c.Fine : 0m, 0m,
                    c.Status >= 2 ? s.Provisions : null, c.Status >= 2 ? s.Basis : null, notified, false, false, c.Fine >= 10_000m, c.Fine >= 10_000m, false,
                    decided ? DecisionNumber(c) : null, c.Decided, decided ? "周文斌" : null, decided ? c.Kind : null, decided ? c.Fine : 0m, decided && c.Kind == 2 ? 3200m : 0m,
                    decided ? "自收到本决定书之日起十五日内缴纳罚款" : null, served, served is null ? null : 0, false, served, paid, paid is null ? null : c.Fine, closed, archived,
                    archived is null ? null : $"{c.Code}档〔{archived.Value.Year}〕{i + 1}号", Guid.NewGuid(),
                ];
                // Filing: 15 working days from discovery; decision: 90 days from filing; service: 7 working days; payment: 15 days.
                await cases.AddAsync([.. values, .. Clock(c.Simple ? null : discovered, 15, 0, 21), .. Clock(c.Filed, 90, 1, 90),
                    .. Clock(decided && !c.Simple ? c.Decided : null, 7, 0, 9), .. Clock(served, 15, 1, 15)]);
            }
        }

        Console.WriteLine($"  enf_cases: {sw.Elapsed.TotalSeconds:N0} s");
        sw.Restart();
        await using (var parties = await db.TableAsync("enf_parties", "CaseId", "Kind", "Name", "IdNumber", "Address", "Phone", "Plate", "Representative"))
        {
            for (var i = 0; i < rows; i++)
            {
                var (person, name) = Party(i);
                await parties.AddAsync(caseIds[i], person ? 0 : 1, name, ids[i % ids.Length], null, phones[i % phones.Length], null, person ? null : "黄德胜");
            }
        }

        Console.WriteLine($"  enf_parties: {sw.Elapsed.TotalSeconds:N0} s");
        sw.Restart();
        // The text index rows the app keeps in the same save (number, decision number, matter, party), as TextSearch writes them.
        await using (var search = await db.TableAsync("sys_search", "Entity", "RecordId", "Text"))
        {
            for (var i = 0; i < rows; i++)
            {
                var c = Facts(i);
                var (_, name) = Party(i);
                string?[] words = [CaseNumber(c), c.Decided is null ? null : DecisionNumber(c), c.Story.Matter, name];
                await search.AddAsync("enforcement.case", c.Id, TextSearch.Normalise(string.Join(" | ", words.Where(w => !string.IsNullOrEmpty(w)))));
            }
        }

        Console.WriteLine($"  sys_search (cases): {sw.Elapsed.TotalSeconds:N0} s");
        sw.Restart();
        var publicationText = new List<(Guid Id, string Text)>();
        var published = 0;
        await using (var publications = await db.TableAsync("enf_publications", "Id", "DepartmentId", "CaseId", "ActionId", "Kind", "DocumentNumber", "Matter", "Party", "Content",
                         "DecidedOn", "Fine", "Status", "PublishedOn", "PublishedBy", "RetainUntil", "RowVersion", "DueAllowance", "DueDueDate", "DueExtendedBy", "DueExtensions",
                         "DueStartedOn", "DueUnit", "DueYellowFrom"))
        {
            for (var i = 0; i < rows; i++)
            {
                var c = Facts(i);
                if (c.Decided is not { } decided || Mix(i, 5) % 100 >= 80)
                {
                    continue;
                }

                var (person, name) = Party(i);
                var on = decided.AddDays(1 + i % 5);
                var due = on > today;
                var content = $"违法事实：{c.Story.Facts}\n违反条款：{c.Story.Provisions}\n处罚依据：{c.Story.Basis}\n处罚内容：" +
                    (c.Fine > 0 ? $"罚款人民币{c.Fine:0.##}元" : c.Kind == 6 ? "不予行政处罚" : "警告");
                var publicationId = Guid.CreateVersion7(on.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc));
                publicationText.Add((publicationId, TextSearch.Normalise(string.Join(" | ", DecisionNumber(c), c.Story.Matter, person ? Masking.Name(name) : name))));
                await publications.AddAsync(publicationId, c.Department, c.Id, null, c.Kind == 6 ? 2 : 0, DecisionNumber(c),
                    c.Story.Matter, person ? Masking.Name(name) : name, content, decided, c.Fine, due ? 0 : 1, due ? null : on, due ? null : "周文斌", due ? null : on.AddYears(3), Guid.NewGuid(),
                    7, decided.AddDays(9), 0, 0, decided, 0, decided.AddDays(7));
                published++;
            }
        }

        Console.WriteLine($"  enf_publications ({published:N0}): {sw.Elapsed.TotalSeconds:N0} s");
        sw.Restart();
        await using (var search = await db.TableAsync("sys_search", "Entity", "RecordId", "Text"))
        {
            foreach (var (id, text) in publicationText)
            {
                await search.AddAsync("enforcement.publication", id, text);
            }
        }

        Console.WriteLine($"  sys_search (publications): {sw.Elapsed.TotalSeconds:N0} s");
        sw.Restart();
        var actions = rows / 5;
        await using (var acts = await db.TableAsync("enf_actions", "Id", "DepartmentId", "Kind", "Number", "Matter", "Subject", "SubjectKind", "Decision", "Granted", "StartedOn",
                         "DecidedOn", "ValidUntil", "Amount", "OfficerNames", "RecordedBy", "RecordedAt"))
        {
            for (var i = 0; i < actions; i++)
            {
                var unit = Unit(i * 7 + 3);
                var decided = start.AddDays((int)((long)i * days / actions));
                var kind = (int)(Mix(i, 6) % 100) switch { < 40 => 0, < 75 => 4, < 90 => 1, < 97 => 2, _ => 3 };
                var (person, name) = Party(i * 7 + 3);
                var (matter, decision, granted, amount) = kind switch
                {
                    0 => ("食品经营许可", Mix(i, 7) % 100 < 92 ? "准予许可" : "不予许可", (bool?)(Mix(i, 7) % 100 < 92), (decimal?)null),
                    1 => ("查封扣押涉案物品", "实施查封", true, null),
                    2 => ("征收排污费", "已征收", true, 1000m + Mix(i, 8) % 50 * 100m),
                    3 => ("临时征用场地", "已征用", true, 5000m),
                    _ => ("日常监督检查", "未发现问题", null, null),
                };
                await acts.AddAsync(Guid.CreateVersion7(decided.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc)), unit.Id, kind, $"{unit.Code}行〔{decided.Year}〕{i + 1}号", matter,
                    name, person ? 0 : 1, decision, granted, decided.AddDays(-5), decided, kind == 0 ? decided.AddYears(5) : null, amount, "[\"周文斌\",\"李秀英\"]", "officer.msa",
                    decided.ToDateTime(new TimeOnly(3, 0), DateTimeKind.Utc));
            }
        }

        Console.WriteLine($"  enf_actions ({actions:N0}): {sw.Elapsed.TotalSeconds:N0} s");
        sw.Restart();
        await db.CompleteAsync();
        Console.WriteLine($"  commit and statistics (ANALYZE): {sw.Elapsed.TotalSeconds:N0} s");
    }

    private static string DecisionNumber(CaseFacts c) => $"{c.Code}罚〔{c.Decided!.Value.Year}〕{c.I + 1}号";

    private static (bool Person, string Name) Party(int i) => Mix(i, 9) % 10 < 7
        ? (true, Surnames[Mix(i, 10) % (uint)Surnames.Length] + Given[Mix(i, 11) % (uint)Given.Length])
        : (false, $"东莞市塘厦{Firms[Mix(i, 10) % (uint)Firms.Length]}{Trades[Mix(i, 11) % (uint)Trades.Length]}有限公司");

    private sealed record CaseFacts(
        int I, Guid Id, Guid Department, string Code, DateOnly Registered, (string Matter, string Facts, string Provisions, string Basis, decimal Fine) Story, bool Open,
        bool Simple, int Status, int Kind, decimal Fine, DateOnly? Filed, DateOnly? Decided);

    /// <summary>Where the rows go: prepared inserts in one SQLite transaction, or a binary COPY per table into PostgreSQL.</summary>
    private abstract class Sink : IAsyncDisposable
    {
        public abstract Task<List<T>> QueryAsync<T>(string sql, Func<System.Data.Common.DbDataReader, T> row);

        /// <summary>One table at a time: its rows are written until the writer is disposed.</summary>
        public abstract Task<RowWriter> TableAsync(string name, params string[] columns);

        public abstract Task CompleteAsync();

        public abstract ValueTask DisposeAsync();
    }

    private abstract class RowWriter : IAsyncDisposable
    {
        public abstract ValueTask AddAsync(params object?[] values);

        public abstract ValueTask DisposeAsync();
    }

    private sealed class SqliteSink : Sink
    {
        private readonly SqliteConnection _conn;
        private readonly SqliteTransaction? _tx;

        public SqliteSink(string file, bool readOnly = false)
        {
            _conn = new SqliteConnection($"Data Source={file}");
            _conn.Open();
            if (readOnly)
            {
                return;
            }

            using (var pragma = _conn.CreateCommand())
            {
                // 1 GB of page cache: seven indexes on the case table are written at once.
                pragma.CommandText = "PRAGMA synchronous=OFF; PRAGMA cache_size=-1000000;";
                pragma.ExecuteNonQuery();
            }

            _tx = _conn.BeginTransaction();
        }

        public override async Task<List<T>> QueryAsync<T>(string sql, Func<System.Data.Common.DbDataReader, T> row)
        {
            await using var cmd = _conn.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = sql;
            await using var r = await cmd.ExecuteReaderAsync();
            var list = new List<T>();
            while (await r.ReadAsync())
            {
                list.Add(row(r));
            }

            return list;
        }

        public override Task<RowWriter> TableAsync(string name, params string[] columns)
        {
            var cmd = _conn.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = $"INSERT INTO {name} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value))).ToArray();
            cmd.Prepare();
            return Task.FromResult<RowWriter>(new Writer(cmd, parameters));
        }

        public override Task CompleteAsync()
        {
            _tx!.Commit();
            using var analyze = _conn.CreateCommand();
            analyze.CommandText = "ANALYZE;";
            analyze.ExecuteNonQuery();
            return Task.CompletedTask;
        }

        public override async ValueTask DisposeAsync()
        {
            if (_tx is not null)
            {
                await _tx.DisposeAsync();
            }

            await _conn.DisposeAsync();
        }

        /// <summary>Values in the text forms EF Core's SQLite provider writes and compares (decimals as Microsoft.Data.Sqlite binds them: text).</summary>
        private sealed class Writer(SqliteCommand cmd, SqliteParameter[] parameters) : RowWriter
        {
            public override ValueTask AddAsync(params object?[] values)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] switch
                    {
                        null => DBNull.Value,
                        Guid g => g.ToString().ToUpperInvariant(),
                        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        bool b => b ? 1 : 0,
                        var v => v,
                    };
                }

                cmd.ExecuteNonQuery();
                return ValueTask.CompletedTask;
            }

            public override ValueTask DisposeAsync()
            {
                cmd.Dispose();
                return ValueTask.CompletedTask;
            }
        }
    }

    private sealed class PostgresSink(string connection) : Sink
    {
        private readonly NpgsqlConnection _conn = new(connection);
        private readonly List<string> _tables = [];

        private void Open()
        {
            if (_conn.State != System.Data.ConnectionState.Open)
            {
                _conn.Open();
            }
        }

        public override async Task<List<T>> QueryAsync<T>(string sql, Func<System.Data.Common.DbDataReader, T> row)
        {
            Open();
            await using var cmd = new NpgsqlCommand(sql, _conn);
            await using var r = await cmd.ExecuteReaderAsync();
            var list = new List<T>();
            while (await r.ReadAsync())
            {
                list.Add(row(r));
            }

            return list;
        }

        public override Task<RowWriter> TableAsync(string name, params string[] columns)
        {
            Open();
            _tables.Add(name);
            return Task.FromResult<RowWriter>(new Copy(_conn.BeginBinaryImport($"COPY {name} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)")));
        }

        public override async Task CompleteAsync()
        {
            foreach (var table in _tables)
            {
                await using var analyze = new NpgsqlCommand($"VACUUM ANALYZE {table}", _conn) { CommandTimeout = 0 };
                await analyze.ExecuteNonQueryAsync();
            }
        }

        public override async ValueTask DisposeAsync() => await _conn.DisposeAsync();

        private sealed class Copy(NpgsqlBinaryImporter copy) : RowWriter
        {
            public override ValueTask AddAsync(params object?[] values)
            {
                copy.StartRow();
                foreach (var v in values)
                {
                    switch (v)
                    {
                        case null: copy.WriteNull(); break;
                        case Guid g: copy.Write(g, NpgsqlDbType.Uuid); break;
                        case string s: copy.Write(s, NpgsqlDbType.Text); break;
                        case int n: copy.Write(n, NpgsqlDbType.Integer); break;
                        case decimal m: copy.Write(m, NpgsqlDbType.Numeric); break;
                        case bool b: copy.Write(b, NpgsqlDbType.Boolean); break;
                        case DateTime t: copy.Write(t, NpgsqlDbType.TimestampTz); break;
                        case DateOnly d: copy.Write(d, NpgsqlDbType.Date); break;
                        default: throw new InvalidOperationException($"no COPY type for {v.GetType()}");
                    }
                }

                return ValueTask.CompletedTask;
            }

            public override async ValueTask DisposeAsync()
            {
                await copy.CompleteAsync();
                await copy.DisposeAsync();
            }
        }
    }
}
