using Fazhi.Web.Modules.Documents.Data;
using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Lists;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Documents.Features;

/// <summary>What an opinion request asks: the topic, a subject, the question and facts, the advisor, the working days, and where it came from.</summary>
public sealed record OpinionAsk(OpinionTopic? Topic, string? Subject, string? Question, Guid? AdvisorId, int? WorkingDays, string? SourceModule, string? SourceNumber, string? SourceLink);

public sealed record OpinionCreated(Guid Id, string Number, string AdvisorName, DateOnly Due);

public sealed record OpinionRequestBody(OpinionTopic? Topic, string? Subject, string? Question, Guid? AdvisorId, int? WorkingDays);

public sealed record OpinionAnswerRequest(string? Opinion) : StepRequest;

public sealed record OpinionRatingRequest(int? Rating, string? Note) : StepRequest;

public sealed record OpinionWithdrawRequest(string? Reason) : StepRequest;

public sealed record OpinionRow(
    Guid Id, string Number, OpinionTopic Topic, string Subject, string Department, string Advisor, string Firm, DateTime AskedAt, DateOnly Due, OpinionStatus Status,
    bool? AnsweredInTime, int? Rating, string? Source);

public sealed record OpinionView(
    Guid Id, string Number, OpinionTopic Topic, string Subject, string Question, Guid DepartmentId, string Department, string? SourceModule, string? SourceNumber,
    string? SourceLink, Guid AdvisorId, string Advisor, string Firm, DateTime AskedAt, DateOnly Due, OpinionStatus Status, string? Opinion, string? FileSha256,
    DateTime? AnsweredAt, bool? AnsweredInTime, int? Rating, string? RatingNote, IReadOnlyList<StepView> Record, int SeenEvents, IReadOnlyList<OpinionAction> Allowed);

public sealed record FirmRequest(string? Name, string? Licence, string? Contact);

public sealed record AdvisorRequest(Guid? FirmId, string? Name, string? PracticeNumber, string? Phone);

public sealed record ContractRequest(Guid? FirmId, string? Number, DateOnly? From, DateOnly? To, decimal? Fee, string? Scope);

public sealed record AssignmentRequest(Guid? AdvisorId, Guid? UnitId, DateOnly? From, DateOnly? To);

public sealed record EvaluationRequest(Guid? AdvisorId, int? Year, int? Grade, string? Note);

public sealed record LegalStaffRequest(Guid? UnitId, string? Name, string? Position, DateOnly? Since);

public sealed record EndRequest(DateOnly? Until);

public sealed record ContractView(Guid Id, string Number, DateOnly From, DateOnly To, decimal Fee, string Scope, bool Runs, bool Lapsing);

public sealed record AssignmentView(Guid Id, Guid UnitId, string Unit, AdvisorLevel Level, DateOnly From, DateOnly To);

/// <summary>An advisor with this year's figures: requests, answered, on time, average rating, and the office's yearly grade.</summary>
public sealed record AdvisorView(
    Guid Id, string Name, string PracticeNumber, string? Phone, bool IsActive, IReadOnlyList<AssignmentView> Assignments, int Requests, int Answered, int OnTime,
    decimal? AverageRating, int? Grade, string? GradeNote);

public sealed record FirmView(Guid Id, string Name, string Licence, string Contact, IReadOnlyList<ContractView> Contracts, IReadOnlyList<AdvisorView> Advisors);

public sealed record AdvisorsOverview(int Year, IReadOnlyList<FirmView> Firms, int TownAdvisors, int UnitAdvisors, int CommunityAdvisors, int CommunitiesWithout,
    IReadOnlyList<string> CommunitiesWithoutNames);

public sealed record LegalStaffRow(Guid Id, Guid UnitId, string Unit, string Name, string Position, DateOnly Since, DateOnly? Until);

public sealed record AdvisorChoice(Guid Id, string Name, string Firm);

