using Fazhi.Web.Modules.Documents.Contracts;
using Fazhi.Web.Modules.LegalAid.Contracts;
using Fazhi.Web.Modules.Mediation.Contracts;
using Fazhi.Web.Modules.Petitions.Data;
using Fazhi.Web.Modules.Petitions.Domain;
using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Petitions.Features;

/// <summary>
/// 信访登记 (第19条): channel, class, what it is about, the request, facts and reasons, the petitioner's name and address (and ID
/// number and phone when given); a group visit's size and its representatives (at most 5, 第20条); <c>receivedOn</c>, the day a
/// letter arrived when it is entered later (the 15 days run from receipt; at most 30 days back).
/// </summary>
public sealed record RegisterRequest(
    PetitionChannel? Channel, PetitionClass? Class, MatterCategory? Category, string? Subject, string? Request, string? Facts, string? Reasons,
    string? Name, string? IdNumber, string? Phone, string? Address, int? GroupSize = null, IReadOnlyList<string>? Representatives = null, DateOnly? ReceivedOn = null);

/// <summary>The new petition: its number and the token on the receipt; <c>repeatOf</c> when it repeats a matter already entered.</summary>
public sealed record PetitionCreated(Guid Id, string Number, string QueryToken, PetitionStatus Status, string? RepeatOf);

public sealed record RouteRequest(Guid? HandlerId) : StepRequest;

public sealed record PetitionReasonRequest(string? Reason) : StepRequest;

public sealed record DivertRequest(DivertRoute? Route, string? Where) : StepRequest;

public sealed record ExtendRequest(int? Days, string? Reason) : StepRequest;

public sealed record OpinionRequest(string? Opinion) : StepRequest;

/// <summary>The body asked to review (复查) or re-review (复核).</summary>
public sealed record ReviewAskRequest(string? Body) : StepRequest;

public sealed record ReviewDecisionRequest(bool? Upheld, string? Opinion) : StepRequest;

public sealed record OversightRequest(string? Request, int? Days) : StepRequest;

public sealed record OversightAnswerRequest(string? Answer) : StepRequest;

/// <summary>A legal advisor's written opinion on the matter: the topic (a code of <c>LegalOpinions.Topics</c>: Land, Project, Contract, Dispute, Document, Other), the question, the advisor (one of <c>GET /api/documents/advisors/choices</c>) and the working days (5 by default).</summary>
public sealed record PetitionOpinionRequest(string? Topic, string? Question, Guid? AdvisorId, int? WorkingDays) : StepRequest;

/// <summary>第33、37条: the dispute type (a code of <c>GET /api/petitions/dispute-types</c>) and the other side, whom the petition does not name.</summary>
public sealed record MediationRequest(string? DisputeType, string? Respondent, string? RespondentPhone, string? RespondentAddress) : StepRequest;

public sealed record PetitionFilter(
    PetitionStatus? Status = null, PetitionClass? Class = null, PetitionChannel? Channel = null, MatterCategory? Category = null, bool? Overdue = null,
    string? Q = null, int Page = 1, int PageSize = 50);

/// <summary>A petition in the register: the petitioner masked, an accuser sealed.</summary>
public sealed record PetitionRow(
    Guid Id, string Number, PetitionChannel Channel, PetitionClass Class, MatterCategory Category, string Subject, string Petitioner, PetitionStatus Status,
    DateTime ReceivedAt, DateOnly? DueDate, string? Handler, string? RepeatOf);

public sealed record PetitionStepView(int Sequence, DateTime At, string Kind, string Actor, string? Note);

public sealed record OversightView(DateTime At, string By, string Request, DateOnly Due, DateTime? AnsweredAt, string? Answer);

/// <summary>Where the matter went (第33、37条): each link's work line, number, status (a string key), page, and whether it settled the matter.</summary>
public sealed record ChainLink(string WorkLine, string Number, string StatusKey, string? Link, bool Settled, bool Closed);

/// <summary>The petition as staff see it: identifiers masked; an accuser's identity absent (opened only by …/sealed-identity).</summary>
public sealed record PetitionView(
    Guid Id, string Number, PetitionChannel Channel, PetitionClass Class, MatterCategory Category, string Subject, string Request, string Facts, string Reasons,
    string Petitioner, string? IdNumber, string? Phone, string? Address, bool Sealed, int GroupSize, IReadOnlyList<string> Representatives,
    string? RepeatOf, Guid? RepeatOfId, DateTime ReceivedAt, PetitionStatus Status, DateOnly RouteDue, string? Handler, DateOnly? SendBackDue, int SentBack,
    DateTime? DecidedAt, string? DecisionReason, DivertRoute? Route, DateOnly? AnswerDue, int ExtendedBy, string? ExtensionReason, DateTime? AnsweredAt, string? Opinion,
    DateOnly? ReviewWindowDue, string? ReviewBody, DateOnly? ReviewDue, bool? ReviewUpheld, string? ReviewOpinion,
    DateOnly? ReReviewWindowDue, string? ReReviewBody, DateOnly? ReReviewDue, bool? ReReviewUpheld, string? ReReviewOpinion,
    int? Rating, string? Open311Client, IReadOnlyList<OversightView> Oversights, IReadOnlyList<ChainLink> Chain, IReadOnlyList<OpinionLink> Opinions,
    IReadOnlyList<PetitionStepView> Record, int SeenEvents, IReadOnlyList<PetitionAction> Allowed);

