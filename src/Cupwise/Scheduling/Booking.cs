using Cupwise.Api;
using Cupwise.Clients;
using Cupwise.Data;
using Cupwise.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Scheduling;

/// <summary>The booking rules shared by the API and the web app: clashes, and the next free times.</summary>
public static class Booking
{
    /// <summary>Why an appointment cannot go where it is; null when it can.</summary>
    public static async Task<string?> ClashAsync(CupwiseDbContext db, Appointment appointment, CancellationToken cancellationToken = default)
    {
        var clash = await db.Appointments.AsNoTracking()
            .Where(a => a.Id != appointment.Id && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Arrived) && a.Start < appointment.End && appointment.Start < a.End
                && (a.PractitionerId == appointment.PractitionerId || (appointment.Room != null && a.Room == appointment.Room)))
            .FirstOrDefaultAsync(cancellationToken);
        if (clash is null)
        {
            return null;
        }
        var zone = await PracticeTime.ZoneAsync(db, appointment.PracticeId, cancellationToken);
        var span = $"from {TimeZoneInfo.ConvertTime(clash.Start, zone):HH:mm} to {TimeZoneInfo.ConvertTime(clash.End, zone):HH:mm} ({zone.Id})";
        return clash.PractitionerId == appointment.PractitionerId
            ? $"The practitioner is already booked {span} that day."
            : $"Room '{clash.Room}' is already booked {span} that day.";
    }

    /// <summary>
    /// The day the planned sites ("site:side") are all eligible again (now at the earliest), and the first free
    /// times with the practitioner from then on.
    /// </summary>
    public static async Task<(DateTimeOffset Earliest, IReadOnlyList<DateTimeOffset> Slots)> SuggestAsync(CupwiseDbContext db, ClientChartData data,
        Guid practitionerId, IReadOnlyCollection<string> plannedSites, TimeSpan length, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var earliest = data.Eligibility().Where(e => plannedSites.Contains($"{e.SiteId}:{ApiJson.Name(e.Side)}"))
            .Select(e => e.EligibleFrom).Append(now).Max();
        var hours = await db.Practitioners.AsNoTracking().Where(p => p.Id == practitionerId).Select(p => p.WorkingHours).FirstOrDefaultAsync(cancellationToken)
            ?? [.. WorkingHours.Default];
        var horizon = earliest + SlotFinder.Horizon + TimeSpan.FromDays(1);
        var booked = await db.Appointments.AsNoTracking()
            .Where(a => a.PractitionerId == practitionerId && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Arrived) && a.End > earliest && a.Start < horizon).ToListAsync(cancellationToken);
        return (earliest, SlotFinder.FreeSlots(earliest, length, hours, booked, zone: data.TimeZone));
    }
}
