using System.Globalization;

namespace Cupwise.Domain.Scheduling;

public enum AppointmentStatus
{
    Booked,

    /// <summary>The client is here: checked in by the front desk or the practitioner.</summary>
    Arrived,

    /// <summary>The client did not come; the time is free again.</summary>
    NoShow,
    Cancelled,
}

/// <summary>A booked time for a client with a practitioner, optionally in a room. Times are UTC.</summary>
public sealed class Appointment
{
    public const int MaximumMinutes = 240;

    /// <summary>How long before its start a client may be checked in.</summary>
    public static readonly TimeSpan EarliestArrival = TimeSpan.FromHours(2);

    /// <summary>Whether a visit with this status holds its time: booked, or the client is here.</summary>
    public static bool HoldsTime(AppointmentStatus status) => status is AppointmentStatus.Booked or AppointmentStatus.Arrived;

    private Appointment()
    {
        PlannedSites = [];
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid PractitionerId { get; private set; }
    public string? Room { get; private set; }
    public DateTimeOffset Start { get; private set; }
    public DateTimeOffset End { get; private set; }
    public AppointmentStatus Status { get; private set; }
    public string? CancelReason { get; private set; }

    /// <summary>The sites the visit will treat, as "site:side" (for example "lower-back:left").</summary>
    public List<string> PlannedSites { get; private set; }

    /// <summary>What was booked (a service of the practice), when one was chosen.</summary>
    public Guid? ServiceId { get; private set; }
    public int Version { get; private set; }

    public static Appointment Book(Guid practiceId, Guid clientId, Guid practitionerId, string? room, DateTimeOffset start, TimeSpan length, IEnumerable<string> plannedSites,
        Guid? serviceId = null)
    {
        var appointment = new Appointment
        {
            Id = Guid.NewGuid(),
            PracticeId = practiceId,
            ClientId = clientId,
            PractitionerId = practitionerId,
            Status = AppointmentStatus.Booked,
            PlannedSites = [.. plannedSites],
            ServiceId = serviceId,
            Version = 0,
        };
        appointment.Place(start, length, room);
        return appointment;
    }

    /// <summary>Moves the appointment (and may change its room).</summary>
    public void Move(DateTimeOffset start, TimeSpan length, string? room)
    {
        RequireBooked("moved", "book a new one");
        Place(start, length, room);
    }

    public void Cancel(string reason)
    {
        RequireBooked("cancelled", "it stays in the calendar as it is");
        CancelReason = Guard.Required("reason", reason, 500);
        Status = AppointmentStatus.Cancelled;
        Version++;
    }

    /// <summary>How long before its start a client may cancel a visit from their own login; later, they call the practice.</summary>
    public static readonly TimeSpan ClientCancelNotice = TimeSpan.FromHours(24);

    /// <summary>The client cancels from their own login, at least <see cref="ClientCancelNotice"/> ahead.</summary>
    public void CancelByClient(DateTimeOffset now)
    {
        RequireBooked("cancelled", "it stays as it is");
        if (Start - now < ClientCancelNotice)
        {
            throw new DomainStateException($"A visit can be cancelled here up to {ClientCancelNotice.TotalHours:0} hours before it starts. Please call the practice to cancel this one.");
        }
        Cancel("Cancelled by the client from their login.");
    }

    public bool ClientMayCancel(DateTimeOffset now) => Status == AppointmentStatus.Booked && Start - now >= ClientCancelNotice;

    /// <summary>The client is here. From <see cref="EarliestArrival"/> before the start until the visit's end.</summary>
    public void MarkArrived(DateTimeOffset now)
    {
        RequireBooked("checked in", "it stays as it is");
        if (now < Start - EarliestArrival)
        {
            throw new DomainStateException($"A client is checked in at most {EarliestArrival.TotalHours:0} hours before the visit starts.");
        }
        if (now > End)
        {
            throw new DomainStateException("The visit is over: mark it as not attended, or book a new one.");
        }
        Status = AppointmentStatus.Arrived;
        Version++;
    }

    /// <summary>The client did not come: once the visit has started.</summary>
    public void MarkNoShow(DateTimeOffset now)
    {
        RequireBooked("marked as not attended", "it stays as it is");
        if (now < Start)
        {
            throw new DomainStateException("The visit has not started yet: a client is marked as not attended only after the start time.");
        }
        Status = AppointmentStatus.NoShow;
        Version++;
    }

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => HoldsTime(Status) && Start < end && start < End;

    private void RequireBooked(string what, string instead)
    {
        var state = Status switch
        {
            AppointmentStatus.Booked => null,
            AppointmentStatus.Arrived => "the client has arrived",
            AppointmentStatus.NoShow => "the client did not come",
            AppointmentStatus.Cancelled => "it is cancelled",
        };
        if (state is not null)
        {
            throw new DomainStateException($"This visit is not {what}: {state}; {instead}.");
        }
    }

    private void Place(DateTimeOffset start, TimeSpan length, string? room)
    {
        if (length <= TimeSpan.Zero || length > TimeSpan.FromMinutes(MaximumMinutes))
        {
            throw new DomainValidationException("minutes", $"must be between 1 and {MaximumMinutes} minutes; got {length.TotalMinutes:0}.");
        }
        Start = start.ToUniversalTime();
        End = Start + length;
        Room = Guard.Optional("room", room, 60);
        Version++;
    }
}

/// <summary>A practitioner's working hours on one weekday, in practice time (the practice's time zone).</summary>
public sealed record WorkingHours(DayOfWeek Day, TimeOnly From, TimeOnly To)
{
    /// <summary>Monday to Friday, 09:00–17:00, until a practitioner's own hours are set.</summary>
    public static IReadOnlyList<WorkingHours> Default { get; } =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))];

    /// <summary>Checks a week of hours: each span starts before it ends, and spans on one day do not overlap.</summary>
    public static IReadOnlyList<WorkingHours> Validate(IReadOnlyList<WorkingHours> hours)
    {
        var errors = new List<FieldError>();
        if (hours.Count > 21)
        {
            errors.Add(new FieldError("hours", "may hold at most 21 spans (three a day)."));
        }
        for (var i = 0; i < hours.Count; i++)
        {
            if (hours[i].From >= hours[i].To)
            {
                errors.Add(new FieldError($"hours[{i}].to", $"must be after from ({hours[i].From:HH:mm})."));
            }
            else if (hours.Take(i).Any(h => h.Day == hours[i].Day && h.From < hours[i].To && hours[i].From < h.To))
            {
                errors.Add(new FieldError($"hours[{i}]", $"overlaps another span on {hours[i].Day}."));
            }
        }
        if (errors.Count > 0)
        {
            throw DomainValidationException.Many(errors);
        }
        return [.. hours.OrderBy(h => h.Day == DayOfWeek.Sunday ? 7 : (int)h.Day).ThenBy(h => h.From)];
    }

    /// <summary>Stored form: "Monday 09:00-17:00;Tuesday 09:00-12:30;…".</summary>
    public static string Format(IEnumerable<WorkingHours> hours) =>
        string.Join(';', hours.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Day} {h.From:HH:mm}-{h.To:HH:mm}")));

    public static List<WorkingHours> Parse(string stored) =>
        [.. stored.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var (day, span) = (part[..part.IndexOf(' ', StringComparison.Ordinal)], part[(part.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            var times = span.Split('-');
            return new WorkingHours(Enum.Parse<DayOfWeek>(day), TimeOnly.ParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture),
                TimeOnly.ParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture));
        })];
}

