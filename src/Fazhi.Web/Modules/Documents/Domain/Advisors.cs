using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Documents.Domain;

/// <summary>The level an advisor serves at (镇—单位—社区三级).</summary>
public enum AdvisorLevel
{
    Town = 0,
    Unit = 1,
    Community = 2,
}

/// <summary>A law firm the town contracts its legal advisors (法律顾问) from.</summary>
public sealed class AdvisorFirm : IVersioned
{
    public Guid Id { get; internal set; }

    public string Name { get; internal set; } = "";

    /// <summary>执业许可证号.</summary>
    public string Licence { get; internal set; } = "";

    public string Contact { get; internal set; } = "";

    public bool IsActive { get; internal set; } = true;

    public Guid RowVersion { get; set; }
}

/// <summary>A lawyer of a firm serving as a legal advisor.</summary>
public sealed class Advisor : IVersioned
{
    public Guid Id { get; internal set; }

    public Guid FirmId { get; internal set; }

    public string Name { get; internal set; } = "";

    /// <summary>执业证号.</summary>
    public string PracticeNumber { get; internal set; } = "";

    public string? Phone { get; internal set; }

    public bool IsActive { get; internal set; } = true;

    public Guid RowVersion { get; set; }
}

/// <summary>
/// A firm's contract: its term, fee and scope. Its end is a clock on the register, yellow two months before it lapses so the
/// office renews or replaces it in time.
/// </summary>
public sealed class AdvisorContract : IVersioned, IHasDeadlines
{
    public const string LapseClock = "documents.contract";

    /// <summary>How long before the end the lapse alerts.</summary>
    public const int WarnDays = 60;

    public Guid Id { get; internal set; }

    public Guid FirmId { get; internal set; }

    /// <summary>The legal office that keeps the contract (it gets the alert).</summary>
    public Guid DepartmentId { get; internal set; }

    public string Number { get; internal set; } = "";

    public DateOnly From { get; internal set; }

    public DateOnly To { get; internal set; }

    /// <summary>The year's fee in yuan.</summary>
    public decimal Fee { get; internal set; }

    public string Scope { get; internal set; } = "";

    public Guid RowVersion { get; set; }

    /// <summary>The firm's next contract, once signed: this one's lapse then needs no alert.</summary>
    public Guid? RenewedById { get; internal set; }

    public bool RunsOn(DateOnly day) => From <= day && day <= To;

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            if (RenewedById is not null)
            {
                yield break;
            }

            yield return new Deadline(LapseClock, Id, new DeadlineClock
            {
                StartedOn = From, Allowance = To.DayNumber - From.DayNumber, Unit = DeadlineUnit.CalendarDays, DueDate = To, YellowFrom = To.AddDays(-WarnDays),
            }, DepartmentId, Number, null, "/documents/advisors");
        }
    }
}

/// <summary>An advisor assigned to the town, a unit or a community for a term (from the organisation tree).</summary>
public sealed class AdvisorAssignment
{
    public Guid Id { get; internal set; }

    public Guid AdvisorId { get; internal set; }

    public Guid UnitId { get; internal set; }

    public string UnitName { get; internal set; } = "";

    public AdvisorLevel Level { get; internal set; }

    public DateOnly From { get; internal set; }

    public DateOnly To { get; internal set; }
}

/// <summary>The office's yearly evaluation of an advisor (优秀、称职、基本称职、不称职), beside the figures of its requests.</summary>
public sealed class AdvisorEvaluation
{
    public Guid Id { get; internal set; }

    public Guid AdvisorId { get; internal set; }

    public int Year { get; internal set; }

    /// <summary>1 不称职 … 4 优秀.</summary>
    public int Grade { get; internal set; }

    public string Note { get; internal set; } = "";

    public DateTime At { get; internal set; }

    public string By { get; internal set; } = "";
}

