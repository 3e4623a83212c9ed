using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

using static Fazhi.Bench.Bulk;

namespace Fazhi.Bench;

/// <summary>
/// People's mediation at scale: N cases over the two years up to today across the demo town's committees,
/// then the year's statistics by committee and type as the justice office, and the mediator's day view.
/// </summary>
internal static class MediationBench
{
    public static async Task RunAsync(string root, int rows, string pg)
    {
        var onPostgres = pg.Length > 0;
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-mediation" + (onPostgres ? "-pg" : ""));
        var dbFile = Path.Combine(dir, "fazhi.db");
        var marker = Path.Combine(dir, $"seeded-{rows}.txt");
        var keys = Seeder.Keys();
        var settings = new Dictionary<string, string>
        {
            ["Database__DataDirectory"] = dir, ["Fazhi__Demo"] = "true", ["Fazhi__DemoApplications"] = "false", ["Mediation__DemoCases"] = "false",
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
                // first start: migrations and the demo town's committees and mediators
            }

            var seed = Stopwatch.StartNew();
            await using (Target target = onPostgres ? new PostgresTarget(pg) : new SqliteTarget(dbFile))
            {
                await SeedAsync(target, rows, today);
            }

            Directory.CreateDirectory(dir);
            File.WriteAllText(marker, today.ToString("O", CultureInfo.InvariantCulture));
            Console.WriteLine($"seeded {rows:N0} mediation cases over two years in {seed.Elapsed.TotalSeconds:N0} s");
        }
        else
        {
            Console.WriteLine($"reusing {rows:N0} mediation cases in {(onPostgres ? pg : dbFile)}");
        }

        await using var server = await Server.StartAsync(root, settings);
        using var client = Load.Client(1);
        async Task<string> TokenAsync(string user)
        {
            var login = await client.PostAsJsonAsync(server.BaseUrl + "/api/auth/login", new { userName = user, password = "Demo#2019" });
            return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        }

        async Task<(double Median, double Worst, JsonElement Body)> TimeAsync(string path, string token)
        {
            var (median, worst, body) = await Sequential.TimeAsync(client, server.BaseUrl + path, token);
            return (median, worst, JsonDocument.Parse(body).RootElement.Clone());
        }

