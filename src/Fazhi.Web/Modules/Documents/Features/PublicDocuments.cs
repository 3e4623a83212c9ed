using System.Text.Json;
using Fazhi.Web.Modules.Documents.Data;
using Fazhi.Web.Modules.Documents.Domain;
using Fazhi.Web.Platform.Cases;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Fazhi.Web.Modules.Documents.Features;

/// <summary>A document in force as the public list shows it.</summary>
public sealed record PublicDocumentRow(
    string Slug, string Number, DocumentKind Kind, string Title, string Department, DateOnly PublishedOn, DateOnly EffectiveOn, DateOnly ExpiresOn, bool Provisional, int Amendments);

public sealed record PublicDocumentList(int Total, int Page, int PageSize, bool HasMore, IReadOnlyList<PublicDocumentRow> Items);

/// <summary>A comment as the public page shows it: the name masked, the text and the answer as text.</summary>
public sealed record PublicCommentView(DateTime At, string? Name, string Text, string? Answer, DateTime? AnsweredAt);

/// <summary>A document or draft opened by its public address: its current text, its status, its comment window and the comments answered so far.</summary>
public sealed record PublicDocumentView(
    string Slug, string? Number, string DraftNumber, DocumentKind Kind, string Title, string Department, DocumentStatus Status, bool InForce,
    DateOnly? PublishedOn, DateOnly? EffectiveOn, DateOnly? ExpiresOn, DateOnly? RepealedOn, bool TakesComments, DateOnly? CommentDue, string Text,
    IReadOnlyList<PublicCommentView> Comments);

/// <summary>A draft or decision open for the public's comments now.</summary>
public sealed record OpenForComment(string Kind, string Slug, string Number, string Title, string Department, DateOnly Due);

public sealed record PublicDecisionRow(string Slug, string Number, string Title, string Department, DecisionStatus Status, DateOnly? DecidedOn, bool TakesComments, DateOnly? CommentDue);

public sealed record PublicDirectory(int Year, DateOnly? PublishedOn, IReadOnlyList<PublicDecisionRow> Decisions);

public sealed record PublicDecisionView(string Slug, string Number, int Year, string Title, string Matter, string Department, DecisionStatus Status, DateOnly? DecidedOn,
    bool TakesComments, DateOnly? CommentDue, IReadOnlyList<PublicCommentView> Comments);

/// <summary>A comment from the public: a name if they wish, and the text (plain text; markup is kept as typed and shown escaped).</summary>
public sealed record CommentRequest(string? Name, string? Text);

/// <summary>
/// The documents in force, kept in memory (a town has dozens, a city a few thousand): the list and its search answer without the
/// database. A save that changes a document drops the copy at once; other processes notice by the documents' ChangedAt.
/// </summary>
public sealed class DocumentsInForce
{
    /// <summary>How many distinct answers (search, kind, page) are kept before they are all dropped and kept anew.</summary>
    public const int MaxAnswers = 2000;

    private volatile Snapshot? _snapshot;

    private volatile Answers _answers = new(default, new());

    private long _generation;

    /// <summary>Moves with every drop: a snapshot read across a drop is not kept.</summary>
    internal long Generation => Interlocked.Read(ref _generation);

    internal sealed record Snapshot(IReadOnlyList<PublicDocumentRow> Rows, DateTime LoadedAt);

    /// <summary>The list's JSON answers of one China day (a document lapses at midnight), by their query.</summary>
    private sealed record Answers(DateOnly Day, System.Collections.Concurrent.ConcurrentDictionary<string, byte[]> ByQuery);

    internal Snapshot? Current => _snapshot;

    /// <summary>Keeps a snapshot read when the generation was <paramref name="readAt"/>, unless a save dropped the copy since.</summary>
    internal void Set(Snapshot s, long readAt)
    {
        if (Generation != readAt)
        {
            return;
        }

        _snapshot = s;
        if (Generation != readAt)
        {
            _snapshot = null;
        }
    }

