using Fazhi.Web.Modules.Services.Data;
using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.Services;

/// <summary>The clock starts on Wednesday 2019-09-25, 09:00 in China, a week before the National Day holiday.</summary>
public sealed class NationalDayFactory : FazhiFactory
{
    public NationalDayFactory()
        : base(At("2019-09-25 09:00"))
    {
    }

    /// <summary>An instant given in China time.</summary>
    public static DateTimeOffset At(string chinaTime) =>
        new(DateTime.ParseExact(chinaTime, ["yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None), TimeSpan.FromHours(8));
}

/// <summary>
/// 民房报建 (TX-MFBJ-001): committed limit 20 working days; stages 初审 (planning, 5), a joint review by
/// planning, building and land (10), and 审批决定 (planning, 5). Every date below is worked out by hand on
/// the 2019 State Council calendar: 09-29 and 10-12 were make-up working days, 10-01 to 10-07 holidays.
/// </summary>
public sealed class ProcessTests : IAsyncLifetime
{
    private const string Item = "TX-MFBJ-001";

    // Each test walks its own clock forward from 2019-09-25, so each has a platform of its own.
    private readonly NationalDayFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    private void At(string chinaTime) => app.Time.SetUtcNow(NationalDayFactory.At(chinaTime));

    private Task<Guid> AcceptAsync() => AcceptAsync(app);

    /// <summary>A 民房报建 application accepted at a window now, with every material.</summary>
    public static async Task<Guid> AcceptAsync(FazhiFactory app)
    {
        var clerk = await app.SignedInAsync("clerk");
        var window = (await clerk.GetFromJsonAsync<JsonElement>("/api/org/windows")).EnumerateArray().First().GetProperty("id").GetGuid();
        var item = await clerk.GetFromJsonAsync<JsonElement>($"/api/services/items/{Item}");
        var materials = item.GetProperty("elements").GetProperty("materials").EnumerateArray()
            .Select(m => new { key = m.GetProperty("key").GetString(), provided = true }).ToList();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/services/applications")
        {
            Content = JsonContent.Create(new
            {
                itemCode = Item,
                windowId = window,
                applicant = new { kind = "Person", name = "张晓三", idNumber = IntakeTests.ValidId, phone = "13800001234" },
                materials,
                outcome = "accept",
            }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var response = await clerk.SendAsync(request);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<JsonElement> ViewAsync(string user, Guid id) =>
        await (await app.SignedInAsync(user)).GetFromJsonAsync<JsonElement>($"/api/services/applications/{id}/process");

    private async Task<HttpResponseMessage> ActAsync(string user, Guid id, string action, object? body = null) =>
        await (await app.SignedInAsync(user)).PostAsJsonAsync($"/api/services/applications/{id}/actions/{action}", body ?? new { });

    private async Task<JsonElement> OkAsync(string user, Guid id, string action, object? body = null)
    {
        var response = await ActAsync(user, id, action, body);
        Assert.True(response.IsSuccessStatusCode, $"{action} by {user}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Due(JsonElement view) => view.GetProperty("dueDate").GetString()!;

    private static List<JsonElement> OpenTasks(JsonElement view) =>
        view.GetProperty("tasks").EnumerateArray().Where(t => t.GetProperty("state").GetString() == "Open").ToList();

    private async Task<JsonElement?> QueueRowAsync(string user, Guid id) =>
        (await (await app.SignedInAsync(user)).GetFromJsonAsync<JsonElement>("/api/services/queue?page=1")).GetProperty("items").EnumerateArray()
            .Cast<JsonElement?>().FirstOrDefault(r => r!.Value.GetProperty("applicationId").GetGuid() == id);

    [Fact]
    public async Task Deadlines_count_working_days_across_the_2019_National_Day_holiday()
    {
        var id = await AcceptAsync();
        var view = await ViewAsync("reviewer", id);
        // RULES.md: accepted 2019-09-25, 20 working days are due at the end of 2019-10-28.
        Assert.Equal("2019-10-28", Due(view));
        // 初审, 5 working days: 09-26, 09-27, 09-29 (make-up Sunday), 09-30, then 10-08 after the holiday.
        Assert.Equal("2019-10-08", Assert.Single(OpenTasks(view)).GetProperty("dueDate").GetString());
    }

    [Fact]
    public async Task Warning_levels_change_at_exact_instants_in_China_time()
    {
        var id = await AcceptAsync();
        // 初审 is due 10-08 with 5 days of allowance: yellow when 2 or fewer working days are left, which is
        // from 09-29 (left: 09-30 and 10-08); red from 10-09.
        At("2019-09-28 23:59:59");
        Assert.Equal("Normal", (await QueueRowAsync("reviewer", id))!.Value.GetProperty("level").GetString());
        At("2019-09-29 00:00");
        Assert.Equal("Yellow", (await QueueRowAsync("reviewer", id))!.Value.GetProperty("level").GetString());
        At("2019-10-08 23:59:59");
        Assert.Equal("Yellow", (await QueueRowAsync("reviewer", id))!.Value.GetProperty("level").GetString());
        At("2019-10-09 00:00");
        Assert.Equal("Red", (await QueueRowAsync("reviewer", id))!.Value.GetProperty("level").GetString());

        // The whole application (20 days, due 10-28): yellow with 4 working days left, from 10-22.
        At("2019-10-21 12:00");
        Assert.Equal("Normal", (await ViewAsync("reviewer", id)).GetProperty("level").GetString());
        At("2019-10-22 00:00");
        Assert.Equal("Yellow", (await ViewAsync("reviewer", id)).GetProperty("level").GetString());
    }

    [Fact]
    public async Task An_application_goes_through_every_stage_to_delivery_and_the_public_page_shows_each_step()
    {
        var id = await AcceptAsync();

        // The building department cannot even see the application before the joint review reaches it.
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync("reviewer.build", id, "approve")).StatusCode);

        At("2019-09-27 10:00");
        var view = await OkAsync("reviewer", id, "approve", new { reason = "初审通过" });
        // The joint review starts on 09-27 with 10 working days: due 10-16 (09-29 and 10-12 count, the holiday does not).
        var joint = OpenTasks(view);
        Assert.Equal(3, joint.Count);
        Assert.All(joint, t => Assert.Equal("2019-10-16", t.GetProperty("dueDate").GetString()));

        // Deciding before the last stage is refused and changes nothing.
        var early = await (await ActAsync("reviewer", id, "decide", new { grant = true })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("process.not_last_stage", early.Code());

        await OkAsync("reviewer.build", id, "approve");
        view = await OkAsync("reviewer.land", id, "approve");
        Assert.Equal(1, view.GetProperty("currentStage").GetInt32());
        At("2019-10-08 09:00");
        view = await OkAsync("reviewer", id, "approve");
        Assert.Equal(2, view.GetProperty("currentStage").GetInt32());

        // A stage of another department: the building reviewer sees the application now, but may not decide it.
        var foreign = await (await ActAsync("reviewer.build", id, "decide", new { grant = true })).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("process.not_your_stage", foreign.Code());

        // Expert review from Thursday 10-10 to Thursday 10-17: 13 working days were left (10-11 … 10-28, with the
        // make-up Saturday 10-12), so the limit moves to 11-05.
        At("2019-10-10 15:00");
        view = await OkAsync("reviewer", id, "suspend", new { kind = "expert_review", reason = "需组织专家论证建房选址安全" });
        Assert.Equal("Suspended", view.GetProperty("status").GetString());
        var suspended = await (await ActAsync("reviewer", id, "decide", new { grant = true })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("process.suspended", suspended.Code());
        At("2019-10-17 09:30");
        view = await OkAsync("reviewer", id, "resume");
        Assert.Equal("2019-11-05", Due(view));

        // Extension: asked by the reviewer, approved by the supervisor, once; a joint item gets 15 working days.
        await OkAsync("reviewer", id, "request-extension", new { reason = "需补充征求村民意见" });
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync("reviewer", id, "decide-extension", new { approve = true })).StatusCode);
        view = await OkAsync("supervisor", id, "decide-extension", new { approve = true });
        Assert.Equal("2019-11-26", Due(view));
        var twice = await (await ActAsync("reviewer", id, "request-extension", new { reason = "再次延期" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("process.already_extended", twice.Code());

        At("2019-11-01 16:00");
        view = await OkAsync("reviewer", id, "decide", new { grant = true, reason = "符合规划及用地条件" });
        Assert.Equal("Decided", view.GetProperty("status").GetString());
        // Delivery is due within 10 working days of the decision: 11-15.
        Assert.Equal("2019-11-15", view.GetProperty("deliveryDueDate").GetString());
        var token = await QueryTokenAsync(id);
        var tooEarly = await app.Anonymous().PostAsJsonAsync($"/api/public/progress/{token}/rating", new { score = 5 });
        Assert.Equal("evaluation.not_completed", (await tooEarly.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        await OkAsync("clerk", id, "deliver", new { method = "post" });
        view = await OkAsync("clerk", id, "complete");
        Assert.Equal("Completed", view.GetProperty("status").GetString());
        Assert.Equal(1, view.GetProperty("visits").GetInt32());

        var progress = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/progress/{token}");
        var kinds = progress.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(
            ["accepted", "stage_approved", "stage_started", "stage_approved", "stage_approved", "stage_approved", "stage_started",
             "suspended", "resumed", "extension_requested", "extended", "granted", "delivered", "completed"],
            kinds);
        Assert.Contains("需补充征求村民意见", progress.ToString());

        // 不满意 on Monday 11-04 opens a rectification due in 15 working days (11-25); a second rating is refused.
        At("2019-11-04 09:00");
        var rated = await app.Anonymous().PostAsJsonAsync($"/api/public/progress/{token}/rating", new { score = 2, comment = "等待时间太长" });
        Assert.Equal(HttpStatusCode.NoContent, rated.StatusCode);
        var again = await app.Anonymous().PostAsJsonAsync($"/api/public/progress/{token}/rating", new { score = 5 });
        Assert.Equal("evaluation.already_rated", (await again.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        var planning = await app.SignedInAsync("reviewer");
        var task = Assert.Single((await planning.GetFromJsonAsync<JsonElement>("/api/services/rectifications")).GetProperty("items").EnumerateArray());
        Assert.Equal("2019-11-25", task.GetProperty("dueDate").GetString());
        Assert.Empty((await (await app.SignedInAsync("reviewer.build")).GetFromJsonAsync<JsonElement>("/api/services/rectifications")).GetProperty("items").EnumerateArray());
        var rectificationId = task.GetProperty("id").GetGuid();
        var early2 = await (await app.SignedInAsync("supervisor")).PostAsJsonAsync($"/api/services/rectifications/{rectificationId}/feedback", new { text = "已整改" });
        Assert.Equal("evaluation.rectification_not_rectified", (await early2.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal(HttpStatusCode.NoContent, (await planning.PostAsJsonAsync($"/api/services/rectifications/{rectificationId}/measures", new { text = "增设民房报建专窗，压缩审查时间" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await (await app.SignedInAsync("supervisor")).PostAsJsonAsync($"/api/services/rectifications/{rectificationId}/feedback", new { text = "已回访核实并整改：增设专窗" })).StatusCode);
        progress = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/progress/{token}");
        Assert.Equal("rectification_feedback", progress.GetProperty("timeline").EnumerateArray().Last().GetProperty("kind").GetString());
    }

    [Fact]
    public async Task An_online_applicant_uploads_corrections_asked_during_review_and_the_clock_runs_again_without_a_visit()
    {
        var citizen = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        Assert.Equal(HttpStatusCode.Created, (await citizen.PostAsJsonAsync("/api/services/online/register", new { phone = "13900002222", password = "abc12345" })).StatusCode);
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n");
        MultipartFormDataContent Files(params string[] keys)
        {
            var form = new MultipartFormDataContent();
            foreach (var key in keys)
            {
                var part = new ByteArrayContent(pdf);
                part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
                form.Add(part, "file-" + key, key + ".pdf");
            }

            return form;
        }

        // 建设工程规划许可证核发 (TX-GC-001, planning) is online: 15 committed days, 审查 14 and 决定 1.
        using var application = Files("form", "landuse", "drawings", "licence");
        application.Add(new StringContent("TX-GC-001"), "itemCode");
        application.Add(new StringContent("Person"), "kind");
        application.Add(new StringContent("林小雨"), "name");
        application.Add(new StringContent(IntakeTests.ValidId), "idNumber");
        application.Add(new StringContent("13900002222"), "phone");
        var created = await citizen.PostAsync("/api/services/online/applications", application);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var clerk = await app.SignedInAsync("clerk");
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"/api/services/applications/{id}/intake-decision", new { outcome = "accept" })).StatusCode);
        Assert.Equal("2019-10-21", Due(await ViewAsync("reviewer", id)));

        // Thursday 09-26: the reviewer asks for a new drawing; 14 working days are left (09-27 … 10-21), the clock stops.
        At("2019-09-26 10:00");
        await OkAsync("reviewer", id, "correction", new { correctionItems = new[] { "总平面图须加盖设计单位出图章" } });
        var token = await QueryTokenAsync(id);
        var progress = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/progress/{token}");
        Assert.Contains("总平面图须加盖设计单位出图章", progress.GetProperty("applicantMustDo").ToString());

        // Uploaded on Tuesday 10-08, after the holiday: 14 working days from then end on 10-25; no trip counted.
        At("2019-10-08 20:00");
        Assert.Equal(HttpStatusCode.NoContent, (await citizen.PostAsJsonAsync("/api/services/online/login", new { phone = "13900002222", password = "abc12345" })).StatusCode);
        using var corrections = Files("drawings");
        Assert.Equal(HttpStatusCode.NoContent, (await citizen.PostAsync($"/api/services/online/applications/{id}/corrections", corrections)).StatusCode);
        var view = await ViewAsync("reviewer", id);
        Assert.Equal("Accepted", view.GetProperty("status").GetString());
        Assert.Equal("2019-10-25", Due(view));
        Assert.Equal(0, view.GetProperty("visits").GetInt32());
    }

    [Fact]
    public async Task A_complaint_card_reaches_the_supervisor_and_bad_input_is_named()
    {
        var bad = await app.Anonymous().PostAsJsonAsync("/api/public/complaints", new { text = "", phone = "12" });
        var problem = await bad.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("text", problem.ErrorFields());
        Assert.Contains("phone", problem.ErrorFields());
        var sent = await app.Anonymous().PostAsJsonAsync("/api/public/complaints", new { text = "窗口工作人员<script>alert(1)</script>推诿", phone = "13800001234" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var list = await (await app.SignedInAsync("supervisor")).GetFromJsonAsync<JsonElement>("/api/services/complaints");
        Assert.Contains(list.GetProperty("items").EnumerateArray(), c => c.GetProperty("text").GetString()!.Contains("推诿"));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("reviewer")).GetAsync("/api/services/complaints")).StatusCode);

        // The supervision page shows it, escaped.
        var page = await (await app.BrowserSignedInAsync("supervisor")).GetStringAsync("/supervision");
        Assert.Contains("推诿", page);
        Assert.DoesNotContain("<script>alert(1)</script>", page);
        Assert.Contains("&lt;script&gt;", page);
    }

    [Fact]
    public async Task Two_reviewers_acting_on_the_same_stage_at_once_one_succeeds_the_other_hears_who_acted()
    {
        var admin = await app.SignedInAsync("admin");
        var planning = (await admin.GetFromJsonAsync<JsonElement>("/api/org/nodes")).EnumerateArray()
            .Single(n => n.GetProperty("code").GetString() == "TX-PLAN").GetProperty("id").GetGuid();
        var created = await admin.PostAsJsonAsync("/api/org/staff", new
        {
            userName = "reviewer.plan2", displayName = "林志明", departmentId = planning, roles = new[] { "reviewer" },
            dataScope = "Department", password = "Plan2#review2019",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var id = await AcceptAsync();
        var seen = (await ViewAsync("reviewer", id)).GetProperty("events").GetArrayLength();
        var first = await app.SignedInAsync("reviewer");
        var second = await app.SignedInAsync("reviewer.plan2", "Plan2#review2019");
        var both = await Task.WhenAll(
            first.PostAsJsonAsync($"/api/services/applications/{id}/actions/approve", new { seenEvents = seen }),
            second.PostAsJsonAsync($"/api/services/applications/{id}/actions/approve", new { seenEvents = seen }));
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.OK);
        var loser = Assert.Single(both, r => r.StatusCode == HttpStatusCode.Conflict);
        var problem = await loser.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("case.acted_by", problem.Code());
        var winner = both[0].StatusCode == HttpStatusCode.OK ? "reviewer" : "reviewer.plan2";
        Assert.Contains(winner, problem.GetProperty("title").GetString());

        // Exactly one approval is on the record.
        var view = await ViewAsync("reviewer", id);
        Assert.Single(view.GetProperty("events").EnumerateArray(), e => e.GetProperty("kind").GetString() == "stage_approved");
    }

    [Fact]
    public async Task A_reviewer_works_from_the_queue_page_and_a_stale_page_is_told_who_acted()
    {
        var id = await AcceptAsync();
        var browser = await app.BrowserSignedInAsync("reviewer");
        var queue = await browser.GetStringAsync("/review");
        Assert.Contains($"/review/{id}", queue);
        Assert.Contains("初审", queue);

        // Two tabs open on the same stage; the first approves, the second is told who acted.
        var stale = await browser.GetStringAsync($"/review/{id}");
        Assert.Contains("id=\"act-approve\"", stale);
        var approved = await FazhiFactory.PostFormAsync(browser, $"/review/{id}", "act", new() { ["Form.Action"] = "approve", ["Form.Reason"] = "同意" });
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);

        var other = await app.BrowserSignedInAsync("reviewer.build");
        var joint = await other.GetStringAsync($"/review/{id}");
        Assert.Contains("联合审查", joint);
        Assert.Contains("id=\"act-approve\"", joint);

        // The stale form still carries the step count and stage it showed.
        var token = System.Text.RegularExpressions.Regex.Match(stale, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var seen = System.Text.RegularExpressions.Regex.Match(stale, "name=\"Form.SeenEvents\" value=\"(\\d+)\"").Groups[1].Value;
        var build = await app.BrowserSignedInAsync("reviewer.build");
        await FazhiFactory.PostFormAsync(build, $"/review/{id}", "act", new() { ["Form.Action"] = "approve" });
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "act", ["__RequestVerificationToken"] = token, ["Form.Action"] = "approve", ["Form.SeenEvents"] = seen, ["Form.Stage"] = "0",
        });
        var late = await browser.PostAsync($"/review/{id}", content);
        var page = await late.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("张志伟（reviewer.build） 已于", page);
    }

    private async Task<string> QueryTokenAsync(Guid id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>();
        return db.Applications.Where(a => a.Id == id).Select(a => a.QueryToken).Single();
    }
}

/// <summary>The deadline monitor and the applicant's messages, on the 2019 calendar.</summary>
public sealed class MonitorTests : IAsyncLifetime
{
    private readonly NationalDayFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    private void At(string chinaTime) => app.Time.SetUtcNow(NationalDayFactory.At(chinaTime));

    private async Task PassesAtOnceAsync()
    {
        // Two monitors on their own connections at the same moment, as two server processes would run them.
        async Task Pass()
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Deadlines.DeadlineMonitor>().RunPassAsync();
        }

        await Task.WhenAll(Pass(), Pass());
    }

    private List<(string Level, string? Stage)> Alerts(Guid id)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>();
        return db.Set<Fazhi.Web.Platform.Deadlines.DeadlineAlert>().Where(a => a.RecordId == id).OrderBy(a => a.RaisedAt).ThenBy(a => a.Level).AsEnumerable()
            .Select(a => (a.Level.ToString(), a.Label)).ToList();
    }

    [Fact]
    public async Task The_monitor_alerts_each_level_change_once_even_when_two_passes_overlap()
    {
        var id = await ProcessTests.AcceptAsync(app);
        await PassesAtOnceAsync();
        Assert.Empty(Alerts(id));

        At("2019-09-29 00:00");
        await PassesAtOnceAsync();
        await PassesAtOnceAsync();
        Assert.Equal([("Yellow", "初审")], Alerts(id));

        At("2019-10-09 00:00");
        await PassesAtOnceAsync();
        Assert.Equal([("Yellow", "初审"), ("Red", "初审")], Alerts(id));

        // The whole application turns yellow on 10-22 (4 of 20 working days left).
        At("2019-10-22 08:00");
        await PassesAtOnceAsync();
        await PassesAtOnceAsync();
        Assert.Equal([("Yellow", "初审"), ("Red", "初审"), ("Yellow", null)], Alerts(id));

        // The stage's department and the supervisor see the alerts; another department does not.
        var planning = await (await app.SignedInAsync("reviewer")).GetFromJsonAsync<JsonElement>("/api/services/alerts");
        Assert.Equal(3, planning.GetProperty("items").EnumerateArray().Count(a => a.GetProperty("applicationId").GetGuid() == id));
        var supervisor = await (await app.SignedInAsync("supervisor")).GetFromJsonAsync<JsonElement>("/api/services/alerts");
        Assert.Equal(3, supervisor.GetProperty("items").EnumerateArray().Count(a => a.GetProperty("applicationId").GetGuid() == id));
        var building = await (await app.SignedInAsync("reviewer.build")).GetFromJsonAsync<JsonElement>("/api/services/alerts");
        Assert.DoesNotContain(building.GetProperty("items").EnumerateArray(), a => a.GetProperty("applicationId").GetGuid() == id);
    }

    [Fact]
    public async Task A_suspension_puts_one_message_in_the_outbox_that_is_sent_once()
    {
        var id = await ProcessTests.AcceptAsync(app);
        At("2019-09-26 10:00");
        var reviewer = await app.SignedInAsync("reviewer");
        var r = await reviewer.PostAsJsonAsync($"/api/services/applications/{id}/actions/suspend", new { kind = "testing", reason = "需对宅基地进行土壤检测" });
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>();
        var dispatcher = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Notifications.NotificationDispatcher>();
        await dispatcher.DispatchAsync();
        await dispatcher.DispatchAsync();
        var message = Assert.Single(db.Set<Fazhi.Web.Platform.Notifications.OutboxMessage>().Where(n => n.RecordId == id).ToList());
        Assert.Equal("services.suspended", message.Template);
        Assert.Equal("sms", message.Channel);
        Assert.NotNull(message.SentAt);
        Assert.Equal(1, message.Attempts);
        Assert.Contains("需对宅基地进行土壤检测", Fazhi.Web.Platform.Notifications.MessageText.Render(message, "zh-CN"));
    }
}

/// <summary>The supervision dashboard's figures against the records, and each figure's drill-down.</summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private readonly NationalDayFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    private void At(string chinaTime) => app.Time.SetUtcNow(NationalDayFactory.At(chinaTime));

    private async Task ActAsync(string user, Guid id, string action, object? body = null)
    {
        var r = await (await app.SignedInAsync(user)).PostAsJsonAsync($"/api/services/applications/{id}/actions/{action}", body ?? new { });
        Assert.True(r.IsSuccessStatusCode, await r.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_dashboard_counts_what_the_records_hold_and_every_figure_opens_its_applications()
    {
        // A: through every stage in time, picked up at the window (a second trip, over the promised one).
        var a = await ProcessTests.AcceptAsync(app);
        // B: left waiting at its first stage.
        var b = await ProcessTests.AcceptAsync(app);
        At("2019-09-27 09:00");
        await ActAsync("reviewer", a, "approve");
        await ActAsync("reviewer", a, "approve");
        await ActAsync("reviewer.build", a, "approve");
        await ActAsync("reviewer.land", a, "approve");
        At("2019-10-10 09:00");
        await ActAsync("reviewer", a, "decide", new { grant = true });
        await ActAsync("clerk", a, "deliver", new { method = "window" });
        await ActAsync("clerk", a, "complete");

        At("2019-10-29 10:00");
        var supervisor = await app.SignedInAsync("supervisor");
        const string period = "from=2019-09-01&to=2019-10-31";
        var view = await supervisor.GetFromJsonAsync<JsonElement>($"/api/services/dashboard?{period}");
        var town = view.GetProperty("town");
        Assert.Equal(2, town.GetProperty("received").GetInt32());
        Assert.Equal(2, town.GetProperty("accepted").GetInt32());
        Assert.Equal(1, town.GetProperty("decided").GetInt32());
        Assert.Equal(1, town.GetProperty("completed").GetInt32());
        Assert.Equal(1.0, town.GetProperty("onTimeRate").GetDouble());
        Assert.Equal(1, town.GetProperty("overdueNow").GetInt32());
        Assert.Equal(0, town.GetProperty("warningsNow").GetInt32());
        Assert.Equal(0.0, town.GetProperty("atMostOneShare").GetDouble());
        Assert.Equal(1, town.GetProperty("overPromise").GetInt32());
        // Decided on 10-10, 7 working days after acceptance: 09-26, 09-27, 09-29 (make-up), 09-30, 10-08, 10-09, 10-10.
        Assert.Equal(7.0, town.GetProperty("averageDays").GetDouble());
        var planning = Assert.Single(view.GetProperty("departments").EnumerateArray());
        Assert.Equal(2, planning.GetProperty("received").GetInt32());

        // Each figure's drill-down lists exactly as many applications as the figure counts, and the right ones.
        var expected = new Dictionary<string, (int Count, Guid? Only)>
        {
            ["received"] = (2, null), ["accepted"] = (2, null), ["decided"] = (1, a), ["on_time"] = (1, a), ["late"] = (0, null),
            ["completed"] = (1, a), ["zero_visits"] = (0, null), ["at_most_one_visit"] = (0, null), ["over_promise"] = (1, a),
            ["overdue_now"] = (1, b), ["warnings_now"] = (0, null),
        };
        foreach (var (figure, (count, only)) in expected)
        {
            var list = await supervisor.GetFromJsonAsync<JsonElement>($"/api/services/dashboard/applications?figure={figure}&{period}");
            Assert.True(count == list.GetProperty("total").GetInt32(), $"{figure}: expected {count}, listed {list.GetProperty("total").GetInt32()}");
            if (only is { } id)
            {
                Assert.Equal(id, Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
            }
        }

        // Another department's reviewer sees none of the planning department's figures.
        var building = await (await app.SignedInAsync("reviewer.build")).GetFromJsonAsync<JsonElement>($"/api/services/dashboard?{period}");
        Assert.Equal(0, building.GetProperty("town").GetProperty("received").GetInt32());

        var export = await supervisor.GetAsync($"/api/services/dashboard/export?{period}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);

        var page = await (await app.BrowserSignedInAsync("supervisor")).GetStringAsync($"/supervision/dashboard?{period}");
        Assert.Contains("data-chart=\"departments\"", page);
        Assert.Contains("figure=overdue_now", page);
    }
}

/// <summary>A demo town with its sample applications, as `dotnet run` opens it.</summary>
public sealed class DemoApplicationsTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    [Fact]
    public async Task The_demo_town_opens_with_applications_in_review_warnings_and_a_dashboard()
    {
        var queue = await (await app.SignedInAsync("reviewer")).GetFromJsonAsync<JsonElement>("/api/services/queue");
        Assert.True(queue.GetProperty("total").GetInt32() >= 5);
        Assert.Contains(queue.GetProperty("items").EnumerateArray(), r => r.GetProperty("level").GetString() == "Red");
        var joint = await (await app.SignedInAsync("reviewer.build")).GetFromJsonAsync<JsonElement>("/api/services/queue");
        Assert.True(joint.GetProperty("total").GetInt32() >= 1);

        var view = await (await app.SignedInAsync("supervisor")).GetFromJsonAsync<JsonElement>("/api/services/dashboard?from=2026-01-01");
        // Ten at the windows and the demo citizen's online one.
        Assert.Equal(11, view.GetProperty("town").GetProperty("received").GetInt32());
        Assert.Equal(2, view.GetProperty("town").GetProperty("completed").GetInt32());

        // Made through the domain methods and saved like any change: the audit chain holds.
        var verified = await (await app.SignedInAsync("admin")).GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verified.GetProperty("intact").GetBoolean());
    }
}
