using System.Globalization;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.LegalAid.Domain;

public enum AidStatus
{
    /// <summary>A detained person's request, not yet forwarded to the aid agency (第39条: within 24 hours).</summary>
    Forwarding = 0,

    /// <summary>Received: under review, 7 days (第43条).</summary>
    Received = 1,

    /// <summary>Missing materials asked for, all at once; the review waits.</summary>
    MaterialsRequested = 2,

    /// <summary>Granted: a lawyer is assigned within 3 days (第43条).</summary>
    Granted = 3,

    /// <summary>Refused in writing with the reasons (第43条); the applicant may object (第49条).</summary>
    Refused = 4,

    /// <summary>Not completed in time: counts as withdrawn (第43条).</summary>
    Withdrawn = 5,

    /// <summary>A lawyer is on it.</summary>
    Assigned = 6,

    /// <summary>Aid ended on a 第48条 ground.</summary>
    Terminated = 7,

    /// <summary>The closing report and the file handed in and checked (第50条).</summary>
    Closed = 8,
}

/// <summary>
/// The ground of the economic test (法律援助法 第32、42条): the 第32条 matters are never means-tested; the 第42条 groups are
/// presumed in hardship; anyone else declares (第41条).
/// </summary>
public enum MeansGround
{
    // 第32条: no means test.
    MartyrRelative = 0,
    Bravery = 1,
    WrongfulConviction = 2,
    DomesticViolence = 3,
    ExemptOther = 4,

    // 第42条: presumed.
    NoIncomeGroup = 10,
    AssistanceRecipient = 11,
    MigrantWorker = 12,
    PresumedOther = 13,

    /// <summary>Declared income and household, checked against the city's threshold (第41条).</summary>
    Declared = 20,
}

public enum MeansPath
{
    Exempt = 0,
    Presumed = 1,
    Declared = 2,
}

/// <summary>第48条: why aid ends before the matter does.</summary>
public enum TerminationGround
{
    NoLongerInHardship = 0,
    AbuseOfAid = 1,
    CaseEnded = 2,
    OwnLawyer = 3,
    RequestedByApplicant = 4,
    Other = 5,
}

public enum QualityKind
{
    /// <summary>案卷检查.</summary>
    FileCheck = 0,

    /// <summary>旁听庭审.</summary>
    CourtObservation = 1,

    /// <summary>回访受援人.</summary>
    FollowUpCall = 2,
}

public enum AidAction
{
    Forward,
    RequestMaterials,
    SupplyMaterials,
    Lapse,
    UrgentAid,
    Grant,
    Refuse,
    LodgeObjection,
    DecideObjection,
    Assign,
    Note,
    Terminate,
    Close,
    Quality,
    Complain,
}

/// <summary>One step of an application's record.</summary>
public sealed class AidStep : CaseStep;

/// <summary>A quality check of the lawyer's work on the case (第57-59条), scored 0-100.</summary>
public sealed class QualityCheck : ICasePart
{
    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    public QualityKind Kind { get; internal set; }

    public DateOnly On { get; internal set; }

    public int Score { get; internal set; }

    /// <summary>What was found: encrypted at rest.</summary>
    public string Note { get; internal set; } = "";

    public string CheckedBy { get; internal set; } = "";
}

/// <summary>The outcome of the economic test, as decided at registration with the rule in force on that day.</summary>
public sealed record MeansOutcome(MeansPath Path, bool Eligible, decimal? Threshold, DateOnly? ThresholdFrom)
{
    public static MeansPath PathOf(MeansGround ground) => ground switch
    {
        < MeansGround.NoIncomeGroup => MeansPath.Exempt,
        < MeansGround.Declared => MeansPath.Presumed,
        _ => MeansPath.Declared,
    };

