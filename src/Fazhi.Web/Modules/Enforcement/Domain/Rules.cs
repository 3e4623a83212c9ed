namespace Fazhi.Web.Modules.Enforcement.Domain;

/// <summary>
/// A department's own limits and lists, from configuration (<c>Enforcement:Departments:{code}</c>, falling back on
/// <c>Enforcement:Defaults</c>): filing days, the 第63条 hearing thresholds the province sets, its list of major decisions
/// for legality review, what counts as heavy for collective discussion, and how long publications stay.
/// </summary>
public sealed record DepartmentRules
{
    /// <summary>立案: working days from discovery (市场监管: 15, extendable by 15 with approval).</summary>
    public int FilingDays { get; init; } = 15;

    public int FilingExtensionDays { get; init; } = 15;

    /// <summary>第44-45条: working days the party has to state and defend after the notice (市场监管: 5).</summary>
    public int StatementDays { get; init; } = 5;

    /// <summary>
    /// The 90-day limit (第60条) is extended once by the head up to this many days (市场监管: 30); a further extension only as the
    /// heads' collective discussion decides (市场监管行政处罚程序规定 第64条).
    /// </summary>
    public int DecisionExtensionDays { get; init; } = 30;

    /// <summary>第63条: a fine at least this large may be heard (a person; an organisation).</summary>
    public decimal HearingFinePerson { get; init; } = 10_000m;

    public decimal HearingFineOrganisation { get; init; } = 100_000m;

    /// <summary>第63条: confiscation of at least this value may be heard.</summary>
    public decimal HearingConfiscation { get; init; } = 10_000m;

    /// <summary>The department's list of major decisions (118号文): fines from here on are reviewed.</summary>
    public decimal ReviewFinePerson { get; init; } = 10_000m;

    public decimal ReviewFineOrganisation { get; init; } = 100_000m;

    /// <summary>第57条: heavy penalties go to collective discussion.</summary>
    public decimal HeavyFinePerson { get; init; } = 50_000m;

    public decimal HeavyFineOrganisation { get; init; } = 200_000m;

    /// <summary>Publication kept this many months for a small fine (市场监管: 3 months), years otherwise.</summary>
    public decimal SmallFine { get; init; } = 1_000m;

    public int SmallFineRetentionMonths { get; init; } = 3;

    public int RetentionYears { get; init; } = 3;

    /// <summary>案卷评查: working days to rectify a failing file.</summary>
    public int RectificationDays { get; init; } = 20;

    /// <summary>Short name in case numbers, e.g. 塘市监 for 塘市监罚〔2026〕12号; the department code when not set.</summary>
    public string? Abbreviation { get; init; }

    public bool HearingApplies(PartyKind party, PenaltyKind kind, decimal fine, decimal confiscation) =>
        kind is PenaltyKind.LicenceSuspension or PenaltyKind.LicenceRevocation or PenaltyKind.Restriction
        || fine >= (party == PartyKind.Person ? HearingFinePerson : HearingFineOrganisation)
        || confiscation >= HearingConfiscation;

    public bool OnMajorList(PartyKind party, PenaltyKind kind, decimal fine) =>
        kind is PenaltyKind.LicenceRevocation or PenaltyKind.Restriction
        || fine >= (party == PartyKind.Person ? ReviewFinePerson : ReviewFineOrganisation);

    public bool IsHeavy(PartyKind party, PenaltyKind kind, decimal fine) =>
        kind is PenaltyKind.LicenceRevocation or PenaltyKind.Restriction
        || fine >= (party == PartyKind.Person ? HeavyFinePerson : HeavyFineOrganisation);

    public DateOnly RetainUntil(DateOnly published, decimal fine) =>
        fine > 0 && fine <= SmallFine ? published.AddMonths(SmallFineRetentionMonths) : published.AddYears(RetentionYears);

    public static DepartmentRules For(IConfiguration configuration, string departmentCode)
    {
        var rules = configuration.GetSection("Enforcement:Defaults").Get<DepartmentRules>() ?? new DepartmentRules();
        var own = configuration.GetSection($"Enforcement:Departments:{departmentCode}");
        if (own.Exists())
        {
            own.Bind(rules);
        }

        return rules;
    }
}

public enum DiscretionKind
{
    /// <summary>裁量基准 (第34条).</summary>
    Benchmark = 0,

    /// <summary>不予处罚清单, e.g. 首违不罚 (第33条).</summary>
    NoPenalty = 1,

    /// <summary>从轻/减轻处罚清单 (第32条).</summary>
    Lighter = 2,
}

/// <summary>
/// An entry of a department's published discretion benchmark or no-/lighter-penalty list, effective-dated
/// (行政处罚法 第32-34条). A case cites the entry applied and the decision states it.
/// </summary>
public sealed class DiscretionRule
{
    public Guid Id { get; set; }

    public Guid DepartmentId { get; set; }

    public DiscretionKind Kind { get; set; }

    /// <summary>The entry's number in the published list, e.g. SC-012.</summary>
    public string Code { get; set; } = "";

    public string Violation { get; set; } = "";

    /// <summary>The provision breached and the provision that sets the penalty.</summary>
    public string Provision { get; set; } = "";

    /// <summary>The circumstance (情节) this entry covers: 轻微, 一般, 严重.</summary>
    public string Circumstance { get; set; } = "";

    /// <summary>What the entry sets: e.g. 处五千元以上一万元以下罚款.</summary>
    public string Measure { get; set; } = "";

    public decimal? MinFine { get; set; }

    public decimal? MaxFine { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    public DateOnly? EffectiveTo { get; set; }

    /// <summary>首违不罚 (第33条第1款): applies only to a party with no earlier violation in the department.</summary>
    public bool FirstViolationOnly { get; set; }

    public bool InForceOn(DateOnly day) => EffectiveFrom <= day && (EffectiveTo is null || day <= EffectiveTo);

    public string Citation => $"{Code} {Violation}（{Circumstance}）：{Measure}";
}

/// <summary>The five other kinds of enforcement act counted in the January tables (penalties are cases).</summary>
public enum ActionKind
{
    /// <summary>行政许可.</summary>
    Licence = 0,

    /// <summary>行政强制措施.</summary>
    CompulsoryMeasure = 1,

    /// <summary>行政征收.</summary>
    Levy = 2,

    /// <summary>行政征用.</summary>
    Requisition = 3,

    /// <summary>行政检查.</summary>
    Inspection = 4,
}

/// <summary>
/// A licence, compulsory measure, levy, requisition or inspection: its kind, subject, decision and dates. Licence
/// decisions are published within 7 working days, the others within 20 (118号文).
/// </summary>
public sealed class EnforcementAction
{
    public Guid Id { get; set; }

    public Guid DepartmentId { get; set; }

    public ActionKind Kind { get; set; }

    /// <summary>Document number, e.g. 塘市监许〔2026〕8号.</summary>
    public string Number { get; set; } = "";

    /// <summary>What was licensed, inspected, seized …</summary>
    public string Matter { get; set; } = "";

    public string Subject { get; set; } = "";

    public PartyKind SubjectKind { get; set; }

    /// <summary>Granted / refused, the finding of an inspection, the measure taken.</summary>
    public string Decision { get; set; } = "";

    /// <summary>For a licence: granted (true) or refused.</summary>
    public bool? Granted { get; set; }

    public DateOnly StartedOn { get; set; }

    public DateOnly DecidedOn { get; set; }

    public DateOnly? ValidUntil { get; set; }

    public decimal? Amount { get; set; }

    public List<string> OfficerNames { get; set; } = [];

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAt { get; set; }
}
