using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Mediation.Domain;

/// <summary>纠纷类型: the dictionary of dispute types.</summary>
public enum DisputeType
{
    Neighbours = 0,
    MarriageFamily = 1,
    Labour = 2,
    Land = 3,
    Property = 4,
    Traffic = 5,
    Medical = 6,
    Other = 7,
}

/// <summary>How a dispute came (人民调解法 第17-18条; 信访工作条例 第37条).</summary>
public enum CaseSource
{
    Application = 0,
    OwnInitiative = 1,
    PoliceReferral = 2,
    CourtReferral = 3,
    GovernmentReferral = 4,
    Petition = 5,
    Screening = 6,
}

public enum CaseStatus
{
    /// <summary>Registered; mediation has not begun.</summary>
    Registered = 0,

    /// <summary>At least one session held.</summary>
    InMediation = 1,

    /// <summary>Settled: a written or an oral agreement (调解成功).</summary>
    Settled = 2,

    /// <summary>Mediation failed; the parties were told their other routes (第26条).</summary>
    Failed = 3,

    /// <summary>Ended because a party refused to go on (第17条).</summary>
    Ended = 4,
}

public enum AgreementKind
{
    /// <summary>调解协议书 (第28-29条).</summary>
    Written = 0,

    /// <summary>口头协议, recorded by the mediator (第30条).</summary>
    Oral = 1,
}

public enum PartySide
{
    Applicant = 0,
    Respondent = 1,
}

public enum PartyKind
{
    Person = 0,
    Organisation = 1,
}

/// <summary>以案定补 difficulty classes (一类 simplest … 四类 major); the amounts are the city's, effective-dated.</summary>
public enum DifficultyClass
{
    Simple = 1,
    Ordinary = 2,
    Difficult = 3,
    Major = 4,
}

/// <summary>当事人. Personal data (ID number, phone, address) is encrypted at rest.</summary>
public sealed class Party : ICasePart
{
    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    public PartySide Side { get; internal set; }

    public PartyKind Kind { get; internal set; }

    public string Name { get; internal set; } = "";

    public string? IdNumber { get; internal set; }

    public string? Phone { get; internal set; }

    public string? Address { get; internal set; }

    /// <summary>The phone's blind index: the citizen's one page finds their cases by it.</summary>
    public string? PhoneLookup { get; internal set; }

    /// <summary>The party agreed to mediation (第17条: mediation needs both parties' consent).</summary>
    public bool Consented { get; internal set; }

    /// <summary>A party as the registration names it; the applicant of a case that comes by application has consented by asking.</summary>
    public static Party Create(PartySide side, PartyKind kind, string name, string? idNumber, string? phone, string? address, bool consented) => new()
    {
        Side = side, Kind = kind, Name = name.Trim(), IdNumber = Clean(idNumber)?.ToUpperInvariant(), Phone = Clean(phone), PhoneLookup = Clean(phone), Address = Clean(address), Consented = consented,
    };

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A mediator on a case (the lead first); the day view and the lists read these rows.</summary>
public sealed class CaseMediator : ICasePart
{
    public Guid CaseId { get; internal set; }

    public Guid MediatorId { get; internal set; }
}

/// <summary>调解会: one session, with who attended and its record (第27条).</summary>
public sealed class MediationSession : ICasePart
{
    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    public DateTime At { get; internal set; }

    public Guid? RoomId { get; internal set; }

    public List<Guid> MediatorIds { get; internal set; } = [];

    public string Attendees { get; internal set; } = "";

    /// <summary>The minutes: a person's story, encrypted at rest.</summary>
    public string Record { get; internal set; } = "";

    /// <summary>False while only scheduled: the day view lists it, the record comes when it is held.</summary>
    public bool Held { get; internal set; }
}

/// <summary>
/// 调解协议: written (第29条: parties, facts and dispute, terms, how and when performed; effective when the parties
/// sign and the committee seals) or oral (第30条). A written one may be taken to court for judicial confirmation
/// within 30 days of taking effect (第33条).
/// </summary>
/// <summary>What a marriage-and-family agreement settles: the court confirms support, custody and visits, and property, never status (法释〔2011〕5号 第4条).</summary>
public enum FamilyMatter
{
    /// <summary>赡养、抚养、扶养费.</summary>
    Support = 0,

