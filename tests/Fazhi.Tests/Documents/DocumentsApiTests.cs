using System.Globalization;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Privacy;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Documents;

/// <summary>What the documents' HTTP tests share: the answers as a client reads them, the caller's department, the day in China.</summary>
internal static class DocumentsApiSteps
{
    /// <summary>A one-page PDF: the meeting's minutes.</summary>
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    public static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static async Task NoContentAsync(Task<HttpResponseMessage> call)
    {
        var r = await call;
        Assert.True(r.StatusCode == HttpStatusCode.NoContent, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }

    /// <summary>A register's 200 with the new row's id (plans, firms, advisors, contracts, assignments).</summary>
    public static async Task<Guid> NewIdAsync(Task<HttpResponseMessage> call)
    {
        var r = await call;
        Assert.True(r.StatusCode == HttpStatusCode.OK, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>The signed-in account's own department, as /api/auth/me tells it.</summary>
    public static async Task<Guid> DepartmentAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("departmentId").GetGuid();

    public static async Task<JsonElement> ViewAsync(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/api/documents/{id}");

    public static async Task<int> SeenAsync(HttpClient client, Guid id) => (await ViewAsync(client, id)).GetProperty("seenEvents").GetInt32();

    public static DateOnly Today(FazhiFactory app) => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Moves the platform's clock forward to the same hour of <paramref name="day"/> (China time).</summary>
    public static void AdvanceTo(FazhiFactory app, DateOnly day) => app.Time.Advance(TimeSpan.FromDays(day.DayNumber - Today(app).DayNumber));

    /// <summary>The code of a field's error in a 422 (validation_failed lists them by field).</summary>
    public static string? FieldCode(JsonElement problem, string field) => problem.GetProperty("fieldCodes").GetProperty(field)[0].GetString();

    public static async Task<string> DocxTextAsync(HttpClient client, string url)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(await client.GetByteArrayAsync(url)), false);
        return doc.MainDocumentPart!.Document!.InnerText;
    }

    public static string Body(string title) =>
        $"{title}\n第一条 为了规范管理，根据有关法律法规，结合本镇实际，制定本办法。\n第二条 本办法适用于本镇行政区域。\n第三条 本办法自印发之日起施行。";

    public static object Draft(string title, string text, bool affectsRights = false, Guid? planItemId = null, Guid? departmentId = null) => new
    {
        kind = "Administrative", title, departmentId, planItemId, outsidePlanReason = planItemId is null ? "上级部署的新任务，未列入半年计划" : null, affectsRights, text,
    };

    /// <summary>A draft outside the plan in the drafter's own department; its id.</summary>
    public static async Task<Guid> DraftAsync(HttpClient drafter, string title, bool affectsRights = false) =>
        (await CreatedAsync(await drafter.PostAsJsonAsync("/api/documents", Draft(title, Body(title), affectsRights)))).GetProperty("id").GetGuid();
}

/// <summary>
/// A government document from its approved half-year plan through public comment, the legality check, the meeting and numbering to
/// filing and repeal, as the legal office, the drafting office and the public use it. The clock moves: this class has its platform to itself.
/// </summary>
public sealed class DocumentLifecycleApiTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private const string Title = "塘厦镇电动自行车停放充电管理办法";

    private const string Preamble = Title + "\n第一条 为了规范电动自行车停放充电，预防火灾事故，根据有关法律法规，制定本办法。";

    private const string First = Preamble + "\n第二条 禁止在楼道内停放电动自行车。\n第三条 本办法自印发之日起施行。";

    private const string Second = Preamble + "\n第二条 禁止在楼道、安全出口停放电动自行车或者为其充电。\n第三条 物业服务企业应当设置集中充电设施。\n第四条 本办法自印发之日起施行。";

    private static Task<Guid> PlanAsync(HttpClient office, string body, int year, int half) =>
        DocumentsApiSteps.NewIdAsync(office.PostAsJsonAsync("/api/documents/plans", new { body, year, half }));

    private static async Task<JsonElement> PlanViewAsync(HttpClient client, int year, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/documents/plans?year={year}")).EnumerateArray().Single(p => p.GetProperty("id").GetGuid() == id);

    [Fact]
    public async Task A_document_goes_from_its_approved_plan_through_comment_check_meeting_and_numbering_to_filing_and_repeal()
    {
        var office = await app.SignedInAsync("legal.officer");
        var drafter = await app.SignedInAsync("drafter.gov");
        var gov = await DocumentsApiSteps.DepartmentAsync(drafter);

        // The government's plan for the second half of 2026: one item for the government office, due in December.
        var planId = await PlanAsync(office, "Government", 2026, 2);
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/plans/{planId}/items", new { title = Title, departmentId = gov, dueMonth = 12 }));
        var march = await office.PostAsJsonAsync($"/api/documents/plans/{planId}/items", new { title = "塘厦镇户外广告设置管理办法", departmentId = gov, dueMonth = 3 });
        Assert.Equal("documents.due_month", DocumentsApiSteps.FieldCode(await march.ReadProblemAsync(HttpStatusCode.UnprocessableEntity), "dueMonth"));
        var twice = await office.PostAsJsonAsync("/api/documents/plans", new { body = "Government", year = 2026, half = 2 });
        Assert.Equal("documents.duplicate", (await twice.ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        // Next year's first half is planned but not approved yet: nothing is drafted under it.
        var nextPlan = await PlanAsync(office, "Government", 2027, 1);
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/plans/{nextPlan}/items", new { title = "塘厦镇城市道路占用挖掘管理办法", departmentId = gov, dueMonth = 3 }));
        var unapproved = Assert.Single((await PlanViewAsync(office, 2027, nextPlan)).GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        var tooSoon = await drafter.PostAsJsonAsync("/api/documents", DocumentsApiSteps.Draft("塘厦镇城市道路占用挖掘管理办法", DocumentsApiSteps.Body("塘厦镇城市道路占用挖掘管理办法"), planItemId: unapproved));
        Assert.Equal("documents.plan_not_approved", DocumentsApiSteps.FieldCode(await tooSoon.ReadProblemAsync(HttpStatusCode.UnprocessableEntity), "planItemId"));

        // Approved at the joint meeting the day before, with its minutes.
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("法治建设联席会议"), "meeting");
            form.Add(new StringContent("2026-11-24"), "approvedOn");
            var minutes = new ByteArrayContent(DocumentsApiSteps.Pdf);
            minutes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(minutes, "minutes", "minutes.pdf");
            await DocumentsApiSteps.NoContentAsync(office.PostAsync($"/api/documents/plans/{planId}/approval", form));
        }

        var plan = await PlanViewAsync(office, 2026, planId);
        Assert.Equal(("法治建设联席会议", "2026-11-24", true), (plan.GetProperty("meeting").GetString(), plan.GetProperty("approvedOn").GetString(), plan.GetProperty("hasMinutes").GetBoolean()));
        var itemId = Assert.Single(plan.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid();
        Assert.Equal(DocumentsApiSteps.Pdf, await office.GetByteArrayAsync($"/api/documents/plans/{planId}/minutes"));
        var afterApproval = await office.PostAsJsonAsync($"/api/documents/plans/{planId}/items", new { title = "塘厦镇户外广告设置管理办法", departmentId = gov, dueMonth = 11 });
        Assert.Equal("documents.plan_approved", (await afterApproval.ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        // The government office drafts under the item; a retry with the same key returns the same draft.
        var key = "documents-draft-" + Guid.NewGuid().ToString("N");
        async Task<HttpResponseMessage> DraftWithKeyAsync()
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/documents")
            {
                Content = JsonContent.Create(DocumentsApiSteps.Draft(Title, First, affectsRights: true, planItemId: itemId)),
            };
            request.Headers.Add("Idempotency-Key", key);
            return await drafter.SendAsync(request);
        }

        var first = await DraftWithKeyAsync();
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        var created = await DocumentsApiSteps.CreatedAsync(first);
        var id = created.GetProperty("id").GetGuid();
        Assert.Matches("^规草〔2026〕[0-9]+号$", created.GetProperty("draftNumber").GetString());
        var retry = await DraftWithKeyAsync();
        Assert.Equal(id, (await DocumentsApiSteps.CreatedAsync(retry)).GetProperty("id").GetGuid());
        Assert.Equal("true", Assert.Single(retry.Headers.GetValues("Idempotent-Replayed")));
        var planned = Assert.Single(Assert.Single((await PlanViewAsync(office, 2026, planId)).GetProperty("items").EnumerateArray()).GetProperty("documents").EnumerateArray());
        Assert.Equal(id, planned.GetProperty("id").GetGuid());

        // A second version, and the difference between the two line by line.
        var note = "根据消防救援大队意见，增加充电管理条款";
        await DocumentsApiSteps.NoContentAsync(drafter.PostAsJsonAsync($"/api/documents/{id}/versions", new { text = Second, note, seenEvents = await DocumentsApiSteps.SeenAsync(drafter, id) }));
        Assert.Equal(First, await drafter.GetStringAsync($"/api/documents/{id}/versions/1"));
        var diff = await drafter.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/diff?from=1&to=2");
        Assert.Equal((1, 2, 3, 2), (diff.GetProperty("from").GetInt32(), diff.GetProperty("to").GetInt32(), diff.GetProperty("inserted").GetInt32(), diff.GetProperty("deleted").GetInt32()));
        List<string?> Lines(string change) =>
            [.. diff.GetProperty("lines").EnumerateArray().Where(l => l.GetProperty("change").GetString() == change).Select(l => l.GetProperty("text").GetString())];
        Assert.Equal(["第二条 禁止在楼道内停放电动自行车。", "第三条 本办法自印发之日起施行。"], Lines("deleted"));
        Assert.Equal(["第二条 禁止在楼道、安全出口停放电动自行车或者为其充电。", "第三条 物业服务企业应当设置集中充电设施。", "第四条 本办法自印发之日起施行。"], Lines("inserted"));
        Assert.Equal([Title, "第一条 为了规范电动自行车停放充电，预防火灾事故，根据有关法律法规，制定本办法。"], Lines("unchanged"));

        // It affects citizens' rights: the check waits for the public's comment.
        var unheard = await drafter.PostAsJsonAsync($"/api/documents/{id}/check", new { });
        Assert.Equal("documents.comment_required", (await unheard.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        await DocumentsApiSteps.NoContentAsync(drafter.PostAsync($"/api/documents/{id}/comment/open?seenEvents={await DocumentsApiSteps.SeenAsync(drafter, id)}", null));
        var view = await DocumentsApiSteps.ViewAsync(drafter, id);
        // Opened on Wednesday 2026-11-25: the 30th day is Friday 12-25, a working day.
        Assert.Equal(("PublicComment", "2026-12-25"), (view.GetProperty("status").GetString(), view.GetProperty("commentDue").GetString()));
        var slug = view.GetProperty("slug").GetString()!;

        // A citizen comments without signing in; markup is kept as typed, as text.
        var citizen = app.Anonymous();
        const string Typed = "<script>alert(1)</script>建议";
        await DocumentsApiSteps.NoContentAsync(citizen.PostAsJsonAsync($"/api/public/documents/{slug}/comments", new { name = "林雪梅", text = Typed }));
        var page = await citizen.GetFromJsonAsync<JsonElement>($"/api/public/documents/{slug}");
        Assert.Equal((true, "2026-12-25"), (page.GetProperty("takesComments").GetBoolean(), page.GetProperty("commentDue").GetString()));
        Assert.Contains("第三条 物业服务企业应当设置集中充电设施。", page.GetProperty("text").GetString(), StringComparison.Ordinal);
        var shown = Assert.Single(page.GetProperty("comments").EnumerateArray());
        Assert.Equal((Typed, Masking.Name("林雪梅")), (shown.GetProperty("text").GetString(), shown.GetProperty("name").GetString()));
        // The public page shows it escaped: the markup is text, never a script.
        var html = await citizen.GetStringAsync($"/law/documents/{slug}");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;建议", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)", html, StringComparison.Ordinal);

        // The drafting office answers it once; the answer shows on the public page.
        var comment = Assert.Single((await DocumentsApiSteps.ViewAsync(drafter, id)).GetProperty("comments").EnumerateArray());
        Assert.Equal(Typed, comment.GetProperty("text").GetString());
        var commentId = comment.GetProperty("id").GetGuid();
        const string Answer = "已采纳，第三条增加设置集中充电设施的要求。";
        await DocumentsApiSteps.NoContentAsync(drafter.PostAsJsonAsync($"/api/documents/{id}/comments/{commentId}/answer", new { answer = Answer }));
        var answeredTwice = await drafter.PostAsJsonAsync($"/api/documents/{id}/comments/{commentId}/answer", new { answer = "再次答复" });
        Assert.Equal("documents.comment_answered", (await answeredTwice.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        page = await citizen.GetFromJsonAsync<JsonElement>($"/api/public/documents/{slug}");
        Assert.Equal(Answer, Assert.Single(page.GetProperty("comments").EnumerateArray()).GetProperty("answer").GetString());

        // The 30 days are the public's: the window does not close before they ran.
        var stillOpen = await (await drafter.PostAsync($"/api/documents/{id}/comment/close", null)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("documents.comment_still_open", stillOpen.Code());
        Assert.Contains("2026-12-25", stillOpen.GetProperty("title").GetString(), StringComparison.Ordinal);

        // Saturday 12-26: the page takes no more comments and the drafter closes the window, then sends the draft to the check.
        app.Time.Advance(TimeSpan.FromDays(31));
        Assert.Equal(new DateOnly(2026, 12, 26), DocumentsApiSteps.Today(app));
        office = await app.SignedInAsync("legal.officer");
        drafter = await app.SignedInAsync("drafter.gov");
        var late = await citizen.PostAsJsonAsync($"/api/public/documents/{slug}/comments", new { text = "再提一条建议：明确充电收费标准。" });
        Assert.Equal("documents.comment_closed", (await late.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        await DocumentsApiSteps.NoContentAsync(drafter.PostAsync($"/api/documents/{id}/comment/close", null));
        await DocumentsApiSteps.NoContentAsync(drafter.PostAsJsonAsync($"/api/documents/{id}/check", new { }));

        // 5 to 15 working days on the platform's calendar from Saturday 12-26: 12-28 to 12-31 are the first four, and the fifth
        // falls in January 2027 (2027-01-01 while 2027's holidays are not entered: a plain Friday, provisional).
        var calendar = app.Services.GetRequiredService<WorkingDayCalendar>();
        var sent = DocumentsApiSteps.Today(app);
        var earliest = calendar.AddWorkingDays(sent, 5);
        Assert.Equal(2027, earliest.Year);
        view = await DocumentsApiSteps.ViewAsync(office, id);
        Assert.Equal(("LegalityCheck", DocumentsApiSteps.Day(earliest), DocumentsApiSteps.Day(calendar.AddWorkingDays(sent, 15))),
            (view.GetProperty("status").GetString(), view.GetProperty("checkEarliest").GetString(), view.GetProperty("checkDue").GetString()));

        // The legal office may not give its opinion before the 5th working day: not on the day it came, nor the day before the 5th.
        const string Opinion = "经审核，该文件制定主体合法，内容不违反法律、法规、规章和上级文件规定，未违法增加公民、法人和其他组织的义务，程序符合规定";
        var sameDay = await office.PostAsJsonAsync($"/api/documents/{id}/check/conclusion", new { conclusion = "Lawful", opinion = Opinion });
        var refused = await sameDay.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("documents.check_too_early", refused.Code());
        Assert.Contains(DocumentsApiSteps.Day(earliest), refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        DocumentsApiSteps.AdvanceTo(app, earliest.AddDays(-1));
        office = await app.SignedInAsync("legal.officer");
        var dayBefore = await office.PostAsJsonAsync($"/api/documents/{id}/check/conclusion", new { conclusion = "Lawful", opinion = Opinion });
        Assert.Equal("documents.check_too_early", (await dayBefore.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        DocumentsApiSteps.AdvanceTo(app, earliest);
        office = await app.SignedInAsync("legal.officer");
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/{id}/check/conclusion", new { conclusion = "Lawful", opinion = Opinion }));
        var opinion = await DocumentsApiSteps.DocxTextAsync(office, $"/api/documents/{id}/check-opinion.docx");
        foreach (var part in new[] { "合法性审核意见书", $"《{Title}》", "经审核，该文件制定主体合法", "合法，可以提请集体审议" })
        {
            Assert.Contains(part, opinion, StringComparison.Ordinal);
        }

        // Deliberated and adopted; numbered in the government's series of the year it is published in (2027: the check ended no sooner).
        var today = DocumentsApiSteps.Today(app);
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/{id}/deliberation",
            new { meeting = "镇政府常务会议（第31次）", meetingOn = DocumentsApiSteps.Day(today), decision = "Adopted", minutes = "会议同意印发。" }));
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/{id}/publication", new { }));
        view = await DocumentsApiSteps.ViewAsync(office, id);
        var number = view.GetProperty("number").GetString()!;
        Assert.Matches("^塘府〔2027〕[0-9]+号$", number);
        // In force from today for five years; filed within 15 days (a last day off moves to the next working day).
        Assert.Equal(("Published", DocumentsApiSteps.Day(today), DocumentsApiSteps.Day(today.AddYears(5).AddDays(-1)), true),
            (view.GetProperty("status").GetString(), view.GetProperty("effectiveOn").GetString(), view.GetProperty("expiresOn").GetString(), view.GetProperty("inForce").GetBoolean()));
        Assert.Equal(DocumentsApiSteps.Day(DeadlineClock.Start(calendar, today, 15, DeadlineUnit.CalendarDays).DueDate), view.GetProperty("filingDue").GetString());

        // Anyone finds it among the documents in force by a word of its title.
        var search = $"/api/public/documents?q={Uri.EscapeDataString("电动自行车")}";
        var found = await citizen.GetFromJsonAsync<JsonElement>(search);
        var row = Assert.Single(found.GetProperty("items").EnumerateArray(), r => r.GetProperty("slug").GetString() == slug);
        Assert.Equal((number, Title, "镇政府办公室"), (row.GetProperty("number").GetString(), row.GetProperty("title").GetString(), row.GetProperty("department").GetString()));

        // Filed with the city the same day: in time.
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/{id}/filing",
            new { filedWith = "东莞市人民政府", filedOn = DocumentsApiSteps.Day(today), filingReference = "备2027-001" }));
        view = await DocumentsApiSteps.ViewAsync(office, id);
        Assert.Equal(("Filed", true), (view.GetProperty("status").GetString(), view.GetProperty("filedInTime").GetBoolean()));

        // Repealed with its reason: it leaves the public list; its page says so.
        var noReason = await office.PostAsJsonAsync($"/api/documents/{id}/repeal", new { reason = " " });
        Assert.Contains("reason", (await noReason.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/{id}/repeal", new { reason = "上位法已修改，本办法与之不一致，经清理决定废止" }));
        view = await DocumentsApiSteps.ViewAsync(office, id);
        Assert.Equal(("Repealed", DocumentsApiSteps.Day(today), false),
            (view.GetProperty("status").GetString(), view.GetProperty("repealedOn").GetString(), view.GetProperty("inForce").GetBoolean()));
        Assert.DoesNotContain((await citizen.GetFromJsonAsync<JsonElement>(search)).GetProperty("items").EnumerateArray(), r => r.GetProperty("slug").GetString() == slug);
        var gone = await citizen.GetFromJsonAsync<JsonElement>($"/api/public/documents/{slug}");
        Assert.Equal(("Repealed", false), (gone.GetProperty("status").GetString(), gone.GetProperty("inForce").GetBoolean()));

        // Every step on the record, the refused ones not; the record's chain is intact.
        Assert.Equal(
            ["drafted", "revised", "comment_opened", "comment_answered", "comment_closed", "check_started", "checked", "deliberated", "published", "filed", "repealed"],
            view.GetProperty("record").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToList());
        Assert.True((await office.GetFromJsonAsync<JsonElement>($"/api/documents/{id}/record/check")).GetProperty("intact").GetBoolean());
    }
}

/// <summary>Normative documents through their API without the clock moving: two drafters at once, data scope and roles, bad input; legal advisors and their opinions.</summary>
public sealed class DocumentsApiTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    [Fact]
    public async Task Two_versions_sent_at_once_from_the_same_page_record_one_and_the_other_hears_409_naming_who_acted()
    {
        var drafter = await app.SignedInAsync("drafter.gov");
        var colleague = await app.SignedInAsync("drafter.gov");
        const string Title = "塘厦镇户外广告设置管理办法";
        var id = await DocumentsApiSteps.DraftAsync(drafter, Title);
        var seen = await DocumentsApiSteps.SeenAsync(drafter, id);
        var url = $"/api/documents/{id}/versions";
        var results = await Task.WhenAll(
            drafter.PostAsJsonAsync(url, new { text = DocumentsApiSteps.Body(Title) + "\n第四条 户外广告设置应当符合专项规划。", note = "增加规划要求", seenEvents = seen }),
            colleague.PostAsJsonAsync(url, new { text = DocumentsApiSteps.Body(Title) + "\n第四条 户外广告设置人应当定期检查维护。", note = "增加维护要求", seenEvents = seen }));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order().ToArray());
        var problem = await results.Single(r => r.StatusCode == HttpStatusCode.Conflict).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("case.acted_by", problem.Code());
        Assert.Contains("李婉清", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var view = await DocumentsApiSteps.ViewAsync(drafter, id);
        Assert.Equal((2, seen + 1), (view.GetProperty("versions").GetArrayLength(), view.GetProperty("seenEvents").GetInt32()));
    }

    [Fact]
    public async Task A_drafting_office_sees_only_its_own_documents_the_check_is_the_legal_offices_and_bad_input_names_its_field()
    {
        var gov = await app.SignedInAsync("drafter.gov");
        var party = await app.SignedInAsync("drafter.party");
        var id = await DocumentsApiSteps.DraftAsync(gov, "塘厦镇农贸市场管理办法");

        // The party office does not see the government office's draft at all, nor may it act on it.
        Assert.Equal(HttpStatusCode.NotFound, (await party.GetAsync($"/api/documents/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await party.PostAsJsonAsync($"/api/documents/{id}/versions", new { text = "另一稿", note = "修改" })).StatusCode);
        Assert.DoesNotContain((await party.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        Assert.Contains((await gov.GetFromJsonAsync<JsonElement>("/api/documents")).GetProperty("items").EnumerateArray(), d => d.GetProperty("id").GetGuid() == id);
        // Nor does a drafter draft in another office's name.
        var elsewhere = await gov.PostAsJsonAsync("/api/documents",
            DocumentsApiSteps.Draft("关于规范党员发展工作的通知", DocumentsApiSteps.Body("关于规范党员发展工作的通知"), departmentId: await DocumentsApiSteps.DepartmentAsync(party)));
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);

        // The drafter sends it to the check but may not give the check's opinion.
        await DocumentsApiSteps.NoContentAsync(gov.PostAsJsonAsync($"/api/documents/{id}/check", new { }));
        var concluded = await gov.PostAsJsonAsync($"/api/documents/{id}/check/conclusion", new { conclusion = "Lawful", opinion = "经审核，合法。" });
        Assert.Equal("documents.not_yours", (await concluded.ReadProblemAsync(HttpStatusCode.Forbidden)).Code());
        var view = await DocumentsApiSteps.ViewAsync(gov, id);
        Assert.Equal("LegalityCheck", view.GetProperty("status").GetString());
        Assert.DoesNotContain("Conclude", view.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));

        // Bad input names its field; none of it is a 500.
        var noTitle = await gov.PostAsJsonAsync("/api/documents", new { kind = "Administrative", affectsRights = false, outsidePlanReason = "上级部署的新任务", text = "第一条 本办法自印发之日起施行。" });
        Assert.Contains("title", (await noTitle.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        var noPlan = await gov.PostAsJsonAsync("/api/documents", new { kind = "Administrative", title = "塘厦镇公共停车场管理办法", affectsRights = false, text = "第一条 本办法自印发之日起施行。" });
        var unplanned = await noPlan.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["outsidePlanReason"], unplanned.ErrorFields().ToList());
        Assert.Equal("documents.outside_plan_reason", DocumentsApiSteps.FieldCode(unplanned, "outsidePlanReason"));
        using var malformed = new StringContent("{\"title\": ", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await gov.PostAsync("/api/documents", malformed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gov.GetAsync($"/api/documents/{id}/diff?from=1&to=9")).StatusCode);
    }

    [Fact]
    public async Task A_public_comment_shows_masked_on_the_public_page_in_full_to_the_drafter_and_a_double_click_stores_it_once()
    {
        var gov = await app.SignedInAsync("drafter.gov");
        var id = await DocumentsApiSteps.DraftAsync(gov, "塘厦镇停车场收费管理办法", affectsRights: true);
        await DocumentsApiSteps.NoContentAsync(gov.PostAsync($"/api/documents/{id}/comment/open?seenEvents={await DocumentsApiSteps.SeenAsync(gov, id)}", null));
        var slug = (await DocumentsApiSteps.ViewAsync(gov, id)).GetProperty("slug").GetString()!;

        // A citizen leaves a phone number in the text, and sends it twice.
        const string Typed = "收费标准偏高，请联系我13926005566。";
        var citizen = app.Anonymous();
        var sent = await Task.WhenAll(
            citizen.PostAsJsonAsync($"/api/public/documents/{slug}/comments", new { text = Typed }),
            citizen.PostAsJsonAsync($"/api/public/documents/{slug}/comments", new { text = Typed }));
        Assert.All(sent, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        var shown = Assert.Single((await citizen.GetFromJsonAsync<JsonElement>($"/api/public/documents/{slug}")).GetProperty("comments").EnumerateArray());
        Assert.Equal(Masking.IdentifiersIn(Typed), shown.GetProperty("text").GetString());
        Assert.DoesNotContain("13926005566", shown.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal(Typed, Assert.Single((await DocumentsApiSteps.ViewAsync(gov, id)).GetProperty("comments").EnumerateArray()).GetProperty("text").GetString());

        // Lists answer a year out of range with its field, not a 500; another work line's staff do not reach the office's API.
        Assert.Contains("year", (await (await gov.GetAsync("/api/documents?year=0")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        var mediator = await app.SignedInAsync("mediator");
        Assert.Equal(HttpStatusCode.Forbidden, (await mediator.GetAsync("/api/documents/opinions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mediator.GetAsync("/api/documents/plans")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await mediator.GetAsync("/api/documents/advisors/choices")).StatusCode);
    }

    [Fact]
    public async Task A_petition_asks_a_legal_advisor_through_the_documents_public_face_and_follows_the_opinion()
    {
        var office = await app.SignedInAsync("legal.officer");
        var firm = await DocumentsApiSteps.NewIdAsync(office.PostAsJsonAsync("/api/documents/advisors/firms", new { name = "广东塘信律师事务所", licence = "24419201910011", contact = "0769-87920011" }));
        var advisor = await DocumentsApiSteps.NewIdAsync(office.PostAsJsonAsync("/api/documents/advisors", new { firmId = firm, name = "叶志明", practiceNumber = "14419201910110001" }));
        await DocumentsApiSteps.NewIdAsync(office.PostAsJsonAsync("/api/documents/advisors/contracts",
            new { firmId = firm, number = "塘法顾〔2026〕11号", from = "2026-01-01", to = "2027-12-31", fee = 90000, scope = "信访事项法律意见" }));

        var petitions = await app.SignedInAsync("petition.officer");
        var created = await DocumentsApiSteps.CreatedAsync(await petitions.PostAsJsonAsync("/api/petitions", new
        {
            channel = "Visit", @class = "Claim", category = "LandHousing", subject = "宅基地界址争议", request = "请求确认宅基地界址", facts = "与邻居对宅基地界址有争议。",
            reasons = "邻居建房占用通道。", name = "何建华", phone = "13926001234", address = "塘厦镇石马社区 3 号",
        }));
        var petition = created.GetProperty("id").GetGuid();
        var seen = (await petitions.GetFromJsonAsync<JsonElement>($"/api/petitions/{petition}")).GetProperty("seenEvents").GetInt32();

        // Through the petition: the request names where it came from, and the petition's record says it was asked.
        var asked = await DocumentsApiSteps.CreatedAsync(await petitions.PostAsJsonAsync($"/api/petitions/{petition}/legal-opinion",
            new { topic = "Land", question = "宅基地界址应依据哪些材料确认？", advisorId = advisor, seenEvents = seen }));
        var opinionId = asked.GetProperty("id").GetGuid();
        var view = await petitions.GetFromJsonAsync<JsonElement>($"/api/petitions/{petition}");
        var link = Assert.Single(view.GetProperty("opinions").EnumerateArray());
        Assert.Equal((asked.GetProperty("number").GetString(), "documents.opinion_status.Asked", "叶志明"),
            (link.GetProperty("number").GetString(), link.GetProperty("statusKey").GetString(), link.GetProperty("advisor").GetString()));
        Assert.Contains(view.GetProperty("record").EnumerateArray(), s => s.GetProperty("kind").GetString() == "opinion_asked");

        // The legal office sees where it came from, records the opinion, and the petition follows it.
        var request = await office.GetFromJsonAsync<JsonElement>($"/api/documents/opinions/{opinionId}");
        Assert.Equal(("petitions", created.GetProperty("number").GetString(), $"/petitions/{petition}", "Land"),
            (request.GetProperty("sourceModule").GetString(), request.GetProperty("sourceNumber").GetString(), request.GetProperty("sourceLink").GetString(), request.GetProperty("topic").GetString()));
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/opinions/{opinionId}/answer", new { opinion = "应以土地使用权证和原始审批材料为准。" }));
        link = Assert.Single((await petitions.GetFromJsonAsync<JsonElement>($"/api/petitions/{petition}")).GetProperty("opinions").EnumerateArray());
        Assert.True(link.GetProperty("answered").GetBoolean());

        // An advisor not under contract, or a stale page, is refused with its reason.
        var stale = await petitions.PostAsJsonAsync($"/api/petitions/{petition}/legal-opinion", new { topic = "Land", question = "再次征询", advisorId = advisor, seenEvents = seen });
        Assert.Equal("case.acted_by", (await stale.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        var blind = await petitions.PostAsJsonAsync($"/api/petitions/{petition}/legal-opinion", new { topic = "Land", question = "再次征询", advisorId = advisor });
        Assert.Contains("seenEvents", (await blind.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        var now = (await petitions.GetFromJsonAsync<JsonElement>($"/api/petitions/{petition}")).GetProperty("seenEvents").GetInt32();
        var noQuestion = await petitions.PostAsJsonAsync($"/api/petitions/{petition}/legal-opinion", new { topic = "Land", question = " ", advisorId = advisor, seenEvents = now });
        Assert.Contains("question", (await noQuestion.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task The_legal_office_contracts_a_firm_assigns_its_advisor_and_an_opinion_is_asked_answered_rated_once_and_counted()
    {
        var office = await app.SignedInAsync("legal.officer");
        var gov = await DocumentsApiSteps.DepartmentAsync(await app.SignedInAsync("drafter.gov"));

        var firm = await DocumentsApiSteps.NewIdAsync(office.PostAsJsonAsync("/api/documents/advisors/firms", new { name = "广东塘正律师事务所", licence = "24419201910007", contact = "0769-87920007" }));
        var advisor = await DocumentsApiSteps.NewIdAsync(office.PostAsJsonAsync("/api/documents/advisors", new { firmId = firm, name = "周建华", practiceNumber = "14419201910070001", phone = "13926007777" }));
        // No contract yet: no opinion may be asked of the firm's lawyer.
        var uncontracted = await office.PostAsJsonAsync("/api/documents/opinions", new { topic = "Contract", subject = "物业服务合同", question = "请审查合同条款。", advisorId = advisor });
        Assert.Equal("documents.no_contract", (await uncontracted.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        await DocumentsApiSteps.NewIdAsync(office.PostAsJsonAsync("/api/documents/advisors/contracts",
            new { firmId = firm, number = "塘法顾〔2026〕9号", from = "2026-01-01", to = "2027-12-31", fee = 150000, scope = "为镇政府及所属单位提供常年法律顾问服务" }));
        // An assignment is within the contract's term.
        var beyond = await office.PostAsJsonAsync("/api/documents/advisors/assignments", new { advisorId = advisor, unitId = gov, from = "2026-01-01", to = "2028-06-30" });
        Assert.Equal("documents.no_contract", (await beyond.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        await DocumentsApiSteps.NewIdAsync(office.PostAsJsonAsync("/api/documents/advisors/assignments", new { advisorId = advisor, unitId = gov, from = "2026-01-01", to = "2027-12-31" }));

        // Asked on Wednesday 2026-11-25: five working days end on Wednesday 12-02.
        var asked = await DocumentsApiSteps.CreatedAsync(await office.PostAsJsonAsync("/api/documents/opinions",
            new { topic = "Contract", subject = "镇政府办公楼物业服务合同", question = "请审查物业服务合同的服务标准、违约责任和争议解决条款。", advisorId = advisor }));
        var opinionId = asked.GetProperty("id").GetGuid();
        var number = asked.GetProperty("number").GetString()!;
        Assert.Matches("^法律意见〔2026〕[0-9]+号$", number);
        Assert.Equal(("周建华", "2026-12-02"), (asked.GetProperty("advisorName").GetString(), asked.GetProperty("due").GetString()));

        const string Text = "经审查，该合同总体合法，建议明确服务质量考核标准并完善违约责任条款。";
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/opinions/{opinionId}/answer", new { opinion = Text }));
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/documents/opinions/{opinionId}/rating", new { rating = 5, note = "意见及时、专业" }));
        var again = await office.PostAsJsonAsync($"/api/documents/opinions/{opinionId}/rating", new { rating = 4 });
        Assert.Equal("documents.rated", (await again.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        var opinion = await office.GetFromJsonAsync<JsonElement>($"/api/documents/opinions/{opinionId}");
        Assert.Equal(("Answered", true, 5), (opinion.GetProperty("status").GetString(), opinion.GetProperty("answeredInTime").GetBoolean(), opinion.GetProperty("rating").GetInt32()));
        var letter = await DocumentsApiSteps.DocxTextAsync(office, $"/api/documents/opinions/{opinionId}/opinion.docx");
        Assert.Contains("法律意见书", letter, StringComparison.Ordinal);
        Assert.Contains("建议明确服务质量考核标准", letter, StringComparison.Ordinal);

        // The advisors' register: the contract runs, the advisor serves the government office, one opinion on time rated 5.
        var overview = await office.GetFromJsonAsync<JsonElement>("/api/documents/advisors");
        var firmView = Assert.Single(overview.GetProperty("firms").EnumerateArray(), f => f.GetProperty("id").GetGuid() == firm);
        var contract = Assert.Single(firmView.GetProperty("contracts").EnumerateArray());
        Assert.Equal((true, false), (contract.GetProperty("runs").GetBoolean(), contract.GetProperty("lapsing").GetBoolean()));
        var advisorView = Assert.Single(firmView.GetProperty("advisors").EnumerateArray());
        Assert.Equal(Masking.Phone("13926007777"), advisorView.GetProperty("phone").GetString());
        var assignment = Assert.Single(advisorView.GetProperty("assignments").EnumerateArray());
        Assert.Equal(("镇政府办公室", "Unit"), (assignment.GetProperty("unit").GetString(), assignment.GetProperty("level").GetString()));
        Assert.Equal((1, 1, 1, 5m),
            (advisorView.GetProperty("requests").GetInt32(), advisorView.GetProperty("answered").GetInt32(), advisorView.GetProperty("onTime").GetInt32(), advisorView.GetProperty("averageRating").GetDecimal()));

        // The annual report's figure counts the opinion given, and its records list it.
        var figures = (await office.GetFromJsonAsync<JsonElement>("/api/figures?module=documents")).EnumerateArray().ToList();
        var given = Assert.Single(figures, f => f.GetProperty("name").GetString() == "documents.opinions");
        Assert.True(given.GetProperty("value").GetDecimal() >= 1, given.GetRawText());
        var records = await office.GetFromJsonAsync<JsonElement>("/api/figures/documents.opinions/records");
        var listed = Assert.Single(records.GetProperty("items").EnumerateArray(), r => r.GetProperty("number").GetString() == number);
        Assert.Equal($"/documents/opinions/{opinionId}", listed.GetProperty("link").GetString());
    }
}

/// <summary>
/// A major decision by the statutory procedure (重大行政决策程序暂行条例): refused at the meeting while a step is missing, its
/// legality review never skipped and never shorter than 7 working days, its file archived as one bundle. The clock moves: this
/// class has its platform to itself.
/// </summary>
public sealed class MajorDecisionApiTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    [Fact]
    public async Task A_decision_is_refused_while_a_step_is_missing_and_decided_once_each_is_done_or_lawfully_skipped_then_archived()
    {
        var office = await app.SignedInAsync("legal.officer");
        var drafter = await app.SignedInAsync("drafter.gov");
        var gov = await DocumentsApiSteps.DepartmentAsync(drafter);
        var listing = new { title = "塘厦镇老旧小区改造三年行动计划", matter = "对镇内建成于2000年以前的老旧小区实施改造，明确改造范围、资金筹措和居民参与机制。", departmentId = gov };
        Assert.Equal("documents.not_yours", (await (await drafter.PostAsJsonAsync("/api/documents/decisions", listing)).ReadProblemAsync(HttpStatusCode.Forbidden)).Code());
        var created = await DocumentsApiSteps.CreatedAsync(await office.PostAsJsonAsync("/api/documents/decisions", listing));
        var id = created.GetProperty("id").GetGuid();
        Assert.Matches("^决策〔2026〕[0-9]+号$", created.GetProperty("number").GetString());
        string Url(string path) => $"/api/documents/decisions/{id}/{path}";
        async Task<JsonElement> ViewAsync() => await office.GetFromJsonAsync<JsonElement>($"/api/documents/decisions/{id}");
        static JsonElement Phase(JsonElement view, string stage) => view.GetProperty("phases").EnumerateArray().Single(p => p.GetProperty("stage").GetString() == stage);
        object Decision() => new { meeting = "镇政府常务会议（第30次）", decidedOn = DocumentsApiSteps.Day(DocumentsApiSteps.Today(app)), adopted = true, decision = "会议审议通过《塘厦镇老旧小区改造三年行动计划》。" };

        // Nothing done yet: the meeting may not decide, and the legality review is never skipped.
        var missing = await (await office.PostAsJsonAsync(Url("decision"), Decision())).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("documents.step_missing", missing.Code());
        Assert.Contains("公众参与", missing.GetProperty("title").GetString(), StringComparison.Ordinal);
        var skipLegality = await office.PostAsJsonAsync(Url("skip"), new { stage = "Legality", reason = "事项简单" });
        Assert.Equal("documents.not_skippable", (await skipLegality.ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        // 第15条: open for comment 30 days, from Wednesday 2026-11-25 to Friday 12-25; a citizen comments without signing in.
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync(Url("participation"), new { }));
        var view = await ViewAsync();
        Assert.Equal(("Open", "2026-12-25"), (Phase(view, "Participation").GetProperty("state").GetString(), Phase(view, "Participation").GetProperty("due").GetString()));
        await DocumentsApiSteps.NoContentAsync(app.Anonymous().PostAsJsonAsync($"/api/public/documents/{view.GetProperty("slug").GetString()}/comments", new { text = "建议优先改造没有电梯的小区。" }));
        var early = await office.PostAsJsonAsync(Url("participation/close"), new { summary = "共收到意见1条。" });
        Assert.Equal("documents.comment_still_open", (await early.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        var unready = await office.PostAsync(Url("legality"), null);
        Assert.Equal("documents.step_missing", (await unready.ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        // Saturday 12-26: participation closed with its summary; the experts' view recorded; the risk assessment lawfully skipped.
        app.Time.Advance(TimeSpan.FromDays(31));
        office = await app.SignedInAsync("legal.officer");
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync(Url("participation/close"), new { summary = "共收到意见1条，已采纳并公开反馈。" }));
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync(Url("stage"), new { stage = "Experts", by = "镇规划建设专家组（5人）", summary = "改造内容和资金测算总体合理。" }));
        const string NoRisk = "改造以居民自愿为前提，不涉及征收，经初步评估不存在社会稳定风险，依第二十二条不开展专项风险评估。";
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync(Url("skip"), new { stage = "Risk", reason = NoRisk }));
        await DocumentsApiSteps.NoContentAsync(office.PostAsync(Url("legality"), null));

        // 第26条: the review is given at least 7 working days on the platform's calendar (from 12-26 into January 2027).
        var due = app.Services.GetRequiredService<WorkingDayCalendar>().AddWorkingDays(DocumentsApiSteps.Today(app), 7);
        Assert.Equal(DocumentsApiSteps.Day(due), Phase(await ViewAsync(), "Legality").GetProperty("due").GetString());
        var tooEarly = await office.PostAsJsonAsync(Url("legality/conclusion"), new { summary = "经审查，决策草案合法。" });
        Assert.Equal("documents.check_too_early", (await tooEarly.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        DocumentsApiSteps.AdvanceTo(app, due);
        office = await app.SignedInAsync("legal.officer");
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync(Url("legality/conclusion"), new { summary = "经审查，决策草案符合法律、法规和规章的规定，程序合法，可以提交镇政府常务会议讨论。" }));
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync(Url("decision"), Decision()));
        await DocumentsApiSteps.NoContentAsync(office.PostAsJsonAsync(Url("publication"), new { where = "塘厦镇人民政府门户网站" }));

        // Decided and published, but not by the full procedure: the risk assessment was skipped, its reason on the file.
        view = await ViewAsync();
        Assert.Equal(("Decided", DocumentsApiSteps.Day(DocumentsApiSteps.Today(app)), false),
            (view.GetProperty("status").GetString(), view.GetProperty("decidedOn").GetString(), view.GetProperty("fullProcedure").GetBoolean()));
        Assert.Equal(
            ["Participation:Done", "Experts:Done", "Risk:Skipped", "Legality:Done", "Discussion:Done", "Publication:Done", "Evaluation:Pending"],
            view.GetProperty("phases").EnumerateArray().Select(p => $"{p.GetProperty("stage").GetString()}:{p.GetProperty("state").GetString()}").ToList());
        Assert.Equal(NoRisk, Phase(view, "Risk").GetProperty("skipReason").GetString());

        // The file's contents list, and the whole file as one bundle.
        var contents = await DocumentsApiSteps.DocxTextAsync(office, Url("contents.docx"));
        foreach (var part in new[] { "重大行政决策档案卷内目录", "塘厦镇老旧小区改造三年行动计划", "未经此程序：" + NoRisk, "公众意见：1条" })
        {
            Assert.Contains(part, contents, StringComparison.Ordinal);
        }

        var archive = await office.GetAsync(Url("archive.zip"));
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        Assert.Equal("application/zip", archive.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(new MemoryStream(await archive.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(["00-卷内目录.docx", "01-决策程序记录.docx", "02-公众意见.docx"], zip.Entries.Select(e => e.FullName).ToList());
        using var entry = new MemoryStream();
        await using (var s = zip.GetEntry("00-卷内目录.docx")!.Open())
        {
            await s.CopyToAsync(entry);
        }

        entry.Position = 0;
        using var inner = WordprocessingDocument.Open(entry, false);
        Assert.Contains("重大行政决策档案卷内目录", inner.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
    }
}
