using System.ComponentModel;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Accounts;

public sealed record PracticeAccessRequest(
    [property: Description("True: a practitioner sees only the clients they added, charted or booked, and those an owner grants them for a while.")] bool? PractitionersSeeOwnClientsOnly);

public sealed record PracticeAccessResponse(bool PractitionersSeeOwnClientsOnly);

public sealed record AccessGrantRequest(
    [property: Description("The practitioner login to let in (GET /api/v1/users).")] string? UserId,
    [property: Description("For how many hours, 1 to 72; it ends by itself.")] int? Hours,
    [property: Description("Why, 5 to 500 characters; it is kept in the audit log.")] string? Reason);

public sealed record AccessGrantResponse(string Id, string UserId, string Kind, string? Reason, DateTimeOffset GrantedAt, DateTimeOffset? ExpiresAt);

/// <summary>
/// Who among the practitioners sees which client: the practice's choice, the care each practitioner has, and
/// break-glass grants from an owner.
/// </summary>
public static class AccessGrantsApi
{
    public static void MapAccessGrants(this IEndpointRouteBuilder api)
    {
        api.MapGet("/practice/access", GetPracticeAccess).WithName(nameof(GetPracticeAccess)).WithTags("Accounts").RequireAuthorization(Access.Owner)
            .WithSummary("Whether practitioners see only their own clients.");
        api.MapPut("/practice/access", SetPracticeAccess).WithName(nameof(SetPracticeAccess)).WithTags("Accounts").RequireAuthorization(Access.Owner)
            .WithSummary("Lets practitioners see every client, or only their own (practitioners signed in are signed out so that it applies at once).");
        api.MapGet("/clients/{id}/access-grants", ListGrants).WithName(nameof(ListGrants)).WithTags("Accounts").RequireAuthorization(Access.Owner)
            .WithSummary("Who among the practitioners has this client in their care or a break-glass grant.");
        api.MapPost("/clients/{id}/access-grants", GrantAccess).WithName(nameof(GrantAccess)).WithTags("Accounts").RequireAuthorization(Access.Owner)
            .WithSummary("Break-glass: lets a practitioner see this client for up to 72 hours, for a reason kept in the audit log.");
    }

    public static async Task<Ok<PracticeAccessResponse>> GetPracticeAccess(CupwiseDbContext db, CurrentUser user, CancellationToken cancellationToken) =>
        TypedResults.Ok(new PracticeAccessResponse(await db.Practices.Where(p => p.Id == user.PracticeId).Select(p => p.PractitionersSeeOwnClientsOnly).FirstAsync(cancellationToken)));

    public static async Task<Results<Ok<PracticeAccessResponse>, ValidationProblem>> SetPracticeAccess(PracticeAccessRequest request, AccessCommands commands,
        CancellationToken cancellationToken)
    {
        if (request.PractitionersSeeOwnClientsOnly is not { } ownOnly)
        {
            var v = new RequestValidator();
            v.Add("practitionersSeeOwnClientsOnly", "is required: true or false.");
            return ApiResults.Invalid(v);
        }
        await commands.SetOwnClientsOnlyAsync(ownOnly, cancellationToken);
        return TypedResults.Ok(new PracticeAccessResponse(ownOnly));
    }

    public static async Task<Results<Ok<List<AccessGrantResponse>>, NotFound, ValidationProblem>> ListGrants(string id, [AsParameters] PageQuery paging,
        CupwiseDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var grants = await Paging.PageAsync(db.AccessGrants.AsNoTracking().Where(g => g.ClientId == clientId).OrderByDescending(g => g.GrantedAt).ThenBy(g => g.Id),
            paging, http, v, cancellationToken);
        return grants is null ? ApiResults.Invalid(v) : TypedResults.Ok(grants.Select(ToResponse).ToList());
    }

    public static async Task<Results<Created<AccessGrantResponse>, NotFound, ValidationProblem>> GrantAccess(string id, AccessGrantRequest request,
        CupwiseDbContext db, AccessCommands commands, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var (grant, v) = await commands.GrantAsync(clientId, request, cancellationToken);
        return grant is null ? ApiResults.Invalid(v) : TypedResults.Created($"/api/v1/clients/{clientId}/access-grants", ToResponse(grant));
    }

    private static AccessGrantResponse ToResponse(AccessGrant g) => new(g.Id.ToString(), g.UserId.ToString(), g.Kind, g.Reason, g.GrantedAt, g.ExpiresAt);
}
