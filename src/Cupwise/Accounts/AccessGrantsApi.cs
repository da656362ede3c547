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

    public static async Task<Results<Ok<PracticeAccessResponse>, ValidationProblem>> SetPracticeAccess(PracticeAccessRequest request, CupwiseDbContext db,
        AccountService accounts, CurrentUser user, TimeProvider clock, Audit.AuditLog audit, CancellationToken cancellationToken)
    {
        if (request.PractitionersSeeOwnClientsOnly is not { } ownOnly)
        {
            var v = new RequestValidator();
            v.Add("practitionersSeeOwnClientsOnly", "is required: true or false.");
            return ApiResults.Invalid(v);
        }
        await SetOwnClientsOnlyAsync(db, accounts, user, clock, audit, ownOnly, cancellationToken);
        return TypedResults.Ok(new PracticeAccessResponse(ownOnly));
    }

    /// <summary>
    /// Turns the restriction on or off. Turning it on first gives each linked practitioner login care of the clients
    /// it has already charted or booked, then signs practitioners out so that their next request is restricted.
    /// </summary>
    public static async Task SetOwnClientsOnlyAsync(CupwiseDbContext db, AccountService accounts, CurrentUser user, TimeProvider clock, Audit.AuditLog audit,
        bool ownOnly, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.FirstAsync(p => p.Id == user.PracticeId, cancellationToken);
        practice.SetPractitionersSeeOwnClientsOnly(ownOnly);
        var practitioners = await db.Users.Where(u => u.PracticeId == user.PracticeId && u.Role == UserRole.Practitioner).ToListAsync(cancellationToken);
        if (ownOnly)
        {
            var now = clock.GetUtcNow();
            foreach (var login in practitioners.Where(u => u.PractitionerId is not null))
            {
                var treated = await db.Sessions.Where(s => s.PractitionerId == login.PractitionerId).Select(s => s.ClientId)
                    .Union(db.Appointments.Where(a => a.PractitionerId == login.PractitionerId).Select(a => a.ClientId)).ToListAsync(cancellationToken);
                var held = await db.AccessGrants.Where(g => g.UserId == login.Id && g.Kind == AccessGrant.Care).Select(g => g.ClientId).ToListAsync(cancellationToken);
                foreach (var clientId in treated.Except(held))
                {
                    db.AccessGrants.Add(new AccessGrant { Id = Guid.NewGuid(), PracticeId = user.PracticeId, ClientId = clientId, UserId = login.Id, Kind = AccessGrant.Care, GrantedAt = now });
                }
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await accounts.EndSessionsAsync([.. practitioners.Select(u => u.Id)], "access-changed", cancellationToken: cancellationToken);
        audit.Record(user.UserId, Audit.AuditMiddleware.Actor(user), user.PracticeId, null, "practice-access",
            ownOnly ? "practitioners see only their own clients" : "practitioners see every client", "ok");
    }

    public static async Task<Results<Ok<List<AccessGrantResponse>>, NotFound>> ListGrants(string id, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var grants = await db.AccessGrants.AsNoTracking().Where(g => g.ClientId == clientId).OrderByDescending(g => g.GrantedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(grants.Select(ToResponse).ToList());
    }

    public static async Task<Results<Created<AccessGrantResponse>, NotFound, ValidationProblem>> GrantAccess(string id, AccessGrantRequest request,
        CupwiseDbContext db, CurrentUser user, TimeProvider clock, Audit.AuditLog audit, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var (grant, v) = await GrantAsync(db, user, clock, audit, clientId, request, cancellationToken);
        return grant is null ? ApiResults.Invalid(v) : TypedResults.Created($"/api/v1/clients/{clientId}/access-grants", ToResponse(grant));
    }

    /// <summary>Checks and records a break-glass grant (API and chart page alike); nothing is written if any field is wrong.</summary>
    public static async Task<(AccessGrant? Grant, RequestValidator Validator)> GrantAsync(CupwiseDbContext db, CurrentUser user, TimeProvider clock, Audit.AuditLog audit,
        Guid clientId, AccessGrantRequest request, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        CupwiseUser? grantee = null;
        if (!Guid.TryParse(request.UserId, out var granteeId)
            || (grantee = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == granteeId && u.PracticeId == user.PracticeId, cancellationToken)) is null)
        {
            v.Add("userId", "must be the id of a login of this practice (GET /api/v1/users).");
        }
        else if (grantee.Role != UserRole.Practitioner)
        {
            v.Add("userId", "must be a practitioner's login: owners see every client already, the front desk and clients never see health records.");
        }
        if (request.Hours is not (>= 1 and <= 72))
        {
            v.Add("hours", "must be 1 to 72: break-glass access is for a while, and ends by itself.");
        }
        var reason = request.Reason?.Trim();
        if (reason is not { Length: >= 5 and <= 500 })
        {
            v.Add("reason", "is required: 5 to 500 characters saying why; it is kept in the audit log.");
        }
        if (!v.IsValid)
        {
            return (null, v);
        }
        var now = clock.GetUtcNow();
        var grant = new AccessGrant
        {
            Id = Guid.NewGuid(), PracticeId = user.PracticeId, ClientId = clientId, UserId = granteeId, Kind = AccessGrant.BreakGlass,
            GrantedByUserId = user.UserId, Reason = reason, GrantedAt = now, ExpiresAt = now.AddHours(request.Hours!.Value),
        };
        db.AccessGrants.Add(grant);
        await db.SaveChangesAsync(cancellationToken);
        audit.Record(user.UserId, Audit.AuditMiddleware.Actor(user), user.PracticeId, clientId, "break-glass",
            $"{grantee!.Email} for {request.Hours} h: {reason}", "ok");
        return (grant, v);
    }

    private static AccessGrantResponse ToResponse(AccessGrant g) => new(g.Id.ToString(), g.UserId.ToString(), g.Kind, g.Reason, g.GrantedAt, g.ExpiresAt);
}
