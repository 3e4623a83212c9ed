// Uses two clients generated from the API document the app serves (Kiota and NSwag), as an integrator would, against a
// running demo town: a window intake, an enforcement registration, a mediation registration, a Word download, and a 409
// and a 422 read through the typed problem details. Exit code 0 when every call answered as the document says.
using System.Net.Http.Headers;
using Fazhi.ClientCheck;

var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : "http://127.0.0.1:5080";
var failures = new List<string>();

async Task Check(string client, string step, Func<Task> call)
{
    try
    {
        await call();
        Console.WriteLine($"ok    {client}: {step}");
    }
    catch (Exception e)
    {
        failures.Add($"{client}: {step}: {e.GetType().Name}: {e.Message}");
        Console.WriteLine($"FAIL  {client}: {step}: {e.GetType().Name}: {e.Message}");
    }
}

await KiotaCalls.RunAsync(baseUrl, Check);
await NSwagCalls.RunAsync(baseUrl, Check);

Console.WriteLine(failures.Count == 0 ? "every call answered as the document says" : $"{failures.Count} calls failed");
return failures.Count == 0 ? 0 : 1;

namespace Fazhi.ClientCheck
{
    /// <summary>The demo town's sample data a call needs.</summary>
    internal static class Demo
    {
        public const string Password = "Demo#2019";

        public const string Item = "TX-QY-001";

        /// <summary>A valid resident ID number (the check character computed as GB 11643 does).</summary>
        public static string IdNumber(string first17)
        {
            int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            var sum = first17.Select((c, i) => (c - '0') * weights[i]).Sum();
            return first17 + "10X98765432"[sum % 11];
        }

        public static string Key() => Guid.NewGuid().ToString("N");

        public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

        public static HttpClient Http(string baseUrl, string? token = null)
        {
            var http = new HttpClient { BaseAddress = new Uri(baseUrl + "/") };
            if (token is not null)
            {
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            return http;
        }
    }

    internal delegate Task Checker(string client, string step, Func<Task> call);

    internal sealed class Expected(string what) : Exception(what);
}
