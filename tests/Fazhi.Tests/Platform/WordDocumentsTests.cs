using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.Platform;

/// <summary>
/// Every Word document the demo town produces, read as Word and WPS read it: valid Open XML, A4, styles in styles.xml, and
/// opened by LibreOffice. "Every" is what the API document lists as answering a .docx, so a new one is checked (or the test
/// says it has no sample for it).
/// </summary>
public sealed class WordDocumentsTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid())];

    /// <summary>Each document's route as the API document writes it, with who fetches it and for which record.</summary>
    private async Task<List<(string Route, HttpClient Client, string Url)>> SamplesAsync(IEnumerable<string> routes)
    {
        var officer = await app.SignedInAsync("officer.msa");
        var supervisor = await app.SignedInAsync("supervisor");
        var mediator = await app.SignedInAsync("mediator");
        var archived = (await IdsAsync(officer, "/api/enforcement/cases?status=Archived"))[0];
        // A settled case with a written agreement (an oral one has no agreement to print).
        var settled = Guid.Empty;
        foreach (var id in await IdsAsync(mediator, "/api/mediation/cases?status=Settled"))
        {
            if ((await mediator.GetFromJsonAsync<JsonElement>($"/api/mediation/cases/{id}")).GetProperty("agreement").GetProperty("kind").GetString() == "Written")
            {
                settled = id;
                break;
            }
        }

        Assert.NotEqual(Guid.Empty, settled);
        var samples = new List<(string, HttpClient, string)>();
        foreach (var route in routes)
        {
            switch (route)
            {
                case "/services/items/{code}/notice.docx":
                    samples.Add((route, app.Anonymous(), route.Replace("{code}", "TX-QY-001", StringComparison.Ordinal)));
                    break;
                case "/api/enforcement/cases/{id}/hearing-notice.docx":
                    // A case whose hearing was scheduled: the first of the town's that answers a notice.
                    for (var page = 1; page <= 5 && samples.All(s => s.Item1 != route); page++)
                    {
                        foreach (var id in await IdsAsync(supervisor, $"/api/enforcement/cases?pageSize=200&page={page}"))
                        {
                            var url = route.Replace("{id}", id.ToString(), StringComparison.Ordinal);
                            if ((await supervisor.GetAsync(url)).StatusCode == HttpStatusCode.OK)
                            {
                                samples.Add((route, supervisor, url));
                                break;
                            }
                        }
                    }

                    break;
                case var r when r.StartsWith("/api/enforcement/cases/{id}/", StringComparison.Ordinal):
                    samples.Add((route, officer, route.Replace("{id}", archived.ToString(), StringComparison.Ordinal)));
                    break;
                case var r when r.StartsWith("/api/legal-aid/applications/{id}/", StringComparison.Ordinal):
                    // A refused application: its written decision.
                    samples.Add((route, supervisor, route.Replace("{id}", (await IdsAsync(supervisor, "/api/legal-aid/applications?status=Refused"))[0].ToString(), StringComparison.Ordinal)));
                    break;
                case "/api/petitions/{id}/documents/{kind}.docx":
                    // Each kind of the petition's written documents, from a petition that has it.
                    var petitions = await app.SignedInAsync("petition.officer");
                    foreach (var (kind, status) in new[] { ("notice", "Diverted"), ("opinion", "Answered"), ("review", "ReReviewed"), ("rereview", "ReReviewed") })
                    {
                        var id = (await IdsAsync(petitions, $"/api/petitions?status={status}"))[0];
                        samples.Add((route, petitions, route.Replace("{id}", id.ToString(), StringComparison.Ordinal).Replace("{kind}", kind, StringComparison.Ordinal)));
                    }

                    break;
                case "/api/documents/{id}/check-opinion.docx":
                    // A filed document: its legality check's written opinion.
                    var legal = await app.SignedInAsync("legal.officer");
                    samples.Add((route, legal, route.Replace("{id}", (await IdsAsync(legal, "/api/documents?status=Filed"))[0].ToString(), StringComparison.Ordinal)));
                    break;
                case "/api/documents/decisions/{id}/contents.docx":
                    var office = await app.SignedInAsync("legal.officer");
                    samples.Add((route, office, route.Replace("{id}", (await IdsAsync(office, "/api/documents/decisions?status=Decided"))[0].ToString(), StringComparison.Ordinal)));
                    break;
                case "/api/documents/opinions/{id}/opinion.docx":
                    var lawyers = await app.SignedInAsync("legal.officer");
                    samples.Add((route, lawyers, route.Replace("{id}", (await IdsAsync(lawyers, "/api/documents/opinions?status=Answered"))[0].ToString(), StringComparison.Ordinal)));
                    break;
                case "/api/publicity/work-points/{year}/document.docx":
                    // Last year's work points, issued by the legal office.
                    var publicity = await app.SignedInAsync("pufa.officer");
                    samples.Add((route, publicity, route.Replace("{year}", (DateTime.UtcNow.AddHours(8).Year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)));
                    break;
                case "/api/report/snapshots/{sid}/document.docx":
                    // The demo's 2019 report as the leaders signed it.
                    var report = await app.SignedInAsync("fzb.report");
                    var signed = (await report.GetFromJsonAsync<JsonElement>("/api/report"))[0].GetProperty("signedSnapshotId").GetGuid();
                    samples.Add((route, report, route.Replace("{sid}", signed.ToString(), StringComparison.Ordinal)));
                    break;
                case "/api/public/report/{year}/document.docx":
                    samples.Add((route, app.Anonymous(), route.Replace("{year}", "2019", StringComparison.Ordinal)));
                    break;
                case var r when r.StartsWith("/api/mediation/cases/{id}/", StringComparison.Ordinal):
                    samples.Add((route, mediator, route.Replace("{id}", settled.ToString(), StringComparison.Ordinal)));
                    break;
                default:
                    break;
            }
        }

        return samples;
    }

    [Fact]
    public async Task Every_word_document_passes_the_open_xml_validator_on_a4_with_its_styles_and_opens_in_LibreOffice()
    {
        var routes = await ApiDocument.RoutesAnsweringAsync(app.Anonymous(), Docx);
        Assert.True(routes.Count >= 7, string.Join(", ", routes));
        var samples = await SamplesAsync(routes);
        Assert.Equal(routes.Order(), samples.Select(s => s.Route).Distinct().Order()); // a document without a sample here is not checked: add one

        var dir = Directory.CreateTempSubdirectory("fazhi-word").FullName;
        var problems = new List<string>();
        var files = new List<string>();
        foreach (var (route, client, url) in samples)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != Docx)
            {
                problems.Add($"{url}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {await response.Content.ReadAsStringAsync()}");
                continue;
            }

            var bytes = await response.Content.ReadAsByteArrayAsync();
            using (var word = WordprocessingDocument.Open(new MemoryStream(bytes), false))
            {
                problems.AddRange(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(word).Take(5).Select(e => $"{url} {e.Path?.XPath}: {e.Description}"));
                var main = word.MainDocumentPart!;
                var size = main.Document.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
                if ((size.Width?.Value, size.Height?.Value) != (11906U, 16838U))
                {
                    problems.Add($"{url}: page {size.Width?.Value} × {size.Height?.Value}, not A4");
                }

                // The form is in styles.xml, once: every paragraph names a style defined there, no run formats itself.
                var styles = main.StyleDefinitionsPart?.Styles?.Elements<Style>().Select(s => s.StyleId?.Value).ToHashSet() ?? [];
                var unstyled = main.Document.Body!.Descendants<Paragraph>().Count(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value is not { } id || !styles.Contains(id));
                if (unstyled > 0 || main.Document.Body!.Descendants<RunProperties>().Any())
                {
                    problems.Add($"{url}: {unstyled} paragraphs without a defined style, or runs formatted by hand");
                }

                if (main.FontTablePart?.Fonts?.Elements<Font>().Any(f => f.Name?.Value == "仿宋_GB2312" && f.AltName?.Val?.Value is { Length: > 0 }) != true)
                {
                    problems.Add($"{url}: 仿宋_GB2312 is not declared with a fallback");
                }
            }

            var file = Path.Combine(dir, $"{files.Count:D2}.docx");
            await File.WriteAllBytesAsync(file, bytes);
            files.Add(file);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);
        if (soffice is null || !File.Exists("/usr/bin/pdftotext"))
        {
            // CI installs LibreOffice and demands this proof; without it the checks above stand alone.
            Assert.True(Environment.GetEnvironmentVariable("FAZHI_REQUIRE_BROWSER") != "1", "LibreOffice and pdftotext are missing");
            return;
        }

        // One LibreOffice run converts them all, as a town office's would open them.
        using (var convert = Process.Start(new ProcessStartInfo(soffice, ["--headless", "-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, .. files])
        { RedirectStandardOutput = true, RedirectStandardError = true })!)
        {
            await convert.WaitForExitAsync();
        }

        foreach (var (file, sample) in files.Zip(samples))
        {
            var pdf = Path.ChangeExtension(file, ".pdf");
            Assert.True(File.Exists(pdf), $"LibreOffice did not convert {sample.Url}");
            using var text = Process.Start(new ProcessStartInfo("/usr/bin/pdftotext", [pdf, "-"]) { RedirectStandardOutput = true })!;
            var content = await text.StandardOutput.ReadToEndAsync();
            await text.WaitForExitAsync();
            Assert.True(content.Replace(" ", "", StringComparison.Ordinal).Contains("—1—", StringComparison.Ordinal), $"{sample.Url}: no page number in the PDF");
        }
    }
}
