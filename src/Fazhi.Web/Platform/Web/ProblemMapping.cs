using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fazhi.Web.Platform.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Web;

/// <summary>
/// The one place where failures become RFC 9457 problem details: a stable <c>code</c>, a localized
/// <c>title</c>, and <c>errors</c> keyed by the field that is wrong.
/// </summary>
public sealed partial class ProblemMapping(IProblemDetailsService problems, Text text, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        // The middleware has already pointed the request at /error; decide by the path that failed.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        if (!IsApiPath(path))
        {
            return false;
        }

        var problem = Map(exception);
        if (problem.Status >= 500)
        {
            logger.LogError(exception, "Unhandled error on {Path}", path);
        }

        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    public static bool IsApi(HttpRequest request) => IsApiPath(request.Path.Value ?? "");

    private static bool IsApiPath(string path) =>
        path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) || path is "/api" or "/healthz";

    public ProblemDetails Map(Exception exception) => exception switch
    {
        ValidationFailedException v => Validation(v.Errors),
        DomainException d => Domain(d),
        BadHttpRequestException b => BadRequest(b),
        DbUpdateConcurrencyException => Problem(StatusCodes.Status409Conflict, "concurrency_conflict", null),
        _ => Problem(StatusCodes.Status500InternalServerError, "server_error", null),
    };

    public ProblemDetails Validation(IReadOnlyList<FieldError> errors)
    {
        var problem = Problem(StatusCodes.Status422UnprocessableEntity, "validation_failed", null);
        problem.Extensions["errors"] = errors
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => $"{text.Field(e.Field)}: {text.Error(e.Code, e.Args)}").ToArray());
        problem.Extensions["fieldCodes"] = errors
            .GroupBy(e => e.Field)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Code).ToArray());
        return problem;
    }

    private ProblemDetails Domain(DomainException d)
    {
        var status = d.Kind switch
        {
            ErrorKind.NotFound => StatusCodes.Status404NotFound,
            ErrorKind.Conflict => StatusCodes.Status409Conflict,
            ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            ErrorKind.UnsupportedMediaType => StatusCodes.Status415UnsupportedMediaType,
            _ => StatusCodes.Status422UnprocessableEntity,
        };
        var problem = Problem(status, d.Code, d.Field, d.Args);
        return problem;
    }

    private ProblemDetails BadRequest(BadHttpRequestException b)
    {
        if (b.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "request.too_large", null);
        }

        if (b.InnerException is JsonException json)
        {
            var field = FieldFromPath(json.Path);
            // A syntax error (cut-off body, stray comma) is malformed JSON; anything else is a value that does not fit its field.
            var malformed = field is null || json.InnerException?.GetType().Name == "JsonReaderException";
            return Problem(StatusCodes.Status400BadRequest, malformed ? "request.malformed_json" : "request.wrong_type", field ?? "body");
        }

        var match = ParameterName().Match(b.Message);
        var parameter = match.Success ? match.Groups[1].Value : null;
        return Problem(StatusCodes.Status400BadRequest, parameter is null ? "request.invalid" : "request.bad_parameter", parameter ?? "body");
    }

    private ProblemDetails Problem(int status, string code, string? field, IReadOnlyList<object>? args = null)
    {
        var message = text.Error(code, args);
        var problem = new ProblemDetails
        {
            Status = status,
            Title = message,
            Type = $"https://fazhi.example/problems/{code}",
        };
        problem.Extensions["code"] = code;
        if (field is not null)
        {
            problem.Extensions["field"] = field;
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [$"{text.Field(field)}: {message}"] };
        }

        return problem;
    }

    /// <summary><c>$.people[0].name</c> becomes <c>people[0].name</c>; <c>$</c> alone means the body as a whole.</summary>
    internal static string? FieldFromPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return null;
        }

        return path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
    }

    // Minimal APIs word binding failures as: Failed to bind parameter "int days" from "x".
    [GeneratedRegex("parameter \"(?:[^\" ]+ )?([A-Za-z0-9_]+)\"")]
    private static partial Regex ParameterName();

    /// <summary>Adds the trace id and a default <c>code</c> to every problem, also those written for bare status codes.</summary>
    public static void Customize(ProblemDetailsContext context)
    {
        var p = context.ProblemDetails;
        p.Extensions.TryAdd("traceId", Activity.Current?.Id ?? context.HttpContext.TraceIdentifier);
        if (!p.Extensions.ContainsKey("code"))
        {
            var code = p.Status switch
            {
                StatusCodes.Status401Unauthorized => "unauthorized",
                StatusCodes.Status403Forbidden => "forbidden",
                StatusCodes.Status404NotFound => "not_found",
                StatusCodes.Status405MethodNotAllowed => "method_not_allowed",
                StatusCodes.Status415UnsupportedMediaType => "request.unsupported_media_type",
                StatusCodes.Status429TooManyRequests => "too_many_requests",
                _ => "http_" + p.Status,
            };
            p.Extensions["code"] = code;
            var text = context.HttpContext.RequestServices.GetRequiredService<Text>();
            p.Title = text.Error(code);
            if (p.Status == StatusCodes.Status415UnsupportedMediaType)
            {
                // The body as a whole is what is wrong: named like any other field.
                p.Extensions["field"] = "body";
                p.Extensions["errors"] = new Dictionary<string, string[]> { ["body"] = [$"{text.Field("body")}: {p.Title}"] };
            }
        }
    }
}
