using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Privacy;

namespace Fazhi.Web.Modules.Enforcement.Features;

public sealed record EnforcementPartyView(PartyKind Kind, string Name, string? IdNumber, string? Address, string? Phone, string? Plate, string? Representative);

public sealed record CaseOfficerView(Guid OfficerId, string Name, string CertificateNumber, OfficerRole Role, DateTime AssignedAt, DateTime? RecusedAt, string? RecusalReason, string? RecusalDecidedBy);

public sealed record EnforcementEvidenceView(
    Guid Id, EvidenceKind Kind, string Title, string? Sha256, string? ContentType, long? Size, DateTime CollectedAt, string CollectedBy, bool Preserved,
    DateOnly? PreservationDue, string? PreservationOutcome, DateOnly? PreservationDecidedOn);

public sealed record EnforcementReviewView(Guid Id, DateTime SubmittedAt, string SubmittedBy, string? ReviewerName, DateTime? ReviewedAt, IReadOnlyList<ReviewPoint> Failed, bool? Passed, string? Opinion);

public sealed record EnforcementExtensionView(ExtensionLimit Limit, int Days, string Reason, string ApprovedBy, DateTime ApprovedAt, string? Discussion);

/// <summary>A period the 90-day limit stood still (open while <c>To</c> is null).</summary>
public sealed record EnforcementPauseView(PauseReason Reason, string Note, DateOnly From, DateOnly? To, string PausedBy);

/// <summary>A step of the full-process record as the API shows it, with its file.</summary>
public sealed record EnforcementStepView(int Sequence, DateTime At, string Kind, string Actor, string? Note, string? FileSha256, string? FileName);

