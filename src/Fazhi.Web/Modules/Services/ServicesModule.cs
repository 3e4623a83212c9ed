using System.Threading.RateLimiting;
using Fazhi.Web.Modules.Services.Features;
using Fazhi.Web.Platform;
using Fazhi.Web.Platform.Localization;

namespace Fazhi.Web.Modules.Services;

/// <summary>Catalog, one-time notices, intake, receipts and public progress (一门一网).</summary>
public static class ServicesModule
{
    public static WebApplicationBuilder AddServices(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<CatalogService>();
        builder.Services.AddScoped<IntakeService>();
        builder.Services.AddScoped<ProgressService>();
        builder.Services.AddScoped<DemoCatalog>();
        builder.Services.AddScoped<PublicLinks>();
        builder.Services.AddRateLimiter(o =>
        {
            // Public look-ups are limited per client address, so tokens cannot be guessed by brute force.
            o.AddPolicy(ProgressApi.RateLimitPolicy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = http.RequestServices.GetRequiredService<FazhiOptions>().PublicLookupsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapServices(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/services").WithTags("Services").RequireAuthorization()
            .MapCatalog()
            .MapIntake();
        app.MapPublicProgress();
        app.MapGet("/services/items/{code}/notice.docx", async (string code, CatalogService catalog, PublicLinks links, Text text) =>
        {
            var item = await catalog.GetAsync(code);
            return TypedResults.File(OneTimeNotice.Docx(item, links.Item(item.Code), text), OneTimeNotice.ContentType, $"{item.Code}-一次性告知.docx");
        }).AllowAnonymous().WithTags("Public").WithSummary("The item's one-time written notice (一次性书面告知清单) as Word.");
        return app;
    }
}
