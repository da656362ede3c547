using Cupwise.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cupwise.Safety;

public static class ScreeningApi
{
    public static void MapScreening(this IEndpointRouteBuilder api) =>
        api.MapPost("/screening", ScreenPlan).WithName(nameof(ScreenPlan)).WithTags("Safety")
            .WithSummary("Checks the contraindication rules against a client and every planned cup; allowed is false when any finding blocks.");

    public static Results<Ok<ScreeningResponse>, ValidationProblem> ScreenPlan(ScreeningRequest request)
    {
        var v = new RequestValidator();
        var answer = ScreeningRequests.Answer(request, v);
        return answer is null ? ApiResults.Invalid(v) : TypedResults.Ok(answer);
    }
}
