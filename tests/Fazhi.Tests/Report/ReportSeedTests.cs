using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.Report;

/// <summary>The demo town with its 2019 history at the seed's scale (Fazhi:DemoHistory), as a first run loads it.</summary>
public sealed class HistoryTownFactory : FazhiFactory
{
    protected override bool AllDemoCases => true;

    protected override bool DemoHistory => true;
}

/// <summary>
/// The seed (shared/seed: Tangxia's 2019 report to the city, copied under Report/Seed) against the report the demo town generates
/// for 2019 from its records: every figure the seed prints is in the generated report, equal, and every figure is its records.
/// </summary>
public sealed partial class ReportSeedTests(HistoryTownFactory app) : IClassFixture<HistoryTownFactory>
{
    // A figure as a report prints it: 近12万, 15万余, 140余, 99.24%, 1643 — with the unit after it (the units the seed counts in).
    [GeneratedRegex(@"(?<near>近)?(?<n>\d+(?:\.\d+)?)(?<wan>万)?(?<over>余)?(?:(?<pct>%)|(?=宗|份|名|次|场次|条|人次|个|家|所|人))")]
    private static partial Regex Figure();

    private sealed record Printed(string Text, decimal Value, bool Percent, bool Near, bool Over);

    private static List<Printed> Figures(string text) =>
    [
        .. Figure().Matches(text).Select(m => new Printed(m.Value,
            decimal.Parse(m.Groups["n"].Value, CultureInfo.InvariantCulture) * (m.Groups["wan"].Success ? 10_000 : 1),
            m.Groups["pct"].Success, m.Groups["near"].Success, m.Groups["over"].Success)),
    ];

    private static string Seed() => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Report", "Seed", "000_470998463733a276.txt"));

    private async Task<(HttpClient Office, JsonElement Snapshot)> ReportAsync()
    {
        var office = await app.SignedInAsync("fzb.report");
        var report = (await office.GetFromJsonAsync<JsonElement>("/api/report")).EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2019);
        Assert.Equal("Published", report.GetProperty("status").GetString());
        return (office, await office.GetFromJsonAsync<JsonElement>($"/api/report/snapshots/{report.GetProperty("signedSnapshotId").GetGuid()}"));
    }

    private static string Text(JsonElement snapshot) => string.Join("\n", snapshot.GetProperty("blocks").EnumerateArray()
        .Select(b => b.GetProperty("number").GetString() + string.Concat(b.GetProperty("segments").EnumerateArray().Select(s => s.GetProperty("text").GetString()))));

    [Fact]
    public async Task Every_figure_the_seed_prints_is_in_the_generated_2019_report_equal()
    {
        var seed = Figures(Seed());
        // 37 figures: counts with their units, percentages, and the rounded ones (140余, 15万余, 近12万, 18万).
        Assert.True(seed.Count >= 35, string.Join(" ", seed.Select(s => s.Text)));
        var (_, snapshot) = await ReportAsync();
        var printed = Figures(Text(snapshot));
        var missing = new List<string>();
        foreach (var s in seed)
        {
            if (printed.Any(p => p.Value == s.Value && p.Percent == s.Percent && p.Near == s.Near && p.Over == s.Over))
            {
                continue;
            }

            // The seed cut the mediation success rate to 99.23% (3,899 of 3,929 is 99.2365…%); the report rounds half away
            // from zero to two decimals as every page does (the issue's 99.24%).
            if (s.Text == "99.23%" && printed.Any(p => p.Percent && p.Value == 99.24m) && Math.Truncate(3899m / 3929m * 10_000) / 100 == 99.23m)
            {
                continue;
            }

            missing.Add(s.Text);
        }

        Assert.True(missing.Count == 0, "not in the generated report: " + string.Join(" ", missing) + "\n\n" + Text(snapshot));
        // Supplied, not counted: the police's figure says where it came from.
        var police = snapshot.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "supplied.police_incidents_change");
        Assert.Equal("Supplied", police.GetProperty("source").GetString());
        Assert.Contains("公安分局", police.GetProperty("sourceNote").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_counted_figure_of_the_2019_report_is_the_number_of_its_records_frozen_and_today()
    {
        var (office, snapshot) = await ReportAsync();
        var sid = snapshot.GetProperty("id").GetGuid();
        var counted = snapshot.GetProperty("figures").EnumerateArray().Where(f => f.GetProperty("source").GetString() == "Records").ToList();
        Assert.True(counted.Count >= 30, $"{counted.Count} figures");
        foreach (var f in counted)
        {
            var key = f.GetProperty("key").GetString()!;
            var value = f.GetProperty("value").GetDecimal();
            var frozen = (await office.GetFromJsonAsync<JsonElement>($"/api/report/snapshots/{sid}/figures/{key}/records")).GetProperty("records").GetProperty("total").GetInt32();
            var live = (await office.GetFromJsonAsync<JsonElement>($"/api/figures/{f.GetProperty("name").GetString()}/records?from=2019-01-01&to=2019-12-31")).GetProperty("total").GetInt32();
            Assert.True(frozen == live, $"{key}: {frozen} frozen, {live} today");
            if (f.GetProperty("isRate").GetBoolean())
            {
                continue;
            }

            Assert.True(f.GetProperty("isSum").GetBoolean() ? frozen > 0 && value >= frozen : value == frozen, $"{key}: {value} printed over {frozen} records");
        }
    }

    [Fact]
    public async Task The_2019_report_opens_in_LibreOffice_as_a_document_of_several_pages_with_its_figures_and_the_same_text_each_time()
    {
        var (office, snapshot) = await ReportAsync();
        var url = $"/api/report/snapshots/{snapshot.GetProperty("id").GetGuid()}/document.docx";
        var bytes = await office.GetByteArrayAsync(url);
        // Made from the frozen snapshot alone: the same text however often it is asked for.
        Assert.Equal(await ReportSteps.WordTextAsync(office, url), await ReportSteps.WordTextAsync(office, url));

        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);
        if (soffice is null || !File.Exists("/usr/bin/pdftotext") || !File.Exists("/usr/bin/pdfinfo"))
        {
            // CI installs LibreOffice and poppler and demands this proof.
            Assert.True(Environment.GetEnvironmentVariable("FAZHI_REQUIRE_BROWSER") != "1", "LibreOffice and poppler-utils are missing");
            return;
        }

        var dir = Directory.CreateTempSubdirectory("fazhi-report").FullName;
        var docx = Path.Combine(dir, "2019.docx");
        await File.WriteAllBytesAsync(docx, bytes);
        await RunAsync(soffice, "--headless", "-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, docx);
        var pdf = Path.Combine(dir, "2019.pdf");
        Assert.True(File.Exists(pdf), "LibreOffice did not convert the report");
        var pages = int.Parse(Regex.Match(await RunAsync("/usr/bin/pdfinfo", pdf), @"Pages:\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        // About 4,000 characters of 仿宋 3号 at 22 lines of 28: five to eight A4 pages.
        Assert.InRange(pages, 4, 10);
        var text = (await RunAsync("/usr/bin/pdftotext", pdf, "-")).Replace(" ", "", StringComparison.Ordinal).Replace("\n", "", StringComparison.Ordinal);
        foreach (var expected in new[] { "塘厦镇2019年法治政府建设年度报告", "市人民政府：", "今年共调解案件3929宗", "行政处罚案件1643宗", "调解成功率99.24%", "塘厦镇人民政府", "2020年3月18日", "—1—" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    private static async Task<string> RunAsync(string program, params string[] args)
    {
        using var p = Process.Start(new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return output;
    }
}
