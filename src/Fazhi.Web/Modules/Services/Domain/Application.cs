using Fazhi.Web.Platform.Privacy;
using System.Security.Cryptography;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Services.Domain;

public enum ApplicationStatus
{
    /// <summary>Submitted online, waiting for a window clerk's pre-review (预审).</summary>
    PendingPreReview = 0,

    /// <summary>补正: the applicant must bring or upload what the correction notice lists.</summary>
    AwaitingCorrection = 1,

    /// <summary>受理: accepted, in the departments' process, the deadline running.</summary>
    Accepted = 2,

    /// <summary>不予受理.</summary>
    Refused = 3,

    /// <summary>办结.</summary>
    Completed = 4,

    /// <summary>中止: clock stopped for a correction, hearing, testing, expert review or the like.</summary>
    Suspended = 5,

    /// <summary>已作出决定 (准予 or 不予许可), waiting for delivery.</summary>
    Decided = 6,

    /// <summary>已送达, waiting to be closed.</summary>
    Delivered = 7,
}

public enum ApplicantKind
{
    Person = 0,
    Organisation = 1,
}

public enum ApplicationChannel
{
    Window = 0,
    Online = 1,
}

/// <summary>One ticked line of the materials checklist at intake.</summary>
public sealed record MaterialCheck(string Key, bool Provided);

/// <summary>Who applies: a person (ID number) or an organisation (unified social credit code).</summary>
public sealed record Applicant(ApplicantKind Kind, string Name, string? IdNumber, string? CreditCode, string Phone, string? ContactName)
{
    public void Check(Validator v)
    {
        v.Required("applicant.name", Name, 100)
            .Required("applicant.phone", Phone, 20)
            .Check(string.IsNullOrWhiteSpace(Phone) || Identifiers.IsPhone(Phone), "applicant.phone", "phone_format");
        if (Kind == ApplicantKind.Person)
        {
            v.Check(Identifiers.IsValidIdNumber(IdNumber?.Trim()), "applicant.idNumber", "intake.id_number_invalid");
        }
        else
        {
            v.Check(Identifiers.IsValidCreditCode(CreditCode?.Trim()), "applicant.creditCode", "intake.credit_code_invalid")
                .MaxLength("applicant.contactName", ContactName, 50);
        }
    }
}

/// <summary>
/// 办件: one applicant's request for one item, from intake to completion. Every change of state is
/// a named method that checks the rules and leaves an event on the public timeline.
/// </summary>
public sealed partial class Application : ICase, IVersioned, ISearchable
{
    private Application() { }

    public Guid Id { get; private set; }

    /// <summary>Readable by people: town, year, sequence (TX2019-000123).</summary>
    public string Number { get; private set; } = "";

    /// <summary>At least 128 random bits behind the receipt's QR code; never a sequential number.</summary>
    public string QueryToken { get; private set; } = "";

    public Guid ItemId { get; private set; }

    public Guid ItemVersionId { get; private set; }

    public string ItemName { get; private set; } = "";

    /// <summary>The implementing department.</summary>
    public Guid DepartmentId { get; private set; }

    /// <summary>The department of the clerk who took it in (the citizen service centre).</summary>
    public Guid? IntakeDepartmentId { get; private set; }

    public ApplicationChannel Channel { get; private set; }

    public Guid? WindowId { get; private set; }

    public Guid? ClerkId { get; private set; }

    public Guid? CitizenId { get; private set; }

    public ApplicantKind ApplicantKind { get; private set; }

    public string ApplicantName { get; private set; } = "";

    public string? IdNumber { get; private set; }

    public string? CreditCode { get; private set; }

    public string Phone { get; private set; } = "";

    public string? ContactName { get; private set; }

    /// <summary>Last six characters of the ID number or credit code, the kiosk's second key: stored as its keyed blind index only.</summary>
    public string IdentifierTail { get; private set; } = "";

    /// <summary>The ID number's keyed blind index, for exact look-ups by a clerk: written with it, never read back.</summary>
    public string? IdNumberLookup { get; private set; }

    public ApplicationStatus Status { get; private set; }

    public DateTime ReceivedAt { get; private set; }

