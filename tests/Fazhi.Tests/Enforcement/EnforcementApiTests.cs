using Fazhi.Web.Platform.Deadlines;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Privacy;
using MiniExcelLibs;

namespace Fazhi.Tests.Enforcement;

/// <summary>Administrative enforcement through its API, as market regulation's officers, their head, the legality reviewer, the supervisor and the public use it.</summary>
public sealed class EnforcementApiTests(FazhiFactory app) : IClassFixture<FazhiFactory>
{
    private static readonly WorkingDayCalendar Calendar = WorkingDayCalendar.Shipped();

    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02];

    private DateOnly Today => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8));

    private static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Date(JsonElement e) => DateOnly.ParseExact(e.GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A valid 身份证号 of its own for each test, so one test's search for it is not fooled by another's.</summary>
    private static string IdNumber(int n) => Identifiers.WithIdCheck(string.Create(CultureInfo.InvariantCulture, $"44190019850312{n:000}"));

    private sealed record Unit(Guid Department, string Name, Guid Head, Guid Second, Guid SimpleRule);

    /// <summary>Market regulation as its head sees it: two officers who may act today (neither certificate about to lapse).</summary>
    private async Task<Unit> MarketRegulationAsync(HttpClient officer)
    {
        var officers = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/officers?canAct=true")).GetProperty("items").EnumerateArray().ToList();
        var head = officers.Single(o => o.GetProperty("userName").GetString() == "officer.msa");
        Assert.True(head.GetProperty("isHead").GetBoolean());
        var department = head.GetProperty("departmentId").GetGuid();
        Assert.All(officers, o => Assert.Equal(department, o.GetProperty("departmentId").GetGuid()));
        var second = officers.First(o => o.GetProperty("id").GetGuid() != head.GetProperty("id").GetGuid() && !o.GetProperty("expiresSoon").GetBoolean());
        return new Unit(department, head.GetProperty("department").GetString()!, head.GetProperty("id").GetGuid(), second.GetProperty("id").GetGuid(),
            await RuleIdAsync(officer, "SC-301"));
    }

    private object Lead(Unit u, string idNumber, string phone = "13926001122", string name = "林建国", int actDaysAgo = 20, object? officerIds = null) => new
    {
        leadSource = "Complaint",
        sourceNote = "12315热线",
        matter = "销售过期食品",
        violationFacts = $"当事人{name}在其经营的便利店内销售超过保质期的预包装食品12件，货值金额共计人民币186元。",
        actOn = Day(Today.AddDays(-actDaysAgo)),
        discoveredOn = Day(Today.AddDays(-1)),
        involvesSafety = false,
        party = new { kind = "Person", name, idNumber, phone, address = "广东省东莞市塘厦镇花园街41号", plate = "粤S12345" },
        officerIds = officerIds ?? new[] { u.Head, u.Second },
    };

    private object Spot(Unit u, decimal fine, string name = "罗德胜", string? idNumber = null) => new
    {
        leadSource = "Inspection",
        matter = "占道经营",
        violationFacts = "当事人在塘厦大道人行道上摆卖水果，占用公共通道。",
        actOn = Day(Today),
        party = new { kind = "Person", name, idNumber },
        officerIds = new[] { u.Head, u.Second },
        penaltyKind = "Fine",
        fine,
        provisions = "《城市市容和环境卫生管理条例》第十四条",
        basis = "《城市市容和环境卫生管理条例》第三十六条",
        discretionRuleId = u.SimpleRule,
        place = "塘厦镇塘厦大道人行道",
    };

    private static async Task<(Guid Id, string Number)> CreatedAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("number").GetString()!);
    }

    private static async Task NoContentAsync(Task<HttpResponseMessage> call)
    {
        var r = await call;
        Assert.True(r.StatusCode == HttpStatusCode.NoContent, $"{(int)r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
    }

    private static async Task<string> ConflictAsync(Task<HttpResponseMessage> call) => (await (await call).ReadProblemAsync(HttpStatusCode.Conflict)).Code();

    private static async Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, string url, object body, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> EvidenceAsync(HttpClient client, Guid id, byte[] file, string fileName, string kind = "Photo", string title = "现场检查照片")
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(kind), "kind");
        form.Add(new StringContent(title), "title");
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(content, "file", fileName);
        return await client.PostAsync($"/api/enforcement/cases/{id}/evidence", form);
    }

    /// <summary>A multipart step: its fields, and its file when there is one.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string url, (string Name, byte[] Bytes)? file, params (string Name, string Value)[] fields)
    {
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        if (file is { } f)
        {
            var content = new ByteArrayContent(f.Bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(content, "file", f.Name);
        }

        return await client.PostAsync(url, form);
    }

    private static Task<JsonElement> CaseAsync(HttpClient client, Guid id) => client.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{id}");

    private static async Task<string> DocxTextAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
        return doc.MainDocumentPart!.Document!.InnerText;
    }

    private async Task<Guid> RuleIdAsync(HttpClient client, string code) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/enforcement/discretion?on={Day(Today)}")).EnumerateArray().Single(r => r.GetProperty("code").GetString() == code).GetProperty("id").GetGuid();

    [Fact]
    public async Task An_ordinary_case_runs_from_the_lead_through_review_decision_publication_and_payment_to_the_archive_with_its_record_intact()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var u = await MarketRegulationAsync(officer);
        var idNumber = IdNumber(1);
        var (id, number) = await CreatedAsync(await PostWithKeyAsync(officer, "/api/enforcement/cases", Lead(u, idNumber), Guid.NewGuid().ToString()));
        Assert.StartsWith($"塘市监立〔{Today.Year}〕", number, StringComparison.Ordinal);

        var c = await CaseAsync(officer, id);
        Assert.Equal(("Registered", "Ordinary"), (c.GetProperty("status").GetString(), c.GetProperty("procedure").GetString()));
        Assert.Equal(2, c.GetProperty("officers").GetArrayLength());
        Assert.Equal(Masking.IdNumber(idNumber), c.GetProperty("party").GetProperty("idNumber").GetString());
        Assert.Equal("139****1122", c.GetProperty("party").GetProperty("phone").GetString());
        // 市场监管: filed within 15 working days of discovery.
        Assert.Equal(Calendar.AddWorkingDays(Today.AddDays(-1), 15), Date(c.GetProperty("filingDue")));

        // 周文斌 heads the department and approves the filing; the 90-day clock starts today.
        await NoContentAsync(officer.PostAsync($"/api/enforcement/cases/{id}/filing-approval", null));
        c = await CaseAsync(officer, id);
        Assert.Equal("Investigation", c.GetProperty("status").GetString());
        var decisionDue = Date(c.GetProperty("decisionDue"));
        Assert.True(decisionDue >= Today.AddDays(90) && decisionDue <= Today.AddDays(97), decisionDue.ToString());

        // No notice without evidence; a photo is kept by its hash and comes back byte for byte.
        var rule = await RuleIdAsync(officer, "SC-001");
        var notice = new { penaltyKind = "Fine", fine = 20000, provisions = "《中华人民共和国食品安全法》第三十四条第（十）项", basis = "《中华人民共和国食品安全法》第一百二十四条第一款", discretionRuleId = rule };
        Assert.Equal("enforcement.evidence_required", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/notice", notice)));
        var evidence = await EvidenceAsync(officer, id, Png, "现场.png");
        Assert.Equal(HttpStatusCode.Created, evidence.StatusCode);
        c = await CaseAsync(officer, id);
        var photo = c.GetProperty("evidence").EnumerateArray().Single();
        Assert.Equal("image/png", photo.GetProperty("contentType").GetString());
        Assert.Equal(Png, await officer.GetByteArrayAsync($"/api/enforcement/cases/{id}/files/{photo.GetProperty("sha256").GetString()}"));

        // 第55条: no notice before the officers' showing their certificates to the party is recorded.
        Assert.Equal("enforcement.certificates_not_shown", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/notice", notice)));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/certificates", new { shownTo = "当事人林建国，于其便利店" }));
        Assert.Equal("当事人林建国，于其便利店", (await CaseAsync(officer, id)).GetProperty("certificatesShownTo").GetString());

        // 20,000 yuan for a person: a hearing may be asked for within 5 working days, and the legality review is required.
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/notice", notice));
        c = await CaseAsync(officer, id);
        Assert.True(c.GetProperty("hearingEligible").GetBoolean());
        Assert.True(c.GetProperty("reviewRequired").GetBoolean());
        Assert.Equal(Calendar.AddWorkingDays(Today, 5), Date(c.GetProperty("hearingRequestDue")));
        // The notice has its own number in the department's series, under its title, the organ above.
        var noticeText = await DocxTextAsync(officer, $"/api/enforcement/cases/{id}/notice.docx");
        Assert.Contains("听证", noticeText, StringComparison.Ordinal);
        Assert.StartsWith($"{u.Name}行政处罚事先告知书塘市监告〔{Today.Year}〕", noticeText, StringComparison.Ordinal);
        Assert.Equal("enforcement.hearing_window_open", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/decision", new { penaltyKind = "Fine", fine = 20000 })));
        await NoContentAsync(officer.PostAsync($"/api/enforcement/cases/{id}/hearing-waiver", null));

        // 第44-45条: the party's period to state and defend holds the decision back until they waive it in writing (the signed paper uploaded).
        Assert.Equal(Calendar.AddWorkingDays(Today, 5), Date(c.GetProperty("statementDue")));
        Assert.Equal("enforcement.waiver_file_required", (await (await UploadAsync(officer, $"/api/enforcement/cases/{id}/statement-waiver", null, ("waivedOn", Day(Today))))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        await NoContentAsync(UploadAsync(officer, $"/api/enforcement/cases/{id}/statement-waiver", ("放弃声明.png", Png), ("waivedOn", Day(Today))));

        // No decision without the review; the officer cannot review it; 郑雅琳 passes it.
        Assert.Equal("enforcement.review_required", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/decision", new { penaltyKind = "Fine", fine = 20000 })));
        var legal = await app.SignedInAsync("legal");
        Assert.Equal("enforcement.review_not_submitted", await ConflictAsync(legal.PostAsJsonAsync($"/api/enforcement/cases/{id}/review", new { failed = Array.Empty<string>() })));
        await NoContentAsync(officer.PostAsync($"/api/enforcement/cases/{id}/review-submission", null));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/review", new { failed = Array.Empty<string>() })).StatusCode);
        // Each of the nine points is answered; a failed one says why.
        var unanswered = await (await legal.PostAsJsonAsync($"/api/enforcement/cases/{id}/review", new
        {
            points = new object[] { new { point = "Competence", passed = true }, new { point = "Evidence", passed = false } },
        })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("points.Facts", unanswered.ErrorFields());
        Assert.Contains("points.Evidence", unanswered.ErrorFields());
        Assert.DoesNotContain("points.Competence", unanswered.ErrorFields());
        await NoContentAsync(legal.PostAsJsonAsync($"/api/enforcement/cases/{id}/review", new
        {
            points = Enum.GetNames<Fazhi.Web.Modules.Enforcement.Domain.ReviewPoint>().Select(p => new { point = p, passed = true, note = p == "Discretion" ? "罚款在SC-001幅度内" : null }),
            opinion = "九项审核均符合要求",
        }));
        var reviewed = (await CaseAsync(officer, id)).GetProperty("reviews").EnumerateArray().Last();
        Assert.Contains("裁量：通过，罚款在SC-001幅度内", reviewed.GetProperty("opinion").GetString(), StringComparison.Ordinal);
        Assert.Equal("enforcement.heavier_than_notice", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/decision", new { penaltyKind = "Fine", fine = 25000 })));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/decision", new { penaltyKind = "Fine", fine = 20000 }));

        c = await CaseAsync(officer, id);
        var decisionNumber = c.GetProperty("decisionNumber").GetString()!;
        Assert.StartsWith($"塘市监罚〔{Today.Year}〕", decisionNumber, StringComparison.Ordinal);
        Assert.Equal("Decided", c.GetProperty("status").GetString());
        Assert.Equal(Calendar.AddWorkingDays(Today, 7), Date(c.GetProperty("serviceDue")));

        // The decision carries every 第59条 element, the party in full.
        var decision = await DocxTextAsync(officer, $"/api/enforcement/cases/{id}/decision.docx");
        foreach (var part in new[]
                 {
                     "行政处罚决定书", decisionNumber, "林建国", idNumber, "销售超过保质期", "现场检查照片", "第三十四条第（十）项", "第一百二十四条第一款", "SC-001", "罚款人民币20,000元",
                     "十五日内", "百分之三", "六十日内", "行政复议", "六个月内", "行政诉讼", "周文斌", u.Name,
                 })
        {
            Assert.Contains(part, decision, StringComparison.Ordinal);
        }

        // Served: not electronically without consent; the 15 days to pay run from today.
        var servedAt = app.Time.GetUtcNow().UtcDateTime.AddHours(8).AddMinutes(-5).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("enforcement.electronic_consent_required", await ConflictAsync(UploadAsync(officer, $"/api/enforcement/cases/{id}/service", ("电子送达记录.png", Png),
            ("method", "Electronic"), ("recipient", "lin@example.cn"), ("electronicConsent", "false"))));
        var noProof = await (await UploadAsync(officer, $"/api/enforcement/cases/{id}/service", null, ("method", "InPerson"), ("recipient", "林建国"))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["file"], noProof.ErrorFields());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, (await officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/service", new { method = "InPerson" })).StatusCode);
        await NoContentAsync(UploadAsync(officer, $"/api/enforcement/cases/{id}/service", ("送达回证.png", Png), ("servedAt", servedAt), ("method", "InPerson"), ("recipient", "林建国")));
        c = await CaseAsync(officer, id);
        Assert.Equal("Served", c.GetProperty("status").GetString());
        var lastDayToPay = Date(c.GetProperty("paymentDue"));
        Assert.True(lastDayToPay >= Today.AddDays(15) && Calendar.IsWorkingDay(lastDayToPay));

        // The publication fell due at the decision, 7 working days ahead; published, the public finds it by number, masked.
        var due = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/publications?status=Due")).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("caseId").ValueKind == JsonValueKind.String && p.GetProperty("caseId").GetGuid() == id);
        Assert.Equal(Calendar.AddWorkingDays(Today, 7), Date(due.GetProperty("dueDate")));
        Assert.Equal(decisionNumber, due.GetProperty("documentNumber").GetString());
        var publication = due.GetProperty("id").GetGuid();
        // Not public before it is published; the answer the public search keeps for a minute gives way once it is.
        var before = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/enforcement/disclosures?q={Uri.EscapeDataString(decisionNumber)}");
        Assert.Empty(before.GetProperty("items").EnumerateArray());
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/publications/{publication}/publish", new { }));
        Assert.Equal("enforcement.publication_not_due", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/publications/{publication}/publish", new { })));

        var anonymous = app.Anonymous();
        var search = $"/api/public/enforcement/disclosures?q={Uri.EscapeDataString(decisionNumber)}";
        var foundText = await anonymous.GetStringAsync(search);
        var found = JsonDocument.Parse(foundText).RootElement;
        // Asked again, the kept answer is written as it is: the same JSON, with its length.
        using var again = await anonymous.GetAsync(search);
        Assert.Equal("application/json; charset=utf-8", again.Content.Headers.ContentType?.ToString());
        Assert.Equal(Encoding.UTF8.GetByteCount(foundText), again.Content.Headers.ContentLength);
        Assert.Equal(foundText, await again.Content.ReadAsStringAsync());
        var shown = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal("林*国", shown.GetProperty("party").GetString());
        Assert.Equal(20000m, shown.GetProperty("fine").GetDecimal());
        var published = shown.GetRawText() + await anonymous.GetStringAsync($"/api/public/enforcement/disclosures/{publication}");
        Assert.Contains("林*国", shown.GetProperty("content").GetString(), StringComparison.Ordinal);
        foreach (var secret in new[] { "林建国", idNumber, "13926001122", "花园街41号" })
        {
            Assert.DoesNotContain(secret, published, StringComparison.Ordinal);
        }

        // The late fine: nothing on the last day, 3% a day after it, never more than the fine.
        async Task<JsonElement> LateAsync(DateOnly on) => await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{id}/late-fine?on={Day(on)}");
        Assert.Equal(0m, (await LateAsync(lastDayToPay)).GetProperty("lateFine").GetDecimal());
        var dayAfter = await LateAsync(lastDayToPay.AddDays(1));
        Assert.Equal((600m, 20600m), (dayAfter.GetProperty("lateFine").GetDecimal(), dayAfter.GetProperty("total").GetDecimal()));
        Assert.Equal(20000m, (await LateAsync(lastDayToPay.AddDays(60))).GetProperty("lateFine").GetDecimal());

        // Paid a day late: the fine alone is short.
        app.Time.Advance(TimeSpan.FromDays(lastDayToPay.DayNumber - Today.DayNumber + 1));
        officer = await app.SignedInAsync("officer.msa");
        var short_ = await (await officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/payment", new { amount = 20000 })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("enforcement.payment_short", short_.Code());
        Assert.Contains("amount", short_.ErrorFields());
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/payment", new { amount = 20600 }));

        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/closing", new { }));
        await NoContentAsync(officer.PostAsync($"/api/enforcement/cases/{id}/archive", null));
        c = await CaseAsync(officer, id);
        Assert.Equal(("Archived", 600m), (c.GetProperty("status").GetString(), c.GetProperty("lateFinePaid").GetDecimal()));
        var fileNumber = c.GetProperty("fileNumber").GetString()!;
        Assert.StartsWith($"TX-MSA-{Today.Year}-处罚-", fileNumber, StringComparison.Ordinal);
        Assert.Equal(
            ["registered", "officer_assigned", "officer_assigned", "filing_approved", "evidence", "certificates_shown", "notice", "hearing_waived", "statement_waived", "review_submitted", "review_passed", "decided", "served", "paid", "closed", "archived"],
            c.GetProperty("record").EnumerateArray().Select(s => s.GetProperty("kind").GetString()).ToList());

        var check = await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases/{id}/record/check");
        Assert.True(check.GetProperty("intact").GetBoolean());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("brokenAt").ValueKind);
        Assert.Equal(16, check.GetProperty("steps").GetInt32());
        var contents = await DocxTextAsync(officer, $"/api/enforcement/cases/{id}/contents.docx");
        foreach (var part in new[] { "卷内文件目录", fileNumber, decisionNumber, "现场检查照片", "SHA-256", "完整" })
        {
            Assert.Contains(part, contents, StringComparison.Ordinal);
        }

        // Done: nothing more may happen to it.
        Assert.Equal("enforcement.step_out_of_order", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/closing", new { })));
    }

    [Fact]
    public async Task On_the_spot_a_person_is_fined_at_most_200_yuan_and_the_decision_is_served_and_due_for_publication_at_once()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var u = await MarketRegulationAsync(officer);
        var tooMuch = await (await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", Spot(u, 300))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("enforcement.simple_fine_too_large", tooMuch.Code());
        Assert.Contains("fine", tooMuch.ErrorFields());

        var (id, number) = await CreatedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", Spot(u, 100)));
        Assert.StartsWith($"塘市监简〔{Today.Year}〕", number, StringComparison.Ordinal);
        var c = await CaseAsync(officer, id);
        Assert.Equal(("Simple", "Served", 100m), (c.GetProperty("procedure").GetString(), c.GetProperty("status").GetString(), c.GetProperty("fine").GetDecimal()));
        var decisionNumber = c.GetProperty("decisionNumber").GetString()!;
        Assert.StartsWith($"塘市监简罚〔{Today.Year}〕", decisionNumber, StringComparison.Ordinal);
        // As the file holds it: the organ above the title, the number under it, when and where the act was done, a line for the party's receipt.
        var text = await DocxTextAsync(officer, $"/api/enforcement/cases/{id}/decision.docx");
        Assert.StartsWith(u.Name + "当场行政处罚决定书" + decisionNumber, text, StringComparison.Ordinal);
        Assert.Contains("地点：塘厦镇塘厦大道人行道", text, StringComparison.Ordinal);
        Assert.Contains("当事人签收", text, StringComparison.Ordinal);
        var noPlace = await (await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", new { leadSource = "Inspection" })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("place", noPlace.ErrorFields());
        var due = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/publications?status=Due")).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("documentNumber").GetString() == decisionNumber);
        Assert.Equal("罗*胜", due.GetProperty("party").GetString());
    }

    [Fact]
    public async Task An_officer_whose_certificate_lapsed_or_is_suspended_cannot_be_put_on_a_case_and_is_not_on_the_public_list()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        var officer = await app.SignedInAsync("officer.msa");
        var u = await MarketRegulationAsync(officer);
        var certificate = "粤执" + Guid.NewGuid().ToString("N")[..10];
        var created = await supervisor.PostAsJsonAsync("/api/enforcement/officers", new
        {
            departmentId = u.Department, name = "黄国平", certificateNumber = certificate, area = "市场监管", category = "行政处罚、行政检查",
            validFrom = Day(Today.AddYears(-5)), validUntil = Day(Today.AddDays(-1)),
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var lapsed = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var view = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/officers?canAct=false")).GetProperty("items").EnumerateArray().Single(o => o.GetProperty("id").GetGuid() == lapsed);
        Assert.False(view.GetProperty("canAct").GetBoolean());

        var refused = await (await officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, IdNumber(2), officerIds: new[] { u.Head, lapsed }))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("enforcement.officer_certificate_lapsed", refused.Code());
        Assert.Contains("officerIds", refused.ErrorFields());

        // Assigned later to a case that stands: refused the same way.
        var (id, _) = await CreatedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, IdNumber(3))));
        Assert.Equal("enforcement.officer_certificate_lapsed", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/officers", new { officerIds = new[] { lapsed } })));
        Assert.Equal(2, (await CaseAsync(officer, id)).GetProperty("officers").GetArrayLength());

        // City management's suspended certificate.
        var cae = await app.SignedInAsync("officer.cae");
        var caeOfficers = (await cae.GetFromJsonAsync<JsonElement>("/api/enforcement/officers")).GetProperty("items").EnumerateArray().ToList();
        var suspended = caeOfficers.Single(o => o.GetProperty("status").GetString() == "Suspended");
        Assert.False(suspended.GetProperty("canAct").GetBoolean());
        var caeHead = caeOfficers.Single(o => o.GetProperty("userName").GetString() == "officer.cae").GetProperty("id").GetGuid();
        var caeUnit = new Unit(caeHead, "", caeHead, suspended.GetProperty("id").GetGuid(), Guid.Empty);
        Assert.Equal("enforcement.officer_certificate_lapsed", await ConflictAsync(cae.PostAsJsonAsync("/api/enforcement/cases", Lead(caeUnit, IdNumber(4)))));
        // Nor may market regulation borrow city management's officer.
        Assert.Equal("enforcement.officer_other_department", await ConflictAsync(officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, IdNumber(5), officerIds: new[] { u.Head, caeHead }))));

        var listed = await app.Anonymous().GetStringAsync("/api/public/enforcement/officers");
        Assert.DoesNotContain(certificate, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(suspended.GetProperty("certificateNumber").GetString()!, listed, StringComparison.Ordinal);
        Assert.Contains(caeOfficers.Single(o => o.GetProperty("id").GetGuid() == caeHead).GetProperty("certificateNumber").GetString()!, listed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_departments_case_is_not_there_for_city_management()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var u = await MarketRegulationAsync(officer);
        var (id, number) = await CreatedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, IdNumber(6))));

        var cae = await app.SignedInAsync("officer.cae");
        await (await cae.GetAsync($"/api/enforcement/cases/{id}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await cae.PostAsync($"/api/enforcement/cases/{id}/filing-approval", null)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await cae.GetAsync($"/api/enforcement/cases/{id}/record/check")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await cae.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases?q={Uri.EscapeDataString(number)}")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/cases?q={Uri.EscapeDataString(number)}")).GetProperty("total").GetInt32());
        // A supervisor sees every department; a window clerk has no business here.
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync("supervisor")).GetAsync($"/api/enforcement/cases/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("clerk")).GetAsync("/api/enforcement/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/enforcement/cases")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_names_the_field_malformed_JSON_is_a_400_and_nothing_is_registered()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var u = await MarketRegulationAsync(officer);
        var before = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/cases")).GetProperty("total").GetInt32();

        var empty = await (await officer.PostAsJsonAsync("/api/enforcement/cases", new { })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Superset(new HashSet<string> { "leadSource", "matter", "violationFacts", "actOn", "discoveredOn", "party" }, empty.ErrorFields().ToHashSet());

        var valid = IdNumber(11);
        var wrongCheck = valid[..17] + (valid[17] == '0' ? '1' : '0');
        var badId = await (await officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, wrongCheck))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("party.idNumber", badId.ErrorFields());
        var badPhone = await (await officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, IdNumber(7), phone: "12345"))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("party.phone", badPhone.ErrorFields());
        var one = await (await officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, IdNumber(7), officerIds: new[] { u.Head }))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("enforcement.two_officers_required", one.Code());

        // Past the two-year limitation.
        var old = await (await officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, IdNumber(7), actDaysAgo: 800))).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(("enforcement.limitation_passed", "actOn"), (old.Code(), old.GetProperty("field").GetString()));

        var malformed = await (await officer.PostAsync("/api/enforcement/cases", new StringContent("{\"matter\": \"销售", Encoding.UTF8, "application/json"))).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("request.malformed_json", malformed.Code());
        var badEnum = await officer.PostAsync("/api/enforcement/cases", new StringContent("{\"leadSource\":\"Rumour\"}", Encoding.UTF8, "application/json"));
        Assert.True((int)badEnum.StatusCode is 400 or 422, badEnum.StatusCode.ToString());
        Assert.Equal("application/problem+json", badEnum.Content.Headers.ContentType?.MediaType);
        var badDate = await officer.PostAsync("/api/enforcement/cases", new StringContent("{\"actOn\":\"yesterday\"}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);

        Assert.Equal(before, (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/cases")).GetProperty("total").GetInt32());

        // On a case: a file that is not evidence, an unknown limit, a date that is not one, a step out of turn.
        var (id, _) = await CreatedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, IdNumber(8))));
        await NoContentAsync(officer.PostAsync($"/api/enforcement/cases/{id}/filing-approval", null));
        var text = await (await EvidenceAsync(officer, id, Encoding.UTF8.GetBytes("not a photo"), "a.txt")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("upload.type_not_allowed", "file"), (text.Code(), Assert.Single(text.ErrorFields())));
        var noTitle = await (await EvidenceAsync(officer, id, Png, "p.png", title: "")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("title", noTitle.ErrorFields());
        // The limit is one of filing or decision: any other is not a value of the field.
        var limit = await (await officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/extensions", new { limit = "payment", days = 10, reason = "申请" })).ReadProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("limit", limit.ErrorFields());
        var notice = await (await officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/notice", new { penaltyKind = "Fine" })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("enforcement.evidence_required", notice.Code());
        Assert.Equal(HttpStatusCode.Created, (await EvidenceAsync(officer, id, Png, "p.png")).StatusCode);
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/certificates", new { shownTo = "当事人" }));
        var missing = await (await officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/notice", new { penaltyKind = "Fine" })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Superset(new HashSet<string> { "provisions", "basis", "fine" }, missing.ErrorFields().ToHashSet());
        var lateFine = await officer.GetAsync($"/api/enforcement/cases/{id}/late-fine?on=someday");
        Assert.Equal(HttpStatusCode.BadRequest, lateFine.StatusCode);
        Assert.Equal("enforcement.step_out_of_order", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/payment", new { amount = 100 })));
        await (await officer.GetAsync($"/api/enforcement/cases/{id}/decision.docx")).ReadProblemAsync(HttpStatusCode.Conflict);
        await (await officer.GetAsync($"/api/enforcement/cases/{Guid.NewGuid()}")).ReadProblemAsync(HttpStatusCode.NotFound);

        // An approved extension of the 90 days moves the due date by as many days.
        var due = Date((await CaseAsync(officer, id)).GetProperty("decisionDue"));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/extensions", new { limit = "decision", days = 30, reason = "案情复杂，经负责人批准" }));
        var extended = Date((await CaseAsync(officer, id)).GetProperty("decisionDue"));
        Assert.True(extended >= due.AddDays(30) && extended <= due.AddDays(33), $"{due} → {extended}");
    }

    [Fact]
    public async Task A_retried_registration_with_the_same_Idempotency_Key_returns_the_first_case()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var u = await MarketRegulationAsync(officer);
        var before = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/cases")).GetProperty("total").GetInt32();
        var key = Guid.NewGuid().ToString();
        var first = await PostWithKeyAsync(officer, "/api/enforcement/cases", Lead(u, IdNumber(9)), key);
        var (id, number) = await CreatedAsync(first);
        var again = await PostWithKeyAsync(officer, "/api/enforcement/cases", Lead(u, IdNumber(9)), key);
        Assert.Equal((id, number), await CreatedAsync(again));
        Assert.Equal("true", again.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(before + 1, (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/cases")).GetProperty("total").GetInt32());

        var spotKey = Guid.NewGuid().ToString();
        var (spot, _) = await CreatedAsync(await PostWithKeyAsync(officer, "/api/enforcement/cases/on-the-spot", Spot(u, 50), spotKey));
        Assert.Equal(spot, (await CreatedAsync(await PostWithKeyAsync(officer, "/api/enforcement/cases/on-the-spot", Spot(u, 50), spotKey))).Id);
    }

    [Fact]
    public async Task The_partys_identifiers_are_not_stored_in_clear_nor_shown_in_the_audit_record()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var u = await MarketRegulationAsync(officer);
        var idNumber = IdNumber(10);
        const string phone = "13826004455";
        var (id, _) = await CreatedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, idNumber, phone: phone, name: "梁淑芬")));
        await NoContentAsync(officer.PostAsync($"/api/enforcement/cases/{id}/filing-approval", null));

        var stored = await StoredText.ReadAsync(app, "enf_parties", "enf_cases", "enf_record_steps", "enf_publications", "sys_audit_entries");
        Assert.DoesNotContain(stored, s => s.Contains(idNumber, StringComparison.Ordinal) || s.Contains(phone, StringComparison.Ordinal));

        var admin = await app.SignedInAsync("admin");
        var audit = await admin.GetStringAsync("/api/audit?entityType=enf_parties&pageSize=200");
        Assert.Contains(Masking.IdNumber(idNumber), audit, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, audit, StringComparison.Ordinal);
        Assert.DoesNotContain(phone, audit, StringComparison.Ordinal);
        var export = await admin.GetByteArrayAsync("/api/audit/export?entityType=enf_parties");
        var rows = string.Join('\n', MiniExcel.Query(new MemoryStream(export)).Cast<IDictionary<string, object>>().SelectMany(r => r.Values).Select(v => v?.ToString()));
        Assert.DoesNotContain(idNumber, rows, StringComparison.Ordinal);

        // Yet the decision documents, which the party receives, carry them in full, and the API shows them masked.
        var party = (await CaseAsync(officer, id)).GetProperty("party");
        Assert.Equal((Masking.IdNumber(idNumber), "138****4455", "粤S****5"), (party.GetProperty("idNumber").GetString(), party.GetProperty("phone").GetString(), party.GetProperty("plate").GetString()));
    }

    [Fact]
    public async Task The_officer_ledger_exports_to_Excel_and_an_import_saves_the_good_rows_and_names_each_bad_one()
    {
        var supervisor = await app.SignedInAsync("supervisor");
        var ledger = await supervisor.GetByteArrayAsync("/api/enforcement/officers/export");
        var exported = MiniExcel.Query(new MemoryStream(ledger), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        Assert.Contains(exported, r => (r["姓名"] as string) == "周文斌" && (r["部门编码"] as string) == "TX-MSA" && (r["账号"] as string) == "officer.msa" && (r["证件状态"] as string) == "有效");
        Assert.Contains(exported, r => (r["部门编码"] as string) == "TX-CAE" && (r["证件状态"] as string) == "暂扣");

        var good = "粤执" + Guid.NewGuid().ToString("N")[..10];
        Dictionary<string, object> Row(string name, string number, string department, string from, string until) => new()
        {
            ["姓名"] = name, ["执法证号"] = number, ["部门编码"] = department, ["执法领域"] = "市场监管", ["执法类别"] = "行政处罚、行政检查", ["有效期起"] = from, ["有效期至"] = until,
            ["考试日期"] = "2024-12-01", ["考试成绩"] = 86, ["培训学时"] = 60, ["证件状态"] = "有效", ["账号"] = "",
        };
        var rows = new[]
        {
            Row("叶小燕", good, "TX-MSA", "2025-01-01", "2029-12-31"),
            Row("无部门", "粤执X" + Guid.NewGuid().ToString("N")[..8], "NO-SUCH", "2025-01-01", "2029-12-31"),
            Row("倒日期", "粤执Y" + Guid.NewGuid().ToString("N")[..8], "TX-MSA", "2029-01-01", "2025-12-31"),
        };
        using var xlsx = new MemoryStream();
        await MiniExcel.SaveAsAsync(xlsx, rows);
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(xlsx.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        content.Add(file, "file", "officers.xlsx");
        var response = await supervisor.PostAsync("/api/enforcement/officers/import", content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, report.GetProperty("created").GetInt32());
        var errors = report.GetProperty("errors").EnumerateArray().ToList();
        // Row numbers as Excel shows them: the header is row 1.
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 3);
        Assert.Contains(errors, e => e.GetProperty("row").GetInt32() == 4 && e.GetProperty("field").GetString() == "有效期至");
        Assert.DoesNotContain(errors, e => e.GetProperty("row").GetInt32() == 2);

        var found = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/enforcement/officers?q={Uri.EscapeDataString(good)}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal(("叶小燕", "2029-12-31", 86), (found.GetProperty("name").GetString(), found.GetProperty("validUntil").GetString(), found.GetProperty("examScore").GetInt32()));
        Assert.Equal(0, (await supervisor.GetFromJsonAsync<JsonElement>("/api/enforcement/officers?q=倒日期")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.SignedInAsync("officer.msa")).PostAsync("/api/enforcement/officers/import", new MultipartFormDataContent())).StatusCode);
    }

    [Fact]
    public async Task A_new_version_of_a_discretion_benchmark_ends_the_old_one_the_day_before_and_only_the_one_in_force_is_published()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var code = "SC-9" + Random.Shared.Next(10, 99).ToString(CultureInfo.InvariantCulture);
        object Version(DateOnly from, decimal max) => new
        {
            kind = "Benchmark", code, violation = "未按规定公示食品经营许可证", provision = "《食品经营许可和备案管理办法》第四十一条、第五十三条", circumstance = "一般",
            measure = $"处{max}元以下罚款", minFine = 0, maxFine = max, effectiveFrom = Day(from),
        };
        var missing = await (await officer.PostAsJsonAsync("/api/enforcement/discretion", new { kind = "Benchmark" })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Superset(new HashSet<string> { "code", "violation", "provision", "circumstance", "measure", "effectiveFrom" }, missing.ErrorFields().ToHashSet());

        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/enforcement/discretion", Version(Today.AddDays(-100), 2000))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await officer.PostAsJsonAsync("/api/enforcement/discretion", Version(Today, 3000))).StatusCode);
        Assert.Equal("enforcement.rule_version_exists", await ConflictAsync(officer.PostAsJsonAsync("/api/enforcement/discretion", Version(Today.AddDays(-50), 2500))));

        async Task<JsonElement> InForceAsync(DateOnly on) =>
            (await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/discretion?on={Day(on)}")).EnumerateArray().Single(r => r.GetProperty("code").GetString() == code);
        var old = await InForceAsync(Today.AddDays(-1));
        Assert.Equal((2000m, Day(Today.AddDays(-1))), (old.GetProperty("maxFine").GetDecimal(), old.GetProperty("effectiveTo").GetString()));
        var current = await InForceAsync(Today);
        Assert.Equal(3000m, current.GetProperty("maxFine").GetDecimal());
        Assert.Equal(JsonValueKind.Null, current.GetProperty("effectiveTo").ValueKind);

        var published = (await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/public/enforcement/discretion")).EnumerateArray().Where(r => r.GetProperty("code").GetString() == code).ToList();
        Assert.Equal(3000m, Assert.Single(published).GetProperty("maxFine").GetDecimal());
    }

    [Fact]
    public async Task A_licence_recorded_is_due_for_publication_and_counted_in_the_years_six_tables_and_their_Excel()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var u = await MarketRegulationAsync(officer);
        var year = Today.Year;
        async Task<JsonElement> LicencesAsync() => (await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/statistics/{year}")).GetProperty("licences").EnumerateArray()
            .Single(l => l.GetProperty("departmentId").GetGuid() == u.Department);
        var before = await LicencesAsync();

        var noGrant = await (await officer.PostAsJsonAsync("/api/enforcement/actions", new { kind = "Licence", matter = "食品经营许可", subject = "某公司", decision = "准予", startedOn = Day(Today.AddDays(-5)), decidedOn = Day(Today) }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("granted", noGrant.ErrorFields());

        var recorded = await officer.PostAsJsonAsync("/api/enforcement/actions", new
        {
            kind = "Licence", matter = "食品经营许可（新办）", subject = "东莞市塘厦美华餐饮有限公司", subjectKind = "Organisation", decision = "准予行政许可，有效期五年",
            granted = true, startedOn = Day(Today.AddDays(-8)), decidedOn = Day(Today), validUntil = Day(Today.AddYears(5)), officerNames = new[] { "周文斌" },
        });
        var (actionId, number) = await CreatedAsync(recorded);
        Assert.StartsWith($"塘市监许〔{year}〕", number, StringComparison.Ordinal);
        Assert.Contains((await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/actions?kind=Licence")).GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetGuid() == actionId);

        var after = await LicencesAsync();
        Assert.Equal(before.GetProperty("total").GetInt32() + 1, after.GetProperty("total").GetInt32());
        Assert.Equal(before.GetProperty("granted").GetInt32() + 1, after.GetProperty("granted").GetInt32());

        // 7 working days to publish a licence, the organisation by name.
        var due = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/publications?status=Due")).GetProperty("items").EnumerateArray().Single(p => p.GetProperty("documentNumber").GetString() == number);
        Assert.Equal(("Licence", "东莞市塘厦美华餐饮有限公司"), (due.GetProperty("kind").GetString(), due.GetProperty("party").GetString()));
        Assert.Equal(Calendar.AddWorkingDays(Today, 7), Date(due.GetProperty("dueDate")));

        var xlsx = await officer.GetByteArrayAsync($"/api/enforcement/statistics/{year}/export");
        Assert.Equal(["行政许可", "行政处罚", "行政强制", "行政征收", "行政征用", "行政检查"], MiniExcel.GetSheetNames(new MemoryStream(xlsx)));
        var licences = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true, sheetName: "行政许可").Cast<IDictionary<string, object>>().ToList();
        var line = licences.Single(r => (r["部门"] as string) == u.Name);
        Assert.Equal(after.GetProperty("total").GetInt32(), Convert.ToInt32(line["合计"], CultureInfo.InvariantCulture));
        Assert.Contains(licences, r => (r["部门"] as string) == "合计");
        // The year is not over: the public tables wait for it.
        await (await app.Anonymous().GetAsync($"/api/public/enforcement/statistics/{year}")).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync($"/api/public/enforcement/statistics/{year - 1}")).StatusCode);
    }

    [Fact]
    public async Task A_draw_of_closed_files_can_be_rerun_by_anyone_and_a_file_with_a_veto_fails_with_a_rectification_deadline()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var u = await MarketRegulationAsync(officer);
        for (var i = 0; i < 3; i++)
        {
            var (id, _) = await CreatedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", Spot(u, 100, "谢玉兰")));
            await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/payment", new { amount = 100 }));
            await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/closing", new { }));
        }

        var supervisor = await app.SignedInAsync("supervisor");
        var year = Today.Year;
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsJsonAsync("/api/enforcement/evaluation/draws", new { year, departmentId = u.Department, announcedNumber = "4711", size = 2 })).StatusCode);
        Assert.Equal("enforcement.nothing_to_draw", await ConflictAsync(supervisor.PostAsJsonAsync("/api/enforcement/evaluation/draws", new { year = 2001, departmentId = u.Department, announcedNumber = "4711", size = 2 })));
        var made = await supervisor.PostAsJsonAsync("/api/enforcement/evaluation/draws", new { year, departmentId = u.Department, announcedNumber = "4711", size = 2 });
        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        var view = await made.Content.ReadFromJsonAsync<JsonElement>();
        var draw = view.GetProperty("draw");
        var drawId = draw.GetProperty("id").GetGuid();
        Assert.Equal($"{year}|TX-MSA|4711", draw.GetProperty("seed").GetString());
        Assert.True(draw.GetProperty("population").GetInt32() >= 3);
        var files = view.GetProperty("files").EnumerateArray().ToList();
        Assert.Equal(2, files.Count);

        // Anyone: the same seed over the same closed files draws the same two, by the printed rule.
        var anonymous = app.Anonymous();
        var rerun = await anonymous.GetFromJsonAsync<JsonElement>($"/api/public/enforcement/draws/{drawId}/rerun");
        Assert.True(rerun.GetProperty("sameAsStored").GetBoolean());
        var stored = draw.GetProperty("caseNumbers").EnumerateArray().Select(n => n.GetString()!).ToList();
        Assert.Equal(stored, rerun.GetProperty("caseNumbers").EnumerateArray().Select(n => n.GetString()!).ToList());
        var population = (await anonymous.GetStringAsync($"/api/public/enforcement/draws/{drawId}/population")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(draw.GetProperty("population").GetInt32(), population.Length);
        Assert.Equal(stored, EvaluationDraw.Draw(draw.GetProperty("seed").GetString()!, population.Reverse(), 2));

        var failing = files[0].GetProperty("caseId").GetGuid();
        var passing = files[1].GetProperty("caseId").GetGuid();
        var legal = await app.SignedInAsync("legal");
        var outOfRange = await (await legal.PostAsJsonAsync($"/api/enforcement/evaluation/draws/{drawId}/scores", new { caseId = failing, formPoints = 31, contentPoints = 60 })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("formPoints", outOfRange.ErrorFields());
        await NoContentAsync(legal.PostAsJsonAsync($"/api/enforcement/evaluation/draws/{drawId}/scores", new { caseId = failing, vetoes = new[] { "InsufficientEvidence" }, formPoints = 28, contentPoints = 66, comments = "证据不足以证明违法所得" }));
        await NoContentAsync(legal.PostAsJsonAsync($"/api/enforcement/evaluation/draws/{drawId}/scores", new { caseId = passing, vetoes = Array.Empty<string>(), formPoints = 27, contentPoints = 65 }));
        var notDrawn = await (await legal.PostAsJsonAsync($"/api/enforcement/evaluation/draws/{drawId}/scores", new { caseId = Guid.NewGuid(), formPoints = 20, contentPoints = 50 })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("enforcement.not_drawn", notDrawn.Code());

        var scored = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/enforcement/evaluation/draws/{drawId}")).GetProperty("files").EnumerateArray().ToList();
        var failed = scored.Single(f => f.GetProperty("caseId").GetGuid() == failing).GetProperty("evaluation");
        Assert.Equal(("Fail", 94), (failed.GetProperty("grade").GetString(), failed.GetProperty("score").GetInt32()));
        Assert.Equal(Calendar.AddWorkingDays(Today, 20), Date(failed.GetProperty("rectification").GetProperty("dueDate")));
        var excellent = scored.Single(f => f.GetProperty("caseId").GetGuid() == passing).GetProperty("evaluation");
        Assert.Equal("Excellent", excellent.GetProperty("grade").GetString());
        Assert.Equal(JsonValueKind.Null, excellent.GetProperty("rectification").ValueKind);

        var xlsx = await supervisor.GetByteArrayAsync($"/api/enforcement/evaluation/draws/{drawId}/export");
        var rows = MiniExcel.Query(new MemoryStream(xlsx), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var failRow = rows.Single(r => (r["案卷编号"] as string) == files[0].GetProperty("caseNumber").GetString());
        Assert.Equal("不合格", failRow["等次"] as string);
        Assert.Contains("证据", failRow["否决项"] as string, StringComparison.Ordinal);
        Assert.Equal(Calendar.AddWorkingDays(Today, 20).ToDateTime(TimeOnly.MinValue), failRow["整改期限"]); // a date cell, not text
        Assert.Equal("优秀", rows.Single(r => (r["案卷编号"] as string) == files[1].GetProperty("caseNumber").GetString())["等次"] as string);

        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/evaluation/draws/{drawId}/files/{failing}/rectification", new { note = "补充调取银行流水，重新核定违法所得" }));
        Assert.Equal("enforcement.nothing_to_rectify", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/evaluation/draws/{drawId}/files/{passing}/rectification", new { note = "无" })));
    }

    [Fact]
    public async Task The_partys_period_the_officers_certificates_the_recordings_the_benchmark_and_the_limits_are_refused_over_HTTP_as_the_law_says()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var supervisor = await app.SignedInAsync("supervisor");
        var u = await MarketRegulationAsync(officer);
        var officers = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/officers?canAct=true")).GetProperty("items").EnumerateArray().ToList();
        var second = officers.Single(o => o.GetProperty("userName").GetString() == "officer.msa2").GetProperty("id").GetGuid();
        var (id, number) = await CreatedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, IdNumber(40), officerIds: new[] { u.Head, second })));
        await NoContentAsync(officer.PostAsync($"/api/enforcement/cases/{id}/filing-approval", null));
        Assert.Equal(HttpStatusCode.Created, (await EvidenceAsync(officer, id, Png, "询问笔录.png", "Statement", "询问笔录")).StatusCode);
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/certificates", new { shownTo = "当事人林建国" }));

        // 第47条: an on-site inspection without its audio or video, and without a reason, is refused; with the reason it is on the record.
        var unrecorded = await (await UploadAsync(officer, $"/api/enforcement/cases/{id}/record", ("现场.png", Png), ("kind", "inspection"), ("note", "现场检查")))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(("enforcement.recording_required", "file"), (unrecorded.Code(), unrecorded.ErrorFields().Single()));
        await NoContentAsync(UploadAsync(officer, $"/api/enforcement/cases/{id}/record", ("现场.png", Png), ("kind", "inspection"), ("note", "现场检查"),
            ("noRecordingReason", "执法记录仪故障")));

        // 第34条: a fine without its benchmark entry is refused.
        var rule = await RuleIdAsync(officer, "SC-001");
        var notice = new { penaltyKind = "Fine", fine = 5000, provisions = "《食品安全法》第三十四条", basis = "《食品安全法》第一百二十四条" };
        var uncited = await (await officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/notice", notice)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("enforcement.discretion_required", uncited.Code());
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/notice", new
        {
            penaltyKind = "Fine", fine = 5000, provisions = "《食品安全法》第三十四条", basis = "《食品安全法》第一百二十四条", discretionRuleId = rule,
        }));

        // 第44-45条: no decision while the party's period to state and defend runs (5 working days in market regulation), a window of the party's.
        Assert.Equal("enforcement.statement_period_open", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/decision", new { penaltyKind = "Fine", fine = 5000 })));
        Assert.Equal(Calendar.AddWorkingDays(Today, 5), Date((await CaseAsync(officer, id)).GetProperty("statementDue")));
        Assert.Equal(DeadlineOwner.Party, AlertList.OwnerOf("enforcement.statement"));

        // 市场监管: the 90 days are extended once by at most 30, a further time only with the heads' collective discussion.
        Assert.Equal("enforcement.decision_extension_limit", (await (await officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/extensions",
            new { limit = "decision", days = 31, reason = "案情复杂" })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/extensions", new { limit = "decision", days = 30, reason = "案情复杂" }));
        Assert.Equal("enforcement.extension_needs_discussion", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/extensions",
            new { limit = "decision", days = 10, reason = "仍需鉴定" })));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/extensions", new { limit = "decision", days = 10, reason = "仍需鉴定", discussion = "局长办公会决定继续延长10日" }));
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/decision-pause", new { reason = "Appraisal", note = "送价格认定中心鉴定" }));
        Assert.Equal("enforcement.decision_paused", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/decision-pause", new { reason = "Testing", note = "送检" })));
        await NoContentAsync(officer.PostAsync($"/api/enforcement/cases/{id}/decision-resume", null));

        // 第42条: the second officer's certificate is suspended: he can take no step, the case shows him as lapsed, and it is on the reassign list.
        try
        {
            await NoContentAsync(supervisor.PostAsJsonAsync($"/api/enforcement/officers/{second}/status", new { status = "Suspended" }));
            var suspended = await app.SignedInAsync("officer.msa2");
            var own = await (await suspended.PostAsJsonAsync($"/api/enforcement/cases/{id}/statement", new { statement = "当事人陈述", recheck = "复核" }))
                .ReadProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal("enforcement.own_certificate_lapsed", own.Code());
            var c = await CaseAsync(officer, id);
            Assert.Equal(["陈志强"], c.GetProperty("lapsedOfficers").EnumerateArray().Select(o => o.GetProperty("name").GetString()));
            var reassign = await officer.GetFromJsonAsync<JsonElement>("/api/tasks/items?kind=enforcement.reassign");
            Assert.Contains(reassign.GetProperty("items").EnumerateArray(), t => t.GetProperty("number").GetString() == number);
            await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/statement", new { statement = "当事人称已整改。", recheck = "经复核：维持拟处罚意见。" }));
            Assert.Equal("enforcement.two_officers_required", await ConflictAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/decision", new { penaltyKind = "Fine", fine = 5000 })));
        }
        finally
        {
            await NoContentAsync(supervisor.PostAsJsonAsync($"/api/enforcement/officers/{second}/status", new { status = "Valid" }));
        }

        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{id}/decision", new { penaltyKind = "Fine", fine = 5000 }));
        // The decision reads as written: each part once, one full stop, the amount as people write it.
        var decision = await DocxTextAsync(officer, $"/api/enforcement/cases/{id}/decision.docx");
        Assert.Contains("当事人陈述、申辩意见：当事人称已整改。经复核，维持拟处罚意见。", decision, StringComparison.Ordinal);
        Assert.Contains("罚款人民币5,000元", decision, StringComparison.Ordinal);
        Assert.DoesNotContain("。。", decision, StringComparison.Ordinal);
        Assert.DoesNotContain("经复核，经复核", decision, StringComparison.Ordinal);

        // 首违不罚 (第33条): a party penalised by the department before is found by the blind index of the ID number and is refused it.
        var idNumber = IdNumber(41);
        await CreatedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", Spot(u, 100, "叶美华", idNumber)));
        var (again, _) = await CreatedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases", Lead(u, idNumber, name: "叶美华")));
        await NoContentAsync(officer.PostAsync($"/api/enforcement/cases/{again}/filing-approval", null));
        Assert.Equal(HttpStatusCode.Created, (await EvidenceAsync(officer, again, Png, "询问笔录.png", "Statement", "询问笔录")).StatusCode);
        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/cases/{again}/certificates", new { shownTo = "当事人叶美华" }));
        var first = await RuleIdAsync(officer, "SC-201");
        var refused = await (await officer.PostAsJsonAsync($"/api/enforcement/cases/{again}/notice", new
        {
            penaltyKind = "NoPenalty", fine = 0, provisions = "《市场主体登记管理条例》第二十三条", basis = "《市场主体登记管理条例》第四十八条", discretionRuleId = first,
        })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("enforcement.not_first_violation", refused.Code());
        Assert.Contains("简罚", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_published_text_that_names_the_party_is_masked_with_the_cases_own_party_and_the_preview_shows_exactly_what_goes_up()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var u = await MarketRegulationAsync(officer);
        var idNumber = IdNumber(60);
        var (id, _) = await CreatedAsync(await officer.PostAsJsonAsync("/api/enforcement/cases/on-the-spot", Spot(u, 100, "欧阳建华", idNumber)));
        var decision = (await CaseAsync(officer, id)).GetProperty("decisionNumber").GetString()!;
        var due = (await officer.GetFromJsonAsync<JsonElement>("/api/enforcement/publications?status=Due")).GetProperty("items").EnumerateArray()
            .Single(p => p.GetProperty("documentNumber").GetString() == decision).GetProperty("id").GetGuid();

        // An officer edits the text and writes the party's name and ID number into it: no pattern knows a name, the case does.
        var edited = $"违法事实：当事人欧阳建华（身份证{idNumber}）在人行道摆卖水果，欧阳建华当场承认。\n处罚内容：罚款人民币100元";
        var preview = await (await officer.PostAsJsonAsync($"/api/enforcement/publications/{due}/preview", new { content = edited })).Content.ReadFromJsonAsync<JsonElement>();
        var shown = preview.GetProperty("content").GetString()!;
        Assert.DoesNotContain("欧阳建华", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(idNumber, shown, StringComparison.Ordinal);
        Assert.Contains(Masking.Name("欧阳建华"), shown, StringComparison.Ordinal);
        Assert.Equal(Masking.Name("欧阳建华"), preview.GetProperty("party").GetString());
        // The preview saves nothing.
        Assert.Equal("Due", (await officer.GetFromJsonAsync<JsonElement>($"/api/enforcement/publications/{due}")).GetProperty("status").GetString());

        await NoContentAsync(officer.PostAsJsonAsync($"/api/enforcement/publications/{due}/publish", new { content = edited }));
        var published = await app.Anonymous().GetFromJsonAsync<JsonElement>($"/api/public/enforcement/disclosures/{due}");
        Assert.Equal(shown, published.GetProperty("content").GetString());
        Assert.DoesNotContain("欧阳建华", published.ToString(), StringComparison.Ordinal);
        var page = await app.Anonymous().GetStringAsync($"/disclosure/{due}");
        Assert.DoesNotContain("欧阳建华", page, StringComparison.Ordinal);
        // Laid out by element, not one run-on paragraph.
        Assert.Contains("<dt>违法事实</dt>", page, StringComparison.Ordinal);
        Assert.Contains("<dt>处罚内容</dt>", page, StringComparison.Ordinal);
    }
}
