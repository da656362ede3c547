using System.ComponentModel;
using System.Globalization;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Practices;
using Cupwise.Domain.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Practitioners;

public sealed record PractitionerRequest(string? DisplayName, string? Profession);

public sealed record PractitionerResponse(string Id, string DisplayName, string? Profession);

/// <summary>One span of working hours, in practice time.</summary>
public sealed record WorkingHoursSpan(
    [property: Description("monday … sunday")] string? Day,
    [property: Description("Start, HH:mm in practice time.")] string? From,
    [property: Description("End, HH:mm in practice time.")] string? To);

public sealed record WorkingHoursResponse(string PractitionerId, string TimeZone, List<WorkingHoursSpan> Hours);

public sealed record PracticeSettingsRequest(
    [property: Description("An IANA time zone such as Europe/Berlin; working hours and times people read are in it.")] string? TimeZone,
    [property: Description("Days between sessions on one site, 3 to 60 (SCIENCE.md §2: at least 3).")] int? MinimumSiteIntervalDays);

public sealed record PracticeSettingsResponse(string Id, string Name, string TimeZone, int MinimumSiteIntervalDays);

public static class PractitionersApi
{
    public static void MapPractitioners(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/practitioners").WithTags("Practitioners");
        group.MapGet("/", ListPractitioners).WithName(nameof(ListPractitioners)).RequireAuthorization(Accounts.Access.Desk).WithSummary("Lists the practice's practitioners.");
        group.MapPost("/", CreatePractitioner).WithName(nameof(CreatePractitioner)).RequireAuthorization(Accounts.Access.Owner).WithSummary("Adds a practitioner to the practice.");
        group.MapGet("/{id}/working-hours", GetWorkingHours).WithName(nameof(GetWorkingHours)).RequireAuthorization(Accounts.Access.Desk)
            .WithSummary("A practitioner's working hours, in practice time (Monday to Friday 09:00–17:00 until set).");
        group.MapPut("/{id}/working-hours", SetWorkingHours).WithName(nameof(SetWorkingHours)).RequireAuthorization(Accounts.Access.Owner)
            .WithSummary("Replaces a practitioner's working hours. Next-slot suggestions keep inside them.");
        var practice = api.MapGroup("/practice").WithTags("Practice");
        practice.MapGet("/settings", GetPracticeSettings).WithName(nameof(GetPracticeSettings)).RequireAuthorization(Accounts.Access.Desk).WithSummary("The practice's time zone and minimum interval between sessions on one site.");
        practice.MapPut("/settings", ChangePracticeSettings).WithName(nameof(ChangePracticeSettings)).RequireAuthorization(Accounts.Access.Owner).WithSummary("Changes the practice's time zone and minimum site interval.");
    }

    public static async Task<Results<Ok<WorkingHoursResponse>, NotFound>> GetWorkingHours(string id, CupwiseDbContext db, PracticeScope scope, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var practitionerId) || await db.Practitioners.AsNoTracking().FirstOrDefaultAsync(p => p.Id == practitionerId, cancellationToken) is not { } practitioner)
        {
            return TypedResults.NotFound();
        }
        var zone = await db.Practices.AsNoTracking().Where(p => p.Id == scope.PracticeId).Select(p => p.TimeZoneId).FirstAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(practitioner, zone));
    }

    public static async Task<Results<Ok<WorkingHoursResponse>, NotFound, ValidationProblem>> SetWorkingHours(
        string id, List<WorkingHoursSpan>? request, PracticeCommands commands, CupwiseDbContext db, PracticeScope scope, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var practitionerId))
        {
            return TypedResults.NotFound();
        }
        var result = await commands.SetWorkingHoursAsync(practitionerId, request, cancellationToken);
        if (result.Status == CommandStatus.NotFound)
        {
            return TypedResults.NotFound();
        }
        if (!result.IsDone)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid.");
        }
        var zone = await db.Practices.AsNoTracking().Where(p => p.Id == scope.PracticeId).Select(p => p.TimeZoneId).FirstAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(result.Value!, zone));
    }

    public static async Task<Ok<PracticeSettingsResponse>> GetPracticeSettings(CupwiseDbContext db, PracticeScope scope, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.AsNoTracking().FirstAsync(p => p.Id == scope.PracticeId, cancellationToken);
        return TypedResults.Ok(new PracticeSettingsResponse(practice.Id.ToString(), practice.Name, practice.TimeZoneId, practice.MinimumSiteIntervalDays));
    }

    public static async Task<Results<Ok<PracticeSettingsResponse>, ValidationProblem>> ChangePracticeSettings(
        PracticeSettingsRequest request, PracticeCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.ChangeSettingsAsync(request, cancellationToken);
        if (!result.IsDone)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid.");
        }
        var practice = result.Value!;
        return TypedResults.Ok(new PracticeSettingsResponse(practice.Id.ToString(), practice.Name, practice.TimeZoneId, practice.MinimumSiteIntervalDays));
    }

    private static WorkingHoursResponse ToResponse(Practitioner p, string zone) =>
        new(p.Id.ToString(), zone, [.. p.WorkingHours.Select(h => new WorkingHoursSpan(ApiJson.Name(h.Day), h.From.ToString("HH:mm", CultureInfo.InvariantCulture), h.To.ToString("HH:mm", CultureInfo.InvariantCulture)))]);

    public static async Task<Results<Ok<List<PractitionerResponse>>, ValidationProblem>> ListPractitioners([AsParameters] PageQuery paging, CupwiseDbContext db,
        HttpContext http, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var list = await Paging.PageAsync(db.Practitioners.AsNoTracking().OrderBy(p => p.DisplayName).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.DisplayName, p.Profession }), paging, http, v, cancellationToken);
        return list is null ? ApiResults.Invalid(v) : TypedResults.Ok(list.Select(p => new PractitionerResponse(p.Id.ToString(), p.DisplayName, p.Profession)).ToList());
    }

    public static async Task<Results<Created<PractitionerResponse>, ValidationProblem>> CreatePractitioner(
        PractitionerRequest request, PracticeCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.AddPractitionerAsync(request, cancellationToken);
        if (!result.IsDone)
        {
            return TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid.");
        }
        var practitioner = result.Value!;
        return TypedResults.Created($"/api/v1/practitioners/{practitioner.Id}",
            new PractitionerResponse(practitioner.Id.ToString(), practitioner.DisplayName, practitioner.Profession));
    }
}
