using Fazhi.Web.Modules.Services.Data;
using Fazhi.Web.Modules.Services.Domain;
using Fazhi.Web.Platform.Citizens;
using Fazhi.Web.Platform.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Services.Features;

/// <summary>The one door's part of a citizen's one page: the applications of their online account.</summary>
internal sealed class ServicesCitizenPart(FazhiDbContext db) : ICitizenMatters
{
    public async Task<IReadOnlyList<CitizenMatter>> ForAsync(CitizenKey citizen, CancellationToken ct = default)
    {
        var rows = await db.Applications.AsNoTracking().Where(a => a.CitizenId == citizen.AccountId).OrderByDescending(a => a.ReceivedAt).Take(100)
            .Select(a => new { a.Id, a.Number, a.ItemName, a.Status, a.ReceivedAt, a.DueDate }).ToListAsync(ct);
        return [.. rows.Select(a => new CitizenMatter(ServicesModule.ModuleName, "citizen.application", a.Number, "status." + a.Status,
            a.DueDate, a.DueDate is null ? null : "citizen.due", $"/citizen/applications/{a.Id}", a.ReceivedAt, a.ItemName))];
    }
}

/// <summary>The signed-in online citizen, from the one door's accounts: their id from the cookie, their phone from the account.</summary>
internal sealed class CitizenIdentity(IHttpContextAccessor http, FazhiDbContext db) : ICitizenIdentity
{
    public async Task<CitizenKey?> CurrentAsync(CancellationToken ct = default)
    {
        if (http.HttpContext is not { } context)
        {
            return null;
        }

        var result = await context.AuthenticateAsync(OnlineService.Scheme);
        if (!result.Succeeded || OnlineService.CitizenId(result.Principal) is not { } id)
        {
            return null;
        }

        var account = await db.Citizens.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.Phone, c.PhoneVerifiedAt }).SingleOrDefaultAsync(ct);
        return account is null ? null : new CitizenKey(id, account.Phone, account.PhoneVerifiedAt is not null);
    }
}
