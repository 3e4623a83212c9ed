using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Petitions.Domain;

/// <summary>信访渠道 (信访工作条例 第17条).</summary>
public enum PetitionChannel
{
    Web = 0,
    Letter = 1,
    Phone = 2,
    Visit = 3,
}

/// <summary>How a petition is handled (第29-31条).</summary>
public enum PetitionClass
{
    /// <summary>建议意见 (第29条).</summary>
    Suggestion = 0,

    /// <summary>检举控告 (第30条): the accuser's identity is sealed.</summary>
    Accusation = 1,

    /// <summary>申诉求决 (第31条): answered by a written opinion within 60 days.</summary>
    Claim = 2,
}

/// <summary>What the petition is about: the register's classes, the repeat check's "same matter", Open311's services.</summary>
public enum MatterCategory
{
    Labour = 0,
    LandHousing = 1,
    UrbanManagement = 2,
    Environment = 3,
    SocialSecurity = 4,
    GovernmentService = 5,
    Enforcement = 6,
    NeighbourFamily = 7,
    Other = 8,
}

public enum PetitionStatus
{
    /// <summary>Entered (第21条); the petition office routes it within 15 days.</summary>
    Registered = 0,

    /// <summary>Sent to the receiving body, which tells the petitioner in writing whether it accepts (第22-23条).</summary>
    Routed = 1,

    /// <summary>Accepted; a claim is answered within 60 days (第32条).</summary>
    Accepted = 2,

    /// <summary>Not accepted, told in writing with the reason (a matter re-reviewed already is one: 第36条).</summary>
    NotAccepted = 3,

    /// <summary>A matter for a court, arbitration, reconsideration or another statutory route: the route told in writing (第31条).</summary>
    Diverted = 4,

    /// <summary>Referred to people's mediation (第33、37条): the matter is followed there, and on to legal aid.</summary>
    Referred = 5,

    /// <summary>Answered by the written opinion (信访处理意见书); a review may be asked within 30 days (第35条).</summary>
    Answered = 6,

    /// <summary>复查 asked for: decided within 30 days (第35条).</summary>
    ReviewRequested = 7,

    /// <summary>Reviewed; a re-review may be asked within 30 days (第36条).</summary>
    Reviewed = 8,

    /// <summary>复核 asked for: decided within 30 days (第36条).</summary>
    ReReviewRequested = 9,

    /// <summary>Re-reviewed: the matter is closed; the same matter is not accepted again (第36条).</summary>
    ReReviewed = 10,
}

/// <summary>The statutory route a diverted matter is told to take (第31条).</summary>
public enum DivertRoute
{
    Litigation = 0,
    Arbitration = 1,
    Reconsideration = 2,
    OtherStatutory = 3,
}

public enum PetitionAction
{
    Route,
    SendBack,
    Accept,
    NotAccept,
    Divert,
    ReferToMediation,
    Extend,
    Answer,
    RequestReview,
    DecideReview,
    RequestReReview,
    DecideReReview,
    Oversee,
    AnswerOversight,
    OpenSealed,
    Unlink,
    AskOpinion,
}

public sealed class PetitionStep : CaseStep;

/// <summary>督办 (第40条): who asked the receiving body, for what, by when, and its written answer.</summary>
public sealed class Oversight : ICasePart
{
    public Guid Id { get; internal set; }

    public Guid CaseId { get; internal set; }

    public DateTime At { get; internal set; }

    public string By { get; internal set; } = "";

    public string Request { get; internal set; } = "";

    public DeadlineClock Clock { get; internal set; } = new();

    public DateTime? AnsweredAt { get; internal set; }

    public string? Answer { get; internal set; }
}

/// <summary>
/// 信访事项. The petitioner's name, ID number, phone and address are personal data; for an accusation (第30条) they are kept
/// only sealed: the ordinary columns hold nothing, and only the roles the module names may open them, each read audited.
/// </summary>
public sealed class Petition : ICase, IVersioned, IHasDeadlines, ISearchable
{
    public const string RouteClock = "petitions.route";
    public const string SendBackClock = "petitions.sendback";
    public const string AnswerClock = "petitions.answer";
    public const string ReviewWindowClock = "petitions.review_window";
    public const string ReviewClock = "petitions.review";
    public const string ReReviewWindowClock = "petitions.rereview_window";
    public const string ReReviewClock = "petitions.rereview";
    public const string OversightClock = "petitions.oversight";

