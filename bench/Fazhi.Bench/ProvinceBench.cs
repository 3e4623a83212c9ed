using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Web.Platform.Privacy;
using Npgsql;

namespace Fazhi.Bench;

/// <summary>
/// The annual report for a province-scale year on PostgreSQL: 10,000,000 applications, 1,000,000 enforcement cases decided and
/// 500,000 mediation cases registered in one year, made inside the database; then a report of that year quoting the three
/// work lines' figures (17 slots) is generated through the API, alternating with a hand-written SQL aggregate of the same
/// figures over the same rows (one statement per table, <c>count(*) FILTER (WHERE …)</c>), each timed on its own. Target:
/// generation within 2× the aggregate. The values of both must agree, or the run fails.
/// </summary>
internal static class ProvinceBench
{
    private const string Text =
        "全年受理政务服务事项{{services.received}}件，其中受理{{services.accepted}}件，作出决定{{services.decided}}件，办结{{services.completed}}件，按时办结率{{services.on_time_rate}}，" +
        "零跑动事项占{{services.zero_share}}，最多跑一次占{{services.one_share}}。\n" +
        "全年作出行政处罚决定{{enforcement.penalties}}宗，其中适用简易程序{{enforcement.simple}}宗，举行听证{{enforcement.heard}}宗。\n" +
        "全年受理矛盾纠纷{{mediation.received}}宗，调解{{mediation.mediated}}宗，调解成功{{mediation.settled}}宗，调解成功率{{mediation.success_rate}}，签订书面协议{{mediation.written}}份。";

    public static async Task<int> RunAsync(string root, int applications, int enforcement, int mediation, int rounds, string pg)
    {
        if (pg.Length == 0)
        {
            Console.Error.WriteLine("province: PostgreSQL only; give --pg \"Host=...;Database=fazhi_province\"");
            return 2;
        }

        var year = DateTime.UtcNow.Year - 1;
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-province");
        var marker = Path.Combine(dir, $"seeded-{year}-{applications}-{enforcement}-{mediation}.txt");
        var keys = Seeder.Keys();
        var settings = new Dictionary<string, string>
        {
            ["Database__DataDirectory"] = dir, ["Fazhi__Demo"] = "true", ["Fazhi__DemoCases"] = "none", ["Fazhi__DemoHistory"] = "false",
            ["Fazhi__MonitorIntervalSeconds"] = "86400", ["Privacy__KeyFile"] = keys.KeyFile, ["Database__Provider"] = "Postgres", ["ConnectionStrings__Fazhi"] = pg,
        };
        if (!File.Exists(marker))
        {
            if (Directory.Exists(dir))
            {
                Directory.Delete(dir, true);
            }

            await Sequential.DropDatabaseAsync(pg);
            await using (var first = await Server.StartAsync(root, settings))
            {
                // first start: migrations, the demo town's departments, items, committees and accounts
            }

            await SeedAsync(pg, year, applications, enforcement, mediation, keys.Protector);
            Directory.CreateDirectory(dir);
            File.WriteAllText(marker, DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture));
        }
        else
        {
            Console.WriteLine($"reusing the province's {year} in {pg}");
        }

        await using var server = await Server.StartAsync(root, settings);
        // The server loads the public progress answers of its applications after it starts; the rounds begin when it is done.
        var loading = Stopwatch.StartNew();
        await server.AnswersLoaded;
        Console.WriteLine(FormattableString.Invariant($"the server held its progress answers after {loading.Elapsed.TotalSeconds:N0} s"));
        using var client = Load.Client(1);
        client.Timeout = TimeSpan.FromMinutes(10);
        var login = await client.PostAsJsonAsync(server.BaseUrl + "/api/auth/login", new { userName = "fzb.report", password = "Demo#2019" });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // The year's report at the city level (the demo office has none), made anew each run.
        var existing = (await client.GetFromJsonAsync<JsonElement>(server.BaseUrl + "/api/report")).EnumerateArray()
            .FirstOrDefault(r => r.GetProperty("year").GetInt32() == year && r.GetProperty("level").GetString() == "City");
        Guid id;
        if (existing.ValueKind == JsonValueKind.Object)
        {
            id = existing.GetProperty("id").GetGuid();
        }
        else
        {
            var created = await client.PostAsJsonAsync(server.BaseUrl + "/api/report", new { year, level = "City" });
            id = JsonDocument.Parse(Ensure(created)).RootElement.GetProperty("id").GetGuid();
        }

