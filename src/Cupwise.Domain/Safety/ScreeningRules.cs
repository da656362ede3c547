using System.Text.Json;
using System.Text.Json.Serialization;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;
using Cupwise.Domain.Suction;

namespace Cupwise.Domain.Safety;

/// <summary>What a rule proposes instead: a shorter time, lighter suction.</summary>
public sealed record RuleAdjustment(double? MaxMinutes = null, bool? Light = null);

/// <summary>A blood pressure threshold: systolic over diastolic, mmHg.</summary>
public sealed record BloodPressure(int Systolic, int Diastolic);

/// <summary>When a rule applies: every given condition must hold; a list holds when any of its values does.</summary>
public sealed record RuleWhen
{
    public IReadOnlyList<SkinFindingKind>? SkinFinding { get; init; }
    public IReadOnlyList<SiteFlags>? SiteFlag { get; init; }
    public IReadOnlyList<string>? Site { get; init; }
    public IReadOnlyList<MapView>? View { get; init; }
    public IReadOnlyList<Technique>? Technique { get; init; }
    public IReadOnlyList<SuctionMethodKind>? Method { get; init; }
    public bool? Fire { get; init; }
    public double? DurationOverMinutes { get; init; }
    public double? PressureBeyondMmHg { get; init; }
    public bool? Pregnant { get; init; }
    public IReadOnlyList<string>? Condition { get; init; }
    public IReadOnlyList<string>? MedicationClass { get; init; }

    /// <summary>Allergen ids of allergens.json: holds when the client has an active allergy to any.</summary>
    public IReadOnlyList<string>? Allergen { get; init; }
    public double? TemperatureAtLeastC { get; init; }

    /// <summary>Holds when the latest blood pressure reaches either number (systolic or diastolic, mmHg).</summary>
    public BloodPressure? BloodPressureAtLeast { get; init; }
    public int? SystolicBelowMmHg { get; init; }
    public int? PulseAtLeastBpm { get; init; }
    public int? PulseBelowBpm { get; init; }
    public int? AgeBelowYears { get; init; }
    public int? AgeAtLeastYears { get; init; }
    public bool? FirstSession { get; init; }
    public bool? HomeUser { get; init; }
    public bool? Always { get; init; }

    /// <summary>Holds when the latest blood pressure is below both numbers: a rule for high pressure that a worse one replaces.</summary>
    public BloodPressure? BloodPressureBelow { get; init; }

    /// <summary>True when the rule reads the vital signs taken today.</summary>
    public bool ReadsVitalSigns => TemperatureAtLeastC is not null || BloodPressureAtLeast is not null || BloodPressureBelow is not null
        || SystolicBelowMmHg is not null || PulseAtLeastBpm is not null || PulseBelowBpm is not null;

    /// <summary>True when the rule looks at a planned cup, so it is checked once per cup.</summary>
    public bool PerCup => SkinFinding is not null || SiteFlag is not null || Site is not null || View is not null || Technique is not null
        || Method is not null || Fire is not null || DurationOverMinutes is not null || PressureBeyondMmHg is not null;
}

/// <summary>One screening rule, as kept in screening-rules.json.</summary>
public sealed record ScreeningRule(
    string Id,
    FindingSeverity Severity,
    RuleWhen When,
    string Practitioner,
    string Home,
    string Source,
    string Grade,
    RuleAdjustment? Adjust = null);

/// <summary>A rule file that cannot be used: where and why.</summary>
public sealed class RuleFileException(string message) : Exception(message);

/// <summary>The versioned rule set and the medicine list, loaded and checked.</summary>
public sealed class ScreeningRuleSet
{
    public const string ResourceName = "Cupwise.Domain.screening-rules.json";

