using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Data;
using Fazhi.Web.Platform.Identity;
using Fazhi.Web.Platform.Localization;
using Fazhi.Web.Platform.Scope;
using Fazhi.Web.Platform.Web;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fazhi.Web.Platform;

/// <summary>Section <c>Fazhi</c>: platform-wide switches.</summary>
public sealed class FazhiOptions
{
    public const string Section = "Fazhi";

    /// <summary>Load the demo town into an empty database and show the demo accounts on the login page.</summary>
    public bool Demo { get; set; }

    /// <summary>Largest request body accepted outside file uploads.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// Addresses of reverse proxies (nginx and the like) in front of the platform. Their
    /// X-Forwarded-For header is believed, so the audit record and the rate limit see the citizen's
    /// address; no other sender's is.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Public progress look-ups one client address may make per minute.</summary>
    public int PublicLookupsPerMinute { get; set; } = 120;

    /// <summary>Largest form post, for endpoints and pages that take files.</summary>
    public long MaxUploadBytes { get; set; } = 10 * 1024 * 1024;
}

public static class PlatformSetup
{
    public const string AuthScheme = "Fazhi";

    public static WebApplicationBuilder AddPlatform(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var fazhi = builder.Configuration.GetSection(FazhiOptions.Section).Get<FazhiOptions>() ?? new FazhiOptions();
        services.AddSingleton(fazhi);
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddMemoryCache();
        services.AddPublicLookupLimit();
        // Chinese text goes into pages as text, not as &#x...; entities.
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));

        builder.AddFazhiDatabase();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<AuditVerifier>();
        var audit = builder.Configuration.GetSection(AuditOptions.Section).Get<AuditOptions>() ?? new AuditOptions();
        services.AddSingleton(audit);
        services.AddSingleton(sp => ChainSigner.Open(audit, sp.GetRequiredService<IConfiguration>().GetSection(Privacy.PrivacyOptions.Section).Get<Privacy.PrivacyOptions>() ?? new Privacy.PrivacyOptions(),
            sp.GetRequiredService<DataDirectory>().Path, sp.GetRequiredService<IHostEnvironment>()));
        services.AddScoped<HeadSigning>();
        services.AddHostedService<HeadSigningService>();
        services.AddScoped<Cases.ActorSource>();
        services.AddScoped<Cases.CaseWorkflow>();
        services.AddScoped<Cases.RecordCheck>();
        services.AddSingleton<Files.FileStore>();
        // Files:Store: the folder of this machine (the default), or the database for several machines (PostgreSQL).
        if (builder.Configuration.GetValue("Files:Store", Files.FileBytesStore.Folder) == Files.FileBytesStore.Database)
        {
            if ((builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions()).Provider != DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("Files:Store is Database but the database is not PostgreSQL: several machines share files through PostgreSQL; one machine keeps them in its folder.");
            }

            services.AddSingleton<Files.IFileBytes, Files.DatabaseFileBytes>();
        }
        else
        {
            services.AddSingleton<Files.IFileBytes, Files.FolderFileBytes>();
        }

        services.AddScoped<Deadlines.SystemAlerts>();
        services.AddScoped<Audit.PersonalDataReads>();
        services.AddScoped<CalendarYearAlert>();
        services.AddScoped<Tasks.TaskList>();
        services.AddScoped<Lists.TextSearch>();
        services.AddSingleton<WorkingDayCalendar>();
        services.AddScoped<CalendarStore>();
        services.AddHostedService<CalendarRefresh>();
        services.AddScoped<DataScopeResolver>();
        services.AddScoped<Privacy.PersonalDataSealer>();
        services.AddScoped<Deadlines.DeadlineMonitor>();
        services.AddScoped<Deadlines.AlertList>();
        services.AddScoped<Reports.FigureCatalog>();
        services.AddHostedService<Deadlines.DeadlineMonitorService>();
        services.AddScoped<Notifications.NotificationDispatcher>();
        services.AddSingleton<Notifications.INotificationChannel, Notifications.InAppChannel>();
        services.AddSingleton<Notifications.INotificationChannel, Notifications.LogSmsChannel>();
        services.AddHostedService<Notifications.NotificationDispatchService>();
        services.AddScoped<StaffSignIn>();
        services.AddScoped<DemoTown>();
        services.AddSingleton<Text>();
        services.AddTransient<FormErrors>();

        AddIdentity(services);
        services.AddSharedKeys();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemMapping.Customize);
        services.AddExceptionHandler<ProblemMapping>();
        services.AddSingleton<ProblemMapping>();
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            // A misspelt field is an error, not a silently ignored value.
            o.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            // Numbers are JSON numbers ("5" is refused on its field), so the document types them as numbers, not number-or-string.
            o.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = Math.Max(fazhi.MaxRequestBodyBytes, fazhi.MaxUploadBytes);
            // The server's name and make are nobody's business (and 15 bytes of every answer).
            k.AddServerHeader = false;
        });

        services.AddOpenApi(o =>
        {
            o.CreateSchemaReferenceId = Web.SchemaIds.Of;
            o.AddOperationTransformer<Web.FormFieldsTransformer>();
            o.AddDocumentTransformer<Web.OpenApiShape>();
            o.AddOperationTransformer<Web.OpenApiShape>();
            o.AddSchemaTransformer<Web.OpenApiShape>();
        });
        services.TryAddEnumerable(ServiceDescriptor.Transient<Microsoft.AspNetCore.Mvc.ApiExplorer.IApiDescriptionProvider, ProblemResponses>());
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        services.AddLocalization();
        services.AddRazorComponents();
        services.AddAntiforgery();
        return builder;
    }

    private static void AddIdentity(IServiceCollection services)
    {
        services.AddIdentityCore<StaffUser>(o =>
            {
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-";
            })
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<FazhiDbContext>()
            .AddUserManager<StaffUserManager>()
            .AddSignInManager()
            .AddPasswordValidator<ThreeClassPasswordValidator>()
            .AddDefaultTokenProviders();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = AuthScheme;
                o.DefaultChallengeScheme = AuthScheme;
            })
            // Pages sign in with a cookie; API clients send a bearer token. One scheme picks per request.
            .AddPolicyScheme(AuthScheme, AuthScheme, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(BearerTokenDefaults.AuthenticationScheme, o => o.BearerTokenExpiration = TimeSpan.FromHours(8))
            .AddIdentityCookies();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "fazhi.auth";
            o.Cookie.HttpOnly = true;
            // Strict: no other site can make a signed-in browser send a request here.
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.ExpireTimeSpan = TimeSpan.FromMinutes(30); // idle sign-out after 30 minutes
            o.SlidingExpiration = true;
            o.LoginPath = "/login";
            o.AccessDeniedPath = "/denied";
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx.HttpContext, ctx.RedirectUri, StatusCodes.Status403Forbidden);
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));
        services.AddAuthorization();
    }

    private static Task ApiOrRedirect(HttpContext http, string redirect, int status)
    {
        if (ProblemMapping.IsApi(http.Request))
        {
            http.Response.StatusCode = status;
            return http.RequestServices.GetRequiredService<IProblemDetailsService>()
                .WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = { Status = status } }).AsTask();
        }

        http.Response.Redirect(redirect);
        return Task.CompletedTask;
    }

    public static WebApplication UsePlatform(this WebApplication app)
    {
        var proxies = app.Services.GetRequiredService<FazhiOptions>().TrustedProxies;
        if (proxies.Length > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }

            app.UseForwardedHeaders(forwarded);
        }

        // Localization first: an error is worded in the language of the request that failed.
        app.UseRequestLocalization(o =>
        {
            o.SetDefaultCulture("zh-CN").AddSupportedCultures(Text.SupportedCultures).AddSupportedUICultures(Text.SupportedCultures);
            // A choice made on the page (the language cookie) wins; before one is made, the browser's language
            // decides (an English browser gets English pages); anything else gets Chinese.
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/error");
        // Bare status codes become problem details for the API; pages render their own messages.
        app.UseWhen(http => ProblemMapping.IsApi(http.Request), api => api.UseStatusCodePages());
        app.UseRequestBodyLimit();
        app.MapStaticAssets();
        // Every scheme here reads its credentials from the Cookie or the Authorization header (the staff cookie, the
        // citizen's online cookie, the bearer token). A request with neither is anonymous whatever the handlers do, so
        // it skips them: building the policy scheme's and the cookie's handlers was a tenth of the server's CPU on a
        // constant answer.
        // The framework adds its own authentication in front of everything unless told that the pipeline has it; the
        // flag is the one UseAuthentication sets (a test counts the handlers built, so a change of it shows).
        if (app.Services.GetRequiredService<StandbyReads>().Configured)
        {
            // Marked reads to the standby while it is in step; a client that wrote reads its own write. Before
            // authentication, which may read the database through the request's scope.
            app.UseMiddleware<StandbyMiddleware>();
        }

        app.UseWhen(HasCredentials, a => a.UseAuthentication());
        ((IApplicationBuilder)app).Properties["__AuthenticationMiddlewareSet"] = true;
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapOpenApi().AllowAnonymous();
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            ResultStatusCodes = { [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable },
        }).AllowAnonymous();
        app.MapGet("/culture/{culture}", (string culture, string? returnUrl, HttpContext http) =>
        {
            var chosen = Text.SupportedCultures.Contains(culture) ? culture : "zh-CN";
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = true });
            return Results.LocalRedirect(string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) ? "/" : AsciiUrl(returnUrl));
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/logout", async (SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/login");
        }).ExcludeFromDescription();
        return app;
    }

    private static bool HasCredentials(HttpContext http) =>
        http.Request.Headers.Cookie.Count > 0 || http.Request.Headers.Authorization.Count > 0;

    /// <summary>
    /// A header carries ASCII only: a page whose query holds Chinese (a search for 食品) comes back with those characters
    /// percent-encoded as UTF-8, the way the browser sent them.
    /// </summary>
    internal static string AsciiUrl(string url)
    {
        var ascii = new System.Text.StringBuilder(url.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 32 and < 127)
            {
                ascii.Append((char)rune.Value);
                continue;
            }

            foreach (var b in utf8[..rune.EncodeToUtf8(utf8)])
            {
                ascii.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return ascii.ToString();
    }

    /// <summary>The platform's own APIs: sign-in, calendar, audit.</summary>
    public static IEndpointRouteBuilder MapPlatformApis(this IEndpointRouteBuilder app)
    {
        app.MapAuthApi();
        app.MapCalendarApi();
        app.MapAuditApi();
        app.MapSignedHeads();
        return app;
    }
}

internal sealed class DatabaseHealthCheck(FazhiDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
