using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Fazhi.Tests.Platform;

/// <summary>
/// The demo town with a "standby" that refuses every write (the primary itself, each transaction read-only): what
/// is marked to read from the standby must answer from it, writing nothing; the rest goes to the primary.
/// </summary>
public sealed class ReadOnlyStandbyFactory : FazhiFactory
{
    protected override bool AllDemoCases => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (OnPostgres)
        {
            builder.UseSetting("ConnectionStrings:FazhiRead",
                new NpgsqlConnectionStringBuilder(PostgresConnection) { Options = "-c default_transaction_read_only=on", ApplicationName = "fazhi-standby" }.ConnectionString);
        }
    }
}

/// <summary>
/// A process of the same database whose standby does not answer (stopped, or its machine down). With
/// <paramref name="lookEvery"/>, its monitor looks that seldom (the standby may go away between two looks).
/// </summary>
internal sealed class StandbyDownFactory(FazhiFactory first, string? lookEvery = null) : FazhiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Database:DataDirectory", first.DataDirectory);
        builder.UseSetting("ConnectionStrings:Fazhi", OnPostgres ? first.PostgresConnection : "");
        builder.UseSetting("ConnectionStrings:FazhiRead", "Host=127.0.0.1;Port=1;Username=postgres;Timeout=1");
        if (lookEvery is not null)
        {
            builder.UseSetting("Database:StandbyCheckSeconds", lookEvery);
        }
    }
}

public sealed class StandbyReadRules
{
    [Fact]
    public void A_read_goes_to_the_standby_only_while_it_is_in_step_and_has_the_callers_own_write()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));
        var standby = new StandbyReads("Host=standby", new StandbyOptions { StandbyMaxLagSeconds = 5 }, time);
        Assert.False(standby.MayRead(null));
        Assert.Null(standby.Lag);

        var now = time.GetUtcNow();
        standby.Seen(now);
        Assert.True(standby.MayRead(null));
        Assert.True(standby.MayRead(now));
        Assert.False(standby.MayRead(now.AddMilliseconds(1)));

        // Five seconds behind is still in step; a moment more is not.
        time.Advance(TimeSpan.FromSeconds(5));
        Assert.True(standby.MayRead(null));
        Assert.Equal(TimeSpan.FromSeconds(5), standby.Lag);
        time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.False(standby.MayRead(null));

        standby.Seen(null);
        Assert.False(standby.MayRead(null));
        Assert.Equal((3L, 4L), standby.Counts);
    }
}

