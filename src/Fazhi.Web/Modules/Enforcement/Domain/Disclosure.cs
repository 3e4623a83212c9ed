using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Enforcement.Domain;

public enum PublicationKind
{
    /// <summary>行政处罚决定: 7 working days.</summary>
    Penalty = 0,

    /// <summary>行政许可决定: 7 working days.</summary>
    Licence = 1,

    /// <summary>Other enforcement decisions: 20 working days.</summary>
    Other = 2,
}

public enum PublicationStatus
{
    /// <summary>Decided, waiting to be published.</summary>
    Due = 0,

    Published = 1,

    /// <summary>The decision was revoked or changed: to be withdrawn within 3 working days.</summary>
    WithdrawalDue = 2,

    Withdrawn = 3,
}

/// <summary>
/// 执法决定公示 (118号文; 行政处罚法 第48条): a decision published masked within 7 working days (licences and penalties) or 20
/// (others), kept for its retention period, and withdrawn within 3 working days when the decision is revoked or changed.
/// </summary>
public sealed class Publication : IVersioned, IHasDeadlines, Platform.Lists.ISearchable
{
    string Platform.Lists.ISearchable.SearchEntity => EnforcementModule.PublicationSearchEntity;

    Guid Platform.Lists.ISearchable.SearchId => Id;

    /// <summary>The public search finds it by its document number (in part), its matter and its (masked) party.</summary>
    string Platform.Lists.ISearchable.SearchText => string.Join(" | ", DocumentNumber, Matter, Party);

    public const string DueClock = "enforcement.disclosure";
    public const string WithdrawalClock = "enforcement.withdrawal";

    public const int PenaltyAndLicenceDays = 7;
    public const int OtherDays = 20;
    public const int WithdrawalDays = 3;

    public Guid Id { get; set; }

    public Guid DepartmentId { get; set; }

    public Guid? CaseId { get; set; }

    public Guid? ActionId { get; set; }

    public PublicationKind Kind { get; set; }

    public string DocumentNumber { get; set; } = "";

    public string Matter { get; set; } = "";

    /// <summary>The party as published: a person's name masked, an organisation's in full.</summary>
    public string Party { get; set; } = "";

    /// <summary>Facts, provisions, penalty and basis, with every personal identifier masked.</summary>
    public string Content { get; set; } = "";

    public DateOnly DecidedOn { get; set; }

    public decimal Fine { get; set; }

    public DeadlineClock Due { get; set; } = new();

    public PublicationStatus Status { get; set; }

    public DateOnly? PublishedOn { get; set; }

    public string? PublishedBy { get; set; }

    public DateOnly? RetainUntil { get; set; }

    public DeadlineClock? Withdrawal { get; set; }

    public DateOnly? WithdrawnOn { get; set; }

    public string? WithdrawalReason { get; set; }

    public Guid RowVersion { get; set; }

    /// <summary>Shown on the public page on <paramref name="day"/>: published, not withdrawn, within its retention.</summary>
    public bool IsPublicOn(DateOnly day) => Status == PublicationStatus.Published && RetainUntil >= day;

    public static Publication Prepare(
        Guid departmentId, Guid? caseId, Guid? actionId, PublicationKind kind, string documentNumber, string matter, string party, string content, decimal fine,
        DateOnly decidedOn, WorkingDayCalendar calendar) => new()
        {
            Id = Guid.CreateVersion7(), DepartmentId = departmentId, CaseId = caseId, ActionId = actionId, Kind = kind, DocumentNumber = documentNumber,
            Matter = matter, Party = party, Content = content, Fine = fine, DecidedOn = decidedOn, Status = PublicationStatus.Due, RowVersion = Guid.NewGuid(),
            Due = DeadlineClock.Start(calendar, decidedOn, kind == PublicationKind.Other ? OtherDays : PenaltyAndLicenceDays),
        };

    public void Publish(DateOnly on, string by, DateOnly retainUntil, string? content, string? matter = null)
    {
        if (Status != PublicationStatus.Due)
        {
            throw new DomainException("enforcement.publication_not_due", "status", ErrorKind.Conflict);
        }

        if (content is not null)
        {
            new Validator().Required("content", content, 4000).ThrowIfInvalid();
            Content = content.Trim();
        }

        if (!string.IsNullOrWhiteSpace(matter))
        {
            Matter = matter.Length > 300 ? matter[..300] : matter;
        }

        (Status, PublishedOn, PublishedBy, RetainUntil) = (PublicationStatus.Published, on, by, retainUntil);
    }

