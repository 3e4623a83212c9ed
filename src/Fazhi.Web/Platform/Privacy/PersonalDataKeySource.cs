namespace Fazhi.Web.Platform.Privacy;

/// <summary>Finds the key ring at start: configured keys, a configured key file, or (development only) one made on first run.</summary>
public static class PersonalDataKeySource
{
    /// <summary>Where development and test runs keep the key they generate: beside the database, not in it.</summary>
    public static string DevelopmentKeyFile(string dataDirectory) => Path.Combine(dataDirectory, "keys", "personal-data.json");

    public static PersonalDataProtector Open(PrivacyOptions options, string dataDirectory, IHostEnvironment environment, TimeProvider time)
    {
        KeyAlgorithms.KeyBytes(options.Algorithm);
        if (!string.IsNullOrWhiteSpace(options.Key))
        {
            var key = Convert.FromBase64String(options.Key);
            var algorithm = key.Length == 16 ? KeyAlgorithms.Sm4Gcm : KeyAlgorithms.Aes256Gcm;
            var index = string.IsNullOrWhiteSpace(options.IndexKey)
                ? throw new InvalidOperationException("Privacy:Key is set but Privacy:IndexKey is not: the blind-index key (32 bytes, base64) is needed too.")
                : Convert.FromBase64String(options.IndexKey);
            return new PersonalDataProtector(new KeyRing([new DataKey("c1", algorithm, key, DateTime.UnixEpoch)], "c1", index));
        }

        var path = options.KeyFile;
        if (string.IsNullOrWhiteSpace(path))
        {
            if (!environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            {
                throw new InvalidOperationException(
                    "No key for personal data. Create one outside the database with `Fazhi.Web keys init --file /etc/fazhi/keys.json` " +
                    "and set Privacy:KeyFile (Privacy__KeyFile) to it, or give Privacy:Key and Privacy:IndexKey.");
            }

            path = DevelopmentKeyFile(dataDirectory);
        }

        if (!File.Exists(path))
        {
            if (!string.IsNullOrWhiteSpace(options.KeyFile) && !environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
            {
                throw new InvalidOperationException($"The key file {path} (Privacy:KeyFile) does not exist. Create it with `Fazhi.Web keys init --file {path}`.");
            }

            KeyRing.Generate(options.Algorithm, time.GetUtcNow().UtcDateTime).Save(path);
        }

        return new PersonalDataProtector(KeyRing.Load(path));
    }
}
