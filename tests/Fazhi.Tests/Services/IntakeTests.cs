using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Modules.Services.Data;
using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Modules.Services.Domain;

namespace Fazhi.Tests.Services;

public sealed class IntakeTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    public static readonly string ValidId = Identifiers.WithIdCheck("44190019850612301");

    private async Task<Guid> WindowIdAsync(HttpClient client, int number = 1) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/org/windows")).EnumerateArray()
            .Single(w => w.GetProperty("number").GetInt32() == number).GetProperty("id").GetGuid();

    private async Task<List<object>> AllMaterialsAsync(string code)
    {
        var item = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/services/items/{code}");
        return item.GetProperty("elements").GetProperty("materials").EnumerateArray()
            .Select(m => (object)new { key = m.GetProperty("key").GetString(), provided = true }).ToList();
    }

    private async Task<HttpResponseMessage> IntakeAsync(HttpClient clerk, string code, string outcome, string? key = null, object? applicant = null, List<object>? materials = null, string[]? corrections = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/services/applications")
        {
            Content = JsonContent.Create(new
            {
                itemCode = code,
                windowId = await WindowIdAsync(clerk),
                applicant = applicant ?? new { kind = "Person", name = "张晓三", idNumber = ValidId, phone = "13800001234" },
                materials = materials ?? await AllMaterialsAsync(code),
                outcome,
                correctionItems = corrections,
                refusalReason = outcome == "refuse" ? "不属于本机关职权范围，请向市自然资源局申请" : null,
            }),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await clerk.SendAsync(request);
    }

    [Fact]
    public async Task Accepting_at_a_window_answers_201_with_a_readable_number_and_an_unguessable_token()
    {
        var clerk = await app.SignedInAsync("clerk");
        var response = await IntakeAsync(clerk, "TX-QY-001", "accept");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Matches("^TX2026-\\d{6}$", body.GetProperty("number").GetString()!);
        Assert.Equal("Accepted", body.GetProperty("status").GetString());
        var token = body.GetProperty("queryToken").GetString()!;
        Assert.True(Convert.FromBase64String(token.Replace('-', '+').Replace('_', '/')).Length * 8 >= 128);

        // Accepted on Wednesday 2026-11-25 (China time) with a committed limit of 1 working day: due Thursday.
        var progress = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/progress/{token}");
        Assert.Equal("2026-11-26", progress.GetProperty("dueDate").GetString());
        Assert.Equal("张*三", progress.GetProperty("applicant").GetString());
        Assert.Equal("审查", progress.GetProperty("currentStage").GetString());
        Assert.Equal("市场监督管理分局", progress.GetProperty("currentDepartment").GetString());
        Assert.DoesNotContain(ValidId, progress.ToString());
        var timeline = progress.GetProperty("timeline").EnumerateArray().ToList();
        Assert.Equal(["accepted"], timeline.Select(e => e.GetProperty("kind").GetString()!));
        Assert.Equal("审查", timeline[0].GetProperty("stage").GetString());
        Assert.Equal("市场监督管理分局", timeline[0].GetProperty("department").GetString());
    }

    [Fact]
    public async Task A_double_submit_with_the_same_key_makes_one_application()
    {
        var clerk = await app.SignedInAsync("clerk");
        var key = Guid.NewGuid().ToString();
        var first = await IntakeAsync(clerk, "TX-HJ-003", "accept", key);
        var tasks = Enumerable.Range(0, 4).Select(_ => IntakeAsync(clerk, "TX-HJ-003", "accept", key)).ToList();
        var again = await Task.WhenAll(tasks);
        var firstBody = await first.Content.ReadFromJsonAsync<JsonElement>();
        foreach (var r in again)
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            var body = await r.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(firstBody.GetProperty("id").GetGuid(), body.GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task Intakes_arriving_together_get_consecutive_numbers_and_each_audit_entry_names_its_clerk()
    {
        // Intakes that arrive at once are written together (group commit); a retried key among them
        // must still make one application, and the audit record must still say which clerk took which.
        var clerks = new[] { await app.SignedInAsync("clerk"), await app.SignedInAsync("clerk2") };
        var repeated = Guid.NewGuid().ToString();
        var sends = Enumerable.Range(0, 24)
            // The retried key is one clerk's (a key another clerk's scope cannot see is refused, 409 idempotency.key_taken).
            .Select(i => IntakeAsync(clerks[i < 2 ? 0 : i % 2], "TX-QY-001", "accept", i < 2 ? repeated : Guid.NewGuid().ToString()))
            .ToList();
        var bodies = new List<JsonElement>();
        foreach (var r in await Task.WhenAll(sends))
        {
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
            bodies.Add(await r.Content.ReadFromJsonAsync<JsonElement>());
        }

        Assert.Equal(bodies[0].GetProperty("id").GetGuid(), bodies[1].GetProperty("id").GetGuid());
        var numbers = bodies.Skip(1).Select(b => int.Parse(b.GetProperty("number").GetString()![^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        Assert.Equal(numbers[^1] - numbers[0] + 1, numbers.Count);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>();
        for (var i = 1; i < bodies.Count; i++)
        {
            var id = bodies[i].GetProperty("id").GetGuid().ToString();
            var taker = db.Applications.Where(a => a.Id == bodies[i].GetProperty("id").GetGuid()).Select(a => a.ClerkId).Single();
            var clerkName = db.Users.Where(u => u.Id == taker).Select(u => u.UserName).Single();
            var actors = db.AuditEntries.Where(e => e.EntityType == "svc_applications" && e.EntityId == id).Select(e => e.ActorName).ToList();
            Assert.Equal([clerkName!], actors);
        }

        var verified = await (await app.SignedInAsync("admin")).GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.True(verified.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Accepting_without_a_required_material_names_what_is_missing_and_keeps_nothing()
    {
        var clerk = await app.SignedInAsync("clerk");
        var materials = (await AllMaterialsAsync("TX-MFBJ-001")).Take(2).ToList();
        var before = await CountAsync();
        var response = await IntakeAsync(clerk, "TX-MFBJ-001", "accept", materials: materials);
        var problem = await response.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("intake.materials_missing", problem.Code());
        Assert.Contains("户口簿", problem.GetProperty("title").GetString());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Wrong_check_digits_are_refused_for_people_and_organisations()
    {
        var clerk = await app.SignedInAsync("clerk");
        var person = await IntakeAsync(clerk, "TX-QY-001", "accept", applicant: new { kind = "Person", name = "李四", idNumber = "110105194912310021", phone = "13800001234" });
        Assert.Contains("applicant.idNumber", (await person.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());

        var org = await IntakeAsync(clerk, "TX-QY-005", "accept", applicant: new { kind = "Organisation", name = "塘厦某某有限公司", creditCode = "91350100M000100Y44", phone = "13800001234" });
        Assert.Contains("applicant.creditCode", (await org.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task A_correction_notice_lists_everything_and_the_return_visit_is_counted()
    {
        var clerk = await app.SignedInAsync("clerk");
        var response = await IntakeAsync(clerk, "TX-MFBJ-001", "correction", corrections: ["户口簿复印件", "建房设计图纸需加盖设计单位公章"], materials: []);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("AwaitingCorrection", body.GetProperty("status").GetString());
        var token = body.GetProperty("queryToken").GetString();
        var progress = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/progress/{token}");
        Assert.Equal(["户口簿复印件", "建房设计图纸需加盖设计单位公章"], progress.GetProperty("applicantMustDo").EnumerateArray().Select(x => x.GetString()!));

        var id = body.GetProperty("id").GetGuid();
        var back = await clerk.PostAsJsonAsync($"/api/services/applications/{id}/intake-decision", new
        {
            materials = await AllMaterialsAsync("TX-MFBJ-001"), outcome = "accept", inPerson = true, windowId = await WindowIdAsync(clerk, 17),
        });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        progress = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/progress/{token}");
        Assert.Equal(2, progress.GetProperty("visits").GetInt32());
        Assert.Equal("Accepted", progress.GetProperty("status").GetString());
        // 民房报建 promises 20 working days; accepted on 2026-11-25, due 2026-12-23.
        Assert.Equal("2026-12-23", progress.GetProperty("dueDate").GetString());

        var twice = await clerk.PostAsJsonAsync($"/api/services/applications/{id}/intake-decision", new { outcome = "refuse", refusalReason = "x" });
        Assert.Equal("intake.already_decided", (await twice.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task A_refusal_keeps_its_reasons_for_the_applicant()
    {
        var clerk = await app.SignedInAsync("clerk");
        var body = await (await IntakeAsync(clerk, "TX-GC-001", "refuse")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Refused", body.GetProperty("status").GetString());
        var progress = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/progress/{body.GetProperty("queryToken").GetString()}");
        Assert.Contains("职权范围", progress.GetProperty("refusalReason").GetString());
    }

    [Fact]
    public async Task Only_window_clerks_take_applications()
    {
        var reviewer = await app.SignedInAsync("reviewer");
        var response = await IntakeAsync(reviewer, "TX-QY-001", "accept");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task An_unknown_token_is_a_plain_404()
    {
        var problem = await (await app.Anonymous().GetAsync("/api/public/progress/AAAAAAAAAAAAAAAAAAAAAAAA")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("progress.not_found", problem.Code());
    }

    private async Task<int> CountAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>();
        return await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Applications);
    }
}
