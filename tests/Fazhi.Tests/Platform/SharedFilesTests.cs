using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Fazhi.Tests.Infrastructure;
using Fazhi.Web.Platform.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Platform;

/// <summary>The first server process: on PostgreSQL its files are kept in the database (<c>Files:Store</c>), as several machines keep them.</summary>
public sealed class SharedFilesFactory : FazhiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (OnPostgres)
        {
            builder.UseSetting("Files:Store", "Database");
        }
    }
}

/// <summary>
/// Another server process of the same database: on PostgreSQL on another machine (its own data folder, files in the database);
/// on SQLite on the same machine (the same data folder), as each is deployed.
/// </summary>
internal sealed class OtherProcessFactory(FazhiFactory first) : FazhiFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (OnPostgres)
        {
            builder.UseSetting("ConnectionStrings:Fazhi", first.PostgresConnection);
            builder.UseSetting("Files:Store", "Database");
        }
        else
        {
            builder.UseSetting("Database:DataDirectory", first.DataDirectory);
        }
    }
}

public sealed class SharedFilesTests(SharedFilesFactory app) : IClassFixture<SharedFilesFactory>
{
    [Fact]
    public async Task A_file_uploaded_through_one_process_downloads_through_another_and_a_file_altered_where_it_is_kept_is_refused()
    {
        var office = await app.SignedInAsync("fzb.report");
        var id = (await (await office.PostAsJsonAsync("/api/report", new { year = 2045, level = "County" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        // A source document of several chunks (1 MB each in the database), its bytes this run's own.
        var pdf = new byte[(2 * 1024 * 1024) + 12345];
        Random.Shared.NextBytes(pdf);
        "%PDF-1.4\n"u8.CopyTo(pdf);
        await Fazhi.Tests.Report.ReportSteps.SupplyChangeAsync(office, id, "-22.3%", pdf);

        await using var other = new OtherProcessFactory(app);
        var there = await other.SignedInAsync("fzb.report");
        var url = $"/api/report/{id}/supplied/supplied.police_incidents_change/file";
        Assert.Equal(pdf, await there.GetByteArrayAsync(url));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf));
        if (FazhiFactory.OnPostgres)
        {
            // Kept in the database, not in the first machine's folder.
            Assert.False(File.Exists(Path.Combine(app.DataDirectory, "files", sha[..2], sha)));
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
            Assert.Equal(3, await db.Database.SqlQuery<int>($"""SELECT "Chunks" AS "Value" FROM sys_files WHERE "Sha256" = {sha}""").SingleAsync());
            // Altered where it is kept (a direct write to the database): refused, not served.
            await db.Database.ExecuteSqlAsync($"""UPDATE sys_file_chunks SET "Data" = {new byte[] { 1, 2, 3 }} WHERE "Key" = {sha} AND "Seq" = 1""");
        }
        else if (!OperatingSystem.IsWindows())
        {
            var path = Path.Combine(app.DataDirectory, "files", sha[..2], sha);
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await File.WriteAllBytesAsync(path, [.. pdf[..100], 1, 2, 3]);
        }

        var altered = await there.GetAsync(url);
        Assert.Equal(HttpStatusCode.Conflict, altered.StatusCode);
        Assert.Contains("file.altered", await altered.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
