using Fazhi.Web.Platform.Deadlines;

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

    public RectificationState State { get; set; }

    public string? Measures { get; set; }

    public string? RectifiedBy { get; set; }

    public DateTime? RectifiedAt { get; set; }

    public string? Feedback { get; set; }

    public string? ClosedBy { get; set; }

    public DateTime? ClosedAt { get; set; }

    public Guid RowVersion { get; set; }
}

/// <summary>政府效能廉政监督卡: a complaint about efficiency or integrity, sent from the public pages to the supervisor.</summary>
public sealed class Complaint : Platform.Data.IVersioned
{
    public Guid Id { get; set; }

    public string? Name { get; set; }

    public string Phone { get; set; } = "";

    public Guid? DepartmentId { get; set; }

    public string? ApplicationNumber { get; set; }

    public string Text { get; set; } = "";

    public DateTime At { get; set; }

    public string? Reply { get; set; }

    public string? HandledBy { get; set; }

    public DateTime? HandledAt { get; set; }

    public Guid RowVersion { get; set; }
}
