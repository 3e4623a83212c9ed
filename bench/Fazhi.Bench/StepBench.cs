using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Fazhi.Bench;

/// <summary>
/// A case step through the case workflow (issue 18): the cost of one act on an enforcement case (scope, stale check,
/// guard, record step, audit, commit), 16 in flight on distinct cases; then 16 at once on one case, where the answers
/// must be one success each time and 409s naming who acted, never a 500.
/// </summary>
internal static class StepBench
{
    public static async Task<int> RunAsync(string root, int cases, int seconds, string pg, int connections = 16)
    {
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-steps-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string>
        {
            ["Database__DataDirectory"] = dir, ["Fazhi__Demo"] = "true", ["Fazhi__DemoCases"] = "false", ["Fazhi__DemoApplications"] = "false",
            ["Mediation__DemoCases"] = "false", ["Enforcement__DemoCases"] = "false", ["Fazhi__MonitorIntervalSeconds"] = "86400", ["Privacy__KeyFile"] = Seeder.Keys().KeyFile,
        };
        if (pg.Length > 0)
        {
            await Sequential.DropDatabaseAsync(pg);
            settings["Database__Provider"] = "Postgres";
            settings["ConnectionStrings__Fazhi"] = pg;
        }

        try
        {
            await using var server = await Server.StartAsync(root, settings);
            using var client = Load.Client(connections);
            var login = await client.PostAsJsonAsync(server.BaseUrl + "/api/auth/login", new { userName = "officer.msa", password = "Demo#2019" });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

            var officers = await client.GetFromJsonAsync<JsonElement>(server.BaseUrl + "/api/enforcement/officers?canAct=true");
            var me = officers.GetProperty("items").EnumerateArray().First(o => o.GetProperty("userName").ValueKind == JsonValueKind.String && o.GetProperty("userName").GetString() == "officer.msa");
            var department = me.GetProperty("departmentId").GetGuid();
            var pair = officers.GetProperty("items").EnumerateArray().Where(o => o.GetProperty("departmentId").GetGuid() == department).Take(2).Select(o => o.GetProperty("id").GetGuid()).ToArray();
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            var ids = new List<Guid>();
            for (var i = 0; i < cases; i++)
            {
                using var register = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "/api/enforcement/cases")
                {
                    Content = JsonContent.Create(new
                    {
                        departmentId = department, leadSource = "Inspection", matter = "销售过期食品", violationFacts = "当事人销售超过保质期的预包装食品。",
                        actOn = today.AddDays(-3), discoveredOn = today.AddDays(-1), involvesSafety = false,
                        party = new { kind = "Person", name = "压测当事人" }, officerIds = pair,
                    }),
                };
                register.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
                using var created = await client.SendAsync(register);
                if (created.StatusCode != HttpStatusCode.Created)
                {
                    Console.Error.WriteLine($"registration answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
                    return 2;
                }

                var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
                using var filed = await client.PostAsync($"{server.BaseUrl}/api/enforcement/cases/{id}/filing-approval", null);
                if (!filed.IsSuccessStatusCode)
                {
                    Console.Error.WriteLine($"filing approval answered {(int)filed.StatusCode}: {await filed.Content.ReadAsStringAsync()}");
                    return 2;
                }

                ids.Add(id);
            }

            // The step: the 90-day limit paused for a test, then resumed, again and again (one record step and one clock change each;
            // an extension, the step measured before, may now be granted once). Each case's state is tracked here: a worker only ever
            // acts on its own cases, one request at a time, so the next step on a case is always the other one.
            var perWorker = cases / connections;
            var paused = new ConcurrentDictionary<Guid, bool>();
            HttpRequestMessage Step(Guid id, int? seen = null)
            {
                var pause = !paused.GetValueOrDefault(id);
                paused[id] = pause;
                return pause
                    ? new(HttpMethod.Post, $"{server.BaseUrl}/api/enforcement/cases/{id}/decision-pause")
                    {
                        Content = new StringContent(JsonSerializer.Serialize(new { reason = "Testing", note = "压测：送检", seenEvents = seen }), Encoding.UTF8, "application/json"),
                    }
                    : new(HttpMethod.Post, $"{server.BaseUrl}/api/enforcement/cases/{id}/decision-resume{(seen is null ? "" : "?seenEvents=" + seen)}");
            }

            HttpRequestMessage Distinct(int w, long n) => Step(ids[w + connections * (int)(n % perWorker)]);
            // A long warm-up: tiered compilation still recompiled the step path after 2 seconds (a sixth of the server's CPU
            // was the JIT's), and that noise was larger than the differences measured.
            await Load.RunAsync(connections, TimeSpan.FromSeconds(Math.Max(seconds, 10)), Distinct, r => r.IsSuccessStatusCode, client);
            var (server0, database0) = (server.CpuTime(), Server.CpuTimeOf("postgres"));
            var result = await Load.RunAsync(connections, TimeSpan.FromSeconds(seconds), Distinct, r => r.IsSuccessStatusCode, client);
            var (serverCpu, databaseCpu) = (server.CpuTime() - server0, Server.CpuTimeOf("postgres") - database0);
            Console.WriteLine($"{(pg.Length > 0 ? "PostgreSQL" : "SQLite")}: a decision-limit pause or resume (one record step), {connections} in flight on {cases} distinct cases: {result}");
            // Throughput on two shared cores moves with whatever else runs; the CPU each step costs is steadier.
            var steps = Math.Max(1, result.Requests);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"CPU per step: server {serverCpu.TotalMilliseconds / steps:F1} ms") +
                (pg.Length > 0 ? string.Create(CultureInfo.InvariantCulture, $", PostgreSQL {databaseCpu.TotalMilliseconds / steps:F1} ms") : ""));

            // Sixteen at once on one case, again and again, each sending the record's length its page showed (seenEvents), as two
            // officers with the same page open would: each burst must give one success and fifteen 409s naming who acted.
            var statuses = new ConcurrentDictionary<int, int>();
            var codes = new ConcurrentDictionary<string, int>();
            for (var burst = 0; burst < 20; burst++)
            {
                var target = ids[burst % ids.Count];
                var seen = (await client.GetFromJsonAsync<JsonElement>($"{server.BaseUrl}/api/enforcement/cases/{target}")).GetProperty("record").GetArrayLength();
                var requests = Enumerable.Range(0, connections).Select(_ =>
                {
                    // Every one of the sixteen sends the same step the page showed.
                    var before = paused.GetValueOrDefault(target);
                    var r = Step(target, seen);
                    paused[target] = before;
                    return r;
                }).ToList();
                paused[target] = !paused.GetValueOrDefault(target);
                using var start = new Barrier(connections);
                await Task.WhenAll(requests.Select(request => Task.Run(async () =>
                {
                    start.SignalAndWait();
                    using var response = await client.SendAsync(request);
                    request.Dispose();
                    statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                    if (response.StatusCode == HttpStatusCode.Conflict)
                    {
                        var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).TryGetProperty("code", out var c) ? c.GetString() ?? "?" : "?";
                        codes.AddOrUpdate(code, 1, (_, n) => n + 1);
                    }
                })));
            }

            Console.WriteLine("20 bursts of 16 at once on one case: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key} × {s.Value}")) +
                (codes.IsEmpty ? "" : "; 409 codes: " + string.Join(", ", codes.Select(c => $"{c.Key} × {c.Value}"))));
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(dir, true);
            }
            catch (IOException)
            {
            }
        }
    }
}
