using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Enforcement.Features;

public sealed record PublishRequest(string? Content);

/// <summary>One publication as the department sees it: what will be (or is) shown, its due date, and its withdrawal.</summary>
public sealed record PublicationView(
    Guid Id, Guid? CaseId, Guid? ActionId, PublicationKind Kind, string DocumentNumber, string Matter, string Party, string Content, DateOnly DecidedOn,
    decimal Fine, DateOnly DueDate, PublicationStatus Status, DateOnly? PublishedOn, string? PublishedBy, DateOnly? RetainUntil, DateOnly? WithdrawalDue,
    DateOnly? WithdrawnOn, string? WithdrawalReason)
{
    public static PublicationView Of(Publication p) => new(
        p.Id, p.CaseId, p.ActionId, p.Kind, p.DocumentNumber, p.Matter, p.Party, p.Content, p.DecidedOn, p.Fine, p.Due.DueDate, p.Status, p.PublishedOn, p.PublishedBy,
        p.RetainUntil, p.Withdrawal?.DueDate, p.WithdrawnOn, p.WithdrawalReason);
}

public sealed record PublicationRow(
    Guid Id, Guid? CaseId, PublicationKind Kind, string DocumentNumber, string Matter, string Party, DateOnly DecidedOn, DateOnly DueDate, PublicationStatus Status,
    DateOnly? PublishedOn, DateOnly? RetainUntil, DateOnly? WithdrawnOn);

/// <summary>A publication as anyone may read it: masked when it was prepared.</summary>
public sealed record PublicDisclosure(
    Guid Id, string Department, PublicationKind Kind, string DocumentNumber, string Matter, string Party, string Content, decimal Fine, DateOnly DecidedOn, DateOnly PublishedOn);

/// <summary>A page of the public search: no total (counting every match would cost more than the page), only whether there is more.</summary>
public sealed record PublicPage(IReadOnlyList<PublicDisclosure> Items, int Page, bool HasMore);

