using Fazhi.Web.Platform.Data;

namespace Fazhi.Web.Modules.Publicity.Domain;

/// <summary>
/// A department's 谁执法谁普法 responsibility list for a year: the laws it must publicise, to whom and how. Effective-dated: a new
/// list of the same department ends the one before on the day before it takes effect.
/// </summary>
public sealed class ResponsibilityList : IVersioned
{
    public Guid Id { get; set; }

    public Guid DepartmentId { get; set; }

    public string DepartmentName { get; set; } = "";

    public int Year { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The last day it was in force, once a later list replaced it.</summary>
    public DateOnly? EffectiveTo { get; set; }

    public DateTime CreatedAt { get; set; }

    public string CreatedBy { get; set; } = "";

    public Guid RowVersion { get; set; }

    public List<ResponsibilityItem> Items { get; set; } = [];

    public bool InForce(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || EffectiveTo >= day);
}

/// <summary>One line of a list: a law, its audience, the means.</summary>
public sealed class ResponsibilityItem
{
    public Guid Id { get; set; }

    public Guid ListId { get; set; }

    public int Order { get; set; }

    public string Law { get; set; } = "";

    public string Audience { get; set; } = "";

    public string Method { get; set; } = "";
}

/// <summary>The year's work points (普法依法治理工作要点), issued as a document.</summary>
public sealed class WorkPoints : IVersioned
{
    public Guid Id { get; set; }

    public int Year { get; set; }

    public string Title { get; set; } = "";

    /// <summary>e.g. 塘依法治办〔2026〕1号.</summary>
    public string? Number { get; set; }

    /// <summary>The points, one paragraph a line.</summary>
    public string Text { get; set; } = "";

    public DateOnly IssuedOn { get; set; }

    public Guid RowVersion { get; set; }
}

public enum SchoolKind
{
    /// <summary>小学</summary>
    Primary = 0,

    /// <summary>初中</summary>
    Middle = 1,

    /// <summary>九年一贯制</summary>
    NineYear = 2,

    /// <summary>高中 / 职校</summary>
    High = 3,
}

/// <summary>A school of the town, where events are held (宪法教育进校园).</summary>
public sealed class School
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public SchoolKind Kind { get; set; }

    public Guid? CommunityId { get; set; }

    public string? CommunityName { get; set; }

    /// <summary>学法园地 built there, and when.</summary>
    public DateOnly? StudyCornerOn { get; set; }

    public bool Active { get; set; } = true;
}

public enum SiteKind
{
    /// <summary>法治文化主题公园</summary>
    ThemePark = 0,

    /// <summary>社区法治文化阵地</summary>
    Community = 1,

    /// <summary>校园阵地 (校园法苑)</summary>
    School = 2,

    /// <summary>企业法治文化建设</summary>
    Business = 3,

    /// <summary>民主法治社区 (示范村/社区): a community's title, created or re-examined at the level that awarded it.</summary>
    ModelCommunity = 4,

    Other = 9,
}

public enum SiteLevel
{
    Town = 0,
    City = 1,
    Provincial = 2,
    National = 3,
}

/// <summary>A law-culture site (法治文化阵地) or a business's law-culture project, at the level that recognised it.</summary>
public sealed class Site
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    public SiteKind Kind { get; set; }

    public SiteLevel Level { get; set; }

    public Guid? CommunityId { get; set; }

    public string? CommunityName { get; set; }

    public DateOnly OpenedOn { get; set; }

    public string? Note { get; set; }
}

public enum SessionKind
{
    /// <summary>党委理论学习中心组学法</summary>
    CentralGroup = 0,

    /// <summary>部门集体学法</summary>
    Department = 1,

    /// <summary>领导干部学法讲座</summary>
    Lecture = 2,

    /// <summary>旁听庭审</summary>
    CourtHearing = 3,

    /// <summary>观看法治电影 / 庭审直播</summary>
    Film = 4,

    /// <summary>
    /// 普法责任制联席会议: the member units of 谁执法谁普法 report on their duty (成员单位履职报告); the attendees are the
    /// units' representatives. Not a study session.
    /// </summary>
    JointMeeting = 5,
}

/// <summary>A study session, lecture or court-hearing visit, with its attendees from the staff list.</summary>
public sealed class StudySession
{
    public Guid Id { get; set; }

    public SessionKind Kind { get; set; }

    /// <summary>The organising body (党委, a department).</summary>
    public Guid DepartmentId { get; set; }

    public string DepartmentName { get; set; } = "";

    public string Topic { get; set; } = "";

    public DateOnly Date { get; set; }

    public string Place { get; set; } = "";

    public string? Speaker { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<SessionAttendee> Attendees { get; set; } = [];
}

public sealed class SessionAttendee
{
    public Guid Id { get; set; }

    public Guid SessionId { get; set; }

    public Guid StaffId { get; set; }

    public string Name { get; set; } = "";

    public string DepartmentName { get; set; } = "";
}

/// <summary>The staff's annual law exam (国家工作人员学法考试): its marks and who must sit it.</summary>
public sealed class LawExam : IVersioned
{
    public Guid Id { get; set; }

