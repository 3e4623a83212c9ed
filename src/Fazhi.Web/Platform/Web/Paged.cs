using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Platform.Web;

/// <summary>What a create answers when the new record's id is all the caller needs (201, with its address in Location).</summary>
public sealed record NewRecord(Guid Id);

/// <summary>One page of a long list, with the total so the caller can page on.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize)
{
    /// <summary>The same page with its rows turned into something else (masked, joined, mapped).</summary>
    public Paged<TOut> With<TOut>(IReadOnlyList<TOut> items) => new(items, Total, PageNumber, PageSize);
}

public static class Paging
{
    public const int MaxPageSize = 200;

    /// <summary>The page size of a list's Excel export (Lists.ListExport): set in code only, never from a request.</summary>
    public const int ExportRows = 10_000;

    private static int Size(int pageSize) => pageSize == ExportRows ? ExportRows : Math.Clamp(pageSize, 1, MaxPageSize);

    /// <summary>Counts the query and reads one page of it, with the page number and size kept in range.</summary>
    public static async Task<Paged<T>> ToPageAsync<T>(this IQueryable<T> ordered, int page, int pageSize, CancellationToken ct = default)
    {
        var size = Size(pageSize);
        page = Math.Max(1, page);
        var total = await ordered.CountAsync(ct);
        var items = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<T>(items, total, page, size);
    }

    /// <summary>
    /// Pages <paramref name="ordered"/> and only then turns the page's rows into <typeparamref name="T"/>
    /// (typically a join for names): the total is counted on the rows alone, not through the join.
    /// </summary>
    public static async Task<Paged<T>> ToPageAsync<TRow, T>(this IQueryable<TRow> ordered, Func<IQueryable<TRow>, IQueryable<T>> project, int page, int pageSize, CancellationToken ct = default)
    {
        var size = Size(pageSize);
        page = Math.Max(1, page);
        var total = await ordered.CountAsync(ct);
        var items = await project(ordered.Skip((page - 1) * size).Take(size)).ToListAsync(ct);
        return new Paged<T>(items, total, page, size);
    }
}
