using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace Fazhi.Web.Platform.Privacy;

/// <summary>What a piece of personal data is: it decides how it is masked and how it is normalised for look-ups.</summary>
public enum PersonalKind
{
    /// <summary>公民身份号码.</summary>
    IdNumber = 0,

    Phone = 1,

    Address = 2,

    /// <summary>The last six characters of an identifier (the kiosk's second key): looked up, never shown.</summary>
    IdentifierTail = 3,

    /// <summary>
    /// Free text that tells a person's story (facts, statements, session records, opinions): stored encrypted, of any
    /// length; the audit record keeps it with the identifiers found in it masked.
    /// </summary>
    Text = 4,

    /// <summary>A figure about a person's means (declared income): stored encrypted, and shown nowhere but where it is needed, never in the audit record.</summary>
    Figure = 5,

    /// <summary>An identity the law seals (信访工作条例 第30条: an accuser's): stored encrypted, shown only to the roles that may open it, never in the audit record.</summary>
    Sealed = 6,
}

/// <summary>
/// Encrypts personal data for the database and makes keyed blind indexes for exact look-ups. A stored
/// value reads <c>enc1:{key id}:{base64 of nonce, ciphertext and tag}</c>; a blind index reads
/// <c>bi1:{hex of HMAC-SHA256, 128 bits}</c>. The cipher is the key's: AES-256-GCM, or SM4-GCM through
/// BouncyCastle.
/// </summary>
public sealed class PersonalDataProtector
{
    public const string CipherPrefix = "enc1:";
    public const string IndexPrefix = "bi1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    private volatile KeyRing _ring;

