using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Fazhi.Web.Platform.Lists;

/// <summary>One column of a list's Excel export: its header's string key and how a row gives its cell.</summary>
public sealed record ListColumn<T>(string HeaderKey, Func<T, object?> Value);

/// <summary>
/// The Excel export of a list, for every work line (dates as dates, numbers as numbers): what the list's filter and search keep (not only the page shown),
/// in the list's order, with headers in the reader's language. A list's export endpoint reads its rows with
/// <see cref="Paging.ExportRows"/> as the page size, so the export and the page come from one query and cannot disagree.
/// </summary>
public static class ListExport
{
    public static async Task<FileContentHttpResult> ExcelAsync<T>(Paged<T> rows, Text text, string fileName, params ListColumn<T>[] columns)
    {
        var sheet = new List<IDictionary<string, object?>>(rows.Items.Count + 1);
        foreach (var row in rows.Items)
        {
            var cells = new Dictionary<string, object?>(columns.Length);
            foreach (var c in columns)
            {
                cells[text[c.HeaderKey].Value] = c.Value(row);
            }

            sheet.Add(cells);
        }

        if (rows.Total > rows.Items.Count)
        {
            // Cut at the export's size: the last row says so, rather than a ledger that looks whole.
            var first = text[columns[0].HeaderKey].Value;
            sheet.Add(columns.ToDictionary(c => text[c.HeaderKey].Value, c => text[c.HeaderKey].Value == first ? text["list.export_cut", rows.Items.Count, rows.Total].Value : (object?)null));
        }

        var bytes = await Spreadsheet.WriteAsync(text["list.sheet"].Value, sheet);
        return TypedResults.File(bytes, Spreadsheet.ContentType, fileName);
    }
}
