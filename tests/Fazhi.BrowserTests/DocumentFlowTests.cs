using System.Globalization;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>
/// A normative document from the drafter's first text through a second version (its difference shown), the legality check,
/// deliberation, publication and filing, until the public list of documents in force finds it.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class DocumentFlowTests(ServerFixture server)
{
    [SkippableTheory]
    [InlineData("zh-CN", "已备案", "现行有效")]
    [InlineData("en", "Filed", "In force")]
    public async Task A_draft_goes_through_its_check_deliberation_publication_and_filing_onto_the_public_list(string culture, string filed, string inForce)
    {
        ServerFixture.SkipUnlessAvailable();
        var title = $"塘厦镇共享单车停放管理办法（{culture}）";
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        string? documentPage = null;

        await server.WithPageAsync("document-drafter-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "drafter.gov", culture);
            await page.GotoAsync("/documents");
            await page.ClickAsync("#new-document");
            await page.WaitForSelectorAsync("#draft-form");
            await page.SelectOptionAsync("#kind", "Administrative");
            await page.FillAsync("#title", title);
            await page.FillAsync("#outsidePlanReason", "群众反映强烈，年中新增");
            await page.FillAsync("#text", "第一条 为规范共享单车停放，制定本办法。\n第二条 共享单车应当在划定区域停放。\n第三条 本办法自印发之日起施行。");
            await page.ClickAsync("#draft");
            await page.WaitForSelectorAsync("#revise-form");
            Assert.Equal(title, (await page.InnerTextAsync("#document-title")).Trim());

            // A second version: the page shows what changed between the two.
            await page.FillAsync("#revise-text", "第一条 为规范共享单车停放，制定本办法。\n第二条 共享单车应当在划定区域停放，运营企业负责及时清理。\n第三条 本办法自印发之日起施行。");
            await page.FillAsync("#revise-note", "增加运营企业清理责任");
            await page.ClickAsync("#revise");
            await page.WaitForSelectorAsync("#diff");
            Assert.Contains("运营企业负责及时清理", await page.InnerTextAsync("#diff .diff-inserted"), StringComparison.Ordinal);
            Assert.Contains("共享单车应当在划定区域停放。", await page.InnerTextAsync("#diff .diff-deleted"), StringComparison.Ordinal);

            await page.ClickAsync("#submit-check");
            await page.WaitForSelectorAsync("#record");
            documentPage = new Uri(page.Url).PathAndQuery;
        }, culture);

        await server.WithPageAsync("document-office-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "legal.officer", culture);
            await page.GotoAsync(documentPage!);
            await page.FillAsync("#opinion", "制定主体合法，内容不违反上位法，程序符合规定。");
            await page.ClickAsync("#conclude");
            await page.WaitForSelectorAsync("#deliberate-form");
            await page.FillAsync("#meeting", "镇政府常务会议");
            await page.FillAsync("#meeting-on", today);
            await page.ClickAsync("#deliberate");
            await page.WaitForSelectorAsync("#publish-form");
            await page.ClickAsync("#publish");
            await page.WaitForSelectorAsync("#file-form");
            var number = (await page.InnerTextAsync("#document-number")).Trim();
            Assert.Matches("^塘府〔[0-9]{4}〕[0-9]+号$", number);
            await page.FillAsync("#filed-with", "东莞市人民政府");
            await page.FillAsync("#filed-on", today);
            await page.ClickAsync("#file");
            await page.WaitForSelectorAsync("#in-force");
            Assert.StartsWith(filed, (await page.InnerTextAsync("#document-status")).Trim(), StringComparison.Ordinal);

            // Anyone, without signing in, finds it among the documents in force.
            await page.GotoAsync($"/law/documents?q={Uri.EscapeDataString(title)}");
            await page.WaitForSelectorAsync("#public-documents");
            Assert.Contains(number, await page.InnerTextAsync("#public-documents"), StringComparison.Ordinal);
            await page.ClickAsync($"#public-documents a:has-text(\"{title}\")");
            await page.WaitForSelectorAsync("#public-text");
            Assert.Equal(inForce, (await page.InnerTextAsync("#public-in-force")).Trim());
            Assert.Contains("运营企业负责及时清理", await page.InnerTextAsync("#public-text"), StringComparison.Ordinal);
        }, culture);
    }
}
