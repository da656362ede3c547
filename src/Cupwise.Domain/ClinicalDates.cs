using System.Globalization;

namespace Cupwise.Domain;

/// <summary>
/// The range every date Cupwise keeps must lie in: from 1 January 1900 (the oldest client's birth, the oldest
/// condition's onset) to five years from now (the furthest a plan or a booking looks ahead). A date outside it is a
/// typing error, and would overflow the date arithmetic of forecasts and reports.
/// </summary>
public static class ClinicalDates
{
    public static readonly DateOnly Earliest = new(1900, 1, 1);
    public const int YearsAhead = 5;

    public static DateOnly Latest(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddYears(YearsAhead);

    /// <summary>Why a date is outside the range, in words for the field's error; null when it is a date inside it or not a date.</summary>
    public static string? Problem(object value, DateTimeOffset now)
    {
        DateOnly? day = value switch
        {
            DateTimeOffset at => DateOnly.FromDateTime(at.UtcDateTime),
            DateTime at => DateOnly.FromDateTime(at),
            DateOnly d => d,
            _ => null,
        };
        if (day is not { } d2)
        {
            return null;
        }
        var latest = Latest(now);
        return d2 < Earliest || d2 > latest
            ? string.Create(CultureInfo.InvariantCulture, $"must be between {Earliest:yyyy-MM-dd} and {latest:yyyy-MM-dd}; got {d2:yyyy-MM-dd}.")
            : null;
    }
}
