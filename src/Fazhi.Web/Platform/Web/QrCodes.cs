using System.Security.Cryptography;
using QRCoder;

namespace Fazhi.Web.Platform.Web;

/// <summary>QR codes as PNG, drawn by QRCoder: a receipt's follow-up link, a notice's item page.</summary>
public static class QrCodes
{
    public static byte[] Png(string text, int pixelsPerModule = 8)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule);
    }

    public static string DataUri(string text, int pixelsPerModule = 8) => "data:image/png;base64," + Convert.ToBase64String(Png(text, pixelsPerModule));
}

/// <summary>
/// A query token: what a citizen's receipt carries so they can follow their matter without an account. 144 random bits,
/// URL-safe; whoever holds it sees the matter's progress with personal data masked, and nothing else.
/// </summary>
public static class QueryTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
}
