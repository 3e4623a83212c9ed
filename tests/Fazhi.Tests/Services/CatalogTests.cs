using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using MiniExcelLibs;

namespace Fazhi.Tests.Services;

public sealed class CatalogTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    [Fact]
    public async Task Editing_an_item_publishes_a_new_version_and_earlier_applications_keep_theirs()
    {
        var admin = await app.SignedInAsync("admin");
        var clerk = await app.SignedInAsync("clerk");
        var before = await admin.GetFromJsonAsync<JsonElement>("/api/services/items/TX-SB-003");
        var window = (await clerk.GetFromJsonAsync<JsonElement>("/api/org/windows"))[0].GetProperty("id").GetGuid();
        var taken = await (await clerk.PostAsJsonAsync("/api/services/applications", new
        {
            itemCode = "TX-SB-003", windowId = window, applicant = new { kind = "Person", name = "陈大文", idNumber = IntakeTests.ValidId, phone = "13800001234" },
            materials = before.GetProperty("elements").GetProperty("materials").EnumerateArray().Select(m => new { key = m.GetProperty("key").GetString(), provided = true }),
            outcome = "accept",
        })).Content.ReadFromJsonAsync<JsonElement>();

        var elements = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(before.GetProperty("elements").GetRawText())!;
        var changed = new Dictionary<string, object>(elements.Select(e => new KeyValuePair<string, object>(e.Key, e.Value))) { ["committedLimitDays"] = 3, ["name"] = "失业登记（新版）" };
        var published = await admin.PutAsJsonAsync("/api/services/items/TX-SB-003", changed);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var after = await published.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(before.GetProperty("version").GetInt32() + 1, after.GetProperty("version").GetInt32());

        var old = await admin.GetFromJsonAsync<JsonElement>($"/api/services/items/TX-SB-003?version={before.GetProperty("version").GetInt32()}");
        Assert.Equal("失业登记", old.GetProperty("elements").GetProperty("name").GetString());
        var progress = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/progress/{taken.GetProperty("queryToken").GetString()}");
        Assert.Equal("失业登记", progress.GetProperty("itemName").GetString());
    }

    [Fact]
    public async Task A_committed_limit_longer_than_the_statutory_one_is_refused()
    {
        var admin = await app.SignedInAsync("admin");
        var item = await admin.GetFromJsonAsync<JsonElement>("/api/services/items/TX-HJ-002");
        var elements = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(item.GetProperty("elements").GetRawText())!;
        var bad = new Dictionary<string, object>(elements.Select(e => new KeyValuePair<string, object>(e.Key, e.Value))) { ["committedLimitDays"] = 99 };
        var response = await admin.PutAsJsonAsync("/api/services/items/TX-HJ-002", bad);
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("committedLimitDays", problem.ErrorFields());
    }

    [Fact]
    public async Task The_catalog_exports_to_Excel_and_an_import_of_the_same_file_changes_nothing()
    {
        var admin = await app.SignedInAsync("admin");
        var bytes = await admin.GetByteArrayAsync("/api/services/catalog/export");
        var items = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "事项").Cast<IDictionary<string, object>>().ToList();
        var materials = MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: true, sheetName: "材料").Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(items, r => (string)r["编码"] == "TX-MFBJ-001");
        Assert.Contains(materials, r => (string)r["事项编码"] == "TX-MFBJ-001" && (string)r["名称"] == "户口簿");

        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "catalog.xlsx");
        var report = await (await admin.PostAsync("/api/services/catalog/import", content)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, report.GetProperty("created").GetInt32());
        Assert.Equal(0, report.GetProperty("errors").GetArrayLength());
    }

    [Fact]
    public async Task An_administrator_publishes_from_the_catalog_page()
    {
        var admin = await app.BrowserSignedInAsync("admin");
        var page = await admin.GetStringAsync("/admin/catalog/TX-WS-002");
        Assert.Contains("form|申请表|1|0|是", page, StringComparison.Ordinal);
        var response = await FazhiFactory.PostFormAsync(admin, "/admin/catalog/TX-WS-002", "catalog-item", new()
        {
            ["Form.Name"] = "生育登记", ["Form.DepartmentCode"] = "TX-HEALTH", ["Form.Theme"] = "婚育服务", ["Form.LegalBasis"] = "《广东省人口与计划生育条例》",
            ["Form.Conditions"] = "", ["Form.Fees"] = "不收费", ["Form.StatutoryLimitDays"] = "20", ["Form.CommittedLimitDays"] = "1", ["Form.Place"] = "市民服务中心",
            ["Form.Hours"] = "工作日", ["Form.Online"] = "true", ["Form.MaxVisits"] = "0",
            ["Form.Materials"] = "form|申请表|1|0|是|\nid|身份证|1|1|是|", ["Form.Stages"] = "审查|TX-HEALTH|reviewer|1\n决定|NO-SUCH|reviewer|1",
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("每个环节须有名称和部门", html, StringComparison.Ordinal);
        Assert.Contains("决定|NO-SUCH|reviewer|1", html, StringComparison.Ordinal);
    }
}
