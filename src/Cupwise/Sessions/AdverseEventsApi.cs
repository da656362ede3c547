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
        string id, AdverseEventRequest request, CupwiseDbContext db, PracticeScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var sessionId) || await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken) is not { } session)
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var kind = v.Parse<AdverseEventKind>("kind", request.Kind);
        var severity = v.Parse<AdverseEventSeverity>("severity", request.Severity);
        if (request.SiteId is not null && StandardCatalogue.Sites.All(s => s.Id != request.SiteId))
        {
            v.Add("siteId", $"'{request.SiteId}' is not a known body site.");
        }
        if (!v.IsValid || kind is null || severity is null)
        {
            return ApiResults.Invalid(v);
        }
        var adverse = v.Try("", () => AdverseEvent.Record(scope.PracticeId, session, kind.Value, severity.Value, request.SiteId, request.Notes,
            request.OccurredAt?.ToUniversalTime(), clock));
        if (adverse is null)
        {
            return ApiResults.Invalid(v);
        }
        db.AdverseEvents.Add(adverse);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/clients/{adverse.ClientId}/adverse-events", ToResponse(adverse));
    }

    public static async Task<Results<Ok<List<AdverseEventResponse>>, NotFound>> ListAdverseEvents(string id, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var list = await db.AdverseEvents.AsNoTracking().Where(e => e.ClientId == clientId && !e.EnteredInError).OrderByDescending(e => e.OccurredAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(ToResponse).ToList());
    }

    private static AdverseEventResponse ToResponse(AdverseEvent e) =>
        new(e.Id.ToString(), e.SessionId.ToString(), ApiJson.Name(e.Kind), ApiJson.Name(e.Severity), e.SiteId, e.Notes, e.OccurredAt, e.RecordedAt);
}