    /// <summary>The decision was revoked or changed: a published notice must come down within 3 working days, an unpublished one never goes up.</summary>
    public void DecisionRevoked(DateOnly on, string reason, WorkingDayCalendar calendar)
    {
        WithdrawalReason = reason;
        if (Status == PublicationStatus.Published)
        {
            Status = PublicationStatus.WithdrawalDue;
            Withdrawal = DeadlineClock.Start(calendar, on, WithdrawalDays);
        }
        else if (Status == PublicationStatus.Due)
        {
            (Status, WithdrawnOn) = (PublicationStatus.Withdrawn, on);
        }
    }

    public void Withdraw(DateOnly on, string? reason)
    {
        if (Status is not (PublicationStatus.Published or PublicationStatus.WithdrawalDue))
        {
            throw new DomainException("enforcement.publication_not_published", "status", ErrorKind.Conflict);
        }

        (Status, WithdrawnOn) = (PublicationStatus.Withdrawn, on);
        WithdrawalReason = string.IsNullOrWhiteSpace(reason) ? WithdrawalReason : reason.Trim();
    }

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            var link = CaseId is { } c ? $"/enforcement/cases/{c}" : "/enforcement/disclosure";
            if (Status == PublicationStatus.Due)
            {
                yield return new Deadline(DueClock, Id, Due, DepartmentId, DocumentNumber, Matter, link);
            }

            if (Status == PublicationStatus.WithdrawalDue && Withdrawal is { } w)
            {
                yield return new Deadline(WithdrawalClock, Id, w, DepartmentId, DocumentNumber, Matter, link);
            }
        }
    }
}

/// <summary>One masking rule for published text: a pattern and what it becomes (configurable, <c>Enforcement:Masking</c>).</summary>
public sealed record MaskPattern(string Name, string Pattern, string Replacement);

/// <summary>
/// Masks what a publication says: the party's own identifiers wherever they appear, then every configured pattern
/// (ID numbers, mobile numbers, plates, house numbers by default).
/// </summary>
public sealed class DisclosureMasking(IReadOnlyList<MaskPattern> patterns)
{
    public static readonly IReadOnlyList<MaskPattern> Defaults =
    [
        new("id", @"(?<![0-9])(\d{4})\d{10}(\d{3}[0-9Xx])(?![0-9])", "$1**********$2"),
        new("mobile", @"(?<![0-9])(1[3-9]\d)\d{4}(\d{4})(?![0-9])", "$1****$2"),
        new("plate", @"([京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z])[·\s]?[A-Z0-9]{3,4}([A-Z0-9])(?![A-Z0-9])", "$1***$2"),
        new("house", @"\d+号(\d+(栋|座|室))?", "**号"),
    ];

    private readonly (string Name, Regex Regex, string Replacement)[] _rules =
        [.. patterns.Select(p => (p.Name, new Regex(p.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200)), p.Replacement))];

    public static DisclosureMasking From(IConfiguration configuration)
    {
        var configured = configuration.GetSection("Enforcement:Masking").Get<List<MaskPattern>>();
        return new DisclosureMasking(configured is { Count: > 0 } ? configured : Defaults);
    }

    /// <summary>A person is shown as 张*; an organisation's name is public (第48条 publishes the decision).</summary>
    public static string PartyName(CaseParty p) => p.Kind == PartyKind.Person ? Masking.Name(p.Name) : p.Name;

    public string Mask(string text, CaseParty? party)
    {
        var s = text;
        if (party is not null)
        {
            foreach (var (value, masked) in new[]
                     {
                         (party.IdNumber, party.Kind == PartyKind.Person ? Masking.IdNumber(party.IdNumber) : party.IdNumber),
                         (party.Address, Masking.Address(party.Address)),
                         (party.Phone, Masking.Phone(party.Phone)),
                         (party.Plate, MaskPlate(party.Plate)),
                         (party.Kind == PartyKind.Person ? party.Name : null, Masking.Name(party.Name)),
                         // An organisation's legal representative is a person: their name is masked like a party's.
                         (party.Representative, Masking.Name(party.Representative ?? "")),
                     })
            {
                if (!string.IsNullOrWhiteSpace(value) && value != masked)
                {
                    s = s.Replace(value, masked, StringComparison.Ordinal);
                }
            }
        }

        foreach (var (_, regex, replacement) in _rules)
        {
            s = regex.Replace(s, replacement);
        }

        return s;
    }

    public static string? MaskPlate(string? plate) =>
        string.IsNullOrWhiteSpace(plate) || plate.Length < 4 ? plate : plate[..2] + new string('*', plate.Length - 3) + plate[^1];
}

public enum VetoItem
{
    /// <summary>主体不合法、超越职权.</summary>
    NoCompetence = 0,

    /// <summary>执法人员无证或者少于两人.</summary>
    UnqualifiedOfficers = 1,

    UnclearFacts = 2,
    InsufficientEvidence = 3,
    WrongLaw = 4,
    UnlawfulProcedure = 5,

    /// <summary>涉嫌犯罪应当移送而未移送.</summary>
    CrimeNotTransferred = 6,
}

