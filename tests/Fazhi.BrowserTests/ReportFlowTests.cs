using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>
/// A newcomer opens the annual report: the 2019 report, generated from the records, in Chinese whatever the page's language;
/// a click on a figure lands on the records behind it, and from there on today's records of the same year; the Word document
/// downloads.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class ReportFlowTests(ServerFixture server)
{
    [SkippableTheory]
    [InlineData("zh-CN", "年度报告", "查看当前记录")]
    [InlineData("en", "Annual report", "Today's records")]
    public async Task The_report_page_opens_the_2019_report_and_a_figure_leads_to_its_records(string culture, string heading, string live)
    {
        ServerFixture.SkipUnlessAvailable();
        await server.WithPageAsync("report-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "fzb.report", culture);
            await page.GotoAsync("/report");
            Assert.Contains(heading, await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            // The report's own text stays in the language it was written in; only the page's labels follow the reader.
            var text = await page.InnerTextAsync("#report-text");
            Assert.Contains("塘厦镇2019年法治政府建设年度报告", text, StringComparison.Ordinal);
            Assert.Contains("今年共调解案件", text, StringComparison.Ordinal);

            var figure = page.Locator("#report-text a.figure[data-figure='publicity.events']");
            Assert.Equal("309", (await figure.InnerTextAsync()).Trim());
            await figure.ClickAsync();
            await page.WaitForSelectorAsync("#figure-records tbody tr");
            Assert.Contains("309", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
            Assert.True(await page.Locator("#figure-records tbody tr").CountAsync() > 10);

            Assert.Contains(live, await page.InnerTextAsync("#live-records"), StringComparison.Ordinal);
            await page.ClickAsync("#live-records");
            await page.WaitForURLAsync("**/figures/publicity.events?**");
            Assert.Contains("2019-01-01", page.Url, StringComparison.Ordinal);

            await page.GotoAsync("/report");
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download-docx"));
            Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        }, culture);
    }
}
