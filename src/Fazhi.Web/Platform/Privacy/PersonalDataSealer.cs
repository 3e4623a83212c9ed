using System.Data.Common;
using System.Text.Json;
using Fazhi.Web.Platform.Audit;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fazhi.Web.Platform.Privacy;

/// <summary>What a seal changed.</summary>
public sealed record SealReport(int Encrypted, int Indexed, int AuditEntriesMasked);

/// <summary>
/// Brings every stored personal value under the current key: values written in clear before encryption
/// existed are encrypted, values of an older key re-encrypted (<c>keys rotate</c>), blind indexes filled, and
/// personal values that earlier audit entries hold in clear are masked, with the chain re-hashed from the
/// first masked entry and the re-seal itself recorded in the chain. Runs at start when the database was never
/// sealed with the current key, and by <c>keys rotate</c>.
/// </summary>
public sealed class PersonalDataSealer(FazhiDbContext db, PersonalDataProtector protector, TimeProvider time, ILogger<PersonalDataSealer> log)
{
    private const string SealedWith = "privacy.sealed_with";
    private const string AuditMasked = "privacy.audit_masked";
    private const int Batch = 500;

    private sealed record Column(string Table, IReadOnlyList<string> Keys, string Name, PersonalKind Kind, bool IsIndex, string? Source);

    public async Task SealIfNeededAsync(CancellationToken ct = default)
    {
        if (await PlatformSettings.GetAsync(db, SealedWith, ct) == protector.Ring.Current.Id && await PlatformSettings.GetAsync(db, AuditMasked, ct) == "1")
        {
            return;
        }

        var report = await SealAsync(ct);
        if (report.Encrypted + report.Indexed + report.AuditEntriesMasked > 0)
        {
            log.LogInformation("Personal data sealed with key {Key}: {Encrypted} values encrypted, {Indexed} indexes written, {Audit} audit entries masked",
                protector.Ring.Current.Id, report.Encrypted, report.Indexed, report.AuditEntriesMasked);
        }
    }

    public async Task<SealReport> SealAsync(CancellationToken ct = default)
    {
        var encrypted = 0;
        var indexed = 0;
        foreach (var column in Columns())
        {
            var done = column.IsIndex ? await IndexAsync(column, ct) : await EncryptAsync(column, ct);
            _ = column.IsIndex ? indexed += done : encrypted += done;
        }

        var masked = await PlatformSettings.GetAsync(db, AuditMasked, ct) == "1" ? 0 : await MaskAuditAsync(ct);
        await PlatformSettings.SetAsync(db, SealedWith, protector.Ring.Current.Id, ct);
        await PlatformSettings.SetAsync(db, AuditMasked, "1", ct);
        if (db.Provider == DatabaseProvider.Sqlite && encrypted + indexed + masked > 0)
        {
            // The clear values may linger in free pages and the write-ahead log: rewrite the file without them.
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);", ct);
            await db.Database.ExecuteSqlRawAsync("VACUUM;", ct);
        }

