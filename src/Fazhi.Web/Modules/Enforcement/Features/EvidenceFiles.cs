using System.Security.Cryptography;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Web;

namespace Fazhi.Web.Modules.Enforcement.Features;

/// <summary>
/// The full-process record's files under <c>data/enforcement</c>, each named by its SHA-256 and never overwritten: a
/// record step cites the hash, so the file it cites cannot change. Documents and photos for every step; audio and
/// video (law-enforcement recorders) for the on-site ones. The file is hashed while it streams to disk.
/// </summary>
public sealed class EvidenceFiles(DataDirectory data)
{
    public const long MaxBytes = 200L * 1024 * 1024;

    public sealed record Stored(string Sha256, string ContentType, long Size, bool IsAudioVideo);

    /// <summary>Recognised by their first bytes: PDF, JPEG, PNG, MP4/MOV, WAV, MP3, AMR, WebM.</summary>
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

        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
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

    public async Task<Stored> SaveAsync(Stream content, string field, CancellationToken ct = default)
    {
        var dir = Path.Combine(data.Path, "enforcement");
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var head = new byte[16];
            var headLength = 0;
            long size = 0;
            await using (var file = File.Create(temp))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    if (headLength < head.Length)
                    {
                        var take = Math.Min(head.Length - headLength, read);
                        buffer.AsSpan(0, take).CopyTo(head.AsSpan(headLength));
                        headLength += take;
                    }

                    size += read;
                    if (size > MaxBytes)
                    {
                        throw new DomainException("upload.too_large", field, ErrorKind.Invalid, MaxBytes / 1024 / 1024);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
            }

            if (size == 0)
            {
                throw new DomainException("upload.empty", field);
            }

            var (type, av) = Sniff(head.AsSpan(0, headLength)) ?? throw new DomainException("enforcement.file_type", field);
            var sha = Convert.ToHexStringLower(hash.GetHashAndReset());
            var path = PathOf(sha);
            if (!File.Exists(path))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.Move(temp, path);
            }

            return new Stored(sha, type, size, av);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public bool Exists(string sha256) => sha256.Length == 64 && File.Exists(PathOf(sha256));

    public Stream Open(string sha256) => File.OpenRead(PathOf(sha256));

    private string PathOf(string hash) => Path.Combine(data.Path, "enforcement", hash[..2], hash);
}