/// <summary>Legal advisors: firms, lawyers, contracts and assignments; opinion requests and their evaluation; the staff responsible for legal work.</summary>
public sealed class OpinionService(
    FazhiDbContext db, DataScopeResolver scopes, CaseWorkflow workflow, ActorSource actors, TextSearch search, IConfiguration configuration,
    OrganisationDirectory directory, FileStore files)
{
    public async Task<IQueryable<OpinionRequest>> ScopedAsync(CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return db.OpinionRequests.AsNoTracking().WithinScope(scope, o => o.DepartmentId, _ => Guid.Empty);
    }

    /// <summary>The advisors under a running contract today, for a request's choice.</summary>
    public async Task<IReadOnlyList<AdvisorChoice>> ChoicesAsync(CancellationToken ct = default)
    {
        var today = (await actors.CurrentAsync(ct)).Today;
        var running = db.AdvisorContracts.Where(c => c.From <= today && c.To >= today).Select(c => c.FirmId);
        return await db.Advisors.AsNoTracking().Where(a => a.IsActive && running.Contains(a.FirmId))
            .Join(db.AdvisorFirms, a => a.FirmId, f => f.Id, (a, f) => new { a.Id, a.Name, Firm = f.Name })
            .OrderBy(a => a.Firm).ThenBy(a => a.Name).Select(a => new AdvisorChoice(a.Id, a.Name, a.Firm)).ToListAsync(ct);
    }

    /// <summary>Adds a request to the caller's save (the caller's transaction commits it): the public face and the legality check use it.</summary>
    public async Task<OpinionCreated> AskInSaveAsync(OpinionAsk r, Guid departmentId, Actor by, CancellationToken ct)
    {
        var request = await BuildAsync(r, departmentId, by, ct);
        db.OpinionRequests.Add(request);
        return new OpinionCreated(request.Id, request.Number, request.AdvisorName, request.Due.DueDate);
    }

    private async Task<OpinionRequest> BuildAsync(OpinionAsk r, Guid departmentId, Actor by, CancellationToken ct)
    {
        new Validator().Check(r.Topic is { } t && Enum.IsDefined(t), "topic", "required").Required("subject", r.Subject, 200).Required("question", r.Question, 8000)
            .Check(r.AdvisorId is not null, "advisorId", "required").Check(r.WorkingDays is null or (>= 1 and <= 30), "workingDays", "documents.working_days").ThrowIfInvalid();
        var advisor = await db.Advisors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == r.AdvisorId && a.IsActive, ct) ?? throw DomainException.NotFound("advisorId");
        var firm = await db.AdvisorFirms.AsNoTracking().SingleAsync(f => f.Id == advisor.FirmId, ct);
        var underContract = await db.AdvisorContracts.AnyAsync(c => c.FirmId == firm.Id && c.From <= by.Today && c.To >= by.Today, ct);
        Workflow.Check(Workflow.Unless(underContract, "documents.no_contract", "advisorId", ErrorKind.Conflict, firm.Name));
        var department = await directory.NameAsync(departmentId, ct) ?? "";
        var request = OpinionRequest.Ask(await DocumentService.NextAsync(db, $"documents-opinion-{by.Today.Year}", "法律意见", by.Today.Year, ct), departmentId, department,
            r.Topic!.Value, r.Subject!, r.Question!, advisor, firm.Name, r.WorkingDays ?? OpinionRequest.DefaultDays,
            r.SourceNumber is null ? null : (r.SourceModule ?? "", r.SourceNumber, r.SourceLink), by);
        return request;
    }

    /// <summary>The legal office's or a department's own request; the same Idempotency-Key again returns the first.</summary>
    public async Task<(OpinionCreated Created, bool Replayed)> AskAsync(OpinionRequestBody r, string? key, CancellationToken ct = default)
    {
        Idempotency.Normalise(key);
        var by = await actors.CurrentAsync(ct);
        var department = by.DepartmentId ?? throw new DomainException("required", "departmentId");
        return await workflow.CreateAsync(DocumentsModule.ModuleName, key,
            actor => BuildAsync(new OpinionAsk(r.Topic, r.Subject, r.Question, r.AdvisorId, r.WorkingDays, null, null, null), department, actor, ct),
            o => new OpinionCreated(o.Id, o.Number, o.AdvisorName, o.Due.DueDate),
            async id => await db.OpinionRequests.AsNoTracking().Where(o => o.Id == id).Select(o => new OpinionCreated(o.Id, o.Number, o.AdvisorName, o.Due.DueDate)).SingleAsync(ct),
            ct);
    }

    public async Task<Paged<OpinionRow>> ListAsync(OpinionStatus? status, OpinionTopic? topic, Guid? advisorId, int? year, string? q, int page, int pageSize = 50, CancellationToken ct = default)
    {
        var query = await ScopedAsync(ct);
        if (status is { } s)
        {
            query = query.Where(o => o.Status == s);
        }

        if (topic is { } t)
        {
            query = query.Where(o => o.Topic == t);
        }

        if (advisorId is { } a)
        {
            query = query.Where(o => o.AdvisorId == a);
        }

        if (year is { } y)
        {
            var (from, to) = Years.Utc(y);
            query = query.Where(o => o.AskedAt >= from && o.AskedAt < to);
        }

        query = search.Filter(query, o => o.Id, DocumentsModule.OpinionSearch, q);
        return await query.OrderByDescending(o => o.AskedAt)
            .Select(o => new OpinionRow(o.Id, o.Number, o.Topic, o.Subject, o.DepartmentName, o.AdvisorName, o.FirmName, o.AskedAt, o.Due.DueDate, o.Status,
                o.AnsweredInTime, o.Rating, o.SourceNumber))
            .ToPageAsync(page, pageSize, ct);
    }

    public async Task<OpinionRequest> GetAsync(Guid id, CancellationToken ct = default)
    {
        var o = await (await ScopedAsync(ct)).Include(x => x.Steps).SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        o.Steps.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return o;
    }

    public async Task<OpinionView> ViewAsync(Guid id, CancellationToken ct = default)
    {
        var o = await GetAsync(id, ct);
        var by = await actors.CurrentAsync(ct);
        return new OpinionView(o.Id, o.Number, o.Topic, o.Subject, o.Question, o.DepartmentId, o.DepartmentName, o.SourceModule, o.SourceNumber, o.SourceLink,
            o.AdvisorId, o.AdvisorName, o.FirmName, o.AskedAt, o.Due.DueDate, o.Status, o.Opinion, o.FileSha256, o.AnsweredAt, o.AnsweredInTime, o.Rating, o.RatingNote,
            [.. o.Steps.Select(s => new StepView(s.Sequence, s.At, s.Kind, s.ActorLabel, StepNote.Render(s.Note)))], o.Steps.Count, o.AvailableActions(by));
    }

    /// <summary>Checks scope and step before an upload is read: a refused upload is never stored.</summary>
    public async Task ReadyToAnswerAsync(Guid id, CancellationToken ct = default)
    {
        var o = await GetAsync(id, ct);
        Workflow.Check(o.Guard(OpinionAction.Answer, await actors.CurrentAsync(ct)));
    }

    public Task AnswerAsync(Guid id, string? opinion, StoredFile? file, int? seen, CancellationToken ct = default) =>
        ActAsync(id, seen, (o, by) => o.Answer(opinion, file?.Sha256, file?.ContentType, by), ct);

    public Task RateAsync(Guid id, OpinionRatingRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (o, by) => o.Rate(r.Rating, r.Note, by), ct);

    public Task WithdrawAsync(Guid id, OpinionWithdrawRequest r, CancellationToken ct = default) => ActAsync(id, r.SeenEvents, (o, by) => o.Withdraw(r.Reason, by), ct);

    public async Task<(Stream Content, string Type)> FileAsync(Guid id, CancellationToken ct = default)
    {
        var o = await GetAsync(id, ct);
        var sha = o.FileSha256 ?? throw DomainException.NotFound("file");
        return (await files.OpenVerifiedAsync(sha, new FileOwner(o.Id, o.DepartmentId, o.Number, $"/documents/opinions/{o.Id}"), ct), o.FileType ?? "application/octet-stream");
    }

    /// <summary>法律意见书 in 公文 form from the opinion's text.</summary>
    public async Task<byte[]> DocumentAsync(Guid id, CancellationToken ct = default)
    {
        var o = await GetAsync(id, ct);
        if (o.Opinion is null || o.AnsweredAt is null)
        {
            throw new DomainException("documents.no_opinion_yet", "id", ErrorKind.Conflict);
        }

        return new OfficialDocument("法律意见书", o.Number, o.FirmName).Paragraph(o.DepartmentName + "：")
            .Paragraph($"贵单位于{ChinaTime.DateOf(o.AskedAt):yyyy年M月d日}就“{o.Subject}”征询法律意见。经研究，我们的意见如下：")
            .Paragraph(OfficialDocument.Sentence(o.Opinion))
            .Paragraph("以上意见仅供参考。")
            .Field("法律顾问", o.AdvisorName)
            .Issuer(o.FirmName, ChinaTime.DateOf(o.AnsweredAt.Value)).ToBytes();
    }

    private Task<OpinionRequest> ActAsync(Guid id, int? seen, Action<OpinionRequest, Actor> act, CancellationToken ct) =>
        workflow.ActAsync<OpinionRequest, OpinionStep>(
            scope => db.OpinionRequests.WithinScope(scope, x => x.DepartmentId, _ => Guid.Empty).Include(x => x.Steps), id, seen,
            (o, by) =>
            {
                act(o, by);
                return Task.CompletedTask;
            }, ct: ct);

    /// <summary>Firms with their contracts and advisors, each advisor's assignments and year figures; advisors per level; communities without one.</summary>
    public async Task<AdvisorsOverview> OverviewAsync(int? year, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        var y = year ?? by.Today.Year;
        var (from, to) = Years.Utc(y);
        var firms = await db.AdvisorFirms.AsNoTracking().OrderBy(f => f.Name).ToListAsync(ct);
        var advisors = await db.Advisors.AsNoTracking().ToListAsync(ct);
        var contracts = await db.AdvisorContracts.AsNoTracking().ToListAsync(ct);
        var assignments = await db.AdvisorAssignments.AsNoTracking().ToListAsync(ct);
        var grades = await db.AdvisorEvaluations.AsNoTracking().Where(e => e.Year == y).ToListAsync(ct);
        var stats = await db.OpinionRequests.AsNoTracking().Where(o => o.AskedAt >= from && o.AskedAt < to)
            .GroupBy(o => o.AdvisorId)
            .Select(g => new
            {
                Id = g.Key, Count = g.Count(), Answered = g.Count(o => o.Status == OpinionStatus.Answered), OnTime = g.Count(o => o.AnsweredInTime == true),
                Rated = g.Count(o => o.Rating != null), Sum = g.Sum(o => o.Rating ?? 0),
            })
            .ToDictionaryAsync(s => s.Id, ct);
        var today = by.Today;
        var current = assignments.Where(a => a.From <= today && a.To >= today).ToList();
        var units = await directory.UnitsAsync(ct);
        var communities = units.Values.Where(u => u.IsActive && u.Kind == OrgNodeKind.Community).ToList();
        var without = communities.Where(c => !current.Any(a => a.UnitId == c.Id)).OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => c.Name).ToList();
        return new AdvisorsOverview(y, [.. firms.Select(f => new FirmView(f.Id, f.Name, f.Licence, f.Contact,
                [.. contracts.Where(c => c.FirmId == f.Id).OrderByDescending(c => c.From)
                    .Select(c => new ContractView(c.Id, c.Number, c.From, c.To, c.Fee, c.Scope, c.RunsOn(today), c.RunsOn(today) && today >= c.To.AddDays(-AdvisorContract.WarnDays)))],
                [.. advisors.Where(a => a.FirmId == f.Id).OrderBy(a => a.Name).Select(a =>
                {
                    var s = stats.GetValueOrDefault(a.Id);
                    var g = grades.FirstOrDefault(e => e.AdvisorId == a.Id);
                    return new AdvisorView(a.Id, a.Name, a.PracticeNumber, a.Phone is null ? null : Masking.Phone(a.Phone), a.IsActive,
                        [.. assignments.Where(x => x.AdvisorId == a.Id).OrderBy(x => x.Level).ThenBy(x => x.UnitName).Select(x => new AssignmentView(x.Id, x.UnitId, x.UnitName, x.Level, x.From, x.To))],
                        s?.Count ?? 0, s?.Answered ?? 0, s?.OnTime ?? 0, s is { Rated: > 0 } ? Math.Round((decimal)s.Sum / s.Rated, 2) : null, g?.Grade, g?.Note);
                })]))],
            current.Where(a => a.Level == AdvisorLevel.Town).Select(a => a.AdvisorId).Distinct().Count(),
            current.Where(a => a.Level == AdvisorLevel.Unit).Select(a => a.AdvisorId).Distinct().Count(),
            current.Where(a => a.Level == AdvisorLevel.Community).Select(a => a.AdvisorId).Distinct().Count(), without.Count, without);
    }

    public async Task<Guid> AddFirmAsync(FirmRequest r, CancellationToken ct = default)
    {
        new Validator().Required("name", r.Name, 100).Required("licence", r.Licence, 40).Required("contact", r.Contact, 100).ThrowIfInvalid();
        Workflow.Check(Workflow.Unless(!await db.AdvisorFirms.AnyAsync(f => f.Name == r.Name!.Trim(), ct), "documents.duplicate", "name", ErrorKind.Conflict));
        var f = new AdvisorFirm { Id = Guid.CreateVersion7(), Name = r.Name!.Trim(), Licence = r.Licence!.Trim(), Contact = r.Contact!.Trim(), RowVersion = Guid.NewGuid() };
        db.AdvisorFirms.Add(f);
        await SaveAsync(ct);
        return f.Id;
    }

    public async Task<Guid> AddAdvisorAsync(AdvisorRequest r, CancellationToken ct = default)
    {
        new Validator().Check(r.FirmId is not null, "firmId", "required").Required("name", r.Name, 50).Required("practiceNumber", r.PracticeNumber, 40)
            .Check(string.IsNullOrWhiteSpace(r.Phone) || Identifiers.IsPhone(r.Phone), "phone", "phone_format").ThrowIfInvalid();
        _ = await db.AdvisorFirms.SingleOrDefaultAsync(f => f.Id == r.FirmId, ct) ?? throw DomainException.NotFound("firmId");
        Workflow.Check(Workflow.Unless(!await db.Advisors.AnyAsync(a => a.PracticeNumber == r.PracticeNumber!.Trim(), ct), "documents.duplicate", "practiceNumber", ErrorKind.Conflict));
        var a = new Advisor
        {
            Id = Guid.CreateVersion7(), FirmId = r.FirmId!.Value, Name = r.Name!.Trim(), PracticeNumber = r.PracticeNumber!.Trim(),
            Phone = string.IsNullOrWhiteSpace(r.Phone) ? null : r.Phone.Trim(), RowVersion = Guid.NewGuid(),
        };
        db.Advisors.Add(a);
        await SaveAsync(ct);
        return a.Id;
    }

    public async Task<Guid> AddContractAsync(ContractRequest r, CancellationToken ct = default)
    {
        new Validator().Check(r.FirmId is not null, "firmId", "required").Required("number", r.Number, 40).Check(r.From is not null, "from", "required")
            .Check(r.To is not null && r.To >= r.From, "to", "documents.term_order").Check(r.Fee is >= 0 and < 100_000_000m, "fee", "documents.fee_range")
            .Required("scope", r.Scope, 1000).ThrowIfInvalid();
        _ = await db.AdvisorFirms.SingleOrDefaultAsync(f => f.Id == r.FirmId, ct) ?? throw DomainException.NotFound("firmId");
        Workflow.Check(Workflow.Unless(!await db.AdvisorContracts.AnyAsync(c => c.Number == r.Number!.Trim(), ct), "documents.duplicate", "number", ErrorKind.Conflict));
        var office = await OfficeAsync(ct);
        var c = new AdvisorContract
        {
            Id = Guid.CreateVersion7(), FirmId = r.FirmId!.Value, DepartmentId = office, Number = r.Number!.Trim(), From = r.From!.Value, To = r.To!.Value,
            Fee = r.Fee!.Value, Scope = r.Scope!.Trim(), RowVersion = Guid.NewGuid(),
        };
        db.AdvisorContracts.Add(c);
        // The firm's earlier contracts that end before this one starts are renewed by it: their lapse leaves the register.
        foreach (var earlier in await db.AdvisorContracts.Where(x => x.FirmId == c.FirmId && x.RenewedById == null && x.To < c.From).ToListAsync(ct))
        {
            earlier.RenewedById = c.Id;
        }

        await SaveAsync(ct);
        return c.Id;
    }

    /// <summary>An advisor assigned to the town, a department or unit, or a community of the organisation tree for a term within its firm's contract.</summary>
    public async Task<Guid> AssignAsync(AssignmentRequest r, CancellationToken ct = default)
    {
        new Validator().Check(r.AdvisorId is not null, "advisorId", "required").Check(r.UnitId is not null, "unitId", "required").Check(r.From is not null, "from", "required")
            .Check(r.To is not null && r.To >= r.From, "to", "documents.term_order").ThrowIfInvalid();
        var advisor = await db.Advisors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == r.AdvisorId, ct) ?? throw DomainException.NotFound("advisorId");
        var unit = (await directory.UnitsAsync(ct)).GetValueOrDefault(r.UnitId!.Value) ?? throw DomainException.NotFound("unitId");
        var covered = await db.AdvisorContracts.AnyAsync(c => c.FirmId == advisor.FirmId && c.From <= r.From && c.To >= r.To, ct);
        Workflow.Check(Workflow.Unless(covered, "documents.no_contract", "to", ErrorKind.Conflict, ""));
        var a = new AdvisorAssignment
        {
            Id = Guid.CreateVersion7(), AdvisorId = advisor.Id, UnitId = unit.Id, UnitName = unit.Name, Level = LevelOf(unit.Kind), From = r.From!.Value, To = r.To!.Value,
        };
        db.AdvisorAssignments.Add(a);
        await SaveAsync(ct);
        return a.Id;
    }

    public static AdvisorLevel LevelOf(OrgNodeKind kind) => kind switch
    {
        OrgNodeKind.Town => AdvisorLevel.Town,
        OrgNodeKind.Community => AdvisorLevel.Community,
        _ => AdvisorLevel.Unit,
    };

    /// <summary>The office's yearly grade of an advisor (one a year; a second is 409).</summary>
    public async Task EvaluateAsync(EvaluationRequest r, CancellationToken ct = default)
    {
        var by = await actors.CurrentAsync(ct);
        new Validator().Check(r.AdvisorId is not null, "advisorId", "required").Check(r.Year is { } y && y >= 2000 && y <= by.Today.Year, "year", "documents.year_range")
            .Check(r.Grade is >= 1 and <= 4, "grade", "documents.grade_range").Required("note", r.Note, 1000).ThrowIfInvalid();
        _ = await db.Advisors.AsNoTracking().SingleOrDefaultAsync(a => a.Id == r.AdvisorId, ct) ?? throw DomainException.NotFound("advisorId");
        Workflow.Check(Workflow.Unless(!await db.AdvisorEvaluations.AnyAsync(e => e.AdvisorId == r.AdvisorId && e.Year == r.Year, ct), "documents.evaluated", "year", ErrorKind.Conflict));
        db.AdvisorEvaluations.Add(new AdvisorEvaluation { Id = Guid.CreateVersion7(), AdvisorId = r.AdvisorId!.Value, Year = r.Year!.Value, Grade = r.Grade!.Value, Note = r.Note!.Trim(), At = by.Now, By = by.Name });
        await SaveAsync(ct);
    }

    /// <summary>The staff responsible for legal work, unit by unit in the organisation's order; those whose duty ended are kept, marked.</summary>
    public async Task<Paged<LegalStaffRow>> LegalStaffAsync(Guid? unitId, bool current, string? q, int page, int pageSize = 50, CancellationToken ct = default)
    {
        var today = (await actors.CurrentAsync(ct)).Today;
        var query = db.LegalStaff.AsNoTracking();
        if (unitId is { } u)
        {
            query = query.Where(s => s.UnitId == u);
        }

        if (current)
        {
            query = query.Where(s => s.Until == null || s.Until >= today);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var t = q.Trim();
            query = query.Where(s => s.Name.Contains(t) || s.UnitName.Contains(t) || s.Position.Contains(t));
        }

        return await query.OrderBy(s => s.UnitName).ThenBy(s => s.Name)
            .Select(s => new LegalStaffRow(s.Id, s.UnitId, s.UnitName, s.Name, s.Position, s.Since, s.Until)).ToPageAsync(page, pageSize, ct);
    }

    public async Task<Guid> AddLegalStaffAsync(LegalStaffRequest r, CancellationToken ct = default)
    {
        new Validator().Check(r.UnitId is not null, "unitId", "required").Required("name", r.Name, 50).Required("position", r.Position, 100)
            .Check(r.Since is not null, "since", "required").ThrowIfInvalid();
        var unit = (await directory.UnitsAsync(ct)).GetValueOrDefault(r.UnitId!.Value) ?? throw DomainException.NotFound("unitId");
        var name = r.Name!.Trim();
        // A double click adds one person, not two.
        Workflow.Check(Workflow.Unless(!await db.LegalStaff.AnyAsync(x => x.UnitId == unit.Id && x.Name == name && x.Until == null, ct), "documents.duplicate", "name", ErrorKind.Conflict));
        var s = new LegalStaff { Id = Guid.CreateVersion7(), UnitId = unit.Id, UnitName = unit.Name, Name = r.Name!.Trim(), Position = r.Position!.Trim(), Since = r.Since!.Value, RowVersion = Guid.NewGuid() };
        db.LegalStaff.Add(s);
        await SaveAsync(ct);
        return s.Id;
    }

    public async Task EndLegalStaffAsync(Guid id, EndRequest r, CancellationToken ct = default)
    {
        var s = await db.LegalStaff.SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw DomainException.NotFound();
        var today = (await actors.CurrentAsync(ct)).Today;
        Workflow.Check(Workflow.Unless(s.Until is null, "documents.already_ended", "until", ErrorKind.Conflict));
        new Validator().Check(r.Until is null || r.Until >= s.Since, "until", "documents.term_order").ThrowIfInvalid();
        s.Until = r.Until ?? today;
        await SaveAsync(ct);
    }

    /// <summary>Saves in the write transaction; two people adding the same record at once get one success and one 409, never a 500.</summary>
    private async Task SaveAsync(CancellationToken ct)
    {
        await using var tx = await db.BeginWriteAsync(ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            throw new DomainException("documents.duplicate", null, ErrorKind.Conflict);
        }

        await tx.CommitAsync(ct);
    }

    /// <summary>The legal office (Documents:LegalOffice:Code, TX-LAW by default).</summary>
    public async Task<Guid> OfficeAsync(CancellationToken ct)
    {
        var by = await actors.CurrentAsync(ct);
        if (by.IsIn(DocumentsRoles.LegalOfficer) && by.DepartmentId is { } own)
        {
            return own;
        }

        return (await directory.ByCodeAsync(configuration["Documents:LegalOffice:Code"] ?? "TX-LAW", ct))?.Id
            ?? throw new DomainException("documents.no_office", "office", ErrorKind.Conflict);
    }
}

