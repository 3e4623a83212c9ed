using System.Net;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.Platform;

public sealed class LanguageTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private async Task<string> LoginPageAsync(string? acceptLanguage, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }

        if (cookie is not null)
        {
            request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(cookie));
        }

        var response = await app.Anonymous().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_first_visit_follows_the_browsers_language_and_a_chosen_language_wins_afterwards()
    {
        Assert.Contains("<h1>Sign in</h1>", await LoginPageAsync("en-US,en;q=0.9"));
        Assert.Contains("<h1>登录</h1>", await LoginPageAsync("zh-CN,zh;q=0.9,en;q=0.8"));
        Assert.Contains("<h1>登录</h1>", await LoginPageAsync(null));
        // A language the platform does not have falls back to Chinese.
        Assert.Contains("<h1>登录</h1>", await LoginPageAsync("fr-FR"));
        Assert.Contains("<h1>登录</h1>", await LoginPageAsync("en-US", cookie: "c=zh-CN|uic=zh-CN"));
        Assert.Contains("<h1>Sign in</h1>", await LoginPageAsync("zh-CN", cookie: "c=en|uic=en"));
    }

    [Fact]
    public async Task Switching_language_on_a_page_searched_in_Chinese_returns_to_the_same_search()
    {
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await client.GetAsync("/culture/en?returnUrl=" + Uri.EscapeDataString("/disclosure?q=食品 经营"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/disclosure?q=%E9%A3%9F%E5%93%81%20%E7%BB%8F%E8%90%A5", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_site_icon_is_served()
    {
        var icon = await app.Anonymous().GetAsync("/favicon.ico");
        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Contains("<link rel=\"icon\"", await LoginPageAsync(null));
    }
}
