using System.Security.Claims;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;

namespace Cupwise.Accounts;

/// <summary>
/// Who may do what, wired from ASP.NET Core's own parts: Identity (passwords, lockout, authenticator codes),
/// a cookie for browsers whose session is also kept server-side, bearer tokens for scripts, and policies by role
/// with a fallback that denies anything not explicitly opened.
/// </summary>
public static class AccountsSetup
{
    /// <summary>Picks the cookie or the bearer token per request.</summary>
    public const string Scheme = "Cupwise";
    public const string CookieScheme = "Cupwise.Cookie";

    public static void AddCupwiseAccounts(this IServiceCollection services, TimeProvider clock, SessionLifetime lifetime)
    {
        services.AddCupwiseIdentity(lifetime).AddSignInManager();
        services.AddHttpContextAccessor();

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "Cookie or bearer token", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? BearerTokenHandler.SchemeName : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = "cupwise.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/login";
                o.AccessDeniedPath = "/access-denied";
                o.ExpireTimeSpan = lifetime.Absolute;
                o.SlidingExpiration = false;
                o.TimeProvider = clock;
                o.Events.OnRedirectToLogin = context => Challenge(context, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = context => Challenge(context, StatusCodes.Status403Forbidden);
                o.Events.OnValidatePrincipal = ValidateSessionAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, o => o.TimeProvider = clock);

        var authorization = services.AddAuthorizationBuilder();
        foreach (var (name, roles) in Access.Policies)
        {
            authorization.AddPolicy(name, p => p.RequireAuthenticatedUser().RequireRole(roles.Select(r => r.ToString())));
        }
        // Anything that names no policy is for clinical staff only; anonymous access is opened endpoint by endpoint.
        var clinical = new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser()
            .RequireRole(Access.Policies[Access.Clinical].Select(r => r.ToString())).Build();
        authorization.SetFallbackPolicy(clinical);
        authorization.SetDefaultPolicy(clinical);
        services.AddCascadingAuthenticationState();
        services.AddScoped<CircuitHandler, AccessCircuitHandler>();
    }

