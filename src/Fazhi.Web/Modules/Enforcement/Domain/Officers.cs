using System.Text.Json.Serialization;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;

namespace Fazhi.Web.Modules.Enforcement.Domain;

public enum CertificateStatus
{
    Valid = 0,

    /// <summary>暂扣: the officer may not act until it is lifted.</summary>
    Suspended = 1,

    /// <summary>注销/收回.</summary>
    Revoked = 2,
}

/// <summary>
/// 行政执法人员 and the certificate they hold (行政处罚法 第42条: only certified officers enforce; 第55条: they show it).
/// One row per certificate holder: number, department, area and category, validity, exam and training.
/// </summary>
public sealed class Officer : IVersioned, IHasDeadlines
{
    public const string CertificateClock = "enforcement.certificate";

    /// <summary>A certificate expiring within this many days raises an alert.</summary>
    public const int ExpiryWarningDays = 30;

    public Guid Id { get; set; }

    public Guid DepartmentId { get; set; }

    public string Name { get; set; } = "";

    /// <summary>执法证号, e.g. 粤执字19010001.</summary>
    public string CertificateNumber { get; set; } = "";

    /// <summary>执法领域, e.g. 市场监管.</summary>
    public string Area { get; set; } = "";

    /// <summary>执法类别, e.g. 行政处罚、行政检查.</summary>
    public string Category { get; set; } = "";

    public DateOnly ValidFrom { get; set; }

    public DateOnly ValidUntil { get; set; }

    public DateOnly? ExamPassedOn { get; set; }

    public int? ExamScore { get; set; }

    public decimal TrainingHours { get; set; }

    public CertificateStatus Status { get; set; }

    /// <summary>
    /// The day the certificate took its present status (暂扣, 注销, or restored); null while it has the status it was issued with.
    /// A certificate withdrawn on this day was still in force on the days before it (the stock of certified officers on a past day).
    /// </summary>
    public DateOnly? StatusSince { get; set; }

    /// <summary>The staff account that acts as this officer, when there is one.</summary>
    public string? UserName { get; set; }

    /// <summary>负责人: may approve filings and extensions for the department.</summary>
    public bool IsHead { get; set; }

    public Guid RowVersion { get; set; }

    /// <summary>
    /// May be assigned on <paramref name="day"/>: a certificate in its validity period (第42条), valid then: valid now, or suspended or
    /// withdrawn only after that day. For today it is simply "valid now".
    /// </summary>
    public bool CanActOn(DateOnly day) => ValidFrom <= day && day <= ValidUntil && (Status == CertificateStatus.Valid || StatusSince > day);

    /// <summary>The validity as a clock: yellow from 30 days before it lapses, red once lapsed.</summary>
    [JsonIgnore]
    public DeadlineClock Validity => new()
    {
        StartedOn = ValidFrom,
        Allowance = ValidUntil.DayNumber - ValidFrom.DayNumber,
        Unit = DeadlineUnit.CalendarDays,
        DueDate = ValidUntil,
        YellowFrom = ValidUntil.AddDays(-ExpiryWarningDays),
    };

    Guid IHasDeadlines.RecordId => Id;

    IEnumerable<Deadline> IHasDeadlines.Deadlines =>
        Status == CertificateStatus.Valid ? [new Deadline(CertificateClock, Id, Validity, DepartmentId, $"{Name} {CertificateNumber}", null, "/enforcement/officers")] : [];
}

/// <summary>
/// 行政执法人员培训: one officer's attendance of one training (a course or 培训班), its first day, its hours and who organised it.
/// The ledger the yearly count of officers trained is read from; the hours are also added to the officer's total.
/// </summary>
public sealed class OfficerTraining
{
    public Guid Id { get; set; }

    public Guid OfficerId { get; set; }

    /// <summary>The officer's department, for the reader's data scope.</summary>
    public Guid DepartmentId { get; set; }

    /// <summary>e.g. 2019年塘厦镇行政执法人员培训班（第一期）.</summary>
    public string Course { get; set; } = "";

    /// <summary>The training's (first) day.</summary>
    public DateOnly HeldOn { get; set; }

    public decimal Hours { get; set; }

    /// <summary>Who organised it, e.g. 依法治镇办.</summary>
    public string Organiser { get; set; } = "";

    public string RecordedBy { get; set; } = "";

    public DateTime RecordedAt { get; set; }

    /// <summary>A training attended, not later than the day it is recorded.</summary>
    public static OfficerTraining Record(Officer officer, string? course, DateOnly? heldOn, decimal? hours, string? organiser, string recordedBy, DateTime recordedAt)
    {
        var today = Platform.Localization.ChinaTime.DateOf(recordedAt);
        new Platform.Web.Validator().Required("course", course, 200).Check(heldOn is not null, "heldOn", "required")
            .Check(heldOn is null || heldOn <= today, "heldOn", "enforcement.training_in_future")
            .Check(hours is > 0m and <= 1000m, "hours", "range", 0, 1000).Required("organiser", organiser, 100).ThrowIfInvalid();
        return new OfficerTraining
        {
            Id = Guid.CreateVersion7(), OfficerId = officer.Id, DepartmentId = officer.DepartmentId, Course = course!.Trim(), HeldOn = heldOn!.Value, Hours = hours!.Value,
            Organiser = organiser!.Trim(), RecordedBy = recordedBy, RecordedAt = recordedAt,
        };
    }
}

/// <summary>
/// 法制审核人员. 行政处罚法 第58条第2款: a reviewer doing it for the first time (since the 2021 law took effect) must hold the
/// legal professional qualification.
/// </summary>
public sealed class LegalReviewer
{
    /// <summary>The day the 2021 law took effect: who began reviewing since then reviews "for the first time" under it.</summary>
    public static readonly DateOnly LawInForce = new(2021, 7, 15);

    public Guid Id { get; set; }

    public string UserName { get; set; } = "";

    public string Name { get; set; } = "";

    public Guid DepartmentId { get; set; }

    /// <summary>法律职业资格.</summary>
    public bool HasLegalQualification { get; set; }

    public DateOnly ReviewingSince { get; set; }

    public bool IsActive { get; set; } = true;

    public bool MayReview => IsActive && (HasLegalQualification || ReviewingSince < LawInForce);
}
