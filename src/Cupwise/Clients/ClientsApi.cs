using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Clients;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Clients;

public static class ClientsApi
{
    public const int DefaultPageSize = 25;
    public const int MaximumPageSize = 100;

    public static readonly IReadOnlyList<string> SortOrders = ["name", "-name", "dateOfBirth", "-dateOfBirth", "created", "-created"];

    public static void MapClients(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/clients").WithTags("Clients");
        group.MapGet("/", ListClients).WithName(nameof(ListClients)).RequireAuthorization(Accounts.Access.Desk).WithSummary("Lists clients, paged. To find clients by name, use POST /api/v1/clients/search.");
        group.MapPost("/search", SearchClients).WithName(nameof(SearchClients)).RequireAuthorization(Accounts.Access.Desk)
            .WithSummary("Finds clients by given or family name, paged: the name goes in the body, so that no server or proxy log keeps it.");
        group.MapPost("/", CreateClient).WithName(nameof(CreateClient)).RequireAuthorization(Accounts.Access.Desk).WithSummary("Creates a client with a health history.");
        group.MapGet("/{id}", GetClient).WithName(nameof(GetClient)).RequireAuthorization(Accounts.Access.OwnRecord).WithSummary("Gets one client with the health history and the version to send back on PUT.");
        group.MapPut("/{id}", UpdateClient).WithName(nameof(UpdateClient)).WithSummary("Replaces a client's details; the previous version is kept as a revision. A stale version gives 409.");
        group.MapGet("/{id}/contact", GetClientContact).WithName(nameof(GetClientContact)).RequireAuthorization(Accounts.Access.Desk)
            .WithSummary("A client's name, birth date and contact details with the version to send back: what the front desk sees and changes.");
        group.MapPut("/{id}/contact", UpdateClientContact).WithName(nameof(UpdateClientContact)).RequireAuthorization(Accounts.Access.Desk)
            .WithSummary("Changes a client's name, birth date and contact details, keeping the health history as it is; the previous version is kept as a revision. A stale version gives 409.");
    }

    public static Task<Results<Ok<PageOf<ClientSummary>>, ValidationProblem>> ListClients(
        [AsParameters] ClientListQuery query, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (query.Search is not null)
        {
            var refused = new RequestValidator();
            refused.Add("search", "is not taken in the address: send it in the body of POST /api/v1/clients/search, so that a client's name is not written into the server's and proxies' logs.");
            return Task.FromResult<Results<Ok<PageOf<ClientSummary>>, ValidationProblem>>(ApiResults.Invalid(refused));
        }
        return PageAsync(db, null, query.Page, query.PageSize, query.Sort, cancellationToken);
    }

    public static Task<Results<Ok<PageOf<ClientSummary>>, ValidationProblem>> SearchClients(
        ClientSearchRequest request, CupwiseDbContext db, CancellationToken cancellationToken) =>
        PageAsync(db, request.Search, request.Page, request.PageSize, request.Sort, cancellationToken);