        return new SealReport(encrypted, indexed, masked);
    }

    private IEnumerable<Column> Columns()
    {
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        {
            var table = entity.GetTableName()!;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            var keys = entity.FindPrimaryKey()!.Properties.Select(p => p.GetColumnName(store)!).ToList();
            foreach (var p in entity.GetProperties())
            {
                if (PersonalDataMapping.PersonalKindOf(p) is { } kind)
                {
                    yield return new Column(table, keys, p.GetColumnName(store)!, kind, false, null);
                }
                else if (PersonalDataMapping.IndexKindOf(p) is { } indexKind)
                {
                    var source = PersonalDataMapping.IndexSourceOf(p) is { } s ? entity.FindProperty(s)!.GetColumnName(store) : null;
                    yield return new Column(table, keys, p.GetColumnName(store)!, indexKind, true, source);
                }
            }
        }
    }

    private async Task<int> EncryptAsync(Column c, CancellationToken ct)
    {
        var current = $"{PersonalDataProtector.CipherPrefix}{protector.Ring.Current.Id}:%";
        var select = $"SELECT {Keys(c)}, \"{c.Name}\" FROM \"{c.Table}\" WHERE \"{c.Name}\" IS NOT NULL AND \"{c.Name}\" NOT LIKE @p LIMIT {Batch}";
        return await RewriteAsync(c, select, current, value => protector.Reprotect(value)!, ct);
    }

    private async Task<int> IndexAsync(Column c, CancellationToken ct)
    {
        var prefix = PersonalDataProtector.IndexPrefix + "%";
        var from = c.Source ?? c.Name;
        var select = $"SELECT {Keys(c)}, \"{from}\" FROM \"{c.Table}\" WHERE \"{from}\" IS NOT NULL AND (\"{c.Name}\" IS NULL OR \"{c.Name}\" NOT LIKE @p) LIMIT {Batch}";
        return await RewriteAsync(c, select, prefix, value => protector.Index(c.Kind, protector.Unprotect(value))!, ct);
    }

    private static string Keys(Column c) => string.Join(", ", c.Keys.Select(k => $"\"{k}\""));

    /// <summary>Reads a batch of rows that still need work, writes each one back, until none is left.</summary>
    private async Task<int> RewriteAsync(Column c, string select, string pattern, Func<string, string> rewrite, CancellationToken ct)
    {
        var total = 0;
        var update = $"UPDATE \"{c.Table}\" SET \"{c.Name}\" = @v WHERE " + string.Join(" AND ", c.Keys.Select((k, i) => $"\"{k}\" = @k{i}"));
        while (true)
        {
            await using var tx = await db.BeginWriteAsync(ct);
            var transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            var conn = db.Database.GetDbConnection();
            var rows = new List<(object[] Keys, string Value)>();
            await using (var read = conn.CreateCommand())
            {
                read.Transaction = transaction;
                read.CommandText = select;
                Add(read, "@p", pattern);
                await using var reader = await read.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    var keys = new object[c.Keys.Count];
                    for (var i = 0; i < keys.Length; i++)
                    {
                        keys[i] = reader.GetValue(i);
                    }

                    rows.Add((keys, reader.GetString(keys.Length)));
                }
            }

            if (rows.Count == 0)
            {
                return total;
            }

            foreach (var (keys, value) in rows)
            {
                await using var write = conn.CreateCommand();
                write.Transaction = transaction;
                write.CommandText = update;
                Add(write, "@v", rewrite(value));
                for (var i = 0; i < keys.Length; i++)
                {
                    Add(write, $"@k{i}", keys[i]);
                }

                await write.ExecuteNonQueryAsync(ct);
            }

            await tx.CommitAsync(ct);
            total += rows.Count;
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    /// <summary>
    /// Masks the personal values audit entries hold in clear (written before encryption at rest existed),
    /// re-hashes the chain from the first entry it changed, and records the re-seal as an entry of its own.
    /// </summary>
    private async Task<int> MaskAuditAsync(CancellationToken ct)
    {
        var fields = new Dictionary<string, (Dictionary<string, PersonalKind> Personal, HashSet<string> Index)>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            var personal = entity.GetProperties().Where(p => PersonalDataMapping.PersonalKindOf(p) is not null).ToDictionary(p => p.Name, p => PersonalDataMapping.PersonalKindOf(p)!.Value);
            var index = entity.GetProperties().Where(p => PersonalDataMapping.IndexKindOf(p) is not null).Select(p => p.Name).ToHashSet();
            if (personal.Count + index.Count > 0)
            {
                fields[entity.GetTableName()!] = (personal, index);
            }
        }

        var tables = fields.Keys.ToList();
        await using var tx = await db.BeginWriteAsync(ct);
        // The chain's turn: no entry is appended while the masked entries are hashed again.
        await Audit.AuditHeadRow.LockAsync(db, ct);

        long? first = null;
        var masked = 0;
        for (long after = 0; ;)
        {
            var page = await db.AuditEntries.Where(e => e.Sequence > after && tables.Contains(e.EntityType)).OrderBy(e => e.Sequence).Take(2000).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var e in page)
            {
                var (personal, index) = fields[e.EntityType];
                var before = Mask(e.Before, personal, index);
                var afterValues = Mask(e.After, personal, index);
                if (before != e.Before || afterValues != e.After)
                {
                    e.Before = before;
                    e.After = afterValues;
                    first ??= e.Sequence;
                    masked++;
                }
            }

            after = page[^1].Sequence;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        if (first is null)
        {
            await tx.CommitAsync(ct);
            return 0;
        }

        // Every hash from the first masked entry on is computed again over what the entries now hold.
        var head = await db.AuditHeads.SingleAsync(ct);
        var oldHead = head.LastHash;
        var previous = first == 1 ? AuditChain.Genesis : await db.AuditEntries.Where(e => e.Sequence == first - 1).Select(e => e.Hash).SingleAsync(ct);
        for (var from = first.Value; ;)
        {
            var page = await db.AuditEntries.Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).Take(2000).ToListAsync(ct);
            if (page.Count == 0)
            {
                break;
            }

            foreach (var e in page)
            {
                e.PreviousHash = previous;
                e.Hash = AuditChain.ComputeHash(e);
                previous = e.Hash;
            }

            from = page[^1].Sequence + 1;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        head = await db.AuditHeads.SingleAsync(ct);
        head.LastHash = previous;
        var note = JsonSerializer.Serialize(new SortedDictionary<string, string?>(StringComparer.Ordinal)
        {
            ["firstChanged"] = first.ToString(),
            ["entriesMasked"] = masked.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["previousHead"] = oldHead,
            ["reason"] = "personal data masked in the audit record (encryption at rest)",
        }, AuditCapture.Json);
        db.AuditEntries.Add(AuditChain.Append(head, new AuditDraft(head, "sys_audit_entries", first.ToString()!, null, "reseal", null, note),
            SystemAuditActor.Instance, AuditChain.Truncate(time.GetUtcNow().UtcDateTime)));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await tx.CommitAsync(ct);
        return masked;
    }

    private static string? Mask(string? json, Dictionary<string, PersonalKind> personal, HashSet<string> index)
    {
        if (json is null)
        {
            return null;
        }

        var values = JsonSerializer.Deserialize<SortedDictionary<string, string?>>(json) ?? [];
        var changed = false;
        foreach (var name in values.Keys.ToList())
        {
            if (index.Contains(name))
            {
                values.Remove(name);
                changed = true;
            }
            else if (personal.TryGetValue(name, out var kind) && values[name] is { Length: > 0 } clear && !clear.Contains('*', StringComparison.Ordinal))
            {
                values[name] = PersonalDataProtector.Mask(kind, clear);
                changed = true;
            }
        }

        return changed ? JsonSerializer.Serialize(new SortedDictionary<string, string?>(values, StringComparer.Ordinal), AuditCapture.Json) : json;
    }
}
