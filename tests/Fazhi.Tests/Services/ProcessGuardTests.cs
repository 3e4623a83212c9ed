using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Services;

/// <summary>The process actions as typed requests: stale pages, the actions offered, and the stage's role.</summary>
public sealed class ProcessGuardTests : IAsyncLifetime
{
    private readonly NationalDayFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    private async Task<JsonElement> ViewAsync(string user, Guid id) =>
        await (await app.SignedInAsync(user)).GetFromJsonAsync<JsonElement>($"/api/services/applications/{id}/process");

    private static List<string> Allowed(JsonElement view) => [.. view.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()!)];

    [Fact]
    public async Task A_second_click_on_a_page_already_acted_on_is_told_who_acted_and_approves_nothing_more()
    {
        var id = await ProcessTests.AcceptAsync(app);
        var view = await ViewAsync("reviewer", id);
        var seen = new { seenEvents = view.GetProperty("events").GetArrayLength(), stage = 0 };
        var reviewer = await app.SignedInAsync("reviewer");

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/services/applications/{id}/actions/approve", seen)).StatusCode);
        // The same page's button again: the joint review has begun, with a task for the same department.
        var again = await (await reviewer.PostAsJsonAsync($"/api/services/applications/{id}/actions/approve", seen)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("case.acted_by", again.Code());
        var planning = Assert.Single((await ViewAsync("reviewer", id)).GetProperty("tasks").EnumerateArray(),
            t => t.GetProperty("stage").GetInt32() == 1 && t.GetProperty("department").GetString() == "规划管理所");
        Assert.Equal("Open", planning.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_page_left_open_while_the_stage_moved_to_the_last_one_is_refused_as_stale_before_any_other_check()
    {
        var id = await ProcessTests.AcceptAsync(app);
        var reviewer = await app.SignedInAsync("reviewer");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/services/applications/{id}/actions/approve", new { })).StatusCode);
        var stale = await ViewAsync("reviewer", id);
        var seen = new { seenEvents = stale.GetProperty("events").GetArrayLength(), stage = 1 };
        foreach (var user in new[] { "reviewer.build", "reviewer.land", "reviewer" })
        {
            Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(user)).PostAsJsonAsync($"/api/services/applications/{id}/actions/approve", new { })).StatusCode);
        }

        // Approving the joint stage from the old page would now be approving at the last stage: the answer names who acted.
        var late = await (await reviewer.PostAsJsonAsync($"/api/services/applications/{id}/actions/approve", seen)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("case.acted_by", late.Code());
    }

    [Fact]
    public async Task The_actions_offered_are_exactly_those_the_domain_accepts()
    {
        var id = await ProcessTests.AcceptAsync(app);
        var first = await ViewAsync("reviewer", id);
        Assert.Equal(["Approve", "Correction", "Suspend", "RequestExtension"], Allowed(first));
        // Another department has no task yet: the application is not in its scope at all.
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.SignedInAsync("reviewer.build")).GetAsync($"/api/services/applications/{id}/process")).StatusCode);
        Assert.Empty(Allowed(await ViewAsync("supervisor", id)));

        var reviewer = await app.SignedInAsync("reviewer");
        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/services/applications/{id}/actions/suspend", new { kind = "expert_review", reason = "专家论证" })).StatusCode);
        Assert.Equal(["Resume", "RequestExtension"], Allowed(await ViewAsync("reviewer", id)));
        // What is not offered is refused the same way.
        var approve = await (await reviewer.PostAsJsonAsync($"/api/services/applications/{id}/actions/approve", new { })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("process.suspended", approve.Code());

        Assert.Equal(HttpStatusCode.OK, (await reviewer.PostAsJsonAsync($"/api/services/applications/{id}/actions/request-extension", new { reason = "专家论证耗时" })).StatusCode);
        Assert.Equal(["DecideExtension"], Allowed(await ViewAsync("supervisor", id)));
    }

    [Fact]
    public async Task A_stage_whose_role_the_account_does_not_hold_is_neither_offered_nor_accepted()
    {
        var admin = await app.SignedInAsync("admin");
        var item = await admin.GetFromJsonAsync<JsonElement>("/api/services/items/TX-MFBJ-001");
        var elements = JsonSerializer.Deserialize<Dictionary<string, object>>(item.GetProperty("elements").GetRawText())!;
        var stages = item.GetProperty("elements").GetProperty("stages").EnumerateArray()
            .Select((s, i) => new { name = s.GetProperty("name").GetString(), departmentIds = s.GetProperty("departmentIds"), role = i == 0 ? "legality_reviewer" : "reviewer", allowanceDays = s.GetProperty("allowanceDays").GetInt32() })
            .ToList();
        elements["stages"] = stages;
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync("/api/services/items/TX-MFBJ-001", elements)).StatusCode);

        var id = await ProcessTests.AcceptAsync(app);
        Assert.DoesNotContain("Approve", Allowed(await ViewAsync("reviewer", id)));
        var refused = await (await (await app.SignedInAsync("reviewer")).PostAsJsonAsync($"/api/services/applications/{id}/actions/approve", new { })).ReadProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal("process.not_your_stage", refused.Code());

        elements["stages"] = stages.Select(s => s with { role = "no_such_role" }).ToList();
        var bad = await (await admin.PutAsJsonAsync("/api/services/items/TX-MFBJ-001", elements)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("stages", bad.ErrorFields());
    }
}

