using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Fazhi.Web.Platform.Documents;

/// <summary>
/// A Word document in 公文 form (GB/T 9704-2012, DOCUMENTS.md): A4 with the standard margins, the title in
/// 2号 小标宋, the body in 3号 仿宋 at 22 lines of 28 characters, headings in 黑体 and 楷体, first lines indented
/// two characters, the issuing body and date right-aligned, page numbers "— 1 —" outside. Styles are defined
/// once here; every module writes its decisions, agreements and notices through it.
/// </summary>
public sealed class OfficialDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    // Fonts offices have, named as the East Asian font of each style; LibreOffice falls back to Noto CJK.
    private const string FangSong = "仿宋_GB2312";
    private const string Title = "方正小标宋简体";
    private const string Hei = "黑体";
    private const string Kai = "楷体_GB2312";

    // Half-points: 3号 = 16 pt, 2号 = 22 pt, 4号 = 14 pt.
    private const int BodySize = 32;
    private const int TitleSize = 44;
    private const int PageNumberSize = 28;

    // 225 mm of text in 22 lines: 28.95 pt a line (579 twentieths of a point); two characters of 16 pt indent.
    private const int LineTwips = 579;
    private const int IndentTwips = 640;

    /// <summary>The text block's width: A4 (11906) less the 28 mm and 26 mm side margins.</summary>
    private const int TextWidthTwips = 11906 - 1588 - 1474;

    private readonly List<OpenXmlElement> _body = [];

    private readonly List<(string Id, byte[] Png)> _images = [];

    public OfficialDocument(string title, string? number = null)
    {
        if (number is not null)
        {
            _body.Add(Para(number, FangSong, BodySize, JustificationValues.Center));
        }

        foreach (var line in title.Split('\n'))
        {
            _body.Add(Para(line, Title, TitleSize, JustificationValues.Center, exact: false));
        }

        _body.Add(Para("", FangSong, BodySize));
    }

    /// <summary>A "一、" heading, 3号 黑体.</summary>
    public OfficialDocument Heading(string text)
    {
        _body.Add(Para(text, Hei, BodySize, indent: true));
        return this;
    }

    /// <summary>A "（一）" heading, 3号 楷体.</summary>
    public OfficialDocument Subheading(string text)
    {
        _body.Add(Para(text, Kai, BodySize, indent: true));
        return this;
    }

    /// <summary>A body paragraph, first line indented two characters.</summary>
    public OfficialDocument Paragraph(string text)
    {
        _body.Add(Para(text, FangSong, BodySize, indent: true));
        return this;
    }

    /// <summary>A label and its text on one paragraph (当事人：…), the label kept as written.</summary>
    public OfficialDocument Field(string label, string value) => Paragraph($"{label}：{value}");

    /// <summary>A ruled table in the body's font, the first row as header when <paramref name="header"/> is given.</summary>
    public OfficialDocument Table(IReadOnlyList<string[]> rows, string[]? header = null)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            // In the schema's order: top, left, bottom, right, inside.
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        // The grid the rows' cells sit on (required): the text width shared equally.
        var columns = Math.Max(1, (header is null ? rows : rows.Prepend(header)).Select(r => r.Length).DefaultIfEmpty(1).Max());
        var grid = new TableGrid();
        for (var i = 0; i < columns; i++)
        {
            grid.Append(new GridColumn { Width = (TextWidthTwips / columns).ToString(CultureInfo.InvariantCulture) });
        }

        table.Append(grid);
        foreach (var row in header is null ? rows : rows.Prepend(header))
        {
            var tr = new TableRow();
            foreach (var cell in row)
            {
                tr.Append(new TableCell(Para(cell, row == header ? Hei : FangSong, 28)));
            }

            table.Append(tr);
        }

        _body.Add(table);
        return this;
    }

    /// <summary>A PNG picture (a QR code, a seal) on a line of its own, centred, <paramref name="centimetres"/> wide and high.</summary>
    public OfficialDocument Image(byte[] png, double centimetres)
    {
        var id = "rIdImage" + (_images.Count + 1).ToString(CultureInfo.InvariantCulture);
        _images.Add((id, png));
        var size = (long)(centimetres * 360_000); // EMU
        var number = (uint)_images.Count;
        var drawing = new Drawing(
            new DocumentFormat.OpenXml.Drawing.Wordprocessing.Inline(
                new DocumentFormat.OpenXml.Drawing.Wordprocessing.Extent { Cx = size, Cy = size },
                new DocumentFormat.OpenXml.Drawing.Wordprocessing.DocProperties { Id = number, Name = "image" + number },
                new DocumentFormat.OpenXml.Drawing.Graphic(
                    new DocumentFormat.OpenXml.Drawing.GraphicData(
                        new DocumentFormat.OpenXml.Drawing.Pictures.Picture(
                            new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureProperties(
                                new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualDrawingProperties { Id = number, Name = "image" + number + ".png" },
                                new DocumentFormat.OpenXml.Drawing.Pictures.NonVisualPictureDrawingProperties()),
                            new DocumentFormat.OpenXml.Drawing.Pictures.BlipFill(
                                new DocumentFormat.OpenXml.Drawing.Blip { Embed = id },
                                new DocumentFormat.OpenXml.Drawing.Stretch(new DocumentFormat.OpenXml.Drawing.FillRectangle())),
                            new DocumentFormat.OpenXml.Drawing.Pictures.ShapeProperties(
                                new DocumentFormat.OpenXml.Drawing.Transform2D(
                                    new DocumentFormat.OpenXml.Drawing.Offset { X = 0L, Y = 0L },
                                    new DocumentFormat.OpenXml.Drawing.Extents { Cx = size, Cy = size }),
                                new DocumentFormat.OpenXml.Drawing.PresetGeometry(new DocumentFormat.OpenXml.Drawing.AdjustValueList()) { Preset = DocumentFormat.OpenXml.Drawing.ShapeTypeValues.Rectangle })))
                    { Uri = "http://schemas.openxmlformats.org/drawingml/2006/picture" }))
            { DistanceFromTop = 0U, DistanceFromBottom = 0U, DistanceFromLeft = 0U, DistanceFromRight = 0U });
        _body.Add(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }), new Run(drawing)));
        return this;
    }

    /// <summary>Lines left blank for signatures, seals or fingerprints: one "name：＿＿＿" line each, then the date line.</summary>
    public OfficialDocument Signatures(IEnumerable<string> signers)
    {
        _body.Add(Para("", FangSong, BodySize));
        foreach (var signer in signers)
        {
            _body.Add(Para($"{signer}（签名、盖章或按指印）：＿＿＿＿＿＿＿＿　　年　　月　　日", FangSong, BodySize, indent: true));
        }

        return this;
    }

    /// <summary>"附件：" one blank line after the body, indented two characters.</summary>
    public OfficialDocument Attachments(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return this;
        }

        _body.Add(Para("", FangSong, BodySize));
        _body.Add(Para("附件：" + (names.Count == 1 ? names[0] : string.Join("\n", names.Select((n, i) => $"{i + 1}. {n}"))), FangSong, BodySize, indent: true));
        return this;
    }

    /// <summary>The issuing body above the date (成文日期 in Arabic numerals, 2020年3月18日), right-aligned about four characters in.</summary>
    public OfficialDocument Issuer(string body, DateOnly date)
    {
        _body.Add(Para("", FangSong, BodySize));
        _body.Add(Para(body, FangSong, BodySize, JustificationValues.Right, rightIndent: 4 * IndentTwips / 2));
        _body.Add(Para(string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日"), FangSong, BodySize, JustificationValues.Right, rightIndent: 4 * IndentTwips / 2));
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var odd = main.AddNewPart<FooterPart>();
            odd.Footer = Footer(JustificationValues.Right);
            var even = main.AddNewPart<FooterPart>();
            even.Footer = Footer(JustificationValues.Left);
            foreach (var (id, png) in _images)
            {
                var part = main.AddImagePart(ImagePartType.Png, id);
                using var content = new MemoryStream(png);
                part.FeedData(content);
            }

            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new EvenAndOddHeaders());
            var body = new Body();
            foreach (var element in _body)
            {
                body.Append(element.CloneNode(true));
            }

            // A4; margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (in twentieths of a point); the page number 7 mm below the text.
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(odd) },
                new FooterReference { Type = HeaderFooterValues.Even, Id = main.GetIdOfPart(even) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 1587U },
                new DocGrid { Type = DocGridValues.LinesAndChars, LinePitch = LineTwips, CharacterSpace = 0 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Footer Footer(JustificationValues side) =>
        new(new Paragraph(
            new ParagraphProperties(new Indentation { Left = side == JustificationValues.Left ? "320" : "0", Right = side == JustificationValues.Right ? "320" : "0" }, new Justification { Val = side }),
            Run("— ", PageNumberSize),
            new Run(RunProps(FangSong, PageNumberSize), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(RunProps(FangSong, PageNumberSize), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(RunProps(FangSong, PageNumberSize), new FieldChar { FieldCharType = FieldCharValues.End }),
            Run(" —", PageNumberSize)));

    private static Run Run(string text, int size) =>
        new(RunProps(FangSong, size), new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static RunProperties RunProps(string eastAsia, int size) =>
        new(new RunFonts { EastAsia = eastAsia, Ascii = "Times New Roman", HighAnsi = "Times New Roman" }, new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });

    private static Paragraph Para(string text, string font, int size, JustificationValues? align = null, bool indent = false, int rightIndent = 0, bool exact = true)
    {
        // The body keeps its exact 22-line grid; the larger title takes the height it needs.
        var props = new ParagraphProperties(exact
            ? new SpacingBetweenLines { Line = LineTwips.ToString(CultureInfo.InvariantCulture), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }
            : new SpacingBetweenLines { Before = "0", After = "0" });
        if (indent || rightIndent > 0)
        {
            // Only the attributes that are set: an empty one is invalid (Word repairs it, the validator refuses it).
            var indentation = new Indentation();
            if (indent)
            {
                indentation.FirstLine = IndentTwips.ToString(CultureInfo.InvariantCulture);
            }

            if (rightIndent > 0)
            {
                indentation.Right = rightIndent.ToString(CultureInfo.InvariantCulture);
            }

            props.Append(indentation);
        }

        if (align is { } a)
        {
            props.Append(new Justification { Val = a });
        }

        var paragraph = new Paragraph(props);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = new Run(RunProps(font, size), new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
            if (i > 0)
            {
                run.PrependChild(new Break());
            }

            paragraph.Append(run);
        }

        return paragraph;
    }
}
