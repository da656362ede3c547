using System.Globalization;
using Cupwise.Data;
using Cupwise.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Scheduling;

/// <summary>A visit as the calendar shows it: who, with whom, when, and how it stands. Cancelled visits are left out.</summary>
public sealed record CalendarVisit(Guid Id, Guid ClientId, string Client, Guid PractitionerId, string? Room, DateTimeOffset Start, DateTimeOffset End,
    AppointmentStatus Status, int Version, string? Service);

/// <summary>A practitioner's column: their name and their working hours, in practice time.</summary>
public sealed record CalendarColumn(Guid PractitionerId, string Name, IReadOnlyList<WorkingHours> Hours)
{
    /// <summary>Whether the practitioner works through the whole of [from, to) on that weekday.</summary>
    public bool Works(DayOfWeek day, TimeOnly from, TimeOnly to) => Hours.Any(h => h.Day == day && h.From <= from && to <= h.To);

    public bool WorksOn(DayOfWeek day) => Hours.Any(h => h.Day == day);
}

/// <summary>Some days of the practice's calendar, in the practice's time zone.</summary>
public sealed record CalendarView(DateOnly First, int Days, DateOnly Today, TimeZoneInfo Zone, IReadOnlyList<CalendarColumn> Practitioners,
    IReadOnlyList<CalendarVisit> Visits)
{
    public IEnumerable<DateOnly> Dates => Enumerable.Range(0, Days).Select(First.AddDays);

    public DateTime Local(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, Zone).DateTime;

    public IEnumerable<CalendarVisit> On(DateOnly day, Guid practitionerId) =>
        Visits.Where(v => v.PractitionerId == practitionerId && DateOnly.FromDateTime(Local(v.Start)) == day);

    /// <summary>The hours a day view shows: from the earliest working hour or visit to the latest, 08:00–18:00 at least.</summary>
    public (TimeOnly From, TimeOnly To) Span(DateOnly day)
    {
        var from = new TimeOnly(8, 0);
        var to = new TimeOnly(18, 0);
        foreach (var h in Practitioners.SelectMany(p => p.Hours).Where(h => h.Day == day.DayOfWeek))
        {
            from = h.From < from ? h.From : from;
            to = h.To > to ? h.To : to;
        }
        foreach (var v in Visits.Where(v => DateOnly.FromDateTime(Local(v.Start)) == day))
        {
            var start = TimeOnly.FromDateTime(Local(v.Start));
            var end = DateOnly.FromDateTime(Local(v.End)) == day ? TimeOnly.FromDateTime(Local(v.End)) : new TimeOnly(23, 59);
            from = start < from ? start : from;
            to = end > to ? end : to;
        }
        // Whole hours, so that the rows line up with the labels.
        return (new TimeOnly(from.Hour, 0), to.Minute == 0 ? to : to.Hour == 23 ? new TimeOnly(23, 59) : new TimeOnly(to.Hour + 1, 0));
    }

    /// <summary>A wall-clock time of the practice as a moment; null when the clocks skip it (a daylight-saving change).</summary>
    public DateTimeOffset? Moment(DateOnly day, TimeOnly time) => PracticeTime.Moment(day.ToDateTime(time), Zone);
}

/// <summary>The practice's wall clock: turning a date and time typed on a form into a moment, honestly.</summary>
public static class PracticeTime
{
    /// <summary>The moment a wall-clock time names in the zone; null when the clocks skip that time.</summary>
    public static DateTimeOffset? Moment(DateTime wall, TimeZoneInfo zone)
    {
        wall = DateTime.SpecifyKind(wall, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(wall) ? null : new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }

    /// <summary>The practice's time zone (UTC when it names none this machine knows).</summary>
    public static async Task<TimeZoneInfo> ZoneAsync(CupwiseDbContext db, Guid practiceId, CancellationToken cancellationToken = default)
    {
        var id = await db.Practices.AsNoTracking().Where(p => p.Id == practiceId).Select(p => p.TimeZoneId).FirstOrDefaultAsync(cancellationToken);
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }

    /// <summary>The practice's date today.</summary>
    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone).DateTime);

    /// <summary>"Wed 2 Dec 09:30".</summary>
    public static string Words(DateTimeOffset t, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(t, zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture);
}

