using Fazhi.Web.Platform.Privacy;
using Fazhi.Web.Modules.Services.Data;
using Fazhi.Web.Platform.Organisation;
using System.Text.Json;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QRCoder;

namespace Fazhi.Web.Modules.Services.Features;

public sealed record ProgressStep(DateTime At, string Kind, string? Stage, string? Department, string? Note);

/// <summary>What the public progress page shows: no personal data beyond the masked name.</summary>
public sealed record ProgressView(
    string Number,
    string ItemName,
    string ItemCode,
    string Applicant,
    string Status,
    DateTime ReceivedAt,
    DateOnly? DueDate,
    string? CurrentStage,
    string? CurrentDepartment,
    int Visits,
    IReadOnlyList<string> ApplicantMustDo,
    string? RefusalReason,
    IReadOnlyList<ProgressStep> Timeline);

/// <summary>
/// 实时查询办理进度: the view behind the receipt's QR code. The public look-up is the busiest
/// request of the platform: it is answered from <see cref="ProgressAnswers"/> (kept in memory, current for
/// this process), and otherwise reads the application and its timeline in one statement. The immutable
/// parts (an item version's stages, department names) come from memory either way.
/// </summary>
public sealed class ProgressService(IServiceProvider services, ReadConnections connections, ProgressFacts facts, ProgressAnswers answers)
{
    /// <summary>An application and its timeline, one row per event, as <see cref="ReadSnapshotsAsync"/> reads them.</summary>
    internal const string SnapshotColumns = """
        SELECT a."QueryToken", a."Number", a."ItemVersionId", a."ItemName", a."ApplicantName", a."Status", a."ReceivedAt", a."DueDate",
               a."CurrentStage", a."Visits", a."CorrectionItems", a."RefusalReason",
               e."At", e."Kind", e."StageName", e."DepartmentId", e."Note"
        FROM svc_applications a LEFT JOIN svc_application_events e ON e."ApplicationId" = a."Id"
        """;

    private const string LookupSql = SnapshotColumns + """
         WHERE a."QueryToken" = @token
         ORDER BY e."Sequence"
        """;

    public async Task<ProgressView?> ByTokenAsync(string token, CancellationToken ct = default)
    {
        // Tokens are URL-safe base64 of 18 random bytes; anything else cannot match and costs no query.
        if (token.Length is < 22 or > 64 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        if (answers.Find(token) is { } held)
        {
            return await ToViewAsync(held, ct);
        }

        return await connections.QueryAsync(LookupSql, "@token", token, async r =>
        {
            ProgressSnapshot? s = null;
            await foreach (var (_, snapshot) in ReadSnapshotsAsync(r, ct))
            {
                s = snapshot;
            }

            return s is null ? null : await ToViewAsync(s, ct);
        }, ct);
    }

    /// <summary>
    /// Reads applications with their timelines, one row per event (<see cref="SnapshotColumns"/>, the rows of one
    /// application together and in order), with the applicant's name masked.
    /// </summary>
    internal static async IAsyncEnumerable<(string Token, ProgressSnapshot Snapshot)> ReadSnapshotsAsync(
        System.Data.Common.DbDataReader r, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? token = null;
        ProgressSnapshot? s = null;
        while (await r.ReadAsync(ct))
        {
            var rowToken = r.GetString(0);
            if (s is null || rowToken != token)
            {
                if (s is not null)
                {
                    yield return (token!, s);
                }

                token = rowToken;
                var status = (ApplicationStatus)r.GetInt32(5);
                s = new ProgressSnapshot(
                    r.GetString(1), r.GetFieldValue<Guid>(2), r.GetString(3), Masking.Name(r.GetString(4)), status,
                    Utc(r, 6), r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7),
                    r.IsDBNull(8) ? null : r.GetInt32(8), r.GetInt32(9),
                    // Shown only while the applicant must act; not parsed for the others.
                    MustAct(status) ? JsonSerializer.Deserialize<List<string>>(r.GetString(10), JsonColumn.Options) ?? [] : [],
                    r.IsDBNull(11) ? null : r.GetString(11), []);
            }

            if (!r.IsDBNull(12))
            {
                s.Events.Add((Utc(r, 12), r.GetString(13), r.IsDBNull(14) ? null : r.GetString(14),
                    r.IsDBNull(15) ? null : r.GetFieldValue<Guid>(15), r.IsDBNull(16) ? null : r.GetString(16)));
            }
        }

        if (s is not null)
        {
            yield return (token!, s);
        }
    }