    /// <summary>The answer kept for a query on a day, if any.</summary>
    public byte[]? Find(string query, DateOnly day)
    {
        var a = _answers;
        return a.Day == day && a.ByQuery.TryGetValue(query, out var bytes) ? bytes : null;
    }

    /// <summary>Keeps an answer read from the snapshot taken at <paramref name="from"/>, unless a save dropped it since.</summary>
    internal void Put(string query, DateOnly day, byte[] bytes, Snapshot from)
    {
        var a = _answers;
        if (a.Day != day || a.ByQuery.Count >= MaxAnswers)
        {
            _answers = a = new Answers(day, new());
        }

        if (ReferenceEquals(_snapshot, from))
        {
            a.ByQuery[query] = bytes;
        }
    }

    public void Drop()
    {
        Interlocked.Increment(ref _generation);
        _snapshot = null;
        _answers = new Answers(default, new());
    }
}

internal sealed class DocumentsInForceObserver(DocumentsInForce cache, TimeProvider time) : ISaveObserver
{
    public Action? Saving(FazhiDbContext db)
    {
        var changed = false;
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var e in db.ChangeTracker.Entries<NormativeDocument>().Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            if (e.State == EntityState.Modified)
            {
                e.Property(x => x.ChangedAt).CurrentValue = now;
            }

            changed = true;
        }

        foreach (var e in db.ChangeTracker.Entries<MajorDecision>().Where(e => e.State is EntityState.Modified))
        {
            e.Property(x => x.ChangedAt).CurrentValue = now;
        }

        return changed ? cache.Drop : null;
    }
}

/// <summary>Drops the copy when another process changed a document (polled by ChangedAt).</summary>
internal sealed class DocumentsInForcePoller(DocumentsInForce cache, IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<DocumentsInForcePoller> log) : BackgroundService
{
    /// <summary>How far back each poll looks beyond its interval: a save stamped earlier may commit later.</summary>
    private static readonly TimeSpan Overlap = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(configuration.GetValue("Documents:PollSeconds", 2.0));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stoppingToken);
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
                var since = time.GetUtcNow().UtcDateTime - every - Overlap;
                if (await db.NormativeDocuments.AsNoTracking().AnyAsync(d => d.ChangedAt >= since, stoppingToken))
                {
                    cache.Drop();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                log.LogWarning(e, "Could not poll the documents in force");
            }
        }
    }
}

/// <summary>The public side: the documents in force, a document or draft by its address, the decisions' directory, and comments without sign-in.</summary>
public sealed class PublicDocumentService(FazhiDbContext db, DocumentsInForce cache, TimeProvider time, IMemoryCache memory)
{
    /// <summary>A client may leave this many comments in ten minutes (besides the platform's request limit).</summary>
    public const int CommentsPerTenMinutes = 5;

    private static readonly Lock Claims = new();

    private async Task<DocumentsInForce.Snapshot> SnapshotAsync(CancellationToken ct)
    {
        if (cache.Current is { } held)
        {
            return held;
        }

        var readAt = cache.Generation;
        var rows = await db.NormativeDocuments.AsNoTracking()
            .Where(d => (d.Status == DocumentStatus.Published || d.Status == DocumentStatus.Filed || d.Status == DocumentStatus.Repealed) && d.EffectiveOn != null && d.ExpiresOn != null)
            .OrderByDescending(d => d.PublishedOn).ThenByDescending(d => d.Number)
            .Select(d => new PublicDocumentRow(d.Slug, d.Number!, d.Kind, d.Title, d.DepartmentName, d.PublishedOn!.Value, d.EffectiveOn!.Value, d.ExpiresOn!.Value, d.Provisional, d.Amendments))
            .ToListAsync(ct);
        var snapshot = new DocumentsInForce.Snapshot(rows, time.GetUtcNow().UtcDateTime);
        cache.Set(snapshot, readAt);
        return snapshot;
    }

