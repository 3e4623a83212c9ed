using System.Text.Json.Serialization;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Enforcement.Domain;

/// <summary>
/// 行政处罚案件 from registration to archive (行政处罚法 2021). Each step is a named method that checks the state and the
/// law, changes the case and appends a step to its full-process record (第47条).
/// </summary>
public sealed class EnforcementCase : IVersioned, IHasDeadlines
{
    public const string FilingClock = "enforcement.filing";
    public const string DecisionClock = "enforcement.decision";
    public const string ServiceClock = "enforcement.service";
    public const string PaymentClock = "enforcement.payment";

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

    public Guid Id { get; set; }

    /// <summary>案件编号, e.g. 塘市监立〔2026〕12号.</summary>
    public string Number { get; set; } = "";

    public Guid DepartmentId { get; set; }

    public CaseSource Source { get; set; }

    /// <summary>Who complained, referred or transferred it, or which inspection found it.</summary>
    public string? SourceNote { get; set; }

    public Procedure Procedure { get; set; }

    public CaseStatus Status { get; set; }

    /// <summary>案由.</summary>
    public string Matter { get; set; } = "";

    public string Facts { get; set; } = "";

    /// <summary>The day the act was done, or the continuing act ended (第36条 counts from it).</summary>
    public DateOnly ActOn { get; set; }

    public DateOnly DiscoveredOn { get; set; }

    /// <summary>Life, health or financial safety is involved: 5 years instead of 2.</summary>
    public bool InvolvesSafety { get; set; }

    public DateTime RegisteredAt { get; set; }

    public string RegisteredBy { get; set; } = "";

    public CaseParty Party { get; set; } = new();

    /// <summary>立案 limit from discovery, working days, the department's.</summary>
    public DeadlineClock? Filing { get; set; }

    public DateOnly? FiledOn { get; set; }

    public string? FiledBy { get; set; }

    public string? NotFiledReason { get; set; }

    /// <summary>90 days from filing (第60条), with approved extensions.</summary>
    public DeadlineClock? Decision { get; set; }

    public PenaltyKind? ProposedKind { get; set; }

    public decimal ProposedFine { get; set; }

    public decimal ProposedConfiscation { get; set; }

    /// <summary>违反的法律条款.</summary>
    public string? Provisions { get; set; }

    /// <summary>处罚依据.</summary>
    public string? Basis { get; set; }

    public Guid? DiscretionRuleId { get; set; }

    /// <summary>The benchmark or list entry applied, as the decision states it.</summary>
    public string? DiscretionCitation { get; set; }

    public DateOnly? NoticeServedOn { get; set; }

    public bool MajorPublicInterest { get; set; }

    public bool Complex { get; set; }

    public bool HearingEligible { get; set; }

    public DeadlineClock? HearingRequestWindow { get; set; }

    public bool ReviewRequired { get; set; }

    public string? Statement { get; set; }

    public string? StatementRecheck { get; set; }

    public DateOnly? HearingRequestedOn { get; set; }

    public bool HearingWaived { get; set; }

    public DateOnly? HearingNoticedOn { get; set; }

    public DateOnly? HearingOn { get; set; }

    public string? HearingPresider { get; set; }

    public string? HearingAgents { get; set; }

    public string? HearingTranscript { get; set; }

    public DateOnly? HearingHeldOn { get; set; }

    public DateOnly? DiscussedOn { get; set; }

    public string? DiscussionParticipants { get; set; }

    public string? DiscussionConclusion { get; set; }

    /// <summary>处罚决定书 number, e.g. 塘市监罚〔2026〕12号.</summary>
    public string? DecisionNumber { get; set; }

    public DateOnly? DecidedOn { get; set; }

    public string? DecidedBy { get; set; }

    public PenaltyKind? PenaltyKind { get; set; }

    public decimal Fine { get; set; }

    public decimal Confiscation { get; set; }

    /// <summary>How and by when the penalty is performed (第59条).</summary>
    public string? Performance { get; set; }

    public DeadlineClock? Service { get; set; }

    public DateOnly? ServedOn { get; set; }

    public ServiceMethod? ServiceMethod { get; set; }

    public bool ElectronicConsent { get; set; }

    /// <summary>The party was told at service that the decision will be published (118号文).</summary>
    public DateOnly? DisclosureToldOn { get; set; }

