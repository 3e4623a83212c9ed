using System.Security.Claims;
using Fazhi.Web.Modules.Mediation.Data;
using Fazhi.Web.Modules.Mediation.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Notifications;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Mediation.Features;

public sealed record PartyInput(PartySide? Side, PartyKind? Kind, string? Name, string? IdNumber, string? Phone, string? Address);

/// <summary>登记: a dispute, its parties and mediators, where it came from.</summary>
public sealed record RegisterCaseRequest(
    Guid? CommitteeId, Guid? RoomId, DisputeType? DisputeType, CaseSource? CaseSource, string? ReferredBy, string? Facts, string? Claims,
    IReadOnlyList<PartyInput>? Parties, IReadOnlyList<Guid>? MediatorIds);

/// <summary>A session: held (with its record), or only scheduled (<c>Scheduled</c> true, no record yet). <c>SessionId</c> completes a scheduled one.</summary>
public sealed record SessionRequest(DateTime? At, Guid? RoomId, IReadOnlyList<Guid>? MediatorIds, string? Attendees, string? Record, bool Scheduled = false, Guid? SessionId = null) : StepRequest;

/// <summary>A written agreement; <c>familyMatter</c> (what it settles) is required for a marriage-and-family dispute.</summary>
public sealed record WrittenAgreementRequest(string? Facts, string? Terms, string? Performance, DateOnly? PerformBy, DateOnly? EffectiveOn, FamilyMatter? FamilyMatter = null) : StepRequest;

/// <summary>告知权利义务 given to the parties: how (in writing, signed; or orally, with who was there).</summary>
public sealed record RightsNoticeRequest(string? How) : StepRequest;

/// <summary>A party's phone in full, revealed to the case's mediator to call them (the reveal is audited).</summary>
public sealed record PartyPhone(Guid PartyId, string Name, string Phone);

public sealed record OralAgreementRequest(string? Terms, DateOnly? PerformBy) : StepRequest;

public sealed record OutcomeNoteRequest(string? Note) : StepRequest;

/// <summary>
/// A dispute mediation could not settle, on to legal aid in one step (信访工作条例 第37条): the matter type and the ground of the
/// economic test (codes Legal aid gives: <c>GET /api/mediation/legal-aid-codes</c>), the declared means when the ground is
/// <c>Declared</c>. The applicant, the other side and the facts come from the case.
/// </summary>
public sealed record AidReferralRequest(string? MatterType, string? Ground, decimal? MonthlyIncome, int? Household) : StepRequest;

public sealed record AidCodes(IReadOnlyList<CodeLabel> Matters, IReadOnlyList<CodeLabel> Grounds);

public sealed record CodeLabel(string Code, string Label);

public sealed record FollowUpRequest(Guid? FollowUpId, bool? Performed, string? Note) : StepRequest;

/// <summary>司法确认申请: the court, the day, and the parties applying (all of them: a joint application).</summary>
public sealed record ConfirmationRequest(DateOnly? AppliedOn, string? Court, IReadOnlyList<Guid>? PartyIds = null) : StepRequest;

/// <summary>The court's steps as they happen: acceptance, an extension of its 15 days (by 10, with its president's approval), the decision.</summary>
public sealed record CourtRequest(DateOnly? AcceptedOn, DateOnly? DecidedOn, bool? Confirmed, bool Extended = false) : StepRequest;

public sealed record ClassRequest(DifficultyClass? Class) : StepRequest;

public sealed record CaseFilter(CaseStatus? Status = null, DisputeType? Type = null, Guid? CommitteeId = null, string? Q = null, int Page = 1, int PageSize = 50);

/// <summary>A case in a list: the parties' names masked.</summary>
public sealed record CaseRow(Guid Id, string Number, DisputeType Type, CaseSource Source, CaseStatus Status, string Parties, DateTime RegisteredAt, DateOnly DueDate, bool ViolenceRisk);

public sealed record CaseCreated(Guid Id, string Number);

