using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Fazhi.Web.Platform.Web;

/// <summary>
/// The one limit on what anyone may ask without signing in (progress look-ups, complaints, the disclosure platform):
/// <c>Fazhi:PublicLookupsPerMinute</c> per client address, across every module's public endpoints, so that tokens
/// cannot be guessed by brute force and one address cannot flood the public pages. A module names
/// <see cref="RateLimitPolicy"/> on its public endpoints and pages.
/// </summary>
public static class PublicLookups
{
    public const string RateLimitPolicy = "public";

    internal static IServiceCollection AddPublicLookupLimit(this IServiceCollection services)
    {
        services.AddSingleton<PublicLimiters>();
        return services.AddRateLimiter(o =>
        {
            // Keyed by the address itself (no string per request); the limiter factory is made once.
            o.AddPolicy(RateLimitPolicy, http => RateLimitPartition.Get(
                http.Connection.RemoteIpAddress ?? System.Net.IPAddress.None, http.RequestServices.GetRequiredService<PublicLimiters>().Create));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        });
    }
}

/// <summary>
/// One fixed-window limiter per client address, at the configured rate; replenished by the partitioned limiter's own
/// timer (no timer per address), as RateLimitPartition.GetFixedWindowLimiter does.
/// </summary>
internal sealed class PublicLimiters(FazhiOptions options)
{
    public Func<System.Net.IPAddress, RateLimiter> Create { get; } = _ => new FixedWindowRateLimiter(
        new FixedWindowRateLimiterOptions { PermitLimit = options.PublicLookupsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = false });
}
