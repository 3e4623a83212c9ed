using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features;

public sealed record PartyInput(PartyKind? Kind, string? Name, string? IdNumber, string? Address, string? Phone, string? Plate, string? Representative);

/// <summary>线索登记 for the ordinary procedure; <c>DepartmentId</c> defaults to the caller's department.</summary>
public sealed record RegisterCaseRequest(
    Guid? DepartmentId, CaseSource? LeadSource, string? SourceNote, string? Matter, string? ViolationFacts, DateOnly? ActOn, DateOnly? DiscoveredOn, bool InvolvesSafety,
    PartyInput? Party, IReadOnlyList<Guid>? OfficerIds);

/// <summary>简易程序: decided and handed over on the spot by two officers.</summary>
/// <summary>简易程序: decided on the spot; <c>actAt</c> (China time, default now) and <c>place</c> are when and where the act was done.</summary>
public sealed record OnTheSpotRequest(
    Guid? DepartmentId, CaseSource? LeadSource, string? Matter, string? ViolationFacts, DateOnly? ActOn, PartyInput? Party, IReadOnlyList<Guid>? OfficerIds,
    PenaltyKind? PenaltyKind, decimal? Fine, string? Provisions, string? Basis, Guid? DiscretionRuleId, DateTime? ActAt = null, string? Place = null);

public sealed record OfficersRequest(IReadOnlyList<Guid>? OfficerIds) : StepRequest;

public sealed record RecusalRequest(Guid? OfficerId, string? Reason) : StepRequest;

public sealed record ReasonRequest(string? Reason) : StepRequest;

/// <summary>Which limit an extension is of.</summary>
public enum ExtensionLimit
{
    /// <summary>立案: the department's filing days.</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("filing")]
    Filing,

    /// <summary>The 90-day decision limit (第60条).</summary>
    [System.Text.Json.Serialization.JsonStringEnumMemberName("decision")]
    Decision,
}

/// <summary>An extension: <c>discussion</c> (who met and what they decided) is required for a further extension of the decision limit.</summary>
public sealed record ExtensionRequest(ExtensionLimit? Limit, int? Days, string? Reason, string? Discussion = null) : StepRequest;

/// <summary>The 90-day limit stands still for a period the sector rules leave out, with what it is (e.g. the laboratory and the sample).</summary>
public sealed record PauseRequest(PauseReason? Reason, string? Note) : StepRequest;

public sealed record PreservationRequest(Guid? EvidenceId, string? Outcome) : StepRequest;

public sealed record NoticeRequest(
    PenaltyKind? PenaltyKind, decimal? Fine, decimal? Confiscation, string? Provisions, string? Basis, Guid? DiscretionRuleId, bool MajorPublicInterest, bool Complex,
    DateOnly? ServedOn) : StepRequest;

public sealed record StatementRequest(string? Statement, string? Recheck) : StepRequest;

public sealed record HearingRequest(DateOnly? RequestedOn) : StepRequest;

public sealed record HearingScheduleRequest(DateOnly? NoticedOn, DateOnly? HearingOn, string? Presider, string? Agents) : StepRequest;

/// <summary>听证笔录: the transcript, and whether the party signed it (if not, <c>signatureNote</c> says why).</summary>
public sealed record HearingRecordRequest(bool PartyAbsent, string? Transcript, bool PartySigned = false, string? SignatureNote = null) : StepRequest;

/// <summary>出示执法证件 (第55条): to whom and where, and the day.</summary>
public sealed record CertificatesRequest(string? ShownTo, DateOnly? ShownOn) : StepRequest;

/// <summary>One point of the nine answered: passed or failed, with a note (required when it fails).</summary>
public sealed record PointAnswer(ReviewPoint? Point, bool? Passed, string? Note);

/// <summary>
/// 法制审核: <c>points</c> answers each of the nine points pass or fail with a note; the older form, <c>failed</c> (the points
/// that did not pass), is still read when <c>points</c> is not sent.
/// </summary>
public sealed record ReviewRequest(IReadOnlyList<ReviewPoint>? Failed, string? Opinion, IReadOnlyList<PointAnswer>? Points = null) : StepRequest;

public sealed record DiscussionRequest(DateOnly? DiscussedOn, string? Participants, string? Conclusion) : StepRequest;

public sealed record DecisionRequest(PenaltyKind? PenaltyKind, decimal? Fine, decimal? Confiscation, string? Performance) : StepRequest;

/// <summary>送达 as the proof records it: the instant (China time), the method, the recipient; the proof is the upload's file.</summary>
public sealed record ServiceRecord(DateTime? ServedAt, ServiceMethod? Method, string? Recipient, bool ElectronicConsent, int? SeenEvents);

public sealed record PaymentRequest(DateOnly? PaidOn, decimal? Amount) : StepRequest;