/// <summary>
/// 人民调解 cases as their committee's staff handle them: registration, consent, sessions, outcomes, follow-ups,
/// judicial confirmation, violence risk and the subsidy class. Everything answers within the caller's data scope, and
/// every step goes through the platform's one case workflow.
/// </summary>
public sealed class CaseService(
    FazhiDbContext db, DataScopeResolver scopes, CaseWorkflow workflow, ActorSource actors, TextSearch search, RecordCheck records, TimeProvider time, Text text,
    Platform.Audit.PersonalDataReads reads, Platform.Deadlines.SystemAlerts alerts, Platform.Organisation.OrganisationDirectory directory,
    LegalAid.Contracts.AidReferrals aid)
{
    public async Task<IQueryable<MediationCase>> ScopedAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        // Cases belong to their committee's node; the "self" scope sees none.
        return db.MediationCases.AsNoTracking().WithinScope(scope, c => c.DepartmentId, _ => Guid.Empty);
    }

    public async Task<IQueryable<MediationCommittee>> ScopedCommitteesAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.Committees.AsNoTracking().WithinScope(scope, c => c.DepartmentId, _ => Guid.Empty);
    }

    public async Task<Paged<CaseRow>> ListAsync(CaseFilter f, CancellationToken ct = default)
    {
        var page = await FilteredAsync(f, ct).ContinueWith(t => t.Result.OrderByDescending(c => c.RegisteredAt).ThenByDescending(c => c.Number)
            .Select(c => new { c.Id, c.Number, c.Type, c.Source, c.Status, c.RegisteredAt, Due = c.Clock.DueDate, c.ViolenceRisk })
            .ToPageAsync(f.Page, f.PageSize, ct), ct).Unwrap();
        var ids = page.Items.Select(c => c.Id).ToList();
        var names = (await db.Set<Party>().AsNoTracking().Where(p => ids.Contains(p.CaseId)).OrderBy(p => p.Side).Select(p => new { p.CaseId, p.Name }).ToListAsync(ct))
            .GroupBy(p => p.CaseId).ToDictionary(g => g.Key, g => string.Join("、", g.Select(p => Masking.Name(p.Name))));
        return page.With(page.Items.Select(c => new CaseRow(c.Id, c.Number, c.Type, c.Source, c.Status, names.GetValueOrDefault(c.Id, ""), c.RegisteredAt, c.Due, c.ViolenceRisk)).ToList());
    }

    /// <summary>The cases of the caller's scope that pass the filter; the words of <c>q</c> match the number (in part) and the parties' names.</summary>
    private async Task<IQueryable<MediationCase>> FilteredAsync(CaseFilter f, CancellationToken ct)
    {
        var cases = await ScopedAsync(ct);
        if (f.Status is { } s)
        {
            cases = cases.Where(c => c.Status == s);
        }

        if (f.Type is { } t)
        {
            cases = cases.Where(c => c.Type == t);
        }

        if (f.CommitteeId is { } committee)
        {
            cases = cases.Where(c => c.CommitteeId == committee);
        }

        return search.Filter(cases, c => c.Id, MediationModule.SearchEntity, f.Q);
    }

    /// <summary>The case with everything the handling staff need, personal data included (its pages and documents).</summary>
    public async Task<MediationCase> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var c = await Including(db.MediationCases.AsNoTracking().WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty)).SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound();
        Sort(c);
        return c;
    }

    /// <summary>The case as the API shows it: a read model, the parties' ID numbers, phones and addresses masked (the Word documents carry them in full).</summary>
    public async Task<MediationCaseView> ViewAsync(Guid id, CancellationToken ct = default) =>
        MediationCaseView.Of(await GetAsync(id, ct), await actors.CurrentAsync(ct));

    /// <summary>Registers a dispute; the same Idempotency-Key again returns the first case, and another scope's key is refused.</summary>
    public async Task<(CaseCreated Case, bool Replayed)> RegisterAsync(RegisterCaseRequest r, string? idempotencyKey, CancellationToken ct = default)
    {
        Idempotency.Normalise(idempotencyKey);
        var v = new Validator()
            .Check(r.CommitteeId is not null, "committeeId", "required")
            .Check(r.DisputeType is { } t && Enum.IsDefined(t), "disputeType", "required")
            .Check(r.CaseSource is { } s && Enum.IsDefined(s), "caseSource", "required")
            .Required("facts", r.Facts, 4000)
            .MaxLength("claims", r.Claims, 2000)
            .MaxLength("referredBy", r.ReferredBy, 100)
            .Check(r.Parties is { Count: >= 2 } && r.Parties.Any(p => p.Side == PartySide.Applicant) && r.Parties.Any(p => p.Side == PartySide.Respondent), "parties", "mediation.parties_required")
            .Check(r.MediatorIds is { Count: > 0 }, "mediatorIds", "required");
        var parties = new List<Party>();
        foreach (var (p, i) in (r.Parties ?? []).Select((p, i) => (p, i)))
        {
            v.Required($"parties[{i}].name", p.Name, 100)
                .Check(p.Side is null || Enum.IsDefined(p.Side.Value), $"parties[{i}].side", "required")
                .Check(p.IdNumber is null or "" || Identifiers.IsValidIdNumber(p.IdNumber.Trim().ToUpperInvariant()), $"parties[{i}].idNumber", "intake.id_number_invalid")
                .Check(string.IsNullOrWhiteSpace(p.Phone) || Identifiers.IsPhone(p.Phone), $"parties[{i}].phone", "phone_format")
                .MaxLength($"parties[{i}].address", p.Address, 150);
            var side = p.Side ?? PartySide.Applicant;
            // An applicant asks for mediation: that is consent (第17条). The other side's is recorded when given.
            parties.Add(Party.Create(side, p.Kind ?? PartyKind.Person, p.Name ?? "", p.IdNumber, p.Phone, p.Address,
                consented: side == PartySide.Applicant && r.CaseSource == Domain.CaseSource.Application));
        }

        v.ThrowIfInvalid();
        var committee = await VisibleCommitteeAsync(r.CommitteeId!.Value, ct);
        await CheckRoomAsync(committee.Id, r.RoomId, ct);
        await CheckMediatorsAsync(committee.Id, r.MediatorIds!, ct);
        return await workflow.CreateAsync(MediationModule.ModuleName, idempotencyKey,
            async by => MediationCase.Register(await NextNumberAsync(db, committee, by.Today.Year, ct), committee, r.RoomId, r.DisputeType!.Value, r.CaseSource!.Value,
                r.ReferredBy, r.Facts!, r.Claims ?? "", parties, r.MediatorIds!, by),
            c => new CaseCreated(c.Id, c.Number),
            async id => await db.MediationCases.AsNoTracking().Where(x => x.Id == id).Select(x => new CaseCreated(x.Id, x.Number)).SingleAsync(ct), ct);
    }

    public async Task<RecordCheckResult> CheckRecordAsync(Guid id, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        return await records.CheckAsync(c.Id, c.Events, ct);
    }

    public Task ConsentAsync(Guid id, Guid partyId, int? seenEvents, CancellationToken ct = default) =>
        ActAsync(id, seenEvents, (c, by) => c.RecordConsent(partyId, by), ct);

    public Task SessionAsync(Guid id, SessionRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (c, by) =>
    {
        await CheckRoomAsync(c.CommitteeId, r.RoomId, ct);
        await CheckMediatorsAsync(c.CommitteeId, r.MediatorIds ?? [], ct);
        if (r.Scheduled)
        {
            c.ScheduleSession(r.At ?? by.Now, r.RoomId, r.MediatorIds ?? [], by);
        }
        else
        {
            c.HoldSession(r.SessionId, r.At ?? by.Now, r.RoomId, r.MediatorIds ?? [], r.Attendees, r.Record, by);
        }
    }, ct);

    public Task WrittenAsync(Guid id, WrittenAgreementRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (c, by) => c.AgreeInWriting(r.Facts, r.Terms, r.Performance, r.PerformBy, r.EffectiveOn ?? by.Today, by, r.FamilyMatter), ct);

    /// <summary>
    /// A party's phone in full, for the mediator assigned to the case to call them (or the justice office): every reveal is a row
    /// the audit chain records. Others, and closed cases' strangers, get 403.
    /// </summary>
    public async Task<PartyPhone> RevealPhoneAsync(Guid id, Guid partyId, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        var by = await actors.CurrentAsync(ct);
        var mediatorIds = c.Mediators.Select(m => m.MediatorId).ToList();
        var assigned = await db.Mediators.AnyAsync(m => mediatorIds.Contains(m.Id) && m.UserName == by.UserName, ct);
        if (!assigned && !by.IsIn(Roles.Supervisor))
        {
            throw new DomainException("mediation.not_your_case", "partyId", ErrorKind.Forbidden);
        }

        var party = c.Parties.FirstOrDefault(p => p.Id == partyId) ?? throw DomainException.NotFound("partyId");
        if (party.Phone is null)
        {
            throw new DomainException("mediation.no_phone", "partyId", ErrorKind.NotFound);
        }

        await reads.RecordAsync(c.Id, "med_parties.Phone", party.Id.ToString(), "调解员联系当事人", by, ct);
        return new PartyPhone(party.Id, party.Name, party.Phone);
    }

    /// <summary>告知权利义务 (第23条) recorded as given: a session waits for it; downloading the notice does not give it.</summary>
    public Task RightsNoticeAsync(Guid id, RightsNoticeRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) => c.GiveRightsNotice(by, r.How), ct);

    public Task OralAsync(Guid id, OralAgreementRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) => c.AgreeOrally(r.Terms, r.PerformBy, by), ct);

    public Task FailAsync(Guid id, OutcomeNoteRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) => c.Fail(r.Note, by), ct);

    public Task EndAsync(Guid id, OutcomeNoteRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) => c.EndByRefusal(r.Note, by), ct);

    /// <summary>
    /// 第37条: the applicant of a failed or ended mediation goes on to legal aid: the application is opened through Legal aid's
    /// public face in the same save as this case's step, with the parties and the facts carried over and the links both ways.
    /// </summary>
    public async Task<LegalAid.Contracts.ReferredApplication> ReferToLegalAidAsync(Guid id, AidReferralRequest r, CancellationToken ct = default)
    {
        LegalAid.Contracts.ReferredApplication? made = null;
        await ActAsync(id, r.SeenEvents, async (c, by) =>
            made = await Contracts.MediationReferrals.OnToAidAsync(c, r.MatterType, r.Ground, r.MonthlyIncome, r.Household, aid, by, ct), ct);
        return made!;
    }

    /// <summary>The codes (and their labels) the referral to legal aid takes.</summary>
    public AidCodes AidReferralCodes() => new(
        [.. LegalAid.Contracts.AidReferrals.Matters.Select(m => new CodeLabel(m.Code, text[m.LabelKey].Value))],
        [.. LegalAid.Contracts.AidReferrals.Grounds.Select(g => new CodeLabel(g.Code, text[g.LabelKey].Value))]);

    public Task FollowUpAsync(Guid id, FollowUpRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (c, by) => c.RecordFollowUp(r.FollowUpId ?? Guid.Empty, r.Performed ?? throw new DomainException("required", "performed"), r.Note, by), ct);

    public Task ConfirmationAsync(Guid id, ConfirmationRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (c, by) => c.ApplyForConfirmation(r.AppliedOn ?? by.Today, r.Court, by, r.PartyIds), ct);

    public Task CourtAsync(Guid id, CourtRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (c, by) => c.RecordCourt(r.AcceptedOn, r.DecidedOn, r.Confirmed, by, r.Extended), ct);

    /// <summary>Flags a risk of violence and tells the police-station rooms of the committee by text message (人民调解法 第25条).</summary>
    public Task ViolenceAsync(Guid id, OutcomeNoteRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (c, by) =>
    {
        var rooms = await db.Rooms.AsNoTracking()
            .Where(x => x.IsActive && x.Place == RoomPlace.PoliceStation && x.DutyPhone != null && (x.Id == c.RoomId || x.CommitteeId == c.CommitteeId))
            .ToListAsync(ct);
        // The case's own room when it sits in a police station; else every police-station room of the committee.
        var told = rooms.Any(x => x.Id == c.RoomId) ? rooms.Where(x => x.Id == c.RoomId).ToList() : rooms;
        var justice = false;
        if (told.Count == 0)
        {
            // A committee with no police-station room on duty: the police-station rooms of the town's committee, and the justice office.
            told = await db.Rooms.AsNoTracking().Where(x => x.IsActive && x.Place == RoomPlace.PoliceStation && x.DutyPhone != null)
                .Join(db.Committees.Where(m => m.Kind == CommitteeKind.Town), x => x.CommitteeId, m => m.Id, (x, _) => x).ToListAsync(ct);
            justice = true;
        }

        c.FlagViolence(r.Note, by, [.. told.Select(x => $"{x.Name} {x.DutyPhone}")], justice);
        foreach (var room in told)
        {
            Outbox.Add(db, new Message(MediationModule.ViolenceTemplate, Channels.Sms,
                new Dictionary<string, string?> { ["number"] = c.Number, ["room"] = room.Name, ["note"] = c.ViolenceNote }, by.Now, Recipient: room.DutyPhone, RecordId: c.Id));
        }

        if (justice)
        {
            await alerts.RaiseAsync(MediationModule.ViolenceAlert, c.Id, c.Id, await JusticeOfficeAsync(ct) ?? c.DepartmentId, $"{c.Number}：{c.ViolenceNote}", null,
                $"/mediation/cases/{c.Id}", ct: ct);
        }
    }, ct);

    /// <summary>The town's justice office (司法所): the organisation node of the town's own committee's parent, else of the town committee.</summary>
    private async Task<Guid?> JusticeOfficeAsync(CancellationToken ct)
    {
        var town = await db.Committees.AsNoTracking().Where(m => m.Kind == CommitteeKind.Town).Select(m => (Guid?)m.DepartmentId).FirstOrDefaultAsync(ct);
        var units = await directory.UnitsAsync(ct);
        return town is { } t && units.TryGetValue(t, out var unit) && unit.ParentId is { } parent ? parent : town;
    }

    public Task ProposeClassAsync(Guid id, ClassRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (c, by) => c.ProposeClass(r.Class ?? throw new DomainException("required", "class"), by), ct);

    /// <summary>The justice office approves the class; the amount is the city's in force on the day the case was settled.</summary>
    public Task ApproveClassAsync(Guid id, ClassRequest r, string city, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (c, by) =>
    {
        Workflow.Check(c.Guard(MediationAction.ApproveClass, by));
        var cls = r.Class ?? c.ProposedClass ?? throw new DomainException("required", "class");
        var settled = ChinaTime.DateOf(c.ClosedAt ?? by.Now);
        var rate = SubsidyRate.InForce(await db.SubsidyRates.AsNoTracking().Where(x => x.City == city).ToListAsync(ct), city, cls, settled)
            ?? throw new DomainException("mediation.no_subsidy_rate", "class", ErrorKind.Conflict, text[$"mediation.class.{cls}"].Value, settled.ToString("yyyy-MM-dd"));
        c.ApproveClass(cls, rate.Amount, by);
    }, ct);

    /// <summary>人民调解协议书 in 公文 form, with every 第29条 element and the signature blocks.</summary>
    public async Task<byte[]> AgreementDocxAsync(Guid id, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        var a = c.Agreement is { Kind: AgreementKind.Written } w ? w : throw new DomainException("mediation.no_written_agreement", "action", ErrorKind.Conflict);
        var committee = await db.Committees.AsNoTracking().SingleAsync(x => x.Id == c.CommitteeId, ct);
        var doc = new OfficialDocument("人民调解协议书", c.Number).Heading("一、当事人");
        foreach (var p in c.Parties)
        {
            doc.Paragraph($"{(p.Side == PartySide.Applicant ? "申请人" : "被申请人")}：{p.Name}" +
                (p.IdNumber is null ? "" : $"，身份证号码 {p.IdNumber}") + (p.Address is null ? "" : $"，住址 {p.Address}") + (p.Phone is null ? "" : $"，联系电话 {p.Phone}"));
        }

        doc.Heading("二、纠纷主要事实、争议事项").Paragraph(a.Facts)
            .Heading("三、经调解，双方自愿达成如下协议").Paragraph(a.Terms)
            .Heading("四、履行方式、时限").Paragraph(a.Performance + (a.PerformBy is { } by ? $"（于 {by.Year}年{by.Month}月{by.Day}日前履行完毕）" : ""))
            .Paragraph("本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效。本协议一式三份，当事人各执一份，人民调解委员会留存一份。" +
                (a.Confirmable ? "当事人可以自本协议生效之日起三十日内共同向人民法院申请司法确认。" : ""))
            .Signatures([.. c.Parties.Select(p => p.Name), "人民调解员"])
            .Issuer(committee.Name + "（印章）", a.EffectiveOn);
        return doc.ToBytes();
    }

    /// <summary>人民调解权利义务告知书 (第23条), with the parties' names; giving it is recorded.</summary>
    public async Task<byte[]> RightsNoticeDocxAsync(Guid id, CancellationToken ct = default)
    {
        var c = await GetAsync(id, ct);
        var committee = await db.Committees.AsNoTracking().SingleAsync(x => x.Id == c.CommitteeId, ct);
        var doc = new OfficialDocument("人民调解权利义务告知书", c.Number)
            .Paragraph("当事人：" + string.Join("、", c.Parties.Select(p => p.Name)))
            .Paragraph("根据《中华人民共和国人民调解法》的规定，人民调解委员会调解民间纠纷不收取任何费用。现将当事人在人民调解活动中享有的权利和承担的义务告知如下：")
            .Heading("一、当事人享有下列权利")
            .Paragraph("（一）选择或者接受人民调解员；（二）接受调解、拒绝调解或者要求终止调解；（三）要求调解公开进行或者不公开进行；（四）自主表达意愿、自愿达成调解协议。")
            .Heading("二、当事人履行下列义务")
            .Paragraph("（一）如实陈述纠纷事实；（二）遵守调解现场秩序，尊重人民调解员；（三）尊重对方当事人行使权利。")
            .Paragraph("调解不成的，当事人可以依法通过仲裁、行政、司法等途径维护自己的权利。")
            .Signatures([.. c.Parties.Select(p => p.Name)])
            .Issuer(committee.Name, ChinaTime.Today(time));
        // Printing is not giving: the mediator records the notice as given (POST …/rights-notice), and a session waits for that.
        return doc.ToBytes();
    }

    private Task<MediationCase> ActAsync(Guid id, int? seenEvents, Action<MediationCase, Actor> act, CancellationToken ct) =>
        ActAsync(id, seenEvents, (c, by) =>
        {
            act(c, by);
            return Task.CompletedTask;
        }, ct);

    private Task<MediationCase> ActAsync(Guid id, int? seenEvents, Func<MediationCase, Actor, Task> act, CancellationToken ct) =>
        workflow.ActAsync<MediationCase, CaseEvent>(scope => Including(db.MediationCases.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty)), id, seenEvents,
            async (c, by) =>
            {
                Sort(c);
                await act(c, by);
            }, ct: ct);

    private static IQueryable<MediationCase> Including(IQueryable<MediationCase> q) =>
        q.Include(x => x.Parties).Include(x => x.Sessions).Include(x => x.Agreement).Include(x => x.FollowUps).Include(x => x.Events).Include(x => x.Mediators).AsSplitQuery();

    private static void Sort(MediationCase c)
    {
        c.Events.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        c.Sessions.Sort((a, b) => a.At.CompareTo(b.At));
    }

    private async Task<MediationCommittee> VisibleCommitteeAsync(Guid id, CancellationToken ct)
    {
        var scope = await scopes.CurrentAsync(ct);
        return await db.Committees.AsNoTracking().WithinScope(scope, c => c.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(c => c.Id == id && c.IsActive, ct)
            ?? throw new DomainException("not_found", "committeeId");
    }

    /// <summary>A committee's case is mediated in its own rooms.</summary>
    private async Task CheckRoomAsync(Guid committeeId, Guid? roomId, CancellationToken ct)
    {
        if (roomId is not { } room)
        {
            return;
        }

        var owner = await db.Rooms.Where(r => r.Id == room && r.IsActive).Select(r => (Guid?)r.CommitteeId).SingleOrDefaultAsync(ct) ?? throw new DomainException("not_found", "roomId");
        if (owner != committeeId)
        {
            throw new DomainException("mediation.room_other_committee", "roomId", ErrorKind.Conflict);
        }
    }

    /// <summary>A committee's case is mediated by its own mediators: those it employs or who hold a seat on it.</summary>
    private async Task CheckMediatorsAsync(Guid committeeId, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var distinct = ids.Distinct().ToList();
        var found = await db.Mediators.Where(m => distinct.Contains(m.Id) && m.IsActive)
            .Select(m => new { m.Id, m.Name, Own = m.CommitteeId == committeeId || db.Set<CommitteeMember>().Any(x => x.MediatorId == m.Id && x.CommitteeId == committeeId) })
            .ToListAsync(ct);
        if (found.Count != distinct.Count)
        {
            throw new DomainException("not_found", "mediatorIds");
        }

        if (found.FirstOrDefault(m => !m.Own) is { } other)
        {
            throw new DomainException("mediation.mediator_other_committee", "mediatorIds", ErrorKind.Conflict, other.Name);
        }
    }

    /// <summary>A committee's own yearly series: 塘调〔2026〕12号 (the committee's short name, year, sequence).</summary>
    public static async Task<string> NextNumberAsync(FazhiDbContext db, MediationCommittee committee, int year, CancellationToken ct)
    {
        var sequence = await NumberSeries.NextAsync(db, $"med-{committee.Code}-{year}", 1, ct);
        var prefix = committee.Abbreviation is { Length: > 0 } a ? a : committee.Code;
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{sequence}号");
    }
}

