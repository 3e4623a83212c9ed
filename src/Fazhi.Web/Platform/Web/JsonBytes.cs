namespace Fazhi.Web.Platform.Web;

/// <summary>
/// A 200 answer of JSON already serialized (with the API's options), written as it is with its length: no chunked
/// encoding, no serializer on the request. For public answers kept in memory and for constant answers.
/// </summary>
public sealed class JsonBytes(byte[] body) : IResult
{
    public ReadOnlyMemory<byte> Body => body;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }
}
