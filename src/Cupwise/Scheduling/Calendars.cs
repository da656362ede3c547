using Cupwise.Data;
using Cupwise.Domain.Scheduling;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Scheduling;

public sealed record CalendarFeedResponse(string Url, string Note);

/// <summary>
/// A practitioner's appointments as iCalendar (Ical.Net). Event text names no client and no health detail
/// (DESIGN.md §7); UIDs are stable and SEQUENCE follows the appointment's version, so updates replace.
/// </summary>
public static class Calendars
{
    public static void MapCalendars(this IEndpointRouteBuilder app, IEndpointRouteBuilder api)
    {
        api.MapPost("/practitioners/{id}/calendar-feed", CreateCalendarFeed).WithName(nameof(CreateCalendarFeed)).WithTags("Scheduling")
            .WithSummary("Creates an iCalendar feed for the practitioner at an unguessable URL, shown once. Earlier feeds are revoked.");
        api.MapDelete("/practitioners/{id}/calendar-feed", RevokeCalendarFeeds).WithName(nameof(RevokeCalendarFeeds)).WithTags("Scheduling")
            .WithSummary("Revokes the practitioner's calendar feeds: their URLs answer 404 from then on.");
        app.MapGet("/calendar/{token}.ics", GetCalendarFeed).WithName(nameof(GetCalendarFeed)).WithTags("Scheduling")
            .WithSummary("The practitioner's appointments as iCalendar, for calendar apps that subscribe.").RequireRateLimiting(Api.RateLimits.Exports)
            .AllowAnonymous() // the unguessable token in the address is the credential (calendar apps cannot sign in)
            .AddOpenApiOperationTransformer((operation, _, _) => { operation.Security = []; return Task.CompletedTask; });
    }

    public static async Task<Results<Created<CalendarFeedResponse>, NotFound>> CreateCalendarFeed(
        string id, HttpContext http, CalendarCommands commands, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var practitionerId) || await commands.NewFeedAsync(practitionerId, cancellationToken) is not { } token)
        {
            return TypedResults.NotFound();
        }
        var url = $"{http.Request.Scheme}://{http.Request.Host}/calendar/{token}.ics";
        return TypedResults.Created(url, new CalendarFeedResponse(url, "Keep this address private: anyone with it can read the practitioner's appointment times. It is shown only now."));
    }

    public static async Task<Results<NoContent, NotFound>> RevokeCalendarFeeds(string id, CalendarCommands commands, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var practitionerId) && await commands.RevokeFeedsAsync(practitionerId, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    public static async Task<Results<ContentHttpResult, NotFound>> GetCalendarFeed(string token, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        var hash = CalendarFeed.Hash(token);
        // The token names the practice: look it up across practices, then read only that practice's appointments.
        var feed = await db.CalendarFeeds.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(f => f.TokenHash == hash && f.RevokedAt == null, cancellationToken);
        if (feed is null)
        {
            return TypedResults.NotFound();
        }
        var appointments = await db.Appointments.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.PracticeId == feed.PracticeId && a.PractitionerId == feed.PractitionerId).OrderBy(a => a.Start).ToListAsync(cancellationToken);
        return TypedResults.Text(Render(appointments), "text/calendar; charset=utf-8");
    }

    /// <summary>The iCalendar text for a practitioner's appointments.</summary>
    public static string Render(IEnumerable<Appointment> appointments)
    {
        var calendar = new Calendar { ProductId = "-//Cupwise//Cupwise//EN" };
        calendar.AddProperty("X-WR-CALNAME", "Cupwise appointments");
        foreach (var a in appointments)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{a.Id}@cupwise",
                Summary = "Cupwise appointment",
                Location = a.Room,
                DtStart = new CalDateTime(a.Start.UtcDateTime),
                DtEnd = new CalDateTime(a.End.UtcDateTime),
                Sequence = a.Version,
                Status = a.Status == AppointmentStatus.Cancelled ? EventStatus.Cancelled : EventStatus.Confirmed,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? string.Empty;
    }
}
