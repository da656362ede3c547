using System.Security.Claims;
using Cupwise.Data;
using Cupwise.Data.Accounts;

namespace Cupwise.Accounts;

/// <summary>The claims a Cupwise login carries, and the policies endpoints and pages name.</summary>
public static class Access
{
    public const string PracticeClaim = "cupwise:practice";
    public const string PracticeNameClaim = "cupwise:practice-name";
    public const string ClientClaim = "cupwise:client";
    public const string SessionClaim = "cupwise:session";
    public const string TokenClaim = "cupwise:token";

    /// <summary>The practice asks for two-step sign-in and this login has not set it up yet: only /account is open.</summary>
    public const string TwoStepPendingClaim = "cupwise:two-step-pending";

    /// <summary>The practice lets practitioners see only the clients in their care (and break-glass grants).</summary>
    public const string OwnClientsOnlyClaim = "cupwise:own-clients-only";

    /// <summary>Owners and practitioners: clinical records. Also the fallback for any endpoint that names no policy.</summary>
    public const string Clinical = "clinical";

    /// <summary>Owners, practitioners and the front desk: client names and contact details, appointments.</summary>
    public const string Desk = "desk";

    /// <summary>Clinical staff, and a client reading their own record (the client filter narrows what they see).</summary>
    public const string OwnRecord = "own-record";

    /// <summary>Owners: the practice's settings, users, audit log and break-glass grants.</summary>
    public const string Owner = "owner";

    /// <summary>Any signed-in login (their own account page, signing out).</summary>
    public const string SignedIn = "signed-in";

    public static readonly IReadOnlyDictionary<string, UserRole[]> Policies = new Dictionary<string, UserRole[]>
    {
        [Clinical] = [UserRole.Owner, UserRole.Practitioner],
        [Desk] = [UserRole.Owner, UserRole.Practitioner, UserRole.FrontDesk],
        [OwnRecord] = [UserRole.Owner, UserRole.Practitioner, UserRole.Client],
        [Owner] = [UserRole.Owner],
        [SignedIn] = [UserRole.Owner, UserRole.Practitioner, UserRole.FrontDesk, UserRole.Client],
    };

    /// <summary>Reads a role as the command line and the API spell it (front-desk or frontdesk), ignoring case.</summary>
    public static bool TryParseRole(string? text, out UserRole role)
    {
        role = default;
        switch (text?.Trim().ToLowerInvariant())
        {
            case "owner": role = UserRole.Owner; return true;
            case "practitioner": role = UserRole.Practitioner; return true;
            case "front-desk" or "frontdesk": role = UserRole.FrontDesk; return true;
            case "client": role = UserRole.Client; return true;
            default: return false;
        }
    }

    /// <summary>Where a login starts, and where the logo leads: Today for clinical staff, the client list for the front desk, a client's own record.</summary>
    public static string Home(UserRole role, Guid? clientId) => role switch
    {
        UserRole.Client when clientId is { } own => $"/clients/{own}/summary",
        UserRole.FrontDesk => "/calendar",
        _ => "/",
    };

    /// <summary>The role as the command line and the API spell it: owner, practitioner, front-desk, client.</summary>
    public static string RoleName(UserRole role) => role switch
    {
        UserRole.FrontDesk => "front-desk",
        _ => role.ToString().ToLowerInvariant(),
    };