    /// <summary>The documents in force today: found by a word of the title, the number or the department; newest first.</summary>
    public async Task<PublicDocumentList> InForceAsync(string? q, DocumentKind? kind, int page, int pageSize = 20, CancellationToken ct = default) =>
        Page(await SnapshotAsync(ct), ChinaTime.Today(time), q, kind, page, pageSize);

    /// <summary>The list's answer as JSON, kept in memory per query for the day until a document changes.</summary>
    public async Task<byte[]> InForceJsonAsync(string key, DateOnly today, string? q, DocumentKind? kind, int page, System.Text.Json.JsonSerializerOptions options, CancellationToken ct = default)
    {
        var snapshot = await SnapshotAsync(ct);
        // One day for the answer and for where it is kept: a request across midnight keeps nothing for the next day.
        var bytes = JsonSerializer.SerializeToUtf8Bytes(Page(snapshot, today, q, kind, page, 20), options);
        cache.Put(key, today, bytes, snapshot);
        return bytes;
    }

    private static PublicDocumentList Page(DocumentsInForce.Snapshot snapshot, DateOnly today, string? q, DocumentKind? kind, int page, int pageSize)
    {
        IEnumerable<PublicDocumentRow> rows = snapshot.Rows.Where(r => r.EffectiveOn <= today && today <= r.ExpiresOn);
        if (kind is { } k)
        {
            rows = rows.Where(r => r.Kind == k);
        }

        if (!string.IsNullOrWhiteSpace(q))
        {
            var words = q.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            rows = rows.Where(r => words.All(w => r.Title.Contains(w, StringComparison.OrdinalIgnoreCase) || r.Number.Contains(w, StringComparison.OrdinalIgnoreCase)
                || r.Department.Contains(w, StringComparison.Ordinal)));
        }

        var all = rows as IList<PublicDocumentRow> ?? [.. rows];
        var p = Math.Max(1, page);
        var size = Math.Clamp(pageSize, 1, 100);
        var items = all.Skip((p - 1) * size).Take(size).ToList();
        return new PublicDocumentList(all.Count, p, size, all.Count > p * size, items);
    }

    public async Task<PublicDocumentView> DocumentAsync(string slug, CancellationToken ct = default)
    {
        var d = await db.NormativeDocuments.AsNoTracking().Include(x => x.Versions).SingleOrDefaultAsync(x => x.Slug == slug, ct);
        var today = ChinaTime.Today(time);
        // A draft is public only while (or after) it is open for comment; a published document always.
        if (d is null || (d.Number is null && d.CommentWindow is null) || d.Status == DocumentStatus.Dropped)
        {
            throw DomainException.NotFound("slug");
        }

        // Before publication the public sees the text it was asked about: the version current when comment opened, or later ones once published.
        var text = d.Number is not null ? d.Current.Text
            : d.Versions.Where(v => ChinaTime.DateOf(v.At) <= d.CommentWindow!.StartedOn).OrderBy(v => v.Number).LastOrDefault()?.Text ?? d.Current.Text;
        return new PublicDocumentView(d.Slug, d.Number, d.DraftNumber, d.Kind, d.Title, d.DepartmentName, d.Status, d.InForce(today), d.PublishedOn, d.EffectiveOn, d.ExpiresOn,
            d.RepealedOn, d.TakesComments(today), d.CommentWindow?.DueDate, text, await CommentsAsync(d.Id, ct));
    }

    private async Task<IReadOnlyList<PublicCommentView>> CommentsAsync(Guid subject, CancellationToken ct) =>
        [.. (await db.PublicComments.AsNoTracking().Where(c => c.SubjectId == subject).OrderBy(c => c.At).ToListAsync(ct))
            .Select(c => new PublicCommentView(c.At, c.Name is null ? null : Masking.Name(c.Name), Masking.IdentifiersIn(c.Text), c.Answer is null ? null : Masking.IdentifiersIn(c.Answer), c.AnsweredAt))];

