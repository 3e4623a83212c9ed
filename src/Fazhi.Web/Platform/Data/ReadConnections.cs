using System.Data.Common;

namespace Fazhi.Web.Platform.Data;

/// <summary>
/// Plain connections for the few hot read paths that are faster in one hand-written statement
/// than through a DbContext (the public progress look-up). Same database, same connection string.
/// </summary>
public sealed class ReadConnections(DatabaseProvider provider, string connectionString) : IDisposable
{
    private readonly Npgsql.NpgsqlDataSource? _postgres = provider == DatabaseProvider.Postgres ? Npgsql.NpgsqlDataSource.Create(connectionString) : null;

    public DbConnection Create() =>
        _postgres is not null ? _postgres.CreateConnection() : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);

    public void Dispose() => _postgres?.Dispose();
}
