using MiniExcel = MiniExcelLibs.MiniExcel;

namespace Fazhi.Web.Platform.Documents;

/// <summary>A ratio written as an Excel number with a percentage format (0.9924 shows as 99.24%), so that it sorts and adds as a number.</summary>
public readonly record struct Percentage(decimal Ratio);

/// <summary>Excel ledgers in and out: rows as header → value, the way clerks keep them.</summary>
public static class Spreadsheet
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Largest workbook an import accepts.</summary>
    public const long MaxImportBytes = 5 * 1024 * 1024;

    /// <summary>
    /// Writes the sheets. A date (<see cref="DateOnly"/>) is an Excel date shown as 2019-09-25, an instant (a UTC
    /// <see cref="DateTime"/>) an Excel date and time in China time (2019-09-25 14:05), a number a number: a clerk sorts,
    /// filters and adds them in Excel or WPS as they are.
    /// </summary>
    public static async Task<byte[]> WriteAsync(IReadOnlyDictionary<string, IEnumerable<IDictionary<string, object?>>> sheets)
    {
        using var stream = new MemoryStream();
        var formats = new Dictionary<string, string>(StringComparer.Ordinal);
        var data = sheets.ToDictionary(s => s.Key, s => (object)s.Value.Select(row => Typed(row, formats)).ToList());
        var configuration = new MiniExcelLibs.OpenXml.OpenXmlConfiguration
        {
            DynamicColumns = [.. formats.Select(f => new MiniExcelLibs.Attributes.DynamicExcelColumn(f.Key) { Format = f.Value })],
        };
        await MiniExcel.SaveAsAsync(stream, data, configuration: configuration);
        return stream.ToArray();
    }

    public const string DateFormat = "yyyy-mm-dd";

    public const string InstantFormat = "yyyy-mm-dd hh:mm";

    public const string PercentFormat = "0.00%";

    private static Dictionary<string, object?> Typed(IDictionary<string, object?> row, Dictionary<string, string> formats)
    {
        var typed = new Dictionary<string, object?>(row.Count, StringComparer.Ordinal);
        foreach (var (header, value) in row)
        {
            switch (value)
            {
                case DateOnly d:
                    typed[header] = d.ToDateTime(TimeOnly.MinValue);
                    formats.TryAdd(header, DateFormat);
                    break;
                case DateTime t:
                    typed[header] = t.Kind == DateTimeKind.Unspecified ? t : Localization.ChinaTime.ToLocal(t);
                    formats.TryAdd(header, t.Kind == DateTimeKind.Unspecified && t.TimeOfDay == TimeSpan.Zero ? DateFormat : InstantFormat);
                    break;
                case Percentage p:
                    typed[header] = p.Ratio;
                    formats.TryAdd(header, PercentFormat);
                    break;
                default:
                    typed[header] = value;
                    break;
            }
        }

        return typed;
    }

    public static Task<byte[]> WriteAsync(string sheet, IEnumerable<IDictionary<string, object?>> rows) =>
        WriteAsync(new Dictionary<string, IEnumerable<IDictionary<string, object?>>> { [sheet] = rows });

    /// <summary>
    /// The rows of one sheet (the first if <paramref name="sheet"/> is absent), each with its row
    /// number as Excel shows it (the header is row 1), keyed by header text.
    /// </summary>
    public static List<(int Row, Dictionary<string, string> Cells)> Read(Stream stream, string? sheet = null)
    {
        var names = MiniExcel.GetSheetNames(stream);
        if (sheet is not null && !names.Contains(sheet))
        {
            return [];
        }

        stream.Position = 0;
        var result = new List<(int, Dictionary<string, string>)>();
        var row = 1;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: true, sheetName: sheet ?? names.FirstOrDefault()))
        {
            row++;
            var values = cells
                .Where(c => !string.IsNullOrWhiteSpace(c.Key))
                .ToDictionary(c => c.Key.Trim(), c => AsText(c.Value));
            if (values.Values.All(string.IsNullOrEmpty))
            {
                continue;
            }

            result.Add((row, values));
        }

        return result;
    }

    // A date cell reads as the date a clerk sees (2019-09-25, with its time if it has one); a number as it is written.
    private static string AsText(object? value) => value switch
    {
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)?.Trim() ?? "",
    };

    /// <summary>The value under any of a column's names (Chinese or English header).</summary>
    public static string Cell(Dictionary<string, string> cells, params string[] headers)
    {
        foreach (var h in headers)
        {
            if (cells.TryGetValue(h, out var v))
            {
                return v;
            }
        }

        return "";
    }

    /// <summary>An uploaded file in memory (imports read it more than once), refused if over <paramref name="maxBytes"/>.</summary>
    public static async Task<MemoryStream> BufferAsync(Microsoft.AspNetCore.Http.IFormFile file, long maxBytes, CancellationToken ct = default)
    {
        if (file.Length > maxBytes)
        {
            throw new Web.DomainException("request.too_large", "file");
        }

        var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        buffer.Position = 0;
        return buffer;
    }

    public static bool IsSpreadsheet(Stream stream)
    {
        // An .xlsx file is a zip archive: it starts with "PK\x03\x04".
        Span<byte> head = stackalloc byte[4];
        var read = stream.Read(head);
        stream.Position = 0;
        return read == 4 && head[0] == 0x50 && head[1] == 0x4B && head[2] == 0x03 && head[3] == 0x04;
    }
}

/// <summary>One bad row of an import: which row, which column, and what is wrong.</summary>
public sealed record ImportRowError(int Row, string Field, string Message);

/// <summary>What an import did: rows created, rows updated, and every row refused with its reason.</summary>
public sealed record ImportReport(int Created, int Updated, IReadOnlyList<ImportRowError> Errors);
