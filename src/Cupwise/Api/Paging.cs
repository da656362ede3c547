using System.ComponentModel;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Api;

/// <summary>Which page of a list to send: every list of a client's record is read a page at a time.</summary>
public sealed record PageQuery
{
    [Description("Page number, from 1.")]
    public int? Page { get; init; }

    [Description("Items per page, 1 to 100; 25 if not given (100 for the catalogue's cups, sites and protocols). The whole count is in the X-Total-Count header, and the next page's address in Link (rel=\"next\").")]
    public int? PageSize { get; init; }
}

/// <summary>
/// Pages a list in the database (never more than one page is read), and says in headers how many there are in all
/// and where the next page is, so that the answer stays the plain list it always was.
/// </summary>
public static class Paging
{
    public const int DefaultPageSize = 25;
    public const int MaximumPageSize = 100;

    /// <summary>One page of <paramref name="ordered"/> (which must have a total order), or null with the problems in <paramref name="v"/>.</summary>
    public static async Task<List<T>?> PageAsync<T>(IQueryable<T> ordered, PageQuery query, HttpContext http, RequestValidator v, CancellationToken cancellationToken)
    {
        var (page, size) = Check(query, v, DefaultPageSize);
        if (!v.IsValid)
        {
            return null;
        }
        var total = await ordered.CountAsync(cancellationToken);
        var items = await ordered.Skip((page - 1) * size).Take(size).ToListAsync(cancellationToken);
        Describe(http, page, size, total);
        return items;
    }

    /// <summary>One page of a list already in memory (the shipped catalogue and the practice's additions to it).</summary>
    public static List<T>? Page<T>(IReadOnlyList<T> all, PageQuery query, HttpContext http, RequestValidator v, int defaultSize = DefaultPageSize)
    {
        var (page, size) = Check(query, v, defaultSize);
        if (!v.IsValid)
        {
            return null;
        }
        Describe(http, page, size, all.Count);
        return [.. all.Skip((page - 1) * size).Take(size)];
    }

    private static (int Page, int Size) Check(PageQuery query, RequestValidator v, int defaultSize)
    {
        var page = query.Page ?? 1;
        var size = query.PageSize ?? defaultSize;
        if (page < 1)
        {
            v.Add("page", $"must be 1 or more; got {page}.");
        }
        if (size is < 1 or > MaximumPageSize)
        {
            v.Add("pageSize", $"must be between 1 and {MaximumPageSize}; got {size}.");
        }
        return (page, size);
    }

    private static void Describe(HttpContext http, int page, int size, int total)
    {
        var headers = http.Response.Headers;
        headers["X-Total-Count"] = total.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if ((long)page * size < total)
        {
            headers.Link = $"<{http.Request.Path}?page={page + 1}&pageSize={size}>; rel=\"next\"";
        }
    }
}
