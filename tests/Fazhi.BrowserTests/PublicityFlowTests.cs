using System.Globalization;
using Microsoft.Playwright;
using MiniExcelLibs;

namespace Fazhi.BrowserTests;

/// <summary>
/// A community's month of publicity: its officer imports the month's events from the Excel sheet the community keeps (a bad
/// row named by its number, the good ones kept) and submits the month; the legal office confirms it; the town's figure on
/// /figures moves by exactly the events imported.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class PublicityFlowTests(ServerFixture server)
{
    [SkippableTheory]
    // Each language a community of its own: the demo leaves both communities' last full month unreported.
    [InlineData("zh-CN", "community.officer", "已提交", "已确认")]
    [InlineData("en", "community.officer2", "Submitted", "Confirmed")]
    public async Task A_community_imports_its_month_from_Excel_the_office_confirms_it_and_the_figure_moves(string culture, string officer, string submitted, string confirmed)
    {
        ServerFixture.SkipUnlessAvailable();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var last = month.AddMonths(1).AddDays(-1);
        var figures = $"/figures?from={month:yyyy-MM-dd}&to={last:yyyy-MM-dd}";
        var english = culture == "en";
        var sheet = Sheet(month, english);
        var before = 0;
        string? reportPage = null;

        await server.WithPageAsync("publicity-before-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "pufa.officer", culture);
            before = await EventsFigureAsync(page, figures);
        }, culture);

        await server.WithPageAsync("publicity-community-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, officer, culture);
            await page.GotoAsync("/publicity");
            await page.SetInputFilesAsync("#import-file", new FilePayload
            {
                Name = "月度台账.xlsx", MimeType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Buffer = sheet,
            });
            await page.ClickAsync("#import");
            await page.WaitForSelectorAsync("#import-report");
            // Three good rows kept; the fourth (row 5, no title) named by its number.
            var error = Assert.Single(await page.QuerySelectorAllAsync("#import-errors li"));
            Assert.Matches(english ? "^Row 5\\b" : "^行号 5\\D", (await error.InnerTextAsync()).Trim());
            await page.ClickAsync("#import-report ~ a.button");
            await page.WaitForSelectorAsync("#report-event-list");
            Assert.Equal("3", (await page.InnerTextAsync("#report-events")).Trim());
            await page.ClickAsync("#submit-report");
            await page.WaitForSelectorAsync($"#report-status:text-is(\"{submitted}\")");
            reportPage = new Uri(page.Url).PathAndQuery;
        }, culture);

        await server.WithPageAsync("publicity-office-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "pufa.officer", culture);
            await page.GotoAsync(reportPage!);
            await page.ClickAsync("#confirm-report");
            await page.WaitForSelectorAsync($"#report-status:text-is(\"{confirmed}\")");
            Assert.Equal(before + 3, await EventsFigureAsync(page, figures));
        }, culture);
    }

    private static async Task<int> EventsFigureAsync(IPage page, string figures)
    {
        await page.GotoAsync(figures);
        await page.WaitForSelectorAsync("#figures-publicity");
        return int.Parse((await page.InnerTextAsync("a[data-figure='publicity.events']")).Trim(), CultureInfo.InvariantCulture);
    }

    /// <summary>The month's sheet with three events and one row without a title, headers and values in the run's language.</summary>
    private static byte[] Sheet(DateOnly month, bool english)
    {
        var rows = Enumerable.Range(0, 4).Select(i => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [english ? "Date" : "日期"] = month.AddDays(3 + i * 5).ToDateTime(TimeOnly.MinValue),
            [english ? "Title" : "活动名称"] = i == 3 ? "" : $"{(english ? "Civil Code talk" : "民法典进社区")} {month:yyyy-MM} #{i + 1}",
            [english ? "Kind" : "活动类型"] = english ? "Lecture" : "法治讲座",
            [english ? "Place" : "地点"] = english ? "Community service centre" : "社区党群服务中心",
            [english ? "Organiser" : "主办单位"] = english ? "Residents' committee" : "社区居委会",
            [english ? "Law" : "宣传法律"] = english ? "Civil Code" : "民法典",
            [english ? "Audience" : "受众"] = english ? "Residents" : "社区群众",
            [english ? "PeopleReached" : "受教育人数"] = 80 + i * 10,
            [english ? "Printed" : "编印资料份数"] = 200,
            [english ? "HandedOut" : "发放资料份数"] = 150,
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(new Dictionary<string, object> { [english ? "Events" : "活动"] = rows });
        return stream.ToArray();
    }
}
