using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.Platform;

/// <summary>Every Word document the demo town produces, read as Word and WPS read it: valid Open XML, A4, in 公文 form.</summary>
public sealed class WordDocumentsTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    private static async Task<Guid> FirstAsync(HttpClient client, string url) =>
        (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray().First().GetProperty("id").GetGuid();

    // The hearing notice is made by the same OfficialDocument; the demo town has no case with a hearing scheduled to fetch it from.
    [Fact]
    public async Task Every_word_document_passes_the_open_xml_validator_on_a4()
    {
        var officer = await app.SignedInAsync("officer.msa");
        var mediator = await app.SignedInAsync("mediator");
        var archived = await FirstAsync(officer, "/api/enforcement/cases?status=Archived");
        var settled = await FirstAsync(mediator, "/api/mediation/cases?status=Settled");
        var documents = new (HttpClient Client, string Url)[]
        {
            (app.Anonymous(), "/services/items/TX-QY-001/notice.docx"),
            (officer, $"/api/enforcement/cases/{archived}/notice.docx"),
            (officer, $"/api/enforcement/cases/{archived}/decision.docx"),
            (officer, $"/api/enforcement/cases/{archived}/contents.docx"),
            (mediator, $"/api/mediation/cases/{settled}/agreement.docx"),
            (mediator, $"/api/mediation/cases/{settled}/rights-notice.docx"),
        };

        var problems = new List<string>();
        foreach (var (client, url) in documents)
        {
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                problems.Add($"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                continue;
            }

            using var doc = WordprocessingDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            problems.AddRange(new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc).Take(5).Select(e => $"{url} {e.Path?.XPath}: {e.Description}"));
            var size = doc.MainDocumentPart!.Document.Body!.Elements<SectionProperties>().Single().GetFirstChild<PageSize>()!;
            if ((size.Width?.Value, size.Height?.Value) != (11906U, 16838U))
            {
                problems.Add($"{url}: page {size.Width?.Value} × {size.Height?.Value}, not A4");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
