using System.Net;
using System.Net.Http.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Organisation;

namespace Fazhi.Tests.Petitions;

/// <summary>A citizen's one page: every matter of theirs in every work line, each module's part through its contract.</summary>
public sealed class CitizenPageTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    [Fact]
    public async Task The_demo_citizen_sees_an_application_a_petition_a_mediation_case_and_a_legal_aid_application_on_one_page_and_only_their_own()
    {
        var citizen = app.CreateClient();
        Assert.Equal(HttpStatusCode.NoContent, (await citizen.PostAsJsonAsync("/api/services/online/login", new { phone = DemoTown.CitizenPhone, password = DemoTown.Password })).StatusCode);
        var page = await citizen.GetStringAsync("/citizen");
        foreach (var line in new[] { "matter-services", "matter-petitions", "matter-mediation", "matter-legalaid" })
        {
            Assert.Contains(line, page, StringComparison.Ordinal);
        }

        // Each links to where the citizen can follow it; the mediation case opens for its party only.
        var mediation = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/citizen/mediation/[0-9a-f-]+)\"").Groups[1].Value;
        var caseView = await citizen.GetAsync(mediation);
        Assert.Equal(HttpStatusCode.OK, caseView.StatusCode);
        Assert.Contains("citizen-mediation", await caseView.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var petition = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/petitions/track/[^\"]+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(petition)).StatusCode);

        // Another citizen sees none of it, and cannot open the case by its address.
        var stranger = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await stranger.PostAsJsonAsync("/api/services/online/register", new { phone = "13900007777", password = "abc12345" })).StatusCode);
        var theirs = await stranger.GetStringAsync("/citizen");
        Assert.DoesNotContain("matter-petitions", theirs, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(mediation)).StatusCode);
    }
}