/// <summary>
/// 公示: the department's publications falling due, published (within 7 or 20 working days) and withdrawn; and the public
/// disclosure search, which answers without sign-in and reads only what is published and within its retention.
/// </summary>
public sealed class DisclosureService(
    FazhiDbContext db, DataScopeResolver scopes, OrganisationDirectory directory, TimeProvider time, WorkingDayCalendar calendar, IConfiguration configuration,
    IHttpContextAccessor http, PublicAnswers answers, Platform.Lists.TextSearch search)
{
    public const int PublicPageSize = 20;

    public async Task<Paged<PublicationRow>> ListAsync(PublicationStatus? status, int page, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        var q = db.Publications.AsNoTracking().WithinScope(scope, p => p.DepartmentId, _ => Guid.Empty);
        if (status is { } s)
        {
            q = q.Where(p => p.Status == s);
        }

        return await q.OrderBy(p => p.Status).ThenByDescending(p => p.DecidedOn).ThenByDescending(p => p.Id)
            .Select(p => new PublicationRow(p.Id, p.CaseId, p.Kind, p.DocumentNumber, p.Matter, p.Party, p.DecidedOn, p.Due.DueDate, p.Status, p.PublishedOn, p.RetainUntil, p.WithdrawnOn))
            .ToPageAsync(page, 50, ct);
    }

    public async Task<Publication> GetAsync(Guid id, CancellationToken ct = default)
    {
        var scope = await scopes.CurrentAsync(ct);
        return await db.Publications.AsNoTracking().WithinScope(scope, p => p.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(p => p.Id == id, ct)
            ?? throw DomainException.NotFound();
    }

    /// <summary>
    /// Publishes exactly what the preview shows: the text (an edited one too) masked with the case's own party (name, ID number,
    /// address, phone, plate, representative) as well as the patterns; kept for the department's retention period.
    /// </summary>
    public async Task PublishAsync(Guid id, PublishRequest r, CancellationToken ct = default)
    {
        var p = await TrackedAsync(id, ct);
        var code = (await directory.CodesAsync(ct)).GetValueOrDefault(p.DepartmentId, "");
        var rules = DepartmentRules.For(configuration, code);
        var today = ChinaTime.Today(time);
        var party = await PartyOfAsync(p, ct);
        var masking = DisclosureMasking.From(configuration);
        p.Publish(today, await NameAsync(ct), rules.RetainUntil(today, p.Fine), masking.Mask(r.Content ?? p.Content, party), masking.Mask(p.Matter, party));
        await SaveAsync(ct);
        answers.Changed();
    }

    /// <summary>What the public will see if the publication goes up now, with <paramref name="content"/> (or the prepared text): nothing is saved.</summary>
    public async Task<PublicDisclosure> PreviewAsync(Guid id, string? content, CancellationToken ct = default)
    {
        var p = await GetAsync(id, ct);
        new Validator().MaxLength("content", content, 4000).ThrowIfInvalid();
        var party = await PartyOfAsync(p, ct);
        var masking = DisclosureMasking.From(configuration);
        return new PublicDisclosure(p.Id, await directory.NameAsync(p.DepartmentId, ct) ?? "", p.Kind, p.DocumentNumber, masking.Mask(p.Matter, party), p.Party,
            masking.Mask(string.IsNullOrWhiteSpace(content) ? p.Content : content.Trim(), party), p.Fine, p.DecidedOn, p.PublishedOn ?? ChinaTime.Today(time));
    }

    /// <summary>The party a publication is about: the case's, or the subject of an act.</summary>
    private async Task<CaseParty?> PartyOfAsync(Publication p, CancellationToken ct)
    {
        if (p.CaseId is { } caseId)
        {
            return await db.EnforcementCases.AsNoTracking().Where(c => c.Id == caseId).Select(c => c.Party).SingleOrDefaultAsync(ct);
        }

        return p.ActionId is { } actionId
            ? await db.EnforcementActions.AsNoTracking().Where(a => a.Id == actionId).Select(a => new CaseParty { Kind = a.SubjectKind, Name = a.Subject }).SingleOrDefaultAsync(ct)
            : null;
    }

    public async Task WithdrawAsync(Guid id, ReasonRequest r, CancellationToken ct = default)
    {
        var p = await TrackedAsync(id, ct);
        p.Withdraw(ChinaTime.Today(time), r.Reason);
        await SaveAsync(ct);
        answers.Changed();
    }

    /// <summary>The public search: published, within retention; by document number, matter or (masked) party; newest first.</summary>
    public async Task<PublicPage> SearchAsync(string? q, Guid? department, PublicationKind? kind, int page, CancellationToken ct = default) =>
        (await AnswerAsync(answers.Ask(q, department, kind, page), ct)).Page;

    /// <summary>The answer to <paramref name="question"/>, kept for a minute (<see cref="PublicAnswers"/>).</summary>
    internal Task<PublicAnswers.Answer> AnswerAsync(PublicAnswers.Question question, CancellationToken ct) =>
        answers.GetAsync(question, () => QueryAsync(question.Q, question.Department, question.Kind, question.Page, question.Today, ct));

    private async Task<PublicPage> QueryAsync(string? q, Guid? department, PublicationKind? kind, int page, DateOnly today, CancellationToken ct)
    {
        var query = db.Publications.AsNoTracking().Where(p => p.Status == PublicationStatus.Published && p.RetainUntil >= today);
        if (department is { } d)
        {
            query = query.Where(p => p.DepartmentId == d);
        }

        if (kind is { } k)
        {
            query = query.Where(p => p.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var s = q.Trim();
            // A whole document number is found by its own index; any other words through the text index, so a word that
            // matches nothing reads nothing (no scan of every publication).
            query = s.Contains('〔', StringComparison.Ordinal) && s.EndsWith('号') && !s.Contains(' ', StringComparison.Ordinal)
                ? query.Where(p => p.DocumentNumber == s)
                : search.Filter(query, p => p.Id, EnforcementModule.PublicationSearchEntity, s);
        }

        var rows = await query.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id).Skip((page - 1) * PublicPageSize).Take(PublicPageSize + 1)
            .Select(p => new { p.Id, p.DepartmentId, p.Kind, p.DocumentNumber, p.Matter, p.Party, p.Content, p.Fine, p.DecidedOn, p.PublishedOn }).ToListAsync(ct);
        var names = await directory.NamesAsync(ct);
        return new PublicPage(
            [.. rows.Take(PublicPageSize).Select(p => new PublicDisclosure(p.Id, names.GetValueOrDefault(p.DepartmentId, ""), p.Kind, p.DocumentNumber, p.Matter, p.Party, p.Content, p.Fine, p.DecidedOn, p.PublishedOn!.Value))],
            page, rows.Count > PublicPageSize);
    }

    public async Task<PublicDisclosure?> PublicAsync(Guid id, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var p = await db.Publications.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.Status == PublicationStatus.Published && x.RetainUntil >= today, ct);
        return p is null ? null : new PublicDisclosure(p.Id, await directory.NameAsync(p.DepartmentId, ct) ?? "", p.Kind, p.DocumentNumber, p.Matter, p.Party, p.Content, p.Fine, p.DecidedOn, p.PublishedOn!.Value);
    }

    /// <summary>Licences and other decisions recorded outside a case are published too: 7 working days for licences, 20 for the rest.</summary>
    public Publication PublicationOf(EnforcementAction a)
    {
        var masking = DisclosureMasking.From(configuration);
        var party = new CaseParty { Kind = a.SubjectKind, Name = a.Subject };
        return Publication.Prepare(a.DepartmentId, null, a.Id, a.Kind == ActionKind.Licence ? PublicationKind.Licence : PublicationKind.Other, a.Number, a.Matter,
            DisclosureMasking.PartyName(party), masking.Mask($"{a.Matter}：{a.Decision}", party), 0, a.DecidedOn, calendar);
    }

    private async Task<string> NameAsync(CancellationToken ct)
    {
        var user = http.HttpContext?.User.Identity?.Name ?? "system";
        return await directory.DisplayNameAsync(user, ct) ?? user;
    }

    private async Task<Publication> TrackedAsync(Guid id, CancellationToken ct)
    {
        var scope = await scopes.CurrentAsync(ct);
        return await db.Publications.WithinScope(scope, p => p.DepartmentId, _ => Guid.Empty).SingleOrDefaultAsync(p => p.Id == id, ct) ?? throw DomainException.NotFound();
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new DomainException("enforcement.changed_meanwhile", "action", ErrorKind.Conflict);
        }
    }
}

