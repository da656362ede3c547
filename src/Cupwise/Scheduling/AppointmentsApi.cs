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
    [property: Description("Sites the visit will treat, as site:side (lower-back:left).")] IReadOnlyList<string>? PlannedSites)
{
    /// <summary>Book although a planned site will not have cleared, or the time is outside the practitioner's hours (409 names them otherwise).</summary>
    [Description("Book although a planned site will not have cleared, or the time is outside the practitioner's working hours; without it such a booking gives 409 naming them and the first good time.")]
    public bool Confirm { get; init; }

    [Description("The service booked (GET /api/v1/services); its length is used when minutes are not given.")]
    public string? ServiceId { get; init; }
}

public sealed record MoveAppointmentRequest(int? Version, DateTimeOffset? Start, int? Minutes, string? Room)
{
    [Description("Move although a planned site will not have cleared, or the time is outside the practitioner's working hours; without it such a move gives 409 naming them and the first good time.")]
    public bool Confirm { get; init; }
}

public sealed record CancelAppointmentRequest(string? Reason);

public sealed record AppointmentStatusRequest([property: Description("The version you read; a stale one gives 409. Optional.")] int? Version);

public sealed record AppointmentResponse(string Id, string ClientId, string PractitionerId, string? Room, DateTimeOffset Start, DateTimeOffset End,
    AppointmentStatus Status, string? CancelReason, IReadOnlyList<string> PlannedSites, int Version, string? ServiceId = null);

public sealed record SlotsResponse(DateTimeOffset EarliestForSites, IReadOnlyList<DateTimeOffset> Slots);

public static class AppointmentsApi
{
    public static void MapAppointments(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/appointments").WithTags("Scheduling");
        group.MapPost("/", BookAppointment).WithName(nameof(BookAppointment)).RequireAuthorization(Accounts.Access.Desk).WithSummary("Books an appointment; a clash with the practitioner's or the room's bookings gives 409.");
        group.MapPost("/{id}/move", MoveAppointment).WithName(nameof(MoveAppointment)).RequireAuthorization(Accounts.Access.Desk).WithSummary("Moves an appointment; a stale version or a clash gives 409.");
        group.MapPost("/{id}/cancel", CancelAppointment).WithName(nameof(CancelAppointment)).RequireAuthorization(Accounts.Access.Desk).WithSummary("Cancels an appointment, with a reason.");
        group.MapPost("/{id}/arrived", MarkAppointmentArrived).WithName(nameof(MarkAppointmentArrived)).RequireAuthorization(Accounts.Access.Desk).WithSummary("Checks the client in: from two hours before the start until the end of a booked visit.");
        group.MapPost("/{id}/no-show", MarkAppointmentNoShow).WithName(nameof(MarkAppointmentNoShow)).RequireAuthorization(Accounts.Access.Desk).WithSummary("Marks a booked visit as not attended, once it has started; its time is free again.");
        api.MapGet("/services", ListServices).WithName(nameof(ListServices)).RequireAuthorization(Accounts.Access.Desk).WithTags("Scheduling")
            .WithSummary("The services the practice offers now, by name, to choose when booking.");
        api.MapPost("/services", AddService).WithName(nameof(AddService)).RequireAuthorization(Accounts.Access.Owner).WithTags("Scheduling")
            .WithSummary("Offers a new service: a name, a length and an optional price.");
        api.MapPost("/services/{id}/retire", RetireService).WithName(nameof(RetireService)).RequireAuthorization(Accounts.Access.Owner).WithTags("Scheduling")
            .WithSummary("Stops offering a service; visits already booked keep it.");
        api.MapGet("/calendar", GetCalendar).WithName(nameof(GetCalendar)).RequireAuthorization(Accounts.Access.Desk).WithTags("Scheduling")
            .WithSummary("The practice's visits and working hours from a day (today if not given), for 1 to 7 days, by practitioner, in practice time.");
        api.MapGet("/practitioners/{id}/appointments", ListPractitionerAppointments).WithName(nameof(ListPractitionerAppointments)).RequireAuthorization(Accounts.Access.Desk).WithTags("Scheduling")
            .WithSummary("A practitioner's booked appointments from a date (today if not given), for 14 days.");
        api.MapGet("/clients/{id}/next-slots", SuggestNextSlots).WithName(nameof(SuggestNextSlots)).RequireAuthorization(Accounts.Access.Desk).WithTags("Scheduling")
            .WithSummary("The first free times with a practitioner on or after the day the planned sites are eligible again.");
    }

