using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Platform;

/// <summary>
/// Next year's calendar, on 25 November 2026 with 2027's holidays not entered: the administrators are alerted, and a limit
/// that ends in 2027 says its date is provisional until the year is entered.
/// </summary>
public sealed class CalendarYearTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private async Task<bool> RunAlertAsync()
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<CalendarYearAlert>().RunAsync();
    }

    [Fact]
    public async Task From_november_an_unentered_next_year_alerts_the_administrators_and_marks_its_dates_provisional_until_it_is_entered()
    {
        Assert.True(ChinaToday() >= new DateOnly(2026, 11, 1));
        await RunAlertAsync();
        Assert.False(await RunAlertAsync(), "one alert a day, not one per pass");

        var admin = await app.SignedInAsync("admin");
        var alerts = (await admin.GetFromJsonAsync<JsonElement>("/api/alerts?module=platform")).GetProperty("items").EnumerateArray().ToList();
        var year = Assert.Single(alerts, a => a.GetProperty("kind").GetString() == CalendarYearAlert.Kind);
        Assert.Equal(("2027年节假日安排", "2026-12-31", "/calendar?year=2027"), (year.GetProperty("title").GetString(), year.GetProperty("dueDate").GetString(), year.GetProperty("link").GetString()));

        // An enforcement case filed today: its 90-day limit ends in 2027, and the case page says the date is provisional.
        var officerApi = await app.SignedInAsync("officer.msa");
        var (head, second) = await SampleCases.OfficersAsync(officerApi);
        var created = await officerApi.PostAsJsonAsync("/api/enforcement/cases", new
        {
            leadSource = "Inspection", matter = "无照经营", violationFacts = "当事人未取得营业执照从事经营活动。",
            actOn = Day(ChinaToday().AddDays(-3)), discoveredOn = Day(ChinaToday()),
            party = new { kind = "Person", name = "陈立新", idNumber = Identifiers.WithIdCheck("44190019850312801"), phone = "13926001188" },
            officerIds = new[] { head, second },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await officerApi.PostAsync($"/api/enforcement/cases/{id}/filing-approval", null)).StatusCode);
        var due = DateOnly.ParseExact((await officerApi.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{id}")).GetProperty("decisionDue").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        Assert.Equal(2027, due.Year);
        var officer = await app.BrowserSignedInAsync("officer.msa");
        Assert.Contains("class=\"provisional\"", await officer.GetStringAsync($"/enforcement/cases/{id}"), StringComparison.Ordinal);

        // The administrator opens 2027, naming the notice: no more alert, and the date is no longer provisional.
        var opened = await admin.PostAsJsonAsync("/api/calendar/years", new { year = 2027, source = "国办发明电〔2026〕12号" });
        Assert.True(opened.IsSuccessStatusCode, await opened.Content.ReadAsStringAsync());
        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.False(await RunAlertAsync());
        officer = await app.BrowserSignedInAsync("officer.msa");
        Assert.DoesNotContain("class=\"provisional\"", await officer.GetStringAsync($"/enforcement/cases/{id}"), StringComparison.Ordinal);
    }

    private DateOnly ChinaToday() => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
