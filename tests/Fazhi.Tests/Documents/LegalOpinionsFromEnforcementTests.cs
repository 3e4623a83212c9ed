using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.Documents;

/// <summary>An enforcement officer asks one of the town's legal advisors about an open case, through Documents' public face, on the demo town.</summary>
public sealed class LegalOpinionsFromEnforcementTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    [Fact]
    public async Task An_officer_asks_an_advisor_about_an_open_case_and_the_case_and_the_legal_office_follow_it()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var caseId = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/cases?status=Investigation")).GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();
        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{caseId}");
        Assert.Contains("AskOpinion", view.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        // The advisors under contract, as any work line sees them.
        var advisor = (await officer.GetFromJsonAsync<JsonElement>("/api/documents/advisors/choices")).EnumerateArray().First();

        var asked = await officer.PostAsJsonAsync($"/api/enforcement/cases/{caseId}/legal-opinion",
            new { topic = "Dispute", question = "当事人主张超过追责时效，请出具意见。", advisorId = advisor.GetProperty("id").GetGuid(), seenEvents = view.GetProperty("seenEvents").GetInt32() });
        Assert.True(asked.StatusCode == HttpStatusCode.Created, $"{(int)asked.StatusCode}: {await asked.Content.ReadAsStringAsync()}");
        var number = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();

        // On the case: the request with its status, and the step on the full-process record.
        var link = Assert.Single((await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{caseId}/legal-opinions")).EnumerateArray());
        Assert.Equal((number, "documents.opinion_status.Asked"), (link.GetProperty("number").GetString(), link.GetProperty("statusKey").GetString()));
        var record = (await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{caseId}")).GetProperty("record").EnumerateArray().Last();
        Assert.Equal("opinion_asked", record.GetProperty("kind").GetString());

        // The legal office sees it on its register with where it came from; the officer does not reach the office's API.
        var office = await app.SignedInAsync("legal.officer");
        var found = (await office.GetFromJsonAsync<JsonElement>($"/api/documents/opinions?q={Uri.EscapeDataString(number!)}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(view.GetProperty("number").GetString(), found.GetProperty("source").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/documents/opinions")).StatusCode);
    }
}
