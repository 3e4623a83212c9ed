using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

[Collection(ServerCollection.Name)]
public sealed class SignInTests(ServerFixture server)
{
    private static async Task SignInAsync(IPage page, string userName)
    {
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", "Demo#2019");
        await page.PressAsync("#password", "Enter");
        await page.WaitForSelectorAsync("#welcome");
    }

    [SkippableFact]
    public async Task A_clerk_signs_in_in_Chinese_and_sees_the_home_page()
    {
        ServerFixture.SkipUnlessAvailable();
        await server.WithPageAsync(nameof(A_clerk_signs_in_in_Chinese_and_sees_the_home_page), async page =>
        {
            await page.GotoAsync("/");
            Assert.EndsWith("/login?ReturnUrl=%2F", page.Url, StringComparison.Ordinal);
            Assert.Equal("登录", await page.InnerTextAsync("h1"));
            Assert.Contains("Demo#2019", await page.InnerTextAsync("#demo-accounts"));

            await SignInAsync(page, "clerk");
            Assert.Equal("陈晓敏，您好", await page.InnerTextAsync("#welcome"));
            Assert.Equal("市民服务中心", await page.InnerTextAsync("#my-department"));
            Assert.Equal("窗口人员", await page.InnerTextAsync("#my-roles"));
            Assert.Equal("clerk", await page.InnerTextAsync("#current-user"));
        });
    }

    [SkippableFact]
    public async Task An_English_browser_gets_English_pages_until_the_person_picks_Chinese_and_no_page_misses_its_icon()
    {
        ServerFixture.SkipUnlessAvailable();
        await server.WithPageAsync(nameof(An_English_browser_gets_English_pages_until_the_person_picks_Chinese_and_no_page_misses_its_icon), async page =>
        {
            var missing = new List<string>();
            page.Response += (_, r) =>
            {
                if (r.Status == 404)
                {
                    missing.Add(r.Url);
                }
            };
            await page.GotoAsync("/login");
            Assert.Equal("Sign in", await page.InnerTextAsync("h1"));
            await page.GotoAsync("/services");
            await page.GotoAsync("/complaint");
            Assert.Equal("Efficiency and integrity complaint", await page.InnerTextAsync("h1"));

            // The person's own choice wins over the browser's language from then on.
            await page.ClickAsync("a[hreflang='zh-CN']");
            await page.GotoAsync("/login");
            Assert.Equal("登录", await page.InnerTextAsync("h1"));
            var icon = await page.APIRequest.GetAsync("/favicon.ico");
            Assert.Equal(200, icon.Status);
            Assert.Empty(missing);
        }, locale: "en-US");
    }

    [SkippableFact]
    public async Task A_clerk_signs_in_in_English_and_sees_the_home_page()
    {
        ServerFixture.SkipUnlessAvailable();
        await server.WithPageAsync(nameof(A_clerk_signs_in_in_English_and_sees_the_home_page), async page =>
        {
            await page.GotoAsync("/login");
            await page.ClickAsync("a[hreflang=en]");
            await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
            Assert.Equal("Sign in", await page.InnerTextAsync("h1"));

            await SignInAsync(page, "clerk");
            Assert.Equal("Welcome, 陈晓敏", await page.InnerTextAsync("#welcome"));
            Assert.Equal("Window clerk", await page.InnerTextAsync("#my-roles"));
            Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        });
    }

    [SkippableFact]
    public async Task A_wrong_password_keeps_the_user_name_and_says_what_is_wrong()
    {
        ServerFixture.SkipUnlessAvailable();
        await server.WithPageAsync(nameof(A_wrong_password_keeps_the_user_name_and_says_what_is_wrong), async page =>
        {
            await page.GotoAsync("/login");
            await page.FillAsync("#userName", "reviewer");
            await page.FillAsync("#password", "not-the-password");
            await page.ClickAsync("button[type=submit]");
            await page.WaitForSelectorAsync("#login-error");
            Assert.Equal("用户名或密码不正确", await page.InnerTextAsync("#login-error"));
            Assert.Equal("reviewer", await page.InputValueAsync("#userName"));
        });
    }

    [SkippableFact]
    public async Task An_administrator_finds_the_organisation_and_verifies_the_audit_record()
    {
        ServerFixture.SkipUnlessAvailable();
        await server.WithPageAsync(nameof(An_administrator_finds_the_organisation_and_verifies_the_audit_record), async page =>
        {
            await page.GotoAsync("/login");
            await SignInAsync(page, "admin");
            await page.ClickAsync("#groupnav >> text=组织机构");
            await page.WaitForSelectorAsync("#org-tree");
            Assert.Contains("依法治镇办", await page.InnerTextAsync("#org-tree"));

            await page.GotoAsync("/admin/audit");
            await page.ClickAsync("text=校验完整性");
            await page.WaitForSelectorAsync("#verify-result");
            Assert.StartsWith("审计记录完整", await page.InnerTextAsync("#verify-result"), StringComparison.Ordinal);
        });
    }
}