    public DateTime? AcceptedAt { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    public DateOnly? DueDate { get; private set; }

    /// <summary>跑动次数: on-site trips the applicant made.</summary>
    public int Visits { get; private set; }

    public int? CurrentStage { get; private set; }

    public List<MaterialCheck> Materials { get; private set; } = [];

    /// <summary>What the applicant must bring or fix, all at once (一次性告知).</summary>
    public List<string> CorrectionItems { get; private set; } = [];

    public string? RefusalReason { get; private set; }

    public Guid RowVersion { get; set; }

    /// <summary>
    /// When this application or its timeline last changed, stamped by every save (not audited): the
    /// public progress answers kept in memory by every process re-read what changed since their last look.
    /// </summary>
    public DateTime ChangedAt { get; private set; }

    public List<ApplicationEvent> Events { get; private set; } = [];

    IReadOnlyList<CaseStep> ICase.Record => Events;

    string ISearchable.SearchEntity => ServicesModule.SearchEntity;

    Guid ISearchable.SearchId => Id;

    /// <summary>Found by its number, its applicant's name and its item (never by an identifier).</summary>
    string ISearchable.SearchText => string.Join(" | ", Number, ApplicantName, ItemName);

    public static Application Receive(
        string number, ServiceItemVersion version, Applicant applicant, ApplicationChannel channel,
        Guid? windowId, Guid? clerkId, Guid? intakeDepartmentId, Guid? citizenId, DateTime now, string actor)
    {
        var identifier = (applicant.Kind == ApplicantKind.Person ? applicant.IdNumber : applicant.CreditCode)?.Trim().ToUpperInvariant() ?? "";
        var a = new Application
        {
            Id = Guid.CreateVersion7(),
            Number = number,
            QueryToken = NewQueryToken(),
            ItemId = version.ItemId,
            ItemVersionId = version.Id,
            ItemName = version.Name,
            DepartmentId = version.DepartmentId,
            IntakeDepartmentId = intakeDepartmentId,
            Channel = channel,
            WindowId = windowId,
            ClerkId = clerkId,
            CitizenId = citizenId,
            ApplicantKind = applicant.Kind,
            ApplicantName = applicant.Name.Trim(),
            IdNumber = applicant.Kind == ApplicantKind.Person ? identifier : null,
            CreditCode = applicant.Kind == ApplicantKind.Organisation ? identifier : null,
            Phone = applicant.Phone.Trim(),
            ContactName = applicant.ContactName?.Trim(),
            IdentifierTail = identifier.Length >= 6 ? identifier[^6..] : identifier,
            IdNumberLookup = applicant.Kind == ApplicantKind.Person ? identifier : null,
            Status = channel == ApplicationChannel.Online ? ApplicationStatus.PendingPreReview : ApplicationStatus.AwaitingCorrection,
            ReceivedAt = now,
            Visits = channel == ApplicationChannel.Window ? 1 : 0,
            PromisedVisits = version.MaxVisits,
            RowVersion = Guid.NewGuid(),
            ChangedAt = now,
        };
        // At a window the intake ends in its decision at once, and that event is the first on the
        // timeline; an online submission waits for pre-review, so its receipt is an event of its own.
        if (channel == ApplicationChannel.Online)
        {
            a.AddEvent(now, "received", null, null, actor, null);
        }

        return a;
    }

    /// <summary>
    /// Gives the application its number when it is written: numbers come from one sequence, so they
    /// are drawn in the write transaction and an application refused before that uses none.
    /// </summary>
    public void NumberAs(string number) => Number = number;

    private static string NewQueryToken() => Platform.Web.QueryTokens.New();

    /// <summary>Records the materials checklist as the clerk ticked it.</summary>
    public void CheckMaterials(IEnumerable<MaterialCheck> checks) => Materials = [.. checks];

    /// <summary>
    /// 受理: every required material is there; the committed limit starts on the calendar the day
    /// after acceptance, and the application enters its first stage.
    /// </summary>
    public void Accept(ServiceItemVersion version, WorkingDayCalendar calendar, DateTime now, DateOnly today, string actor)
    {
        CheckOpenForIntake();
        var missing = version.Materials.Where(m => m.Required && !Materials.Any(c => c.Key == m.Key && c.Provided)).Select(m => m.Name).ToList();
        if (missing.Count > 0)
        {
            throw new DomainException("intake.materials_missing", "materials", ErrorKind.Invalid, string.Join("、", missing));
        }

        Status = ApplicationStatus.Accepted;
        AcceptedAt = now;
        Clock = DeadlineClock.Start(calendar, today, version.CommittedLimitDays);
        CorrectionItems = [];
        // Acceptance starts the first stage: one event names both.
        StartStage(version, 0, calendar, today);
        var first = version.Stages[0];
        AddEvent(now, "accepted", first.Name, first.DepartmentIds[0], actor, null);
    }

    /// <summary>补正告知: lists everything missing or wrong at once; the application waits for the applicant.</summary>
    public void RequestCorrection(IReadOnlyList<string> items, DateTime now, string actor)
    {
        CheckOpenForIntake();
        var list = items.Select(i => i.Trim()).Where(i => i.Length > 0).ToList();
        if (list.Count == 0)
        {
            throw new DomainException("intake.correction_items_required", "correctionItems");
        }

        Status = ApplicationStatus.AwaitingCorrection;
        CorrectionItems = list;
        AddEvent(now, "correction_requested", null, null, actor, string.Join("；", list));
    }

    /// <summary>不予受理: with the reasons and the applicant's rights (行政许可法 第38条).</summary>
    public void Refuse(string reason, DateTime now, string actor)
    {
        CheckOpenForIntake();
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new DomainException("intake.refusal_reason_required", "refusalReason");
        }

        Status = ApplicationStatus.Refused;
        RefusalReason = reason.Trim();
        DecidedAt = now;
        AddEvent(now, "refused", null, null, actor, RefusalReason);
    }

