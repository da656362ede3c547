using System.Security.Claims;
using System.Text.Encodings.Web;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cupwise.Accounts;

/// <summary>
/// <c>Authorization: Bearer cwt_…</c>: looks the token up by its SHA-256 and acts as its login, in that login's
/// practice and role. A revoked or expired token is refused with 401. A login locked by wrong passwords at the
/// sign-in page keeps its tokens: the lockout guards the password, and anyone can type wrong passwords.
/// </summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    CupwiseDbContext db, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var secret = header["Bearer ".Length..].Trim();
        if (!secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return AuthenticateResult.Fail("Not a Cupwise token.");
        }
        var hash = ApiToken.Hash(secret);
        var now = clock.GetUtcNow();
        var found = await (from t in db.ApiTokens.AsNoTracking()
                           join u in db.Users.AsNoTracking() on t.UserId equals u.Id
                           join p in db.Practices.AsNoTracking() on u.PracticeId equals p.Id
                           where t.TokenHash == hash
                           select new { Token = t, User = u, Practice = p }).FirstOrDefaultAsync(Context.RequestAborted);
        if (found is null || !found.Token.IsUsable(now) || found.User.PracticeId != found.Token.PracticeId)
        {
            return AuthenticateResult.Fail("The token is unknown, revoked or expired.");
        }
        var identity = Access.Identity(found.User, found.Practice, SchemeName, sessionId: null, tokenId: found.Token.Id);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}
