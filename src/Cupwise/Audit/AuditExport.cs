using System.Globalization;
using System.Text;
using Cupwise.Data.Accounts;

namespace Cupwise.Audit;

/// <summary>Audit entries of a period, and as CSV with their hashes (the command line, the API and the owner's page).</summary>
public static class AuditExport
{
    public static IQueryable<AuditEntry> Query(IQueryable<AuditEntry> entries, DateOnly? from, DateOnly? to)
    {
        if (from is { } f)
        {
            var start = new DateTimeOffset(f.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At >= start);
        }
        if (to is { } t)
        {
            var end = new DateTimeOffset(t.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            entries = entries.Where(e => e.At < end);
        }
        return entries;
    }

    public static string ToCsv(IEnumerable<AuditEntry> entries)
    {
        var csv = new StringBuilder("sequence,at_utc,user_id,actor,practice_id,client_id,action,what,outcome,previous_hash,hash\n");
        foreach (var e in entries)
        {
            csv.AppendJoin(',', e.Sequence.ToString(CultureInfo.InvariantCulture), e.At.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                e.UserId?.ToString() ?? "", Cell(e.Actor), e.PracticeId?.ToString() ?? "", e.ClientId?.ToString() ?? "", Cell(e.Action), Cell(e.What), Cell(e.Outcome),
                e.PreviousHash, e.Hash).Append('\n');
        }
        return csv.ToString();
    }

    /// <summary>Quoted when needed; a cell a spreadsheet would run as a formula is prefixed with a quote mark.</summary>
    private static string Cell(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0]))
        {
            value = "'" + value;
        }
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{value.Replace("\"", "\"\"")}\"" : value;
    }
}
