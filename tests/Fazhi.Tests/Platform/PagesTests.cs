using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.Platform;

/// <summary>Every page a user depends on opens, in both languages, on both databases.</summary>
public sealed class PagesTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private async Task<List<string>> PagesAsync()
    {
        var admin = await app.SignedInAsync("admin");
        var node = (await admin.GetFromJsonAsync<JsonElement>("/api/org/nodes"))[1].GetProperty("id").GetGuid();
        var window = (await admin.GetFromJsonAsync<JsonElement>("/api/org/windows"))[0].GetProperty("id").GetGuid();
        var staff = (await admin.GetFromJsonAsync<JsonElement>("/api/org/staff")).GetProperty("items")[0].GetProperty("id").GetGuid();
        return
        [
            "/", "/org", "/org/nodes/new", $"/org/nodes/{node}", "/org/windows", "/org/windows/new", $"/org/windows/{window}",
            "/org/staff", "/org/staff?q=clerk&page=1", "/org/staff/new", $"/org/staff/{staff}", "/org/import",
            "/calendar", "/calendar?year=2019", "/calendar?year=2031", "/admin/login-log", "/admin/audit?action=create", "/api-docs",
        ];
    }

    [Theory]
    [InlineData("zh-CN", "退出")]
    [InlineData("en", "Sign out")]
    public async Task Every_page_opens_for_an_administrator(string culture, string signOut)
    {
        var client = await app.BrowserSignedInAsync("admin");
        foreach (var url in await PagesAsync())
        {
            var response = await client.GetAsync(url + (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture);
            var html = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
            Assert.Contains("<h1", html, StringComparison.Ordinal);
            Assert.Contains(signOut, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Administration_pages_are_closed_to_other_roles()
    {
        var clerk = await app.BrowserSignedInAsync("clerk");
        foreach (var url in new[] { "/org/import", "/admin/login-log", "/admin/audit" })
        {
            var response = await clerk.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_form_with_errors_shows_them_beside_the_fields_and_keeps_what_was_typed()
    {
        var admin = await app.BrowserSignedInAsync("admin");
        var response = await FazhiFactory.PostFormAsync(admin, "/org/windows/new", "window", new()
        {
            ["Form.Number"] = "3", ["Form.Name"] = "<script>alert(1)</script>新窗口", ["Form.Kind"] = "Thematic", ["Form.Theme"] = "",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("主题类窗口须填写主题", html, StringComparison.Ordinal);
        Assert.Contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;新窗口\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);

        var second = await FazhiFactory.PostFormAsync(admin, "/org/windows/new", "window", new()
        {
            ["Form.Number"] = "3", ["Form.Name"] = "新窗口", ["Form.Kind"] = "Thematic", ["Form.Theme"] = "企业开办",
        });
        var again = await second.Content.ReadAsStringAsync();
        Assert.Contains("窗口号 3 已被使用", again, StringComparison.Ordinal);
        Assert.Contains("value=\"企业开办\"", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_that_is_right_saves_and_shows_the_saved_record()
    {
        var admin = await app.BrowserSignedInAsync("admin");
        var response = await FazhiFactory.PostFormAsync(admin, "/org/windows/new", "window", new()
        {
            ["Form.Number"] = "31", ["Form.Name"] = "不动产登记窗口（二）", ["Form.Kind"] = "Thematic", ["Form.Theme"] = "不动产登记", ["Form.IsActive"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await admin.GetStringAsync(response.Headers.Location!.ToString());
        Assert.Contains("不动产登记窗口（二）", saved, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_session_ends_after_thirty_idle_minutes()
    {
        var client = await app.BrowserSignedInAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        app.Time.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode); // activity renews the session
        app.Time.Advance(TimeSpan.FromMinutes(31));
        var expired = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.StartsWith("/login", expired.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }
}
