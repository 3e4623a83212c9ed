using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using static Fazhi.Bench.Bulk;

namespace Fazhi.Bench;

/// <summary>
/// Legal aid at scale: N applications and 10 N contacts over the two years up to today at the demo town's places; then the
/// year's statistics as the justice office (target &lt; 1 s) and the applicant's public follow-up by token against the app's
/// constant endpoint (target 70 %, p99 &lt; 20 ms at 64 connections).
/// </summary>
internal static class LegalAidBench
{
    public static async Task<int> RunAsync(string root, int rows, string pg, int seconds, int rounds)
    {
        var onPostgres = pg.Length > 0;
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-legalaid" + (onPostgres ? "-pg" : ""));
        var dbFile = Path.Combine(dir, "fazhi.db");
        var marker = Path.Combine(dir, $"seeded-{rows}.txt");
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
                // first start: migrations and the demo town's places and lawyer pool
            }

            var seed = Stopwatch.StartNew();
            List<string> tokens;
            await using (Target target = onPostgres ? new PostgresTarget(pg) : new SqliteTarget(dbFile))
            {
                tokens = await SeedAsync(target, rows, today);
            }

            Directory.CreateDirectory(dir);
            await File.WriteAllLinesAsync(tokenFile, tokens);
            File.WriteAllText(marker, today.ToString("O", CultureInfo.InvariantCulture));
            Console.WriteLine($"seeded {rows:N0} applications and {rows * 10:N0} contacts over two years in {seed.Elapsed.TotalSeconds:N0} s");
        }
        else
        {
            Console.WriteLine($"reusing {rows:N0} applications in {(onPostgres ? pg : dbFile)}");
        }

        await using var server = await Server.StartAsync(root, settings);
        using (var client = Load.Client(1))
        {
            var login = await client.PostAsJsonAsync(server.BaseUrl + "/api/auth/login", new { userName = "supervisor", password = "Demo#2019" });
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
            var from = today.AddYears(-1).AddDays(1);
            var (median, worst, body) = await Sequential.TimeAsync(client, server.BaseUrl + $"/api/legal-aid/statistics?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}", token);
            var s = JsonDocument.Parse(body).RootElement;
            Console.WriteLine(onPostgres ? "on PostgreSQL:" : "on SQLite:");
            Console.WriteLine(FormattableString.Invariant(
                $"statistics of a year ({from:yyyy-MM-dd} to {today:yyyy-MM-dd}: {s.GetProperty("contacts").GetInt32():N0} contacts, {s.GetProperty("received").GetInt32():N0} applications, {s.GetProperty("closed").GetInt32():N0} closed): median {median:N1} ms, worst {worst:N1} ms of 20 (target < 1000 ms)"));
        }

        var all = await File.ReadAllLinesAsync(tokenFile);
        return await PublicBench.RunAsync(server, [.. all.Where(l => l.Length > 0)], "/api/public/legal-aid/{token}", seconds, rounds, "legal-aid follow-up");
    }

    /// <summary>Applications spread evenly over two years, most of them closed, with their steps; ten contacts for each.</summary>
    private static async Task<List<string>> SeedAsync(Target db, int rows, DateOnly today)
    {
        var places = await db.QueryAsync("SELECT \"Id\", \"DepartmentId\" FROM aid_places ORDER BY \"Code\"", r => (Id: r.GetGuid(0), Dept: r.GetGuid(1)));
        var lawyers = await db.QueryAsync("SELECT \"Id\" FROM aid_lawyers", r => r.GetGuid(0));
        var apps = db.Table("aid_applications", "Id", "Number", "QueryToken", "PlaceId", "DepartmentId", "MatterType", "Form", "ApplicantName", "Facts", "FiledWhere", "Detained",
            "ReceivedAt", "ChangedAt", "Ground", "MeansPath", "MeansEligible", "Status", "DecidedAt", "LawyerId", "AssignedAt", "ClosedAt", "RowVersion",
            "ReviewAllowance", "ReviewDueDate", "ReviewExtendedBy", "ReviewExtensions", "ReviewStartedOn", "ReviewUnit", "ReviewYellowFrom");
        var steps = db.Table("aid_steps", "Id", "CaseId", "Sequence", "At", "Kind", "Actor", "PreviousHash", "Hash");
        var contacts = db.Table("aid_contacts", "Id", "PlaceId", "DepartmentId", "Channel", "At", "MatterType", "Answer", "ReferredTo", "RecordedBy");
        var start = today.AddYears(-2);
        var days = today.DayNumber - start.DayNumber;
        var tokens = new List<string>(rows);
        for (var i = 0; i < rows; i++)
        {
            var id = Guid.CreateVersion7();
            var received = start.AddDays((int)((long)i * days / rows));
            var at = received.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc).AddMinutes(i % 420);
            var place = places[i % places.Count];
            var fresh = today.DayNumber - received.DayNumber < 7;
            var status = fresh ? 1 : i % 10 == 0 ? 4 : i % 25 == 0 ? 7 : today.DayNumber - received.DayNumber < 60 ? 6 : 8;
            var decided = fresh ? (DateTime?)null : at.AddDays(3);
            var assigned = status is 6 or 7 or 8;
            var token = Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            tokens.Add(token);
            var due = received.AddDays(7);
            await apps.AddAsync(id, $"塘援〔{received.Year}〕{i + 1}号", token, place.Id, place.Dept, i % 10, i % 7, "申请人" + (i % 1000), "", "塘厦镇", false,
                at, at, 12, 1, true, status, decided, assigned ? lawyers[i % lawyers.Count] : null, assigned ? at.AddDays(4) : null, status is 7 or 8 ? at.AddDays(50) : null, Guid.NewGuid(),
                7, due, 0, 0, received, 1, due.AddDays(-2));
            await steps.AddAsync(Guid.CreateVersion7(), id, 1, at, "received", "aid.officer", "", "");
            if (decided is { } d)
            {
                await steps.AddAsync(Guid.CreateVersion7(), id, 2, d, status == 4 ? "refused" : "granted", "aid.officer", "", "");
            }

            for (var k = 0; k < 10; k++)
            {
                await contacts.AddAsync(Guid.CreateVersion7(), place.Id, place.Dept, (i + k) % 3, at.AddHours(k), (i + k) % 10, "", (i + k) % 5, "aid.officer");
            }
        }

        await db.CompleteAsync();
        return tokens;
    }
}