/// <summary>An accuser's identity, opened by a role the law allows, the read audited.</summary>
public sealed record SealedIdentity(string Name, string? IdNumber, string? Phone, string? Address);

/// <summary>A body a petition can be routed to.</summary>
public sealed record Body(Guid Id, string Name);

/// <summary>
/// Petitions from entry to re-review. Everything answers within the caller's data scope (the office's node, or the receiving body's
/// once routed), and every step goes through the platform's one case workflow.
/// </summary>
public sealed class PetitionService(
    FazhiDbContext db, DataScopeResolver scopes, CaseWorkflow workflow, ActorSource actors, TextSearch search, RecordCheck records, IConfiguration configuration,
    OrganisationDirectory directory, PersonalDataReads reads, MediationReferrals mediation, AidReferrals aid, LegalOpinions opinions)
{
    public async Task<IQueryable<Petition>> ScopedAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.Petitions.AsNoTracking().WithinScope(scope, p => p.DepartmentId, p => p.HandlerDepartmentId, _ => Guid.Empty);
    }

    public async Task<Paged<PetitionRow>> ListAsync(PetitionFilter f, CancellationToken ct = default)
    {
        var q = await ScopedAsync(ct);
        if (f.Status is { } s)
        {
            q = q.Where(p => p.Status == s);
        }

        if (f.Class is { } c)
        {
            q = q.Where(p => p.Class == c);
        }

        if (f.Channel is { } ch)
        {
            q = q.Where(p => p.Channel == ch);
        }

        if (f.Category is { } cat)
        {
            q = q.Where(p => p.Category == cat);
        }

        if (f.Overdue == true)
        {
            var today = (await actors.CurrentAsync(ct)).Today;
            // A staff limit passed (not the petitioner's window to ask for a review).
            q = q.Where(p => p.DueOn < today && p.Status != PetitionStatus.Answered && p.Status != PetitionStatus.Reviewed);
        }

        q = search.Filter(q, p => p.Id, PetitionsModule.SearchEntity, f.Q);
        var page = await q.OrderByDescending(p => p.ReceivedAt).ThenByDescending(p => p.Number)
            .Select(p => new
            {
                p.Id, p.Number, p.Channel, p.Class, p.Category, p.Subject, p.PetitionerName, p.Status, p.ReceivedAt, p.HandlerName, p.RepeatOfNumber,
                Due = p.Status == PetitionStatus.Answered || p.Status == PetitionStatus.Reviewed ? null : p.DueOn,
            })
            .ToPageAsync(f.Page, f.PageSize, ct);
        return page.With([.. page.Items.Select(p => new PetitionRow(p.Id, p.Number, p.Channel, p.Class, p.Category, p.Subject,
            p.Class == PetitionClass.Accusation ? "***" : Masking.Name(p.PetitionerName), p.Status, p.ReceivedAt, p.Due, p.HandlerName, p.RepeatOfNumber))]);
    }

    public async Task<Petition> GetAsync(Guid id, CancellationToken ct = default)
    {
        var p = await (await ScopedAsync(ct)).Include(x => x.Steps).Include(x => x.Oversights).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound();
        p.Steps.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return p;
    }

    public async Task<PetitionView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var p = await GetAsync(id, ct);
        var by = await actors.CurrentAsync(ct);
        return new PetitionView(
            p.Id, p.Number, p.Channel, p.Class, p.Category, p.Subject, p.Request, p.Facts, p.Reasons,
            p.IsSealed ? "***" : p.PetitionerName, p.PetitionerIdNumber is null ? null : Masking.IdNumber(p.PetitionerIdNumber),
            p.PetitionerPhone is null ? null : Masking.Phone(p.PetitionerPhone), p.PetitionerAddress is null ? null : Masking.Address(p.PetitionerAddress), p.IsSealed,
            p.GroupSize, p.Representatives, p.RepeatOfNumber, p.RepeatOfId, p.ReceivedAt, p.Status, p.RouteDeadline.DueDate, p.HandlerName, p.SendBackDeadline?.DueDate, p.SentBack,
            p.DecidedAt, p.DecisionReason, p.Route, p.AnswerDeadline?.DueDate, p.AnswerDeadline?.ExtendedBy ?? 0, p.ExtensionReason, p.AnsweredAt, p.Opinion,
            p.ReviewWindow?.DueDate, p.ReviewBody, p.ReviewDeadline?.DueDate, p.ReviewUpheld, p.ReviewOpinion,
            p.ReReviewWindow?.DueDate, p.ReReviewBody, p.ReReviewDeadline?.DueDate, p.ReReviewUpheld, p.ReReviewOpinion,
            p.Rating, p.Open311Client,
            [.. p.Oversights.OrderBy(o => o.At).Select(o => new OversightView(o.At, o.By, o.Request, o.Clock.DueDate, o.AnsweredAt, o.Answer))],
            await ChainAsync(p.MediationCaseId, staff: true, ct), await opinions.ForRecordAsync(PetitionsModule.ModuleName, p.Number, ct),
            [.. p.Steps.Select(s => new PetitionStepView(s.Sequence, s.At, s.Kind, s.ActorLabel, StepNote.Render(s.Note)))],
            p.Steps.Count, p.AvailableActions(by));
    }

    /// <summary>Where the matter went: the mediation case, and the legal-aid application it went on to, each through its module's public face.</summary>
    public async Task<IReadOnlyList<ChainLink>> ChainAsync(Guid? mediationCaseId, bool staff, CancellationToken ct = default)
    {
        if (mediationCaseId is not { } caseId)
        {
            return [];
        }

        var links = new List<ChainLink>();
        if ((await mediation.LinksAsync([caseId], ct)).GetValueOrDefault(caseId) is { } m)
        {
            links.Add(new ChainLink("mediation", m.Number, m.StatusKey, staff ? $"/mediation/cases/{m.Id}" : null, m.Settled, m.Closed));
            if (m.AidApplicationId is { } aidId && (await aid.LinksAsync([aidId], ct)).GetValueOrDefault(aidId) is { } a)
            {
                links.Add(new ChainLink("legalaid", a.Number, a.StatusKey, staff ? $"/legal-aid/applications/{a.Id}" : a.ProgressLink, a.Closed, a.Closed));
            }
        }

        return links;
    }

    /// <summary>第30条: the accuser's identity, for the petition office that entered it and the town's leadership; each read is audited.</summary>
    public async Task<SealedIdentity> OpenSealedAsync(Guid id, CancellationToken ct = default)
    {
        var p = await GetAsync(id, ct);
        var by = await actors.CurrentAsync(ct);
        Workflow.Check(p.Guard(PetitionAction.OpenSealed, by));
        await reads.RecordAsync(p.Id, "petitions.sealed_identity", p.Id.ToString(), "第30条", by, ct);
        return new SealedIdentity(p.SealedName ?? "", p.SealedIdNumber, p.SealedPhone, p.SealedAddress);
    }

    /// <summary>The petition office: the caller's own department when they work in it, else the configured one (Petitions:Office).</summary>
    public async Task<Guid> OfficeAsync(Actor by, CancellationToken ct)
    {
        if (by.IsIn(PetitionsRoles.PetitionOfficer) && by.DepartmentId is { } own)
        {
            return own;
        }

        return (await directory.ByCodeAsync(configuration["Petitions:Office"] ?? "TX-PET", ct))?.Id
            ?? throw new DomainException("petitions.no_office", "office", ErrorKind.Conflict);
    }

    /// <summary>The bodies a petition may be routed to: every active department but the office itself.</summary>
    public async Task<IReadOnlyList<Body>> BodiesAsync(CancellationToken ct = default)
    {
        var units = await directory.UnitsAsync(ct);
        var office = configuration["Petitions:Office"] ?? "TX-PET";
        return [.. units.Values.Where(u => u.IsActive && u.Kind == Platform.Organisation.Domain.OrgNodeKind.Department && u.Code != office)
            .OrderBy(u => u.Code, StringComparer.Ordinal).Select(u => new Body(u.Id, u.Name))];
    }

    /// <summary>Validates a registration (第19-20条) and returns it as the domain takes it.</summary>
    public static (Petition.Content Content, Petition.PetitionerInput Petitioner, int GroupSize, IReadOnlyList<string> Representatives) Check(RegisterRequest r)
    {
        var representatives = (r.Representatives ?? []).Where(x => !string.IsNullOrWhiteSpace(x)).Select(x => x.Trim()).ToList();
        var group = r.GroupSize ?? 1;
        new Validator()
            .Check(r.Channel is { } ch && Enum.IsDefined(ch), "channel", "required")
            .Check(r.Class is { } c && Enum.IsDefined(c), "class", "required")
            .Check(r.Category is { } cat && Enum.IsDefined(cat), "category", "required")
            .Required("subject", r.Subject, 100)
            .Required("request", r.Request, 2000)
            .Required("facts", r.Facts, 4000)
            .Required("reasons", r.Reasons, 2000)
            .Required("name", r.Name, 50)
            .Required("address", r.Address, 150)
            .Check(string.IsNullOrWhiteSpace(r.IdNumber) || Identifiers.IsValidIdNumber(r.IdNumber.Trim().ToUpperInvariant()), "idNumber", "intake.id_number_invalid")
            .Check(string.IsNullOrWhiteSpace(r.Phone) || Identifiers.IsPhone(r.Phone), "phone", "phone_format")
            .Check(group is >= 1 and <= 10_000, "groupSize", "petitions.group_size")
            // 第20条: a group visit sends representatives, at most five.
            .Check(group == 1 || representatives.Count >= 1, "representatives", "petitions.representatives_required")
            .Check(representatives.Count <= Petition.MaxRepresentatives, "representatives", "petitions.too_many_representatives", Petition.MaxRepresentatives)
            .Check(representatives.All(x => x.Length <= 50), "representatives", "petitions.representative_name")
            .Check(group == 1 || r.Channel == PetitionChannel.Visit, "groupSize", "petitions.group_visits_only")
            .ThrowIfInvalid();
        return (new Petition.Content(r.Channel!.Value, r.Class!.Value, r.Category!.Value, r.Subject!, r.Request!, r.Facts!, r.Reasons!),
            new Petition.PetitionerInput(r.Name!, r.IdNumber, r.Phone, r.Address), group, representatives);
    }

    /// <summary>Enters a petition (第21条); the same Idempotency-Key again returns the first. A repeat of the same matter is linked (第36条).</summary>
    public async Task<(PetitionCreated Created, bool Replayed)> RegisterAsync(RegisterRequest r, string? idempotencyKey, CancellationToken ct = default) =>
        await RegisterAsync(r, idempotencyKey, null, ct);

    public async Task<(PetitionCreated Created, bool Replayed)> RegisterAsync(RegisterRequest r, string? idempotencyKey, string? open311Client, CancellationToken ct)
    {
        Idempotency.Normalise(idempotencyKey);
        var (content, petitioner, group, representatives) = Check(r);
        var today = (await actors.CurrentAsync(ct)).Today;
        new Validator().Check(r.ReceivedOn is null || (r.ReceivedOn <= today && r.ReceivedOn >= today.AddDays(-30)), "receivedOn", "petitions.received_on_range").ThrowIfInvalid();
        return await workflow.CreateAsync(PetitionsModule.ModuleName, idempotencyKey,
            async by =>
            {
                var office = await OfficeAsync(by, ct);
                var (earlier, closed) = await RepeatOfAsync(petitioner, content.Class, content.Category, by.Now, ct);
                return Petition.Register(await NextNumberAsync(db, configuration, by.Today.Year, ct), office, content, petitioner, group, representatives, earlier, open311Client, by,
                    matterClosed: closed, receivedOn: r.ReceivedOn);
            },
            p => new PetitionCreated(p.Id, p.Number, p.QueryToken, p.Status, p.RepeatOfNumber),
            async id => await db.Petitions.AsNoTracking().Where(x => x.Id == id).Select(x => new PetitionCreated(x.Id, x.Number, x.QueryToken, x.Status, x.RepeatOfNumber)).SingleAsync(ct),
            ct);
    }

    /// <summary>How long a petition stays "the same matter" for the repeat check: a year from the latest of its chain.</summary>
    public static readonly TimeSpan RepeatWindow = TimeSpan.FromDays(365);

    /// <summary>
    /// The same matter by the same person (the blind index of the ID number or the phone, the same category), petitioned within
    /// the last year: the first petition of its chain, and whether any petition of the chain was re-reviewed (第36条). An
    /// accusation is never matched with another petition, in either direction: the link would name the accuser.
    /// </summary>
    public async Task<(Petition? First, bool Closed)> RepeatOfAsync(Petition.PetitionerInput who, PetitionClass cls, MatterCategory category, DateTime now, CancellationToken ct)
    {
        var id = string.IsNullOrWhiteSpace(who.IdNumber) ? null : who.IdNumber.Trim().ToUpperInvariant();
        var phone = string.IsNullOrWhiteSpace(who.Phone) ? null : who.Phone.Trim();
        if ((id is null && phone is null) || cls == PetitionClass.Accusation)
        {
            return (null, false);
        }

        var since = now - RepeatWindow;
        var same = db.Petitions.AsNoTracking().Where(p => p.Category == category && p.Class != PetitionClass.Accusation && p.ReceivedAt >= since);
        same = id is not null && phone is not null ? same.Where(p => p.IdLookup == id || p.PhoneLookup == phone)
            : id is not null ? same.Where(p => p.IdLookup == id) : same.Where(p => p.PhoneLookup == phone);
        var latest = await same.OrderByDescending(p => p.ReceivedAt).Select(p => new { p.Id, p.RepeatOfId }).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return (null, false);
        }

        var root = latest.RepeatOfId ?? latest.Id;
        var first = await db.Petitions.AsNoTracking().SingleAsync(p => p.Id == root, ct);
        var closed = await db.Petitions.AsNoTracking().AnyAsync(p => (p.Id == root || p.RepeatOfId == root) && p.ReReviewedAt != null, ct);
        return (first, closed);
    }

    public async Task<RecordCheckResult> CheckRecordAsync(Guid id, CancellationToken ct = default)
    {
        var p = await GetAsync(id, ct);
        return await records.CheckAsync(p.Id, p.Steps, ct);
    }

    public Task RouteAsync(Guid id, RouteRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (p, by) =>
    {
        Workflow.Check(p.Guard(PetitionAction.Route, by));
        var body = (await BodiesAsync(ct)).FirstOrDefault(b => b.Id == r.HandlerId) ?? throw DomainException.NotFound("handlerId");
        p.RouteTo(body.Id, body.Name, by);
    }, ct);

    public Task SendBackAsync(Guid id, PetitionReasonRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.SendBack(r.Reason, by), ct);

    public Task UnlinkAsync(Guid id, PetitionReasonRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.Unlink(r.Reason, by), ct);

    public Task AcceptAsync(Guid id, int? seen, CancellationToken ct = default) => ActAsync(id, seen, (p, by) => p.Accept(by), ct);

    public Task NotAcceptAsync(Guid id, PetitionReasonRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.NotAccept(r.Reason, by), ct);

    public Task DivertAsync(Guid id, DivertRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.Divert(r.Route, r.Where, by), ct);

    public Task ExtendAsync(Guid id, ExtendRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.Extend(r.Days, r.Reason, by), ct);

    public Task AnswerAsync(Guid id, OpinionRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.Answer(r.Opinion, by), ct);

    public Task RequestReviewAsync(Guid id, ReviewAskRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.RequestReview(r.Body, by), ct);

    public Task DecideReviewAsync(Guid id, ReviewDecisionRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.DecideReview(r.Upheld, r.Opinion, by), ct);

    public Task RequestReReviewAsync(Guid id, ReviewAskRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.RequestReReview(r.Body, by), ct);

    public Task DecideReReviewAsync(Guid id, ReviewDecisionRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.DecideReReview(r.Upheld, r.Opinion, by), ct);

    public Task OverseeAsync(Guid id, OversightRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.Oversee(r.Request, r.Days, by), ct);

    public Task AnswerOversightAsync(Guid id, OversightAnswerRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (p, by) => p.AnswerOversight(r.Answer, by), ct);

    /// <summary>
    /// 第33、37条: the visit opens a mediation case in one step, through Mediation's public face and in this step's save: the petitioner
    /// as the applicant, the other side as given, the request and facts carried over; each record links to the other.
    /// </summary>
    public async Task<ReferredCase> ReferToMediationAsync(Guid id, MediationRequest r, CancellationToken ct = default)
    {
        ReferredCase? made = null;
        await ActAsync(id, r.SeenEvents, async (p, by) =>
        {
            Workflow.Check(p.Guard(PetitionAction.ReferToMediation, by));
            new Validator().Required("respondent", r.Respondent, 100)
                .Check(string.IsNullOrWhiteSpace(r.RespondentPhone) || Identifiers.IsPhone(r.RespondentPhone), "respondentPhone", "phone_format")
                .MaxLength("respondentAddress", r.RespondentAddress, 150).ThrowIfInvalid();
            made = await mediation.OpenAsync(new MediationReferral(p.Number, $"/petitions/{p.Id}", r.DisputeType, p.Facts, p.Request,
            [
                new ReferredParty(p.IsSealed ? p.SealedName ?? "" : p.PetitionerName, true, p.PetitionerIdNumber, p.PetitionerPhone, p.PetitionerAddress),
                new ReferredParty(r.Respondent!.Trim(), false, null, r.RespondentPhone, r.RespondentAddress),
            ]), by, ct);
            p.ReferToMediation(made.Id, made.Number, by);
        }, ct);
        return made!;
    }

    /// <summary>Asks a legal advisor for a written opinion on the matter through Documents' public face, in this step's save; the request is on the asking body's register.</summary>
    public async Task<AskedOpinion> AskOpinionAsync(Guid id, PetitionOpinionRequest r, CancellationToken ct = default)
    {
        // A blind retry would ask twice: the page's record length is required.
        new Validator().Check(r.SeenEvents is not null, "seenEvents", "required").ThrowIfInvalid();
        AskedOpinion? made = null;
        await ActAsync(id, r.SeenEvents, async (p, by) =>
        {
            Workflow.Check(p.Guard(PetitionAction.AskOpinion, by));
            var owner = p.HandlerDepartmentId != Guid.Empty && by.ActsFor(p.HandlerDepartmentId) && by.IsIn(PetitionsRoles.Handler) ? p.HandlerDepartmentId : p.DepartmentId;
            made = await opinions.AskAsync(new OpinionAskFromRecord(r.Topic, p.Subject, r.Question, r.AdvisorId, r.WorkingDays, PetitionsModule.ModuleName, p.Number, $"/petitions/{p.Id}"),
                owner, by, ct);
            p.OpinionAsked(made.Number, made.AdvisorName, by);
        }, ct);
        return made!;
    }

    private Task<Petition> ActAsync(Guid id, int? seen, Func<Petition, Actor, Task> act, CancellationToken ct) =>
        workflow.ActAsync<Petition, PetitionStep>(
            scope => db.Petitions.WithinScope(scope, x => x.DepartmentId, x => x.HandlerDepartmentId, _ => Guid.Empty).Include(x => x.Steps).Include(x => x.Oversights).AsSplitQuery(),
            id, seen, act, ct: ct);

    private Task<Petition> ActAsync(Guid id, int? seen, Action<Petition, Actor> act, CancellationToken ct) =>
        ActAsync(id, seen, (p, by) =>
        {
            act(p, by);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The written documents (公文 form): the acceptance notice, the extension notice, the opinion (信访处理意见书), the review and re-review opinions.</summary>
    public async Task<(byte[] Bytes, string FileName)> DocumentAsync(Guid id, string kind, CancellationToken ct = default)
    {
        var p = await GetAsync(id, ct);
        var organ = p.HandlerName ?? configuration["Petitions:Organ"] ?? "塘厦镇信访办公室";
        var who = p.IsSealed ? "信访人" : p.PetitionerName;
        var received = ChinaTime.DateOf(p.ReceivedAt);
        OfficialDocument doc;
        DateOnly on;
        switch (kind)
        {
            case "notice" when p.DecidedAt is { } decided && p.Status is not (PetitionStatus.Registered or PetitionStatus.Routed)
                && (p.Status != PetitionStatus.Referred || p.Steps.Any(s => s.Kind == "accepted")):
                on = ChinaTime.DateOf(decided);
                var (title, body) = p.Status switch
                {
                    PetitionStatus.NotAccepted => ("不予受理告知书", "经审查，决定不予受理，理由如下：" + OfficialDocument.Sentence(p.DecisionReason ?? "")),
                    PetitionStatus.Diverted => ("信访事项告知书", $"经审查，你反映的事项应当通过{Text.In("petitions.route." + p.Route, english: false)}途径解决。请向{OfficialDocument.Sentence(p.DecisionReason ?? "")}"
                        + "根据《信访工作条例》第三十一条的规定，本机关不再按信访程序受理。"),
                    _ => ("信访事项受理告知书", p.Class == PetitionClass.Claim
                        ? "经审查，决定予以受理。根据《信访工作条例》第三十二条的规定，本机关将自受理之日起六十日内办结并书面答复；情况复杂的，可以适当延长，延长期限不超过三十日，并告知你延期理由。"
                        : "经审查，决定予以受理，将依照《信访工作条例》的规定办理。"),
                };
                doc = new OfficialDocument(title, p.Number, organ).Paragraph(who + "：")
                    .Paragraph($"你于{received:yyyy年M月d日}提出的信访事项（{p.Subject}）已收悉。" + body);
                break;
            case "extension" when p.AnswerDeadline is { ExtendedBy: > 0 } answer:
                on = ChinaTime.DateOf(p.Steps.Last(s => s.Kind == "extended").At);
                doc = new OfficialDocument("信访事项延期办理告知书", p.Number, organ).Paragraph(who + "：")
                    .Paragraph($"你于{received:yyyy年M月d日}提出的信访事项（{p.Subject}），因{OfficialDocument.Sentence(p.ExtensionReason ?? "").TrimEnd('。')}，根据《信访工作条例》第三十二条的规定，办理期限延长{answer.ExtendedBy}日，至{answer.DueDate:yyyy年M月d日}。");
                break;
            case "opinion" when p.Opinion is not null:
                on = ChinaTime.DateOf(p.AnsweredAt!.Value);
                doc = new OfficialDocument("信访处理意见书", p.Number, organ).Paragraph(who + "：")
                    .Paragraph($"你于{received:yyyy年M月d日}提出的信访事项（{p.Subject}）收悉。你的请求：{OfficialDocument.Sentence(p.Request)}")
                    .Paragraph("经调查核实，处理意见如下：" + OfficialDocument.Sentence(p.Opinion))
                    .Paragraph("如对本处理意见不服，可以自收到本意见书之日起三十日内向原办理机关的上一级行政机关请求复查（《信访工作条例》第三十五条）。");
                break;
            case "review" when p.ReviewOpinion is not null:
                on = ChinaTime.DateOf(p.ReviewedAt!.Value);
                doc = new OfficialDocument("信访事项复查意见书", p.Number, p.ReviewBody ?? organ).Paragraph(who + "：")
                    .Paragraph($"你对信访事项（{p.Subject}）的处理意见不服，于{ChinaTime.DateOf(p.ReviewRequestedAt!.Value):yyyy年M月d日}请求复查。经复查，"
                        + (p.ReviewUpheld == true ? "维持原处理意见。" : "变更原处理意见。") + OfficialDocument.Sentence(p.ReviewOpinion))
                    .Paragraph("如对复查意见不服，可以自收到本意见书之日起三十日内向复查机关的上一级行政机关请求复核（《信访工作条例》第三十六条）。");
                break;
            case "rereview" when p.ReReviewOpinion is not null:
                on = ChinaTime.DateOf(p.ReReviewedAt!.Value);
                doc = new OfficialDocument("信访事项复核意见书", p.Number, p.ReReviewBody ?? organ).Paragraph(who + "：")
                    .Paragraph($"你对信访事项（{p.Subject}）的复查意见不服，于{ChinaTime.DateOf(p.ReReviewRequestedAt!.Value):yyyy年M月d日}请求复核。经复核，"
                        + (p.ReReviewUpheld == true ? "维持复查意见。" : "变更复查意见。") + OfficialDocument.Sentence(p.ReReviewOpinion))
                    .Paragraph("根据《信访工作条例》第三十六条的规定，信访人对复核意见不服，仍以同一事实和理由提出信访请求的，不再受理。");
                break;
            case "notice" or "extension" or "opinion" or "review" or "rereview":
                throw new DomainException("petitions.no_such_document_yet", "kind", ErrorKind.Conflict);
            default:
                throw DomainException.NotFound("kind");
        }

        var names = new Dictionary<string, string>
        {
            ["notice"] = "告知书", ["extension"] = "延期办理告知书", ["opinion"] = "信访处理意见书", ["review"] = "复查意见书", ["rereview"] = "复核意见书",
        };
        return (doc.Issuer(organ + "（印章）", on).ToBytes(), $"{names[kind]}.docx");
    }

    /// <summary>The petitions' own yearly series: 塘信〔2026〕12号.</summary>
    public static async Task<string> NextNumberAsync(FazhiDbContext db, IConfiguration configuration, int year, CancellationToken ct)
    {
        var sequence = await NumberSeries.NextAsync(db, $"petition-{year}", 1, ct);
        var prefix = configuration["Petitions:NumberPrefix"] ?? "塘信";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{sequence}号");
    }
}

public static class PetitionsApi
{
    public static RouteGroupBuilder MapPetitions(this RouteGroupBuilder g)
    {
        g.MapGet("/", async ([AsParameters] PetitionQuery q, PetitionService s) => TypedResults.Ok(await s.ListAsync(q.Filter)))
            .WithSummary("The register in the caller's scope, newest first: petitioners masked, accusers sealed; filter by status, class, channel, matter, overdue, or number, subject and names.");
        g.MapGet("/export", async ([AsParameters] PetitionQuery q, PetitionService s, Text text) =>
                await ListExport.ExcelAsync(await s.ListAsync(q.Filter with { Page = 1, PageSize = Paging.ExportRows }), text, "petitions.xlsx",
                    new ListColumn<PetitionRow>("petitions.number", r => r.Number),
                    new ListColumn<PetitionRow>("petitions.received", r => r.ReceivedAt),
                    new ListColumn<PetitionRow>("petitions.channel", r => text["petitions.channel." + r.Channel].Value),
                    new ListColumn<PetitionRow>("petitions.class", r => text["petitions.class." + r.Class].Value),
                    new ListColumn<PetitionRow>("petitions.category", r => text["petitions.category." + r.Category].Value),
                    new ListColumn<PetitionRow>("petitions.subject", r => r.Subject),
                    new ListColumn<PetitionRow>("petitions.petitioner", r => r.Petitioner),
                    new ListColumn<PetitionRow>("petitions.handler", r => r.Handler ?? ""),
                    new ListColumn<PetitionRow>("petitions.due", r => r.DueDate),
                    new ListColumn<PetitionRow>("petitions.repeat_of", r => r.RepeatOf ?? ""),
                    new ListColumn<PetitionRow>("field.status", r => text["petitions.status." + r.Status].Value)))
            .WithSummary("The register as Excel: every petition the filter and search keep (up to 10,000), not only one page.").ProducesExcel();
        g.MapGet("/bodies", async (PetitionService s) => TypedResults.Ok(await s.BodiesAsync()))
            .WithSummary("The bodies a petition may be routed to.");
        g.MapGet("/dispute-types", (Text text) => TypedResults.Ok(MediationReferrals.DisputeTypes.Select(t => new DisputeTypeCode(t.Code, text[t.LabelKey].Value)).ToList()))
            .WithSummary("The dispute types a referral to mediation takes, with their labels.");
        g.MapGet("/{id:guid}", async (Guid id, PetitionService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .WithSummary("One petition with its clocks, decisions, opinions, oversight, where it went in the chain, its record, seenEvents and the actions allowed now.");
        g.MapGet("/{id:guid}/record/check", async (Guid id, PetitionService s) => TypedResults.Ok(await s.CheckRecordAsync(id)))
            .WithSummary("Checks the petition's record: its hash chain against the audit record and the signed heads.");
        g.MapPost("/{id:guid}/sealed-identity", async (Guid id, PetitionService s) => TypedResults.Ok(await s.OpenSealedAsync(id)))
            .WithSummary("第30条: an accuser's sealed identity, for the office that entered it and supervisors only (403 otherwise); every read is audited.");
        g.MapPost("/", async Task<Created<PetitionCreated>> (RegisterRequest r, [FromHeader(Name = "Idempotency-Key")] string? key, PetitionService s, HttpContext http) =>
        {
            var (created, replayed) = await s.RegisterAsync(r, key);
            if (replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }

            return TypedResults.Created($"/api/petitions/{created.Id}", created);
        }).RequireAuthorization(p => p.RequireRole(PetitionsRoles.PetitionOfficer)).WithSummary("第21条: enter a petition; it gets a number and a token. A repeat of the same matter is linked; after re-review it is entered as not accepted (第36条). Send an Idempotency-Key: a retry returns the first.");
        Step<RouteRequest>(g, "routing", (s, id, r) => s.RouteAsync(id, r), "第22条: routed to the body with the power to handle it (within 15 days of receipt).");
        Step<PetitionReasonRequest>(g, "unlink", (s, id, r) => s.UnlinkAsync(id, r), "Not the same matter: the office removes the automatic repeat link with the reason; a petition refused only as a closed matter's repeat is entered anew.");
        Step<PetitionReasonRequest>(g, "send-back", (s, id, r) => s.SendBackAsync(id, r), "Misrouted: sent back to the office within 5 working days, with why.");
        Action(g, "acceptance", (s, id, seen) => s.AcceptAsync(id, seen), "第23条: accepted, told in writing (documents/notice.docx); a claim's 60 days start.");
        Step<PetitionReasonRequest>(g, "non-acceptance", (s, id, r) => s.NotAcceptAsync(id, r), "第23条: not accepted, with the reason told in writing.");
        Step<DivertRequest>(g, "diversion", (s, id, r) => s.DivertAsync(id, r), "第31条: a matter for a court, arbitration, reconsideration or another route; the route told in writing.");
        g.MapPost("/{id:guid}/mediation", async (Guid id, MediationRequest r, PetitionService s) =>
            {
                var made = await s.ReferToMediationAsync(id, r);
                return TypedResults.Created($"/mediation/cases/{made.Id}", made);
            })
            .WithSummary("第33、37条: the visit opens a mediation case in one step (the petitioner and the other side, the request and facts carried over), linked both ways.");
        g.MapPost("/{id:guid}/legal-opinion", async (Guid id, PetitionOpinionRequest r, PetitionService s) =>
            {
                var made = await s.AskOpinionAsync(id, r);
                return TypedResults.Created($"/api/documents/opinions/{made.Id}", made);
            })
            .WithSummary("Asks a legal advisor under contract for a written opinion on the matter (Documents' public face): due in working days on the asking body's register, followed on the petition.");
        Step<ExtendRequest>(g, "extension", (s, id, r) => s.ExtendAsync(id, r), "第32条: up to 30 days more, once, with the reason; the petitioner told (documents/extension.docx).");
        Step<OpinionRequest>(g, "opinion", (s, id, r) => s.AnswerAsync(id, r), "第32条: the written opinion (信访处理意见书, documents/opinion.docx).");
        Step<ReviewAskRequest>(g, "review-request", (s, id, r) => s.RequestReviewAsync(id, r), "第35条: a review asked within 30 days of the opinion; decided within 30.");
        Step<ReviewDecisionRequest>(g, "review-decision", (s, id, r) => s.DecideReviewAsync(id, r), "第35条: the review decided by the body above (a supervisor): upheld or changed, with the opinion.");
        Step<ReviewAskRequest>(g, "rereview-request", (s, id, r) => s.RequestReReviewAsync(id, r), "第36条: a re-review asked within 30 days of the review; decided within 30.");
        Step<ReviewDecisionRequest>(g, "rereview-decision", (s, id, r) => s.DecideReReviewAsync(id, r), "第36条: the re-review decided: the matter is closed and not accepted again.");
        Step<OversightRequest>(g, "oversight", (s, id, r) => s.OverseeAsync(id, r), "第40条: 督办 of a slow body: what is asked and the working days to answer in writing.");
        Step<OversightAnswerRequest>(g, "oversight-answer", (s, id, r) => s.AnswerOversightAsync(id, r), "第40条: the body's written answer to the oversight.");
        g.MapGet("/{id:guid}/documents/{kind}.docx", async (Guid id, string kind, PetitionService s) =>
            {
                var (bytes, name) = await s.DocumentAsync(id, kind);
                return TypedResults.File(bytes, OfficialDocument.ContentType, name);
            })
            .WithSummary("The written documents in 公文 form: notice (acceptance, non-acceptance or diversion), extension, opinion (信访处理意见书), review, rereview.").ProducesWord();
        return g;
    }

    private static void Step<TRequest>(RouteGroupBuilder g, string path, Func<PetitionService, Guid, TRequest, Task> act, string summary) =>
        g.MapPost($"/{{id:guid}}/{path}", async (Guid id, TRequest r, PetitionService s) =>
        {
            await act(s, id, r);
            return TypedResults.NoContent();
        }).WithSummary(summary);

    private static void Action(RouteGroupBuilder g, string path, Func<PetitionService, Guid, int?, Task> act, string summary) =>
        g.MapPost($"/{{id:guid}}/{path}", async (Guid id, int? seenEvents, PetitionService s) =>
        {
            await act(s, id, seenEvents);
            return TypedResults.NoContent();
        }).WithSummary(summary + " seenEvents: the record's length the caller's page showed.");
}

public sealed record DisputeTypeCode(string Code, string Label);

public sealed record PetitionQuery(PetitionStatus? Status, PetitionClass? Class, PetitionChannel? Channel, MatterCategory? Category, bool? Overdue, string? Q, int? Page)
{
    public PetitionFilter Filter => new(Status, Class, Channel, Category, Overdue, Q, Page ?? 1);
}
