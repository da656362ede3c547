using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Practices;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Practitioners;

public sealed record PractitionerRequest(string? DisplayName, string? Profession);

public sealed record PractitionerResponse(string Id, string DisplayName, string? Profession);

public static class PractitionersApi
{
    public static void MapPractitioners(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/practitioners").WithTags("Practitioners");
        group.MapGet("/", ListPractitioners).WithName(nameof(ListPractitioners)).WithSummary("Lists the practice's practitioners.");
        group.MapPost("/", CreatePractitioner).WithName(nameof(CreatePractitioner)).WithSummary("Adds a practitioner to the practice.");
    }

    public static async Task<Ok<List<PractitionerResponse>>> ListPractitioners(CupwiseDbContext db, CancellationToken cancellationToken)
    {
        var list = await db.Practitioners.AsNoTracking().OrderBy(p => p.DisplayName)
            .Select(p => new { p.Id, p.DisplayName, p.Profession }).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(p => new PractitionerResponse(p.Id.ToString(), p.DisplayName, p.Profession)).ToList());
    }

    public static async Task<Results<Created<PractitionerResponse>, ValidationProblem>> CreatePractitioner(
        PractitionerRequest request, CupwiseDbContext db, PracticeScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var practitioner = v.Try("", () => new Practitioner(Guid.NewGuid(), scope.PracticeId, request.DisplayName ?? string.Empty, request.Profession, clock.GetUtcNow()));
        if (practitioner is null)
        {
            return ApiResults.Invalid(v);
        }
        db.Practitioners.Add(practitioner);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/practitioners/{practitioner.Id}",
            new PractitionerResponse(practitioner.Id.ToString(), practitioner.DisplayName, practitioner.Profession));
    }
}
