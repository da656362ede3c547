using System.ComponentModel;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Cupwise.Data.Mail;
using Cupwise.Domain.Practices;
using Cupwise.Mail;
using Cupwise.Scheduling;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Accounts;

public sealed record InviteRequest(
    [property: Description("The new login's e-mail: the invitation goes there.")] string? Email,
    [property: Description("owner, practitioner, front-desk or client.")] string? Role,
    [property: Description("For an owner or practitioner: the practitioner record they chart as (GET /api/v1/practitioners).")] string? PractitionerId = null,
    [property: Description("For a client login: the client record it may see.")] string? ClientId = null);

public sealed record LoginResponse(string Id, string Email, string Role, string Status, string? PractitionerId, string? ClientId, string? LinkedTo,
    bool TwoStepSignIn, DateTimeOffset? LastSignInAt, int SignedInBrowsers, DateTimeOffset CreatedAt);

/// <summary>One login as the owner's page shows it.</summary>
public sealed record LoginRow(CupwiseUser User, string? LinkedTo, LoginStatus Status, int OpenSessions, DateTimeOffset? InvitationExpiresAt);

public enum LoginStatus
{
    Active,
    Invited,
    InvitationExpired,
    Locked,
    Disabled,
}

/// <summary>
/// The owner's actions on the practice's logins — invite by mail, send the invitation again, disable and enable,
/// end sessions, reset two-step sign-in — and the invitee's acceptance: the one write path for the Logins page and
/// the API. Each loads, checks, changes and saves once, with its audit entry and any mail in the same save.
/// </summary>
public sealed class LoginCommands(CupwiseDbContext db, PracticeScope scope, UserManager<CupwiseUser> users, AccountService accounts, MailQueue mail,
    CurrentUser me, TimeProvider clock, Audit.AuditLog audit)
{
    public const int MaxLogins = 500;

    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["email"] = "E-mail",
        ["role"] = "Role",
        ["practitionerId"] = "Charts as",
        ["clientId"] = "Client",
        ["password"] = "New password",
        ["confirm"] = "New password again",
    };

    public static string StatusWords(LoginStatus status) => status switch
    {
        LoginStatus.Active => "Active",
        LoginStatus.Invited => "Invited, not yet accepted",
        LoginStatus.InvitationExpired => "Invitation expired",
        LoginStatus.Locked => "Locked for a while after wrong passwords",
        LoginStatus.Disabled => "Disabled",
    };

    public static string StatusName(LoginStatus status) => status switch
    {
        LoginStatus.Active => "active",
        LoginStatus.Invited => "invited",
        LoginStatus.InvitationExpired => "invitation-expired",
        LoginStatus.Locked => "locked",
        LoginStatus.Disabled => "disabled",
    };

    private string Actor => Audit.AuditMiddleware.Actor(me);

    /// <summary>The practice's logins as rows; with <paramref name="only"/>, just that one (what an API action answers with).</summary>
    public async Task<List<LoginRow>> ListAsync(CancellationToken cancellationToken = default, Guid? only = null)
    {
        var now = clock.GetUtcNow();
        var logins = await db.Users.AsNoTracking().Where(u => u.PracticeId == scope.PracticeId && (only == null || u.Id == only))
            .OrderBy(u => u.Email).Take(MaxLogins).ToListAsync(cancellationToken);
        var ids = logins.Select(u => u.Id).ToList();
        var sessions = await db.UserSessions.AsNoTracking().Where(s => ids.Contains(s.UserId) && s.EndedAt == null)
            .GroupBy(s => s.UserId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var invitations = await db.LoginInvitations.AsNoTracking().Where(i => ids.Contains(i.UserId) && i.AcceptedAt == null && i.WithdrawnAt == null)
            .GroupBy(i => i.UserId).Select(g => new { g.Key, Until = g.Max(i => i.ExpiresAt) }).ToDictionaryAsync(g => g.Key, g => g.Until, cancellationToken);
        var practitionerIds = logins.Where(u => u.PractitionerId is not null).Select(u => u.PractitionerId!.Value).ToList();
        var practitioners = await db.Practitioners.AsNoTracking().Where(p => practitionerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.DisplayName, cancellationToken);
        var clientIds = logins.Where(u => u.ClientId is not null).Select(u => u.ClientId!.Value).ToList();
        var clients = await db.Clients.AsNoTracking().Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.DisplayName, cancellationToken);
        return logins.Select(u =>
        {
            invitations.TryGetValue(u.Id, out var until);
            var status = u.DisabledAt is not null ? LoginStatus.Disabled
                : u.PasswordHash is null ? (until > now ? LoginStatus.Invited : LoginStatus.InvitationExpired)
                : u.LockoutEnd > now ? LoginStatus.Locked : LoginStatus.Active;
            var linked = u.PractitionerId is { } p ? practitioners.GetValueOrDefault(p) : u.ClientId is { } c ? clients.GetValueOrDefault(c) : null;
            return new LoginRow(u, linked, status, sessions.GetValueOrDefault(u.Id), u.PasswordHash is null && until != default ? until : null);
        }).ToList();
    }

    public static LoginResponse Response(LoginRow row) => new(row.User.Id.ToString(), row.User.Email ?? "", Access.RoleName(row.User.Role), StatusName(row.Status),
        row.User.PractitionerId?.ToString(), row.User.ClientId?.ToString(), row.LinkedTo, row.User.TwoFactorEnabled, row.User.LastSignInAt, row.OpenSessions, row.User.CreatedAt);

    /// <summary>
    /// Adds a login without a password and mails it a link to set one. Returns the login and the link (shown once
    /// to the owner, who may pass it on another way when the practice's mail is not set up).
    /// </summary>
    public async Task<CommandResult<(CupwiseUser User, string Link)>> InviteAsync(InviteRequest request, string baseUrl, CancellationToken cancellationToken = default)
    {
        var v = new RequestValidator();
        var email = request.Email?.Trim() ?? string.Empty;
        if (!Practice.IsMailAddress(email))
        {
            v.Add("email", "must be an e-mail address such as ana@example.org, at most 256 characters.");
        }
        if (!Access.TryParseRole(request.Role, out var role))
        {
            v.Add("role", "must be one of owner, practitioner, front-desk, client.");
        }
        Guid? practitionerId = null;
        if (!string.IsNullOrWhiteSpace(request.PractitionerId))
        {
            if (!Guid.TryParse(request.PractitionerId, out var p) || !await db.Practitioners.AnyAsync(x => x.Id == p, cancellationToken))
            {
                v.Add("practitionerId", "must be one of this practice's practitioners.");
            }
            else if (role is not (UserRole.Owner or UserRole.Practitioner))
            {
                v.Add("practitionerId", "only an owner's or a practitioner's login charts as a practitioner.");
            }
            else
            {
                practitionerId = p;
            }
        }
        Guid? clientId = null;
        if (!string.IsNullOrWhiteSpace(request.ClientId))
        {
            if (!Guid.TryParse(request.ClientId, out var c) || !await db.Clients.IgnoreQueryFilters().AnyAsync(x => x.Id == c && x.PracticeId == scope.PracticeId, cancellationToken))
            {
                v.Add("clientId", "must be one of this practice's clients.");
            }
            else if (role != UserRole.Client)
            {
                v.Add("clientId", "only a client login is linked to a client.");
            }
            else
            {
                clientId = c;
            }
        }
        else if (v.IsValid && role == UserRole.Client)
        {
            v.Add("clientId", "is required for a client login: whose record it may see.");
        }
        if (v.IsValid && await users.FindByEmailAsync(email) is not null)
        {
            v.Add("email", "already has a login (in this or another practice).");
        }
        if (v.IsValid && clientId is { } linkedClient && await db.Users.AnyAsync(u => u.ClientId == linkedClient, cancellationToken))
        {
            v.Add("clientId", "already has a login.");
        }
        if (v.IsValid && await db.Users.CountAsync(u => u.PracticeId == scope.PracticeId, cancellationToken) >= MaxLogins)
        {
            v.Add("email", $"a practice has at most {MaxLogins} logins; disable ones no longer used first.");
        }
        if (!v.IsValid)
        {
            return CommandResult<(CupwiseUser, string)>.Invalid(v);
        }
        var now = clock.GetUtcNow();
        var user = new CupwiseUser
        {
            Id = Guid.NewGuid(),
            UserName = email,
            NormalizedUserName = users.NormalizeName(email),
            Email = email,
            NormalizedEmail = users.NormalizeEmail(email),
            EmailConfirmed = false,
            SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(),
            PracticeId = scope.PracticeId,
            Role = role,
            ClientId = clientId,
            PractitionerId = practitionerId,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        db.Users.Add(user);
        var link = await StageInvitationAsync(user, baseUrl, now, cancellationToken);
        audit.Stage(db, me.UserId, Actor, scope.PracticeId, clientId, "login-invite", $"{email} invited as {Words.Of(role).ToLowerInvariant()}");
        await db.SaveChangesAsync(cancellationToken);
        mail.Wake();
        return CommandResult<(CupwiseUser, string)>.Done((user, link));
    }

    /// <summary>
    /// A new link for a login: an invitation again for one that has not set its password yet, or a link to choose a
    /// new password for one that forgot it or is locked out. An earlier link stops working.
    /// </summary>
    public async Task<CommandResult<(CupwiseUser User, string Link)>> ResendAsync(Guid userId, string baseUrl, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(userId, cancellationToken) is not { } user)
        {
            return CommandResult<(CupwiseUser, string)>.NotFound();
        }
        if (user.DisabledAt is not null)
        {
            return CommandResult<(CupwiseUser, string)>.Refused($"{user.Email} is disabled: enable the login before inviting it again.");
        }
        var now = clock.GetUtcNow();
        var link = await StageInvitationAsync(user, baseUrl, now, cancellationToken);
        audit.Stage(db, me.UserId, Actor, scope.PracticeId, user.ClientId, user.PasswordHash is null ? "login-invite" : "password-link",
            user.PasswordHash is null ? $"{user.Email} invited again" : $"{user.Email} sent a link to choose a new password");
        await db.SaveChangesAsync(cancellationToken);
        mail.Wake();
        return CommandResult<(CupwiseUser, string)>.Done((user, link));
    }

    private async Task<string> StageInvitationAsync(CupwiseUser user, string baseUrl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await WithdrawInvitationsAsync(user.Id, now, cancellationToken);
        var (invitation, secret) = LoginInvitation.Create(scope.PracticeId, user.Id, me.IsSignedIn ? me.UserId : null, now);
        db.LoginInvitations.Add(invitation);
        var practice = await db.Practices.AsNoTracking().FirstAsync(p => p.Id == scope.PracticeId, cancellationToken);
        var link = $"{baseUrl.TrimEnd('/')}/invite/{secret}";
        var until = PracticeTime.Words(invitation.ExpiresAt, practice.TimeZone);
        var body = user.PasswordHash is null
            ? $"Hello,\n\n{practice.Name} has made you a Cupwise login ({Words.Of(user.Role).ToLowerInvariant()}) for {user.Email}.\n\nOpen this link to choose your password:\n{link}\n\n"
            : $"Hello,\n\n{practice.Name}'s owner has sent you a link to choose a new password for your Cupwise login {user.Email}.\n\nOpen it to choose one:\n{link}\n\n"
                + "Choosing it signs you out of every browser and revokes your API tokens.\n\n";
        mail.Stage(db, scope.PracticeId, MailKind.Invitation, user.Email!,
            user.PasswordHash is null ? $"Your Cupwise login at {practice.Name}" : $"A new password for your Cupwise login at {practice.Name}",
            body
            + $"The link works once, until {until}. If you did not expect this mail, ignore it: nothing happens without the link.\n",
            key: $"invitation:{invitation.Id:N}");
        return link;
    }

    public async Task<CommandResult<CupwiseUser>> DisableAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(userId, cancellationToken) is not { } user)
        {
            return CommandResult<CupwiseUser>.NotFound();
        }
        if (user.Id == me.UserId)
        {
            return CommandResult<CupwiseUser>.Refused("You cannot disable your own login: another owner can.");
        }
        if (user.DisabledAt is not null)
        {
            return CommandResult<CupwiseUser>.Done(user);
        }
        if (user.Role == UserRole.Owner && !await db.Users.AnyAsync(u => u.PracticeId == scope.PracticeId && u.Id != user.Id && u.Role == UserRole.Owner
                && u.DisabledAt == null && u.PasswordHash != null, cancellationToken))
        {
            return CommandResult<CupwiseUser>.Refused($"{user.Email} is the practice's only active owner: someone must be able to manage the practice.");
        }
        var now = clock.GetUtcNow();
        user.DisabledAt = now;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        var (sessions, tokens) = await EndAccessAsync(user, "disabled", now, cancellationToken);
        await WithdrawInvitationsAsync(user.Id, now, cancellationToken);
        audit.Stage(db, me.UserId, Actor, scope.PracticeId, user.ClientId, "login-disable", $"{user.Email} disabled: {sessions} browser(s) signed out, {tokens} token(s) revoked");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<CupwiseUser>.Done(user);
    }

    public async Task<CommandResult<CupwiseUser>> EnableAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(userId, cancellationToken) is not { } user)
        {
            return CommandResult<CupwiseUser>.NotFound();
        }
        if (user.DisabledAt is null)
        {
            return CommandResult<CupwiseUser>.Done(user);
        }
        user.DisabledAt = null;
        audit.Stage(db, me.UserId, Actor, scope.PracticeId, user.ClientId, "login-enable", $"{user.Email} enabled");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<CupwiseUser>.Done(user);
    }

    /// <summary>Signs the login out of every browser (not of its API tokens); the count of browsers signed out.</summary>
    public async Task<CommandResult<int>> EndSessionsAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(userId, cancellationToken) is not { } user)
        {
            return CommandResult<int>.NotFound();
        }
        var now = clock.GetUtcNow();
        var open = await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt == null && (user.Id != me.UserId || s.Id != me.SessionId)).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.EndedAt = now;
            session.EndReason = "ended-by-owner";
        }
        audit.Stage(db, me.UserId, Actor, scope.PracticeId, user.ClientId, "login-sign-out", $"{user.Email}: {open.Count} browser(s) signed out");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<int>.Done(open.Count);
    }

    /// <summary>
    /// Turns two-step sign-in off for a login that lost its authenticator, with a new key to set up, and signs it out:
    /// its next sign-in is with the password alone (and, where the practice requires two-step, only the account page
    /// opens until it is set up again).
    /// </summary>
    public async Task<CommandResult<CupwiseUser>> ResetTwoStepAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(userId, cancellationToken) is not { } user)
        {
            return CommandResult<CupwiseUser>.NotFound();
        }
        if (!user.TwoFactorEnabled)
        {
            return CommandResult<CupwiseUser>.Refused($"{user.Email} does not use two-step sign-in: there is nothing to reset.");
        }
        var now = clock.GetUtcNow();
        user.TwoFactorEnabled = false;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        var keys = await db.Set<IdentityUserToken<Guid>>().Where(t => t.UserId == user.Id).ToListAsync(cancellationToken);
        db.RemoveRange(keys);
        var open = await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.EndedAt = now;
            session.EndReason = "two-step-reset";
        }
        audit.Stage(db, me.UserId, Actor, scope.PracticeId, user.ClientId, "two-step-reset", $"{user.Email}: two-step sign-in reset, {open.Count} browser(s) signed out");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<CupwiseUser>.Done(user);
    }

    /// <summary>The one client a typed name finds, for the invite form; or what to say when it finds none or several.</summary>
    public async Task<(Guid? Id, string? Problem)> FindClientAsync(string? name, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return (null, "is required for a client login: type the client's name as on their chart.");
        }
        var found = await Clients.ClientSearch.Matching(db.Clients.AsNoTracking(), name).OrderBy(c => c.FamilyName).Take(6)
            .Select(c => new { c.Id, c.GivenName, c.FamilyName }).ToListAsync(cancellationToken);
        return found.Count switch
        {
            0 => (null, $"no client is called '{name.Trim()}'."),
            1 => (found[0].Id, null),
            _ => (null, $"{(found.Count > 5 ? "more than 5" : found.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))} clients match '{name.Trim()}' "
                + $"({string.Join(", ", found.Take(5).Select(c => $"{c.GivenName} {c.FamilyName}"))}): type the full name, or invite from the client's chart."),
        };
    }

    /// <summary>Ends every link still open for the login (a newer one replaces them, or the login is disabled).</summary>
    private async Task WithdrawInvitationsAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var open in await db.LoginInvitations.Where(i => i.UserId == userId && i.AcceptedAt == null && i.WithdrawnAt == null).ToListAsync(cancellationToken))
        {
            open.WithdrawnAt = now;
        }
    }

    private Task<CupwiseUser?> FindAsync(Guid userId, CancellationToken cancellationToken) =>
        db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.PracticeId == scope.PracticeId, cancellationToken);

    private async Task<(int Sessions, int Tokens)> EndAccessAsync(CupwiseUser user, string reason, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var open = await db.UserSessions.Where(s => s.UserId == user.Id && s.EndedAt == null).ToListAsync(cancellationToken);
        foreach (var session in open)
        {
            session.EndedAt = now;
            session.EndReason = reason;
        }
        var tokens = await db.ApiTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null).ToListAsync(cancellationToken);
        foreach (var token in tokens)
        {
            token.RevokedAt = now;
        }
        return (open.Count, tokens.Count);
    }

    /// <summary>The open invitation a link's secret names, with its login and practice; null if none (wrong, used, withdrawn or expired).</summary>
    public async Task<(LoginInvitation Invitation, CupwiseUser User, Practice Practice)?> FindInvitationAsync(string? secret, CancellationToken cancellationToken = default)
    {
        if (secret is not { Length: 64 } || !secret.All(char.IsAsciiHexDigitLower))
        {
            return null;
        }
        var hash = ApiToken.Hash(secret);
        var invitation = await db.LoginInvitations.FirstOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
        if (invitation is null || !invitation.IsOpen(clock.GetUtcNow()))
        {
            return null;
        }
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == invitation.UserId, cancellationToken);
        var practice = await db.Practices.AsNoTracking().FirstOrDefaultAsync(p => p.Id == invitation.PracticeId, cancellationToken);
        return user is null || practice is null || user.DisabledAt is not null ? null : (invitation, user, practice);
    }

    /// <summary>The invitee chooses a password: the link is used up, the login is active and its e-mail confirmed.</summary>
    public async Task<CommandResult<CupwiseUser>> AcceptAsync(string? secret, string? password, string? confirm, CancellationToken cancellationToken = default)
    {
        if (await FindInvitationAsync(secret, cancellationToken) is not var (invitation, user, _))
        {
            return CommandResult<CupwiseUser>.Refused(InvitationGone);
        }
        var v = new RequestValidator();
        password ??= string.Empty;
        if (await accounts.PasswordProblemAsync(user, password) is { } problem)
        {
            v.Add("password", problem);
        }
        else if (password != confirm)
        {
            v.Add("confirm", "is not the same as the new password: type it again.");
        }
        if (!v.IsValid)
        {
            return CommandResult<CupwiseUser>.Invalid(v);
        }
        var now = clock.GetUtcNow();
        var invited = user.PasswordHash is null;
        user.PasswordHash = users.PasswordHasher.HashPassword(user, password);
        user.EmailConfirmed = true;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.AccessFailedCount = 0;
        user.LockoutEnd = null;
        invitation.AcceptedAt = now;
        // Whoever knew the old password may have signed in or made tokens with it.
        var (sessions, tokens) = await EndAccessAsync(user, "password-set", now, cancellationToken);
        audit.Stage(db, user.Id, user.Email!, user.PracticeId, user.ClientId, invited ? "login-accept" : "password-set",
            invited ? $"{user.Email} set a password from the invitation" : $"{user.Email} chose a new password from the owner's link: {sessions} browser(s) signed out, {tokens} token(s) revoked");
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<CupwiseUser>.Done(user);
    }

    public const string InvitationGone = "This invitation link has expired, was already used, or was replaced by a newer one. Ask the practice's owner to send it again.";
}
