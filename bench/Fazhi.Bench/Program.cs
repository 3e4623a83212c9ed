using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Bench;
using Fazhi.Web.Platform.Calendar;

// Fazhi benchmarks. Each scenario prints its figures and the ratio it is judged by, measured in
// one run on this machine: `dotnet run -c Release --project bench/Fazhi.Bench -- SCENARIO`.
var scenario = args.FirstOrDefault() ?? "calendar";
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, "--" + name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

var root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "Fazhi.slnx")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("run from inside the repository");
}

switch (scenario)
{
    case "calendar":
        Calendar();
        return 0;
    case "progress":
        await ProgressAsync(int.Parse(Arg("rows", "1000000"), CultureInfo.InvariantCulture), int.Parse(Arg("seconds", "10"), CultureInfo.InvariantCulture));
        return 0;
    case "probe":
        await ProbeAsync();
        return 0;
    case "supervision":
        await SupervisionAsync(int.Parse(Arg("rows", "1000000"), CultureInfo.InvariantCulture), int.Parse(Arg("open", "200000"), CultureInfo.InvariantCulture), Arg("pg", ""));
        return 0;
    case "intake":
        await IntakeAsync(int.Parse(Arg("seconds", "10"), CultureInfo.InvariantCulture), Arg("pg", ""));
        return 0;
    case "public":
    {
        var pg = Arg("pg", "");
        var (settings, tokens) = pg.Length > 0
            ? await ProgressDataPostgresAsync(int.Parse(Arg("rows", "1000000"), CultureInfo.InvariantCulture), pg)
            : await ProgressDataAsync(int.Parse(Arg("rows", "1000000"), CultureInfo.InvariantCulture));
        // --server-env NAME=VALUE[,NAME=VALUE]: runtime settings for the app's process (e.g. DOTNET_gcServer=1).
        foreach (var pair in Arg("server-env", "").Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            settings[pair[..pair.IndexOf('=', StringComparison.Ordinal)]] = pair[(pair.IndexOf('=', StringComparison.Ordinal) + 1)..];
        }

        // --tokens FILE: one value per line for {token} in --path, for a public look-up of another module's records.
        if (Arg("tokens", "") is { Length: > 0 } tokenList)
        {
            tokens = [.. File.ReadAllLines(tokenList).Where(l => l.Length > 0)];
        }

        await using var server = await Server.StartAsync(root, settings);
        var path = Arg("path", "/api/public/progress/{token}");
        return await PublicBench.RunAsync(server, tokens, path, int.Parse(Arg("seconds", "10"), CultureInfo.InvariantCulture),
            int.Parse(Arg("rounds", "3"), CultureInfo.InvariantCulture), path.Contains("progress", StringComparison.Ordinal) ? "progress look-up" : path);
    }
    case "bare":
        await PublicBench.BareServerAsync(int.Parse(Arg("port", "5099"), CultureInfo.InvariantCulture));
        return 0;
    case "mediation":
        await MediationBench.RunAsync(root, int.Parse(Arg("rows", "500000"), CultureInfo.InvariantCulture), Arg("pg", ""));
        return 0;
    case "enforcement":
        return await EnforcementBench.RunAsync(root, int.Parse(Arg("rows", "1000000"), CultureInfo.InvariantCulture), int.Parse(Arg("open", "200000"), CultureInfo.InvariantCulture), Arg("pg", ""),
            int.Parse(Arg("seconds", "10"), CultureInfo.InvariantCulture), int.Parse(Arg("rounds", "3"), CultureInfo.InvariantCulture));
    case "legalaid":
        return await LegalAidBench.RunAsync(root, int.Parse(Arg("rows", "20000"), CultureInfo.InvariantCulture), Arg("pg", ""),
            int.Parse(Arg("seconds", "10"), CultureInfo.InvariantCulture), int.Parse(Arg("rounds", "3"), CultureInfo.InvariantCulture));
    case "petitions":
        return await PetitionsBench.RunAsync(root, int.Parse(Arg("rows", "200000"), CultureInfo.InvariantCulture), int.Parse(Arg("applications", "1000000"), CultureInfo.InvariantCulture),
            Arg("pg", ""), int.Parse(Arg("seconds", "10"), CultureInfo.InvariantCulture), int.Parse(Arg("rounds", "3"), CultureInfo.InvariantCulture));
    case "publicity":
        return await PublicityBench.RunAsync(root, int.Parse(Arg("rows", "10000"), CultureInfo.InvariantCulture), Arg("pg", ""));
    case "report":
        return await ReportBench.RunAsync(root, int.Parse(Arg("rounds", "10"), CultureInfo.InvariantCulture), Arg("pg", ""));
    case "province":
        return await ProvinceBench.RunAsync(root, int.Parse(Arg("applications", "10000000"), CultureInfo.InvariantCulture), int.Parse(Arg("enforcement", "1000000"), CultureInfo.InvariantCulture),
            int.Parse(Arg("mediation", "500000"), CultureInfo.InvariantCulture), int.Parse(Arg("rounds", "5"), CultureInfo.InvariantCulture), Arg("pg", ""));
    case "steps":
        return await StepBench.RunAsync(root, int.Parse(Arg("cases", "256"), CultureInfo.InvariantCulture), int.Parse(Arg("seconds", "10"), CultureInfo.InvariantCulture), Arg("pg", ""),
            int.Parse(Arg("connections", "16"), CultureInfo.InvariantCulture));
    default:
        Console.Error.WriteLine($"unknown scenario '{scenario}'; known: calendar, progress, public, bare, intake, supervision, mediation, enforcement, legalaid, petitions, publicity, report, province, steps, probe");
        return 2;
}

