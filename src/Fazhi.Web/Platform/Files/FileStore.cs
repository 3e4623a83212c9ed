using System.Security.Cryptography;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Deadlines;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Platform.Files;

/// <summary>What a work line takes: documents and photos, or also the audio and video of law-enforcement recorders.</summary>
public enum FileKinds
{
    /// <summary>PDF, JPEG, PNG.</summary>
    Documents,

    /// <summary>Documents, and MP4/MOV, WAV, MP3, AMR, WebM.</summary>
    DocumentsAndRecordings,
}

/// <summary>A stored file: named by its SHA-256, its type recognised from its first bytes.</summary>
public sealed record StoredFile(string Sha256, string ContentType, long Size, bool IsAudioVideo);

/// <summary>What a file is for, so that a file found altered raises an alert that names its record.</summary>
public sealed record FileOwner(Guid RecordId, Guid DepartmentId, string Title, string Link);

/// <summary>
/// Every module's uploads, each named by its SHA-256 and never overwritten: a record that cites the hash cites that
/// content. The bytes live where <see cref="IFileBytes"/> keeps them: under <c>data/files</c> on one machine, or in the
/// database for several (<c>Files:Store</c>). A file is hashed while it streams in (never held whole in memory), its type
/// is recognised by its content (the name and the declared type are not believed), and it is hashed again when it is
/// read: a file replaced where it is kept is refused and raises an alert to its department and the administrators.
/// </summary>
public sealed class FileStore(IFileBytes bytes, IServiceScopeFactory scopes, ILogger<FileStore> log)
{
    public const string AlteredKind = "platform.file_altered";

    /// <summary>Largest upload of each kind: documents 10 MB, recordings 200 MB.</summary>
    public static long MaxBytes(FileKinds kinds) => kinds == FileKinds.Documents ? 10L * 1024 * 1024 : 200L * 1024 * 1024;

    /// <summary>Every content type <see cref="Sniff"/> recognises, as a stored file is served.</summary>
    public static readonly string[] ContentTypes = ["application/pdf", "image/jpeg", "image/png", "video/mp4", "audio/wav", "audio/mpeg", "audio/amr", "video/webm"];

    /// <summary>Recognised by their first bytes: PDF, JPEG, PNG; and MP4/MOV, WAV, MP3, AMR, WebM as recordings.</summary>
    public static (string Type, bool AudioVideo)? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8))
        {
            return ("application/pdf", false);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return ("image/jpeg", false);
        }

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return ("image/png", false);
        }

        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
        {
            return ("video/mp4", true);
        }

        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WAVE"u8))
        {
            return ("audio/wav", true);
        }

        if (head.StartsWith("ID3"u8) || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFB]))
        {
            return ("audio/mpeg", true);
        }

        if (head.StartsWith("#!AMR"u8))
        {
            return ("audio/amr", true);
        }

        return head.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]) ? ("video/webm", true) : null;
    }

    /// <summary>
    /// Streams <paramref name="content"/> into the store. An empty, too large or unrecognised file is refused on
    /// <paramref name="field"/> and leaves nothing behind.
    /// </summary>
    public async Task<StoredFile> SaveAsync(Stream content, string field, FileKinds kinds, CancellationToken ct = default)
    {
        var max = MaxBytes(kinds);
        await using var writer = await bytes.CreateAsync(ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var head = new byte[16];
        var headLength = 0;
        long size = 0;
        var buffer = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            if (headLength < head.Length)
            {
                var take = Math.Min(head.Length - headLength, read);
                buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                headLength += take;
                // Refused as soon as its first bytes say what it is not.
                if (headLength == head.Length && Sniff(head) is null)
                {
                    throw new DomainException("upload.type_not_allowed", field);
                }
            }

            size += read;
            if (size > max)
            {
                throw new DomainException("upload.too_large", field, ErrorKind.Invalid, max / 1024 / 1024);
            }

            hash.AppendData(buffer, 0, read);
            await writer.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        if (size == 0)
        {
            throw new DomainException("upload.empty", field);
        }

        var (type, av) = Sniff(head.AsSpan(0, headLength)) ?? throw new DomainException("upload.type_not_allowed", field);
        if (av && kinds == FileKinds.Documents)
        {
            throw new DomainException("upload.type_not_allowed", field);
        }

        var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
        await writer.KeepAsync(sha, ct);
        return new StoredFile(sha, type, size, av);
    }

    /// <summary>
    /// Opens a stored file after hashing it again. A missing file is not found; one whose content no longer matches its
    /// hash is refused (<c>file.altered</c>) and raises an alert naming <paramref name="owner"/>.
    /// </summary>
    public async Task<Stream> OpenVerifiedAsync(string sha256, FileOwner owner, CancellationToken ct = default)
    {
        if (!IsHash(sha256))
        {
            throw DomainException.NotFound("sha256");
        }

        var stream = await bytes.OpenAsync(sha256, ct) ?? throw DomainException.NotFound("sha256");
        try
        {
            if (Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct)) != sha256)
            {
                await RaiseAlteredAsync(sha256, owner, ct);
                throw new DomainException("file.altered", "sha256", ErrorKind.Conflict, sha256[..12]);
            }

            if (stream.CanSeek)
            {
                // The same handle, rewound: what is served is what was checked.
                stream.Position = 0;
                return stream;
            }
        }
        catch
        {
            await stream.DisposeAsync();
            throw;
        }

        // Kept in the database (content-addressed rows the platform never changes): read again to be served, never held whole in memory.
        await stream.DisposeAsync();
        return await bytes.OpenAsync(sha256, ct) ?? throw DomainException.NotFound("sha256");
    }

    private async Task RaiseAlteredAsync(string sha256, FileOwner owner, CancellationToken ct)
    {
        log.LogError("Stored file {Sha256} of {Record} no longer matches its hash", sha256, owner.Link);
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SystemAlerts>().RaiseAsync(
            AlteredKind, SubjectOf(sha256), owner.RecordId, owner.DepartmentId, owner.Title, sha256[..12], owner.Link, ct: ct);
    }

    /// <summary>One alert per file and day, whoever opens it how often.</summary>
    private static Guid SubjectOf(string sha256) => new(Convert.FromHexString(sha256.AsSpan(0, 32)));

    private static bool IsHash(string sha256) => sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower);
}
