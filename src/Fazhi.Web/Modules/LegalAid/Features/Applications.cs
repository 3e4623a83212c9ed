using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.Mediation.Contracts;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>
/// 法律援助申请: where, what, in what form, who (or their guardian, 第40条), the other side, the facts, and the ground of the
/// economic test; <c>detainedRequestAt</c> for a request made in custody (第39条); <c>contactId</c> when a contact became it.
/// </summary>
public sealed record ApplyRequest(
    Guid? PlaceId, MatterType? MatterType, ServiceForm? Form, string? Name, string? IdNumber, string? Phone, string? Address,
    string? GuardianName, string? GuardianIdNumber, string? Opponent, string? CaseFacts, string? FiledWhere, DateTime? DetainedRequestAt,
    MeansGround? Ground, decimal? MonthlyIncome, int? Household, Guid? ContactId = null);

public sealed record AidCreated(Guid Id, string Number, string QueryToken);

public sealed record MaterialsRequest(string? Materials, DateOnly? Due) : StepRequest;

public sealed record ReasonRequest(string? Reason) : StepRequest;

public sealed record ObjectionRequest(DateOnly? ObjectedOn) : StepRequest;

public sealed record ObjectionDecisionRequest(bool? Upheld, string? Reason) : StepRequest;

/// <summary>The lawyer; <c>reason</c> is required when it is not the suggested one.</summary>
public sealed record AssignRequest(Guid? LawyerId, string? Reason) : StepRequest;

public sealed record AidNoteRequest(string? Note) : StepRequest;

public sealed record TerminateRequest(TerminationGround? Termination, string? Note) : StepRequest;

/// <summary>第50条: the closing report, and that the file's documents were handed in and checked.</summary>
public sealed record CloseRequest(string? Report, bool DocumentsChecked) : StepRequest;

public sealed record QualityRequest(QualityKind? Kind, int? Score, string? Note, DateOnly? CheckedOn) : StepRequest;

public sealed record AidFilter(AidStatus? Status = null, MatterType? Matter = null, Guid? PlaceId = null, string? Q = null, int Page = 1, int PageSize = 50);

/// <summary>An application in a list: the applicant's name masked.</summary>
public sealed record AidRow(Guid Id, string Number, MatterType Matter, ServiceForm Form, string Applicant, AidStatus Status, DateTime ReceivedAt, DateOnly? DueDate, string? Lawyer);

public sealed record AidStepView(int Sequence, DateTime At, string Kind, string Actor, string? Note);

public sealed record QualityView(QualityKind Kind, DateOnly On, int Score, string Note, string CheckedBy);

/// <summary>The application as staff see it: identifiers masked; the declared income only as the test's outcome.</summary>
public sealed record AidApplicationView(
    Guid Id, string Number, string Place, MatterType Matter, ServiceForm Form, string Applicant, string? ApplicantIdNumber, string? ApplicantPhone,
    string? Guardian, string? Opponent, string Facts, string FiledWhere, bool Detained, DateTime? RequestedAt, DateTime? ForwardedAt, DateTime ReceivedAt,
    MeansGround Ground, MeansPath MeansPath, bool MeansEligible, decimal? ThresholdApplied, int? Household, string MeansReason, AidStatus Status,
    DateOnly? ReviewDue, DateOnly? AssignDue, DateOnly? ObjectionDue, string? MaterialsRequested, DateOnly? MaterialsDue, string? UrgentReason,
    string? RefusalReason, Guid? LawyerId, string? Lawyer, string? AssignmentReason, TerminationGround? Termination, string? ClosingReport, decimal? Subsidy,
    IReadOnlyList<QualityView> Quality, IReadOnlyList<AidStepView> Record, int SeenEvents, IReadOnlyList<AidAction> Allowed, string? ReferredFrom = null, string? ReferredFromLink = null);

