using System.Security.Cryptography;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>
/// Uploaded materials on disk under <c>data/files</c>, named by their SHA-256 so the same file is
/// kept once. Only PDF, JPEG and PNG are taken, recognised by their first bytes.
/// </summary>
public sealed class FileStore(DataDirectory data)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public sealed record Stored(string Sha256, string ContentType, long Size);

    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static string? Sniff(ReadOnlySpan<byte> head) =>
        head.StartsWith("%PDF-"u8) ? "application/pdf"
        : head.StartsWith(Jpeg.AsSpan()) ? "image/jpeg"
        : head.StartsWith(Png.AsSpan()) ? "image/png"
        : null;

    public async Task<Stored> SaveAsync(Stream content, string field, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await content.CopyToAsync(buffer, ct);
        if (buffer.Length == 0)
        {
            throw new DomainException("upload.empty", field);
        }

        if (buffer.Length > MaxBytes)
        {
            throw new DomainException("upload.too_large", field, ErrorKind.Invalid, MaxBytes / 1024 / 1024);
        }

        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var type = Sniff(bytes[..Math.Min(16, bytes.Length)]) ?? throw new DomainException("upload.type_not_allowed", field);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var path = PathOf(hash);
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // Write then move, so a crash never leaves half a file under the final name.
            var temp = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllBytesAsync(temp, buffer.ToArray(), ct);
            File.Move(temp, path, overwrite: true);
        }

        return new Stored(hash, type, buffer.Length);
    }

    public Stream Open(string sha256) => File.OpenRead(PathOf(sha256));

    private string PathOf(string hash) => Path.Combine(data.Path, "files", hash[..2], hash);
}
