using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform;

/// <summary>
/// Commands of the program for operators:
/// <c>admin create --user NAME --password PASSWORD [--name DISPLAY] [--town TOWN]</c> and <c>audit verify</c>.
/// </summary>
public static class Cli
{
    public static bool IsCommand(string[] args) => args.Length >= 2 && args[0] is "admin" or "audit";

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
                    await output.WriteLineAsync($"audit chain intact: {result.EntriesChecked} entries checked");
                    return 0;
                }

                await output.WriteLineAsync($"audit chain BROKEN at entry {result.BrokenAt} ({result.Problem}); {result.EntriesChecked} entries before it are intact");
                return 1;
            case ("admin", "create"):
                return await CreateAdministratorAsync(sp, Options(args), output);
            default:
                await output.WriteLineAsync("usage: admin create --user NAME --password PASSWORD [--name DISPLAY] [--town TOWN] | audit verify");
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
