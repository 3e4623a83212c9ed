using System.Security.Cryptography;
using System.Text;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Deadlines;

namespace Fazhi.Web.Modules.Enforcement.Domain;

public enum CaseSource
{
    /// <summary>检查发现.</summary>
    Inspection = 0,

    /// <summary>投诉举报.</summary>
    Complaint = 1,

    /// <summary>上级交办、其他机关移送.</summary>
    Referral = 2,

    /// <summary>其他部门移交 (管辖移送).</summary>
    Transfer = 3,
}

public enum Procedure
{
    /// <summary>普通程序.</summary>
    Ordinary = 0,

    /// <summary>简易程序 (当场处罚, 第51条).</summary>
    Simple = 1,
}

public enum CaseStatus
{
    /// <summary>线索登记, waiting for the filing to be approved.</summary>
    Registered = 0,

    /// <summary>立案: investigation under way.</summary>
    Investigation = 1,

    /// <summary>行政处罚事先告知 served: statement, defence, hearing.</summary>
    Notified = 2,

    /// <summary>Decided (处罚决定 made), not yet served.</summary>
    Decided = 3,

    /// <summary>送达: waiting for performance.</summary>
    Served = 4,

    /// <summary>结案.</summary>
    Closed = 5,

    /// <summary>归档.</summary>
    Archived = 6,

    /// <summary>不予立案 (past the limitation, or no violation found).</summary>
    NotFiled = 7,
}

/// <summary>行政处罚的种类 (第9条), as the decision names them.</summary>
public enum PenaltyKind
{
    Warning = 0,
    Fine = 1,

    /// <summary>没收违法所得、没收非法财物.</summary>
    Confiscation = 2,

    /// <summary>暂扣许可证件、降低资质等级.</summary>
    LicenceSuspension = 3,

    /// <summary>吊销许可证件.</summary>
    LicenceRevocation = 4,

    /// <summary>限制开展生产经营活动、责令停产停业、责令关闭、限制从业.</summary>
    Restriction = 5,

    /// <summary>不予行政处罚 (第33条; 首违不罚).</summary>
    NoPenalty = 6,
}

public enum PartyKind
{
    Person = 0,
    Organisation = 1,
}

public enum EvidenceKind
{
    Document = 0,
    Photo = 1,
    Audio = 2,
    Video = 3,
    Physical = 4,
    Statement = 5,
}

public enum ServiceMethod
{
    /// <summary>直接送达.</summary>
    InPerson = 0,

    /// <summary>邮寄送达.</summary>
    Post = 1,

    /// <summary>电子送达: only with the party's signed consent (第61条).</summary>
    Electronic = 2,

    /// <summary>公告送达.</summary>
    Notice = 3,
}

/// <summary>当事人 of an enforcement case. Personal identifiers are encrypted at rest.</summary>
public sealed class CaseParty
{
    public Guid CaseId { get; set; }

    public PartyKind Kind { get; set; }

    public string Name { get; set; } = "";

    /// <summary>身份证号 of a person, or the unified social credit code of an organisation.</summary>
    public string? IdNumber { get; set; }

    public string? Address { get; set; }

    public string? Phone { get; set; }

    /// <summary>号牌号码, when a vehicle is involved.</summary>
    public string? Plate { get; set; }

    /// <summary>法定代表人 of an organisation.</summary>
    public string? Representative { get; set; }
}

public enum OfficerRole
{
    /// <summary>主办.</summary>
    Lead = 0,

    /// <summary>协办.</summary>
    Assisting = 1,
}

/// <summary>An officer on a case; one who withdrew (回避, 第43条) stays on record with the reason.</summary>
public sealed class CaseOfficer
{
    public Guid CaseId { get; set; }

    public Guid OfficerId { get; set; }

    public string Name { get; set; } = "";

    public string CertificateNumber { get; set; } = "";

    public string? UserName { get; set; }

    public OfficerRole Role { get; set; }

    public DateTime AssignedAt { get; set; }

    public DateTime? RecusedAt { get; set; }

    public string? RecusalReason { get; set; }

    public bool Active => RecusedAt is null;
}

/// <summary>A piece of evidence, its file kept by SHA-256; 先行登记保存 (第56条) is decided within 7 working days.</summary>
public sealed class Evidence
{
    public const string PreservationClock = "enforcement.preservation";

    /// <summary>第56条 with 第85条: 七日 are working days.</summary>
    public const int PreservationDays = 7;

    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public EvidenceKind Kind { get; set; }

    public string Title { get; set; } = "";

    public string? Sha256 { get; set; }

    public string? ContentType { get; set; }

    public long? Size { get; set; }

    public DateTime CollectedAt { get; set; }

    public string CollectedBy { get; set; } = "";

    /// <summary>先行登记保存: registered and preserved, to be decided within 7 working days.</summary>
    public bool Preserved { get; set; }

    public DeadlineClock? PreservationWindow { get; set; }

    /// <summary>What was decided on the preserved goods (returned, seized, confiscated …) and when.</summary>
    public string? PreservationOutcome { get; set; }

    public DateOnly? PreservationDecidedOn { get; set; }
}

/// <summary>Nine points of 法制审核 (第58条; 118号文): each checked, a review passes only when all pass.</summary>
public enum ReviewPoint
{
    Competence = 0,
    Qualification = 1,
    Facts = 2,
    Evidence = 3,
    Procedure = 4,
    Law = 5,
    Discretion = 6,
    Documents = 7,
    CrimeTransfer = 8,
}

/// <summary>One 法制审核 of a case, with the nine-point checklist and the opinion.</summary>
public sealed class LegalityReview
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public DateTime SubmittedAt { get; set; }

    public string SubmittedBy { get; set; } = "";

    public string? Reviewer { get; set; }

    public string? ReviewerName { get; set; }

    public DateTime? ReviewedAt { get; set; }

    /// <summary>The points that failed; empty when all passed.</summary>
    public List<ReviewPoint> Failed { get; set; } = [];

    public bool? Passed { get; set; }

    public string? Opinion { get; set; }
}

/// <summary>A recorded approval to extend the 90-day decision limit (第60条: sector rules allow it with approval).</summary>
public sealed class Extension
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    /// <summary>"filing" or "decision".</summary>
    public string Limit { get; set; } = "";

    public int Days { get; set; }

    public string Reason { get; set; } = "";

    public string ApprovedBy { get; set; } = "";

    public DateTime ApprovedAt { get; set; }
}

/// <summary>
/// One step of the full-process record (第47条; 118号文): append-only and chained, each step's hash covering the one
/// before it, so a changed or removed step shows. A file attached to a step is named by its SHA-256.
/// </summary>
public sealed class RecordStep
{
    public Guid Id { get; set; }

    public Guid CaseId { get; set; }

    public int Sequence { get; set; }

    public DateTime At { get; set; }

    public string Kind { get; set; } = "";

    public string Actor { get; set; } = "";

    public string? Note { get; set; }

    public string? FileSha256 { get; set; }

    public string? FileName { get; set; }

    public string? ContentType { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";

    public string ComputeHash() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join('\u001f', PreviousHash, Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), At.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Kind, Actor, Note ?? "", FileSha256 ?? "", FileName ?? ""))));
}

/// <summary>Who acts on a case and when, and the calendar limits are counted on.</summary>
public sealed record CaseActor(string UserName, string Name, DateTime Now, DateOnly Today, WorkingDayCalendar Calendar);
