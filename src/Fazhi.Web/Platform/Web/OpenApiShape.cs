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
internal sealed class OpenApiShape : IOpenApiDocumentTransformer, IOpenApiOperationTransformer, IOpenApiSchemaTransformer
{
    public const string Scheme = "Bearer";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Fazhi API";
        document.Info.Description = "The JSON API of Fazhi, a town government's platform for the citizen service centre, administrative enforcement, "
            + "people's mediation and the rule-of-law report. Sign in with POST /api/auth/login and send the token as a Bearer token. "
            + "Every error is RFC 9457 problem details with a stable code, a title in the caller's language and the fields at fault.";
        // Each tag with its sentence, from the module that uses it (the platform is one of them).
        var described = Modules.ModuleCatalog.All.SelectMany(m => m.ApiTags).ToDictionary(t => t.Name, t => t.Description, StringComparer.Ordinal);
        if (document.Tags is { } tags)
        {
            foreach (var tag in tags)
            {
                tag.Description ??= described.GetValueOrDefault(tag.Name ?? "");
            }
        }

        InlineFiles(document);
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
        // Signed in with the Bearer scheme, or (an empty requirement) open to anyone: said either way, so that no client has to guess.
        operation.Security = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any()
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, context.Document)] = [] }]
            : [new OpenApiSecurityRequirement()];

        // A file (a Word document, an Excel ledger, an uploaded photo) is described as bytes of its content type.
        foreach (var response in operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
        {
            if (response.Content is not { } content)
            {
                continue;
            }

            foreach (var pair in content)
            {
                if (pair.Value.Schema is null && !pair.Key.Contains("json", StringComparison.OrdinalIgnoreCase))
                {
                    pair.Value.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
                }
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// A file is bytes where it is used (<c>type: string, format: binary</c>): an uploaded part of a multipart body, and a
    /// download's answer. The framework describes <see cref="IFormFile"/> and <see cref="Stream"/> as schemas of their own,
    /// which generators turn into models they cannot fill.
    /// </summary>
    private static void InlineFiles(OpenApiDocument document)
    {
        string[] files = [nameof(IFormFile), nameof(Stream)];
        static IOpenApiSchema Bytes() => new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" };
        bool IsFile(IOpenApiSchema? schema) => schema is OpenApiSchemaReference { Reference.Id: { } id } && files.Contains(id);
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()))
        {
            var media = (operation.RequestBody?.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>())
                .Concat((operation.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>()).SelectMany(r => r.Content?.Values ?? Enumerable.Empty<OpenApiMediaType>()));
            foreach (var m in media)
            {
                if (IsFile(m.Schema))
                {
                    m.Schema = Bytes();
                }

                if (m.Schema?.Properties is { } properties)
                {
                    foreach (var name in properties.Keys.Where(k => IsFile(properties[k])).ToList())
                    {
                        properties[name] = Bytes();
                    }
                }
            }
        }

        foreach (var id in files)
        {
            document.Components?.Schemas?.Remove(id);
        }
    }

    /// <summary>
    /// A closed set is a string enum (<c>"type": "string"</c>) of its values only: a field that may be absent is nullable where
    /// it is used (<c>oneOf</c> with <c>null</c>), not an enum with a <c>null</c> member, which generators turn into a value.
    /// </summary>
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Enum is { Count: > 0 } values)
        {
            for (var i = values.Count - 1; i >= 0; i--)
            {
                if (values[i] is null || values[i]!.GetValueKind() == System.Text.Json.JsonValueKind.Null)
                {
                    values.RemoveAt(i);
                }
            }

            schema.Type = values.All(v => v!.GetValueKind() == System.Text.Json.JsonValueKind.String) ? JsonSchemaType.String : schema.Type;
        }

        return Task.CompletedTask;
    }

    /// <summary><c>POST api/enforcement/cases/{id}/evidence</c> becomes <c>postEnforcementCasesByIdEvidence</c>.</summary>
    public static string OperationId(string method, string path)
    {
        var parts = path.Split('?')[0].Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != "api").Select(p =>
        {
            // A parameter, alone or in a segment with text ({kind}.docx): its name without braces or constraint.
            var name = p.Contains('{', StringComparison.Ordinal)
                ? "By" + Pascal(System.Text.RegularExpressions.Regex.Replace(p, ":[^}]*", "").Replace("{", "", StringComparison.Ordinal).Replace("}", "", StringComparison.Ordinal))
                : Pascal(p);
            return name;
        });
        return method.ToLowerInvariant() + string.Concat(parts);
    }

    private static string Pascal(string segment) =>
        string.Concat(segment.Split(['-', '_', '.'], StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpper(w[0], CultureInfo.InvariantCulture) + w[1..]));
}