// The progress data (N applications in SQLite, their tokens), seeded once and reused, read into the page cache.
async Task<(Dictionary<string, string> Settings, List<string> Tokens)> ProgressDataAsync(int rows)
{
    var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-progress");
    var keys = Seeder.Keys();
    var settings = new Dictionary<string, string> { ["Database__DataDirectory"] = dir, ["Fazhi__Demo"] = "true", ["Privacy__KeyFile"] = keys.KeyFile };
    var dbFile = Path.Combine(dir, "fazhi.db");
    List<string> tokens;
    var tokenFile = Path.Combine(dir, $"tokens-{rows}.txt");
    if (File.Exists(tokenFile))
    {
        tokens = [.. File.ReadAllLines(tokenFile)];
        Console.WriteLine($"reusing {tokens.Count:N0} applications in {dbFile}");
    }
    else
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, true);
        }

        await using (var first = await Server.StartAsync(root, settings))
        {
            // first start: migrations and the demo town
        }

        var sw = Stopwatch.StartNew();
        tokens = Seeder.SeedSqlite(dbFile, rows, rows / 5, keys.Protector);
        File.WriteAllLines(tokenFile, tokens);
        Console.WriteLine($"seeded {rows:N0} applications ({rows / 5:N0} open) with 3 events each in {sw.Elapsed.TotalSeconds:N0} s");
    }

    // A server that has been running has its database in the OS page cache; a reused file may not be
    // after a reboot, and reading 1,000,000 random rows from disk would measure the disk, not Fazhi.
    var cached = Stopwatch.StartNew();
    await using (var file = new FileStream(dbFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20))
    {
        var buffer = new byte[1 << 20];
        while (await file.ReadAsync(buffer) > 0)
        {
        }
    }

    Console.WriteLine($"read the database file into the page cache in {cached.Elapsed.TotalSeconds:N1} s");

    return (settings, tokens);
}

