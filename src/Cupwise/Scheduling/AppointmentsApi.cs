using System.ComponentModel;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Scheduling;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cupwise.Scheduling;

public sealed record AppointmentRequest(
    string? ClientId,
    string? PractitionerId,
    DateTimeOffset? Start,
    [property: Description("Length, 1 to 240 minutes; 45 if not given.")] int? Minutes,
    string? Room,
    [property: Description("Sites the visit will treat, as site:side (lower-back:left).")] IReadOnlyList<string>? PlannedSites);

public sealed record MoveAppointmentRequest(int? Version, DateTimeOffset? Start, int? Minutes, string? Room);

public sealed record CancelAppointmentRequest(string? Reason);

public sealed record AppointmentResponse(string Id, string ClientId, string PractitionerId, string? Room, DateTimeOffset Start, DateTimeOffset End,
    AppointmentStatus Status, string? CancelReason, IReadOnlyList<string> PlannedSites, int Version);

public sealed record SlotsResponse(DateTimeOffset EarliestForSites, IReadOnlyList<DateTimeOffset> Slots);

public static class AppointmentsApi
{
    public const int DefaultMinutes = 45;

    public static void MapAppointments(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/appointments").WithTags("Scheduling");
        group.MapPost("/", BookAppointment).WithName(nameof(BookAppointment)).RequireAuthorization(Accounts.Access.Desk).WithSummary("Books an appointment; a clash with the practitioner's or the room's bookings gives 409.");
        group.MapPost("/{id}/move", MoveAppointment).WithName(nameof(MoveAppointment)).RequireAuthorization(Accounts.Access.Desk).WithSummary("Moves an appointment; a stale version or a clash gives 409.");
        group.MapPost("/{id}/cancel", CancelAppointment).WithName(nameof(CancelAppointment)).RequireAuthorization(Accounts.Access.Desk).WithSummary("Cancels an appointment, with a reason.");
        api.MapGet("/practitioners/{id}/appointments", ListPractitionerAppointments).WithName(nameof(ListPractitionerAppointments)).RequireAuthorization(Accounts.Access.Desk).WithTags("Scheduling")
            .WithSummary("A practitioner's booked appointments from a date (today if not given), for 14 days.");
        api.MapGet("/clients/{id}/next-slots", SuggestNextSlots).WithName(nameof(SuggestNextSlots)).RequireAuthorization(Accounts.Access.Desk).WithTags("Scheduling")
            .WithSummary("The first free times with a practitioner on or after the day the planned sites are eligible again.");
    }