public static class AdvisorsApi
{
    private static readonly string[] Office = [DocumentsRoles.LegalOfficer, Roles.Administrator];

    /// <summary>The advisors under contract, for any work line that asks one through <c>LegalOpinions</c> (any signed-in staff).</summary>
    public static IEndpointRouteBuilder MapAdvisorChoices(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/documents/advisors/choices", async (OpinionService s) => TypedResults.Ok(await s.ChoicesAsync())).WithTags("Documents").RequireAuthorization()
            .WithSummary("The advisors whose firm is under contract today: the choice for an opinion request, from any work line.");
        return app;
    }

    public static RouteGroupBuilder MapAdvisors(this RouteGroupBuilder g)
    {
        g.MapGet("/advisors", async (int? year, OpinionService s) => TypedResults.Ok(await s.OverviewAsync(year)))
            .WithSummary("Firms with their contracts (a lapsing one marked), advisors with their assignments and the year's requests, on-time answers, average rating and grade; advisors per level; communities without one.");
        g.MapPost("/advisors/firms", async (FirmRequest r, OpinionService s) => TypedResults.Ok(new NewRecord(await s.AddFirmAsync(r))))
            .RequireAuthorization(p => p.RequireRole(Office)).WithSummary("A law firm.");
        g.MapPost("/advisors", async (AdvisorRequest r, OpinionService s) => TypedResults.Ok(new NewRecord(await s.AddAdvisorAsync(r))))
            .RequireAuthorization(p => p.RequireRole(Office)).WithSummary("A lawyer of a firm as a legal advisor.");
        g.MapPost("/advisors/contracts", async (ContractRequest r, OpinionService s) => TypedResults.Ok(new NewRecord(await s.AddContractAsync(r))))
            .RequireAuthorization(p => p.RequireRole(Office)).WithSummary("A firm's contract: number, term, the year's fee, scope; its end alerts two months before.");
        g.MapPost("/advisors/assignments", async (AssignmentRequest r, OpinionService s) => TypedResults.Ok(new NewRecord(await s.AssignAsync(r))))
            .RequireAuthorization(p => p.RequireRole(Office)).WithSummary("An advisor assigned to the town, a unit or a community (from the organisation tree) within the firm's contract.");
        g.MapPost("/advisors/evaluations", async (EvaluationRequest r, OpinionService s) =>
            {
                await s.EvaluateAsync(r);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(p => p.RequireRole(Office)).WithSummary("The office's yearly grade of an advisor: 4 优秀, 3 称职, 2 基本称职, 1 不称职, with a note; once a year.");
        g.MapGet("/legal-staff", async (Guid? unitId, bool? current, string? q, int? page, OpinionService s) => TypedResults.Ok(await s.LegalStaffAsync(unitId, current ?? true, q, page ?? 1)))
            .WithSummary("The staff responsible for legal work in each unit of the organisation; current only unless current=false.");
        g.MapGet("/legal-staff/export", async (Guid? unitId, bool? current, string? q, OpinionService s, Text text) =>
                await ListExport.ExcelAsync(await s.LegalStaffAsync(unitId, current ?? true, q, 1, Paging.ExportRows), text, "legal-staff.xlsx",
                    new ListColumn<LegalStaffRow>("documents.unit", r => r.Unit),
                    new ListColumn<LegalStaffRow>("field.name", r => r.Name),
                    new ListColumn<LegalStaffRow>("documents.position", r => r.Position),
                    new ListColumn<LegalStaffRow>("documents.since", r => r.Since),
                    new ListColumn<LegalStaffRow>("documents.until", r => r.Until)))
            .WithSummary("The legal staff as Excel.").ProducesExcel();
        g.MapPost("/legal-staff", async (LegalStaffRequest r, OpinionService s) => TypedResults.Ok(new NewRecord(await s.AddLegalStaffAsync(r))))
            .RequireAuthorization(p => p.RequireRole(Office)).WithSummary("A member of staff responsible for legal work in a unit.");
        g.MapPost("/legal-staff/{id:guid}/end", async (Guid id, EndRequest r, OpinionService s) =>
            {
                await s.EndLegalStaffAsync(id, r);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(p => p.RequireRole(Office)).WithSummary("Their duty ends (today by default); the row is kept.");

        g.MapGet("/opinions", async (OpinionStatus? status, OpinionTopic? topic, Guid? advisorId, int? year, string? q, int? page, OpinionService s) =>
                TypedResults.Ok(await s.ListAsync(status, topic, advisorId, year, q, page ?? 1)))
            .WithSummary("Opinion requests in the caller's scope, newest first; filter by status, topic, advisor, year, or number, subject, advisor, firm and source.");
        g.MapGet("/opinions/export", async (OpinionStatus? status, OpinionTopic? topic, Guid? advisorId, int? year, string? q, OpinionService s, Text text) =>
                await ListExport.ExcelAsync(await s.ListAsync(status, topic, advisorId, year, q, 1, Paging.ExportRows), text, "opinions.xlsx",
                    new ListColumn<OpinionRow>("documents.number", r => r.Number),
                    new ListColumn<OpinionRow>("documents.topic", r => text["documents.topic." + r.Topic].Value),
                    new ListColumn<OpinionRow>("documents.subject", r => r.Subject),
                    new ListColumn<OpinionRow>("documents.department", r => r.Department),
                    new ListColumn<OpinionRow>("documents.advisor", r => r.Advisor),
                    new ListColumn<OpinionRow>("documents.firm", r => r.Firm),
                    new ListColumn<OpinionRow>("documents.asked_at", r => r.AskedAt),
                    new ListColumn<OpinionRow>("documents.due", r => r.Due),
                    new ListColumn<OpinionRow>("documents.rating", r => r.Rating),
                    new ListColumn<OpinionRow>("field.status", r => text["documents.opinion_status." + r.Status].Value)))
            .WithSummary("The opinion requests as Excel.").ProducesExcel();
        g.MapPost("/opinions", async Task<Created<OpinionCreated>> (OpinionRequestBody r, [FromHeader(Name = "Idempotency-Key")] string? key, OpinionService s, HttpContext http) =>
        {
            var (created, replayed) = await s.AskAsync(r, key);
            if (replayed)
            {
                http.Response.Headers["Idempotent-Replayed"] = "true";
            }

            return TypedResults.Created($"/api/documents/opinions/{created.Id}", created);
        }).WithSummary("Asks an advisor under contract for a written opinion (land, project, contract, dispute, document); due in working days on the register (5 by default).");
        g.MapGet("/opinions/{id:guid}", async (Guid id, OpinionService s) => TypedResults.Ok(await s.ViewAsync(id)))
            .WithSummary("One request with its opinion, evaluation, record and the actions allowed now.");
        g.MapPost("/opinions/{id:guid}/answer", async (Guid id, OpinionAnswerRequest r, OpinionService s) =>
        {
            await s.AnswerAsync(id, r.Opinion, null, r.SeenEvents);
            return TypedResults.NoContent();
        }).WithSummary("The advisor's written opinion as text, recorded by the legal office (with the signed file: …/answer/file).");
        g.MapPost("/opinions/{id:guid}/answer/file", async (Guid id, HttpContext http, OpinionService s, FileStore store) =>
        {
            MultipartUpload.RequireMultipart(http.Request);
            await s.ReadyToAnswerAsync(id);
            var form = await MultipartUpload.ReadAsync(http.Request, store, FileKinds.Documents);
            await s.AnswerAsync(id, form["opinion"], form.File("file")?.File, int.TryParse(form["seenEvents"], System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null);
            return TypedResults.NoContent();
        }).DisableAntiforgery().Accepts<IFormFile>("multipart/form-data").WithMetadata(new MultipartForm(
            [new("opinion", "The opinion's text (optional with the file)"), new("seenEvents", "The record's length the caller's page showed")],
            "file: the signed opinion (PDF, JPEG or PNG), kept by its SHA-256"))
            .WithSummary("The advisor's signed opinion as a file (multipart/form-data; anything else is 415).");
        g.MapPost("/opinions/{id:guid}/rating", async (Guid id, OpinionRatingRequest r, OpinionService s) =>
        {
            await s.RateAsync(id, r);
            return TypedResults.NoContent();
        }).WithSummary("The evaluation of one opinion: 1 to 5, with a note; once.");
        g.MapPost("/opinions/{id:guid}/withdrawal", async (Guid id, OpinionWithdrawRequest r, OpinionService s) =>
        {
            await s.WithdrawAsync(id, r);
            return TypedResults.NoContent();
        }).WithSummary("Withdraws a request not yet answered, with the reason.");
        g.MapGet("/opinions/{id:guid}/file", async (Guid id, OpinionService s) =>
        {
            var (content, type) = await s.FileAsync(id);
            return TypedResults.File(content, type, "法律意见书" + (type == "application/pdf" ? ".pdf" : type == "image/png" ? ".png" : ".jpg"));
        }).WithSummary("The signed opinion's file, hashed again first (a replaced file answers 409 file.altered).").ProducesStoredFile();
        g.MapGet("/opinions/{id:guid}/opinion.docx", async (Guid id, OpinionService s) => TypedResults.File(await s.DocumentAsync(id), OfficialDocument.ContentType, "法律意见书.docx"))
            .WithSummary("The opinion's text as 法律意见书 in 公文 form.").ProducesWord();
        return g;
    }
}