    /// <summary>第22-23条: routed and its acceptance told within 15 days of receipt.</summary>
    public const int RouteDays = 15;

    /// <summary>A misrouted petition is sent back within 5 working days.</summary>
    public const int SendBackWorkingDays = 5;

    /// <summary>第32条: a claim answered within 60 days of acceptance.</summary>
    public const int AnswerDays = 60;

    /// <summary>第32条: extendable by up to 30 days, the petitioner told.</summary>
    public const int MaxExtension = 30;

    /// <summary>第35-36条: a review (or re-review) asked within 30 days, decided within 30.</summary>
    public const int ReviewDays = 30;

    /// <summary>第20条: a group sends at most 5 representatives.</summary>
    public const int MaxRepresentatives = 5;

    private Petition()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>e.g. 塘信〔2026〕12号.</summary>
    public string Number { get; private set; } = "";

    public string QueryToken { get; private set; } = "";

    /// <summary>The number in ASCII (2026-12), the Open311 service_request_id: public, unlike the token.</summary>
    public string RequestId { get; private set; } = "";

    /// <summary>The petition office that entered it (whose register it is on).</summary>
    public Guid DepartmentId { get; private set; }

    /// <summary>The receiving body once routed (Guid.Empty before): it sees the petition too.</summary>
    public Guid HandlerDepartmentId { get; private set; }

    public PetitionChannel Channel { get; private set; }

    public PetitionClass Class { get; private set; }

    public MatterCategory Category { get; private set; }

    /// <summary>A short title of the matter (事由).</summary>
    public string Subject { get; private set; } = "";

    /// <summary>The request (诉求), the facts and the reasons (第19条): encrypted at rest.</summary>
    public string Request { get; private set; } = "";

    public string Facts { get; private set; } = "";

    public string Reasons { get; private set; } = "";

    /// <summary>The petitioner's (or the group's first representative's) name; for an accusation, empty: the name is sealed.</summary>
    public string PetitionerName { get; private set; } = "";

    public string? PetitionerIdNumber { get; private set; }

    public string? PetitionerPhone { get; private set; }

    public string? PetitionerAddress { get; private set; }

    /// <summary>Blind indexes of the ID number and the phone: the repeat check and the citizen's one page find by them.</summary>
    public string? IdLookup { get; private set; }

    public string? PhoneLookup { get; private set; }

    /// <summary>An accusation's sealed identity (第30条): name, ID number, phone and address, each encrypted, opened only by the named roles.</summary>
    public string? SealedName { get; private set; }

    public string? SealedIdNumber { get; private set; }

    public string? SealedPhone { get; private set; }

    public string? SealedAddress { get; private set; }

    public bool IsSealed => Class == PetitionClass.Accusation;

    /// <summary>A group visit: how many came and the representatives' names (at most 5, 第20条).</summary>
    public int GroupSize { get; private set; } = 1;

    public List<string> Representatives { get; private set; } = [];

    /// <summary>The first petition of the same matter, when this one repeats it: linked, not counted twice.</summary>
    public Guid? RepeatOfId { get; private set; }

    public string? RepeatOfNumber { get; private set; }

    /// <summary>Not accepted on entry because its matter was closed by re-review (第36条), not by anyone's decision.</summary>
    public bool ClosedAsRepeat { get; private set; }

    /// <summary>When it was entered.</summary>
    public DateTime ReceivedAt { get; private set; }

    /// <summary>The day it was received (a letter may arrive before it is entered): the 15 days run from it.</summary>
    public DateOnly ReceivedOn { get; private set; }

    public PetitionStatus Status { get; private set; }

    public DeadlineClock RouteDeadline { get; private set; } = new();

    public string? HandlerName { get; private set; }

    public DateTime? RoutedAt { get; private set; }

    public DeadlineClock? SendBackDeadline { get; private set; }

