using System.Globalization;

namespace Cupwise.Scheduling;

/// <summary>
/// A visit's date, time and length as typed on a form, read into a moment of the practice's clock, each problem under
/// the field's label. Shared by the booking and the moving forms.
/// </summary>
public static class VisitFormReading
{
    /// <summary>The form labels of the API's fields, for the errors the commands give back.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["clientId"] = "Client", ["practitionerId"] = "With", ["serviceId"] = "Service", ["start"] = "Time", ["minutes"] = "Minutes", ["room"] = "Room", ["reason"] = "Reason for cancelling",
    };

    public sealed record Reading(DateTimeOffset? Start, int Minutes, IReadOnlyList<(string Field, string Problem)> Errors);

    public static Reading Read(string? date, string? time, string? minutes, TimeZoneInfo zone)
    {
        var errors = new List<(string, string)>();
        var hasDate = DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year is >= 2000 and <= 2200;
        if (!hasDate)
        {
            errors.Add(("Date", "Choose the day of the visit."));
        }
        var hasTime = TimeOnly.TryParseExact(time, ["HH:mm", "HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at);
        if (!hasTime)
        {
            errors.Add(("Time", "Choose the time the visit starts, such as 09:30."));
        }
        var length = int.TryParse(minutes, NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        if (length is < 5 or > Domain.Scheduling.Appointment.MaximumMinutes)
        {
            errors.Add(("Minutes", $"A visit lasts from 5 to {Domain.Scheduling.Appointment.MaximumMinutes} minutes."));
        }
        if (errors.Count > 0)
        {
            return new Reading(null, length, errors);
        }
        var start = PracticeTime.Moment(day.ToDateTime(at), zone);
        if (start is null)
        {
            errors.Add(("Time", $"{at:HH:mm} does not exist on {day:d MMM} in {zone.Id}: the clocks change then. Choose another time."));
        }
        return new Reading(start, length, errors);
    }

    /// <summary>The day asked for (yyyy-MM-dd) when it is one, else the practice's today.</summary>
    public static string DayOrToday(string? day, DateOnly today) =>
        (DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2200 ? d : today)
            .ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
