using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fazhi.Bench;

/// <summary>Bulk seeding for the scale benchmarks (mediation, legal aid): rows straight into the tables, as the app would read them.</summary>
internal static class Bulk
{
    /// <summary>Where the rows go: prepared inserts in one SQLite transaction, or binary COPY into PostgreSQL.</summary>
    internal abstract class Target : IAsyncDisposable
    {
        public abstract Task<List<T>> QueryAsync<T>(string sql, Func<System.Data.Common.DbDataReader, T> row);

        public abstract TableWriter Table(string name, params string[] columns);

        public abstract Task CompleteAsync();

        public abstract ValueTask DisposeAsync();
    }

    internal abstract class TableWriter
    {
        public abstract Task AddAsync(params object?[] values);
    }

    internal sealed class SqliteTarget : Target
    {
        private readonly SqliteConnection _conn;
        private readonly SqliteTransaction _tx;

        public SqliteTarget(string file)
        {
            _conn = new SqliteConnection($"Data Source={file}");
            _conn.Open();
            using (var pragma = _conn.CreateCommand())
            {
                pragma.CommandText = "PRAGMA synchronous=OFF;";
                pragma.ExecuteNonQuery();
            }

            _tx = _conn.BeginTransaction();
        }

        public override async Task<List<T>> QueryAsync<T>(string sql, Func<System.Data.Common.DbDataReader, T> row)
        {
            await using var cmd = _conn.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = sql;
            await using var r = await cmd.ExecuteReaderAsync();
            var list = new List<T>();
            while (await r.ReadAsync())
            {
                list.Add(row(r));
            }

            return list;
        }

        public override TableWriter Table(string name, params string[] columns)
        {
            var cmd = _conn.CreateCommand();
            cmd.Transaction = _tx;
            cmd.CommandText = $"INSERT INTO {name} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})";
            var parameters = columns.Select((_, i) => cmd.Parameters.Add(new SqliteParameter("$p" + i, DBNull.Value))).ToArray();
            return new Writer(cmd, parameters);
        }

        public override Task CompleteAsync()
        {
            _tx.Commit();
            using var analyze = _conn.CreateCommand();
            analyze.CommandText = "ANALYZE;";
            analyze.ExecuteNonQuery();
            return Task.CompletedTask;
        }

        public override async ValueTask DisposeAsync()
        {
            await _tx.DisposeAsync();
            await _conn.DisposeAsync();
        }

        /// <summary>Values in the text forms EF Core's SQLite provider writes and compares.</summary>
        private sealed class Writer(SqliteCommand cmd, SqliteParameter[] parameters) : TableWriter
        {
            public override Task AddAsync(params object?[] values)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    parameters[i].Value = values[i] switch
                    {
                        null => DBNull.Value,
                        Guid g => g.ToString().ToUpperInvariant(),
                        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        bool b => b ? 1 : 0,
                        var v => v,
                    };
                }

                cmd.ExecuteNonQuery();
                return Task.CompletedTask;
            }
        }
    }

    internal sealed class PostgresTarget(string connection) : Target
    {
        private readonly NpgsqlConnection _conn = new(connection);
        private readonly List<(string Table, string[] Columns, List<object?[]> Rows)> _buffers = [];

        public override async Task<List<T>> QueryAsync<T>(string sql, Func<System.Data.Common.DbDataReader, T> row)
        {
            await OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, _conn);
            await using var r = await cmd.ExecuteReaderAsync();
            var list = new List<T>();
            while (await r.ReadAsync())
            {
                list.Add(row(r));
            }

            return list;
        }

        private async Task OpenAsync()
        {
            if (_conn.State != System.Data.ConnectionState.Open)
            {
                await _conn.OpenAsync();
            }
        }

        // One COPY at a time per connection: rows are buffered per table and copied table by table at the end.
        public override TableWriter Table(string name, params string[] columns)
        {
            var rows = new List<object?[]>();
            _buffers.Add((name, columns, rows));
            return new Buffer(rows);
        }

        public override async Task CompleteAsync()
        {
            await OpenAsync();
            foreach (var (table, columns, rows) in _buffers)
            {
                await using (var copy = await _conn.BeginBinaryImportAsync($"COPY {table} ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var row in rows)
                    {
                        await copy.StartRowAsync();
                        foreach (var v in row)
                        {
                            switch (v)
                            {
                                case null: await copy.WriteNullAsync(); break;
                                case Guid g: await copy.WriteAsync(g, NpgsqlTypes.NpgsqlDbType.Uuid); break;
                                case string s: await copy.WriteAsync(s, NpgsqlTypes.NpgsqlDbType.Text); break;
                                case int n: await copy.WriteAsync(n, NpgsqlTypes.NpgsqlDbType.Integer); break;
                                case bool b: await copy.WriteAsync(b, NpgsqlTypes.NpgsqlDbType.Boolean); break;
                                case DateTime t: await copy.WriteAsync(t, NpgsqlTypes.NpgsqlDbType.TimestampTz); break;
                                case DateOnly d: await copy.WriteAsync(d, NpgsqlTypes.NpgsqlDbType.Date); break;
                                default: throw new InvalidOperationException($"no COPY type for {v.GetType()}");
                            }
                        }
                    }

                    await copy.CompleteAsync();
                }

                await using var analyze = new NpgsqlCommand($"VACUUM ANALYZE {table}", _conn) { CommandTimeout = 0 };
                await analyze.ExecuteNonQueryAsync();
            }
        }

        public override async ValueTask DisposeAsync() => await _conn.DisposeAsync();

        private sealed class Buffer(List<object?[]> rows) : TableWriter
        {
            public override Task AddAsync(params object?[] values)
            {
                rows.Add(values);
                return Task.CompletedTask;
            }
        }
    }
}