    public int Year { get; set; }

    public string Title { get; set; } = "";

    public DateOnly HeldOn { get; set; }

    public decimal FullMarks { get; set; } = 100;

    public decimal PassMark { get; set; } = 60;

    public decimal ExcellentMark { get; set; } = 90;

    public Guid RowVersion { get; set; }

    public List<ExamCandidate> Candidates { get; set; } = [];
}

/// <summary>A staff member who must sit the exam; exempt with a reason, or with the score imported.</summary>
public sealed class ExamCandidate
{
    public Guid Id { get; set; }

    public Guid ExamId { get; set; }

    public Guid StaffId { get; set; }

    public string UserName { get; set; } = "";

    public string Name { get; set; } = "";

    public Guid DepartmentId { get; set; }

    public string DepartmentName { get; set; } = "";

    public string? ExemptReason { get; set; }

    public decimal? Score { get; set; }

    public bool Exempt => ExemptReason is not null;
}

/// <summary>
/// The exam's rates, exact: 参考率 = sat / required (exemptions not required), 合格率 = passed / sat, 优秀率 = excellent / sat; as
/// percentages rounded half away from zero to two decimals.
/// </summary>
public sealed record ExamRates(int Listed, int Exempt, int Required, int Sat, int Passed, int Excellent)
{
    public decimal SatRate => Percent(Sat, Required);

    public decimal PassRate => Percent(Passed, Sat);

    public decimal ExcellentRate => Percent(Excellent, Sat);

    public static decimal Percent(int part, int whole) => whole == 0 ? 0m : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    public static ExamRates Of(IEnumerable<(bool Exempt, decimal? Score)> candidates, decimal passMark, decimal excellentMark)
    {
        int listed = 0, exempt = 0, sat = 0, passed = 0, excellent = 0;
        foreach (var (isExempt, score) in candidates)
        {
            listed++;
            if (isExempt)
            {
                exempt++;
                continue;
            }

            if (score is { } s)
            {
                sat++;
                passed += s >= passMark ? 1 : 0;
                excellent += s >= excellentMark ? 1 : 0;
            }
        }

        return new ExamRates(listed, exempt, listed - exempt, sat, passed, excellent);
    }
}

public enum DutyEvaluation
{
    /// <summary>好</summary>
    Excellent = 0,

    /// <summary>较好</summary>
    Good = 1,

    /// <summary>一般</summary>
    Fair = 2,

    /// <summary>差</summary>
    Poor = 3,
}

/// <summary>A unit head's yearly report on their duty as first responsible person for rule-of-law work (述职).</summary>
public sealed class DutyReport : IVersioned
{
    public Guid Id { get; set; }

    public int Year { get; set; }

    public Guid DepartmentId { get; set; }

    public string DepartmentName { get; set; } = "";

    public string HeadName { get; set; } = "";

    public string Text { get; set; } = "";

    public string? FileSha256 { get; set; }

    public string? FileType { get; set; }

    /// <summary>Where it was heard (成员单位履职报告会议) and when; null until heard.</summary>
    public string? HeardAt { get; set; }

    public DateOnly? HeardOn { get; set; }

    public DutyEvaluation? Evaluation { get; set; }

    public string? EvaluationNote { get; set; }

    public string? EvaluatedBy { get; set; }

    public DateTime SubmittedAt { get; set; }

    public Guid RowVersion { get; set; }
}

/// <summary>A business (生产经营单位) of a community, which signs a safety responsibility letter with it every year.</summary>
public sealed class Business
{
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>统一社会信用代码 (18 characters).</summary>
    public string CreditCode { get; set; } = "";

    public Guid CommunityId { get; set; }

    public string CommunityName { get; set; } = "";

    /// <summary>When it started operating (a business registered after a year owes no letter for it); null when not known.</summary>
    public DateOnly? RegisteredOn { get; set; }

    public bool Active { get; set; } = true;
}

public enum LetterLevel
{
    /// <summary>镇政府与社区</summary>
    TownCommunity = 0,

    /// <summary>镇政府与单位</summary>
    TownUnit = 1,

    /// <summary>社区与生产经营单位</summary>
    CommunityBusiness = 2,
}

/// <summary>A safety responsibility letter (安全生产责任书) signed for a year.</summary>
public sealed class SafetyLetter
{
    public Guid Id { get; set; }

    public int Year { get; set; }

    public LetterLevel Level { get; set; }

    /// <summary>Who signed for the upper side (the town, or the community): its data scope.</summary>
    public Guid DepartmentId { get; set; }

    public string SignerName { get; set; } = "";

    /// <summary>The lower side: a community or unit of the organisation, or a business.</summary>
    public Guid? CounterpartId { get; set; }

    public Guid? BusinessId { get; set; }

    public string CounterpartName { get; set; } = "";

    public DateOnly SignedOn { get; set; }

    public string? FileSha256 { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The lower side's key, one letter per year: the business, the node, or the unit's name.</summary>
    public string CounterpartKey { get; set; } = "";
}
