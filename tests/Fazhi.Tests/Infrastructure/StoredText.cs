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
            // The -shm file is an index of the log and holds no row; it comes and goes with the connections of the
            // platform's background work, as the log may. The main file is read last: what a vanished log held is in it.
            var files = Directory.GetFiles(app.DataDirectory, "fazhi.db*").Where(f => !f.EndsWith("-shm", StringComparison.Ordinal))
                .OrderByDescending(f => f.Length).ToList();
            Assert.Contains(files, f => f.EndsWith("fazhi.db", StringComparison.Ordinal));
            var texts = new List<string>();
            foreach (var file in files)
            {
                byte[] bytes;
                try
                {
                    bytes = await File.ReadAllBytesAsync(file);
                }
                catch (FileNotFoundException)
                {
                    continue;
                }

                texts.Add(Encoding.UTF8.GetString(bytes));
                texts.Add(Encoding.Unicode.GetString(bytes));
            }

            return texts;
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
