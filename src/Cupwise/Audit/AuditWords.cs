using System.Text.RegularExpressions;
using Cupwise.Data.Accounts;

namespace Cupwise.Audit;

/// <summary>
/// An audit entry as a sentence a person reads: "changed cup 3's mark grade", "opened a client's chart",
/// "signed in". The entry itself keeps what the server did, exactly (the route, the record's type and id), for the
/// CSV export and the hash chain; this is only how the log page tells it.
/// </summary>
public static partial class AuditWords
{
    /// <summary>What the login did, without who or when (the log's other columns say those).</summary>
    public static string What(AuditEntry entry)
    {
        var what = entry.What;
        switch (entry.Action)
        {
            case "sign-in": return "Signed in";
            case "sign-in-failed": return "Tried to sign in";
            case "sign-out": return "Signed out";
            case "read" or "write" when Route().Match(what) is { Success: true } route:
                return Page(route.Groups["method"].Value, route.Groups["path"].Value);
            case "create" or "update" or "delete":
                return Records(entry.Action, what);
            case "token-create": return $"Made an API token{Quoted(what)}";
            case "token-revoke": return "Revoked an API token";
            case "user-add": return $"Added a login: {AnyId().Replace(what, "").Trim()}";
            case "practice-access": return $"Changed who sees which clients: {what}";
            case "break-glass": return $"Opened a record with break-glass access: {what}";
            case "password-change": return "Changed their password";
            case "password-set": return "Set a password";
            case "password-link": return $"Sent a link to choose a new password: {what}";
            case "login-invite": return $"Invited a login: {what}";
            case "login-accept": return "Accepted an invitation and chose a password";
            case "login-disable": return $"Disabled a login: {what}";
            case "login-enable": return $"Enabled a login: {what}";
            case "login-sign-out": return $"Signed a login out everywhere: {what}";
            case "two-step-reset": return $"Reset two-step sign-in: {what}";
            case "mail-settings": return $"Changed the practice's mail server: {what}";
            case "client-mail-settings": return "Changed the mails to clients";
            default: return $"{Capital(Spaced(entry.Action))}: {AnyId().Replace(what, "…")}";
        }
    }

    /// <summary>How it ended, in words: "Done", "Refused", "Not found"…</summary>
    public static string Outcome(string outcome) => outcome switch
    {
        "ok" => "Done",
        "refused" or "401" or "403" => "Refused",
        "locked" => "Refused: locked after wrong passwords",
        "disabled" => "Refused: the login is disabled",
        "invited" => "Refused: no password chosen yet",
        "code" => "Refused: wrong two-step code",
        "404" => "Not found",
        "409" or "412" => "Refused: someone else changed it first",
        "400" or "422" => "Refused: the form had mistakes",
        "429" => "Refused: too many tries",
        _ when outcome.Length == 3 && outcome[0] is '2' or '3' => "Done",
        _ when outcome.Length == 3 && outcome[0] == '5' => "Failed on the server",
        _ => Capital(outcome),
    };