/// <summary>
/// The public search's answers, kept for a minute: after a text message goes out, thousands ask the same few questions,
/// and what is published changes only when a decision is published or withdrawn (which this process tells it at once;
/// another server process sees the change within the minute, well inside the 3 working days a withdrawal may take).
/// </summary>
public sealed class PublicAnswers(IMemoryCache cache, TimeProvider time, IOptions<JsonOptions> json)
{
    private static readonly TimeSpan Keep = TimeSpan.FromMinutes(1);

    // Long terms are not kept: they are rare, and the cache must not grow with what strangers type.
    private const int LongestKept = 40;

    private readonly JsonSerializerOptions _json = json.Value.SerializerOptions;
    private long _generation;

    /// <summary>What a search asks: today in China (what is within its retention), the term, department, kind and page.</summary>
    public readonly record struct Question(DateOnly Today, string Q, Guid? Department, PublicationKind? Kind, int Page);

    /// <summary>One question's answer as kept: the page, and its JSON once the API has written it.</summary>
    public sealed class Answer(PublicPage page)
    {
        public PublicPage Page => page;

        internal JsonBytes? Json { get; set; }
    }

    public void Changed() => Interlocked.Increment(ref _generation);

    public Question Ask(string? q, Guid? department, PublicationKind? kind, int page) =>
        new(ChinaTime.Today(time), q?.Trim() ?? "", department, kind, Math.Clamp(page, 1, 500));

    /// <summary>The answer kept for <paramref name="question"/>, or null.</summary>
    public Answer? Held(Question question) => Held(Interlocked.Read(ref _generation), question);

    private Answer? Held(long generation, Question question) =>
        question.Q.Length <= LongestKept && cache.TryGetValue((generation, question), out Answer? known) ? known : null;