        var sections = new object[]
        {
            new { part = "Measures", heading = "政务服务、行政执法和矛盾纠纷化解", text = Text },
            new { part = "Shortcomings", heading = "存在的不足", text = "" }, new { part = "LeadersDuty", heading = "主要负责人履职情况", text = "" },
            new { part = "Plan", heading = "下一年度工作计划", text = "" }, new { part = "Other", heading = "其他事项", text = "无。" },
        };
        Ensure(await client.PutAsJsonAsync(server.BaseUrl + $"/api/report/{id}/sections", new { sections }));

        await using var sql = new NpgsqlConnection(pg);
        await sql.OpenAsync();
        var from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
        var to = from.AddYears(1);
        var generated = new List<double>();
        var aggregated = new List<double>();
        var inside = new List<int>();
        Dictionary<string, decimal> byHand = [];
        JsonElement snapshot = default;
        for (var i = 0; i < rounds + 1; i++)
        {
            // Side by side, alternating; the first round of each warms up.
            var sw = Stopwatch.StartNew();
            byHand = await AggregateAsync(sql, from, to, year);
            var hand = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            var body = Ensure(await client.PostAsJsonAsync(server.BaseUrl + $"/api/report/{id}/generate", new { }));
            var generation = sw.Elapsed.TotalMilliseconds;
            snapshot = JsonDocument.Parse(body).RootElement.Clone();
            Console.WriteLine(FormattableString.Invariant($"  round {i}: SQL aggregate {hand:N0} ms, generation {generation:N0} ms (server's own count {snapshot.GetProperty("milliseconds").GetInt32():N0} ms)"));
            if (i > 0)
            {
                aggregated.Add(hand);
                generated.Add(generation);
                inside.Add(snapshot.GetProperty("milliseconds").GetInt32());
            }
        }

        // The same figures, or the comparison means nothing.
        var figures = snapshot.GetProperty("figures").EnumerateArray().ToDictionary(f => f.GetProperty("key").GetString()!, f => f.GetProperty("value").GetDecimal());
        var wrong = byHand.Where(h => !figures.TryGetValue(h.Key, out var v) || Math.Round(v, 10) != Math.Round(h.Value, 10)).ToList();
        foreach (var (name, value) in byHand.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(FormattableString.Invariant($"  {name,-28} {value,16:N4}   report: {(figures.TryGetValue(name, out var v) ? v.ToString("N4", CultureInfo.InvariantCulture) : "missing")}"));
        }

        if (wrong.Count > 0)
        {
            Console.Error.WriteLine($"the report and the SQL aggregate disagree on {string.Join(", ", wrong.Select(w => w.Key))}");
            return 1;
        }

