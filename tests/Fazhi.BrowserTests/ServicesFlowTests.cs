using System.Diagnostics;
using System.Text;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

[Collection(ServerCollection.Name)]
public sealed class ServicesFlowTests(ServerFixture server)
{
    private const string ValidId = "11010519491231002X";

    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", "Demo#2019");
        await page.PressAsync("#password", "Enter");
        await page.WaitForSelectorAsync("#welcome");
    }

    /// <summary>Reads the receipt's QR code with zbarimg, a reader independent of the one that drew it.</summary>
    private static async Task<string> DecodeQrAsync(string dataUri)
    {
        var zbar = "/usr/bin/zbarimg";
        if (Environment.GetEnvironmentVariable("FAZHI_REQUIRE_BROWSER") == "1")
        {
            Assert.True(File.Exists(zbar), "zbarimg is missing: apt-get install zbar-tools");
        }

        Skip.IfNot(File.Exists(zbar), "zbarimg is not installed (apt-get install zbar-tools)");
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".png");
        await File.WriteAllBytesAsync(file, Convert.FromBase64String(dataUri["data:image/png;base64,".Length..]));
        var start = new ProcessStartInfo(zbar) { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("--raw");
        start.ArgumentList.Add("-q");
        start.ArgumentList.Add(file);
        using var p = Process.Start(start)!;
        var text = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        File.Delete(file);
        return text.Trim();
    }

    [SkippableTheory]
    [InlineData("zh-CN", "受理回执", "已受理，办理中")]
    [InlineData("en", "Acceptance receipt", "Accepted, in progress")]
    public async Task A_window_takes_an_application_prints_the_receipt_and_a_phone_follows_the_QR_code(string culture, string receiptTitle, string status)
    {
        ServerFixture.SkipUnlessAvailable();
        string? progressUrl = null;
        await server.WithPageAsync("intake-" + culture, async page =>
        {
            await page.GotoAsync($"/culture/{culture}?returnUrl=/login");
            await SignInAsync(page, "clerk");
            await page.GotoAsync("/window");
            await page.FillAsync("#q", "个体工商户设立");
            await page.PressAsync("#q", "Enter");
            // The search is an enhanced (same-document) navigation: wait for its result, not for a page load
            // that may have come and gone before the wait began.
            await page.WaitForSelectorAsync("#item-results a:focus");
            Assert.Contains("/window?q=", page.Url, StringComparison.Ordinal);
            await page.Keyboard.PressAsync("Enter");
            await page.WaitForSelectorAsync("#item-name");
            Assert.Equal("个体工商户设立登记", await page.InnerTextAsync("#item-name"));

            await page.SelectOptionAsync("#window", new SelectOptionValue { Index = 1 });
            await page.FillAsync("#name", "张晓三");
            await page.FillAsync("#idNumber", ValidId);
            await page.FillAsync("#phone", "13800001234");
            foreach (var box in await page.QuerySelectorAllAsync("input[name='Form.Provided']"))
            {
                await box.CheckAsync();
            }

            await page.ClickAsync("#accept");
            await page.WaitForSelectorAsync("#receipt");
            Assert.Equal(receiptTitle, await page.InnerTextAsync("#receipt h1"));
            Assert.Matches("^TX\\d{4}-\\d{6}$", await page.InnerTextAsync("#receipt-number"));
            progressUrl = await DecodeQrAsync((await page.GetAttributeAsync("#receipt-qr", "src"))!);
            Assert.Contains("/q/", progressUrl, StringComparison.Ordinal);
        });

        var phone = await server.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "zh-CN", ViewportSize = new ViewportSize { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });
        try
        {
            var page = await phone.NewPageAsync();
            await page.GotoAsync(progressUrl! + "?culture=" + culture);
            Assert.Equal("张*三", await page.InnerTextAsync("#progress-applicant"));
            Assert.Equal(status, await page.InnerTextAsync("#progress-status"));
            Assert.Contains("市场监督管理分局", await page.InnerTextAsync("#progress-stage"), StringComparison.Ordinal);
            var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
            Assert.True(width <= 390, $"the progress page is {width}px wide on a 390px phone");
        }
        finally
        {
            await phone.CloseAsync();
        }
    }

    [SkippableFact]
    public async Task A_citizen_applies_online_and_a_clerk_pre_reviews_it()
    {
        ServerFixture.SkipUnlessAvailable();
        var pdf = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".pdf");
        await File.WriteAllBytesAsync(pdf, Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        var phoneNumber = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        string applicationPath = "";
        await server.WithPageAsync("online-citizen", async page =>
        {
            await page.GotoAsync("/citizen/login");
            await page.FillAsync("#reg-phone", phoneNumber);
            await page.FillAsync("#reg-password", "abc12345");
            await page.ClickAsync("text=注册账号 >> nth=-1");
            // Registration signs in and then loads /citizen in full; wait for that page's content, not for a load
            // event that may have come and gone (or come twice) before the wait began.
            await page.WaitForSelectorAsync("form[action='/citizen/logout']");
            Assert.EndsWith("/citizen", new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            await page.GotoAsync("/citizen/apply/TX-SB-002");
            await page.FillAsync("#name", "林小雨");
            await page.FillAsync("#idNumber", ValidId);
            await page.SetInputFilesAsync("#file-form", pdf);
            await page.SetInputFilesAsync("#file-id", pdf);
            await page.ClickAsync("button[type=submit].primary");
            await page.WaitForSelectorAsync("#progress-status");
            Assert.Equal("待预审", await page.InnerTextAsync("#progress-status"));
            applicationPath = new Uri(page.Url).AbsolutePath;
        });

        await server.WithPageAsync("online-clerk", async page =>
        {
            await SignInAsync(page, "clerk");
            await page.GotoAsync("/window/applications?status=PendingPreReview");
            await page.ClickAsync("#applications tbody tr:first-child a");
            await page.WaitForSelectorAsync("#application-files");
            await page.ClickAsync("#accept");
            await page.WaitForSelectorAsync("#receipt");
        });

        await server.WithPageAsync("online-citizen-after", async page =>
        {
            await page.GotoAsync("/citizen/login");
            await page.FillAsync("#phone", phoneNumber);
            await page.FillAsync("#password", "abc12345");
            await page.PressAsync("#password", "Enter");
            await page.WaitForSelectorAsync("#my-matters li.matter-services");
            await page.GotoAsync(applicationPath);
            Assert.Equal("已受理，办理中", await page.InnerTextAsync("#progress-status"));
        });
    }

    [SkippableFact]
    public async Task The_kiosk_finds_an_item_and_opens_its_one_time_notice_for_printing()
    {
        ServerFixture.SkipUnlessAvailable();
        await server.WithPageAsync("kiosk", async page =>
        {
            await page.GotoAsync("/kiosk");
            await page.ClickAsync(".kiosk-themes a:has-text('民房报建')");
            await page.ClickAsync("#kiosk-items a:has-text('农村村民住宅建设审批')");
            await page.WaitForSelectorAsync("#notice-qr");
            Assert.Equal("农村村民住宅建设审批（民房报建）", await page.InnerTextAsync("#item-name"));
            Assert.True(await page.IsVisibleAsync("button[data-print]"));
            Assert.Contains("/services/items/TX-MFBJ-001", await DecodeQrAsync((await page.GetAttributeAsync("#notice-qr", "src"))!), StringComparison.Ordinal);
        });
    }
}
