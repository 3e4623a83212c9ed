using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.Documents;

/// <summary>
/// The public list keeps its answers per China day: a document repealed from tomorrow is listed today (from the kept answer) and
/// not tomorrow, with no save in between. The clock moves: this class has its platform to itself.
/// </summary>
public sealed class PublicListDayTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    [Fact]
    public async Task A_document_repealed_from_tomorrow_leaves_the_kept_public_list_at_midnight()
    {
        const string Title = "塘厦镇户外广告设置管理办法";
        var drafter = await app.SignedInAsync("drafter.gov");
        var id = await DocumentsApiSteps.DraftAsync(drafter, Title);
        await DocumentsApiSteps.NoContentAsync(drafter.PostAsJsonAsync($"/api/documents/{id}/check", new { seenEvents = await DocumentsApiSteps.SeenAsync(drafter, id) }));

        // Sent on Wednesday 2026-11-25: the opinion may come from the 5th working day, Wednesday 12-02.
        DocumentsApiSteps.AdvanceTo(app, new DateOnly(2026, 12, 2));
        var office = await app.SignedInAsync("legal.officer");
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/{id}/check/conclusion",
            new { conclusion = "Lawful", opinion = "经审核，合法。", seenEvents = await DocumentsApiSteps.SeenAsync(office, id) }));
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/{id}/deliberation",
            new { meeting = "镇政府常务会议", meetingOn = "2026-12-02", decision = "Adopted", seenEvents = await DocumentsApiSteps.SeenAsync(office, id) }));
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/{id}/publication", new { seenEvents = await DocumentsApiSteps.SeenAsync(office, id) }));
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/{id}/repeal",
            new { reason = "上位法修改，自明日起废止", repealedOn = "2026-12-03", seenEvents = await DocumentsApiSteps.SeenAsync(office, id) }));

        // Asked twice today (the second answer is the one kept in memory): still in force until the end of 12-02.
        var citizen = app.Anonymous();
        var url = $"/api/public/documents?q={Uri.EscapeDataString("户外广告")}";
        for (var i = 0; i < 2; i++)
        {
            Assert.Contains((await citizen.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray(), d => d.GetProperty("title").GetString() == Title);
        }

        // One minute past midnight China time (16:01 UTC): the same question, no save in between, no longer lists it.
        var now = app.Time.GetUtcNow();
        app.Time.Advance(new DateTimeOffset(2026, 12, 2, 16, 1, 0, TimeSpan.Zero) - now);
        Assert.DoesNotContain((await citizen.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray(), d => d.GetProperty("title").GetString() == Title);
    }
}
