using System.Diagnostics;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Fazhi.Web.Platform.Documents;

namespace Fazhi.Tests.Platform;

/// <summary>Word documents in 公文 form (GB/T 9704-2012).</summary>
public sealed class OfficialDocumentTests
{
    private static byte[] Sample() =>
        new OfficialDocument("人民调解协议书", "塘调〔2019〕3号")
            .Heading("一、当事人")
            .Paragraph("甲方：林晓雨；乙方：陈大文。")
            .Heading("二、协议内容")
            .Paragraph(string.Concat(Enumerable.Repeat("双方自愿达成如下协议。", 60)))
            .Table([["林晓雨", "申请人"], ["陈大文", "被申请人"]], ["姓名", "身份"])
            .Signatures(["甲方", "乙方", "调解员"])
            .Attachments(["调解笔录"])
            .Issuer("塘厦镇人民调解委员会", new DateOnly(2020, 3, 18))
            .ToBytes();

    [Fact]
    public void The_page_margins_fonts_and_date_follow_the_standard()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Sample()), false);
        var body = doc.MainDocumentPart!.Document.Body!;
        var section = body.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        var margin = section.GetFirstChild<PageMargin>()!;
        // A4, and 37 / 35 / 28 / 26 mm in twentieths of a point (1 mm = 56.7).
        Assert.Equal((11906U, 16838U), (size.Width!.Value, size.Height!.Value));
        Assert.Equal(37, Math.Round(margin.Top!.Value / 56.7));
        Assert.Equal(35, Math.Round(margin.Bottom!.Value / 56.7));
        Assert.Equal(28, Math.Round(margin.Left!.Value / 56.7));
        Assert.Equal(26, Math.Round(margin.Right!.Value / 56.7));

        // Formatting lives in styles.xml: a paragraph names its style, its runs carry nothing of their own.
        var styles = doc.MainDocumentPart.StyleDefinitionsPart!.Styles!;
        var defaults = styles.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        Assert.All(body.Descendants<Run>(), r => Assert.Null(r.RunProperties));
        T? FromStyles<T>(string text, Func<StyleRunProperties, T?> pick, Func<RunPropertiesBaseStyle, T?> fallback)
            where T : class
        {
            var id = body.Descendants<Paragraph>().First(p => p.InnerText.Contains(text, StringComparison.Ordinal)).ParagraphProperties!.ParagraphStyleId!.Val!.Value;
            while (id is not null)
            {
                var style = styles.Elements<Style>().Single(x => x.StyleId == id);
                if (style.StyleRunProperties is { } run && pick(run) is { } found)
                {
                    return found;
                }

                id = style.BasedOn?.Val?.Value;
            }

            return fallback(defaults);
        }

        string FontOf(string text) => FromStyles(text, r => r.RunFonts?.EastAsia?.Value, d => d.RunFonts?.EastAsia?.Value)!;
        Assert.Equal("方正小标宋简体", FontOf("人民调解协议书"));
        Assert.Equal("黑体", FontOf("一、当事人"));
        Assert.Equal("仿宋_GB2312", FontOf("甲方：林晓雨"));
        Assert.Equal("32", FromStyles("甲方：林晓雨", r => r.FontSize?.Val?.Value, d => d.FontSize?.Val?.Value));
        Assert.Equal("44", FromStyles("人民调解协议书", r => r.FontSize?.Val?.Value, d => d.FontSize?.Val?.Value));

        // Each font offices have is declared with the font a Debian machine has in its place.
        var declared = doc.MainDocumentPart.FontTablePart!.Fonts!.Elements<Font>().ToDictionary(f => f.Name!.Value!, f => f.AltName?.Val?.Value);
        Assert.Equal("Noto Serif CJK SC", declared["仿宋_GB2312"]);
        Assert.Equal("Noto Sans CJK SC", declared["黑体"]);
        Assert.Equal("AR PL UKai CN", declared["楷体_GB2312"]);
        Assert.True(declared.ContainsKey("方正小标宋简体"));
        Assert.Contains(body.Descendants<Paragraph>(), p => p.InnerText == "2020年3月18日");
        Assert.Contains(body.Descendants<Paragraph>(), p => p.InnerText == "塘调〔2019〕3号");
        Assert.Equal(2, doc.MainDocumentPart.FooterParts.Count());
    }

    [Fact]
    public void It_passes_the_Open_XML_validator_as_Word_and_WPS_read_it()
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(Sample()), false);
        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator(DocumentFormat.OpenXml.FileFormatVersions.Office2019).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors.Take(20)));
    }

    [Fact]
    public async Task LibreOffice_opens_it_as_a_paginated_document_where_it_is_installed()
    {
        var soffice = new[] { "/usr/bin/soffice", "/usr/bin/libreoffice" }.FirstOrDefault(File.Exists);
        if (soffice is null || !File.Exists("/usr/bin/pdftotext"))
        {
            // CI installs LibreOffice; this proof needs it (the layout checks above do not).
            Assert.True(Environment.GetEnvironmentVariable("FAZHI_REQUIRE_BROWSER") != "1", "LibreOffice and pdftotext are missing");
            return;
        }

        var dir = Directory.CreateTempSubdirectory("fazhi-docx").FullName;
        var docx = Path.Combine(dir, "agreement.docx");
        await File.WriteAllBytesAsync(docx, Sample());
        var convert = Process.Start(new ProcessStartInfo(soffice, ["--headless", "-env:UserInstallation=file://" + Path.Combine(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, docx]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        await convert.WaitForExitAsync();
        var pdf = Path.Combine(dir, "agreement.pdf");
        Assert.True(File.Exists(pdf), await convert.StandardError.ReadToEndAsync());
        var text = Process.Start(new ProcessStartInfo("/usr/bin/pdftotext", ["-layout", pdf, "-"]) { RedirectStandardOutput = true })!;
        var content = await text.StandardOutput.ReadToEndAsync();
        await text.WaitForExitAsync();
        Assert.Contains("人民调解协议书", content, StringComparison.Ordinal);
        // Page numbers between em dashes on each page (the extraction drops the spaces).
        var compact = content.Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("—1—", compact, StringComparison.Ordinal);
        Assert.Contains("—2—", compact, StringComparison.Ordinal);
        // Each signer's date stays on the signer's line, never wrapped onto one of its own.
        var lines = content.Split('\n').Select(l => l.Replace(" ", "", StringComparison.Ordinal).Replace("\u3000", "", StringComparison.Ordinal)).ToList();
        foreach (var signer in new[] { "甲方", "乙方", "调解员" })
        {
            Assert.Contains(lines, l => l.StartsWith(signer + "（签名、盖章或按指印）：", StringComparison.Ordinal) && l.EndsWith("年月日", StringComparison.Ordinal));
        }

        Assert.DoesNotContain(lines, l => l == "年月日");
    }
}
