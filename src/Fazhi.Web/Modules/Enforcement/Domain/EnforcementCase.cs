using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Enforcement.Domain;

/// <summary>
/// 行政处罚案件 from registration to archive (行政处罚法 2021). Each step is a named method that checks the state and the
/// law, changes the case and appends a step to its full-process record (第47条).
/// </summary>
public sealed class EnforcementCase : ICase, IVersioned, IHasDeadlines, ISearchable
{
    private EnforcementCase()
    {
    }

    public const string FilingClock = "enforcement.filing";
    public const string DecisionClock = "enforcement.decision";
    public const string ServiceClock = "enforcement.service";
    public const string PaymentClock = "enforcement.payment";
    public const string StatementClock = "enforcement.statement";

    /// <summary>第60条: 90 calendar days from filing.</summary>
    public const int DecisionDays = 90;

    /// <summary>第61条 with 第85条: 7 working days to serve the decision.</summary>
    public const int ServiceDays = 7;

    /// <summary>第67条: 15 calendar days to pay.</summary>
    public const int PaymentDays = 15;

    /// <summary>第63-64条 with 第85条: a hearing is asked for within 5 working days and noticed 7 working days ahead.</summary>
    public const int HearingRequestDays = 5;

    public const int HearingNoticeDays = 7;

    /// <summary>第51条: on the spot up to 200 yuan for a person, 3,000 for an organisation.</summary>
    public static decimal SimpleLimit(PartyKind kind) => kind == PartyKind.Person ? 200m : 3_000m;

    /// <summary>第36条: 2 years, 5 where life, health or financial safety is involved.</summary>
    public static int LimitationYears(bool involvesSafety) => involvesSafety ? 5 : 2;

    /// <summary>第72条: 3% of the fine a day after the last day to pay, at most the fine itself.</summary>
    public static decimal LateFine(decimal fine, DateOnly lastDayToPay, DateOnly on)
    {
        var days = on.DayNumber - lastDayToPay.DayNumber;
        return days <= 0 || fine <= 0 ? 0m : Math.Min(fine, Math.Round(fine * 0.03m * days, 2, MidpointRounding.AwayFromZero));
    }

    public Guid Id { get; private set; }

    /// <summary>案件编号, e.g. 塘市监立〔2026〕12号.</summary>
    public string Number { get; private set; } = "";

    public Guid DepartmentId { get; private set; }

    public CaseSource Source { get; private set; }

    /// <summary>Who complained, referred or transferred it, or which inspection found it.</summary>
    public string? SourceNote { get; private set; }

    public Procedure Procedure { get; private set; }

    public CaseStatus Status { get; private set; }

    /// <summary>案由.</summary>
    public string Matter { get; private set; } = "";

    public string Facts { get; private set; } = "";

    /// <summary>The day the act was done, or the continuing act ended (第36条 counts from it).</summary>
    public DateOnly ActOn { get; private set; }

    public DateOnly DiscoveredOn { get; private set; }

    /// <summary>Life, health or financial safety is involved: 5 years instead of 2.</summary>
    public bool InvolvesSafety { get; private set; }

    public DateTime RegisteredAt { get; private set; }

    public string RegisteredBy { get; private set; } = "";

    public CaseParty Party { get; private set; } = new();

    /// <summary>立案 limit from discovery, working days, the department's.</summary>
    public DeadlineClock? Filing { get; private set; }

    public DateOnly? FiledOn { get; private set; }

    public string? FiledBy { get; private set; }

    public string? NotFiledReason { get; private set; }

    /// <summary>90 days from filing (第60条), with approved extensions.</summary>
    public DeadlineClock? Decision { get; private set; }

    public PenaltyKind? ProposedKind { get; private set; }

    public decimal ProposedFine { get; private set; }

    public decimal ProposedConfiscation { get; private set; }

    /// <summary>违反的法律条款.</summary>
    public string? Provisions { get; private set; }

    /// <summary>处罚依据.</summary>
    public string? Basis { get; private set; }

    public Guid? DiscretionRuleId { get; private set; }

    /// <summary>The benchmark or list entry applied, as the decision states it.</summary>
    public string? DiscretionCitation { get; private set; }

    public DateOnly? NoticeServedOn { get; private set; }

    /// <summary>The notice's own number in the department's series (塘市监告〔2026〕5号), not the filing number.</summary>
    public string? NoticeNumber { get; private set; }

    /// <summary>简易程序: when and where the act was done, as the decision on the spot states them.</summary>
    public DateTime? ActAt { get; private set; }

    public string? ActPlace { get; private set; }

    /// <summary>第55条: the officers showed their certificates to the party (or the person present) at the start of the investigation.</summary>
    public DateOnly? CertificatesShownOn { get; private set; }

    /// <summary>To whom, and where: e.g. 当事人林建国，于其经营场所.</summary>
    public string? CertificatesShownTo { get; private set; }

    public bool MajorPublicInterest { get; private set; }

    public bool Complex { get; private set; }

    public bool HearingEligible { get; private set; }

    public DeadlineClock? HearingRequestWindow { get; private set; }

    public bool ReviewRequired { get; private set; }

    /// <summary>第44-45条: the party's period to state and defend, from the notice (the department's working days).</summary>
    public DeadlineClock? StatementWindow { get; private set; }

    /// <summary>The party gave up stating and defending in writing, before the period ended (the signed waiver is on the record).</summary>
    public DateOnly? StatementWaivedOn { get; private set; }

    public string? Statement { get; private set; }

    public string? StatementRecheck { get; private set; }

    public DateOnly? HearingRequestedOn { get; private set; }

    public bool HearingWaived { get; private set; }

    public DateOnly? HearingNoticedOn { get; private set; }

    public DateOnly? HearingOn { get; private set; }

    public string? HearingPresider { get; private set; }

    public string? HearingAgents { get; private set; }

    public string? HearingTranscript { get; private set; }

    public DateOnly? HearingHeldOn { get; private set; }

    /// <summary>第64条(十): the party signed the transcript; otherwise why not (refused, noted by the presider).</summary>
    public bool HearingTranscriptSigned { get; private set; }

    public string? HearingSignatureNote { get; private set; }

    public DateOnly? DiscussedOn { get; private set; }

    public string? DiscussionParticipants { get; private set; }

    public string? DiscussionConclusion { get; private set; }

    /// <summary>处罚决定书 number, e.g. 塘市监罚〔2026〕12号.</summary>
    public string? DecisionNumber { get; private set; }

    public DateOnly? DecidedOn { get; private set; }

    public string? DecidedBy { get; private set; }

    public PenaltyKind? PenaltyKind { get; private set; }

    public decimal Fine { get; private set; }

    public decimal Confiscation { get; private set; }

    /// <summary>How and by when the penalty is performed (第59条).</summary>
    public string? Performance { get; private set; }

    public DeadlineClock? Service { get; private set; }

    public DateOnly? ServedOn { get; private set; }

    /// <summary>The instant of service as the proof records it (UTC).</summary>
    public DateTime? ServedAt { get; private set; }

    /// <summary>Who received it: the party, a family member, the representative, the post's addressee, the electronic address.</summary>
    public string? ServiceRecipient { get; private set; }

    /// <summary>The proof of service (送达回证 signed, the postal receipt, the electronic delivery record, the announcement), by SHA-256.</summary>
    public string? ServiceProofSha256 { get; private set; }

    public ServiceMethod? ServiceMethod { get; private set; }

    public bool ElectronicConsent { get; private set; }

    /// <summary>The party was told at service that the decision will be published (118号文).</summary>
    public DateOnly? DisclosureToldOn { get; private set; }

    public DeadlineClock? Payment { get; private set; }

    public DateOnly? PaidOn { get; private set; }

    public decimal? PaidAmount { get; private set; }

    public decimal? LateFinePaid { get; private set; }

    public DateOnly? ClosedOn { get; private set; }

    public string? CloseNote { get; private set; }

    public DateOnly? ArchivedOn { get; private set; }

    /// <summary>档案号.</summary>
    public string? FileNumber { get; private set; }

    /// <summary>撤销或者变更: the decision was revoked or changed; its publication is withdrawn within 3 working days.</summary>
    public DateOnly? RevokedOn { get; private set; }

