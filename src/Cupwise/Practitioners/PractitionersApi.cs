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
        string id, List<WorkingHoursSpan>? request, CupwiseDbContext db, PracticeScope scope, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var practitionerId) || await db.Practitioners.FirstOrDefaultAsync(p => p.Id == practitionerId, cancellationToken) is not { } practitioner)
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var spans = new List<WorkingHours>();
        var items = request ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var day = v.Parse<DayOfWeek>($"hours[{i}].day", items[i].Day, required: true);
            var from = ReadTime(v, $"hours[{i}].from", items[i].From);
            var to = ReadTime(v, $"hours[{i}].to", items[i].To);
            if (day is { } d && from is { } f && to is { } t)
            {
                spans.Add(new WorkingHours(d, f, t));
            }
        }
        if (v.IsValid)
        {
            v.Run("", () => practitioner.SetWorkingHours(spans));
        }
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        await db.SaveChangesAsync(cancellationToken);
        var zone = await db.Practices.AsNoTracking().Where(p => p.Id == scope.PracticeId).Select(p => p.TimeZoneId).FirstAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(practitioner, zone));
    }

    public static async Task<Ok<PracticeSettingsResponse>> GetPracticeSettings(CupwiseDbContext db, PracticeScope scope, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.AsNoTracking().FirstAsync(p => p.Id == scope.PracticeId, cancellationToken);
        return TypedResults.Ok(new PracticeSettingsResponse(practice.Id.ToString(), practice.Name, practice.TimeZoneId, practice.MinimumSiteIntervalDays));
    }

    public static async Task<Results<Ok<PracticeSettingsResponse>, ValidationProblem>> ChangePracticeSettings(
        PracticeSettingsRequest request, CupwiseDbContext db, PracticeScope scope, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.FirstAsync(p => p.Id == scope.PracticeId, cancellationToken);
        var v = new RequestValidator();
        if (!v.Run("", () => practice.ChangeSettings(request.TimeZone ?? practice.TimeZoneId, request.MinimumSiteIntervalDays ?? practice.MinimumSiteIntervalDays)))
        {
            return ApiResults.Invalid(v);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new PracticeSettingsResponse(practice.Id.ToString(), practice.Name, practice.TimeZoneId, practice.MinimumSiteIntervalDays));
    }

    private static TimeOnly? ReadTime(RequestValidator v, string field, string? value)
    {
        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        v.Add(field, "is required: a time of day as HH:mm, for example 09:00.");
        return null;
    }

    private static WorkingHoursResponse ToResponse(Practitioner p, string zone) =>
        new(p.Id.ToString(), zone, [.. p.WorkingHours.Select(h => new WorkingHoursSpan(ApiJson.Name(h.Day), h.From.ToString("HH:mm", CultureInfo.InvariantCulture), h.To.ToString("HH:mm", CultureInfo.InvariantCulture)))]);

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
