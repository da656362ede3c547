namespace Cupwise.Domain.Scheduling;

public enum AppointmentStatus
{
    Booked,
    Cancelled,
}

/// <summary>A booked time for a client with a practitioner, optionally in a room. Times are UTC.</summary>
public sealed class Appointment
{
    public const int MaximumMinutes = 240;

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
    public int Version { get; private set; }

    public static Appointment Book(Guid practiceId, Guid clientId, Guid practitionerId, string? room, DateTimeOffset start, TimeSpan length, IEnumerable<string> plannedSites)
    {
        var appointment = new Appointment
        {
            Id = Guid.NewGuid(),
            PracticeId = practiceId,
            ClientId = clientId,
            PractitionerId = practitionerId,
            Status = AppointmentStatus.Booked,
            PlannedSites = [.. plannedSites],
            Version = 0,
        };
        appointment.Place(start, length, room);
        return appointment;
    }

    /// <summary>Moves the appointment (and may change its room).</summary>
    public void Move(DateTimeOffset start, TimeSpan length, string? room)
    {
        if (Status == AppointmentStatus.Cancelled)
        {
            throw new DomainStateException("A cancelled appointment is not moved; book a new one.");
        }
        Place(start, length, room);
    }

    public void Cancel(string reason)
    {
        if (Status == AppointmentStatus.Cancelled)
        {
            throw new DomainStateException("The appointment is already cancelled.");
        }
        CancelReason = Guard.Required("reason", reason, 500);
        Status = AppointmentStatus.Cancelled;
        Version++;
    }

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Status == AppointmentStatus.Booked && Start < end && start < End;

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

/// <summary>A practitioner's working hours on one weekday (practice time, taken as UTC until practices carry a time zone).</summary>
public sealed record WorkingHours(DayOfWeek Day, TimeOnly From, TimeOnly To)
{
    /// <summary>Monday to Friday, 09:00–17:00, until a practitioner's own hours are set.</summary>
    public static IReadOnlyList<WorkingHours> Default { get; } =
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(17, 0)))];
}

/// <summary>Finds free times: inside working hours, clear of other bookings, and on or after a date.</summary>
public static class SlotFinder
{
    public static readonly TimeSpan Step = TimeSpan.FromMinutes(30);

    /// <summary>The first <paramref name="count"/> free starts from <paramref name="from"/>, looking at most 60 days ahead.</summary>
    public static IReadOnlyList<DateTimeOffset> FreeSlots(DateTimeOffset from, TimeSpan length, IReadOnlyList<WorkingHours> hours,
        IReadOnlyList<Appointment> booked, int count = 5)
    {
        var slots = new List<DateTimeOffset>();
        var start = RoundUp(from.ToUniversalTime());
        var limit = start.AddDays(60);
        for (var t = start; t < limit && slots.Count < count; t += Step)
        {
            var end = t + length;
            var day = hours.Where(h => h.Day == t.DayOfWeek).ToList();
            var time = TimeOnly.FromTimeSpan(t.TimeOfDay);
            var endTime = TimeOnly.FromTimeSpan(end.TimeOfDay);
            if (end.Date != t.Date || !day.Exists(h => h.From <= time && endTime <= h.To))
            {
                continue;
            }
            if (booked.Any(a => a.Overlaps(t, end)))
            {
                continue;
            }
            slots.Add(t);
        }
        return slots;
    }

    private static DateTimeOffset RoundUp(DateTimeOffset t)
    {
        var ticks = Step.Ticks;
        var rounded = (t.UtcTicks + ticks - 1) / ticks * ticks;
        return new DateTimeOffset(rounded, TimeSpan.Zero);
    }
}
