using Fazhi.Web.Platform.Deadlines;

using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Services.Domain;

/// <summary>好差评: five levels (国办发〔2019〕51号), one rating per completed application.</summary>
public sealed class Evaluation
{
    public static readonly string[] Levels = ["very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied"];

    public Guid ApplicationId { get; set; }

    public Guid ItemId { get; set; }

    public Guid DepartmentId { get; set; }

    /// <summary>5 非常满意 … 1 非常不满意.</summary>
    public int Score { get; set; }

    public string? Comment { get; set; }

    public DateTime At { get; set; }

    public static bool IsBad(int score) => score <= 2;
}

public enum RectificationState
{
    Open = 0,

    /// <summary>The department reported its measures; the supervisor checks them and tells the applicant.</summary>
    Rectified = 1,

    /// <summary>Followed up by the supervisor and reported back to the applicant.</summary>
    Closed = 2,
}

/// <summary>差评整改: a bad rating opens a task for the department, due in 15 working days, followed up by the supervisor.</summary>
public sealed class Rectification : Platform.Data.IVersioned
{
    public Guid Id { get; set; }

    public Guid ApplicationId { get; set; }

    public Guid DepartmentId { get; set; }

    public int Score { get; set; }

    public string? Comment { get; set; }

    public DateTime OpenedAt { get; set; }

    public DateOnly DueDate { get; set; }

    public RectificationState State { get; private set; }

    public string? Measures { get; private set; }

    public string? RectifiedBy { get; private set; }

    public DateTime? RectifiedAt { get; private set; }

    public string? Feedback { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public Guid RowVersion { get; set; }

    /// <summary>The department reports the measures it took (整改措施).</summary>
    public void Report(string? measures, string by, DateTime now)
    {
        if (State != RectificationState.Open)
        {
            throw new DomainException("evaluation.rectification_not_open", "state", ErrorKind.Conflict);
        }

        new Validator().Required("measures", measures, 2000).ThrowIfInvalid();
        Measures = measures!.Trim();
        RectifiedBy = by;
        RectifiedAt = now;
        State = RectificationState.Rectified;
    }

    /// <summary>The supervisor checks the measures and reports back to the applicant (回访反馈).</summary>
    public void Close(string? feedback, string by, DateTime now)
    {
        if (State != RectificationState.Rectified)
        {
            throw new DomainException("evaluation.rectification_not_rectified", "state", ErrorKind.Conflict);
        }

        new Validator().Required("feedback", feedback, 2000).ThrowIfInvalid();
        Feedback = feedback!.Trim();
        ClosedBy = by;
        ClosedAt = now;
        State = RectificationState.Closed;
    }
}

public enum ComplaintState
{
    /// <summary>Received by the supervision office.</summary>
    Received = 0,

    /// <summary>Handed to the department concerned to answer.</summary>
    Assigned = 1,

    /// <summary>Answered; the complainant can read the answer.</summary>
    Answered = 2,

    /// <summary>The supervisor checked the answer and closed it.</summary>
    Closed = 3,
}

/// <summary>
/// 政府效能廉政监督卡: a complaint about efficiency or integrity, sent from the public pages to the supervisor,
/// who hands it to the department concerned; the department answers, the supervisor closes it, and the
/// complainant reads the answer by the complaint's token and is told by text message.
/// </summary>
public sealed class Complaint : Platform.Data.IVersioned
{
    public Guid Id { get; set; }

    /// <summary>At least 128 random bits: the complainant's link to the answer.</summary>
    public string QueryToken { get; set; } = "";

    public string? Name { get; set; }

    public string Phone { get; set; } = "";

    /// <summary>The department the complainant named, if any.</summary>
    public Guid? DepartmentId { get; set; }

    public string? ApplicationNumber { get; set; }

    public string Text { get; set; } = "";

    public DateTime At { get; set; }

    public ComplaintState State { get; private set; }

    /// <summary>The department that answers it.</summary>
    public Guid? AssignedTo { get; private set; }

    public string? AssignedBy { get; private set; }

    public DateTime? AssignedAt { get; private set; }

    public string? Reply { get; private set; }

    public string? HandledBy { get; private set; }

    public DateTime? HandledAt { get; private set; }

    public string? ClosedBy { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    public Guid RowVersion { get; set; }

    public static string NewToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');

    /// <summary>交办: the supervisor hands it to a department (again, if the first was wrong), until it is answered.</summary>
    public void Assign(Guid departmentId, string by, DateTime now)
    {
        if (State is not (ComplaintState.Received or ComplaintState.Assigned))
        {
            throw new DomainException("complaint.already_answered", "state", ErrorKind.Conflict);
        }

        AssignedTo = departmentId;
        AssignedBy = by;
        AssignedAt = now;
        State = ComplaintState.Assigned;
    }

    /// <summary>答复: the department (or the supervisor directly) answers; the complainant is told.</summary>
    public void Answer(string? reply, string by, DateTime now)
    {
        if (State is not (ComplaintState.Received or ComplaintState.Assigned))
        {
            throw new DomainException("complaint.already_answered", "state", ErrorKind.Conflict);
        }

        new Validator().Required("reply", reply, 2000).ThrowIfInvalid();
        Reply = reply!.Trim();
        HandledBy = by;
        HandledAt = now;
        State = ComplaintState.Answered;
    }

    /// <summary>办结: the supervisor closes an answered complaint.</summary>
    public void Close(string by, DateTime now)
    {
        if (State != ComplaintState.Answered)
        {
            throw new DomainException("complaint.not_answered", "state", ErrorKind.Conflict);
        }

        ClosedBy = by;
        ClosedAt = now;
        State = ComplaintState.Closed;
    }
}
