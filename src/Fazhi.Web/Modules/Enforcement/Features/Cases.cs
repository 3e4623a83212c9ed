using System.Security.Claims;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Data;
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
public sealed record OnTheSpotRequest(
    Guid? DepartmentId, CaseSource? LeadSource, string? Matter, string? ViolationFacts, DateOnly? ActOn, PartyInput? Party, IReadOnlyList<Guid>? OfficerIds,
    PenaltyKind? PenaltyKind, decimal? Fine, string? Provisions, string? Basis, Guid? DiscretionRuleId);

public sealed record OfficersRequest(IReadOnlyList<Guid>? OfficerIds);

public sealed record RecusalRequest(Guid? OfficerId, string? Reason);

public sealed record ReasonRequest(string? Reason);

public sealed record ExtensionRequest(string? Limit, int? Days, string? Reason);

public sealed record PreservationRequest(Guid? EvidenceId, string? Outcome);

public sealed record NoticeRequest(
    PenaltyKind? PenaltyKind, decimal? Fine, decimal? Confiscation, string? Provisions, string? Basis, Guid? DiscretionRuleId, bool MajorPublicInterest, bool Complex,
    DateOnly? ServedOn);

public sealed record StatementRequest(string? Statement, string? Recheck);

public sealed record HearingRequest(DateOnly? RequestedOn);

public sealed record HearingScheduleRequest(DateOnly? NoticedOn, DateOnly? HearingOn, string? Presider, string? Agents);

public sealed record HearingRecordRequest(bool PartyAbsent, string? Transcript);

public sealed record ReviewRequest(IReadOnlyList<ReviewPoint>? Failed, string? Opinion);

public sealed record DiscussionRequest(DateOnly? DiscussedOn, string? Participants, string? Conclusion);

public sealed record DecisionRequest(PenaltyKind? PenaltyKind, decimal? Fine, decimal? Confiscation, string? Performance);

public sealed record ServiceRequest(DateOnly? ServedOn, ServiceMethod? Method, bool ElectronicConsent);

public sealed record PaymentRequest(DateOnly? PaidOn, decimal? Amount);

public sealed record NoteRequest(string? Note);

public sealed record CaseFilter(CaseStatus? Status = null, Procedure? Procedure = null, Guid? DepartmentId = null, string? Q = null, int Page = 1);

/// <summary>A case in a list: the party masked, the clock that runs now.</summary>
public sealed record CaseRow(
    Guid Id, string Number, string Matter, string Party, CaseStatus Status, Procedure Procedure, DateTime RegisteredAt, string? DecisionNumber, DateOnly? DueDate);

public sealed record CaseCreated(Guid Id, string Number);

/// <summary>What the late fine comes to on a day (第72条).</summary>
public sealed record LateFineView(DateOnly On, decimal Fine, DateOnly? LastDayToPay, decimal LateFine, decimal Total);

