using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Audit;

/// <summary>
/// The audit chain's head at the end of a day (or at an hour within it), signed with a key kept outside the database and
/// published at <c>/api/public/audit/heads</c>. Whoever keeps a copy can tell later that nothing up to it was rewritten,
/// removed or moved: the entry at <see cref="Sequence"/> must still carry <see cref="Hash"/>, and only the key's holder can
/// sign another.
/// </summary>
public sealed class SignedHead
{
    public long Sequence { get; set; }

    public string Hash { get; set; } = "";

    /// <summary>The China date of the entry signed.</summary>
    public DateOnly Day { get; set; }

    public DateTime SignedAt { get; set; }

    public string KeyId { get; set; } = "";

    /// <summary>ECDSA P-256 with SHA-256 over <see cref="ChainSigner.Payload"/>, base64 (IEEE P1363: r then s).</summary>
    public string Signature { get; set; } = "";
}

/// <summary>Section <c>Audit</c>: the key that signs the chain's heads and how often they are signed.</summary>
public sealed class AuditOptions
{
    public const string Section = "Audit";

    /// <summary>A PEM file with the signing key (PKCS#8). Default: audit-signing.pem beside the personal-data key file.</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>Or the key itself, base64 PKCS#8, from the environment or a secret store.</summary>
    public string? SigningKey { get; set; }

    /// <summary>Besides the end of every day, the head is signed when it has moved and this long has passed since the last signature.</summary>
    public int SignEveryMinutes { get; set; } = 60;
}

/// <summary>Signs and checks heads with one ECDSA P-256 key; its public half is published beside the heads.</summary>
public sealed class ChainSigner : IDisposable
{
    private readonly ECDsa _key;

    public ChainSigner(ECDsa key)
    {
        _key = key;
        PublicKey = key.ExportSubjectPublicKeyInfo();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(PublicKey))[..16];
    }

    public byte[] PublicKey { get; }

    public string PublicKeyPem => PemEncoding.WriteString("PUBLIC KEY", PublicKey);

    public string KeyId { get; }

    /// <summary>What is signed: fazhi-audit-head|sequence|hash|day|signed-at.</summary>
    public static string Payload(SignedHead h) => string.Create(CultureInfo.InvariantCulture,
        $"fazhi-audit-head|{h.Sequence}|{h.Hash}|{h.Day:yyyy-MM-dd}|{h.SignedAt:yyyy-MM-ddTHH:mm:ss.ffffffZ}");

    public SignedHead Sign(long sequence, string hash, DateOnly day, DateTime now)
    {
        var head = new SignedHead { Sequence = sequence, Hash = hash, Day = day, SignedAt = AuditChain.Truncate(now), KeyId = KeyId };
        head.Signature = Convert.ToBase64String(_key.SignData(Encoding.UTF8.GetBytes(Payload(head)), HashAlgorithmName.SHA256));
        return head;
    }

    /// <summary>Whether this key signed the head as it reads now.</summary>
    public bool Verifies(SignedHead head)
    {
        try
        {
            return head.KeyId == KeyId && _key.VerifyData(Encoding.UTF8.GetBytes(Payload(head)), Convert.FromBase64String(head.Signature), HashAlgorithmName.SHA256);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    public void Dispose() => _key.Dispose();

    /// <summary>
    /// The signing key: <c>Audit:SigningKey</c>, <c>Audit:SigningKeyFile</c>, or the one kept beside the personal-data keys (made
    /// there on first start when missing). It never goes into the database: an administrator of the database cannot sign.
    /// </summary>
    public static ChainSigner Open(AuditOptions options, Privacy.PrivacyOptions privacy, string dataDirectory, IHostEnvironment environment)
    {
        var key = ECDsa.Create();
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
        {
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(options.SigningKey), out _);
            return new ChainSigner(key);
        }

        var path = options.SigningKeyFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            var keyFile = !string.IsNullOrWhiteSpace(privacy.KeyFile) ? privacy.KeyFile
                : string.IsNullOrWhiteSpace(privacy.Key) || environment.IsDevelopment() || environment.IsEnvironment("Testing")
                    ? Privacy.PersonalDataKeySource.DevelopmentKeyFile(dataDirectory)
                    : throw new InvalidOperationException("Privacy:Key is set but no key signs the audit chain: set Audit:SigningKey (base64 PKCS#8) or Audit:SigningKeyFile.");
            path = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(keyFile))!, "audit-signing.pem");
        }

        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var made = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var temp = path + ".tmp";
            File.WriteAllText(temp, made.ExportPkcs8PrivateKeyPem());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            File.Move(temp, path, overwrite: false);
            made.Dispose();
        }

        key.ImportFromPem(File.ReadAllText(path));
        return new ChainSigner(key);
    }
}

