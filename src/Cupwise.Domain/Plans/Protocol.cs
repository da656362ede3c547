using System.Text.Json;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Sessions;

namespace Cupwise.Domain.Plans;

/// <summary>How strong the evidence is, what it says, and where it comes from (SCIENCE.md §6).</summary>
public sealed record EvidenceStatement(string Grade, string Statement, IReadOnlyList<string> Sources);

/// <summary>
/// A protocol for one indication: where the cups go, with what, how long, how often and for how many
/// sessions, the goals it usually aims at, and what the evidence says — stated as the studies found it.
/// </summary>
public sealed record Protocol(
    string Id,
    string Name,
    string? Icd10,
    IReadOnlyList<string> Sites,
    string Cup,
    Technique Technique,
    SuctionMethodKind Method,
    int? Minutes,
    int? Passes,
    int IntervalDays,
    int CourseSessions,
    IReadOnlyList<PlanGoal> Goals,
    EvidenceStatement Evidence);

/// <summary>The protocols shipped with Cupwise (Plans/protocols.json, versioned in the repository).</summary>
public static class ProtocolLibrary
{
    private static readonly Lazy<(int Version, IReadOnlyList<Protocol> Protocols)> Loaded = new(Load);

    public static int Version => Loaded.Value.Version;

    public static IReadOnlyList<Protocol> Standard => Loaded.Value.Protocols;

    /// <summary>A shipped protocol, or one of <paramref name="own"/> (a practice's protocols).</summary>
    public static Protocol? Find(string? id, IEnumerable<Protocol>? own = null) =>
        Standard.FirstOrDefault(p => p.Id == id) ?? own?.FirstOrDefault(p => p.Id == id);

    private static (int, IReadOnlyList<Protocol>) Load()
    {
        using var stream = typeof(ProtocolLibrary).Assembly.GetManifestResourceStream("Cupwise.Domain.protocols.json")
            ?? throw new InvalidOperationException("The protocol library is missing from the build.");
        var file = JsonSerializer.Deserialize<ProtocolFile>(stream, StandardCatalogue.JsonOptions)
            ?? throw new InvalidOperationException("The protocol library is empty.");
        var sites = StandardCatalogue.Sites.ToDictionary(s => s.Id);
        var protocols = file.Protocols.Select(p =>
        {
            foreach (var site in p.Sites)
            {
                var id = site.Split(':')[0];
                if (!sites.ContainsKey(id))
                {
                    throw new InvalidOperationException($"Protocol {p.Id} names an unknown site '{id}'.");
                }
            }
            if (StandardCatalogue.Cups.All(c => c.Id != p.Cup))
            {
                throw new InvalidOperationException($"Protocol {p.Id} names an unknown cup '{p.Cup}'.");
            }
            var sources = p.Evidence.Sources.Select(s => file.Sources.TryGetValue(s, out var text) ? text
                : throw new InvalidOperationException($"Protocol {p.Id} cites an unknown source '{s}'.")).ToList();
            return new Protocol(p.Id, p.Name, p.Icd10, p.Sites, p.Cup, p.Technique, p.Method, p.Minutes, p.Passes, p.IntervalDays, p.CourseSessions,
                [.. p.Goals.Select(g => new PlanGoal(g.Measure, null, null, null, g.Comparison, g.Threshold))],
                new EvidenceStatement(p.Evidence.Grade, p.Evidence.Statement, sources));
        }).ToList();
        return (file.Version, protocols);
    }

    private sealed record ProtocolFile(int Version, Dictionary<string, string> Sources, List<ProtocolEntry> Protocols);

    private sealed record ProtocolEntry(string Id, string Name, string? Icd10, List<string> Sites, string Cup, Technique Technique, SuctionMethodKind Method,
        int? Minutes, int? Passes, int IntervalDays, int CourseSessions, List<GoalEntry> Goals, EvidenceEntry Evidence);

    private sealed record GoalEntry(Outcomes.MeasureKind Measure, GoalComparison Comparison, double Threshold);

    private sealed record EvidenceEntry(string Grade, string Statement, List<string> Sources);
}