/// <summary>
/// 行政处罚 cases as a department's officers, its head and the legality reviewers handle them. Everything answers within the
/// caller's data scope: another department's case is not there (404).
/// </summary>
public sealed class CaseService(
    FazhiDbContext db, DataScopeResolver scopes, WorkingDayCalendar calendar, TimeProvider time, IHttpContextAccessor http,
    OrganisationDirectory directory, IConfiguration configuration, EvidenceFiles files)
{
    private ClaimsPrincipal User => http.HttpContext?.User ?? new ClaimsPrincipal();

    private string UserName => User.Identity?.Name ?? "system";

    private async Task<CaseActor> ActorAsync(CancellationToken ct) =>
        new(UserName, await directory.DisplayNameAsync(UserName, ct) ?? UserName, time.GetUtcNow().UtcDateTime, ChinaTime.Today(time), calendar);

    public async Task<IQueryable<EnforcementCase>> ScopedAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.EnforcementCases.AsNoTracking().WithinScope(scope, c => c.DepartmentId, _ => Guid.Empty);
    }

    public async Task<DepartmentRules> RulesAsync(Guid departmentId, CancellationToken ct = default) =>
        DepartmentRules.For(configuration, (await directory.CodesAsync(ct)).GetValueOrDefault(departmentId, ""));

    public async Task<Paged<CaseRow>> ListAsync(CaseFilter f, CancellationToken ct = default)
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

        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var q = f.Q.Trim();
            cases = cases.Where(c => c.Number == q || c.DecisionNumber == q || c.Matter.Contains(q) || c.Party.Name.Contains(q));
        }

        var page = await cases.OrderByDescending(c => c.RegisteredAt).ThenByDescending(c => c.Id)
            .Select(c => new
            {
                c.Id, c.Number, c.Matter, PartyName = c.Party.Name, PartyKind = c.Party.Kind, c.Status, c.Procedure, c.RegisteredAt, c.DecisionNumber,
                FilingDue = (DateOnly?)c.Filing!.DueDate, DecisionDue = (DateOnly?)c.Decision!.DueDate, ServiceDue = (DateOnly?)c.Service!.DueDate, PaymentDue = (DateOnly?)c.Payment!.DueDate, c.PaidOn,
            })
            .ToPageAsync(f.Page, 50, ct);
        return page.With(page.Items.Select(c => new CaseRow(
            c.Id, c.Number, c.Matter, c.PartyKind == PartyKind.Person ? Masking.Name(c.PartyName) : c.PartyName, c.Status, c.Procedure, c.RegisteredAt, c.DecisionNumber,
            c.Status switch
            {
                CaseStatus.Registered => c.FilingDue,
                CaseStatus.Investigation or CaseStatus.Notified => c.DecisionDue,
                CaseStatus.Decided => c.ServiceDue,
                CaseStatus.Served when c.PaidOn is null => c.PaymentDue,
                _ => null,
            })).ToList());
    }

    public async Task<EnforcementCase> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var c = await Including(db.EnforcementCases.AsNoTracking().WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty))
            .SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        c.Steps.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return c;
    }

    /// <summary>The case as the API shows it: the party's identifiers masked (the Word documents carry them in full).</summary>
    public async Task<EnforcementCase> GetMaskedAsync(Guid id, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        var p = c.Party;
        if (p.Kind == PartyKind.Person)
        {
            (p.IdNumber, p.Phone, p.Address, p.Plate) = (p.IdNumber is null ? null : Masking.IdNumber(p.IdNumber), p.Phone is null ? null : Masking.Phone(p.Phone),
                p.Address is null ? null : Masking.Address(p.Address), DisclosureMasking.MaskPlate(p.Plate));
        }
        else
        {
            p.Phone = p.Phone is null ? null : Masking.Phone(p.Phone);
        }

        return c;
    }

    /// <summary>Registers a lead; the same Idempotency-Key again returns the first case.</summary>
    public async Task<(CaseCreated Case, bool Replayed)> RegisterAsync(RegisterCaseRequest r, string? idempotencyKey, CancellationToken ct = default)
    {
        var key = Key(idempotencyKey);
        if (await EarlierAsync(key, ct) is { } earlier)
        {
            return (earlier, true);
        }

        var v = new Validator()
            .Check(r.LeadSource is { } s && Enum.IsDefined(s), "leadSource", "required")
            .Required("matter", r.Matter, 300).Required("violationFacts", r.ViolationFacts, 4000).MaxLength("sourceNote", r.SourceNote, 200)
            .Check(r.ActOn is not null, "actOn", "required").Check(r.DiscoveredOn is not null, "discoveredOn", "required");
        var party = ReadParty(r.Party, v);
        v.ThrowIfInvalid();
        var department = await DepartmentAsync(r.DepartmentId, ct);
        var rules = await RulesAsync(department, ct);
        var officers = await OfficersAsync(department, r.OfficerIds ?? [], ct);
        var actor = await ActorAsync(ct);
        return await CreateAsync(key, async () =>
        {
            var number = await NextNumberAsync(department, "立", actor.Today.Year, ct);
            var c = EnforcementCase.Register(number, department, rules, r.LeadSource!.Value, r.SourceNote, r.Matter!, r.ViolationFacts!, r.ActOn!.Value, r.DiscoveredOn!.Value, r.InvolvesSafety, party, key, actor);
            foreach (var (o, i) in officers.Select((o, i) => (o, i)))
            {
                c.Assign(o, i == 0 ? OfficerRole.Lead : OfficerRole.Assisting, actor);
            }

            return c;
        }, ct);
    }

    /// <summary>简易程序: the decision is made and handed over on the spot; it is published like any penalty.</summary>
    public async Task<(CaseCreated Case, bool Replayed)> OnTheSpotAsync(OnTheSpotRequest r, string? idempotencyKey, CancellationToken ct = default)
    {
        var key = Key(idempotencyKey);
        if (await EarlierAsync(key, ct) is { } earlier)
        {
            return (earlier, true);
        }

        var v = new Validator()
            .Check(r.LeadSource is { } s && Enum.IsDefined(s), "leadSource", "required")
            .Check(r.PenaltyKind is { } k && Enum.IsDefined(k), "penaltyKind", "required")
            .Required("matter", r.Matter, 300).Required("violationFacts", r.ViolationFacts, 4000).Required("provisions", r.Provisions, 1000).Required("basis", r.Basis, 1000)
            .Check(r.ActOn is not null, "actOn", "required");
        var party = ReadParty(r.Party, v);
        v.ThrowIfInvalid();
        var department = await DepartmentAsync(r.DepartmentId, ct);
        var officers = await OfficersAsync(department, r.OfficerIds ?? [], ct);
        var rule = await RuleAsync(r.DiscretionRuleId, ct);
        var actor = await ActorAsync(ct);
        var rules = await RulesAsync(department, ct);
        return await CreateAsync(key, async () =>
        {
            var number = await NextNumberAsync(department, "简", actor.Today.Year, ct);
            var decision = await NextNumberAsync(department, "简罚", actor.Today.Year, ct);
            var c = EnforcementCase.OnTheSpot(number, decision, department, r.LeadSource!.Value, r.Matter!, r.ViolationFacts!, r.ActOn!.Value, party, officers, r.PenaltyKind!.Value,
                r.Fine ?? 0, r.Provisions!, r.Basis!, rule, key, actor);
            db.Publications.Add(PublicationOf(c, rules));
            return c;
        }, ct);
    }

    public Task AssignAsync(Guid id, OfficersRequest r, CancellationToken ct = default) => ActAsync(id, async (c, a) =>
    {
        foreach (var o in await OfficersAsync(c.DepartmentId, r.OfficerIds ?? [], ct, atLeastTwo: false))
        {
            c.Assign(o, c.ActiveOfficers.Any() ? OfficerRole.Assisting : OfficerRole.Lead, a);
        }
    }, ct);

    public Task RecuseAsync(Guid id, RecusalRequest r, CancellationToken ct = default) =>
        ActAsync(id, (c, a) => c.Recuse(r.OfficerId ?? throw new DomainException("required", "officerId"), r.Reason, a), ct);

    /// <summary>立案审批: the department's head (an officer marked as head, or a supervisor).</summary>
    public Task ApproveFilingAsync(Guid id, CancellationToken ct = default) => ActAsync(id, async (c, a) =>
    {
        await CheckHeadAsync(c.DepartmentId, ct);
        c.ApproveFiling(a);
    }, ct);

    public Task RefuseFilingAsync(Guid id, ReasonRequest r, CancellationToken ct = default) => ActAsync(id, async (c, a) =>
    {
        await CheckHeadAsync(c.DepartmentId, ct);
        c.RefuseFiling(r.Reason, a);
    }, ct);

    public Task ExtendAsync(Guid id, ExtensionRequest r, CancellationToken ct = default) => ActAsync(id, async (c, a) =>
    {
        await CheckHeadAsync(c.DepartmentId, ct);
        c.Extend(r.Limit ?? "", r.Days ?? 0, r.Reason, await RulesAsync(c.DepartmentId, ct), a);
    }, ct);

    /// <summary>Evidence, with its file when there is one (audio and video are accepted: evidence is collected on the spot).</summary>
    public async Task<Guid> EvidenceAsync(Guid id, EvidenceKind kind, string? title, bool preserve, Stream? file, CancellationToken ct = default)
    {
        var stored = file is null ? null : await files.SaveAsync(file, "file", ct);
        var evidenceId = Guid.Empty;
        await ActAsync(id, (c, a) => evidenceId = c.AddEvidence(kind, title, preserve, stored?.Sha256, stored?.ContentType, stored?.Size, a).Id, ct);
        return evidenceId;
    }

    public Task PreservationAsync(Guid id, PreservationRequest r, CancellationToken ct = default) =>
        ActAsync(id, (c, a) => c.DecidePreservation(r.EvidenceId ?? throw new DomainException("required", "evidenceId"), r.Outcome, a), ct);

    /// <summary>Steps that happen on the spot: an audio or video file is accepted for these only (118号文).</summary>
    public static readonly IReadOnlySet<string> OnSiteSteps = new HashSet<string>(StringComparer.Ordinal) { "inspection", "evidence", "preservation", "seizure", "enforcement", "on_the_spot", "service", "hearing" };

    /// <summary>A file or a note added to the full-process record.</summary>
    public async Task AttachAsync(Guid id, string? kind, string? note, Stream? file, string? fileName, CancellationToken ct = default)
    {
        new Validator().Required("kind", kind, 40).MaxLength("note", note, 2000).Check(file is not null || !string.IsNullOrWhiteSpace(note), "note", "required").ThrowIfInvalid();
        var stored = file is null ? null : await files.SaveAsync(file, "file", ct);
        if (stored is { IsAudioVideo: true } && !OnSiteSteps.Contains(kind!))
        {
            throw new DomainException("enforcement.av_on_site_only", "kind", ErrorKind.Invalid);
        }

        await ActAsync(id, (c, a) => c.Attach(kind!.Trim(), note?.Trim(), stored?.Sha256, Path.GetFileName(fileName), stored?.ContentType, a), ct);
    }

    public async Task<(Stream Content, string ContentType, string Name)> FileAsync(Guid id, string sha256, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        var step = c.Steps.FirstOrDefault(s => s.FileSha256 == sha256);
        if (step is null || !files.Exists(sha256))
        {
            throw DomainException.NotFound("sha256");
        }

        return (files.Open(sha256), step.ContentType ?? "application/octet-stream", step.FileName ?? sha256);
    }

    public Task NoticeAsync(Guid id, NoticeRequest r, CancellationToken ct = default) => ActAsync(id, async (c, a) =>
    {
        new Validator().Check(r.PenaltyKind is { } k && Enum.IsDefined(k), "penaltyKind", "required").ThrowIfInvalid();
        c.IssueNotice(r.PenaltyKind!.Value, r.Fine ?? 0, r.Confiscation ?? 0, r.Provisions, r.Basis, await RuleAsync(r.DiscretionRuleId, ct), r.MajorPublicInterest, r.Complex,
            r.ServedOn ?? a.Today, await RulesAsync(c.DepartmentId, ct), a);
    }, ct);

    public Task StatementAsync(Guid id, StatementRequest r, CancellationToken ct = default) => ActAsync(id, (c, a) => c.RecordStatement(r.Statement, r.Recheck, a), ct);

    public Task HearingRequestAsync(Guid id, HearingRequest r, CancellationToken ct = default) => ActAsync(id, (c, a) => c.RequestHearing(r.RequestedOn ?? a.Today, a), ct);

    public Task HearingWaiverAsync(Guid id, CancellationToken ct = default) => ActAsync(id, (c, a) => c.WaiveHearing(a), ct);

    public Task HearingScheduleAsync(Guid id, HearingScheduleRequest r, CancellationToken ct = default) => ActAsync(id, (c, a) =>
    {
        new Validator().Check(r.HearingOn is not null, "hearingOn", "required").ThrowIfInvalid();
        c.ScheduleHearing(r.NoticedOn ?? a.Today, r.HearingOn!.Value, r.Presider, r.Agents, a);
    }, ct);

    public Task HearingRecordAsync(Guid id, HearingRecordRequest r, CancellationToken ct = default) => ActAsync(id, (c, a) => c.HoldHearing(r.PartyAbsent, r.Transcript, a), ct);

    public Task SubmitReviewAsync(Guid id, CancellationToken ct = default) => ActAsync(id, (c, a) => c.SubmitForReview(a), ct);

    /// <summary>法制审核 by a registered legality reviewer.</summary>
    public Task ReviewAsync(Guid id, ReviewRequest r, CancellationToken ct = default) => ActAsync(id, async (c, a) =>
    {
        if (!User.IsInRole(EnforcementRoles.LegalityReviewer))
        {
            throw new DomainException("enforcement.reviewers_only", "reviewer", ErrorKind.Forbidden);
        }

        var reviewer = await db.LegalReviewers.AsNoTracking().SingleOrDefaultAsync(x => x.UserName == a.UserName && x.IsActive, ct)
            ?? throw new DomainException("enforcement.reviewer_unregistered", "reviewer", ErrorKind.Forbidden);
        c.Review(reviewer, [.. (r.Failed ?? []).Where(Enum.IsDefined)], r.Opinion, a);
    }, ct);

    public Task DiscussionAsync(Guid id, DiscussionRequest r, CancellationToken ct = default) =>
        ActAsync(id, (c, a) => c.Discuss(r.DiscussedOn ?? a.Today, r.Participants, r.Conclusion, a), ct);

    /// <summary>行政处罚决定: numbered in the department's yearly series; its publication falls due in 7 working days.</summary>
    public Task DecideAsync(Guid id, DecisionRequest r, CancellationToken ct = default) => ActAsync(id, async (c, a) =>
    {
        new Validator().Check(r.PenaltyKind is { } k && Enum.IsDefined(k), "penaltyKind", "required").ThrowIfInvalid();
        var rules = await RulesAsync(c.DepartmentId, ct);
        if (c.DecisionBlocker(r.PenaltyKind!.Value, r.Fine ?? 0, r.Confiscation ?? 0, rules, a.Today) is { } blocker)
        {
            throw new DomainException(blocker, "action", ErrorKind.Conflict);
        }

        var number = await NextNumberAsync(c.DepartmentId, r.PenaltyKind == PenaltyKind.NoPenalty ? "不罚" : "罚", a.Today.Year, ct);
        c.Decide(number, r.PenaltyKind!.Value, r.Fine ?? 0, r.Confiscation ?? 0, r.Performance, rules, a);
        db.Publications.Add(PublicationOf(c, rules));
    }, ct);

    public Task ServeAsync(Guid id, ServiceRequest r, CancellationToken ct = default) => ActAsync(id, (c, a) =>
    {
        new Validator().Check(r.Method is { } m && Enum.IsDefined(m), "method", "required").ThrowIfInvalid();
        c.Serve(r.ServedOn ?? a.Today, r.Method!.Value, r.ElectronicConsent, a);
    }, ct);

    public Task PaymentAsync(Guid id, PaymentRequest r, CancellationToken ct = default) => ActAsync(id, (c, a) =>
    {
        new Validator().Check(r.Amount is > 0, "amount", "required").ThrowIfInvalid();
        c.RecordPayment(r.PaidOn ?? a.Today, r.Amount!.Value, a);
    }, ct);

    public async Task<LateFineView> LateFineAsync(Guid id, DateOnly? on, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        var day = on ?? ChinaTime.Today(time);
        var late = c.LateFineOn(day);
        return new LateFineView(day, c.Fine, c.Payment?.DueDate, late, c.Fine + late);
    }

    public Task CloseAsync(Guid id, NoteRequest r, CancellationToken ct = default) => ActAsync(id, (c, a) => c.Close(r.Note, a), ct);

    /// <summary>归档 with the file number 〔year〕department-卷-sequence.</summary>
    public Task ArchiveAsync(Guid id, CancellationToken ct = default) => ActAsync(id, async (c, a) =>
    {
        var code = (await directory.CodesAsync(ct)).GetValueOrDefault(c.DepartmentId, "ENF");
        var sequence = await NumberSeries.NextAsync(db, $"enf-archive-{code}-{a.Today.Year}", 1, ct);
        c.Archive(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{code}-{a.Today.Year}-处罚-{sequence:0000}"), a);
    }, ct);

    /// <summary>撤销或者变更: the publication is withdrawn within 3 working days (or never goes up).</summary>
    public Task RevokeAsync(Guid id, ReasonRequest r, CancellationToken ct = default) => ActAsync(id, async (c, a) =>
    {
        await CheckHeadAsync(c.DepartmentId, ct);
        c.Revoke(r.Reason, a);
        foreach (var p in await db.Publications.Where(p => p.CaseId == c.Id && p.Status != PublicationStatus.Withdrawn).ToListAsync(ct))
        {
            p.DecisionRevoked(a.Today, c.RevocationReason!, calendar);
        }
    }, ct);

    public async Task<int?> VerifyRecordAsync(Guid id, CancellationToken ct = default) => (await GetAsync(id, ct)).BrokenAt();

    /// <summary>The publication of a decision: the masked party and text, due in 7 working days (20 for other decisions).</summary>
    public Publication PublicationOf(EnforcementCase c, DepartmentRules rules)
    {
        var masking = DisclosureMasking.From(configuration);
        var content = $"违法事实：{c.Facts}\n违反条款：{c.Provisions}\n处罚依据：{c.Basis}\n处罚内容：{Texts.Penalty(c.PenaltyKind!.Value)}" +
            (c.Fine > 0 ? $"，罚款人民币{c.Fine:0.##}元" : "") + (c.Confiscation > 0 ? $"，没收违法所得{c.Confiscation:0.##}元" : "") +
            (c.DiscretionCitation is null ? "" : $"\n适用裁量基准：{c.DiscretionCitation}");
        return Publication.Prepare(c.DepartmentId, c.Id, null, c.PenaltyKind == PenaltyKind.NoPenalty ? PublicationKind.Other : PublicationKind.Penalty,
            c.DecisionNumber!, c.Matter, DisclosureMasking.PartyName(c.Party), masking.Mask(content, c.Party), c.Fine, c.DecidedOn!.Value, calendar);
    }

    public static IQueryable<EnforcementCase> Including(IQueryable<EnforcementCase> q) =>
        q.Include(x => x.Party).Include(x => x.Officers).Include(x => x.Evidence).Include(x => x.Reviews).Include(x => x.Extensions).Include(x => x.Steps).AsSplitQuery();

    /// <summary>A department's yearly series: 塘市监罚〔2026〕12号 (its short name, the kind, the year, the sequence).</summary>
    public async Task<string> NextNumberAsync(Guid departmentId, string kind, int year, CancellationToken ct)
    {
        var code = (await directory.CodesAsync(ct)).GetValueOrDefault(departmentId, "ENF");
        var prefix = DepartmentRules.For(configuration, code).Abbreviation ?? code;
        var sequence = await NumberSeries.NextAsync(db, $"enf-{code}-{kind}-{year}", 1, ct);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}{kind}〔{year}〕{sequence}号");
    }

    private static string? Key(string? idempotencyKey)
    {
        var key = string.IsNullOrWhiteSpace(idempotencyKey) ? null : idempotencyKey.Trim();
        return key is { Length: > 100 } ? throw new DomainException("too_long", "Idempotency-Key", ErrorKind.Invalid, 100) : key;
    }

    private async Task<CaseCreated?> EarlierAsync(string? key, CancellationToken ct) =>
        key is null ? null : await db.EnforcementCases.AsNoTracking().Where(c => c.IdempotencyKey == key).Select(c => new CaseCreated(c.Id, c.Number)).FirstOrDefaultAsync(ct);

    private async Task<(CaseCreated Case, bool Replayed)> CreateAsync(string? key, Func<Task<EnforcementCase>> make, CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        var c = await make();
        db.EnforcementCases.Add(c);
        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException) when (key is not null)
        {
            // Two requests with one key at once: the other one's case stands.
            await tx.DisposeAsync();
            db.ChangeTracker.Clear();
            return await EarlierAsync(key, ct) is { } first ? (first, true) : throw new DomainException("concurrency_conflict", null, ErrorKind.Conflict);
        }

        return (new CaseCreated(c.Id, c.Number), false);
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
            Representative = Clean(p.Representative),
        };
    }

    /// <summary>The department a new case belongs to: the one named (within the caller's scope and enforcing the law), else the caller's own.</summary>
    private async Task<Guid> DepartmentAsync(Guid? named, CancellationToken ct)
    {
        var scope = await scopes.CurrentAsync(ct);
        var department = named ?? (Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var staff) ? await directory.DepartmentOfAsync(staff, ct) : null);
        var units = await directory.UnitsAsync(ct);
        if (department is not { } d || !units.TryGetValue(d, out var unit) || !unit.EnforcesLaw || !scope.Allows(d, null))
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

    /// <summary>负责人: a supervisor, or an officer of the department marked as its head.</summary>
    private async Task CheckHeadAsync(Guid department, CancellationToken ct)
    {
        if (User.IsInRole(Roles.Supervisor))
        {
            return;
        }

        var name = UserName;
        if (!await db.Officers.AnyAsync(o => o.UserName == name && o.DepartmentId == department && o.IsHead, ct))
        {
            throw new DomainException("enforcement.head_only", "action", ErrorKind.Forbidden);
        }
    }

    private async Task ActAsync(Guid id, Action<EnforcementCase, CaseActor> act, CancellationToken ct) =>
        await ActAsync(id, (c, a) =>
        {
            act(c, a);
            return Task.CompletedTask;
        }, ct);

    private async Task ActAsync(Guid id, Func<EnforcementCase, CaseActor, Task> act, CancellationToken ct)
    {
        var scope = await scopes.CurrentAsync(ct);
        var c = await Including(db.EnforcementCases.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty)).SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound();
        await using var tx = await db.BeginWriteAsync(ct);
        await act(c, await ActorAsync(ct));

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed the case in between: the page is out of date.
            throw new DomainException("enforcement.changed_meanwhile", "action", ErrorKind.Conflict);
        }
    }
}
