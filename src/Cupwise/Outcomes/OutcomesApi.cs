using System.ComponentModel;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Outcomes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Outcomes;

public sealed record OutcomeRequest(
    [property: Description("pain (0-10, LOINC 72514-3), range-of-motion (degrees, with joint and direction) or custom (with name, rangeMin, rangeMax, unit).")] string? Kind,
    double? Value,
    [property: Description("before-session, after-session or standalone (between visits).")] string? Timing,
    [property: Description("The session it was taken before or after; required unless standalone.")] string? SessionId,
    [property: Description("When it was taken; now if not given.")] DateTimeOffset? TakenAt,
    [property: Description("Range of motion: the joint, such as cervical spine.")] string? Joint = null,
    [property: Description("Range of motion: the direction, such as rotation left.")] string? Direction = null,
    [property: Description("Custom measure: its name.")] string? Name = null,
    double? RangeMin = null,
    double? RangeMax = null,
    string? Unit = null);

public sealed record OutcomeResponse(
    string Id,
    MeasureKind Kind,
    double Value,
    string Unit,
    string? Joint,
    string? Direction,
    string? Name,
    double RangeMin,
    double RangeMax,
    MeasurementTiming Timing,
    string? SessionId,
    DateTimeOffset TakenAt,
    string? LoincCode);

public static class OutcomesApi
{
    /// <summary>SCIENCE.md §7: pain severity 0–10.</summary>
    public const string PainLoinc = "72514-3";

    public static void MapOutcomes(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/clients/{id}/outcomes").WithTags("Outcomes");
        group.MapPost("/", RecordOutcome).WithName(nameof(RecordOutcome)).WithSummary("Records an outcome measurement: pain, range of motion or a custom measure.");
        group.MapGet("/", ListOutcomes).WithName(nameof(ListOutcomes)).RequireAuthorization(Accounts.Access.OwnRecord).WithSummary("A client's outcome measurements, oldest first.");
    }

    public static async Task<Results<Created<OutcomeResponse>, NotFound, ValidationProblem>> RecordOutcome(
        string id, OutcomeRequest request, CupwiseDbContext db, PracticeScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var kind = v.Parse<MeasureKind>("kind", request.Kind);
        var timing = v.Parse<MeasurementTiming>("timing", request.Timing, required: false) ?? MeasurementTiming.Standalone;
        if (request.Value is null)
        {
            v.Add("value", "is required.");
        }
        Guid? sessionId = null;
        if (request.SessionId is not null)
        {
            if (Guid.TryParse(request.SessionId, out var sid) && await db.Sessions.AnyAsync(s => s.Id == sid && s.ClientId == clientId, cancellationToken))
            {
                sessionId = sid;
            }
            else
            {
                v.Add("sessionId", $"'{request.SessionId}' is not a session of this client.");
            }
        }
        var measure = kind switch
        {
            MeasureKind.Pain => MeasureDefinition.Pain(),
            MeasureKind.RangeOfMotion => v.Try("", () => MeasureDefinition.RangeOfMotion(request.Joint, request.Direction)),
            MeasureKind.Custom => v.Try("", () => MeasureDefinition.Custom(request.Name, request.RangeMin, request.RangeMax, request.Unit)),
            _ => null,
        };
        if (!v.IsValid || measure is null || request.Value is not { } value)
        {
            return ApiResults.Invalid(v);
        }
        var takenAt = request.TakenAt?.ToUniversalTime() ?? clock.GetUtcNow();
        var outcome = v.Try("", () => OutcomeMeasurement.Record(scope.PracticeId, clientId, sessionId, measure, value, timing, takenAt, clock));
        if (outcome is null)
        {
            return ApiResults.Invalid(v);
        }
        db.Outcomes.Add(outcome);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/clients/{clientId}/outcomes", ToResponse(outcome));
    }

    public static async Task<Results<Ok<List<OutcomeResponse>>, NotFound>> ListOutcomes(string id, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var outcomes = await db.Outcomes.AsNoTracking().Where(o => o.ClientId == clientId && !o.EnteredInError)
            .OrderBy(o => o.TakenAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(outcomes.Select(ToResponse).ToList());
    }

    public static OutcomeResponse ToResponse(OutcomeMeasurement o) => new(
        o.Id.ToString(), o.Kind, o.Value, o.Unit, o.Joint, o.Direction, o.Name, o.RangeMinimum, o.RangeMaximum, o.Timing,
        o.SessionId?.ToString(), o.TakenAt, o.Kind == MeasureKind.Pain ? PainLoinc : null);
}