public sealed record NoteRequest(string? Note) : StepRequest;

public sealed record CaseFilter(CaseStatus? Status = null, Procedure? Procedure = null, Guid? DepartmentId = null, string? Q = null, int Page = 1, int PageSize = 50);

/// <summary>A case in a list: the party masked, the clock that runs now.</summary>
public sealed record CaseRow(
    Guid Id, string Number, string Matter, string Party, CaseStatus Status, Procedure Procedure, DateTime RegisteredAt, string? DecisionNumber, DateOnly? DueDate);

public sealed record CaseCreated(Guid Id, string Number);

/// <summary>What the late fine comes to on a day (第72条).</summary>
public sealed record LateFineView(DateOnly On, decimal Fine, DateOnly? LastDayToPay, decimal LateFine, decimal Total);

/// <summary>
/// 行政处罚 cases as a department's officers, its head and the legality reviewers handle them. Everything answers within the
/// caller's data scope: another department's case is not there (404). Every step goes through the platform's one case
/// workflow; the case's own guards say what each account may do.
/// </summary>
/// <summary>A legal advisor's written opinion on the case: the topic (a code of <c>LegalOpinions.Topics</c>), the question, the advisor (one of <c>GET /api/documents/advisors/choices</c>), the working days (5 by default); seenEvents is required.</summary>
public sealed record CaseOpinionRequest(string? Topic, string? Question, Guid? AdvisorId, int? WorkingDays) : StepRequest;