    /// <summary>子女抚养、探望.</summary>
    CustodyVisitation = 1,

    /// <summary>财产分割、债务.</summary>
    Property = 2,

    /// <summary>确认身份关系 (e.g. parentage): not confirmable.</summary>
    Status = 3,

    /// <summary>确认收养关系: not confirmable.</summary>
    Adoption = 4,

    /// <summary>确认婚姻关系 (its validity, a divorce): not confirmable.</summary>
    MarriageValidity = 5,
}

public sealed class MediationAgreement : ICasePart
{
    /// <summary>Confirmation by a court must be applied for within 30 days of the agreement taking effect (人民调解法 第33条).</summary>
    public const int ConfirmationDays = 30;

    public Guid CaseId { get; internal set; }

    public AgreementKind Kind { get; internal set; }

    /// <summary>For a marriage-and-family dispute: what the agreement settles (it decides whether a court may confirm it).</summary>
    public FamilyMatter? FamilyMatter { get; internal set; }

    public string Facts { get; internal set; } = "";

    public string Terms { get; internal set; } = "";

    /// <summary>How and by when the terms are performed.</summary>
    public string Performance { get; internal set; } = "";

    public DateOnly? PerformBy { get; internal set; }

    public DateOnly EffectiveOn { get; internal set; }

    /// <summary>Status, adoption and marriage matters cannot be confirmed (法释〔2011〕5号).</summary>
    public bool Confirmable { get; internal set; }

    /// <summary>The parties' 30-day window to apply for judicial confirmation; null where none applies.</summary>
    public DeadlineClock? ConfirmationWindow { get; internal set; }

    public DateOnly? ConfirmationAppliedOn { get; internal set; }

    public string? Court { get; internal set; }

    public DateOnly? CourtAcceptedOn { get; internal set; }

    /// <summary>The court's 3 days to accept, from the application.</summary>
    public DeadlineClock? CourtAcceptance { get; internal set; }

    /// <summary>The court's 15 days to decide, from acceptance, extended once by 10 with its president's approval.</summary>
    public DeadlineClock? CourtDecision { get; internal set; }

    public DateOnly? CourtDecidedOn { get; internal set; }

    public bool? Confirmed { get; internal set; }
}

/// <summary>履行回访: a follow-up of performance on its due date (第31条).</summary>
public sealed class FollowUp : ICasePart
{
    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    public DeadlineClock Clock { get; internal set; } = new();

    public DateOnly DueOn { get; internal set; }

    public DateOnly? DoneOn { get; internal set; }

    public bool? Performed { get; internal set; }

    public string? Note { get; internal set; }

    public string? DoneBy { get; internal set; }
}

/// <summary>One step of a case's record, in order (第27条: every case keeps its record), chained by the platform.</summary>
public sealed class CaseEvent : CaseStep
{
}

/// <summary>What can be done to a mediation case; <see cref="MediationCase.Guard"/> says whether it can be now.</summary>
public enum MediationAction
{
    Consent,
    RightsNotice,
    ScheduleSession,
    HoldSession,
    AgreeInWriting,
    AgreeOrally,
    Fail,
    EndByRefusal,
    FollowUp,
    ApplyForConfirmation,
    RecordCourt,
    FlagViolence,
    ProposeClass,
    ApproveClass,
    ReferToLegalAid,
}

/// <summary>
/// 人民调解案件: a dispute from registration to its outcome, with the one-month clock (人民调解工作若干规定 第33条),
/// the agreement and its judicial confirmation, follow-ups and the per-case subsidy. Each step is a named method that
/// checks its guard (the same guard <see cref="AvailableActions"/> reads), changes the case and records a step.
/// </summary>
public sealed class MediationCase : ICase, IVersioned, IHasDeadlines, ISearchable
{
    public const string CaseClock = "mediation.case";
    public const string ConfirmationClock = "mediation.confirmation";
    public const string FollowUpClock = "mediation.followup";

    /// <summary>The court's 3 days to accept an application for confirmation and 15 (+10) to decide (法释〔2011〕5号 第6、7条): the court's, not the mediator's.</summary>
    public const string CourtAcceptanceClock = "mediation.court_acceptance";
    public const string CourtDecisionClock = "mediation.court_decision";
    public const int CourtAcceptanceDays = 3;
    public const int CourtDecisionDays = 15;
    public const int CourtExtensionDays = 10;

