using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Notifications;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Fazhi.Tests.Mediation;

/// <summary>People's mediation through its API, as a police-station room, a mediator and the justice office use it.</summary>
public sealed class MediationApiTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private static readonly string ApplicantId = Identifiers.WithIdCheck("44190019800214302");

    private const string ApplicantPhone = "13926001122";

    private sealed record Town(Guid Committee, Guid PoliceRoom, string RoomPhone, Guid Lead, Guid Second, Guid Community);

    private async Task<Town> TownAsync(HttpClient client)
    {
        var committees = (await client.GetFromJsonAsync<JsonElement>("/api/mediation/committees")).EnumerateArray().ToList();
        var town = committees.Single(c => c.GetProperty("code").GetString() == "TX-MED");
        var room = town.GetProperty("rooms").EnumerateArray().First(r => r.GetProperty("place").GetString() == "PoliceStation");
        var mediators = (await client.GetFromJsonAsync<JsonElement>($"/api/mediation/mediators?committeeId={town.GetProperty("id")}")).GetProperty("items").EnumerateArray().ToList();
        var lead = mediators.Single(m => m.GetProperty("userName").GetString() == "mediator").GetProperty("id").GetGuid();
        var second = mediators.First(m => m.GetProperty("id").GetGuid() != lead).GetProperty("id").GetGuid();
        var community = committees.FirstOrDefault(c => c.GetProperty("kind").GetString() == "Community");
        return new Town(town.GetProperty("id").GetGuid(), room.GetProperty("id").GetGuid(), room.GetProperty("dutyPhone").GetString()!, lead, second,
            community.ValueKind == JsonValueKind.Undefined ? Guid.Empty : community.GetProperty("id").GetGuid());
    }

    private static object Register(Town t, Guid? committee = null, string type = "Neighbours", string? idNumber = null) => new
    {
        committeeId = committee ?? t.Committee,
        roomId = committee is null ? t.PoliceRoom : (Guid?)null,
        disputeType = type,
        caseSource = "PoliceReferral",
        referredBy = "塘厦派出所",
        facts = "双方因相邻房屋排水问题发生争执，派出所出警后移送调解。",
        claims = "请求对方改造排水管道并赔偿损失。",
        parties = new object[]
        {
            new { side = "Applicant", kind = "Person", name = "林雪梅", idNumber = idNumber ?? ApplicantId, phone = ApplicantPhone, address = "东莞市塘厦镇花园街41号" },
            new { side = "Respondent", kind = "Person", name = "吴海涛", phone = "13726000130" },
        },
        mediatorIds = new[] { t.Lead, t.Second },
    };

    private static async Task<(Guid Id, string Number)> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string url, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task ConsentAllAsync(HttpClient client, Guid id)
    {
        var c = await client.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}");
        foreach (var p in c.GetProperty("parties").EnumerateArray())
        {
            Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/mediation/cases/{id}/parties/{p.GetProperty("id")}/consent", null)).StatusCode);
        }
    }

    private static async Task NoContentAsync(Task<HttpResponseMessage> call)
    {
        var r = await call;
        Assert.True(r.StatusCode == HttpStatusCode.NoContent, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }

    private static Task<JsonElement> StatisticsAsync(HttpClient client) => client.GetFromJsonAsync<JsonElement>("/api/mediation/statistics");

    private static object Session(Town t) => new
    {
        at = (DateTime?)null,
        roomId = t.PoliceRoom,
        mediatorIds = new[] { t.Lead, t.Second },
        attendees = "林雪梅、吴海涛、钟伟明",
        record = "调解员听取双方陈述，释法明理，双方同意协商解决。",
    };

    private static object Written(DateOnly today) => new
    {
        facts = "双方因相邻房屋排水问题发生争执。",
        terms = "吴海涛于约定期限内自费改造排水管道，林雪梅不再追究此前损失。",
        performance = "吴海涛自行施工，完工后通知林雪梅查验。",
        performBy = today.AddDays(10),
        effectiveOn = today,
    };

    [Fact]
    public async Task A_police_station_room_registers_a_dispute_mediates_it_to_a_written_agreement_and_follows_up_and_the_statistics_move_by_one()
    {
        var mediator = await app.SignedInAsync("mediator");
        var t = await TownAsync(mediator);
        var before = await StatisticsAsync(mediator);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));

        // A double click registers once.
        var key = Guid.NewGuid().ToString();
        var (id, number) = await CreatedAsync(await PostWithKeyAsync(mediator, "/api/mediation/cases", Register(t), key));
        Assert.Equal((id, number), await CreatedAsync(await PostWithKeyAsync(mediator, "/api/mediation/cases", Register(t), key)));
        Assert.StartsWith("塘调〔2026〕", number, StringComparison.Ordinal);

        // No session before both parties consent; no agreement before a session.
        Assert.Equal("mediation.consent_missing", (await (await mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/sessions", Session(t))).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        await ConsentAllAsync(mediator, id);
        Assert.Equal("mediation.session_required", (await (await mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/agreement", Written(today))).ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        var notice = await mediator.GetAsync($"/api/mediation/cases/{id}/rights-notice.docx");
        Assert.Equal(HttpStatusCode.OK, notice.StatusCode);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await notice.Content.ReadAsByteArrayAsync()), false))
        {
            Assert.Contains("权利义务", doc.MainDocumentPart!.Document!.InnerText, StringComparison.Ordinal);
        }

        // 第23条: printing the notice is not giving it; the session waits until the mediator records it as given, once.
        Assert.Equal("mediation.rights_notice_required", (await (await mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/sessions", Session(t))).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/rights-notice", new { how = "书面告知，双方签收" }));
        Assert.Equal("mediation.rights_notice_given", (await (await mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/rights-notice", new { how = "再次" })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        var told = await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}");
        Assert.Single(told.GetProperty("record").EnumerateArray(), e => e.GetProperty("kind").GetString() == "rights_notice");
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/sessions", Session(t)));
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/agreement", Written(today)));
        Assert.Equal("mediation.case_closed", (await (await mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/failure", new { note = "告知可诉讼" })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        // The agreement carries every 第29条 element and the signature blocks, with the parties' details in full.
        var docx = await mediator.GetAsync($"/api/mediation/cases/{id}/agreement.docx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", docx.Content.Headers.ContentType?.MediaType);
        using (var doc = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = doc.MainDocumentPart!.Document!.InnerText;
            foreach (var part in new[] { "人民调解协议书", number, "林雪梅", ApplicantId, "吴海涛", "排水", "自费改造排水管道", "完工后通知", "签名", "人民调解委员会" })
            {
                Assert.Contains(part, text, StringComparison.Ordinal);
            }
        }

        // The API shows the parties masked; the record, the agreement and its follow-up.
        var c = await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}");
        Assert.Equal("Settled", c.GetProperty("status").GetString());
        var applicant = c.GetProperty("parties").EnumerateArray().Single(p => p.GetProperty("name").GetString() == "林雪梅");
        Assert.Equal(Masking.IdNumber(ApplicantId), applicant.GetProperty("idNumber").GetString());
        Assert.Equal("139****1122", applicant.GetProperty("phone").GetString());
        var window = c.GetProperty("agreement").GetProperty("confirmationDue").GetString();
        Assert.True(DateOnly.Parse(window!, System.Globalization.CultureInfo.InvariantCulture) >= today.AddDays(30));
        var followUp = c.GetProperty("followUps").EnumerateArray().Single();
        Assert.Equal(today.AddDays(10).ToString("yyyy-MM-dd"), followUp.GetProperty("dueOn").GetString());

        // The mediator's day lists the follow-up due within a week only when it is.
        app.Time.Advance(TimeSpan.FromDays(5));
        mediator = await app.SignedInAsync("mediator");
        var day = await mediator.GetFromJsonAsync<JsonElement>("/api/mediation/today");
        Assert.Contains(day.GetProperty("followUps").EnumerateArray(), f => f.GetProperty("caseId").GetGuid() == id);
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/follow-ups", new { followUpId = followUp.GetProperty("id").GetGuid(), performed = true, note = "电话回访，已改造完毕" }));
        Assert.Equal("mediation.followup_done", (await (await mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/follow-ups", new { followUpId = followUp.GetProperty("id").GetGuid(), performed = true })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        var events = (await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}")).GetProperty("record").EnumerateArray().Select(e => e.GetProperty("kind").GetString()).ToList();
        Assert.Equal(["registered", "consent", "consent", "rights_notice", "session", "agreed_written", "performed"], events);

        var after = await StatisticsAsync(mediator);
        Assert.Equal(before.GetProperty("received").GetInt32() + 1, after.GetProperty("received").GetInt32());
        Assert.Equal(before.GetProperty("total").GetProperty("mediated").GetInt32() + 1, after.GetProperty("total").GetProperty("mediated").GetInt32());
        Assert.Equal(before.GetProperty("total").GetProperty("settled").GetInt32() + 1, after.GetProperty("total").GetProperty("settled").GetInt32());
        Assert.Equal(before.GetProperty("written").GetInt32() + 1, after.GetProperty("written").GetInt32());
        Assert.Contains(after.GetProperty("byType").EnumerateArray(), r => r.GetProperty("key").GetString() == "Neighbours" && r.GetProperty("settled").GetInt32() >= 1);

        // The justice office's Excel: a sheet by type, whose neighbours row and total count the case.
        var xlsx = await mediator.GetByteArrayAsync($"/api/mediation/statistics/export?from={today.AddDays(-5):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var byType = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: "按纠纷类型").Cast<IDictionary<string, object>>().ToList();
        Assert.True(Convert.ToInt32(byType.Single(r => (r["项目"] as string) == "邻里纠纷")["调解成功数"], System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains(byType, r => (r["项目"] as string) == "合计");

        // The report figure counts it, and its drill-down leads to the case.
        var supervisor = await app.SignedInAsync("supervisor");
        var records = await supervisor.GetFromJsonAsync<JsonElement>("/api/figures/mediation.settled/records");
        Assert.Contains(records.GetProperty("items").EnumerateArray(), r => r.GetProperty("link").GetString() == $"/mediation/cases/{id}");
    }

    [Fact]
    public async Task Bad_input_names_each_field_and_registers_nothing()
    {
        var mediator = await app.SignedInAsync("mediator");
        var t = await TownAsync(mediator);
        var before = (await mediator.GetFromJsonAsync<JsonElement>("/api/mediation/cases")).GetProperty("total").GetInt32();

        var empty = await (await mediator.PostAsJsonAsync("/api/mediation/cases", new { parties = Array.Empty<object>() })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Superset(new HashSet<string> { "committeeId", "disputeType", "caseSource", "facts", "parties", "mediatorIds" }, empty.ErrorFields().ToHashSet());

        var badId = await (await mediator.PostAsJsonAsync("/api/mediation/cases", Register(t, idNumber: "441900198002143021"))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("parties[0].idNumber", badId.ErrorFields());
        // The message reads as a person would say it, counting parties from one, in the reader's language.
        Assert.StartsWith("当事人1的身份证号码: ", badId.GetProperty("errors").GetProperty("parties[0].idNumber")[0].GetString(), StringComparison.Ordinal);
        var english = await (await mediator.PostAsJsonAsync("/api/mediation/cases?culture=en", Register(t, idNumber: "441900198002143021"))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.StartsWith("Party 1, ID number: ", english.GetProperty("errors").GetProperty("parties[0].idNumber")[0].GetString(), StringComparison.Ordinal);

        var badType = await mediator.PostAsync("/api/mediation/cases", new StringContent("{\"disputeType\":\"Quarrel\"}", Encoding.UTF8, "application/json"));
        Assert.True((int)badType.StatusCode is 400 or 422, badType.StatusCode.ToString());
        Assert.Equal("application/problem+json", badType.Content.Headers.ContentType?.MediaType);

        Assert.Equal(before, (await mediator.GetFromJsonAsync<JsonElement>("/api/mediation/cases")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_case_of_another_committees_department_answers_404_to_the_town_mediator()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        var t = await TownAsync(supervisor);
        Assert.NotEqual(Guid.Empty, t.Community);
        var members = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/mediation/mediators?committeeId={t.Community}")).GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetGuid()).ToList();
        var body = Register(t, t.Community);
        var json = JsonSerializer.SerializeToNode(body)!;
        json["mediatorIds"] = new System.Text.Json.Nodes.JsonArray([.. members.Take(2).Select(m => (System.Text.Json.Nodes.JsonNode)m.ToString())]);
        var (id, _) = await CreatedAsync(await supervisor.PostAsJsonAsync("/api/mediation/cases", json));

        var mediator = await app.SignedInAsync("mediator");
        await (await mediator.GetAsync($"/api/mediation/cases/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/failure", new { note = "告知可诉讼" })).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await mediator.GetFromJsonAsync<JsonElement>("/api/mediation/cases")).GetProperty("items").EnumerateArray(), c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("clerk")).GetAsync("/api/mediation/cases")).StatusCode);
    }

    [Fact]
    public async Task A_violence_risk_texts_the_police_station_room_once_and_keeps_the_parties_data_encrypted()
    {
        var mediator = await app.SignedInAsync("mediator");
        var t = await TownAsync(mediator);
        var idNumber = Identifiers.WithIdCheck("44190019770505123");
        var (id, number) = await CreatedAsync(await mediator.PostAsJsonAsync("/api/mediation/cases", Register(t, idNumber: idNumber)));
        await (await mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/violence", new { note = "" })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/violence", new { note = "被申请人扬言报复" }));

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        var message = Assert.Single(await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.RecordId == id).ToListAsync());
        Assert.Equal("mediation.violence_risk", message.Template);
        Assert.Equal(t.RoomPhone, message.Recipient);
        var text = MessageText.Render(message, "zh-CN");
        Assert.Contains(number, text, StringComparison.Ordinal);
        Assert.Contains("扬言报复", text, StringComparison.Ordinal);

        // Stored: no ID number or phone in clear, in the case rows or the audit record.
        var stored = await StoredText.ReadAsync(app, "med_parties", "med_case_events", "sys_audit_entries", "sys_outbox");
        Assert.DoesNotContain(stored, s => s.Contains(idNumber, StringComparison.Ordinal) || s.Contains(ApplicantPhone, StringComparison.Ordinal));
        var party = await db.MediationCases.AsNoTracking().Where(c => c.Id == id).SelectMany(c => c.Parties).FirstAsync(p => p.Name == "林雪梅");
        Assert.Equal(idNumber, party.IdNumber);

        // Every change is in the audit record, the parties' identifiers masked.
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id.ToString() || e.EntityId == party.Id.ToString()).ToListAsync();
        Assert.Contains(audit, e => e.EntityType == "med_cases" && e.Action == "create");
        Assert.Contains(audit, e => e.EntityType == "med_cases" && e.Action == "update" && e.After!.Contains("扬言报复", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.EntityType == "med_parties" && e.After!.Contains(Masking.IdNumber(idNumber), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_subsidy_class_is_proposed_by_the_mediator_approved_by_the_justice_office_at_the_citys_rate_and_paid_in_the_months_list()
    {
        var mediator = await app.SignedInAsync("mediator");
        var supervisor = await app.SignedInAsync("supervisor");
        var t = await TownAsync(mediator);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));
        var (id, number) = await CreatedAsync(await mediator.PostAsJsonAsync("/api/mediation/cases", Register(t)));
        Assert.Equal("mediation.subsidy_needs_success", (await (await mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/subsidy-class", new { @class = "Difficult" })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        await ConsentAllAsync(mediator, id);
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/rights-notice", new { how = "口头告知" }));
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/sessions", Session(t)));
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/oral-agreement", new { terms = "吴海涛当场赔偿林雪梅三百元。" }));

        Assert.Equal("mediation.subsidy_not_proposed", (await (await supervisor.PostAsJsonAsync($"/api/mediation/cases/{id}/subsidy-approval", new { @class = "Difficult" })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/subsidy-class", new { @class = "Difficult" }));
        Assert.Contains((await mediator.GetFromJsonAsync<JsonElement>("/api/mediation/subsidies/pending")).EnumerateArray(), r => r.GetProperty("caseId").GetGuid() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await mediator.PostAsJsonAsync($"/api/mediation/cases/{id}/subsidy-approval", new { @class = "Difficult" })).StatusCode);

        // A new amount from today on: the case settled today is paid at it.
        var rates = (await supervisor.GetFromJsonAsync<JsonElement>("/api/mediation/subsidies/rates")).EnumerateArray().ToList();
        Assert.Contains(rates, r => r.GetProperty("class").GetString() == "Difficult");
        Assert.Equal("mediation.rate_not_latest", (await (await supervisor.PostAsJsonAsync("/api/mediation/subsidies/rates", new { @class = "Difficult", amount = 900, effectiveFrom = "2019-01-01" })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        Assert.Equal(HttpStatusCode.NoContent, (await supervisor.PostAsJsonAsync("/api/mediation/subsidies/rates", new { @class = "Difficult", amount = 1200, effectiveFrom = today })).StatusCode);
        await NoContentAsync(supervisor.PostAsJsonAsync($"/api/mediation/cases/{id}/subsidy-approval", new { @class = "Difficult" }));
        Assert.Equal("mediation.subsidy_approved", (await (await supervisor.PostAsJsonAsync($"/api/mediation/cases/{id}/subsidy-approval", new { @class = "Major" })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());

        var month = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/mediation/subsidies/{today.Year}/{today.Month}")).EnumerateArray().Single(r => r.GetProperty("caseId").GetGuid() == id);
        Assert.Equal(1200m, month.GetProperty("amount").GetDecimal());
        var xlsx = await supervisor.GetByteArrayAsync($"/api/mediation/subsidies/{today.Year}/{today.Month}/export");
        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = rows.Single(r => (r["案件编号"] as string) == number);
        Assert.Equal(1200m, Convert.ToDecimal(row["补贴金额（元）"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(rows, r => (r["案件编号"] as string) == "合计");
    }

    [Fact]
    public async Task A_screening_area_reports_zero_or_findings_and_a_finding_opens_a_case_in_one_step()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        var t = await TownAsync(supervisor);
        var today = DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));
        var bad = await (await supervisor.PostAsJsonAsync("/api/mediation/screenings", new { name = "排查", from = today, to = today.AddDays(-1), reportDue = today })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("to", bad.ErrorFields());
        var opened = await supervisor.PostAsJsonAsync("/api/mediation/screenings", new { name = "岁末年初矛盾纠纷排查", from = today, to = today.AddDays(14), reportDue = today.AddDays(10) });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var campaignId = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var campaign = await supervisor.GetFromJsonAsync<JsonElement>($"/api/mediation/screenings/{campaignId}");
        var areas = campaign.GetProperty("areas").EnumerateArray().ToList();
        Assert.True(areas.Count >= 2);

        var zero = areas[0].GetProperty("id").GetGuid();
        await NoContentAsync(supervisor.PostAsJsonAsync($"/api/mediation/screenings/{campaignId}/areas/{zero}/report", new { findings = Array.Empty<object>() }));
        Assert.Equal("mediation.area_reported", (await (await supervisor.PostAsJsonAsync($"/api/mediation/screenings/{campaignId}/areas/{zero}/report", new { findings = Array.Empty<object>() })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        var found = areas[1].GetProperty("id").GetGuid();
        await NoContentAsync(supervisor.PostAsJsonAsync($"/api/mediation/screenings/{campaignId}/areas/{found}/report", new { findings = new[] { new { description = "两户村民因宅基地边界争执", type = "Land", parties = "刘某、陈某" } } }));

        campaign = await supervisor.GetFromJsonAsync<JsonElement>($"/api/mediation/screenings/{campaignId}");
        var row = (await supervisor.GetFromJsonAsync<JsonElement>("/api/mediation/screenings")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == campaignId);
        Assert.Equal((2, 1, 1), (row.GetProperty("reported").GetInt32(), row.GetProperty("zeroReports").GetInt32(), row.GetProperty("findings").GetInt32()));
        var finding = campaign.GetProperty("areas").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == found).GetProperty("findings").EnumerateArray().Single().GetProperty("id").GetGuid();

        var request = new
        {
            committeeId = t.Committee,
            mediatorIds = new[] { t.Lead },
            parties = new object[] { new { side = "Applicant", kind = "Person", name = "刘某" }, new { side = "Respondent", kind = "Person", name = "陈某" } },
        };
        var (caseId, _) = await CreatedAsync(await supervisor.PostAsJsonAsync($"/api/mediation/screenings/{campaignId}/findings/{finding}/case", request));
        var c = await supervisor.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{caseId}");
        Assert.Equal(("Screening", "Land"), (c.GetProperty("source").GetString(), c.GetProperty("type").GetString()));
        Assert.Equal("mediation.finding_has_case", (await (await supervisor.PostAsJsonAsync($"/api/mediation/screenings/{campaignId}/findings/{finding}/case", request)).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task The_justice_office_sets_up_a_committee_with_a_police_station_room_whose_cases_carry_its_short_name()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        var units = (await supervisor.GetFromJsonAsync<JsonElement>("/api/org/nodes")).EnumerateArray().ToList();
        var station = units.First(u => u.GetProperty("code").GetString()!.StartsWith("TX-POLICE", StringComparison.Ordinal)).GetProperty("id").GetGuid();
        var community = units.First(u => u.GetProperty("kind").GetString() == "Community").GetProperty("id").GetGuid();

        var missing = await (await supervisor.PostAsJsonAsync("/api/mediation/committees", new { kind = "Sector" })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Superset(new HashSet<string> { "code", "name", "abbreviation", "sector", "departmentId" }, missing.ErrorFields().ToHashSet());
        var taken = await (await supervisor.PostAsJsonAsync("/api/mediation/committees", new { code = "TX-MED", name = "重复", abbreviation = "重调", kind = "Town", departmentId = community })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("mediation.committee_taken", taken.Code());

        var created = await supervisor.PostAsJsonAsync("/api/mediation/committees", new { code = "TX-TRAFFIC", name = "塘厦镇道路交通事故纠纷人民调解委员会", abbreviation = "塘交调", kind = "Sector", sector = "道路交通", departmentId = community });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var committee = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var noPhone = await (await supervisor.PostAsJsonAsync($"/api/mediation/committees/{committee}/rooms", new { name = "交警中队调解室", place = "PoliceStation", policeStationId = station })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("dutyPhone", noPhone.ErrorFields());
        Assert.Equal(HttpStatusCode.Created, (await supervisor.PostAsJsonAsync($"/api/mediation/committees/{committee}/rooms", new { name = "交警中队调解室", place = "PoliceStation", policeStationId = station, dutyPhone = "0769-87720110" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("mediator")).PostAsJsonAsync("/api/mediation/committees", new { code = "X" })).StatusCode);

        var view = (await supervisor.GetFromJsonAsync<JsonElement>("/api/mediation/committees")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == committee);
        Assert.Equal("PoliceStation", view.GetProperty("rooms").EnumerateArray().Single().GetProperty("place").GetString());
        // A new committee has no members yet: the 第9条 warnings say so.
        Assert.Contains("mediation.committee_size", view.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()));

        var t = await TownAsync(supervisor);
        var body = JsonSerializer.SerializeToNode(Register(t, committee))!;
        body["mediatorIds"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode)t.Lead.ToString());
        body["roomId"] = null;
        // A committee's case uses its own mediators and rooms: the town committee's are refused.
        var borrowed = await (await supervisor.PostAsJsonAsync("/api/mediation/cases", body)).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("mediation.mediator_other_committee", "mediatorIds"), (borrowed.Code(), borrowed.ErrorFields().Single()));
        var own = (await (await supervisor.PostAsJsonAsync("/api/mediation/mediators", new { name = "罗国平", gender = "Male", committeeId = committee })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        body["mediatorIds"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode)own.ToString());
        body["roomId"] = t.PoliceRoom.ToString();
        Assert.Equal("mediation.room_other_committee", (await (await supervisor.PostAsJsonAsync("/api/mediation/cases", body)).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
        body["roomId"] = null;
        var (_, number) = await CreatedAsync(await supervisor.PostAsJsonAsync("/api/mediation/cases", body));
        Assert.Equal("塘交调〔2026〕1号", number);
    }

    [Fact]
    public async Task The_mediator_ledger_exports_to_Excel_and_an_import_saves_the_good_rows_and_names_each_bad_one()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        var ledger = await supervisor.GetByteArrayAsync("/api/mediation/mediators/export");
        var exported = MiniExcel.Query(new MemoryStream(ledger), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(exported, r => (r["姓名"] as string) == "钟伟明" && (r["调解委员会编码"] as string) == "TX-MED" && (r["账号"] as string) == "mediator");

        var rows = new[]
        {
            new Dictionary<string, object> { ["姓名"] = "何丽萍", ["性别"] = "女", ["手机"] = "13922334455", ["调解委员会编码"] = "TX-MED", ["专长"] = "MarriageFamily", ["培训学时"] = 12, ["账号"] = "", ["律师"] = "否", ["在职"] = "是" },
            new Dictionary<string, object> { ["姓名"] = "无名", ["性别"] = "未知", ["手机"] = "", ["调解委员会编码"] = "NO-SUCH", ["专长"] = "", ["培训学时"] = 0, ["账号"] = "", ["律师"] = "否", ["在职"] = "是" },
            new Dictionary<string, object> { ["姓名"] = "陈国栋", ["性别"] = "男", ["手机"] = "12345", ["调解委员会编码"] = "TX-MED", ["专长"] = "", ["培训学时"] = 4, ["账号"] = "", ["律师"] = "是", ["在职"] = "是" },
        };
        using var xlsx = new MemoryStream();
        await MiniExcel.SaveAsAsync(xlsx, rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "mediators.xlsx");
        var response = await supervisor.PostAsync("/api/mediation/mediators/import", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().ToList();
        // Row numbers as Excel shows them: the header is row 1.
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3);
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 4);
        Assert.DoesNotContain(errors, e => e.GetProperty("row").GetInt32() == 2);

        var found = (await supervisor.GetFromJsonAsync<JsonElement>("/api/mediation/mediators?q=何丽萍")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("Female", 12m, "139****4455"), (found.GetProperty("gender").GetString(), found.GetProperty("trainingHours").GetDecimal(), found.GetProperty("phone").GetString()));
        Assert.Equal(0, (await supervisor.GetFromJsonAsync<JsonElement>("/api/mediation/mediators?q=陈国栋")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_case_a_party_refused_to_mediate_is_not_counted_as_mediated_and_one_refused_after_a_session_is()
    {
        var mediator = await app.SignedInAsync("mediator");
        var t = await TownAsync(mediator);
        int Mediated(JsonElement s) => s.GetProperty("total").GetProperty("mediated").GetInt32();
        var before = await StatisticsAsync(mediator);

        // 第17条: the respondent refuses mediation at once: received, ended, never mediated.
        var (refused, _) = await CreatedAsync(await mediator.PostAsJsonAsync("/api/mediation/cases", Register(t)));
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{refused}/refusal", new { note = "被申请人拒绝调解，告知可诉讼" }));
        var afterRefusal = await StatisticsAsync(mediator);
        Assert.Equal(before.GetProperty("received").GetInt32() + 1, afterRefusal.GetProperty("received").GetInt32());
        Assert.Equal(Mediated(before), Mediated(afterRefusal));
        Assert.Equal(before.GetProperty("refusedBeforeMediation").GetInt32() + 1, afterRefusal.GetProperty("refusedBeforeMediation").GetInt32());
        Assert.Equal(before.GetProperty("total").GetProperty("rate").ToString(), afterRefusal.GetProperty("total").GetProperty("rate").ToString());

        // Mediated once, then a party walks away: it was mediated and did not succeed.
        var (walked, _) = await CreatedAsync(await mediator.PostAsJsonAsync("/api/mediation/cases", Register(t)));
        await ConsentAllAsync(mediator, walked);
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{walked}/rights-notice", new { how = "书面告知" }));
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{walked}/sessions", Session(t)));
        await NoContentAsync(mediator.PostAsJsonAsync($"/api/mediation/cases/{walked}/refusal", new { note = "调解中申请人要求终止调解" }));
        var after = await StatisticsAsync(mediator);
        Assert.Equal(Mediated(before) + 1, Mediated(after));
        Assert.Equal(before.GetProperty("total").GetProperty("settled").GetInt32(), after.GetProperty("total").GetProperty("settled").GetInt32());
    }

    [Fact]
    public async Task The_cases_own_mediator_reveals_a_partys_phone_to_call_them_and_each_reveal_is_audited_others_are_refused()
    {
        var mediator = await app.SignedInAsync("mediator");
        var t = await TownAsync(mediator);
        var (mine, _) = await CreatedAsync(await mediator.PostAsJsonAsync("/api/mediation/cases", Register(t)));
        var applicant = (await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{mine}")).GetProperty("parties").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == "林雪梅");
        Assert.Equal(Masking.Phone(ApplicantPhone), applicant.GetProperty("phone").GetString());

        var revealed = await (await mediator.PostAsync($"/api/mediation/cases/{mine}/parties/{applicant.GetProperty("id")}/phone", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(ApplicantPhone, revealed.GetProperty("phone").GetString());

        // A case the signed-in mediator is not on: refused, whatever the scope.
        var body = JsonSerializer.SerializeToNode(Register(t))!;
        body["mediatorIds"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode)t.Second.ToString());
        var (other, _) = await CreatedAsync(await mediator.PostAsJsonAsync("/api/mediation/cases", body));
        var party = (await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{other}")).GetProperty("parties")[0].GetProperty("id");
        Assert.Equal("mediation.not_your_case", (await (await mediator.PostAsync($"/api/mediation/cases/{other}/parties/{party}/phone", null)).ReadProblemAsync(HttpStatusCode.Forbidden)).Code());

        // The reveal is in the audit record under the case, who and when; the number itself is not.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        var reads = await db.AuditEntries.AsNoTracking().Where(e => e.RecordId == mine && e.EntityType == "sys_personal_reads").ToListAsync();
        var read = Assert.Single(reads);
        Assert.Equal("mediator", read.ActorName);
        Assert.Contains("med_parties.Phone", read.After!, StringComparison.Ordinal);
        Assert.DoesNotContain(ApplicantPhone, read.After!, StringComparison.Ordinal);
        Assert.Empty(await db.AuditEntries.AsNoTracking().Where(e => e.RecordId == other && e.EntityType == "sys_personal_reads").ToListAsync());
    }

    [Fact]
    public async Task A_risk_of_violence_in_a_committee_without_a_police_station_room_is_told_to_the_towns_rooms_and_the_justice_office_and_the_mediator_sees_who()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        var t = await TownAsync(supervisor);
        var units = (await supervisor.GetFromJsonAsync<JsonElement>("/api/org/nodes")).EnumerateArray().ToList();
        var community = units.Last(u => u.GetProperty("kind").GetString() == "Community").GetProperty("id").GetGuid();
        var created = await supervisor.PostAsJsonAsync("/api/mediation/committees", new { code = "TX-ENT-9", name = "塘厦某电子厂人民调解委员会", abbreviation = "电调", kind = "Enterprise", departmentId = community });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var committee = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var mediatorId = (await (await supervisor.PostAsJsonAsync("/api/mediation/mediators", new { name = "何德胜", gender = "Male", committeeId = committee })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("id").GetGuid();
        var body = JsonSerializer.SerializeToNode(Register(t, committee))!;
        body["mediatorIds"] = new System.Text.Json.Nodes.JsonArray((System.Text.Json.Nodes.JsonNode)mediatorId.ToString());
        var (id, number) = await CreatedAsync(await supervisor.PostAsJsonAsync("/api/mediation/cases", body));

        await NoContentAsync(supervisor.PostAsJsonAsync($"/api/mediation/cases/{id}/violence", new { note = "双方在厂区发生推搡" }));
        var c = await supervisor.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}");
        var told = c.GetProperty("violenceToldTo").GetString()!;
        Assert.Contains("镇司法所", told, StringComparison.Ordinal);
        Assert.Contains(t.RoomPhone, told, StringComparison.Ordinal);
        // The same record read on an English page: the system's words in English, the room's name and phone as recorded.
        var english = await supervisor.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}?culture=en");
        Assert.EndsWith(" and the town's justice office", english.GetProperty("violenceToldTo").GetString()!, StringComparison.Ordinal);
        Assert.Contains(t.RoomPhone, english.GetProperty("violenceToldTo").GetString()!, StringComparison.Ordinal);
        var flagged = english.GetProperty("record").EnumerateArray().Last(e => e.GetProperty("kind").GetString() == "violence_risk").GetProperty("note").GetString()!;
        Assert.StartsWith("双方在厂区发生推搡; told: ", flagged, StringComparison.Ordinal);

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        Assert.Contains(await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.RecordId == id).ToListAsync(), m => m.Recipient == t.RoomPhone);
        var alerts = await supervisor.GetFromJsonAsync<JsonElement>("/api/alerts?module=mediation");
        Assert.Contains(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("kind").GetString() == "mediation.violence" && a.GetProperty("title").GetString()!.StartsWith(number, StringComparison.Ordinal));
    }
}
