using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace Cupwise.Data.Accounts;

/// <summary>What a login may do in its practice (issue 8's table).</summary>
public enum UserRole
{
    /// <summary>Manages the practice and its users; charts as a practitioner does.</summary>
    Owner,

    /// <summary>Charts: clients with their health history, sessions, outcomes, marks, plans.</summary>
    Practitioner,

    /// <summary>Clients' names and contact details and appointments; no health history or clinical notes.</summary>
    FrontDesk,

    /// <summary>A person treated by the practice (or using a home kit): sees only their own record.</summary>
    Client,
}

/// <summary>A login. Each belongs to exactly one practice, with one role there.</summary>
public sealed class CupwiseUser : IdentityUser<Guid>
{
    public Guid PracticeId { get; set; }
    public UserRole Role { get; set; }

    /// <summary>The practitioner record a practitioner or owner charts as, if any.</summary>
    public Guid? PractitionerId { get; set; }

    /// <summary>For the client role: the one client record this login may see.</summary>
    public Guid? ClientId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When an owner disabled the login: it cannot sign in, and its sessions and tokens were ended then.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    /// <summary>The start of its latest signed-in session.</summary>
    public DateTimeOffset? LastSignInAt { get; set; }
}

/// <summary>
/// An owner's invitation to a new login: a link, sent by mail, to set the login's password. Only the SHA-256 of the
/// link's secret is kept; it works once, within <see cref="Lifetime"/>.
/// </summary>
public sealed class LoginInvitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; set; }
    public Guid PracticeId { get; set; }
    public Guid UserId { get; set; }
    public string TokenHash { get; set; } = string.Empty;
    public Guid? InvitedByUserId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>Set when a newer invitation to the same login replaced this one.</summary>
    public DateTimeOffset? WithdrawnAt { get; set; }

    public static (LoginInvitation Invitation, string Secret) Create(Guid practiceId, Guid userId, Guid? invitedBy, DateTimeOffset now)
    {
        var secret = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (new LoginInvitation
        {
            Id = Guid.NewGuid(),
            PracticeId = practiceId,
            UserId = userId,
            TokenHash = ApiToken.Hash(secret),
            InvitedByUserId = invitedBy,
            CreatedAt = now,
            ExpiresAt = now + Lifetime,
        }, secret);
    }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && WithdrawnAt is null && ExpiresAt > now;
}

/// <summary>
/// One signed-in browser. The cookie carries only this row's id; signing out, a password change or an idle or
/// absolute timeout ends the row, and a cookie naming an ended row is refused even if replayed.
/// </summary>
public sealed class UserSession
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }

    /// <summary>signed-out, password-changed, idle, lifetime, revoked.</summary>
    public string? EndReason { get; set; }
}

/// <summary>
/// A bearer token for scripts and integrations. Only its SHA-256 is stored: the token itself is shown once.
/// It acts as its user, in the user's practice and role.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "cwt_";

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public Guid PracticeId { get; set; }
    public string Name { get; set; } = string.Empty;
    public string TokenHash { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Makes a token of 256 random bits; returns the row and the secret to show once.</summary>
    public static (ApiToken Token, string Secret) Create(Guid userId, Guid practiceId, string name, DateTimeOffset now, DateTimeOffset? expiresAt)
    {
        var secret = Prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (new ApiToken
        {
            Id = Guid.NewGuid(),
            UserId = userId,
            PracticeId = practiceId,
            Name = name,
            TokenHash = Hash(secret),
            CreatedAt = now,
            ExpiresAt = expiresAt,
        }, secret);
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public bool IsUsable(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}

/// <summary>
/// A practitioner's access to one client when the practice lets practitioners see only their own clients: lasting
/// for the clients in their care (added, charted or booked by them), or break-glass — granted by an owner, for a
/// reason, until a time, after which it ends by itself.
/// </summary>
public sealed class AccessGrant
{
    public const string Care = "care";
    public const string BreakGlass = "break-glass";

    public Guid Id { get; set; }
    public Guid PracticeId { get; set; }
    public Guid ClientId { get; set; }
    public Guid UserId { get; set; }
    public string Kind { get; set; } = Care;
    public Guid? GrantedByUserId { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset GrantedAt { get; set; }

    /// <summary>Null for care, which lasts.</summary>
    public DateTimeOffset? ExpiresAt { get; set; }
}
