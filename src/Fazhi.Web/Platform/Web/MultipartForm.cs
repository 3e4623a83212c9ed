using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fazhi.Web.Platform.Web;

/// <summary>One text field of a multipart form.</summary>
public sealed record FormField(string Name, string Description, bool Required = false, IReadOnlyList<string>? Values = null);

/// <summary>
/// An endpoint that reads a multipart form itself (its file fields are named by the data, e.g. one per required
/// material): the fields it reads, so that the API document describes the body truthfully.
/// </summary>
public sealed record MultipartForm(IReadOnlyList<FormField> Fields, string FilesDescription);

/// <summary>Writes a <see cref="MultipartForm"/> into its operation as a multipart/form-data request body.</summary>
internal sealed class FormFieldsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<MultipartForm>().FirstOrDefault() is not { } form)
        {
            return Task.CompletedTask;
        }

        var schema = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal),
            Required = new HashSet<string>(form.Fields.Where(f => f.Required).Select(f => f.Name), StringComparer.Ordinal),
            // Every other field is a file: one per material, named by its key.
            AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = form.FilesDescription },
        };
        foreach (var f in form.Fields)
        {
            var field = new OpenApiSchema { Type = JsonSchemaType.String, Description = f.Description };
            if (f.Values is { Count: > 0 } values)
            {
                field.Enum = [.. values.Select(v => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(v)!)];
            }

            schema.Properties[f.Name] = field;
        }

        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal) { ["multipart/form-data"] = new OpenApiMediaType { Schema = schema } },
        };
        return Task.CompletedTask;
    }
}
