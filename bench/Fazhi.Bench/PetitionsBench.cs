using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Web.Platform.Privacy;
using static Fazhi.Bench.Bulk;

namespace Fazhi.Bench;

/// <summary>
/// Petitions at scale: N petitions over the year up to today (with their steps) and M one-door applications over two years, one
/// online citizen owning a few of each; then the year's petition statistics as a supervisor (target &lt; 1 s), the citizen's one
/// page (target &lt; 50 ms), and the petitioner's public look-up by token against the app's constant endpoint (target 70 %,
/// p99 &lt; 20 ms at 64 connections).
/// </summary>
internal static class PetitionsBench
{
    private const string CitizenPhone = "13700137000";
    private const string CitizenPassword = "bench12345";

    public static async Task<int> RunAsync(string root, int rows, int applications, string pg, int seconds, int rounds)
    {
        var onPostgres = pg.Length > 0;
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-petitions" + (onPostgres ? "-pg" : ""));
        var dbFile = Path.Combine(dir, "fazhi.db");
        var marker = Path.Combine(dir, $"seeded-{rows}-{applications}.txt");
        var tokenFile = Path.Combine(dir, "tokens.txt");
        var keys = Seeder.Keys();
        var settings = new Dictionary<string, string>
        {
            ["Database__DataDirectory"] = dir, ["Fazhi__Demo"] = "true", ["Fazhi__DemoCases"] = "false",
            ["Fazhi__MonitorIntervalSeconds"] = "86400", ["Privacy__KeyFile"] = keys.KeyFile,
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
                // First start: migrations, the demo town and its catalog; the citizen opens an account online.
                using var client = Load.Client(1);
                var registered = await client.PostAsJsonAsync(first.BaseUrl + "/api/services/online/register", new { phone = CitizenPhone, password = CitizenPassword });
                registered.EnsureSuccessStatusCode();
            }

            var seed = Stopwatch.StartNew();
            List<string> tokens;
            await using (Target target = onPostgres ? new PostgresTarget(pg) : new SqliteTarget(dbFile))
            {
                tokens = await SeedAsync(target, rows, applications, today, keys.Protector);
            }

            Directory.CreateDirectory(dir);
            await File.WriteAllLinesAsync(tokenFile, tokens);
            File.WriteAllText(marker, today.ToString("O", CultureInfo.InvariantCulture));
            Console.WriteLine($"seeded {rows:N0} petitions and {applications:N0} applications in {seed.Elapsed.TotalSeconds:N0} s");
        }
        else
        {
            Console.WriteLine($"reusing {rows:N0} petitions and {applications:N0} applications in {(onPostgres ? pg : dbFile)}");
        }

        await using var server = await Server.StartAsync(root, settings);
        Console.WriteLine(onPostgres ? "on PostgreSQL:" : "on SQLite:");
        // The steady state: the loaders of the public answers (a million applications, the petitions) have finished and freed the cores.
        await Task.WhenAny(server.AnswersLoaded, Task.Delay(TimeSpan.FromMinutes(10)));
        await Task.Delay(TimeSpan.FromSeconds(5));
        using (var client = Load.Client(1))
        {
            var login = await client.PostAsJsonAsync(server.BaseUrl + "/api/auth/login", new { userName = "supervisor", password = "Demo#2019" });
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            var from = today.AddYears(-1).AddDays(1);
            var (median, worst, body) = await Sequential.TimeAsync(client, server.BaseUrl + $"/api/petitions/statistics?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}", token);
            var s = JsonDocument.Parse(body).RootElement;
            Console.WriteLine(FormattableString.Invariant(
                $"petition statistics of a year ({s.GetProperty("matters").GetInt32():N0} matters, {s.GetProperty("repeats").GetInt32():N0} repeats, {s.GetProperty("answered").GetInt32():N0} answered): median {median:N1} ms, worst {worst:N1} ms of 20 (target < 1000 ms)"));
        }

