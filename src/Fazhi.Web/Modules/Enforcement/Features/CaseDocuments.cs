using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Enforcement.Features;

/// <summary>The case's documents in 公文 form (DOCUMENTS.md): the notice of intended penalty, the decision, the hearing notice, the file's contents list.</summary>
public sealed class CaseDocuments(CaseService cases, OrganisationDirectory directory)
{
    private static string Date(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    private static string Money(decimal m) => Texts.Yuan(m);

    private static void PartyBlock(OfficialDocument doc, CaseParty p) =>
        doc.Paragraph($"当事人：{p.Name}" + (p.IdNumber is null ? "" : p.Kind == PartyKind.Person ? $"，公民身份号码 {p.IdNumber}" : $"，统一社会信用代码 {p.IdNumber}") +
            (p.Representative is null ? "" : $"，法定代表人 {p.Representative}") + (p.Address is null ? "" : $"，住所 {p.Address}") + (p.Plate is null ? "" : $"，号牌号码 {p.Plate}"));

    /// <summary>行政处罚事先告知书 (第44条): the facts, reasons, basis, the intended penalty and the rights of statement, defence and hearing.</summary>
    public async Task<byte[]> NoticeAsync(Guid id, CancellationToken ct = default)
    {
        var c = await cases.GetAsync(id, ct);
        if (c.NoticeServedOn is not { } served || c.ProposedKind is not { } kind)
        {
            throw new DomainException("enforcement.no_notice", "action", ErrorKind.Conflict);
        }

        var agency = await directory.NameAsync(c.DepartmentId, ct) ?? "";
        var doc = new OfficialDocument("行政处罚事先告知书", c.NoticeNumber ?? c.Number, agency);
        PartyBlock(doc, c.Party);
        doc.Paragraph($"经查，{c.Facts}")
            .Paragraph($"以上事实违反了{c.Provisions}。依据{c.Basis}" + (c.DiscretionCitation is null ? "" : $"，并参照本机关公布的行政处罚裁量基准（{c.DiscretionCitation}）") +
                $"，本机关拟对你（单位）作出如下行政处罚：{Texts.Penalty(kind)}" + (c.ProposedFine > 0 ? $"，罚款人民币{Money(c.ProposedFine)}元" : "") +
                (c.ProposedConfiscation > 0 ? $"，没收违法所得人民币{Money(c.ProposedConfiscation)}元" : "") + "。")
            .Paragraph("根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。本机关不因你（单位）陈述、申辩而给予更重的处罚。");
        if (c.HearingEligible)
        {
            doc.Paragraph($"根据《中华人民共和国行政处罚法》第六十三条、第六十四条的规定，你（单位）有权要求听证。如要求听证，应当在收到本告知书之日起五个工作日内（即{Date(c.HearingRequestWindow!.DueDate)}前）提出，逾期视为放弃听证。");
        }

        doc.Paragraph("执法人员：" + string.Join("、", c.ActiveOfficers.Select(o => $"{o.Name}（执法证号 {o.CertificateNumber}）")))
            .Signatures(["当事人签收"])
            .Issuer(agency + "（印章）", served);
        return doc.ToBytes();
    }

    /// <summary>
    /// 行政处罚决定书 with every 第59条 element: the party; the facts and evidence; the provisions breached; the penalty and its basis
    /// (the discretion entry applied); how and when it is performed; the remedies and their limits; the agency and its seal; the date.
    /// </summary>
    public async Task<byte[]> DecisionAsync(Guid id, CancellationToken ct = default)
    {
        var c = await cases.GetAsync(id, ct);
        if (c.DecidedOn is not { } decided || c.PenaltyKind is not { } kind)
        {
            throw new DomainException("enforcement.no_decision", "action", ErrorKind.Conflict);
        }

        var agency = await directory.NameAsync(c.DepartmentId, ct) ?? "";
        var title = c.Procedure == Procedure.Simple ? "当场行政处罚决定书" : kind == PenaltyKind.NoPenalty ? "不予行政处罚决定书" : "行政处罚决定书";
        var doc = new OfficialDocument(title, c.DecisionNumber, agency);
        PartyBlock(doc, c.Party);
        if (c.Procedure == Procedure.Simple)
        {
            // 第52条: the decision handed over on the spot states when and where the act was done.
            doc.Paragraph($"违法行为时间：{(c.ActAt is { } at ? Platform.Localization.ChinaTime.ToLocal(at).ToString("yyyy年M月d日 HH:mm", System.Globalization.CultureInfo.InvariantCulture) : Date(c.ActOn))}；地点：{c.ActPlace ?? "—"}");
        }

        doc.Heading("一、违法事实和证据").Paragraph(c.Facts);
        if (c.Evidence.Count > 0)
        {
            doc.Paragraph("上述事实，有以下证据证明：" + string.Join("；", c.Evidence.Select((e, i) => $"{i + 1}. {e.Title}")) + "。");
        }

        if (c.Statement is not null)
        {
            // The re-check as written, once: "经复核" is the document's words, not repeated when the officer wrote it too.
            var recheck = System.Text.RegularExpressions.Regex.Replace(c.StatementRecheck ?? "", @"^\s*经复核[：:，,]?\s*", "");
            doc.Paragraph($"当事人陈述、申辩意见：{OfficialDocument.Sentence(c.Statement)}经复核，{OfficialDocument.Sentence(recheck)}");
        }

        if (c.HearingHeldOn is { } heard)
        {
            doc.Paragraph($"本机关于{Date(heard)}依法举行了听证。");
        }

        doc.Heading("二、违反的法律、法规或者规章").Paragraph(c.Provisions ?? "")
            .Heading("三、行政处罚的种类和依据")
            .Paragraph($"依据{c.Basis}" + (c.DiscretionCitation is null ? "" : $"，适用本机关公布的裁量基准：{c.DiscretionCitation}") + $"，决定给予{Texts.Penalty(kind)}" +
                (c.Fine > 0 ? $"，罚款人民币{Money(c.Fine)}元" : "") + (c.Confiscation > 0 ? $"，没收违法所得人民币{Money(c.Confiscation)}元" : "") + "。")
            .Heading("四、履行方式和期限").Paragraph(c.Performance ?? "");
        if (c.Fine > 0)
        {
            doc.Paragraph("逾期不缴纳罚款的，依据《中华人民共和国行政处罚法》第七十二条第一款第一项的规定，每日按罚款数额的百分之三加处罚款，加处罚款的数额不超出罚款的数额。");
        }

        doc.Heading("五、救济途径和期限")
            .Paragraph("如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议，或者在六个月内依法向人民法院提起行政诉讼。申请行政复议或者提起行政诉讼期间，本决定不停止执行，法律另有规定的除外。")
            .Paragraph("本决定将依法在本机关行政执法公示平台公示。")
            .Paragraph("执法人员：" + string.Join("、", c.ActiveOfficers.Select(o => $"{o.Name}（执法证号 {o.CertificateNumber}）")));
        if (c.Procedure == Procedure.Simple)
        {
            // Handed to the party there: the party signs for it.
            doc.Signatures(["当事人签收（签名、日期）"]);
        }

        doc.Issuer(agency + "（印章）", decided);
        return doc.ToBytes();
    }

    /// <summary>听证通知书 (第64条): the time and place, noticed seven working days ahead; the presider; agents.</summary>
    public async Task<byte[]> HearingNoticeAsync(Guid id, CancellationToken ct = default)
    {
        var c = await cases.GetAsync(id, ct);
        if (c.HearingOn is not { } on)
        {
            throw new DomainException("enforcement.hearing_not_scheduled", "action", ErrorKind.Conflict);
        }

        var agency = await directory.NameAsync(c.DepartmentId, ct) ?? "";
        var doc = new OfficialDocument("行政处罚听证通知书", c.Number, agency);
        PartyBlock(doc, c.Party);
        doc.Paragraph($"根据你（单位）的申请，本机关定于{Date(on)}就{c.Matter}一案举行听证，由{c.HearingPresider}主持。")
            .Paragraph("你（单位）可以亲自参加听证，也可以委托一至二人代理。当事人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利。")
            .Paragraph("你（单位）认为主持人与本案有直接利害关系的，有权申请回避。")
            .Issuer(agency + "（印章）", c.HearingNoticedOn ?? on);
        return doc.ToBytes();
    }

    /// <summary>卷内目录: 一案一卷, every document and record step in order, with the file hash that fixes it.</summary>
    public async Task<byte[]> ContentsAsync(Guid id, CancellationToken ct = default)
    {
        var c = await cases.GetAsync(id, ct);
        var check = await cases.CheckRecordAsync(id, ct);
        var agency = await directory.NameAsync(c.DepartmentId, ct) ?? "";
        // 卷内目录: each entry with its document number (文号) where it has one, and its pages in the file (页号), one page an entry.
        string? Numbered(string kind) => kind switch
        {
            "registered" or "filing_approved" => c.Number,
            "notice" => c.NoticeNumber,
            "decided" or "on_the_spot" => c.DecisionNumber,
            "archived" => c.FileNumber,
            _ => null,
        };
        var rows = c.Steps.Select(s => new[]
        {
            s.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), Numbered(s.Kind) ?? "", Platform.Localization.ChinaTime.Format(s.At), EnforcementStrings.StepZh(s.Kind),
            s.ActorName ?? s.Actor, (s.FileName ?? StepNote.Render(s.Note, english: false) ?? "") + (s.FileSha256 is null ? "" : $"（SHA-256 {s.FileSha256[..16]}…）"),
            s.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).ToList();
        var doc = new OfficialDocument("卷内文件目录", c.FileNumber ?? c.Number, agency)
            .Paragraph($"案件：{c.Number} {c.Matter}" + (c.DecisionNumber is null ? "" : $"；决定书：{c.DecisionNumber}"))
            .Table(rows, ["序号", "文号", "时间", "步骤", "责任者", "文件或摘要", "页号"])
            .Paragraph($"全过程记录共{c.Steps.Count}项，哈希链" + (check.BrokenAt is { } broken ? $"自第{broken}项起不连续" : "完整") + "。")
            .Issuer(agency, c.ArchivedOn ?? c.ClosedOn ?? Platform.Localization.ChinaTime.DateOf(c.RegisteredAt));
        return doc.ToBytes();
    }
}