    public static async Task<Results<Created<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> BookAppointment(
        AppointmentRequest request, CupwiseDbContext db, PracticeScope scope, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var clientId = Guid.TryParse(request.ClientId, out var c) && await db.Clients.AnyAsync(x => x.Id == c, cancellationToken) ? c : (Guid?)null;
        var practitionerId = Guid.TryParse(request.PractitionerId, out var p) && await db.Practitioners.AnyAsync(x => x.Id == p, cancellationToken) ? p : (Guid?)null;
        if (clientId is null) { v.Add("clientId", "is not a client of this practice."); }
        if (practitionerId is null) { v.Add("practitionerId", "is not a practitioner of this practice."); }
        if (request.Start is null) { v.Add("start", "is required, as an ISO 8601 time such as 2026-12-01T09:30:00Z."); }
        var sites = ReadSites(request.PlannedSites, v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        var appointment = v.Try("", () => Appointment.Book(scope.PracticeId, clientId!.Value, practitionerId!.Value, request.Room, request.Start!.Value,
            TimeSpan.FromMinutes(request.Minutes ?? DefaultMinutes), sites));
        if (appointment is null)
        {
            return ApiResults.Invalid(v);
        }
        if (await Booking.ClashAsync(db, appointment, cancellationToken) is { } clash)
        {
            return ApiResults.StateConflict(clash);
        }
        db.Appointments.Add(appointment);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/appointments/{appointment.Id}", ToResponse(appointment));
    }

    public static async Task<Results<Ok<AppointmentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> MoveAppointment(
        string id, MoveAppointmentRequest request, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var appointmentId) || await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken) is not { } appointment)
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        if (request.Version is null) { v.Add("version", "is required: send the version you read."); }
        if (request.Start is null) { v.Add("start", "is required."); }
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        if (request.Version != appointment.Version)
        {
            return ApiResults.Conflict(appointment.Version);
        }
        db.Entry(appointment).Property(a => a.Version).OriginalValue = request.Version!.Value;
        var minutes = request.Minutes ?? (int)(appointment.End - appointment.Start).TotalMinutes;
        if (!v.Run("", () => appointment.Move(request.Start!.Value, TimeSpan.FromMinutes(minutes), request.Room ?? appointment.Room)))
        {
            return ApiResults.Invalid(v);
        }
        if (await Booking.ClashAsync(db, appointment, cancellationToken) is { } clash)
        {
            return ApiResults.StateConflict(clash);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ApiResults.Conflict();
        }
        return TypedResults.Ok(ToResponse(appointment));
    }

    public static async Task<Results<Ok<AppointmentResponse>, NotFound, ValidationProblem>> CancelAppointment(
        string id, CancelAppointmentRequest request, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var appointmentId) || await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken) is not { } appointment)
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        if (!v.Run("", () => appointment.Cancel(request.Reason ?? string.Empty)))
        {
            return ApiResults.Invalid(v);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(appointment));
    }

    public static async Task<Results<Ok<List<AppointmentResponse>>, NotFound>> ListPractitionerAppointments(
        string id, DateTimeOffset? from, CupwiseDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var practitionerId) || !await db.Practitioners.AnyAsync(p => p.Id == practitionerId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var start = (from ?? clock.GetUtcNow()).ToUniversalTime();
        var end = start.AddDays(14);
        var list = await db.Appointments.AsNoTracking()
            .Where(a => a.PractitionerId == practitionerId && a.Status == AppointmentStatus.Booked && a.End > start && a.Start < end)
            .OrderBy(a => a.Start).ToListAsync(cancellationToken);
        return TypedResults.Ok(list.Select(ToResponse).ToList());
    }

    public static async Task<Results<Ok<SlotsResponse>, NotFound, ValidationProblem>> SuggestNextSlots(
        string id, string? practitionerId, string? sites, int? minutes, CupwiseDbContext db, IMemoryCache cache, TimeProvider clock, CancellationToken cancellationToken)
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
        var v = new RequestValidator();
        var practitioner = Guid.TryParse(practitionerId, out var p) && await db.Practitioners.AnyAsync(x => x.Id == p, cancellationToken) ? p : (Guid?)null;
        if (practitioner is null) { v.Add("practitionerId", "is required: a practitioner of this practice."); }
        var planned = ReadSites(sites?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        var (earliest, slots) = await Booking.SuggestAsync(db, data, practitioner!.Value, planned, TimeSpan.FromMinutes(minutes ?? DefaultMinutes), clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new SlotsResponse(earliest, slots));
    }

    private static List<string> ReadSites(IReadOnlyList<string>? given, RequestValidator v)
    {
        var sites = new List<string>();
        var items = given ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var parts = items[i].Split(':');
            var site = StandardCatalogue.Sites.FirstOrDefault(s => s.Id == parts[0]);
            var side = parts.Length > 1 ? parts[1] : "none";
            if (site is null || side is not ("none" or "left" or "right"))
            {
                v.Add($"plannedSites[{i}]", $"'{items[i]}' must be site:side, such as lower-back:left (sides: none, left, right).");
                continue;
            }
            sites.Add($"{site.Id}:{side}");
        }
        return sites;
    }

    private static AppointmentResponse ToResponse(Appointment a) => new(a.Id.ToString(), a.ClientId.ToString(), a.PractitionerId.ToString(), a.Room,
        a.Start, a.End, a.Status, a.CancelReason, a.PlannedSites, a.Version);
}
