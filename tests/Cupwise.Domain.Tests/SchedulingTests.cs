using Cupwise.Domain.Scheduling;

namespace Cupwise.Domain.Tests;

public sealed class SchedulingTests
{
    // A Monday.
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

    private static Appointment Booked(DateTimeOffset start, double minutes = 45) =>
        Appointment.Book(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Room 1", start, TimeSpan.FromMinutes(minutes), ["lower-back:left"]);

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
}