    public static ClaimsIdentity Identity(CupwiseUser user, Domain.Practices.Practice? practice, string scheme, Guid? sessionId, Guid? tokenId, bool twoStepPending = false)
    {
        var practiceName = practice?.Name ?? string.Empty;
        var identity = new ClaimsIdentity(scheme, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(ClaimTypes.NameIdentifier, user.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Email ?? user.UserName ?? user.Id.ToString()));
        identity.AddClaim(new Claim(ClaimTypes.Role, user.Role.ToString()));
        identity.AddClaim(new Claim(PracticeClaim, user.PracticeId.ToString()));
        identity.AddClaim(new Claim(PracticeNameClaim, practiceName));
        if (user.ClientId is { } client)
        {
            identity.AddClaim(new Claim(ClientClaim, client.ToString()));
        }
        if (sessionId is { } session)
        {
            identity.AddClaim(new Claim(SessionClaim, session.ToString()));
        }
        if (tokenId is { } token)
        {
            identity.AddClaim(new Claim(TokenClaim, token.ToString()));
        }
        if (twoStepPending)
        {
            identity.AddClaim(new Claim(TwoStepPendingClaim, "1"));
        }
        if (practice?.PractitionersSeeOwnClientsOnly == true)
        {
            identity.AddClaim(new Claim(OwnClientsOnlyClaim, "1"));
        }
        return identity;
    }
}

/// <summary>Who is asking, read once from the login's claims (per request, or per interactive circuit).</summary>
public sealed class CurrentUser(TimeProvider clock)
{
    public bool IsSignedIn { get; private set; }
    public Guid UserId { get; private set; }
    public string Name { get; private set; } = string.Empty;
    public UserRole Role { get; private set; }
    public Guid PracticeId { get; private set; }
    public string PracticeName { get; private set; } = string.Empty;
    public Guid? ClientId { get; private set; }
    public Guid? SessionId { get; private set; }
    public Guid? TokenId { get; private set; }
    public bool TwoStepPending { get; private set; }
    public bool OwnClientsOnly { get; private set; }

    public bool Is(params UserRole[] roles) => IsSignedIn && roles.Contains(Role);

    /// <summary>Who acts, as recorded on amendments, reasons, revisions and measurements: the login's name (its e-mail).</summary>
    public string Actor => IsSignedIn && Name.Length > 0 ? Name : "command line";

    public void CopyFrom(CurrentUser other, PracticeScope scope)
    {
        if (!other.IsSignedIn)
        {
            return;
        }
        (IsSignedIn, UserId, Name, Role, PracticeId, PracticeName, ClientId, SessionId, TokenId, TwoStepPending, OwnClientsOnly) =
            (true, other.UserId, other.Name, other.Role, other.PracticeId, other.PracticeName, other.ClientId, other.SessionId, other.TokenId, other.TwoStepPending, other.OwnClientsOnly);
        Narrow(scope);
    }

    /// <summary>Reads the principal and narrows <paramref name="scope"/> to the login's practice (and own record for a client).</summary>
    public void Load(ClaimsPrincipal principal, PracticeScope scope)
    {
        if (principal.Identity?.IsAuthenticated != true
            || !Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(Access.PracticeClaim), out var practiceId)
            || !Enum.TryParse<UserRole>(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return;
        }
        IsSignedIn = true;
        UserId = userId;
        Name = principal.FindFirstValue(ClaimTypes.Name) ?? string.Empty;
        Role = role;
        PracticeId = practiceId;
        PracticeName = principal.FindFirstValue(Access.PracticeNameClaim) ?? string.Empty;
        ClientId = Guid.TryParse(principal.FindFirstValue(Access.ClientClaim), out var client) ? client : null;
        SessionId = Guid.TryParse(principal.FindFirstValue(Access.SessionClaim), out var session) ? session : null;
        TokenId = Guid.TryParse(principal.FindFirstValue(Access.TokenClaim), out var token) ? token : null;
        TwoStepPending = principal.HasClaim(c => c.Type == Access.TwoStepPendingClaim);
        OwnClientsOnly = principal.HasClaim(c => c.Type == Access.OwnClientsOnlyClaim);
        Narrow(scope);
    }

    private void Narrow(PracticeScope scope)
    {
        scope.Set(PracticeId);
        if (Role == UserRole.Client)
        {
            // A client login without a linked record sees nothing rather than everything.
            scope.RestrictToClient(ClientId ?? Guid.NewGuid());
        }
        if (Role == UserRole.Practitioner && OwnClientsOnly)
        {
            scope.RestrictToCareOf(UserId, clock.GetUtcNow());
        }
    }
}