/// <summary>
/// An enforcement case as the API answers it: a read model (never the stored entity), the party's identifiers masked, the
/// limit that runs now and the due date of each limit started, the record's length to send back as <c>seenEvents</c>, and the actions the caller may take now.
/// </summary>
public sealed record EnforcementCaseView(
    Guid Id, string Number, Guid DepartmentId, CaseSource Source, string? SourceNote, Procedure Procedure, CaseStatus Status, string Matter, string Facts,
    DateOnly ActOn, DateOnly DiscoveredOn, bool InvolvesSafety, DateTime RegisteredAt, EnforcementPartyView Party,
    string? RunningLimit, DateOnly? DueDate, WarningLevel? Level, DateOnly? FilingDue, DateOnly? DecisionDue, DateOnly? ServiceDue, DateOnly? PaymentDue, DateOnly? FiledOn, string? NotFiledReason,
    DateOnly? CertificatesShownOn, string? CertificatesShownTo,
    PenaltyKind? ProposedKind, decimal ProposedFine, decimal ProposedConfiscation, string? Provisions, string? Basis, string? DiscretionCitation, DateOnly? NoticeServedOn,
    bool HearingEligible, DateOnly? HearingRequestDue, DateOnly? HearingRequestedOn, bool HearingWaived, DateOnly? HearingOn, string? HearingPresider, DateOnly? HearingHeldOn,
    bool HearingTranscriptSigned, string? HearingSignatureNote,
    bool ReviewRequired, bool ReviewPassed, DateOnly? StatementDue, DateOnly? StatementWaivedOn, string? Statement, string? StatementRecheck, DateOnly? DiscussedOn, string? DiscussionConclusion,
    string? DecisionNumber, DateOnly? DecidedOn, PenaltyKind? PenaltyKind, decimal Fine, decimal Confiscation, string? Performance,
    DateOnly? ServedOn, DateTime? ServedAt, string? ServiceRecipient, string? ServiceProofSha256, ServiceMethod? ServiceMethod, DateOnly? PaidOn, decimal? PaidAmount, decimal? LateFinePaid, DateOnly? ClosedOn, string? CloseNote,
    DateOnly? ArchivedOn, string? FileNumber, DateOnly? RevokedOn, string? RevocationReason,
    IReadOnlyList<CaseOfficerView> Officers, IReadOnlyList<EnforcementEvidenceView> Evidence, IReadOnlyList<EnforcementReviewView> Reviews,
    IReadOnlyList<EnforcementExtensionView> Extensions, IReadOnlyList<EnforcementPauseView> Pauses, IReadOnlyList<CaseOfficerView> LapsedOfficers, IReadOnlyList<EnforcementStepView> Record, int SeenEvents, IReadOnlyList<CaseAction> Allowed)
{
    public static EnforcementCaseView Of(EnforcementCase c, IReadOnlyList<CaseAction> allowed, DateOnly today, CaseRights? rights = null)
    {
        var p = c.Party;
        var person = p.Kind == PartyKind.Person;
        var party = new EnforcementPartyView(p.Kind, p.Name, p.IdNumber is null ? null : person ? Masking.IdNumber(p.IdNumber) : p.IdNumber,
            p.Address is null ? null : person ? Masking.Address(p.Address) : p.Address, p.Phone is null ? null : Masking.Phone(p.Phone),
            person ? DisclosureMasking.MaskPlate(p.Plate) : p.Plate, p.Representative);
        var running = c.RunningClock;
        return new(
            c.Id, c.Number, c.DepartmentId, c.Source, c.SourceNote, c.Procedure, c.Status, c.Matter, c.Facts, c.ActOn, c.DiscoveredOn, c.InvolvesSafety, c.RegisteredAt, party,
            running?.Kind, running?.Clock.DueDate, running?.Clock.Level(today), c.Filing?.DueDate, c.Decision?.DueDate, c.Service?.DueDate, c.Payment?.DueDate, c.FiledOn, c.NotFiledReason,
            c.CertificatesShownOn, c.CertificatesShownTo,
            c.ProposedKind, c.ProposedFine, c.ProposedConfiscation, c.Provisions, c.Basis, c.DiscretionCitation, c.NoticeServedOn,
            c.HearingEligible, c.HearingRequestWindow?.DueDate, c.HearingRequestedOn, c.HearingWaived, c.HearingOn, c.HearingPresider, c.HearingHeldOn,
            c.HearingTranscriptSigned, c.HearingSignatureNote,
            c.ReviewRequired, c.ReviewPassed, c.StatementWindow?.DueDate, c.StatementWaivedOn, c.Statement, c.StatementRecheck, c.DiscussedOn, c.DiscussionConclusion,
            c.DecisionNumber, c.DecidedOn, c.PenaltyKind, c.Fine, c.Confiscation, c.Performance,
            c.ServedOn, c.ServedAt, c.ServiceRecipient, c.ServiceProofSha256, c.ServiceMethod, c.PaidOn, c.PaidAmount, c.LateFinePaid, c.ClosedOn, c.CloseNote, c.ArchivedOn, c.FileNumber, c.RevokedOn, c.RevocationReason,
            [.. c.Officers.Select(Officer)],
            [.. c.Evidence.Select(e => new EnforcementEvidenceView(e.Id, e.Kind, e.Title, e.Sha256, e.ContentType, e.Size, e.CollectedAt, e.CollectedBy, e.Preserved,
                e.PreservationWindow?.DueDate, e.PreservationOutcome, e.PreservationDecidedOn))],
            [.. c.Reviews.OrderBy(r => r.SubmittedAt).Select(r => new EnforcementReviewView(r.Id, r.SubmittedAt, r.SubmittedBy, r.ReviewerName, r.ReviewedAt, r.Failed, r.Passed, r.Opinion))],
            [.. c.Extensions.Select(e => new EnforcementExtensionView(e.Limit == "filing" ? ExtensionLimit.Filing : ExtensionLimit.Decision, e.Days, e.Reason, e.ApprovedBy, e.ApprovedAt, e.Discussion))],
            [.. c.Pauses.OrderBy(p => p.From).Select(p => new EnforcementPauseView(p.Reason, p.Note, p.From, p.To, p.PausedBy))],
            rights is null || !c.IsOpen || c.RevokedOn is not null ? [] : [.. c.LapsedOfficers(rights).Select(Officer)],
            [.. c.Steps.OrderBy(s => s.Sequence).Select(s => new EnforcementStepView(s.Sequence, s.At, s.Kind, s.ActorLabel, StepNote.Render(s.Note), s.FileSha256, s.FileName))],
            c.Steps.Count, allowed);

        static CaseOfficerView Officer(CaseOfficer o) => new(o.OfficerId, o.Name, o.CertificateNumber, o.Role, o.AssignedAt, o.RecusedAt, o.RecusalReason, o.RecusalDecidedBy);
    }
}
