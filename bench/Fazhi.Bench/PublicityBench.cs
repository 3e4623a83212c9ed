using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Web.Platform.Documents;

namespace Fazhi.Bench;

/// <summary>
/// Law publicity at the demo town's scale (the seed year's 309 events, 2,582 posts, 2,980 letters and this year's months): the
/// year's publicity figures as the legal office (target &lt; 500 ms), and the monthly sheet of N rows (10,000) imported for a
/// department without reports yet, then the same file again (target &lt; 5 s each), on SQLite or, with --pg, PostgreSQL.
/// </summary>
internal static class PublicityBench
{
    public static async Task<int> RunAsync(string root, int rows, string pg)
    {
        var onPostgres = pg.Length > 0;
        var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-publicity" + (onPostgres ? "-pg" : ""));
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
            ["Database__DataDirectory"] = dir, ["Fazhi__Demo"] = "true", ["Fazhi__MonitorIntervalSeconds"] = "86400", ["Privacy__KeyFile"] = keys.KeyFile,
        };
        if (onPostgres)
        {
            settings["Database__Provider"] = "Postgres";
            settings["ConnectionStrings__Fazhi"] = pg;
        }

        await using var server = await Server.StartAsync(root, settings);
        using var client = Load.Client(1);
        client.Timeout = TimeSpan.FromMinutes(5);
        var login = await client.PostAsJsonAsync(server.BaseUrl + "/api/auth/login", new { userName = "pufa.officer", password = "Demo#2019" });
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var last = today.Year - 1;
        Console.WriteLine(onPostgres ? "on PostgreSQL:" : "on SQLite:");

        var (median, worst, body) = await Sequential.TimeAsync(client, server.BaseUrl + $"/api/figures?from={last}-01-01&to={last}-12-31&module=publicity", token);
        var figures = JsonDocument.Parse(body).RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetDecimal());
        Console.WriteLine(FormattableString.Invariant(
            $"the year's publicity figures ({figures.Count} figures; {figures["publicity.events"]:N0} events, {figures["publicity.posts"]:N0} posts, {figures["publicity.letters_community_business"]:N0} business letters): median {median:N1} ms, worst {worst:N1} ms of 20 (target < 500 ms)"));
        var (allMedian, allWorst, all) = await Sequential.TimeAsync(client, server.BaseUrl + $"/api/figures?from={last}-01-01&to={last}-12-31", token);
        Console.WriteLine(FormattableString.Invariant($"every module's figures of the year ({JsonDocument.Parse(all).RootElement.GetArrayLength()} figures): median {allMedian:N1} ms, worst {allWorst:N1} ms of 20"));

        // The sheet: N events over this year's months so far, for the justice office (no reports of its own yet).
        var reporter = await ReporterAsync(client, server.BaseUrl, token);
        var first = new DateOnly(today.Year, 1, 1);
        var span = today.DayNumber - first.DayNumber;
        var sheet = await Spreadsheet.WriteAsync(new Dictionary<string, IEnumerable<IDictionary<string, object?>>>
        {
            ["活动"] = Enumerable.Range(0, rows).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["日期"] = first.AddDays(span == 0 ? 0 : i % (span + 1)).ToDateTime(TimeOnly.MinValue), ["活动名称"] = $"法治宣传活动第{i + 1}场", ["活动类型"] = "法治讲座",
                ["地点"] = $"第{i % 50 + 1}网格党群服务站", ["主办单位"] = "司法所", ["宣传法律"] = "民法典", ["受众"] = "社区群众", ["受教育人数"] = 50 + i % 300,
                ["编印资料份数"] = 100 + i % 200, ["发放资料份数"] = 80 + i % 150, ["学校"] = "",
            }),
        });
        Console.WriteLine(FormattableString.Invariant($"sheet: {rows:N0} event rows, {sheet.Length / 1024:N0} KiB"));
        foreach (var round in new[] { "first import", "the same file again" })
        {
            using var form = new MultipartFormDataContent();
            var content = new ByteArrayContent(sheet);
            content.Headers.ContentType = new MediaTypeHeaderValue(Spreadsheet.ContentType);
            form.Add(content, "file", "events.xlsx");
            using var request = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + $"/api/publicity/import?reporterId={reporter}") { Content = form };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var sw = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            var answer = await response.Content.ReadAsStringAsync();
            sw.Stop();
            response.EnsureSuccessStatusCode();
            var r = JsonDocument.Parse(answer).RootElement;
            Console.WriteLine(FormattableString.Invariant(
                $"{round}: {sw.Elapsed.TotalMilliseconds:N0} ms ({r.GetProperty("created").GetInt32():N0} created, {r.GetProperty("updated").GetInt32():N0} changed, {r.GetProperty("unchanged").GetInt32():N0} unchanged, {r.GetProperty("errors").GetArrayLength()} errors; target < 5,000 ms)"));
        }

        return 0;
    }

    private static async Task<Guid> ReporterAsync(HttpClient client, string baseUrl, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, baseUrl + "/api/org/nodes");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request);
        var nodes = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var list = nodes.ValueKind == JsonValueKind.Array ? nodes : nodes.GetProperty("items");
        return list.EnumerateArray().First(n => n.GetProperty("code").GetString() == "TX-JUS").GetProperty("id").GetGuid();
    }
}
