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
public sealed class AccountService(CupwiseDbContext db, UserManager<CupwiseUser> users, TimeProvider clock, SessionLifetime lifetime, Audit.AuditLog audit)
{
    /// <summary>Who an account change is recorded as: a login, or the command line.</summary>
    public sealed record Actor(Guid? UserId, string Name)
    {
        public static readonly Actor CommandLine = new(null, "cupwise (command line)");

        public static Actor Of(CurrentUser user) => new(user.UserId, Audit.AuditMiddleware.Actor(user));
    }

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
    public async Task<AccountResult<(ApiToken Token, string Secret)>> CreateTokenAsync(string email, string name, int? expiresDays, Actor by, CancellationToken cancellationToken = default)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            return AccountResult<(ApiToken, string)>.Fail("email", $"No login with the e-mail '{email}'.");
        }
        return await CreateTokenAsync(user, name, expiresDays, by, cancellationToken);
    }

    /// <summary>A token for <paramref name="user"/>, recorded in the audit log in the same save.</summary>
    public async Task<AccountResult<(ApiToken Token, string Secret)>> CreateTokenAsync(CupwiseUser user, string name, int? expiresDays, Actor by, CancellationToken cancellationToken = default)
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
        audit.Stage(db, by.UserId ?? user.Id, by.Name, user.PracticeId, null, "token-create", $"token {created.Token.Id} '{name}'");
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult<(ApiToken, string)>.Ok(created);
    }

    /// <summary>
    /// Revokes an active token: within <paramref name="practiceId"/> and, unless null, only one of
    /// <paramref name="ownerUserId"/>'s (the command line passes neither). The revoked token, or null if none matched.
    /// </summary>
    public async Task<ApiToken?> RevokeTokenAsync(Guid tokenId, Guid? practiceId, Actor by, Guid? ownerUserId = null, CancellationToken cancellationToken = default)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == tokenId && t.RevokedAt == null
            && (practiceId == null || t.PracticeId == practiceId) && (ownerUserId == null || t.UserId == ownerUserId), cancellationToken);
        if (token is null)
        {
            return null;
        }
        token.RevokedAt = clock.GetUtcNow();
        audit.Stage(db, by.UserId ?? token.UserId, by.Name, token.PracticeId, null, "token-revoke", $"token {token.Id}");
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>What every refused sign-in says, whether the e-mail has a login or not, and whether it is locked or not.</summary>
    public const string SignInRefused = "The e-mail or the password is wrong. After 5 wrong attempts in a row a login is locked for 15 minutes.";

    /// <summary>
    /// Checks a sign-in and records a refusal in the audit log. An unknown e-mail, a wrong password and a locked
    /// login get the same answer after the same work (a password hash is checked in each case), so that neither the
    /// words nor the time tell which e-mails have logins; what was typed as the e-mail is not kept unless it is a
    /// login's. A missing or wrong authenticator code is said as such: only the right password gets that far.
    /// </summary>
    public async Task<AccountResult<CupwiseUser>> CheckSignInAsync(string? email, string? password, string? code, CancellationToken cancellationToken = default)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await CheckAsync(email, password, code);
        if (!result.Succeeded && result.Field == "email")
        {
            // The work differs a little (a login's failed count is saved, an unknown e-mail has none): every refusal is
            // answered no sooner than the floor, so that its time says nothing. Real time, not the app's clock.
            var remaining = RefusalFloor - System.Diagnostics.Stopwatch.GetElapsedTime(started);
            if (remaining > TimeSpan.Zero)
            {
                await Task.Delay(remaining, cancellationToken);
            }
        }
        return result;
    }

    /// <summary>How long a refused sign-in takes at least: above what the slowest refusal takes on a 2-core server (about 90 ms).</summary>
    public static readonly TimeSpan RefusalFloor = TimeSpan.FromMilliseconds(250);

    private async Task<AccountResult<CupwiseUser>> CheckAsync(string? email, string? password, string? code)
    {
        email = email?.Trim() ?? string.Empty;
        password ??= string.Empty;
        var user = email.Length is > 0 and <= 256 ? await users.FindByEmailAsync(email) : null;
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new CupwiseUser(), DecoyHash.Value, password);
            audit.Record(null, "(no such login)", null, null, "sign-in-failed", "POST /login", "refused");
            return AccountResult<CupwiseUser>.Fail("email", SignInRefused);
        }
        if (user.DisabledAt is not null || user.PasswordHash is null || await users.IsLockedOutAsync(user))
        {
            // Identity answers a locked login without hashing: hash anyway, so that a lock does not show in the time.
            users.PasswordHasher.VerifyHashedPassword(user, user.PasswordHash ?? DecoyHash.Value, password);
            audit.Record(user.Id, user.Email!, user.PracticeId, null, "sign-in-failed", "POST /login", user.DisabledAt is not null ? "disabled" : user.PasswordHash is null ? "invited" : "locked");
            return AccountResult<CupwiseUser>.Fail("email", SignInRefused);
        }
        if (!await users.CheckPasswordAsync(user, password))
        {
            await users.AccessFailedAsync(user);
            audit.Record(user.Id, user.Email!, user.PracticeId, null, "sign-in-failed", "POST /login", await users.IsLockedOutAsync(user) ? "locked" : "refused");
            return AccountResult<CupwiseUser>.Fail("email", SignInRefused);
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            var digits = (code ?? string.Empty).Replace(" ", "");
            if (digits.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, digits))
            {
                if (digits.Length > 0)
                {
                    await users.AccessFailedAsync(user);
                }
                audit.Record(user.Id, user.Email!, user.PracticeId, null, "sign-in-failed", "POST /login", "code");
                return AccountResult<CupwiseUser>.Fail("code", digits.Length == 0 ? "This login needs the 6-digit code from your authenticator app." : "The authenticator code is wrong or has expired.");
            }
        }
        await users.ResetAccessFailedCountAsync(user);
        return AccountResult<CupwiseUser>.Ok(user);
    }

    /// <summary>A hash of a password nobody has, checked when the e-mail has no login so that the answer takes as long.</summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<CupwiseUser>().HashPassword(new CupwiseUser(), Guid.NewGuid().ToString()));

    /// <summary>
    /// Changes a login's password and, in one save with its audit entry, signs out its other sessions and revokes its
    /// API tokens: whoever learnt the old password may have made either. Fails on the field that was wrong.
    /// </summary>
    public async Task<AccountResult<(int Sessions, int Tokens)>> ChangePasswordAsync(CupwiseUser user, string current, string next, Guid? keepSession,
        Actor by, CancellationToken cancellationToken = default)
    {
        // Wrong current passwords count like wrong sign-ins: someone at an unattended screen cannot try password after password.
        if (await users.IsLockedOutAsync(user))
        {
            return AccountResult<(int, int)>.Fail("current", "the current password was wrong 5 times in a row: it cannot be changed for 15 minutes.");
        }
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
        {
            if (result.Errors.Any(e => e.Code == "PasswordMismatch"))
            {
                await users.AccessFailedAsync(user);
                return await users.IsLockedOutAsync(user)
                    ? AccountResult<(int, int)>.Fail("current", "the current password was wrong 5 times in a row: it cannot be changed for 15 minutes, and signing in waits as long.")
                    : AccountResult<(int, int)>.Fail("current", "the current password is wrong.");
            }
            return AccountResult<(int, int)>.Fail("new", string.Join(" ", result.Errors.Select(e => e.Description)));
        }
        await users.ResetAccessFailedCountAsync(user);
        var now = clock.GetUtcNow();
        var open = await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt == null && s.Id != keepSession).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.EndedAt = now;
            session.EndReason = "password-changed";
        }
        var tokens = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
        }
        audit.Stage(db, by.UserId ?? user.Id, by.Name, user.PracticeId, null, "password-change",
            $"{open.Count} other session(s) signed out, {tokens.Count} token(s) revoked");
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult<(int, int)>.Ok((open.Count, tokens.Count));
    }

    /// <summary>
    /// Sets a new password for a login that forgot its own or is locked out (the owner, on the command line): the
    /// lockout is lifted, every session of the login ends and every token is revoked, in one save.
    /// </summary>
    public async Task<AccountResult<(int Sessions, int Tokens)>> SetPasswordAsync(string email, string password, Actor by, CancellationToken cancellationToken = default)
    {
        var user = email.Length is > 0 and <= 256 ? await users.FindByEmailAsync(email.Trim()) : null;
        if (user is null)
        {
            return AccountResult<(int, int)>.Fail("email", "no login has this e-mail.");
        }
        if (await PasswordProblemAsync(user, password) is { } problem)
        {
            return AccountResult<(int, int)>.Fail("password", problem);
        }
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow();
        var open = await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.EndedAt = now;
            session.EndReason = "password-set";
        }
        var tokens = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
        }
        db.Update(user);
        audit.Stage(db, by.UserId, by.Name, user.PracticeId, null, "password-set",
            $"{user.Email}: {open.Count} session(s) signed out, {tokens.Count} token(s) revoked, lockout lifted");
        await db.SaveChangesAsync(cancellationToken);
        return AccountResult<(int, int)>.Ok((open.Count, tokens.Count));
    }

    /// <summary>What is wrong with a new password for <paramref name="user"/> (too short, common), or null if nothing.</summary>
    public async Task<string?> PasswordProblemAsync(CupwiseUser user, string password)
    {
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password);
            if (!valid.Succeeded)
            {
                return string.Join(" ", valid.Errors.Select(e => e.Description));
            }
        }
        return null;
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
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.LastSignInAt, now), cancellationToken);
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