        var head = await TokenAsync("supervisor");
        var mediator = await TokenAsync("mediator");
        var from = today.AddYears(-1).AddDays(1);
        var year = await TimeAsync($"/api/mediation/statistics?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}", head);
        var day = await TimeAsync("/api/mediation/today", mediator);
        var total = year.Body.GetProperty("total");
        Console.WriteLine(onPostgres ? "on PostgreSQL:" : "on SQLite:");
        Console.WriteLine(FormattableString.Invariant(
            $"statistics of a year ({from:yyyy-MM-dd} to {today:yyyy-MM-dd}: {total.GetProperty("mediated").GetInt32():N0} mediated, {year.Body.GetProperty("byCommittee").GetArrayLength()} committees x {year.Body.GetProperty("byType").GetArrayLength()} types): median {year.Median:N1} ms, worst {year.Worst:N1} ms of 20 (target < 1000 ms)"));
        Console.WriteLine(FormattableString.Invariant(
            $"mediator's day view ({day.Body.GetProperty("sessions").GetArrayLength()} sessions, {day.Body.GetProperty("openCases").GetArrayLength()} open cases, {day.Body.GetProperty("followUps").GetArrayLength()} follow-ups): median {day.Median:N1} ms, worst {day.Worst:N1} ms of 20 (target < 100 ms)"));
        Console.WriteLine(FormattableString.Invariant($"server RSS {server.ResidentMb():N0} MB"));
    }

    /// <summary>
    /// Cases spread evenly over the two years up to today: 1 in 7 of the last month's still open, the rest
    /// concluded within 20 days (99 in 100 settled, 6 in 10 of those in writing); the town mediator on 1 in 50,
    /// with sessions today and follow-ups due this week.
    /// </summary>
    private static async Task SeedAsync(Target db, int rows, DateOnly today)
    {
        var committees = await db.QueryAsync("SELECT \"Id\", \"DepartmentId\", \"Code\" FROM med_committees ORDER BY \"Code\"", r => (Id: r.GetGuid(0), Dept: r.GetGuid(1), Code: r.GetString(2)));
        var mediators = await db.QueryAsync("SELECT \"Id\", \"CommitteeId\", \"UserName\" FROM med_mediators", r => (Id: r.GetGuid(0), Committee: r.GetGuid(1), User: r.IsDBNull(2) ? null : r.GetString(2)));
        var lead = mediators.Single(m => m.User == "mediator");
        var byCommittee = committees.ToDictionary(c => c.Id, c => mediators.Where(m => m.Committee == c.Id).Select(m => m.Id).ToArray());
        var town = committees.Single(c => c.Id == lead.Committee);

        var cases = db.Table("med_cases", "Id", "Number", "CommitteeId", "DepartmentId", "RoomId", "Type", "Source", "ReferredBy", "Facts", "Claims", "RegisteredAt", "AcceptedOn",
            "RightsNoticeAt", "ViolenceRisk", "Status", "AgreementKind", "ClosedAt", "RowVersion", "MonthAllowance", "MonthDueDate", "MonthExtendedBy", "MonthExtensions", "MonthStartedOn", "MonthUnit", "MonthYellowFrom");
        var onCase = db.Table("med_case_mediators", "CaseId", "MediatorId");
        var agreements = db.Table("med_agreements", "CaseId", "Kind", "Facts", "Terms", "Performance", "PerformBy", "EffectiveOn", "Confirmable");
        var sessions = db.Table("med_sessions", "Id", "CaseId", "At", "RoomId", "MediatorIds", "Attendees", "Record", "Held");
        var followUps = db.Table("med_followups", "Id", "CaseId", "DueOn", "DueAllowance", "DueDueDate", "DueExtendedBy", "DueExtensions", "DueStartedOn", "DueUnit", "DueYellowFrom");
        var start = today.AddYears(-2);
        var days = today.DayNumber - start.DayNumber;
        var sessionsToday = 0;
        for (var i = 0; i < rows; i++)
        {
            var id = Guid.CreateVersion7();
            var registered = start.AddDays((int)((long)i * days / rows));
            var at = registered.ToDateTime(new TimeOnly(1, 0), DateTimeKind.Utc).AddMinutes(i % 480);
            var mine = i % 50 == 0;
            var committee = mine ? town : committees[i % committees.Count];
            var open = today.DayNumber - registered.DayNumber < 30 && i % 7 == 0;
            var closed = open ? (DateTime?)null : at.AddDays(i % 20);
            var settled = i % 100 != 0;
            var due = registered.AddMonths(1);
            await cases.AddAsync(id, $"{committee.Code}〔{registered.Year}〕{i + 1}号", committee.Id, committee.Dept, null, i % 8, i % 6, null, "相邻排水纠纷", "请求调解", at, registered,
                at, false, open ? 1 : settled ? 2 : 3, open || !settled ? null : i % 10 < 6 ? 0 : 1, closed, Guid.NewGuid(), due.DayNumber - registered.DayNumber, due, 0, 0, registered, 1, due.AddDays(-5));
            var team = byCommittee[committee.Id];
            await onCase.AddAsync(id, mine ? lead.Id : team.Length > 0 ? team[i % team.Length] : lead.Id);
            if (!open && settled && i % 10 < 6)
            {
                var effective = DateOnly.FromDateTime(closed!.Value);
                await agreements.AddAsync(id, 0, "相邻排水纠纷", "改造排水管道", "自费改造", effective.AddDays(15), effective, true);
                if (mine && today.DayNumber - effective.DayNumber is >= 8 and <= 14)
                {
                    // due this week, not yet followed up
                    await followUps.AddAsync(Guid.CreateVersion7(), id, effective.AddDays(15), 15, effective.AddDays(15), 0, 0, effective, 1, effective.AddDays(12));
                }
            }

            if (mine && open && sessionsToday < 8)
            {
                sessionsToday++;
                await sessions.AddAsync(Guid.CreateVersion7(), id, today.ToDateTime(new TimeOnly(1 + sessionsToday, 0), DateTimeKind.Utc), null, $"[\"{lead.Id}\"]", "", "", false);
            }
        }

        await db.CompleteAsync();
    }
}
