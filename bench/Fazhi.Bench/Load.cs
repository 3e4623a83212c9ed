using System.Diagnostics;

namespace Fazhi.Bench;

internal sealed record LoadResult(long Requests, long Failures, double Seconds, double P50Ms, double P99Ms)
{
    public double PerSecond => Requests / Seconds;

    public override string ToString() =>
        FormattableString.Invariant($"{PerSecond,10:N0} req/s  p50 {P50Ms,6:N2} ms  p99 {P99Ms,6:N2} ms  ({Requests:N0} ok, {Failures:N0} failed)");
}

/// <summary>A closed-loop load from this process: N connections, each sending its next request when the last one answered.</summary>
internal static class Load
{
    public static HttpClient Client(int connections) => new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = connections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        UseCookies = false,
    }) { Timeout = TimeSpan.FromSeconds(30) };

    public static async Task<LoadResult> RunAsync(int connections, TimeSpan duration, Func<int, long, HttpRequestMessage> request, Func<HttpResponseMessage, bool> ok, HttpClient client)
    {
        var latencies = new List<double>[connections];
        long failures = 0;
        var stop = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(100_000);
            long n = 0;
            while (stop.Elapsed < duration)
            {
                using var req = request(w, n++);
                var t = Stopwatch.GetTimestamp();
                using var res = await client.SendAsync(req, HttpCompletionOption.ResponseContentRead);
                var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                if (ok(res))
                {
                    mine.Add(ms);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }).ToList();
        await Task.WhenAll(workers);
        var seconds = stop.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double Pct(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)(all.Length * p))];
        return new LoadResult(all.Length, failures, seconds, Pct(0.50), Pct(0.99));
    }
}

/// <summary>Timings of one request after another, as one person clicking: what a page's target is judged by.</summary>
internal static class Sequential
{
    /// <summary>25 requests with a bearer token: the first 5 warm up; the median and worst of the other 20, and the last body.</summary>
    public static async Task<(double Median, double Worst, string Body)> TimeAsync(HttpClient client, string url, string token)
    {
        var times = new List<double>();
        var body = "";
        for (var i = 0; i < 25; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            var sw = Stopwatch.StartNew();
            using var response = await client.SendAsync(request);
            body = await response.Content.ReadAsStringAsync();
            response.EnsureSuccessStatusCode();
            if (i >= 5)
            {
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        times.Sort();
        return (times[times.Count / 2], times[^1], body);
    }

    /// <summary>Drops a PostgreSQL database through the server's maintenance database, so that a scenario starts fresh.</summary>
    public static async Task DropDatabaseAsync(string connection)
    {
        var b = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        var name = b.Database;
        b.Database = "postgres";
        await using var admin = new Npgsql.NpgsqlConnection(b.ConnectionString);
        await admin.OpenAsync();
        await using var drop = new Npgsql.NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
