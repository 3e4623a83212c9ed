using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;

namespace Fazhi.BrowserTests;

/// <summary>
/// Starts the platform as a real server (demo mode, its own SQLite file, a free loopback port)
/// and Debian's Chromium headless through Playwright.
/// </summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "fazhi-browser", Guid.NewGuid().ToString("N"));
    private Process? _server;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    /// <summary>Seconds from starting the server process to its first healthy answer.</summary>
    public double StartSeconds { get; private set; }

    public IBrowser Browser { get; private set; } = null!;

    public static bool Available => File.Exists(Chromium);

    /// <summary>CI sets FAZHI_REQUIRE_BROWSER=1: a missing browser then fails instead of skipping.</summary>
    /// <summary>Signs a demo account in, in the language given (every demo account has the password Demo#2019).</summary>
    /// <summary>The first bytes of a PNG: enough for the file store to recognise a picture of a signed paper.</summary>
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x02];

    public static async Task SignInAsync(IPage page, string userName, string culture = "zh-CN")
    {
        await page.GotoAsync($"/culture/{culture}?returnUrl=/login");
        await page.FillAsync("#userName", userName);
        await page.FillAsync("#password", "Demo#2019");
        await page.PressAsync("#password", "Enter");
        await page.WaitForSelectorAsync("#welcome");
    }

    public static void SkipUnlessAvailable()
    {
        if (Environment.GetEnvironmentVariable("FAZHI_REQUIRE_BROWSER") == "1")
        {
            Assert.True(Available, $"{Chromium} is missing: apt-get install chromium fonts-noto-cjk");
        }

        Skip.IfNot(Available, $"{Chromium} is not installed (apt-get install chromium fonts-noto-cjk; .ci/run does this)");
    }

    public async Task InitializeAsync()
    {
        if (!Available)
        {
            return;
        }

        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
        var root = RepositoryRoot();
        // The program as the test run built it (same configuration), started directly: `dotnet run` would first
        // evaluate the project again, seconds that a loaded machine stretches past any deadline.
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        var web = Path.Combine(root, "src", "Fazhi.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "Fazhi.Web.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = web,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { dll, "--urls", BaseUrl })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__DataDirectory"] = _dataDir;
        start.Environment["Fazhi__Demo"] = "true";
        // The browser runs on today's real clock: the legality check may conclude the day it starts (a province's setting; 5 by default).
        start.Environment["Documents__CheckMinWorkingDays"] = "0";
        _server = Process.Start(start) ?? throw new InvalidOperationException("could not start the server");
        _server.OutputDataReceived += (_, _) => { };
        _server.ErrorDataReceived += (_, _) => { };
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();

        using var http = new HttpClient();
        var started = Stopwatch.StartNew();
        // About 6 s on a quiet machine (migrations, the demo town); a busy one can take several times that.
        var deadline = DateTime.UtcNow.AddSeconds(300);
        while (true)
        {
            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).StatusCode == HttpStatusCode.OK)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline || _server.HasExited)
            {
                throw new InvalidOperationException($"the server did not answer /healthz within {started.Elapsed.TotalSeconds:N0} s");
            }

            await Task.Delay(250);
        }

        StartSeconds = started.Elapsed.TotalSeconds;
        await File.WriteAllTextAsync(Path.Combine(_dataDir, "start-seconds.txt"), StartSeconds.ToString("N1", System.Globalization.CultureInfo.InvariantCulture));

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is { HasExited: false })
        {
            _server.Kill(entireProcessTree: true);
            await _server.WaitForExitAsync();
        }

        _server?.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // temp space only, or never created
        }
    }

    /// <summary>
    /// A fresh page of a browser whose language is <paramref name="locale"/> (its Accept-Language); on failure of
    /// <paramref name="test"/> a screenshot is kept under TestResults/screenshots.
    /// </summary>
    public async Task WithPageAsync(string name, Func<IPage, Task> test, string locale = "zh-CN", int width = 1280, int height = 900)
    {
        await using var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = locale });
        var page = await context.NewPageAsync();
        try
        {
            await test(page);
        }
        catch
        {
            var dir = Path.Combine(RepositoryRoot(), "TestResults", "screenshots");
            Directory.CreateDirectory(dir);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
            throw;
        }
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Fazhi.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
