using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Platform;

/// <summary>
/// The one case workflow, tried as a hostile client and a database administrator would try it, on two work lines:
/// races, a foreign Idempotency-Key, uploads to a case out of scope or in the wrong form, a file replaced on disk,
/// steps removed from the end of a record, and a read model that shows no stored field it should not.
/// </summary>
public sealed class CaseWorkflowTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02];

    private DateOnly Today => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task<Guid> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string url, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    // Mediation: a dispute at the town committee with its two mediators.
    private static async Task<Guid> DisputeAsync(HttpClient mediator) => await CreatedAsync(await SampleCases.RegisterDisputeAsync(mediator,
        new { side = "Applicant", kind = "Person", name = "林雪梅", idNumber = Identifiers.WithIdCheck("44190019800214302"), phone = "13926001122" },
        new { side = "Respondent", kind = "Person", name = "吴海涛", phone = "13726000130" },
        "双方因相邻通道堆放杂物发生争执。", "请求对方清理杂物。"));

    // Enforcement: a lead in market regulation with two officers who may act today.
    private async Task<Guid> LeadAsync(HttpClient officer, string? key = null, int n = 1) =>
        await CreatedAsync(key is null
            ? await officer.PostAsJsonAsync("/api/enforcement/cases", await LeadBodyAsync(officer, n))
            : await PostWithKeyAsync(officer, "/api/enforcement/cases", await LeadBodyAsync(officer, n), key));

    private async Task<object> LeadBodyAsync(HttpClient officer, int n)
    {
        var (head, second) = await SampleCases.OfficersAsync(officer);
        return new
        {
            leadSource = "Complaint",
            matter = "销售过期食品",
            violationFacts = "当事人在其经营的便利店内销售超过保质期的预包装食品3件。",
            actOn = Day(Today.AddDays(-10)),
            discoveredOn = Day(Today.AddDays(-1)),
            party = new { kind = "Person", name = "林建国", idNumber = Identifiers.WithIdCheck(string.Create(CultureInfo.InvariantCulture, $"44190019850312{700 + n:000}")), phone = "13926001122" },
            officerIds = new[] { head, second },
        };
    }

    private static MultipartFormDataContent Evidence(byte[] file)
    {
        var form = new MultipartFormDataContent { { new StringContent("Photo"), "kind" }, { new StringContent("现场检查照片"), "title" } };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(part, "file", "现场.png");
        return form;
    }

    private int FilesOnDisk()
    {
        var dir = Path.Combine(app.DataDirectory, "files");
        return Directory.Exists(dir) ? Directory.GetFiles(dir, "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(".tmp", StringComparison.Ordinal)) : 0;
    }

    [Fact]
    public async Task Two_people_consenting_for_one_party_at_the_same_instant_give_one_success_and_one_409_naming_the_first_and_one_consent()
    {
        var mediator = await app.SignedInAsync("mediator");
        var head = await app.SignedInAsync("justice.head");
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var id = await DisputeAsync(mediator);
            var c = await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}");
            var seen = c.GetProperty("seenEvents").GetInt32();
            // The applicant consented by applying; the respondent's consent is the step two people send at once.
            var party = c.GetProperty("parties").EnumerateArray().First(p => !p.GetProperty("consented").GetBoolean()).GetProperty("id").GetGuid();
            var url = $"/api/mediation/cases/{id}/parties/{party}/consent?seenEvents={seen}";
            var answers = await Task.WhenAll(mediator.PostAsync(url, null), head.PostAsync(url, null));
            Assert.True(answers.Any(a => a.StatusCode == HttpStatusCode.NoContent), await answers[0].Content.ReadAsStringAsync());

            Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
            var loser = answers.Single(a => a.StatusCode == HttpStatusCode.Conflict);
            var problem = await loser.ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("case.acted_by", problem.Code());
            var winner = answers[0].StatusCode == HttpStatusCode.NoContent ? "钟伟明" : "罗志坚";
            Assert.Contains(winner, problem.GetRawText(), StringComparison.Ordinal);

            var after = await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}");
            Assert.Single(after.GetProperty("record").EnumerateArray(), s => s.GetProperty("kind").GetString() == "consent");
            Assert.Equal(seen + 1, after.GetProperty("seenEvents").GetInt32());
        }
    }

    [Fact]
    public async Task A_double_click_on_an_enforcement_step_records_it_once_and_the_second_click_hears_who_acted()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var id = await LeadAsync(officer, n: 1);
        var seen = (await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{id}")).GetProperty("seenEvents").GetInt32();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => officer.PostAsync($"/api/enforcement/cases/{id}/filing-approval?seenEvents={seen}", null)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.NoContent);
        foreach (var loser in answers.Where(a => a.StatusCode != HttpStatusCode.NoContent))
        {
            var problem = await loser.ReadProblemAsync(HttpStatusCode.Conflict);
            Assert.Equal("case.acted_by", problem.Code());
            Assert.Contains("周文斌", problem.GetRawText(), StringComparison.Ordinal);
        }

        var c = await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{id}");
        Assert.Single(c.GetProperty("record").EnumerateArray(), s => s.GetProperty("kind").GetString() == "filing_approved");
        Assert.True((await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{id}/record/check")).GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Another_departments_idempotency_key_is_refused_and_does_not_open_its_case()
    {
        var msa = await app.SignedInAsync("officer.msa");
        var key = Guid.NewGuid().ToString();
        var id = await LeadAsync(msa, key, n: 2);

        // Market regulation's own retry gets its case back; city management's request with the same key does not.
        Assert.Equal(id, await LeadAsync(msa, key, n: 2));
        var cae = await app.SignedInAsync("officer.cae");
        var foreign = await PostWithKeyAsync(cae, "/api/enforcement/cases", await LeadBodyAsync(cae, 2), key);
        var problem = await foreign.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("idempotency.key_taken", problem.Code());
        Assert.DoesNotContain(id.ToString(), problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_case_read_shows_the_read_model_with_its_actions_and_never_the_stored_idempotency_key()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var key = "key-" + Guid.NewGuid();
        var id = await LeadAsync(officer, key, n: 3);
        var body = await officer.GetStringAsync($"/api/enforcement/cases/{id}");
        Assert.DoesNotContain(key, body, StringComparison.Ordinal);
        Assert.DoesNotContain("idempotencyKey", body, StringComparison.OrdinalIgnoreCase);
        var c = JsonDocument.Parse(body).RootElement;
        Assert.Contains(c.GetProperty("allowed").EnumerateArray(), a => a.GetString() == "ApproveFiling");
    }

    [Fact]
    public async Task An_upload_to_a_case_out_of_scope_is_404_and_stores_nothing_and_json_where_a_form_is_expected_is_415()
    {
        var msa = await app.SignedInAsync("officer.msa");
        var id = await LeadAsync(msa, n: 4);
        Assert.Equal(HttpStatusCode.NoContent, (await msa.PostAsync($"/api/enforcement/cases/{id}/filing-approval", null)).StatusCode);
        var before = FilesOnDisk();

        var cae = await app.SignedInAsync("officer.cae");
        var unique = Png.Concat(Guid.NewGuid().ToByteArray()).ToArray();
        await (await cae.PostAsync($"/api/enforcement/cases/{id}/evidence", Evidence(unique))).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(before, FilesOnDisk());

        var json = await msa.PostAsync($"/api/enforcement/cases/{id}/evidence", new StringContent("{\"kind\":\"Photo\",\"title\":\"照片\"}", Encoding.UTF8, "application/json"));
        // Refused by the endpoint's declared body type before the handler runs (and MultipartUpload refuses it again).
        var refused = await json.ReadProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(("request.unsupported_media_type", "body"), (refused.Code(), Assert.Single(refused.ErrorFields())));
        Assert.Contains("multipart/form-data", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        var record = await msa.PostAsync($"/api/enforcement/cases/{id}/record", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, record.StatusCode);
        Assert.Empty((await msa.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{id}")).GetProperty("evidence").EnumerateArray());
        Assert.Equal(before, FilesOnDisk());
    }

    [Fact]
    public async Task A_stored_file_replaced_on_disk_is_refused_with_file_altered_and_raises_an_alert_naming_the_case()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var id = await LeadAsync(officer, n: 5);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync($"/api/enforcement/cases/{id}/filing-approval", null)).StatusCode);
        var unique = Png.Concat(Guid.NewGuid().ToByteArray()).ToArray();
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsync($"/api/enforcement/cases/{id}/evidence", Evidence(unique))).StatusCode);
        var c = await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{id}");
        var sha = c.GetProperty("evidence").EnumerateArray().Single().GetProperty("sha256").GetString()!;
        Assert.Equal(unique, await officer.GetByteArrayAsync($"/api/enforcement/cases/{id}/files/{sha}"));

        // Someone with the server's disk swaps the photo.
        var path = Directory.GetFiles(Path.Combine(app.DataDirectory, "files"), sha, SearchOption.AllDirectories).Single();
        File.SetAttributes(path, FileAttributes.Normal);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await File.WriteAllBytesAsync(path, [.. Png, 0xEE, 0xEE]);
        var altered = await officer.GetAsync($"/api/enforcement/cases/{id}/files/{sha}");
        Assert.Equal("file.altered", (await altered.ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        var supervisor = await app.SignedInAsync("supervisor");
        var alerts = (await supervisor.GetFromJsonAsync<JsonElement>("/api/alerts?module=platform")).GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(alerts, a => a.GetProperty("kind").GetString()!.EndsWith("file_altered", StringComparison.Ordinal)
            && a.GetProperty("link").GetString() == $"/enforcement/cases/{id}");
    }

    [Fact]
    public async Task Steps_deleted_from_the_end_of_a_record_show_in_the_record_check_and_in_the_audit_verification_against_the_signed_heads()
    {
        var mediator = await app.SignedInAsync("mediator");
        var id = await DisputeAsync(mediator);
        var c = await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}");
        foreach (var p in c.GetProperty("parties").EnumerateArray().Where(p => !p.GetProperty("consented").GetBoolean()))
        {
            var consent = await mediator.PostAsync($"/api/mediation/cases/{id}/parties/{p.GetProperty("id")}/consent", null);
            Assert.True(consent.StatusCode == HttpStatusCode.NoContent, await consent.Content.ReadAsStringAsync());
        }

        Assert.True((await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}/record/check")).GetProperty("intact").GetBoolean());
        // The hour's signature is made (by the monitor, or here): the head that covers the consent is signed.
        app.Time.Advance(TimeSpan.FromHours(2));
        using (var scope = app.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<HeadSigning>().RunAsync();
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            var written = await db.AuditEntries.Where(e => e.RecordId == id).MaxAsync(e => e.Sequence);
            Assert.True(await db.Set<SignedHead>().AnyAsync(h => h.Sequence >= written));
        }

        // A database administrator deletes the last consent.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            var last = await db.Set<CaseEvent>().Where(e => e.CaseId == id).MaxAsync(e => e.Sequence);
            Assert.Equal(1, await db.Set<CaseEvent>().Where(e => e.CaseId == id && e.Sequence == last).ExecuteDeleteAsync());
        }

        var check = await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}/record/check");
        Assert.False(check.GetProperty("intact").GetBoolean());
        Assert.Equal("removed", check.GetProperty("problem").GetString());

        // And then, to hide it, the audit entries from that step on and the head row put back to before them.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            var from = await db.AuditEntries.Where(e => e.RecordId == id && e.Action == "create" && e.EntityType == "med_case_events").MaxAsync(e => e.Sequence);
            var before = await db.AuditEntries.Where(e => e.Sequence == from - 1).SingleAsync();
            await db.AuditEntries.Where(e => e.Sequence >= from).ExecuteDeleteAsync();
            await db.AuditHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, before.Sequence).SetProperty(h => h.LastHash, before.Hash));
        }

        check = await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}/record/check");
        Assert.False(check.GetProperty("intact").GetBoolean());
        Assert.Equal("audit", check.GetProperty("problem").GetString());

        var admin = await app.SignedInAsync("admin");
        var verify = await admin.GetFromJsonAsync<JsonElement>("/api/audit/verify");
        Assert.False(verify.GetProperty("intact").GetBoolean());
    }

    [Fact]
    public async Task Free_text_of_a_case_is_encrypted_at_rest_and_the_audit_record_masks_the_identifiers_in_it()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var id = await LeadAsync(officer, n: 6);
        var idNumber = Identifiers.WithIdCheck("44190019850312706");
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Facts\" FROM enf_cases";
        var stored = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored.Add(reader.GetString(0));
            }
        }

        Assert.NotEmpty(stored);
        Assert.All(stored, facts => Assert.DoesNotContain("便利店", facts, StringComparison.Ordinal));

        var audit = string.Join('\n', await db.AuditEntries.AsNoTracking().Where(e => e.RecordId == id || e.EntityId == id.ToString()).Select(e => e.After ?? "").ToListAsync());
        Assert.DoesNotContain(idNumber, audit, StringComparison.Ordinal);
        Assert.DoesNotContain("13926001122", audit, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_officer_cannot_send_back_his_own_record_and_no_request_carries_the_status_or_the_head_mark()
    {
        var officer = await app.SignedInAsync("officer.cae");
        var officers = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/officers")).GetProperty("items").EnumerateArray().ToList();
        var suspended = officers.First(o => o.GetProperty("status").GetString() == "Suspended");
        var id = suspended.GetProperty("id").GetGuid();
        object Record(object extra) => new Dictionary<string, object?>
        {
            ["departmentId"] = suspended.GetProperty("departmentId").GetGuid(), ["name"] = suspended.GetProperty("name").GetString(),
            ["certificateNumber"] = suspended.GetProperty("certificateNumber").GetString(), ["area"] = suspended.GetProperty("area").GetString(),
            ["category"] = suspended.GetProperty("category").GetString(), ["validFrom"] = suspended.GetProperty("validFrom").GetString(),
            ["validUntil"] = Day(Today.AddYears(10)), ["status"] = extra,
        };

        // The officers' own accounts may not write certificate records at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync($"/api/enforcement/officers/{id}", Record("Valid"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/enforcement/officers/{id}/status", new { status = "Valid" })).StatusCode);

        // A supervisor's edit carries no status or head mark: a body with one is refused on that field, and nothing changes.
        var supervisor = await app.SignedInAsync("supervisor");
        var refused = await (await supervisor.PutAsJsonAsync($"/api/enforcement/officers/{id}", Record("Valid"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("status", refused.ErrorFields());
        var after = (await supervisor.GetFromJsonAsync<JsonElement>("/api/enforcement/officers")).GetProperty("items").EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == id);
        Assert.Equal(("Suspended", false, suspended.GetProperty("validUntil").GetString()),
            (after.GetProperty("status").GetString(), after.GetProperty("isHead").GetBoolean(), after.GetProperty("validUntil").GetString()));
    }
}