/// <summary>A lawyer as the assignment offers them: load, licence, and the conflicts found.</summary>
public sealed record LawyerChoice(Guid Id, string Name, string Firm, int Load, bool Qualified, bool Licensed, IReadOnlyList<string> Conflicts, bool Suggested);

/// <summary>
/// Legal-aid applications and cases, from receipt to the closing report. Everything answers within the caller's data scope
/// (the place's node), and every step goes through the platform's one case workflow.
/// </summary>
public sealed class ApplicationService(
    FazhiDbContext db, DataScopeResolver scopes, CaseWorkflow workflow, ActorSource actors, TextSearch search, RecordCheck records, IConfiguration configuration,
    MediationParticipation mediation, Text text)
{
    public async Task<IQueryable<AidApplication>> ScopedAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.AidApplications.AsNoTracking().WithinScope(scope, a => a.DepartmentId, _ => Guid.Empty);
    }

    public async Task<Paged<AidRow>> ListAsync(AidFilter f, CancellationToken ct = default)
    {
        var q = await ScopedAsync(ct);
        if (f.Status is { } s)
        {
            q = q.Where(a => a.Status == s);
        }

        if (f.Matter is { } m)
        {
            q = q.Where(a => a.MatterType == m);
        }

        if (f.PlaceId is { } p)
        {
            q = q.Where(a => a.PlaceId == p);
        }

        q = search.Filter(q, a => a.Id, LegalAidModule.SearchEntity, f.Q);
        var page = await q.OrderByDescending(a => a.ReceivedAt).ThenByDescending(a => a.Number)
            .Select(a => new
            {
                a.Id, a.Number, a.MatterType, a.Form, a.ApplicantName, a.Status, a.ReceivedAt, a.LawyerId,
                Due = a.Status == AidStatus.Granted ? a.AssignDeadline!.DueDate : a.Status == AidStatus.Received || a.Status == AidStatus.MaterialsRequested ? a.ReviewDeadline.DueDate : (DateOnly?)null,
            })
            .ToPageAsync(f.Page, f.PageSize, ct);
        var lawyers = await LawyerNamesAsync(page.Items.Where(a => a.LawyerId != null).Select(a => a.LawyerId!.Value), ct);
        return page.With([.. page.Items.Select(a => new AidRow(a.Id, a.Number, a.MatterType, a.Form, Masking.Name(a.ApplicantName), a.Status, a.ReceivedAt, a.Due,
            a.LawyerId is { } l ? lawyers.GetValueOrDefault(l) : null))]);
    }

    private async Task<Dictionary<Guid, string>> LawyerNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.AidLawyers.AsNoTracking().Where(l => list.Contains(l.Id)).ToDictionaryAsync(l => l.Id, l => l.Name, ct);
    }

    /// <summary>The application with everything the handling staff need (its page and documents).</summary>
    public async Task<AidApplication> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var a = await db.AidApplications.AsNoTracking().WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty)
            .Include(x => x.Steps).Include(x => x.Quality).AsSplitQuery().SingleOrDefaultAsync(x => x.Id == id, ct)
            ?? throw DomainException.NotFound();
        a.Steps.Sort((x, y) => x.Sequence.CompareTo(y.Sequence));
        return a;
    }

    public async Task<AidApplicationView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var a = await GetAsync(id, ct);
        var by = await actors.CurrentAsync(ct);
        var place = await db.AidPlaces.AsNoTracking().Where(p => p.Id == a.PlaceId).Select(p => p.Name).SingleAsync(ct);
        var lawyer = a.LawyerId is { } l ? await db.AidLawyers.AsNoTracking().Where(x => x.Id == l).Select(x => x.Name).SingleOrDefaultAsync(ct) : null;
        return new AidApplicationView(
            a.Id, a.Number, place, a.MatterType, a.Form, a.ApplicantName, a.ApplicantIdNumber is null ? null : Masking.IdNumber(a.ApplicantIdNumber),
            a.ApplicantPhone is null ? null : Masking.Phone(a.ApplicantPhone), a.GuardianName, a.Opponent, a.Facts, a.FiledWhere, a.Detained, a.RequestedAt,
            a.ForwardedAt, a.ReceivedAt, a.Ground, a.MeansPath, a.MeansEligible, a.ThresholdApplied, a.Household, StepNote.Render(a.MeansNote().Value) ?? "", a.Status,
            a.Status is AidStatus.Received or AidStatus.MaterialsRequested ? a.ReviewDeadline.DueDate : null, a.AssignDeadline?.DueDate, a.ObjectionDeadline?.DueDate,
            a.MaterialsRequested, a.MaterialsDue, a.UrgentReason, a.RefusalReason, a.LawyerId, lawyer, a.AssignmentReason, a.Termination, a.ClosingReport, a.Subsidy,
            [.. a.Quality.OrderBy(q => q.On).Select(q => new QualityView(q.Kind, q.On, q.Score, q.Note, q.CheckedBy))],
            [.. a.Steps.Select(s => new AidStepView(s.Sequence, s.At, s.Kind, s.ActorLabel, StepNote.Render(s.Note)))],
            a.Steps.Count, a.AvailableActions(by), a.ReferredFrom, a.ReferredFromLink);
    }

    /// <summary>The city whose threshold and subsidy tables apply (LegalAid:City).</summary>
    public string City => LegalAidModule.City(configuration);

    /// <summary>Receives an application; the same Idempotency-Key again returns the first, and another scope's key is refused.</summary>
    public async Task<(AidCreated Created, bool Replayed)> ApplyAsync(ApplyRequest r, string? idempotencyKey, CancellationToken ct = default)
    {
        Idempotency.Normalise(idempotencyKey);
        var now = (await actors.CurrentAsync(ct)).Now;
        var v = new Validator()
            .Check(r.PlaceId is not null, "placeId", "required")
            .Check(r.MatterType is { } m && Enum.IsDefined(m), "matterType", "required")
            .Check(r.Form is { } f && Enum.IsDefined(f), "form", "required")
            .Required("name", r.Name, 50)
            .Check(string.IsNullOrWhiteSpace(r.IdNumber) || Identifiers.IsValidIdNumber(r.IdNumber.Trim().ToUpperInvariant()), "idNumber", "intake.id_number_invalid")
            .Check(string.IsNullOrWhiteSpace(r.Phone) || Identifiers.IsPhone(r.Phone), "phone", "phone_format")
            .MaxLength("address", r.Address, 150)
            .MaxLength("guardianName", r.GuardianName, 50)
            .Check(string.IsNullOrWhiteSpace(r.GuardianIdNumber) || Identifiers.IsValidIdNumber(r.GuardianIdNumber.Trim().ToUpperInvariant()), "guardianIdNumber", "intake.id_number_invalid")
            .Check(string.IsNullOrWhiteSpace(r.GuardianIdNumber) || !string.IsNullOrWhiteSpace(r.GuardianName), "guardianName", "required")
            .MaxLength("opponent", r.Opponent, 100)
            .Required("caseFacts", r.CaseFacts, 4000)
            .Required("filedWhere", r.FiledWhere, 100)
            .Check(r.DetainedRequestAt is null || (r.DetainedRequestAt <= now.AddMinutes(5) && r.DetainedRequestAt > now.AddDays(-30)), "detainedRequestAt", "legalaid.date_out_of_range")
            .Check(r.Ground is { } g && Enum.IsDefined(g), "ground", "required");
        if (r.Ground == MeansGround.Declared)
        {
            v.Check(r.MonthlyIncome is >= 0 and < 10_000_000, "monthlyIncome", "legalaid.income_required")
                .Check(r.Household is >= 1 and <= 30, "household", "legalaid.household_range");
        }

        v.ThrowIfInvalid();
        var scope = await scopes.CurrentAsync(ct);
        var place = await db.AidPlaces.AsNoTracking().WithinScope(scope, p => p.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(p => p.Id == r.PlaceId && p.IsActive, ct)
            ?? throw DomainException.NotFound("placeId");
        var detained = r.DetainedRequestAt is { } at ? DateTime.SpecifyKind(at.ToUniversalTime(), DateTimeKind.Utc) : (DateTime?)null;
        return await workflow.CreateAsync(LegalAidModule.ModuleName, idempotencyKey,
            async by =>
            {
                // 第34条 and the city's rule: the threshold in force on the day of application.
                var rule = await db.HardshipThresholds.AsNoTracking().Where(t => t.City == City && t.EffectiveFrom <= by.Today)
                    .OrderByDescending(t => t.EffectiveFrom).FirstOrDefaultAsync(ct);
                var means = MeansOutcome.Judge(r.Ground!.Value, r.MonthlyIncome, r.Household, rule);
                var a = AidApplication.Receive(await NextNumberAsync(db, configuration, by.Today.Year, ct), place, r.MatterType!.Value, r.Form!.Value,
                    new(r.Name!, r.IdNumber, r.Phone, r.Address, r.GuardianName, r.GuardianIdNumber, r.Opponent), r.CaseFacts!, r.FiledWhere!, detained,
                    r.Ground.Value, r.MonthlyIncome, r.Household, means, by);
                // A retry with the same key is answered with the first application before this runs; a second application from one contact is refused.
                if (r.ContactId is { } contactId)
                {
                    var contact = await db.AidContacts.WithinScope(scope, c => c.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(c => c.Id == contactId, ct)
                        ?? throw DomainException.NotFound("contactId");
                    if (contact.ApplicationId is not null)
                    {
                        throw new DomainException("legalaid.contact_applied", "contactId", ErrorKind.Conflict);
                    }

                    contact.ApplicationId = a.Id;
                    contact.ReferredTo = Referral.Application;
                }

                return a;
            },
            a => new AidCreated(a.Id, a.Number, a.QueryToken),
            async id => await db.AidApplications.AsNoTracking().Where(x => x.Id == id).Select(x => new AidCreated(x.Id, x.Number, x.QueryToken)).SingleAsync(ct), ct);
    }

    public async Task<RecordCheckResult> CheckRecordAsync(Guid id, CancellationToken ct = default)
    {
        var a = await GetAsync(id, ct);
        return await records.CheckAsync(a.Id, a.Steps, ct);
    }

    public Task ForwardAsync(Guid id, int? seen, CancellationToken ct = default) => ActAsync(id, seen, (a, by) => a.Forward(by), ct);

    public Task MaterialsAsync(Guid id, MaterialsRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (a, by) => a.RequestMaterials(r.Materials, r.Due, by), ct);

    public Task SuppliedAsync(Guid id, int? seen, CancellationToken ct = default) => ActAsync(id, seen, (a, by) => a.SupplyMaterials(by), ct);

    public Task LapseAsync(Guid id, int? seen, CancellationToken ct = default) => ActAsync(id, seen, (a, by) => a.Lapse(by), ct);

    public Task UrgentAsync(Guid id, ReasonRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (a, by) => a.GiveUrgentAid(r.Reason, by), ct);

    public Task GrantAsync(Guid id, int? seen, CancellationToken ct = default) => ActAsync(id, seen, (a, by) => a.Grant(by), ct);

    public Task RefuseAsync(Guid id, ReasonRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (a, by) => a.Refuse(r.Reason, by), ct);

    public Task ObjectAsync(Guid id, ObjectionRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (a, by) => a.LodgeObjection(r.ObjectedOn, by), ct);

    public Task DecideObjectionAsync(Guid id, ObjectionDecisionRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (a, by) => a.DecideObjection(r.Upheld, r.Reason, by), ct);

    public Task NoteAsync(Guid id, AidNoteRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (a, by) => a.AddNote(r.Note, by), ct);

    public Task ComplainAsync(Guid id, AidNoteRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (a, by) => a.Complain(r.Note, by), ct);

    public Task TerminateAsync(Guid id, TerminateRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (a, by) => a.Terminate(r.Termination, r.Note, by), ct);

    public Task QualityAsync(Guid id, QualityRequest r, CancellationToken ct = default) =>
        ActAsync(id, r.SeenEvents, (a, by) => a.CheckQuality(r.Kind, r.Score, r.Note, r.CheckedOn, by), ct);

    /// <summary>第50条: closed with the report; the subsidy from the rate for its service form in force on the day.</summary>
    public Task CloseAsync(Guid id, CloseRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (a, by) =>
    {
        var rate = await db.AidSubsidyRates.AsNoTracking().Where(x => x.City == City && x.Form == a.Form && x.EffectiveFrom <= by.Today)
            .OrderByDescending(x => x.EffectiveFrom).FirstOrDefaultAsync(ct);
        a.Close(r.Report, r.DocumentsChecked, rate, by);
    }, ct);

    /// <summary>
    /// The pool as the assignment offers it: every active lawyer with their open cases, whether they take the matter and are
    /// licensed today, and the conflicts found; the suggestion is the least-loaded qualified one without a conflict.
    /// </summary>
    public async Task<IReadOnlyList<LawyerChoice>> ChoicesAsync(Guid id, CancellationToken ct = default)
    {
        var a = await GetAsync(id, ct);
        var today = (await actors.CurrentAsync(ct)).Today;
        return await ChoicesAsync(a, today, ct);
    }

    private async Task<IReadOnlyList<LawyerChoice>> ChoicesAsync(AidApplication a, DateOnly today, CancellationToken ct)
    {
        var lawyers = await db.AidLawyers.AsNoTracking().Where(l => l.IsActive).OrderBy(l => l.Name).ToListAsync(ct);
        var firms = await db.LawFirms.AsNoTracking().ToDictionaryAsync(f => f.Id, f => f.Name, ct);
        var loads = await db.AidApplications.AsNoTracking().Where(x => x.Status == AidStatus.Assigned && x.LawyerId != null)
            .GroupBy(x => x.LawyerId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var conflicts = await ConflictsAsync(a, lawyers, ct);
        var choices = lawyers.Select(l => new LawyerChoice(l.Id, l.Name, firms.GetValueOrDefault(l.FirmId, ""), loads.GetValueOrDefault(l.Id),
            l.Specialities.Count == 0 || l.Specialities.Contains(a.MatterType), l.LicensedOn(today), conflicts[l.Id].ToList(), false)).ToList();
        var suggested = choices.Where(c => c.Qualified && c.Licensed && c.Conflicts.Count == 0 && c.Id != a.LawyerId)
            .OrderBy(c => c.Load).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return [.. choices.Select(c => c with { Suggested = c.Id == suggested?.Id }).OrderByDescending(c => c.Suggested).ThenBy(c => c.Load)];
    }

    /// <summary>
    /// The conflict check, for the whole pool at once: a lawyer acts, in another aid case, for this applicant's other side or
    /// against this applicant; or mediated a dispute with either of them (through Mediation's public face).
    /// </summary>
    private async Task<ILookup<Guid, string>> ConflictsAsync(AidApplication a, IReadOnlyList<AidLawyer> lawyers, CancellationToken ct)
    {
        var opponent = a.Opponent;
        var applicant = a.ApplicantName;
        var conflicting = await db.AidApplications.AsNoTracking()
            .Where(x => x.LawyerId != null && x.Id != a.Id && ((opponent != null && x.ApplicantName == opponent) || x.Opponent == applicant))
            .Select(x => new { x.Id, LawyerId = x.LawyerId!.Value, x.Number }).ToListAsync(ct);
        var found = new List<(Guid Lawyer, string What)>();
        if (conflicting.Count > 0)
        {
            // A case of another place is named as such, not by its number: the caller's scope does not reach it.
            var ids = conflicting.Select(o => o.Id).ToList();
            var visible = (await (await ScopedAsync(ct)).Where(x => ids.Contains(x.Id)).Select(x => x.Id).ToListAsync(ct)).ToHashSet();
            found.AddRange(conflicting.Select(o => (o.LawyerId, visible.Contains(o.Id) ? o.Number : text["legalaid.conflict_elsewhere"].Value)));
        }

        var byName = lawyers.ToLookup(l => l.Name, l => l.Id);
        var parties = opponent is null ? new[] { applicant } : [applicant, opponent];
        foreach (var m in await mediation.MediatedWithAsync([.. byName.Select(g => g.Key)], parties, ct))
        {
            found.AddRange(byName[m.Mediator].Select(id => (id, m.Number)));
        }

        return found.ToLookup(f => f.Lawyer, f => f.What);
    }

    /// <summary>第43条: assigns a lawyer of the pool: licensed today, without a conflict; another than the suggested one needs a reason.</summary>
    public Task AssignAsync(Guid id, AssignRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, async (a, by) =>
    {
        // The step's own order first: a closed case answers that, not a conflict.
        Workflow.Check(a.Guard(AidAction.Assign, by));
        var lawyer = await db.AidLawyers.AsNoTracking().SingleOrDefaultAsync(l => l.Id == r.LawyerId && l.IsActive, ct) ?? throw DomainException.NotFound("lawyerId");
        var choices = await ChoicesAsync(a, by.Today, ct);
        var chosen = choices.Single(c => c.Id == lawyer.Id);
        if (chosen.Conflicts.Count > 0)
        {
            throw new DomainException("legalaid.conflict", "lawyerId", ErrorKind.Conflict, lawyer.Name, string.Join("、", chosen.Conflicts));
        }

        if (!chosen.Suggested && string.IsNullOrWhiteSpace(r.Reason))
        {
            throw new DomainException("legalaid.reason_for_other_lawyer", "reason", ErrorKind.Invalid, choices.FirstOrDefault(c => c.Suggested)?.Name ?? "—");
        }

        a.Assign(lawyer, r.Reason, by);
    }, ct);

    private async Task ActAsync(Guid id, int? seen, Func<AidApplication, Actor, Task> act, CancellationToken ct) =>
        await workflow.ActAsync<AidApplication, AidStep>(
            scope => db.AidApplications.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).Include(x => x.Steps).Include(x => x.Quality).AsSplitQuery(),
            id, seen, act, ct: ct);

    private Task ActAsync(Guid id, int? seen, Action<AidApplication, Actor> act, CancellationToken ct) =>
        ActAsync(id, seen, (a, by) =>
        {
            act(a, by);
            return Task.CompletedTask;
        }, ct);

    /// <summary>The refusal in writing (第43条): 不予法律援助决定书, in 公文 form, with the reasons and the right to object.</summary>
    public async Task<byte[]> RefusalDocxAsync(Guid id, CancellationToken ct = default)
    {
        var a = await GetAsync(id, ct);
        if (a.Status != AidStatus.Refused && a.RefusalReason is null)
        {
            throw new DomainException("legalaid.not_refused", "status", ErrorKind.Conflict);
        }

        var organ = configuration["LegalAid:Organ"] ?? "塘厦镇公共法律服务中心";
        var decided = ChinaTime.DateOf(a.DecidedAt ?? a.ReceivedAt);
        var doc = new OfficialDocument("不予法律援助决定书", a.Number, organ)
            .Paragraph($"申请人：{a.ApplicantName}" + (a.GuardianName is null ? "" : $"（法定代理人 {a.GuardianName}）"))
            .Paragraph($"你于{ChinaTime.DateOf(a.ReceivedAt):yyyy年M月d日}提出的法律援助申请（{Text.In("legalaid.matter." + a.MatterType, english: false)}），经审查，{OfficialDocument.Sentence(StepNote.Render(a.MeansNote().Value, english: false) ?? "")}")
            .Paragraph("决定不予法律援助，理由如下：" + OfficialDocument.Sentence(a.RefusalReason ?? ""))
            .Paragraph("根据《中华人民共和国法律援助法》第四十九条的规定，如对本决定有异议，可以向设立法律援助机构的司法行政部门提出，司法行政部门应当自收到异议之日起五日内进行审查，作出维持或者责令改正的决定。")
            .Issuer(organ + "（印章）", decided);
        return doc.ToBytes();
    }

    /// <summary>The application's own yearly series: 塘援〔2026〕12号.</summary>
    public static async Task<string> NextNumberAsync(FazhiDbContext db, IConfiguration configuration, int year, CancellationToken ct)
    {
        var sequence = await NumberSeries.NextAsync(db, $"aid-{year}", 1, ct);
        var prefix = configuration["LegalAid:NumberPrefix"] ?? "塘援";
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}〔{year}〕{sequence}号");
    }
}

