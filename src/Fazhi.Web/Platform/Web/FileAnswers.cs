using Fazhi.Web.Platform.Documents;

namespace Fazhi.Web.Platform.Web;

/// <summary>
/// What a download endpoint answers, for the API document: a Word document, an Excel ledger, or a stored file. The document
/// describes each as bytes of its content type, so a generated client returns a stream, not a model it cannot read.
/// </summary>
public static class FileAnswers
{
    public const string Png = "image/png";

    public static RouteHandlerBuilder ProducesExcel(this RouteHandlerBuilder builder) => builder.Produces<Stream>(StatusCodes.Status200OK, Spreadsheet.ContentType);

    public static RouteHandlerBuilder ProducesWord(this RouteHandlerBuilder builder) => builder.Produces<Stream>(StatusCodes.Status200OK, OfficialDocument.ContentType);

    /// <summary>A stored upload: one of the content types the file store recognises.</summary>
    public static RouteHandlerBuilder ProducesStoredFile(this RouteHandlerBuilder builder) =>
        builder.Produces<Stream>(StatusCodes.Status200OK, Files.FileStore.ContentTypes[0], Files.FileStore.ContentTypes[1..]);

    /// <summary>A picture (a QR code).</summary>
    public static RouteHandlerBuilder ProducesPng(this RouteHandlerBuilder builder) => builder.Produces<Stream>(StatusCodes.Status200OK, Png);
}