    public string? RevocationReason { get; private set; }

    public Guid RowVersion { get; set; }

    public List<CaseOfficer> Officers { get; private set; } = [];

    public List<Evidence> Evidence { get; private set; } = [];

    public List<LegalityReview> Reviews { get; private set; } = [];

    public List<Extension> Extensions { get; private set; } = [];

    public List<ClockPause> Pauses { get; private set; } = [];

    public List<RecordStep> Steps { get; private set; } = [];

    public bool IsOpen => Status is CaseStatus.Registered or CaseStatus.Investigation or CaseStatus.Notified or CaseStatus.Decided or CaseStatus.Served;

    public IEnumerable<CaseOfficer> ActiveOfficers => Officers.Where(o => o.Active);

    /// <summary>A review passed after the last one submitted.</summary>
    public bool ReviewPassed => Reviews.OrderBy(r => r.SubmittedAt).LastOrDefault() is { Passed: true };

    public LegalityReview? OpenReview => Reviews.FirstOrDefault(r => r.Passed is null);

    /// <summary>The last day to pay: the payment clock's due date.</summary>
    public decimal LateFineOn(DateOnly on) => Payment is { } p ? LateFine(Fine, p.DueDate, on) : 0m;

    IReadOnlyList<CaseStep> ICase.Record => Steps;

    string ISearchable.SearchEntity => EnforcementModule.CaseSearchEntity;

    Guid ISearchable.SearchId => Id;

    /// <summary>Found by its numbers, its matter and its party's name (never by an identifier).</summary>
    string ISearchable.SearchText => string.Join(" | ", new[] { Number, DecisionNumber, Matter, Party.Name }.Where(t => !string.IsNullOrEmpty(t)));

    /// <summary>The actions <paramref name="by"/> may take now: those whose guard passes. The transitions check the same guards.</summary>
    public IReadOnlyList<CaseAction> AvailableActions(CaseRights by) => Workflow.Available<CaseAction>(a => Guard(a, by));

    /// <summary>Why <paramref name="action"/> cannot be taken now by <paramref name="by"/>, or null when it can (state and rights; not the input).</summary>
    public DomainException? Guard(CaseAction action, CaseRights by) =>
        // A revoked decision ends the case's steps; only a note or file may still be added to its record.
        RevokedOn is not null && action != CaseAction.Attach ? new DomainException("enforcement.revoked", "action", ErrorKind.Conflict)
        : GuardOf(action, by);