/// <summary>Finds free times: inside working hours (in practice time), clear of other bookings, and on or after a date.</summary>
public static class SlotFinder
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    /// <summary>How far ahead a search looks.</summary>
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(60);

    /// <summary>
    /// The first <paramref name="count"/> free starts from <paramref name="from"/>, looking at most
    /// <see cref="Horizon"/> ahead. Starts fall on the half hour of the practice's wall clock in
    /// <paramref name="zone"/> (UTC when none is given); a wall-clock time skipped by a daylight-saving change is
    /// never proposed.
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> FreeSlots(DateTimeOffset from, TimeSpan length, IReadOnlyList<WorkingHours> hours,
        IReadOnlyList<Appointment> booked, int count = 5, TimeZoneInfo? zone = null)
    {
        zone ??= TimeZoneInfo.Utc;
        var busy = booked.Where(a => Appointment.HoldsTime(a.Status)).Select(a => (a.Start, a.End)).OrderBy(a => a.Start).ToArray();
        var slots = new List<DateTimeOffset>();
        var first = RoundUp(TimeZoneInfo.ConvertTime(from, zone).DateTime);
        var limit = first + Horizon;
        for (var local = first; local < limit && slots.Count < count; local += Step)
        {
            var localEnd = local + length;
            var time = TimeOnly.FromDateTime(local);
            var endTime = TimeOnly.FromDateTime(localEnd);
            if (localEnd.Date != local.Date || !Inside(hours, local.DayOfWeek, time, endTime) || zone.IsInvalidTime(local))
            {
                continue;
            }
            var start = new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
            var end = start + length;
            if (start < from || Overlaps(busy, start, end))
            {
                continue;
            }
            slots.Add(start);
        }
        return slots;
    }

    private static bool Inside(IReadOnlyList<WorkingHours> hours, DayOfWeek day, TimeOnly from, TimeOnly to)
    {
        foreach (var h in hours)
        {
            if (h.Day == day && h.From <= from && to <= h.To)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether [start, end) meets a busy span; <paramref name="busy"/> is sorted by start.</summary>
    private static bool Overlaps((DateTimeOffset Start, DateTimeOffset End)[] busy, DateTimeOffset start, DateTimeOffset end)
    {
        foreach (var (s, e) in busy)
        {
            if (s >= end)
            {
                return false;
            }
            if (start < e)
            {
                return true;
            }
        }
        return false;
    }

    private static DateTime RoundUp(DateTime t)
    {
        var ticks = Step.Ticks;
        return new DateTime((t.Ticks + ticks - 1) / ticks * ticks, DateTimeKind.Unspecified);
    }
}
