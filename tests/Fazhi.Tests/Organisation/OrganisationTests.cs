using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using MiniExcelLibs;

namespace Fazhi.Tests.Organisation;

public sealed class OrganisationTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private async Task<List<JsonElement>> NodesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/org/nodes")).EnumerateArray().ToList();

    private static Guid IdOf(List<JsonElement> nodes, string code) =>
        nodes.Single(n => n.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();

    [Fact]
    public async Task The_demo_town_has_the_shape_of_the_report()
    {
        var client = await app.SignedInAsync("clerk");
        var nodes = await NodesAsync(client);
        Assert.Single(nodes, n => n.GetProperty("kind").GetString() == "Town");
        Assert.Equal(15, nodes.Count(n => n.GetProperty("enforcesLaw").GetBoolean()));
        foreach (var name in new[] { "依法治镇办", "司法所", "信访办", "人力资源和社会保障分局", "市场监督管理分局", "规划管理所", "住房和城乡建设分局", "镇委办公室", "镇政府办公室" })
        {
            Assert.Contains(nodes, n => n.GetProperty("name").GetString() == name);
        }

        Assert.True(nodes.Count(n => n.GetProperty("kind").GetString() == "Community") >= 20);
        Assert.Equal(6, nodes.Count(n => n.GetProperty("name").GetString()!.EndsWith("派出所", StringComparison.Ordinal)));

        var windows = (await client.GetFromJsonAsync<JsonElement>("/api/org/windows")).EnumerateArray().ToList();
        Assert.Equal(25, windows.Count);
        Assert.Equal(Enumerable.Range(1, 25), windows.Select(w => w.GetProperty("number").GetInt32()));
        Assert.Contains(windows, w => w.GetProperty("kind").GetString() == "Thematic" && w.GetProperty("theme").GetString() == "民房报建");
    }

    [Fact]
    public async Task Invalid_organisation_data_is_refused_field_by_field_and_nothing_is_saved()
    {
        var admin = await app.SignedInAsync("admin");
        var before = (await NodesAsync(admin)).Count;

        var empty = await admin.PostAsJsonAsync("/api/org/nodes", new { code = "bad code!", name = "", kind = "Department" });
        var problem = await empty.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["code", "name"], problem.ErrorFields().Order());

        var noParent = await admin.PostAsJsonAsync("/api/org/nodes", new { code = "NO-PARENT", name = "无上级", kind = "Department" });
        Assert.Equal("org.parent_required", (await noParent.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());

        var taken = await admin.PostAsJsonAsync("/api/org/nodes", new { code = "TX-LAW", name = "重复", kind = "Department", parentId = IdOf(await NodesAsync(admin), "TX") });
        Assert.Equal("org.code_taken", (await taken.ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        var wrongKind = await admin.PostAsJsonAsync("/api/org/nodes", new { code = "K", name = "k", kind = "Galaxy" });
        var kindProblem = await wrongKind.ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("kind", kindProblem.GetProperty("field").GetString());

        Assert.Equal(before, (await NodesAsync(admin)).Count);
    }

    [Fact]
    public async Task A_node_cannot_be_moved_under_its_own_descendant()
    {
        var admin = await app.SignedInAsync("admin");
        var nodes = await NodesAsync(admin);
        var justice = IdOf(nodes, "TX-JUS");
        var response = await admin.PutAsJsonAsync($"/api/org/nodes/{justice}", new { name = "司法所", kind = "Department", parentId = IdOf(nodes, "TX-JUS-MED") });
        Assert.Equal("org.parent_cycle", (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
    }

    [Fact]
    public async Task Windows_have_unique_numbers_and_a_stale_edit_gets_409()
    {
        var admin = await app.SignedInAsync("admin");
        var dup = await admin.PostAsJsonAsync("/api/org/windows", new { number = 3, name = "重复", kind = "General" });
        Assert.Equal("window.number_taken", (await dup.ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        var window = (await admin.GetFromJsonAsync<JsonElement>("/api/org/windows")).EnumerateArray().First(w => w.GetProperty("number").GetInt32() == 5);
        var id = window.GetProperty("id").GetGuid();
        var version = window.GetProperty("rowVersion").GetGuid();
        var first = await admin.PutAsJsonAsync($"/api/org/windows/{id}", new { number = 5, name = "综合窗口 05（甲）", kind = "General", rowVersion = version });
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var second = await admin.PutAsJsonAsync($"/api/org/windows/{id}", new { number = 5, name = "综合窗口 05（乙）", kind = "General", rowVersion = version });
        Assert.Equal("concurrency_conflict", (await second.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task Only_administrators_change_the_organisation()
    {
        var clerk = await app.SignedInAsync("clerk");
        var response = await clerk.PostAsJsonAsync("/api/org/windows", new { number = 77, name = "x", kind = "General" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task The_organisation_exports_to_Excel_and_imports_back_with_every_bad_row_reported()
    {
        var admin = await app.SignedInAsync("admin");
        var export = await admin.GetAsync("/api/org/export");
        var bytes = await export.Content.ReadAsByteArrayAsync();
        var nodeRows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "机构").Cast<IDictionary<string, object>>().ToList();
        var windowRows = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "窗口").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(nodeRows, r => (string)r["编码"] == "TX-LAW" && (string)r["上级编码"] == "TX");
        Assert.True(windowRows.Count >= 25);

        var sheet = new List<Dictionary<string, object>>
        {
            new() { ["编码"] = "TX-NEW", ["名称"] = "新设办公室", ["类型"] = "部门", ["上级编码"] = "TX", ["排序"] = 99, ["执法部门"] = "否" },
            new() { ["编码"] = "TX-NEW-1", ["名称"] = "新设办公室一组", ["类型"] = "单位", ["上级编码"] = "TX-NEW", ["排序"] = 1, ["执法部门"] = "否" },
            new() { ["编码"] = "TX-BAD", ["名称"] = "", ["类型"] = "部门", ["上级编码"] = "TX", ["排序"] = 1, ["执法部门"] = "否" },
            new() { ["编码"] = "TX-ORPHAN", ["名称"] = "孤儿", ["类型"] = "部门", ["上级编码"] = "NOPE", ["排序"] = 1, ["执法部门"] = "否" },
            new() { ["编码"] = "TX-ALIEN", ["名称"] = "外星", ["类型"] = "星球", ["上级编码"] = "TX", ["排序"] = 1, ["执法部门"] = "否" },
        };
        var report = await ImportAsync(admin, "/api/org/import", sheet);
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        var errorRows = report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()).ToList();
        Assert.Equal([4, 5, 6], errorRows);

        var nodes = await NodesAsync(admin);
        Assert.Contains(nodes, n => n.GetProperty("code").GetString() == "TX-NEW-1" && n.GetProperty("parentId").GetGuid() == IdOf(nodes, "TX-NEW"));
        Assert.DoesNotContain(nodes, n => n.GetProperty("code").GetString() is "TX-BAD" or "TX-ORPHAN" or "TX-ALIEN");
    }

    [Fact]
    public async Task Staff_import_saves_the_valid_rows_and_names_each_bad_row()
    {
        var admin = await app.SignedInAsync("admin");
        var sheet = new List<Dictionary<string, object>>
        {
            new() { ["用户名"] = "import.ok", ["姓名"] = "导入甲", ["部门编码"] = "TX-SVC", ["角色"] = "窗口人员", ["数据范围"] = "仅本人", ["手机"] = "13800000001", ["初始密码"] = "Import#2026x" },
            new() { ["用户名"] = "import.weak", ["姓名"] = "导入乙", ["部门编码"] = "TX-SVC", ["角色"] = "window_clerk", ["数据范围"] = "本部门", ["手机"] = "", ["初始密码"] = "weak" },
            new() { ["用户名"] = "import.nodept", ["姓名"] = "导入丙", ["部门编码"] = "XX-NONE", ["角色"] = "reviewer", ["数据范围"] = "本部门", ["手机"] = "", ["初始密码"] = "Import#2026x" },
            new() { ["用户名"] = "import.norole", ["姓名"] = "导入丁", ["部门编码"] = "TX-SVC", ["角色"] = "", ["数据范围"] = "本部门", ["手机"] = "", ["初始密码"] = "Import#2026x" },
            new() { ["用户名"] = "import.ok2", ["姓名"] = "导入戊", ["部门编码"] = "TX-PLAN", ["角色"] = "reviewer,supervisor", ["数据范围"] = "本部门", ["手机"] = "", ["初始密码"] = "Import#2026x" },
        };
        var report = await ImportAsync(admin, "/api/org/staff/import", sheet);
        Assert.Equal(2, report.GetProperty("created").GetInt32());
        Assert.Equal([3, 4, 5], report.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("row").GetInt32()).Distinct());

        var imported = await app.SignedInAsync("import.ok2", "Import#2026x");
        var me = await imported.GetFromJsonAsync<JsonElement>("/api/auth/me");
        Assert.Equal(["reviewer", "supervisor"], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!));
    }

    [Fact]
    public async Task A_file_that_is_not_a_spreadsheet_is_refused()
    {
        var admin = await app.SignedInAsync("admin");
        using var content = new MultipartFormDataContent();
        var exe = new ByteArrayContent([0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00]);
        exe.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(exe, "file", "staff.xlsx");
        var response = await admin.PostAsync("/api/org/staff/import", content);
        Assert.Equal("import.not_xlsx", (await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, string url, List<Dictionary<string, object>> rows)
    {
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(stream.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "import.xlsx");
        var response = await client.PostAsync(url, content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }
}