    private DomainException? GuardOf(CaseAction action, CaseRights by) => action switch
    {
        CaseAction.AssignOfficer => StaffRule(by) ?? OpenRule() ?? Workflow.Unless(DecidedOn is null, "enforcement.step_out_of_order"),
        // 第43条: an officer's recusal is decided by the agency's head.
        CaseAction.Recuse => HeadRule(by) ?? OpenRule() ?? Workflow.Unless(ActiveOfficers.Any(), "enforcement.step_out_of_order"),
        CaseAction.ShowCertificates => StaffRule(by) ?? State(CaseStatus.Investigation) ?? Workflow.Unless(CertificatesShownOn is null, "enforcement.certificates_shown"),
        // 第54条: filing is approved by the agency's head.
        CaseAction.ApproveFiling => HeadRule(by) ?? State(CaseStatus.Registered) ?? TwoCertified(by),
        CaseAction.RefuseFiling => HeadRule(by) ?? State(CaseStatus.Registered),
        CaseAction.ExtendFiling => HeadRule(by) ?? State(CaseStatus.Registered)
            ?? Workflow.Unless(!Extensions.Any(e => e.Limit == "filing"), "enforcement.filing_extension_limit", "days", ErrorKind.Conflict, by.Rules.FilingExtensionDays),
        CaseAction.ExtendDecision => HeadRule(by) ?? State(CaseStatus.Investigation, CaseStatus.Notified),
        CaseAction.PauseDecision => StaffRule(by) ?? State(CaseStatus.Investigation, CaseStatus.Notified)
            ?? Workflow.Unless(Decision is { IsPaused: false }, "enforcement.decision_paused"),
        CaseAction.ResumeDecision => StaffRule(by) ?? State(CaseStatus.Investigation, CaseStatus.Notified)
            ?? Workflow.Unless(Decision is { IsPaused: true }, "enforcement.decision_not_paused"),
        CaseAction.AddEvidence => StaffRule(by) ?? State(CaseStatus.Investigation, CaseStatus.Notified),
        CaseAction.DecidePreservation => StaffRule(by) ?? OpenRule()
            ?? Workflow.Unless(Evidence.Any(e => e.Preserved && e.PreservationDecidedOn is null), "enforcement.preservation_decided", "evidenceId"),
        // 第44条 after 第42条: two officers and the evidence first.
        CaseAction.IssueNotice => StaffRule(by) ?? State(CaseStatus.Investigation) ?? TwoCertified(by)
            ?? Workflow.Unless(Evidence.Count > 0, "enforcement.evidence_required", "evidence")
            ?? Workflow.Unless(CertificatesShownOn is not null, "enforcement.certificates_not_shown", "certificates"),
        CaseAction.RecordStatement => StaffRule(by) ?? State(CaseStatus.Notified),
        CaseAction.WaiveStatement => StaffRule(by) ?? State(CaseStatus.Notified)
            ?? Workflow.Unless(Statement is null && StatementWaivedOn is null, "enforcement.statement_answered"),
        CaseAction.RequestHearing => StaffRule(by) ?? State(CaseStatus.Notified)
            ?? Workflow.Unless(HearingEligible, "enforcement.hearing_not_applicable")
            ?? Workflow.Unless(HearingRequestedOn is null && !HearingWaived, "enforcement.hearing_already_answered"),
        CaseAction.WaiveHearing => StaffRule(by) ?? State(CaseStatus.Notified)
            ?? Workflow.Unless(HearingEligible && HearingHeldOn is null && !HearingWaived, "enforcement.hearing_not_applicable"),
        CaseAction.ScheduleHearing => StaffRule(by) ?? State(CaseStatus.Notified)
            ?? Workflow.Unless(HearingRequestedOn is not null && !HearingWaived && HearingHeldOn is null && HearingOn is null, "enforcement.hearing_not_requested"),
        CaseAction.HoldHearing => StaffRule(by) ?? State(CaseStatus.Notified)
            ?? Workflow.Unless(HearingOn is not null && HearingHeldOn is null && !HearingWaived, "enforcement.hearing_not_scheduled")
            ?? Workflow.Unless(HearingOn <= by.Today, "enforcement.hearing_not_yet", "action", ErrorKind.Conflict, HearingOn?.ToString("yyyy-MM-dd") ?? ""),
        CaseAction.SubmitForReview => StaffRule(by) ?? State(CaseStatus.Notified)
            ?? Workflow.Unless(OpenReview is null, "enforcement.review_open") ?? Workflow.Unless(!ReviewPassed, "enforcement.review_passed"),
        // 第58条: a registered reviewer who did not handle the case, qualified when new to it.
        CaseAction.Review => ReviewerRule(by) ?? State(CaseStatus.Notified) ?? Workflow.Unless(OpenReview is not null, "enforcement.review_not_submitted"),
        CaseAction.Discuss => StaffRule(by) ?? State(CaseStatus.Notified),
        CaseAction.Decide => StaffRule(by) ?? State(CaseStatus.Notified) ?? TwoCertified(by)
            ?? (DecisionBlocker(ProposedKind ?? Domain.PenaltyKind.NoPenalty, ProposedFine, ProposedConfiscation, by.Rules, by.Today) is { } blocker
                ? new DomainException(blocker, "action", ErrorKind.Conflict) : null),
        CaseAction.Serve => StaffRule(by) ?? State(CaseStatus.Decided),
        CaseAction.RecordPayment => StaffRule(by) ?? State(CaseStatus.Served) ?? Workflow.Unless(Fine > 0 && PaidOn is null, "enforcement.nothing_to_pay"),
        CaseAction.Close => StaffRule(by) ?? State(CaseStatus.Served)
            ?? Workflow.Unless(!Evidence.Any(e => e.Preserved && e.PreservationDecidedOn is null), "enforcement.preservation_open", "evidence"),
        CaseAction.Archive => StaffRule(by) ?? State(CaseStatus.Closed),
        CaseAction.Revoke => HeadRule(by) ?? Workflow.Unless(DecidedOn is not null && RevokedOn is null, "enforcement.step_out_of_order"),
        CaseAction.Attach => StaffRule(by) ?? Workflow.Unless(Status != CaseStatus.Archived, "enforcement.case_closed", "status"),
        // A legal advisor's written opinion on an open case, through Documents' public face.
        CaseAction.AskOpinion => StaffRule(by) ?? OpenRule(),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    private void Check(CaseAction action, CaseRights by) => Workflow.Check(Guard(action, by));

    /// <summary>The department's officers, or a supervisor; a legality reviewer alone does not handle the department's cases.</summary>
    private static DomainException? StaffRule(CaseRights by) =>
        Workflow.Unless(by.Actor.UserId is null || by.Actor.IsInAny(EnforcementRoles.Officer, Roles.Supervisor, Roles.Administrator), "enforcement.officers_only", "action", ErrorKind.Forbidden)
        ?? OwnCertificateRule(by);

    /// <summary>负责人: a supervisor, or an officer of the department marked as its head.</summary>
    private static DomainException? HeadRule(CaseRights by) => Workflow.Unless(by.IsHead, "enforcement.head_only", "action", ErrorKind.Forbidden) ?? OwnCertificateRule(by);

    /// <summary>
    /// 第42条: an officer acts only while their certificate is valid, on every step, not only when assigned. Supervisors and
    /// administrators act as the department's management, not as certified officers.
    /// </summary>
    private static DomainException? OwnCertificateRule(CaseRights by) =>
        by.Actor.UserId is null || by.Actor.IsInAny(Roles.Supervisor, Roles.Administrator) || !by.Actor.IsIn(EnforcementRoles.Officer) ? null
        : by.ActingOfficer is not { } me ? new DomainException("enforcement.no_certificate", "action", ErrorKind.Forbidden)
        : !me.CanActOn(by.Today) ? new DomainException("enforcement.own_certificate_lapsed", "action", ErrorKind.Forbidden, me.Name, me.CertificateNumber)
        : null;

    /// <summary>The officers on the case whose certificate is valid on the day of the step (第42条).</summary>
    public IEnumerable<CaseOfficer> CertifiedOfficers(CaseRights by) => ActiveOfficers.Where(o => by.CertifiedOn(o.OfficerId));

    /// <summary>Officers on the case whose certificate has lapsed or been suspended since they were assigned: the case needs another.</summary>
    public IEnumerable<CaseOfficer> LapsedOfficers(CaseRights by) => ActiveOfficers.Where(o => !by.CertifiedOn(o.OfficerId));

    private DomainException? TwoCertified(CaseRights by) =>
        Workflow.Unless(CertifiedOfficers(by).Count() >= 2, "enforcement.two_officers_required", "officerIds");

    private DomainException? ReviewerRule(CaseRights by) =>
        Workflow.Unless(by.Actor.UserId is null || by.Actor.IsIn(EnforcementRoles.LegalityReviewer), "enforcement.reviewers_only", "reviewer", ErrorKind.Forbidden)
        ?? (by.Reviewer is not { } reviewer ? new DomainException("enforcement.reviewer_unregistered", "reviewer", ErrorKind.Forbidden)
            : reviewer.UserName == RegisteredBy || Officers.Any(o => o.UserName is not null && o.UserName == reviewer.UserName)
                ? new DomainException("enforcement.reviewer_is_handler", "reviewer", ErrorKind.Conflict)
                : !reviewer.MayReview ? new DomainException("enforcement.reviewer_unqualified", "reviewer", ErrorKind.Conflict) : null);

    private DomainException? OpenRule() => Workflow.Unless(IsOpen, "enforcement.case_closed", "status");

    private DomainException? State(params CaseStatus[] statuses) => Workflow.Unless(statuses.Contains(Status), "enforcement.step_out_of_order", "status");

    /// <summary>线索登记. Past the limitation (第36条) it is refused.</summary>
    public static EnforcementCase Register(
        string number, Guid departmentId, DepartmentRules rules, CaseSource source, string? sourceNote, string matter, string facts,
        DateOnly actOn, DateOnly discoveredOn, bool involvesSafety, CaseParty party, CaseRights by)
    {
        CheckLimitation(actOn, discoveredOn, involvesSafety, by.Today);
        var c = New(number, departmentId, source, sourceNote, matter, facts, actOn, discoveredOn, involvesSafety, party, by);
        c.Procedure = Procedure.Ordinary;
        c.Status = CaseStatus.Registered;
        // 第54条 "及时立案"; the sector's days (市场监管: 15 working days from discovery).
        c.Filing = DeadlineClock.Start(by.Calendar, discoveredOn, rules.FilingDays);
        c.Step("registered", by, c.SourceNote is null ? StepNote.Of("note.one", NoteArg.Key("enforcement.source." + source))
            : StepNote.Of("note.pair", NoteArg.Key("enforcement.source." + source), c.SourceNote));
        return c;
    }

    /// <summary>
    /// 简易程序 (第51-52条): a warning or a fine up to 200 / 3,000 yuan decided on the spot by two officers, the decision
    /// handed to the party there.
    /// </summary>
    public static EnforcementCase OnTheSpot(
        string number, string decisionNumber, Guid departmentId, CaseSource source, string matter, string facts, DateOnly actOn, CaseParty party,
        IReadOnlyList<Officer> officers, PenaltyKind kind, decimal fine, string provisions, string basis, DiscretionRule? rule, CaseRights by,
        DateTime? actAt = null, string? place = null)
    {
        if (kind is not (Domain.PenaltyKind.Warning or Domain.PenaltyKind.Fine))
        {
            throw new DomainException("enforcement.simple_kind", "penaltyKind", ErrorKind.Invalid);
        }

        if (fine > SimpleLimit(party.Kind) || fine < 0 || (kind == Domain.PenaltyKind.Fine && fine == 0))
        {
            throw new DomainException("enforcement.simple_fine_too_large", "fine", ErrorKind.Invalid, SimpleLimit(party.Kind));
        }

        CheckLimitation(actOn, by.Today, false, by.Today);
        var c = New(number, departmentId, source, null, matter, facts, actOn, by.Today, false, party, by);
        c.Procedure = Procedure.Simple;
        (c.ActAt, c.ActPlace) = (actAt, string.IsNullOrWhiteSpace(place) ? null : place.Trim());
        foreach (var (o, i) in officers.Select((o, i) => (o, i)))
        {
            c.Assign(o, i == 0 ? OfficerRole.Lead : OfficerRole.Assisting, by);
        }

        c.CheckTwoOfficers(by);
        c.Cite(rule, kind, fine);
        (c.Provisions, c.Basis) = (provisions, basis);
        (c.ProposedKind, c.ProposedFine) = (kind, fine);
        c.DecisionNumber = decisionNumber;
        (c.DecidedOn, c.DecidedBy, c.PenaltyKind, c.Fine) = (by.Today, by.Name, kind, fine);
        c.Performance = fine > 0 ? "自收到本决定书之日起十五日内缴纳罚款" : "当场予以警告";
        c.Step("on_the_spot", by, StepNote.Of("enforcement.note.decided", decisionNumber, NoteArg.Key("enforcement.penalty." + kind), NoteArg.Yuan(fine)));
        (c.ServedAt, c.ServiceRecipient) = (by.Now, party.Name);
        c.MarkServed(by.Today, Domain.ServiceMethod.InPerson, false, by);
        return c;
    }

    private static EnforcementCase New(
        string number, Guid departmentId, CaseSource source, string? sourceNote, string matter, string facts, DateOnly actOn, DateOnly discoveredOn,
        bool involvesSafety, CaseParty party, CaseRights by)
    {
        if (discoveredOn > by.Today || actOn > discoveredOn)
        {
            throw new DomainException("enforcement.dates_out_of_order", actOn > discoveredOn ? "actOn" : "discoveredOn");
        }

        var c = new EnforcementCase
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            DepartmentId = departmentId,
            Source = source,
            SourceNote = string.IsNullOrWhiteSpace(sourceNote) ? null : sourceNote.Trim(),
            Matter = matter.Trim(),
            Facts = facts.Trim(),
            ActOn = actOn,
            DiscoveredOn = discoveredOn,
            InvolvesSafety = involvesSafety,
            RegisteredAt = by.Now,
            RegisteredBy = by.UserName,
            RowVersion = Guid.NewGuid(),
        };
        party.CaseId = c.Id;
        c.Party = party;
        return c;
    }