    public PersonalDataProtector(KeyRing ring)
    {
        _ring = ring;
        ModelKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            string.Join("|", ring.Keys.Select(k => k.Id + ":" + Convert.ToBase64String(k.Material))) + "|" + ring.Current.Id + "|" + Convert.ToBase64String(ring.IndexKey))))[..16];
    }

    /// <summary>A protector with a throw-away key: for design-time tooling, which never reads or writes data.</summary>
    public static PersonalDataProtector Ephemeral() => new(KeyRing.Generate(KeyAlgorithms.Aes256Gcm, DateTime.UnixEpoch));

    public KeyRing Ring => _ring;

    /// <summary>Identifies the key material: contexts sharing it share one EF model (whose converters call this protector).</summary>
    public string ModelKey { get; }

    /// <summary>Uses a rotated ring from now on (the old keys are still in it for reading).</summary>
    public void Use(KeyRing ring) => _ring = ring;

    public static bool IsProtected(string? stored) => stored?.StartsWith(CipherPrefix, StringComparison.Ordinal) == true;

    /// <summary>The key id a stored value was encrypted with, or null for a value still in clear.</summary>
    public static string? KeyIdOf(string stored)
    {
        if (!IsProtected(stored))
        {
            return null;
        }

        var end = stored.IndexOf(':', CipherPrefix.Length);
        return end < 0 ? null : stored[CipherPrefix.Length..end];
    }

    public string? Protect(string? clear)
    {
        if (clear is null || IsProtected(clear))
        {
            return clear;
        }

        var key = _ring.Current;
        var plain = Encoding.UTF8.GetBytes(clear);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        Seal(key, nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length, TagBytes));
        return $"{CipherPrefix}{key.Id}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The clear value. A value written before encryption (no prefix) is returned as it is.</summary>
    public string? Unprotect(string? stored)
    {
        if (stored is null || !IsProtected(stored))
        {
            return stored;
        }

        var id = KeyIdOf(stored) ?? throw new CryptographicException("Malformed personal-data value.");
        var key = _ring.Find(id) ?? throw new CryptographicException($"Personal data was encrypted with key '{id}', which the key ring does not hold.");
        var bytes = Convert.FromBase64String(stored[(CipherPrefix.Length + id.Length + 1)..]);
        var plain = new byte[bytes.Length - NonceBytes - TagBytes];
        Open(key, bytes.AsSpan(0, NonceBytes), bytes.AsSpan(NonceBytes, plain.Length), bytes.AsSpan(bytes.Length - TagBytes), plain);
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Re-encrypts a stored value with the current key (clear values are encrypted).</summary>
    public string? Reprotect(string? stored) =>
        stored is null || KeyIdOf(stored) == _ring.Current.Id ? stored : Protect(Unprotect(stored));

    /// <summary>The keyed blind index of a value, for exact look-ups (same value, same index; nothing to read back).</summary>
    public string? Index(PersonalKind kind, string? clear)
    {
        if (clear is null || clear.StartsWith(IndexPrefix, StringComparison.Ordinal))
        {
            return clear;
        }

        var normal = Normalise(kind, clear);
        var mac = HMACSHA256.HashData(_ring.IndexKey, Encoding.UTF8.GetBytes((int)kind + ":" + normal));
        return IndexPrefix + Convert.ToHexStringLower(mac.AsSpan(0, 16));
    }

    /// <summary>What counts as the same value: ID numbers ignore case and spaces, phones everything but digits.</summary>
    public static string Normalise(PersonalKind kind, string value) => kind switch
    {
        PersonalKind.Phone => new string([.. value.Where(char.IsAsciiDigit)]),
        _ => value.Trim().ToUpperInvariant(),
    };

    /// <summary>How the value shows in the audit record and on pages that do not need it in full.</summary>
    public static string Mask(PersonalKind kind, string? clear) => kind switch
    {
        PersonalKind.IdNumber => Masking.IdNumber(clear),
        PersonalKind.Phone => Masking.Phone(clear),
        PersonalKind.Address => Masking.Address(clear),
        PersonalKind.Text => Masking.IdentifiersIn(clear),
        _ => "******",
    };

    private static void Seal(DataKey key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plain, Span<byte> cipher, Span<byte> tag)
    {
        if (key.Algorithm == KeyAlgorithms.Aes256Gcm)
        {
            using var aes = new AesGcm(key.Material, TagBytes);
            aes.Encrypt(nonce, plain, cipher, tag);
            return;
        }

        var output = Sm4(key, nonce, forEncryption: true, plain.ToArray());
        output.AsSpan(0, cipher.Length).CopyTo(cipher);
        output.AsSpan(cipher.Length, TagBytes).CopyTo(tag);
    }

    private static void Open(DataKey key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> cipher, ReadOnlySpan<byte> tag, Span<byte> plain)
    {
        if (key.Algorithm == KeyAlgorithms.Aes256Gcm)
        {
            using var aes = new AesGcm(key.Material, TagBytes);
            aes.Decrypt(nonce, cipher, tag, plain);
            return;
        }

        var output = Sm4(key, nonce, forEncryption: false, [.. cipher, .. tag]);
        output.CopyTo(plain);
    }

    // SM4 (GB/T 32907-2016) in GCM mode, from BouncyCastle: the same layout as AES-GCM.
    private static byte[] Sm4(DataKey key, ReadOnlySpan<byte> nonce, bool forEncryption, byte[] input)
    {
        if (key.Algorithm != KeyAlgorithms.Sm4Gcm)
        {
            throw new CryptographicException($"Unknown personal-data cipher '{key.Algorithm}'.");
        }

        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(forEncryption, new AeadParameters(new KeyParameter(key.Material), TagBytes * 8, nonce.ToArray()));
        var output = new byte[gcm.GetOutputSize(input.Length)];
        var n = gcm.ProcessBytes(input, 0, input.Length, output, 0);
        try
        {
            gcm.DoFinal(output, n);
        }
        catch (Org.BouncyCastle.Crypto.InvalidCipherTextException e)
        {
            throw new CryptographicException("Personal data failed its integrity check.", e);
        }

        return output;
    }
}
