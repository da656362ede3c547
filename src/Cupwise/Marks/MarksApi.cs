using System.ComponentModel;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Marks;
using Cupwise.Domain.Quantities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cupwise.Marks;

public sealed record MarkFollowUpRequest(
    [property: Description("A body-site id.")] string? SiteId,
    [property: Description("none, left or right, as the site allows.")] string? Side,
    [property: Description("The grade seen, 0 (clear) to 4.")] int? Grade,
    [property: Description("When it was seen; now if not given.")] DateTimeOffset? ObservedAt,
    [property: Description("practitioner (default) or client.")] string? Source,
    string? Notes);

public sealed record MarkFollowUpResponse(string Id, string SiteId, string Side, int Grade, DateTimeOffset ObservedAt, string Source, string? Notes);

public sealed record SiteEligibilityResponse(
    [property: Description("The body-site id.")] string Site,
    [property: Description("none, left or right.")] string Side,
    [property: Description("When the last cup on this site came off.")] DateTimeOffset LastTreated,
    [property: Description("The grade of that cup's mark at removal (0–4), when recorded.")] int? MarkGrade,
    [property: Description("Forecast clearance, earliest of an 80 % range; the day it was seen clear when it was; null when no mark is expected.")] DateTimeOffset? PredictedClearFrom,
    [property: Description("Forecast clearance, latest of an 80 % range.")] DateTimeOffset? PredictedClearTo,
    [property: Description("The most likely clearance.")] DateTimeOffset? ClearBy,
    [property: Description("The first moment the site may be cupped again: the later of its clearance and the practice's minimum interval.")] DateTimeOffset EligibleFrom,
    string Reason);

public static class MarksApi
{
    public static void MapMarks(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/clients/{id}").WithTags("Marks");
        group.MapPost("/mark-observations", RecordMarkFollowUp).WithName(nameof(RecordMarkFollowUp))
            .WithSummary("Records a follow-up look at a site: the mark's grade on that day, or 0 when clear. The forecast learns from it.");
        group.MapGet("/mark-observations", ListMarkFollowUps).WithName(nameof(ListMarkFollowUps)).RequireAuthorization(Accounts.Access.OwnRecord).WithSummary("A client's follow-up observations, oldest first.");
        group.MapGet("/sites/eligibility", GetSiteEligibility).WithName(nameof(GetSiteEligibility)).RequireAuthorization(Accounts.Access.OwnRecord)
            .WithSummary("Per site: when its marks are forecast to clear and when it may be cupped again (docs/marks.md).");
    }

    public static async Task<Results<Created<MarkFollowUpResponse>, NotFound, ValidationProblem>> RecordMarkFollowUp(
        string id, MarkFollowUpRequest request, MarkCommands commands, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId))
        {
            return TypedResults.NotFound();
        }
        var result = await commands.RecordFollowUpAsync(clientId, request, cancellationToken);
        return result.Status switch
        {
            CommandStatus.Done => TypedResults.Created($"/api/v1/clients/{clientId}/mark-observations", ToResponse(result.Value!)),
            CommandStatus.NotFound => TypedResults.NotFound(),
            CommandStatus.Invalid or CommandStatus.Stale or CommandStatus.Refused or CommandStatus.NeedsConfirmation =>
                TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid."),
        };
    }

    public static async Task<Results<Ok<List<MarkFollowUpResponse>>, NotFound, ValidationProblem>> ListMarkFollowUps(string id, [AsParameters] PageQuery paging,
        CupwiseDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var list = await Paging.PageAsync(db.MarkFollowUps.AsNoTracking().Where(o => o.ClientId == clientId).OrderBy(o => o.ObservedAt).ThenBy(o => o.Id),
            paging, http, v, cancellationToken);
        return list is null ? ApiResults.Invalid(v) : TypedResults.Ok(list.Select(ToResponse).ToList());
    }

    public static async Task<Results<Ok<List<SiteEligibilityResponse>>, NotFound>> GetSiteEligibility(string id, CupwiseDbContext db, IMemoryCache cache, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId))
        {
            return TypedResults.NotFound();
        }
        var data = await Clients.ClientChartData.LoadAsync(db, clientId, cache, cancellationToken);
        if (data is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(data.Eligibility().Select(e => new SiteEligibilityResponse(e.SiteId, ApiJson.Name(e.Side), e.LastTreated, e.MarkGrade?.Grade,
            e.ClearFrom, e.ClearTo, e.ClearBy, e.EligibleFrom, e.Reason)).ToList());
    }

    private static MarkFollowUpResponse ToResponse(MarkFollowUp o) =>
        new(o.Id.ToString(), o.SiteId, ApiJson.Name(o.Side), o.Grade.Grade, o.ObservedAt, ApiJson.Name(o.Source), o.Notes);
}
