using Fazhi.Web.Platform.Organisation;
using Fazhi.Web.Platform.Organisation.Domain;
using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Calendar;
using Fazhi.Web.Platform.Modules;
using Microsoft.AspNetCore.Identity;
using Fazhi.Web.Platform.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fazhi.Web.Platform.Data;

public static class DatabaseSetup
{
    public const string ConnectionName = "Fazhi";

    /// <summary>The hot standby's connection string (PostgreSQL only, optional).</summary>
    public const string ReadConnectionName = "FazhiRead";

    /// <summary>Registers the context for the configured provider. SQLite is the default, in <c>data/fazhi.db</c>.</summary>
    public static void AddFazhiDatabase(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var dataDir = Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath);
        builder.Services.AddSingleton(new DataDirectory(dataDir));
        builder.Services.AddSingleton(sp => PersonalDataKeySource.Open(
            builder.Configuration.GetSection(PrivacyOptions.Section).Get<PrivacyOptions>() ?? new PrivacyOptions(), dataDir, builder.Environment, TimeProvider.System));
        var connection = builder.Configuration.GetConnectionString(ConnectionName);
        builder.Services.AddSingleton<ChangeSignals>();
        builder.Services.AddScoped<ReadTarget>();

        // ConnectionStrings:FazhiRead, a PostgreSQL hot standby: the marked read-only endpoints' reads go there while it is
        // in step. One that does not answer is given up on within 3 s (and the reads go back to the primary).
        var read = builder.Configuration.GetConnectionString(ReadConnectionName);
        string? readConnection = null;
        if (!string.IsNullOrWhiteSpace(read))
        {
            if (options.Provider != DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException("ConnectionStrings:FazhiRead is a PostgreSQL hot standby; with SQLite (one machine) leave it empty.");
            }

            var standbyBuilder = new Npgsql.NpgsqlConnectionStringBuilder(read);
            standbyBuilder.Timeout = Math.Min(standbyBuilder.Timeout, 3);
            readConnection = standbyBuilder.ConnectionString;
        }

        var standby = builder.Configuration.GetSection(DatabaseOptions.Section).Get<StandbyOptions>() ?? new StandbyOptions();
        builder.Services.AddSingleton(standby);
        builder.Services.AddSingleton(sp => new StandbyReads(readConnection, standby, sp.GetRequiredService<TimeProvider>()));
        if (options.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(connection))
            {
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Fazhi is empty.");
            }

            if (readConnection is not null)
            {
                builder.Services.AddHostedService<StandbyMonitor>();
                builder.Services.AddHealthChecks().AddCheck<StandbyHealthCheck>("standby");
            }

            builder.Services.AddDbContext<FazhiDbContext, PostgresFazhiDbContext>((sp, o) => o
                .UseNpgsql(sp.GetRequiredService<ReadTarget>().Standby ? readConnection! : connection)
                .ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>());
            builder.Services.AddSingleton(new ReadConnections(DatabaseProvider.Postgres, connection));
            // The database tells every process when what it keeps in memory changes (ChangeSignals).
            builder.Services.AddHostedService<ChangeListener>();
        }
        else
        {
            Directory.CreateDirectory(dataDir);
            connection = string.IsNullOrWhiteSpace(connection) ? $"Data Source={Path.Combine(dataDir, "fazhi.db")}" : connection;
            builder.Services.AddDbContext<FazhiDbContext, SqliteFazhiDbContext>(o => o.UseSqlite(connection).AddInterceptors(new SqlitePragmas())
                .ReplaceService<IModelCacheKeyFactory, PersonalDataModelCacheKeyFactory>());
            builder.Services.AddSingleton(new ReadConnections(DatabaseProvider.Sqlite, connection));
        }
    }

    /// <summary>Applies migrations, the roles, the shipped holiday calendar and, in demo mode, the demo town.</summary>
    public static async Task InitializeDatabaseAsync(this IServiceProvider services, bool demo, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<FazhiDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers go on while a write commits; the setting is kept in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }

        // The first sign-in key is made here, once, not by each server process that happens to sign someone in first; and a
        // process given another personal-data key than the database's stops here, before it touches any data.
        await Identity.SharedKeys.EnsureFirstKeyAsync(sp, ct);

        // A database written before encryption at rest (or under an older key) is brought under the current key.
        await sp.GetRequiredService<PersonalDataSealer>().SealIfNeededAsync(ct);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() });
            }
        }

        var calendar = sp.GetRequiredService<CalendarStore>();
        await calendar.SeedShippedYearsAsync(ct);
        await calendar.ReloadAsync(ct);

        if (demo)
        {
            var log = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Fazhi.Demo");
            foreach (var module in ModuleCatalog.All)
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                await module.SeedDemoAsync(sp, ct);
                log.LogInformation("Demo data of {Module} ready in {Ms} ms", module.Name, (int)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }
    }
}

/// <summary>Where the SQLite file and uploaded files live.</summary>
public sealed record DataDirectory(string Path);
