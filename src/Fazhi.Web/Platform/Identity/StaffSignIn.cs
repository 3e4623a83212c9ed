using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Data;
using Microsoft.AspNetCore.Identity;

namespace Fazhi.Web.Platform.Identity;

/// <summary>
/// Checks a user name and password for the login page and the API alike, and writes every
/// attempt to the login log: success, failure, lockout.
/// </summary>
public sealed class StaffSignIn(
    UserManager<StaffUser> users,
    SignInManager<StaffUser> signIn,
    FazhiDbContext db,
    TimeProvider time,
    IHttpContextAccessor accessor)
{
    public async Task<(LoginOutcome Outcome, StaffUser? User)> CheckAsync(string userName, string password, string channel)
    {
        var user = await users.FindByNameAsync(userName.Trim());
        LoginOutcome outcome;
        if (user is null)
        {
            outcome = LoginOutcome.Failed;
        }
        else if (!user.IsActive)
        {
            outcome = LoginOutcome.Disabled;
        }
        else
        {
            var result = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
            outcome = result.Succeeded ? LoginOutcome.Succeeded
                : result.IsLockedOut ? LoginOutcome.LockedOut
                : LoginOutcome.Failed;
        }

        var http = accessor.HttpContext;
        db.LoginLog.Add(new LoginLogEntry
        {
            At = time.GetUtcNow().UtcDateTime,
            UserName = Truncate(userName.Trim(), 256),
            UserId = user?.Id,
            Outcome = outcome,
            Channel = channel,
            Ip = http?.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Truncate(http?.Request.Headers.UserAgent.ToString(), 512),
        });
        await db.SaveChangesAsync();
        return (outcome, outcome == LoginOutcome.Succeeded ? user : null);
    }

    private static string Truncate(string? s, int max) => s is null ? "" : s.Length <= max ? s : s[..max];
}

/// <summary>
/// 密码策略: at least 10 characters (Identity's own rule) drawn from at least three of
/// lower case, upper case, digits and symbols.
/// </summary>
public sealed class ThreeClassPasswordValidator : IPasswordValidator<StaffUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<StaffUser> manager, StaffUser user, string? password)
    {
        password ??= "";
        var classes = (password.Any(char.IsLower) ? 1 : 0)
            + (password.Any(char.IsUpper) ? 1 : 0)
            + (password.Any(char.IsDigit) ? 1 : 0)
            + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);
        return Task.FromResult(classes >= 3
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "password_classes", Description = "password_classes" }));
    }
}
