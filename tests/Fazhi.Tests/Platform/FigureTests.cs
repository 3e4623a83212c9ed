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
}
