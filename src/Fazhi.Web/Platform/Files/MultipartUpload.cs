using System.Text;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;

namespace Fazhi.Web.Platform.Files;

/// <summary>One file of a multipart body, as stored.</summary>
public sealed record UploadedPart(string Field, string FileName, StoredFile File);

/// <summary>A multipart body read by <see cref="MultipartUpload"/>: its text fields, and its files already in the store.</summary>
public sealed record Upload(IReadOnlyDictionary<string, string> Fields, IReadOnlyList<UploadedPart> Files)
{
    public string? this[string field] => Fields.TryGetValue(field, out var v) ? v : null;

    public UploadedPart? File(string field) => Files.FirstOrDefault(f => f.Field == field);
}

/// <summary>
/// Reads a multipart/form-data body section by section, each file streamed into the <see cref="FileStore"/> as it
/// arrives (nothing buffered whole, in memory or in a temporary upload folder). Call it only once the caller may add the
/// files to the record they are for (scope checked, the step allowed): an upload that would be refused is not read.
/// Any other content type is refused with 415.
/// </summary>
public static class MultipartUpload
{
    private const int MaxFields = 100;
    private const int MaxFieldBytes = 64 * 1024;

    public static bool IsMultipart(HttpRequest request) =>
        MediaTypeHeaderValue.TryParse(request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    /// <summary>Refuses anything but multipart/form-data before a byte of the body is read.</summary>
    public static void RequireMultipart(HttpRequest request)
    {
        if (!IsMultipart(request))
        {
            throw new DomainException("request.multipart_required", "body", ErrorKind.UnsupportedMediaType);
        }
    }

    public static async Task<Upload> ReadAsync(HttpRequest request, FileStore store, FileKinds kinds, CancellationToken ct = default)
    {
        RequireMultipart(request);
        var boundary = HeaderUtilities.RemoveQuotes(MediaTypeHeaderValue.Parse(request.ContentType).Boundary).Value;
        if (string.IsNullOrEmpty(boundary))
        {
            throw new DomainException("request.malformed_multipart", "body");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var files = new List<UploadedPart>();
        var reader = new MultipartReader(boundary, request.Body);
        try
        {
            while (await reader.ReadNextSectionAsync(ct) is { } section)
            {
                // IsFormDisposition() is true of text fields only (form-data without a file name), so the type is compared here.
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                    || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
                if (disposition.IsFileDisposition())
                {
                    var fileName = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value ?? "");
                    if (fileName.Length == 0)
                    {
                        // An empty file input of a browser form.
                        await section.Body.DrainAsync(ct);
                        continue;
                    }

                    files.Add(new UploadedPart(name, fileName.Length > 200 ? fileName[^200..] : fileName, await store.SaveAsync(section.Body, name, kinds, ct)));
                }
                else if (fields.Count < MaxFields)
                {
                    using var text = new StreamReader(section.Body, Encoding.UTF8);
                    var buffer = new char[MaxFieldBytes];
                    var read = await text.ReadBlockAsync(buffer, ct);
                    if (read == buffer.Length && text.Peek() >= 0)
                    {
                        throw new DomainException("too_long", name, ErrorKind.Invalid, MaxFieldBytes);
                    }

                    fields[name] = new string(buffer, 0, read);
                }
            }
        }
        catch (IOException e) when (e is not BadHttpRequestException)
        {
            throw new DomainException("request.malformed_multipart", "body");
        }

        return new Upload(fields, files);
    }
}
