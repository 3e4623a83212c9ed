using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.Organisation;

/// <summary>The data scope is enforced in the queries: what an account may not see does not exist for it.</summary>
public sealed class DataScopeTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private async Task<List<JsonElement>> StaffSeenByAsync(string userName)
    {
        var client = await app.SignedInAsync(userName);
        var page = await client.GetFromJsonAsync<JsonElement>("/api/org/staff?pageSize=200");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private async Task<Guid> IdOfAsync(string userName) =>
        (await StaffSeenByAsync("admin")).Single(s => s.GetProperty("userName").GetString() == userName).GetProperty("id").GetGuid();

    [Fact]
    public async Task A_department_account_lists_only_its_own_department()
    {
        var seen = await StaffSeenByAsync("reviewer");
        Assert.NotEmpty(seen);
        Assert.All(seen, s => Assert.Equal("规划管理所", s.GetProperty("departmentName").GetString()));
    }

    [Fact]
    public async Task A_self_scoped_account_sees_only_itself()
    {
        var seen = await StaffSeenByAsync("clerk2");
        Assert.Equal(["clerk2"], seen.Select(s => s.GetProperty("userName").GetString()!));
    }

    [Fact]
    public async Task Department_and_below_reaches_the_units_under_the_department_and_nothing_else()
    {
        var names = (await StaffSeenByAsync("justice.head")).Select(s => s.GetProperty("userName").GetString()).ToList();
        Assert.Contains("mediator", names); // 镇人民调解委员会, a unit of 司法所
        Assert.DoesNotContain("officer.msa", names);
        Assert.Contains("justice.head", names);
        Assert.DoesNotContain("reviewer", names);
        Assert.DoesNotContain("admin", names);
    }

    [Fact]
    public async Task Administrators_see_every_department()
    {
        var departments = (await StaffSeenByAsync("admin")).Select(s => s.GetProperty("departmentName").GetString()).Distinct().Count();
        Assert.True(departments >= 8, $"only {departments} departments seen");
    }

    [Theory]
    [InlineData("reviewer", "admin")]
    [InlineData("reviewer", "reviewer.build")]
    [InlineData("clerk2", "clerk")]
    [InlineData("justice.head", "officer.msa")]
    public async Task A_record_outside_the_scope_answers_404_exactly_like_a_missing_one(string viewer, string other)
    {
        var client = await app.SignedInAsync(viewer);
        var foreign = await client.GetAsync($"/api/org/staff/{await IdOfAsync(other)}");
        var missing = await client.GetAsync($"/api/org/staff/{Guid.NewGuid()}");
        var p1 = await foreign.ReadProblemAsync(HttpStatusCode.NotFound);
        var p2 = await missing.ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(p2.GetProperty("title").GetString(), p1.GetProperty("title").GetString());
        Assert.DoesNotContain(other, await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_and_exporting_do_not_leak_other_departments()
    {
        var client = await app.SignedInAsync("reviewer");
        var search = await client.GetFromJsonAsync<JsonElement>("/api/org/staff?q=admin");
        Assert.Equal(0, search.GetProperty("total").GetInt32());

        var export = await client.GetAsync("/api/org/staff/export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(await export.Content.ReadAsStreamAsync(), useHeaderRow: true)
            .Cast<IDictionary<string, object>>().Select(r => r["用户名"]?.ToString()).ToList();
        // Exactly the reviewer's own department's accounts, as the administrator sees them, and no one else's.
        var admin = await app.SignedInAsync("admin");
        var own = (await admin.GetFromJsonAsync<JsonElement>("/api/org/staff?q=reviewer")).GetProperty("items").EnumerateArray()
            .Single(s => s.GetProperty("userName").GetString() == "reviewer").GetProperty("departmentId").GetString();
        var colleagues = (await admin.GetFromJsonAsync<JsonElement>($"/api/org/staff?departmentId={own}&pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(s => s.GetProperty("userName").GetString()).ToList();
        Assert.Contains("reviewer", rows);
        Assert.Equal(colleagues.Order(StringComparer.Ordinal), rows.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("admin", rows);
    }

    [Fact]
    public async Task The_staff_page_of_a_foreign_account_shows_not_found()
    {
        var id = await IdOfAsync("admin");
        var client = app.CreateClient();
        var loginPage = await client.GetStringAsync("/login");
        var token = System.Text.RegularExpressions.Regex.Match(loginPage, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = "reviewer", ["Input.Password"] = FazhiFactory.DemoPassword,
        });
        var signedIn = await client.PostAsync("/login", form);
        Assert.Contains("李国强", await signedIn.Content.ReadAsStringAsync());
        var response = await client.GetAsync($"/org/staff/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        Assert.Contains("找不到页面", page);
        Assert.DoesNotContain("系统管理员", page);
    }
}