    /// <summary>The applicant returns with the corrected materials: in person (a visit) or online.</summary>
    public void ReturnForIntake(bool inPerson, Guid? windowId, Guid? clerkId, DateTime now, string actor)
    {
        if (Status != ApplicationStatus.AwaitingCorrection)
        {
            throw new DomainException("intake.not_awaiting_correction", "status", ErrorKind.Conflict);
        }

        if (inPerson)
        {
            Visits++;
            WindowId = windowId ?? WindowId;
            ClerkId = clerkId ?? ClerkId;
        }

        AddEvent(now, inPerson ? "returned" : "resubmitted", null, null, actor, null);
    }

    /// <summary>The applicant sends the corrections online: the application goes back to the window's pre-review, no visit.</summary>
    public void ResubmitOnline(IEnumerable<MaterialCheck> checks, DateTime now, string actor)
    {
        if (Status != ApplicationStatus.AwaitingCorrection || Channel != ApplicationChannel.Online)
        {
            throw new DomainException("intake.not_awaiting_correction", "status", ErrorKind.Conflict);
        }

        Materials = [.. checks];
        Status = ApplicationStatus.PendingPreReview;
        AddEvent(now, "resubmitted", null, null, actor, null);
    }

    private void CheckOpenForIntake()
    {
        if (Status is not (ApplicationStatus.PendingPreReview or ApplicationStatus.AwaitingCorrection))
        {
            throw new DomainException("intake.already_decided", "status", ErrorKind.Conflict);
        }
    }

    private void AddEvent(DateTime at, string kind, string? stage, Guid? departmentId, string actor, string? note, string? actorName = null) =>
        Events.Add(new ApplicationEvent
        {
            Id = Guid.CreateVersion7(),
            CaseId = Id,
            Sequence = Workflow.NextSequence(Events),
            At = at,
            Kind = kind,
            StageName = stage,
            DepartmentId = departmentId,
            Actor = actor,
            ActorName = actorName,
            Note = note,
        });

    /// <summary>A step taken by a signed-in actor: their account and name are both on the record.</summary>
    private void AddEvent(Actor by, string kind, string? stage, Guid? departmentId, string? note) =>
        AddEvent(by.Now, kind, stage, departmentId, by.UserName, note, by.Name == by.UserName ? null : by.Name);
}

/// <summary>
/// One step on an application's timeline, as the public progress page shows it (its kind: received, accepted,
/// correction_requested, refused, returned, resubmitted, stage_started, …; its note: what the applicant is told). The
/// platform chains it like every module's record.
/// </summary>
public sealed class ApplicationEvent : CaseStep
{
    public string? StageName { get; set; }

    public Guid? DepartmentId { get; set; }
}

/// <summary>The next number of a series, e.g. TX2026 → 123, kept in the database so numbers never repeat.</summary>
public sealed class NumberSequence
{
    public string Series { get; set; } = "";

    public long Next { get; set; }
}
