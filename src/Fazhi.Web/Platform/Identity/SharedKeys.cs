using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Privacy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Platform.Identity;

/// <summary>
/// The keys that protect sign-in cookies, bearer tokens and antiforgery tokens (ASP.NET Core Data Protection) live in the
/// database (<c>sys_dp_keys</c>), so a token one server process issues is read by every other process of the same
/// database, on any machine; ASP.NET Core rotates them as usual (a new key every 90 days). Each key is encrypted with
/// AES-256-GCM under a key derived from the personal-data key ring's index key, which every process of a deployment is
/// configured with already (<c>Privacy:KeyFile</c>, or <c>Privacy:Key</c> and <c>Privacy:IndexKey</c>): a copy of the
/// database alone opens no session.
/// </summary>
public static class SharedKeys
{
    public const string ApplicationName = "Fazhi";

    public static IServiceCollection AddSharedKeys(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName(ApplicationName).PersistKeysToDbContext<FazhiDbContext>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new KeyRingXmlEncryptor(sp.GetRequiredService<PersonalDataProtector>())));
        return services;
    }

    /// <summary>
    /// Makes the first key when the database has none (at migration, before the processes start), and refuses to go on when
    /// the database holds keys of which this process can open none: its personal-data key is not the other processes'.
    /// A process that went on would write keys of its own, and sign-ins would work on some processes and not on others.
    /// </summary>
    public static async Task EnsureFirstKeyAsync(IServiceProvider sp, CancellationToken ct)
    {
        var rows = await sp.GetRequiredService<FazhiDbContext>().DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(ct);
        if (rows.Count == 0)
        {
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow();
            sp.GetRequiredService<IKeyManager>().CreateNewKey(now, now.AddDays(90));
            return;
        }

        var protector = sp.GetRequiredService<PersonalDataProtector>();
        var sealedKeys = rows.SelectMany(x => XElement.Parse(x ?? "<key/>").Descendants("encryptedKey")).ToList();
        if (sealedKeys.Count > 0 && !sealedKeys.Any(k => Opens(protector, k)))
        {
            throw new InvalidOperationException(
                "The database's sign-in keys (sys_dp_keys) were written under another personal-data key: give this process the same " +
                "Privacy:KeyFile (or Privacy:Key and Privacy:IndexKey) as the others of this database.");
        }
    }

    private static bool Opens(PersonalDataProtector protector, XElement sealedKey)
    {
        try
        {
            KeyRingXmlEncryptor.Open(protector, sealedKey);
            return true;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>The key that encrypts the Data Protection keys: HKDF-SHA256 of the index key (never rotated, as blind indexes need it).</summary>
    internal static byte[] KeyEncryptionKey(PersonalDataProtector protector) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, protector.Ring.IndexKey, 32, info: "fazhi/data-protection-keys/v1"u8.ToArray());
}

/// <summary>Encrypts a Data Protection key's XML before it is stored (see <see cref="SharedKeys"/>).</summary>
public sealed class KeyRingXmlEncryptor(PersonalDataProtector protector) : IXmlEncryptor
{
    private const int NonceBytes = 12;
    private const int TagBytes = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(SharedKeys.KeyEncryptionKey(protector), TagBytes))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceBytes, plain.Length), sealedBytes.AsSpan(NonceBytes + plain.Length), "fazhi-dp"u8);
        }

        var element = new XElement("encryptedKey",
            new XComment(" AES-256-GCM under a key derived from the personal-data index key (Privacy:KeyFile) "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingXmlDecryptor));
    }

    internal static XElement Open(PersonalDataProtector protector, XElement encrypted)
    {
        var sealedBytes = Convert.FromBase64String((string?)encrypted.Element("value") ?? throw new CryptographicException("The Data Protection key has no value."));
        if (sealedBytes.Length < NonceBytes + TagBytes)
        {
            throw new CryptographicException("The Data Protection key is too short.");
        }

        var length = sealedBytes.Length - NonceBytes - TagBytes;
        var plain = new byte[length];
        using (var aes = new AesGcm(SharedKeys.KeyEncryptionKey(protector), TagBytes))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes, length), sealedBytes.AsSpan(NonceBytes + length), plain, "fazhi-dp"u8);
        }

        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

/// <summary>Decrypts what <see cref="KeyRingXmlEncryptor"/> stored; Data Protection makes it by its type name from the key's XML.</summary>
public sealed class KeyRingXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        KeyRingXmlEncryptor.Open(services.GetRequiredService<PersonalDataProtector>(), encryptedElement);
}