public static class ApplicationApi
{
    public static RouteGroupBuilder MapApplications(this RouteGroupBuilder g)
    {
        g.MapGet("/applications", async ([AsParameters] AidQuery q, ApplicationService s) => TypedResults.Ok(await s.ListAsync(q.Filter)))
            .WithSummary("Applications and cases in the caller's scope, newest first, applicants masked; filter by status, matter type, place, or number and names.");
        g.MapGet("/applications/export", async ([AsParameters] AidQuery q, ApplicationService s, Text text) =>
                await ListExport.ExcelAsync(await s.ListAsync(q.Filter with { Page = 1, PageSize = Paging.ExportRows }), text, "legal-aid-applications.xlsx",
                    new ListColumn<AidRow>("legalaid.number", r => r.Number),
                    new ListColumn<AidRow>("field.matterType", r => text["legalaid.matter." + r.Matter].Value),
                    new ListColumn<AidRow>("field.form", r => text["legalaid.form." + r.Form].Value),
                    new ListColumn<AidRow>("legalaid.applicant", r => r.Applicant),
                    new ListColumn<AidRow>("legalaid.received", r => r.ReceivedAt),
                    new ListColumn<AidRow>("legalaid.due", r => r.DueDate),
                    new ListColumn<AidRow>("legalaid.lawyer", r => r.Lawyer ?? ""),
                    new ListColumn<AidRow>("field.status", r => text["legalaid.status." + r.Status].Value)))
            .WithSummary("The list as Excel: every application the filter and search keep (up to 10,000), not only one page.").ProducesExcel();
        g.MapGet("/applications/{id:guid}", async (Guid id, ApplicationService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .WithSummary("One application with the means test's path and reason, its clocks, lawyer, quality checks, record, seenEvents and the actions allowed now.");
        g.MapGet("/applications/{id:guid}/record/check", async (Guid id, ApplicationService s) => TypedResults.Ok(await s.CheckRecordAsync(id)))
            .WithSummary("Checks the application's record: its hash chain against the audit record and the signed heads.");
        g.MapGet("/applications/{id:guid}/lawyers", async (Guid id, ApplicationService s) => TypedResults.Ok(await s.ChoicesAsync(id)))
            .WithSummary("The pool for this case: load, licence, speciality and conflicts of each lawyer; the suggested one first.");
        g.MapPost("/applications", async Task<Created<AidCreated>> (ApplyRequest r, [FromHeader(Name = "Idempotency-Key")] string? key, ApplicationService s, HttpContext http) =>
        {
            var (created, replayed) = await s.ApplyAsync(r, key);
            if (replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }

            return TypedResults.Created($"/api/legal-aid/applications/{created.Id}", created);
        }).WithSummary("受理: receive an application (the means test is decided on the day's threshold). Send an Idempotency-Key: a retry returns the first.");
        Action(g, "forwarding", (s, id, seen) => s.ForwardAsync(id, seen), "第39条: a detained person's request forwarded (within 24 hours of the request); the 7 days start.");
        Step<MaterialsRequest>(g, "materials-request", (s, id, r) => s.MaterialsAsync(id, r), "第43条: every missing material asked for at once, with the day to bring it; the review waits.");
        Action(g, "materials-supplied", (s, id, seen) => s.SuppliedAsync(id, seen), "The materials came: the review's days run again.");
        Action(g, "lapse", (s, id, seen) => s.LapseAsync(id, seen), "第43条: not completed by the day given: counts as withdrawn.");
        Step<ReasonRequest>(g, "urgent-aid", (s, id, r) => s.UrgentAsync(id, r), "第44条: urgent aid before the decision, with its reason; a lawyer may then be assigned at once.");
        Action(g, "grant", (s, id, seen) => s.GrantAsync(id, seen), "第43条: granted (the means test passed or did not apply); a lawyer within 3 days.");
        Step<ReasonRequest>(g, "refusal", (s, id, r) => s.RefuseAsync(id, r), "第43条: refused with the reasons; the written decision is refusal.docx.");
        Step<ObjectionRequest>(g, "objection", (s, id, r) => s.ObjectAsync(id, r), "第49条: an objection to a refusal or termination; decided within 5 days.");
        Step<ObjectionDecisionRequest>(g, "objection-decision", (s, id, r) => s.DecideObjectionAsync(id, r), "第49条: the objection upheld (aid granted or resumed) or dismissed, with the reason.");
        Step<AssignRequest>(g, "assignment", (s, id, r) => s.AssignAsync(id, r), "第43条: a lawyer of the pool: licensed, without a conflict (409 legalaid.conflict); another than the suggested one needs a reason.");
        Step<AidNoteRequest>(g, "notes", (s, id, r) => s.NoteAsync(id, r), "A progress note on the case.");
        Step<AidNoteRequest>(g, "complaints", (s, id, r) => s.ComplainAsync(id, r), "第55条: a complaint about the lawyer; a change of lawyer follows with …/assignment and a reason.");
        Step<TerminateRequest>(g, "termination", (s, id, r) => s.TerminateAsync(id, r), "第48条: aid ends on one of its grounds; the applicant may object (第49条).");
        Step<CloseRequest>(g, "closing", (s, id, r) => s.CloseAsync(id, r), "第50条: the closing report and the file checked; the lawyer's subsidy from the rate in force.");
        Step<QualityRequest>(g, "quality", (s, id, r) => s.QualityAsync(id, r), "第57-59条: a file check, court observation or follow-up call, scored 0-100.");
        g.MapGet("/applications/{id:guid}/refusal.docx", async (Guid id, ApplicationService s) =>
                TypedResults.File(await s.RefusalDocxAsync(id), OfficialDocument.ContentType, "不予法律援助决定书.docx"))
            .WithSummary("The refusal as Word, in 公文 form, with the reasons and the right to object (第49条).").ProducesWord();
        return g;
    }

    private static void Step<TRequest>(RouteGroupBuilder g, string path, Func<ApplicationService, Guid, TRequest, Task> act, string summary) =>
        g.MapPost($"/applications/{{id:guid}}/{path}", async (Guid id, TRequest r, ApplicationService s) =>
        {
            await act(s, id, r);
            return TypedResults.NoContent();
        }).WithSummary(summary);

    private static void Action(RouteGroupBuilder g, string path, Func<ApplicationService, Guid, int?, Task> act, string summary) =>
        g.MapPost($"/applications/{{id:guid}}/{path}", async (Guid id, int? seenEvents, ApplicationService s) =>
        {
            await act(s, id, seenEvents);
            return TypedResults.NoContent();
        }).WithSummary(summary + " seenEvents: the record's length the caller's page showed.");
}

public sealed record AidQuery(AidStatus? Status, MatterType? Matter, Guid? PlaceId, string? Q, int? Page)
{
    public AidFilter Filter => new(Status, Matter, PlaceId, Q, Page ?? 1);
}
