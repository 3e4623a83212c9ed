using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Notifications;
using Fazhi.Web.Platform.Organisation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task An_account_opened_with_someone_elses_phone_sees_their_matters_only_after_proving_the_phone_with_the_code_sent_to_it()
    {
        // A petitioner of the demo town's chains, who has no online account: someone opens one with that phone.
        const string Phone = "13730000001";
        var account = app.CreateClient();
        Assert.Equal(HttpStatusCode.Created, (await account.PostAsJsonAsync("/api/services/online/register", new { phone = Phone, password = "abc12345" })).StatusCode);
        var before = await account.GetStringAsync("/citizen");
        Assert.Contains("verify-phone", before, StringComparison.Ordinal);
        Assert.DoesNotContain("matter-petitions", before, StringComparison.Ordinal);
        Assert.DoesNotContain("matter-mediation", before, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await account.PostAsync("/api/services/online/account/phone-code", null)).StatusCode);
        Assert.Equal("citizen.code_too_soon", (await (await account.PostAsync("/api/services/online/account/phone-code", null)).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        // Whoever holds the phone reads the text message.
        string code;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            var sms = await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.Template == "services.phone_code" && m.Channel == Channels.Sms).OrderByDescending(m => m.CreatedAt).FirstAsync();
            Assert.Equal(Phone, sms.Recipient);
            code = sms.ValueMap["code"];
        }

        // Whoever does not, guesses.
        var guess = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        var wrong = await account.PostAsJsonAsync("/api/services/online/account/phone-verification", new { code = guess });
        Assert.Equal("citizen.code_wrong", (await wrong.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await account.PostAsJsonAsync("/api/services/online/account/phone-verification", new { code = "12ab" })).StatusCode);
        Assert.DoesNotContain("matter-petitions", await account.GetStringAsync("/citizen"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await account.PostAsJsonAsync("/api/services/online/account/phone-verification", new { code })).StatusCode);
        var after = await account.GetStringAsync("/citizen");
        Assert.DoesNotContain("verify-phone", after, StringComparison.Ordinal);
        Assert.Contains("matter-petitions", after, StringComparison.Ordinal);
        Assert.Contains("matter-mediation", after, StringComparison.Ordinal);
    }
}