    public DeadlineClock? Payment { get; set; }

    public DateOnly? PaidOn { get; set; }

    public decimal? PaidAmount { get; set; }

    public decimal? LateFinePaid { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? CloseNote { get; set; }

    public DateOnly? ArchivedOn { get; set; }

    /// <summary>档案号.</summary>
    public string? FileNumber { get; set; }

    /// <summary>撤销或者变更: the decision was revoked or changed; its publication is withdrawn within 3 working days.</summary>
    public DateOnly? RevokedOn { get; set; }

    public string? RevocationReason { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? LastActedBy { get; set; }

    public DateTime? LastActedAt { get; set; }

    public Guid RowVersion { get; set; }

    public List<CaseOfficer> Officers { get; set; } = [];

    public List<Evidence> Evidence { get; set; } = [];

    public List<LegalityReview> Reviews { get; set; } = [];

    public List<Extension> Extensions { get; set; } = [];

    public List<RecordStep> Steps { get; set; } = [];

    [JsonIgnore]
    public bool IsOpen => Status is CaseStatus.Registered or CaseStatus.Investigation or CaseStatus.Notified or CaseStatus.Decided or CaseStatus.Served;

    [JsonIgnore]
    public IEnumerable<CaseOfficer> ActiveOfficers => Officers.Where(o => o.Active);

    /// <summary>A review passed after the last one submitted.</summary>
    [JsonIgnore]
    public bool ReviewPassed => Reviews.OrderBy(r => r.SubmittedAt).LastOrDefault() is { Passed: true };

    [JsonIgnore]
    public LegalityReview? OpenReview => Reviews.FirstOrDefault(r => r.Passed is null);

    /// <summary>The last day to pay: the payment clock's due date.</summary>
    public decimal LateFineOn(DateOnly on) => Payment is { } p ? LateFine(Fine, p.DueDate, on) : 0m;

    /// <summary>线索登记. Past the limitation (第36条) it is refused.</summary>
    public static EnforcementCase Register(
        string number, Guid departmentId, DepartmentRules rules, CaseSource source, string? sourceNote, string matter, string facts,
        DateOnly actOn, DateOnly discoveredOn, bool involvesSafety, CaseParty party, string? idempotencyKey, CaseActor by)
    {
        CheckLimitation(actOn, discoveredOn, involvesSafety, by.Today);
        var c = New(number, departmentId, source, sourceNote, matter, facts, actOn, discoveredOn, involvesSafety, party, idempotencyKey, by);
        c.Procedure = Procedure.Ordinary;
        c.Status = CaseStatus.Registered;
        // 第54条 "及时立案"; the sector's days (市场监管: 15 working days from discovery).
        c.Filing = DeadlineClock.Start(by.Calendar, discoveredOn, rules.FilingDays);
        c.Step("registered", by, $"{Texts.Source(source)}{(c.SourceNote is null ? "" : "：" + c.SourceNote)}");
        return c;
    }

    /// <summary>
    /// 简易程序 (第51-52条): a warning or a fine up to 200 / 3,000 yuan decided on the spot by two officers, the decision
    /// handed to the party there.
    /// </summary>
    public static EnforcementCase OnTheSpot(
        string number, string decisionNumber, Guid departmentId, CaseSource source, string matter, string facts, DateOnly actOn, CaseParty party,
        IReadOnlyList<Officer> officers, PenaltyKind kind, decimal fine, string provisions, string basis, DiscretionRule? rule, string? idempotencyKey, CaseActor by)
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
        var c = New(number, departmentId, source, null, matter, facts, actOn, by.Today, false, party, idempotencyKey, by);
        c.Procedure = Procedure.Simple;
        foreach (var (o, i) in officers.Select((o, i) => (o, i)))
        {
            c.Assign(o, i == 0 ? OfficerRole.Lead : OfficerRole.Assisting, by);
        }

        c.CheckTwoOfficers();
        c.Cite(rule, kind, fine);
        (c.Provisions, c.Basis) = (provisions, basis);
        (c.ProposedKind, c.ProposedFine) = (kind, fine);
        c.DecisionNumber = decisionNumber;
        (c.DecidedOn, c.DecidedBy, c.PenaltyKind, c.Fine) = (by.Today, by.Name, kind, fine);
        c.Performance = fine > 0 ? "自收到本决定书之日起十五日内缴纳罚款" : "当场予以警告";
        c.Step("on_the_spot", by, $"{decisionNumber} {Texts.Penalty(kind)} {fine:0.##}");
        c.MarkServed(by.Today, Domain.ServiceMethod.InPerson, false, by);
        return c;
    }

    private static EnforcementCase New(
        string number, Guid departmentId, CaseSource source, string? sourceNote, string matter, string facts, DateOnly actOn, DateOnly discoveredOn,
        bool involvesSafety, CaseParty party, string? idempotencyKey, CaseActor by)
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
            IdempotencyKey = idempotencyKey,
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
    public void Assign(Officer officer, OfficerRole role, CaseActor by)
    {
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
        Step("officer_assigned", by, $"{officer.Name}（{officer.CertificateNumber}）");
    }

    /// <summary>回避 (第43条): the officer leaves the case; the reason stays on record.</summary>
    public void Recuse(Guid officerId, string? reason, CaseActor by)
    {
        CheckOpen();
        new Validator().Required("reason", reason, 500).ThrowIfInvalid();
        var o = Officers.FirstOrDefault(x => x.OfficerId == officerId && x.Active) ?? throw DomainException.NotFound("officerId");
        (o.RecusedAt, o.RecusalReason) = (by.Now, reason!.Trim());
        Step("recused", by, $"{o.Name}：{o.RecusalReason}");
    }

    /// <summary>立案 approved by the department's head; two certified officers are on it (第42条, 第54条).</summary>
    public void ApproveFiling(CaseActor by)
    {
        Expect(CaseStatus.Registered);
        CheckTwoOfficers();
        CheckLimitation(ActOn, DiscoveredOn, InvolvesSafety, by.Today);
        Status = CaseStatus.Investigation;
        (FiledOn, FiledBy) = (by.Today, by.Name);
        // 第60条: 90 days from filing, calendar days.
        Decision = DeadlineClock.Start(by.Calendar, by.Today, DecisionDays, DeadlineUnit.CalendarDays);
        Step("filing_approved", by, null);
    }

    /// <summary>不予立案, with the reason.</summary>
    public void RefuseFiling(string? reason, CaseActor by)
    {
        Expect(CaseStatus.Registered);
        new Validator().Required("reason", reason, 1000).ThrowIfInvalid();
        Status = CaseStatus.NotFiled;
        NotFiledReason = reason!.Trim();
        ClosedOn = by.Today;
        Step("filing_refused", by, NotFiledReason);
    }

    /// <summary>An approved extension of the filing limit (once, up to the department's days) or of the 90-day limit.</summary>
    public void Extend(string limit, int days, string? reason, DepartmentRules rules, CaseActor by)
    {
        new Validator().Required("reason", reason, 500).Check(days > 0, "days", "range", 1, 365).ThrowIfInvalid();
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
                Decision = Decision!.Extend(by.Calendar, days);
                break;
            default:
                throw new DomainException("invalid", "limit");
        }

        Extensions.Add(new Extension { Id = Guid.CreateVersion7(), CaseId = Id, Limit = limit, Days = days, Reason = reason!.Trim(), ApprovedBy = by.Name, ApprovedAt = by.Now });
        Step(limit + "_extended", by, $"{days}：{reason!.Trim()}");
    }

