using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Privacy;

namespace Fazhi.Web.Modules.Mediation.Features;

public sealed record MediationPartyView(Guid Id, PartySide Side, PartyKind Kind, string Name, string? IdNumber, string? Phone, string? Address, bool Consented);

public sealed record MediationSessionView(Guid Id, DateTime At, Guid? RoomId, IReadOnlyList<Guid> MediatorIds, string Attendees, string Record, bool Held);

public sealed record MediationAgreementView(
    AgreementKind Kind, FamilyMatter? FamilyMatter, string Facts, string Terms, string Performance, DateOnly? PerformBy, DateOnly EffectiveOn, bool Confirmable, DateOnly? ConfirmationDue,
    DateOnly? ConfirmationAppliedOn, string? Court, DateOnly? CourtAcceptedOn, DateOnly? CourtDecidedOn, bool? Confirmed, DateOnly? CourtAcceptanceDue, DateOnly? CourtDecisionDue);

public sealed record MediationFollowUpView(Guid Id, DateOnly DueOn, DateOnly? DoneOn, bool? Performed, string? Note);

/// <summary>
/// A mediation case as the API answers it: a read model (never the stored entity), the parties' identifiers masked, the
/// record's length to send back as <c>seenEvents</c>, and the actions the caller may take now.
/// </summary>
public sealed record MediationCaseView(
    Guid Id, string Number, Guid CommitteeId, Guid? RoomId, DisputeType Type, CaseSource Source, string? ReferredBy, string Facts, string Claims,
    DateTime RegisteredAt, DateOnly AcceptedOn, DateOnly DueDate, WarningLevel? Level, CaseStatus Status, DateTime? RightsNoticeAt, bool ViolenceRisk, string? ViolenceNote, string? ViolenceToldTo,
    string? OutcomeNote, DateTime? ClosedAt, DifficultyClass? ProposedClass, DifficultyClass? ApprovedClass, decimal? SubsidyAmount,
    IReadOnlyList<Guid> MediatorIds, IReadOnlyList<MediationPartyView> Parties, IReadOnlyList<MediationSessionView> Sessions, MediationAgreementView? Agreement,
    IReadOnlyList<MediationFollowUpView> FollowUps, IReadOnlyList<RecordStepView> Record, int SeenEvents, IReadOnlyList<MediationAction> Allowed)
{
    public static MediationCaseView Of(MediationCase c, Actor by) => new(
        c.Id, c.Number, c.CommitteeId, c.RoomId, c.Type, c.Source, c.ReferredBy, c.Facts, c.Claims, c.RegisteredAt, c.AcceptedOn, c.Clock.DueDate,
        c.IsOpen ? c.Clock.Level(by.Today) : null, c.Status, c.RightsNoticeAt, c.ViolenceRisk, c.ViolenceNote, StepNote.Render(c.ViolenceToldTo), c.OutcomeNote, c.ClosedAt, c.ProposedClass, c.ApprovedClass, c.SubsidyAmount,
        [.. c.Mediators.Select(m => m.MediatorId)],
        [.. c.Parties.OrderBy(p => p.Side).Select(p => new MediationPartyView(p.Id, p.Side, p.Kind, p.Name, p.IdNumber is null ? null : Masking.IdNumber(p.IdNumber),
            p.Phone is null ? null : Masking.Phone(p.Phone), p.Address is null ? null : Masking.Address(p.Address), p.Consented))],
        [.. c.Sessions.Select(s => new MediationSessionView(s.Id, s.At, s.RoomId, s.MediatorIds, s.Attendees, s.Record, s.Held))],
        c.Agreement is { } a
            ? new MediationAgreementView(a.Kind, a.FamilyMatter, a.Facts, a.Terms, a.Performance, a.PerformBy, a.EffectiveOn, a.Confirmable, a.ConfirmationWindow?.DueDate,
                a.ConfirmationAppliedOn, a.Court, a.CourtAcceptedOn, a.CourtDecidedOn, a.Confirmed, a.CourtAcceptance?.DueDate, a.CourtDecision?.DueDate)
            : null,
        [.. c.FollowUps.OrderBy(f => f.DueOn).Select(f => new MediationFollowUpView(f.Id, f.DueOn, f.DoneOn, f.Performed, f.Note))],
        [.. c.Events.OrderBy(e => e.Sequence).Select(RecordStepView.Of)],
        c.Events.Count, c.AvailableActions(by));
}
