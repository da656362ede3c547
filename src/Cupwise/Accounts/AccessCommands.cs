using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Accounts;

/// <summary>Who may see which clients: the practice-wide restriction and break-glass grants, for the API and the pages alike.</summary>
public sealed class AccessCommands(CupwiseDbContext db, AccountService accounts, CurrentUser user, TimeProvider clock, Audit.AuditLog audit)
{
    /// <summary>
    /// Turns the restriction on or off. Turning it on first gives each linked practitioner login care of the clients
    /// it has already charted or booked, then signs practitioners out so that their next request is restricted.
    /// </summary>
    public async Task SetOwnClientsOnlyAsync(bool ownOnly, CancellationToken cancellationToken = default)
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
        audit.Stage(db, user.UserId, Audit.AuditMiddleware.Actor(user), user.PracticeId, null, "practice-access",
            ownOnly ? "practitioners see only their own clients" : "practitioners see every client");
        await db.SaveChangesAsync(cancellationToken);
        await accounts.EndSessionsAsync([.. practitioners.Select(u => u.Id)], "access-changed", cancellationToken: cancellationToken);
    }

    /// <summary>Checks and records a break-glass grant (API and chart page alike); nothing is written if any field is wrong.</summary>
    public async Task<(AccessGrant? Grant, RequestValidator Validator)> GrantAsync(Guid clientId, AccessGrantRequest request, CancellationToken cancellationToken = default)
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
        audit.Stage(db, user.UserId, Audit.AuditMiddleware.Actor(user), user.PracticeId, clientId, "break-glass",
            $"{grantee!.Email} for {request.Hours} h: {reason}");
        await db.SaveChangesAsync(cancellationToken);
        return (grant, v);
    }
}
