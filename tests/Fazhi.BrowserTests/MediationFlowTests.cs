using System.Diagnostics;
using System.IO.Compression;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>A police-station mediation room, from registering a dispute to the follow-up, in each language; the statistics move by one.</summary>
[Collection(ServerCollection.Name)]
public sealed class MediationFlowTests(ServerFixture server)
{
    private static async Task<int> SettledAsync(IPage page)
    {
        await page.GotoAsync("/mediation/statistics");
        return int.Parse(await page.InnerTextAsync("#summary dd[data-stat='settled']"), System.Globalization.CultureInfo.InvariantCulture);
    }

    [SkippableTheory]
    [InlineData("zh-CN", "调解成功")]
    [InlineData("en", "Settled")]
    public async Task A_police_station_room_registers_a_dispute_and_a_session_ends_in_a_written_agreement_that_opens_in_Word_and_LibreOffice(string culture, string settled)
    {
        ServerFixture.SkipUnlessAvailable();
        await server.WithPageAsync("mediation-" + culture, async page =>
        {
            await ServerFixture.SignInAsync(page, "mediator", culture);
            var before = await SettledAsync(page);

            await page.GotoAsync("/mediation/cases/new");
            await page.SelectOptionAsync("#room", new SelectOptionValue { Label = "塘厦派出所人民调解工作室" });
            await page.SelectOptionAsync("#source", "PoliceReferral");
            await page.FillAsync("#referredBy", "塘厦派出所");
            await page.FillAsync("#facts", "两户邻居因楼道堆放杂物发生口角，派出所出警后移送调解。");
            await page.FillAsync("#claims", "请求对方清理楼道杂物。");
            await page.FillAsync("#p0-name", "陈志强");
            await page.FillAsync("#p0-id", "11010519491231002X");
            await page.FillAsync("#p0-phone", "13800001234");
            await page.FillAsync("#p1-name", "黄美华");
            await page.ClickAsync("#register");
            await page.WaitForSelectorAsync("#case-number");
            var number = await page.InnerTextAsync("#case-number");

            // Both parties consent, are told their rights, then the session is held and recorded.
            var parties = (await page.QuerySelectorAllAsync("button[id^='consent-']")).Count;
            Assert.Equal(2, parties);
            for (var left = parties; left > 0; left--)
            {
                await page.ClickAsync("button[id^='consent-']");
                await page.WaitForFunctionAsync("n => document.querySelectorAll(\"button[id^='consent-']\").length < n", left);
            }

            // 第23条: the parties are told their rights and duties, and the mediator records it, before the session.
            await page.ClickAsync("#give-rights-notice");
            await page.WaitForSelectorAsync("#rights-notice-given");

            await page.FillAsync("#attendees", "陈志强、黄美华、钟伟明");
            await page.FillAsync("#record", "调解员现场查看楼道，双方同意三日内清理杂物。");
            await page.ClickAsync("#hold-session");
            await page.WaitForSelectorAsync("#written-form");

            var performBy = DateTime.UtcNow.AddHours(8).AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            await page.FillAsync("#a-facts", "两户邻居因楼道堆放杂物发生纠纷。");
            await page.FillAsync("#a-terms", "黄美华于三日内清理楼道杂物，今后不再堆放。");
            await page.FillAsync("#a-performance", "黄美华自行清理，完成后告知陈志强。");
            await page.FillAsync("#a-perform-by", performBy);
            await page.ClickAsync("#agree-written");
            await page.WaitForSelectorAsync("#agreement-docx");
            Assert.Equal(settled, await page.InnerTextAsync("#case-status"));

            // The agreement downloads as Word and names the case.
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#agreement-docx"));
            var dir = Directory.CreateTempSubdirectory("fazhi-mediation").FullName;
            var docx = Path.Combine(dir, "agreement.docx");
            await download.SaveAsAsync(docx);
            using (var zip = ZipFile.OpenRead(docx))
            {
                using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
                var xml = await reader.ReadToEndAsync();
                Assert.Contains("人民调解协议书", xml, StringComparison.Ordinal);
                Assert.Contains("黄美华", xml, StringComparison.Ordinal);
            }

            await ConvertsWithLibreOfficeAsync(dir, docx, number);

            // The follow-up is recorded, and the statistics count one more settled case.
            await page.ClickAsync("#follow-ups button[value='performed']");
            await page.WaitForFunctionAsync("() => !document.querySelector(\"#follow-ups button[value='performed']\")");
            Assert.Equal(before + 1, await SettledAsync(page));
        }, culture);
    }

    private static async Task ConvertsWithLibreOfficeAsync(string dir, string docx, string number)
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);
        if (soffice is null || !File.Exists("/usr/bin/pdftotext"))
        {
            Assert.True(Environment.GetEnvironmentVariable("FAZHI_REQUIRE_BROWSER") != "1", "LibreOffice and pdftotext are missing");
            return;
        }

        using (var convert = Process.Start(new ProcessStartInfo(soffice, ["--headless", "-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, docx]) { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            await convert.WaitForExitAsync();
            Assert.Equal(0, convert.ExitCode);
        }

        using var text = Process.Start(new ProcessStartInfo("/usr/bin/pdftotext", [Path.Combine(dir, "agreement.pdf"), "-"]) { RedirectStandardOutput = true })!;
        var pdf = await text.StandardOutput.ReadToEndAsync();
        await text.WaitForExitAsync();
        Assert.Contains("人民调解协议书", pdf.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains(number, pdf.Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task On_a_phone_390_px_wide_the_day_view_and_a_case_page_have_no_sideways_scroll_and_the_menu_is_folded()
    {
        ServerFixture.SkipUnlessAvailable();
        await server.WithPageAsync("mediation-phone", async page =>
        {
            await ServerFixture.SignInAsync(page, "mediator");
            async Task NoSidewaysScrollAsync(string what)
            {
                var (scroll, width) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
                Assert.True(scroll <= width, $"{what}: the page is {scroll} px wide on a {width} px screen");
            }

            await page.GotoAsync("/mediation/today");
            await NoSidewaysScrollAsync("day view");
            Assert.False(await page.IsVisibleAsync("#groupnav a[href='/mediation']"), "the menu is folded on a phone");
            await page.ClickAsync("#menu-button");
            Assert.True(await page.IsVisibleAsync("#groupnav a[href='/mediation']"), "the menu opens");
            await page.GotoAsync("/mediation");
            var first = await page.GetAttributeAsync("#cases a[href^='/mediation/cases/']", "href");
            await page.GotoAsync(first!);
            await page.WaitForSelectorAsync("#parties");
            await NoSidewaysScrollAsync("case page");
            // The parties' table is read without scrolling the page: each party's name is on screen.
            var box = await (await page.QuerySelectorAsync("#parties tbody tr td:nth-child(2)"))!.BoundingBoxAsync();
            Assert.True(box is { } b && b.X >= 0 && b.X + b.Width <= 390, "a party's name is on screen");
        }, width: 390, height: 844);
    }
}