// The same applications in PostgreSQL (the database is dropped and made again once a day): each with three
// timeline events; the tokens of 200,000 of them, drawn at random, for the look-ups.
async Task<(Dictionary<string, string> Settings, List<string> Tokens)> ProgressDataPostgresAsync(int rows, string pg)
{
    var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-public-pg");
    var keys = Seeder.Keys();
    var settings = new Dictionary<string, string>
    {
        ["Database__DataDirectory"] = dir, ["Fazhi__Demo"] = "true", ["Privacy__KeyFile"] = keys.KeyFile,
        ["Database__Provider"] = "Postgres", ["ConnectionStrings__Fazhi"] = pg, ["Fazhi__MonitorIntervalSeconds"] = "86400",
    };
    var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    var tokenFile = Path.Combine(dir, $"tokens-{rows}-{today:yyyyMMdd}.txt");
    if (File.Exists(tokenFile))
    {
        Console.WriteLine($"reusing {rows:N0} applications in PostgreSQL");
        return (settings, [.. File.ReadAllLines(tokenFile)]);
    }

    if (Directory.Exists(dir))
    {
        Directory.Delete(dir, true);
    }

    await Sequential.DropDatabaseAsync(pg);
    await using (var first = await Server.StartAsync(root, settings))
    {
        // first start: migrations and the demo town
    }

    var sw = Stopwatch.StartNew();
    await Seeder.SeedSupervisionPostgresAsync(pg, rows, rows / 5, today, keys.Protector);
    await using var conn = new Npgsql.NpgsqlConnection(pg);
    await conn.OpenAsync();
    foreach (var sql in new[]
    {
        """
        INSERT INTO svc_application_events ("Id", "ApplicationId", "Sequence", "At", "Kind", "StageName", "DepartmentId", "ActorName")
        SELECT gen_random_uuid(), a."Id", s, a."ReceivedAt" + (s - 1) * interval '1 day',
               CASE s WHEN 1 THEN 'received' WHEN 2 THEN 'accepted' ELSE 'stage_approved' END, CASE WHEN s = 3 THEN '审查' END, a."DepartmentId", 'clerk'
        FROM svc_applications a CROSS JOIN generate_series(1, 3) AS s
        WHERE NOT EXISTS (SELECT 1 FROM svc_application_events e WHERE e."ApplicationId" = a."Id")
        """,
        "VACUUM ANALYZE svc_application_events",
    })
    {
        await using var cmd = new Npgsql.NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        await cmd.ExecuteNonQueryAsync();
    }

    var tokens = new List<string>();
    await using (var cmd = new Npgsql.NpgsqlCommand("SELECT \"QueryToken\" FROM svc_applications ORDER BY random() LIMIT 200000", conn))
    await using (var r = await cmd.ExecuteReaderAsync())
    {
        while (await r.ReadAsync())
        {
            tokens.Add(r.GetString(0));
        }
    }

    Directory.CreateDirectory(dir);
    await File.WriteAllLinesAsync(tokenFile, tokens);
    Console.WriteLine($"seeded {rows:N0} applications with 3 events each in PostgreSQL in {sw.Elapsed.TotalSeconds:N0} s");
    return (settings, tokens);
}

