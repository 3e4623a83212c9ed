using Fazhi.Web.Modules.Report.Domain;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;

namespace Fazhi.Web.Modules.Report.Features;

/// <summary>
/// The report's outputs from one snapshot: the Word document in 公文 form (GB/T 9704, the kit's <see cref="OfficialDocument"/>:
/// title in 小标宋, body in 仿宋 3号, parts in 黑体 and sections in 楷体, page numbers, issuer and date) and the Excel sheet of
/// every figure with its source. Both read the frozen snapshot only, so they come out the same however often they are made.
/// </summary>
public static class ReportOutputs
{
    public static byte[] Word(SnapshotView s)
    {
        var doc = new OfficialDocument(s.Title).Addressee(s.Addressee);
        foreach (var b in s.Blocks)
        {
            _ = b.Kind switch
            {
                "part" => doc.Heading(b.Text),
                "section" => doc.Subheading(b.Text),
                _ => doc.Paragraph(b.Text),
            };
        }

        doc.Issuer(s.Issuer, s.IssuedOn);
        // Figures from outside the platform are named as such (附注), as on every page that prints them.
        var supplied = s.Figures.Where(f => f.Source == FigureSource.Supplied).ToList();
        if (supplied.Count > 0)
        {
            doc.Paragraph(s.Language == "en"
                ? "(Note: supplied by departments, not counted by the platform: " + string.Join("; ", supplied.Select(f => $"{f.Label} {f.Printed}, {f.SourceNote}")) + ".)"
                : "（附注：以下数据由有关部门提供，非本平台统计：" + string.Join("；", supplied.Select(f => $"{f.Label}{f.Printed}，{f.SourceNote}")) + "。）");
        }

        return doc.ToBytes();
    }

    public static string WordName(SnapshotView s) => $"{s.Year}-report-{s.Number}.docx";

    /// <summary>Every figure of the snapshot with its period, value, print, source and the number of records behind it.</summary>
    public static Task<byte[]> ExcelAsync(SnapshotView s, Text text) =>
        Spreadsheet.WriteAsync(text["report.excel.sheet"], s.Figures.Select(f => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [text["report.excel.key"]] = f.Key,
            [text["report.excel.label"]] = f.Label,
            [text["report.excel.source"]] = f.Source == FigureSource.Supplied ? text["report.source.supplied"].Value : text["report.source.records"].Value,
            [text["report.excel.module"]] = f.Module,
            [text["report.excel.from"]] = f.From,
            [text["report.excel.to"]] = f.To,
            [text["report.excel.value"]] = f.Value,
            // As printed: 140余, 下降22.30%; a plain rate or count stays a number.
            [text["report.excel.printed"]] = f.Printed == SlotText.Percent(f.Value) ? new Percentage(f.Value) : decimal.TryParse(f.Printed, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : f.Printed,
            [text["report.excel.records"]] = f.Source == FigureSource.Supplied ? null : f.RecordCount,
            [text["report.excel.previous"]] = f.Previous,
            [text["report.excel.previous_source"]] = f.PreviousSource switch
            {
                PreviousSource.Records => text["report.previous.records"].Value,
                PreviousSource.Report => text["report.previous.report"].Value,
                _ => null,
            },
            [text["report.excel.note"]] = f.SourceNote,
        }));

    public static string ExcelName(SnapshotView s) => $"{s.Year}-report-{s.Number}-figures.xlsx";
}