/// <summary>政府效能廉政监督卡 from the complainant's phone to the department's answer and back.</summary>
public sealed class ComplaintHandlingTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    [Fact]
    public async Task A_complaint_is_handed_to_a_department_answered_there_closed_and_the_complainant_reads_the_answer()
    {
        var sent = await app.Anonymous().PostAsJsonAsync("/api/public/complaints", new { text = "窗口人员午休时间提前离岗", phone = "13611113333" });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var receipt = await sent.Content.ReadFromJsonAsync<JsonElement>();
        var token = receipt.GetProperty("token").GetString()!;
        Assert.EndsWith($"/complaint/{token}", receipt.GetProperty("link").GetString(), StringComparison.Ordinal);
        var id = receipt.GetProperty("id").GetGuid();
        Assert.Equal("Received", (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/complaints/{token}")).GetProperty("state").GetString());

        var supervisor = await app.SignedInAsync("supervisor");
        var listed = (await supervisor.GetFromJsonAsync<JsonElement>("/api/services/complaints")).GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal("136****3333", listed.GetProperty("phone").GetString());
        var departments = await supervisor.GetFromJsonAsync<JsonElement>("/api/org/nodes");
        var service = departments.EnumerateArray().Single(n => n.GetProperty("code").GetString() == "TX-SVC").GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsJsonAsync($"/api/services/complaints/{id}/assign", new { departmentId = service })).StatusCode);

        // The clerk's department (the service centre) sees and answers it; another department does not see it at all.
        var reviewer = await app.SignedInAsync("reviewer");
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.PostAsJsonAsync($"/api/services/complaints/{id}/answer", new { text = "已核实" })).StatusCode);
        var clerk = await app.SignedInAsync("clerk");
        Assert.Contains((await clerk.GetFromJsonAsync<JsonElement>("/api/services/complaints/assigned")).GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        var empty = await (await clerk.PostAsJsonAsync($"/api/services/complaints/{id}/answer", new { text = "" })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("reply", empty.ErrorFields());
        Assert.Equal(HttpStatusCode.NoContent, (await clerk.PostAsJsonAsync($"/api/services/complaints/{id}/answer", new { text = "经核实，已对当班人员批评教育并调整午休轮岗。" })).StatusCode);
        var twice = await (await clerk.PostAsJsonAsync($"/api/services/complaints/{id}/answer", new { text = "再次答复" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("complaint.already_answered", twice.Code());

        var seen = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/complaints/{token}");
        Assert.Equal("Answered", seen.GetProperty("state").GetString());
        Assert.Contains("午休轮岗", seen.GetProperty("reply").GetString(), StringComparison.Ordinal);
        var page = await app.Anonymous().GetStringAsync($"/complaint/{token}");
        Assert.Contains("午休轮岗", page, StringComparison.Ordinal);

        // The complainant is told by text message, with the link.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>();
            var message = Assert.Single(db.Set<Fazhi.Web.Platform.Notifications.OutboxMessage>().Where(m => m.RecordId == id).ToList());
            Assert.Equal("13611113333", message.Recipient);
            Assert.Contains($"/complaint/{token}", Fazhi.Web.Platform.Notifications.MessageText.Render(message), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.PostAsync($"/api/services/complaints/{id}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsync($"/api/services/complaints/{id}/close", null)).StatusCode);
        Assert.Equal("Closed", (await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/complaints/{token}")).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/api/public/complaints/AAAAAAAAAAAAAAAAAAAAAAAA")).StatusCode);
    }
}
