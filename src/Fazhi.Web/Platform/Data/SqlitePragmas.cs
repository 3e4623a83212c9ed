using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fazhi.Web.Platform.Data;

/// <summary>
/// Per-connection SQLite settings. busy_timeout lets SQLite itself wait for the writer ahead (in
/// fine steps) instead of failing and being retried after long sleeps; synchronous=NORMAL is the
/// usual setting with WAL: a commit survives a crash of the program, and only a power loss can
/// take back the last commits. A checkpoint every 4000 pages instead of 1000 means fewer of the
/// fsyncs that stall a writer now and then.
/// </summary>
internal sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = 4000;";

    // Pooled connections keep their settings: set them once per native connection, not on every open.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Done = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = Pragmas;
            cmd.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var cmd = connection.CreateCommand();
            cmd.CommandText = Pragmas;
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static bool IsNew(DbConnection connection) =>
        connection is not Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } || Done.TryAdd(handle, handle);
}