    private static bool MustAct(ApplicationStatus status) => status is ApplicationStatus.AwaitingCorrection or ApplicationStatus.Suspended;

    // SQLite keeps instants as text in one fixed format; parsing it exactly is much cheaper than the
    // general parser. PostgreSQL hands back a DateTime already.
    private static DateTime Utc(System.Data.Common.DbDataReader r, int i) =>
        r.GetFieldType(i) == typeof(string)
            ? DateTime.ParseExact(r.GetString(i), "yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)
            : DateTime.SpecifyKind(r.GetDateTime(i), DateTimeKind.Utc);

    /// <summary>The kiosk's look-up: application number plus the last six characters of the ID number or credit code.</summary>
    // The context is only needed off the hot path (kiosk look-ups, staff pages, cache misses).
    private FazhiDbContext Db => services.GetRequiredService<FazhiDbContext>();

    public async Task<ProgressView?> ByNumberAsync(string number, string tail, CancellationToken ct = default)
    {
        var n = number.Trim().ToUpperInvariant();
        var t = tail.Trim().ToUpperInvariant();
        if (t.Length != 6)
        {
            return null;
        }

        var token = await Db.Applications.AsNoTracking().Where(a => a.Number == n && a.IdentifierTail == t).Select(a => a.QueryToken).SingleOrDefaultAsync(ct);
        return token is null ? null : await ByTokenAsync(token, ct);
    }

    public async Task<ProgressView> ViewAsync(Application app, CancellationToken ct = default)
    {
        var events = await Db.ApplicationEvents.AsNoTracking().Where(e => e.CaseId == app.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        return await ToViewAsync(new ProgressSnapshot(app.Number, app.ItemVersionId, app.ItemName, Masking.Name(app.ApplicantName), app.Status, app.ReceivedAt, app.DueDate,
            app.CurrentStage, app.Visits, app.CorrectionItems, app.RefusalReason,
            events.Select(e => (e.At, e.Kind, e.StageName, e.DepartmentId, e.Note)).ToList()), ct);
    }

    private async Task<ProgressView> ToViewAsync(ProgressSnapshot s, CancellationToken ct)
    {
        var version = await facts.VersionAsync(s.ItemVersionId, ct);
        var names = await facts.NamesAsync(ct);
        string? stage = null, department = null;
        if (s.Status == ApplicationStatus.Accepted && s.CurrentStage is { } i && i < version!.Stages.Count)
        {
            stage = version.Stages[i].Name;
            department = string.Join("、", version.Stages[i].DepartmentIds.Select(d => names!.GetValueOrDefault(d, "")));
        }

        return new ProgressView(
            s.Number, s.ItemName, version!.Code, s.Applicant, s.Status.ToString(), s.ReceivedAt, s.DueDate,
            stage, department, s.Visits, MustAct(s.Status) ? s.CorrectionItems : [], s.RefusalReason,
            s.Events.Select(e => new ProgressStep(e.At, e.Kind, e.Stage, e.DepartmentId is { } d ? names!.GetValueOrDefault(d) : null, e.Note)).ToList());
    }
}

/// <summary>
/// What every progress answer shares, kept for the process: a published item version's code and stages (they never
/// change) and the departments' names (taken from the organisation directory again every few seconds). A singleton,
/// so that the public look-up of an answer held in memory resolves nothing from the request: no service scope, no
/// database context, no cache entry per request.
/// </summary>
public sealed class ProgressFacts(IServiceScopeFactory scopes, ProgressAnswers answers)
{
    // Real time, like the directory's own 30-second cache that the names come from.
    private const long NamesFreshMs = 5_000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, VersionFacts> _versions = new();
    private Names? _names;

    internal sealed record VersionFacts(string Code, List<ProcessStage> Stages);

    private sealed record Names(IReadOnlyDictionary<Guid, string> ById, long Until);

    /// <summary>
    /// The answer for <paramref name="token"/> as JSON straight from memory, or null when it is not held (the caller
    /// then asks <see cref="ProgressService.ByTokenAsync"/>).
    /// </summary>
    internal async ValueTask<IResult?> HeldJsonAsync(string token, CancellationToken ct = default)
    {
        if (!answers.TryLocate(token, out var held))
        {
            return null;
        }

        var version = await VersionAsync(answers.VersionOf(held), ct);
        return new HeldJson(answers, held, version, await NamesAsync(ct));
    }

    /// <summary>A published version's item code and stages, read once.</summary>
    internal ValueTask<VersionFacts> VersionAsync(Guid id, CancellationToken ct) =>
        _versions.TryGetValue(id, out var facts) ? ValueTask.FromResult(facts) : new(ReadVersionAsync(id, ct));

    private async Task<VersionFacts> ReadVersionAsync(Guid id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        var facts = await (from v in db.ServiceItemVersions.AsNoTracking()
                           join i in db.ServiceItems.AsNoTracking() on v.ItemId equals i.Id
                           where v.Id == id
                           select new VersionFacts(i.Code, v.Stages)).SingleAsync(ct);
        return _versions.GetOrAdd(id, facts);
    }

    /// <summary>The names of the organisation's nodes by id, at most a few seconds older than the directory's.</summary>
    internal ValueTask<IReadOnlyDictionary<Guid, string>> NamesAsync(CancellationToken ct) =>
        Volatile.Read(ref _names) is { } names && Environment.TickCount64 < names.Until
            ? ValueTask.FromResult(names.ById)
            : new(ReadNamesAsync(ct));

    private async Task<IReadOnlyDictionary<Guid, string>> ReadNamesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var names = await scope.ServiceProvider.GetRequiredService<OrganisationDirectory>().NamesAsync(ct);
        Volatile.Write(ref _names, new Names(names, Environment.TickCount64 + NamesFreshMs));
        return names;
    }

    private sealed class HeldJson(ProgressAnswers answers, HeldAnswer held, VersionFacts version, IReadOnlyDictionary<Guid, string> names) : IResult
    {
        [ThreadStatic]
        private static (System.Buffers.ArrayBufferWriter<byte> Buffer, System.Text.Json.Utf8JsonWriter Writer)? _scratch;

        public Task ExecuteAsync(HttpContext http)
        {
            // Written whole into a buffer of this thread first, so the answer goes out with its length in one write.
            var (buffer, writer) = _scratch ??= (new System.Buffers.ArrayBufferWriter<byte>(2048), new System.Text.Json.Utf8JsonWriter(System.IO.Stream.Null, new System.Text.Json.JsonWriterOptions { Encoder = answers.Encoder, SkipValidation = true }));
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            answers.WriteJson(held, writer, version.Code, version.Stages, names);
            writer.Flush();
            var response = http.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.ContentLength = buffer.WrittenCount;
            System.Buffers.BuffersExtensions.Write(response.BodyWriter, buffer.WrittenSpan);
            return response.BodyWriter.FlushAsync(http.RequestAborted).AsTask();
        }
    }
}

/// <summary>The constant answer of <c>/api/public/ping</c>: <c>{"ok":true}</c>.</summary>
public sealed record PingAnswer(bool Ok)
{
    public static readonly PingAnswer Alive = new(true);
}

/// <summary>
/// The public answers, serialized by source-generated code (no reflection on the busiest requests); the
/// platform's JSON options (names, enums as text) still apply.
/// </summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(PingAnswer))]
[System.Text.Json.Serialization.JsonSerializable(typeof(ProgressView))]
internal sealed partial class PublicJson : System.Text.Json.Serialization.JsonSerializerContext;

public static class ProgressApi
{
    public const string RateLimitPolicy = PublicLookups.RateLimitPolicy;