public enum Grade
{
    /// <summary>优秀.</summary>
    Excellent = 0,

    /// <summary>合格.</summary>
    Pass = 1,

    /// <summary>不合格.</summary>
    Fail = 2,
}

/// <summary>
/// 案卷抽取: files drawn from a year's closed cases of a department by a reproducible rule. Each file's key is the SHA-256 of
/// "{seed}|{case number}"; the files with the smallest keys are drawn. The seed (year, department and a number announced
/// before the draw) is stored and printed, so anyone with the list of closed files can draw again and get the same ones.
/// </summary>
public sealed class EvaluationDraw
{
    public Guid Id { get; set; }

    public int Year { get; set; }

    public Guid DepartmentId { get; set; }

    public string DepartmentCode { get; set; } = "";

    public string AnnouncedNumber { get; set; } = "";

    /// <summary>e.g. <c>2026|TX-MSA|4711</c>.</summary>
    public string Seed { get; set; } = "";

    public int Size { get; set; }

    /// <summary>How many closed files the draw was made from.</summary>
    public int Population { get; set; }

    public List<string> CaseNumbers { get; set; } = [];

    public DateTime DrawnAt { get; set; }

    public string DrawnBy { get; set; } = "";

    public static string SeedOf(int year, string departmentCode, string announced) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{year}|{departmentCode}|{announced.Trim()}");

    public static string Key(string seed, string caseNumber) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed + "|" + caseNumber)));

    /// <summary>The drawn case numbers in key order: the same seed and population always give the same files.</summary>
    public static IReadOnlyList<string> Draw(string seed, IEnumerable<string> population, int size) =>
        [.. population.Distinct(StringComparer.Ordinal).Select(n => (n, k: Key(seed, n))).OrderBy(x => x.k, StringComparer.Ordinal).Take(size).Select(x => x.n)];
}

/// <summary>
/// 案卷评查 of one drawn file: veto items (any one fails it), points for form (30) and content (70), the grade, and a
/// rectification with a deadline for a failing file.
/// </summary>
public sealed class FileEvaluation : IHasDeadlines
{
    public const string RectificationClock = "enforcement.rectification";
    public const int FormMax = 30;
    public const int ContentMax = 70;

    public Guid Id { get; set; }

    public Guid DrawId { get; set; }

    public Guid CaseId { get; set; }

    public string CaseNumber { get; set; } = "";

    public Guid DepartmentId { get; set; }

    public List<VetoItem> Vetoes { get; set; } = [];

    public int FormPoints { get; set; }

    public int ContentPoints { get; set; }

    public int Score => FormPoints + ContentPoints;

    public Grade Grade { get; set; }

    public string? Comments { get; set; }

    public string Evaluator { get; set; } = "";

    public DateOnly EvaluatedOn { get; set; }

    public DeadlineClock? Rectification { get; set; }

    public DateOnly? RectifiedOn { get; set; }

    public string? RectificationNote { get; set; }

    /// <summary>Any veto: 不合格; else 90 and over 优秀, 60 and over 合格.</summary>
    public static Grade GradeOf(IReadOnlyCollection<VetoItem> vetoes, int score) =>
        vetoes.Count > 0 || score < 60 ? Grade.Fail : score >= 90 ? Grade.Excellent : Grade.Pass;

    public void Mark(IReadOnlyCollection<VetoItem> vetoes, int form, int content, string? comments, string evaluator, DateOnly on, int rectificationDays, WorkingDayCalendar calendar)
    {
        new Validator().Check(form is >= 0 and <= FormMax, "formPoints", "range", 0, FormMax).Check(content is >= 0 and <= ContentMax, "contentPoints", "range", 0, ContentMax)
            .MaxLength("comments", comments, 2000).ThrowIfInvalid();
        (Vetoes, FormPoints, ContentPoints, Comments, Evaluator, EvaluatedOn) = ([.. vetoes.Distinct().Order()], form, content, comments?.Trim(), evaluator, on);
        Grade = GradeOf(Vetoes, Score);
        Rectification = Grade == Grade.Fail ? DeadlineClock.Start(calendar, on, rectificationDays) : null;
        (RectifiedOn, RectificationNote) = (null, null);
    }

    public void Rectified(DateOnly on, string? note)
    {
        if (Grade != Grade.Fail || RectifiedOn is not null)
        {
            throw new DomainException("enforcement.nothing_to_rectify", "action", ErrorKind.Conflict);
        }

        new Validator().Required("note", note, 2000).ThrowIfInvalid();
        (RectifiedOn, RectificationNote) = (on, note!.Trim());
    }

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines =>
        Rectification is { } r && RectifiedOn is null ? [new Deadline(RectificationClock, Id, r, DepartmentId, CaseNumber, null, "/enforcement/evaluation")] : [];
}
