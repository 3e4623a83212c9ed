namespace Fazhi.Web.Platform.Web;

/// <summary>
/// The address citizens reach the platform at, for the links a receipt's QR code carries: <c>Fazhi:PublicBaseUrl</c> when set
/// (behind a proxy), else the request's own scheme and host.
/// </summary>
public static class PublicBase
{
    public static string Of(IConfiguration configuration, HttpContext? http)
    {
        var configured = configuration["Fazhi:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        var r = http?.Request;
        return r is null ? "http://localhost:5080" : $"{r.Scheme}://{r.Host}";
    }
}
