using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Fazhi.Tests.Infrastructure;

namespace Fazhi.Tests.Platform;

/// <summary>
/// Every Excel export of the demo town, read as Excel and WPS read it: dates are dates and numbers are numbers (no "number
/// stored as text"), headers in the reader's language, phones masked for a reader who does not keep them. "Every" is what the
/// API document lists as answering an .xlsx.
/// </summary>
public sealed partial class ExcelExportsTests(DemoTownFactory app) : IClassFixture<DemoTownFactory>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    [GeneratedRegex(@"^\d{4}[-/]\d{1,2}[-/]\d{1,2}( \d{1,2}:\d{2}(:\d{2})?)?$")]
    private static partial Regex DateText();

    // A short number written as text (long digit strings are identifiers: phones, ID and certificate numbers, codes).
    [GeneratedRegex(@"^-?\d{1,6}([.,]\d+)?%?$")]
    private static partial Regex NumberText();

    private async Task<(string Url, HttpClient Client)?> FetchableAsync(string route, string? culture = null)
    {
        var year = DateTime.UtcNow.Year - 1;
        var url = route.Replace("{year}", year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{month}", "6", StringComparison.Ordinal);
        var supervisor = await app.SignedInAsync("supervisor");
        if (url.Contains("{name}", StringComparison.Ordinal))
        {
            var figures = await supervisor.GetFromJsonAsync<JsonElement>($"/api/figures?from={year}-01-01&to={year}-12-31");
            url = url.Replace("{name}", figures.EnumerateArray().First(f => f.GetProperty("value").GetDecimal() > 0).GetProperty("name").GetString(), StringComparison.Ordinal);
        }

        if (url.StartsWith("/api/publicity/exams/{id}/", StringComparison.Ordinal))
        {
            // Last year's law exam: its score sheet.
            var exams = await supervisor.GetFromJsonAsync<JsonElement>("/api/publicity/exams");
            url = url.Replace("{id}", exams.EnumerateArray().First().GetProperty("id").GetString(), StringComparison.Ordinal);
        }

        if (url.Contains("{sid}", StringComparison.Ordinal))
        {
            // The demo's 2019 report as signed: every figure and its source.
            var reports = await supervisor.GetFromJsonAsync<JsonElement>("/api/report");
            url = url.Replace("{sid}", reports.EnumerateArray().First().GetProperty("signedSnapshotId").GetString(), StringComparison.Ordinal);
        }

        if (url.Contains("{id}", StringComparison.Ordinal))
        {
            var draws = await supervisor.GetFromJsonAsync<JsonElement>("/api/enforcement/evaluation/draws");
            url = url.Replace("{id}", draws.EnumerateArray().First().GetProperty("id").GetString(), StringComparison.Ordinal);
        }

        url += culture is null ? "" : (url.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "culture=" + culture;
        // The export as whoever may read it: the first of the demo town's accounts that is answered.
        foreach (var account in new[] { "admin", "supervisor", "officer.msa", "mediator", "clerk" })
        {
            var client = await app.SignedInAsync(account);
            if ((await client.GetAsync(url)).StatusCode == HttpStatusCode.OK)
            {
                return (url, client);
            }
        }

        return null;
    }

    private static IEnumerable<(string Sheet, int Row, string Header, Cell Cell, string Text)> Cells(SpreadsheetDocument book)
    {
        var shared = book.WorkbookPart!.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        string TextOf(Cell c) => c.DataType?.Value == CellValues.SharedString ? shared[int.Parse(c.CellValue!.Text, CultureInfo.InvariantCulture)]
            : c.DataType?.Value == CellValues.InlineString ? c.InlineString?.InnerText ?? "" : c.CellValue?.Text ?? "";
        foreach (var sheet in book.WorkbookPart.Workbook.Sheets!.Elements<Sheet>())
        {
            var part = (WorksheetPart)book.WorkbookPart.GetPartById(sheet.Id!);
            var rows = part.Worksheet.Descendants<Row>().ToList();
            if (rows.Count == 0)
            {
                continue;
            }

            var headers = rows[0].Elements<Cell>().ToDictionary(c => Regex.Replace(c.CellReference!.Value!, @"\d", ""), TextOf);
            foreach (var row in rows.Skip(1))
            {
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = Regex.Replace(cell.CellReference!.Value!, @"\d", "");
                    yield return (sheet.Name!.Value!, (int)row.RowIndex!.Value, headers.GetValueOrDefault(column, column), cell, TextOf(cell));
                }
            }
        }
    }

    private static bool IsText(Cell c) => c.DataType?.Value is { } t && (t == CellValues.String || t == CellValues.SharedString || t == CellValues.InlineString);

    [Fact]
    public async Task Every_excel_export_writes_dates_as_dates_and_numbers_as_numbers()
    {
        var routes = await ApiDocument.RoutesAnsweringAsync(app.Anonymous(), Xlsx);
        Assert.True(routes.Count >= 19, string.Join(", ", routes));

        var problems = new List<string>();
        var dates = 0;
        foreach (var route in routes)
        {
            if (await FetchableAsync(route) is not { } fetch)
            {
                problems.Add($"{route}: no demo account is answered");
                continue;
            }

            var response = await fetch.Client.GetAsync(fetch.Url);
            using var book = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), false);
            var formats = book.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
            var custom = formats.NumberingFormats?.Elements<NumberingFormat>().ToDictionary(f => f.NumberFormatId!.Value, f => f.FormatCode!.Value!) ?? [];
            var cellFormats = formats.CellFormats!.Elements<CellFormat>().ToList();
            foreach (var (sheet, row, header, cell, text) in Cells(book))
            {
                // The audit record names each changed record by its key as written (a GUID, a day of the calendar, a year).
                if (route == "/api/audit/export" && header == "记录编号")
                {
                    continue;
                }

                if (IsText(cell) && DateText().IsMatch(text))
                {
                    problems.Add($"{route} {sheet}!{header} row {row}: the date {text} is text");
                }
                else if (IsText(cell) && NumberText().IsMatch(text))
                {
                    problems.Add($"{route} {sheet}!{header} row {row}: the number {text} is text");
                }
                else if (!IsText(cell) && cell.StyleIndex is { } style && cellFormats[(int)style.Value].NumberFormatId?.Value is { } id
                    && (id is >= 14 and <= 22 || (custom.TryGetValue(id, out var code) && code.Contains('y', StringComparison.Ordinal))))
                {
                    dates++;
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.GroupBy(p => p[..p.IndexOf(" row ", StringComparison.Ordinal)]).Select(g => $"{g.Count()} × {g.First()}")));
        Assert.True(dates > 100, $"only {dates} date cells across the exports");
    }

    [Fact]
    public async Task An_export_asked_for_in_English_has_English_headers_and_sheet_names()
    {
        var officer = await app.SignedInAsync("officer.msa");
        foreach (var (url, header) in new[] { ("/api/enforcement/officers/export", "CertificateNumber"), ("/api/enforcement/cases/export", "Case number") })
        {
            using var zh = SpreadsheetDocument.Open(new MemoryStream(await officer.GetByteArrayAsync(url)), false);
            using var en = SpreadsheetDocument.Open(new MemoryStream(await officer.GetByteArrayAsync(url + "?culture=en")), false);
            var zhHeaders = Cells(zh).Select(c => c.Header).Distinct().ToList();
            var enHeaders = Cells(en).Select(c => c.Header).Distinct().ToList();
            Assert.Contains(header, enHeaders);
            Assert.DoesNotContain(header, zhHeaders);
            Assert.All(enHeaders, h => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", h));
        }

        using var sheets = SpreadsheetDocument.Open(new MemoryStream(await officer.GetByteArrayAsync("/api/enforcement/officers/export?culture=en")), false);
        Assert.Equal("Officers", sheets.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single().Name!.Value);
    }

    [Fact]
    public async Task Phones_are_in_full_only_for_the_readers_who_keep_them_and_a_ledger_sent_back_keeps_them()
    {
        var admin = await app.SignedInAsync("admin");
        var supervisor = await app.SignedInAsync("supervisor");
        List<string> Phones(byte[] xlsx)
        {
            using var book = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
            return [.. Cells(book).Where(c => c.Header is "手机" or "Phone" && c.Text.Length > 0).Select(c => c.Text)];
        }

        // Staff accounts: the administrator keeps them; the supervisor reads them masked, in the ledger as in the API.
        var full = Phones(await admin.GetByteArrayAsync("/api/org/staff/export"));
        Assert.NotEmpty(full);
        Assert.All(full, p => Assert.Matches(@"^1\d{10}$", p));
        var masked = Phones(await supervisor.GetByteArrayAsync("/api/org/staff/export"));
        Assert.Equal(full.Count, masked.Count);
        Assert.All(masked, p => Assert.Matches(@"^1\d{2}\*{4}\d{4}$", p));
        var listed = (await supervisor.GetFromJsonAsync<JsonElement>("/api/org/staff?pageSize=200")).GetProperty("items").EnumerateArray()
            .Select(s => s.GetProperty("phone")).Where(p => p.ValueKind == JsonValueKind.String).Select(p => p.GetString()!).ToList();
        Assert.All(listed, p => Assert.Contains("*", p, StringComparison.Ordinal));

        // The mediators' ledger: the justice office keeps it in full; sent back with a masked phone, the stored one stays.
        var mediators = Phones(await supervisor.GetByteArrayAsync("/api/mediation/mediators/export"));
        Assert.NotEmpty(mediators);
        Assert.All(mediators, p => Assert.Matches(@"^1\d{10}$", p));
        var (town, lead, _) = await SampleCases.TownMediatorsAsync(await app.SignedInAsync("mediator"));
        var mine = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/mediation/mediators?committeeId={town}")).GetProperty("items").EnumerateArray()
            .Single(m => m.GetProperty("id").GetGuid() == lead);
        var shown = mine.GetProperty("phone").GetString()!;
        Assert.Contains("*", shown, StringComparison.Ordinal);
        var before = Phones(await supervisor.GetByteArrayAsync("/api/mediation/mediators/export")).ToHashSet();
        var saved = await supervisor.PutAsJsonAsync($"/api/mediation/mediators/{lead}", new
        {
            name = mine.GetProperty("name").GetString(), gender = mine.GetProperty("gender").GetString(), phone = shown, committeeId = town,
            specialities = mine.GetProperty("specialities").EnumerateArray().Select(s => s.GetString()).ToArray(),
            userName = mine.GetProperty("userName").GetString(), isLawyer = mine.GetProperty("isLawyer").GetBoolean(), isActive = true,
        });
        Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        Assert.Equal(before, Phones(await supervisor.GetByteArrayAsync("/api/mediation/mediators/export")).ToHashSet());
    }
}