    public static async Task<Results<Created<AppointmentResponse>, ValidationProblem, ProblemHttpResult>> BookAppointment(
        AppointmentRequest request, AppointmentCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.BookAsync(request, cancellationToken);
        return result.Status switch
        {
            CommandStatus.Done => TypedResults.Created($"/api/v1/appointments/{result.Value!.Id}", ToResponse(result.Value)),
            CommandStatus.Invalid or CommandStatus.NotFound => TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid."),
            CommandStatus.Stale => ApiResults.Conflict(result.CurrentVersion),
            CommandStatus.Refused => ApiResults.StateConflict(result.Message ?? string.Empty),
            CommandStatus.NeedsConfirmation => ApiResults.NeedsConfirmation(result.Message ?? string.Empty),
        };
    }

    public static async Task<Results<Ok<AppointmentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> MoveAppointment(
        string id, MoveAppointmentRequest request, AppointmentCommands commands, CancellationToken cancellationToken) =>
        ApiResults.TryParseId(id, out var appointmentId) ? (await commands.MoveAsync(appointmentId, request, cancellationToken)).ToOk(ToResponse) : TypedResults.NotFound();

    public static async Task<Results<Ok<AppointmentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> CancelAppointment(
        string id, CancelAppointmentRequest request, AppointmentCommands commands, CancellationToken cancellationToken) =>
        ApiResults.TryParseId(id, out var appointmentId) ? (await commands.CancelAsync(appointmentId, request, cancellationToken)).ToOk(ToResponse) : TypedResults.NotFound();

    public static async Task<Results<Ok<AppointmentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> MarkAppointmentArrived(
        string id, AppointmentStatusRequest? request, AppointmentCommands commands, CancellationToken cancellationToken) =>
        ApiResults.TryParseId(id, out var appointmentId) ? (await commands.MarkArrivedAsync(appointmentId, request?.Version, cancellationToken)).ToOk(ToResponse) : TypedResults.NotFound();

    public static async Task<Results<Ok<AppointmentResponse>, NotFound, ValidationProblem, ProblemHttpResult>> MarkAppointmentNoShow(
        string id, AppointmentStatusRequest? request, AppointmentCommands commands, CancellationToken cancellationToken) =>
        ApiResults.TryParseId(id, out var appointmentId) ? (await commands.MarkNoShowAsync(appointmentId, request?.Version, cancellationToken)).ToOk(ToResponse) : TypedResults.NotFound();

    public static async Task<Ok<List<ServiceResponse>>> ListServices(ServiceCommands services, CancellationToken cancellationToken) =>
        TypedResults.Ok((await services.OfferedAsync(cancellationToken)).Select(ServiceResponse.Of).ToList());

    public static async Task<Results<Created<ServiceResponse>, ValidationProblem, ProblemHttpResult>> AddService(
        ServiceRequest request, ServiceCommands services, CancellationToken cancellationToken)
    {
        var result = await services.AddAsync(request, cancellationToken);
        return result.Status switch
        {
            CommandStatus.Done => TypedResults.Created($"/api/v1/services/{result.Value!.Id}", ServiceResponse.Of(result.Value)),
            CommandStatus.Refused => ApiResults.StateConflict(result.Message ?? string.Empty),
            _ => TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid."),
        };
    }

    public static async Task<Results<Ok<ServiceResponse>, NotFound, ValidationProblem, ProblemHttpResult>> RetireService(
        string id, ServiceCommands services, CancellationToken cancellationToken) =>
        ApiResults.TryParseId(id, out var serviceId) ? (await services.RetireAsync(serviceId, cancellationToken)).ToOk(ServiceResponse.Of) : TypedResults.NotFound();

    public static async Task<Results<Ok<CalendarResponse>, ValidationProblem>> GetCalendar(
        DateOnly? date, int? days, CalendarQuery calendar, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        if (days is < 1 or > CalendarQuery.MaximumDays)
        {
            v.Add("days", $"must be from 1 to {CalendarQuery.MaximumDays}.");
        }
        if (date is { } d && (d.Year < 2000 || d.Year > 2200))
        {
            v.Add("date", "must be a day from the year 2000 to 2200, such as 2026-12-01.");
        }
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        var view = await calendar.LoadAsync(date, days ?? 1, cancellationToken);
        return TypedResults.Ok(CalendarResponse.Of(view));
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
        var planned = AppointmentCommands.ReadSites(sites?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), v);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        var (earliest, slots) = await Booking.SuggestAsync(db, data, practitioner!.Value, planned, TimeSpan.FromMinutes(minutes ?? AppointmentCommands.DefaultMinutes), clock.GetUtcNow(), cancellationToken);
        return TypedResults.Ok(new SlotsResponse(earliest, slots));
    }

    private static AppointmentResponse ToResponse(Appointment a) => new(a.Id.ToString(), a.ClientId.ToString(), a.PractitionerId.ToString(), a.Room,
        a.Start, a.End, a.Status, a.CancelReason, a.PlannedSites, a.Version, a.ServiceId?.ToString());
}
