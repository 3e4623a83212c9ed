using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Fazhi.Web.Platform.Privacy;

/// <summary>Section <c>Privacy</c>: where the keys for personal data at rest come from.</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>A key file outside the database (JSON, written by <c>keys init</c> or <c>keys rotate</c>).</summary>
    public string? KeyFile { get; set; }

    /// <summary>Or the data key itself (base64), from the environment or a secret store; rotation then happens there.</summary>
    public string? Key { get; set; }

    /// <summary>With <see cref="Key"/>: the blind-index key (base64, 32 bytes).</summary>
    public string? IndexKey { get; set; }

    /// <summary>The cipher of new keys: <c>AES-256-GCM</c> (default) or <c>SM4-GCM</c> (商用密码, GB/T 32907).</summary>
    public string Algorithm { get; set; } = KeyAlgorithms.Aes256Gcm;
}

public static class KeyAlgorithms
{
    public const string Aes256Gcm = "AES-256-GCM";

    public const string Sm4Gcm = "SM4-GCM";

    public static int KeyBytes(string algorithm) => algorithm switch
    {
        Aes256Gcm => 32,
        Sm4Gcm => 16,
        _ => throw new InvalidOperationException($"Unknown personal-data cipher '{algorithm}': use {Aes256Gcm} or {Sm4Gcm}."),
    };
}

/// <summary>One data key: its id (written into every value it encrypts), cipher and material.</summary>
public sealed record DataKey(string Id, string Algorithm, byte[] Material, DateTime Created);

/// <summary>
/// The keys for personal data: the data keys (the current one encrypts, every one decrypts what it
/// encrypted) and the blind-index key (never rotated with the data keys, so look-ups keep working).
/// </summary>
public sealed class KeyRing
{
    public KeyRing(IReadOnlyList<DataKey> keys, string currentId, byte[] indexKey)
    {
        if (keys.All(k => k.Id != currentId))
        {
            throw new InvalidOperationException($"The key ring has no key '{currentId}'.");
        }

        Keys = keys;
        Current = keys.Single(k => k.Id == currentId);
        IndexKey = indexKey;
    }

    public IReadOnlyList<DataKey> Keys { get; }

    public DataKey Current { get; }

    public byte[] IndexKey { get; }

    public DataKey? Find(string id) => Keys.FirstOrDefault(k => k.Id == id);

    /// <summary>A new ring whose current key is a fresh one of <paramref name="algorithm"/>; the old keys stay for reading.</summary>
    public KeyRing Rotated(string algorithm, DateTime now)
    {
        var id = "k" + (Keys.Select(k => int.TryParse(k.Id.AsSpan(1), out var n) ? n : 0).DefaultIfEmpty(0).Max() + 1);
        return new KeyRing([.. Keys, NewKey(id, algorithm, now)], id, IndexKey);
    }

    public static KeyRing Generate(string algorithm, DateTime now) =>
        new([NewKey("k1", algorithm, now)], "k1", RandomNumberGenerator.GetBytes(32));

    private static DataKey NewKey(string id, string algorithm, DateTime now) =>
        new(id, algorithm, RandomNumberGenerator.GetBytes(KeyAlgorithms.KeyBytes(algorithm)), now);

    // The key file: readable JSON, written whole to a temporary file and moved into place.
    private sealed record FileKey(string Id, string Algorithm, string Key, DateTime Created);

    private sealed record FileRing(string Current, string Index, List<FileKey> Keys);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static KeyRing Load(string path)
    {
        var file = JsonSerializer.Deserialize<FileRing>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException($"The key file {path} is empty.");
        return new KeyRing(
            [.. file.Keys.Select(k => new DataKey(k.Id, k.Algorithm, Convert.FromBase64String(k.Key), k.Created))],
            file.Current,
            Convert.FromBase64String(file.Index));
    }

    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var file = new FileRing(Current.Id, Convert.ToBase64String(IndexKey),
            [.. Keys.Select(k => new FileKey(k.Id, k.Algorithm, Convert.ToBase64String(k.Material), k.Created))]);
        var temp = path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(file, Json));
        if (!OperatingSystem.IsWindows())
        {
            // Only the platform's own account may read the keys.
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        File.Move(temp, path, overwrite: true);
    }
}
