using System.Net.Http.Headers;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Files;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Fazhi.Tests.Platform;

/// <summary>The one file store and its multipart reader, on a temporary folder.</summary>
public sealed class FileStoreTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    private readonly string _dir = Directory.CreateTempSubdirectory("fazhi-files-").FullName;

    private FileStore Store() => new(new FolderFileBytes(new DataDirectory(_dir)), new ServiceCollection().BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), NullLogger<FileStore>.Instance);

    private static async Task<HttpRequest> RequestAsync(HttpContent content)
    {
        var http = new DefaultHttpContext();
        http.Request.ContentType = content.Headers.ContentType!.ToString();
        http.Request.Body = new MemoryStream(await content.ReadAsByteArrayAsync());
        return http.Request;
    }

    private static MultipartFormDataContent Form(byte[] file, string fileName)
    {
        var form = new MultipartFormDataContent { { new StringContent("Photo"), "kind" } };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part, "file", fileName);
        return form;
    }

    private int FilesOnDisk() => Directory.Exists(Path.Combine(_dir, "files")) ? Directory.GetFiles(Path.Combine(_dir, "files"), "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task A_file_part_is_stored_by_its_hash_with_the_type_its_bytes_say_and_the_text_fields_are_read()
    {
        var upload = await MultipartUpload.ReadAsync(await RequestAsync(Form(Png, "现场.png")), Store(), FileKinds.DocumentsAndRecordings);
        Assert.Equal("Photo", upload["kind"]);
        var file = Assert.Single(upload.Files);
        Assert.Equal(("file", "现场.png", "image/png"), (file.Field, file.FileName, file.File.ContentType));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Png)), file.File.Sha256);
        Assert.Equal(1, FilesOnDisk());
    }

    [Fact]
    public async Task A_file_that_is_not_a_document_or_recording_is_refused_on_its_field_and_leaves_nothing_on_disk()
    {
        var e = await Assert.ThrowsAsync<DomainException>(async () =>
            await MultipartUpload.ReadAsync(await RequestAsync(Form("not a photo"u8.ToArray(), "a.txt")), Store(), FileKinds.DocumentsAndRecordings));
        Assert.Equal(("upload.type_not_allowed", "file"), (e.Code, e.Field));
        Assert.Equal(0, FilesOnDisk());
    }

    [Fact]
    public async Task Json_sent_where_a_form_is_expected_is_refused_as_415_before_the_body_is_read()
    {
        var body = new StringContent("{\"kind\":\"Photo\"}", System.Text.Encoding.UTF8, "application/json");
        var e = await Assert.ThrowsAsync<DomainException>(async () => await MultipartUpload.ReadAsync(await RequestAsync(body), Store(), FileKinds.Documents));
        Assert.Equal(("request.multipart_required", ErrorKind.UnsupportedMediaType), (e.Code, e.Kind));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
