using System.Net;
using Fazhi.Tests.Infrastructure;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Services;
using Fazhi.Web.Platform.Reports;

namespace Fazhi.Tests.Platform;

public sealed class FigureFormatTests
{
    [Fact]
    public void A_rate_is_exact_and_shown_to_two_decimals()
    {
        // The seed's mediation figure: 3,899 of 3,929 is 99.236 %, shown 99.24 % (the report printed 99.23 %).
        Assert.Equal("99.24%", FigureCatalog.Format(new FigureValue("x", "x", "x", 3899m / 3929m, IsRate: true)));
        Assert.Equal("1643", FigureCatalog.Format(new FigureValue("x", "x", "x", 1643, IsRate: false)));
    }
}

/// <summary>Every module's figures by name, each equal to the number of records its drill-down lists.</summary>
public sealed class FigureTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    [Fact]
    public async Task Every_count_figure_equals_its_drill_down_and_the_services_figures_match_the_dashboard()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        const string period = "from=2026-01-01&to=2026-12-31";
        var figures = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/figures?{period}")).EnumerateArray().ToList();
        Assert.Contains(figures, f => f.GetProperty("name").GetString() == "services.received");
        foreach (var f in figures.Where(f => !f.GetProperty("isRate").GetBoolean()))
        {
            var name = f.GetProperty("name").GetString();
            var records = await supervisor.GetFromJsonAsync<JsonElement>($"/api/figures/{name}/records?{period}");
            if (f.GetProperty("isSum").GetBoolean())
            {
                // A total over records (people reached): some records behind any amount, none behind nothing.
                Assert.True(f.GetProperty("value").GetDecimal() == 0 || records.GetProperty("total").GetInt32() > 0, $"{name}: total {f.GetProperty("value")} over no record");
                continue;
            }

            Assert.True(f.GetProperty("value").GetDecimal() == records.GetProperty("total").GetInt32(), $"{name}: value {f.GetProperty("value")} but {records.GetProperty("total")} records");
        }

        var dashboard = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/services/dashboard?{period}")).GetProperty("town");
        decimal Value(string name) => figures.Single(f => f.GetProperty("name").GetString() == name).GetProperty("value").GetDecimal();
        Assert.Equal(dashboard.GetProperty("received").GetInt32(), Value("services.received"));
        Assert.Equal(dashboard.GetProperty("completed").GetInt32(), Value("services.completed"));
        Assert.Equal((decimal)dashboard.GetProperty("atMostOneShare").GetDouble(), Math.Round(Value("services.one_share"), 6));

        var record = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/figures/services.completed/records?{period}")).GetProperty("items").EnumerateArray().First();
        Assert.StartsWith("/review/", record.GetProperty("link").GetString(), StringComparison.Ordinal);
        var page = await (await app.BrowserSignedInAsync("supervisor")).GetStringAsync($"/figures?{period}");
        Assert.Contains("data-figure=\"services.received\"", page, StringComparison.Ordinal);
        // Another department sees its own figures only.
        var building = (await (await app.SignedInAsync("reviewer.build")).GetFromJsonAsync<JsonElement>($"/api/figures?{period}")).EnumerateArray();
        Assert.True(building.Single(f => f.GetProperty("name").GetString() == "services.received").GetProperty("value").GetDecimal() < Value("services.received"));
    }

    [Fact]
    public async Task A_drill_down_shows_number_party_and_date_finds_a_partial_number_and_exports_what_it_found()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        const string period = "from=2025-01-01&to=2026-12-31";
        var all = await supervisor.GetFromJsonAsync<JsonElement>($"/api/figures/enforcement.penalties/records?{period}");
        Assert.True(all.GetProperty("total").GetInt32() > 10, "the demo town has penalty decisions");
        var first = all.GetProperty("items").EnumerateArray().First();
        var number = first.GetProperty("number").GetString()!;
        Assert.Matches("号$", number);
        Assert.False(string.IsNullOrEmpty(first.GetProperty("party").GetString()));
        Assert.NotEqual(JsonValueKind.Null, first.GetProperty("on").ValueKind);

        // A person's name is masked, as on every list.
        var persons = all.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("party").GetString()!).Where(p => p.Contains('*', StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(persons);

        // The serial inside 〔〕 and 号, typed without the brackets, finds the decision.
        var serial = number[(number.IndexOf('〕', StringComparison.Ordinal) + 1)..^1];
        var found = await supervisor.GetFromJsonAsync<JsonElement>($"/api/figures/enforcement.penalties/records?{period}&q={Uri.EscapeDataString(serial)}");
        Assert.Contains(found.GetProperty("items").EnumerateArray(), r => r.GetProperty("number").GetString() == number);
        Assert.True(found.GetProperty("total").GetInt32() < all.GetProperty("total").GetInt32());

        var export = await supervisor.GetAsync($"/api/figures/enforcement.penalties/records/export?{period}&q={Uri.EscapeDataString(serial)}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(found.GetProperty("total").GetInt32(), rows.Count);
        Assert.Contains(rows, r => (string)r["编号"] == number);
    }

    [Theory]
    [InlineData("officer.msa", "/api/enforcement/cases", "?status=Archived", "/enforcement")]
    [InlineData("mediator", "/api/mediation/cases", "?status=Settled", "/mediation")]
    [InlineData("clerk", "/api/services/applications", "?status=Completed", "/window/applications")]
    public async Task A_case_list_exports_every_row_its_filter_keeps_not_only_the_page(string account, string list, string filter, string pagePath)
    {
        // The page's export button carries the page's filter.
        var html = await (await app.BrowserSignedInAsync(account)).GetStringAsync(pagePath + filter);
        var button = System.Text.RegularExpressions.Regex.Match(html, "id=\"export\" href=\"([^\"]+)\"").Groups[1].Value;
        Assert.StartsWith(list + "/export?", System.Net.WebUtility.HtmlDecode(button), StringComparison.Ordinal);
        Assert.Contains(filter[1..], System.Net.WebUtility.HtmlDecode(button), StringComparison.Ordinal);

        var client = await app.SignedInAsync(account);
        var page = await client.GetFromJsonAsync<JsonElement>(list + filter);
        var everything = await client.GetFromJsonAsync<JsonElement>(list);
        Assert.True(page.GetProperty("total").GetInt32() > 0, $"{list}{filter} is empty on the demo town");
        Assert.True(page.GetProperty("total").GetInt32() < everything.GetProperty("total").GetInt32());

        var export = await client.GetAsync(list + "/export" + filter);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(page.GetProperty("total").GetInt32(), rows.Count);
        // Dates are Excel dates, not text: a ledger keeper sorts and filters on them.
        Assert.Contains(rows[0].Values, v => v is DateTime);
        var numbers = rows.Select(r => (string)r.Values.First()).ToHashSet();
        Assert.All(page.GetProperty("items").EnumerateArray(), r => Assert.Contains(r.GetProperty("number").GetString()!, numbers));
    }
}
