using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Bench;

/// <summary>
/// The annual report for a town year at the seed's scale: the demo town with its 2019 history (3,929 mediated cases, 1,643
/// penalties, 352 licences, 309 events, 2,582 posts, 2,980 letters…), a second report of 2019 (county level) with the town
/// report's text and its 38 figures, generated N times one after another as the rule-of-law office would (each a snapshot with
/// every figure's records frozen). Target: &lt; 2 s a generation. SQLite, or PostgreSQL with --pg.
/// </summary>
internal static class ReportBench
{
    public static async Task<int> RunAsync(string root, int rounds, string pg)
    {
        var onPostgres = pg.Length > 0;
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-report" + (onPostgres ? "-pg" : ""));
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, true);
        }

        if (onPostgres)
        {
            await Sequential.DropDatabaseAsync(pg);
        }

        var keys = Seeder.Keys();
        var settings = new Dictionary<string, string>
        {
            ["Database__DataDirectory"] = dir, ["Fazhi__Demo"] = "true", ["Fazhi__DemoHistory"] = "true", ["Fazhi__MonitorIntervalSeconds"] = "86400",
            ["Privacy__KeyFile"] = keys.KeyFile,
        };
        if (onPostgres)
        {
            settings["Database__Provider"] = "Postgres";
            settings["ConnectionStrings__Fazhi"] = pg;
        }

        var started = Stopwatch.StartNew();
        await using var server = await Server.StartAsync(root, settings);
        Console.WriteLine(FormattableString.Invariant($"{(onPostgres ? "on PostgreSQL" : "on SQLite")}: the demo town with its 2019 history started in {started.Elapsed.TotalSeconds:N0} s"));
        using var client = Load.Client(1);
        client.Timeout = TimeSpan.FromMinutes(5);
        var login = await client.PostAsJsonAsync(server.BaseUrl + "/api/auth/login", new { userName = "fzb.report", password = "Demo#2019" });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // The town's 2019 report, and a county-level 2019 report with its text and its supplied figure.
        var town = (await client.GetFromJsonAsync<JsonElement>(server.BaseUrl + "/api/report")).EnumerateArray().First(r => r.GetProperty("year").GetInt32() == 2019);
        var view = await client.GetFromJsonAsync<JsonElement>(server.BaseUrl + $"/api/report/{town.GetProperty("id").GetGuid()}");
        var created = await client.PostAsJsonAsync(server.BaseUrl + "/api/report", new { year = 2019, level = "County" });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var sections = view.GetProperty("sections").EnumerateArray().Select(s => new
        {
            part = s.GetProperty("part").GetString(), workLine = s.GetProperty("workLine").GetString(), heading = s.GetProperty("heading").GetString(), text = s.GetProperty("text").GetString(),
        }).ToList();
        Ensure(await client.PutAsJsonAsync(server.BaseUrl + $"/api/report/{id}/sections", new { sections }));
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("supplied.police_incidents_change"), "name");
            form.Add(new StringContent("违法犯罪警情同比变化"), "label");
            form.Add(new StringContent("-22.3%"), "value");
            form.Add(new StringContent("Change"), "kind");
            form.Add(new StringContent("公安分局《2019年塘厦辖区治安形势分析》"), "source");
            var pdf = new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray());
            pdf.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(pdf, "file", "analysis.pdf");
            Ensure(await client.PostAsync(server.BaseUrl + $"/api/report/{id}/supplied", form));
        }

        var times = new List<double>();
        var inside = new List<int>();
        var figures = 0;
        var records = 0;
        for (var i = 0; i < rounds + 1; i++)
        {
            var sw = Stopwatch.StartNew();
            var answer = await client.PostAsJsonAsync(server.BaseUrl + $"/api/report/{id}/generate", new { });
            sw.Stop();
            var body = Ensure(answer);
            var snapshot = JsonDocument.Parse(body).RootElement;
            figures = snapshot.GetProperty("figures").GetArrayLength();
            records = snapshot.GetProperty("figures").EnumerateArray().Sum(f => f.GetProperty("recordCount").GetInt32());
            if (i > 0)
            {
                // The first is a warm-up.
                times.Add(sw.Elapsed.TotalMilliseconds);
                inside.Add(snapshot.GetProperty("milliseconds").GetInt32());
            }
        }

        times.Sort();
        inside.Sort();
        Console.WriteLine(FormattableString.Invariant(
            $"a town year's report: {figures} figures over {records:N0} records frozen; generation median {times[times.Count / 2]:N0} ms, worst {times[^1]:N0} ms of {rounds} (the server's own count: median {inside[inside.Count / 2]:N0} ms); target < 2,000 ms, ratio {times[times.Count / 2] / 2000:N2}"));
        return 0;
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