    private MediationCase()
    {
    }

    /// <summary>
    /// 法释〔2011〕5号 第4条: a court does not confirm an agreement that settles status, adoption or the validity of a marriage;
    /// support, custody and visits, and property in a family dispute are confirmable like any other written agreement.
    /// </summary>
    public static bool Confirmable(DisputeType type, FamilyMatter? matter) =>
        type != DisputeType.MarriageFamily || matter is Domain.FamilyMatter.Support or Domain.FamilyMatter.CustodyVisitation or Domain.FamilyMatter.Property;

    public Guid Id { get; private set; }

    /// <summary>e.g. 塘调〔2026〕12号.</summary>
    public string Number { get; private set; } = "";

    public Guid CommitteeId { get; private set; }

    /// <summary>The committee's organisation node: whose data the case is.</summary>
    public Guid DepartmentId { get; private set; }

    public Guid? RoomId { get; private set; }

    public DisputeType Type { get; private set; }

    public CaseSource Source { get; private set; }

    /// <summary>Who referred it (the police station, court or office), when referred.</summary>
    public string? ReferredBy { get; private set; }

    /// <summary>Where the referring record is (a petition's page), when another work line referred it: the link back.</summary>
    public string? ReferredFromLink { get; internal set; }

    /// <summary>The legal-aid application a failed or ended mediation opened (信访工作条例 第37条), through Legal aid's public face.</summary>
    public Guid? AidApplicationId { get; private set; }

    public string? AidNumber { get; private set; }

    /// <summary>The dispute as told: encrypted at rest.</summary>
    public string Facts { get; private set; } = "";

    public string Claims { get; private set; } = "";

    public DateTime RegisteredAt { get; private set; }

    public DateOnly AcceptedOn { get; private set; }

    /// <summary>One month from acceptance to settle (人民调解工作若干规定 第33条), in calendar days.</summary>
    public DeadlineClock Clock { get; private set; } = new();

    public DateTime? RightsNoticeAt { get; private set; }

    public bool ViolenceRisk { get; private set; }

    public string? ViolenceNote { get; private set; }

    /// <summary>Who was told of the risk of violence (第25条): the police-station rooms and, where none was on duty, the justice office.</summary>
    public string? ViolenceToldTo { get; private set; }

    public CaseStatus Status { get; private set; }

    /// <summary>The kind of agreement reached, kept on the case too so that the statistics count written and oral ones in their one pass.</summary>
    public AgreementKind? AgreementKind { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>For a failure, the routes the parties were told; for an ending, who refused and why.</summary>
    public string? OutcomeNote { get; private set; }

    public List<CaseMediator> Mediators { get; private set; } = [];

    public DifficultyClass? ProposedClass { get; private set; }

    public string? ProposedBy { get; private set; }

    public DifficultyClass? ApprovedClass { get; private set; }

    public string? ApprovedBy { get; private set; }

    public DateTime? ApprovedAt { get; private set; }

    public decimal? SubsidyAmount { get; private set; }

    public Guid RowVersion { get; set; }

    public List<Party> Parties { get; private set; } = [];

    public List<MediationSession> Sessions { get; private set; } = [];

    public MediationAgreement? Agreement { get; private set; }

    public List<FollowUp> FollowUps { get; private set; } = [];

    public List<CaseEvent> Events { get; private set; } = [];

    IReadOnlyList<CaseStep> ICase.Record => Events;

    string ISearchable.SearchEntity => MediationModule.SearchEntity;

    Guid ISearchable.SearchId => Id;

    /// <summary>Found by its number and its parties' names.</summary>
    string ISearchable.SearchText => string.Join(" | ", [Number, .. Parties.Select(p => p.Name)]);

    public bool IsOpen => Status is CaseStatus.Registered or CaseStatus.InMediation;

    public bool Succeeded => Status == CaseStatus.Settled;

    /// <summary>Registers a dispute. Mediation needs the consent of both parties (第17条): it can be registered before, and is recorded when given.</summary>
    public static MediationCase Register(
        string number, MediationCommittee committee, Guid? roomId, DisputeType type, CaseSource source, string? referredBy, string facts, string claims,
        IReadOnlyList<Party> parties, IReadOnlyList<Guid> mediators, Actor by)
    {
        var c = new MediationCase
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            CommitteeId = committee.Id,
            DepartmentId = committee.DepartmentId,
            RoomId = roomId,
            Type = type,
            Source = source,
            ReferredBy = string.IsNullOrWhiteSpace(referredBy) ? null : referredBy.Trim(),
            Facts = facts.Trim(),
            Claims = claims.Trim(),
            RegisteredAt = by.Now,
            AcceptedOn = by.Today,
            // 一个月: from the day after acceptance to the same date next month.
            Clock = DeadlineClock.Start(by.Calendar, by.Today, by.Today.AddMonths(1).DayNumber - by.Today.DayNumber, DeadlineUnit.CalendarDays),
            Status = CaseStatus.Registered,
            RowVersion = Guid.NewGuid(),
        };
        c.Mediators.AddRange(mediators.Distinct().Select(m => new CaseMediator { CaseId = c.Id, MediatorId = m }));
        foreach (var p in parties)
        {
            p.Id = Guid.CreateVersion7();
            p.CaseId = c.Id;
            c.Parties.Add(p);
        }

        c.Record("registered", by, c.ReferredBy is null ? StepNote.Of("note.one", NoteArg.Key("mediation.source." + source))
            : StepNote.Of("note.pair", NoteArg.Key("mediation.source." + source), c.ReferredBy));
        return c;
    }

