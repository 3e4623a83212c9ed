using System.Text;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fazhi.Tests.Infrastructure;

/// <summary>What a database holds, as text, to look for personal data in clear.</summary>
public static class StoredText
{
    /// <summary>
    /// On SQLite, the raw bytes of the database file (and its log), read as both encodings a value could take;
    /// on PostgreSQL, every row of <paramref name="tables"/> as text.
    /// </summary>
    public static async Task<List<string>> ReadAsync(FazhiFactory app, params string[] tables)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FazhiDbContext>();
        if (db.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
            var files = Directory.GetFiles(app.DataDirectory, "fazhi.db*");
            Assert.NotEmpty(files);
            return [.. files.Select(File.ReadAllBytes).SelectMany(b => new[] { Encoding.UTF8.GetString(b), Encoding.Unicode.GetString(b) })];
        }

        var rows = new List<string>();
        foreach (var table in tables)
        {
            var sql = "SELECT t::text AS \"Value\" FROM " + table + " t";
            rows.AddRange(await db.Database.SqlQueryRaw<string>(sql).ToListAsync());
        }

        return rows;
    }
}