/// <summary>A member of staff responsible for legal work in a unit (法治工作联络员), listed by the unit of the organisation tree.</summary>
public sealed class LegalStaff : IVersioned
{
    public Guid Id { get; internal set; }

    public Guid UnitId { get; internal set; }

    public string UnitName { get; internal set; } = "";

    public string Name { get; internal set; } = "";

    public string Position { get; internal set; } = "";

    public DateOnly Since { get; internal set; }

    /// <summary>The last day of the duty; null while they hold it.</summary>
    public DateOnly? Until { get; internal set; }

    public Guid RowVersion { get; set; }
}

public enum OpinionTopic
{
    Land = 0,
    Project = 1,
    Contract = 2,
    Dispute = 3,
    Document = 4,
    Other = 5,
}

public enum OpinionStatus
{
    Asked = 0,
    Answered = 1,
    Withdrawn = 2,
}

public enum OpinionAction
{
    Answer,
    Rate,
    Withdraw,
}

public sealed class OpinionStep : CaseStep;

/// <summary>
/// A request for a legal advisor's written opinion on land, a project, a contract, a dispute or a document, from the legal office or
/// any work line through Documents' public face; due on the register; answered as a file or text; rated per request.
/// </summary>
public sealed class OpinionRequest : ICase, IVersioned, IHasDeadlines, ISearchable
{
    public const string DueClock = "documents.opinion";

    /// <summary>Working days an advisor is given unless the request says otherwise.</summary>
    public const int DefaultDays = 5;

    private OpinionRequest()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>e.g. 法律意见〔2026〕12号.</summary>
    public string Number { get; private set; } = "";

    /// <summary>The asking department: it sees the request and its opinion.</summary>
    public Guid DepartmentId { get; private set; }

    public string DepartmentName { get; private set; } = "";

    public OpinionTopic Topic { get; private set; }

    public string Subject { get; private set; } = "";

    /// <summary>The question and the facts: encrypted at rest (a dispute names people).</summary>
    public string Question { get; private set; } = "";

    /// <summary>Where it came from: the work line, the record's number and its page.</summary>
    public string? SourceModule { get; private set; }

    public string? SourceNumber { get; private set; }

    public string? SourceLink { get; private set; }

    public Guid AdvisorId { get; private set; }

    public string AdvisorName { get; private set; } = "";

    public string FirmName { get; private set; } = "";

    public DateTime AskedAt { get; private set; }

    public DeadlineClock Due { get; private set; } = new();

    public OpinionStatus Status { get; private set; }

    public string? Opinion { get; private set; }

    public string? FileSha256 { get; private set; }

    public string? FileType { get; private set; }

    public DateTime? AnsweredAt { get; private set; }

    public bool? AnsweredInTime { get; private set; }

    /// <summary>The evaluation of this opinion: 1 (poor) to 5 (excellent), with a note.</summary>
    public int? Rating { get; private set; }

    public string? RatingNote { get; private set; }

    public Guid RowVersion { get; set; }

    public List<OpinionStep> Steps { get; private set; } = [];

    IReadOnlyList<CaseStep> ICase.Record => Steps;

    string ISearchable.SearchEntity => DocumentsModule.OpinionSearch;

    Guid ISearchable.SearchId => Id;

    string ISearchable.SearchText => string.Join(" | ", new[] { Number, Subject, AdvisorName, FirmName, DepartmentName, SourceNumber }.Where(s => !string.IsNullOrEmpty(s)));