    /// <summary>The actions <paramref name="by"/> may take now: those whose guard passes.</summary>
    public IReadOnlyList<MediationAction> AvailableActions(Actor by) => Workflow.Available<MediationAction>(a => Guard(a, by));

    /// <summary>Why <paramref name="action"/> cannot be taken now by <paramref name="by"/>, or null when it can (state and rights; not the input).</summary>
    public DomainException? Guard(MediationAction action, Actor by) => StaffRule(by) ?? action switch
    {
        MediationAction.Consent => OpenRule() ?? Workflow.Unless(Parties.Any(p => !p.Consented), "mediation.consent_given"),
        MediationAction.RightsNotice => OpenRule() ?? Workflow.Unless(RightsNoticeAt is null, "mediation.rights_notice_given"),
        MediationAction.ScheduleSession or MediationAction.Fail or MediationAction.EndByRefusal => OpenRule(),
        // 第17条: mediation needs both parties' consent.
        // 第17条: mediation needs both parties' consent; 第23条: they are told their rights and duties before it begins.
        MediationAction.HoldSession => OpenRule() ?? Workflow.Unless(Parties.All(p => p.Consented), "mediation.consent_missing", "parties")
            ?? Workflow.Unless(RightsNoticeAt is not null, "mediation.rights_notice_required", "rightsNotice"),
        MediationAction.AgreeInWriting or MediationAction.AgreeOrally => OpenRule() ?? Workflow.Unless(Sessions.Any(s => s.Held), "mediation.session_required", "status"),
        MediationAction.FollowUp => Workflow.Unless(FollowUps.Any(f => f.DoneOn is null), "mediation.followup_done", "followUpId"),
        MediationAction.ApplyForConfirmation => WrittenRule()
            ?? Workflow.Unless(Agreement!.Confirmable, "mediation.not_confirmable", "type")
            ?? Workflow.Unless(Agreement.ConfirmationAppliedOn is null, "mediation.confirmation_applied")
            ?? Workflow.Unless(by.Today <= Agreement.ConfirmationWindow!.DueDate, "mediation.confirmation_window_passed", "appliedOn", ErrorKind.Conflict,
                Agreement.ConfirmationWindow.DueDate.ToString("yyyy-MM-dd")),
        MediationAction.RecordCourt => WrittenRule()
            ?? Workflow.Unless(Agreement!.ConfirmationAppliedOn is not null, "mediation.confirmation_not_applied")
            ?? Workflow.Unless(Agreement.Confirmed is null, "mediation.court_decided"),
        MediationAction.FlagViolence => Workflow.Unless(!ViolenceRisk, "mediation.violence_flagged"),
        MediationAction.ProposeClass => Workflow.Unless(Succeeded, "mediation.subsidy_needs_success", "status") ?? Workflow.Unless(ApprovedClass is null, "mediation.subsidy_approved", "class"),
        // The justice office approves the class (以案定补).
        MediationAction.ApproveClass => Workflow.Unless(by.IsIn(Roles.Supervisor), "mediation.justice_office_only", "class", ErrorKind.Forbidden)
            ?? Workflow.Unless(ProposedClass is not null, "mediation.subsidy_not_proposed", "class")
            ?? Workflow.Unless(ApprovedClass is null, "mediation.subsidy_approved", "class"),
        // A dispute mediation could not settle (failed, or a party refused) goes on to legal aid, once.
        MediationAction.ReferToLegalAid => Workflow.Unless(Status is CaseStatus.Failed or CaseStatus.Ended, "mediation.aid_needs_failure", "status")
            ?? Workflow.Unless(AidApplicationId is null, "mediation.aid_opened", "status"),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The legal-aid application opened for the applicant, in the same save: the link both ways.</summary>
    public void ReferToLegalAid(Guid applicationId, string number, Actor by)
    {
        Workflow.Check(Guard(MediationAction.ReferToLegalAid, by));
        AidApplicationId = applicationId;
        AidNumber = number;
        Record("referred_to_aid", by, StepNote.Of("note.one", number));
    }

    /// <summary>告知权利义务 (第23条): the mediator records the notice as given to the parties (in writing or orally), before the first session.</summary>
    public void GiveRightsNotice(Actor by, string? how = null)
    {
        Workflow.Check(Guard(MediationAction.RightsNotice, by));
        new Validator().MaxLength("how", how, 200).ThrowIfInvalid();
        RightsNoticeAt = by.Now;
        Record("rights_notice", by, string.IsNullOrWhiteSpace(how) ? null : how.Trim());
    }

    /// <summary>A party's consent to mediation (第17条).</summary>
    public void RecordConsent(Guid partyId, Actor by)
    {
        Workflow.Check(Guard(MediationAction.Consent, by));
        var party = Parties.FirstOrDefault(p => p.Id == partyId) ?? throw DomainException.NotFound("partyId");
        if (party.Consented)
        {
            throw new DomainException("mediation.consent_given", "partyId", ErrorKind.Conflict);
        }

        party.Consented = true;
        Record("consent", by, party.Name);
    }

    /// <summary>Schedules a session (day, room, mediators): it shows on the mediators' day view.</summary>
    public MediationSession ScheduleSession(DateTime at, Guid? roomId, IReadOnlyList<Guid> mediators, Actor by)
    {
        Workflow.Check(Guard(MediationAction.ScheduleSession, by));
        new Validator().Check(mediators.Count > 0, "mediatorIds", "required").ThrowIfInvalid();
        var session = new MediationSession { Id = Guid.CreateVersion7(), CaseId = Id, At = at, RoomId = roomId, MediatorIds = [.. mediators.Distinct()] };
        Sessions.Add(session);
        Record("session_scheduled", by, null);
        return session;
    }

    /// <summary>调解: a session held (a scheduled one, or a new one), with who attended and its record. Both parties must have consented first (第17条).</summary>
    public MediationSession HoldSession(Guid? scheduled, DateTime at, Guid? roomId, IReadOnlyList<Guid> mediators, string? attendees, string? record, Actor by)
    {
        Workflow.Check(Guard(MediationAction.HoldSession, by));
        new Validator().Required("record", record, 8000).Check(mediators.Count > 0, "mediatorIds", "required").MaxLength("attendees", attendees, 1000)
            // A session is recorded as held once it has been: not at a time still to come, nor before the case was accepted.
            .Check(at <= by.Now.AddMinutes(5), "at", "mediation.session_in_future")
            .Check(DateOnly.FromDateTime(Platform.Localization.ChinaTime.ToLocal(at)) >= AcceptedOn, "at", "mediation.date_before_acceptance").ThrowIfInvalid();
        var session = scheduled is { } id
            ? Sessions.FirstOrDefault(s => s.Id == id && !s.Held) ?? throw DomainException.NotFound("sessionId")
            : new MediationSession { Id = Guid.CreateVersion7(), CaseId = Id, At = at };
        if (scheduled is null)
        {
            Sessions.Add(session);
        }

        session.RoomId = roomId ?? session.RoomId;
        session.MediatorIds = [.. mediators.Distinct()];
        session.Attendees = attendees?.Trim() ?? "";
        session.Record = record!.Trim();
        session.Held = true;
        Status = CaseStatus.InMediation;
        Record("session", by, null);
        return session;
    }

    /// <summary>
    /// 调解协议书 (第29条): every element, effective when signed (the day given); a follow-up falls due on the day of
    /// performance, and, where confirmable, the parties' 30-day window for judicial confirmation starts.
    /// </summary>
    public void AgreeInWriting(string? facts, string? terms, string? performance, DateOnly? performBy, DateOnly effectiveOn, Actor by, FamilyMatter? matter = null)
    {
        Workflow.Check(Guard(MediationAction.AgreeInWriting, by));
        new Validator().Required("facts", facts, 4000).Required("terms", terms, 4000).Required("performance", performance, 2000)
            .Check(Type != DisputeType.MarriageFamily || (matter is { } m && Enum.IsDefined(m)), "familyMatter", "required").ThrowIfInvalid();
        Settle(Domain.AgreementKind.Written, facts!, terms!, performance!, performBy, effectiveOn, by, Type == DisputeType.MarriageFamily ? matter : null);
    }

    /// <summary>口头协议 (第30条): for a simple matter, recorded by the mediator.</summary>
    public void AgreeOrally(string? terms, DateOnly? performBy, Actor by)
    {
        Workflow.Check(Guard(MediationAction.AgreeOrally, by));
        new Validator().Required("terms", terms, 4000).ThrowIfInvalid();
        Settle(Domain.AgreementKind.Oral, Facts, terms!, "", performBy, by.Today, by);
    }

    /// <summary>调解不成 (第26条): ended, and the parties told their other routes (arbitration, litigation, administrative).</summary>
    public void Fail(string? routesTold, Actor by)
    {
        Workflow.Check(Guard(MediationAction.Fail, by));
        new Validator().Required("note", routesTold, 2000).ThrowIfInvalid();
        Close(CaseStatus.Failed, routesTold!.Trim(), "failed", by);
    }

    /// <summary>终止 (第17条): a party refused to mediate or to go on.</summary>
    public void EndByRefusal(string? who, Actor by)
    {
        Workflow.Check(Guard(MediationAction.EndByRefusal, by));
        new Validator().Required("note", who, 2000).ThrowIfInvalid();
        Close(CaseStatus.Ended, who!.Trim(), "ended", by);
    }

    /// <summary>回访 (第31条): records whether the terms were performed.</summary>
    public void RecordFollowUp(Guid followUpId, bool performed, string? note, Actor by)
    {
        Workflow.Check(Guard(MediationAction.FollowUp, by));
        var f = FollowUps.FirstOrDefault(x => x.Id == followUpId) ?? throw DomainException.NotFound("followUpId");
        if (f.DoneOn is not null)
        {
            throw new DomainException("mediation.followup_done", "followUpId", ErrorKind.Conflict);
        }

        new Validator().MaxLength("note", note, 1000).ThrowIfInvalid();
        f.DoneOn = by.Today;
        f.Performed = performed;
        f.Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        f.DoneBy = by.UserName;
        Record(performed ? "performed" : "not_performed", by, f.Note);
    }

    /// <summary>申请司法确认: the parties applied jointly, within 30 days of the agreement taking effect (第33条).</summary>
    public void ApplyForConfirmation(DateOnly on, string? court, Actor by, IReadOnlyCollection<Guid>? applicants = null)
    {
        Workflow.Check(Guard(MediationAction.ApplyForConfirmation, by));
        var a = Agreement!;
        // 法释〔2011〕5号 第2条: the parties apply jointly; every party of the agreement is on the application.
        if (applicants is null || Parties.Any(p => !applicants.Contains(p.Id)) || applicants.Any(id => Parties.All(p => p.Id != id)))
        {
            throw new DomainException("mediation.joint_application_required", "partyIds", ErrorKind.Invalid);
        }

        if (on > a.ConfirmationWindow!.DueDate || on < a.EffectiveOn || on > by.Today)
        {
            throw new DomainException("mediation.confirmation_window_passed", "appliedOn", ErrorKind.Conflict, a.ConfirmationWindow.DueDate.ToString("yyyy-MM-dd"));
        }

        new Validator().Required("court", court, 100).ThrowIfInvalid();
        a.ConfirmationAppliedOn = on;
        a.Court = court!.Trim();
        a.CourtAcceptance = DeadlineClock.Start(by.Calendar, on, CourtAcceptanceDays, DeadlineUnit.CalendarDays);
        Record("confirmation_applied", by, StepNote.Of("mediation.note.joint", a.Court, NoteArg.List(Parties.Select(p => p.Name))));
    }

    /// <summary>The court accepted the application (within 3 days), or decided (within 15 days, +10): confirmed or not.</summary>
    public void RecordCourt(DateOnly? acceptedOn, DateOnly? decidedOn, bool? confirmed, Actor by, bool extended = false)
    {
        Workflow.Check(Guard(MediationAction.RecordCourt, by));
        var a = Agreement!;
        if (decidedOn is not null && confirmed is null)
        {
            throw new DomainException("required", "confirmed");
        }

        if (acceptedOn is { } accepted && a.CourtAcceptedOn is null)
        {
            a.CourtDecision = DeadlineClock.Start(by.Calendar, accepted, CourtDecisionDays, DeadlineUnit.CalendarDays);
        }

        if (extended && a.CourtDecision is { Extensions: 0 } running && decidedOn is null)
        {
            a.CourtDecision = running.Extend(by.Calendar, CourtExtensionDays);
        }

        a.CourtAcceptedOn = acceptedOn ?? a.CourtAcceptedOn;
        a.CourtDecidedOn = decidedOn ?? a.CourtDecidedOn;
        a.Confirmed = confirmed ?? a.Confirmed;
        Record(confirmed switch
        {
            true => "confirmed",
            false => "not_confirmed",
            _ => extended && acceptedOn is null ? "court_extended" : "court_accepted",
        }, by, extended && a.CourtDecision is { } d ? StepNote.Of("mediation.note.court_due", a.Court, NoteArg.Day(d.DueDate)) : a.Court);
    }

    /// <summary>矛盾激化: a risk of violence; the police are told (第25条).</summary>
    public void FlagViolence(string? note, Actor by, IReadOnlyList<string>? rooms = null, bool justiceOffice = false)
    {
        Workflow.Check(Guard(MediationAction.FlagViolence, by));
        new Validator().Required("note", note, 1000).ThrowIfInvalid();
        ViolenceRisk = true;
        ViolenceNote = note!.Trim();
        // Who was told, kept as names and a key so each reader sees it in their language; at most eight rooms fit the column.
        var told = NoteArg.List((rooms ?? []).Take(8));
        ViolenceToldTo = rooms is not { Count: > 0 } && !justiceOffice ? null
            : StepNote.Of(justiceOffice ? "mediation.note.told_justice" : "note.one", told).Value;
        Record("violence_risk", by, ViolenceToldTo is null ? ViolenceNote
            : StepNote.Of(justiceOffice ? "mediation.note.violence_justice" : "mediation.note.violence", ViolenceNote, told));
    }

    /// <summary>以案定补: the mediator proposes the difficulty class of a settled case.</summary>
    public void ProposeClass(DifficultyClass cls, Actor by)
    {
        Workflow.Check(Guard(MediationAction.ProposeClass, by));
        ProposedClass = Enum.IsDefined(cls) ? cls : throw new DomainException("required", "class");
        ProposedBy = by.UserName;
        Record("class_proposed", by, StepNote.Of("note.one", NoteArg.Key("mediation.class." + cls)));
    }

    /// <summary>The justice office approves the class (or another one) at the amount the city's table gives on the day of settlement.</summary>
    public void ApproveClass(DifficultyClass cls, decimal amount, Actor by)
    {
        Workflow.Check(Guard(MediationAction.ApproveClass, by));
        ApprovedClass = Enum.IsDefined(cls) ? cls : throw new DomainException("required", "class");
        SubsidyAmount = amount;
        ApprovedBy = by.UserName;
        ApprovedAt = by.Now;
        Record("class_approved", by, StepNote.Of("mediation.note.class_approved", NoteArg.Key("mediation.class." + cls), NoteArg.Yuan(amount)));
    }

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            var link = $"/mediation/cases/{Id}";
            if (IsOpen)
            {
                yield return new Deadline(CaseClock, Id, Clock, DepartmentId, Number, null, link);
            }

            if (Agreement is { ConfirmationWindow: { } window, ConfirmationAppliedOn: null })
            {
                yield return new Deadline(ConfirmationClock, Id, window, DepartmentId, Number, null, link);
            }

            // The court's limits: shown to the mediator as the court's, on the list of other bodies' limits, not as a duty.
            if (Agreement is { ConfirmationAppliedOn: not null, CourtAcceptedOn: null, CourtAcceptance: { } acceptance })
            {
                yield return new Deadline(CourtAcceptanceClock, Id, acceptance, DepartmentId, Number, Agreement.Court, link);
            }

            if (Agreement is { CourtAcceptedOn: not null, CourtDecidedOn: null, CourtDecision: { } decision })
            {
                yield return new Deadline(CourtDecisionClock, Id, decision, DepartmentId, Number, Agreement.Court, link);
            }

            foreach (var f in FollowUps.Where(f => f.DoneOn is null))
            {
                yield return new Deadline(FollowUpClock, f.Id, f.Clock, DepartmentId, Number, null, link);
            }
        }
    }