    /// <summary>A page opened or a form sent: "GET /clients/{id:guid}" is "Opened a client's chart".</summary>
    private static string Page(string method, string path)
    {
        var api = path.StartsWith("/api/", StringComparison.Ordinal);
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s is not "api" and not "v1").ToList();
        var words = segments.Count == 0 ? "Today" : Describe(segments, api);
        var read = method is "GET" or "HEAD";
        var verb = read ? (api ? "Read" : "Opened") : method switch
        {
            "DELETE" => "Removed",
            "PUT" or "PATCH" => "Changed",
            _ => api ? "Sent" : "Saved",
        };
        return $"{verb} {words}{(api ? " through the API" : "")}";
    }

    private static string Describe(IReadOnlyList<string> segments, bool api)
    {
        var literals = segments.Where(s => !s.StartsWith('{')).ToList();
        var one = segments.Count > 1 && segments[1].StartsWith('{');
        var head = literals[0];
        var tail = literals.Count > 1 ? string.Join(" ", literals.Skip(1).Select(Spaced)) : null;
        var noun = Nouns.TryGetValue(head, out var n) ? n : (One: Spaced(head), Many: Spaced(head));
        var subject = one ? A(noun.One) : $"the {noun.Many}";
        return tail switch
        {
            null => one && head == "clients" && !api ? "a client's chart" : subject,
            "edit" => $"{subject}'s details",
            "summary" => $"{subject}'s summary",
            "access" => $"who saw {subject}'s record",
            _ => $"{subject}'s {tail}",
        };
    }

    private static readonly Dictionary<string, (string One, string Many)> Nouns = new(StringComparer.Ordinal)
    {
        ["clients"] = ("client", "client list"),
        ["sessions"] = ("session", "sessions"),
        ["plans"] = ("plan", "plans"),
        ["photos"] = ("photo", "photos"),
        ["appointments"] = ("visit", "visits"),
        ["calendar"] = ("calendar", "calendar"),
        ["reports"] = ("report", "reports"),
        ["settings"] = ("setting", "settings"),
        ["audit"] = ("audit entry", "audit log"),
        ["protocols"] = ("protocol", "protocols"),
        ["account"] = ("account", "account page"),
        ["outcomes"] = ("measurement", "measurements"),
        ["logins"] = ("login", "logins"),
        ["mail"] = ("mail", "mail"),
        ["services"] = ("service", "services"),
        ["practitioners"] = ("practitioner", "practitioners"),
    };

    /// <summary>
    /// Records written in one save: "create TreatmentSession 6f… + 2 CupApplication" is "Added a session and 2 cups";
    /// "update CupApplication 82… #3 MarkGrade,RemovedAt" is "Changed cup 3's mark grade and removed at".
    /// </summary>
    private static string Records(string action, string what)
    {
        var parts = what.Split(" + ");
        var first = RecordPart().Match(parts[0]);
        if (!first.Success)
        {
            return $"{Capital(action)}d a record";
        }
        var type = first.Groups["type"].Value;
        var (one, _) = Noun(type);
        var number = first.Groups["number"].Success ? first.Groups["number"].Value : null;
        var fields = first.Groups["fields"].Success
            ? first.Groups["fields"].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Spaced).ToList()
            : [];
        var subject = number is not null ? $"{one} {number}" : A(one);
        var sentence = action switch
        {
            "create" => $"Added {subject}",
            "delete" => $"Removed {subject}",
            _ when fields.Count > 0 => $"Changed {(number is not null ? subject : "the " + one)}'s {Join(fields)}",
            _ => $"Changed {(number is not null ? subject : A(one))}",
        };
        var more = parts.Skip(1).Select(p => MorePart().Match(p)).Where(m => m.Success)
            .Select(m =>
            {
                var count = int.Parse(m.Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var (o, ms) = Noun(m.Groups["type"].Value);
                return count == 1 ? A(o) : $"{count} {ms}";
            }).ToList();
        return more.Count == 0 ? sentence : $"{sentence} and {Join(more)}";
    }

    private static readonly Dictionary<string, (string One, string Many)> RecordNouns = new(StringComparer.Ordinal)
    {
        ["Client"] = ("client", "clients"),
        ["ClientRevision"] = ("earlier version of the record", "earlier versions of the record"),
        ["TreatmentSession"] = ("session", "sessions"),
        ["CupApplication"] = ("cup", "cups"),
        ["SessionAmendment"] = ("amendment", "amendments"),
        ["OutcomeMeasurement"] = ("measurement", "measurements"),
        ["MarkFollowUp"] = ("check of the marks", "checks of the marks"),
        ["MarkPhoto"] = ("photo", "photos"),
        ["AdverseEvent"] = ("adverse event", "adverse events"),
        ["TreatmentPlan"] = ("plan", "plans"),
        ["Appointment"] = ("visit", "visits"),
    };

    /// <summary>A record type as people name it, one and many; a type the table lacks is spelt out.</summary>
    private static (string One, string Many) Noun(string type) =>
        RecordNouns.TryGetValue(type, out var noun) ? noun : (Spaced(type), Spaced(type) + "s");

    private static string Join(IReadOnlyList<string> items) => items.Count switch
    {
        0 => "",
        1 => items[0],
        _ => $"{string.Join(", ", items.Take(items.Count - 1))} and {items[^1]}",
    };

    private static string A(string noun) => ("aeiou".Contains(noun[0], StringComparison.Ordinal) ? "an " : "a ") + noun;

    private static string Quoted(string what) => Regex.Match(what, "'(?<name>[^']*)'") is { Success: true } m ? $" \"{m.Groups["name"].Value}\"" : "";

    /// <summary>"MarkGrade" or "mark-grade" is "mark grade".</summary>
    private static string Spaced(string name) => CamelHump().Replace(name, " $1").Replace('-', ' ').Trim().ToLowerInvariant();

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    [GeneratedRegex(@"^(?<method>GET|HEAD|POST|PUT|PATCH|DELETE) (?<path>/\S*)$")]
    private static partial Regex Route();

    [GeneratedRegex(@"^(?<type>[A-Za-z]+) [0-9a-fA-F-]{36}(?: #(?<number>\d+))?(?: (?<fields>[A-Za-z,]+))?$")]
    private static partial Regex RecordPart();

    [GeneratedRegex(@"^(?<count>\d+) (?<type>[A-Za-z]+)$")]
    private static partial Regex MorePart();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex AnyId();

    [GeneratedRegex(@"(?<=[a-z])([A-Z])")]
    private static partial Regex CamelHump();
}