// Public progress look-ups against a constant endpoint of the same server, side by side, 64 connections.
async Task ProgressAsync(int rows, int seconds)
{
    var (settings, tokens) = await ProgressDataAsync(rows);
    await using var server = await Server.StartAsync(root, settings);
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
    using var client = Load.Client(64);
    var rnd = new Random(7);
    HttpRequestMessage Ping(int w, long n) => new(HttpMethod.Get, server.BaseUrl + "/api/public/ping");
    HttpRequestMessage Lookup(int w, long n) => new(HttpMethod.Get, server.BaseUrl + "/api/public/progress/" + tokens[rnd.Next(tokens.Count)]);
    bool Ok(HttpResponseMessage r) => r.IsSuccessStatusCode;

    await Load.RunAsync(64, TimeSpan.FromSeconds(3), Ping, Ok, client); // warm-up
    await Load.RunAsync(64, TimeSpan.FromSeconds(8), Lookup, Ok, client);
    // Alternate the two loads so that a slow patch of the machine hits both alike; judge by medians.
    var constants = new List<LoadResult>();
    var lookups = new List<LoadResult>();
    for (var round = 1; round <= 3; round++)
    {
        constants.Add(await Load.RunAsync(64, TimeSpan.FromSeconds(seconds), Ping, Ok, client));
        lookups.Add(await Load.RunAsync(64, TimeSpan.FromSeconds(seconds), Lookup, Ok, client));
        Console.WriteLine($"round {round} constant endpoint : {constants[^1]}");
        Console.WriteLine($"round {round} progress lookup   : {lookups[^1]}");
    }

    await cts.CancelAsync();
    await sampler;
    var constant = constants.OrderBy(r => r.PerSecond).ElementAt(1);
    var lookup = lookups.OrderBy(r => r.PerSecond).ElementAt(1);
    var p99 = lookups.Max(r => r.P99Ms);
    Console.WriteLine(FormattableString.Invariant($"median ratio lookup/constant: {lookup.PerSecond / constant.PerSecond:P0} ({lookup.PerSecond:N0} / {constant.PerSecond:N0} req/s; target >= 50%); worst lookup p99 {p99:N1} ms (target < 50 ms); server peak RSS {peak:N0} MB (target < 400 MB)"));
}

