using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Modules.Services.Domain;

namespace Fazhi.Tests.Services;

public sealed class ServicePagesTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    [Fact]
    public async Task The_public_catalog_finds_items_and_shows_every_element()
    {
        var client = app.Anonymous();
        var list = await client.GetStringAsync("/services?q=民房");
        Assert.Contains("农村村民住宅建设审批（民房报建）", list, StringComparison.Ordinal);
        var item = await client.GetStringAsync("/services/items/TX-MFBJ-001");
        foreach (var text in new[] { "土地管理法", "户口簿", "联合审查", "20 个工作日", "45 个工作日", "不收费" })
        {
            Assert.Contains(text, item, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task The_demo_catalog_has_about_thirty_items_and_the_joint_review_of_residential_permits()
    {
        var page = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/services/items?page=1");
        Assert.InRange(page.GetProperty("total").GetInt32(), 28, 40);
        var item = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/services/items/TX-MFBJ-001");
        Assert.True(item.GetProperty("jointReview").GetBoolean());
        var joint = item.GetProperty("elements").GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("departmentIds").GetArrayLength() == 3);
        Assert.Contains("联合审查", joint.GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_one_time_notice_prints_and_downloads_as_a_Word_document_with_a_QR_code()
    {
        var client = app.Anonymous();
        var page = await client.GetStringAsync("/services/items/TX-QY-001/notice");
        Assert.Contains("一次性书面告知清单", page, StringComparison.Ordinal);
        Assert.Contains("id=\"notice-qr\"", page, StringComparison.Ordinal);

        var docx = await client.GetAsync("/services/items/TX-QY-001/notice.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false);
        var text = doc.MainDocumentPart!.Document.Body!.InnerText;
        Assert.Contains("个体工商户设立登记", text, StringComparison.Ordinal);
        Assert.Contains("申请人居民身份证", text, StringComparison.Ordinal);
        Assert.Single(doc.MainDocumentPart.ImageParts);
    }

    [Fact]
    public async Task A_clerk_takes_an_application_on_the_intake_page_and_prints_the_receipt()
    {
        var clerk = await app.BrowserSignedInAsync("clerk");
        var window = (await (await app.SignedInAsync("clerk")).GetFromJsonAsync<JsonElement>("/api/org/windows"))[0].GetProperty("id").GetGuid();
        var fields = new Dictionary<string, string>
        {
            ["Form.IdempotencyKey"] = Guid.NewGuid().ToString("N"), ["Form.WindowId"] = window.ToString(), ["Form.Kind"] = "Person",
            ["Form.Name"] = "黄<b>小</b>明", ["Form.IdNumber"] = "110105194912310021", ["Form.Phone"] = "13800001234", ["Form.Outcome"] = "accept",
        };
        var bad = await FazhiFactory.PostFormAsync(clerk, "/window/intake/TX-HJ-003", "intake", fields);
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("身份证号码不正确", html, StringComparison.Ordinal);
        Assert.Contains("value=\"黄&lt;b&gt;小&lt;/b&gt;明\"", html, StringComparison.Ordinal);

        fields["Form.IdNumber"] = IntakeTests.ValidId;
        fields["Form.Name"] = "黄小明";
        using var content = new FormUrlEncodedContent(fields.Append(new("Form.Provided", "form")).Append(new("Form.Provided", "id"))
            .Append(new("_handler", "intake"))
            .Append(new("__RequestVerificationToken", Token(await clerk.GetStringAsync("/window/intake/TX-HJ-003")))));
        var ok = await clerk.PostAsync("/window/intake/TX-HJ-003", content);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var receipt = await clerk.GetStringAsync(ok.Headers.Location!.ToString());
        Assert.Contains("受理回执", receipt, StringComparison.Ordinal);
        Assert.Matches("TX2026-\\d{6}", receipt);
        Assert.Contains("1101**********", receipt.Replace(IntakeTests.ValidId[..4], "1101", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(IntakeTests.ValidId, receipt, StringComparison.Ordinal);
        Assert.Contains("data:image/png;base64,", receipt, StringComparison.Ordinal);

        var thermal = await clerk.GetStringAsync(ok.Headers.Location + "?layout=thermal");
        Assert.Contains("receipt thermal", thermal, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_progress_page_is_for_a_phone_and_masks_the_applicant()
    {
        var clerk = await app.SignedInAsync("clerk");
        var windows = await clerk.GetFromJsonAsync<JsonElement>("/api/org/windows");
        var created = await clerk.PostAsJsonAsync("/api/services/applications", new
        {
            itemCode = "TX-SB-002", windowId = windows[0].GetProperty("id").GetGuid(),
            applicant = new { kind = "Person", name = "欧阳小明", idNumber = IntakeTests.ValidId, phone = "13800001234" },
            materials = new[] { new { key = "form", provided = true }, new { key = "id", provided = true } }, outcome = "accept",
        });
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        var token = body.GetProperty("queryToken").GetString();

        var zh = await app.Anonymous().GetStringAsync($"/q/{token}");
        Assert.Contains("欧**明", zh, StringComparison.Ordinal);
        Assert.DoesNotContain("欧阳小明", zh, StringComparison.Ordinal);
        Assert.Contains("已受理，办理中", zh, StringComparison.Ordinal);
        Assert.Contains("name=\"viewport\"", zh, StringComparison.Ordinal);
        var en = await app.Anonymous().GetStringAsync($"/q/{token}?culture=en");
        Assert.Contains("Accepted, in progress", en, StringComparison.Ordinal);

        var unknown = await app.Anonymous().GetAsync("/q/AAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("找不到页面", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var kiosk = await app.Anonymous().GetStringAsync($"/kiosk?number={body.GetProperty("number").GetString()}&tail={IntakeTests.ValidId[^6..]}");
        Assert.Contains("欧**明", kiosk, StringComparison.Ordinal);
        var wrongTail = await app.Anonymous().GetStringAsync($"/kiosk?number={body.GetProperty("number").GetString()}&tail=000000");
        Assert.Contains("kiosk-missing", wrongTail, StringComparison.Ordinal);
    }

    private static string Token(string page) =>
        Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
}

public sealed class RateLimitTests(RateLimitedFactory app) : IClassFixture<RateLimitedFactory>
{
    [Fact]
    public async Task Public_lookups_are_rate_limited_per_client()
    {
        var client = app.Anonymous();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            statuses.Add((await client.GetAsync("/api/public/progress/AAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
        }

        Assert.Equal(5, statuses.Count(s => s == HttpStatusCode.NotFound));
        Assert.Equal(3, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
    }
}

public sealed class RateLimitedFactory : FazhiFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Fazhi:PublicLookupsPerMinute", "5");
    }
}
