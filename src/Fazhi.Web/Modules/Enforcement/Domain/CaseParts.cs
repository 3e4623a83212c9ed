using Fazhi.Web.Platform.Cases;
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
public sealed class CaseParty : ICasePart
{
    public Guid CaseId { get; internal set; }

    public PartyKind Kind { get; internal set; }

    public string Name { get; internal set; } = "";

    /// <summary>身份证号 of a person, or the unified social credit code of an organisation.</summary>
    public string? IdNumber { get; internal set; }

    public string? Address { get; internal set; }

    public string? Phone { get; internal set; }

    /// <summary>号牌号码, when a vehicle is involved.</summary>
    public string? Plate { get; internal set; }

    /// <summary>法定代表人 of an organisation.</summary>
    public string? Representative { get; internal set; }

    /// <summary>The identifier again as a blind index: the party's earlier cases in the department are found by it (首违不罚, 第33条), never by the clear number.</summary>
    public string? IdLookup { get; internal set; }
}

public enum OfficerRole
{
    /// <summary>主办.</summary>
    Lead = 0,

    /// <summary>协办.</summary>
    Assisting = 1,
}

/// <summary>An officer on a case; one who withdrew (回避, 第43条) stays on record with the reason.</summary>
public sealed class CaseOfficer : ICasePart
{
    public Guid CaseId { get; internal set; }

    public Guid OfficerId { get; internal set; }

    public string Name { get; internal set; } = "";

    public string CertificateNumber { get; internal set; } = "";

    public string? UserName { get; internal set; }

    public OfficerRole Role { get; internal set; }

    public DateTime AssignedAt { get; internal set; }

    public DateTime? RecusedAt { get; internal set; }

    public string? RecusalReason { get; internal set; }

    /// <summary>第43条: the head who decided the recusal.</summary>
    public string? RecusalDecidedBy { get; internal set; }

    public bool Active => RecusedAt is null;
}

/// <summary>A piece of evidence, its file kept by SHA-256; 先行登记保存 (第56条) is decided within 7 working days.</summary>
public sealed class Evidence : ICasePart
{
    public const string PreservationClock = "enforcement.preservation";

    /// <summary>第56条 with 第85条: 七日 are working days.</summary>
    public const int PreservationDays = 7;

    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    public EvidenceKind Kind { get; internal set; }

    public string Title { get; internal set; } = "";

    public string? Sha256 { get; internal set; }

    public string? ContentType { get; internal set; }

    public long? Size { get; internal set; }

    public DateTime CollectedAt { get; internal set; }

    public string CollectedBy { get; internal set; } = "";

    /// <summary>先行登记保存: registered and preserved, to be decided within 7 working days.</summary>
    public bool Preserved { get; internal set; }

    public DeadlineClock? PreservationWindow { get; internal set; }

    /// <summary>What was decided on the preserved goods (returned, seized, confiscated …) and when.</summary>
    public string? PreservationOutcome { get; internal set; }

    public DateOnly? PreservationDecidedOn { get; internal set; }
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
public sealed class LegalityReview : ICasePart
{
    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    public DateTime SubmittedAt { get; internal set; }

    public string SubmittedBy { get; internal set; } = "";

    public string? Reviewer { get; internal set; }

    public string? ReviewerName { get; internal set; }

    public DateTime? ReviewedAt { get; internal set; }

    /// <summary>The points that failed; empty when all passed.</summary>
    public List<ReviewPoint> Failed { get; internal set; } = [];

    public bool? Passed { get; internal set; }

    public string? Opinion { get; internal set; }
}

/// <summary>A recorded approval to extend the 90-day decision limit (第60条: sector rules allow it with approval).</summary>
public sealed class Extension : ICasePart
{
    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    /// <summary>"filing" or "decision".</summary>
    public string Limit { get; internal set; } = "";

    public int Days { get; internal set; }

    public string Reason { get; internal set; } = "";

    public string ApprovedBy { get; internal set; } = "";

    public DateTime ApprovedAt { get; internal set; }

    /// <summary>A further extension of the decision limit: the heads' collective discussion that decided it (市场监管行政处罚程序规定 第64条).</summary>
    public string? Discussion { get; internal set; }
}

/// <summary>The periods the sector rules leave out of the 90-day limit (市场监管行政处罚程序规定 第64条第2款).</summary>
public enum PauseReason
{
    /// <summary>听证.</summary>
    Hearing = 0,

    /// <summary>检测、检验、检疫.</summary>
    Testing = 1,

    /// <summary>鉴定.</summary>
    Appraisal = 2,

    /// <summary>公告.</summary>
    Announcement = 3,
}

/// <summary>One period the 90-day limit stood still, with its reason.</summary>
public sealed class ClockPause : ICasePart
{
    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    public PauseReason Reason { get; internal set; }

    public string Note { get; internal set; } = "";

    public DateOnly From { get; internal set; }

    public DateOnly? To { get; internal set; }

    public string PausedBy { get; internal set; } = "";

    public string? ResumedBy { get; internal set; }
}

/// <summary>
/// One step of the full-process record (第47条; 118号文): append-only and chained by the platform, each step's hash covering
/// every field of it and the one before it, so a changed or removed step shows. A file attached to a step is named by its SHA-256.
/// </summary>
public sealed class RecordStep : CaseStep
{
    public string? FileSha256 { get; internal set; }

    public string? FileName { get; internal set; }

    public string? ContentType { get; internal set; }
}
