namespace Fazhi.Web.Platform.Web;

/// <summary>One page of a long list, with the total so the caller can page on.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);
