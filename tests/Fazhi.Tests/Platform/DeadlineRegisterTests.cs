using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Tests.Services;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Platform;

/// <summary>The one deadline register and alert list, fed by the one-door line's clocks.</summary>
public sealed class DeadlineRegisterTests : IAsyncLifetime
{
    private readonly NationalDayFactory app = new();

    public Task InitializeAsync() => app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)app).DisposeAsync();

    private void At(string chinaTime) => app.Time.SetUtcNow(NationalDayFactory.At(chinaTime));

    private List<RegisteredDeadline> Register(Guid record)
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<FazhiDbContext>().Set<RegisteredDeadline>().AsNoTracking()
            .Where(d => d.RecordId == record).OrderBy(d => d.Kind).ToList();
    }

    private async Task MonitorAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DeadlineMonitor>().RunPassAsync();
    }

    [Fact]
    public async Task Saving_a_record_keeps_its_clocks_in_the_register_as_they_start_pause_and_end()
    {
        var id = await ProcessTests.AcceptAsync(app);
        var rows = Register(id);
        Assert.Equal(["services.decision", "services.stage"], rows.Select(r => r.Kind));
        Assert.Equal(new DateOnly(2019, 10, 28), rows[0].DueDate);
        Assert.Equal(new DateOnly(2019, 10, 8), rows[1].DueDate);
        Assert.Equal("初审", rows[1].Label);
        Assert.Equal($"/review/{id}", rows[0].Link);
        Assert.All(rows, r => Assert.Equal(r.YellowFrom, r.NextAlertOn));

        At("2019-10-10 10:00");
        var reviewer = await app.SignedInAsync("reviewer");
        var suspended = await reviewer.PostAsJsonAsync($"/api/services/applications/{id}/actions/suspend", new { kind = "expert_review", reason = "专家评审" });
        Assert.True(suspended.IsSuccessStatusCode, await suspended.Content.ReadAsStringAsync());
        Assert.All(Register(id), r => Assert.True(r.Paused && r.NextAlertOn is null));

        At("2019-10-17 10:00");
        reviewer = await app.SignedInAsync("reviewer");
        var resumed = await reviewer.PostAsJsonAsync($"/api/services/applications/{id}/actions/resume", new { });
        Assert.True(resumed.IsSuccessStatusCode, await resumed.Content.ReadAsStringAsync());
        rows = Register(id);
        Assert.All(rows, r => Assert.False(r.Paused));
        Assert.Equal(new DateOnly(2019, 11, 5), rows[0].DueDate);

        // Approving 初审 ends its clock and starts the joint review's three.
        Assert.True((await reviewer.PostAsJsonAsync($"/api/services/applications/{id}/actions/approve", new { })).IsSuccessStatusCode);
        rows = Register(id);
        Assert.Equal(3, rows.Count(r => r.Kind == "services.stage"));
        Assert.DoesNotContain(rows, r => r.Label == "初审");
    }

    [Fact]
    public async Task The_alert_list_shows_every_module_filtered_by_module_department_and_level_each_linking_to_its_record()
    {
        var id = await ProcessTests.AcceptAsync(app);
        At("2019-10-09 00:00");
        await MonitorAsync();

        var supervisor = await app.SignedInAsync("supervisor");
        var all = await supervisor.GetFromJsonAsync<JsonElement>("/api/alerts");
        var mine = all.GetProperty("items").EnumerateArray().Where(a => a.GetProperty("recordId").GetGuid() == id).ToList();
        // 初审 went red on 10-09 (its yellow day had passed unalerted: the first pass raises the level it finds).
        var stage = Assert.Single(mine);
        Assert.Equal("Red", stage.GetProperty("level").GetString());
        Assert.Equal("services", stage.GetProperty("module").GetString());
        Assert.Equal($"/review/{id}", stage.GetProperty("link").GetString());
        Assert.Equal("规划管理所", stage.GetProperty("department").GetString());

        var planning = stage.GetProperty("departmentId").GetGuid();
        Assert.Equal(1, (await supervisor.GetFromJsonAsync<JsonElement>($"/api/alerts?module=services&departmentId={planning}&level=Red")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await supervisor.GetFromJsonAsync<JsonElement>($"/api/alerts?module=services&level=Yellow")).GetProperty("total").GetInt32());
        var mediation = await supervisor.GetFromJsonAsync<JsonElement>("/api/alerts?module=mediation");
        Assert.All(mediation.GetProperty("items").EnumerateArray(), a => Assert.Equal("mediation", a.GetProperty("module").GetString()));
        Assert.DoesNotContain(mediation.GetProperty("items").EnumerateArray(), a => a.GetProperty("link").GetString() == $"/review/{id}");
        // Another department's reviewer does not see the planning department's alerts.
        var building = await (await app.SignedInAsync("reviewer.build")).GetFromJsonAsync<JsonElement>("/api/alerts");
        Assert.Equal(0, building.GetProperty("total").GetInt32());

        var page = await (await app.BrowserSignedInAsync("supervisor")).GetStringAsync("/alerts?module=services");
        Assert.Contains($"href=\"/review/{id}\"", page);
        Assert.Contains("红灯超期", page);
        var export = await supervisor.GetAsync("/api/alerts/export?module=services");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", export.Content.Headers.ContentType!.MediaType);
    }
}