    /// <summary><see cref="PingAnswer.Alive"/> as the API's JSON options write it, serialized once.</summary>
    internal static readonly JsonBytes Ping = new("""{"ok":true}"""u8.ToArray());

    public static IEndpointRouteBuilder MapPublicProgress(this IEndpointRouteBuilder app)
    {
        // Taken here, not per request: a held answer is written without the request's service scope.
        var facts = app.ServiceProvider.GetRequiredService<ProgressFacts>();
        app.MapGet("/api/public/ping", () => Ping).Produces<PingAnswer>()
            .AllowAnonymous().WithTags("Public").WithSummary("A constant answer, for load balancers and as the benchmark's baseline.");
        app.MapGet("/api/public/progress/{token}", (string token, HttpContext http) => Get(token, http, facts)).Produces<ProgressView>()
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicy).WithTags("Public")
            .WithSummary("Progress of an application by the query token of its receipt. Personal data is masked.");
        return app;
    }

    // The answer held in memory is written as it is; otherwise the database is asked.
    private static async Task<IResult> Get(string token, HttpContext http, ProgressFacts facts) =>
        await facts.HeldJsonAsync(token, http.RequestAborted)
        ?? TypedResults.Ok(await http.RequestServices.GetRequiredService<ProgressService>().ByTokenAsync(token, http.RequestAborted)
            ?? throw new DomainException("progress.not_found", "token", ErrorKind.NotFound));
}