    /// <summary>调查取证: a piece of evidence, optionally registered and preserved (第56条: decided within 7 working days).</summary>
    public Evidence AddEvidence(EvidenceKind kind, string? title, bool preserve, string? sha256, string? contentType, long? size, CaseActor by)
    {
        Expect(CaseStatus.Investigation, CaseStatus.Notified);
        new Validator().Required("title", title, 300).ThrowIfInvalid();
        var e = new Evidence
        {
            Id = Guid.CreateVersion7(), CaseId = Id, Kind = kind, Title = title!.Trim(), Sha256 = sha256, ContentType = contentType, Size = size,
            CollectedAt = by.Now, CollectedBy = by.Name, Preserved = preserve,
            PreservationWindow = preserve ? DeadlineClock.Start(by.Calendar, by.Today, Domain.Evidence.PreservationDays) : null,
        };
        Evidence.Add(e);
        Step(preserve ? "preservation" : "evidence", by, e.Title, sha256, title, contentType);
        return e;
    }

    /// <summary>The decision on goods registered and preserved: within 7 working days (第56条).</summary>
    public void DecidePreservation(Guid evidenceId, string? outcome, CaseActor by)
    {
        CheckOpen();
        new Validator().Required("outcome", outcome, 500).ThrowIfInvalid();
        var e = Evidence.FirstOrDefault(x => x.Id == evidenceId && x.Preserved) ?? throw DomainException.NotFound("evidenceId");
        if (e.PreservationDecidedOn is not null)
        {
            throw new DomainException("enforcement.preservation_decided", "evidenceId", ErrorKind.Conflict);
        }

        (e.PreservationOutcome, e.PreservationDecidedOn) = (outcome!.Trim(), by.Today);
        Step("preservation_decided", by, $"{e.Title}：{e.PreservationOutcome}");
    }

