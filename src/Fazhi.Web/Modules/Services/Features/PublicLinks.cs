namespace Fazhi.Web.Modules.Services.Features;

/// <summary>Absolute links printed on paper (receipts, notices): the configured public address, else the request's.</summary>
public sealed class PublicLinks(IConfiguration configuration, IHttpContextAccessor http)
{
    public string Base => Platform.Web.PublicBase.Of(configuration, http.HttpContext);

    public string Progress(string token) => $"{Base}/q/{token}";

    public string Complaint(string token) => $"{Base}/complaint/{token}";

    public string Item(string code) => $"{Base}/services/items/{Uri.EscapeDataString(code)}";
}
