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

    /// <summary>Requests per caller per minute on an export or feed endpoint.</summary>
    public const int ExportsPerMinute = 30;

    public static void AddCupwiseRateLimits(this IServiceCollection services) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Exports, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = ExportsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"At most {ExportsPerMinute} requests a minute to reports and calendar feeds; try again in a minute.",
                }, options: null, contentType: "application/problem+json", cancellationToken: cancellationToken);
            };
        });
}
