using MiniExcelLibs;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Tests.Infrastructure;
using Fazhi.Tests.Services;

namespace Fazhi.Tests.Enforcement;

/// <summary>The enforcement pages of the demo town, in Chinese and in English, as an officer, the legal officer and any citizen open them.</summary>
public sealed partial class EnforcementPagesTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    [GeneratedRegex(@">\s*(enforcement|error|field|warning)\.[A-Za-z_.]+\s*<|\{0\}")]
    private static partial Regex RawKey();

    private static async Task<string> PageAsync(HttpClient client, string url, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept-Language", language);
        var response = await client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        Assert.False(RawKey().IsMatch(html), $"{url} ({language}) shows an untranslated key: {RawKey().Match(html).Value}");
        return html;
    }

    [Theory]
    [InlineData("zh-CN", "执法案件", "行政执法公示平台", "行政处罚案件数")]
    [InlineData("en", "Enforcement cases", "Enforcement disclosure platform", "Penalty decisions")]
    public async Task Every_enforcement_page_opens_populated_in_each_language(string language, string cases, string platform, string penalties)
    {
        var officer = await app.BrowserSignedInAsync("officer.msa");
        var api = await app.SignedInAsync("officer.msa");
        var list = await api.GetFromJsonAsync<JsonElement>("/api/enforcement/cases");
        Assert.True(list.GetProperty("total").GetInt32() > 50, "the demo town opens with a populated case list");
        var statuses = list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("status").GetString()).ToHashSet();
        var html = await PageAsync(officer, "/enforcement", language);
        Assert.Contains(cases, html, StringComparison.Ordinal);
        foreach (var status in new[] { "Registered", "Investigation", "Notified", "Served", "Closed", "Archived" })
        {
            var one = await api.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases?status={status}");
            Assert.True(one.GetProperty("total").GetInt32() > 0, $"the demo town has cases at {status}");
            await PageAsync(officer, $"/enforcement/cases/{one.GetProperty("items")[0].GetProperty("id").GetGuid()}", language);
        }

        foreach (var url in new[] { "/enforcement/cases/new", "/enforcement/cases/new?procedure=Simple", "/enforcement/officers", "/enforcement/disclosure", "/enforcement/actions", "/enforcement/discretion", "/enforcement/evaluation" })
        {
            await PageAsync(officer, url, language);
        }

        var legal = await app.BrowserSignedInAsync("legal");
        var draws = await (await app.SignedInAsync("legal")).GetFromJsonAsync<JsonElement>("/api/enforcement/evaluation/draws");
        await PageAsync(legal, $"/enforcement/evaluation?drawId={draws[0].GetProperty("id").GetGuid()}", language);
        Assert.Contains(penalties, await PageAsync(legal, "/enforcement/statistics", language), StringComparison.Ordinal);

        // The public platform answers without signing in: decisions masked, officers, benchmarks, last year's six tables.
        using var anonymous = app.CreateClient();
        var disclosure = await PageAsync(anonymous, "/disclosure", language);
        Assert.Contains(platform, disclosure, StringComparison.Ordinal);
        Assert.Contains("class=\"party\"", disclosure, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\d{17}[\dX]", disclosure);
        foreach (var url in new[] { "/disclosure/officers", "/disclosure/discretion", "/disclosure/statistics" })
        {
            await PageAsync(anonymous, url, language);
        }
    }

    [Fact]
    public async Task Every_row_and_column_of_last_years_six_tables_adds_up()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        var year = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8)).Year - 1;
        var xlsx = await supervisor.GetByteArrayAsync($"/api/enforcement/statistics/{year}/export");
        static decimal N(object? v) => Convert.ToDecimal(v ?? 0, CultureInfo.InvariantCulture);
        var problems = new List<string>();
        foreach (var sheet in MiniExcel.GetSheetNames(new MemoryStream(xlsx)))
        {
            var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object?>>().ToList();
            var lines = rows.Where(r => (r["部门"] as string) != "合计").ToList();
            var total = rows.Single(r => (r["部门"] as string) == "合计");
            Assert.True(lines.Count >= 15, $"{sheet}: one line per enforcement department");
            // The total line is the sum of each column.
            foreach (var column in total.Keys.Where(k => k != "部门"))
            {
                if (lines.Sum(r => N(r[column])) != N(total[column]))
                {
                    problems.Add($"{sheet} {column}: the total line says {total[column]}, the lines add up to {lines.Sum(r => N(r[column]))}");
                }
            }

            // Each line's total is the sum of its parts.
            foreach (var r in rows)
            {
                var parts = sheet == "行政处罚"
                    ? new[] { ("简易程序+普通程序", N(r["简易程序"]) + N(r["普通程序"])), ("by kind", N(r["警告"]) + N(r["罚款"]) + N(r["没收"]) + N(r["暂扣吊销许可"]) + N(r["停产停业关闭"])) }
                    : new[] { ("准予/实施+不予", N(r["准予/实施"]) + N(r["不予"])) };
                foreach (var (what, sum) in parts.Where(p => p.Item2 != N(r["合计"])))
                {
                    problems.Add($"{sheet} {r["部门"]}: 合计 {r["合计"]} but {what} {sum}");
                }
            }

            if (sheet != "行政处罚" && sheet != "行政征用")
            {
                Assert.True(N(total["合计"]) > 0, $"{sheet}: the demo town has acts of last year");
            }
        }

        Assert.Empty(problems);
    }

    [Fact]
    public async Task One_draw_over_the_whole_town_takes_files_from_every_department_by_the_same_reproducible_rule()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        var year = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8)).Year - 1;
        var response = await supervisor.PostAsJsonAsync("/api/enforcement/evaluation/draws", new { year, townWide = true, announcedNumber = "0815", size = 27 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var view = await response.Content.ReadFromJsonAsync<JsonElement>();
        var draw = view.GetProperty("draw");
        Assert.Equal($"{year}|TX|0815", draw.GetProperty("seed").GetString());
        var numbers = draw.GetProperty("caseNumbers").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Equal(Math.Min(27, draw.GetProperty("population").GetInt32()), numbers.Count);
        // The demo town closed files in market regulation and city management: a town draw reaches both.
        Assert.True(view.GetProperty("departments").GetInt32() >= 2, view.ToString());
        Assert.Contains(numbers, n => n.StartsWith("塘市监", StringComparison.Ordinal));

        // Anyone re-runs it from the published seed and population and gets the same files.
        var rerun = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/enforcement/draws/{draw.GetProperty("id")}/rerun");
        Assert.True(rerun.GetProperty("sameAsStored").GetBoolean());

        // Draws are made by the legal office and the supervisors, not by the departments' officers.
        var officer = await app.SignedInAsync("officer.msa");
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/enforcement/evaluation/draws", new { year, townWide = true, announcedNumber = "1", size = 5 })).StatusCode);
    }

    [Fact]
    public async Task The_record_the_system_wrote_reads_in_the_pages_language_with_its_punctuation_and_amounts()
    {
        var officer = await app.BrowserSignedInAsync("officer.msa");
        var api = await app.SignedInAsync("officer.msa");
        var served = (await api.GetFromJsonAsync<JsonElement>("/api/enforcement/cases?status=Served")).GetProperty("items").EnumerateArray()
            .Select(c => c.GetProperty("id").GetGuid()).First();
        var steps = (await api.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{served}")).GetProperty("record").EnumerateArray().ToList();
        var decided = steps.Single(s => s.GetProperty("kind").GetString() == "decided").GetProperty("note").GetString()!;

        static string Record(string html) => Regex.Match(html, "<ol class=\"timeline\" id=\"record\">(.*?)</ol>", RegexOptions.Singleline).Groups[1].Value;
        var zh = Record(await PageAsync(officer, $"/enforcement/cases/{served}", "zh-CN"));
        var en = Record(await PageAsync(officer, $"/enforcement/cases/{served}", "en"));
        Assert.Contains("；已告知处罚决定将依法公示", zh, StringComparison.Ordinal);
        Assert.Contains("; told that the decision will be published", en, StringComparison.Ordinal);
        Assert.DoesNotContain("已告知", en, StringComparison.Ordinal);
        // The decision's amount as each language writes it, from the one record: 「罚款 5,000 元」 and "Fine CNY 5,000".
        var amount = Regex.Match(decided, @"罚款 ([\d,]+) 元");
        if (amount.Success)
        {
            Assert.Contains($"Fine CNY {amount.Groups[1].Value}", en, StringComparison.Ordinal);
            Assert.DoesNotContain(" 元", en, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains("警告", decided, StringComparison.Ordinal);
            Assert.Contains("Warning", en, StringComparison.Ordinal);
        }

        // A publication's elements are labelled in the page's language; the published text itself is the organ's, in Chinese.
        using var anonymous = app.CreateClient();
        Assert.Contains("<dt>违法事实</dt>", await PageAsync(anonymous, "/disclosure", "zh-CN"), StringComparison.Ordinal);
        var publicEn = await PageAsync(anonymous, "/disclosure", "en");
        Assert.Contains("<dt>Facts</dt>", publicEn, StringComparison.Ordinal);
        Assert.DoesNotContain("<dt>违法事实</dt>", publicEn, StringComparison.Ordinal);
    }
}