    public int SentBack { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    /// <summary>Why not accepted, or the route told for a diverted matter.</summary>
    public string? DecisionReason { get; private set; }

    public DivertRoute? Route { get; private set; }

    public DeadlineClock? AnswerDeadline { get; private set; }

    public string? ExtensionReason { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    /// <summary>Answered by the end of the (possibly extended) limit's China day: the report's on-time count.</summary>
    public bool? AnsweredInTime { get; private set; }

    /// <summary>The written opinion (信访处理意见书): encrypted at rest.</summary>
    public string? Opinion { get; private set; }

    public DeadlineClock? ReviewWindow { get; private set; }

    public DateTime? ReviewRequestedAt { get; private set; }

    public DeadlineClock? ReviewDeadline { get; private set; }

    public string? ReviewBody { get; private set; }

    public string? ReviewOpinion { get; private set; }

    public bool? ReviewUpheld { get; private set; }

    public DateTime? ReviewedAt { get; private set; }

    public DeadlineClock? ReReviewWindow { get; private set; }

    public DateTime? ReReviewRequestedAt { get; private set; }

    public DeadlineClock? ReReviewDeadline { get; private set; }

    public string? ReReviewBody { get; private set; }

    public string? ReReviewOpinion { get; private set; }

    public bool? ReReviewUpheld { get; private set; }

    public DateTime? ReReviewedAt { get; private set; }

    /// <summary>The mediation case it was referred to (第33、37条), through Mediation's public face.</summary>
    public Guid? MediationCaseId { get; private set; }

    public string? MediationNumber { get; private set; }

    public DateTime? ReferredAt { get; private set; }

    /// <summary>满意 / 基本满意 / 不满意, once, by the petitioner on the public page (第21条).</summary>
    public int? Rating { get; private set; }

    public DateTime? RatedAt { get; private set; }

    /// <summary>The Open311 request id it was filed under, when it came that way.</summary>
    public string? Open311Client { get; private set; }

    public Guid RowVersion { get; set; }

    /// <summary>When the petition or its record last changed (set on every save): the public answers kept in memory drop by it.</summary>
    public DateTime ChangedAt { get; set; }

    public List<Oversight> Oversights { get; private set; } = [];

    public List<PetitionStep> Steps { get; private set; } = [];

    IReadOnlyList<CaseStep> ICase.Record => Steps;

    string ISearchable.SearchEntity => PetitionsModule.SearchEntity;

    Guid ISearchable.SearchId => Id;

    /// <summary>Found by number, subject and the petitioner's name; a sealed accuser is not in the index.</summary>
    string ISearchable.SearchText => string.Join(" | ", new List<string> { Number, Subject, PetitionerName }.Concat(Representatives).Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>Closed for good: not accepted, diverted, or re-reviewed.</summary>
    public bool IsFinal => Status is PetitionStatus.NotAccepted or PetitionStatus.Diverted or PetitionStatus.ReReviewed;

    public sealed record PetitionerInput(string Name, string? IdNumber, string? Phone, string? Address);

    public sealed record Content(PetitionChannel Channel, PetitionClass Class, MatterCategory Category, string Subject, string Request, string Facts, string Reasons);

    /// <summary>
    /// 第21条: every petition is entered, numbered and given a token; the 15 days to route it run from receipt. A repeat of a
    /// matter already re-reviewed (第36条) is entered and at once not accepted.
    /// </summary>
    public static Petition Register(
        string number, Guid officeId, Content content, PetitionerInput petitioner, int groupSize, IReadOnlyList<string> representatives,
        Petition? repeatOf, string? open311Client, Actor by, bool matterClosed = false, DateOnly? receivedOn = null)
    {
        var received = receivedOn is { } day && day < by.Today ? day : by.Today;
        var p = new Petition
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            QueryToken = QueryTokens.New(),
            RequestId = RequestIdOf(number),
            DepartmentId = officeId,
            HandlerDepartmentId = Guid.Empty,
            Channel = content.Channel,
            Class = content.Class,
            Category = content.Category,
            Subject = content.Subject.Trim(),
            Request = content.Request.Trim(),
            Facts = content.Facts.Trim(),
            Reasons = content.Reasons.Trim(),
            GroupSize = Math.Max(1, groupSize),
            Representatives = [.. representatives.Select(r => r.Trim()).Where(r => r.Length > 0)],
            ReceivedAt = by.Now,
            ChangedAt = by.Now,
            Status = PetitionStatus.Registered,
            ReceivedOn = received,
            // 第22条: 15 days from receipt (a letter entered late counts from the day it arrived).
            RouteDeadline = DeadlineClock.Start(by.Calendar, received, RouteDays, DeadlineUnit.CalendarDays),
            Open311Client = open311Client,
            RowVersion = Guid.NewGuid(),
        };
        var id = Clean(petitioner.IdNumber)?.ToUpperInvariant();
        var phone = Clean(petitioner.Phone);
        p.IdLookup = id;
        p.PhoneLookup = phone;
        if (p.IsSealed)
        {
            p.SealedName = petitioner.Name.Trim();
            p.SealedIdNumber = id;
            p.SealedPhone = phone;
            p.SealedAddress = Clean(petitioner.Address);
            p.Representatives = [];
        }
        else
        {
            p.PetitionerName = petitioner.Name.Trim();
            p.PetitionerIdNumber = id;
            p.PetitionerPhone = phone;
            p.PetitionerAddress = Clean(petitioner.Address);
        }

        p.Record("registered", by, StepNote.Of("note.pair", NoteArg.Key("petitions.channel." + content.Channel), NoteArg.Key("petitions.class." + content.Class)));
        if (repeatOf is not null)
        {
            p.RepeatOfId = repeatOf.RepeatOfId ?? repeatOf.Id;
            p.RepeatOfNumber = repeatOf.RepeatOfNumber ?? repeatOf.Number;
            p.Record("repeat", by, StepNote.Of("note.one", p.RepeatOfNumber));
            if (matterClosed || repeatOf.ReReviewedAt is not null)
            {
                // 第36条: after re-review the same matter is not accepted again.
                p.Status = PetitionStatus.NotAccepted;
                p.ClosedAsRepeat = true;
                p.DecidedAt = by.Now;
                p.DecisionReason = StepNote.Render(StepNote.Of("petitions.note.closed_matter", p.RepeatOfNumber).Value, english: false);
                p.Record("not_accepted", by, StepNote.Of("petitions.note.closed_matter", p.RepeatOfNumber));
            }
        }

        return p;
    }

    /// <summary>塘信〔2026〕12号 → 2026-12.</summary>
    public static string RequestIdOf(string number)
    {
        var digits = System.Text.RegularExpressions.Regex.Matches(number, "[0-9]+").Select(m => m.Value).ToList();
        return digits.Count >= 2 ? $"{digits[^2]}-{digits[^1]}" : number;
    }

    public IReadOnlyList<PetitionAction> AvailableActions(Actor by) => Workflow.Available<PetitionAction>(a => Guard(a, by));

    private bool IsOffice(Actor by) => by.IsIn(PetitionsRoles.PetitionOfficer) && by.ActsFor(DepartmentId);

    private bool IsHandler(Actor by) => by.IsIn(PetitionsRoles.Handler) && HandlerDepartmentId != Guid.Empty && by.ActsFor(HandlerDepartmentId);

    /// <summary>The office decides for itself what it keeps (it is the receiving body when it routes nothing), the receiving body what was routed to it.</summary>
    private bool Decides(Actor by) => Status == PetitionStatus.Routed ? IsHandler(by) : IsOffice(by);

    /// <summary>Whoever answers the accepted matter: the receiving body, or the office for a matter it kept.</summary>
    private bool Answers(Actor by) => HandlerDepartmentId == Guid.Empty ? IsOffice(by) : IsHandler(by);

    public DomainException? Guard(PetitionAction action, Actor by) => action switch
    {
        PetitionAction.Route => Is(PetitionStatus.Registered) ?? Must(IsOffice(by)),
        PetitionAction.SendBack => Is(PetitionStatus.Routed) ?? Must(IsHandler(by))
            ?? Workflow.Unless(SendBackDeadline is null || by.Today <= SendBackDeadline.DueDate, "petitions.sendback_passed", "status", ErrorKind.Conflict,
                SendBackDeadline?.DueDate.ToString("yyyy-MM-dd") ?? ""),
        PetitionAction.Accept or PetitionAction.NotAccept or PetitionAction.Divert => Is(PetitionStatus.Registered, PetitionStatus.Routed) ?? Must(Decides(by)),
        // 第33、37条: the office refers a visit at reception, or the body a matter it accepted.
        PetitionAction.ReferToMediation => Is(PetitionStatus.Registered, PetitionStatus.Routed, PetitionStatus.Accepted)
            ?? Workflow.Unless(Class == PetitionClass.Claim, "petitions.mediation_claims_only", "class")
            ?? Must(Status == PetitionStatus.Accepted ? Answers(by) : Decides(by)),
        PetitionAction.Extend => Is(PetitionStatus.Accepted) ?? Must(Answers(by))
            ?? Workflow.Unless(AnswerDeadline is not null && AnswerDeadline.Extensions == 0, "petitions.extended_once", "days")
            // An extension is decided while the 60 days run, not after they ran out.
            ?? Workflow.Unless(AnswerDeadline is null || by.Today <= AnswerDeadline.DueDate, "petitions.extension_too_late", "days", ErrorKind.Conflict,
                AnswerDeadline?.DueDate.ToString("yyyy-MM-dd") ?? ""),
        PetitionAction.Answer => Is(PetitionStatus.Accepted) ?? Must(Answers(by)),
        // The petitioner asks at the office (in person, by letter or online): the office records it.
        PetitionAction.RequestReview => Is(PetitionStatus.Answered) ?? Must(IsOffice(by))
            ?? Workflow.Unless(Class == PetitionClass.Claim, "petitions.review_claims_only", "class")
            ?? Workflow.Unless(ReviewWindow is null || by.Today <= ReviewWindow.DueDate, "petitions.review_window_passed", "status", ErrorKind.Conflict,
                ReviewWindow?.DueDate.ToString("yyyy-MM-dd") ?? ""),
        // 第35条: the body above the one that answered: the town government (a supervisor).
        PetitionAction.DecideReview => Is(PetitionStatus.ReviewRequested) ?? Workflow.Unless(by.IsIn(Roles.Supervisor), "petitions.supervisor_only", "status", ErrorKind.Forbidden),
        PetitionAction.RequestReReview => Is(PetitionStatus.Reviewed) ?? Must(IsOffice(by))
            ?? Workflow.Unless(ReReviewWindow is null || by.Today <= ReReviewWindow.DueDate, "petitions.review_window_passed", "status", ErrorKind.Conflict,
                ReReviewWindow?.DueDate.ToString("yyyy-MM-dd") ?? ""),
        // 第36条: the level above decides; the office records its decision as received.
        PetitionAction.DecideReReview => Is(PetitionStatus.ReReviewRequested) ?? Must(IsOffice(by) || by.IsIn(Roles.Supervisor)),
        // 第40条: the office or the town's leadership oversees a body that is slow.
        PetitionAction.Oversee => Workflow.Unless(!IsFinal && Status is not (PetitionStatus.Registered or PetitionStatus.Referred), "petitions.step_out_of_order", "status")
            ?? Workflow.Unless(HandlerDepartmentId != Guid.Empty, "petitions.nobody_to_oversee", "status")
            ?? Must(IsOffice(by) || by.IsIn(Roles.Supervisor))
            ?? Workflow.Unless(Oversights.All(o => o.AnsweredAt is not null), "petitions.oversight_open", "status"),
        PetitionAction.AnswerOversight => Workflow.Unless(Oversights.Any(o => o.AnsweredAt is null), "petitions.no_open_oversight", "status") ?? Must(IsHandler(by)),
        // The office finds the automatic link wrong (another matter of the same kind): it unlinks it before anyone decided on it.
        PetitionAction.Unlink => Workflow.Unless(RepeatOfId is not null, "petitions.not_a_repeat", "status")
            ?? Workflow.Unless(Status == PetitionStatus.Registered || (Status == PetitionStatus.NotAccepted && ClosedAsRepeat), "petitions.step_out_of_order", "status")
            ?? Must(IsOffice(by)),
        // A legal advisor's written opinion on the matter, asked by whoever holds it now (through Documents' public face).
        PetitionAction.AskOpinion => Workflow.Unless(!IsFinal, "petitions.step_out_of_order", "status") ?? Must(IsOffice(by) || IsHandler(by)),
        PetitionAction.OpenSealed => Workflow.Unless(IsSealed, "petitions.not_sealed", "status") ?? Workflow.Unless(CanOpenSealed(by), "petitions.sealed", "identity", ErrorKind.Forbidden),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>第30条: the accuser's identity is opened by the petition office that entered it and the town's leadership, no one else.</summary>
    public bool CanOpenSealed(Actor by) => (by.IsIn(PetitionsRoles.PetitionOfficer) && by.ActsFor(DepartmentId)) || by.IsIn(Roles.Supervisor);

    /// <summary>Not the same matter after all: the link to the first petition is removed (with why), and a petition refused only as a repeat of a closed matter is entered anew.</summary>
    public void Unlink(string? reason, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.Unlink, by));
        new Validator().Required("reason", reason, 500).ThrowIfInvalid();
        var was = RepeatOfNumber;
        RepeatOfId = null;
        RepeatOfNumber = null;
        if (ClosedAsRepeat)
        {
            ClosedAsRepeat = false;
            Status = PetitionStatus.Registered;
            DecidedAt = null;
            DecisionReason = null;
        }

        Record("unlinked", by, StepNote.Of("note.pair", was ?? "", reason!.Trim()));
    }

    /// <summary>A legal advisor was asked for a written opinion on the matter: the request's number and the advisor.</summary>
    public void OpinionAsked(string number, string advisor, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.AskOpinion, by));
        Record("opinion_asked", by, StepNote.Of("note.pair", number, advisor));
    }

    /// <summary>第22条: routed to the body with the power to handle it; it has 5 working days to send back what is not its own.</summary>
    public void RouteTo(Guid bodyId, string bodyName, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.Route, by));
        Workflow.Check(Workflow.Unless(bodyId != DepartmentId, "petitions.route_to_other", "handlerId"));
        HandlerDepartmentId = bodyId;
        HandlerName = bodyName;
        RoutedAt = by.Now;
        SendBackDeadline = DeadlineClock.Start(by.Calendar, by.Today, SendBackWorkingDays, DeadlineUnit.WorkingDays);
        Status = PetitionStatus.Routed;
        Record("routed", by, StepNote.Of("note.one", bodyName));
    }

    /// <summary>Not the body's to handle: back to the petition office, with why; the 15 days keep running.</summary>
    public void SendBack(string? reason, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.SendBack, by));
        new Validator().Required("reason", reason, 500).ThrowIfInvalid();
        var from = HandlerName;
        // An oversight of the body that sent it back ends with it: nobody else could answer it.
        foreach (var o in Oversights.Where(o => o.AnsweredAt is null))
        {
            o.AnsweredAt = by.Now;
            o.Answer = reason!.Trim();
        }

        HandlerDepartmentId = Guid.Empty;
        HandlerName = null;
        SendBackDeadline = null;
        SentBack++;
        Status = PetitionStatus.Registered;
        Record("sent_back", by, StepNote.Of("note.pair", from ?? "", reason!.Trim()));
    }

    /// <summary>第23条: accepted, told in writing; a claim's 60 days start.</summary>
    public void Accept(Actor by)
    {
        Workflow.Check(Guard(PetitionAction.Accept, by));
        Status = PetitionStatus.Accepted;
        DecidedAt = by.Now;
        SendBackDeadline = null;
        AnswerDeadline = Class == PetitionClass.Claim ? DeadlineClock.Start(by.Calendar, by.Today, AnswerDays, DeadlineUnit.CalendarDays) : null;
        Record("accepted", by, null);
    }

    public void NotAccept(string? reason, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.NotAccept, by));
        new Validator().Required("reason", reason, 1000).ThrowIfInvalid();
        Status = PetitionStatus.NotAccepted;
        DecidedAt = by.Now;
        DecisionReason = reason!.Trim();
        SendBackDeadline = null;
        Record("not_accepted", by, reason.Trim());
    }

    /// <summary>第31条: a matter for a court, arbitration, reconsideration or another statutory route; the route told in writing.</summary>
    public void Divert(DivertRoute? route, string? where, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.Divert, by));
        new Validator().Check(route is { } r && Enum.IsDefined(r), "route", "required").Required("where", where, 200).ThrowIfInvalid();
        Status = PetitionStatus.Diverted;
        DecidedAt = by.Now;
        Route = route;
        DecisionReason = where!.Trim();
        SendBackDeadline = null;
        Record("diverted", by, StepNote.Of("note.pair", NoteArg.Key("petitions.route." + route), where.Trim()));
    }

    /// <summary>第33、37条: referred to people's mediation; the case is opened by Mediation's public face in the same save.</summary>
    public void ReferToMediation(Guid caseId, string caseNumber, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.ReferToMediation, by));
        if (Status != PetitionStatus.Accepted)
        {
            DecidedAt = by.Now;
        }

        Status = PetitionStatus.Referred;
        MediationCaseId = caseId;
        MediationNumber = caseNumber;
        ReferredAt = by.Now;
        SendBackDeadline = null;
        AnswerDeadline = null;
        Record("referred", by, StepNote.Of("note.one", caseNumber));
    }

    /// <summary>第32条: up to 30 days more, once, with the reason, the petitioner told.</summary>
    public void Extend(int? days, string? reason, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.Extend, by));
        new Validator().Check(days is >= 1 and <= MaxExtension, "days", "petitions.extension_range").Required("reason", reason, 500).ThrowIfInvalid();
        AnswerDeadline = AnswerDeadline!.Extend(by.Calendar, days!.Value);
        ExtensionReason = reason!.Trim();
        Record("extended", by, StepNote.Of("petitions.note.extended", days.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), reason.Trim()));
    }

    /// <summary>The written opinion (信访处理意见书, 第32条); for a claim the 30 days to ask for a review start.</summary>
    public void Answer(string? opinion, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.Answer, by));
        new Validator().Required("opinion", opinion, 4000).ThrowIfInvalid();
        Opinion = opinion!.Trim();
        AnsweredAt = by.Now;
        AnsweredInTime = AnswerDeadline is null || by.Today <= AnswerDeadline.DueDate;
        Status = PetitionStatus.Answered;
        ReviewWindow = Class == PetitionClass.Claim ? DeadlineClock.Start(by.Calendar, by.Today, ReviewDays, DeadlineUnit.CalendarDays) : null;
        Record("answered", by, null);
    }

    /// <summary>第35条: a review asked within 30 days of the answer; the body above decides within 30.</summary>
    public void RequestReview(string? body, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.RequestReview, by));
        new Validator().Required("body", body, 100).ThrowIfInvalid();
        ReviewRequestedAt = by.Now;
        ReviewBody = body!.Trim();
        ReviewDeadline = DeadlineClock.Start(by.Calendar, by.Today, ReviewDays, DeadlineUnit.CalendarDays);
        Status = PetitionStatus.ReviewRequested;
        Record("review_requested", by, StepNote.Of("note.one", ReviewBody));
    }

    public void DecideReview(bool? upheld, string? opinion, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.DecideReview, by));
        new Validator().Check(upheld is not null, "upheld", "required").Required("opinion", opinion, 4000).ThrowIfInvalid();
        ReviewUpheld = upheld;
        ReviewOpinion = opinion!.Trim();
        ReviewedAt = by.Now;
        Status = PetitionStatus.Reviewed;
        ReReviewWindow = DeadlineClock.Start(by.Calendar, by.Today, ReviewDays, DeadlineUnit.CalendarDays);
        Record("reviewed", by, StepNote.Of("note.one", NoteArg.Key(upheld!.Value ? "petitions.upheld" : "petitions.changed")));
    }

    /// <summary>第36条: a re-review asked within 30 days of the review; decided within 30 by the level above.</summary>
    public void RequestReReview(string? body, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.RequestReReview, by));
        new Validator().Required("body", body, 100).ThrowIfInvalid();
        ReReviewRequestedAt = by.Now;
        ReReviewBody = body!.Trim();
        ReReviewDeadline = DeadlineClock.Start(by.Calendar, by.Today, ReviewDays, DeadlineUnit.CalendarDays);
        Status = PetitionStatus.ReReviewRequested;
        Record("rereview_requested", by, StepNote.Of("note.one", ReReviewBody));
    }

    public void DecideReReview(bool? upheld, string? opinion, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.DecideReReview, by));
        new Validator().Check(upheld is not null, "upheld", "required").Required("opinion", opinion, 4000).ThrowIfInvalid();
        ReReviewUpheld = upheld;
        ReReviewOpinion = opinion!.Trim();
        ReReviewedAt = by.Now;
        Status = PetitionStatus.ReReviewed;
        Record("rereviewed", by, StepNote.Of("note.one", NoteArg.Key(upheld!.Value ? "petitions.upheld" : "petitions.changed")));
    }

    /// <summary>第40条: 督办, with what is asked and the day to answer in writing.</summary>
    public void Oversee(string? request, int? days, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.Oversee, by));
        new Validator().Required("request", request, 1000).Check(days is >= 1 and <= 30, "days", "petitions.oversight_days").ThrowIfInvalid();
        Oversights.Add(new Oversight
        {
            Id = Guid.CreateVersion7(), CaseId = Id, At = by.Now, By = by.Name, Request = request!.Trim(),
            Clock = DeadlineClock.Start(by.Calendar, by.Today, days!.Value, DeadlineUnit.WorkingDays),
        });
        Record("overseen", by, request.Trim());
    }

    public void AnswerOversight(string? answer, Actor by)
    {
        Workflow.Check(Guard(PetitionAction.AnswerOversight, by));
        new Validator().Required("answer", answer, 2000).ThrowIfInvalid();
        var open = Oversights.First(o => o.AnsweredAt is null);
        open.AnsweredAt = by.Now;
        open.Answer = answer!.Trim();
        Record("oversight_answered", by, answer.Trim());
    }

    /// <summary>The petitioner's rating on the public page: once, after an answer or decision.</summary>
    public void Rate(int rating, Actor by)
    {
        Workflow.Check(Workflow.Unless(Status is PetitionStatus.Answered or PetitionStatus.Reviewed or PetitionStatus.ReReviewed or PetitionStatus.NotAccepted
            or PetitionStatus.Diverted or PetitionStatus.Referred, "petitions.not_answered", "rating"));
        Workflow.Check(Workflow.Unless(Rating is null, "petitions.rated", "rating"));
        new Validator().Check(rating is >= 1 and <= 3, "rating", "petitions.rating_range").ThrowIfInvalid();
        Rating = rating;
        RatedAt = by.Now;
        Record("rated", by, StepNote.Of("note.one", NoteArg.Key("petitions.rating." + rating.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>The limit that runs now for whoever has the petition, or the petitioner's window to ask for a review, as lists show it.</summary>
    public DateOnly? DueDate => Status switch
    {
        PetitionStatus.Registered or PetitionStatus.Routed => RouteDeadline.DueDate,
        PetitionStatus.Accepted => AnswerDeadline?.DueDate,
        PetitionStatus.Answered => ReviewWindow?.DueDate,
        PetitionStatus.ReviewRequested => ReviewDeadline?.DueDate,
        PetitionStatus.Reviewed => ReReviewWindow?.DueDate,
        PetitionStatus.ReReviewRequested => ReReviewDeadline?.DueDate,
        _ => null,
    };

    /// <summary><see cref="DueDate"/> as stored with every save, for lists, filters and look-ups to read in one column.</summary>
    public DateOnly? DueOn { get; set; }

    /// <summary>Whether <see cref="DueOn"/> is a limit the office or a body must meet (not the petitioner's window).</summary>
    public bool StaffClockRuns => Status is PetitionStatus.Registered or PetitionStatus.Routed or PetitionStatus.Accepted or PetitionStatus.ReviewRequested
        or PetitionStatus.ReReviewRequested;

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            var link = $"/petitions/{Id}";
            var owner = HandlerDepartmentId == Guid.Empty ? DepartmentId : HandlerDepartmentId;
            if (Status is PetitionStatus.Registered or PetitionStatus.Routed)
            {
                yield return new Deadline(RouteClock, Id, RouteDeadline, DepartmentId, Number, null, link);
            }

            if (Status == PetitionStatus.Routed && SendBackDeadline is { } back)
            {
                yield return new Deadline(SendBackClock, Id, back, HandlerDepartmentId, Number, null, link);
            }

            if (Status == PetitionStatus.Accepted && AnswerDeadline is { } answer)
            {
                yield return new Deadline(AnswerClock, Id, answer, owner, Number, null, link);
            }

            if (Status == PetitionStatus.Answered && ReviewWindow is { } window)
            {
                yield return new Deadline(ReviewWindowClock, Id, window, DepartmentId, Number, null, link);
            }

            if (Status == PetitionStatus.ReviewRequested && ReviewDeadline is { } review)
            {
                yield return new Deadline(ReviewClock, Id, review, DepartmentId, Number, null, link);
            }

            if (Status == PetitionStatus.Reviewed && ReReviewWindow is { } again)
            {
                yield return new Deadline(ReReviewWindowClock, Id, again, DepartmentId, Number, null, link);
            }

            if (Status == PetitionStatus.ReReviewRequested && ReReviewDeadline is { } rereview)
            {
                yield return new Deadline(ReReviewClock, Id, rereview, DepartmentId, Number, null, link);
            }

            foreach (var o in Oversights.Where(o => o.AnsweredAt is null))
            {
                yield return new Deadline(OversightClock, o.Id, o.Clock, owner, Number, null, link);
            }
        }
    }

    private DomainException? Is(params PetitionStatus[] statuses) =>
        Workflow.Unless(statuses.Contains(Status), "petitions.step_out_of_order", "status");

    private static DomainException? Must(bool allowed) =>
        Workflow.Unless(allowed, "petitions.not_yours", "status", ErrorKind.Forbidden);

    private void Record(string kind, Actor by, RecordNote note) =>
        Steps.Add(CaseStep.New<PetitionStep>(Id, Workflow.NextSequence(Steps), kind, by, note));

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
