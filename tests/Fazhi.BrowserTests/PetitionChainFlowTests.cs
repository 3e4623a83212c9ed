using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>
/// 先接访后调解再援助: a visit at the reception opens a mediation case, the mediation fails and opens a legal-aid application,
/// and the citizen's one page shows all three.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PetitionChainFlowTests(ServerFixture server)
{
    [SkippableTheory]
    [InlineData("zh-CN", "调解不成", "已转人民调解")]
    [InlineData("en", "Failed", "Referred to mediation")]
    public async Task A_visit_opens_a_mediation_case_that_fails_on_to_legal_aid_and_the_citizen_sees_all_three(string culture, string failed, string referred)
    {
        ServerFixture.SkipUnlessAvailable();
        string? mediationCase = null;
        string? petitionPage = null;
        string? petitionNumber = null;
        string? caseNumber = null;
        string? aidNumber = null;

        // The demo citizen has an online account whose phone is proved; they give that phone at the reception.
        const string phone = "13800138000";

        await server.WithPageAsync("chain-office-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "petition.officer", culture);
            await page.GotoAsync("/petitions/reception");
            await page.SelectOptionAsync("#channel", "Visit");
            await page.SelectOptionAsync("#class", "Claim");
            await page.SelectOptionAsync("#category", "NeighbourFamily");
            await page.FillAsync("#subject", "邻里漏水纠纷 " + culture);
            await page.FillAsync("#request", "请求协调楼上漏水赔偿");
            await page.FillAsync("#facts", "楼上住户卫生间漏水，导致信访人家中天花板损坏。");
            await page.FillAsync("#reasons", "多次协商未果。");
            await page.FillAsync("#name", "陈晓红");
            await page.FillAsync("#phone", phone);
            await page.FillAsync("#address", "塘厦镇莲湖社区 8 号");
            await page.ClickAsync("#register");
            await page.WaitForSelectorAsync("#receipt-qr");
            var number = await page.InnerTextAsync("#receipt-number");
            petitionNumber = number;

            await page.ClickAsync("#to-petition");
            await page.WaitForSelectorAsync("#mediation-form");
            Assert.Equal(number, await page.InnerTextAsync("#petition-number"));
            await page.SelectOptionAsync("#dispute-type", "Neighbours");
            await page.FillAsync("#respondent", "楼上住户王某");
            await page.ClickAsync("#refer-mediation");
            await page.WaitForSelectorAsync("#chain-mediation");
            Assert.Equal(referred, (await page.InnerTextAsync("#petition-status")).Trim());
            mediationCase = await page.GetAttributeAsync("#chain-mediation", "href");
            caseNumber = (await page.InnerTextAsync("#chain-mediation")).Trim();
            petitionPage = new Uri(page.Url).PathAndQuery;
        }, culture);

        await server.WithPageAsync("chain-mediator-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "mediator", culture);
            await page.GotoAsync(mediationCase!);
            // The case came from the petition and links back to it.
            Assert.Equal(petitionPage, await page.GetAttributeAsync("#referred-from", "href"));
            // The other side refuses before any session: mediation fails.
            await page.FillAsync("#o-note", "被申请人拒绝调解，已告知申请人可申请劳动仲裁。");
            await page.ClickAsync("#fail");
            await page.WaitForSelectorAsync("#aid-form");
            Assert.Equal(failed, (await page.InnerTextAsync("#case-status")).Trim());
            await page.SelectOptionAsync("#aid-matter", "Other");
            await page.SelectOptionAsync("#aid-ground", "AssistanceRecipient");
            await page.ClickAsync("#open-aid");
            await page.WaitForSelectorAsync("#aid-link");
            aidNumber = (await page.InnerTextAsync("#aid-link")).Trim();
            Assert.Matches("^塘援〔[0-9]{4}〕[0-9]+号$", aidNumber);
        }, culture);

        await server.WithPageAsync("chain-office-after-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "petition.officer", culture);
            await page.GotoAsync(petitionPage!);
            await page.WaitForSelectorAsync("#chain-legalaid");
            Assert.Equal(failed, (await page.InnerTextAsync("#chain-mediation-status")).Trim());
        }, culture);

        // The citizen signs in on a phone: one page with the petition, the mediation case and the aid application.
        await server.WithPageAsync("chain-citizen-" + culture, async citizen =>
        {
            await citizen.GotoAsync("/citizen/login");
            await citizen.FillAsync("#phone", phone);
            await citizen.FillAsync("#password", "Demo#2019");
            await citizen.PressAsync("#password", "Enter");
            await citizen.WaitForSelectorAsync("#my-matters");
            Assert.Equal(1, await citizen.Locator($".matter-petitions:has-text('{petitionNumber}')").CountAsync());
            Assert.Equal(1, await citizen.Locator($".matter-mediation:has-text('{caseNumber}')").CountAsync());
            Assert.Equal(1, await citizen.Locator($".matter-legalaid:has-text('{aidNumber}')").CountAsync());
            await citizen.Locator($".matter-mediation:has-text('{caseNumber}') a").ClickAsync();
            await citizen.WaitForSelectorAsync("#citizen-mediation");
            Assert.Equal(failed, (await citizen.InnerTextAsync("#mediation-status")).Trim());
            var width = await citizen.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"the page scrolls sideways: {width}px");
        }, culture, width: 390, height: 844);
    }
}
