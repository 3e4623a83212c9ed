using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.LegalAid;

/// <summary>The legal-aid pages of the demo town, in Chinese and in English, as the centre's officer, a station and an applicant open them.</summary>
public sealed partial class LegalAidPagesTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    [GeneratedRegex(@">\s*(legalaid|error|field|warning)\.[A-Za-z_.]+\s*<|\{0\}|legalaid\.[a-z_]+\.[A-Za-z]+")]
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
    [InlineData("zh-CN", "法律援助统计", "办理中", "受理回执")]
    [InlineData("en", "Legal-aid statistics", "In progress", "Legal-aid application receipt")]
    public async Task Every_legal_aid_page_opens_populated_at_every_step_in_each_language(string language, string statistics, string assigned, string receipt)
    {
        var officer = await app.BrowserSignedInAsync("aid.officer");
        var api = await app.SignedInAsync("aid.officer");
        var all = await api.GetFromJsonAsync<JsonElement>("/api/legal-aid/applications");
        Assert.True(all.GetProperty("total").GetInt32() >= 60, "the demo town opens with a year of applications at the centre");
        foreach (var status in new[] { "Forwarding", "Received", "MaterialsRequested", "Granted", "Refused", "Withdrawn", "Assigned", "Closed", "Terminated" })
        {
            var one = await api.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications?status={status}");
            Assert.True(one.GetProperty("total").GetInt32() > 0, $"the demo town has applications {status}");
            var id = one.GetProperty("items")[0].GetProperty("id").GetGuid();
            var page = await PageAsync(officer, $"/legal-aid/applications/{id}", language);
            if (status == "Assigned")
            {
                Assert.Contains(assigned, page, StringComparison.Ordinal);
            }

            Assert.Contains(receipt, await PageAsync(officer, $"/legal-aid/applications/{id}/receipt", language), StringComparison.Ordinal);
        }

        Assert.Contains(statistics, await PageAsync(officer, "/legal-aid/statistics", language), StringComparison.Ordinal);
        foreach (var url in new[] { "/legal-aid", "/legal-aid/contacts", "/legal-aid/applications/new", "/legal-aid/lawyers", "/legal-aid/subsidies" })
        {
            await PageAsync(officer, url, language);
        }

        // The year's contacts at the seed's scale, counted by place and channel.
        var stats = await api.GetFromJsonAsync<JsonElement>($"/api/legal-aid/statistics?from={DateTime.UtcNow.AddDays(-400):yyyy-MM-dd}");
        Assert.True(stats.GetProperty("contacts").GetInt32() >= 900, stats.GetRawText());

        // The applicant's phone page, by the token on the receipt, without signing in.
        var receiptHtml = await PageAsync(officer, $"/legal-aid/applications/{all.GetProperty("items")[0].GetProperty("id").GetGuid()}/receipt", language);
        var link = Regex.Match(receiptHtml, "id=\"receipt-link\" href=\"[^\"]*(/legal-aid/progress/[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(link);
        var progress = await PageAsync(app.CreateClient(), link, language);
        Assert.Contains("id=\"progress-status\"", progress, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lapsing_licence_in_the_pool_is_an_alert_on_the_register()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        var alerts = await supervisor.GetFromJsonAsync<JsonElement>("/api/alerts?module=legalaid");
        var licences = alerts.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("kind").GetString() == "legalaid.licence").ToList();
        Assert.Equal(2, licences.Count);
        Assert.All(licences, a => Assert.Equal("Yellow", a.GetProperty("level").GetString()));
    }
}