    /// <summary>Drafts and decisions open for comment today.</summary>
    public async Task<IReadOnlyList<OpenForComment>> OpenAsync(CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        var docs = await db.NormativeDocuments.AsNoTracking().Where(d => d.Status == DocumentStatus.PublicComment && d.CommentWindow!.DueDate >= today)
            .Select(d => new OpenForComment("document", d.Slug, d.DraftNumber, d.Title, d.DepartmentName, d.CommentWindow!.DueDate)).ToListAsync(ct);
        var decisions = await db.MajorDecisions.AsNoTracking().Where(d => d.Status == DecisionStatus.InProcedure)
            .SelectMany(d => d.Phases.Where(p => p.Stage == DecisionStage.Participation && p.State == PhaseState.Open && p.Clock!.DueDate >= today),
                (d, p) => new OpenForComment("decision", d.Slug, d.Number, d.Title, d.DepartmentName, p.Clock!.DueDate)).ToListAsync(ct);
        return [.. docs.Concat(decisions).OrderBy(o => o.Due)];
    }

    /// <summary>第10条: the year's directory, once published; 404 before.</summary>
    public async Task<PublicDirectory> DirectoryAsync(int year, CancellationToken ct = default)
    {
        var published = await db.DecisionDirectories.AsNoTracking().SingleOrDefaultAsync(d => d.Year == year, ct) ?? throw DomainException.NotFound("year");
        var today = ChinaTime.Today(time);
        var rows = await db.MajorDecisions.AsNoTracking().Where(d => d.Year == year).Include(d => d.Phases).OrderBy(d => d.Number).ToListAsync(ct);
        return new PublicDirectory(year, published.PublishedOn, [.. rows.Select(d => new PublicDecisionRow(d.Slug, d.Number, d.Title, d.DepartmentName, d.Status, d.DecidedOn,
            d.TakesComments(today), d.Phase(DecisionStage.Participation).Clock?.DueDate))]);
    }

    public async Task<PublicDecisionView> DecisionAsync(string slug, CancellationToken ct = default)
    {
        var d = await db.MajorDecisions.AsNoTracking().Include(x => x.Phases).SingleOrDefaultAsync(x => x.Slug == slug, ct) ?? throw DomainException.NotFound("slug");
        // Public once its year's directory is, or while (or since) its draft was put to the public; never a matter kept unpublished.
        if (!await db.DecisionDirectories.AnyAsync(x => x.Year == d.Year, ct) && d.Phase(DecisionStage.Participation).State is not (PhaseState.Open or PhaseState.Done))
        {
            throw DomainException.NotFound("slug");
        }

        var today = ChinaTime.Today(time);
        return new PublicDecisionView(d.Slug, d.Number, d.Year, d.Title, d.Matter, d.DepartmentName, d.Status, d.DecidedOn, d.TakesComments(today),
            d.Phase(DecisionStage.Participation).Clock?.DueDate, await CommentsAsync(d.Id, ct));
    }

