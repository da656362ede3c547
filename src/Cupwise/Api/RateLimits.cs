using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Cupwise.Api;

/// <summary>
/// Limits on the endpoints that hand out many records at once or answer to a secret in the address: the outcome
/// report (and its CSV), and the calendar feeds (whose token could otherwise be guessed at speed). Per caller
/// address, a fixed window; over it, 429 with a ProblemDetails body and Retry-After.
/// </summary>
public static class RateLimits
{
    public const string Exports = "exports";

    /// <summary>Sign-in attempts (form posts), per caller address; password guessing is also stopped per login by lockout.</summary>
    public const string SignIn = "sign-in";

    /// <summary>Creating and revoking API tokens.</summary>
    public const string Tokens = "tokens";

    /// <summary>Requests per caller per minute on an export or feed endpoint.</summary>
    public const int ExportsPerMinute = 30;

    public const int SignInsPerMinute = 10;
    public const int TokensPerMinute = 10;

    public static void AddCupwiseRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Exports, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = ExportsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            // Only posts count: looking at the sign-in page is free, trying a password is not.
            options.AddPolicy(SignIn, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter("sign-in " + (context.Connection.RemoteIpAddress?.ToString() ?? "local"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = SignInsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("sign-in view"));
            options.AddPolicy(Tokens, context => RateLimitPartition.GetFixedWindowLimiter(
                "tokens " + (context.Connection.RemoteIpAddress?.ToString() ?? "local"),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = TokensPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                var path = context.HttpContext.Request.Path;
                if (path.StartsWithSegments("/login"))
                {
                    // A person at the sign-in page: a page, with what to do, not a program's answer.
                    context.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                    await context.HttpContext.Response.WriteAsync(TooManySignIns, cancellationToken);
                    return;
                }
                var what = path.StartsWithSegments("/login") ? $"At most {SignInsPerMinute} sign-in attempts a minute from one address"
                    : path.StartsWithSegments("/api/v1/tokens") ? $"At most {TokensPerMinute} token changes a minute"
                    : $"At most {ExportsPerMinute} requests a minute to reports, exports and calendar feeds";
                await context.HttpContext.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"{what}; try again in a minute.",
                }, options: null, contentType: "application/problem+json", cancellationToken: cancellationToken);
            };
        });

    private static readonly string TooManySignIns = $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1.0" />
        <title>Too many sign-in attempts · Cupwise</title><link rel="stylesheet" href="/app.css" /></head>
        <body><header class="bar"><a class="brand" href="/login">Cupwise</a></header>
        <main><h1>Too many sign-in attempts</h1>
        <p class="alert" role="alert">At most {{SignInsPerMinute}} sign-in attempts a minute are taken from one address. Wait a minute, then try again.</p>
        <p><a class="btn primary" href="/login">Back to signing in</a></p></main></body></html>
        """;
}