    private void Settle(AgreementKind kind, string facts, string terms, string performance, DateOnly? performBy, DateOnly effectiveOn, Actor by, FamilyMatter? matter = null)
    {
        if (effectiveOn > by.Today)
        {
            throw new DomainException("mediation.effective_in_future", "effectiveOn");
        }

        // An agreement is signed in the course of the mediation: never before the case was accepted.
        if (effectiveOn < AcceptedOn)
        {
            throw new DomainException("mediation.date_before_acceptance", "effectiveOn");
        }

        var confirmable = kind == Domain.AgreementKind.Written && Confirmable(Type, matter);
        AgreementKind = kind;
        Agreement = new MediationAgreement
        {
            CaseId = Id,
            Kind = kind,
            FamilyMatter = matter,
            Facts = facts.Trim(),
            Terms = terms.Trim(),
            Performance = performance.Trim(),
            PerformBy = performBy,
            EffectiveOn = effectiveOn,
            Confirmable = confirmable,
            // 30 days counted from the day after it took effect; a last day off moves to the next working day.
            ConfirmationWindow = confirmable ? DeadlineClock.Start(by.Calendar, effectiveOn, MediationAgreement.ConfirmationDays, DeadlineUnit.CalendarDays) : null,
        };
        if (performBy is { } due && due >= by.Today)
        {
            FollowUps.Add(new FollowUp
            {
                Id = Guid.CreateVersion7(), CaseId = Id, DueOn = due,
                Clock = DeadlineClock.Start(by.Calendar, by.Today, due.DayNumber - by.Today.DayNumber, DeadlineUnit.CalendarDays),
            });
        }

        Close(CaseStatus.Settled, null, kind == Domain.AgreementKind.Written ? "agreed_written" : "agreed_oral", by);
    }

