using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Fazhi.Bench;

/// <summary>The platform as a separate server process (Release build), so its memory can be read from /proc.</summary>
internal sealed class Server : IAsyncDisposable
{
    private readonly Process _process;

    private Server(Process process, string baseUrl, Task answersLoaded)
    {
        _process = process;
        BaseUrl = baseUrl;
        AnswersLoaded = answersLoaded;
    }

    /// <summary>Completes when the server says it holds every public progress answer (it looks up the database until then).</summary>
    public Task AnswersLoaded { get; }

    public string BaseUrl { get; }

    public int Pid => _process.Id;

    public static async Task<Server> StartAsync(string root, Dictionary<string, string> settings)
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var web = Path.Combine(root, "src", "Fazhi.Web");
        var dll = Path.Combine(web, "bin", "Release", "net10.0", "Fazhi.Web.dll");
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(url);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Fazhi.Web.Modules.Services.Features.ProgressAnswersLoader"] = "Information";
        start.Environment["Fazhi__PublicLookupsPerMinute"] = "1000000000";
        foreach (var (k, v) in settings)
        {
            start.Environment[k] = v;
        }

        var p = Process.Start(start)!;
        // The server's own account of loading its public progress answers (issue 11) is worth seeing.
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (settings.TryGetValue("Services__ProgressAnswers__Enabled", out var held) && held.Equals("false", StringComparison.OrdinalIgnoreCase))
        {
            loaded.TrySetResult(); // nothing to wait for: the look-ups read the database
        }

        p.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("Progress answers:", StringComparison.Ordinal) == true)
            {
                Console.WriteLine("server:" + e.Data);
                loaded.TrySetResult();
            }
            else if (e.Data?.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) == true || e.Data?.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal) == true)
            {
                // A 500 during a run is a finding, not noise: show the server's own account of it.
                Console.Error.WriteLine("server: " + e.Data);
            }
        };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("server: " + e.Data); } };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        using var http = new HttpClient();
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < deadline && !p.HasExited)
        {
            try
            {
                if ((await http.GetAsync(url + "/healthz")).IsSuccessStatusCode)
                {
                    return new Server(p, url, loaded.Task);
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(300);
        }

        throw new InvalidOperationException("server did not start");
    }

    /// <summary>CPU time the server process has used so far (user and system), from /proc.</summary>
    public TimeSpan CpuTime() => ProcessCpu(_process.Id);

    /// <summary>CPU time used so far by every process of the machine named <paramref name="name"/> (the database server's backends).</summary>
    public static TimeSpan CpuTimeOf(string name)
    {
        var total = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid))
            {
                try
                {
                    if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == name)
                    {
                        total += ProcessCpu(pid);
                    }
                }
                catch (IOException)
                {
                }
            }
        }

        return total;
    }

    private static TimeSpan ProcessCpu(int pid)
    {
        // Fields 14 and 15 of /proc/<pid>/stat, after the command name in parentheses: user and system time in clock ticks (100 a second).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Resident memory of the server process in MB (VmRSS).</summary>
    public double ResidentMb()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
