using System.Security.Claims;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Documents;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Identity;

public sealed record LoginRequest(string? UserName, string? Password);

public sealed record MeResponse(Guid Id, string UserName, string DisplayName, Guid DepartmentId, DataScope DataScope, IReadOnlyList<string> Roles);

public sealed record LoginLogRow(DateTime At, string UserName, LoginOutcome Outcome, string Channel, string? Ip, string? UserAgent);

public sealed record LoginLogQuery(string? UserName, LoginOutcome? Outcome, DateOnly? From, DateOnly? To, int Page = 1, int PageSize = 50);

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        // 401 for a wrong user name or password (alike, no hint which), 403 auth.locked_out for a locked account.
        api.MapPost("/login", Login).AllowAnonymous()
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status401Unauthorized).Produces(StatusCodes.Status403Forbidden)
            .WithSummary("Exchange a user name and password for a bearer token (accessToken, expiresIn in seconds); 401 for wrong credentials, 403 for a locked account.");
        api.MapGet("/me", Me).RequireAuthorization().WithSummary("The signed-in account: name, department, data scope and roles.");
        api.MapGet("/login-log", Search).RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .WithSummary("The login log, newest first: who, when, from where, and the outcome.");
        api.MapGet("/login-log/export", Export).RequireAuthorization(p => p.RequireRole(Roles.Administrator))
            .WithSummary("The login log as Excel.").ProducesExcel();
        return app;
    }

    private static async Task<Results<SignInHttpResult, ProblemHttpResult>> Login(LoginRequest request, StaffSignIn signIn, SignInManager<StaffUser> manager, ProblemMapping problems)
    {
        new Validator()
            .Required("userName", request.UserName, 256)
            .Required("password", request.Password, 256)
            .ThrowIfInvalid();
        var (outcome, user) = await signIn.CheckAsync(request.UserName!, request.Password!, "api");
        switch (outcome)
        {
            case LoginOutcome.Succeeded:
                var principal = await manager.CreateUserPrincipalAsync(user!);
                return TypedResults.SignIn(principal, authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
            case LoginOutcome.LockedOut:
                throw new DomainException("auth.locked_out", "userName", ErrorKind.Forbidden);
            default:
                // Unknown user, wrong password and disabled account answer alike: no hint which it was.
                var problem = problems.Map(new DomainException("auth.invalid_credentials", "password"));
                problem.Status = StatusCodes.Status401Unauthorized;
                return TypedResults.Problem(problem);
        }
    }

    private static async Task<Ok<MeResponse>> Me(ClaimsPrincipal principal, UserManager<StaffUser> users)
    {
        var user = await users.GetUserAsync(principal) ?? throw DomainException.NotFound();
        var roles = await users.GetRolesAsync(user);
        return TypedResults.Ok(new MeResponse(user.Id, user.UserName!, user.DisplayName, user.DepartmentId, user.DataScope, [.. roles.Order()]));
    }

    public static async Task<Paged<LoginLogRow>> QueryAsync(FazhiDbContext db, LoginLogQuery q, CancellationToken ct = default)
    {
        return await Filter(db, q).OrderByDescending(e => e.Id)
            .Select(e => new LoginLogRow(e.At, e.UserName, e.Outcome, e.Channel, e.Ip, e.UserAgent))
            .ToPageAsync(q.Page, q.PageSize, ct);
    }

    private static IQueryable<LoginLogEntry> Filter(FazhiDbContext db, LoginLogQuery q)
    {
        var query = db.LoginLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.UserName))
        {
            var name = q.UserName.Trim();
            query = query.Where(e => e.UserName.Contains(name));
        }

        if (q.Outcome is { } outcome)
        {
            query = query.Where(e => e.Outcome == outcome);
        }

        if (q.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
            query = query.Where(e => e.At >= start);
        }

        if (q.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddHours(-8);
            query = query.Where(e => e.At < end);
        }

        return query;
    }

    private static async Task<Ok<Paged<LoginLogRow>>> Search([AsParameters] LoginLogQuery q, FazhiDbContext db) =>
        TypedResults.Ok(await QueryAsync(db, q));

    public static async Task<byte[]> ExportAsync(FazhiDbContext db, LoginLogQuery q, Text text)
    {
        var rows = await Filter(db, q).OrderByDescending(e => e.Id).Take(100_000).ToListAsync();
        return await Spreadsheet.WriteAsync(text["loginlog.title"], rows.Select(e => (IDictionary<string, object?>)new Dictionary<string, object?>
        {
            [text["loginlog.at"]] = e.At,
            [text["field.userName"]] = e.UserName,
            [text["loginlog.outcome"]] = text["loginlog.outcome." + e.Outcome].Value,
            [text["loginlog.channel"]] = e.Channel,
            [text["loginlog.ip"]] = e.Ip,
            [text["loginlog.userAgent"]] = e.UserAgent,
        }));
    }

    private static async Task<FileContentHttpResult> Export([AsParameters] LoginLogQuery q, FazhiDbContext db, Text text) =>
        TypedResults.File(await ExportAsync(db, q, text), Spreadsheet.ContentType, "login-log.xlsx");
}
