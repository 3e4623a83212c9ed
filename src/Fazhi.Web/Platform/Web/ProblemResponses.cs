using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.RateLimiting;

namespace Fazhi.Web.Platform.Web;

/// <summary>
/// RFC 9457 problem details as the platform writes them (<see cref="ProblemMapping"/>): a stable <c>code</c>,
/// a localized <c>title</c>, and the fields at fault with their messages and codes.
/// </summary>
public sealed class ProblemBody
{
    public required string Type { get; init; }

    /// <summary>What went wrong, in the caller's language.</summary>
    public required string Title { get; init; }

    public required int Status { get; init; }

    /// <summary>Stable: e.g. <c>process.acted_by</c>, <c>validation_failed</c>.</summary>
    public required string Code { get; init; }

    public string? Field { get; init; }

    public string? Detail { get; init; }

    public string? TraceId { get; init; }

    /// <summary>Each field at fault with its messages.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; init; }

    /// <summary>Each field at fault with the stable codes of its messages.</summary>
    public IReadOnlyDictionary<string, string[]>? FieldCodes { get; init; }
}

/// <summary>
/// Declares on every API operation the problem answers it can give, from what the endpoint is: input that
/// can be malformed (400) or invalid (422), a sign-in (401), a role or a permission checked on a write (403),
/// a record named in the route (404), a write that can meet a conflicting state (409), an upload's size (413) and body type (415),
/// a rate limit (429). The OpenAPI document then tells the truth about every operation, the ones added
/// later included.
/// </summary>
internal sealed class ProblemResponses : IApiDescriptionProvider
{
    private static readonly string[] Writes = ["POST", "PUT", "PATCH", "DELETE"];

    // After the framework's own providers, whose results this completes.
    public int Order => 1000;

    public void OnProvidersExecuting(ApiDescriptionProviderContext context)
    {
    }

    public void OnProvidersExecuted(ApiDescriptionProviderContext context)
    {
        foreach (var description in context.Results)
        {
            // A bare 4xx an endpoint declares itself (TypedResults.NotFound()) is written as problem details too.
            var statuses = Statuses(description);
            foreach (var bare in description.SupportedResponseTypes.Where(r => r.StatusCode is >= 400 and < 500 && (r.Type is null || r.Type == typeof(void))).ToList())
            {
                description.SupportedResponseTypes.Remove(bare);
                statuses.Add(bare.StatusCode);
            }

            foreach (var status in statuses.Where(s => description.SupportedResponseTypes.All(r => r.StatusCode != s)))
            {
                description.SupportedResponseTypes.Add(new ApiResponseType
                {
                    StatusCode = status,
                    Type = typeof(ProblemBody),
                    ApiResponseFormats = { new ApiResponseFormat { MediaType = "application/problem+json" } },
                });
            }
        }
    }

    private static SortedSet<int> Statuses(ApiDescription d)
    {
        var metadata = d.ActionDescriptor.EndpointMetadata;
        var inputs = d.ParameterDescriptions.Where(p => p.Source != BindingSource.Services && p.Source != BindingSource.Special).ToList();
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var authorized = !anonymous && metadata.OfType<IAuthorizeData>().Any();
        var write = Writes.Contains(d.HttpMethod ?? "", StringComparer.OrdinalIgnoreCase);
        var form = inputs.Any(p => p.Source == BindingSource.Form || p.Source == BindingSource.FormFile)
            || metadata.OfType<MultipartForm>().Any();
        var statuses = new SortedSet<int>();
        if (inputs.Count > 0 || write)
        {
            statuses.Add(StatusCodes.Status400BadRequest);
        }

        if (inputs.Any(p => p.Source != BindingSource.Path) || write)
        {
            statuses.Add(StatusCodes.Status422UnprocessableEntity);
        }

        if (authorized)
        {
            statuses.Add(StatusCodes.Status401Unauthorized);
            if (write || metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles) || !string.IsNullOrEmpty(a.Policy))
                || metadata.OfType<AuthorizationPolicy>().Any())
            {
                statuses.Add(StatusCodes.Status403Forbidden);
            }

            if (write)
            {
                statuses.Add(StatusCodes.Status409Conflict);
            }
        }

        if (inputs.Any(p => p.Source == BindingSource.Path))
        {
            statuses.Add(StatusCodes.Status404NotFound);
        }

        if (form)
        {
            // A multipart form refuses any other body (MultipartUpload.RequireMultipart) and one too large.
            statuses.Add(StatusCodes.Status413PayloadTooLarge);
            statuses.Add(StatusCodes.Status415UnsupportedMediaType);
        }

        if (metadata.OfType<EnableRateLimitingAttribute>().Any())
        {
            statuses.Add(StatusCodes.Status429TooManyRequests);
        }

        return statuses;
    }
}