// Supervision with 1,000,000 applications (200,000 in review): the monitor's full pass, the dashboard's default
// view and a department's queue page, each timed alone (sequential requests; median and worst of 20).
async Task SupervisionAsync(int rows, int open, string pg)
{
    var onPostgres = pg.Length > 0;
    var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-supervision" + (onPostgres ? "-pg" : ""));
    var dbFile = Path.Combine(dir, "fazhi.db");
    var marker = Path.Combine(dir, $"seeded-{rows}-{open}.txt");
    var keys = Seeder.Keys();
    var settings = new Dictionary<string, string> { ["Database__DataDirectory"] = dir, ["Fazhi__Demo"] = "true", ["Fazhi__MonitorIntervalSeconds"] = "86400", ["Privacy__KeyFile"] = keys.KeyFile };
    if (onPostgres)
    {
        settings["Database__Provider"] = "Postgres";
        settings["ConnectionStrings__Fazhi"] = pg;
    }

    var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
    if (!File.Exists(marker) || File.ReadAllText(marker) != today.ToString("O", CultureInfo.InvariantCulture))
    {
        if (Directory.Exists(dir))
        {
            Directory.Delete(dir, true);
        }

        if (onPostgres)
        {
            // A fresh database: drop the old one through the server's maintenance database.
            await Sequential.DropDatabaseAsync(pg);
        }

        await using (var first = await Server.StartAsync(root, settings))
        {
            // first start: migrations and the demo town
        }

        var seed = Stopwatch.StartNew();
        if (onPostgres)
        {
            await Seeder.SeedSupervisionPostgresAsync(pg, rows, open, today, keys.Protector);
        }
        else
        {
            Seeder.SeedSupervisionSqlite(dbFile, rows, open, today, keys.Protector);
        }

        Directory.CreateDirectory(dir);
        File.WriteAllText(marker, today.ToString("O", CultureInfo.InvariantCulture));
        Console.WriteLine($"seeded {rows:N0} applications ({open:N0} in review, one stage task each) in {seed.Elapsed.TotalSeconds:N0} s");
    }
    else
    {
        Console.WriteLine($"reusing {rows:N0} applications in {dbFile}");
    }

    // The monitor, in process on the same database. The alerts are cleared and every open deadline is due a
    // look again, so the first pass raises every warning at once (the worst case); the next ones find nothing new.
    var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
    Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Fazhi.Web.Platform.Audit.IAuditActor>(services, Fazhi.Web.Platform.Audit.SystemAuditActor.Instance);
    Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, TimeProvider.System);
    Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, keys.Protector);
    if (onPostgres)
    {
        Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions.AddDbContext<Fazhi.Web.Platform.Data.FazhiDbContext, Fazhi.Web.Platform.Data.PostgresFazhiDbContext>(services,
            o => Microsoft.EntityFrameworkCore.NpgsqlDbContextOptionsBuilderExtensions.UseNpgsql(o, pg));
    }
    else
    {
        Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions.AddDbContext<Fazhi.Web.Platform.Data.FazhiDbContext, Fazhi.Web.Platform.Data.SqliteFazhiDbContext>(services,
            o => Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions.UseSqlite(o, $"Data Source={dbFile}"));
    }
    var sp = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
    // No alert raised yet, every open deadline due a look: as a database the monitor has never seen.
    static async Task ForgetAlertsAsync(Fazhi.Web.Platform.Data.FazhiDbContext db)
    {
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "DELETE FROM sys_deadline_alerts");
        await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.ExecuteSqlRawAsync(db.Database, "UPDATE sys_deadlines SET \"NextAlertOn\" = \"YellowFrom\" WHERE NOT \"Paused\"");
    }

    using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(sp))
    {
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>(scope.ServiceProvider);
        await ForgetAlertsAsync(db);
    }

    var passes = new List<(double Ms, int Raised)>();
    for (var i = 0; i < 3; i++)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(sp);
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>(scope.ServiceProvider);
        var sw = Stopwatch.StartNew();
        var raised = await new Fazhi.Web.Platform.Deadlines.DeadlineMonitor(db, TimeProvider.System).RunPassAsync();
        passes.Add((sw.Elapsed.TotalMilliseconds, raised));
    }

    // The daily pass: with every change up to yesterday already alerted (as a monitor that has been running
    // would have left it), the first pass of today raises only today's changes.
    double dailyMs;
    int dailyRaised;
    using (var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(sp))
    {
        var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>(scope.ServiceProvider);
        await ForgetAlertsAsync(db);
        await new Fazhi.Web.Platform.Deadlines.DeadlineMonitor(db, new ShiftedClock(TimeSpan.FromDays(-1))).RunPassAsync();
        var sw = Stopwatch.StartNew();
        dailyRaised = await new Fazhi.Web.Platform.Deadlines.DeadlineMonitor(db, TimeProvider.System).RunPassAsync();
        dailyMs = sw.Elapsed.TotalMilliseconds;
    }

    await using var server = await Server.StartAsync(root, settings);
    using var client = Load.Client(1);
    async Task<string> TokenAsync(string user)
    {
        var login = await client.PostAsJsonAsync(server.BaseUrl + "/api/auth/login", new { userName = user, password = "Demo#2019" });
        return (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    var supervisor = await TokenAsync("supervisor");
    var reviewer = await TokenAsync("reviewer");
    Task<(double Median, double Worst, string Body)> TimeAsync(string path, string token) => Sequential.TimeAsync(client, server.BaseUrl + path, token);

    var dashboard = await TimeAsync("/api/services/dashboard", supervisor);
    var queue = await TimeAsync("/api/services/queue", reviewer);
    var queueTotal = JsonDocument.Parse(queue.Body).RootElement.GetProperty("total").GetInt32();
    var overdue = JsonDocument.Parse(dashboard.Body).RootElement.GetProperty("town").GetProperty("overdueNow").GetInt32();
    Console.WriteLine(onPostgres ? "on PostgreSQL:" : "on SQLite:");
    Console.WriteLine(FormattableString.Invariant($"monitor pass of the day (changes up to yesterday already alerted): {dailyMs:N0} ms ({dailyRaised:N0} alerts raised) (target < 2000 ms)"));
    Console.WriteLine(FormattableString.Invariant($"monitor catch-up pass: first {passes[0].Ms:N0} ms ({passes[0].Raised:N0} alerts raised), then {passes[1].Ms:N0} ms and {passes[2].Ms:N0} ms ({passes[2].Raised} new) (target < 2000 ms)"));
    Console.WriteLine(FormattableString.Invariant($"dashboard default view (this month, {overdue:N0} overdue now): median {dashboard.Median:N1} ms, worst {dashboard.Worst:N1} ms of 20 (target < 300 ms)"));
    Console.WriteLine(FormattableString.Invariant($"queue page 1 of the planning department ({queueTotal:N0} open tasks): median {queue.Median:N1} ms, worst {queue.Worst:N1} ms of 20 (target < 100 ms)"));
}

// In-process: the cost of one progress look-up without HTTP, to tell the database from the web stack.
async Task ProbeAsync()
{
    var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-progress");
    var tokens = File.ReadAllLines(Directory.GetFiles(dir, "tokens-*.txt")[0]);
    var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();
    Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Fazhi.Web.Platform.Audit.IAuditActor>(services, Fazhi.Web.Platform.Audit.SystemAuditActor.Instance);
    Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, TimeProvider.System);
    Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, Seeder.Keys().Protector);
    Microsoft.Extensions.DependencyInjection.MemoryCacheServiceCollectionExtensions.AddMemoryCache(services);
    Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddScoped<Fazhi.Web.Platform.Organisation.OrganisationDirectory>(services);
    Microsoft.Extensions.DependencyInjection.EntityFrameworkServiceCollectionExtensions.AddDbContext<Fazhi.Web.Platform.Data.FazhiDbContext, Fazhi.Web.Platform.Data.SqliteFazhiDbContext>(services,
        o => Microsoft.EntityFrameworkCore.SqliteDbContextOptionsBuilderExtensions.UseSqlite(o, $"Data Source={Path.Combine(dir, "fazhi.db")}"));
    var sp = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
    var rnd = new Random(1);
    var facts = new Fazhi.Web.Modules.Services.Features.ProgressFacts(
        Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Microsoft.Extensions.DependencyInjection.IServiceScopeFactory>(sp),
        new Fazhi.Web.Modules.Services.Features.ProgressAnswers());
    using var reads = new Fazhi.Web.Platform.Data.ReadConnections(Fazhi.Web.Platform.Data.DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dir, "fazhi.db")}");
    for (var round = 0; round < 3; round++)
    {
        var sw = Stopwatch.StartNew();
        const int n = 2000;
        for (var i = 0; i < n; i++)
        {
            using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(sp);
            var db = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>(scope.ServiceProvider);
            var view = await new Fazhi.Web.Modules.Services.Features.ProgressService(scope.ServiceProvider, reads, facts, new Fazhi.Web.Modules.Services.Features.ProgressAnswers()).ByTokenAsync(tokens[rnd.Next(tokens.Length)]);
            if (view is null)
            {
                throw new InvalidOperationException("token not found");
            }
        }

        Console.WriteLine(FormattableString.Invariant($"round {round}: {sw.Elapsed.TotalMilliseconds / n:N3} ms per look-up in process"));
    }

    var raw = Stopwatch.StartNew();
    for (var i = 0; i < 2000; i++)
    {
        using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(dir, "fazhi.db")}");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT a.\"Number\", e.\"Kind\" FROM svc_applications a LEFT JOIN svc_application_events e ON e.\"ApplicationId\" = a.\"Id\" WHERE a.\"QueryToken\" = $t ORDER BY e.\"Sequence\"";
        cmd.Parameters.AddWithValue("$t", tokens[rnd.Next(tokens.Length)]);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
        }
    }

    Console.WriteLine(FormattableString.Invariant($"raw SQLite: {raw.Elapsed.TotalMilliseconds / 2000:N3} ms per look-up"));
    var scopes = Stopwatch.StartNew();
    for (var i = 0; i < 2000; i++)
    {
        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(sp);
        _ = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<Fazhi.Web.Platform.Data.FazhiDbContext>(scope.ServiceProvider).Database.ProviderName;
    }

    Console.WriteLine(FormattableString.Invariant($"context + connection object: {scopes.Elapsed.TotalMilliseconds / 2000:N3} ms"));
}