    /// <summary>
    /// 行政处罚事先告知 (第44条): facts, reasons, basis, the intended penalty and the party's rights. It says whether a
    /// hearing may be asked for (第63条) and whether legality review (第58条) and collective discussion (第57条) will follow.
    /// </summary>
    public void IssueNotice(
        PenaltyKind kind, decimal fine, decimal confiscation, string? provisions, string? basis, DiscretionRule? rule, bool majorPublicInterest, bool complex,
        DateOnly servedOn, DepartmentRules rules, CaseActor by)
    {
        Expect(CaseStatus.Investigation);
        CheckTwoOfficers();
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
        (MajorPublicInterest, Complex, NoticeServedOn) = (majorPublicInterest, complex, servedOn);
        HearingEligible = rules.HearingApplies(Party.Kind, kind, fine, confiscation);
        HearingRequestWindow = HearingEligible ? DeadlineClock.Start(by.Calendar, servedOn, HearingRequestDays) : null;
        ReviewRequired = majorPublicInterest || complex || rules.OnMajorList(Party.Kind, kind, fine);
        Status = CaseStatus.Notified;
        Step("notice", by, $"{Texts.Penalty(kind)} {fine:0.##}{(HearingEligible ? "；告知听证权利" : "")}");
    }

    /// <summary>陈述、申辩 (第45条): heard and re-checked; arguing may not bring a heavier penalty.</summary>
    public void RecordStatement(string? statement, string? recheck, CaseActor by)
    {
        Expect(CaseStatus.Notified);
        new Validator().Required("statement", statement, 4000).Required("recheck", recheck, 4000).ThrowIfInvalid();
        (Statement, StatementRecheck) = (statement!.Trim(), recheck!.Trim());
        Step("statement", by, StatementRecheck);
    }

    /// <summary>听证申请 (第63-64条): within 5 working days of the notice.</summary>
    public void RequestHearing(DateOnly requestedOn, CaseActor by)
    {
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
        Step("hearing_requested", by, requestedOn.ToString("yyyy-MM-dd"));
    }

