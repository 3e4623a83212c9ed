using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Tests.Infrastructure;

/// <summary>The demo town's people a test needs to register a case, read through the API as its users would.</summary>
public static class SampleCases
{
    /// <summary>The town mediation committee (TX-MED), the demo mediator and a second mediator of it.</summary>
    public static async Task<(Guid Committee, Guid Lead, Guid Second)> TownMediatorsAsync(HttpClient mediator)
    {
        var committees = (await mediator.GetFromJsonAsync<JsonElement>("/api/mediation/committees")).EnumerateArray().ToList();
        var town = committees.Single(c => c.GetProperty("code").GetString() == "TX-MED").GetProperty("id").GetGuid();
        var mediators = (await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/mediators?committeeId={town}")).GetProperty("items").EnumerateArray().ToList();
        var lead = mediators.Single(m => m.GetProperty("userName").GetString() == "mediator").GetProperty("id").GetGuid();
        return (town, lead, mediators.First(m => m.GetProperty("id").GetGuid() != lead).GetProperty("id").GetGuid());
    }

    /// <summary>A neighbours' dispute applied for at the town committee, its applicant consenting by applying.</summary>
    public static async Task<HttpResponseMessage> RegisterDisputeAsync(HttpClient mediator, object applicant, object respondent, string facts, string claims)
    {
        var (town, lead, second) = await TownMediatorsAsync(mediator);
        return await mediator.PostAsJsonAsync("/api/mediation/cases", new
        {
            committeeId = town, disputeType = "Neighbours", caseSource = "Application", facts, claims,
            parties = new[] { applicant, respondent }, mediatorIds = new[] { lead, second },
        });
    }

    /// <summary>The head of the signed-in officer's department and a second officer whose certificate does not lapse soon.</summary>
    public static async Task<(Guid Head, Guid Second)> OfficersAsync(HttpClient officer)
    {
        var officers = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/officers?canAct=true")).GetProperty("items").EnumerateArray().ToList();
        var head = officers.First(o => o.GetProperty("isHead").GetBoolean()).GetProperty("id").GetGuid();
        return (head, officers.First(o => o.GetProperty("id").GetGuid() != head && !o.GetProperty("expiresSoon").GetBoolean()).GetProperty("id").GetGuid());
    }
}
