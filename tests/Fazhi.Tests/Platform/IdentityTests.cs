using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform;

namespace Fazhi.Tests.Platform;

public sealed class IdentityTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    [Theory]
    [InlineData("admin", "administrator")]
    [InlineData("clerk", "window_clerk")]
    [InlineData("reviewer", "reviewer")]
    [InlineData("supervisor", "supervisor")]
    public async Task Demo_accounts_sign_in_to_the_api_with_the_demo_password(string userName, string role)
    {
        var response = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName, password = "Demo#2019" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(string.IsNullOrEmpty(token.GetProperty("accessToken").GetString()));
        Assert.True(token.GetProperty("expiresIn").GetInt64() > 0);

        var client = await app.SignedInAsync(userName);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(userName, me.GetProperty("userName").GetString());
        Assert.Contains(role, me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_without_saying_which_part_was_wrong()
    {
        var client = app.Anonymous();
        var wrong = await client.PostAsJsonAsync("/api/auth/login", new { userName = "reviewer", password = "nope" });
        var unknown = await client.PostAsJsonAsync("/api/auth/login", new { userName = "nobody", password = "nope" });
        var p1 = await wrong.ReadProblemAsync(HttpStatusCode.Unauthorized);
        var p2 = await unknown.ReadProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("auth.invalid_credentials", p1.Code());
        Assert.Equal(p1.GetProperty("title").GetString(), p2.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Five_failures_lock_the_account_for_fifteen_minutes_and_the_log_shows_each()
    {
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await client.PostAsJsonAsync("/api/auth/login", new { userName = "reviewer.land", password = "wrong-" + i });
        }

        var locked = await client.PostAsJsonAsync("/api/auth/login", new { userName = "reviewer.land", password = "Demo#2019" });
        Assert.Equal("auth.locked_out", (await locked.ReadProblemAsync(HttpStatusCode.Forbidden)).Code());

        app.Time.Advance(TimeSpan.FromMinutes(14));
        var stillLocked = await client.PostAsJsonAsync("/api/auth/login", new { userName = "reviewer.land", password = "Demo#2019" });
        Assert.Equal(HttpStatusCode.Forbidden, stillLocked.StatusCode);

        app.Time.Advance(TimeSpan.FromMinutes(2));
        var open = await client.PostAsJsonAsync("/api/auth/login", new { userName = "reviewer.land", password = "Demo#2019" });
        Assert.Equal(HttpStatusCode.OK, open.StatusCode);

        var admin = await app.SignedInAsync("admin");
        var log = await admin.GetFromJsonAsync<JsonElement>("/api/auth/login-log?userName=reviewer.land&pageSize=20");
        var outcomes = log.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("outcome").GetString()).Reverse().ToList();
        Assert.Equal(["Failed", "Failed", "Failed", "Failed", "LockedOut", "LockedOut", "LockedOut", "Succeeded"], outcomes);

        var export = await admin.GetAsync("/api/auth/login-log/export?userName=reviewer.land");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType?.MediaType);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true).Count();
        Assert.Equal(8, rows);
    }

    [Fact]
    public async Task Only_administrators_read_the_login_log()
    {
        var clerk = await app.SignedInAsync("clerk");
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/api/auth/login-log")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/auth/login-log")).StatusCode);
    }

    [Fact]
    public async Task The_login_page_is_Chinese_by_default_shows_the_demo_accounts_and_switches_to_English()
    {
        var client = app.Anonymous();
        var zh = await client.GetStringAsync("/login");
        Assert.Contains("<h1>登录</h1>", zh);
        Assert.Contains("Demo#2019", zh);
        Assert.Contains("lang=\"zh-CN\"", zh);

        var switched = await client.GetAsync("/culture/en?returnUrl=/login");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var cookie = switched.Headers.GetValues("Set-Cookie").First().Split(';')[0];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/login");
        request.Headers.Add("Cookie", cookie);
        var en = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        Assert.Contains("<h1>Sign in</h1>", en);
        Assert.Contains("lang=\"en\"", en);
    }

    [Fact]
    public async Task A_signed_out_visitor_is_sent_to_the_login_page()
    {
        var response = await app.Anonymous().GetAsync("/org/staff");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("short1A", "password_too_short")]
    [InlineData("alllowercase", "password_classes")]
    [InlineData("lowercase123", "password_classes")]
    public async Task New_passwords_must_meet_the_policy(string password, string code)
    {
        var admin = await app.SignedInAsync("admin");
        var dept = (await admin.GetFromJsonAsync<JsonElement>("/api/org/nodes")).EnumerateArray().First(n => n.GetProperty("code").GetString() == "TX-SVC").GetProperty("id").GetGuid();
        var response = await admin.PostAsJsonAsync("/api/org/staff", new
        {
            userName = "policy." + code, displayName = "测试", departmentId = dept, roles = new[] { "window_clerk" }, dataScope = "Self", password,
        });
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains(code, problem.GetProperty("fieldCodes").GetProperty("password").EnumerateArray().Select(c => c.GetString()));
    }
}

public sealed class FirstAdministratorTests(EmptyFactory app) : IClassFixture<EmptyFactory>
{
    [Fact]
    public async Task A_production_install_has_no_demo_data_until_the_first_administrator_is_created()
    {
        var login = await app.Anonymous().GetStringAsync("/login");
        Assert.DoesNotContain("Demo#2019", login);
        var demo = await app.Anonymous().PostAsJsonAsync("/api/auth/login", new { userName = "admin", password = "Demo#2019" });
        Assert.Equal(HttpStatusCode.Unauthorized, demo.StatusCode);

        var weak = new StringWriter();
        Assert.Equal(1, await Cli.RunAsync(app.Services, ["admin", "create", "--user", "chief", "--password", "weakpassword"], weak));
        Assert.Contains("three of", weak.ToString());

        var output = new StringWriter();
        Assert.Equal(0, await Cli.RunAsync(app.Services, ["admin", "create", "--user", "chief", "--password", "Str0ng-Passw0rd", "--town", "塘厦镇人民政府"], output));
        var chief = await app.SignedInAsync("chief", "Str0ng-Passw0rd");
        var me = await chief.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(["administrator"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
        var nodes = await chief.GetFromJsonAsync<JsonElement>("/api/org/nodes");
        Assert.Equal("塘厦镇人民政府", nodes.EnumerateArray().Single().GetProperty("name").GetString());
    }
}
