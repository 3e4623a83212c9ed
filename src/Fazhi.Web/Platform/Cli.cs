using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform;

/// <summary>
/// Commands of the program for operators:
/// <c>admin create --user NAME --password PASSWORD [--name DISPLAY] [--town TOWN]</c>, <c>audit verify</c>,
/// <c>keys init --file PATH [--algorithm SM4-GCM]</c> and <c>keys rotate [--algorithm SM4-GCM]</c>.
/// </summary>
public static class Cli
{
    private const string Usage =
        "usage: admin create --user NAME --password PASSWORD [--name DISPLAY] [--town TOWN] | audit verify | keys init --file PATH [--algorithm AES-256-GCM|SM4-GCM] | keys rotate [--algorithm AES-256-GCM|SM4-GCM]";

    public static bool IsCommand(string[] args) => args.Length >= 2 && args[0] is "admin" or "audit" or "keys";

    /// <summary><c>keys init</c> makes a key file before anything else starts: the platform cannot start without a key.</summary>
    public static bool IsKeysInit(string[] args) => args is ["keys", "init", ..];

    public static int InitKeys(string[] args, TextWriter output)
    {
        var options = Options(args);
        if (!options.TryGetValue("file", out var path))
        {
            output.WriteLine(Usage);
            return 2;
        }

        if (File.Exists(path))
        {
            output.WriteLine($"{path} exists already; `keys rotate` adds a new key to it");
            return 1;
        }

        Privacy.KeyRing.Generate(options.GetValueOrDefault("algorithm", Privacy.KeyAlgorithms.Aes256Gcm), DateTime.UtcNow).Save(path);
        output.WriteLine($"key file written to {path}; set Privacy__KeyFile={path} and keep a copy of it with the backups");
        return 0;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        switch (args[0], args[1])
        {
            case ("audit", "verify"):
                var result = await sp.GetRequiredService<AuditVerifier>().VerifyAsync();
                if (result.Intact)
                {
                    await output.WriteLineAsync($"audit chain intact: {result.EntriesChecked} entries checked against {result.SignedHeads} signed heads" +
                        (result.LastSigned is { } signed ? $" (the last signed is entry {signed}; entries after it are not yet vouched for)" : " (none signed yet)") +
                        $"; {result.RecordsChecked} case records intact");
                    return 0;
                }

                await output.WriteLineAsync(result.Record is { } record
                    ? $"case record BROKEN: {record}; the audit chain itself ({result.EntriesChecked} entries) is intact"
                    : $"audit chain BROKEN at entry {result.BrokenAt} ({result.Problem}); {result.EntriesChecked} entries before it are intact");
                return 1;
            case ("admin", "create"):
                return await CreateAdministratorAsync(sp, Options(args), output);
            case ("keys", "rotate"):
                return await RotateKeysAsync(sp, Options(args), output);
            default:
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    private static async Task<int> CreateAdministratorAsync(IServiceProvider sp, Dictionary<string, string> options, TextWriter output)
    {
        if (!options.TryGetValue("user", out var userName) || !options.TryGetValue("password", out var password))
        {
            await output.WriteLineAsync("usage: admin create --user NAME --password PASSWORD [--name DISPLAY] [--town TOWN]");
            return 2;
        }

        var db = sp.GetRequiredService<FazhiDbContext>();
        var users = sp.GetRequiredService<UserManager<StaffUser>>();
        if (await users.FindByNameAsync(userName) is not null)
        {
            await output.WriteLineAsync($"user '{userName}' exists already");
            return 1;
        }

        // A production database starts empty: the first administrator also creates the town node,
        // in one transaction with the account so a refused password leaves nothing behind.
        await using var transaction = await db.BeginWriteAsync();
        var town = await db.OrgNodes.FirstOrDefaultAsync(n => n.Kind == OrgNodeKind.Town);
        if (town is null)
        {
            town = OrgNode.Create("TOWN", options.GetValueOrDefault("town", "镇人民政府"), OrgNodeKind.Town, null);
            db.OrgNodes.Add(town);
            await db.SaveChangesAsync();
        }

        var user = new StaffUser
        {
            Id = Guid.CreateVersion7(),
            UserName = userName,
            DisplayName = options.GetValueOrDefault("name", userName),
            DepartmentId = town.Id,
            DataScope = DataScope.All,
            LockoutEnabled = true,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            await output.WriteLineAsync("refused: " + string.Join("; ", created.Errors.Select(e => e.Code == "password_classes"
                ? "the password needs three of: lower case, upper case, digits, symbols"
                : e.Description)));
            return 1;
        }

        await users.AddToRoleAsync(user, Roles.Administrator);
        await transaction.CommitAsync();
        await output.WriteLineAsync($"administrator '{userName}' created");
        return 0;
    }

    /// <summary>
    /// A new data key becomes current; the key file keeps the old ones (and a dated copy of itself), then every
    /// personal value is re-encrypted with the new key. Blind indexes keep their own key.
    /// </summary>
    private static async Task<int> RotateKeysAsync(IServiceProvider sp, Dictionary<string, string> options, TextWriter output)
    {
        var privacy = sp.GetRequiredService<IConfiguration>().GetSection(Privacy.PrivacyOptions.Section).Get<Privacy.PrivacyOptions>() ?? new Privacy.PrivacyOptions();
        if (!string.IsNullOrWhiteSpace(privacy.Key))
        {
            await output.WriteLineAsync("the key comes from configuration (Privacy:Key): rotate it where it is kept, then restart; the platform re-encrypts at start");
            return 1;
        }

        var environment = sp.GetRequiredService<IHostEnvironment>();
        var path = !string.IsNullOrWhiteSpace(privacy.KeyFile) ? privacy.KeyFile
            : environment.IsDevelopment() || environment.IsEnvironment("Testing") ? Privacy.PersonalDataKeySource.DevelopmentKeyFile(sp.GetRequiredService<DataDirectory>().Path)
            : null;
        if (path is null || !File.Exists(path))
        {
            await output.WriteLineAsync("no key file to rotate: set Privacy:KeyFile");
            return 1;
        }

        var time = sp.GetRequiredService<TimeProvider>();
        var protector = sp.GetRequiredService<Privacy.PersonalDataProtector>();
        var rotated = protector.Ring.Rotated(options.GetValueOrDefault("algorithm", privacy.Algorithm), time.GetUtcNow().UtcDateTime);
        // The new key is on disk before any value uses it: a crash half-way leaves data the file can still read.
        File.Copy(path, $"{path}.{time.GetUtcNow():yyyyMMddHHmmss}.bak", overwrite: true);
        rotated.Save(path);
        protector.Use(rotated);
        var report = await sp.GetRequiredService<Privacy.PersonalDataSealer>().SealAsync();
        await output.WriteLineAsync($"key {rotated.Current.Id} ({rotated.Current.Algorithm}) is current; {report.Encrypted} values re-encrypted, {report.Indexed} indexes written");
        return 0;
    }

    private static Dictionary<string, string> Options(string[] args)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 2; i < args.Length - 1; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                result[args[i][2..]] = args[++i];
            }
        }

        return result;
    }
}
