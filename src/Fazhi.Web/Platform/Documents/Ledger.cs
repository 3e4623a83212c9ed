using System.Globalization;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Platform.Documents;

/// <summary>One column of an Excel ledger: its Chinese and English headers. An export writes the reader's language; an import reads either.</summary>
public sealed record LedgerColumn(string Zh, string En)
{
    public string Header => Localization.Text.IsEnglish ? En : Zh;
}

/// <summary>A sheet of an Excel ledger, named in the reader's language; an import finds it by either name.</summary>
public sealed record LedgerSheet(string Zh, string En)
{
    public string Name => Localization.Text.IsEnglish ? En : Zh;
}

/// <summary>
/// One way to keep a ledger in Excel, for every import and export: rows are written under the headers of the reader's
/// language (<c>?culture=en</c> for English), dates as dates and numbers as numbers (<see cref="Spreadsheet"/>); an import
/// reads each row through <see cref="LedgerRow"/>, which records every bad cell against its row number and column, and
/// saves the good rows.
/// </summary>
public static class Ledger
{
    public static string YesNo(bool value) => Localization.Text.IsEnglish ? (value ? "Yes" : "No") : value ? "是" : "否";

    /// <summary>是/否 as clerks write them, and the English and spreadsheet spellings; null when empty or unknown.</summary>
    public static bool? ParseYesNo(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "是" or "Y" or "YES" or "TRUE" or "1" or "√" or "✓" => true,
        "否" or "N" or "NO" or "FALSE" or "0" or "×" or "✗" => false,
        _ => null,
    };

    /// <summary>A row for export: each column's header in the reader's language with its value (a date, a number or text, as it is).</summary>
    public static IDictionary<string, object?> Row(params (LedgerColumn Column, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Column.Header, c => c.Value);

    /// <summary>The rows of a sheet (by its Chinese or English name; the first sheet if it is absent) ready to be read cell by cell.</summary>
    public static IEnumerable<LedgerRow> Rows(Stream file, LedgerSheet? sheet, Text text)
    {
        var rows = sheet is null ? Spreadsheet.Read(file) : Spreadsheet.Read(file, sheet.Zh) is { Count: > 0 } zh ? zh : Spreadsheet.Read(file, sheet.En);
        return rows.Select(r => new LedgerRow(r.Row, r.Cells, text));
    }

    /// <summary>Refuses what is not an .xlsx workbook, or is too large, before any row is read.</summary>
    public static void CheckWorkbook(Stream file)
    {
        if (file.Length > Spreadsheet.MaxImportBytes)
        {
            throw new DomainException("request.too_large", "file");
        }

        if (!Spreadsheet.IsSpreadsheet(file))
        {
            throw new DomainException("import.not_xlsx", "file");
        }
    }
}

/// <summary>One row of an import being read: each typed read records what is wrong with its cell.</summary>
public sealed class LedgerRow(int number, Dictionary<string, string> cells, Text text)
{
    public int Number { get; } = number;

    public List<ImportRowError> Errors { get; } = [];

    public bool Ok => Errors.Count == 0;

    public bool Has(LedgerColumn column) => cells.ContainsKey(column.Zh) || cells.ContainsKey(column.En);

    public string Text(LedgerColumn column) => Spreadsheet.Cell(cells, column.Zh, column.En);

    public string? Optional(LedgerColumn column) => Text(column) is { Length: > 0 } v ? v : null;

    public int? Whole(LedgerColumn column, int? whenEmpty = null)
    {
        var value = Text(column);
        if (value.Length == 0 && whenEmpty is not null)
        {
            return whenEmpty;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Fail(column, "import.not_a_number");
        return null;
    }

    public decimal? Amount(LedgerColumn column)
    {
        var value = Text(column);
        if (value.Length == 0)
        {
            return null;
        }

        if (decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var n))
        {
            return n;
        }

        Fail(column, "import.not_a_number");
        return null;
    }

    public DateOnly? Date(LedgerColumn column)
    {
        var value = Text(column);
        if (value.Length == 0)
        {
            return null;
        }

        // A date cell reads back as a date and time; a text cell as 2019-09-25 or 2019/9/25.
        if (DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            return DateOnly.FromDateTime(d);
        }

        Fail(column, "date_format");
        return null;
    }

    public bool YesNo(LedgerColumn column, bool whenEmpty)
    {
        var value = Text(column);
        if (value.Length == 0)
        {
            return whenEmpty;
        }

        if (Ledger.ParseYesNo(value) is { } b)
        {
            return b;
        }

        Fail(column, "import.unknown_value", value);
        return whenEmpty;
    }

    /// <summary>A value from a closed set, by any of its names (Chinese or English).</summary>
    public T? Choice<T>(LedgerColumn column, IReadOnlyDictionary<string, T> names, T? whenEmpty = null)
        where T : struct
    {
        var value = Text(column);
        if (value.Length == 0 && whenEmpty is not null)
        {
            return whenEmpty;
        }

        if (names.TryGetValue(value, out var found))
        {
            return found;
        }

        Fail(column, "import.unknown_value", value);
        return null;
    }

    /// <summary>A list in one cell, split on the commas and pauses clerks type (, ， 、 ;).</summary>
    public IReadOnlyList<string> List(LedgerColumn column) =>
        Text(column).Split([',', '，', '、', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public void Fail(LedgerColumn column, string code, params object[] args) =>
        Errors.Add(new ImportRowError(Number, column.Header, text.Error(code, args)));

    /// <summary>Saves the row through the same service a form uses; its refusal becomes this row's errors.</summary>
    public async Task<bool> TryAsync(Func<Task> save)
    {
        try
        {
            await save();
            return true;
        }
        catch (ValidationFailedException v)
        {
            Errors.AddRange(v.Errors.Select(e => new ImportRowError(Number, text.Field(e.Field), text.Error(e.Code, e.Args))));
        }
        catch (DomainException d)
        {
            Errors.Add(new ImportRowError(Number, d.Field is null ? "" : text.Field(d.Field), text.Error(d.Code, d.Args)));
        }

        return false;
    }
}