    /// <summary>
    /// 第32条: not tested; 第42条: presumed; otherwise the household's monthly income per member against the city's threshold
    /// in force on the day of application (第34、41条).
    /// </summary>
    public static MeansOutcome Judge(MeansGround ground, decimal? monthlyIncome, int? household, HardshipThreshold? rule)
    {
        var path = PathOf(ground);
        if (path != MeansPath.Declared)
        {
            return new(path, true, null, null);
        }

        if (rule is null)
        {
            throw new DomainException("legalaid.no_threshold", "monthlyIncome", ErrorKind.Conflict);
        }

        var perPerson = (monthlyIncome ?? 0) / Math.Max(1, household ?? 1);
        return new(path, perPerson <= rule.MonthlyIncomePerPerson, rule.MonthlyIncomePerPerson, rule.EffectiveFrom);
    }
}

/// <summary>
/// 法律援助申请 and, once granted, the aid case: received at a place, tested for means, decided in 7 days, assigned in 3,
/// followed to its closing report. Personal data (ID numbers, phones, addresses, the declared income) is encrypted at rest.
/// </summary>
public sealed class AidApplication : ICase, IVersioned, IHasDeadlines, ISearchable
{
    public const string ForwardClock = "legalaid.forward";
    public const string ReviewClock = "legalaid.review";
    public const string MaterialsClock = "legalaid.materials";
    public const string AssignClock = "legalaid.assign";
    public const string ObjectionClock = "legalaid.objection";

    /// <summary>第43条: 7 days to review, 3 to assign; 第49条: 5 to decide an objection; 第39条: 24 hours to forward.</summary>
    public const int ReviewDays = 7;
    public const int AssignDays = 3;
    public const int ObjectionDays = 5;
    public static readonly TimeSpan ForwardWithin = TimeSpan.FromHours(24);

    private AidApplication()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>e.g. 塘援〔2026〕12号.</summary>
    public string Number { get; private set; } = "";

    /// <summary>What the applicant's receipt carries to follow the application without an account.</summary>
    public string QueryToken { get; private set; } = "";

    public Guid PlaceId { get; private set; }

    public Guid DepartmentId { get; private set; }

    public MatterType MatterType { get; private set; }

    public ServiceForm Form { get; private set; }

    public string ApplicantName { get; private set; } = "";

    public string? ApplicantIdNumber { get; private set; }

    public string? ApplicantPhone { get; private set; }

    public string? ApplicantAddress { get; private set; }

    /// <summary>The phone's blind index: the citizen's one page finds their applications by it.</summary>
    public string? ApplicantPhoneLookup { get; private set; }

    /// <summary>The record of another work line this came from (a failed mediation), its number and page: the link back.</summary>
    public string? ReferredFrom { get; private set; }

    public string? ReferredFromLink { get; private set; }

    /// <summary>第40条: the guardian who applies for a person without capacity.</summary>
    public string? GuardianName { get; private set; }

    public string? GuardianIdNumber { get; private set; }

    /// <summary>The other side, by name: the conflict check compares it with the lawyer's other cases.</summary>
    public string? Opponent { get; private set; }

    /// <summary>The matter as told: encrypted at rest.</summary>
    public string Facts { get; private set; } = "";

    /// <summary>第38条: where it is filed (where the matter arose, or where the applicant lives).</summary>
    public string FiledWhere { get; private set; } = "";

    /// <summary>第39条: a request from a person held in custody, and when they made it.</summary>
    public bool Detained { get; private set; }

    public DateTime? RequestedAt { get; private set; }

