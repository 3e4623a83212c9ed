using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Petitions;

/// <summary>Petitions through their API, as the petition office, a receiving body, the town's leadership, a mediator, the legal-aid centre and the petitioner use them.</summary>
public sealed class PetitionsApiTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private static readonly string PetitionerId = Identifiers.WithIdCheck("44190019880912361");

    private static object Petition(string name, string phone, string cls = "Claim", string category = "Labour", string channel = "Visit", string? idNumber = null,
        int? groupSize = null, string[]? representatives = null) => new
    {
        channel, @class = cls, category, subject = "追讨拖欠工资", request = "请求督促企业支付拖欠的工资", facts = "信访人在某电子厂务工，工厂拖欠两个月工资。",
        reasons = "多次讨要未果。", name, idNumber, phone, address = "东莞市塘厦镇莲湖社区 8 号", groupSize, representatives,
    };

    private static async Task<JsonElement> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task NoContentAsync(Task<HttpResponseMessage> call)
    {
        var r = await call;
        Assert.True(r.StatusCode == HttpStatusCode.NoContent, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }

    private static async Task<JsonElement> ViewAsync(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/api/petitions/{id}");

    private static async Task<Guid> BodyAsync(HttpClient client, string name) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/petitions/bodies")).EnumerateArray().First(b => b.GetProperty("name").GetString() == name).GetProperty("id").GetGuid();

    [Fact]
    public async Task A_claim_goes_from_entry_to_opinion_review_and_re_review_then_the_same_matter_is_refused_as_closed()
    {
        var office = await app.SignedInAsync("petition.officer");
        var created = await CreatedAsync(await office.PostAsJsonAsync("/api/petitions", Petition("黄丽芳", "13926001111", idNumber: PetitionerId)));
        var id = created.GetProperty("id").GetGuid();
        Assert.Matches("^塘信〔2026〕[0-9]+号$", created.GetProperty("number").GetString());
        var view = await ViewAsync(office, id);
        Assert.Equal(("Registered", "2026-12-10"), (view.GetProperty("status").GetString(), view.GetProperty("routeDue").GetString()));
        Assert.Equal(Masking.IdNumber(PetitionerId), view.GetProperty("idNumber").GetString());

        // Routed to the labour bureau, which accepts in writing.
        var hrBody = await BodyAsync(office, "人力资源和社会保障分局");
        await NoContentAsync(office.PostAsJsonAsync($"/api/petitions/{id}/routing", new { handlerId = hrBody }));
        var hr = await app.SignedInAsync("petition.hr");
        var cae = await app.SignedInAsync("petition.cae");
        // Another body does not see it at all.
        Assert.Equal(HttpStatusCode.NotFound, (await cae.GetAsync($"/api/petitions/{id}")).StatusCode);
        // The office may not accept what it routed: the body decides now.
        Assert.Equal("petitions.not_yours", (await (await office.PostAsync($"/api/petitions/{id}/acceptance", null)).ReadProblemAsync(HttpStatusCode.Forbidden)).Code());
        await NoContentAsync(hr.PostAsync($"/api/petitions/{id}/acceptance", null));
        view = await ViewAsync(hr, id);
        Assert.Equal(("Accepted", "2027-01-25"), (view.GetProperty("status").GetString(), view.GetProperty("answerDue").GetString()));
        using (var notice = WordprocessingDocument.Open(new MemoryStream(await hr.GetByteArrayAsync($"/api/petitions/{id}/documents/notice.docx")), false))
        {
            Assert.Contains("决定予以受理", notice.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
        }

        // The opinion, and its document: 信访处理意见书 in 公文 form.
        var empty = await hr.PostAsJsonAsync($"/api/petitions/{id}/opinion", new { opinion = " " });
        Assert.Contains("opinion", (await empty.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        await NoContentAsync(hr.PostAsJsonAsync($"/api/petitions/{id}/opinion", new { opinion = "经调查，企业已于12月5日支付拖欠工资九千元。" }));
        using (var opinion = WordprocessingDocument.Open(new MemoryStream(await hr.GetByteArrayAsync($"/api/petitions/{id}/documents/opinion.docx")), false))
        {
            var text = opinion.MainDocumentPart!.Document!.InnerText;
            Assert.Contains("信访处理意见书", text, StringComparison.Ordinal);
            Assert.Contains("支付拖欠工资九千元", text, StringComparison.Ordinal);
            Assert.Contains("第三十五条", text, StringComparison.Ordinal);
        }

        // Review at the town government, decided by a supervisor; then re-review at the city, recorded by the office.
        await NoContentAsync(office.PostAsJsonAsync($"/api/petitions/{id}/review-request", new { body = "塘厦镇人民政府" }));
        var decidedByHr = await hr.PostAsJsonAsync($"/api/petitions/{id}/review-decision", new { upheld = true, opinion = "维持" });
        Assert.Equal(HttpStatusCode.Forbidden, decidedByHr.StatusCode);
        var supervisor = await app.SignedInAsync("supervisor");
        await NoContentAsync(supervisor.PostAsJsonAsync($"/api/petitions/{id}/review-decision", new { upheld = true, opinion = "原处理意见正确，予以维持。" }));
        await NoContentAsync(office.PostAsJsonAsync($"/api/petitions/{id}/rereview-request", new { body = "东莞市信访局" }));
        await NoContentAsync(office.PostAsJsonAsync($"/api/petitions/{id}/rereview-decision", new { upheld = true, opinion = "复查意见正确，予以维持。" }));
        Assert.Equal("ReReviewed", (await ViewAsync(office, id)).GetProperty("status").GetString());
        // A step out of order now is 409.
        var late = await hr.PostAsJsonAsync($"/api/petitions/{id}/opinion", new { opinion = "再次答复" });
        Assert.Equal("petitions.step_out_of_order", (await late.ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        // The same person about the same matter: entered, linked, and refused as closed (第36条); the statistics count it once.
        var again = await CreatedAsync(await office.PostAsJsonAsync("/api/petitions", Petition("黄丽芳", "13926001111", idNumber: PetitionerId)));
        Assert.Equal(("NotAccepted", created.GetProperty("number").GetString()), (again.GetProperty("status").GetString(), again.GetProperty("repeatOf").GetString()));
        var stats = await office.GetFromJsonAsync<JsonElement>("/api/petitions/statistics?from=2026-11-01&to=2026-11-30");
        Assert.Equal(1, stats.GetProperty("repeats").GetInt32());
        Assert.Equal(1, stats.GetProperty("reReviews").GetInt32());

        // It is another employer after all: the office removes the link, and the petition is entered anew and counted.
        var againId = again.GetProperty("id").GetGuid();
        Assert.Contains("reason", (await (await office.PostAsJsonAsync($"/api/petitions/{againId}/unlink", new { reason = "" })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        await NoContentAsync(office.PostAsJsonAsync($"/api/petitions/{againId}/unlink", new { reason = "反映的是另一家企业拖欠工资" }));
        var unlinked = await ViewAsync(office, againId);
        Assert.Equal(("Registered", JsonValueKind.Null), (unlinked.GetProperty("status").GetString(), unlinked.GetProperty("repeatOf").ValueKind));
        Assert.Equal("petitions.not_a_repeat", (await (await office.PostAsJsonAsync($"/api/petitions/{againId}/unlink", new { reason = "再次" })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal(0, (await office.GetFromJsonAsync<JsonElement>("/api/petitions/statistics?from=2026-11-01&to=2026-11-30")).GetProperty("repeats").GetInt32());
    }

    [Fact]
    public async Task A_matter_for_a_court_is_diverted_with_the_route_in_writing_and_bad_input_names_its_field()
    {
        var office = await app.SignedInAsync("petition.officer");
        var bad = await office.PostAsJsonAsync("/api/petitions", new { channel = "Visit", @class = "Claim", category = "Labour", subject = "", name = "张三", groupSize = 9,
            representatives = new[] { "甲", "乙", "丙", "丁", "戊", "己" } });
        var problem = await bad.ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("subject", problem.ErrorFields());
        Assert.Contains("address", problem.ErrorFields());
        Assert.Contains("representatives", problem.ErrorFields());

        var id = (await CreatedAsync(await office.PostAsJsonAsync("/api/petitions", Petition("周建华", "13926002222", category: "NeighbourFamily")))).GetProperty("id").GetGuid();
        var noRoute = await office.PostAsJsonAsync($"/api/petitions/{id}/diversion", new { route = "Litigation", where = "" });
        Assert.Contains("where", (await noRoute.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        await NoContentAsync(office.PostAsJsonAsync($"/api/petitions/{id}/diversion", new { route = "Litigation", where = "东莞市第三人民法院塘厦法庭" }));
        using var doc = WordprocessingDocument.Open(new MemoryStream(await office.GetByteArrayAsync($"/api/petitions/{id}/documents/notice.docx")), false);
        var text = doc.MainDocumentPart!.Document!.InnerText;
        Assert.Contains("诉讼", text, StringComparison.Ordinal);
        Assert.Contains("东莞市第三人民法院塘厦法庭", text, StringComparison.Ordinal);
        Assert.Equal("Diverted", (await ViewAsync(office, id)).GetProperty("status").GetString());
        // No opinion exists for a diverted matter.
        Assert.Equal(HttpStatusCode.Conflict, (await office.GetAsync($"/api/petitions/{id}/documents/opinion.docx")).StatusCode);
    }

    [Fact]
    public async Task A_sealed_accusation_is_read_only_by_the_office_and_a_supervisor_each_read_audited_and_nowhere_else_in_clear()
    {
        const string Accuser = "检举人欧阳明";
        const string AccuserPhone = "13926009876";
        var office = await app.SignedInAsync("petition.officer");
        var id = (await CreatedAsync(await office.PostAsJsonAsync("/api/petitions", Petition(Accuser, AccuserPhone, cls: "Accusation", category: "Enforcement")))).GetProperty("id").GetGuid();
        var cae = await BodyAsync(office, "综合行政执法分局");
        await NoContentAsync(office.PostAsJsonAsync($"/api/petitions/{id}/routing", new { handlerId = cae }));

        // The accuser's named claim about the same matter is not linked to the accusation (the link would name them).
        var claim = await CreatedAsync(await office.PostAsJsonAsync("/api/petitions", Petition("欧阳明", AccuserPhone, category: "Enforcement")));
        Assert.Equal(JsonValueKind.Null, claim.GetProperty("repeatOf").ValueKind);
        // Only the petition office enters petitions.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("petition.hr")).PostAsJsonAsync("/api/petitions", Petition("张三", "13926008888"))).StatusCode);

        // The receiving body (perhaps the accused's) sees the matter but never the accuser.
        var handler = await app.SignedInAsync("petition.cae");
        var seen = await handler.GetStringAsync($"/api/petitions/{id}");
        Assert.DoesNotContain(Accuser, seen, StringComparison.Ordinal);
        Assert.DoesNotContain("9876", seen, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await handler.PostAsync($"/api/petitions/{id}/sealed-identity", null)).StatusCode);
        Assert.DoesNotContain(Accuser, await handler.GetStringAsync("/api/petitions?q=欧阳"), StringComparison.Ordinal);
        Assert.DoesNotContain(Accuser, await handler.GetStringAsync($"/petitions/{id}"), StringComparison.Ordinal);

        // The office and a supervisor open it; each read is a row in the audit chain.
        var opened = await office.PostAsync($"/api/petitions/{id}/sealed-identity", null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var identity = JsonDocument.Parse(await opened.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((Accuser, AccuserPhone), (identity.GetProperty("name").GetString(), identity.GetProperty("phone").GetString()));
        var supervisor = await app.SignedInAsync("supervisor");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.PostAsync($"/api/petitions/{id}/sealed-identity", null)).StatusCode);
        var admin = await app.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.PostAsync($"/api/petitions/{id}/sealed-identity", null)).StatusCode);
        Assert.DoesNotContain(Accuser, await admin.GetStringAsync($"/api/petitions/{id}"), StringComparison.Ordinal);
        Assert.DoesNotContain(Accuser, await admin.GetStringAsync("/api/petitions/export"), StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        var reads = await db.Set<Fazhi.Web.Platform.Audit.PersonalDataRead>().AsNoTracking().Where(r => r.CaseId == id).ToListAsync();
        Assert.Equal(["petition.officer", "supervisor"], reads.Select(r => r.ReadBy).Order(StringComparer.Ordinal).ToArray());
        var audit = await db.AuditEntries.AsNoTracking().ToListAsync();
        Assert.DoesNotContain(audit, e => (e.After ?? "").Contains(Accuser, StringComparison.Ordinal) || (e.Before ?? "").Contains(Accuser, StringComparison.Ordinal));
        Assert.Contains(audit, e => e.EntityType == "sys_personal_reads");
        // Stored encrypted: neither the name nor the phone in clear anywhere.
        var stored = await StoredText.ReadAsync(app, "pet_petitions", "pet_steps", "sys_audit_entries");
        Assert.DoesNotContain(stored, s => s.Contains(Accuser, StringComparison.Ordinal) || s.Contains(AccuserPhone, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_visit_opens_a_mediation_case_which_fails_and_opens_a_legal_aid_application_with_links_both_ways()
    {
        var office = await app.SignedInAsync("petition.officer");
        var petition = await CreatedAsync(await office.PostAsJsonAsync("/api/petitions", Petition("林晓红", "13926003333")));
        var id = petition.GetProperty("id").GetGuid();
        var missing = await office.PostAsJsonAsync($"/api/petitions/{id}/mediation", new { disputeType = "Labour" });
        Assert.Contains("respondent", (await missing.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        var referred = await CreatedAsync(await office.PostAsJsonAsync($"/api/petitions/{id}/mediation", new { disputeType = "Labour", respondent = "东莞市某电子有限公司" }));
        var caseId = referred.GetProperty("id").GetGuid();

        // The mediation case carries the parties and facts and links back.
        var mediator = await app.SignedInAsync("mediator");
        var c = await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{caseId}");
        Assert.Equal(("Petition", petition.GetProperty("number").GetString()), (c.GetProperty("source").GetString(), c.GetProperty("referredBy").GetString()));
        Assert.Contains(c.GetProperty("parties").EnumerateArray(), p => p.GetProperty("name").GetString() == "林晓红");
        Assert.Contains("拖欠两个月工资", c.GetProperty("facts").GetString(), StringComparison.Ordinal);
        // A case that has not failed does not go on to legal aid.
        var early = await mediator.PostAsJsonAsync($"/api/mediation/cases/{caseId}/legal-aid", new { matterType = "Labour", ground = "MigrantWorker" });
        Assert.Equal("mediation.aid_needs_failure", (await early.ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{caseId}/failure", new { note = "双方分歧较大，已告知可申请劳动仲裁。" }));
        var aid = await CreatedAsync(await mediator.PostAsJsonAsync($"/api/mediation/cases/{caseId}/legal-aid", new { matterType = "Labour", ground = "MigrantWorker" }));
        var twice = await mediator.PostAsJsonAsync($"/api/mediation/cases/{caseId}/legal-aid", new { matterType = "Labour", ground = "MigrantWorker" });
        Assert.Equal("mediation.aid_opened", (await twice.ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        // Legal aid received it with the parties and facts and the link back to the case.
        var officer = await app.SignedInAsync("aid.officer");
        var application = await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{aid.GetProperty("id").GetGuid()}");
        Assert.Equal(("林晓红", "东莞市某电子有限公司", "Received", c.GetProperty("number").GetString()),
            (application.GetProperty("applicant").GetString(), application.GetProperty("opponent").GetString(), application.GetProperty("status").GetString(),
             application.GetProperty("referredFrom").GetString()));
        Assert.Equal($"/mediation/cases/{caseId}", application.GetProperty("referredFromLink").GetString());

        // The petition shows where the matter went and each link's outcome; the public page too, without staff links.
        var chain = (await ViewAsync(office, id)).GetProperty("chain").EnumerateArray().ToList();
        Assert.Equal(["mediation", "legalaid"], chain.Select(l => l.GetProperty("workLine").GetString()!).ToArray());
        Assert.Equal(("mediation.status.Failed", "legalaid.status.Received"), (chain[0].GetProperty("statusKey").GetString(), chain[1].GetProperty("statusKey").GetString()));
        var track = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/petitions/{petition.GetProperty("queryToken").GetString()}");
        Assert.Equal("Referred", track.GetProperty("status").GetString());
        Assert.Equal(2, track.GetProperty("chain").GetArrayLength());
        Assert.StartsWith("/legal-aid/progress/", track.GetProperty("chain")[1].GetProperty("link").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, track.GetProperty("chain")[0].GetProperty("link").ValueKind);
    }

    [Fact]
    public async Task The_petitioner_follows_it_by_token_masked_and_rates_the_answer_once()
    {
        var office = await app.SignedInAsync("petition.officer");
        var created = await CreatedAsync(await office.PostAsJsonAsync("/api/petitions", Petition("罗美玲", "13926004444", category: "UrbanManagement")));
        var (id, token) = (created.GetProperty("id").GetGuid(), created.GetProperty("queryToken").GetString()!);
        var anonymous = app.Anonymous();
        var before = await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/petitions/{token}");
        Assert.Equal(("罗*玲", "Registered", false), (before.GetProperty("petitioner").GetString(), before.GetProperty("status").GetString(), before.GetProperty("canRate").GetBoolean()));
        Assert.DoesNotContain("13926004444", before.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("某电子厂务工", before.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("petitions.not_answered", (await (await anonymous.PostAsJsonAsync($"/api/public/petitions/{token}/rating", new { rating = 3 })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        // The office keeps and answers it itself.
        await NoContentAsync(office.PostAsync($"/api/petitions/{id}/acceptance", null));
        await NoContentAsync(office.PostAsJsonAsync($"/api/petitions/{id}/opinion", new { opinion = "已责成施工单位停止夜间施工。" }));
        var after = await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/petitions/{token}");
        Assert.Equal(("Answered", true), (after.GetProperty("status").GetString(), after.GetProperty("canRate").GetBoolean()));
        await NoContentAsync(anonymous.PostAsJsonAsync($"/api/public/petitions/{token}/rating", new { rating = 3 }));
        Assert.Equal("petitions.rated", (await (await anonymous.PostAsJsonAsync($"/api/public/petitions/{token}/rating", new { rating = 1 })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal(3, (await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/petitions/{token}")).GetProperty("rating").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/public/petitions/not-a-token")).StatusCode);
    }

    [Fact]
    public async Task Two_people_routing_at_once_get_one_success_and_one_409_naming_who_acted_and_a_retry_with_the_key_returns_the_first()
    {
        var office = await app.SignedInAsync("petition.officer");
        using var first = new HttpRequestMessage(HttpMethod.Post, "/api/petitions") { Content = JsonContent.Create(Petition("谢志明", "13926005555")) };
        first.Headers.Add("Idempotency-Key", "petition-retry-1");
        var a = await CreatedAsync(await office.SendAsync(first));
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/petitions") { Content = JsonContent.Create(Petition("谢志明", "13926005555")) };
        retry.Headers.Add("Idempotency-Key", "petition-retry-1");
        var b = await CreatedAsync(await office.SendAsync(retry));
        Assert.Equal(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());

        var id = a.GetProperty("id").GetGuid();
        var seen = (await ViewAsync(office, id)).GetProperty("seenEvents").GetInt32();
        var hrBody = await BodyAsync(office, "人力资源和社会保障分局");
        var other = await app.SignedInAsync("petition.officer");
        var results = await Task.WhenAll(
            office.PostAsJsonAsync($"/api/petitions/{id}/routing", new { handlerId = hrBody, seenEvents = seen }),
            other.PostAsJsonAsync($"/api/petitions/{id}/routing", new { handlerId = hrBody, seenEvents = seen }));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], results.Select(r => r.StatusCode).Order().ToArray());
        var loser = results.Single(r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("petition.officer", (await loser.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }
}