    private static void CheckLimitation(DateOnly actOn, DateOnly discoveredOn, bool involvesSafety, DateOnly today)
    {
        // 第36条: not discovered within 2 (5) years of the act or its end, no penalty.
        var years = LimitationYears(involvesSafety);
        if (actOn.AddYears(years) < discoveredOn)
        {
            throw new DomainException("enforcement.limitation_passed", "actOn", ErrorKind.Conflict, years, actOn.AddYears(years).ToString("yyyy-MM-dd"));
        }
    }

    /// <summary>指派执法人员 (第42条): only an officer whose certificate is valid today.</summary>
    public void Assign(Officer officer, OfficerRole role, CaseRights by)
    {
        Check(CaseAction.AssignOfficer, by);
        CheckOpen();
        if (officer.DepartmentId != DepartmentId)
        {
            throw new DomainException("enforcement.officer_other_department", "officerId", ErrorKind.Conflict, officer.Name);
        }

        if (!officer.CanActOn(by.Today))
        {
            throw new DomainException("enforcement.officer_certificate_lapsed", "officerId", ErrorKind.Conflict, officer.Name, officer.CertificateNumber);
        }

        if (Officers.Any(o => o.OfficerId == officer.Id && o.Active))
        {
            return;
        }

        if (Officers.Any(o => o.OfficerId == officer.Id && !o.Active))
        {
            throw new DomainException("enforcement.officer_recused", "officerId", ErrorKind.Conflict, officer.Name);
        }

        Officers.Add(new CaseOfficer
        {
            CaseId = Id, OfficerId = officer.Id, Name = officer.Name, CertificateNumber = officer.CertificateNumber, UserName = officer.UserName,
            Role = role, AssignedAt = by.Now,
        });
        Step("officer_assigned", by, StepNote.Of("enforcement.note.officer", officer.Name, officer.CertificateNumber));
    }

    /// <summary>回避 (第43条): the officer leaves the case; the reason stays on record.</summary>
    public void Recuse(Guid officerId, string? reason, CaseRights by)
    {
        Check(CaseAction.Recuse, by);
        CheckOpen();
        new Validator().Required("reason", reason, 500).ThrowIfInvalid();
        var o = Officers.FirstOrDefault(x => x.OfficerId == officerId && x.Active) ?? throw DomainException.NotFound("officerId");
        (o.RecusedAt, o.RecusalReason, o.RecusalDecidedBy) = (by.Now, reason!.Trim(), by.Name);
        Step("recused", by, StepNote.Of("enforcement.note.recused", o.Name, o.RecusalReason, by.Name));
    }

    /// <summary>出示执法证件 (第55条): recorded with whom it was shown to, before the notice of intended penalty.</summary>
    public void ShowCertificates(DateOnly on, string? shownTo, CaseRights by)
    {
        Check(CaseAction.ShowCertificates, by);
        new Validator().Required("shownTo", shownTo, 200).Check(on <= by.Today && on >= (FiledOn ?? DiscoveredOn), "shownOn", "enforcement.date_out_of_case").ThrowIfInvalid();
        (CertificatesShownOn, CertificatesShownTo) = (on, shownTo!.Trim());
        Step("certificates_shown", by, StepNote.Of("enforcement.note.certificates", NoteArg.List(ActiveOfficers.Select(o => $"{o.Name} {o.CertificateNumber}")), CertificatesShownTo));
    }

    /// <summary>立案 approved by the department's head; two certified officers are on it (第42条, 第54条).</summary>
    public void ApproveFiling(CaseRights by)
    {
        Check(CaseAction.ApproveFiling, by);
        Expect(CaseStatus.Registered);
        CheckLimitation(ActOn, DiscoveredOn, InvolvesSafety, by.Today);
        Status = CaseStatus.Investigation;
        (FiledOn, FiledBy) = (by.Today, by.Name);
        // 第60条: 90 days from filing, calendar days.
        Decision = DeadlineClock.Start(by.Calendar, by.Today, DecisionDays, DeadlineUnit.CalendarDays);
        Step("filing_approved", by, null);
    }

    /// <summary>不予立案, with the reason.</summary>
    public void RefuseFiling(string? reason, CaseRights by)
    {
        Check(CaseAction.RefuseFiling, by);
        Expect(CaseStatus.Registered);
        new Validator().Required("reason", reason, 1000).ThrowIfInvalid();
        Status = CaseStatus.NotFiled;
        NotFiledReason = reason!.Trim();
        ClosedOn = by.Today;
        Step("filing_refused", by, NotFiledReason);
    }

    /// <summary>
    /// An approved extension of the filing limit (once, up to the department's days) or of the 90-day limit: the first by the
    /// head, up to the department's days (市场监管: 30); a further one only as the heads' collective discussion decided it
    /// (市场监管行政处罚程序规定 第64条), each for a set period.
    /// </summary>
    public void Extend(string limit, int days, string? reason, DepartmentRules rules, CaseRights by, string? discussion = null)
    {
        Check(limit == "filing" ? CaseAction.ExtendFiling : CaseAction.ExtendDecision, by);
        new Validator().Required("reason", reason, 500).Check(days > 0, "days", "range", 1, 365).MaxLength("discussion", discussion, 500).ThrowIfInvalid();
        var further = limit == "decision" && Extensions.Any(e => e.Limit == "decision");
        switch (limit)
        {
            case "filing":
                Expect(CaseStatus.Registered);
                if (Extensions.Any(e => e.Limit == "filing") || days > rules.FilingExtensionDays)
                {
                    throw new DomainException("enforcement.filing_extension_limit", "days", ErrorKind.Conflict, rules.FilingExtensionDays);
                }

                Filing = Filing!.Extend(by.Calendar, days);
                break;
            case "decision":
                Expect(CaseStatus.Investigation, CaseStatus.Notified);
                if (further && string.IsNullOrWhiteSpace(discussion))
                {
                    throw new DomainException("enforcement.extension_needs_discussion", "discussion", ErrorKind.Conflict, rules.DecisionExtensionDays);
                }

                if (days > rules.DecisionExtensionDays)
                {
                    throw new DomainException("enforcement.decision_extension_limit", "days", ErrorKind.Invalid, rules.DecisionExtensionDays);
                }

                Decision = Decision!.Extend(by.Calendar, days);
                break;
            default:
                throw new DomainException("invalid", "limit");
        }

        var held = further ? discussion!.Trim() : null;
        Extensions.Add(new Extension
        {
            Id = Guid.CreateVersion7(), CaseId = Id, Limit = limit, Days = days, Reason = reason!.Trim(), ApprovedBy = by.Name, ApprovedAt = by.Now, Discussion = held,
        });
        Step(limit + "_extended", by, held is null ? StepNote.Of("enforcement.note.extended", days.ToString(System.Globalization.CultureInfo.InvariantCulture), reason!.Trim())
            : StepNote.Of("enforcement.note.extended_discussed", days.ToString(System.Globalization.CultureInfo.InvariantCulture), reason!.Trim(), held));
    }

    /// <summary>
    /// The 90-day limit stands still for a period the sector rules leave out (hearing, testing, appraisal, announcement:
    /// 市场监管行政处罚程序规定 第64条第2款), with the reason on the record.
    /// </summary>
    public void PauseDecision(PauseReason reason, string? note, CaseRights by)
    {
        Check(CaseAction.PauseDecision, by);
        new Validator().Check(Enum.IsDefined(reason), "reason", "required").Required("note", note, 500).ThrowIfInvalid();
        Decision = Decision!.Pause(by.Calendar, by.Today);
        Pauses.Add(new ClockPause { Id = Guid.CreateVersion7(), CaseId = Id, Reason = reason, Note = note!.Trim(), From = by.Today, PausedBy = by.Name });
        Step("decision_paused", by, StepNote.Of("note.pair", NoteArg.Key("enforcement.pause." + reason), note!.Trim()));
    }

