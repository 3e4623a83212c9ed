using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Spreadsheet = Fazhi.Web.Platform.Documents.Spreadsheet;

namespace Fazhi.Tests.Publicity;

/// <summary>What the publicity HTTP tests share: uploads of workbooks built in memory, answers as a client reads them.</summary>
internal static class PublicityApiSteps
{
    /// <summary>How an import names a sheet's column: 「活动 · 日期」.</summary>
    public const string Dot = " \u00B7 ";

    public const string EventsSheet = "活动";

    public const string PostsSheet = "信息";

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today(FazhiFactory app) => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));

    /// <summary>The signed-in account's own department (its community, for a community reporter), as /api/auth/me tells it.</summary>
    public static async Task<Guid> DepartmentAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("departmentId").GetGuid();

    public static async Task<Guid> CreatedIdAsync(Task<HttpResponseMessage> call)
    {
        var r = await call;
        Assert.True(r.StatusCode == HttpStatusCode.Created, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    public static async Task NoContentAsync(Task<HttpResponseMessage> call)
    {
        var r = await call;
        Assert.True(r.StatusCode == HttpStatusCode.NoContent, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }

    /// <summary>A workbook of named sheets, each a list of header → value rows (dates as Excel dates, numbers as numbers).</summary>
    public static Task<byte[]> WorkbookAsync(params (string Sheet, List<Dictionary<string, object?>> Rows)[] sheets)
    {
        var all = new Dictionary<string, IEnumerable<IDictionary<string, object?>>>();
        foreach (var (sheet, rows) in sheets)
        {
            all[sheet] = rows;
        }

        return Spreadsheet.WriteAsync(all);
    }

    public static List<Dictionary<string, object?>> Rows(params Dictionary<string, object?>[] rows) => [.. rows];

    /// <summary>Posts a file as the multipart field <c>file</c>.</summary>
    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, byte[] bytes, string fileName = "import.xlsx", string contentType = Spreadsheet.ContentType)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        form.Add(file, "file", fileName);
        return await client.PostAsync(url, form);
    }

    /// <summary>An import's 200 answer.</summary>
    public static async Task<JsonElement> ImportedAsync(HttpClient client, string url, byte[] bytes)
    {
        var response = await UploadAsync(client, url, bytes);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Each bad row of an import: its number as Excel shows it (the header is row 1) and the column named.</summary>
    public static List<(int Row, string Field)> Errors(JsonElement import) =>
        [.. import.GetProperty("errors").EnumerateArray().Select(e => (e.GetProperty("row").GetInt32(), e.GetProperty("field").GetString()!))];

    public static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    public static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    /// <summary>The publicity figures of a period by name, as the annual report reads them.</summary>
    public static async Task<Dictionary<string, decimal>> FiguresAsync(HttpClient client, string from, string to) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/figures?from={from}&to={to}&module=publicity")).EnumerateArray()
            .ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("value").GetDecimal());

    public static async Task<JsonElement> ReportAsync(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/api/publicity/reports/{id}");

    public static async Task<int> SeenAsync(HttpClient client, Guid id) => (await ReportAsync(client, id)).GetProperty("seenEvents").GetInt32();

    /// <summary>A percentage as the exam page shows it: two decimals, half away from zero; nothing of nothing is 0.</summary>
    public static decimal Percent(int part, int whole) => whole == 0 ? 0m : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    public static string? FieldCode(JsonElement problem, string field) => problem.GetProperty("fieldCodes").GetProperty(field)[0].GetString();
}

/// <summary>
/// The publicity work line through its API on the demo town as of Wednesday 2026-11-25 (China): the monthly sheet imported, submitted
/// and confirmed into the figures; two confirmations at once; data scope; bad input; the law exam and its rates; safety letters.
/// The clock does not move here.
/// </summary>
public sealed class PublicityApiTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    private const string Place = "石马社区党群服务中心";

    private static readonly decimal[] ScoreCycle = [95m, 88.5m, 59.5m, 90m, 72m, 60m, 100m, 45m, 89.5m, 91m];

    internal static Dictionary<string, object?> EventRow(object? date, string title, string kind, object? people) => new()
    {
        ["日期"] = date, ["活动名称"] = title, ["活动类型"] = kind, ["地点"] = Place, ["主办单位"] = "石马社区居委会", ["宣传法律"] = "民法典",
        ["受众"] = "社区群众", ["受教育人数"] = people, ["编印资料份数"] = 200, ["发放资料份数"] = 150, ["学校"] = "",
    };

    private static Dictionary<string, object?> PostRow(DateOnly date, string channel, string title, string link) => new()
    {
        ["日期"] = date, ["渠道"] = channel, ["标题"] = title, ["链接"] = link,
    };

    [Fact]
    public async Task A_community_imports_its_October_sheet_submits_it_and_once_confirmed_it_counts_in_the_figures_and_the_month_is_closed()
    {
        var officer = await app.SignedInAsync("community.officer");
        var office = await app.SignedInAsync("pufa.officer");
        var community = await PublicityApiSteps.DepartmentAsync(officer);
        var marker = "（导入" + Guid.NewGuid().ToString("N")[..6] + "）";
        var octoberEvents = $"/api/publicity/events?month=2026-10-01&reporterId={community}";

        // The demo town: this community has not reported October at all; it owes October, due 11-10, so it is red today.
        var owed = Assert.Single((await officer.GetFromJsonAsync<JsonElement>("/api/publicity/reporters")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == community);
        Assert.Equal(("2026-10-01", "2026-11-10", "Red"), (owed.GetProperty("owedMonth").GetString(), owed.GetProperty("dueOn").GetString(), owed.GetProperty("level").GetString()));
        Assert.Equal(0, (await officer.GetFromJsonAsync<JsonElement>(octoberEvents)).GetProperty("total").GetInt32());

        // Three good events and two good posts; four bad event rows (a future day, a negative count, an unknown kind, no title) and a
        // post whose link is not a web address.
        (string Title, int People)[] good = [("民法典进社区法治讲座" + marker, 120), ("防范电信诈骗宣传摆摊" + marker, 260), ("宪法宣传周主题活动" + marker, 310)];
        string[] posts = ["以案说法：租房合同纠纷" + marker, "石马社区开展民法典宣传" + marker];
        Task<byte[]> Sheet(int firstPeople) => PublicityApiSteps.WorkbookAsync(
            (PublicityApiSteps.EventsSheet, PublicityApiSteps.Rows(
                EventRow(new DateOnly(2026, 10, 8), good[0].Title, "法治讲座", firstPeople),            // row 2
                EventRow(new DateOnly(2026, 12, 1), "年末普法讲座" + marker, "法治讲座", 80),             // row 3: in the future
                EventRow(new DateOnly(2026, 10, 15), good[1].Title, "宣传摆摊/现场咨询", good[1].People), // row 4
                EventRow(new DateOnly(2026, 10, 16), "禁毒宣传" + marker, "法治讲座", -5),                // row 5: negative people
                EventRow(new DateOnly(2026, 10, 17), "广场舞比赛" + marker, "跳舞", 90),                  // row 6: unknown kind
                EventRow(new DateOnly(2026, 10, 18), "", "法治讲座", 40),                                 // row 7: no title
                EventRow(new DateOnly(2026, 10, 22), good[2].Title, "主题宣传活动", good[2].People))),    // row 8
            (PublicityApiSteps.PostsSheet, PublicityApiSteps.Rows(
                PostRow(new DateOnly(2026, 10, 9), "微信公众号", posts[0], "https://www.dg.gov.cn/tangxia/pf/2026/c04-1"), // row 2
                PostRow(new DateOnly(2026, 10, 12), "微信公众号", "链接有误" + marker, "ftp://files.example.cn/a"),         // row 3: not http(s)
                PostRow(new DateOnly(2026, 10, 20), "政府网站", posts[1], "http://www.dg.gov.cn/tangxia/pf/2026/c04-2")))); // row 4
        var goodRows = good.Length + posts.Length;

        var first = await PublicityApiSteps.ImportedAsync(officer, "/api/publicity/import", await Sheet(good[0].People));
        Assert.Equal((goodRows, 0, 0), (PublicityApiSteps.Int(first, "created"), PublicityApiSteps.Int(first, "updated"), PublicityApiSteps.Int(first, "unchanged")));
        var errors = PublicityApiSteps.Errors(first);
        var e = PublicityApiSteps.EventsSheet + PublicityApiSteps.Dot;
        var p = PublicityApiSteps.PostsSheet + PublicityApiSteps.Dot;
        Assert.Equal([3, 5, 6, 7], errors.Where(x => x.Field.StartsWith(e, StringComparison.Ordinal)).Select(x => x.Row).Distinct().Order());
        Assert.Contains((3, e + "日期"), errors);
        Assert.Contains((5, e + "受教育人数"), errors);
        Assert.Contains((6, e + "活动类型"), errors);
        Assert.Contains(errors, x => x.Row == 7 && x.Field.StartsWith(e, StringComparison.Ordinal) && x.Field.EndsWith("名称", StringComparison.Ordinal));
        Assert.Equal([(3, p + "链接")], errors.Where(x => x.Field.StartsWith(p, StringComparison.Ordinal)));
        var reportId = Assert.Single(first.GetProperty("reports").EnumerateArray()).GetGuid();

        // The good rows are kept in October, and only they: nothing of the bad rows, in any month.
        var kept = await officer.GetFromJsonAsync<JsonElement>(octoberEvents);
        Assert.Equal(good.Select(g => g.Title).Order(), PublicityApiSteps.Items(kept).Select(x => x.GetProperty("title").GetString()!).Order());
        var anyMonth = await officer.GetFromJsonAsync<JsonElement>($"/api/publicity/events?reporterId={community}&q={Uri.EscapeDataString(marker)}");
        Assert.Equal(good.Length, anyMonth.GetProperty("total").GetInt32());
        var keptPosts = await officer.GetFromJsonAsync<JsonElement>($"/api/publicity/posts?month=2026-10-01&reporterId={community}");
        Assert.Equal(posts.Order(), PublicityApiSteps.Items(keptPosts).Select(x => x.GetProperty("title").GetString()!).Order());

        // The very same file again changes nothing and names the same bad rows.
        var again = await PublicityApiSteps.ImportedAsync(officer, "/api/publicity/import", await Sheet(good[0].People));
        Assert.Equal((0, 0, goodRows), (PublicityApiSteps.Int(again, "created"), PublicityApiSteps.Int(again, "updated"), PublicityApiSteps.Int(again, "unchanged")));
        Assert.Equal(errors, PublicityApiSteps.Errors(again));
        Assert.Equal(good.Length, (await officer.GetFromJsonAsync<JsonElement>(octoberEvents)).GetProperty("total").GetInt32());

        // The sheet corrected: one event reached more people. It is updated in place, not added.
        var corrected = good[0].People + 35;
        var changed = await PublicityApiSteps.ImportedAsync(officer, "/api/publicity/import", await Sheet(corrected));
        Assert.Equal((0, 1, goodRows - 1), (PublicityApiSteps.Int(changed, "created"), PublicityApiSteps.Int(changed, "updated"), PublicityApiSteps.Int(changed, "unchanged")));
        var afterChange = PublicityApiSteps.Items(await officer.GetFromJsonAsync<JsonElement>(octoberEvents));
        Assert.Equal(good.Length, afterChange.Count);
        Assert.Equal(corrected, afterChange.Single(x => x.GetProperty("title").GetString() == good[0].Title).GetProperty("peopleReached").GetInt32());

        // Submitted: the reporter's clock moves to the next month it owes (every earlier month of the demo town was reported).
        var draft = await PublicityApiSteps.ReportAsync(officer, reportId);
        Assert.Equal(("Draft", "2026-10-01", community), (draft.GetProperty("status").GetString(), draft.GetProperty("month").GetString(), draft.GetProperty("reporterId").GetGuid()));
        Assert.Contains("Submit", draft.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        await PublicityApiSteps.NoContentAsync(officer.PostAsJsonAsync($"/api/publicity/reports/{reportId}/submit",
            new { note = (string?)null, seenEvents = draft.GetProperty("seenEvents").GetInt32() }));
        var moved = Assert.Single((await officer.GetFromJsonAsync<JsonElement>("/api/publicity/reporters")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == community);
        Assert.Equal("2026-11-01", moved.GetProperty("owedMonth").GetString());

        // Not counted until the legal office confirms; then October's figures grow by exactly what was imported.
        var before = await PublicityApiSteps.FiguresAsync(office, "2026-10-01", "2026-10-31");
        var submitted = await PublicityApiSteps.ReportAsync(office, reportId);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        await PublicityApiSteps.NoContentAsync(office.PostAsync($"/api/publicity/reports/{reportId}/confirm?seenEvents={submitted.GetProperty("seenEvents").GetInt32()}", null));
        var after = await PublicityApiSteps.FiguresAsync(office, "2026-10-01", "2026-10-31");
        Assert.Equal(before["publicity.events"] + good.Length, after["publicity.events"]);
        Assert.Equal(before["publicity.posts"] + posts.Length, after["publicity.posts"]);
        Assert.Equal(before["publicity.people_reached"] + corrected + good[1].People + good[2].People, after["publicity.people_reached"]);
        Assert.Equal("Confirmed", (await PublicityApiSteps.ReportAsync(officer, reportId)).GetProperty("status").GetString());
        Assert.Equal("2026-11-01", Assert.Single((await officer.GetFromJsonAsync<JsonElement>("/api/publicity/reporters")).EnumerateArray(),
            r => r.GetProperty("id").GetGuid() == community).GetProperty("owedMonth").GetString());

        // October is closed: a late sheet for it has every row refused on its date, and nothing is added.
        var late = await PublicityApiSteps.ImportedAsync(officer, "/api/publicity/import", await PublicityApiSteps.WorkbookAsync(
            (PublicityApiSteps.EventsSheet, PublicityApiSteps.Rows(EventRow(new DateOnly(2026, 10, 28), "补报：反家暴宣传" + marker, "法治讲座", 70))),
            (PublicityApiSteps.PostsSheet, PublicityApiSteps.Rows(PostRow(new DateOnly(2026, 10, 29), "微信公众号", "补报：以案说法" + marker, "https://www.dg.gov.cn/tangxia/pf/2026/c04-3")))));
        Assert.Equal((0, 0), (PublicityApiSteps.Int(late, "created"), PublicityApiSteps.Int(late, "updated")));
        Assert.Equal([(2, e + "日期"), (2, p + "日期")], PublicityApiSteps.Errors(late));
        Assert.All(late.GetProperty("errors").EnumerateArray(), x => Assert.Contains("2026-10", x.GetProperty("message").GetString(), StringComparison.Ordinal));
        Assert.Equal(good.Length, (await officer.GetFromJsonAsync<JsonElement>(octoberEvents)).GetProperty("total").GetInt32());
        Assert.Equal(after["publicity.events"], (await PublicityApiSteps.FiguresAsync(office, "2026-10-01", "2026-10-31"))["publicity.events"]);
    }

    [Fact]
    public async Task Two_confirmations_of_one_submitted_month_at_once_confirm_it_once_and_the_other_hears_409_naming_who_acted()
    {
        var office = await app.SignedInAsync("pufa.officer");
        var colleague = await app.SignedInAsync("pufa.officer");
        var submitted = PublicityApiSteps.Items(await office.GetFromJsonAsync<JsonElement>("/api/publicity/reports?month=2026-10-01&status=Submitted"));
        Assert.True(submitted.Count > 0, "the demo town has October reports waiting to be confirmed");
        var id = submitted[0].GetProperty("id").GetGuid();
        var seen = await PublicityApiSteps.SeenAsync(office, id);
        var url = $"/api/publicity/reports/{id}/confirm?seenEvents={seen}";

        var results = await Task.WhenAll(office.PostAsync(url, null), colleague.PostAsync(url, null));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order().ToArray());
        var problem = await results.Single(r => r.StatusCode == HttpStatusCode.Conflict).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("case.acted_by", problem.Code());
        Assert.Contains("周雅琴", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        var view = await PublicityApiSteps.ReportAsync(office, id);
        Assert.Equal(("Confirmed", seen + 1), (view.GetProperty("status").GetString(), view.GetProperty("seenEvents").GetInt32()));
    }

    [Fact]
    public async Task A_reporter_sees_and_enters_only_its_own_and_other_work_lines_are_refused()
    {
        var officer = await app.SignedInAsync("community.officer");
        var office = await app.SignedInAsync("pufa.officer");
        var community = await PublicityApiSteps.DepartmentAsync(officer);

        // Another community's September report exists for the office, and for this community it does not.
        var september = PublicityApiSteps.Items(await office.GetFromJsonAsync<JsonElement>("/api/publicity/reports?month=2026-09-01"));
        var other = september.First(r => r.GetProperty("reporterId").GetGuid() != community).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync($"/api/publicity/reports/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.GetAsync($"/api/publicity/reports/{other}")).StatusCode);
        var own = PublicityApiSteps.Items(await officer.GetFromJsonAsync<JsonElement>("/api/publicity/reports"));
        Assert.NotEmpty(own);
        Assert.All(own, r => Assert.Equal(community, r.GetProperty("reporterId").GetGuid()));

        // A department's reporter cannot import into a community's month: as if the community were not there.
        var marker = "（越权" + Guid.NewGuid().ToString("N")[..6] + "）";
        var sheet = await PublicityApiSteps.WorkbookAsync((PublicityApiSteps.EventsSheet, PublicityApiSteps.Rows(EventRow(new DateOnly(2026, 11, 3), "市场监管法治讲座" + marker, "法治讲座", 60))));
        var refused = await PublicityApiSteps.UploadAsync(await app.SignedInAsync("dept.publicity"), $"/api/publicity/import?reporterId={community}", sheet);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(0, (await office.GetFromJsonAsync<JsonElement>($"/api/publicity/events?q={Uri.EscapeDataString(marker)}")).GetProperty("total").GetInt32());

        // A mediator has no business here at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("mediator")).GetAsync("/api/publicity/reports")).StatusCode);

        // Scores, exemptions and attendance are the office's: a community's reporter reads none of them, not even through a figure.
        var exam = (await office.GetFromJsonAsync<JsonElement>("/api/publicity/exams")).EnumerateArray().First().GetProperty("id").GetString();
        foreach (var url in new[] { "/api/publicity/exams", $"/api/publicity/exams/{exam}", $"/api/publicity/exams/{exam}/scores", "/api/publicity/sessions", "/api/publicity/staff" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(url)).StatusCode);
        }

        var passed = await officer.GetFromJsonAsync<JsonElement>("/api/figures/publicity.exam_passed/records?from=2025-01-01&to=2025-12-31");
        var passedForOffice = await office.GetFromJsonAsync<JsonElement>("/api/figures/publicity.exam_passed/records?from=2025-01-01&to=2025-12-31");
        Assert.True(passedForOffice.GetProperty("total").GetInt32() > 0);
        Assert.Equal(0, passed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_row_repeated_in_one_sheet_is_named_and_counted_once_and_a_sheet_without_the_ledgers_sheets_is_refused()
    {
        var officer = await app.SignedInAsync("community.officer");
        var marker = "（重复" + Guid.NewGuid().ToString("N")[..6] + "）";
        var day = new DateOnly(2026, 11, 4);
        var sheet = await PublicityApiSteps.WorkbookAsync((PublicityApiSteps.EventsSheet, PublicityApiSteps.Rows(
            EventRow(day, "反诈骗宣传" + marker, "法治讲座", 60), EventRow(day, "反诈骗宣传" + marker, "法治讲座", 90))));
        var first = await PublicityApiSteps.ImportedAsync(officer, "/api/publicity/import", sheet);
        Assert.Equal(1, PublicityApiSteps.Int(first, "created"));
        Assert.Equal(3, Assert.Single(PublicityApiSteps.Errors(first)).Row);
        var again = await PublicityApiSteps.ImportedAsync(officer, "/api/publicity/import", sheet);
        Assert.Equal((0, 0, 1), (PublicityApiSteps.Int(again, "created"), PublicityApiSteps.Int(again, "updated"), PublicityApiSteps.Int(again, "unchanged")));
        var stored = PublicityApiSteps.Items(await officer.GetFromJsonAsync<JsonElement>($"/api/publicity/events?q={Uri.EscapeDataString(marker)}"));
        Assert.Equal(60, Assert.Single(stored).GetProperty("peopleReached").GetInt32());

        var wrong = await PublicityApiSteps.WorkbookAsync(("Sheet1", PublicityApiSteps.Rows(EventRow(day, "无名表" + marker, "法治讲座", 10))));
        var refused = await PublicityApiSteps.UploadAsync(officer, "/api/publicity/import", wrong);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);

        // A period ending in any year answers the figures page; none are owed outside the years kept.
        var office = await app.SignedInAsync("pufa.officer");
        Assert.Equal(HttpStatusCode.OK, (await office.GetAsync("/figures?from=1999-01-01&to=1999-12-31")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_field_named()
    {
        var officer = await app.SignedInAsync("community.officer");

        var empty = await (await officer.PostAsJsonAsync("/api/publicity/events", new { })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Superset(new HashSet<string> { "date", "kind", "title", "place", "organiser", "law", "audience", "peopleReached" }, empty.ErrorFields().ToHashSet());
        Assert.Equal("required", PublicityApiSteps.FieldCode(empty, "date"));

        var tomorrow = await (await officer.PostAsJsonAsync("/api/publicity/events", new
        {
            date = "2026-11-26", kind = "Lecture", title = "明日的法治讲座", place = Place, organiser = "石马社区居委会", law = "宪法", audience = "Residents", peopleReached = 50,
        })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("date", Assert.Single(tomorrow.ErrorFields()));
        Assert.Equal("publicity.future_date", PublicityApiSteps.FieldCode(tomorrow, "date"));

        var link = await (await officer.PostAsJsonAsync("/api/publicity/posts", new
        {
            date = "2026-11-20", channel = "WeChat", title = "以案说法：邻里纠纷", link = "javascript:alert(1)",
        })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("link", Assert.Single(link.ErrorFields()));
        Assert.Equal("publicity.link", PublicityApiSteps.FieldCode(link, "link"));

        var year = await (await officer.GetAsync("/api/publicity/lists?year=1800")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("publicity.year_range", PublicityApiSteps.FieldCode(year, "year"));

        var csv = await PublicityApiSteps.UploadAsync(officer, "/api/publicity/import", Encoding.UTF8.GetBytes("日期,活动名称\n2026-10-08,法治讲座\n"), "october.csv", "text/csv");
        var notXlsx = await csv.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("import.not_xlsx", notXlsx.Code());
        Assert.Contains("file", notXlsx.ErrorFields());
    }

    [Fact]
    public async Task The_exam_lists_its_candidates_by_unit_takes_scores_from_Excel_row_by_row_and_its_rates_are_exact()
    {
        var office = await app.SignedInAsync("pufa.officer");
        var examId = await PublicityApiSteps.CreatedIdAsync(office.PostAsJsonAsync("/api/publicity/exams",
            new { year = 2026, title = "2026年度国家工作人员学法考试", heldOn = "2026-11-20" }));

        // Two units of the staff list sit it: everyone active in them.
        var staff = (await office.GetFromJsonAsync<JsonElement>("/api/publicity/staff")).EnumerateArray().ToList();
        var units = staff.GroupBy(s => s.GetProperty("departmentId").GetGuid()).Where(g => g.Count() is >= 3 and <= 15).Select(g => g.Key).Order().Take(2).ToList();
        Assert.Equal(2, units.Count);
        var expected = new HashSet<Guid>();
        foreach (var unit in units)
        {
            foreach (var s in (await office.GetFromJsonAsync<JsonElement>($"/api/publicity/staff?departmentId={unit}")).EnumerateArray())
            {
                expected.Add(s.GetProperty("id").GetGuid());
            }
        }

        // A department that is not the organisation's is named, not read as nobody to add.
        var stranger = await office.PostAsJsonAsync($"/api/publicity/exams/{examId}/candidates", new { departmentIds = new[] { units[0], Guid.NewGuid() } });
        Assert.Equal(["departmentIds"], (await stranger.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());

        var added = await office.PostAsJsonAsync($"/api/publicity/exams/{examId}/candidates", new { departmentIds = units });
        Assert.True(added.StatusCode == HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        Assert.Equal(expected.Count, (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("added").GetInt32());
        async Task<JsonElement> ExamAsync() => await office.GetFromJsonAsync<JsonElement>($"/api/publicity/exams/{examId}");
        var candidates = (await ExamAsync()).GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(expected.Order(), candidates.Select(c => c.GetProperty("staffId").GetGuid()).Order());

        // One is exempt; the others but one get a score; the last one's row is over full marks; an account not listed is refused.
        var exempt = candidates[0];
        await PublicityApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/publicity/exams/{examId}/candidates/{exempt.GetProperty("id").GetGuid()}/exemption", new { reason = "长期病假" }));
        var sitting = candidates.Skip(1).ToList();
        var scored = sitting.Take(sitting.Count - 1).Select((c, i) => (Account: c.GetProperty("userName").GetString()!, Name: c.GetProperty("name").GetString()!, Score: ScoreCycle[i % ScoreCycle.Length])).ToList();
        var over = sitting[^1];
        var rows = scored.Select(s => new Dictionary<string, object?> { ["账号"] = s.Account, ["姓名"] = s.Name, ["成绩"] = s.Score }).ToList();
        var unknownRow = rows.Count + 2;
        rows.Add(new Dictionary<string, object?> { ["账号"] = "nobody.here", ["姓名"] = "查无此人", ["成绩"] = 80m });
        var overRow = rows.Count + 2;
        rows.Add(new Dictionary<string, object?> { ["账号"] = over.GetProperty("userName").GetString(), ["姓名"] = over.GetProperty("name").GetString(), ["成绩"] = 120m });
        var sheet = await PublicityApiSteps.WorkbookAsync(("成绩", rows));

        var import = await PublicityApiSteps.ImportedAsync(office, $"/api/publicity/exams/{examId}/scores", sheet);
        Assert.Equal((scored.Count, 0), (PublicityApiSteps.Int(import, "updated"), PublicityApiSteps.Int(import, "unchanged")));
        Assert.Equal([(unknownRow, "账号"), (overRow, "成绩")], PublicityApiSteps.Errors(import));

        // The rates from what was imported: required = listed − exempt; sat, passed (≥ 60) and excellent (≥ 90) of those with a score.
        var required = candidates.Count - 1;
        var passed = scored.Count(s => s.Score >= 60m);
        var excellent = scored.Count(s => s.Score >= 90m);
        var rates = (await ExamAsync()).GetProperty("rates");
        Assert.Equal((candidates.Count, 1, required, scored.Count, passed, excellent),
            (PublicityApiSteps.Int(rates, "listed"), PublicityApiSteps.Int(rates, "exempt"), PublicityApiSteps.Int(rates, "required"), PublicityApiSteps.Int(rates, "sat"),
                PublicityApiSteps.Int(rates, "passed"), PublicityApiSteps.Int(rates, "excellent")));
        Assert.Equal(PublicityApiSteps.Percent(scored.Count, required), rates.GetProperty("satRate").GetDecimal());
        Assert.Equal(PublicityApiSteps.Percent(passed, scored.Count), rates.GetProperty("passRate").GetDecimal());
        Assert.Equal(PublicityApiSteps.Percent(excellent, scored.Count), rates.GetProperty("excellentRate").GetDecimal());
        // By unit: each unit's own candidates, exemptions and scores, the same arithmetic.
        var byUnit = (await ExamAsync()).GetProperty("units").EnumerateArray().ToDictionary(u => u.GetProperty("departmentId").GetGuid(), u => u.GetProperty("rates"));
        Assert.Equal(units.Order(), byUnit.Keys.Order());
        foreach (var unit in units)
        {
            var inUnit = candidates.Where(c => c.GetProperty("departmentId").GetGuid() == unit).ToList();
            var accounts = inUnit.Select(c => c.GetProperty("userName").GetString()).ToHashSet();
            var unitScores = scored.Where(x => accounts.Contains(x.Account)).Select(x => x.Score).ToList();
            var unitExempt = inUnit.Count(c => c.GetProperty("id").GetGuid() == exempt.GetProperty("id").GetGuid());
            var r = byUnit[unit];
            Assert.Equal((inUnit.Count, unitExempt, inUnit.Count - unitExempt, unitScores.Count, unitScores.Count(x => x >= 60m), unitScores.Count(x => x >= 90m)),
                (PublicityApiSteps.Int(r, "listed"), PublicityApiSteps.Int(r, "exempt"), PublicityApiSteps.Int(r, "required"), PublicityApiSteps.Int(r, "sat"),
                    PublicityApiSteps.Int(r, "passed"), PublicityApiSteps.Int(r, "excellent")));
            Assert.Equal(PublicityApiSteps.Percent(unitScores.Count(x => x >= 90m), unitScores.Count), r.GetProperty("excellentRate").GetDecimal());
        }

        var after = (await ExamAsync()).GetProperty("candidates").EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, after.Single(c => c.GetProperty("id").GetGuid() == over.GetProperty("id").GetGuid()).GetProperty("score").ValueKind);
        Assert.Equal("长期病假", after.Single(c => c.GetProperty("id").GetGuid() == exempt.GetProperty("id").GetGuid()).GetProperty("exemptReason").GetString());
        foreach (var (account, _, score) in scored)
        {
            Assert.Equal(score, after.Single(c => c.GetProperty("userName").GetString() == account).GetProperty("score").GetDecimal());
        }

        // The same file again changes nothing.
        var again = await PublicityApiSteps.ImportedAsync(office, $"/api/publicity/exams/{examId}/scores", sheet);
        Assert.Equal((0, scored.Count), (PublicityApiSteps.Int(again, "updated"), PublicityApiSteps.Int(again, "unchanged")));
        Assert.Equal(PublicityApiSteps.Errors(import), PublicityApiSteps.Errors(again));

        // Excellent from 85: the rate follows at once, the pass rate does not move.
        await PublicityApiSteps.NoContentAsync(office.PutAsJsonAsync($"/api/publicity/exams/{examId}",
            new { year = 2026, title = "2026年度国家工作人员学法考试", heldOn = "2026-11-20", fullMarks = 100, passMark = 60, excellentMark = 85 }));
        var excellentFrom85 = scored.Count(s => s.Score >= 85m);
        var changed = (await ExamAsync()).GetProperty("rates");
        Assert.Equal(excellentFrom85, PublicityApiSteps.Int(changed, "excellent"));
        Assert.Equal(PublicityApiSteps.Percent(excellentFrom85, scored.Count), changed.GetProperty("excellentRate").GetDecimal());
        Assert.NotEqual(rates.GetProperty("excellentRate").GetDecimal(), changed.GetProperty("excellentRate").GetDecimal());
        Assert.Equal(rates.GetProperty("passRate").GetDecimal(), changed.GetProperty("passRate").GetDecimal());

        // A supervisor whose data scope is one unit reads that unit's candidates and rates only, here and in the list.
        var admin = await app.SignedInAsync("admin");
        var made = await admin.PostAsJsonAsync("/api/org/staff", new
        {
            userName = "exam.supervisor", displayName = "钟慧敏", departmentId = units[0], roles = new[] { "supervisor" }, dataScope = "Department", password = "Unit#Super2019",
        });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var scoped = await app.SignedInAsync("exam.supervisor", "Unit#Super2019");
        var seen = await scoped.GetFromJsonAsync<JsonElement>($"/api/publicity/exams/{examId}");
        Assert.All(seen.GetProperty("candidates").EnumerateArray(), c => Assert.Equal(units[0], c.GetProperty("departmentId").GetGuid()));
        Assert.Equal(candidates.Count(c => c.GetProperty("departmentId").GetGuid() == units[0]), seen.GetProperty("candidates").GetArrayLength());
        Assert.Equal([units[0]], seen.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("departmentId").GetGuid()));
        var listed = (await scoped.GetFromJsonAsync<JsonElement>("/api/publicity/exams")).EnumerateArray().Single(e => e.GetProperty("id").GetGuid() == examId);
        Assert.Equal(PublicityApiSteps.Int(seen.GetProperty("rates"), "listed"), PublicityApiSteps.Int(listed.GetProperty("rates"), "listed"));
    }

    [Fact]
    public async Task An_imported_event_is_held_at_a_site_named_in_its_row_and_a_site_not_on_the_list_or_a_title_is_named_by_row()
    {
        var officer = await app.SignedInAsync("dept.publicity");
        var sites = (await officer.GetFromJsonAsync<JsonElement>("/api/publicity/sites")).EnumerateArray().ToList();
        var park = sites.First(x => x.GetProperty("kind").GetString() == "ThemePark");
        var title = sites.First(x => x.GetProperty("kind").GetString() == "ModelCommunity");
        var marker = "（阵地" + Guid.NewGuid().ToString("N")[..6] + "）";
        Dictionary<string, object?> Row(int day, string name, string site) => new(EventRow(new DateOnly(2026, 11, day), name + marker, "法治讲座", 60)) { ["阵地"] = site };
        var sheet = await PublicityApiSteps.WorkbookAsync((PublicityApiSteps.EventsSheet, PublicityApiSteps.Rows(
            Row(3, "主题公园宪法宣传", park.GetProperty("name").GetString()!), // row 2
            Row(4, "无此阵地的宣传", "不存在的阵地"),                           // row 3
            Row(5, "称号不是阵地", title.GetProperty("name").GetString()!))));  // row 4
        var import = await PublicityApiSteps.ImportedAsync(officer, "/api/publicity/import", sheet);
        Assert.Equal(1, PublicityApiSteps.Int(import, "created"));
        var e = PublicityApiSteps.EventsSheet + PublicityApiSteps.Dot;
        Assert.Equal([(3, e + "阵地"), (4, e + "阵地")], PublicityApiSteps.Errors(import));

        var atPark = await officer.GetFromJsonAsync<JsonElement>($"/api/publicity/events?siteId={park.GetProperty("id").GetGuid()}&q={Uri.EscapeDataString(marker)}");
        Assert.Equal("主题公园宪法宣传" + marker, Assert.Single(PublicityApiSteps.Items(atPark)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_unit_head_submits_a_duty_report_with_its_signed_file_once_the_office_hears_it_once_and_the_figure_counts_it()
    {
        var head = await app.SignedInAsync("dept.publicity");
        var office = await app.SignedInAsync("pufa.officer");
        var unit = await PublicityApiSteps.DepartmentAsync(head);
        var figures = await PublicityApiSteps.FiguresAsync(office, "2026-01-01", "2026-12-31");
        // The 2024 report (the demo town has this year's), heard today: the figure counts reports heard in the period.
        var before = figures["publicity.duty_reports"];
        byte[] signed = [.. "%PDF-1.4\n"u8, .. Enumerable.Range(0, 4000).Select(i => (byte)(i * 7))];
        MultipartFormDataContent Form() => new()
        {
            { new StringContent(unit.ToString()), "departmentId" }, { new StringContent("2024"), "year" }, { new StringContent("陈建华"), "headName" },
            { new StringContent("本年度认真履行推进法治建设第一责任人职责，组织本单位集体学法四次。"), "text" },
            { new ByteArrayContent(signed) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "file", "述职报告.pdf" },
        };
        var id = await PublicityApiSteps.CreatedIdAsync(head.PostAsync("/api/publicity/duty-reports", Form()));
        Assert.Equal("publicity.duplicate", (await (await head.PostAsync("/api/publicity/duty-reports", Form())).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal(signed, await office.GetByteArrayAsync($"/api/publicity/duty-reports/{id}/file"));

        // The unit's head does not hear their own report; the office does, once.
        var today = PublicityApiSteps.Day(PublicityApiSteps.Today(app));
        var hearing = new { heardAt = "镇委会议室（年度述职会）", heardOn = today, evaluation = "Good", note = "履职较好" };
        Assert.Equal(HttpStatusCode.Forbidden, (await head.PostAsJsonAsync($"/api/publicity/duty-reports/{id}/hearing", hearing)).StatusCode);
        await PublicityApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/publicity/duty-reports/{id}/hearing", hearing));
        Assert.Equal("publicity.evaluated", (await (await office.PostAsJsonAsync($"/api/publicity/duty-reports/{id}/hearing", hearing with { evaluation = "Excellent" }))
            .ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        var report = await office.GetFromJsonAsync<JsonElement>($"/api/publicity/duty-reports/{id}");
        Assert.Equal(("Good", "陈建华"), (report.GetProperty("evaluation").GetString(), report.GetProperty("headName").GetString()));
        Assert.Equal(before + 1, (await PublicityApiSteps.FiguresAsync(office, "2026-01-01", "2026-12-31"))["publicity.duty_reports"]);
    }

    [Fact]
    public async Task An_events_photo_is_stored_by_its_hash_the_same_photo_twice_is_one_and_it_reads_back_the_same()
    {
        var officer = await app.SignedInAsync("dept.publicity");
        var day = PublicityApiSteps.Today(app);
        var id = await PublicityApiSteps.CreatedIdAsync(officer.PostAsJsonAsync("/api/publicity/events", new
        {
            date = PublicityApiSteps.Day(day), kind = "Lecture", title = "照片测试讲座" + Guid.NewGuid().ToString("N")[..6], place = "单位会议室", organiser = "本单位",
            law = "民法典", audience = "Residents", peopleReached = 40, printed = 0, handedOut = 0,
        }));
        byte[] photo = [.. new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, .. Enumerable.Range(0, 5000).Select(i => (byte)(i * 13))];
        async Task<string> AddAsync()
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(photo) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } }, "file", "现场.png" } };
            var added = await officer.PostAsync($"/api/publicity/events/{id}/photos", form);
            Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());
            return (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sha256").GetString()!;
        }

        var sha = await AddAsync();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(photo)), sha);
        Assert.Equal(sha, await AddAsync());
        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/publicity/events/{id}");
        Assert.Equal(1, view.GetProperty("photos").GetArrayLength());
        Assert.Equal(photo, await officer.GetByteArrayAsync($"/api/publicity/events/{id}/photos/{sha}"));
    }

    [Fact]
    public async Task A_community_imports_its_businesses_letters_new_businesses_are_registered_and_the_same_file_twice_adds_nothing()
    {
        var office = await app.SignedInAsync("pufa.officer");
        var townMissing = await office.GetFromJsonAsync<JsonElement>("/api/publicity/businesses?missingYear=2026");
        Assert.True(townMissing.GetProperty("total").GetInt32() > 0, "the demo town has businesses still without their 2026 letter");

        var officer = await app.SignedInAsync("community.officer");
        var community = await PublicityApiSteps.DepartmentAsync(officer);
        static Guid Id(JsonElement b) => b.GetProperty("id").GetGuid();
        var missing = PublicityApiSteps.Items(await officer.GetFromJsonAsync<JsonElement>($"/api/publicity/businesses?communityId={community}&missingYear=2026"));
        var mine = PublicityApiSteps.Items(await officer.GetFromJsonAsync<JsonElement>($"/api/publicity/businesses?communityId={community}"));
        Assert.All(mine, b => Assert.Equal(community, b.GetProperty("communityId").GetGuid()));
        var missingIds = missing.Select(Id).ToHashSet();
        var signedAlready = mine.First(b => !missingIds.Contains(Id(b)));
        var toSign = missing.Take(1).ToList();

        async Task<int> CommunityBusinessLettersAsync() =>
            (await officer.GetFromJsonAsync<JsonElement>("/api/publicity/letters/counts?year=2026")).EnumerateArray()
                .Single(l => l.GetProperty("level").GetString() == "CommunityBusiness").GetProperty("letters").GetInt32();
        var before = await CommunityBusinessLettersAsync();

        const string NewCode = "91441900MA99999901";
        static Dictionary<string, object?> Letter(string name, string code, DateOnly on) => new() { ["企业名称"] = name, ["统一社会信用代码"] = code, ["签订日期"] = on };
        var rows = toSign.Select(b => Letter(b.GetProperty("name").GetString()!, b.GetProperty("creditCode").GetString()!, new DateOnly(2026, 11, 18))).ToList();
        rows.Add(Letter(signedAlready.GetProperty("name").GetString()!, signedAlready.GetProperty("creditCode").GetString()!, new DateOnly(2026, 3, 10)));
        rows.Add(Letter("东莞市石马新辉电子科技有限公司", NewCode, new DateOnly(2026, 11, 18)));
        var invalidRow = rows.Count + 2;
        rows.Add(Letter("东莞市石马代码有误五金有限公司", "12345", new DateOnly(2026, 11, 18)));
        // A row without its day is named (not passed over, its business not registered); the new business's row again is named.
        const string UndatedCode = "91441900MA99999902";
        var undatedRow = rows.Count + 2;
        rows.Add(new() { ["企业名称"] = "东莞市石马未填日期塑胶有限公司", ["统一社会信用代码"] = UndatedCode, ["签订日期"] = null });
        var repeatedRow = rows.Count + 2;
        rows.Add(Letter("东莞市石马新辉电子科技有限公司", NewCode, new DateOnly(2026, 11, 19)));
        var sheet = await PublicityApiSteps.WorkbookAsync(("责任书", rows));
        var url = $"/api/publicity/letters/import?communityId={community}&year=2026";

        var first = await PublicityApiSteps.ImportedAsync(officer, url, sheet);
        Assert.Equal((toSign.Count + 1, 1, 1),
            (PublicityApiSteps.Int(first, "created"), PublicityApiSteps.Int(first, "unchanged"), PublicityApiSteps.Int(first, "businessesAdded")));
        Assert.Equal([(invalidRow, "统一社会信用代码"), (undatedRow, "签订日期"), (repeatedRow, "统一社会信用代码")], PublicityApiSteps.Errors(first));
        Assert.Empty(PublicityApiSteps.Items(await officer.GetFromJsonAsync<JsonElement>($"/api/publicity/businesses?q={UndatedCode}")));
        Assert.Equal(before + toSign.Count + 1, await CommunityBusinessLettersAsync());

        // The new business is on the register, in this community, and with its letter it is missing no more; nor are those just signed.
        var registered = Assert.Single(PublicityApiSteps.Items(await officer.GetFromJsonAsync<JsonElement>($"/api/publicity/businesses?q={NewCode}")));
        Assert.Equal(community, registered.GetProperty("communityId").GetGuid());
        var stillMissing = PublicityApiSteps.Items(await officer.GetFromJsonAsync<JsonElement>($"/api/publicity/businesses?communityId={community}&missingYear=2026")).Select(Id).ToList();
        Assert.DoesNotContain(Id(registered), stillMissing);
        Assert.All(toSign, b => Assert.DoesNotContain(Id(b), stillMissing));

        var again = await PublicityApiSteps.ImportedAsync(officer, url, sheet);
        Assert.Equal((0, toSign.Count + 2, 0),
            (PublicityApiSteps.Int(again, "created"), PublicityApiSteps.Int(again, "unchanged"), PublicityApiSteps.Int(again, "businessesAdded")));
        Assert.Equal(PublicityApiSteps.Errors(first), PublicityApiSteps.Errors(again));
        Assert.Equal(before + toSign.Count + 1, await CommunityBusinessLettersAsync());

        // The town's own letters are the legal office's to sign.
        var townLetter = await officer.PostAsJsonAsync("/api/publicity/letters", new { year = 2026, level = "TownCommunity", counterpartId = community, signedOn = "2026-11-20" });
        Assert.Equal("publicity.not_yours", (await townLetter.ReadProblemAsync(HttpStatusCode.Forbidden)).Code());
    }

    [Fact]
    public async Task Last_years_figures_are_the_demo_towns_and_the_register_shows_the_community_a_month_behind()
    {
        var office = await app.SignedInAsync("pufa.officer");
        var figures = await PublicityApiSteps.FiguresAsync(office, "2025-01-01", "2025-12-31");
        Assert.Equal(309m, figures["publicity.events"]);
        Assert.Equal(2582m, figures["publicity.posts"]);
        Assert.Equal(180_000m, figures["publicity.people_reached"]);
        Assert.Equal(151_200m, figures["publicity.printed"]);
        Assert.Equal(119_600m, figures["publicity.handed_out"]);
        Assert.Equal(13m, figures["publicity.schools_reached"]);
        Assert.Equal(4m, figures["publicity.central_group_sessions"]);
        Assert.Equal((120m, 120m, 120m, 118m),
            (figures["publicity.exam_required"], figures["publicity.exam_sat"], figures["publicity.exam_passed"], figures["publicity.exam_excellent"]));
        Assert.Equal(1m, figures["publicity.exam_sat_rate"]);
        Assert.Equal(1m, figures["publicity.exam_pass_rate"]);
        Assert.Equal(Math.Round(118m / 120m, 10), Math.Round(figures["publicity.exam_excellent_rate"], 10));
        Assert.Equal((77m, 23m, 54m, 2980m),
            (figures["publicity.letters_town"], figures["publicity.letters_town_community"], figures["publicity.letters_town_unit"], figures["publicity.letters_community_business"]));

        // Each enforcing department's list in force, one each: this year's replaced last year's from New Year's Day.
        Assert.Equal(15m, figures["publicity.lists_in_force"]);
        var published = (await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/public/publicity/lists")).EnumerateArray().Select(l => l.GetProperty("departmentId").GetString()).ToList();
        Assert.Equal(15, published.Count);
        Assert.Equal(published.Count, published.Distinct().Count());

        // 蛟乙塘社区 (TX-C07) has reported nothing since August: it owes September, long overdue, so red.
        var behind = Assert.Single((await office.GetFromJsonAsync<JsonElement>("/api/publicity/reporters")).EnumerateArray(), r => r.GetProperty("name").GetString() == "蛟乙塘社区");
        Assert.Equal(("2026-09-01", "Red"), (behind.GetProperty("owedMonth").GetString(), behind.GetProperty("level").GetString()));

        // The 2019-seed year's joint meeting and 民主法治社区 titles (national re-examined, provincial and city created).
        Assert.Equal((1m, 3m), (figures["publicity.joint_meetings"], figures["publicity.model_communities"]));
        Assert.Equal(4m + 1m + 2m + 1m, figures["publicity.study_sessions"]);
    }
}

/// <summary>
/// A responsibility list is public while in force: one taking effect tomorrow shows from tomorrow and ends the one before it the day
/// before. The clock moves: this class has its platform to itself.
/// </summary>
public sealed class PublicityListDayTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private static object NewList(Guid department, DateOnly from, string law) => new
    {
        departmentId = department, year = from.Year, effectiveFrom = PublicityApiSteps.Day(from),
        items = new[]
        {
            new { law = "宪法", audience = "本部门工作人员", method = "集体学法" },
            new { law, audience = "经营者和消费者", method = "执法检查中以案释法、发放宣传资料" },
        },
    };

    [Fact]
    public async Task A_unit_that_has_not_reported_its_month_is_yellow_on_the_register_from_two_days_before_the_10th_and_red_from_the_11th()
    {
        var office = await app.SignedInAsync("pufa.officer");
        var admin = await app.SignedInAsync("admin");
        var reporters = (await office.GetFromJsonAsync<JsonElement>("/api/publicity/reporters")).EnumerateArray().Select(r => r.GetProperty("id").GetGuid()).ToHashSet();
        var unit = (await admin.GetFromJsonAsync<JsonElement>("/api/org/nodes")).EnumerateArray()
            .First(n => n.GetProperty("kind").GetString() is "Unit" or "Department" && n.GetProperty("isActive").GetBoolean() && !reporters.Contains(n.GetProperty("id").GetGuid()));
        var unitId = unit.GetProperty("id").GetGuid();

        // From November on: November's report is due Thursday 2026-12-10 (a working day); yellow from 12-08, red from 12-11, in China.
        Assert.True((await office.PostAsJsonAsync("/api/publicity/reporters", new { orgNodeId = unitId, firstMonth = "2026-11-01" })).IsSuccessStatusCode);
        async Task<string?> OnTheRegisterAtAsync(string chinaTime)
        {
            app.Time.SetUtcNow(DateTimeOffset.Parse(chinaTime + " +08:00", CultureInfo.InvariantCulture));
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Deadlines.DeadlineMonitor>().RunPassAsync();
            }

            // Signed in at that moment (a token lasts a working day).
            var alerts = await (await app.SignedInAsync("supervisor")).GetFromJsonAsync<JsonElement>("/api/alerts?module=publicity&pageSize=200");
            return alerts.GetProperty("items").EnumerateArray()
                .Where(a => a.GetProperty("recordId").GetGuid() == unitId && a.GetProperty("kind").GetString() == "publicity.month")
                .Select(a => a.GetProperty("level").GetString()).FirstOrDefault(); // the latest raised first
        }

        Assert.Null(await OnTheRegisterAtAsync("2026-12-07 23:59:59.999"));
        Assert.Equal("Yellow", await OnTheRegisterAtAsync("2026-12-08 00:00:00"));
        Assert.Equal("Yellow", await OnTheRegisterAtAsync("2026-12-10 23:59:59.999"));
        Assert.Equal("Red", await OnTheRegisterAtAsync("2026-12-11 00:00:00"));
    }

    [Fact]
    public async Task A_returned_month_is_owed_again_and_open_to_corrections_and_a_stopped_reporter_owes_nothing()
    {
        var officer = await app.SignedInAsync("community.officer2");
        var office = await app.SignedInAsync("pufa.officer");
        var community = await PublicityApiSteps.DepartmentAsync(officer);
        async Task<JsonElement> MineAsync() =>
            Assert.Single((await office.GetFromJsonAsync<JsonElement>("/api/publicity/reporters")).EnumerateArray(), r => r.GetProperty("id").GetGuid() == community);

        // This platform's town has no reporters of its own yet: the community reports from September.
        await PublicityApiSteps.NoContentAsync(office.PostAsJsonAsync("/api/publicity/reporters", new { orgNodeId = community, firstMonth = "2026-09-01" }));
        Assert.Equal("2026-09-01", (await MineAsync()).GetProperty("owedMonth").GetString());

        // September, late: one event imported, the month submitted; the clock moves to October.
        var import = await PublicityApiSteps.ImportedAsync(officer, "/api/publicity/import", await PublicityApiSteps.WorkbookAsync(
            (PublicityApiSteps.EventsSheet, PublicityApiSteps.Rows(PublicityApiTests.EventRow(new DateOnly(2026, 9, 16), "补报：扫黑除恶宣传", "法治讲座", 55)))));
        var reportId = Assert.Single(import.GetProperty("reports").EnumerateArray()).GetGuid();
        var draft = await PublicityApiSteps.ReportAsync(officer, reportId);
        await PublicityApiSteps.NoContentAsync(officer.PostAsJsonAsync($"/api/publicity/reports/{reportId}/submit",
            new { note = (string?)null, seenEvents = draft.GetProperty("seenEvents").GetInt32() }));
        Assert.Equal("2026-10-01", (await MineAsync()).GetProperty("owedMonth").GetString());

        // The office sends it back, with its reason (none is refused, naming the field): owed again, and open to corrections.
        var submitted = await PublicityApiSteps.ReportAsync(office, reportId);
        var seen = submitted.GetProperty("seenEvents").GetInt32();
        var noReason = await office.PostAsJsonAsync($"/api/publicity/reports/{reportId}/return", new { reason = " ", seenEvents = seen });
        Assert.Equal(["reason"], (await noReason.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        await PublicityApiSteps.NoContentAsync(office.PostAsJsonAsync($"/api/publicity/reports/{reportId}/return", new { reason = "缺少活动照片和受众人数依据", seenEvents = seen }));
        Assert.Equal("Returned", (await PublicityApiSteps.ReportAsync(officer, reportId)).GetProperty("status").GetString());
        Assert.Equal("2026-09-01", (await MineAsync()).GetProperty("owedMonth").GetString());
        var again = await PublicityApiSteps.ImportedAsync(officer, "/api/publicity/import", await PublicityApiSteps.WorkbookAsync(
            (PublicityApiSteps.EventsSheet, PublicityApiSteps.Rows(PublicityApiTests.EventRow(new DateOnly(2026, 9, 16), "补报：扫黑除恶宣传", "法治讲座", 60)))));
        Assert.Equal((0, 1), (PublicityApiSteps.Int(again, "created"), PublicityApiSteps.Int(again, "updated")));

        // Stopped (merged into another community): it owes nothing, its clock off the register.
        await PublicityApiSteps.NoContentAsync(office.PostAsync($"/api/publicity/reporters/{community}/stop", null));
        var stopped = await MineAsync();
        Assert.Equal((false, "Normal"), (stopped.GetProperty("active").GetBoolean(), stopped.GetProperty("level").GetString()));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Deadlines.DeadlineMonitor>().RunPassAsync();
            var register = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>().Set<Fazhi.Web.Platform.Deadlines.RegisteredDeadline>();
            Assert.False(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(register, d => d.RecordId == community && d.Kind == "publicity.month"));
        }
    }

    [Fact]
    public async Task A_list_effective_tomorrow_is_public_from_tomorrow_and_the_one_it_replaces_until_today()
    {
        var office = await app.SignedInAsync("pufa.officer");
        var department = await PublicityApiSteps.DepartmentAsync(await app.SignedInAsync("dept.publicity"));
        var today = PublicityApiSteps.Today(app);
        var tomorrow = today.AddDays(1);
        var oldId = await PublicityApiSteps.CreatedIdAsync(office.PostAsJsonAsync("/api/publicity/lists", NewList(department, new DateOnly(today.Year, 1, 1), "食品安全法")));
        var newId = await PublicityApiSteps.CreatedIdAsync(office.PostAsJsonAsync("/api/publicity/lists", NewList(department, tomorrow, "反食品浪费法")));

        // The old one now ends today.
        var lists = (await office.GetFromJsonAsync<JsonElement>($"/api/publicity/lists?year={today.Year}")).EnumerateArray().ToList();
        var old = lists.Single(l => l.GetProperty("id").GetGuid() == oldId);
        Assert.Equal((PublicityApiSteps.Day(today), true), (old.GetProperty("effectiveTo").GetString(), old.GetProperty("inForce").GetBoolean()));
        Assert.False(lists.Single(l => l.GetProperty("id").GetGuid() == newId).GetProperty("inForce").GetBoolean());

        var citizen = app.Anonymous();
        async Task<List<Guid>> PublicAsync() =>
            [.. (await citizen.GetFromJsonAsync<JsonElement>("/api/public/publicity/lists")).EnumerateArray().Select(l => l.GetProperty("id").GetGuid())];
        var shownToday = await PublicAsync();
        Assert.Contains(oldId, shownToday);
        Assert.DoesNotContain(newId, shownToday);

        app.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(tomorrow, PublicityApiSteps.Today(app));
        var shownTomorrow = await PublicAsync();
        Assert.Contains(newId, shownTomorrow);
        Assert.DoesNotContain(oldId, shownTomorrow);
        var current = (await citizen.GetFromJsonAsync<JsonElement>("/api/public/publicity/lists")).EnumerateArray().Single(l => l.GetProperty("id").GetGuid() == newId);
        Assert.Contains("反食品浪费法", current.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("law").GetString()));
    }
}
