using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;


namespace Fazhi.Web.Modules.Services.Features;

/// <summary>
/// 一次性书面告知清单 as a Word document: every element an applicant needs, the materials with
/// originals and copies, and a QR code to the item's public page.
/// </summary>
public static class OneTimeNotice
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Docx(ItemDetail item, string publicUrl, Platform.Localization.Text t)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            main.Document = new Document(body);
            var e = item.Elements;
            body.Append(Paragraph(t["notice.title"], bold: true, size: 36, center: true));
            body.Append(Paragraph(e.Name, bold: true, size: 30, center: true));
            body.Append(Paragraph($"{t["field.code"]}：{item.Code}（{t["field.version"]} {item.Version}）", size: 20, center: true));

            var rows = new (string, string)[]
            {
                (t["notice.department"], item.DepartmentName),
                (t["field.legalBasis"], e.LegalBasis),
                (t["field.conditions"], e.Conditions),
                (t["field.fees"], e.Fees),
                (t["field.statutoryLimitDays"], t["notice.working_days", e.StatutoryLimitDays]),
                (t["field.committedLimitDays"], t["notice.working_days", e.CommittedLimitDays]),
                (t["field.place"], e.Place),
                (t["field.hours"], e.Hours),
                (t["notice.online"], e.Online ? t["yes"] : t["no"]),
                (t["field.maxVisits"], e.MaxVisits.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            };
            body.Append(Table(rows.Select(r => new[] { r.Item1, r.Item2 }).ToList(), header: null));

            body.Append(Paragraph(t["notice.materials"], bold: true, size: 26));
            var header = new[] { "#", t["notice.material"].Value, t["notice.originals"].Value, t["notice.copies"].Value, t["notice.required"].Value, t["notice.note"].Value };
            body.Append(Table(e.Materials.Select((m, i) => new[]
            {
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), m.Name, m.Originals.ToString(System.Globalization.CultureInfo.InvariantCulture),
                m.Copies.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Required ? t["notice.required_yes"].Value : t["notice.required_no"].Value, m.Note ?? "",
            }).ToList(), header));

            body.Append(Paragraph(t["notice.process"], bold: true, size: 26));
            foreach (var (s, i) in e.Stages.Select((s, i) => (s, i)))
            {
                body.Append(Paragraph($"{i + 1}. {s.Name}（{t["notice.working_days", s.AllowanceDays]}）", size: 22));
            }

            body.Append(Paragraph(t["notice.promise", e.CommittedLimitDays, e.MaxVisits], size: 22));
            body.Append(Paragraph(t["notice.scan"] + " " + publicUrl, size: 20));
            AppendQr(main, body, QrCodes.Png(publicUrl, 6));
            body.Append(Paragraph(t["notice.supervision"], size: 18));
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, bool bold = false, int size = 22, bool center = false)
    {
        var props = new RunProperties(new RunFonts { EastAsia = "SimSun", Ascii = "Arial", HighAnsi = "Arial" }, new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        if (bold)
        {
            props.Append(new Bold());
        }

        var p = new Paragraph(new Run(props, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        if (center)
        {
            p.ParagraphProperties = new ParagraphProperties(new Justification { Val = JustificationValues.Center });
        }

        return p;
    }

    private static Table Table(List<string[]> rows, string[]? header)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        foreach (var row in (header is null ? rows : rows.Prepend(header)))
        {
            var tr = new TableRow();
            foreach (var cell in row)
            {
                tr.Append(new TableCell(Paragraph(cell, bold: header is not null && row == header, size: 20)));
            }

            table.Append(tr);
        }

        return table;
    }

    private static void AppendQr(MainDocumentPart main, Body body, byte[] png)
    {
        var part = main.AddImagePart(ImagePartType.Png);
        using (var s = new MemoryStream(png))
        {
            part.FeedData(s);
        }

        const long size = 1_260_000L; // 3.5 cm in EMU
        var id = main.GetIdOfPart(part);
        var drawing = new Drawing(
            new DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline(
                new DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent { Cx = size, Cy = size },
                new DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties { Id = 1U, Name = "QR" },
                new DocumentFormat.OpenXml.Drawing.Graphic(
                    new DocumentFormat.OpenXml.Drawing.GraphicData(
                        new DocumentFormat.OpenXml.Drawing.Pictures.Picture(
                            new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureProperties(
                                new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualDrawingProperties { Id = 0U, Name = "qr.png" },
                                new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureDrawingProperties()),
                            new DocumentFormat.OpenXml.Drawing.Pictures.BlipFill(
                                new DocumentFormat.OpenXml.Drawing.Blip { Embed = id },
                                new DocumentFormat.OpenXml.Drawing.Stretch(new DocumentFormat.OpenXml.Drawing.FillRectangle())),
                            new DocumentFormat.OpenXml.Drawing.Pictures.ShapeProperties(
                                new DocumentFormat.OpenXml.Drawing.Transform2D(
                                    new DocumentFormat.OpenXml.Drawing.Offset { X = 0L, Y = 0L },
                                    new DocumentFormat.OpenXml.Drawing.Extents { Cx = size, Cy = size }),
                                new DocumentFormat.OpenXml.Drawing.PresetGeometry { Preset = DocumentFormat.OpenXml.Drawing.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        body.Append(new Paragraph(new Run(drawing)));
    }
}