/// <summary>Signs each finished day's last entry, and the moving head at the configured interval.</summary>
public sealed class HeadSigning(FazhiDbContext db, ChainSigner signer, TimeProvider time, AuditOptions options)
{
    /// <summary>Signs what is due; returns how many heads it signed.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = ChinaTime.DateOf(now);
        // One signer at a time, across every process sharing the database (the monitor of each, an operator's command): the
        // last signed head is read under that turn, so two signers never sign one sequence twice.
        await using var tx = await db.BeginWriteAsync(ct);
        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(7303)", ct);
        }

        var last = await db.Set<SignedHead>().AsNoTracking().OrderByDescending(h => h.Sequence).FirstOrDefaultAsync(ct);
        var signed = 0;
        // Every day that ended since the last signature: its last entry.
        var firstAt = last is null ? await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).Select(e => (DateTime?)e.At).FirstOrDefaultAsync(ct) : null;
        var day = last?.Day ?? (firstAt is { } first ? ChinaTime.DateOf(first) : today);
        for (; day < today; day = day.AddDays(1))
        {
            var end = ChinaTime.StartOfDayUtc(day.AddDays(1));
            var entry = await db.AuditEntries.AsNoTracking().Where(e => e.At < end).OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            if (entry is not null && entry.Sequence > (last?.Sequence ?? 0))
            {
                last = Add(signer.Sign(entry.Sequence, entry.Hash, day, now));
                signed++;
            }
        }

        // Within the day: the head as it stands, once an interval has passed since the last signature.
        if (last is null || now - last.SignedAt >= TimeSpan.FromMinutes(Math.Max(1, options.SignEveryMinutes)))
        {
            var head = await db.AuditHeads.AsNoTracking().SingleOrDefaultAsync(ct);
            if (head is not null && head.LastSequence > (last?.Sequence ?? 0))
            {
                Add(signer.Sign(head.LastSequence, head.LastHash, today, now));
                signed++;
            }
        }

        if (signed > 0)
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }

        return signed;
    }

    private SignedHead Add(SignedHead head)
    {
        db.Add(head);
        return head;
    }
}

/// <summary>Runs <see cref="HeadSigning"/> with the deadline monitor's rhythm (every minute by default).</summary>
public sealed class HeadSigningService(IServiceScopeFactory scopes, TimeProvider time, IConfiguration configuration, ILogger<HeadSigningService> log)
    : PeriodicWork(scopes, time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Fazhi:MonitorIntervalSeconds", 60));

    protected override async Task RunAsync(IServiceProvider services, CancellationToken ct)
    {
        var signed = await services.GetRequiredService<HeadSigning>().RunAsync(ct);
        if (signed > 0)
        {
            log.LogInformation("Signed {Count} audit heads", signed);
        }
    }
}

/// <summary>The heads as they are published: the key's id and public half, and each head with its signature.</summary>
public sealed record PublishedHeads(string KeyId, string Algorithm, string PublicKey, IReadOnlyList<PublishedHead> Heads, int Total, int PageNumber, int PageSize);

public sealed record PublishedHead(long Sequence, string Hash, DateOnly Day, DateTime SignedAt, string Signature);

public static class SignedHeadApi
{
    public static IEndpointRouteBuilder MapSignedHeads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/public/audit/heads", async Task<Ok<PublishedHeads>> (int? page, FazhiDbContext db, ChainSigner signer) =>
            {
                var rows = await db.Set<SignedHead>().AsNoTracking().OrderByDescending(h => h.Sequence).ToPageAsync(page ?? 1, 100);
                return TypedResults.Ok(new PublishedHeads(signer.KeyId, "ECDSA P-256, SHA-256, IEEE P1363", signer.PublicKeyPem,
                    [.. rows.Items.Select(h => new PublishedHead(h.Sequence, h.Hash, h.Day, h.SignedAt, h.Signature))], rows.Total, rows.PageNumber, rows.PageSize));
            })
            .AllowAnonymous().RequireRateLimiting(PublicLookups.RateLimitPolicy).WithTags("Public")
            .WithSummary("The audit chain's signed heads, newest first, with the public key that checks them: keep a copy, and a later rewrite shows.");
        return app;
    }
}

internal sealed class SignedHeadConfiguration : IEntityTypeConfiguration<SignedHead>
{
    public void Configure(EntityTypeBuilder<SignedHead> b)
    {
        b.ToTable("sys_signed_heads");
        b.HasKey(e => e.Sequence);
        b.Property(e => e.Sequence).ValueGeneratedNever();
        b.Property(e => e.Hash).HasMaxLength(64);
        b.Property(e => e.KeyId).HasMaxLength(16);
        b.Property(e => e.Signature).HasMaxLength(100);
    }
}