        var frozen = snapshot.GetProperty("figures").EnumerateArray().Count(f => f.GetProperty("recordsFrozen").GetBoolean());
        generated.Sort();
        aggregated.Sort();
        inside.Sort();
        var g = generated[generated.Count / 2];
        var a = aggregated[aggregated.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"a province's {year} on PostgreSQL ({applications:N0} applications, {enforcement:N0} enforcement cases, {mediation:N0} mediation cases): {figures.Count} figures ({frozen} with their records frozen one by one); \n" +
            $"generation median {g:N0} ms (server's own {inside[inside.Count / 2]:N0} ms), hand-written SQL aggregate median {a:N0} ms, of {rounds} alternating rounds; ratio {g / a:N2} (target ≤ 2)"));
        return g / a <= 2 ? 0 : 1;
    }

    /// <summary>The report's figures by hand: one statement per table, every count of that table in one pass.</summary>
    private static async Task<Dictionary<string, decimal>> AggregateAsync(NpgsqlConnection sql, DateTime from, DateTime to, int year)
    {
        var days = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var v = new Dictionary<string, decimal>();
        await ReadAsync(sql, """
            SELECT count(*), count(*) FILTER (WHERE "AcceptedAt" IS NOT NULL), count(*) FILTER (WHERE "Decision" IS NOT NULL),
                   count(*) FILTER (WHERE "Status" = 4), count(*) FILTER (WHERE "OnTime"),
                   count(*) FILTER (WHERE "Status" = 4 AND "Visits" = 0), count(*) FILTER (WHERE "Status" = 4 AND "Visits" <= 1)
            FROM svc_applications WHERE "ReceivedAt" >= @from AND "ReceivedAt" < @to
            """, r =>
        {
            v["services.received"] = r.GetInt64(0);
            v["services.accepted"] = r.GetInt64(1);
            v["services.decided"] = r.GetInt64(2);
            v["services.completed"] = r.GetInt64(3);
            v["services.on_time_rate"] = r.GetInt64(2) == 0 ? 0 : (decimal)r.GetInt64(4) / r.GetInt64(2);
            v["services.zero_share"] = r.GetInt64(3) == 0 ? 0 : (decimal)r.GetInt64(5) / r.GetInt64(3);
            v["services.one_share"] = r.GetInt64(3) == 0 ? 0 : (decimal)r.GetInt64(6) / r.GetInt64(3);
        }, ("from", from), ("to", to));
        await ReadAsync(sql, """
            SELECT count(*) FILTER (WHERE "PenaltyKind" <> 6), count(*) FILTER (WHERE "Procedure" = 1), count(*) FILTER (WHERE "HearingHeldOn" IS NOT NULL)
            FROM enf_cases WHERE "DecidedOn" >= @first AND "DecidedOn" <= @last
            """, r =>
        {
            v["enforcement.penalties"] = r.GetInt64(0);
            v["enforcement.simple"] = r.GetInt64(1);
            v["enforcement.heard"] = r.GetInt64(2);
        }, ("first", days.Item1), ("last", days.Item2));
        await ReadAsync(sql, """
            SELECT count(*) FILTER (WHERE c."RegisteredAt" >= @from AND c."RegisteredAt" < @to),
                   count(*) FILTER (WHERE c."ClosedAt" >= @from AND c."ClosedAt" < @to
                     AND (c."Status" <> 4 OR EXISTS (SELECT 1 FROM med_sessions s WHERE s."CaseId" = c."Id" AND s."Held"))),
                   count(*) FILTER (WHERE c."ClosedAt" >= @from AND c."ClosedAt" < @to AND c."Status" = 2),
                   count(*) FILTER (WHERE c."ClosedAt" >= @from AND c."ClosedAt" < @to AND c."AgreementKind" = 0)
            FROM med_cases c WHERE (c."RegisteredAt" >= @from AND c."RegisteredAt" < @to) OR (c."ClosedAt" >= @from AND c."ClosedAt" < @to)
            """, r =>
        {
            v["mediation.received"] = r.GetInt64(0);
            v["mediation.mediated"] = r.GetInt64(1);
            v["mediation.settled"] = r.GetInt64(2);
            v["mediation.success_rate"] = r.GetInt64(1) == 0 ? 0 : (decimal)r.GetInt64(2) / r.GetInt64(1);
            v["mediation.written"] = r.GetInt64(3);
        }, ("from", from), ("to", to));
        return v;
    }

    private static async Task ReadAsync(NpgsqlConnection sql, string text, Action<NpgsqlDataReader> read, params (string Name, object Value)[] parameters)
    {
        await using var cmd = new NpgsqlCommand(text, sql) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            cmd.Parameters.AddWithValue(name, value);
        }

        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        read(r);
    }

    /// <summary>
    /// The year's rows, made inside PostgreSQL: applications spread evenly over the year across the demo town's items (1 in 50
    /// still in review, 1 in 97 refused, the rest completed, 10 in 11 of the decided on time, a third with no visit); enforcement
    /// cases decided evenly over the year across the enforcement departments (1 in 5 simple, 1 in 200 heard, 1 in 10 no
    /// penalty), each with its party; mediation cases registered evenly and concluded within 20 days (99 in 100 settled, 6 in 10
    /// in writing). Each table's secondary indexes are dropped while it fills and made again after, as a bulk load would.
    /// </summary>
    private static async Task SeedAsync(string pg, int year, int applications, int enforcement, int mediation, PersonalDataProtector protector)
    {
        await using var conn = new NpgsqlConnection(pg);
        await conn.OpenAsync();
        var start = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(-8);
        var span = start.AddYears(1) - start;
        async Task Run(string text, int rows)
        {
            var sw = Stopwatch.StartNew();
            await using var cmd = new NpgsqlCommand(text, conn) { CommandTimeout = 0 };
            cmd.Parameters.AddWithValue("rows", rows);
            cmd.Parameters.AddWithValue("start", start);
            cmd.Parameters.AddWithValue("span", span);
            cmd.Parameters.AddWithValue("year", year);
            cmd.Parameters.AddWithValue("idno", protector.Protect("441900198506120000")!);
            cmd.Parameters.AddWithValue("phone", protector.Protect("13800001234")!);
            cmd.Parameters.AddWithValue("tail", protector.Index(PersonalKind.IdentifierTail, "120000")!);
            cmd.Parameters.AddWithValue("facts", protector.Protect("当事人未经许可从事经营活动。")!);
            await cmd.ExecuteNonQueryAsync();
            Console.WriteLine(FormattableString.Invariant($"  {text.Split('\n')[0].Trim()[..Math.Min(60, text.Split('\n')[0].Trim().Length)]}…: {sw.Elapsed.TotalSeconds:N0} s"));
        }

        async Task Bulk(string table, Func<Task> fill)
        {
            var indexes = new List<(string Name, string Definition)>();
            await using (var cmd = new NpgsqlCommand("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = @t AND indexname NOT LIKE 'PK_%'", conn))
            {
                cmd.Parameters.AddWithValue("t", table);
                await using var r = await cmd.ExecuteReaderAsync();
                while (await r.ReadAsync())
                {
                    indexes.Add((r.GetString(0), r.GetString(1)));
                }
            }

            foreach (var (name, _) in indexes)
            {
                await Run($"DROP INDEX \"{name}\"", 0);
            }

            await fill();
            foreach (var (_, definition) in indexes)
            {
                await Run(definition, 0);
            }

            await Run($"VACUUM ANALYZE {table}", 0);
        }

        await Run("SET maintenance_work_mem = '1GB'", 0);
        var total = Stopwatch.StartNew();
        await Bulk("svc_applications", () => Run("""
            WITH v AS (
              SELECT v."Id", v."ItemId", v."Name", v."DepartmentId", (row_number() OVER (ORDER BY v."Id")) - 1 AS k
              FROM svc_item_versions v JOIN svc_items i ON i."CurrentVersionId" = v."Id"),
            n AS (SELECT count(*) AS c FROM v),
            g AS (
              SELECT i, i % 50 = 0 AS open, i % 97 = 0 AND i % 50 <> 0 AS refused, @start + i * (@span / @rows) AS at
              FROM generate_series(0, @rows - 1) AS i)
            INSERT INTO svc_applications ("Id", "Number", "QueryToken", "ItemId", "ItemVersionId", "ItemName", "DepartmentId", "Channel", "ApplicantKind",
              "ApplicantName", "IdNumber", "Phone", "IdentifierTail", "Status", "ReceivedAt", "AcceptedAt", "DueDate", "YellowFrom", "LimitDays",
              "Visits", "PromisedVisits", "CurrentStage", "Materials", "CorrectionItems", "Decision", "DecidedAt", "OnTime", "WorkingDaysUsed", "CompletedAt", "RowVersion")
            SELECT gen_random_uuid(), 'PV' || @year || '-' || lpad(g.i::text, 8, '0'),
              translate(encode(substring(decode(md5(g.i::text || random()::text) || md5(random()::text), 'hex') FROM 1 FOR 18), 'base64'), '+/', '-_'),
              v."ItemId", v."Id", v."Name", v."DepartmentId", g.i % 2, 0, '申请人', @idno, @phone, @tail,
              CASE WHEN g.open THEN 2 WHEN g.refused THEN 3 ELSE 4 END, g.at, CASE WHEN g.refused THEN NULL ELSE g.at END,
              (g.at + interval '28 days')::date, (g.at + interval '24 days')::date, 20,
              CASE WHEN g.i % 3 = 0 THEN 0 WHEN g.i % 17 = 0 THEN 2 ELSE 1 END, 1, CASE WHEN g.open THEN 0 END, '[]', '[]',
              CASE WHEN g.open OR g.refused THEN NULL ELSE 'granted' END, CASE WHEN g.open OR g.refused THEN NULL ELSE g.at + (g.i % 30) * interval '1 day' END,
              CASE WHEN g.open OR g.refused THEN NULL ELSE g.i % 11 <> 0 END, CASE WHEN g.open OR g.refused THEN NULL ELSE g.i % 25 END,
              CASE WHEN g.open OR g.refused THEN NULL ELSE g.at + (g.i % 30) * interval '1 day' END, gen_random_uuid()
            FROM g, n, v WHERE v.k = g.i % n.c
            """, applications));
        await Bulk("enf_cases", () => Run("""
            WITH u AS (
              SELECT "Id", "Code", (row_number() OVER (ORDER BY "Code")) - 1 AS k FROM org_nodes WHERE "EnforcesLaw" AND "IsActive"),
            n AS (SELECT count(*) AS c FROM u),
            g AS (
              SELECT i, (@start + interval '8 hours' + i * (@span / @rows))::date AS decided, i % 5 = 0 AS simple FROM generate_series(0, @rows - 1) AS i)
            INSERT INTO enf_cases ("Id", "Number", "DepartmentId", "Source", "Procedure", "Status", "Matter", "Facts", "ActOn", "DiscoveredOn", "InvolvesSafety",
              "RegisteredAt", "RegisteredBy", "FiledOn", "ProposedKind", "ProposedFine", "ProposedConfiscation", "MajorPublicInterest", "Complex", "HearingEligible",
              "ReviewRequired", "HearingWaived", "HearingHeldOn", "DecisionNumber", "DecidedOn", "DecidedBy", "PenaltyKind", "Fine", "Confiscation", "ElectronicConsent",
              "ServedOn", "ClosedOn", "RowVersion")
            SELECT gen_random_uuid(), u."Code" || '立〔' || @year || '〕' || (g.i + 1) || '号', u."Id", g.i % 4, CASE WHEN g.simple THEN 1 ELSE 0 END, 5,
              '未经许可从事经营活动', @facts, g.decided - 30, g.decided - 25, false,
              (g.decided - 20)::timestamp AT TIME ZONE 'UTC', 'officer.msa', CASE WHEN g.simple THEN NULL ELSE g.decided - 19 END,
              CASE WHEN g.i % 10 = 0 THEN 6 ELSE 1 END, 2000, 0, false, false, g.i % 200 = 0, g.i % 200 = 0, false,
              CASE WHEN g.i % 200 = 0 THEN g.decided - 5 END, u."Code" || '罚〔' || @year || '〕' || (g.i + 1) || '号', g.decided, '周文斌',
              CASE WHEN g.i % 10 = 0 THEN 6 ELSE 1 END, CASE WHEN g.i % 10 = 0 THEN 0 ELSE 2000 END, 0, false, g.decided, g.decided + 20, gen_random_uuid()
            FROM g, n, u WHERE u.k = g.i % n.c
            """, enforcement));
        await Bulk("enf_parties", () => Run("""
            INSERT INTO enf_parties ("CaseId", "Kind", "Name", "IdNumber")
            SELECT c."Id", 1, '东莞市某贸易有限公司' || right(c."Number", 8), @idno FROM enf_cases c WHERE NOT EXISTS (SELECT 1 FROM enf_parties p WHERE p."CaseId" = c."Id")
            """, 0));
        await Bulk("med_cases", () => Run("""
            WITH m AS (
              SELECT "Id", "DepartmentId", "Code", (row_number() OVER (ORDER BY "Code")) - 1 AS k FROM med_committees),
            n AS (SELECT count(*) AS c FROM m),
            g AS (
              SELECT i, @start + interval '1 hour' + i * (@span / @rows) AS at FROM generate_series(0, @rows - 1) AS i)
            INSERT INTO med_cases ("Id", "Number", "CommitteeId", "DepartmentId", "Type", "Source", "Facts", "Claims", "RegisteredAt", "AcceptedOn", "RightsNoticeAt",
              "ViolenceRisk", "Status", "AgreementKind", "ClosedAt", "RowVersion", "MonthAllowance", "MonthDueDate", "MonthExtendedBy", "MonthExtensions", "MonthStartedOn",
              "MonthUnit", "MonthYellowFrom")
            SELECT gen_random_uuid(), m."Code" || '〔' || @year || '〕' || (g.i + 1) || '号', m."Id", m."DepartmentId", g.i % 8, g.i % 6, '相邻排水纠纷', '请求调解',
              g.at, g.at::date, g.at, false, CASE WHEN g.i % 100 = 0 THEN 3 ELSE 2 END, CASE WHEN g.i % 100 = 0 THEN NULL WHEN g.i % 10 < 6 THEN 0 ELSE 1 END,
              g.at + (g.i % 20) * interval '1 day', gen_random_uuid(), 30, (g.at + interval '1 month')::date, 0, 0, g.at::date, 1, (g.at + interval '25 days')::date
            FROM g, n, m WHERE m.k = g.i % n.c
            """, mediation));
        Console.WriteLine(FormattableString.Invariant($"seeded the province's {year} in {total.Elapsed.TotalMinutes:N1} min"));
    }

    private static string Ensure(HttpResponseMessage r)
    {
        var body = r.Content.ReadAsStringAsync().GetAwaiter().GetResult();
        if (!r.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{(int)r.StatusCode}: {body}");
        }

        return body;
    }
}
