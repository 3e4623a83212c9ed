using System.Text;
using Fazhi.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Fazhi.Web.Platform.Lists;

/// <summary>
/// A record whose list is searched by words (a case by its number, matter and party; a publication by its text). The
/// platform keeps its words in the one text index whenever it is saved; <see cref="TextSearch"/> finds it again.
/// </summary>
public interface ISearchable
{
    /// <summary>Which list it belongs to, module-prefixed: <c>enforcement.case</c>.</summary>
    string SearchEntity { get; }

    Guid SearchId { get; }

    /// <summary>Its words: numbers, names, matters; never an identifier (the index is not encrypted).</summary>
    string SearchText { get; }
}

/// <summary>
/// A row of the text index: one per searchable record. Its text is normalised (brackets and spaces gone, full-width
/// characters folded, lower case), so 塘市监罚〔2026〕12号 is found by "2026 12" or "(2026)12号". SQLite indexes it with FTS5
/// and the trigram tokenizer, PostgreSQL with pg_trgm: a word of three characters or more that matches nothing reads nothing.
/// </summary>
public sealed class SearchRow
{
    public long Id { get; set; }

    public string Entity { get; set; } = "";

    public Guid RecordId { get; set; }

    public string Text { get; set; } = "";
}

/// <summary>Keeps the index in step with the records being saved; called from the context's save.</summary>
internal static class SearchIndexSync
{
    public static async Task SyncAsync(FazhiDbContext db, CancellationToken ct)
    {
        List<(ISearchable Record, EntityState State)>? changed = null;
        foreach (var e in db.ChangeTracker.Entries<ISearchable>())
        {
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            {
                (changed ??= []).Add((e.Entity, e.State));
            }
        }

        if (changed is null)
        {
            return;
        }

        var known = changed.Where(c => c.State != EntityState.Added).Select(c => c.Record.SearchId).ToList();
        var rows = known.Count == 0 ? [] : await db.Set<SearchRow>().Where(r => known.Contains(r.RecordId)).ToListAsync(ct);
        foreach (var (record, state) in changed)
        {
            var row = rows.FirstOrDefault(r => r.RecordId == record.SearchId && r.Entity == record.SearchEntity);
            if (state == EntityState.Deleted)
            {
                if (row is not null)
                {
                    db.Remove(row);
                }

                continue;
            }

            var text = TextSearch.Normalise(record.SearchText);
            if (row is null)
            {
                db.Add(new SearchRow { Entity = record.SearchEntity, RecordId = record.SearchId, Text = text });
            }
            else if (row.Text != text)
            {
                row.Text = text;
                db.Entry(row).DetectChanges();
            }
        }
    }
}

/// <summary>Filters a list by the words a person typed, through the text index.</summary>
public sealed class TextSearch(FazhiDbContext db)
{
    /// <summary>Shorter words cannot use a trigram index: they are matched among the rows the longer words found, or scanned.</summary>
    public const int IndexedLength = 3;

    /// <summary>
    /// The records of <paramref name="query"/> whose words contain every word of <paramref name="q"/> (in part: "12" finds
    /// 塘调〔2026〕12号). <paramref name="id"/> picks the record's id. An empty <paramref name="q"/> filters nothing.
    /// </summary>
    public IQueryable<T> Filter<T>(IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, Guid>> id, string entity, string? q)
    {
        if (Matching(entity, q) is not { } ids)
        {
            return query;
        }

        var contains = System.Linq.Expressions.Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(Guid)],
            ids.Expression, id.Body);
        return query.Where(System.Linq.Expressions.Expression.Lambda<Func<T, bool>>(contains, id.Parameters));
    }

    /// <summary>The ids of <paramref name="entity"/>'s records matching every word of <paramref name="q"/>, or null when there is no word.</summary>
    public IQueryable<Guid>? Matching(string entity, string? q)
    {
        var words = Words(q);
        if (words.Count == 0)
        {
            return null;
        }

        var indexed = words.Where(w => w.Length >= IndexedLength).ToList();
        var rest = words.Where(w => w.Length < IndexedLength).ToList();
        IQueryable<SearchRow> rows;
        if (db.Provider == DatabaseProvider.Sqlite && indexed.Count > 0)
        {
            // FTS5's trigram tokenizer: every quoted word must occur; the phrase syntax escapes what the person typed.
            var match = string.Join(" AND ", indexed.Select(w => "\"" + w.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));
            rows = db.Set<SearchRow>().FromSql($"SELECT * FROM sys_search WHERE \"Id\" IN (SELECT rowid FROM sys_search_fts WHERE sys_search_fts MATCH {match})");
        }
        else
        {
            // PostgreSQL's pg_trgm index serves LIKE for words of three characters or more.
            rows = db.Set<SearchRow>();
            foreach (var w in indexed)
            {
                var pattern = "%" + Escape(w) + "%";
                rows = rows.Where(r => EF.Functions.Like(r.Text, pattern, "\\"));
            }
        }

        rows = rows.Where(r => r.Entity == entity);
        foreach (var w in rest)
        {
            var pattern = "%" + Escape(w) + "%";
            rows = rows.Where(r => EF.Functions.Like(r.Text, pattern, "\\"));
        }

        return rows.Select(r => r.RecordId);
    }

    /// <summary>The words of a search, normalised as the index is.</summary>
    public static List<string> Words(string? q) =>
        string.IsNullOrWhiteSpace(q) ? [] : [.. q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(Normalise).Where(w => w.Length > 0).Distinct().Take(8)];

    /// <summary>Full-width folded to half-width, lower case, brackets, quotes and spaces removed.</summary>
    public static string Normalise(string text)
    {
        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var sb = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch) || Dropped.Contains(ch))
            {
                continue;
            }

            sb.Append(ch);
        }

        return sb.ToString();
    }

    private static readonly HashSet<char> Dropped = [.. "〔〕()[]{}<>【】《》〈〉「」『』\"'“”‘’"];

    private static string Escape(string word) =>
        word.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

}

internal sealed class SearchRowConfiguration : IEntityTypeConfiguration<SearchRow>
{
    public void Configure(EntityTypeBuilder<SearchRow> b)
    {
        b.ToTable("sys_search");
        b.HasKey(e => e.Id);
        b.Property(e => e.Entity).HasMaxLength(40);
        b.HasIndex(e => new { e.Entity, e.RecordId }).IsUnique();
        b.HasIndex(e => e.RecordId);
    }
}