        // The citizen's one page: signed in with the cookie, 5 warm-up loads and 20 timed.
        using (var handler = new HttpClientHandler { CookieContainer = new CookieContainer() })
        using (var citizen = new HttpClient(handler))
        {
            (await citizen.PostAsJsonAsync(server.BaseUrl + "/api/services/online/login", new { phone = CitizenPhone, password = CitizenPassword })).EnsureSuccessStatusCode();
            var times = new List<double>();
            var page = "";
            for (var i = 0; i < 25; i++)
            {
                var sw = Stopwatch.StartNew();
                page = await citizen.GetStringAsync(server.BaseUrl + "/citizen");
                if (i >= 5)
                {
                    times.Add(sw.Elapsed.TotalMilliseconds);
                }
            }

            times.Sort();
            var matters = page.Split("class=\"matter ", StringSplitOptions.None).Length - 1;
            Console.WriteLine(FormattableString.Invariant(
                $"the citizen's one page ({matters} matters among {applications:N0} applications and {rows:N0} petitions): median {times[times.Count / 2]:N1} ms, worst {times[^1]:N1} ms of 20 (target < 50 ms)"));
        }

        var all = await File.ReadAllLinesAsync(tokenFile);
        return await PublicBench.RunAsync(server, [.. all.Where(l => l.Length > 0)], "/api/public/petitions/{token}", seconds, rounds, "petition look-up");
    }

    /// <summary>Petitions spread over the year, most answered, with their steps; applications over two years; the citizen's few of each.</summary>
    private static async Task<List<string>> SeedAsync(Target db, int rows, int applications, DateOnly today, PersonalDataProtector protector)
    {
        var office = (await db.QueryAsync("SELECT \"Id\" FROM org_nodes WHERE \"Code\" = 'TX-PET'", r => r.GetGuid(0)))[0];
        var bodies = await db.QueryAsync("SELECT \"Id\", \"Name\" FROM org_nodes WHERE \"Code\" IN ('TX-HR', 'TX-CAE', 'TX-LAND', 'TX-ECO')", r => (Id: r.GetGuid(0), Name: r.GetString(1)));
        // The citizen proved the phone (a texted code): the one page then asks every work line.
        var citizenId = (await db.QueryAsync("UPDATE svc_citizens SET \"PhoneVerifiedAt\" = \"RegisteredAt\" RETURNING \"Id\"", r => r.GetGuid(0)))[0];
        var citizenLookup = protector.Index(PersonalKind.Phone, CitizenPhone);
        var empty = protector.Protect("");
        var petitions = db.Table("pet_petitions", "Id", "Number", "QueryToken", "RequestId", "DepartmentId", "HandlerDepartmentId", "HandlerName", "Channel", "Class", "Category",
            "Subject", "Request", "Facts", "Reasons", "PetitionerName", "PhoneLookup", "GroupSize", "Representatives", "ReceivedAt", "Status", "SentBack", "RowVersion", "ChangedAt",
            "DecidedAt", "AnsweredAt", "AnsweredInTime", "Rating", "RepeatOfId", "DueOn", "ReceivedOn",
            "RouteAllowance", "RouteDueDate", "RouteExtendedBy", "RouteExtensions", "RouteStartedOn", "RouteUnit", "RouteYellowFrom");
        var steps = db.Table("pet_steps", "Id", "CaseId", "Sequence", "At", "Kind", "Actor", "PreviousHash", "Hash");
        var start = today.AddYears(-1);
        var days = today.DayNumber - start.DayNumber;
        var tokens = new List<string>(rows);
        Guid? previous = null;
        for (var i = 0; i < rows; i++)
        {
            var id = Guid.CreateVersion7();
            var received = start.AddDays((int)((long)i * days / rows));
            var at = received.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc).AddMinutes(i % 420);
            var fresh = today.DayNumber - received.DayNumber < 15;
            var status = fresh ? 0 : i % 20 == 0 ? 4 : i % 33 == 0 ? 3 : 6;
            var body = bodies[i % bodies.Count];
            var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            tokens.Add(token);
            var mine = i % (rows / 5) == 7;
            var repeat = !mine && i % 50 == 49 ? previous : null;
            var due = received.AddDays(15);
            await petitions.AddAsync(id, $"塘信〔{received.Year}〕{i + 1}号", token, $"{received.Year}-{i + 1}", office, fresh ? Guid.Empty : body.Id, fresh ? null : body.Name,
                i % 4, i % 23 == 5 ? 1 : i % 9 == 4 ? 0 : 2, i % 9, "追讨拖欠工资", empty, empty, empty, i % 23 == 5 ? "" : "信访人" + (i % 997),
                mine ? citizenLookup : protector.Index(PersonalKind.Phone, "139" + (i % 1_000_000).ToString("00000000", CultureInfo.InvariantCulture)), 1, "[]", at, status, 0,
                Guid.NewGuid(), at, fresh ? null : at.AddDays(3), status == 6 ? at.AddDays(30) : null, status == 6 ? true : null, status == 6 && i % 3 == 0 ? 3 : null, repeat, status == 0 ? due : status == 6 ? DateOnly.FromDateTime(at.AddDays(60)) : null, received,
                15, due, 0, 0, received, 1, due.AddDays(-3));
            await steps.AddAsync(Guid.CreateVersion7(), id, 1, at, "registered", "petition.officer", "", "");
            if (!fresh)
            {
                await steps.AddAsync(Guid.CreateVersion7(), id, 2, at.AddDays(3), status == 4 ? "diverted" : status == 3 ? "not_accepted" : "accepted", "petition.officer", "", "");
            }

            if (status == 6)
            {
                await steps.AddAsync(Guid.CreateVersion7(), id, 3, at.AddDays(30), "answered", "petition.hr", "", "");
            }

            previous = i % 50 == 0 ? id : previous;
        }

        var versions = await db.QueryAsync("SELECT \"Id\", \"ItemId\", \"Name\", \"DepartmentId\" FROM svc_item_versions", r => (Id: r.GetGuid(0), ItemId: r.GetGuid(1), Name: r.GetString(2), Dept: r.GetGuid(3)));
        var apps = db.Table("svc_applications", "Id", "Number", "QueryToken", "ItemId", "ItemVersionId", "ItemName", "DepartmentId", "Channel", "ApplicantKind", "ApplicantName",
            "Phone", "IdentifierTail", "Status", "ReceivedAt", "AcceptedAt", "DueDate", "Visits", "CurrentStage", "Materials", "CorrectionItems", "RowVersion",
            "LimitDays", "PromisedVisits", "CorrectionInPerson", "ExtensionDays", "ChangedAt", "CitizenId");
        var appStart = today.AddYears(-2);
        var appDays = today.DayNumber - appStart.DayNumber;
        var phone = protector.Protect("13800001234");
        var tail = protector.Index(PersonalKind.IdentifierTail, "123456");
        for (var i = 0; i < applications; i++)
        {
            var v = versions[i % versions.Count];
            var received = appStart.AddDays((int)((long)i * appDays / applications));
            var at = received.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddSeconds(i % 20_000);
            var mine = i % (applications / 5) == 11;
            await apps.AddAsync(Guid.CreateVersion7(), $"TX{received.Year}-{i:0000000}", Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('='), v.ItemId, v.Id, v.Name,
                v.Dept, mine ? 1 : 0, 0, "申请人" + (i % 9973), phone, tail, i % 10 == 0 ? 2 : 4, at, at, received.AddDays(20), 1, 0, "[]", "[]", Guid.NewGuid(), 20, 1, false, 0, at,
                mine ? citizenId : null);
        }

        await db.CompleteAsync();
        return tokens;
    }
}