    /// <summary>The excluded period ended: the 90-day limit runs again, its due date moved by the days it stood still.</summary>
    public void ResumeDecision(CaseRights by)
    {
        Check(CaseAction.ResumeDecision, by);
        Decision = Decision!.Resume(by.Calendar, by.Today);
        if (Pauses.LastOrDefault(p => p.To is null) is { } open)
        {
            (open.To, open.ResumedBy) = (by.Today, by.Name);
        }

        Step("decision_resumed", by, StepNote.Of("enforcement.note.due", NoteArg.Day(Decision.DueDate)));
    }

    /// <summary>调查取证: a piece of evidence, optionally registered and preserved (第56条: decided within 7 working days).</summary>
    public Evidence AddEvidence(EvidenceKind kind, string? title, bool preserve, string? sha256, string? contentType, long? size, CaseRights by, string? noRecordingReason = null)
    {
        Check(CaseAction.AddEvidence, by);
        Expect(CaseStatus.Investigation, CaseStatus.Notified);
        new Validator().Required("title", title, 300).MaxLength("noRecordingReason", noRecordingReason, 500).ThrowIfInvalid();
        // 第47条: 先行登记保存 is a compulsory measure on the spot, recorded in audio and video, or the reason why not.
        var reason = preserve ? RecordingRule(contentType, noRecordingReason) : null;
        var e = new Evidence
        {
            Id = Guid.CreateVersion7(), CaseId = Id, Kind = kind, Title = title!.Trim(), Sha256 = sha256, ContentType = contentType, Size = size,
            CollectedAt = by.Now, CollectedBy = by.Name, Preserved = preserve,
            PreservationWindow = preserve ? DeadlineClock.Start(by.Calendar, by.Today, Domain.Evidence.PreservationDays) : null,
        };
        Evidence.Add(e);
        Step(preserve ? "preservation" : "evidence", by, reason is null ? e.Title : StepNote.Of("enforcement.note.no_recording", e.Title, reason), sha256, title, contentType);
        return e;
    }

    /// <summary>The decision on goods registered and preserved: within 7 working days (第56条).</summary>
    public void DecidePreservation(Guid evidenceId, string? outcome, CaseRights by)
    {
        Check(CaseAction.DecidePreservation, by);
        CheckOpen();
        new Validator().Required("outcome", outcome, 500).ThrowIfInvalid();
        var e = Evidence.FirstOrDefault(x => x.Id == evidenceId && x.Preserved) ?? throw DomainException.NotFound("evidenceId");
        if (e.PreservationDecidedOn is not null)
        {
            throw new DomainException("enforcement.preservation_decided", "evidenceId", ErrorKind.Conflict);
        }

        (e.PreservationOutcome, e.PreservationDecidedOn) = (outcome!.Trim(), by.Today);
        Step("preservation_decided", by, StepNote.Of("note.pair", e.Title, e.PreservationOutcome));
    }

    /// <summary>
    /// 行政处罚事先告知 (第44条): facts, reasons, basis, the intended penalty and the party's rights. It says whether a
    /// hearing may be asked for (第63条) and whether legality review (第58条) and collective discussion (第57条) will follow.
    /// </summary>
    public void IssueNotice(
        PenaltyKind kind, decimal fine, decimal confiscation, string? provisions, string? basis, DiscretionRule? rule, bool majorPublicInterest, bool complex,
        DateOnly servedOn, DepartmentRules rules, CaseRights by, string? noticeNumber = null)
    {
        Check(CaseAction.IssueNotice, by);
        Expect(CaseStatus.Investigation);
        if (Evidence.Count == 0)
        {
            throw new DomainException("enforcement.evidence_required", "evidence", ErrorKind.Conflict);
        }

        new Validator().Required("provisions", provisions, 1000).Required("basis", basis, 1000)
            .Check(fine >= 0, "fine", "range", 0, 100_000_000).Check(confiscation >= 0, "confiscation", "range", 0, 100_000_000)
            .Check(kind != Domain.PenaltyKind.Fine || fine > 0, "fine", "required")
            .Check(servedOn <= by.Today && servedOn >= FiledOn, "servedOn", "enforcement.date_out_of_case").ThrowIfInvalid();
        Cite(rule, kind, fine);
        (ProposedKind, ProposedFine, ProposedConfiscation, Provisions, Basis) = (kind, fine, confiscation, provisions!.Trim(), basis!.Trim());
        (MajorPublicInterest, Complex, NoticeServedOn, NoticeNumber) = (majorPublicInterest, complex, servedOn, noticeNumber);
        HearingEligible = rules.HearingApplies(Party.Kind, kind, fine, confiscation);
        HearingRequestWindow = HearingEligible ? DeadlineClock.Start(by.Calendar, servedOn, HearingRequestDays) : null;
        // 第44-45条: the party states and defends within the department's period (市场监管: 5 working days).
        StatementWindow = DeadlineClock.Start(by.Calendar, servedOn, rules.StatementDays);
        ReviewRequired = majorPublicInterest || complex || rules.OnMajorList(Party.Kind, kind, fine);
        Status = CaseStatus.Notified;
        Step("notice", by, StepNote.Of(HearingEligible ? "enforcement.note.notice_hearing" : "enforcement.note.notice", NoteArg.Key("enforcement.penalty." + kind), NoteArg.Yuan(fine)));
    }

    /// <summary>
    /// The party gives up stating and defending before the period ends, in writing (第44条): the signed waiver is the file of the step.
    /// </summary>
    public void WaiveStatement(DateOnly on, string? sha256, string? fileName, string? contentType, CaseRights by)
    {
        Check(CaseAction.WaiveStatement, by);
        if (sha256 is null)
        {
            throw new DomainException("enforcement.waiver_file_required", "file");
        }

        if (on < NoticeServedOn || on > by.Today)
        {
            throw new DomainException("enforcement.date_out_of_case", "waivedOn");
        }

        StatementWaivedOn = on;
        Step("statement_waived", by, StepNote.Of("note.one", NoteArg.Day(on)), sha256, fileName, contentType);
    }

    /// <summary>陈述、申辩 (第45条): heard and re-checked; arguing may not bring a heavier penalty.</summary>
    public void RecordStatement(string? statement, string? recheck, CaseRights by)
    {
        Check(CaseAction.RecordStatement, by);
        Expect(CaseStatus.Notified);
        new Validator().Required("statement", statement, 4000).Required("recheck", recheck, 4000).ThrowIfInvalid();
        (Statement, StatementRecheck) = (statement!.Trim(), recheck!.Trim());
        Step("statement", by, StatementRecheck);
    }

    /// <summary>听证申请 (第63-64条): within 5 working days of the notice.</summary>
    public void RequestHearing(DateOnly requestedOn, CaseRights by)
    {
        Check(CaseAction.RequestHearing, by);
        Expect(CaseStatus.Notified);
        if (!HearingEligible)
        {
            throw new DomainException("enforcement.hearing_not_applicable", "action", ErrorKind.Conflict);
        }

        if (HearingRequestedOn is not null || HearingWaived)
        {
            throw new DomainException("enforcement.hearing_already_answered", "action", ErrorKind.Conflict);
        }

        if (requestedOn > HearingRequestWindow!.DueDate || requestedOn < NoticeServedOn || requestedOn > by.Today)
        {
            throw new DomainException("enforcement.hearing_request_late", "requestedOn", ErrorKind.Conflict, HearingRequestWindow.DueDate.ToString("yyyy-MM-dd"));
        }

        HearingRequestedOn = requestedOn;
        Step("hearing_requested", by, StepNote.Of("note.one", NoteArg.Day(requestedOn)));
    }

