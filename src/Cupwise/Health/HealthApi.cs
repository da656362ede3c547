using Cupwise.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cupwise.Health;

public static class HealthApi
{
    public static void MapHealth(this IEndpointRouteBuilder app) =>
        app.MapGet("/healthz", GetHealth).AllowAnonymous()
            .AddOpenApiOperationTransformer((operation, _, _) => { operation.Security = []; return Task.CompletedTask; }) // no token needed
            .WithName(nameof(GetHealth)).WithSummary("200 when the database answers; 503 otherwise.").WithTags("Health");

    public static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> GetHealth(CupwiseDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            if (await db.Database.CanConnectAsync(cancellationToken))
            {
                return TypedResults.Ok(new HealthResponse("ok"));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Reported below as unavailable; the cause is in the server log.
        }
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The database does not answer.");
    }
}

public sealed record HealthResponse(string Status);