    private static async Task<Results<Ok<PageOf<ClientSummary>>, ValidationProblem>> PageAsync(
        CupwiseDbContext db, string? search, int? pageNumber, int? pageSize, string? sortOrder, CancellationToken cancellationToken)
    {
        var query = new { Search = search, Page = pageNumber, PageSize = pageSize, Sort = sortOrder };
        var v = new RequestValidator();
        var page = query.Page ?? 1;
        var size = query.PageSize ?? DefaultPageSize;
        if (page < 1)
        {
            v.Add("page", $"must be 1 or more; got {page}.");
        }
        if (size is < 1 or > MaximumPageSize)
        {
            v.Add("pageSize", $"must be between 1 and {MaximumPageSize}; got {size}.");
        }
        if (query.Sort is { } sort && !SortOrders.Contains(sort))
        {
            // Only named orders: the value is never turned into a column name or SQL.
            v.Add("sort", $"must be one of {string.Join(", ", SortOrders)}.");
        }
        if (query.Search is { Length: > 100 })
        {
            v.Add("search", "must be at most 100 characters.");
        }
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        var clients = db.Clients.AsNoTracking().Matching(query.Search);
        var total = await clients.CountAsync(cancellationToken);
        var ordered = query.Sort switch
        {
            "-name" => clients.OrderByDescending(c => c.FamilyName).ThenByDescending(c => c.GivenName),
            "dateOfBirth" => clients.OrderBy(c => c.DateOfBirth).ThenBy(c => c.FamilyName),
            "-dateOfBirth" => clients.OrderByDescending(c => c.DateOfBirth).ThenBy(c => c.FamilyName),
            "created" => clients.OrderBy(c => c.CreatedAt),
            "-created" => clients.OrderByDescending(c => c.CreatedAt),
            _ => clients.OrderBy(c => c.FamilyName).ThenBy(c => c.GivenName),
        };
        var items = await ordered.ThenBy(c => c.Id)
            .Skip((page - 1) * size).Take(size)
            .Select(c => new { c.Id, c.FamilyName, c.GivenName, c.DateOfBirth, c.Sex })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PageOf<ClientSummary>(
            [.. items.Select(c => new ClientSummary(c.Id.ToString(), c.FamilyName, c.GivenName, c.DateOfBirth, c.Sex))], page, size, total));
    }

    public static async Task<Results<Created<ClientResponse>, ValidationProblem>> CreateClient(
        ClientRequest request, ClientCommands commands, HttpContext http, CancellationToken cancellationToken)
    {
        var result = await commands.CreateAsync(request, cancellationToken);
        if (!result.IsDone)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid.");
        }
        http.Response.Headers.ETag = ETag(result.Value!.Version);
        return TypedResults.Created($"/api/v1/clients/{result.Value.Id}", result.Value.ToResponse());
    }

    public static async Task<Results<Ok<ClientResponse>, NotFound>> GetClient(string id, CupwiseDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId))
        {
            return TypedResults.NotFound();
        }
        var client = await db.Clients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.ETag = ETag(client.Version);
        return TypedResults.Ok(client.ToResponse());
    }

    public static async Task<Results<Ok<ClientContactResponse>, NotFound>> GetClientContact(string id, CupwiseDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId))
        {
            return TypedResults.NotFound();
        }
        var contact = await db.Clients.AsNoTracking().Where(c => c.Id == clientId)
            .Select(c => new ClientContactResponse(c.Id.ToString(), c.FamilyName, c.GivenName, c.DateOfBirth, c.Sex, c.Email, c.Phone, c.Version))
            .FirstOrDefaultAsync(cancellationToken);
        if (contact is null)
        {
            return TypedResults.NotFound();
        }
        http.Response.Headers.ETag = ETag(contact.Version);
        return TypedResults.Ok(contact);
    }

    public static async Task<Results<Ok<ClientContactResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateClientContact(
        string id, ClientContactRequest request, ClientCommands commands, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId))
        {
            return TypedResults.NotFound();
        }
        var result = await commands.UpdateContactAsync(clientId, request, cancellationToken);
        if (result.IsDone)
        {
            http.Response.Headers.ETag = ETag(result.Value!.Version);
        }
        return result.ToOk(ClientContactResponse.Of);
    }

    public static async Task<Results<Ok<ClientResponse>, NotFound, ValidationProblem, ProblemHttpResult>> UpdateClient(
        string id, ClientRequest request, ClientCommands commands, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId))
        {
            return TypedResults.NotFound();
        }
        var result = await commands.UpdateAsync(clientId, request, cancellationToken);
        if (result.IsDone)
        {
            http.Response.Headers.ETag = ETag(result.Value!.Version);
        }
        return result.ToOk(c => c.ToResponse());
    }

    private static string ETag(int version) => $"\"{version}\"";
}
