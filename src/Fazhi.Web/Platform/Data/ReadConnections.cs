using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Fazhi.Web.Platform.Data;

/// <summary>
/// Plain connections for the few hot read paths that are faster in one hand-written statement
/// than through a DbContext (the public progress look-up and the read models kept in memory).
/// Same database, same connection string. On SQLite, statements stay prepared on open connections
/// and are reused; on PostgreSQL, Npgsql's own pool and automatic preparation do the same.
/// </summary>
public sealed class ReadConnections(DatabaseProvider provider, string connectionString) : IDisposable
{
    private readonly Npgsql.NpgsqlDataSource? _postgres = provider == DatabaseProvider.Postgres
        ? Npgsql.NpgsqlDataSource.Create(new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 20, AutoPrepareMinUsages = 2 }.ConnectionString)
        : null;

    private readonly ConcurrentDictionary<string, ConcurrentBag<SqliteCommand>> _prepared = new(StringComparer.Ordinal);

    public DatabaseProvider Provider => provider;

    /// <summary>Runs <paramref name="sql"/> with one parameter and hands its reader to <paramref name="read"/>.</summary>
    public Task<T> QueryAsync<T>(string sql, string parameter, object value, Func<DbDataReader, Task<T>> read, CancellationToken ct = default) =>
        QueryAsync(sql, [(parameter, value)], read, ct);

    /// <summary>
    /// Runs <paramref name="sql"/> with its parameters (always the same names for the same statement) and hands
    /// its reader to <paramref name="read"/>.
    /// </summary>
    public async Task<T> QueryAsync<T>(string sql, (string Name, object Value)[] parameters, Func<DbDataReader, Task<T>> read, CancellationToken ct = default)
    {
        if (_postgres is not null)
        {
            await using var conn = await _postgres.OpenConnectionAsync(ct);
            await using var cmd = conn.CreateCommand();
            cmd.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                cmd.Parameters.Add(new Npgsql.NpgsqlParameter(name, value));
            }

            await using var reader = await cmd.ExecuteReaderAsync(ct);
            return await read(reader);
        }

        var bag = _prepared.GetOrAdd(sql, _ => []);
        if (!bag.TryTake(out var command))
        {
            var conn = new SqliteConnection(connectionString);
            conn.Open();
            command = conn.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
            {
                command.Parameters.Add(new SqliteParameter(name, ""));
            }

            command.Prepare();
        }

        try
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                command.Parameters[i].Value = parameters[i].Value;
            }

            T result;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                result = await read(reader);
            }

            bag.Add(command);
            return result;
        }
        catch
        {
            var conn = command.Connection;
            command.Dispose();
            conn?.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        _postgres?.Dispose();
        foreach (var command in _prepared.Values.SelectMany(b => b))
        {
            var conn = command.Connection;
            command.Dispose();
            conn?.Dispose();
        }
    }
}