    private static readonly Lazy<ScreeningRuleSet> LazyStandard = new(() =>
    {
        using var stream = typeof(ScreeningRuleSet).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("screening-rules.json is missing from the build.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd());
    });

    private ScreeningRuleSet(int version, IReadOnlyList<ScreeningRule> rules, IReadOnlyList<string> reconciled)
    {
        Version = version;
        Rules = rules;
        Reconciled = reconciled;
    }

    public int Version { get; }
    public IReadOnlyList<ScreeningRule> Rules { get; }

    /// <summary>Where the published lists disagree, which one the rules follow and why.</summary>
    public IReadOnlyList<string> Reconciled { get; }

    /// <summary>The rules that ship with Cupwise.</summary>
    public static ScreeningRuleSet Standard => LazyStandard.Value;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>Reads a rule file; a malformed one is refused with its line and the reason.</summary>
    public static ScreeningRuleSet Parse(string json)
    {
        RuleFile file;
        try
        {
            file = JsonSerializer.Deserialize<RuleFile>(json, Json) ?? throw new RuleFileException("The rule file is empty.");
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $"line {l + 1}" : "an unknown line";
            throw new RuleFileException($"The rule file is malformed at {line} ({e.Path}): {e.Message}");
        }
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var siteIds = StandardCatalogue.Sites.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var rule in file.Rules)
        {
            if (!ids.Add(rule.Id))
            {
                throw new RuleFileException($"Rule '{rule.Id}' appears twice.");
            }
            foreach (var condition in rule.When.Condition ?? [])
            {
                if (ConditionCatalogue.Standard.Find(condition) is null)
                {
                    throw new RuleFileException($"Rule '{rule.Id}': condition '{condition}' is not in conditions.json ({ConditionCatalogue.Standard.Suggest(condition)}).");
                }
            }
            foreach (var allergen in rule.When.Allergen ?? [])
            {
                if (AllergenCatalogue.Standard.Find(allergen) is null)
                {
                    throw new RuleFileException($"Rule '{rule.Id}': allergen '{allergen}' is not in allergens.json ({ScreeningVocabulary.Nearest(allergen, AllergenCatalogue.Standard.Allergens.Select(a => a.Id))}).");
                }
            }
            foreach (var site in rule.When.Site ?? [])
            {
                if (!siteIds.Contains(site))
                {
                    throw new RuleFileException($"Rule '{rule.Id}': site '{site}' is not a body site ({ScreeningVocabulary.Nearest(site, siteIds)}).");
                }
            }
            foreach (var medicine in rule.When.MedicationClass ?? [])
            {
                if (!MedicineCatalogue.Standard.Classes.ContainsKey(medicine))
                {
                    throw new RuleFileException($"Rule '{rule.Id}': medication class '{medicine}' is not a class in medications.json ({string.Join(", ", MedicineCatalogue.Standard.Classes.Keys)}).");
                }
            }
            if (string.IsNullOrWhiteSpace(rule.Practitioner) || string.IsNullOrWhiteSpace(rule.Home) || string.IsNullOrWhiteSpace(rule.Source))
            {
                throw new RuleFileException($"Rule '{rule.Id}' needs a practitioner message, a home-user message and a source.");
            }
            if (rule.Grade is not ("M" or "R" or "P" or "D"))
            {
                throw new RuleFileException($"Rule '{rule.Id}': grade '{rule.Grade}' must be M, R, P or D (SCIENCE.md).");
            }
        }
        return new ScreeningRuleSet(file.Version, file.Rules, file.Reconciled ?? []);
    }

    private sealed record RuleFile(int Version, string? About, List<ScreeningRule> Rules, List<string>? Reconciled = null);
}

/// <summary>Suggestions for a name that is not valid.</summary>
public static class ScreeningVocabulary
{
    /// <summary>"nearest: …": the three nearest valid names by edit distance.</summary>
    public static string Nearest(string given, IEnumerable<string> valid) =>
        "nearest: " + string.Join(", ", valid.OrderBy(v => EditDistance(given, v)).ThenBy(v => v, StringComparer.Ordinal).Take(3));

    /// <summary>Levenshtein distance, ignoring case.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            d[j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            var previous = d[0];
            d[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var current = d[j];
                d[j] = Math.Min(Math.Min(d[j] + 1, d[j - 1] + 1), previous + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
                previous = current;
            }
        }
        return d[b.Length];
    }
}
