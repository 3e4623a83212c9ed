using System.Net.Http.Headers;
using System.Net.Http.Json;
using Fazhi.Web.Platform;
using Fazhi.Web.Platform.Data;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Fazhi.Tests.Infrastructure;

/// <summary>
/// The whole platform in process, on a database of its own: a fresh SQLite file by default, or a
/// fresh PostgreSQL database when FAZHI_TEST_PG holds a server connection string (CI sets it).
/// The demo town is loaded; the clock is a <see cref="FakeTimeProvider"/>.
/// </summary>
public class FazhiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo#2019";

    private static readonly string? PostgresServer = Environment.GetEnvironmentVariable("FAZHI_TEST_PG");
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "fazhi-tests", Guid.NewGuid().ToString("N"));
    private readonly string _pgDatabase = "fazhi_t_" + Guid.NewGuid().ToString("N");

    public FazhiFactory()
        : this(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>A platform whose clock starts at <paramref name="start"/> (a fake clock only moves forward).</summary>
    protected FazhiFactory(DateTimeOffset start) => Time = new FakeTimeProvider(start);

    public FakeTimeProvider Time { get; }

    public static bool OnPostgres => !string.IsNullOrWhiteSpace(PostgresServer);

    protected virtual bool Demo => true;

    /// <summary>Every module's sample cases (the demo town as a first run shows it).</summary>
    protected virtual bool AllDemoCases => false;

    protected virtual bool DemoApplications => false;

    /// <summary>The demo town's 2019 history at the seed's scale (Fazhi:DemoHistory), which only the annual report's tests read.</summary>
    protected virtual bool DemoHistory => false;

    /// <summary>The demo town's year of mediation cases (Fazhi:DemoCases); committees and mediators load regardless.</summary>
    protected virtual bool DemoMediationCases => false;

    /// <summary>The demo town's enforcement cases, acts and publications (Fazhi:DemoCases); officers, reviewers and benchmarks load regardless.</summary>
    protected virtual bool DemoEnforcementCases => false;

    /// <summary>False: the platform finds or makes its key file under its data directory, as a development run does.</summary>
    protected virtual bool FixedKey => true;

    public static readonly string TestDataKey = Convert.ToBase64String([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    public static readonly string TestIndexKey = Convert.ToBase64String([.. Enumerable.Range(101, 32).Select(i => (byte)i)]);

    public string DataDirectory => _dataDir;

    public string PostgresConnection => new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _pgDatabase }.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Fazhi:Demo", Demo ? "true" : "false");
        // Tests count the applications they make; the demo town's sample applications are tested on their own.
        // Fazhi:DemoCases: every module's sample cases, or the modules named, or none.
        string[] demoCases = [.. new[] { (DemoApplications, "services"), (DemoMediationCases, "mediation"), (DemoEnforcementCases, "enforcement") }
            .Where(m => m.Item1).Select(m => m.Item2)];
        builder.UseSetting("Fazhi:DemoCases", AllDemoCases ? "true" : demoCases.Length == 0 ? "none" : string.Join(',', demoCases));
        builder.UseSetting("Fazhi:DemoHistory", DemoHistory ? "true" : "false");
        builder.UseSetting("Database:DataDirectory", _dataDir);
        if (FixedKey)
        {
            // One key for every test platform, so that they share one EF model (its converters hold the key).
            builder.UseSetting("Privacy:Key", TestDataKey);
            builder.UseSetting("Privacy:IndexKey", TestIndexKey);
        }
        if (OnPostgres)
        {
            builder.UseSetting("Database:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:Fazhi", PostgresConnection);
        }
        else
        {
            builder.UseSetting("Database:Provider", "Sqlite");
            builder.UseSetting("ConnectionStrings:Fazhi", "");
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            // The in-process server has no socket; give requests the address a local browser would have.
            services.AddSingleton<IStartupFilter, LoopbackAddressFilter>();
        });
    }

    public async Task InitializeAsync() => await Services.InitializeDatabaseAsync(Demo);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (OnPostgres)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(PostgresServer);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgDatabase}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        else
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_dataDir, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open only wastes temp space; it must not fail the run.
            }
        }
    }

    /// <summary>A client that is not redirected, so tests see 302s and 401s as a browser's first request would.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client carrying the bearer token of <paramref name="userName"/>.</summary>
    public async Task<HttpClient> SignedInAsync(string userName, string password = DemoPassword)
    {
        var client = Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName, password });
        response.EnsureSuccessStatusCode();
        var token = await response.Content.ReadFromJsonAsync<TokenResponse>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        return client;
    }

    /// <summary>A browser-like client (cookies, no redirects followed) signed in through the login page.</summary>
    public async Task<HttpClient> BrowserSignedInAsync(string userName, string password = DemoPassword)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var response = await PostFormAsync(client, "/login", "login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts a page's form the way a browser does: with the antiforgery token of the page and the form's name.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(url);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var all = new Dictionary<string, string>(fields) { ["_handler"] = formName, ["__RequestVerificationToken"] = token };
        using var content = new FormUrlEncodedContent(all);
        return await client.PostAsync(url, content);
    }

    public sealed record TokenResponse(string AccessToken, long ExpiresIn, string TokenType);
}

internal sealed class LoopbackAddressFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            context.Connection.RemoteIpAddress ??= System.Net.IPAddress.Loopback;
            return nextMiddleware();
        });
        next(app);
    };
}

/// <summary>The platform as a production install starts: no demo data.</summary>
public sealed class EmptyFactory : FazhiFactory
{
    protected override bool Demo => false;
}
