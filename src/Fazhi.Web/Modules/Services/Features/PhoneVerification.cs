using System.Security.Cryptography;
using System.Text;
using Fazhi.Web.Modules.Services.Data;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Notifications;
using Fazhi.Web.Platform.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Features;

public sealed record PhoneCode(string? Code);

/// <summary>
/// Proves that the holder of an online account holds its phone: a six-digit code by text message, good for 10 minutes and
/// 5 tries. Until then the citizen's one page shows only what the account itself filed; a matter another work line keeps
/// under the phone (a petition, a mediation case, a legal-aid application) is shown once the phone is proved.
/// </summary>
public sealed class PhoneVerification(FazhiDbContext db, TimeProvider time)
{
    public const string Template = "services.phone_code";
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    public const int MaxAttempts = 5;

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>Sends a new code (one a minute at most), replacing the last.</summary>
    public async Task SendAsync(Guid citizenId, CancellationToken ct = default)
    {
        var c = await db.Citizens.SingleAsync(x => x.Id == citizenId, ct);
        if (c.CodeExpires is { } expires && expires - Lifetime > Now.AddMinutes(-1))
        {
            throw new DomainException("citizen.code_too_soon", "code", ErrorKind.Conflict);
        }

        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("000000", System.Globalization.CultureInfo.InvariantCulture);
        c.CodeHash = Hash(c.Id, code);
        c.CodeExpires = Now + Lifetime;
        c.CodeAttempts = 0;
        Outbox.Add(db, new Message(Template, Channels.Sms, new Dictionary<string, string?> { ["code"] = code }, Now, Recipient: c.Phone, AccountId: c.Id));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Checks a code: right, in time and within the tries, the phone is proved.</summary>
    public async Task VerifyAsync(Guid citizenId, PhoneCode r, CancellationToken ct = default)
    {
        var c = await db.Citizens.SingleAsync(x => x.Id == citizenId, ct);
        new Validator().Check(r.Code is { Length: 6 } && r.Code.All(char.IsAsciiDigit), "code", "citizen.code_format").ThrowIfInvalid();
        if (c.CodeHash is null || c.CodeExpires is not { } expires || expires < Now || c.CodeAttempts >= MaxAttempts)
        {
            throw new DomainException("citizen.code_expired", "code", ErrorKind.Conflict);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(c.Id, r.Code!)), Encoding.ASCII.GetBytes(c.CodeHash)))
        {
            c.CodeAttempts++;
            await db.SaveChangesAsync(ct);
            throw new DomainException("citizen.code_wrong", "code", ErrorKind.Invalid, MaxAttempts - c.CodeAttempts);
        }

        c.PhoneVerifiedAt = Now;
        c.CodeHash = null;
        c.CodeExpires = null;
        await db.SaveChangesAsync(ct);
    }

    private static string Hash(Guid id, string code) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(id.ToString("N") + ":" + code)));
}

public static class PhoneVerificationApi
{
    public static RouteGroupBuilder MapPhoneVerification(this RouteGroupBuilder mine)
    {
        mine.MapPost("/phone-code", async (HttpContext http, PhoneVerification s) =>
            {
                await s.SendAsync(OnlineService.CitizenId(http.User)!.Value);
                return TypedResults.NoContent();
            })
            .WithSummary("Text a six-digit code to the account's phone (10 minutes, one a minute at most).");
        mine.MapPost("/phone-verification", async (PhoneCode r, HttpContext http, PhoneVerification s) =>
            {
                await s.VerifyAsync(OnlineService.CitizenId(http.User)!.Value, r);
                return TypedResults.NoContent();
            })
            .WithSummary("Prove the phone with the code: the one page then shows the matters other work lines keep under it (5 tries).");
        return mine;
    }
}
