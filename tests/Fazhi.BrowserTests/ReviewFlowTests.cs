using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>From intake through every stage to delivery, rating and the supervisor's dashboard, in each language.</summary>
[Collection(ServerCollection.Name)]
public sealed class ReviewFlowTests(ServerFixture server)
{
    [SkippableTheory]
    [InlineData("zh-CN", "已作出决定，待送达", "已办结", "感谢您的评价")]
    [InlineData("en", "Decided, to be delivered", "Completed", "Thank you for your rating")]
    public async Task An_application_goes_from_the_window_through_review_to_delivery_and_a_rating(string culture, string decided, string completed, string thanks)
    {
        ServerFixture.SkipUnlessAvailable();
        var applicationId = "";
        var queryUrl = "";
        await server.WithPageAsync("review-intake-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "clerk", culture);
            await page.GotoAsync("/window");
            await page.FillAsync("#q", "乡村建设规划许可证");
            await page.PressAsync("#q", "Enter");
            await page.WaitForSelectorAsync("#item-results a:focus");
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#item-name");
            await page.SelectOptionAsync("#window", new SelectOptionValue { Index = 1 });
            await page.FillAsync("#name", "王小明");
            await page.FillAsync("#idNumber", "11010519491231002X");
            await page.FillAsync("#phone", "13800001234");
            foreach (var box in await page.QuerySelectorAllAsync("input[name='Form.Provided']"))
            {
                await box.CheckAsync();
            }

            await page.ClickAsync("#accept");
            await page.WaitForSelectorAsync("#receipt");
            applicationId = page.Url.Split('/')[^2];
            queryUrl = new Uri(await page.GetAttributeAsync("#receipt-link", "href") ?? throw new InvalidOperationException("no progress link")).PathAndQuery;
        });

        await server.WithPageAsync("review-reviewer-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "reviewer", culture);
            await page.GotoAsync("/review");
            await page.ClickAsync($"#queue a[href='/review/{applicationId}']");
            await page.WaitForSelectorAsync("#act-approve");
            await page.FillAsync("#reason", "材料齐全，符合规划");
            await page.ClickAsync("#act-approve");
            await page.WaitForSelectorAsync("#act-grant");
            await page.ClickAsync("#act-grant");
            await page.WaitForSelectorAsync("#status");
            Assert.Equal(decided, await page.InnerTextAsync("#status"));
        });

        await server.WithPageAsync("review-delivery-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "clerk", culture);
            await page.GotoAsync($"/review/{applicationId}");
            await page.SelectOptionAsync("#method", "post");
            await page.ClickAsync("#act-deliver");
            await page.WaitForSelectorAsync("#act-complete");
            await page.ClickAsync("#act-complete");
            await page.WaitForFunctionAsync("s => document.querySelector('#status')?.textContent === s", completed);
        });

        var phone = await server.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", BaseURL = server.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true });
        try
        {
            var page = await phone.NewPageAsync();
            await page.GotoAsync(queryUrl + (queryUrl.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture);
            Assert.Equal(completed, await page.InnerTextAsync("#progress-status"));
            await page.CheckAsync("input[name='Form.Score'][value='4']");
            await page.FillAsync("#comment", "办事很快");
            await page.ClickAsync("#rate");
            await page.WaitForSelectorAsync("#rating-thanks");
            Assert.StartsWith(thanks, await page.InnerTextAsync("#rating-thanks"), StringComparison.Ordinal);
        }
        finally
        {
            await phone.CloseAsync();
        }

        await server.WithPageAsync("review-dashboard-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "supervisor", culture);
            await page.GotoAsync("/supervision/dashboard");
            // ECharts, restored from npm by the build, draws the department chart. Without npm the build
            // leaves it out and the tables stand alone; CI installs npm and requires the chart.
            var echarts = Path.Combine(ServerFixture.RepositoryRoot(), "src", "Fazhi.Web", "wwwroot", "lib", "echarts", "echarts.min.js");
            if (File.Exists(echarts) || Environment.GetEnvironmentVariable("FAZHI_REQUIRE_BROWSER") == "1")
            {
                await page.WaitForSelectorAsync("[data-chart='departments'] canvas");
            }

            await page.ClickAsync("#dash-town a[data-figure='completed']");
            await page.WaitForSelectorAsync("#drill");
            Assert.Contains(applicationId, await page.InnerHTMLAsync("#drill"), StringComparison.Ordinal);
        });
    }
}