public sealed class CaseService(
    FazhiDbContext db, DataScopeResolver scopes, WorkingDayCalendar calendar, TimeProvider time, OrganisationDirectory directory, IConfiguration configuration,
    CaseWorkflow workflow, ActorSource actors, FileStore files, TextSearch search, RecordCheck records, Documents.Contracts.LegalOpinions opinions)
{
    /// <summary>Asks a legal advisor for a written opinion on the case through Documents' public face, in this step's save (on the department's register).</summary>
    public async Task<Documents.Contracts.AskedOpinion> AskOpinionAsync(Guid id, CaseOpinionRequest r, CancellationToken ct = default)
    {
        // A blind retry would ask twice: the page's record length is required.
        new Validator().Check(r.SeenEvents is not null, "seenEvents", "required").ThrowIfInvalid();
        Documents.Contracts.AskedOpinion? made = null;
        await ActAsync(id, r.SeenEvents, async (c, by) =>
        {
            Workflow.Check(c.Guard(CaseAction.AskOpinion, by));
            made = await opinions.AskAsync(new Documents.Contracts.OpinionAskFromRecord(r.Topic, c.Matter, r.Question, r.AdvisorId, r.WorkingDays,
                EnforcementModule.ModuleName, c.Number, $"/enforcement/cases/{c.Id}"), c.DepartmentId, by.Actor, ct);
            c.OpinionAsked(made.Number, made.AdvisorName, by);
        }, ct);
        return made!;
    }

    /// <summary>The opinions asked on the case, with their text once given.</summary>
    public async Task<IReadOnlyList<Documents.Contracts.OpinionLink>> OpinionsAsync(Guid id, CancellationToken ct = default)
    {
        var number = await (await ScopedAsync(ct)).Where(c => c.Id == id).Select(c => c.Number).SingleOrDefaultAsync(ct) ?? throw DomainException.NotFound();
        return await opinions.ForRecordAsync(EnforcementModule.ModuleName, number, ct);
    }

    public async Task<IQueryable<EnforcementCase>> ScopedAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.EnforcementCases.AsNoTracking().WithinScope(scope, c => c.DepartmentId, _ => Guid.Empty);
    }

    public async Task<DepartmentRules> RulesAsync(Guid departmentId, CancellationToken ct = default) =>
        DepartmentRules.For(configuration, (await directory.UnitsAsync(ct)).TryGetValue(departmentId, out var unit) ? unit.Code : "");

    /// <summary>
    /// What the department's records say of the actor: head or not, legality reviewer or not, the department's rules, and its
    /// officers with their certificates (who may act, and who counts for the two-officer rule, on the day of the step).
    /// </summary>
    public async Task<CaseRights> RightsAsync(Guid departmentId, Actor actor, CancellationToken ct = default)
    {
        var name = actor.UserName;
        var officers = await db.Officers.AsNoTracking().Where(o => o.DepartmentId == departmentId).ToListAsync(ct);
        var head = actor.IsIn(Roles.Supervisor) || (actor.IsIn(EnforcementRoles.Officer) && officers.Any(o => o.UserName == name && o.IsHead));
        var reviewer = actor.IsIn(EnforcementRoles.LegalityReviewer) ? await db.LegalReviewers.AsNoTracking().SingleOrDefaultAsync(x => x.UserName == name && x.IsActive, ct) : null;
        return new CaseRights(actor, head, reviewer, await RulesAsync(departmentId, ct), officers);
    }

    /// <summary>The actions the signed-in account may take on the case now (the case page offers exactly these).</summary>
    public async Task<IReadOnlyList<CaseAction>> AllowedAsync(EnforcementCase c, CancellationToken ct = default) =>
        c.AvailableActions(await RightsAsync(c.DepartmentId, await actors.CurrentAsync(ct), ct));

    public async Task<Paged<CaseRow>> ListAsync(CaseFilter f, CancellationToken ct = default)
    {
        var page = await (await FilteredAsync(f, ct)).OrderByDescending(c => c.RegisteredAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Number, c.Matter, PartyName = c.Party.Name, PartyKind = c.Party.Kind, c.Status, c.Procedure, c.RegisteredAt, c.DecisionNumber,
                FilingDue = (DateOnly?)c.Filing!.DueDate, DecisionDue = (DateOnly?)c.Decision!.DueDate, ServiceDue = (DateOnly?)c.Service!.DueDate, PaymentDue = (DateOnly?)c.Payment!.DueDate, c.PaidOn,
            })
            .ToPageAsync(f.Page, f.PageSize, ct);
        return page.With(page.Items.Select(c => new CaseRow(
            c.Id, c.Number, c.Matter, c.PartyKind == PartyKind.Person ? Masking.Name(c.PartyName) : c.PartyName, c.Status, c.Procedure, c.RegisteredAt, c.DecisionNumber,
            EnforcementCase.RunningDue(c.Status, c.FilingDue, c.DecisionDue, c.ServiceDue, c.PaidOn is null ? c.PaymentDue : null))).ToList());
    }

    /// <summary>The cases of the caller's scope that pass the filter; the words of <c>q</c> match the numbers (in part), the matter and the party.</summary>
    public async Task<IQueryable<EnforcementCase>> FilteredAsync(CaseFilter f, CancellationToken ct = default)
    {
        var cases = await ScopedAsync(ct);
        if (f.DepartmentId is { } d)
        {
            cases = cases.Where(c => c.DepartmentId == d);
        }

        if (f.Status is { } s)
        {
            cases = cases.Where(c => c.Status == s);
        }

        if (f.Procedure is { } p)
        {
            cases = cases.Where(c => c.Procedure == p);
        }

        return search.Filter(cases, c => c.Id, EnforcementModule.CaseSearchEntity, f.Q);
    }

    public async Task<EnforcementCase> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var c = await Including(db.EnforcementCases.AsNoTracking().WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty))
            .SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        c.Steps.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return c;
    }

    /// <summary>The case as the API shows it: a read model, the party's identifiers masked (the Word documents carry them in full).</summary>
    public async Task<EnforcementCaseView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        var rights = await RightsAsync(c.DepartmentId, await actors.CurrentAsync(ct), ct);
        return EnforcementCaseView.Of(c, c.AvailableActions(rights), ChinaTime.Today(time), rights);
    }

    /// <summary>Registers a lead; the same Idempotency-Key again returns the first case, and another scope's key is refused.</summary>
    public async Task<(CaseCreated Case, bool Replayed)> RegisterAsync(RegisterCaseRequest r, string? idempotencyKey, CancellationToken ct = default)
    {
        Idempotency.Normalise(idempotencyKey);
        var v = new Validator()
            .Check(r.LeadSource is { } s && Enum.IsDefined(s), "leadSource", "required")
            .Required("matter", r.Matter, 300).Required("violationFacts", r.ViolationFacts, 4000).MaxLength("sourceNote", r.SourceNote, 200)
            .Check(r.ActOn is not null, "actOn", "required").Check(r.DiscoveredOn is not null, "discoveredOn", "required");
        var party = ReadParty(r.Party, v);
        v.ThrowIfInvalid();
        var department = await DepartmentAsync(r.DepartmentId, ct);
        var officers = await OfficersAsync(department, r.OfficerIds ?? [], ct);
        return await workflow.CreateAsync(EnforcementModule.ModuleName, idempotencyKey, async actor =>
        {
            var rights = await RightsAsync(department, actor, ct);
            var number = await NextNumberAsync(department, "立", actor.Today.Year, ct);
            var c = EnforcementCase.Register(number, department, rights.Rules, r.LeadSource!.Value, r.SourceNote, r.Matter!, r.ViolationFacts!, r.ActOn!.Value, r.DiscoveredOn!.Value,
                r.InvolvesSafety, party, rights);
            foreach (var (o, i) in officers.Select((o, i) => (o, i)))
            {
                c.Assign(o, i == 0 ? OfficerRole.Lead : OfficerRole.Assisting, rights);
            }

            return c;
        }, c => new CaseCreated(c.Id, c.Number), ReplayAsync, ct);
    }

    /// <summary>简易程序: the decision is made and handed over on the spot; it is published like any penalty.</summary>
    public async Task<(CaseCreated Case, bool Replayed)> OnTheSpotAsync(OnTheSpotRequest r, string? idempotencyKey, CancellationToken ct = default)
    {
        Idempotency.Normalise(idempotencyKey);
        var v = new Validator()
            .Check(r.LeadSource is { } s && Enum.IsDefined(s), "leadSource", "required")
            .Check(r.PenaltyKind is { } k && Enum.IsDefined(k), "penaltyKind", "required")
            .Required("matter", r.Matter, 300).Required("violationFacts", r.ViolationFacts, 4000).Required("provisions", r.Provisions, 1000).Required("basis", r.Basis, 1000)
            .Required("place", r.Place, 200).Check(r.ActOn is not null, "actOn", "required");
        var party = ReadParty(r.Party, v);
        v.ThrowIfInvalid();
        var department = await DepartmentAsync(r.DepartmentId, ct);
        var officers = await OfficersAsync(department, r.OfficerIds ?? [], ct);
        var rule = await RuleAsync(r.DiscretionRuleId, ct);
        await FirstViolationAsync(rule, department, party, null, ct);
        return await workflow.CreateAsync(EnforcementModule.ModuleName, idempotencyKey, async actor =>
        {
            var rights = await RightsAsync(department, actor, ct);
            var number = await NextNumberAsync(department, "简", actor.Today.Year, ct);
            var decision = await NextNumberAsync(department, "简罚", actor.Today.Year, ct);
            var c = EnforcementCase.OnTheSpot(number, decision, department, r.LeadSource!.Value, r.Matter!, r.ViolationFacts!, r.ActOn!.Value, party, officers, r.PenaltyKind!.Value,
                r.Fine ?? 0, r.Provisions!, r.Basis!, rule, rights,
                r.ActAt is { } local ? DateTime.SpecifyKind(local - ChinaTime.Offset, DateTimeKind.Utc) : actor.Now, r.Place);
            db.Publications.Add(PublicationOf(c, rights.Rules));
            return c;
        }, c => new CaseCreated(c.Id, c.Number), ReplayAsync, ct);
    }

    private async Task<CaseCreated> ReplayAsync(Guid id) =>
        await db.EnforcementCases.AsNoTracking().Where(c => c.Id == id).Select(c => new CaseCreated(c.Id, c.Number)).SingleAsync();

    public Task AssignAsync(Guid id, OfficersRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (c, by) =>
    {
        foreach (var o in await OfficersAsync(c.DepartmentId, r.OfficerIds ?? [], ct, atLeastTwo: false))
        {
            c.Assign(o, c.ActiveOfficers.Any() ? OfficerRole.Assisting : OfficerRole.Lead, by);
        }
    }, ct);

    public Task RecuseAsync(Guid id, RecusalRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (c, by) => c.Recuse(r.OfficerId ?? throw new DomainException("required", "officerId"), r.Reason, by), ct);

    /// <summary>立案审批: the department's head (an officer marked as head, or a supervisor).</summary>
    public Task ApproveFilingAsync(Guid id, int? seenEvents, CancellationToken ct = default) => ActAsync(id, seenEvents, (c, by) => c.ApproveFiling(by), ct);

    public Task RefuseFilingAsync(Guid id, ReasonRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) => c.RefuseFiling(r.Reason, by), ct);

    public Task ExtendAsync(Guid id, ExtensionRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) =>
    {
        var limit = r.Limit is { } l && Enum.IsDefined(l) ? l : throw new DomainException("required", "limit");
        c.Extend(limit == ExtensionLimit.Filing ? "filing" : "decision", r.Days ?? 0, r.Reason, by.Rules, by, r.Discussion);
    }, ct);

    public Task PauseAsync(Guid id, PauseRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) =>
        c.PauseDecision(r.Reason is { } reason && Enum.IsDefined(reason) ? reason : throw new DomainException("required", "reason"), r.Note, by), ct);

    public Task ResumeAsync(Guid id, int? seenEvents, CancellationToken ct = default) => ActAsync(id, seenEvents, (c, by) => c.ResumeDecision(by), ct);

    /// <summary>
    /// Before an upload is read: the case is one the caller may see and the step (evidence, or a record step) is one they may
    /// take now. A refused upload stores nothing.
    /// </summary>
    public async Task ReadyForUploadAsync(Guid id, CaseAction action, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        Workflow.Check(c.Guard(action, await RightsAsync(c.DepartmentId, await actors.CurrentAsync(ct), ct)));
    }

    /// <summary>Evidence, with its file when there is one (audio and video are accepted: evidence is collected on the spot).</summary>
    public async Task<Guid> EvidenceAsync(Guid id, EvidenceKind kind, string? title, bool preserve, StoredFile? file, int? seenEvents, string? noRecordingReason = null, CancellationToken ct = default)
    {
        var evidenceId = Guid.Empty;
        await ActAsync(id, seenEvents, (c, by) => evidenceId = c.AddEvidence(kind, title, preserve, file?.Sha256, file?.ContentType, file?.Size, by, noRecordingReason).Id, ct);
        return evidenceId;
    }

    public Task PreservationAsync(Guid id, PreservationRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (c, by) => c.DecidePreservation(r.EvidenceId ?? throw new DomainException("required", "evidenceId"), r.Outcome, by), ct);

    /// <summary>Steps that happen on the spot: an audio or video file is accepted for these only (118号文).</summary>
    public static readonly IReadOnlySet<string> OnSiteSteps = new HashSet<string>(StringComparer.Ordinal) { "inspection", "evidence", "preservation", "seizure", "enforcement", "on_the_spot", "service", "hearing" };

    /// <summary>A file or a note added to the full-process record.</summary>
    public async Task AttachAsync(Guid id, string? kind, string? note, StoredFile? file, string? fileName, int? seenEvents, string? noRecordingReason = null, CancellationToken ct = default)
    {
        new Validator().Required("kind", kind, 40).MaxLength("note", note, 2000)
            .Check(file is not null || !string.IsNullOrWhiteSpace(note) || !string.IsNullOrWhiteSpace(noRecordingReason), "note", "required").ThrowIfInvalid();
        if (file is { IsAudioVideo: true } && !OnSiteSteps.Contains(kind!))
        {
            throw new DomainException("enforcement.av_on_site_only", "kind", ErrorKind.Invalid);
        }

        await ActAsync(id, seenEvents, (c, by) =>
            c.Attach(kind!.Trim(), note?.Trim(), file?.Sha256, fileName is null ? null : Path.GetFileName(fileName), file?.ContentType, by, noRecordingReason), ct);
    }

    /// <summary>A file of the record, hashed again before it is handed out: one replaced on disk is refused and raises an alert.</summary>
    public async Task<(Stream Content, string ContentType, string Name)> FileAsync(Guid id, string sha256, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        var step = c.Steps.FirstOrDefault(s => s.FileSha256 == sha256);
        var evidence = c.Evidence.FirstOrDefault(e => e.Sha256 == sha256);
        if (step is null && evidence is null)
        {
            throw DomainException.NotFound("sha256");
        }

        var content = await files.OpenVerifiedAsync(sha256, new FileOwner(c.Id, c.DepartmentId, c.Number, $"/enforcement/cases/{c.Id}"), ct);
        return (content, step?.ContentType ?? evidence?.ContentType ?? "application/octet-stream", step?.FileName ?? evidence?.Title ?? sha256);
    }

    public Task NoticeAsync(Guid id, NoticeRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (c, by) =>
    {
        new Validator().Check(r.PenaltyKind is { } k && Enum.IsDefined(k), "penaltyKind", "required").ThrowIfInvalid();
        var rule = await RuleAsync(r.DiscretionRuleId, ct);
        await FirstViolationAsync(rule, c.DepartmentId, c.Party, c.Id, ct);
        Workflow.Check(c.Guard(CaseAction.IssueNotice, by));
        // The notice is numbered in its own yearly series (告), not with the filing number.
        var number = await NextNumberAsync(c.DepartmentId, "告", by.Today.Year, ct);
        c.IssueNotice(r.PenaltyKind!.Value, r.Fine ?? 0, r.Confiscation ?? 0, r.Provisions, r.Basis, rule, r.MajorPublicInterest, r.Complex,
            r.ServedOn ?? by.Today, by.Rules, by, number);
    }, ct);

    /// <summary>
    /// 首违不罚 (第33条第1款): the entry applies only to a party with no earlier violation in the department, found by the blind
    /// index of their ID number or credit code (a decided penalty that was not revoked).
    /// </summary>
    private async Task FirstViolationAsync(DiscretionRule? rule, Guid departmentId, CaseParty party, Guid? caseId, CancellationToken ct)
    {
        if (rule is not { FirstViolationOnly: true })
        {
            return;
        }

        if (party.IdNumber is null)
        {
            throw new DomainException("enforcement.first_violation_needs_id", "party.idNumber", ErrorKind.Conflict);
        }

        var lookup = party.IdNumber;
        var earlier = await db.EnforcementCases.AsNoTracking()
            .Where(x => x.DepartmentId == departmentId && x.Id != caseId && x.Party.IdLookup == lookup && x.DecidedOn != null && x.RevokedOn == null
                && x.PenaltyKind != PenaltyKind.NoPenalty)
            .OrderBy(x => x.DecidedOn).Select(x => x.DecisionNumber).FirstOrDefaultAsync(ct);
        if (earlier is not null)
        {
            throw new DomainException("enforcement.not_first_violation", "discretionRuleId", ErrorKind.Conflict, earlier);
        }
    }

    /// <summary>The party gives up stating and defending, in writing: the signed waiver is the step's file.</summary>
    public Task StatementWaiverAsync(Guid id, DateOnly? waivedOn, StoredFile? file, string? fileName, int? seenEvents, CancellationToken ct = default) =>
        ActAsync(id, seenEvents, (c, by) => c.WaiveStatement(waivedOn ?? by.Today, file?.Sha256, fileName is null ? null : Path.GetFileName(fileName), file?.ContentType, by), ct);

    public Task StatementAsync(Guid id, StatementRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) => c.RecordStatement(r.Statement, r.Recheck, by), ct);

    public Task HearingRequestAsync(Guid id, HearingRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) => c.RequestHearing(r.RequestedOn ?? by.Today, by), ct);

    public Task HearingWaiverAsync(Guid id, int? seenEvents, CancellationToken ct = default) => ActAsync(id, seenEvents, (c, by) => c.WaiveHearing(by), ct);

    public Task HearingScheduleAsync(Guid id, HearingScheduleRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) =>
    {
        new Validator().Check(r.HearingOn is not null, "hearingOn", "required").ThrowIfInvalid();
        c.ScheduleHearing(r.NoticedOn ?? by.Today, r.HearingOn!.Value, r.Presider, r.Agents, by);
    }, ct);

    public Task HearingRecordAsync(Guid id, HearingRecordRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) => c.HoldHearing(r.PartyAbsent, r.Transcript, by, r.PartySigned, r.SignatureNote), ct);

    public Task CertificatesAsync(Guid id, CertificatesRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (c, by) => c.ShowCertificates(r.ShownOn ?? by.Today, r.ShownTo, by), ct);

    public Task SubmitReviewAsync(Guid id, int? seenEvents, CancellationToken ct = default) => ActAsync(id, seenEvents, (c, by) => c.SubmitForReview(by), ct);

    /// <summary>法制审核 by a registered legality reviewer.</summary>
    public Task ReviewAsync(Guid id, ReviewRequest r, CancellationToken ct = default)
    {
        if (r.Points is null)
        {
            return ActAsync(id, r.SeenEvents, (c, by) => c.Review([.. (r.Failed ?? []).Where(Enum.IsDefined)], r.Opinion, by), ct);
        }

        // Every point answered, each failed one with its note; the notes go into the opinion (encrypted at rest), point by point.
        var v = new Validator().MaxLength("opinion", r.Opinion, 2000);
        var answers = r.Points.Where(a => a.Point is { } p && Enum.IsDefined(p)).GroupBy(a => a.Point!.Value).ToDictionary(g => g.Key, g => g.Last());
        foreach (var point in Enum.GetValues<ReviewPoint>())
        {
            var answer = answers.GetValueOrDefault(point);
            v.Check(answer?.Passed is not null, $"points.{point}", "enforcement.point_unanswered")
                .Check(answer?.Passed != false || !string.IsNullOrWhiteSpace(answer.Note), $"points.{point}", "enforcement.point_note_required")
                .MaxLength($"points.{point}", answer?.Note, 300);
        }

        v.ThrowIfInvalid();
        var failed = answers.Values.Where(a => a.Passed == false).Select(a => a.Point!.Value).ToList();
        var lines = Enum.GetValues<ReviewPoint>().Select(p => answers[p]).Select(a =>
            $"{EnforcementStrings.PointZh(a.Point!.Value)}：{(a.Passed == true ? "通过" : "不通过")}{(string.IsNullOrWhiteSpace(a.Note) ? "" : "，" + a.Note.Trim())}");
        var opinion = string.Join("；", lines) + "。" + (string.IsNullOrWhiteSpace(r.Opinion) ? "" : "审核意见：" + r.Opinion.Trim());
        return ActAsync(id, r.SeenEvents, (c, by) => c.Review(failed, opinion, by), ct);
    }

    public Task DiscussionAsync(Guid id, DiscussionRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (c, by) => c.Discuss(r.DiscussedOn ?? by.Today, r.Participants, r.Conclusion, by), ct);

    /// <summary>行政处罚决定: numbered in the department's yearly series; its publication falls due in 7 working days.</summary>
    public Task DecideAsync(Guid id, DecisionRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (c, by) =>
    {
        new Validator().Check(r.PenaltyKind is { } k && Enum.IsDefined(k), "penaltyKind", "required").ThrowIfInvalid();
        if (c.DecisionBlocker(r.PenaltyKind!.Value, r.Fine ?? 0, r.Confiscation ?? 0, by.Rules, by.Today) is { } blocker)
        {
            throw new DomainException(blocker, "action", ErrorKind.Conflict);
        }

        var number = await NextNumberAsync(c.DepartmentId, r.PenaltyKind == PenaltyKind.NoPenalty ? "不罚" : "罚", by.Today.Year, ct);
        c.Decide(number, r.PenaltyKind!.Value, r.Fine ?? 0, r.Confiscation ?? 0, r.Performance, by.Rules, by);
        db.Publications.Add(PublicationOf(c, by.Rules));
    }, ct);

    /// <summary>送达 with its proof: <paramref name="r"/>'s instant is China time (default now).</summary>
    public Task ServeAsync(Guid id, ServiceRecord r, StoredFile? proof, string? proofName, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) =>
    {
        new Validator().Check(r.Method is { } m && Enum.IsDefined(m), "method", "required").ThrowIfInvalid();
        var at = r.ServedAt is { } local ? DateTime.SpecifyKind(local - ChinaTime.Offset, DateTimeKind.Utc) : by.Now;
        c.Serve(at, r.Method!.Value, r.Recipient, r.ElectronicConsent, proof?.Sha256, proofName is null ? null : Path.GetFileName(proofName), proof?.ContentType, by);
    }, ct);

    public Task PaymentAsync(Guid id, PaymentRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) =>
    {
        new Validator().Check(r.Amount is > 0, "amount", "required").ThrowIfInvalid();
        c.RecordPayment(r.PaidOn ?? by.Today, r.Amount!.Value, by);
    }, ct);

    public async Task<LateFineView> LateFineAsync(Guid id, DateOnly? on, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        var day = on ?? ChinaTime.Today(time);
        var late = c.LateFineOn(day);
        return new LateFineView(day, c.Fine, c.Payment?.DueDate, late, c.Fine + late);
    }

    public Task CloseAsync(Guid id, NoteRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) => c.Close(r.Note, by), ct);

    /// <summary>归档 with the file number 〔year〕department-卷-sequence.</summary>
    public Task ArchiveAsync(Guid id, int? seenEvents, CancellationToken ct = default) => ActAsync(id, seenEvents, async (c, by) =>
    {
        Workflow.Check(c.Guard(CaseAction.Archive, by));
        var code = (await directory.CodesAsync(ct)).GetValueOrDefault(c.DepartmentId, "ENF");
        var sequence = await NumberSeries.NextAsync(db, $"enf-archive-{code}-{by.Today.Year}", 1, ct);
        c.Archive(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{code}-{by.Today.Year}-处罚-{sequence:0000}"), by);
    }, ct);

    /// <summary>撤销或者变更: the publication is withdrawn within 3 working days (or never goes up).</summary>
    public Task RevokeAsync(Guid id, ReasonRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (c, by) =>
    {
        c.Revoke(r.Reason, by);
        foreach (var p in await db.Publications.Where(p => p.CaseId == c.Id && p.Status != PublicationStatus.Withdrawn).ToListAsync(ct))
        {
            p.DecisionRevoked(by.Today, c.RevocationReason!, calendar);
        }
    }, ct);

    /// <summary>The full-process record checked end to end: its chain, its last step against the audit record, the audit record against the signed heads.</summary>
    public async Task<RecordCheckResult> CheckRecordAsync(Guid id, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        return await records.CheckAsync(c.Id, c.Steps, ct);
    }

    /// <summary>The publication of a decision: the masked party and text, due in 7 working days (20 for other decisions).</summary>
    public Publication PublicationOf(EnforcementCase c, DepartmentRules rules)
    {
        var masking = DisclosureMasking.From(configuration);
        var content = $"违法事实：{c.Facts}\n违反条款：{c.Provisions}\n处罚依据：{c.Basis}\n处罚内容：{Texts.Penalty(c.PenaltyKind!.Value)}" +
            (c.Fine > 0 ? $"，罚款人民币{Texts.Yuan(c.Fine)}元" : "") + (c.Confiscation > 0 ? $"，没收违法所得{Texts.Yuan(c.Confiscation)}元" : "") +
            (c.DiscretionCitation is null ? "" : $"\n适用裁量基准：{c.DiscretionCitation}");
        return Publication.Prepare(c.DepartmentId, c.Id, null, c.PenaltyKind == PenaltyKind.NoPenalty ? PublicationKind.Other : PublicationKind.Penalty,
            c.DecisionNumber!, masking.Mask(c.Matter, c.Party), DisclosureMasking.PartyName(c.Party), masking.Mask(content, c.Party), c.Fine, c.DecidedOn!.Value, calendar);
    }

    public static IQueryable<EnforcementCase> Including(IQueryable<EnforcementCase> q) =>
        q.Include(x => x.Party).Include(x => x.Officers).Include(x => x.Evidence).Include(x => x.Reviews).Include(x => x.Extensions).Include(x => x.Pauses).Include(x => x.Steps)
            .AsSplitQuery();

    /// <summary>A department's yearly series: 塘市监罚〔2026〕12号 (its short name, the kind, the year, the sequence).</summary>
    public async Task<string> NextNumberAsync(Guid departmentId, string kind, int year, CancellationToken ct)
    {
        var code = (await directory.CodesAsync(ct)).GetValueOrDefault(departmentId, "ENF");
        var prefix = DepartmentRules.For(configuration, code).Abbreviation ?? code;
        var sequence = await NumberSeries.NextAsync(db, $"enf-{code}-{kind}-{year}", 1, ct);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{kind}〔{year}〕{sequence}号");
    }

    private static CaseParty ReadParty(PartyInput? p, Validator v)
    {
        v.Check(p is not null, "party", "required");
        if (p is null)
        {
            return new CaseParty();
        }

        var kind = p.Kind ?? PartyKind.Person;
        var id = string.IsNullOrWhiteSpace(p.IdNumber) ? null : p.IdNumber.Trim().ToUpperInvariant();
        v.Required("party.name", p.Name, 100)
            .Check(id is null || (kind == PartyKind.Person ? Identifiers.IsValidIdNumber(id) : Identifiers.IsValidCreditCode(id)), "party.idNumber",
                kind == PartyKind.Person ? "intake.id_number_invalid" : "enforcement.credit_code_invalid")
            .Check(string.IsNullOrWhiteSpace(p.Phone) || Identifiers.IsPhone(p.Phone), "party.phone", "phone_format")
            .MaxLength("party.address", p.Address, 150).MaxLength("party.plate", p.Plate, 12).MaxLength("party.representative", p.Representative, 50);
        static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
        return new CaseParty
        {
            Kind = kind, Name = p.Name?.Trim() ?? "", IdNumber = id, Address = Clean(p.Address), Phone = Clean(p.Phone), Plate = Clean(p.Plate)?.ToUpperInvariant(),
            Representative = Clean(p.Representative), IdLookup = id,
        };
    }

    /// <summary>The department a new case belongs to: the one named (within the caller's scope and enforcing the law), else the caller's own.</summary>
    private async Task<Guid> DepartmentAsync(Guid? named, CancellationToken ct)
    {
        var actor = await actors.CurrentAsync(ct);
        var department = named ?? actor.DepartmentId;
        var units = await directory.UnitsAsync(ct);
        if (department is not { } d || !units.TryGetValue(d, out var unit) || !unit.EnforcesLaw || !actor.Scope.Allows(d, null))
        {
            throw new DomainException("enforcement.department_required", "departmentId");
        }

        return d;
    }

    private async Task<List<Officer>> OfficersAsync(Guid department, IReadOnlyList<Guid> ids, CancellationToken ct, bool atLeastTwo = true)
    {
        var distinct = ids.Distinct().ToList();
        if (atLeastTwo && distinct.Count < 2)
        {
            throw new DomainException("enforcement.two_officers_required", "officerIds", ErrorKind.Invalid);
        }

        var found = await db.Officers.AsNoTracking().Where(o => distinct.Contains(o.Id)).ToListAsync(ct);
        if (found.Count != distinct.Count)
        {
            throw new DomainException("not_found", "officerIds");
        }

        var today = ChinaTime.Today(time);
        if (found.FirstOrDefault(o => o.DepartmentId != department) is { } other)
        {
            throw new DomainException("enforcement.officer_other_department", "officerIds", ErrorKind.Conflict, other.Name);
        }

        if (found.FirstOrDefault(o => !o.CanActOn(today)) is { } lapsed)
        {
            throw new DomainException("enforcement.officer_certificate_lapsed", "officerIds", ErrorKind.Conflict, lapsed.Name, lapsed.CertificateNumber);
        }

        return [.. distinct.Select(id => found.Single(o => o.Id == id))];
    }

    private async Task<DiscretionRule?> RuleAsync(Guid? id, CancellationToken ct) =>
        id is { } rule ? await db.DiscretionRules.AsNoTracking().SingleOrDefaultAsync(x => x.Id == rule, ct) is { } found && found.InForceOn(ChinaTime.Today(time))
            ? found : throw new DomainException("enforcement.discretion_not_in_force", "discretionRuleId") : null;

    private Task<EnforcementCase> ActAsync(Guid id, int? seenEvents, Action<EnforcementCase, CaseRights> act, CancellationToken ct) =>
        ActAsync(id, seenEvents, (c, by) =>
        {
            act(c, by);
            return Task.CompletedTask;
        }, ct);

    private Task<EnforcementCase> ActAsync(Guid id, int? seenEvents, Func<EnforcementCase, CaseRights, Task> act, CancellationToken ct) =>
        workflow.ActAsync<EnforcementCase, RecordStep>(scope => Including(db.EnforcementCases.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty)), id, seenEvents,
            async (c, actor) =>
            {
                c.Steps.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
                await act(c, await RightsAsync(c.DepartmentId, actor, ct));
            }, ct: ct);
}