public sealed class StandbyReadsTests(ReadOnlyStandbyFactory app) : IClassFixture<ReadOnlyStandbyFactory>
{
    [Fact]
    public async Task Dashboards_statistics_figures_and_public_pages_read_from_the_standby_writing_nothing_while_writes_go_to_the_primary()
    {
        if (!FazhiFactory.OnPostgres)
        {
            // One machine has no standby: configuring one on SQLite stops the start, naming the setting.
            await using var sqlite = new StandbyDownFactory(app);
            var thrown = Assert.Throws<InvalidOperationException>(() => sqlite.Services);
            Assert.Contains("FazhiRead", thrown.Message, StringComparison.Ordinal);
            return;
        }

        var standby = app.Services.GetRequiredService<StandbyReads>();
        await InStepAsync(standby);
        var admin = await app.SignedInAsync("admin");
        var figure = (await admin.GetFromJsonAsync<JsonElement>("/api/figures")).EnumerateArray().First().GetProperty("name").GetString()!;
        var urls = MarkedUrls(app, figure);
        Assert.True(urls.Count >= 25, $"only {urls.Count} marked endpoints found");
        foreach (var url in urls)
        {
            var before = standby.Counts.Served;
            var response = await admin.GetAsync(url);
            // The public report of a year not published yet is a 404; everything else answers, from the standby.
            Assert.True(response.StatusCode == HttpStatusCode.OK || url.StartsWith("/api/public/report/", StringComparison.Ordinal) && response.StatusCode == HttpStatusCode.NotFound,
                $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.True(standby.Counts.Served > before, $"{url} did not read from the standby");
        }

        // A write goes to the primary (the standby refuses writes) and tells its client, by a cookie, when it wrote: that
        // client's marked reads wait for the standby to reach it (the rule is tested on its own above).
        var saved = await admin.PutAsJsonAsync("/api/calendar/days/2026-12-24", new { isWorkingDay = false, name = "调休" });
        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        Assert.Contains(saved.Headers.GetValues("Set-Cookie"), c => c.StartsWith(StandbyReads.WroteCookie + "=", StringComparison.Ordinal));

        // An unmarked read goes to the primary and is not counted.
        var served = standby.Counts;
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/auth/me")).StatusCode);
        Assert.Equal(served, standby.Counts);
    }

    [Fact]
    public async Task With_the_standby_down_every_marked_read_answers_from_the_primary_and_healthz_says_so()
    {
        if (!FazhiFactory.OnPostgres)
        {
            // One machine: nothing is read elsewhere, and a write sets no cookie for it.
            Assert.False(app.Services.GetRequiredService<StandbyReads>().Configured);
            var write = await (await app.SignedInAsync("admin")).PutAsJsonAsync("/api/calendar/days/2026-12-24", new { isWorkingDay = false, name = "调休" });
            Assert.Equal(HttpStatusCode.NoContent, write.StatusCode);
            Assert.False(write.Headers.Contains("Set-Cookie"));
            return;
        }

        await using var down = new StandbyDownFactory(app);
        var standby = down.Services.GetRequiredService<StandbyReads>();
        var admin = await down.SignedInAsync("admin");
        var figure = (await admin.GetFromJsonAsync<JsonElement>("/api/figures")).EnumerateArray().First().GetProperty("name").GetString()!;
        foreach (var url in MarkedUrls(down, figure).Where(u => !u.StartsWith("/api/public/report/", StringComparison.Ordinal)))
        {
            var response = await admin.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode}");
        }

        Assert.Equal(0, standby.Counts.Served);
        Assert.True(standby.Counts.FellBack > 0);
        var health = await down.Anonymous().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_read_sent_to_a_standby_that_went_away_is_answered_from_the_primary_and_the_next_ones_go_there()
    {
        if (!FazhiFactory.OnPostgres)
        {
            // One machine: a marked read is an ordinary read.
            Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("admin")).GetAsync("/api/figures")).StatusCode);
            Assert.Equal((0L, 0L), app.Services.GetRequiredService<StandbyReads>().Counts);
            return;
        }

        await using var gone = new StandbyDownFactory(app, lookEvery: "3600");
        var admin = await gone.SignedInAsync("admin");
        var standby = gone.Services.GetRequiredService<StandbyReads>();
        // Once the monitor has had its first look (it found nothing on the port; the next is an hour away), as if it had last
        // seen the standby in step, and it has gone since.
        var waited = Stopwatch.StartNew();
        while (standby.Looks == 0)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the monitor never looked");
            await Task.Delay(20);
        }

        standby.Seen(gone.Time.GetUtcNow());
        var answer = await admin.GetAsync("/api/figures");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(1L, standby.Counts.Served);
        Assert.Null(standby.CaughtUpTo);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/services/dashboard")).StatusCode);
        Assert.Equal((1L, 1L), standby.Counts);
    }

    /// <summary>Every GET endpoint marked to read from the standby, its route filled in (a year, a figure, a figure's filter).</summary>
    private static List<string> MarkedUrls(FazhiFactory factory, string figure) =>
        [.. factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ReadsFromStandbyAttribute>() is not null)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Select(p => p.Replace("{year:int}", "2026", StringComparison.Ordinal).Replace("{Year:int}", "2026", StringComparison.Ordinal)
                .Replace("{name}", figure, StringComparison.Ordinal).Replace("{Name}", figure, StringComparison.Ordinal))
            .Select(p => p.EndsWith("/dashboard/applications", StringComparison.Ordinal) ? p + "?figure=received" : p)
            .Distinct().Order()];

    private static async Task InStepAsync(StandbyReads standby)
    {
        var waited = Stopwatch.StartNew();
        while (standby.CaughtUpTo is null)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "the standby was never seen in step");
            await Task.Delay(50);
        }
    }
}
