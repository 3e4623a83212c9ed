using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform;
using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Platform;

public sealed class AuditTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private async Task<Guid> TownIdAsync(HttpClient admin) =>
        (await admin.GetFromJsonAsync<JsonElement>("/api/org/nodes")).EnumerateArray()
            .Single(n => n.GetProperty("kind").GetString() == "Town").GetProperty("id").GetGuid();

    private async Task<long> CreateNodeAsync(string code)
    {
        var admin = await app.SignedInAsync("admin");
        var response = await admin.PostAsJsonAsync("/api/org/nodes", new { code, name = "审计测试部门 " + code, kind = "Department", parentId = await TownIdAsync(admin) });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var entries = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=org_nodes&entityId={id}");
        return entries.GetProperty("items")[0].GetProperty("sequence").GetInt64();
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    private async Task SqlAsync(string sql, params object[] args)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FazhiDbContext>().Database.ExecuteSqlRawAsync(sql, args);
    }

    [Fact]
    public async Task Every_change_records_who_from_where_and_the_values_before_and_after()
    {
        var admin = await app.SignedInAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/org/windows", new { number = 90, name = "审计窗口", kind = "General" });
        var window = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = window.GetProperty("id").GetGuid();
        await admin.PutAsJsonAsync($"/api/org/windows/{id}", new { number = 90, name = "审计窗口（改）", kind = "General", isActive = true });

        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/audit?entityType=org_windows&entityId={id}");
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["update", "create"], items.Select(i => i.GetProperty("action").GetString()));
        var update = items[0];
        Assert.Equal("admin", update.GetProperty("actorName").GetString());
        Assert.False(string.IsNullOrEmpty(update.GetProperty("ip").GetString()));
        Assert.Contains("审计窗口", update.GetProperty("before").GetString());
        Assert.Contains("审计窗口（改）", update.GetProperty("after").GetString());
        Assert.DoesNotContain("Number", update.GetProperty("after").GetString()); // only what changed
        Assert.Equal(JsonValueKind.Null, items[1].GetProperty("before").ValueKind);
    }

    [Fact]
    public async Task Writers_saving_at_once_append_one_unbroken_chain_with_one_entry_per_change()
    {
        // Sixteen requests (or processes sharing the database) save at the same moment: each takes the chain's turn in
        // its own transaction, so the entries are numbered without a gap or a repeat and every link holds.
        var admin = await app.SignedInAsync("admin");
        var town = await TownIdAsync(admin);
        var codes = Enumerable.Range(0, 16).Select(i => $"AUD-RACE-{i:D2}").ToList();
        var answers = await Task.WhenAll(codes.Select(code => admin.PostAsJsonAsync("/api/org/nodes", new { code, name = "并发审计 " + code, kind = "Department", parentId = town })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        var ids = new List<string>();
        foreach (var a in answers)
        {
            ids.Add((await a.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid().ToString());
        }

        var created = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == "org_nodes" && e.Action == "create" && ids.Contains(e.EntityId)).ToListAsync();
        Assert.Equal(16, created.Count);
        Assert.Equal(16, created.Select(e => e.EntityId).Distinct().Count());
        var head = await db.AuditHeads.AsNoTracking().SingleAsync();
        var sequences = await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        Assert.Equal(head.LastSequence, sequences[^1]);
        // (Another test of this class alters an entry by hand, so the links are checked from these writers' entries on.)
        var from = created.Min(e => e.Sequence);
        var chain = await db.AuditEntries.AsNoTracking().Where(e => e.Sequence >= from - 1).OrderBy(e => e.Sequence).ToListAsync();
        for (var i = 1; i < chain.Count; i++)
        {
            Assert.Equal(chain[i - 1].Hash, chain[i].PreviousHash);
            Assert.Equal(AuditChain.ComputeHash(chain[i]), chain[i].Hash);
        }

        Assert.Equal(head.LastHash, chain[^1].Hash);
    }

    [Fact]
    public async Task Signers_running_at_once_sign_the_head_once_and_none_fails()
    {
        // The monitor of every process sharing the database signs the moving head each interval; they meet.
        await CreateNodeAsync("AUD-SIGN");
        app.Time.Advance(TimeSpan.FromHours(3));
        var scopes = Enumerable.Range(0, 6).Select(_ => app.Services.CreateAsyncScope()).ToList();
        try
        {
            // (The process's own monitor, woken by the clock, may be among them.)
            await Task.WhenAll(scopes.Select(s => Task.Run(() => s.ServiceProvider.GetRequiredService<HeadSigning>().RunAsync())));
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            var head = await db.AuditHeads.AsNoTracking().SingleAsync();
            var heads = await db.Set<SignedHead>().AsNoTracking().Where(h => h.Sequence == head.LastSequence).CountAsync();
            Assert.Equal(1, heads);
        }
        finally
        {
            foreach (var s in scopes)
            {
                await s.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Altering_an_entry_by_hand_is_reported_at_that_entry()
    {
        var sequence = await CreateNodeAsync("AUD-ALTER");
        Assert.True((await VerifyAsync()).Intact);

        await SqlAsync("UPDATE sys_audit_entries SET \"After\" = {0} WHERE \"Sequence\" = {1}", "{\"Name\":\"forged\"}", sequence);

        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(sequence, result.BrokenAt);
        Assert.Equal("altered", result.Problem);

        // The operator's command says the same, and fails.
        var output = new StringWriter();
        Assert.Equal(1, await Cli.RunAsync(app.Services, ["audit", "verify"], output));
        Assert.Contains($"BROKEN at entry {sequence}", output.ToString());

        var admin = await app.SignedInAsync("admin");
        var api = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.Equal(sequence, api.GetProperty("brokenAt").GetInt64());
    }
}

public sealed class AuditDeletionTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private async Task<long> LastSequenceAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FazhiDbContext>().AuditEntries.MaxAsync(e => e.Sequence);
    }

    private async Task<AuditVerification> VerifyAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync();
    }

    [Fact]
    public async Task Deleting_an_entry_in_the_middle_or_at_the_end_is_detected()
    {
        var output = new StringWriter();
        Assert.Equal(0, await Cli.RunAsync(app.Services, ["audit", "verify"], output));
        Assert.Contains("intact", output.ToString());

        var last = await LastSequenceAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FazhiDbContext>().Database
                .ExecuteSqlRawAsync("DELETE FROM sys_audit_entries WHERE \"Sequence\" = {0}", last);
        }

        var tail = await VerifyAsync();
        Assert.False(tail.Intact);
        Assert.Equal(last, tail.BrokenAt);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<FazhiDbContext>().Database
                .ExecuteSqlRawAsync("DELETE FROM sys_audit_entries WHERE \"Sequence\" = {0}", 3);
        }

        var middle = await VerifyAsync();
        Assert.Equal(3, middle.BrokenAt);
        Assert.Equal("missing", middle.Problem);
    }
}
