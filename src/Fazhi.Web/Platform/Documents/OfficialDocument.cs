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

    /// <summary>Text as one sentence: its own closing punctuation replaced by one full stop, so joined parts never read "。。".</summary>
    public static string Sentence(string text) => text.Trim().TrimEnd('。', '.', '；', ';', '，', ',', '！', '!', ' ') + "。";

    // Fonts offices have, named as the East Asian font of each style, each declared in the font table with the font a
    // Debian machine has in its place (fonts-noto-cjk, fonts-arphic-ukai), which LibreOffice and WPS fall back to.
    private const string FangSong = "仿宋_GB2312";
    private const string Title = "方正小标宋简体";
    private const string Hei = "黑体";
    private const string Kai = "楷体_GB2312";
    private const string Latin = "Times New Roman";

    private static readonly (string Name, string Fallback, FontFamilyValues Family)[] Fonts =
    [
        (FangSong, "Noto Serif CJK SC", FontFamilyValues.Roman),
        (Title, "Noto Serif CJK SC", FontFamilyValues.Roman),
        (Hei, "Noto Sans CJK SC", FontFamilyValues.Swiss),
        (Kai, "AR PL UKai CN", FontFamilyValues.Script),
        (Latin, "Liberation Serif", FontFamilyValues.Roman),
    ];

    // The paragraph styles, defined once in styles.xml; every paragraph names one and its runs carry no formatting.
    private const string BodyStyle = "FazhiBody";
    private const string TitleStyle = "FazhiTitle";
    private const string NumberStyle = "FazhiNumber";
    private const string HeadingStyle = "FazhiHeading1";
    private const string SubheadingStyle = "FazhiHeading2";
    private const string IssuerStyle = "FazhiIssuer";
    private const string CellStyle = "FazhiCell";
    private const string HeaderCellStyle = "FazhiHeaderCell";
    private const string PictureStyle = "FazhiPicture";
    private const string SignatureStyle = "FazhiSignature";
    private const string AddresseeStyle = "FazhiAddressee";
    private const string FooterStyle = "FazhiFooter";

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

    /// <summary>
    /// A 公文 (number above the title), or, with <paramref name="organ"/>, an enforcement document as a case file holds it: the
    /// issuing organ's name above the title and the document number under it.
    /// </summary>
    public OfficialDocument(string title, string? number = null, string? organ = null)
    {
        if (organ is not null)
        {
            _body.Add(Para(organ, TitleStyle));
        }
        else if (number is not null)
        {
            _body.Add(Para(number, NumberStyle));
        }

        foreach (var line in title.Split('\n'))
        {
            _body.Add(Para(line, TitleStyle));
        }

        if (organ is not null && number is not null)
        {
            _body.Add(Para(number, NumberStyle));
        }

        _body.Add(Blank());
    }

    /// <summary>主送机关 under the title, flush left and ending in a full-width colon: 市人民政府：</summary>
    public OfficialDocument Addressee(string text)
    {
        _body.Add(Para(text.TrimEnd(':', '：') + "：", AddresseeStyle));
        return this;
    }

    /// <summary>A "一、" heading, 3号 黑体.</summary>
    public OfficialDocument Heading(string text)
    {
        _body.Add(Para(text, HeadingStyle));
        return this;
    }

    /// <summary>A "（一）" heading, 3号 楷体.</summary>
    public OfficialDocument Subheading(string text)
    {
        _body.Add(Para(text, SubheadingStyle));
        return this;
    }

    /// <summary>A body paragraph, first line indented two characters.</summary>
    public OfficialDocument Paragraph(string text)
    {
        _body.Add(Para(text, BodyStyle));
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
                tr.Append(new TableCell(Para(cell, row == header ? HeaderCellStyle : CellStyle)));
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
        _body.Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = PictureStyle }), new Run(drawing)));
        return this;
    }

    /// <summary>
    /// A block for each signer to sign, seal or press a fingerprint: the label with the space to sign on the left and the
    /// date on the right of one row (a borderless table, so the date never wraps onto a line of its own), a blank line below.
    /// </summary>
    public OfficialDocument Signatures(IEnumerable<string> signers)
    {
        // The date takes the nine characters it needs (and the cell margins); the label the rest of the line.
        const int dateTwips = 3100;
        const int labelTwips = TextWidthTwips - dateTwips;
        var table = new Table(new TableProperties(
            new TableWidth { Width = TextWidthTwips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
            new TableLayout { Type = TableLayoutValues.Fixed }));
        table.Append(new TableGrid(
            new GridColumn { Width = labelTwips.ToString(CultureInfo.InvariantCulture) },
            new GridColumn { Width = dateTwips.ToString(CultureInfo.InvariantCulture) }));
        foreach (var signer in signers)
        {
            table.Append(new TableRow(
                new TableCell(new TableCellProperties(new TableCellWidth { Width = labelTwips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                    Para($"{signer}（签名、盖章或按指印）：", SignatureStyle)),
                new TableCell(new TableCellProperties(new TableCellWidth { Width = dateTwips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                    Para("　　年　　月　　日", IssuerStyle, rightIndent: 0))));
            table.Append(new TableRow(
                new TableCell(new TableCellProperties(new TableCellWidth { Width = labelTwips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), Blank()),
                new TableCell(new TableCellProperties(new TableCellWidth { Width = dateTwips.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }), Blank())));
        }

        _body.Add(Blank());
        _body.Add(table);
        return this;
    }

    /// <summary>"附件：" one blank line after the body, indented two characters.</summary>
    public OfficialDocument Attachments(IReadOnlyList<string> names)
    {
        if (names.Count == 0)
        {
            return this;
        }

        _body.Add(Blank());
        _body.Add(Para("附件：" + (names.Count == 1 ? names[0] : string.Join("\n", names.Select((n, i) => $"{i + 1}. {n}"))), BodyStyle));
        return this;
    }

    /// <summary>The issuing body above the date (成文日期 in Arabic numerals, 2020年3月18日), right-aligned about four characters in.</summary>
    public OfficialDocument Issuer(string body, DateOnly date)
    {
        _body.Add(Blank());
        _body.Add(Para(body, IssuerStyle));
        _body.Add(Para(string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日"), IssuerStyle));
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

            var styles = main.AddNewPart<StyleDefinitionsPart>();
            styles.Styles = Styles();
            var fonts = main.AddNewPart<FontTablePart>();
            fonts.Fonts = new DocumentFormat.OpenXml.Wordprocessing.Fonts(Fonts.Select(f => new Font(
                new AltName { Val = f.Fallback },
                new FontCharSet { Val = f.Name == Latin ? "00" : "86" },
                new FontFamily { Val = f.Family },
                new Pitch { Val = FontPitchValues.Variable })
            { Name = f.Name }));
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
            new ParagraphProperties(
                new ParagraphStyleId { Val = FooterStyle },
                new Indentation { Left = side == JustificationValues.Left ? "320" : "0", Right = side == JustificationValues.Right ? "320" : "0" },
                new Justification { Val = side }),
            Run("— "),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }),
            Run(" —")));

    private static Run Run(string text) => new(new Text(text) { Space = SpaceProcessingModeValues.Preserve });

    private static Paragraph Blank() => Para("", BodyStyle);

    /// <summary>A paragraph of a style; a right indent of its own only where the style's would not fit (a table cell).</summary>
    private static Paragraph Para(string text, string style, int? rightIndent = null)
    {
        var props = new ParagraphProperties(new ParagraphStyleId { Val = style });
        if (rightIndent is { } right)
        {
            props.Append(new Indentation { Right = right.ToString(CultureInfo.InvariantCulture) });
        }

        var paragraph = new Paragraph(props);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var run = Run(lines[i]);
            if (i > 0)
            {
                run.PrependChild(new Break());
            }

            paragraph.Append(run);
        }

        return paragraph;
    }

    /// <summary>
    /// styles.xml: the document's defaults (3号 仿宋, exact 22-line spacing) and one paragraph style per element of the
    /// standard, so that a clerk who edits the document in Word or WPS keeps its form by picking a style.
    /// </summary>
    private static Styles Styles()
    {
        static string N(int value) => value.ToString(CultureInfo.InvariantCulture);
        static StyleRunProperties RunOf(string? eastAsia, int? size)
        {
            var run = new StyleRunProperties();
            if (eastAsia is not null)
            {
                run.Append(new RunFonts { EastAsia = eastAsia });
            }

            if (size is { } s)
            {
                run.Append(new FontSize { Val = N(s) }, new FontSizeComplexScript { Val = N(s) });
            }

            return run;
        }

        static Style Paragraph(string id, string name, string basedOn, StyleParagraphProperties? paragraph = null, StyleRunProperties? run = null)
        {
            var style = new Style(new StyleName { Val = name }, new BasedOn { Val = basedOn }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = id, CustomStyle = true };
            if (paragraph is not null)
            {
                style.Append(paragraph);
            }

            if (run is not null)
            {
                style.Append(run);
            }

            return style;
        }

        var auto = new SpacingBetweenLines { Line = "240", LineRule = LineSpacingRuleValues.Auto, Before = "0", After = "0" };
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Latin, HighAnsi = Latin, EastAsia = FangSong, ComplexScript = Latin },
                    new FontSize { Val = N(BodySize) }, new FontSizeComplexScript { Val = N(BodySize) },
                    new Languages { Val = "en-US", EastAsia = "zh-CN" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { Line = N(LineTwips), LineRule = LineSpacingRuleValues.Exact, Before = "0", After = "0" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Paragraph(BodyStyle, "公文正文", "Normal", new StyleParagraphProperties(new Indentation { FirstLine = N(IndentTwips) }, new Justification { Val = JustificationValues.Both })),
            Paragraph(TitleStyle, "公文标题", "Normal", new StyleParagraphProperties((SpacingBetweenLines)auto.CloneNode(true), new Justification { Val = JustificationValues.Center }), RunOf(Title, TitleSize)),
            Paragraph(NumberStyle, "发文字号", "Normal", new StyleParagraphProperties(new Justification { Val = JustificationValues.Center })),
            Paragraph(HeadingStyle, "一级标题", BodyStyle, null, RunOf(Hei, null)),
            Paragraph(SubheadingStyle, "二级标题", BodyStyle, null, RunOf(Kai, null)),
            Paragraph(IssuerStyle, "发文机关和成文日期", "Normal", new StyleParagraphProperties(new Indentation { Right = N(2 * IndentTwips) }, new Justification { Val = JustificationValues.Right })),
            Paragraph(CellStyle, "表格文字", "Normal", null, RunOf(null, 28)),
            Paragraph(HeaderCellStyle, "表头", CellStyle, null, RunOf(Hei, null)),
            Paragraph(PictureStyle, "图片", "Normal", new StyleParagraphProperties((SpacingBetweenLines)auto.CloneNode(true), new Justification { Val = JustificationValues.Center })),
            Paragraph(SignatureStyle, "签名", "Normal"),
            Paragraph(AddresseeStyle, "主送机关", "Normal"),
            Paragraph(FooterStyle, "页码", "Normal", null, RunOf(null, PageNumberSize)));
    }
}
