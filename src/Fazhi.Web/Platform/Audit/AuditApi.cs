using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Identity;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Audit;

public sealed record AuditQuery(string? Actor, string? EntityType, string? EntityId, string? Action, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50);

public sealed record AuditRow(long Sequence, DateTime At, string ActorName, string? Ip, string EntityType, string EntityId, string Action, string? Before, string? After, string Hash);

public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Audit").RequireAuthorization(p => p.RequireRole(Roles.Administrator));
        api.MapGet("/", Search).WithSummary("Search the audit record, newest first.");
        api.MapGet("/export", Export).WithSummary("The audit record as an Excel ledger.").ProducesExcel();
        api.MapGet("/verify", Verify).WithSummary("Walk the hash chain and report the first broken link.");
        return app;
    }

    internal static IQueryable<AuditEntry> Filter(FazhiDbContext db, AuditQuery q)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Actor))
        {
            var actor = q.Actor.Trim();
            query = query.Where(e => e.ActorName.Contains(actor));
        }

        if (!string.IsNullOrWhiteSpace(q.EntityType))
        {
            var type = q.EntityType.Trim();
            query = query.Where(e => e.EntityType == type);
        }

        if (!string.IsNullOrWhiteSpace(q.EntityId))
        {
            var id = q.EntityId.Trim();
            query = query.Where(e => e.EntityId == id);
        }

        if (!string.IsNullOrWhiteSpace(q.Action))
        {
            var action = q.Action.Trim();
            query = query.Where(e => e.Action == action);
        }

        if (q.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
            query = query.Where(e => e.At >= start);
        }

        if (q.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ChinaTime.Offset;
            query = query.Where(e => e.At < end);
        }

        return query;
    }

    public static async Task<Paged<AuditRow>> QueryAsync(FazhiDbContext db, AuditQuery q, CancellationToken ct = default)
    {
        return await Filter(db, q).OrderByDescending(e => e.Sequence)
            .Select(e => new AuditRow(e.Sequence, e.At, e.ActorName, e.Ip, e.EntityType, e.EntityId, e.Action, e.Before, e.After, e.Hash))
            .ToPageAsync(q.Page, q.PageSize, ct);
    }

    public static async Task<byte[]> ExportAsync(FazhiDbContext db, AuditQuery q, Text text)
    {
        var rows = await Filter(db, q).OrderBy(e => e.Sequence).Take(200_000).ToListAsync();
        return await Spreadsheet.WriteAsync(text["audit.title"], rows.Select(e => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [text["audit.sequence"]] = e.Sequence,
            [text["audit.at"]] = e.At,
            [text["audit.actor"]] = e.ActorName,
            [text["loginlog.ip"]] = e.Ip,
            [text["audit.entityType"]] = e.EntityType,
            [text["audit.entityId"]] = e.EntityId,
            [text["audit.action"]] = e.Action,
            [text["audit.before"]] = e.Before,
            [text["audit.after"]] = e.After,
            [text["audit.hash"]] = e.Hash,
        }));
    }

    private static async Task<Ok<Paged<AuditRow>>> Search([AsParameters] AuditQuery q, FazhiDbContext db) =>
        TypedResults.Ok(await QueryAsync(db, q));

    private static async Task<FileContentHttpResult> Export([AsParameters] AuditQuery q, FazhiDbContext db, Text text) =>
        TypedResults.File(await ExportAsync(db, q, text), Spreadsheet.ContentType, "audit.xlsx");

    private static async Task<Ok<AuditVerification>> Verify(AuditVerifier verifier) =>
        TypedResults.Ok(await verifier.VerifyAsync());
}
