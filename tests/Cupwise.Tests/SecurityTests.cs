using System.Net;
using System.Text;
using Cupwise.Data.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Cupwise.Tests;

/// <summary>
/// Who can reach what: nothing is anonymous unless it is on the allow-list, and each role reaches exactly the
/// endpoints and pages the access table gives it.
/// </summary>
public sealed class SecurityTests
{
    /// <summary>What may be reached without signing in, and why.</summary>
    private static readonly HashSet<string> AllowList =
    [
        "GET /healthz",            // load balancers and monitors
        "GET /calendar/{token}.ics", // calendar apps: the unguessable token is the credential
        "GET /login", "POST /login", // signing in
        "GET /invite/{Secret}", "POST /invite/{Secret}", // choosing a password from an invitation: the unguessable link is the credential
        "GET /error", "POST /error", // the error page people see
        "GET /not-found", "POST /not-found", // the 404 page (no data)
        "GET /status/{Code:int}", "POST /status/{Code:int}", // the page for an answer without a body (no data)
    ];

    private const string Clinical = "clinical", Desk = "desk", OwnRecord = "own", Owner = "owner", SignedIn = "signed-in";

    /// <summary>The access table of issue 8, endpoint by endpoint (owner ⊇ practitioner; front desk: names, contacts, appointments; client: own record).</summary>
    private static readonly Dictionary<string, string> Table = new()
    {
        ["GET /api/v1/clients"] = Desk,
        ["POST /api/v1/clients"] = Desk,
        ["POST /api/v1/clients/search"] = Desk,
        ["GET /api/v1/clients/{id}"] = OwnRecord,
        ["PUT /api/v1/clients/{id}"] = Clinical,
        ["GET /api/v1/clients/{id}/contact"] = Desk,
        ["PUT /api/v1/clients/{id}/contact"] = Desk,
        ["GET /api/v1/cups"] = Clinical,
        ["POST /api/v1/cups"] = Clinical,
        ["GET /api/v1/sites"] = Clinical,
        ["GET /api/v1/practitioners"] = Desk,
        ["POST /api/v1/practitioners"] = Owner,
        ["GET /api/v1/practitioners/{id}/working-hours"] = Desk,
        ["PUT /api/v1/practitioners/{id}/working-hours"] = Owner,
        ["GET /api/v1/practice/settings"] = Desk,
        ["PUT /api/v1/practice/settings"] = Owner,
        ["POST /api/v1/sessions"] = Clinical,
        ["GET /api/v1/sessions/{id}"] = OwnRecord,
        ["POST /api/v1/sessions/{id}/cups"] = Clinical,
        ["PUT /api/v1/sessions/{id}/cups/{cupApplicationId}"] = Clinical,
        ["POST /api/v1/sessions/{id}/cups/{cupApplicationId}/take-off-plan"] = Clinical,
        ["PUT /api/v1/sessions/{id}/notes"] = Clinical,
        ["POST /api/v1/sessions/{id}/discard"] = Clinical,
        ["POST /api/v1/sessions/{id}/cups/{cupApplicationId}/apply"] = Clinical,
        ["POST /api/v1/sessions/{id}/cups/{cupApplicationId}/remove"] = Clinical,
        ["POST /api/v1/sessions/{id}/overrides"] = Clinical,
        ["POST /api/v1/sessions/{id}/vitals"] = Clinical,
        ["GET /api/v1/sessions/{id}/screening"] = Clinical,
        ["POST /api/v1/sessions/{id}/complete"] = Clinical,
        ["POST /api/v1/sessions/{id}/amendments"] = Clinical,
        ["POST /api/v1/sessions/{id}/entered-in-error"] = Clinical,
        ["GET /api/v1/clients/{id}/sessions"] = OwnRecord,
        ["POST /api/v1/clients/{id}/outcomes"] = Clinical,
        ["GET /api/v1/clients/{id}/outcomes"] = OwnRecord,
        ["POST /api/v1/suction/estimate"] = Clinical,
        ["POST /api/v1/screening"] = Clinical,
        ["GET /api/v1/conditions/codes"] = Clinical,
        ["POST /api/v1/clients/{id}/mark-observations"] = Clinical,
        ["GET /api/v1/clients/{id}/mark-observations"] = OwnRecord,
        ["GET /api/v1/clients/{id}/sites/eligibility"] = OwnRecord,
        ["POST /api/v1/clients/{id}/photos"] = Clinical,
        ["GET /api/v1/clients/{id}/photos"] = Clinical,
        ["GET /api/v1/photos/{photoId}"] = Clinical,
        ["POST /api/v1/photos/{photoId}/entered-in-error"] = Clinical,
        ["GET /api/v1/protocols"] = Clinical,
        ["POST /api/v1/protocols"] = Clinical,
        ["GET /api/v1/clients/{id}/plans"] = OwnRecord,
        ["POST /api/v1/clients/{id}/plans"] = Clinical,
        ["GET /api/v1/plans/{id}"] = OwnRecord,
        ["POST /api/v1/plans/{id}/close"] = Clinical,
        ["GET /api/v1/plans/{id}/progress"] = OwnRecord,
        ["POST /api/v1/sessions/{id}/adverse-events"] = Clinical,
        ["GET /api/v1/clients/{id}/adverse-events"] = Clinical,
        ["GET /api/v1/reports/outcomes"] = Clinical,
        ["POST /api/v1/appointments"] = Desk,
        ["POST /api/v1/appointments/{id}/move"] = Desk,
        ["POST /api/v1/appointments/{id}/cancel"] = Desk,
        ["POST /api/v1/appointments/{id}/arrived"] = Desk,
        ["POST /api/v1/appointments/{id}/no-show"] = Desk,
        ["GET /api/v1/calendar"] = Desk,
        ["GET /api/v1/services"] = Desk,
        ["POST /api/v1/services"] = Owner,
        ["POST /api/v1/services/{id}/retire"] = Owner,
        ["GET /api/v1/practitioners/{id}/appointments"] = Desk,
        ["GET /api/v1/clients/{id}/next-slots"] = Desk,
        ["POST /api/v1/practitioners/{id}/calendar-feed"] = Clinical,
        ["DELETE /api/v1/practitioners/{id}/calendar-feed"] = Clinical,
        ["GET /openapi/{documentName}.json"] = Clinical,
        ["GET /api/v1/audit"] = Owner,
        ["GET /api/v1/clients/{id}/access"] = Owner,
        ["GET /api/v1/tokens"] = SignedIn,
        ["POST /api/v1/tokens"] = SignedIn,
        ["DELETE /api/v1/tokens/{id}"] = SignedIn,
        ["GET /api/v1/users"] = Owner,
        ["POST /api/v1/users"] = Owner,
        ["GET /api/v1/logins"] = Owner,
        ["POST /api/v1/logins/invitations"] = Owner,
        ["POST /api/v1/logins/{id}/password-link"] = Owner,
        ["POST /api/v1/logins/{id}/disable"] = Owner,
        ["POST /api/v1/logins/{id}/enable"] = Owner,
        ["POST /api/v1/logins/{id}/sign-out"] = Owner,
        ["POST /api/v1/logins/{id}/reset-two-step"] = Owner,
        ["GET /api/v1/mail/settings"] = Owner,
        ["PUT /api/v1/mail/settings"] = Owner,
        ["POST /api/v1/mail/test"] = Owner,
        ["GET /api/v1/mail/client-mail"] = Owner,
        ["PUT /api/v1/mail/client-mail"] = Owner,
        ["GET /api/v1/mail"] = Owner,
        ["GET /settings/logins"] = Owner,
        ["GET /settings/mail"] = Owner,
        ["GET /audit"] = Owner,
        ["GET /clients/{Id:guid}/access"] = Owner,
        ["GET /api/v1/practice/access"] = Owner,
        ["PUT /api/v1/practice/access"] = Owner,
        ["GET /api/v1/clients/{id}/access-grants"] = Owner,
        ["POST /api/v1/clients/{id}/access-grants"] = Owner,
        // Pages
        ["GET /"] = Clinical,
        ["GET /clients"] = Desk,
        ["GET /clients/new"] = Desk, // the front desk sees identity and contact only
        ["GET /clients/{Id:guid}"] = Clinical,
        ["GET /clients/{Id:guid}/edit"] = Desk,
        ["GET /calendar"] = Desk,
        ["GET /calendar/book"] = Desk,
        ["GET /calendar/visits/{Id:guid}"] = Desk,
        ["GET /clients/{Id:guid}/summary"] = OwnRecord,
        ["GET /sessions/{Id:guid}"] = Clinical,
        ["GET /plans/{Id:guid}"] = Clinical,
        ["GET /protocols"] = Clinical,
        ["GET /reports"] = Clinical,
        ["GET /settings"] = Owner,
        ["GET /account"] = SignedIn,
        ["GET /logout"] = SignedIn,
        ["GET /access-denied"] = SignedIn,
        ["GET /_framework/opaque-redirect"] = SignedIn,
        ["GET /{**path:file}"] = Clinical, // files not in the build's manifest (none in a build); the fallback policy applies
        ["HEAD /{**path:file}"] = Clinical,
    };

