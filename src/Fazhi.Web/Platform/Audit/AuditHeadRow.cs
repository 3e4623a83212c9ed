using System.Data.Common;
using System.Text;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fazhi.Web.Platform.Audit;

/// <summary>
/// The chain's one turn and its append. The chain is one sequence, so appends are serialised by the database itself:
/// on PostgreSQL the head row is locked (<c>FOR UPDATE</c>) until the transaction ends, which also gives the latest
/// committed head; SQLite's write transaction already holds the file's one writer lock. The entries and the moved head
/// are written in one command, with the model's own column names and value conversions.
/// </summary>
internal static class AuditHeadRow
{
    // Before the first entry there is no row to lock: the first writers take turns on this lock instead.
    private const long CreationLock = 7301;

    // Thirteen parameters an entry: a few hundred entries a command stays far below either database's limit.
    private const int EntriesPerCommand = 200;

    /// <summary>Takes the chain's turn inside the current transaction and reads the head; <c>Exists</c> is false before the first entry.</summary>
    public static async Task<(AuditHead Head, bool Exists)> LockAsync(FazhiDbContext db, CancellationToken ct)
    {
        if (await ReadAsync(db, ct) is { } head)
        {
            return (head, true);
        }

        if (db.Provider == DatabaseProvider.Postgres)
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({CreationLock})", ct);
            if (await ReadAsync(db, ct) is { } made)
            {
                return (made, true);
            }
        }

        return (new AuditHead { Id = AuditHead.SingletonId, LastSequence = 0, LastHash = AuditChain.Genesis }, false);
    }

    private static async Task<AuditHead?> ReadAsync(FazhiDbContext db, CancellationToken ct)
    {
        var rows = await (db.Provider == DatabaseProvider.Postgres
            ? db.AuditHeads.FromSql($"SELECT * FROM sys_audit_head WHERE \"Id\" = {AuditHead.SingletonId} FOR UPDATE")
            : db.AuditHeads.FromSql($"SELECT * FROM sys_audit_head WHERE \"Id\" = {AuditHead.SingletonId}")).AsNoTracking().ToListAsync(ct);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Inserts <paramref name="entries"/> and moves the head to the last of them, in the current transaction.</summary>
    public static async Task AppendAsync(FazhiDbContext db, IReadOnlyList<AuditEntry> entries, AuditHead head, bool exists, CancellationToken ct)
    {
        var entryType = db.Model.FindEntityType(typeof(AuditEntry))!;
        var columns = entryType.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(), Mapping: (RelationalTypeMapping)p.GetRelationalTypeMapping())).ToList();
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        for (var start = 0; start < entries.Count; start += EntriesPerCommand)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var sql = new StringBuilder();
            sql.Append("INSERT INTO sys_audit_entries (").AppendJoin(", ", columns.Select(c => '"' + c.Column + '"')).Append(") VALUES ");
            var last = Math.Min(entries.Count, start + EntriesPerCommand);
            for (var i = start; i < last; i++)
            {
                sql.Append(i == start ? "(" : ", (");
                for (var c = 0; c < columns.Count; c++)
                {
                    var name = $"@a{i - start}_{c}";
                    sql.Append(c == 0 ? "" : ", ").Append(name);
                    var (property, _, mapping) = columns[c];
                    command.Parameters.Add(mapping.CreateParameter(command, name, property.GetGetter().GetClrValue(entries[i]), property.IsNullable));
                }

                sql.Append(')');
            }

            sql.Append(';');
            if (last == entries.Count)
            {
                sql.Append(exists
                    ? " UPDATE sys_audit_head SET \"LastSequence\" = @headSequence, \"LastHash\" = @headHash WHERE \"Id\" = @headId;"
                    : " INSERT INTO sys_audit_head (\"Id\", \"LastSequence\", \"LastHash\") VALUES (@headId, @headSequence, @headHash);");
                Add(command, "@headId", head.Id);
                Add(command, "@headSequence", head.LastSequence);
                Add(command, "@headHash", head.LastHash);
            }

            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