// Window intake through the API: accepted applications per second, 16 clerks' requests in flight.
async Task IntakeAsync(int seconds, string pg)
{
    var dir = Path.Combine(Path.GetTempPath(), "fazhi-bench-intake-" + Guid.NewGuid().ToString("N"));
    var settings = new Dictionary<string, string> { ["Database__DataDirectory"] = dir, ["Fazhi__Demo"] = "true", ["Privacy__KeyFile"] = Seeder.Keys().KeyFile };
    if (pg.Length > 0)
    {
        settings["Database__Provider"] = "Postgres";
        settings["ConnectionStrings__Fazhi"] = pg;
    }

    await using var server = await Server.StartAsync(root, settings);
    var conns = int.Parse(Arg("connections", "16"), CultureInfo.InvariantCulture);
    using var client = Load.Client(conns);
    var login = await client.PostAsJsonAsync(server.BaseUrl + "/api/auth/login", new { userName = "clerk", password = "Demo#2019" });
    var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
    client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    var window = (await client.GetFromJsonAsync<JsonElement>(server.BaseUrl + "/api/org/windows"))[0].GetProperty("id").GetGuid();
    var body = JsonSerializer.Serialize(new
    {
        itemCode = "TX-SB-002", windowId = window,
        applicant = new { kind = "Person", name = "压测申请人", idNumber = "11010519491231002X", phone = "13800001234" },
        materials = new[] { new { key = "form", provided = true }, new { key = "id", provided = true } },
        outcome = "accept",
    });
    HttpRequestMessage Intake(int w, long n)
    {
        var r = new HttpRequestMessage(HttpMethod.Post, server.BaseUrl + "/api/services/applications")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        r.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString("N"));
        return r;
    }

    await Load.RunAsync(conns, TimeSpan.FromSeconds(2), Intake, r => r.StatusCode == System.Net.HttpStatusCode.Created, client);
    var result = await Load.RunAsync(conns, TimeSpan.FromSeconds(seconds), Intake, r => r.StatusCode == System.Net.HttpStatusCode.Created, client);
    Console.WriteLine($"intake on {(pg.Length > 0 ? "PostgreSQL" : "SQLite")}: {result}");
    Console.WriteLine(FormattableString.Invariant($"accepted applications per second: {result.PerSecond:N0} (target >= 300 on SQLite)"));
}

