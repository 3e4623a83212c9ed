using Fazhi.Web.Modules.Enforcement.Domain;

namespace Fazhi.Web.Modules.Enforcement.Pages;

/// <summary>What the case page's forms post: one model, so that a refused step shows again what was typed.</summary>
public sealed class CaseForm
{
    public string? Action { get; set; }

    public string OpinionTopic { get; set; } = "Dispute";

    public string? OpinionQuestion { get; set; }

    public Guid? AdvisorId { get; set; }

    /// <summary>How many steps of the record the page showed (the case workflow's stale-page check).</summary>
    public int? SeenEvents { get; set; }

    public Guid? OfficerId { get; set; }

    public string? Reason { get; set; }

    public int? Days { get; set; }

    public EvidenceKind EvidenceKind { get; set; } = EvidenceKind.Document;

    public string? Title { get; set; }

    public bool Preserve { get; set; }

    public string? Outcome { get; set; }

    public PenaltyKind PenaltyKind { get; set; } = PenaltyKind.Fine;

    public string? Fine { get; set; }

    public string? Confiscation { get; set; }

    public string? Provisions { get; set; }

    public string? Basis { get; set; }

    public Guid? RuleId { get; set; }

    public bool MajorPublicInterest { get; set; }

    public bool Complex { get; set; }

    public string? Statement { get; set; }

    public string? Recheck { get; set; }

    public string? HearingOn { get; set; }

    public string? Presider { get; set; }

    public string? Agents { get; set; }

    public string? Transcript { get; set; }

    public List<ReviewPoint>? Failed { get; set; }

    /// <summary>pass, fail or empty for each of the nine points, in the page's order.</summary>
    public List<string>? Verdicts { get; set; }

    public List<string>? PointNotes { get; set; }

    public string? Opinion { get; set; }

    public string? Participants { get; set; }

    public string? Conclusion { get; set; }

    public string? Performance { get; set; }

    public ServiceMethod Method { get; set; } = ServiceMethod.InPerson;

    public bool ElectronicConsent { get; set; }

    public string? Amount { get; set; }

    public string? Note { get; set; }

    public string? RevocationReason { get; set; }

    public string AttachKind { get; set; } = "inspection";

    public string? Discussion { get; set; }

    public PauseReason PauseReason { get; set; } = PauseReason.Testing;

    public string? PauseNote { get; set; }

    /// <summary>China time, as a datetime-local input sends it (yyyy-MM-ddTHH:mm).</summary>
    public string? ServedAt { get; set; }

    public string? Recipient { get; set; }

    public string? NoRecordingReason { get; set; }

    public bool RevokeConfirmed { get; set; }

    public string? WaivedOn { get; set; }

    public string? ShownTo { get; set; }

    public bool PartySigned { get; set; }

    public string? SignatureNote { get; set; }

    public string? AttachNote { get; set; }
}