    public DateTime? ForwardedAt { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    public MeansGround Ground { get; private set; }

    public MeansPath MeansPath { get; private set; }

    /// <summary>Declared household income a month (encrypted at rest, as text); household members.</summary>
    public string? DeclaredIncome { get; private set; }

    public int? Household { get; private set; }

    public bool MeansEligible { get; private set; }

    public decimal? ThresholdApplied { get; private set; }

    public DateOnly? ThresholdFrom { get; private set; }

    public AidStatus Status { get; private set; }

    public DeadlineClock ReviewDeadline { get; private set; } = new();

    public string? MaterialsRequested { get; private set; }

    public DateOnly? MaterialsDue { get; private set; }

    public string? UrgentReason { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public string? RefusalReason { get; private set; }

    public DeadlineClock? AssignDeadline { get; private set; }

    /// <summary>第49条: an objection lodged to a refusal or a termination, decided within 5 days.</summary>
    public DateOnly? ObjectedOn { get; private set; }

    public DeadlineClock? ObjectionDeadline { get; private set; }

    public bool? ObjectionUpheld { get; private set; }

    public Guid? LawyerId { get; private set; }

    public DateTime? AssignedAt { get; private set; }

    /// <summary>Why the officer chose another than the suggested lawyer, or changed the lawyer after a complaint (第55-56条).</summary>
    public string? AssignmentReason { get; private set; }

    public TerminationGround? Termination { get; private set; }

    public string? ClosingReport { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public decimal? Subsidy { get; private set; }

    public Guid RowVersion { get; set; }

    /// <summary>When the application or its record last changed (set on every save): other processes drop their public answer by it.</summary>
    public DateTime ChangedAt { get; set; }

    public List<QualityCheck> Quality { get; private set; } = [];

    public List<AidStep> Steps { get; private set; } = [];

    IReadOnlyList<CaseStep> ICase.Record => Steps;

    string ISearchable.SearchEntity => LegalAidModule.SearchEntity;

    Guid ISearchable.SearchId => Id;

    string ISearchable.SearchText => string.Join(" | ", new[] { Number, ApplicantName, GuardianName, Opponent }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>The means the applicant's household declared, read back as a number (only the handling officer sees it).</summary>
    public decimal? Income => decimal.TryParse(DeclaredIncome, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) ? d : null;

    public bool IsOpen => Status is not (AidStatus.Refused or AidStatus.Withdrawn or AidStatus.Terminated or AidStatus.Closed);

    /// <summary>When the 24 hours to forward a detained person's request end.</summary>
    public DateTime? ForwardDueAt => RequestedAt + ForwardWithin;

    public sealed record ApplicantInput(
        string Name, string? IdNumber, string? Phone, string? Address, string? GuardianName, string? GuardianIdNumber, string? Opponent);

    /// <summary>
    /// Registers an application. A detained person's request (第39条) waits to be forwarded, its 24 hours counted from when it was
    /// made; any other is received now and its 7 days run (第43条). The economic test is decided now, on the day's rule.
    /// </summary>
    public static AidApplication Receive(
        string number, AidPlace place, MatterType matter, ServiceForm form, ApplicantInput applicant, string facts, string filedWhere,
        DateTime? detainedRequestAt, MeansGround ground, decimal? income, int? household, MeansOutcome means, Actor by)
    {
        var a = new AidApplication
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            QueryToken = QueryTokens.New(),
            PlaceId = place.Id,
            DepartmentId = place.DepartmentId,
            MatterType = matter,
            Form = form,
            ApplicantName = applicant.Name.Trim(),
            ApplicantIdNumber = Clean(applicant.IdNumber)?.ToUpperInvariant(),
            ApplicantPhone = Clean(applicant.Phone),
            ApplicantPhoneLookup = Clean(applicant.Phone),
            ApplicantAddress = Clean(applicant.Address),
            GuardianName = Clean(applicant.GuardianName),
            GuardianIdNumber = Clean(applicant.GuardianIdNumber)?.ToUpperInvariant(),
            Opponent = Clean(applicant.Opponent),
            Facts = facts.Trim(),
            FiledWhere = filedWhere.Trim(),
            Detained = detainedRequestAt is not null,
            RequestedAt = detainedRequestAt,
            ReceivedAt = by.Now,
            ChangedAt = by.Now,
            Ground = ground,
            MeansPath = means.Path,
            DeclaredIncome = means.Path == MeansPath.Declared ? (income ?? 0).ToString("0.##", CultureInfo.InvariantCulture) : null,
            Household = means.Path == MeansPath.Declared ? household : null,
            MeansEligible = means.Eligible,
            ThresholdApplied = means.Threshold,
            ThresholdFrom = means.ThresholdFrom,
            RowVersion = Guid.NewGuid(),
        };
        if (a.Detained)
        {
            a.Status = AidStatus.Forwarding;
        }
        else
        {
            a.StartReview(by);
        }

        a.Record("received", by, a.Detained ? StepNote.Of("legalaid.note.detained", NoteArg.Key("legalaid.form." + form)) : StepNote.Of("note.one", NoteArg.Key("legalaid.form." + form)));
        a.Record("means_tested", by, a.MeansNote());
        return a;
    }

    /// <summary>Came from another work line's record (信访工作条例 第37条: a dispute mediation could not settle): kept with its link.</summary>
    internal void CameFrom(string number, string link, Actor by)
    {
        ReferredFrom = number;
        ReferredFromLink = link;
        Record("referred_from", by, StepNote.Of("note.one", number));
    }

    /// <summary>Which path the test took and why, as the decision shows it.</summary>
    public RecordNote MeansNote() => MeansPath switch
    {
        MeansPath.Exempt => StepNote.Of("legalaid.note.means_exempt", NoteArg.Key("legalaid.ground." + Ground)),
        MeansPath.Presumed => StepNote.Of("legalaid.note.means_presumed", NoteArg.Key("legalaid.ground." + Ground)),
        _ => StepNote.Of(MeansEligible ? "legalaid.note.means_met" : "legalaid.note.means_not_met",
            NoteArg.Yuan(ThresholdApplied ?? 0), NoteArg.Day(ThresholdFrom ?? default)),
    };

    public IReadOnlyList<AidAction> AvailableActions(Actor by) => Workflow.Available<AidAction>(a => Guard(a, by));

    public DomainException? Guard(AidAction action, Actor by) => action switch
    {
        AidAction.Forward => Is(AidStatus.Forwarding),
        AidAction.RequestMaterials => Workflow.Unless(MaterialsRequested is null, "legalaid.materials_once", "materials") ?? Is(AidStatus.Received),
        AidAction.SupplyMaterials => Is(AidStatus.MaterialsRequested),
        // 第43条: not completed in time, it counts as withdrawn; only once the day given has passed.
        AidAction.Lapse => Is(AidStatus.MaterialsRequested) ?? Workflow.Unless(MaterialsDue < by.Today, "legalaid.materials_not_due", "materials"),
        AidAction.UrgentAid => Is(AidStatus.Received, AidStatus.MaterialsRequested) ?? Workflow.Unless(UrgentReason is null, "legalaid.urgent_recorded", "reason"),
        AidAction.Grant => Is(AidStatus.Received) ?? Workflow.Unless(MeansEligible, "legalaid.means_not_met", "means"),
        AidAction.Refuse => Is(AidStatus.Received),
        AidAction.LodgeObjection => Is(AidStatus.Refused, AidStatus.Terminated) ?? Workflow.Unless(ObjectedOn is null, "legalaid.objection_lodged", "objectedOn"),
        // 第49条: the justice bureau decides the objection, not the agency that made the decision.
        AidAction.DecideObjection => Workflow.Unless(by.IsIn(Roles.Supervisor), "legalaid.justice_office_only", "upheld", ErrorKind.Forbidden)
            ?? Workflow.Unless(ObjectedOn is not null, "legalaid.no_objection", "objectedOn"),
        // 第44条: urgent aid may be assigned before the decision.
        AidAction.Assign => Workflow.Unless(Status == AidStatus.Granted || Status == AidStatus.Assigned
            || (UrgentReason is not null && Status is AidStatus.Received or AidStatus.MaterialsRequested && LawyerId is null), "legalaid.step_out_of_order", "status"),
        AidAction.Note or AidAction.Terminate or AidAction.Close or AidAction.Complain => Is(AidStatus.Assigned),
        AidAction.Quality => Workflow.Unless(LawyerId is not null, "legalaid.step_out_of_order", "status"),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>第39条: the detained person's request reaches the aid agency; the review's 7 days start on its receipt.</summary>
    public void Forward(Actor by)
    {
        Workflow.Check(Guard(AidAction.Forward, by));
        ForwardedAt = by.Now;
        var late = by.Now > ForwardDueAt;
        StartReview(by);
        Record("forwarded", by, late ? StepNote.Of("legalaid.note.forwarded_late", ChinaTime.Format(RequestedAt!.Value)) : StepNote.Of("legalaid.note.forwarded", ChinaTime.Format(RequestedAt!.Value)));
    }

    /// <summary>第43条: everything missing asked for at once, with a day to bring it; the review waits meanwhile.</summary>
    public void RequestMaterials(string? materials, DateOnly? due, Actor by)
    {
        Workflow.Check(Guard(AidAction.RequestMaterials, by));
        new Validator().Required("materials", materials, 1000)
            .Check(due is null || (due > by.Today && due <= by.Today.AddDays(60)), "materialsDue", "legalaid.due_in_future").ThrowIfInvalid();
        MaterialsRequested = materials!.Trim();
        MaterialsDue = due ?? by.Today.AddDays(15);
        ReviewDeadline = ReviewDeadline.Pause(by.Calendar, by.Today);
        Status = AidStatus.MaterialsRequested;
        Record("materials_requested", by, StepNote.Of("legalaid.note.materials", MaterialsRequested, NoteArg.Day(MaterialsDue.Value)));
    }

    public void SupplyMaterials(Actor by)
    {
        Workflow.Check(Guard(AidAction.SupplyMaterials, by));
        ReviewDeadline = ReviewDeadline.Resume(by.Calendar, by.Today);
        Status = AidStatus.Received;
        Record("materials_supplied", by, null);
    }

    /// <summary>第43条: the materials did not come by the day given: the application counts as withdrawn.</summary>
    public void Lapse(Actor by)
    {
        Workflow.Check(Guard(AidAction.Lapse, by));
        Status = AidStatus.Withdrawn;
        DecidedAt = by.Now;
        Record("withdrawn", by, StepNote.Of("note.one", NoteArg.Day(MaterialsDue!.Value)));
    }

    /// <summary>第44条: urgent aid before the decision (a limitation period about to run out, a hearing tomorrow), with its reason.</summary>
    public void GiveUrgentAid(string? reason, Actor by)
    {
        Workflow.Check(Guard(AidAction.UrgentAid, by));
        new Validator().Required("reason", reason, 500).ThrowIfInvalid();
        UrgentReason = reason!.Trim();
        Record("urgent_aid", by, UrgentReason);
    }

    /// <summary>第43条: granted; a lawyer within 3 days.</summary>
    public void Grant(Actor by)
    {
        Workflow.Check(Guard(AidAction.Grant, by));
        DecidedAt = by.Now;
        Status = LawyerId is null ? AidStatus.Granted : AidStatus.Assigned;
        AssignDeadline = LawyerId is null ? DeadlineClock.Start(by.Calendar, by.Today, AssignDays, DeadlineUnit.CalendarDays) : null;
        Record("granted", by, MeansNote());
    }

    /// <summary>第43条: refused in writing, with the reasons (the refusal is a Word document); the applicant may object (第49条).</summary>
    public void Refuse(string? reason, Actor by)
    {
        Workflow.Check(Guard(AidAction.Refuse, by));
        new Validator().Required("reason", reason, 1000).ThrowIfInvalid();
        DecidedAt = by.Now;
        RefusalReason = reason!.Trim();
        Status = AidStatus.Refused;
        Record("refused", by, RefusalReason);
    }

    /// <summary>第49条: an objection to a refusal or a termination, decided by the justice bureau within 5 days.</summary>
    public void LodgeObjection(DateOnly? on, Actor by)
    {
        Workflow.Check(Guard(AidAction.LodgeObjection, by));
        var day = on ?? by.Today;
        var decided = Status == AidStatus.Terminated ? ClosedAt : DecidedAt;
        new Validator().Check(day <= by.Today && day >= ChinaTime.DateOf(decided ?? ReceivedAt), "objectedOn", "legalaid.date_out_of_range").ThrowIfInvalid();
        ObjectedOn = day;
        ObjectionDeadline = DeadlineClock.Start(by.Calendar, day, ObjectionDays, DeadlineUnit.CalendarDays);
        Record("objection", by, StepNote.Of("note.one", NoteArg.Day(day)));
    }

    /// <summary>The objection decided: upheld, the refusal is reversed (granted) or the terminated aid resumes.</summary>
    public void DecideObjection(bool? upheld, string? reason, Actor by)
    {
        Workflow.Check(Guard(AidAction.DecideObjection, by));
        new Validator().Check(upheld is not null, "upheld", "required").Required("reason", reason, 1000).ThrowIfInvalid();
        ObjectionUpheld = upheld;
        ObjectionDeadline = null;
        // One objection to each decision: a later termination may be objected to again.
        ObjectedOn = null;
        if (upheld == true && Status == AidStatus.Refused)
        {
            Status = AidStatus.Granted;
            MeansEligible = true;
            AssignDeadline = DeadlineClock.Start(by.Calendar, by.Today, AssignDays, DeadlineUnit.CalendarDays);
        }
        else if (upheld == true)
        {
            Status = AidStatus.Assigned;
            Termination = null;
            ClosedAt = null;
        }

        Record(upheld == true ? "objection_upheld" : "objection_dismissed", by, reason!.Trim());
    }

    /// <summary>
    /// 第43条: the lawyer, within 3 days of the decision. The service checks the pool (licence, speciality, conflicts) and passes
    /// the reason when the officer chose another than the suggested lawyer, or changes the lawyer after a complaint.
    /// </summary>
    public void Assign(AidLawyer lawyer, string? reason, Actor by)
    {
        Workflow.Check(Guard(AidAction.Assign, by));
        new Validator().MaxLength("reason", reason, 500).ThrowIfInvalid();
        if (!lawyer.LicensedOn(by.Today))
        {
            throw new DomainException("legalaid.licence_lapsed", "lawyerId", ErrorKind.Conflict, lawyer.Name);
        }

        var change = LawyerId is not null;
        if (change && string.IsNullOrWhiteSpace(reason))
        {
            // 第55-56条: a change of lawyer says why (a complaint, a conflict found late, the lawyer's request).
            throw new ValidationFailedException([new FieldError("reason", "legalaid.change_reason_required")]);
        }

        LawyerId = lawyer.Id;
        AssignedAt = by.Now;
        AssignmentReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        AssignDeadline = null;
        if (Status == AidStatus.Granted)
        {
            Status = AidStatus.Assigned;
        }

        Record(change ? "lawyer_changed" : "assigned", by, AssignmentReason is null ? lawyer.Name : StepNote.Of("note.pair", lawyer.Name, AssignmentReason));
    }

    public void AddNote(string? note, Actor by)
    {
        Workflow.Check(Guard(AidAction.Note, by));
        new Validator().Required("note", note, 1000).ThrowIfInvalid();
        Record("note", by, note!.Trim());
    }

    /// <summary>第55条: a complaint about the lawyer; a change of lawyer follows with Assign.</summary>
    public void Complain(string? complaint, Actor by)
    {
        Workflow.Check(Guard(AidAction.Complain, by));
        new Validator().Required("note", complaint, 1000).ThrowIfInvalid();
        Record("complaint", by, complaint!.Trim());
    }

    /// <summary>第48条: aid ends on one of its grounds; the applicant may object (第49条).</summary>
    public void Terminate(TerminationGround? ground, string? note, Actor by)
    {
        Workflow.Check(Guard(AidAction.Terminate, by));
        new Validator().Check(ground is { } g && Enum.IsDefined(g), "termination", "required").Required("note", note, 1000).ThrowIfInvalid();
        Termination = ground;
        Status = AidStatus.Terminated;
        ClosedAt = by.Now;
        Record("terminated", by, StepNote.Of("note.pair", NoteArg.Key("legalaid.termination." + ground), note!.Trim()));
    }

    /// <summary>第50条: the closing report and the file handed in and checked; the lawyer's subsidy from the rate in force.</summary>
    public void Close(string? report, bool documentsChecked, AidSubsidyRate? rate, Actor by)
    {
        Workflow.Check(Guard(AidAction.Close, by));
        new Validator().Required("report", report, 4000).Check(documentsChecked, "documentsChecked", "legalaid.documents_unchecked").ThrowIfInvalid();
        ClosingReport = report!.Trim();
        Status = AidStatus.Closed;
        ClosedAt = by.Now;
        Subsidy = rate?.Amount;
        Record("closed", by, rate is null ? null : StepNote.Of("legalaid.note.subsidy", NoteArg.Yuan(rate.Amount)));
    }

    /// <summary>第57-59条: a file check, a court observation or a follow-up call, scored.</summary>
    public void CheckQuality(QualityKind? kind, int? score, string? note, DateOnly? on, Actor by)
    {
        Workflow.Check(Guard(AidAction.Quality, by));
        new Validator().Check(kind is { } k && Enum.IsDefined(k), "kind", "required")
            .Check(score is >= 0 and <= 100, "score", "legalaid.score_range")
            .MaxLength("note", note, 1000)
            .Check(on is null || on <= by.Today, "checkedOn", "legalaid.date_out_of_range").ThrowIfInvalid();
        Quality.Add(new QualityCheck
        {
            Id = Guid.CreateVersion7(), CaseId = Id, Kind = kind!.Value, On = on ?? by.Today, Score = score!.Value, Note = note?.Trim() ?? "", CheckedBy = by.Name,
        });
        Record("quality", by, StepNote.Of("legalaid.note.quality", NoteArg.Key("legalaid.quality." + kind), score.Value.ToString(CultureInfo.InvariantCulture)));
    }

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            var link = $"/legal-aid/applications/{Id}";
            if (Status == AidStatus.Forwarding && RequestedAt is { } asked)
            {
                // 24 hours, not days: due on the China date the hours end; the exact instant is ForwardDueAt.
                var due = ChinaTime.DateOf(asked + ForwardWithin);
                yield return new Deadline(ForwardClock, Id, new DeadlineClock
                {
                    StartedOn = ChinaTime.DateOf(asked), Allowance = 1, Unit = DeadlineUnit.CalendarDays, DueDate = due, YellowFrom = ChinaTime.DateOf(asked),
                }, DepartmentId, Number, null, link);
            }

            if (Status is AidStatus.Received or AidStatus.MaterialsRequested)
            {
                yield return new Deadline(ReviewClock, Id, ReviewDeadline, DepartmentId, Number, null, link);
            }

            if (Status == AidStatus.MaterialsRequested && MaterialsDue is { } by)
            {
                yield return new Deadline(MaterialsClock, Id, new DeadlineClock
                {
                    StartedOn = ReviewDeadline.PausedSince ?? ChinaTime.DateOf(ReceivedAt), Allowance = 1, Unit = DeadlineUnit.CalendarDays, DueDate = by, YellowFrom = by.AddDays(-2),
                }, DepartmentId, Number, null, link);
            }

            if (Status == AidStatus.Granted && AssignDeadline is { } assign)
            {
                yield return new Deadline(AssignClock, Id, assign, DepartmentId, Number, null, link);
            }

            if (ObjectionDeadline is { } objection)
            {
                yield return new Deadline(ObjectionClock, Id, objection, DepartmentId, Number, null, link);
            }
        }
    }

    private void StartReview(Actor by)
    {
        Status = AidStatus.Received;
        ReviewDeadline = DeadlineClock.Start(by.Calendar, by.Today, ReviewDays, DeadlineUnit.CalendarDays);
    }

    private DomainException? Is(params AidStatus[] statuses) =>
        Workflow.Unless(statuses.Contains(Status), "legalaid.step_out_of_order", "status");

    private void Record(string kind, Actor by, RecordNote note) =>
        Steps.Add(CaseStep.New<AidStep>(Id, Workflow.NextSequence(Steps), kind, by, note));

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