/// <summary>Reads the calendar: every practitioner of the practice, their hours, and the visits of the days asked for.</summary>
public sealed class CalendarQuery(CupwiseDbContext db, PracticeScope scope, TimeProvider clock)
{
    public const int MaximumDays = 7;

    public async Task<CalendarView> LoadAsync(DateOnly? first, int days, CancellationToken cancellationToken = default)
    {
        days = Math.Clamp(days, 1, MaximumDays);
        var zone = await PracticeTime.ZoneAsync(db, scope.PracticeId, cancellationToken);
        var today = PracticeTime.Today(clock, zone);
        var day = first ?? today;
        // The window's edges in UTC: midnight of the first day to midnight after the last, in practice time.
        var windowStart = Midnight(day, zone);
        var windowEnd = Midnight(day.AddDays(days), zone);
        var practitioners = await db.Practitioners.AsNoTracking().OrderBy(p => p.DisplayName)
            .Select(p => new { p.Id, p.DisplayName, p.WorkingHours }).ToListAsync(cancellationToken);
        var visits = await (from a in db.Appointments.AsNoTracking()
                            join c in db.Clients.AsNoTracking() on a.ClientId equals c.Id
                            join s in db.Services.AsNoTracking() on a.ServiceId equals s.Id into booked
                            from s in booked.DefaultIfEmpty()
                            where a.Status != AppointmentStatus.Cancelled && a.Start < windowEnd && a.End > windowStart
                            orderby a.Start
                            select new CalendarVisit(a.Id, a.ClientId, c.GivenName + " " + c.FamilyName, a.PractitionerId, a.Room, a.Start, a.End, a.Status, a.Version,
                                s == null ? null : s.Name))
                           .ToListAsync(cancellationToken);
        return new CalendarView(day, days, today, zone, [.. practitioners.Select(p => new CalendarColumn(p.Id, p.DisplayName, p.WorkingHours))], visits);
    }

    private static DateTimeOffset Midnight(DateOnly day, TimeZoneInfo zone)
    {
        var wall = day.ToDateTime(TimeOnly.MinValue);
        // A midnight skipped by a clock change begins the day an hour later.
        while (zone.IsInvalidTime(wall))
        {
            wall = wall.AddMinutes(30);
        }
        return new DateTimeOffset(wall, zone.GetUtcOffset(wall)).ToUniversalTime();
    }
}

public sealed record CalendarVisitResponse(string Id, string ClientId, string Client, string PractitionerId, string? Room, DateTimeOffset Start, DateTimeOffset End,
    AppointmentStatus Status, int Version, string? Service);

public sealed record CalendarPractitionerResponse(string Id, string Name, IReadOnlyList<string> WorkingHours);

public sealed record CalendarResponse(DateOnly From, int Days, string TimeZone, IReadOnlyList<CalendarPractitionerResponse> Practitioners, IReadOnlyList<CalendarVisitResponse> Visits)
{
    public static CalendarResponse Of(CalendarView view) => new(view.First, view.Days, view.Zone.Id,
        [.. view.Practitioners.Select(p => new CalendarPractitionerResponse(p.PractitionerId.ToString(), p.Name,
            [.. p.Hours.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Day} {h.From:HH:mm}-{h.To:HH:mm}"))]))],
        [.. view.Visits.Select(v => new CalendarVisitResponse(v.Id.ToString(), v.ClientId.ToString(), v.Client, v.PractitionerId.ToString(), v.Room, v.Start, v.End, v.Status, v.Version, v.Service))]);
}
