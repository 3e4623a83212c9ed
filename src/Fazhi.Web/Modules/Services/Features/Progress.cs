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

/// <summary>实时查询办理进度: the view behind the receipt's QR code, by query token only.</summary>
public sealed class ProgressService(FazhiDbContext db)
{
    public async Task<ProgressView?> ByTokenAsync(string token, CancellationToken ct = default)
    {
        // Tokens are URL-safe base64 of 18 random bytes; anything else cannot match and costs no query.
        if (token.Length is < 22 or > 64 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return null;
        }

        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.QueryToken == token, ct);
        return app is null ? null : await ViewAsync(app, ct);
    }

    /// <summary>The kiosk's look-up: application number plus the last six characters of the ID number or credit code.</summary>
    public async Task<ProgressView?> ByNumberAsync(string number, string tail, CancellationToken ct = default)
    {
        var n = number.Trim().ToUpperInvariant();
        var t = tail.Trim().ToUpperInvariant();
        if (t.Length != 6)
        {
            return null;
        }

        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Number == n && a.IdentifierTail == t, ct);
        return app is null ? null : await ViewAsync(app, ct);
    }

    public async Task<ProgressView> ViewAsync(Application app, CancellationToken ct = default)
    {
        var events = await db.ApplicationEvents.AsNoTracking().Where(e => e.ApplicationId == app.Id).OrderBy(e => e.Sequence).ToListAsync(ct);
        var version = await db.ServiceItemVersions.AsNoTracking().Where(v => v.Id == app.ItemVersionId)
            .Select(v => new { v.Stages, v.Materials }).SingleAsync(ct);
        var code = await db.ServiceItems.AsNoTracking().Where(i => i.Id == app.ItemId).Select(i => i.Code).SingleAsync(ct);
        var deptIds = events.Where(e => e.DepartmentId is not null).Select(e => e.DepartmentId!.Value)
            .Concat(version.Stages.SelectMany(s => s.DepartmentIds)).Distinct().ToList();
        var names = await db.OrgNodes.AsNoTracking().Where(n => deptIds.Contains(n.Id)).ToDictionaryAsync(n => n.Id, n => n.Name, ct);
        string? stage = null, department = null;
        if (app.Status == ApplicationStatus.Accepted && app.CurrentStage is { } i && i < version.Stages.Count)
        {
            stage = version.Stages[i].Name;
            department = string.Join("、", version.Stages[i].DepartmentIds.Select(d => names.GetValueOrDefault(d, "")));
        }

        var mustDo = app.Status switch
        {
            ApplicationStatus.AwaitingCorrection => app.CorrectionItems,
            _ => [],
        };
        return new ProgressView(
            app.Number, app.ItemName, code, Masking.Name(app.ApplicantName), app.Status.ToString(), app.ReceivedAt, app.DueDate,
            stage, department, app.Visits, mustDo, app.RefusalReason,
            events.Select(e => new ProgressStep(e.At, e.Kind, e.StageName, e.DepartmentId is { } d ? names.GetValueOrDefault(d) : null, e.Note)).ToList());
    }
}

/// <summary>QR codes as PNG, drawn by QRCoder.</summary>
public static class QrCodes
{
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string DataUri(string text, int pixelsPerModule = 8) => "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule));
}

public static class ProgressApi
{
    public const string RateLimitPolicy = "public";

    public static IEndpointRouteBuilder MapPublicProgress(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/progress/{token}", Get)
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicy).WithTags("Public")
            .WithSummary("Progress of an application by the query token of its receipt. Personal data is masked.");
        return app;
    }

    private static async Task<Ok<ProgressView>> Get(string token, ProgressService s) =>
        TypedResults.Ok(await s.ByTokenAsync(token) ?? throw new DomainException("progress.not_found", "token", ErrorKind.NotFound));
}