    private void Close(CaseStatus status, string? note, string kind, Actor by)
    {
        Status = status;
        OutcomeNote = note;
        ClosedAt = by.Now;
        Record(kind, by, note);
    }

    private static DomainException? StaffRule(Actor by) =>
        Workflow.Unless(by.IsInAny(MediationRoles.Mediator, Roles.Supervisor, Roles.Administrator) || by.UserId is null, "mediation.staff_only", "action", ErrorKind.Forbidden);

    private DomainException? OpenRule() => Workflow.Unless(IsOpen, "mediation.case_closed", "status");

    private DomainException? WrittenRule() => Workflow.Unless(Agreement is { Kind: Domain.AgreementKind.Written }, "mediation.no_written_agreement");

    private void Record(string kind, Actor by, RecordNote note) =>
        Events.Add(CaseStep.New<CaseEvent>(Id, Workflow.NextSequence(Events), kind, by, note));
}

/// <summary>以案定补 amounts, effective-dated, per city (the city sets them; the amounts are local).</summary>
public sealed class SubsidyRate
{
    public Guid Id { get; set; }

    public string City { get; set; } = "";

    public DifficultyClass Class { get; set; }

    public decimal Amount { get; set; }

    public DateOnly EffectiveFrom { get; set; }

    /// <summary>The last day it applies, or null while in force.</summary>
    public DateOnly? EffectiveTo { get; set; }

    /// <summary>The amount in force on <paramref name="on"/> for a class, or null when the city has set none.</summary>
    public static SubsidyRate? InForce(IEnumerable<SubsidyRate> rates, string city, DifficultyClass cls, DateOnly on) =>
        rates.Where(r => r.City == city && r.Class == cls && r.EffectiveFrom <= on && (r.EffectiveTo is null || on <= r.EffectiveTo))
            .OrderByDescending(r => r.EffectiveFrom).FirstOrDefault();
}