// Deadline arithmetic runs on every intake and every monitor pass: 20-working-day due dates per
// second, against a plain loop over the same days (the floor any calendar must pay).
static void Calendar()
{
    var holidays = Enumerable.Range(0, 8 * 365)
        .Select(i => new DateOnly(2019, 1, 1).AddDays(i))
        .Where(d => d.Day is 1 or 2 && d.Month is 1 or 5 or 10)
        .Select(d => new CalendarDay { Date = d, IsWorkingDay = false, Name = "假日" });
    var calendar = new WorkingDayCalendar(holidays);
    var start = new DateOnly(2019, 1, 1);
    const int N = 2_000_000;

    var sw = Stopwatch.StartNew();
    var sink = 0;
    for (var i = 0; i < N; i++)
    {
        sink += calendar.AddWorkingDays(start.AddDays(i % 2500), 20).DayNumber & 1;
    }

    var calendarRate = N / sw.Elapsed.TotalSeconds;
    sw.Restart();
    for (var i = 0; i < N; i++)
    {
        var d = start.AddDays(i % 2500);
        for (var k = 0; k < 28; k++)
        {
            d = d.AddDays(1);
        }

        sink += d.DayNumber & 1;
    }

    var floorRate = N / sw.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"calendar: {calendarRate:N0} due dates/s; plain 28-day loop {floorRate:N0}/s; ratio {calendarRate / floorRate:P0} (sink {sink})"));
}

/// <summary>The system clock moved by a fixed offset: the monitor as it ran on an earlier day.</summary>
internal sealed class ShiftedClock(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
