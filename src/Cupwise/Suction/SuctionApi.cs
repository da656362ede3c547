using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Suction;

public static class SuctionApi
{
    public static void MapSuction(this IEndpointRouteBuilder api) =>
        api.MapPost("/suction/estimate", EstimateSuction).WithName(nameof(EstimateSuction)).WithTags("Suction")
            .WithSummary("Predicts the pressure inside a cup and the tissue lift over the first 15 minutes, with the assumptions used and any safety findings.");

    public static async Task<Results<Ok<SuctionEstimateResponse>, ValidationProblem>> EstimateSuction(
        SuctionEstimateRequest request, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        Cup? cup = request.CupId is null ? null : await db.Cups.AsNoTracking().FirstOrDefaultAsync(c => c.Id == request.CupId, cancellationToken);
        BodySite? site = request.SiteId is null ? null : await db.BodySites.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SiteId, cancellationToken);
        var v = new RequestValidator();
        var answer = SuctionEstimates.Answer(request, _ => cup, _ => site, v);
        return answer is null ? ApiResults.Invalid(v) : TypedResults.Ok(answer);
    }
}
