using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Deadlines;

namespace Fazhi.Tests.Platform;

/// <summary>The daily screens on the demo town: my tasks, counted and listed oldest deadline first, and the two kinds of alerts.</summary>
public sealed class TasksAndAlertsTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    private static int Count(JsonElement counts, string kind) =>
        counts.EnumerateArray().Where(c => c.GetProperty("key").GetString() == kind).Select(c => c.GetProperty("count").GetInt32()).SingleOrDefault(-1);

    [Fact]
    public async Task Each_role_sees_its_own_task_kinds_and_a_new_case_is_one_more_task_listed_by_its_deadline()
    {
        var mediator = await app.SignedInAsync("mediator");
        var before = await mediator.GetFromJsonAsync<JsonElement>("/api/tasks");
        var open = Count(before, "mediation.open");
        Assert.True(open > 0, "the demo town's mediator has open cases");
        Assert.Equal(-1, Count(before, "services.prereview"));
        Assert.Equal(-1, Count(before, "enforcement.review"));

        // The legality reviewer has a review queue; a window clerk has pre-reviews and no mediation.
        var legal = await (await app.SignedInAsync("legal")).GetFromJsonAsync<JsonElement>("/api/tasks");
        Assert.True(Count(legal, "enforcement.review") >= 0);
        var clerk = await (await app.SignedInAsync("clerk")).GetFromJsonAsync<JsonElement>("/api/tasks");
        Assert.True(Count(clerk, "services.prereview") >= 0);
        Assert.Equal(-1, Count(clerk, "mediation.open"));

        var items = (await mediator.GetFromJsonAsync<JsonElement>("/api/tasks/items?kind=mediation.open")).GetProperty("items").EnumerateArray().ToList();
        var dues = items.Select(i => i.GetProperty("dueDate").GetString()!).ToList();
        Assert.Equal(dues.Order(StringComparer.Ordinal), dues);
        Assert.All(items, i => Assert.StartsWith("/mediation/cases/", i.GetProperty("link").GetString(), StringComparison.Ordinal));
        Assert.All(items.Where(i => i.GetProperty("party").GetString() is { Length: > 1 }), i => Assert.Contains('*', i.GetProperty("party").GetString()!));

        // A case registered now counts once more, on the home page too.
        var created = await SampleCases.RegisterDisputeAsync(mediator,
            new { side = "Applicant", kind = "Person", name = "赵丽华", phone = "13926001100" }, new { side = "Respondent", kind = "Person", name = "钱志强", phone = "13926001101" },
            "相邻通道堆放杂物。", "清理杂物。");
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        Assert.Equal(open + 1, Count(await mediator.GetFromJsonAsync<JsonElement>("/api/tasks"), "mediation.open"));
        var home = await (await app.BrowserSignedInAsync("mediator")).GetStringAsync("/");
        Assert.Matches($"id=\"task-mediation-open\"[^>]*>\\s*<strong>{open + 1}</strong>", home);
    }

    [Fact]
    public async Task The_alert_list_shows_staff_deadlines_by_default_and_the_parties_windows_on_their_own_list()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        var staff = await supervisor.GetFromJsonAsync<JsonElement>("/api/alerts");
        var parties = await supervisor.GetFromJsonAsync<JsonElement>("/api/alerts?owner=Party");
        Assert.True(parties.GetProperty("total").GetInt32() > 0, "the demo town has parties' windows running");
        Assert.All(staff.GetProperty("items").EnumerateArray(), a => Assert.Equal("Staff", a.GetProperty("owner").GetString()));
        Assert.All(parties.GetProperty("items").EnumerateArray(), a => Assert.Equal("Party", a.GetProperty("owner").GetString()));
        Assert.Contains(parties.GetProperty("items").EnumerateArray(), a => a.GetProperty("kind").GetString() == "mediation.confirmation");
        Assert.DoesNotContain(staff.GetProperty("items").EnumerateArray(), a => a.GetProperty("kind").GetString() == "mediation.confirmation");
        Assert.Equal(DeadlineOwner.Party, AlertList.OwnerOf("enforcement.payment"));
    }
}