    /// <summary>The party gives up the hearing (in writing, or by letting the window pass or staying away).</summary>
    public void WaiveHearing(CaseActor by)
    {
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
    public void ScheduleHearing(DateOnly noticedOn, DateOnly hearingOn, string? presider, string? agents, CaseActor by)
    {
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
        Step("hearing_scheduled", by, $"{hearingOn:yyyy-MM-dd} 主持人 {name}");
    }

    /// <summary>听证: the transcript, signed; a party who stays away has given the hearing up (第64条).</summary>
    public void HoldHearing(bool partyAbsent, string? transcript, CaseActor by)
    {
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

        new Validator().Required("transcript", transcript, 8000).ThrowIfInvalid();
        (HearingTranscript, HearingHeldOn) = (transcript!.Trim(), by.Today);
        // 第58条(二): a decision that went through a hearing is reviewed.
        ReviewRequired = true;
        Step("hearing_held", by, null);
    }

    /// <summary>送法制审核.</summary>
    public void SubmitForReview(CaseActor by)
    {
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
    public void Review(LegalReviewer reviewer, IReadOnlyCollection<ReviewPoint> failed, string? opinion, CaseActor by)
    {
        Expect(CaseStatus.Notified);
        var review = OpenReview ?? throw new DomainException("enforcement.review_not_submitted", "action", ErrorKind.Conflict);
        if (reviewer.UserName == RegisteredBy || Officers.Any(o => o.UserName is not null && o.UserName == reviewer.UserName))
        {
            throw new DomainException("enforcement.reviewer_is_handler", "reviewer", ErrorKind.Conflict);
        }

        if (!reviewer.MayReview)
        {
            throw new DomainException("enforcement.reviewer_unqualified", "reviewer", ErrorKind.Conflict);
        }

        new Validator().MaxLength("opinion", opinion, 4000).Check(failed.Count == 0 || !string.IsNullOrWhiteSpace(opinion), "opinion", "required").ThrowIfInvalid();
        (review.Reviewer, review.ReviewerName, review.ReviewedAt, review.Failed, review.Passed, review.Opinion) =
            (reviewer.UserName, reviewer.Name, by.Now, [.. failed.Distinct().Order()], failed.Count == 0, string.IsNullOrWhiteSpace(opinion) ? null : opinion.Trim());
        Step(failed.Count == 0 ? "review_passed" : "review_returned", by, review.Opinion);
    }

    /// <summary>集体讨论 (第57条) by the agency's heads, for heavy penalties.</summary>
    public void Discuss(DateOnly on, string? participants, string? conclusion, CaseActor by)
    {
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
    public void Decide(string decisionNumber, PenaltyKind kind, decimal fine, decimal confiscation, string? performance, DepartmentRules rules, CaseActor by)
    {
        new Validator().Check(fine >= 0, "fine", "range", 0, 100_000_000).Check(kind != Domain.PenaltyKind.Fine || fine > 0, "fine", "required")
            .MaxLength("performance", performance, 1000).ThrowIfInvalid();
        if (DecisionBlocker(kind, fine, confiscation, rules, by.Today) is { } blocker)
        {
            throw new DomainException(blocker, "action", ErrorKind.Conflict);
        }

        (DecisionNumber, DecidedOn, DecidedBy, PenaltyKind, Fine, Confiscation) = (decisionNumber, by.Today, by.Name, kind, fine, confiscation);
        Performance = string.IsNullOrWhiteSpace(performance)
            ? fine > 0 ? "自收到本决定书之日起十五日内，到指定银行或者通过电子支付系统缴纳罚款" : "自收到本决定书之日起执行"
            : performance.Trim();
        Status = CaseStatus.Decided;
        Service = DeadlineClock.Start(by.Calendar, by.Today, ServiceDays);
        Step("decided", by, $"{decisionNumber} {Texts.Penalty(kind)} {fine:0.##}");
    }

    /// <summary>送达 (第61条): electronic service only with the party's signed consent; the party is told the decision will be published.</summary>
    public void Serve(DateOnly servedOn, ServiceMethod method, bool electronicConsent, CaseActor by)
    {
        Expect(CaseStatus.Decided);
        if (servedOn < DecidedOn || servedOn > by.Today)
        {
            throw new DomainException("enforcement.date_out_of_case", "servedOn");
        }

        MarkServed(servedOn, method, electronicConsent, by);
    }

    private void MarkServed(DateOnly servedOn, ServiceMethod method, bool electronicConsent, CaseActor by)
    {
        if (method == Domain.ServiceMethod.Electronic && !electronicConsent)
        {
            throw new DomainException("enforcement.electronic_consent_required", "electronicConsent", ErrorKind.Conflict);
        }

        (ServedOn, ServiceMethod, ElectronicConsent, DisclosureToldOn) = (servedOn, method, electronicConsent, servedOn);
        Status = CaseStatus.Served;
        // 第67条: 15 days to pay, counted from service.
        Payment = Fine > 0 ? DeadlineClock.Start(by.Calendar, servedOn, PaymentDays, DeadlineUnit.CalendarDays) : null;
        Step("served", by, $"{Texts.Service(method)}；已告知处罚决定将依法公示");
    }

    /// <summary>缴纳罚款, with the late fine due on the day paid (第72条).</summary>
    public void RecordPayment(DateOnly paidOn, decimal amount, CaseActor by)
    {
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
        Step("paid", by, $"{amount:0.00}{(late > 0 ? $"（含加处罚款 {late:0.00}）" : "")}");
    }

    /// <summary>结案: performed, or, unpaid, with what was done about it (申请强制执行).</summary>
    public void Close(string? note, CaseActor by)
    {
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
    public void Archive(string fileNumber, CaseActor by)
    {
        Expect(CaseStatus.Closed);
        (Status, ArchivedOn, FileNumber) = (CaseStatus.Archived, by.Today, fileNumber);
        Step("archived", by, fileNumber);
    }

    /// <summary>撤销或者变更: the decision's publication must be withdrawn within 3 working days.</summary>
    public void Revoke(string? reason, CaseActor by)
    {
        if (DecidedOn is null || RevokedOn is not null)
        {
            throw new DomainException("enforcement.step_out_of_order", "action", ErrorKind.Conflict);
        }

        new Validator().Required("reason", reason, 1000).ThrowIfInvalid();
        (RevokedOn, RevocationReason) = (by.Today, reason!.Trim());
        Step("revoked", by, RevocationReason);
    }

    /// <summary>A file or note on a step (on-site audio or video included); the record takes it as it is.</summary>
    public void Attach(string kind, string? note, string? sha256, string? fileName, string? contentType, CaseActor by) =>
        Step(kind, by, note, sha256, fileName, contentType);

    /// <summary>Checks the record's chain: the first step whose hash does not follow, or null when it holds.</summary>
    public int? BrokenAt()
    {
        var previous = "";
        foreach (var s in Steps.OrderBy(s => s.Sequence))
        {
            if (s.PreviousHash != previous || s.ComputeHash() != s.Hash)
            {
                return s.Sequence;
            }

            previous = s.Hash;
        }

        return null;
    }

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            var link = $"/enforcement/cases/{Id}";
            if (Status == CaseStatus.Registered && Filing is { } filing)
            {
                yield return new Deadline(FilingClock, Id, filing, DepartmentId, Number, Matter, link);
            }

            if (Status is CaseStatus.Investigation or CaseStatus.Notified && Decision is { } decision)
            {
                yield return new Deadline(DecisionClock, Id, decision, DepartmentId, Number, Matter, link);
            }

            if (Status == CaseStatus.Decided && Service is { } service)
            {
                yield return new Deadline(ServiceClock, Id, service, DepartmentId, Number, DecisionNumber, link);
            }

            if (Status == CaseStatus.Served && PaidOn is null && Payment is { } payment)
            {
                yield return new Deadline(PaymentClock, Id, payment, DepartmentId, Number, DecisionNumber, link);
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
            throw new DomainException("enforcement.fine_outside_benchmark", "fine", ErrorKind.Invalid, rule.MinFine ?? 0, rule.MaxFine ?? 0);
        }

        (DiscretionRuleId, DiscretionCitation) = (rule.Id, rule.Citation);
    }

    private void CheckTwoOfficers()
    {
        if (ActiveOfficers.Count() < 2)
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

    private void Step(string kind, CaseActor by, string? note, string? sha256 = null, string? fileName = null, string? contentType = null)
    {
        var last = Steps.Count == 0 ? null : Steps.MaxBy(s => s.Sequence);
        var step = new RecordStep
        {
            Id = Guid.CreateVersion7(), CaseId = Id, Sequence = (last?.Sequence ?? 0) + 1, At = by.Now, Kind = kind, Actor = by.Name,
            Note = note is { Length: > 2000 } ? note[..2000] : note, FileSha256 = sha256, FileName = fileName, ContentType = contentType,
            PreviousHash = last?.Hash ?? "",
        };
        step.Hash = step.ComputeHash();
        Steps.Add(step);
        (LastActedBy, LastActedAt) = (by.Name, by.Now);
    }
}

/// <summary>The words the record and the documents use.</summary>
public static class Texts
{
    public static string Source(CaseSource s) => s switch
    {
        CaseSource.Inspection => "检查发现",
        CaseSource.Complaint => "投诉举报",
        CaseSource.Referral => "交办移送",
        _ => "部门移交",
    };

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

    public static string Service(ServiceMethod m) => m switch
    {
        ServiceMethod.InPerson => "直接送达",
        ServiceMethod.Post => "邮寄送达",
        ServiceMethod.Electronic => "电子送达（当事人已签署同意书）",
        _ => "公告送达",
    };
}
