using System.Net.Http.Json;
using System.Text.Json;

namespace Fazhi.Tests.Infrastructure;

/// <summary>The API document as the app serves it, read for what a test must cover.</summary>
public static class ApiDocument
{
    /// <summary>The routes whose GET answers <paramref name="contentType"/> (every Word document, every Excel export).</summary>
    public static async Task<List<string>> RoutesAnsweringAsync(HttpClient client, string contentType)
    {
        var doc = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        return [.. doc.GetProperty("paths").EnumerateObject()
            .Where(p => p.Value.TryGetProperty("get", out var get) && get.GetProperty("responses").TryGetProperty("200", out var ok)
                && ok.TryGetProperty("content", out var content) && content.TryGetProperty(contentType, out _))
            .Select(p => p.Name)];
    }
}
