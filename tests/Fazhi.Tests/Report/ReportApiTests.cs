using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using Fazhi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Report;

/// <summary>What the report's HTTP tests share.</summary>
internal static class ReportSteps
{
    public static async Task<JsonElement> OkAsync(Task<HttpResponseMessage> call, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var r = await call;
        var body = await r.Content.ReadAsStringAsync();
        Assert.True(r.StatusCode == expected, $"{(int)r.StatusCode}: {body}");
        return body.Length == 0 ? default : JsonDocument.Parse(body).RootElement.Clone();
    }

    public static async Task<JsonElement> ViewAsync(HttpClient client, Guid id) => await client.GetFromJsonAsync<JsonElement>($"/api/report/{id}");

    public static int Seen(JsonElement view) => view.GetProperty("seenEvents").GetInt32();

    /// <summary>The police's change in incidents, supplied to the report with <paramref name="pdf"/> as its source document.</summary>
    public static async Task SupplyChangeAsync(HttpClient office, Guid id, string value, byte[] pdf)
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("supplied.police_incidents_change"), "name" }, { new StringContent("违法犯罪警情同比变化"), "label" },
            { new StringContent(value), "value" }, { new StringContent("Change"), "kind" }, { new StringContent("公安分局《治安形势分析》"), "source" },
        };
        var file = new ByteArrayContent(pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "analysis.pdf");
        await OkAsync(office.PostAsync($"/api/report/{id}/supplied", form), HttpStatusCode.NoContent);
    }

    /// <summary>The text of a Word document's body, paragraph by paragraph, as a reader sees it.</summary>
    public static async Task<string> WordTextAsync(HttpClient client, string url)
    {
        var bytes = await client.GetByteArrayAsync(url);
        using var doc = WordprocessingDocument.Open(new MemoryStream(bytes), false);
        return string.Join("\n", doc.MainDocumentPart!.Document!.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().Select(p => p.InnerText));
    }

    /// <summary>Creates the year's report as the rule-of-law office, with the sections given (one per part, part one first).</summary>
    public static Task<Guid> ReportAsync(HttpClient office, int year, params string[] measures) => ReportAtLevelAsync(office, year, "Town", measures);

    public static async Task<Guid> ReportAtLevelAsync(HttpClient office, int year, string level, params string[] measures)
    {
        var id = (await OkAsync(office.PostAsJsonAsync("/api/report", new { year, level }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var sections = measures.Select((text, i) => (object)new { part = "Measures", heading = $"措施{i + 1}", text })
            .Concat([new { part = "Shortcomings", heading = "不足", text = "" }, new { part = "LeadersDuty", heading = "履职", text = "" },
                new { part = "Plan", heading = "计划", text = "" }, new { part = "Other", heading = "其他", text = "无。" }]).ToList();
        await OkAsync(office.PutAsJsonAsync($"/api/report/{id}/sections", new { sections, seenEvents = Seen(await ViewAsync(office, id)) }), HttpStatusCode.NoContent);
        return id;
    }
}

public sealed class ReportApiTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    private int Year => DateOnly.FromDateTime(app.Time.GetUtcNow().UtcDateTime.AddHours(8)).Year;

    [Fact]
    public async Task A_slot_naming_no_figure_is_refused_at_save_naming_the_slot_and_a_part_out_of_order_is_named()
    {
        var office = await app.SignedInAsync("fzb.report");
        var id = await ReportSteps.ReportAsync(office, 2031, "调解{{mediation.mediated}}宗。");
        var seen = ReportSteps.Seen(await ReportSteps.ViewAsync(office, id));
        var unknown = await (await office.PutAsJsonAsync($"/api/report/{id}/sections", new
        {
            seenEvents = seen,
            sections = new object[]
            {
                new { part = "Measures", heading = "措施", text = "成功{{mediation.settled}}宗，另有{{mediation.nothing_like_this}}宗。" },
                new { part = "Shortcomings", heading = "不足", text = "" }, new { part = "LeadersDuty", heading = "履职", text = "" },
                new { part = "Plan", heading = "计划", text = "" }, new { part = "Other", heading = "其他", text = "" },
            },
        })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var messages = unknown.GetProperty("errors").GetProperty("sections[0].text").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains("{{mediation.nothing_like_this}}", StringComparison.Ordinal));

        // A count printed as a rate (or a rate as a count) is named too: 3,899 would print as 389900.00%.
        var kinds = await (await office.PutAsJsonAsync($"/api/report/{id}/sections", new
        {
            seenEvents = seen,
            sections = new object[]
            {
                new { part = "Measures", heading = "措施", text = "成功{{mediation.settled|rate}}，成功率{{mediation.success_rate|count}}，约{{mediation.settled|approx}}宗。" },
                new { part = "Shortcomings", heading = "不足", text = "" }, new { part = "LeadersDuty", heading = "履职", text = "" },
                new { part = "Plan", heading = "计划", text = "" }, new { part = "Other", heading = "其他", text = "" },
            },
        })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var refused = kinds.GetProperty("errors").GetProperty("sections[0].text").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, refused.Count);
        Assert.Contains(refused, m => m.Contains("{{mediation.settled|rate}}", StringComparison.Ordinal));
        Assert.Contains(refused, m => m.Contains("{{mediation.success_rate|count}}", StringComparison.Ordinal));

        var order = await (await office.PutAsJsonAsync($"/api/report/{id}/sections", new
        {
            seenEvents = seen,
            sections = new object[]
            {
                new { part = "Plan", heading = "计划", text = "" }, new { part = "Measures", heading = "措施", text = "" },
                new { part = "Shortcomings", heading = "不足", text = "" }, new { part = "LeadersDuty", heading = "履职", text = "" },
                new { part = "Other", heading = "其他", text = "" },
            },
        })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("sections[1].part", order.ErrorFields());

        // Nothing of either was kept.
        Assert.Equal("调解{{mediation.mediated}}宗。", (await ReportSteps.ViewAsync(office, id)).GetProperty("sections")[0].GetProperty("text").GetString());
        Assert.Equal(seen, ReportSteps.Seen(await ReportSteps.ViewAsync(office, id)));
        // A hole in the list is named, not a crash.
        var hole = await (await office.PutAsync($"/api/report/{id}/sections",
            new StringContent("{\"sections\":[null],\"seenEvents\":" + seen + "}", System.Text.Encoding.UTF8, "application/json"))).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("sections[0]", hole.ErrorFields());

        // A figure to be supplied is named at save and awaited at generation.
        await ReportSteps.OkAsync(office.PutAsJsonAsync($"/api/report/{id}/sections", new
        {
            seenEvents = seen,
            sections = new object[]
            {
                new { part = "Measures", heading = "措施", text = "警情同比{{supplied.flood_losses}}。" },
                new { part = "Shortcomings", heading = "不足", text = "" }, new { part = "LeadersDuty", heading = "履职", text = "" },
                new { part = "Plan", heading = "计划", text = "" }, new { part = "Other", heading = "其他", text = "" },
            },
        }), HttpStatusCode.NoContent);
        var awaited = await (await office.PostAsJsonAsync($"/api/report/{id}/generate", new { })).ReadProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("report.supplied_missing", awaited.Code());
        Assert.Contains("{{supplied.flood_losses}}", awaited.GetProperty("title").GetString(), StringComparison.Ordinal);

        // The same year twice is one report.
        Assert.Equal("report.exists", (await (await office.PostAsJsonAsync("/api/report", new { year = 2031 })).ReadProblemAsync(HttpStatusCode.Conflict)).Code());
    }

    [Fact]
    public async Task A_snapshot_freezes_its_figures_reproduces_the_same_document_after_records_change_and_the_recheck_names_the_new_record()
    {
        var office = await app.SignedInAsync("fzb.report");
        var id = await ReportSteps.ReportAsync(office, Year, "今年受理调解纠纷{{mediation.received}}件，同比{{mediation.received|change}}。");
        var first = await ReportSteps.OkAsync(office.PostAsJsonAsync($"/api/report/{id}/generate", new { seenEvents = ReportSteps.Seen(await ReportSteps.ViewAsync(office, id)) }), HttpStatusCode.Created);
        var sid = first.GetProperty("id").GetGuid();
        var figure = first.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "mediation.received");
        var received = figure.GetProperty("value").GetDecimal();
        // The figure is the count of its records, frozen with them.
        Assert.Equal((int)received, figure.GetProperty("recordCount").GetInt32());
        var frozen = await office.GetFromJsonAsync<JsonElement>($"/api/report/snapshots/{sid}/figures/mediation.received/records");
        Assert.Equal((int)received, frozen.GetProperty("records").GetProperty("total").GetInt32());
        var live = await office.GetFromJsonAsync<JsonElement>($"/api/figures/mediation.received/records?from={Year}-01-01&to={Year}-12-31");
        Assert.Equal((int)received, live.GetProperty("total").GetInt32());
        var text = await ReportSteps.WordTextAsync(office, $"/api/report/snapshots/{sid}/document.docx");
        Assert.Contains($"今年受理调解纠纷{received:0}件", text, StringComparison.Ordinal);

        // A dispute registered since: the snapshot's document is the same, the re-check names the new case, a new generation counts it.
        var mediator = await app.SignedInAsync("mediator");
        var created = await SampleCases.RegisterDisputeAsync(mediator,
            new { side = "Applicant", kind = "Person", name = "周晓兰", phone = "13926002200" }, new { side = "Respondent", kind = "Person", name = "吴国平", phone = "13926002201" },
            "楼上漏水损坏天花。", "赔偿维修费用。");
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        var number = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString();
        Assert.Equal(text, await ReportSteps.WordTextAsync(office, $"/api/report/snapshots/{sid}/document.docx"));
        var recheck = await office.GetFromJsonAsync<JsonElement>($"/api/report/snapshots/{sid}/recheck");
        var moved = recheck.GetProperty("moved").EnumerateArray().Single(m => m.GetProperty("key").GetString() == "mediation.received");
        Assert.Equal((received + 1).ToString("0", System.Globalization.CultureInfo.InvariantCulture), moved.GetProperty("now").GetString());
        Assert.Contains(number, moved.GetProperty("added").EnumerateArray().Select(a => a.GetString()));
        var second = await ReportSteps.OkAsync(office.PostAsJsonAsync($"/api/report/{id}/generate", new { seenEvents = ReportSteps.Seen(await ReportSteps.ViewAsync(office, id)) }), HttpStatusCode.Created);
        Assert.Equal(2, second.GetProperty("number").GetInt32());
        Assert.Equal(received + 1, second.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "mediation.received").GetProperty("value").GetDecimal());
    }

    [Fact]
    public async Task A_figure_over_the_frozen_records_limit_keeps_its_value_and_count_says_so_and_the_recheck_still_sees_it_move()
    {
        var configuration = app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>();
        var office = await app.SignedInAsync("fzb.report");
        var mediator = await app.SignedInAsync("mediator");
        async Task<string> DisputeAsync(int n)
        {
            var created = await SampleCases.RegisterDisputeAsync(mediator,
                new { side = "Applicant", kind = "Person", name = "郑秋云", phone = $"1392600{n:0000}" }, new { side = "Respondent", kind = "Person", name = "冯志强", phone = $"1392601{n:0000}" },
                "邻里噪音纠纷。", "停止夜间施工。");
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("number").GetString()!;
        }

        await DisputeAsync(3301);
        await DisputeAsync(3302);
        // A province's millions are over the limit; here, one record is.
        configuration["Report:FrozenRecordsLimit"] = "1";
        try
        {
            var id = await ReportSteps.ReportAtLevelAsync(office, Year, "County", "受理调解纠纷{{mediation.received}}件。");
            var snapshot = await ReportSteps.OkAsync(office.PostAsJsonAsync($"/api/report/{id}/generate", new { seenEvents = ReportSteps.Seen(await ReportSteps.ViewAsync(office, id)) }), HttpStatusCode.Created);
            var sid = snapshot.GetProperty("id").GetGuid();
            var figure = snapshot.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "mediation.received");
            var received = figure.GetProperty("value").GetDecimal();
            var live = await office.GetFromJsonAsync<JsonElement>($"/api/figures/mediation.received/records?from={Year}-01-01&to={Year}-12-31");
            Assert.True(received >= 2, $"{received} received");
            Assert.Equal((int)received, live.GetProperty("total").GetInt32());
            Assert.Equal((int)received, figure.GetProperty("recordCount").GetInt32());
            Assert.False(figure.GetProperty("recordsFrozen").GetBoolean());
            var frozen = await office.GetFromJsonAsync<JsonElement>($"/api/report/snapshots/{sid}/figures/mediation.received/records");
            Assert.Equal(0, frozen.GetProperty("records").GetProperty("total").GetInt32());
            var page = await (await app.BrowserSignedInAsync("fzb.report")).GetStringAsync($"/report/snapshots/{sid}/figures/mediation.received");
            Assert.Contains("id=\"records-not-frozen\"", page, StringComparison.Ordinal);
            Assert.Contains(((int)received).ToString("N0", System.Globalization.CultureInfo.InvariantCulture), page, StringComparison.Ordinal);

            // The count was frozen: a case registered since moves the figure in the re-check, by value and by count.
            await DisputeAsync(3303);
            var moved = (await office.GetFromJsonAsync<JsonElement>($"/api/report/snapshots/{sid}/recheck")).GetProperty("moved").EnumerateArray()
                .Single(m => m.GetProperty("key").GetString() == "mediation.received");
            Assert.Equal((received + 1).ToString("0", System.Globalization.CultureInfo.InvariantCulture), moved.GetProperty("now").GetString());
            Assert.Equal((int)received, moved.GetProperty("frozenRecords").GetInt32());
            Assert.Equal((int)received + 1, moved.GetProperty("nowRecords").GetInt32());
        }
        finally
        {
            configuration["Report:FrozenRecordsLimit"] = null;
        }
    }

    [Fact]
    public async Task Next_years_report_takes_last_years_text_even_when_a_figure_it_names_has_gone_and_generation_names_that_slot()
    {
        var office = await app.SignedInAsync("fzb.report");
        var last = await ReportSteps.ReportAtLevelAsync(office, 2040, "County", "调解{{mediation.mediated}}宗。");
        // A figure a module no longer publishes, as an upgrade might leave it: written straight into last year's text.
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>();
            var section = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstAsync(
                db.Set<Fazhi.Web.Modules.Report.Domain.ReportSection>(), s => s.ReportId == last && s.Order == 1);
            section.Text = "调解{{mediation.mediated}}宗，另{{mediation.retired_figure}}宗。";
            await db.SaveChangesAsync();
        }

        // The create form shows a year and a level: it is not refused on a text it cannot show.
        var id = (await ReportSteps.OkAsync(office.PostAsJsonAsync("/api/report", new { year = 2041, level = "County" }), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var view = await ReportSteps.ViewAsync(office, id);
        Assert.Contains("{{mediation.retired_figure}}", view.GetProperty("sections")[0].GetProperty("text").GetString(), StringComparison.Ordinal);
        var refused = await (await office.PostAsJsonAsync($"/api/report/{id}/generate", new { })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("report.slot_stale", refused.Code());
        Assert.Contains("{{mediation.retired_figure}}", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await ReportSteps.ViewAsync(office, id)).GetProperty("snapshots").GetArrayLength());
    }

    [Fact]
    public async Task A_supplied_change_printed_as_a_count_is_named_at_generation_and_prints_as_a_change_once_corrected()
    {
        var office = await app.SignedInAsync("fzb.report");
        var id = await ReportSteps.ReportAtLevelAsync(office, 2046, "County", "警情同比{{supplied.police_incidents_change|count}}。");
        await ReportSteps.SupplyChangeAsync(office, id, "-22.3%", "%PDF-1.4\n%%EOF\n"u8.ToArray());

        // −22.3 % as a count would print "0": named, nothing generated.
        var refused = await (await office.PostAsJsonAsync($"/api/report/{id}/generate", new { })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("report.slot_stale", refused.Code());
        Assert.Contains("{{supplied.police_incidents_change|count}}", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await ReportSteps.ViewAsync(office, id)).GetProperty("snapshots").GetArrayLength());

        var view = await ReportSteps.ViewAsync(office, id);
        var sections = view.GetProperty("sections").EnumerateArray().Select(x => new
        {
            id = x.GetProperty("id").GetGuid(), part = x.GetProperty("part").GetString(), heading = x.GetProperty("heading").GetString(),
            text = x.GetProperty("text").GetString()!.Replace("|count", "", StringComparison.Ordinal),
        }).ToList();
        await ReportSteps.OkAsync(office.PutAsJsonAsync($"/api/report/{id}/sections", new { sections, seenEvents = ReportSteps.Seen(view) }), HttpStatusCode.NoContent);
        var snapshot = await ReportSteps.OkAsync(office.PostAsJsonAsync($"/api/report/{id}/generate", new { }), HttpStatusCode.Created);
        var text = string.Concat(snapshot.GetProperty("blocks").EnumerateArray().Select(b => string.Concat(b.GetProperty("segments").EnumerateArray().Select(x => x.GetProperty("text").GetString()))));
        Assert.Contains("警情同比下降22.30%。", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_report_goes_from_draft_through_a_departments_section_secrecy_review_and_sign_off_to_the_public_each_step_on_its_record()
    {
        var office = await app.SignedInAsync("fzb.report");
        var id = await ReportSteps.ReportAsync(office, 2030, "举办法治宣传活动{{publicity.events}}场。");
        var view = await ReportSteps.ViewAsync(office, id);
        var justice = (await office.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("departmentId").GetGuid();
        var contributor = await app.SignedInAsync("sfs.report");
        var own = (await contributor.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("departmentId").GetGuid();
        Assert.NotEqual(justice, own);
        // Part one's section goes to the justice office, with a supplied figure and its source document.
        var sections = view.GetProperty("sections").EnumerateArray().Select(s => new
        {
            id = s.GetProperty("id").GetGuid(), part = s.GetProperty("part").GetString(), heading = s.GetProperty("heading").GetString(), text = s.GetProperty("text").GetString(),
            departmentId = s.GetProperty("part").GetString() == "Measures" ? own : (Guid?)null,
        }).ToList();
        await ReportSteps.OkAsync(office.PutAsJsonAsync($"/api/report/{id}/sections", new { sections, seenEvents = ReportSteps.Seen(view) }), HttpStatusCode.NoContent);
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("supplied.police_incidents_change"), "name");
            form.Add(new StringContent("违法犯罪警情同比变化"), "label");
            form.Add(new StringContent("-12.5"), "value");
            form.Add(new StringContent("Change"), "kind");
            form.Add(new StringContent("公安分局《治安形势分析》"), "source");
            var noFile = await (await office.PostAsync($"/api/report/{id}/supplied", form)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
            Assert.Contains("file", noFile.ErrorFields());
            var pdf0 = new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray());
            pdf0.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(pdf0, "file", "analysis.pdf");
            // A change typed without its per cent sign is not guessed.
            Assert.Equal("report.supplied_percent", (await (await office.PostAsync($"/api/report/{id}/supplied", form)).ReadProblemAsync(HttpStatusCode.UnprocessableEntity)).Code());
            // Someone who may not edit the report is refused before the upload is read: the file store gains nothing.
            var stored = Directory.Exists(Path.Combine(app.DataDirectory, "files")) ? Directory.GetFiles(Path.Combine(app.DataDirectory, "files"), "*", SearchOption.AllDirectories).Length : 0;
            var mediator = await app.SignedInAsync("mediator");
            var bigger = new ByteArrayContent([.. "%PDF-1.4\n"u8, .. new byte[4096], .. "%%EOF\n"u8]);
            bigger.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            using var refusedForm = new MultipartFormDataContent { { new StringContent("-1.5%"), "value" }, { bigger, "file", "other.pdf" } };
            await (await mediator.PostAsync($"/api/report/{id}/supplied", refusedForm)).ReadProblemAsync(HttpStatusCode.Forbidden);
            Assert.Equal(stored, Directory.Exists(Path.Combine(app.DataDirectory, "files")) ? Directory.GetFiles(Path.Combine(app.DataDirectory, "files"), "*", SearchOption.AllDirectories).Length : 0);
        }

        await ReportSteps.SupplyChangeAsync(office, id, "-12.5%", "%PDF-1.4\n%%EOF\n"u8.ToArray());

        await ReportSteps.OkAsync(office.PostAsJsonAsync($"/api/report/{id}/steps/open-inputs", new { seenEvents = ReportSteps.Seen(await ReportSteps.ViewAsync(office, id)) }), HttpStatusCode.NoContent);
        view = await ReportSteps.ViewAsync(contributor, id);
        var section = view.GetProperty("sections").EnumerateArray().First(s => s.GetProperty("departmentId").ValueKind == JsonValueKind.String);
        // Due by 1 March of the year after; 1 March 2031 is a Saturday, so the next working day.
        Assert.Equal("2031-03-03", section.GetProperty("dueDate").GetString());
        // The department cannot publish, and cannot go on before its section is in.
        Assert.Equal(HttpStatusCode.Conflict, (await contributor.PostAsJsonAsync($"/api/report/{id}/steps/publish", new { })).StatusCode);
        var early = await (await office.PostAsJsonAsync($"/api/report/{id}/steps/to-review", new { })).ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.Equal("report.inputs_outstanding", early.Code());
        await ReportSteps.OkAsync(contributor.PostAsJsonAsync($"/api/report/{id}/sections/{section.GetProperty("id").GetGuid()}/confirm", new
        {
            text = "举办法治宣传活动{{publicity.events}}场，警情同比{{supplied.police_incidents_change}}。", seenEvents = ReportSteps.Seen(view),
        }), HttpStatusCode.NoContent);
        var generated = await ReportSteps.OkAsync(office.PostAsJsonAsync($"/api/report/{id}/generate", new { }), HttpStatusCode.Created);
        var supplied = generated.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "supplied.police_incidents_change");
        Assert.Equal("Supplied", supplied.GetProperty("source").GetString());
        Assert.Equal("下降12.50%", supplied.GetProperty("printed").GetString());
        await ReportSteps.OkAsync(office.PostAsJsonAsync($"/api/report/{id}/steps/to-review", new { }), HttpStatusCode.NoContent);

        // Two reviewers' clicks at once: one clears it, the other hears who did.
        var reviewer = await app.SignedInAsync("secrecy.review");
        var seen = ReportSteps.Seen(await ReportSteps.ViewAsync(reviewer, id));
        var both = await Task.WhenAll(
            reviewer.PostAsJsonAsync($"/api/report/{id}/steps/clear", new { seenEvents = seen }),
            (await app.SignedInAsync("secrecy.review")).PostAsJsonAsync($"/api/report/{id}/steps/clear", new { seenEvents = seen }));
        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], both.Select(r => r.StatusCode).Order());
        var leader = await app.SignedInAsync("town.leader");
        await ReportSteps.OkAsync(leader.PostAsJsonAsync($"/api/report/{id}/steps/sign-off", new { }), HttpStatusCode.NoContent);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Anonymous().GetAsync("/api/public/report/2030")).StatusCode);
        await ReportSteps.OkAsync(office.PostAsJsonAsync($"/api/report/{id}/steps/submit", new { }), HttpStatusCode.NoContent);
        await ReportSteps.OkAsync(office.PostAsJsonAsync($"/api/report/{id}/steps/publish", new { }), HttpStatusCode.NoContent);

        view = await ReportSteps.ViewAsync(office, id);
        Assert.Equal("Published", view.GetProperty("status").GetString());
        Assert.Equal(generated.GetProperty("id").GetGuid(), view.GetProperty("signedSnapshotId").GetGuid());
        Assert.Equal(
            ["created", "sections", "sections", "sections", "supplied", "inputs_opened", "section_confirmed", "generated", "to_review", "cleared", "signed", "submitted", "published"],
            view.GetProperty("record").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
        var published = await app.Anonymous().GetFromJsonAsync<JsonElement>("/api/public/report/2030");
        // The public reads the report, not who in the office generated it.
        Assert.Equal("", published.GetProperty("generatedBy").GetString());
        // A department reads its own records through /figures, not the town's frozen ones or their re-check.
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync($"/api/report/snapshots/{generated.GetProperty("id").GetGuid()}/recheck")).StatusCode);
        var words = string.Concat(published.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("segments").EnumerateArray()).Select(s => s.GetProperty("text").GetString()));
        Assert.Contains("警情同比下降12.50%", words, StringComparison.Ordinal);
        var document = await ReportSteps.WordTextAsync(app.Anonymous(), "/api/public/report/2030/document.docx");
        Assert.Contains("附注", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_change_compares_with_last_years_records_or_with_last_years_report_when_the_platform_has_no_records_of_that_year()
    {
        var office = await app.SignedInAsync("fzb.report");
        // This town's tests load no 2019 records, but the demo's 2019 report stands: 2020's change on 2019 reads that report.
        var id = await ReportSteps.ReportAsync(office, 2020, "调解{{mediation.mediated}}宗，同比{{mediation.mediated|change}}；受理{{mediation.received|change}}。");
        var snapshot = await ReportSteps.OkAsync(office.PostAsJsonAsync($"/api/report/{id}/generate", new { }), HttpStatusCode.Created);
        var mediated = snapshot.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "mediation.mediated");
        Assert.Equal("Report", mediated.GetProperty("previousSource").GetString());
        var reported = (await office.GetFromJsonAsync<JsonElement>("/api/report")).EnumerateArray().Single(r => r.GetProperty("year").GetInt32() == 2019);
        var then = (await office.GetFromJsonAsync<JsonElement>($"/api/report/snapshots/{reported.GetProperty("signedSnapshotId").GetGuid()}"))
            .GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "mediation.mediated").GetProperty("value").GetDecimal();
        Assert.Equal(then, mediated.GetProperty("previous").GetDecimal());
        // A figure the 2019 report did not print has nothing to compare with.
        var received = snapshot.GetProperty("figures").EnumerateArray().Single(f => f.GetProperty("key").GetString() == "mediation.received");
        Assert.Equal("None", received.GetProperty("previousSource").GetString());
        Assert.Contains("无可比数据", string.Concat(snapshot.GetProperty("blocks").EnumerateArray().SelectMany(b => b.GetProperty("segments").EnumerateArray()).Select(x => x.GetProperty("text").GetString())), StringComparison.Ordinal);
    }
}
