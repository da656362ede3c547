using Cupwise.Data;
using Cupwise.Data.Accounts;
using Cupwise.Domain.Practices;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Accounts;

/// <summary>The outcome of an account operation: done, or the field that was wrong and why.</summary>
public sealed record AccountResult<T>(T? Value, string? Field, string? Error)
{
    public bool Succeeded => Error is null;
    public static AccountResult<T> Ok(T value) => new(value, null, null);
    public static AccountResult<T> Fail(string field, string error) => new(default, field, error);
}

/// <summary>
/// Practices, logins, API tokens and signed-in sessions: one place used by the command line, the web app, the
/// demo and the tests. Passwords and lockout are ASP.NET Core Identity's.
/// </summary>
public sealed class AccountService(CupwiseDbContext db, UserManager<CupwiseUser> users, TimeProvider clock, SessionLifetime lifetime)
{
    public async Task<AccountResult<Practice>> AddPracticeAsync(string name, CancellationToken cancellationToken = default)
    {
        name = name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > 200)
        {
            return AccountResult<Practice>.Fail("name", "A practice needs a name of 1 to 200 characters.");
        }
        if (await db.Practices.AnyAsync(p => p.Name == name, cancellationToken))
        {
            return AccountResult<Practice>.Fail("name", $"A practice named '{name}' already exists.");
        }
        var practice = new Practice(Guid.NewGuid(), name, clock.GetUtcNow());
        db.Practices.Add(practice);
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult<Practice>.Ok(practice);
    }

    public Task<Practice?> FindPracticeByIdAsync(Guid id, CancellationToken cancellationToken = default) =>
        db.Practices.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    public Task<Practice?> FindPracticeAsync(string name, CancellationToken cancellationToken = default) =>
        db.Practices.AsNoTracking().FirstOrDefaultAsync(p => p.Name == name.Trim(), cancellationToken);

    /// <summary>Adds a login to a practice. A client login must name the client record it may see.</summary>
    public async Task<AccountResult<CupwiseUser>> AddUserAsync(Guid practiceId, string email, UserRole role, string password,
        Guid? clientId = null, Guid? practitionerId = null, CancellationToken cancellationToken = default)
    {
        email = email?.Trim() ?? string.Empty;
        if (!await db.Practices.AnyAsync(p => p.Id == practiceId, cancellationToken))
        {
            return AccountResult<CupwiseUser>.Fail("practice", "No such practice.");
        }
        if (role == UserRole.Client)
        {
            if (clientId is not { } id || !await db.Clients.IgnoreQueryFilters().AnyAsync(c => c.Id == id && c.PracticeId == practiceId, cancellationToken))
            {
                return AccountResult<CupwiseUser>.Fail("client", "A client login needs the id of a client of this practice.");
            }
        }
        else if (clientId is not null)
        {
            return AccountResult<CupwiseUser>.Fail("client", "Only a client login is linked to a client record.");
        }
        if (practitionerId is { } linked)
        {
            if (role is not (UserRole.Practitioner or UserRole.Owner))
            {
                return AccountResult<CupwiseUser>.Fail("practitioner", "Only a practitioner's or an owner's login is linked to a practitioner record.");
            }
            if (!await db.Practitioners.IgnoreQueryFilters().AnyAsync(p => p.Id == linked && p.PracticeId == practiceId, cancellationToken))
            {
                return AccountResult<CupwiseUser>.Fail("practitioner", "must be the id of a practitioner of this practice (GET /api/v1/practitioners).");
            }
        }
        var user = new CupwiseUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            PracticeId = practiceId,
            Role = role,
            ClientId = clientId,
            PractitionerId = practitionerId,
            CreatedAt = clock.GetUtcNow(),
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            var error = result.Errors.First();
            var field = error.Code.StartsWith("Password", StringComparison.Ordinal) || error.Code == "CommonPassword" ? "password" : "email";
            return AccountResult<CupwiseUser>.Fail(field, string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        return AccountResult<CupwiseUser>.Ok(user);
    }

    /// <summary>Creates an API token for a login; the secret is returned once and only its hash is kept.</summary>
    public async Task<AccountResult<(ApiToken Token, string Secret)>> CreateTokenAsync(string email, string name, int? expiresDays, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return AccountResult<(ApiToken, string)>.Fail("email", $"No login with the e-mail '{email}'.");
        }
        return await CreateTokenAsync(user, name, expiresDays, cancellationToken);
    }

    public async Task<AccountResult<(ApiToken Token, string Secret)>> CreateTokenAsync(CupwiseUser user, string name, int? expiresDays, CancellationToken cancellationToken = default)
    {
        if (expiresDays is < 1 or > 3650)
        {
            return AccountResult<(ApiToken, string)>.Fail("expiresDays", "A token lasts 1 to 3650 days (or without an end if left out).");
        }
        name = string.IsNullOrWhiteSpace(name) ? "token" : name.Trim();
        if (name.Length > 100)
        {
            return AccountResult<(ApiToken, string)>.Fail("name", "A token's name is at most 100 characters.");
        }
        var now = clock.GetUtcNow();
        var created = ApiToken.Create(user.Id, user.PracticeId, name, now, expiresDays is { } days ? now.AddDays(days) : null);
        db.ApiTokens.Add(created.Token);
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult<(ApiToken, string)>.Ok(created);
    }

    /// <summary>
    /// Revokes an active token: within <paramref name="practiceId"/> and, unless null, only one of
    /// <paramref name="ownerUserId"/>'s (the command line passes neither). The revoked token, or null if none matched.
    /// </summary>
    public async Task<ApiToken?> RevokeTokenAsync(Guid tokenId, Guid? practiceId, Guid? ownerUserId = null, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.RevokedAt == null
            && (practiceId == null || t.PracticeId == practiceId) && (ownerUserId == null || t.UserId == ownerUserId), cancellationToken);
        if (token is null)
        {
            return null;
        }
        token.RevokedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>
    /// Gives the browser the cookie for a signed-in session: the login's claims, its practice's settings, and the
    /// server-side session the cookie names. Returns whether only the account page is open until two-step
    /// sign-in is set up (the practice requires it and this login has not).
    /// </summary>
    public async Task<bool> IssueCookieAsync(HttpContext http, CupwiseUser user, Guid sessionId)
    {
        var practice = await FindPracticeByIdAsync(user.PracticeId, http.RequestAborted);
        var pending = practice?.RequireTwoStepSignIn == true && user.Role is UserRole.Owner or UserRole.Practitioner && !user.TwoFactorEnabled;
        var identity = Access.Identity(user, practice, AccountsSetup.CookieScheme, sessionId, tokenId: null, pending);
        await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.SignInAsync(http, AccountsSetup.CookieScheme, new System.Security.Claims.ClaimsPrincipal(identity));
        return pending;
    }

    /// <summary>Starts a signed-in session for a browser; the cookie names it.</summary>
    public async Task<UserSession> StartSessionAsync(CupwiseUser user, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var session = new UserSession { Id = Guid.NewGuid(), UserId = user.Id, StartedAt = now, LastSeenAt = now };
        db.UserSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return session;
    }

    /// <summary>Ends the user's sessions (all, or all but <paramref name="except"/>).</summary>
    public Task<int> EndSessionsAsync(Guid userId, string reason, Guid? except = null, CancellationToken cancellationToken = default) =>
        EndSessionsAsync([userId], reason, except, cancellationToken);

    /// <summary>Ends every open session of these logins (but <paramref name="except"/>) in one read and one save.</summary>
    public async Task<int> EndSessionsAsync(IReadOnlyCollection<Guid> userIds, string reason, Guid? except = null, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var open = await db.UserSessions.Where(s => userIds.Contains(s.UserId) && s.EndedAt == null && s.Id != except).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.EndedAt = now;
            session.EndReason = reason;
        }
        await db.SaveChangesAsync(cancellationToken);
        return open.Count;
    }

    public async Task EndSessionAsync(Guid sessionId, string reason, CancellationToken cancellationToken = default)
    {
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId && s.EndedAt == null, cancellationToken);
        if (session is not null)
        {
            session.EndedAt = clock.GetUtcNow();
            session.EndReason = reason;
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Whether a cookie's session may go on: open, used within the idle timeout, and younger than the absolute
    /// lifetime. A session that has run out is ended here, so that it cannot come back.
    /// </summary>
    public async Task<bool> TouchSessionAsync(Guid sessionId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var session = await db.UserSessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null || session.EndedAt is not null)
        {
            return false;
        }
        string? end = now - session.LastSeenAt > lifetime.Idle ? "idle" : now - session.StartedAt > lifetime.Absolute ? "lifetime" : null;
        if (end is not null)
        {
            session.EndedAt = now;
            session.EndReason = end;
            await db.SaveChangesAsync(cancellationToken);
            return false;
        }
        // One write a minute at most, not one per request.
        if (now - session.LastSeenAt >= TimeSpan.FromMinutes(1))
        {
            session.LastSeenAt = now;
            await db.SaveChangesAsync(cancellationToken);
        }
        return true;
    }
}

/// <summary>How long a browser stays signed in: idle timeout and absolute lifetime.</summary>
public sealed record SessionLifetime(TimeSpan Idle, TimeSpan Absolute)
{
    public static readonly SessionLifetime Default = new(TimeSpan.FromMinutes(15), TimeSpan.FromHours(12));
}
