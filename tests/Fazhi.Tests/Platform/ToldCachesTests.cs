using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Platform;

/// <summary>
/// What one process keeps in memory (the calendar, the organisation's names, the catalogue) and another process of
/// the same database changes: on PostgreSQL the database tells every process within a second, whoever wrote; on
/// SQLite (one machine) the copies expire on their polling intervals.
/// </summary>
public sealed class ToldCachesTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    private static readonly TimeSpan WithinASecond = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_calendar_edit_through_one_process_is_seen_by_another_within_a_second_on_PostgreSQL_and_after_its_minute_on_SQLite()
    {
        await using var other = new SameDatabaseFactory(app);
        var there = other.Anonymous();
        await ListeningAsync(other);
        const string day = "/api/calendar/is-working-day?date=2026-12-24";
        Assert.True(await WorkingDayAsync(there, day));

        var admin = await app.SignedInAsync("admin");
        (await admin.PutAsJsonAsync("/api/calendar/days/2026-12-24", new { isWorkingDay = false, name = "调休" })).EnsureSuccessStatusCode();
        Assert.False(await WorkingDayAsync(app.Anonymous(), day));

        if (FazhiFactory.OnPostgres)
        {
            var seen = await SeenWithinAsync(async () => !await WorkingDayAsync(there, day));
            Assert.True(seen <= WithinASecond, $"the other process saw the edit after {seen.TotalMilliseconds:0} ms");
        }
        else
        {
            // Nothing tells on SQLite: the other process still counts the day until its minute's look at the calendar.
            Assert.True(await WorkingDayAsync(there, day));
            other.Time.Advance(TimeSpan.FromMinutes(1));
            Assert.True(await SeenWithinAsync(async () => !await WorkingDayAsync(there, day)) < TimeSpan.FromSeconds(10));
        }
    }

    [Fact]
    public async Task A_department_renamed_by_a_direct_write_and_a_catalogue_change_are_told_to_every_process_on_PostgreSQL()
    {
        await using var other = new SameDatabaseFactory(app);
        var there = other.Anonymous();
        await ListeningAsync(other);
        var item = (await there.GetFromJsonAsync<JsonElement>("/api/services/items"))!.GetProperty("items")[0];
        var departmentId = item.GetProperty("departmentId").GetGuid();
        var before = item.GetProperty("departmentName").GetString();
        Assert.False(string.IsNullOrEmpty(before));

        var catalogue = other.Services.GetRequiredService<ChangeSignals>().Token("catalog");
        using (var scope = app.Services.CreateScope())
        {
            // An administrator's SQL, not a write of the platform: no process knows of it but through the database.
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            await db.Database.ExecuteSqlAsync($"""UPDATE org_nodes SET "Name" = {before + "（更名）"} WHERE "Id" = {departmentId}""");
            await db.Database.ExecuteSqlAsync($"""UPDATE svc_items SET "Name" = "Name" WHERE "Id" = {item.GetProperty("id").GetGuid()}""");
        }

        async Task<string?> NameThereAsync() =>
            (await there.GetFromJsonAsync<JsonElement>("/api/services/items"))!.GetProperty("items").EnumerateArray()
                .First(i => i.GetProperty("departmentId").GetGuid() == departmentId).GetProperty("departmentName").GetString();

        if (FazhiFactory.OnPostgres)
        {
            var seen = await SeenWithinAsync(async () => await NameThereAsync() == before + "（更名）");
            Assert.True(seen <= WithinASecond, $"the other process saw the new name after {seen.TotalMilliseconds:0} ms");
            Assert.True(await SeenWithinAsync(() => Task.FromResult(catalogue.HasChanged)) <= WithinASecond);
        }
        else
        {
            // On SQLite the name is kept for its half minute: the cache is what is tested above, not a fresh read.
            Assert.Equal(before, await NameThereAsync());
            Assert.False(catalogue.HasChanged);
        }
    }

    private static async Task<bool> WorkingDayAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("isWorkingDay").GetBoolean();

    /// <summary>On PostgreSQL, waits until the process listens to the database (a process just started connects first).</summary>
    private static async Task ListeningAsync(SameDatabaseFactory process)
    {
        var signals = process.Services.GetRequiredService<ChangeSignals>();
        if (!FazhiFactory.OnPostgres)
        {
            Assert.False(signals.Told);
            return;
        }

        var waited = Stopwatch.StartNew();
        while (!signals.Told)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the process never listened to the database");
            await Task.Delay(20);
        }
    }

    /// <summary>How long until <paramref name="seen"/> holds (gives up after ten seconds, returning more than that).</summary>
    private static async Task<TimeSpan> SeenWithinAsync(Func<Task<bool>> seen)
    {
        var waited = Stopwatch.StartNew();
        while (!await seen())
        {
            if (waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                return TimeSpan.MaxValue;
            }

            await Task.Delay(20);
        }

        return waited.Elapsed;
    }
}
