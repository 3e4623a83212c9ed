using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fazhi.Web.Platform.Web;

/// <summary>
/// What a client generator needs from the document besides the operations: the Bearer scheme and, on each operation that
/// needs a sign-in, the requirement for it; an operationId on every operation (<c>postEnforcementCasesByIdEvidence</c>);
/// and a relative server address, so a client works against whichever host serves it.
/// </summary>
internal sealed class OpenApiShape : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string Scheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Servers = [new OpenApiServer { Url = "/" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "POST /api/auth/login answers accessToken; send it as Authorization: Bearer <accessToken>.",
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var description = context.Description;
        operation.OperationId ??= OperationId(description.HttpMethod ?? "get", description.RelativePath ?? "");
        var metadata = description.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }];
        }

        return Task.CompletedTask;
    }

    /// <summary><c>POST api/enforcement/cases/{id}/evidence</c> becomes <c>postEnforcementCasesByIdEvidence</c>.</summary>
    public static string OperationId(string method, string path)
    {
        var parts = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "api").Select(p =>
        {
            var name = p.StartsWith('{') ? "By" + Pascal(p.Trim('{', '}').Split(':')[0]) : Pascal(p);
            return name;
        });
        return method.ToLowerInvariant() + string.Concat(parts);
    }

    private static string Pascal(string segment) =>
        string.Concat(segment.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
}
