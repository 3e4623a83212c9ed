using Fazhi.Web.Platform.Documents;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>
/// 一次性书面告知清单 as a Word document: every element an applicant needs, the materials with
/// originals and copies, and a QR code to the item's public page, in 公文 form (<see cref="OfficialDocument"/>).
/// </summary>
public static class OneTimeNotice
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Docx(ItemDetail item, string publicUrl, Platform.Localization.Text t)
    {
        var e = item.Elements;
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
        // In 公文 form like every other document (A4, the standard's fonts, margins and page numbers).
        var doc = new OfficialDocument(t["notice.title"], $"{t["field.code"]}：{item.Code}（{t["field.version"]} {item.Version}）")
            .Heading(e.Name)
            .Table([.. rows.Select(r => new[] { r.Item1, r.Item2 })])
            .Heading(t["notice.materials"])
            .Table([.. e.Materials.Select((m, i) => new[]
            {
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), m.Name, m.Originals.ToString(System.Globalization.CultureInfo.InvariantCulture),
                m.Copies.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Required ? t["notice.required_yes"].Value : t["notice.required_no"].Value, m.Note ?? "",
            })], ["#", t["notice.material"].Value, t["notice.originals"].Value, t["notice.copies"].Value, t["notice.required"].Value, t["notice.note"].Value])
            .Heading(t["notice.process"]);
        foreach (var (s, i) in e.Stages.Select((s, i) => (s, i)))
        {
            doc.Paragraph($"{i + 1}. {s.Name}（{t["notice.working_days", s.AllowanceDays]}）");
        }

        return doc.Paragraph(t["notice.promise", e.CommittedLimitDays, e.MaxVisits])
            .Paragraph(t["notice.scan"] + " " + publicUrl)
            .Image(Platform.Web.QrCodes.Png(publicUrl, 6), 3.5)
            .Paragraph(t["notice.supervision"])
            .ToBytes();
    }
}
