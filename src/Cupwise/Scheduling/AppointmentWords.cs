using Cupwise.Domain.Scheduling;

namespace Cupwise.Scheduling;

/// <summary>What people call a visit's states, on every page.</summary>
public static class AppointmentWords
{
    public static string Status(AppointmentStatus status) => status switch
    {
        AppointmentStatus.Booked => "Booked",
        AppointmentStatus.Arrived => "Arrived",
        AppointmentStatus.NoShow => "Did not come",
        AppointmentStatus.Cancelled => "Cancelled",
    };
}