    public static OpinionRequest Ask(
        string number, Guid departmentId, string departmentName, OpinionTopic topic, string subject, string question, Advisor advisor, string firmName,
        int workingDays, (string Module, string Number, string? Link)? source, Actor by)
    {
        var r = new OpinionRequest
        {
            Id = Guid.CreateVersion7(), Number = number, DepartmentId = departmentId, DepartmentName = departmentName, Topic = topic, Subject = subject.Trim(),
            Question = question.Trim(), AdvisorId = advisor.Id, AdvisorName = advisor.Name, FirmName = firmName, AskedAt = by.Now,
            Due = DeadlineClock.Start(by.Calendar, by.Today, workingDays, DeadlineUnit.WorkingDays), Status = OpinionStatus.Asked, RowVersion = Guid.NewGuid(),
            SourceModule = source?.Module, SourceNumber = source?.Number, SourceLink = source?.Link,
        };
        r.Steps.Add(CaseStep.New<OpinionStep>(r.Id, 1, "asked", by, StepNote.Of("note.pair", advisor.Name, NoteArg.Day(r.Due.DueDate))));
        return r;
    }

    public IReadOnlyList<OpinionAction> AvailableActions(Actor by) => Workflow.Available<OpinionAction>(a => Guard(a, by));

    private static bool Office(Actor by) => by.IsIn(DocumentsRoles.LegalOfficer);

    /// <summary>The asking department's drafter (a request from another work line is rated by the legal office).</summary>
    private bool Asker(Actor by) => by.IsIn(DocumentsRoles.Drafter) && by.DepartmentId == DepartmentId;

    public DomainException? Guard(OpinionAction action, Actor by) => action switch
    {
        OpinionAction.Answer => Is(OpinionStatus.Asked) ?? Must(Office(by)),
        OpinionAction.Withdraw => Is(OpinionStatus.Asked) ?? Must(Office(by) || Asker(by)),
        OpinionAction.Rate => Is(OpinionStatus.Answered) ?? Must(Office(by) || Asker(by))
            ?? Workflow.Unless(Rating is null, "documents.rated", "rating"),
        _ => throw new ArgumentOutOfRangeException(nameof(action)),
    };

    /// <summary>The advisor's written opinion, as text or a file or both, recorded by the legal office.</summary>
    public void Answer(string? opinion, string? fileSha256, string? fileType, Actor by)
    {
        Workflow.Check(Guard(OpinionAction.Answer, by));
        new Validator().Check(!string.IsNullOrWhiteSpace(opinion) || fileSha256 is not null, "opinion", "required").MaxLength("opinion", opinion, 8000).ThrowIfInvalid();
        Opinion = string.IsNullOrWhiteSpace(opinion) ? null : opinion.Trim();
        (FileSha256, FileType) = (fileSha256 ?? FileSha256, fileType ?? FileType);
        AnsweredAt = by.Now;
        AnsweredInTime = by.Today <= Due.DueDate;
        Status = OpinionStatus.Answered;
        Record("answered", by, null);
    }

    public void Rate(int? rating, string? note, Actor by)
    {
        Workflow.Check(Guard(OpinionAction.Rate, by));
        new Validator().Check(rating is >= 1 and <= 5, "rating", "documents.rating_range").MaxLength("note", note, 500).ThrowIfInvalid();
        Rating = rating;
        RatingNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        Record("rated", by, StepNote.Of("note.one", rating!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public void Withdraw(string? reason, Actor by)
    {
        Workflow.Check(Guard(OpinionAction.Withdraw, by));
        new Validator().Required("reason", reason, 500).ThrowIfInvalid();
        Status = OpinionStatus.Withdrawn;
        Record("withdrawn", by, reason!.Trim());
    }

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines
    {
        get
        {
            if (Status == OpinionStatus.Asked)
            {
                yield return new Deadline(DueClock, Id, Due, DepartmentId, Number, AdvisorName, $"/documents/opinions/{Id}");
            }
        }
    }

    private DomainException? Is(OpinionStatus s) => Workflow.Unless(Status == s, "documents.step_out_of_order", "status");

    private static DomainException? Must(bool allowed) => Workflow.Unless(allowed, "documents.not_yours", "status", ErrorKind.Forbidden);

    private void Record(string kind, Actor by, RecordNote note) =>
        Steps.Add(CaseStep.New<OpinionStep>(Id, Workflow.NextSequence(Steps), kind, by, note));
}
