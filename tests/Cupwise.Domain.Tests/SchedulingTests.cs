using Cupwise.Domain.Scheduling;

namespace Cupwise.Domain.Tests;

public sealed class SchedulingTests
{
    // A Monday.
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private static Appointment Booked(DateTimeOffset start, double minutes = 45) =>
        Appointment.Book(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Room 1", start, TimeSpan.FromMinutes(minutes), ["lower-back:left"]);

    [Fact]
    public void AClientCancelsADayAheadAndNoLater()
    {
        var visit = Booked(Monday.AddDays(2).AddHours(10));
        var late = Assert.Throws<DomainStateException>(() => visit.CancelByClient(Monday.AddDays(1).AddHours(10).AddMinutes(1)));
        Assert.Contains("up to 24 hours before", late.Message, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Booked, visit.Status);
        Assert.False(visit.ClientMayCancel(Monday.AddDays(1).AddHours(11)));
        Assert.True(visit.ClientMayCancel(Monday.AddDays(1).AddHours(10)));
        visit.CancelByClient(Monday.AddDays(1).AddHours(10));
        Assert.Equal(AppointmentStatus.Cancelled, visit.Status);
        Assert.Equal("Cancelled by the client from their login.", visit.CancelReason);
        Assert.False(visit.ClientMayCancel(Monday));
        Assert.Throws<DomainStateException>(() => visit.CancelByClient(Monday));
    }

    [Fact]
    public void FreeSlotsAreInsideWorkingHoursAndClearOfBookings()
    {
        var booked = new[] { Booked(Monday.AddHours(9)), Booked(Monday.AddHours(10), 60) };
        var slots = SlotFinder.FreeSlots(Monday.AddHours(8), TimeSpan.FromMinutes(45), WorkingHours.Default, booked, count: 3);
        // 09:00 and 10:00–11:00 are taken; 09:30 would run into 10:00.
        Assert.Equal([Monday.AddHours(11), Monday.AddHours(11.5), Monday.AddHours(12)], slots);
    }

    [Fact]
    public void ASlotNeverRunsPastTheEndOfTheDayOrIntoTheWeekend()
    {
        var friday = Monday.AddDays(4);
        var slots = SlotFinder.FreeSlots(friday.AddHours(16.5), TimeSpan.FromMinutes(45), WorkingHours.Default, [], count: 1);
        Assert.Equal(Monday.AddDays(7).AddHours(9), Assert.Single(slots)); // Friday 16:30 + 45 min is past 17:00; next Monday 09:00
    }

    [Fact]
    public void ACancelledAppointmentFreesItsTime()
    {
        var appointment = Booked(Monday.AddHours(9));
        appointment.Cancel("Client unwell");
        Assert.False(appointment.Overlaps(Monday.AddHours(9), Monday.AddHours(10)));
        Assert.Equal(Monday.AddHours(9), SlotFinder.FreeSlots(Monday.AddHours(9), TimeSpan.FromMinutes(45), WorkingHours.Default, [appointment], count: 1)[0]);
        Assert.Throws<DomainStateException>(() => appointment.Move(Monday.AddHours(11), TimeSpan.FromMinutes(45), null));
    }

    [Fact]
    public void AnAppointmentHasASensibleLength()
    {
        Assert.Equal("minutes", Assert.Throws<DomainValidationException>(() => Booked(Monday.AddHours(9), 0)).Field);
        Assert.Throws<DomainValidationException>(() => Booked(Monday.AddHours(9), 300));
    }

    [Fact]
    public void WorkingHoursAreReadInThePracticeTimeZone()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // 30 Nov is winter time in Berlin (UTC+1): 09:00 there is 08:00 UTC.
        var slot = SlotFinder.FreeSlots(Monday, TimeSpan.FromMinutes(45), WorkingHours.Default, [], count: 1, zone: berlin);
        Assert.Equal(Monday.AddHours(8), Assert.Single(slot));
        var kolkata = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata");
        // UTC+5:30: 09:00 in Kolkata is 03:30 UTC, on the half hour of the local clock, not of UTC's.
        Assert.Equal(Monday.AddHours(3.5), SlotFinder.FreeSlots(Monday, TimeSpan.FromMinutes(45), WorkingHours.Default, [], count: 1, zone: kolkata)[0]);
    }

    [Fact]
    public void AWallClockTimeSkippedByDaylightSavingIsNeverOffered()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // Sunday 28 March 2027: Berlin's clocks jump from 02:00 to 03:00.
        var sundayNight = new WorkingHours(DayOfWeek.Sunday, new TimeOnly(1, 0), new TimeOnly(4, 0));
        var slots = SlotFinder.FreeSlots(new DateTimeOffset(2027, 3, 27, 23, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(30), [sundayNight], [], count: 4, zone: berlin);
        var local = slots.Select(s => TimeZoneInfo.ConvertTime(s, berlin).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["01:00", "01:30", "03:00", "03:30"], local);
        Assert.Equal(slots.Count, slots.Distinct().Count());
    }

    [Fact]
    public void WorkingHoursMustMakeSense()
    {
        var nine = new TimeOnly(9, 0);
        var five = new TimeOnly(17, 0);
        var backwards = Assert.Throws<DomainValidationException>(() => WorkingHours.Validate([new WorkingHours(DayOfWeek.Monday, five, nine)]));
        Assert.Equal("hours[0].to", backwards.Field);
        var overlap = Assert.Throws<DomainValidationException>(() => WorkingHours.Validate(
            [new WorkingHours(DayOfWeek.Monday, nine, five), new WorkingHours(DayOfWeek.Monday, new TimeOnly(12, 0), new TimeOnly(18, 0))]));
        Assert.Equal("hours[1]", overlap.Field);
        var week = WorkingHours.Validate([new WorkingHours(DayOfWeek.Sunday, nine, five), new WorkingHours(DayOfWeek.Monday, nine, new TimeOnly(12, 30))]);
        Assert.Equal(DayOfWeek.Monday, week[0].Day); // Monday first, Sunday last
        Assert.Equal(week, WorkingHours.Parse(WorkingHours.Format(week)));
    }

    [Fact]
    public void APracticeChoosesItsTimeZoneAndSiteInterval()
    {
        var practice = new Practices.Practice(Guid.NewGuid(), "Example practice", Monday);
        Assert.Equal(("UTC", 3), (practice.TimeZoneId, practice.MinimumSiteIntervalDays));
        practice.ChangeSettings("Europe/Berlin", 7);
        Assert.Equal(("Europe/Berlin", 7), (practice.TimeZoneId, practice.MinimumSiteIntervalDays));
        var bad = Assert.Throws<DomainValidationException>(() => practice.ChangeSettings("Mars/Olympus", 2));
        Assert.Equal(["timeZone", "minimumSiteIntervalDays"], bad.Errors.Select(e => e.Field));
        Assert.Equal("Europe/Berlin", practice.TimeZoneId);
    }
}
