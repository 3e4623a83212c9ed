using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Modules.Services.Features;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Fazhi.Tests.Services;

/// <summary>
/// The public progress answers kept in memory (issue 11): they say exactly what the database says, a
/// change made here shows at once, and a change made by another process shows after the next pass.
/// </summary>
public sealed class ProgressAnswersTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    private static readonly JsonSerializerOptions WithFields = new() { IncludeFields = true };

    private ProgressAnswers Answers => app.Services.GetRequiredService<ProgressAnswers>();

    private ProgressAnswersLoader Loader => app.Services.GetServices<IHostedService>().OfType<ProgressAnswersLoader>().Single();

    private static string Json(ProgressView? view) => JsonSerializer.Serialize(view);

    /// <summary>The answer as the database gives it, without the answers in memory.</summary>
    private async Task<string> FromDatabaseAsync(string token)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var service = new ProgressService(sp, sp.GetRequiredService<ReadConnections>(), sp.GetRequiredService<ProgressFacts>(), new ProgressAnswers());
        return Json(await service.ByTokenAsync(token));
    }

    private async Task<string> ServedAsync(string token)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return Json(await scope.ServiceProvider.GetRequiredService<ProgressService>().ByTokenAsync(token));
    }

    private async Task<List<string>> TokensAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FazhiDbContext>().Set<Application>().Select(a => a.QueryToken).ToListAsync();
    }

    [Fact]
    public async Task Every_demo_application_is_held_and_answers_exactly_as_the_database_does()
    {
        await Loader.LoadAllAsync(CancellationToken.None);
        var tokens = await TokensAsync();
        Assert.True(tokens.Count >= 10, $"the demo town has {tokens.Count} applications");
        Assert.True(Answers.Loaded);
        var statuses = new HashSet<string>();
        var web = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var client = app.Anonymous();
        foreach (var token in tokens)
        {
            Assert.True(Answers.Find(token) is not null, $"{token} is held");
            var expected = await FromDatabaseAsync(token);
            Assert.Equal(expected, await ServedAsync(token));

            // The public API writes the held answer itself: byte for byte what the serializer writes for the database's answer.
            await using var scope = app.Services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            var view = await new ProgressService(sp, sp.GetRequiredService<ReadConnections>(), sp.GetRequiredService<ProgressFacts>(), new ProgressAnswers()).ByTokenAsync(token);
            using var response = await client.GetAsync($"/api/public/progress/{token}");
            Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.Equal(JsonSerializer.Serialize(view, web), await response.Content.ReadAsStringAsync());
            statuses.Add(JsonDocument.Parse(expected).RootElement.GetProperty("Status").GetString()!);
        }

        // The comparison covers the shapes the page shows: waiting for corrections, in review, suspended, done.
        Assert.True(statuses.IsSupersetOf(["AwaitingCorrection", "Accepted", "Suspended", "Completed"]), string.Join(", ", statuses));
    }

    /// <summary>A window application waiting for the applicant's corrections.</summary>
    private async Task<(Guid Id, string Token, Guid Window, HttpClient Clerk)> WaitingForCorrectionAsync()
    {
        var clerk = await app.SignedInAsync("clerk");
        var windows = await clerk.GetFromJsonAsync<JsonElement>("/api/org/windows");
        var window = windows.EnumerateArray().First().GetProperty("id").GetGuid();
        var created = await clerk.PostAsJsonAsync("/api/services/applications", new
        {
            itemCode = "TX-MFBJ-001",
            windowId = window,
            applicant = new { kind = "Person", name = "林小梅", idNumber = IntakeTests.ValidId, phone = "13800001234" },
            materials = Array.Empty<object>(),
            outcome = "correction",
            correctionItems = new[] { "户口簿复印件" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("queryToken").GetString()!, window, clerk);
    }

    [Fact]
    public async Task A_change_made_here_shows_at_once_and_one_made_by_another_process_after_the_next_pass()
    {
        var (id, token, window, clerk) = await WaitingForCorrectionAsync();

        await Loader.PollAsync(CancellationToken.None);
        Assert.Equal("AwaitingCorrection", Answers.Find(token)?.Status.ToString());

        // The applicant comes back with everything: the answer changes with the commit, not a second later.
        var items = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/services/items/TX-MFBJ-001");
        var all = items.GetProperty("elements").GetProperty("materials").EnumerateArray()
            .Select(m => new { key = m.GetProperty("key").GetString(), provided = true }).ToList();
        var back = await clerk.PostAsJsonAsync($"/api/services/applications/{id}/intake-decision", new { materials = all, outcome = "accept", inPerson = true, windowId = window });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Null(Answers.Find(token));
        var progress = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/progress/{token}");
        Assert.Equal("Accepted", progress.GetProperty("status").GetString());
        Assert.Equal(2, progress.GetProperty("visits").GetInt32());

        await Loader.PollAsync(CancellationToken.None);
        Assert.Equal("Accepted", Answers.Find(token)?.Status.ToString());
        Assert.Equal(await FromDatabaseAsync(token), await ServedAsync(token));

        // Another process (sharing the database) counts a visit: it stamps the row as every save does.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            var now = app.Time.GetUtcNow().UtcDateTime;
            await db.Set<Application>().Where(a => a.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Visits, 3).SetProperty(a => a.ChangedAt, now));
        }

        await Loader.PollAsync(CancellationToken.None);
        progress = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/progress/{token}");
        Assert.Equal(3, progress.GetProperty("visits").GetInt32());
    }

    [Fact]
    public async Task A_change_inside_a_write_transaction_drops_the_answer_at_its_commit_and_a_rollback_drops_nothing()
    {
        var ids = new[] { (await WaitingForCorrectionAsync()).Id, (await WaitingForCorrectionAsync()).Id };
        await Loader.PollAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        var waiting = await db.Set<Application>().Include(a => a.Events).Where(a => ids.Contains(a.Id)).OrderBy(a => a.Number).ToListAsync();
        Assert.Equal(2, waiting.Count);
        var now = app.Time.GetUtcNow().UtcDateTime;

        await using (var rolledBack = await db.BeginWriteAsync())
        {
            waiting[0].ReturnForIntake(false, null, null, now, "test");
            await db.SaveChangesAsync();
            Assert.NotNull(Answers.Find(waiting[0].QueryToken));
        }

        Assert.NotNull(Answers.Find(waiting[0].QueryToken));
        db.ChangeTracker.Clear();

        var second = await db.Set<Application>().Include(a => a.Events).SingleAsync(a => a.Id == waiting[1].Id);
        await using (var tx = await db.BeginWriteAsync())
        {
            // Only an event is added: the application's own columns do not change, its answer still must.
            second.ReturnForIntake(false, null, null, now, "test");
            await db.SaveChangesAsync();
            Assert.NotNull(Answers.Find(second.QueryToken));
            await tx.CommitAsync();
        }

        Assert.Null(Answers.Find(second.QueryToken));
        var stamped = await db.Set<Application>().AsNoTracking().Where(a => a.Id == second.Id).Select(a => a.ChangedAt).SingleAsync();
        Assert.Equal(now, stamped);
        await Loader.PollAsync(CancellationToken.None);
        Assert.Contains("\"resubmitted\"", await ServedAsync(second.QueryToken));
    }

    [Fact]
    public void The_store_grows_replaces_and_compacts_without_losing_an_answer()
    {
        var answers = new ProgressAnswers();
        var random = new Random(11);
        var tokens = Enumerable.Range(0, 3000).Select(_ => Convert.ToBase64String(random.GetItems<byte>(Enumerable.Range(0, 256).Select(i => (byte)i).ToArray(), 18)).Replace('+', '-').Replace('/', '_')).ToList();
        ProgressSnapshot Snapshot(int i, int visits) => new(
            $"TX2026-{i:D6}", Guid.CreateVersion7(), i % 3 == 0 ? "农村村民住宅建设审批（民房报建）" : "个体工商户设立登记", "陈*强", (ApplicationStatus)(i % 8),
            new DateTime(2026, 11, 20, 1, 2, 3, DateTimeKind.Utc).AddTicks(i * 1234567L), i % 2 == 0 ? new DateOnly(2026, 12, 18) : null, i % 4 == 0 ? null : i % 4, visits,
            i % 5 == 0 ? ["户口簿复印件", "建房设计图纸需加盖设计单位公章"] : [], i % 7 == 0 ? "不属于本机关职权范围" : null,
            [.. Enumerable.Range(0, i % 6).Select(e => (new DateTime(2026, 11, 21, 0, 0, 0, DateTimeKind.Utc).AddMinutes(e), e == 0 ? "accepted" : "stage_started", (string?)(e % 2 == 0 ? "审查" : null), (Guid?)(e % 3 == 0 ? null : Guid.Empty), (string?)(e == 2 ? new string('意', i % 50) : null)))]);
        static string Json(ProgressSnapshot? s) => JsonSerializer.Serialize(s, WithFields);

        var latest = new Dictionary<string, ProgressSnapshot>();
        for (var round = 0; round < 70; round++)
        {
            var batch = tokens.Select((t, i) => (t, Snapshot(i, round))).ToList();
            answers.Put(batch, answers.Generation);
            foreach (var (t, s) in batch)
            {
                latest[t] = s;
            }
        }

        Assert.Equal(3000, answers.Count);
        // 70 rounds of 3,000 answers of about a hundred bytes replaced: the store was compacted on the way.
        Assert.True(answers.Compactions >= 1 && answers.Bytes.Replaced < 69 * answers.Bytes.Live, $"{answers.Compactions} {answers.Bytes}");
        foreach (var t in tokens)
        {
            Assert.Equal(Json(latest[t]), Json(answers.Find(t)));
        }

        var before = answers.Generation;
        answers.Drop(tokens[..10]);
        Assert.All(tokens[..10], t => Assert.Null(answers.Find(t)));
        Assert.NotNull(answers.Find(tokens[10]));
        // A read that began before the drop does not bring the dropped answers back; one after it does.
        answers.Put(tokens[..10].Select(t => (t, latest[t])), before);
        Assert.All(tokens[..10], t => Assert.Null(answers.Find(t)));
        answers.Put(tokens[..10].Select(t => (t, latest[t])), answers.Generation);
        Assert.All(tokens[..10], t => Assert.Equal(Json(latest[t]), Json(answers.Find(t))));
    }

    [Fact]
    public async Task The_constant_answer_is_the_serializers_with_its_length_and_every_security_header()
    {
        using var response = await app.Anonymous().GetAsync("/api/public/ping");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var web = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        Assert.Equal(JsonSerializer.Serialize(PingAnswer.Alive, web), await response.Content.ReadAsStringAsync());
        Assert.Equal(11, response.Content.Headers.ContentLength);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_tokens_of_the_receipt_shape_are_keys()
    {
        Span<byte> key = stackalloc byte[ProgressAnswers.KeyBytes];
        Assert.True(ProgressAnswers.TryKey("abk73BIXY85-lK5ukuvtNC3M", key));
        Assert.False(ProgressAnswers.TryKey("abk73BIXY85+lK5ukuvtNC3M", key));
        Assert.False(ProgressAnswers.TryKey("abk73BIXY85-lK5ukuvtNC3", key));
        Assert.False(ProgressAnswers.TryKey("abk73BIXY85-lK5ukuvtNC3M=", key));
    }
}