    /// <summary>
    /// A comment on a draft or a decision open for comment: kept as plain text. The same text again from the same client within
    /// ten minutes is the same comment (a double click); more than five in ten minutes is 429.
    /// </summary>
    public async Task CommentAsync(string slug, CommentRequest r, string client, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(time);
        Guid subject;
        var doc = await db.NormativeDocuments.AsNoTracking().Where(d => d.Slug == slug).Select(d => new { d.Id, d.Status, Due = (DateOnly?)d.CommentWindow!.DueDate }).SingleOrDefaultAsync(ct);
        if (doc is not null)
        {
            Workflow.Check(Workflow.Unless(doc.Status == DocumentStatus.PublicComment && doc.Due >= today, "documents.comment_closed", "text", ErrorKind.Conflict));
            subject = doc.Id;
        }
        else
        {
            var decision = await db.MajorDecisions.AsNoTracking().Include(d => d.Phases).SingleOrDefaultAsync(d => d.Slug == slug, ct) ?? throw DomainException.NotFound("slug");
            Workflow.Check(Workflow.Unless(decision.TakesComments(today), "documents.comment_closed", "text", ErrorKind.Conflict));
            subject = decision.Id;
        }

        new Validator().Required("text", r.Text, 2000).MaxLength("name", r.Name, 50).ThrowIfInvalid();
        var text = r.Text!.Trim();
        // Claimed before it is stored, so a double click stores one comment; given back if the save fails. The client's list is
        // made under the same lock: two requests at once would otherwise each make a list of their own and both claim.
        List<(Guid Subject, string Text)> recent;
        lock (Claims)
        {
            recent = memory.GetOrCreate($"documents.comments:{client}", e =>
            {
                e.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
                return new List<(Guid Subject, string Text)>();
            })!;
            if (recent.Contains((subject, text)))
            {
                return;
            }

            if (recent.Count >= CommentsPerTenMinutes)
            {
                throw new DomainException("documents.too_many_comments", "text", ErrorKind.Conflict);
            }

            recent.Add((subject, text));
        }

        try
        {
            await using var tx = await db.BeginWriteAsync(ct);
            db.PublicComments.Add(new PublicComment
            {
                Id = Guid.CreateVersion7(), SubjectId = subject, At = time.GetUtcNow().UtcDateTime, Name = string.IsNullOrWhiteSpace(r.Name) ? null : r.Name.Trim(), Text = text,
            });
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        catch
        {
            lock (Claims)
            {
                recent.Remove((subject, text));
            }

            throw;
        }
    }
}

public static class PublicDocumentsApi
{
    public static void MapPublicDocuments(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;
        var held = app.ServiceProvider.GetRequiredService<DocumentsInForce>();
        var time = app.ServiceProvider.GetRequiredService<TimeProvider>();
        var g = app.MapGroup("/api/public/documents").WithTags("Documents").AllowAnonymous().RequireRateLimiting(PublicLookups.RateLimitPolicy);
        g.MapGet("/", async Task<IResult> (string? q, DocumentKind? kind, int? page, HttpContext http) =>
            {
                // The answers of the day are kept per query: most look-ups touch neither the database nor the serializer.
                var key = $"{kind}|{page ?? 1}|{q?.Trim()}";
                var today = ChinaTime.Today(time);
                if (held.Find(key, today) is { } bytes)
                {
                    return new JsonBytes(bytes);
                }

                return new JsonBytes(await http.RequestServices.GetRequiredService<PublicDocumentService>().InForceJsonAsync(key, today, q, kind, page ?? 1, options, http.RequestAborted));
            })
            .Produces<PublicDocumentList>()
            .WithSummary("The normative documents in force today, newest first: q finds words of the title, the number or the department; kind Administrative or Party; 20 a page.");
        g.MapGet("/open", async (PublicDocumentService s) => TypedResults.Ok(await s.OpenAsync()))
            .WithSummary("Drafts and major decisions open for the public's comment today, with their last day.");
        g.MapGet("/decisions/{year:int}", async (int year, PublicDocumentService s) => TypedResults.Ok(await s.DirectoryAsync(year)))
            .WithSummary("第10条: the year's directory of major decisions, once published (404 before).");
        g.MapGet("/decisions/by-address/{slug}", async (string slug, PublicDocumentService s) => TypedResults.Ok(await s.DecisionAsync(slug)))
            .WithSummary("A major decision in the published directory or open for comment, with the comments and their answers.");
        g.MapGet("/{slug}", async (string slug, PublicDocumentService s) => TypedResults.Ok(await s.DocumentAsync(slug)))
            .WithSummary("A document by its public address: its text, status and validity; a draft's comment window and the comments with their answers.");
        g.MapPost("/{slug}/comments", async (string slug, CommentRequest r, PublicDocumentService s, HttpContext http) =>
            {
                await s.CommentAsync(slug, r, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                return TypedResults.NoContent();
            })
            .WithSummary("A comment on a draft or decision open for comment, without sign-in (plain text; 5 per client in ten minutes; the same text again is one comment). 409 once the window closed.");
    }
}
