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
    [InlineData("zh-CN", "13926101001", "调解不成", "已转人民调解")]
    [InlineData("en", "13926101002", "Failed", "Referred to mediation")]
    public async Task A_visit_opens_a_mediation_case_that_fails_on_to_legal_aid_and_the_citizen_sees_all_three(string culture, string phone, string failed, string referred)
    {
        ServerFixture.SkipUnlessAvailable();
        string? mediationCase = null;
        string? petitionPage = null;

        // The citizen has an online account with the phone they give at the reception.
        await server.WithPageAsync("chain-citizen-signup-" + culture, async citizen =>
        {
            var registered = await citizen.APIRequest.PostAsync("/api/services/online/register",
                new() { DataObject = new { phone, password = "chain12345" } });
            Assert.True(registered.Ok, await registered.TextAsync());
        }, culture);

        await server.WithPageAsync("chain-office-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "petition.officer", culture);
            await page.GotoAsync("/petitions/reception");
            await page.SelectOptionAsync("#channel", "Visit");
            await page.SelectOptionAsync("#class", "Claim");
            await page.SelectOptionAsync("#category", "Labour");
            await page.FillAsync("#subject", "追讨拖欠工资");
            await page.FillAsync("#request", "请求督促企业支付拖欠的工资");
            await page.FillAsync("#facts", "信访人在某电子厂务工，工厂拖欠两个月工资共九千元。");
            await page.FillAsync("#reasons", "多次讨要未果。");
            await page.FillAsync("#name", "陈晓红");
            await page.FillAsync("#phone", phone);
            await page.FillAsync("#address", "塘厦镇莲湖社区 8 号");
            await page.ClickAsync("#register");
            await page.WaitForSelectorAsync("#receipt-qr");
            var number = await page.InnerTextAsync("#receipt-number");

            await page.ClickAsync("#to-petition");
            await page.WaitForSelectorAsync("#mediation-form");
            Assert.Equal(number, await page.InnerTextAsync("#petition-number"));
            await page.SelectOptionAsync("#dispute-type", "Labour");
            await page.FillAsync("#respondent", "东莞市某电子有限公司");
            await page.ClickAsync("#refer-mediation");
            await page.WaitForSelectorAsync("#chain-mediation");
            Assert.Equal(referred, (await page.InnerTextAsync("#petition-status")).Trim());
            mediationCase = await page.GetAttributeAsync("#chain-mediation", "href");
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
            await page.SelectOptionAsync("#aid-matter", "Labour");
            await page.SelectOptionAsync("#aid-ground", "MigrantWorker");
            await page.ClickAsync("#open-aid");
            await page.WaitForSelectorAsync("#aid-link");
            Assert.Matches("^塘援〔[0-9]{4}〕[0-9]+号$", await page.InnerTextAsync("#aid-link"));
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
            await citizen.FillAsync("#password", "chain12345");
            await citizen.PressAsync("#password", "Enter");
            await citizen.WaitForSelectorAsync("#my-matters");
            Assert.Equal(1, await citizen.Locator(".matter-petitions").CountAsync());
            Assert.Equal(1, await citizen.Locator(".matter-mediation").CountAsync());
            Assert.Equal(1, await citizen.Locator(".matter-legalaid").CountAsync());
            await citizen.Locator(".matter-mediation a").ClickAsync();
            await citizen.WaitForSelectorAsync("#citizen-mediation");
            Assert.Equal(failed, (await citizen.InnerTextAsync("#mediation-status")).Trim());
            var width = await citizen.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"the page scrolls sideways: {width}px");
        }, culture, width: 390, height: 844);
    }
}
