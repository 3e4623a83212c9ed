using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Tests.Infrastructure;
using Fazhi.Tests.Services;

namespace Fazhi.Tests.Mediation;

/// <summary>The mediation pages of the demo town, in Chinese and in English, as the justice office and a mediator open them.</summary>
public sealed partial class MediationPagesTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    [GeneratedRegex(@">\s*(mediation|error|field|warning)\.[A-Za-z_.]+\s*<|\{0\}")]
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
    [InlineData("zh-CN", "调解统计", "调解成功")]
    [InlineData("en", "Mediation statistics", "Settled")]
    public async Task Every_mediation_page_opens_populated_in_each_language(string language, string statistics, string settled)
    {
        var supervisor = await app.BrowserSignedInAsync("supervisor");
        var api = await app.SignedInAsync("supervisor");
        var cases = await api.GetFromJsonAsync<JsonElement>("/api/mediation/cases?status=Settled");
        Assert.True(cases.GetProperty("total").GetInt32() > 100, "the demo town has a year of settled cases");
        var caseId = cases.GetProperty("items")[0].GetProperty("id").GetGuid();
        var campaign = (await api.GetFromJsonAsync<JsonElement>("/api/mediation/screenings")).EnumerateArray().First().GetProperty("id").GetGuid();

        Assert.Contains(statistics, await PageAsync(supervisor, "/mediation/statistics", language), StringComparison.Ordinal);
        Assert.Contains(settled, await PageAsync(supervisor, "/mediation?status=Settled", language), StringComparison.Ordinal);
        foreach (var url in new[] { "/mediation/committees", "/mediation/screenings", "/mediation/subsidies", "/mediation/cases/new", $"/mediation/cases/{caseId}", $"/mediation/screenings/{campaign}" })
        {
            await PageAsync(supervisor, url, language);
        }

        // The mediator's day, and the case list with their committee's cases.
        var mediator = await app.BrowserSignedInAsync("mediator");
        var day = await PageAsync(mediator, "/mediation/today", language);
        Assert.Contains("钟伟明", day, StringComparison.Ordinal);
        await PageAsync(mediator, "/mediation", language);
    }
}