    private static readonly Dictionary<string, UserRole[]> Roles = new()
    {
        [Clinical] = [UserRole.Owner, UserRole.Practitioner],
        [Desk] = [UserRole.Owner, UserRole.Practitioner, UserRole.FrontDesk],
        [OwnRecord] = [UserRole.Owner, UserRole.Practitioner, UserRole.Client],
        [Owner] = [UserRole.Owner],
        [SignedIn] = [UserRole.Owner, UserRole.Practitioner, UserRole.FrontDesk, UserRole.Client],
    };

    [Fact]
    public async Task NothingIsAnonymousUnlessItIsOnTheAllowList()
    {
        await using var app = await CupwiseApp.StartAsync();
        var endpoints = Endpoints(app);
        var open = endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null && !IsStaticAsset(e.Endpoint))
            .SelectMany(e => e.Methods.Select(m => $"{m} {e.Pattern}")).ToHashSet();
        Assert.Empty(open.Except(AllowList));

        // And asked for without credentials, every other route is refused: 401 for programs, the login page for people.
        var failures = new List<string>();
        foreach (var (endpoint, pattern, methods) in endpoints.Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null))
        {
            foreach (var method in methods)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern)) { Content = method == "GET" ? null : Json("{}") };
                var response = await app.Anonymous.SendAsync(request);
                var ok = response.StatusCode == HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath == "/login");
                if (!ok)
                {
                    failures.Add($"{method} {pattern}: {(int)response.StatusCode}");
                }
            }
        }
        Assert.Empty(failures);
    }

    [Fact]
    public async Task EachRoleReachesExactlyWhatTheAccessTableGivesIt()
    {
        await using var app = await CupwiseApp.StartAsync();
        var endpoints = Endpoints(app).Where(e => e.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null && !e.Pattern.StartsWith("/_blazor", StringComparison.Ordinal)).ToList();
        var routes = endpoints.SelectMany(e => e.Methods.Where(m => m != "POST" || e.Pattern.StartsWith("/api", StringComparison.Ordinal) || e.Pattern.StartsWith("/openapi", StringComparison.Ordinal))
            .Select(m => $"{m} {e.Pattern}")).ToHashSet();
        Assert.Empty(routes.Except(Table.Keys)); // a new route must be added to the table
        Assert.Empty(Table.Keys.Except(routes)); // and the table names no route that is gone

        var client = await app.NewClientAsync();
        var callers = new Dictionary<UserRole, HttpClient>
        {
            [UserRole.Owner] = app.Client,
            [UserRole.Practitioner] = await app.ClientAsAsync(UserRole.Practitioner),
            [UserRole.FrontDesk] = await app.ClientAsAsync(UserRole.FrontDesk),
            [UserRole.Client] = await app.ClientAsAsync(UserRole.Client, clientId: Guid.Parse(client.Id)),
        };
        var wrong = new List<string>();
        foreach (var (route, policy) in Table)
        {
            var method = route[..route.IndexOf(' ')];
            var pattern = route[(route.IndexOf(' ') + 1)..];
            if (route == "POST /api/v1/tokens")
            {
                // These callers hold tokens, and a token never makes a token whatever its role (AbuseTests); a person
                // of every role, signed in, may.
                continue;
            }
            foreach (var (role, caller) in callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), Fill(pattern)) { Content = method == "GET" ? null : Json("{}") };
                var response = await caller.SendAsync(request);
                var refused = response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Unauthorized
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.AbsolutePath is "/access-denied" or "/login");
                var allowed = Roles[policy].Contains(role);
                if (allowed == refused)
                {
                    wrong.Add($"{role} {route}: {(int)response.StatusCode} ({(allowed ? "should be allowed" : "should be refused")})");
                }
            }
        }
        Assert.Empty(wrong);
    }

    private static List<(RouteEndpoint Endpoint, string Pattern, string[] Methods)> Endpoints(CupwiseApp app) =>
        [.. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => !IsStaticAsset(e))
            .Select(e => (e, Normalize(e.RoutePattern.RawText!), e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.ToArray() ?? ["GET"]))];

    private static string Normalize(string pattern)
    {
        var p = "/" + pattern.Trim('/');
        return p;
    }

    private static bool IsStaticAsset(RouteEndpoint endpoint) =>
        endpoint.Metadata.Any(m => m.GetType().FullName == "Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor");

    /// <summary>A concrete address for a pattern: every parameter an id that names nothing.</summary>
    private static string Fill(string pattern) =>
        System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]+\\}", m => m.Value.StartsWith("{documentName", StringComparison.Ordinal) ? "v1"
            : m.Value.StartsWith("{token", StringComparison.Ordinal) ? "nothing" : Guid.NewGuid().ToString());

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
