using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.LegalAid;

/// <summary>Legal aid through its API, as the centre's officer, a station's officer, the justice office and the applicant use it.</summary>
public sealed class LegalAidApiTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private static readonly string ApplicantId = Identifiers.WithIdCheck("44190019870611452");

    private const string ApplicantPhone = "13926004477";

    /// <summary>A household income no other record holds, to look for in the stored bytes.</summary>
    private const decimal Income = 3217.45m;

    private static async Task<Guid> CentreAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/legal-aid/places")).EnumerateArray().First(p => p.GetProperty("kind").GetString() == "Centre").GetProperty("id").GetGuid();

    private static object Apply(Guid place, string name, string ground, string? opponent = "东莞市某五金制品有限公司", decimal? income = null, int? household = null,
        string? idNumber = null, Guid? contactId = null, string matter = "Labour") => new
    {
        placeId = place, matterType = matter, form = "ArbitrationRepresentation", name, idNumber, phone = idNumber is null ? null : ApplicantPhone,
        address = "东莞市塘厦镇莲湖社区 12 号", opponent, caseFacts = "申请人在五金厂务工，工厂拖欠三个月工资共一万五千元。", filedWhere = "塘厦镇",
        ground, monthlyIncome = income, household, contactId,
    };

    private static async Task<(Guid Id, string Number, string Token)> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!, body.GetProperty("queryToken").GetString()!);
    }

    private static async Task NoContentAsync(Task<HttpResponseMessage> call)
    {
        var r = await call;
        Assert.True(r.StatusCode == HttpStatusCode.NoContent, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }

    private static async Task<int> SeenAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{id}")).GetProperty("seenEvents").GetInt32();

    [Fact]
    public async Task A_contact_becomes_an_application_is_tested_granted_assigned_past_a_conflict_closed_and_scored_and_nothing_identifying_is_stored_in_clear()
    {
        var officer = await app.SignedInAsync("aid.officer");
        var centre = await CentreAsync(officer);

        // The contact, logged at the centre and referred to an application.
        var contact = await officer.PostAsJsonAsync("/api/legal-aid/contacts", new
        {
            placeId = centre, channel = "Visit", name = "何秀英", phone = ApplicantPhone, matterType = "Labour", answer = "告知申请法律援助的条件和材料。", referredTo = "Application",
        });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        var contactId = (await contact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        // Declared means: 3,217.45 for two is within the city's threshold.
        var (id, number, token) = await CreatedAsync(await officer.PostAsJsonAsync("/api/legal-aid/applications",
            Apply(centre, "何秀英", "Declared", income: Income, household: 2, idNumber: ApplicantId, contactId: contactId)));
        var view = await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{id}");
        Assert.Equal(("Declared", true, "Received"), (view.GetProperty("meansPath").GetString(), view.GetProperty("meansEligible").GetBoolean(), view.GetProperty("status").GetString()));
        Assert.Contains("不高于本市标准", view.GetProperty("meansReason").GetString(), StringComparison.Ordinal);
        Assert.Equal(Masking.IdNumber(ApplicantId), view.GetProperty("applicantIdNumber").GetString());
        Assert.DoesNotContain(Income.ToString(System.Globalization.CultureInfo.InvariantCulture), view.GetRawText(), StringComparison.Ordinal);
        var english = await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{id}?culture=en");
        Assert.StartsWith("household income per member within the city's threshold of CNY ", english.GetProperty("meansReason").GetString(), StringComparison.Ordinal);
        // The contact cannot become a second application.
        var twice = await officer.PostAsJsonAsync("/api/legal-aid/applications", Apply(centre, "何秀英", "Declared", income: Income, household: 2, contactId: contactId));
        Assert.Equal("legalaid.contact_applied", (await twice.ReadProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());

        // Lawyer X takes another aid case for the employer this applicant claims against: X cannot act for this applicant.
        var (other, otherNumber, _) = await CreatedAsync(await officer.PostAsJsonAsync("/api/legal-aid/applications", Apply(centre, "东莞市某五金制品有限公司", "MigrantWorker", opponent: "罗志坚")));
        await NoContentAsync(officer.PostAsync($"/api/legal-aid/applications/{other}/grant?seenEvents={await SeenAsync(officer, other)}", null));
        var choices = (await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{other}/lawyers")).EnumerateArray().ToList();
        var x = choices.First(c => c.GetProperty("suggested").GetBoolean());
        await NoContentAsync(officer.PostAsJsonAsync($"/api/legal-aid/applications/{other}/assignment", new { lawyerId = x.GetProperty("id").GetGuid(), seenEvents = await SeenAsync(officer, other) }));

        // A station's officer sees the same conflict, but not the number of a case at the centre, outside its scope.
        var station = await app.SignedInAsync("aid.station");
        var stationPlace = (await station.GetFromJsonAsync<JsonElement>("/api/legal-aid/places"))[0].GetProperty("id").GetGuid();
        var (there, _, _) = await CreatedAsync(await station.PostAsJsonAsync("/api/legal-aid/applications", Apply(stationPlace, "黄小燕", "MigrantWorker")));
        var seenThere = (await station.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{there}")).GetProperty("seenEvents").GetInt32();
        await NoContentAsync(station.PostAsync($"/api/legal-aid/applications/{there}/grant?seenEvents={seenThere}", null));
        var seenFromStation = (await station.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{there}/lawyers")).EnumerateArray()
            .Single(c => c.GetProperty("id").GetGuid() == x.GetProperty("id").GetGuid()).GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()).ToList();
        Assert.Equal(["其他接待点的援助案件"], seenFromStation);

        await NoContentAsync(officer.PostAsync($"/api/legal-aid/applications/{id}/grant?seenEvents={await SeenAsync(officer, id)}", null));
        var mine = (await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{id}/lawyers")).EnumerateArray().ToList();
        var conflicted = mine.Single(c => c.GetProperty("id").GetGuid() == x.GetProperty("id").GetGuid());
        Assert.Contains(otherNumber, conflicted.GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()));
        Assert.False(conflicted.GetProperty("suggested").GetBoolean());
        var refused = await officer.PostAsJsonAsync($"/api/legal-aid/applications/{id}/assignment", new { lawyerId = x.GetProperty("id").GetGuid(), reason = "受援人指定" });
        var problem = await refused.ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("legalaid.conflict", problem.GetProperty("code").GetString());
        Assert.Contains(otherNumber, problem.GetProperty("errors").GetProperty("lawyerId")[0].GetString(), StringComparison.Ordinal);
        // Another than the suggested lawyer needs a reason.
        var suggested = mine.Single(c => c.GetProperty("suggested").GetBoolean());
        var another = mine.First(c => !c.GetProperty("suggested").GetBoolean() && c.GetProperty("conflicts").GetArrayLength() == 0 && c.GetProperty("licensed").GetBoolean());
        var noReason = await officer.PostAsJsonAsync($"/api/legal-aid/applications/{id}/assignment", new { lawyerId = another.GetProperty("id").GetGuid() });
        Assert.Equal("reason", (await noReason.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").EnumerateObject().Single().Name);
        await NoContentAsync(officer.PostAsJsonAsync($"/api/legal-aid/applications/{id}/assignment", new { lawyerId = suggested.GetProperty("id").GetGuid(), seenEvents = await SeenAsync(officer, id) }));

        await NoContentAsync(officer.PostAsJsonAsync($"/api/legal-aid/applications/{id}/notes", new { note = "律师已会见受援人。" }));
        // A change of lawyer says why.
        var change = await officer.PostAsJsonAsync($"/api/legal-aid/applications/{id}/assignment", new { lawyerId = another.GetProperty("id").GetGuid() });
        Assert.Equal("reason", (await change.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").EnumerateObject().Single().Name);
        var unchecked_ = await officer.PostAsJsonAsync($"/api/legal-aid/applications/{id}/closing", new { report = "仲裁裁决支持全部请求。", documentsChecked = false });
        Assert.Equal("documentsChecked", (await unchecked_.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").EnumerateObject().Single().Name);
        await NoContentAsync(officer.PostAsJsonAsync($"/api/legal-aid/applications/{id}/closing", new { report = "仲裁裁决支持全部请求。", documentsChecked = true }));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/legal-aid/applications/{id}/quality", new { kind = "FollowUpCall", score = 95, note = "受援人满意。" }));
        view = await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{id}");
        Assert.Equal(("Closed", 2000m), (view.GetProperty("status").GetString(), view.GetProperty("subsidy").GetDecimal()));
        Assert.Equal(95, view.GetProperty("quality")[0].GetProperty("score").GetInt32());
        Assert.True((await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{id}/record/check")).GetProperty("intact").GetBoolean());

        // The applicant's follow-up: masked, nothing else.
        var anonymous = app.Anonymous();
        var progress = await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/legal-aid/{token}");
        Assert.Equal((number, "何*英", "Closed"), (progress.GetProperty("number").GetString(), progress.GetProperty("applicant").GetString(), progress.GetProperty("status").GetString()));
        Assert.Equal(suggested.GetProperty("name").GetString(), progress.GetProperty("lawyer").GetString());
        Assert.DoesNotContain(ApplicantPhone, progress.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("一万五千", progress.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/api/public/legal-aid/not-a-token")).StatusCode);

        // Stored: no ID number, phone or income in clear, in the rows or the audit record; the audit masks them.
        var stored = await StoredText.ReadAsync(app, "aid_applications", "aid_contacts", "aid_steps", "sys_audit_entries");
        var incomeText = Income.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.DoesNotContain(stored, s => s.Contains(ApplicantId, StringComparison.Ordinal) || s.Contains(ApplicantPhone, StringComparison.Ordinal) || s.Contains(incomeText, StringComparison.Ordinal));
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        var audit = await db.AuditEntries.AsNoTracking().Where(e => e.EntityId == id.ToString()).ToListAsync();
        var created = Assert.Single(audit, e => e.EntityType == "aid_applications" && e.Action == "create");
        Assert.Contains(Masking.IdNumber(ApplicantId), created.After!, StringComparison.Ordinal);
        Assert.Contains(audit, e => e.EntityType == "aid_applications" && e.Action == "update" && e.After!.Contains("Closed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_three_means_paths_a_refusal_in_writing_and_an_objection_and_bad_input_answers_with_its_field()
    {
        var officer = await app.SignedInAsync("aid.officer");
        var centre = await CentreAsync(officer);
        var (exempt, _, _) = await CreatedAsync(await officer.PostAsJsonAsync("/api/legal-aid/applications", Apply(centre, "钟美华", "DomesticViolence", matter: "Support", income: 90_000m, household: 1)));
        var e = await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{exempt}?culture=en");
        Assert.Equal(("Exempt", true), (e.GetProperty("meansPath").GetString(), e.GetProperty("meansEligible").GetBoolean()));
        Assert.Equal("no means test: Victim of abuse, abandonment or domestic violence", e.GetProperty("meansReason").GetString());
        var (presumed, _, _) = await CreatedAsync(await officer.PostAsJsonAsync("/api/legal-aid/applications", Apply(centre, "谢国平", "MigrantWorker")));
        Assert.Equal("Presumed", (await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{presumed}")).GetProperty("meansPath").GetString());

        var (over, _, _) = await CreatedAsync(await officer.PostAsJsonAsync("/api/legal-aid/applications", Apply(centre, "邓文斌", "Declared", income: 20_000m, household: 2)));
        var grant = await officer.PostAsync($"/api/legal-aid/applications/{over}/grant", null);
        Assert.Equal("legalaid.means_not_met", (await grant.ReadProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
        await NoContentAsync(officer.PostAsJsonAsync($"/api/legal-aid/applications/{over}/refusal", new { reason = "家庭人均月收入高于本市标准。" }));
        var docx = await officer.GetAsync($"/api/legal-aid/applications/{over}/refusal.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using (var word = WordprocessingDocument.Open(new MemoryStream(await docx.Content.ReadAsByteArrayAsync()), false))
        {
            var text = word.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains("不予法律援助决定书", text, StringComparison.Ordinal);
            Assert.Contains("家庭人均月收入高于本市标准", text, StringComparison.Ordinal);
            Assert.Contains("第四十九条", text, StringComparison.Ordinal);
        }

        await NoContentAsync(officer.PostAsJsonAsync($"/api/legal-aid/applications/{over}/objection", new { }));
        var tasks = await (await app.SignedInAsync("supervisor")).GetFromJsonAsync<JsonElement>("/api/tasks");
        Assert.Contains("legalaid.objection", tasks.GetRawText(), StringComparison.Ordinal);
        // 第49条: the justice office decides it, not the centre that refused.
        var own = await officer.PostAsJsonAsync($"/api/legal-aid/applications/{over}/objection-decision", new { upheld = true, reason = "自行纠正" });
        Assert.Equal("legalaid.justice_office_only", (await own.ReadProblemAsync(HttpStatusCode.Forbidden)).GetProperty("code").GetString());
        var justice = await app.SignedInAsync("supervisor");
        await NoContentAsync(justice.PostAsJsonAsync($"/api/legal-aid/applications/{over}/objection-decision", new { upheld = true, reason = "申请人提交了家庭成员失业证明。" }));
        Assert.Equal("Granted", (await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{over}")).GetProperty("status").GetString());

        // A month that does not exist is a field error, not a failure.
        var month = await officer.GetAsync("/api/legal-aid/subsidies?year=2026&month=13");
        Assert.Equal("month", (await month.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").EnumerateObject().Single().Name);

        // Bad input: each field named; malformed JSON is 400; a declared test needs the income.
        var bad = await officer.PostAsJsonAsync("/api/legal-aid/applications", new { placeId = centre, matterType = "Labour", form = "Nope", name = "", idNumber = "441900", ground = "Declared" });
        Assert.True(bad.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity, bad.StatusCode.ToString());
        Assert.Contains("form", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var invalid = await officer.PostAsJsonAsync("/api/legal-aid/applications", new { placeId = centre, matterType = "Labour", form = "CivilRepresentation", name = "", idNumber = "441900", ground = "Declared" });
        var names = (await invalid.ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).GetProperty("errors").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "name", "idNumber", "caseFacts", "filedWhere", "monthlyIncome", "household" }, names);
        using var malformed = new StringContent("{\"placeId\": ", Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsync("/api/legal-aid/applications", malformed)).StatusCode);
    }

    [Fact]
    public async Task A_station_sees_only_its_own_applications_and_two_officers_granting_at_once_get_one_success_and_one_409_naming_who()
    {
        var officer = await app.SignedInAsync("aid.officer");
        var centre = await CentreAsync(officer);
        var (id, _, token) = await CreatedAsync(await officer.PostAsJsonAsync("/api/legal-aid/applications", Apply(centre, "叶玉兰", "MigrantWorker")));
        // The applicant looks before the decision: the answer is then held in memory, and must not outlive the grant.
        var anonymous = app.Anonymous();
        Assert.Equal("Received", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/legal-aid/{token}")).GetProperty("status").GetString());
        var station = await app.SignedInAsync("aid.station");
        Assert.Equal(HttpStatusCode.NotFound, (await station.GetAsync($"/api/legal-aid/applications/{id}")).StatusCode);
        Assert.DoesNotContain((await station.GetFromJsonAsync<JsonElement>("/api/legal-aid/places")).EnumerateArray(), p => p.GetProperty("id").GetGuid() == centre);

        var supervisor = await app.SignedInAsync("supervisor");
        var seen = await SeenAsync(officer, id);
        var answers = await Task.WhenAll(officer.PostAsync($"/api/legal-aid/applications/{id}/grant?seenEvents={seen}", null), supervisor.PostAsync($"/api/legal-aid/applications/{id}/grant?seenEvents={seen}", null));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.NoContent);
        var lost = Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal("case.acted_by", (await lost.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal("Granted", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/legal-aid/{token}")).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_lawyer_who_mediated_a_dispute_with_the_other_side_has_a_conflict_found_through_mediations_public_face()
    {
        var officer = await app.SignedInAsync("aid.officer");
        var supervisor = await app.SignedInAsync("supervisor");
        var centre = await CentreAsync(officer);
        var (id, _, _) = await CreatedAsync(await officer.PostAsJsonAsync("/api/legal-aid/applications", Apply(centre, "吴淑芬", "MigrantWorker", opponent: "塘厦某物业管理有限公司")));
        await NoContentAsync(officer.PostAsync($"/api/legal-aid/applications/{id}/grant?seenEvents={await SeenAsync(officer, id)}", null));
        var lawyer = (await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{id}/lawyers")).EnumerateArray().First(c => c.GetProperty("suggested").GetBoolean());
        var name = lawyer.GetProperty("name").GetString()!;

        // The same person sits as a mediator on the town committee and mediated a dispute with that company.
        var committees = (await supervisor.GetFromJsonAsync<JsonElement>("/api/mediation/committees")).EnumerateArray().ToList();
        var town = committees.Single(c => c.GetProperty("code").GetString() == "TX-MED").GetProperty("id").GetGuid();
        var mediator = await supervisor.PostAsJsonAsync("/api/mediation/mediators", new { name, gender = "Male", committeeId = town });
        Assert.Equal(HttpStatusCode.Created, mediator.StatusCode);
        var mediatorId = (await mediator.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var dispute = await supervisor.PostAsJsonAsync("/api/mediation/cases", new
        {
            committeeId = town, disputeType = "Property", caseSource = "Application", facts = "业主与物业公司因物业费发生争议。", claims = "请求调解。",
            parties = new object[] { new { side = "Applicant", kind = "Person", name = "王小明" }, new { side = "Respondent", kind = "Organisation", name = "塘厦某物业管理有限公司" } },
            mediatorIds = new[] { mediatorId },
        });
        Assert.Equal(HttpStatusCode.Created, dispute.StatusCode);
        var mediationNumber = (await dispute.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;

        var choice = (await officer.GetFromJsonAsync<JsonElement>($"/api/legal-aid/applications/{id}/lawyers")).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);
        Assert.Contains(mediationNumber, choice.GetProperty("conflicts").EnumerateArray().Select(c => c.GetString()));
        Assert.False(choice.GetProperty("suggested").GetBoolean());
        var refused = await officer.PostAsJsonAsync($"/api/legal-aid/applications/{id}/assignment", new { lawyerId = choice.GetProperty("id").GetGuid(), reason = "受援人指定" });
        Assert.Equal("legalaid.conflict", (await refused.ReadProblemAsync(HttpStatusCode.Conflict)).GetProperty("code").GetString());
    }
}