public static class CaseApi
{
    public static RouteGroupBuilder MapCases(this RouteGroupBuilder g)
    {
        g.MapGet("/cases", async ([AsParameters] CaseQuery q, CaseService s) => TypedResults.Ok(await s.ListAsync(q.Filter)))
            .WithSummary("Cases in the caller's scope, newest first, parties masked; filter by status, type, committee, or number and party name.");
        g.MapGet("/cases/export", async ([AsParameters] CaseQuery q, CaseService s, Text text) =>
                await ListExport.ExcelAsync(await s.ListAsync(q.Filter with { Page = 1, PageSize = Paging.ExportRows }), text, "mediation-cases.xlsx",
                    new ListColumn<CaseRow>("mediation.case.number", r => r.Number),
                    new ListColumn<CaseRow>("field.disputeType", r => text["mediation.type." + r.Type].Value),
                    new ListColumn<CaseRow>("mediation.case.parties", r => r.Parties),
                    new ListColumn<CaseRow>("mediation.case.registered", r => r.RegisteredAt),
                    new ListColumn<CaseRow>("mediation.case.due", r => r.DueDate),
                    new ListColumn<CaseRow>("field.status", r => text["mediation.status." + r.Status].Value)))
            .WithSummary("The case list as Excel: every case the filter and search keep (up to 10,000), not only one page.").ProducesExcel();
        g.MapGet("/cases/{id:guid}", async (Guid id, CaseService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .WithSummary("One case with its parties (identifiers masked), sessions, agreement, follow-ups, record, seenEvents and the actions the caller may take now.");
        g.MapGet("/cases/{id:guid}/record/check", async (Guid id, CaseService s) => TypedResults.Ok(await s.CheckRecordAsync(id)))
            .WithSummary("Checks the case's record: its hash chain, its last step against the audit record, and the audit record against the last signed head.");
        g.MapPost("/cases", async Task<Created<CaseCreated>> (RegisterCaseRequest r, [FromHeader(Name = "Idempotency-Key")] string? key, CaseService s, HttpContext http) =>
        {
            var (created, replayed) = await s.RegisterAsync(r, key);
            if (replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }

            return TypedResults.Created($"/api/mediation/cases/{created.Id}", created);
        }).WithSummary("登记: register a dispute. Send an Idempotency-Key: a retry returns the first case.");
        Step<RightsNoticeRequest>(g, "rights-notice", (s, id, r) => s.RightsNoticeAsync(id, r), "告知权利义务 (第23条) recorded as given to the parties (how); no session before it.");
        Step<OutcomeNoteRequest>(g, "violence", (s, id, r) => s.ViolenceAsync(id, r), "矛盾激化: flag a risk of violence; the police-station rooms are told.");
        Step<SessionRequest>(g, "sessions", (s, id, r) => s.SessionAsync(id, r), "A mediation session with its record (both parties must have consented).");
        Step<WrittenAgreementRequest>(g, "agreement", (s, id, r) => s.WrittenAsync(id, r), "调解协议书: a written agreement with every 第29条 element.");
        Step<OralAgreementRequest>(g, "oral-agreement", (s, id, r) => s.OralAsync(id, r), "口头协议, recorded by the mediator.");
        Step<OutcomeNoteRequest>(g, "failure", (s, id, r) => s.FailAsync(id, r), "调解不成, with the routes the parties were told (note).");
        Step<OutcomeNoteRequest>(g, "refusal", (s, id, r) => s.EndAsync(id, r), "终止: a party refused to go on (note: who and why).");
        g.MapPost("/cases/{id:guid}/legal-aid", async (Guid id, AidReferralRequest r, CaseService s) =>
            {
                var made = await s.ReferToLegalAidAsync(id, r);
                return TypedResults.Created($"/legal-aid/progress/{made.QueryToken}", made);
            })
            .WithSummary("信访工作条例 第37条: a failed or ended mediation opens a legal-aid application for the applicant in one step, parties and facts carried over, linked both ways.");
        g.MapGet("/legal-aid-codes", (CaseService s) => TypedResults.Ok(s.AidReferralCodes()))
            .WithSummary("The matter types and grounds of the economic test that a referral to legal aid takes, with their labels.");
        Step<FollowUpRequest>(g, "follow-ups", (s, id, r) => s.FollowUpAsync(id, r), "回访: whether the terms were performed.");
        Step<ConfirmationRequest>(g, "confirmation", (s, id, r) => s.ConfirmationAsync(id, r), "司法确认申请, within 30 days of the agreement taking effect.");
        Step<CourtRequest>(g, "court", (s, id, r) => s.CourtAsync(id, r), "The court's acceptance and decision on the confirmation.");
        Step<ClassRequest>(g, "subsidy-class", (s, id, r) => s.ProposeClassAsync(id, r), "以案定补: the mediator proposes the difficulty class.");
        g.MapPost("/cases/{id:guid}/parties/{partyId:guid}/phone", async (Guid id, Guid partyId, CaseService s) => TypedResults.Ok(await s.RevealPhoneAsync(id, partyId)))
            .WithSummary("The party's phone in full, for the case's own mediator to call them (or the justice office); each reveal is in the audit record.");
        g.MapPost("/cases/{id:guid}/parties/{partyId:guid}/consent", async (Guid id, Guid partyId, int? seenEvents, CaseService s) =>
        {
            await s.ConsentAsync(id, partyId, seenEvents);
            return TypedResults.NoContent();
        }).WithSummary("A party consents to mediation (第17条). seenEvents: the record's length the caller's page showed; 409 case.acted_by when someone acted since.");
        g.MapPost("/cases/{id:guid}/subsidy-approval", async (Guid id, ClassRequest r, CaseService s, IConfiguration config) =>
        {
            await s.ApproveClassAsync(id, r, MediationModule.City(config));
            return TypedResults.NoContent();
        }).RequireAuthorization(p => p.RequireRole(Roles.Supervisor)).WithSummary("The justice office approves the class; the amount comes from the city's table.");
        g.MapGet("/cases/{id:guid}/agreement.docx", async (Guid id, CaseService s) =>
                TypedResults.File(await s.AgreementDocxAsync(id), OfficialDocument.ContentType, "调解协议书.docx"))
            .WithSummary("The written agreement as Word, in 公文 form, with the signature blocks.").ProducesWord();
        g.MapGet("/cases/{id:guid}/rights-notice.docx", async (Guid id, CaseService s) =>
                TypedResults.File(await s.RightsNoticeDocxAsync(id), OfficialDocument.ContentType, "权利义务告知书.docx"))
            .WithSummary("The rights notice as Word, to print and hand over; giving it is recorded with POST …/rights-notice.").ProducesWord();
        return g;
    }

    private static void Step<TRequest>(RouteGroupBuilder g, string path, Func<CaseService, Guid, TRequest, Task> act, string summary) =>
        g.MapPost($"/cases/{{id:guid}}/{path}", async (Guid id, TRequest r, CaseService s) =>
        {
            await act(s, id, r);
            return TypedResults.NoContent();
        }).WithSummary(summary);
}

public sealed record CaseQuery(CaseStatus? Status, DisputeType? Type, Guid? CommitteeId, string? Q, int? Page)
{
    public CaseFilter Filter => new(Status, Type, CommitteeId, Q, Page ?? 1);
}