    /// <summary>The party gives up the hearing (in writing, or by letting the window pass or staying away).</summary>
    public void WaiveHearing(CaseRights by)
    {
        Check(CaseAction.WaiveHearing, by);
        Expect(CaseStatus.Notified);
        if (!HearingEligible || HearingHeldOn is not null)
        {
            throw new DomainException("enforcement.hearing_not_applicable", "action", ErrorKind.Conflict);
        }

        HearingWaived = true;
        Step("hearing_waived", by, null);
    }

    /// <summary>
    /// 听证通知 (第64条): noticed at least 7 working days ahead, presided over by someone who did not investigate, one or two agents.
    /// </summary>
    public void ScheduleHearing(DateOnly noticedOn, DateOnly hearingOn, string? presider, string? agents, CaseRights by)
    {
        Check(CaseAction.ScheduleHearing, by);
        Expect(CaseStatus.Notified);
        if (HearingRequestedOn is null || HearingWaived || HearingHeldOn is not null)
        {
            throw new DomainException("enforcement.hearing_not_requested", "action", ErrorKind.Conflict);
        }

        new Validator().Required("presider", presider, 50).MaxLength("agents", agents, 200)
            .Check((agents ?? "").Split(['、', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length <= 2, "agents", "enforcement.too_many_agents")
            .ThrowIfInvalid();
        var earliest = by.Calendar.AddWorkingDays(noticedOn, HearingNoticeDays);
        if (hearingOn < earliest)
        {
            throw new DomainException("enforcement.hearing_notice_short", "hearingOn", ErrorKind.Conflict, earliest.ToString("yyyy-MM-dd"));
        }

        var name = presider!.Trim();
        if (Officers.Any(o => o.Name == name || o.UserName == name))
        {
            throw new DomainException("enforcement.presider_investigated", "presider", ErrorKind.Conflict, name);
        }

        (HearingNoticedOn, HearingOn, HearingPresider, HearingAgents) = (noticedOn, hearingOn, name, string.IsNullOrWhiteSpace(agents) ? null : agents.Trim());
        Step("hearing_scheduled", by, StepNote.Of("enforcement.note.hearing_scheduled", NoteArg.Day(hearingOn), name));
    }

    /// <summary>听证: the transcript, signed; a party who stays away has given the hearing up (第64条).</summary>
    public void HoldHearing(bool partyAbsent, string? transcript, CaseRights by, bool partySigned = false, string? signatureNote = null)
    {
        Check(CaseAction.HoldHearing, by);
        Expect(CaseStatus.Notified);
        if (HearingOn is null || HearingHeldOn is not null)
        {
            throw new DomainException("enforcement.hearing_not_scheduled", "action", ErrorKind.Conflict);
        }

        if (HearingOn > by.Today)
        {
            throw new DomainException("enforcement.hearing_not_yet", "action", ErrorKind.Conflict, HearingOn.Value.ToString("yyyy-MM-dd"));
        }

        if (partyAbsent)
        {
            HearingWaived = true;
            Step("hearing_absent", by, null);
            return;
        }

        // 第64条(十): the transcript is read and signed by the party; a refusal to sign is noted instead.
        new Validator().Required("transcript", transcript, 8000).MaxLength("signatureNote", signatureNote, 500)
            .Check(partySigned || !string.IsNullOrWhiteSpace(signatureNote), "partySigned", "enforcement.transcript_unsigned").ThrowIfInvalid();
        (HearingTranscript, HearingHeldOn) = (transcript!.Trim(), by.Today);
        (HearingTranscriptSigned, HearingSignatureNote) = (partySigned, string.IsNullOrWhiteSpace(signatureNote) ? null : signatureNote.Trim());
        // 第58条(二): a decision that went through a hearing is reviewed.
        ReviewRequired = true;
        Step("hearing_held", by, partySigned ? StepNote.Of("enforcement.note.transcript_signed") : StepNote.Of("enforcement.note.transcript_unsigned", HearingSignatureNote));
    }

    /// <summary>送法制审核.</summary>
    public void SubmitForReview(CaseRights by)
    {
        Check(CaseAction.SubmitForReview, by);
        Expect(CaseStatus.Notified);
        if (OpenReview is not null)
        {
            throw new DomainException("enforcement.review_open", "action", ErrorKind.Conflict);
        }

        Reviews.Add(new LegalityReview { Id = Guid.CreateVersion7(), CaseId = Id, SubmittedAt = by.Now, SubmittedBy = by.Name });
        Step("review_submitted", by, null);
    }

    /// <summary>
    /// 法制审核 (第58条): by a reviewer who did not handle the case, holding the legal qualification when new to it; nine points, all
    /// of which must pass.
    /// </summary>
    public void Review(IReadOnlyCollection<ReviewPoint> failed, string? opinion, CaseRights by)
    {
        Check(CaseAction.Review, by);
        var reviewer = by.Reviewer!;
        var review = OpenReview!;

        new Validator().MaxLength("opinion", opinion, 4000).Check(failed.Count == 0 || !string.IsNullOrWhiteSpace(opinion), "opinion", "required").ThrowIfInvalid();
        (review.Reviewer, review.ReviewerName, review.ReviewedAt, review.Failed, review.Passed, review.Opinion) =
            (reviewer.UserName, reviewer.Name, by.Now, [.. failed.Distinct().Order()], failed.Count == 0, string.IsNullOrWhiteSpace(opinion) ? null : opinion.Trim());
        Step(failed.Count == 0 ? "review_passed" : "review_returned", by, review.Opinion);
    }

    /// <summary>集体讨论 (第57条) by the agency's heads, for heavy penalties.</summary>
    public void Discuss(DateOnly on, string? participants, string? conclusion, CaseRights by)
    {
        Check(CaseAction.Discuss, by);
        Expect(CaseStatus.Notified);
        new Validator().Required("participants", participants, 500).Required("conclusion", conclusion, 2000).Check(on <= by.Today, "discussedOn", "enforcement.date_out_of_case").ThrowIfInvalid();
        (DiscussedOn, DiscussionParticipants, DiscussionConclusion) = (on, participants!.Trim(), conclusion!.Trim());
        Step("discussion", by, DiscussionConclusion);
    }

    /// <summary>Whether a decision may be made now, and if not the code that says why: the guards <see cref="Decide"/> uses.</summary>
    public string? DecisionBlocker(PenaltyKind kind, decimal fine, decimal confiscation, DepartmentRules rules, DateOnly today)
    {
        if (Status != CaseStatus.Notified)
        {
            return "enforcement.step_out_of_order";
        }

        if (HearingEligible && HearingRequestedOn is null && !HearingWaived && today <= HearingRequestWindow!.DueDate)
        {
            return "enforcement.hearing_window_open";
        }

        if (HearingRequestedOn is not null && HearingHeldOn is null && !HearingWaived)
        {
            return "enforcement.hearing_pending";
        }

        // 第44-45条: not before the party's period to state and defend ends, unless they stated or waived it in writing.
        if (StatementWindow is { } statement && Statement is null && StatementWaivedOn is null && today <= statement.DueDate)
        {
            return "enforcement.statement_period_open";
        }

        if ((ReviewRequired || Reviews.Count > 0 || rules.OnMajorList(Party.Kind, kind, fine)) && !ReviewPassed)
        {
            return "enforcement.review_required";
        }

        if (rules.IsHeavy(Party.Kind, kind, fine) && DiscussedOn is null)
        {
            return "enforcement.discussion_required";
        }

        if (Heavier(kind, fine, confiscation))
        {
            // 第45条: no heavier penalty because the party argued; anything heavier than noticed needs a new notice.
            return Statement is not null ? "enforcement.heavier_after_defence" : "enforcement.heavier_than_notice";
        }

        return null;
    }

    /// <summary>行政处罚决定 (第57-59条), after every guard; the 7-working-day service clock starts (第61条).</summary>
    public void Decide(string decisionNumber, PenaltyKind kind, decimal fine, decimal confiscation, string? performance, DepartmentRules rules, CaseRights by)
    {
        Workflow.Check(StaffRule(by) ?? TwoCertified(by));
        new Validator().Check(fine >= 0, "fine", "range", 0, 100_000_000).Check(kind != Domain.PenaltyKind.Fine || fine > 0, "fine", "required")
            .MaxLength("performance", performance, 1000).ThrowIfInvalid();
        if (DecisionBlocker(kind, fine, confiscation, rules, by.Today) is { } blocker)
        {
            throw new DomainException(blocker, "action", ErrorKind.Conflict);
        }

        if (kind == Domain.PenaltyKind.Fine && DiscretionRuleId is null)
        {
            throw new DomainException("enforcement.discretion_required", "discretionRuleId", ErrorKind.Conflict);
        }

        if (Decision is { IsPaused: true })
        {
            ResumeDecision(by);
        }

        (DecisionNumber, DecidedOn, DecidedBy, PenaltyKind, Fine, Confiscation) = (decisionNumber, by.Today, by.Name, kind, fine, confiscation);
        Performance = string.IsNullOrWhiteSpace(performance)
            ? fine > 0 ? "自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款" : "自收到本决定书之日起执行"
            : performance.Trim();
        Status = CaseStatus.Decided;
        Service = DeadlineClock.Start(by.Calendar, by.Today, ServiceDays);
        Step("decided", by, StepNote.Of("enforcement.note.decided", decisionNumber, NoteArg.Key("enforcement.penalty." + kind), NoteArg.Yuan(fine)));
    }

    /// <summary>
    /// 送达 (第61条) as a record: when (the instant the proof shows), how, to whom, and the proof itself (the signed 送达回证, the
    /// postal receipt, the electronic delivery record or the announcement). Electronic service only with the party's signed
    /// consent; the party is told the decision will be published. The payment clock counts from the recorded day.
    /// </summary>
    public void Serve(DateTime servedAt, ServiceMethod method, string? recipient, bool electronicConsent, string? proofSha256, string? proofName, string? proofType, CaseRights by)
    {
        Check(CaseAction.Serve, by);
        Expect(CaseStatus.Decided);
        new Validator().Required("recipient", recipient, 100).Check(proofSha256 is not null, "file", "enforcement.service_proof_required").ThrowIfInvalid();
        var servedOn = Platform.Localization.ChinaTime.DateOf(servedAt);
        if (servedOn < DecidedOn || servedAt > by.Now)
        {
            throw new DomainException("enforcement.date_out_of_case", "servedAt");
        }

        (ServedAt, ServiceRecipient, ServiceProofSha256) = (servedAt, recipient!.Trim(), proofSha256);
        MarkServed(servedOn, method, electronicConsent, by, proofSha256, proofName, proofType);
    }

    private void MarkServed(DateOnly servedOn, ServiceMethod method, bool electronicConsent, CaseRights by, string? proof = null, string? proofName = null, string? proofType = null)
    {
        if (method == Domain.ServiceMethod.Electronic && !electronicConsent)
        {
            throw new DomainException("enforcement.electronic_consent_required", "electronicConsent", ErrorKind.Conflict);
        }

        (ServedOn, ServiceMethod, ElectronicConsent, DisclosureToldOn) = (servedOn, method, electronicConsent, servedOn);
        Status = CaseStatus.Served;
        // 第67条: 15 days to pay, counted from service.
        Payment = Fine > 0 ? DeadlineClock.Start(by.Calendar, servedOn, PaymentDays, DeadlineUnit.CalendarDays) : null;
        Step("served", by, ServiceRecipient is null ? StepNote.Of("enforcement.note.served", NoteArg.Key("enforcement.service." + method))
            : StepNote.Of("enforcement.note.served_to", NoteArg.Key("enforcement.service." + method), ServiceRecipient), proof, proofName, proofType);
    }

    /// <summary>缴纳罚款, with the late fine due on the day paid (第72条).</summary>
    public void RecordPayment(DateOnly paidOn, decimal amount, CaseRights by)
    {
        Check(CaseAction.RecordPayment, by);
        Expect(CaseStatus.Served);
        if (Fine <= 0 || PaidOn is not null)
        {
            throw new DomainException("enforcement.nothing_to_pay", "action", ErrorKind.Conflict);
        }

        if (paidOn < ServedOn || paidOn > by.Today)
        {
            throw new DomainException("enforcement.date_out_of_case", "paidOn");
        }

        var late = LateFineOn(paidOn);
        if (amount < Fine + late)
        {
            throw new DomainException("enforcement.payment_short", "amount", ErrorKind.Invalid, (Fine + late).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        }

        (PaidOn, PaidAmount, LateFinePaid) = (paidOn, amount, late);
        Step("paid", by, late > 0 ? StepNote.Of("enforcement.note.paid_late", NoteArg.Yuan(amount), NoteArg.Yuan(late)) : StepNote.Of("note.one", NoteArg.Yuan(amount)));
    }

    /// <summary>结案: performed, or, unpaid, with what was done about it (申请强制执行).</summary>
    public void Close(string? note, CaseRights by)
    {
        Check(CaseAction.Close, by);
        Expect(CaseStatus.Served);
        if (Evidence.Any(e => e.Preserved && e.PreservationDecidedOn is null))
        {
            throw new DomainException("enforcement.preservation_open", "evidence", ErrorKind.Conflict);
        }

        if (Fine > 0 && PaidOn is null && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("enforcement.unpaid", "note", ErrorKind.Conflict);
        }

        new Validator().MaxLength("note", note, 1000).ThrowIfInvalid();
        (Status, ClosedOn, CloseNote) = (CaseStatus.Closed, by.Today, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        Step("closed", by, CloseNote);
    }

    /// <summary>归档: 一案一卷, with the file number.</summary>
    public void Archive(string fileNumber, CaseRights by)
    {
        Check(CaseAction.Archive, by);
        Expect(CaseStatus.Closed);
        (Status, ArchivedOn, FileNumber) = (CaseStatus.Archived, by.Today, fileNumber);
        Step("archived", by, fileNumber);
    }

    /// <summary>撤销或者变更: the decision's publication must be withdrawn within 3 working days.</summary>
    public void Revoke(string? reason, CaseRights by)
    {
        Check(CaseAction.Revoke, by);
        if (DecidedOn is null || RevokedOn is not null)
        {
            throw new DomainException("enforcement.step_out_of_order", "action", ErrorKind.Conflict);
        }

        new Validator().Required("reason", reason, 1000).ThrowIfInvalid();
        (RevokedOn, RevocationReason) = (by.Today, reason!.Trim());
        Step("revoked", by, RevocationReason);
    }

    /// <summary>The on-site steps 第47条 names: on-site inspection, seizure and enforcement are recorded in audio and video.</summary>
    public static readonly IReadOnlySet<string> RecordedSteps = new HashSet<string>(StringComparer.Ordinal) { "inspection", "seizure", "enforcement" };

    /// <summary>A file or note on a step; an inspection, a seizure or an enforcement carries its audio or video, or the recorded reason why it could not be made.</summary>
    public void Attach(string kind, string? note, string? sha256, string? fileName, string? contentType, CaseRights by, string? noRecordingReason = null)
    {
        Check(CaseAction.Attach, by);
        new Validator().MaxLength("noRecordingReason", noRecordingReason, 500).ThrowIfInvalid();
        var reason = RecordedSteps.Contains(kind) ? RecordingRule(contentType, noRecordingReason) : null;
        Step(kind, by, reason is null ? note : string.IsNullOrWhiteSpace(note) ? StepNote.Of("enforcement.note.no_recording_only", reason) : StepNote.Of("enforcement.note.no_recording", note, reason), sha256, fileName, contentType);
    }

    /// <summary>A legal advisor was asked for a written opinion on the case: the request's number and the advisor, on the full-process record.</summary>
    public void OpinionAsked(string number, string advisor, CaseRights by)
    {
        Check(CaseAction.AskOpinion, by);
        Step("opinion_asked", by, StepNote.Of("note.pair", number, advisor));
    }

    /// <summary>第47条: the step's file is audio or video, or the reason it could not be made is given (and returned, to go on the record).</summary>
    private static string? RecordingRule(string? contentType, string? noRecordingReason)
    {
        if (contentType is not null && (contentType.StartsWith("audio/", StringComparison.Ordinal) || contentType.StartsWith("video/", StringComparison.Ordinal)))
        {
            return null;
        }

        return string.IsNullOrWhiteSpace(noRecordingReason)
            ? throw new DomainException("enforcement.recording_required", "file", ErrorKind.Invalid)
            : noRecordingReason.Trim();
    }

    Guid IHasDeadlines.RecordId => Id;

    /// <summary>The case's limit that runs now, by its status: filing, the 90 days, service, payment (the page, the list and the register read this one).</summary>
    public (string Kind, DeadlineClock Clock)? RunningClock => Status switch
    {
        CaseStatus.Registered when Filing is { } f => (FilingClock, f),
        CaseStatus.Investigation or CaseStatus.Notified when Decision is { } d => (DecisionClock, d),
        CaseStatus.Decided when Service is { } s => (ServiceClock, s),
        CaseStatus.Served when PaidOn is null && Payment is { } p => (PaymentClock, p),
        _ => null,
    };

    /// <summary>The due date of the running limit, from the columns a list reads (the same rule as <see cref="RunningClock"/>).</summary>
    public static DateOnly? RunningDue(CaseStatus status, DateOnly? filing, DateOnly? decision, DateOnly? service, DateOnly? paymentUnpaid) => status switch
    {
        CaseStatus.Registered => filing,
        CaseStatus.Investigation or CaseStatus.Notified => decision,
        CaseStatus.Decided => service,
        CaseStatus.Served => paymentUnpaid,
        _ => null,
    };

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            var link = $"/enforcement/cases/{Id}";
            if (RunningClock is { } running)
            {
                yield return new Deadline(running.Kind, Id, running.Clock, DepartmentId, Number, running.Kind is ServiceClock or PaymentClock ? DecisionNumber : Matter, link);
            }

            if (Status == CaseStatus.Notified && StatementWindow is { } statement && Statement is null && StatementWaivedOn is null)
            {
                yield return new Deadline(StatementClock, Id, statement, DepartmentId, Number, Matter, link);
            }

            foreach (var e in Evidence.Where(e => e.PreservationWindow is not null && e.PreservationDecidedOn is null))
            {
                yield return new Deadline(Domain.Evidence.PreservationClock, e.Id, e.PreservationWindow!, DepartmentId, Number, e.Title, link);
            }
        }
    }

    private static readonly PenaltyKind[] Severity =
    [
        Domain.PenaltyKind.NoPenalty, Domain.PenaltyKind.Warning, Domain.PenaltyKind.Fine, Domain.PenaltyKind.Confiscation,
        Domain.PenaltyKind.LicenceSuspension, Domain.PenaltyKind.Restriction, Domain.PenaltyKind.LicenceRevocation,
    ];

    private bool Heavier(PenaltyKind kind, decimal fine, decimal confiscation) =>
        Array.IndexOf(Severity, kind) > Array.IndexOf(Severity, ProposedKind ?? Domain.PenaltyKind.NoPenalty) || fine > ProposedFine || confiscation > ProposedConfiscation;

    /// <summary>The benchmark or list entry applied: the department's, in force, and the fine within its bounds (第34条).</summary>
    private void Cite(DiscretionRule? rule, PenaltyKind kind, decimal fine)
    {
        if (rule is null)
        {
            // 第34条: a fine states the benchmark entry it applies.
            if (kind == Domain.PenaltyKind.Fine || fine > 0)
            {
                throw new DomainException("enforcement.discretion_required", "discretionRuleId", ErrorKind.Invalid);
            }

            (DiscretionRuleId, DiscretionCitation) = (null, null);
            return;
        }

        if (rule.DepartmentId != DepartmentId)
        {
            throw DomainException.NotFound("discretionRuleId");
        }

        if (rule.Kind == DiscretionKind.NoPenalty && kind != Domain.PenaltyKind.NoPenalty)
        {
            throw new DomainException("enforcement.no_penalty_listed", "penaltyKind", ErrorKind.Conflict, rule.Code);
        }

        if ((rule.MinFine is { } min && fine < min && rule.Kind == DiscretionKind.Benchmark && kind == Domain.PenaltyKind.Fine) || (rule.MaxFine is { } max && fine > max))
        {
            throw new DomainException("enforcement.fine_outside_benchmark", "fine", ErrorKind.Invalid, Texts.Yuan(rule.MinFine ?? 0), Texts.Yuan(rule.MaxFine ?? 0));
        }

        (DiscretionRuleId, DiscretionCitation) = (rule.Id, rule.Citation);
    }

    private void CheckTwoOfficers(CaseRights by)
    {
        if (CertifiedOfficers(by).Count() < 2)
        {
            throw new DomainException("enforcement.two_officers_required", "officerIds", ErrorKind.Conflict);
        }
    }

    private void CheckOpen()
    {
        if (!IsOpen)
        {
            throw new DomainException("enforcement.case_closed", "status", ErrorKind.Conflict);
        }
    }

    private void Expect(params CaseStatus[] statuses)
    {
        if (!statuses.Contains(Status))
        {
            throw new DomainException("enforcement.step_out_of_order", "status", ErrorKind.Conflict);
        }
    }

    private void Step(string kind, CaseRights by, RecordNote note, string? sha256 = null, string? fileName = null, string? contentType = null)
    {
        var step = CaseStep.New<RecordStep>(Id, Workflow.NextSequence(Steps), kind, by.Actor, note.Value is { Length: > 2000 } typed ? typed[..2000] : note);
        (step.FileSha256, step.FileName, step.ContentType) = (sha256, fileName, contentType);
        Steps.Add(step);
    }
}

/// <summary>The words the record and the documents use.</summary>
public static class Texts
{
    public static string Penalty(PenaltyKind k) => k switch
    {
        PenaltyKind.Warning => "警告",
        PenaltyKind.Fine => "罚款",
        PenaltyKind.Confiscation => "没收违法所得、没收非法财物",
        PenaltyKind.LicenceSuspension => "暂扣许可证件、降低资质等级",
        PenaltyKind.LicenceRevocation => "吊销许可证件",
        PenaltyKind.Restriction => "限制开展生产经营活动、责令停产停业、责令关闭",
        _ => "不予行政处罚",
    };

    /// <summary>An amount in yuan as people write it: 5,000, 12,500.5 (never 5000.0).</summary>
    public static string Yuan(decimal amount) => amount.ToString("#,0.##", System.Globalization.CultureInfo.InvariantCulture);


}

/// <summary>
/// Who acts on an enforcement case, with what the department's records say of them: whether they are its head
/// (负责人: a supervisor, or an officer marked as head), their entry as a legality reviewer, and the department's rules.
/// </summary>
public sealed record CaseRights(Actor Actor, bool IsHead, LegalReviewer? Reviewer, DepartmentRules Rules, IReadOnlyList<Officer> Officers)
{
    /// <summary>The department's officer entry of the account acting, when it is one.</summary>
    public Officer? ActingOfficer => Actor.UserId is null ? null : Officers.FirstOrDefault(o => o.UserName == Actor.UserName);

    /// <summary>Whether the officer's certificate is valid on the day of the step (第42条).</summary>
    public bool CertifiedOn(Guid officerId) => Officers.FirstOrDefault(o => o.Id == officerId)?.CanActOn(Today) == true;

    public string UserName => Actor.UserName;

    public string Name => Actor.Name;

    public DateTime Now => Actor.Now;

    public DateOnly Today => Actor.Today;

    public Platform.Calendar.WorkingDayCalendar Calendar => Actor.Calendar;
}

/// <summary>What can be done to an enforcement case; <see cref="EnforcementCase.Guard"/> says whether it can be now.</summary>
public enum CaseAction
{
    AssignOfficer,
    Recuse,
    ApproveFiling,
    RefuseFiling,
    ExtendFiling,
    ExtendDecision,
    PauseDecision,
    ResumeDecision,
    ShowCertificates,
    AddEvidence,
    DecidePreservation,
    IssueNotice,
    RecordStatement,
    WaiveStatement,
    RequestHearing,
    WaiveHearing,
    ScheduleHearing,
    HoldHearing,
    SubmitForReview,
    Review,
    Discuss,
    Decide,
    Serve,
    RecordPayment,
    Close,
    Archive,
    Revoke,
    Attach,
    AskOpinion,
}
