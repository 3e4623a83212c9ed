using Fazhi.Web.Platform;

namespace Fazhi.Web.Platform.Web;

/// <summary>Headers every response carries: no framing, no MIME sniffing, scripts and styles from this site only.</summary>
public static class SecurityHeaders
{
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// Refuses bodies over the limit with 413 before anything reads them: 1 MB for JSON, more for
    /// the endpoints that take files. Kestrel enforces the same limit on chunked bodies.
    /// </summary>
    public static IApplicationBuilder UseRequestBodyLimit(this IApplicationBuilder app)
    {
        // Read once: the options do not change while the server runs.
        var options = app.ApplicationServices.GetRequiredService<FazhiOptions>();
        return app.Use((context, next) =>
        {
            var limit = context.Request.HasFormContentType ? options.MaxUploadBytes : options.MaxRequestBodyBytes;
            var feature = context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>();
            if (feature is { IsReadOnly: false })
            {
                feature.MaxRequestBodySize = limit;
            }

            return context.Request.ContentLength > limit
                ? throw new BadHttpRequestException("request body too large", StatusCodes.Status413PayloadTooLarge)
                : next(context);
        });
    }

    /// <summary>
    /// Set when the response starts, so that error pages written later carry them too. The callback is static
    /// and takes the response as its state: nothing is allocated per request but the registration.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(WriteHeaders, context.Response);
        return next(context);
    });

    private static readonly Func<object, Task> WriteHeaders = static state =>
    {
        var h = ((HttpResponse)state).Headers;
        h.ContentSecurityPolicy = Policy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "same-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        return Task.CompletedTask;
    };
}
