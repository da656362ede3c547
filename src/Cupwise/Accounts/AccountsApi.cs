using System.ComponentModel;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Accounts;

public sealed record TokenRequest(
    [property: Description("What the token is for, up to 100 characters.")] string? Name,
    [property: Description("Days until it stops working, 1–3650; without it, until revoked.")] int? ExpiresDays);

public sealed record TokenCreatedResponse(string Id, string Name, [property: Description("The bearer token. Shown only in this response; only its hash is kept.")] string Token, DateTimeOffset? ExpiresAt);

public sealed record TokenResponse(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt);

public sealed record UserRequest(
    [property: Description("The login's e-mail.")] string? Email,
    [property: Description("owner, practitioner, front-desk or client.")] string? Role,
    [property: Description("At least 12 characters and not a common password.")] string? Password,
    [property: Description("For a client login: the client record it may see.")] string? ClientId,
    [property: Description("For a practitioner's login: their practitioner record (GET /api/v1/practitioners).")] string? PractitionerId = null);

public sealed record UserResponse(string Id, string Email, string Role, string? ClientId, bool TwoStepSignIn, bool Locked, DateTimeOffset CreatedAt, string? PractitionerId = null);

/// <summary>API tokens of the caller; the practice's logins, for its owners.</summary>
public static class AccountsApi
{
    public static void MapAccounts(this IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/tokens").WithTags("Accounts").RequireAuthorization(Access.SignedIn);
        tokens.MapGet("/", ListTokens).WithName(nameof(ListTokens)).WithSummary("Your API tokens (never the tokens themselves).");
        tokens.MapPost("/", CreateToken).WithName(nameof(CreateToken)).RequireRateLimiting(RateLimits.Tokens)
            .WithSummary("Creates an API token acting as you, in your practice and role. The token is in this response only.");
        tokens.MapDelete("/{id}", RevokeToken).WithName(nameof(RevokeToken)).RequireRateLimiting(RateLimits.Tokens)
            .WithSummary("Revokes one of your tokens (an owner: any token of the practice). It answers 401 from then on.");

        var users = api.MapGroup("/users").WithTags("Accounts").RequireAuthorization(Access.Owner);
        users.MapGet("/", ListUsers).WithName(nameof(ListUsers)).WithSummary("The practice's logins.");
        users.MapPost("/", AddUser).WithName(nameof(AddUser)).WithSummary("Adds a login to the practice.");
    }

    public static async Task<Results<Ok<List<TokenResponse>>, ValidationProblem>> ListTokens([AsParameters] PageQuery paging, CupwiseDbContext db, CurrentUser user,
        HttpContext http, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var rows = await Paging.PageAsync(db.ApiTokens.AsNoTracking().Where(t => t.UserId == user.UserId).OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Id),
            paging, http, v, cancellationToken);
        return rows is null ? ApiResults.Invalid(v) : TypedResults.Ok(rows.Select(t => new TokenResponse(t.Id.ToString(), t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt)).ToList());
    }

    public static async Task<Results<Created<TokenCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateToken(TokenRequest request, AccountService accounts,
        UserManager<CupwiseUser> users, CurrentUser user, CancellationToken cancellationToken)
    {
        if (user.TokenId is not null)
        {
            // A token that makes tokens would outlive its own revocation through them: a person signs in to make one.
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Tokens are created by a person signed in",
                detail: "An API token cannot create another token. Sign in to Cupwise and create it there, or use 'cupwise token create'.");
        }
        var me = await users.FindByIdAsync(user.UserId.ToString());
        var result = me is null ? AccountResult<(ApiToken, string)>.Fail("user", "Your login no longer exists.")
            : await accounts.CreateTokenAsync(me, request.Name ?? "token", request.ExpiresDays, AccountService.Actor.Of(user), cancellationToken);
        if (!result.Succeeded)
        {
            var v = new RequestValidator();
            v.Add(result.Field!, result.Error!);
            return ApiResults.Invalid(v);
        }
        var (token, secret) = result.Value;
        return TypedResults.Created($"/api/v1/tokens/{token.Id}", new TokenCreatedResponse(token.Id.ToString(), token.Name, secret, token.ExpiresAt));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeToken(string id, AccountService accounts, CurrentUser user,
        CancellationToken cancellationToken)
    {
        // Your own tokens; an owner, any of the practice's.
        var token = Guid.TryParse(id, out var tokenId)
            ? await accounts.RevokeTokenAsync(tokenId, user.PracticeId, AccountService.Actor.Of(user), user.Role == UserRole.Owner ? null : user.UserId, cancellationToken)
            : null;
        if (token is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<List<UserResponse>>, ValidationProblem>> ListUsers([AsParameters] PageQuery paging, CupwiseDbContext db, CurrentUser user,
        TimeProvider clock, HttpContext http, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var v = new RequestValidator();
        var rows = await Paging.PageAsync(db.Users.AsNoTracking().Where(u => u.PracticeId == user.PracticeId).OrderBy(u => u.Email).ThenBy(u => u.Id),
            paging, http, v, cancellationToken);
        if (rows is null)
        {
            return ApiResults.Invalid(v);
        }
        return TypedResults.Ok(rows.Select(u => new UserResponse(u.Id.ToString(), u.Email ?? "", Access.RoleName(u.Role), u.ClientId?.ToString(),
            u.TwoFactorEnabled, u.LockoutEnd > now, u.CreatedAt, u.PractitionerId?.ToString())).ToList());
    }

    public static async Task<Results<Created<UserResponse>, ValidationProblem>> AddUser(UserRequest request, AccountService accounts, CurrentUser user,
        Audit.AuditLog audit, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        if (!Access.TryParseRole(request.Role, out var role))
        {
            v.Add("role", "must be one of owner, practitioner, front-desk, client.");
        }
        Guid? clientId = null;
        if (request.ClientId is { } raw)
        {
            if (Guid.TryParse(raw, out var parsed))
            {
                clientId = parsed;
            }
            else
            {
                v.Add("clientId", "must be a client id.");
            }
        }
        Guid? practitionerId = null;
        if (request.PractitionerId is { } rawPractitioner)
        {
            if (Guid.TryParse(rawPractitioner, out var parsed)) { practitionerId = parsed; } else { v.Add("practitionerId", "must be a practitioner id."); }
        }
        if (string.IsNullOrWhiteSpace(request.Email) || request.Email.Length > 256 || !request.Email.Contains('@'))
        {
            v.Add("email", "must be an e-mail address of at most 256 characters.");
        }
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        var result = await accounts.AddUserAsync(user.PracticeId, request.Email!, role, request.Password ?? string.Empty, clientId, practitionerId, cancellationToken);
        if (!result.Succeeded)
        {
            v.Add(result.Field == "practitioner" ? "practitionerId" : result.Field == "client" ? "clientId" : result.Field!, result.Error!);
            return ApiResults.Invalid(v);
        }
        var added = result.Value!;
        audit.Record(user.UserId, Audit.AuditMiddleware.Actor(user), user.PracticeId, clientId, "user-add", $"{Access.RoleName(role)} {added.Email}", "ok");
        return TypedResults.Created($"/api/v1/users/{added.Id}", new UserResponse(added.Id.ToString(), added.Email!, Access.RoleName(role), added.ClientId?.ToString(), false, false, added.CreatedAt, added.PractitionerId?.ToString()));
    }
}
