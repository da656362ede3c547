using System.Text.Json;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Sessions;

namespace Cupwise.Domain.Plans;

/// <summary>
/// A protocol a practice writes for itself. It lives beside the shipped library under an id starting
/// "own-", states its evidence in the practice's words (checked against the claims Cupwise never makes,
/// SCIENCE.md §6), and is never edited in place: a new version is a new protocol.
/// </summary>
public sealed class PracticeProtocol
{
    private PracticeProtocol()
    {
        Key = string.Empty;
        Definition = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }

    /// <summary>The protocol's id as plans name it: "own-" and a slug of its name.</summary>
    public string Key { get; private set; }

    /// <summary>The protocol as JSON (the shipped library's shape).</summary>
    public string Definition { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public Protocol ToProtocol() => JsonSerializer.Deserialize<Protocol>(Definition, StandardCatalogue.JsonOptions)!;

    /// <param name="cupExists">Whether a cup id is in the practice's catalogue (shipped or its own).</param>
    public static PracticeProtocol Create(Guid practiceId, string? name, string? icd10, IReadOnlyList<string> sites, string? cup, Func<string, bool> cupExists,
        Technique technique, SuctionMethodKind method, int? minutes, int? passes, int? intervalDays, int? courseSessions, IReadOnlyList<PlanGoal> goals,
        string? evidenceStatement, IReadOnlyList<string> sources, IReadOnlySet<string> takenKeys, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var title = name?.Trim() ?? "";
        if (title.Length is 0 or > 120)
        {
            errors.Add(new FieldError("name", "is required, 1–120 characters."));
        }
        var known = StandardCatalogue.Sites.ToDictionary(s => s.Id);
        if (sites.Count is 0 or > 20)
        {
            errors.Add(new FieldError("sites", "must name 1 to 20 sites."));
        }
        for (var i = 0; i < sites.Count; i++)
        {
            var parts = sites[i].Split(':');
            if (parts.Length != 2 || !known.TryGetValue(parts[0], out var site) || !Enum.TryParse<BodySide>(parts[1], ignoreCase: true, out var side))
            {
                errors.Add(new FieldError($"sites[{i}]", $"'{sites[i]}' is not a site:side such as lower-back:left or forehead:none."));
                continue;
            }
            try
            {
                site.CheckSide(side, $"sites[{i}]");
            }
            catch (DomainValidationException e)
            {
                errors.AddRange(e.Errors);
            }
        }
        if (string.IsNullOrWhiteSpace(cup) || !cupExists(cup))
        {
            errors.Add(new FieldError("cup", "must be one of the cups Cupwise knows."));
        }
        if (technique is Technique.Moving ? passes is not (>= 1 and <= 50) : minutes is not (>= 1 and <= 20))
        {
            errors.Add(technique is Technique.Moving
                ? new FieldError("passes", "are required for moving cups: 1 to 50 per pathway.")
                : new FieldError("minutes", "are required: 1 to 20."));
        }
        if (intervalDays is not (>= 3 and <= 60))
        {
            errors.Add(new FieldError("intervalDays", "must be 3 to 60 (at least 3 days between sessions on one site)."));
        }
        if (courseSessions is not (>= 1 and <= 50))
        {
            errors.Add(new FieldError("courseSessions", "must be 1 to 50."));
        }
        var statement = string.IsNullOrWhiteSpace(evidenceStatement) ? "No controlled evidence found." : evidenceStatement.Trim();
        if (statement.Length > 2000)
        {
            errors.Add(new FieldError("evidenceStatement", "may be at most 2,000 characters."));
        }
        foreach (var claim in ClaimsCheck.Scan(statement).Concat(ClaimsCheck.Scan(title)))
        {
            errors.Add(new FieldError("evidenceStatement", $"makes a claim Cupwise never makes: \"{claim}\". Say what the studies found instead."));
        }
        var key = "own-" + new string([.. title.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')]).Trim('-');
        while (key.Contains("--", StringComparison.Ordinal))
        {
            key = key.Replace("--", "-", StringComparison.Ordinal);
        }
        if (title.Length > 0 && (takenKeys.Contains(key) || ProtocolLibrary.Find(key) is not null))
        {
            errors.Add(new FieldError("name", $"a protocol named like this already exists ({key}); give the new version its own name."));
        }
        if (errors.Count > 0)
        {
            throw DomainValidationException.Many(errors);
        }
        var protocol = new Protocol(key, title, icd10?.Trim(), sites, cup!, technique, method, technique is Technique.Moving ? null : minutes,
            technique is Technique.Moving ? passes : null, intervalDays!.Value, courseSessions!.Value, goals,
            new EvidenceStatement("as stated by the practice", statement, sources.Count == 0 ? ["The practice's own protocol."] : sources));
        return new PracticeProtocol
        {
            Id = Guid.NewGuid(),
            PracticeId = practiceId,
            Key = key,
            Definition = JsonSerializer.Serialize(protocol, StandardCatalogue.JsonOptions),
            CreatedAt = now,
        };
    }
}
