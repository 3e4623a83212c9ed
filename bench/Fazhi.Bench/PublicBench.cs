using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Fazhi.Bench;

/// <summary>
/// The public endpoints at the stack's own speed (issue 11): Debian's wrk, 2 threads and 64 connections,
/// against a bare Kestrel constant endpoint (this program's `bare` mode, its own process), the app's
/// constant endpoint, and a public path over the seeded applications, in alternating rounds.
/// </summary>
internal static partial class PublicBench
{
    public sealed record WrkResult(double PerSecond, double P50Ms, double P99Ms, long Errors)
    {
        public override string ToString() =>
            FormattableString.Invariant($"{PerSecond,10:N0} req/s  p50 {P50Ms,6:N2} ms  p99 {P99Ms,6:N2} ms{(Errors > 0 ? $"  ({Errors:N0} errors)" : "")}");
    }

    /// <summary>
    /// Runs the comparison. <paramref name="path"/> is any public path; <c>{token}</c> in it is replaced, per
    /// request, by one of <paramref name="tokens"/> at random (the seeded applications' query tokens, or `--tokens`).
    /// </summary>
    public static async Task<int> RunAsync(Server server, IReadOnlyList<string> tokens, string path, int seconds, int rounds, string label)
    {
        var wrk = await EnsureWrkAsync();
        if (wrk is null)
        {
            return 2;
        }

        // The steady state is measured: until the server holds every progress answer, its look-ups read the database
        // and its loader takes a core (21 s for 1,000,000 on a warm SQLite file, a minute on a PostgreSQL server just started).
        var waited = Stopwatch.StartNew();
        if (await Task.WhenAny(server.AnswersLoaded, Task.Delay(TimeSpan.FromMinutes(10))) != server.AnswersLoaded)
        {
            Console.Error.WriteLine("the server did not say it had loaded its progress answers within 10 minutes");
            return 2;
        }

        Console.WriteLine(FormattableString.Invariant($"waited {waited.Elapsed.TotalSeconds:N0} s for the server to hold its progress answers"));

        var (work, script, tokenFile) = await ScriptAsync(path, tokens);
        await using var bare = await BareAsync();
        var peak = 0.0;
        using var cts = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                peak = Math.Max(peak, server.ResidentMb());
                await Task.Delay(100);
            }
        });

        Task<WrkResult> Bare(int s) => WrkAsync(wrk, bare.Url + "/ping", s, null, null);
        Task<WrkResult> Ping(int s) => WrkAsync(wrk, server.BaseUrl + "/api/public/ping", s, null, null);
        Task<WrkResult> Path_(int s) => WrkAsync(wrk, server.BaseUrl, s, script, tokenFile);

        // Warm-up: tiered JIT and PGO settle, connection pools, the page cache (shorter warm-ups favoured the bare server).
        await Bare(10);
        await Ping(10);
        await Path_(10);
        var results = (Bare: new List<WrkResult>(), Ping: new List<WrkResult>(), Path: new List<WrkResult>());
        for (var round = 1; round <= rounds; round++)
        {
            results.Bare.Add(await Bare(seconds));
            results.Ping.Add(await Ping(seconds));
            results.Path.Add(await Path_(seconds));
            Console.WriteLine($"round {round} bare Kestrel constant : {results.Bare[^1]}");
            Console.WriteLine($"round {round} app constant          : {results.Ping[^1]}");
            Console.WriteLine($"round {round} {label,-22}: {results.Path[^1]}");
        }

        await cts.CancelAsync();
        await sampler;
        static WrkResult Median(List<WrkResult> r) => r.OrderBy(x => x.PerSecond).ElementAt(r.Count / 2);
        var (b, a, p) = (Median(results.Bare), Median(results.Ping), Median(results.Path));
        var p99 = results.Path.Max(r => r.P99Ms);
        Console.WriteLine(FormattableString.Invariant($"app constant / bare Kestrel: {a.PerSecond / b.PerSecond:P0} ({a.PerSecond:N0} / {b.PerSecond:N0} req/s; target >= 80%)"));
        Console.WriteLine(FormattableString.Invariant($"{label} / app constant: {p.PerSecond / a.PerSecond:P0} ({p.PerSecond:N0} / {a.PerSecond:N0} req/s; target >= 70%); worst p99 {p99:N1} ms (target < 20 ms)"));
        // Each round's servers run seconds apart, so a round's own ratios see the same machine: their median is steadier
        // than the ratio of medians when the machine's speed drifts between rounds.
        static double MedianOf(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        var constantRounds = results.Ping.Zip(results.Bare, (x, y) => x.PerSecond / y.PerSecond).ToList();
        var pathRounds = results.Path.Zip(results.Ping, (x, y) => x.PerSecond / y.PerSecond).ToList();
        Console.WriteLine(FormattableString.Invariant($"per round: app constant / bare {string.Join(", ", constantRounds.Select(r => r.ToString("P0", CultureInfo.InvariantCulture)))} (median {MedianOf(constantRounds):P0}); {label} / app constant {string.Join(", ", pathRounds.Select(r => r.ToString("P0", CultureInfo.InvariantCulture)))} (median {MedianOf(pathRounds):P0})"));
        Console.WriteLine(FormattableString.Invariant($"server peak RSS {peak:N0} MB (target < 400 MB); errors {results.Path.Sum(r => r.Errors) + results.Ping.Sum(r => r.Errors):N0}"));
        Directory.Delete(work, true);
        return 0;
    }

    /// <summary>
    /// wrk against one public path only (no constant endpoints): a 10-second warm-up, then <paramref name="rounds"/> rounds;
    /// <c>{token}</c> in the path becomes one of <paramref name="tokens"/> at random per request. Null when wrk is missing.
    /// </summary>
    public static async Task<List<WrkResult>?> PathRoundsAsync(string baseUrl, IReadOnlyList<string> tokens, string path, int seconds, int rounds)
    {
        var wrk = await EnsureWrkAsync();
        if (wrk is null)
        {
            return null;
        }

        var (work, script, tokenFile) = await ScriptAsync(path, tokens);
        await WrkAsync(wrk, baseUrl, 10, script, tokenFile);
        var results = new List<WrkResult>();
        for (var round = 0; round < rounds; round++)
        {
            results.Add(await WrkAsync(wrk, baseUrl, seconds, script, tokenFile));
        }

        Directory.Delete(work, true);
        return results;
    }

    /// <summary>wrk from Debian, installed here when missing and the bench runs as root.</summary>
    internal static async Task<string?> EnsureWrkAsync()
    {
        const string wrk = "/usr/bin/wrk";
        if (File.Exists(wrk))
        {
            return wrk;
        }

        if (Environment.UserName == "root" && File.Exists("/usr/bin/apt-get"))
        {
            Console.WriteLine("installing wrk (apt-get install wrk)");
            using var apt = Process.Start(new ProcessStartInfo("/usr/bin/apt-get", ["install", "-y", "-q", "wrk"]) { RedirectStandardOutput = true })!;
            await apt.StandardOutput.ReadToEndAsync();
            await apt.WaitForExitAsync();
            if (File.Exists(wrk))
            {
                return wrk;
            }
        }

        Console.Error.WriteLine("wrk is missing: apt-get install wrk");
        return null;
    }

    /// <summary>
    /// The Lua script for <paramref name="path"/> and its token file, in a new temporary folder. The tokens are written
    /// back to back in records of one width (three digits of length, the token, spaces), so that each wrk thread reads
    /// them in one call: wrk starts counting a thread's requests before the next thread's <c>init</c> has run, and reading
    /// a million lines there counted the first thread's head start.
    /// </summary>
    internal static async Task<(string Folder, string Script, string Tokens)> ScriptAsync(string path, IReadOnlyList<string> tokens)
    {
        var work = Directory.CreateTempSubdirectory("fazhi-wrk").FullName;
        var tokenFile = Path.Combine(work, "tokens.dat");
        var width = tokens.Count == 0 ? 0 : tokens.Max(t => Encoding.UTF8.GetByteCount(t));
        if (width > 999)
        {
            throw new ArgumentException("a token longer than 999 bytes", nameof(tokens));
        }

        await using (var file = new StreamWriter(tokenFile, false, new UTF8Encoding(false)))
        {
            await file.WriteAsync(FormattableString.Invariant($"{width + 3}\n"));
            foreach (var t in tokens)
            {
                var bytes = Encoding.UTF8.GetByteCount(t);
                await file.WriteAsync(FormattableString.Invariant($"{bytes:D3}{t}{new string(' ', width - bytes)}"));
            }
        }

        var script = Path.Combine(work, "path.lua");
        await File.WriteAllTextAsync(script, LuaFor(path));
        return (work, script, tokenFile);
    }

    // Each request costs the client one random pick and one concatenation: the request around the token is formatted
    // once (wrk.format) and split where the token goes. Building it per request (two gsubs and wrk.format) took so
    // much of the two cores that the look-up measured the client as much as the server; the constant endpoints run
    // wrk without a script at all.
    internal static string LuaFor(string path) => $$"""
        local all, width, count, head, tail
        local template = "{{path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)}}"
        init = function(args)
          local f = assert(io.open(args[1], "rb"))
          width = tonumber(f:read("*l")); all = f:read("*a"); f:close()
          count = width > 3 and math.floor(#all / width) or 0
          local at = string.find(template, "{token}", 1, true)
          if count == 0 or not at then
            head, tail, count = wrk.format("GET", template), "", 0
          else
            local probe = wrk.format("GET", string.sub(template, 1, at - 1) .. "\1" .. string.sub(template, at + 7))
            local cut = string.find(probe, "\1", 1, true)
            head, tail = string.sub(probe, 1, cut - 1), string.sub(probe, cut + 1)
          end
          math.randomseed(os.time() + count)
        end
        request = function()
          if count == 0 then return head end
          local off = (math.random(count) - 1) * width
          local len = tonumber(string.sub(all, off + 1, off + 3))
          return head .. string.sub(all, off + 4, off + 3 + len) .. tail
        end
        """;

    internal static async Task<WrkResult> WrkAsync(string wrk, string url, int seconds, string? script, string? tokens)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-t2", "-c64", $"-d{seconds}s", "--latency" })
        {
            start.ArgumentList.Add(a);
        }

        if (script is not null)
        {
            start.ArgumentList.Add("-s");
            start.ArgumentList.Add(script);
        }

        start.ArgumentList.Add(url);
        if (tokens is not null)
        {
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(tokens);
        }

        using var p = Process.Start(start)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        var rps = double.Parse(RequestsPerSecond().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        var errors = Non2xx().Match(output) is { Success: true } m ? long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(rps, Percentile(output, "50%"), Percentile(output, "99%"), errors);
    }

    private static double Percentile(string output, string which)
    {
        var m = Regex.Match(output, @"^\s*" + Regex.Escape(which) + @"\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        var v = double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        return m.Groups[2].Value switch { "us" => v / 1000, "s" => v * 1000, _ => v };
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex Non2xx();

    /// <summary>The bare server: this program in `bare` mode, as its own process like the app.</summary>
    private static async Task<BareServer> BareAsync()
    {
        using var l = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        l.Start();
        var port = ((System.Net.IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(PublicBench).Assembly.Location);
        start.ArgumentList.Add("bare");
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var url = $"http://127.0.0.1:{port}";
        using var http = new HttpClient();
        for (var i = 0; i < 100; i++)
        {
            try
            {
                if ((await http.GetAsync(url + "/ping")).IsSuccessStatusCode)
                {
                    return new BareServer(process, url);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new InvalidOperationException("the bare server did not start");
    }

    private sealed class BareServer(Process process, string url) : IAsyncDisposable
    {
        public string Url { get; } = url;

        public async ValueTask DisposeAsync()
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    /// <summary>`bare`: the stack with nothing of Fazhi: a slim builder and one constant 40-byte JSON answer.</summary>
    public static async Task BareServerAsync(int port)
    {
        var builder = Microsoft.AspNetCore.Builder.WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var body = "{\"ok\":true,\"service\":\"kestrel-constant1\"}"u8.ToArray();
        app.MapGet("/ping", (Microsoft.AspNetCore.Http.HttpContext http) =>
        {
            http.Response.ContentType = "application/json";
            http.Response.ContentLength = body.Length;
            return http.Response.Body.WriteAsync(body).AsTask();
        });
        await app.RunAsync();
    }
}
