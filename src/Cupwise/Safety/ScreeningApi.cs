using Cupwise.Api;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cupwise.Safety;

public static class ScreeningApi
{
    public static void MapScreening(this IEndpointRouteBuilder api)
    {
        api.MapPost("/screening", ScreenPlan).WithName(nameof(ScreenPlan)).WithTags("Safety")
            .WithSummary("Checks the contraindication rules against a client and every planned cup; allowed is false when any finding blocks.");
        api.MapGet("/conditions/codes", OfferConditionCodes).WithName(nameof(OfferConditionCodes)).WithTags("Safety")
            .WithSummary("The ICD-10 codes to offer for a condition written in words (\"Type 2 diabetes\"), best first, with what screening reads each as; empty when none fits.");
    }

    public static Results<Ok<List<ConditionCodeOffer>>, ValidationProblem> OfferConditionCodes(string? text)
    {
        var v = new RequestValidator();
        if (text is { Length: > 200 })
        {
            v.Add("text", $"must be at most 200 characters; got {text.Length}.");
        }
        else if (text is not null && text.Any(char.IsControl))
        {
            v.Add("text", "must not contain control characters.");
        }
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        var catalogue = Domain.Safety.ConditionCatalogue.Standard;
        return TypedResults.Ok(catalogue.OfferCodes(text ?? string.Empty)
            .Select(e => new ConditionCodeOffer(e.Code, e.Title, Domain.Safety.Icd10.Label(e),
                [.. catalogue.ForCode(e.Code).Select(c => c.Title)]))
            .ToList());
    }

    public static Results<Ok<ScreeningResponse>, ValidationProblem> ScreenPlan(ScreeningRequest request)
    {
        var v = new RequestValidator();
        var answer = ScreeningRequests.Answer(request, v);
        return answer is null ? ApiResults.Invalid(v) : TypedResults.Ok(answer);
    }
}
