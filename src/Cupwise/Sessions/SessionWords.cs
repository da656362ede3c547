using Cupwise.Domain.Sessions;

namespace Cupwise.Sessions;

/// <summary>How a session's amendments and findings read (names of things are in <see cref="Words"/>).</summary>
public static class SessionWords
{
    /// <summary>A changed field of an amendment as people say it: "cups[2].markGrade" is "Cup 2, mark grade".</summary>
    public static string Field(string field)
    {
        var m = System.Text.RegularExpressions.Regex.Match(field, @"^cups\[(?<n>\d+)\]\.(?<part>\w+)$");
        if (m.Success)
        {
            return $"Cup {m.Groups["n"].Value}, {Part(m.Groups["part"].Value)}";
        }
        return field switch
        {
            "notes" => "Notes",
            "adjuncts" => "Adjunct treatments",
            "status" => "Status",
            "outcomes" => "Measurement added",
            _ => field,
        };
    }

    private static string Part(string part) => part switch
    {
        "markGrade" => "mark grade",
        "sensation" => "sensation",
        "notes" => "notes",
        "removedAt" => "removed at",
        "pressureMmHg" => "pressure (mmHg)",
        _ => part,
    };

    /// <summary>What a finding is about, for a label: its text up to the first colon or semicolon.</summary>
    public static string Gist(string message)
    {
        var end = message.IndexOfAny([':', ';']);
        var gist = end > 0 ? message[..end] : message;
        return gist.Length > 80 ? gist[..80] : gist;
    }
}