    public async Task<Answer> GetAsync(Question question, Func<Task<PublicPage>> answer)
    {
        // The generation is read before the database: a change committed meanwhile makes this answer one nobody asks for.
        var generation = Interlocked.Read(ref _generation);
        if (Held(generation, question) is { } known)
        {
            return known;
        }

        var fresh = new Answer(await answer());
        if (question.Q.Length <= LongestKept)
        {
            cache.Set((generation, question), fresh, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = Keep, Size = 1 });
        }

        return fresh;
    }

    /// <summary>The answer as the API's JSON, serialized once per kept answer and then written as it is.</summary>
    public JsonBytes Json(Answer answer) => answer.Json ??= new JsonBytes(JsonSerializer.SerializeToUtf8Bytes(answer.Page, _json));
}

public static class DisclosureApi
{
    /// <summary>The platform's one public limit: a citizen's look-ups here and on the progress page share it.</summary>
    public const string RateLimitPolicy = PublicLookups.RateLimitPolicy;

    public static RouteGroupBuilder MapDisclosures(this RouteGroupBuilder g)
    {
        g.MapGet("/publications", async (PublicationStatus? status, int? page, DisclosureService s) => TypedResults.Ok(await s.ListAsync(status, page ?? 1)))
            .WithSummary("The department's publications: due (with their 7- or 20-working-day date), published, to be withdrawn, withdrawn.");
        g.MapGet("/publications/{id:guid}", async (Guid id, DisclosureService s) => TypedResults.Ok(PublicationView.Of(await s.GetAsync(id)))).WithSummary("One publication as it will be shown.");
        g.MapPost("/publications/{id:guid}/preview", async (Guid id, PublishRequest r, DisclosureService s) => TypedResults.Ok(await s.PreviewAsync(id, r.Content)))
            .WithSummary("Exactly what the public will see if it is published now with this text (masked with the case's own party and the patterns); nothing is saved.");
        g.MapPost("/publications/{id:guid}/publish", async (Guid id, PublishRequest r, DisclosureService s) =>
        {
            await s.PublishAsync(id, r);
            return TypedResults.NoContent();
        }).WithSummary("公示: publish, optionally with an edited text (masked again); kept for the department's retention period.");
        g.MapPost("/publications/{id:guid}/withdrawal", async (Guid id, ReasonRequest r, DisclosureService s) =>
        {
            await s.WithdrawAsync(id, r);
            return TypedResults.NoContent();
        }).WithSummary("撤回: take a publication down (a revoked or changed decision: within 3 working days).");
        return g;
    }

    /// <summary>The public disclosure platform: no sign-in, rate-limited per client address.</summary>
    public static IEndpointRouteBuilder MapPublicDisclosure(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/api/public/enforcement").AllowAnonymous().RequireRateLimiting(RateLimitPolicy).WithTags("Public");
        // Taken here, not per request: an answer kept in memory is written without the request's services.
        var answers = app.ServiceProvider.GetRequiredService<PublicAnswers>();
        g.MapGet("/disclosures", async (string? q, Guid? departmentId, PublicationKind? kind, int? page, HttpContext http) =>
            {
                var question = answers.Ask(q, departmentId, kind, page ?? 1);
                var answer = answers.Held(question)
                    ?? await http.RequestServices.GetRequiredService<DisclosureService>().AnswerAsync(question, http.RequestAborted);
                return answers.Json(answer);
            })
            .Produces<PublicPage>()
            .WithSummary("Published enforcement decisions, masked, newest first; search by document number, matter or party.");
        g.MapGet("/disclosures/{id:guid}", async (Guid id, DisclosureService s) =>
                TypedResults.Ok(await s.PublicAsync(id) ?? throw new DomainException("not_found", "id", ErrorKind.NotFound)))
            .WithSummary("One published decision.");
        g.MapGet("/officers", async (Guid? departmentId, OfficerService s) => TypedResults.Ok(await s.PublicListAsync(departmentId)))
            .WithSummary("事前公开: the officers who may enforce today, by department, with certificate number and category.");
        return app;
    }
}
