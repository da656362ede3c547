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
    string? Unit = null)
{
    /// <summary>Required when the session is already completed: why the measurement is added afterwards (kept as the session's amendment).</summary>
    [Description("Required when the session is already completed: why the measurement is added afterwards (kept as the session's amendment).")]
    public string? Reason { get; init; }
}

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
    string? LoincCode)
{
    /// <summary>Who recorded it (the login's e-mail).</summary>
    [Description("Who recorded it: the login's e-mail.")]
    public string? RecordedBy { get; init; }
}

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

    public static async Task<Results<Created<OutcomeResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RecordOutcome(
        string id, OutcomeRequest request, OutcomeCommands commands, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId))
        {
            return TypedResults.NotFound();
        }
        var result = await commands.RecordAsync(clientId, request, cancellationToken);
        return result.Status switch
        {
            CommandStatus.Done => TypedResults.Created($"/api/v1/clients/{clientId}/outcomes", ToResponse(result.Value!)),
            CommandStatus.NotFound => TypedResults.NotFound(),
            CommandStatus.Invalid => TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid."),
            CommandStatus.Stale => ApiResults.Conflict(),
            CommandStatus.Refused or CommandStatus.NeedsConfirmation => ApiResults.StateConflict(result.Message ?? string.Empty),
        };
    }

    public static async Task<Results<Ok<List<OutcomeResponse>>, NotFound, ValidationProblem>> ListOutcomes(string id, [AsParameters] PageQuery paging,
        CupwiseDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var outcomes = await Paging.PageAsync(db.Outcomes.AsNoTracking().Where(o => o.ClientId == clientId && !o.EnteredInError)
            .OrderBy(o => o.TakenAt).ThenBy(o => o.Id), paging, http, v, cancellationToken);
        return outcomes is null ? ApiResults.Invalid(v) : TypedResults.Ok(outcomes.Select(ToResponse).ToList());
    }

    public static OutcomeResponse ToResponse(OutcomeMeasurement o) => new(
        o.Id.ToString(), o.Kind, o.Value, o.Unit, o.Joint, o.Direction, o.Name, o.RangeMinimum, o.RangeMaximum, o.Timing,
        o.SessionId?.ToString(), o.TakenAt, o.Kind == MeasureKind.Pain ? PainLoinc : null)
    {
        RecordedBy = o.RecordedBy,
    };
}
