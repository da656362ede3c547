using System.ComponentModel;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Sessions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Sessions;

public sealed record AdverseEventRequest(
    [property: Description("burn, blister, scar, skin-infection, fainting, dizziness, nausea, unexpected-bruising, koebner-reaction or other.")] string? Kind,
    [property: Description("mild, moderate or severe.")] string? Severity,
    [property: Description("The body site, if it was at one.")] string? SiteId,
    [property: Description("What happened; required for kind other.")] string? Notes,
    [property: Description("When it happened; now if not given.")] DateTimeOffset? OccurredAt);

public sealed record AdverseEventResponse(string Id, string SessionId, string Kind, string Severity, string? SiteId, string? Notes, DateTimeOffset OccurredAt, DateTimeOffset RecordedAt);

/// <summary>Adverse events after cupping (SCIENCE.md §5), recorded per session.</summary>
public static class AdverseEventsApi
{
    public static void MapAdverseEvents(this IEndpointRouteBuilder api)
    {
        api.MapPost("/sessions/{id}/adverse-events", RecordAdverseEvent).WithName(nameof(RecordAdverseEvent)).WithTags("Sessions")
            .WithSummary("Records an adverse event after a session: a burn, blister, fainting and so on, with its severity.");
        api.MapGet("/clients/{id}/adverse-events", ListAdverseEvents).WithName(nameof(ListAdverseEvents)).WithTags("Sessions")
            .WithSummary("A client's adverse events, newest first.");
    }

    public static async Task<Results<Created<AdverseEventResponse>, NotFound, ValidationProblem>> RecordAdverseEvent(
        string id, AdverseEventRequest request, AdverseEventCommands commands, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var sessionId))
        {
            return TypedResults.NotFound();
        }
        var result = await commands.RecordAsync(sessionId, request, cancellationToken);
        return result.Status switch
        {
            CommandStatus.Done => TypedResults.Created($"/api/v1/clients/{result.Value!.ClientId}/adverse-events", ToResponse(result.Value)),
            CommandStatus.NotFound => TypedResults.NotFound(),
            CommandStatus.Invalid or CommandStatus.Stale or CommandStatus.Refused or CommandStatus.NeedsConfirmation =>
                TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid."),
        };
    }

    public static async Task<Results<Ok<List<AdverseEventResponse>>, NotFound, ValidationProblem>> ListAdverseEvents(string id, [AsParameters] PageQuery paging,
        CupwiseDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var list = await Paging.PageAsync(db.AdverseEvents.AsNoTracking().Where(e => e.ClientId == clientId && !e.EnteredInError)
            .OrderByDescending(e => e.OccurredAt).ThenBy(e => e.Id), paging, http, v, cancellationToken);
        return list is null ? ApiResults.Invalid(v) : TypedResults.Ok(list.Select(ToResponse).ToList());
    }

    private static AdverseEventResponse ToResponse(AdverseEvent e) =>
        new(e.Id.ToString(), e.SessionId.ToString(), ApiJson.Name(e.Kind), ApiJson.Name(e.Severity), e.SiteId, e.Notes, e.OccurredAt, e.RecordedAt);
}