    /// <summary>Identity's users, passwords and lockout, and the account service: shared by the server and the command line.</summary>
    public static IdentityBuilder AddCupwiseIdentity(this IServiceCollection services, SessionLifetime lifetime)
    {
        services.AddSingleton(lifetime);
        services.AddScoped<CurrentUser>();
        services.AddScoped<AccountService>();
        return services.AddIdentityCore<CupwiseUser>(o =>
            {
                // OWASP ASVS 5 V6.2: length, not composition; common passwords refused by CommonPasswordValidator.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<CupwiseDbContext>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddTokenProvider<AuthenticatorTokenProvider<CupwiseUser>>(TokenOptions.DefaultAuthenticatorProvider);
    }

    /// <summary>Authenticates, then narrows the request's practice scope to the caller's, then authorizes.</summary>
    public static void UseCupwiseAccess(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(static async (context, next) =>
        {
            var user = context.RequestServices.GetRequiredService<CurrentUser>();
            user.Load(context.User, context.RequestServices.GetRequiredService<PracticeScope>());
            if (user.TwoStepPending && !OpenWhileTwoStepPending(context.Request.Path))
            {
                // The practice requires two-step sign-in: until this login has set it up, only its account page is open.
                if (IsApi(context.Request.Path))
                {
                    // The same problem format as every other API error.
                    await Results.Problem(title: "Two-step sign-in required", statusCode: StatusCodes.Status403Forbidden,
                        detail: "This practice requires two-step sign-in: set up an authenticator app on /account, then try again.").ExecuteAsync(context);
                    return;
                }
                context.Response.Redirect("/account");
                return;
            }
            await next(context);
        });
        Audit.AuditMiddleware.UseCupwiseAudit(app);
        app.Use(static async (context, next) =>
        {
            if (FromAnotherSite(context))
            {
                await Results.Problem(title: "Refused: sent from another site", statusCode: StatusCodes.Status403Forbidden,
                    detail: "A change made with a signed-in browser must come from Cupwise's own pages. Scripts send an API token instead of the cookie.").ExecuteAsync(context);
                return;
            }
            await next(context);
        });
        app.UseAuthorization();
    }

    /// <summary>
    /// A change (any method but GET, HEAD, OPTIONS, TRACE) carried by the sign-in cookie that a browser says came from
    /// another origin: a page elsewhere posting a form or a fetch into a signed-in Cupwise (cross-site request forgery).
    /// The antiforgery token guards Cupwise's own forms; this guards the API, which takes JSON and uploads without one.
    /// A browser names the origin of every cross-origin POST (Origin) and where a request came from (Sec-Fetch-Site);
    /// a program without a browser sends neither, and with a token, no cookie is involved.
    /// </summary>
    public static bool FromAnotherSite(HttpContext context)
    {
        var request = context.Request;
        // The pages' forms carry an antiforgery token already; the API takes JSON and uploads without one.
        if (!request.Path.StartsWithSegments("/api")
            || HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method) || HttpMethods.IsTrace(request.Method)
            || context.User.Identity?.AuthenticationType != CookieScheme)
        {
            return false;
        }
        if (request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            return true;
        }
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false;
        }
        return !Uri.TryCreate(origin, UriKind.Absolute, out var from)
            || !string.Equals(from.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A new unit of work that acts as <paramref name="user"/> does: same login, practice and client restriction.</summary>
    public static AsyncServiceScope CreateScopeFor(this IServiceScopeFactory scopes, CurrentUser user)
    {
        var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().CopyFrom(user, scope.ServiceProvider.GetRequiredService<PracticeScope>());
        return scope;
    }

    /// <summary>The account page and what it needs: the stylesheet, the script and the icon (fingerprinted names, so any static file outside the API).</summary>
    private static bool OpenWhileTwoStepPending(PathString path) =>
        path.StartsWithSegments("/account") || path.StartsWithSegments("/logout") || path.StartsWithSegments("/_framework")
        || path.StartsWithSegments("/_content") || path.StartsWithSegments("/login")
        || (!IsApi(path) && Path.HasExtension(path.Value) && path.Value!.IndexOf('/', 1) < 0);

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/healthz");

    private static Task Challenge(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (status == StatusCodes.Status403Forbidden && context.HttpContext.GetEndpoint() is null && !IsApi(context.Request.Path))
        {
            // No such page at all: that is what the person is told, whatever their role (the fallback policy would
            // otherwise call it "not for this login").
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        var principal = context.HttpContext.User;
        if (status == StatusCodes.Status403Forbidden && context.Request.Path == "/"
            && Enum.TryParse<UserRole>(principal.FindFirstValue(ClaimTypes.Role), out var role) && role is UserRole.FrontDesk or UserRole.Client)
        {
            // "The start" (Today) is the clinical staff's; everyone else's start is their own page.
            context.Response.Redirect(Access.Home(role, Guid.TryParse(principal.FindFirstValue(Access.ClientClaim), out var own) ? own : null));
            return Task.CompletedTask;
        }
        if (IsApi(context.Request.Path))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task ValidateSessionAsync(CookieValidatePrincipalContext context)
    {
        var session = context.Principal?.FindFirst(Access.SessionClaim)?.Value;
        var accounts = context.HttpContext.RequestServices.GetRequiredService<AccountService>();
        if (!Guid.TryParse(session, out var sessionId) || !await accounts.TouchSessionAsync(sessionId, context.HttpContext.RequestAborted))
        {
            // Ended by signing out, a password change, or a timeout: the cookie is worthless even if replayed.
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }

    /// <summary>An interactive page runs in a circuit with its own services: give it the signed-in user's scope.</summary>
    private sealed class AccessCircuitHandler(AuthenticationStateProvider authentication, CurrentUser user, PracticeScope scope) : CircuitHandler
    {
        public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
        {
            var state = await authentication.GetAuthenticationStateAsync();
            user.Load(state.User, scope);
        }
    }
}
