using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>The centre's officer logs a contact, turns it into an application, grants it and assigns a lawyer; the applicant follows it on a phone.</summary>
[Collection(ServerCollection.Name)]
public sealed class LegalAidFlowTests(ServerFixture server)
{
    [SkippableTheory]
    [InlineData("zh-CN", "办理中", "指派律师")]
    [InlineData("en", "In progress", "Lawyer assigned")]
    public async Task A_contact_becomes_an_application_granted_and_assigned_and_the_applicants_phone_shows_the_progress(string culture, string inProgress, string assignedStep)
    {
        ServerFixture.SkipUnlessAvailable();
        string? progress = null;
        await server.WithPageAsync("legal-aid-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "aid.officer", culture);
            await page.GotoAsync("/legal-aid/contacts");
            // The half-minute form: the cursor starts in the answer; the rest by keyboard.
            await page.FillAsync("#answer", "解答拖欠工资的处理途径，申请人符合法律援助条件。");
            await page.SelectOptionAsync("#matter", "Labour");
            await page.FillAsync("#name", "梁海涛");
            await page.FillAsync("#phone", "13926007788");
            await page.SelectOptionAsync("#referral", "Application");
            await page.PressAsync("#answer", "Enter");
            await page.WaitForSelectorAsync("#logged");

            await page.ClickAsync("#to-application");
            await page.WaitForSelectorAsync("#apply");
            Assert.Equal("梁海涛", await page.InputValueAsync("#name"));
            await page.FillAsync("#facts", "申请人在电子厂务工，工厂拖欠两个月工资。");
            await page.FillAsync("#opponent", "东莞市某电子有限公司");
            await page.FillAsync("#filedWhere", "塘厦镇");
            await page.SelectOptionAsync("#form", "ArbitrationRepresentation");
            await page.SelectOptionAsync("#ground", "MigrantWorker");
            await page.ClickAsync("#apply");
            await page.WaitForSelectorAsync("#number");
            var number = await page.InnerTextAsync("#number");

            await page.ClickAsync("#grant");
            await page.WaitForSelectorAsync("#assign");
            // The suggested lawyer is chosen already.
            await page.ClickAsync("#assign");
            await page.WaitForSelectorAsync("#lawyer");
            Assert.Equal(inProgress, (await page.InnerTextAsync("#status")).Trim());

            await page.ClickAsync("#receipt");
            await page.WaitForSelectorAsync("#receipt-qr");
            Assert.Equal(number, await page.InnerTextAsync("#receipt-number"));
            progress = await page.GetAttributeAsync("#receipt-link", "href");
        }, culture);

        // The applicant scans the receipt on a phone: no account, the name masked, the lawyer named.
        await server.WithPageAsync("legal-aid-phone-" + culture, async phone =>
        {
            await phone.GotoAsync(new Uri(progress!).PathAndQuery);
            Assert.Equal("梁*涛", await phone.InnerTextAsync("#progress-applicant"));
            Assert.Equal(inProgress, (await phone.InnerTextAsync("#progress-status")).Trim());
            Assert.Contains(assignedStep, await phone.InnerTextAsync("#progress-steps"), StringComparison.Ordinal);
            Assert.NotEmpty(await phone.InnerTextAsync("#progress-lawyer"));
            var width = await phone.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"the page scrolls sideways: {width}px");
        }, culture, width: 390, height: 844);
    }
}
