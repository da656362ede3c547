using System.Globalization;
using System.Text.Json;
using Cupwise.Domain.Clients;

namespace Cupwise.Domain.Safety;

/// <summary>The data files shipped in this assembly (conditions, medicines, ICD-10 codes), read once each.</summary>
internal static class SafetyData
{
    internal static T Load<T>(string name)
    {
        using var stream = typeof(SafetyData).Assembly.GetManifestResourceStream($"Cupwise.Domain.{name}")
            ?? throw new InvalidOperationException($"{name} is missing from the build.");
        return JsonSerializer.Deserialize<T>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"{name} is empty.");
    }
}

/// <summary>A code offered when a condition is entered, with its title.</summary>
public sealed record Icd10Entry(string Code, string Title);

/// <summary>ICD-10 codes: what a well-formed one looks like, its chapter, and whether it lies in a rule's range.</summary>
public static class Icd10
{
    private static readonly Lazy<IReadOnlyList<Icd10Entry>> LazyOffered = new(() => SafetyData.Load<CodeFile>("icd10-codes.json").Codes);

    /// <summary>The codes offered as a condition is typed (icd10-codes.json): every code a rule reads and the common indications.</summary>
    public static IReadOnlyList<Icd10Entry> Offered => LazyOffered.Value;

    /// <summary>"Type 2 diabetes mellitus (E11)", as the picker offers a code: its title and code, or null when the text is not one.</summary>
    public static Icd10Entry? Picked(string? text)
    {
        var trimmed = text?.Trim() ?? string.Empty;
        var open = trimmed.LastIndexOf(" (", StringComparison.Ordinal);
        if (open < 0 || !trimmed.EndsWith(')'))
        {
            return null;
        }
        var code = trimmed[(open + 2)..^1];
        return Offered.FirstOrDefault(e => e.Code == code && e.Title == trimmed[..open]);
    }

    /// <summary>How the picker shows an offered code.</summary>
    public static string Label(Icd10Entry entry) => $"{entry.Title} ({entry.Code})";

    private sealed record CodeFile(int Version, string? About, List<Icd10Entry> Codes);

    private static readonly (char From, int FromNumber, char To, int ToNumber, string Chapter)[] Chapters =
    [
        ('A', 0, 'B', 99, "I Certain infectious and parasitic diseases"),
        ('C', 0, 'D', 48, "II Neoplasms"),
        ('D', 50, 'D', 89, "III Diseases of the blood and immune mechanism"),
        ('E', 0, 'E', 90, "IV Endocrine, nutritional and metabolic diseases"),
        ('F', 0, 'F', 99, "V Mental and behavioural disorders"),
        ('G', 0, 'G', 99, "VI Diseases of the nervous system"),
        ('H', 0, 'H', 59, "VII Diseases of the eye and adnexa"),
        ('H', 60, 'H', 95, "VIII Diseases of the ear and mastoid process"),
        ('I', 0, 'I', 99, "IX Diseases of the circulatory system"),
        ('J', 0, 'J', 99, "X Diseases of the respiratory system"),
        ('K', 0, 'K', 93, "XI Diseases of the digestive system"),
        ('L', 0, 'L', 99, "XII Diseases of the skin and subcutaneous tissue"),
        ('M', 0, 'M', 99, "XIII Diseases of the musculoskeletal system and connective tissue"),
        ('N', 0, 'N', 99, "XIV Diseases of the genitourinary system"),
        ('O', 0, 'O', 99, "XV Pregnancy, childbirth and the puerperium"),
        ('P', 0, 'P', 96, "XVI Certain conditions originating in the perinatal period"),
        ('Q', 0, 'Q', 99, "XVII Congenital malformations and chromosomal abnormalities"),
        ('R', 0, 'R', 99, "XVIII Symptoms, signs and abnormal findings not elsewhere classified"),
        ('S', 0, 'T', 98, "XIX Injury, poisoning and other consequences of external causes"),
        ('V', 1, 'Y', 98, "XX External causes of morbidity and mortality"),
        ('Z', 0, 'Z', 99, "XXI Factors influencing health status and contact with health services"),
        ('U', 0, 'U', 85, "XXII Codes for special purposes"),
    ];

    /// <summary>
    /// A code as ICD-10 writes it — a letter, two digits, and optionally a point and up to four more characters —
    /// in capitals with its point ("e119" and "E11.9" both give "E11.9"); false for anything else.
    /// </summary>
    public static bool TryNormalise(string? text, out string code)
    {
        code = string.Empty;
        var compact = (text ?? string.Empty).Trim().Replace(".", "", StringComparison.Ordinal).ToUpperInvariant();
        if (compact.Length is < 3 or > 7 || compact[0] is < 'A' or > 'Z' || !char.IsAsciiDigit(compact[1]) || !char.IsAsciiDigit(compact[2])
            || !compact[3..].All(char.IsAsciiLetterOrDigit) || Chapter(compact[..3]) is null)
        {
            return false;
        }
        code = compact.Length == 3 ? compact : $"{compact[..3]}.{compact[3..]}";
        return true;
    }

    /// <summary>The chapter a well-formed code belongs to ("IV Endocrine, nutritional and metabolic diseases"), or null.</summary>
    public static string? Chapter(string code)
    {
        if (code.Length < 3 || !int.TryParse(code.AsSpan(1, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        var letter = char.ToUpperInvariant(code[0]);
        foreach (var (from, fromNumber, to, toNumber, chapter) in Chapters)
        {
            var afterStart = letter > from || (letter == from && number >= fromNumber);
            var beforeEnd = letter < to || (letter == to && number <= toNumber);
            if (afterStart && beforeEnd)
            {
                return chapter;
            }
        }
        return null;
    }

    /// <summary>
    /// A name for a code given without one: its title when it is offered ("Essential (primary) hypertension"), else
    /// the code with its chapter ("K58.0 · Diseases of the digestive system").
    /// </summary>
    public static string NameFor(string code)
    {
        if (Offered.FirstOrDefault(e => e.Code == code) is { } entry)
        {
            return entry.Title;
        }
        var chapter = Chapter(code);
        return chapter is null ? code : $"{code} · {chapter[(chapter.IndexOf(' ', StringComparison.Ordinal) + 1)..]}";
    }

    /// <summary>
    /// Whether a normalised code lies in a pattern: one code ("I50" covers I50 and its subcodes) or a range
    /// ("D66-D67", "D69.3-D69.6"), each end compared at its own length.
    /// </summary>
    public static bool InRange(string code, string pattern)
    {
        var dash = pattern.IndexOf('-', StringComparison.Ordinal);
        var low = dash < 0 ? pattern.AsSpan() : pattern.AsSpan(0, dash);
        var high = dash < 0 ? pattern.AsSpan() : pattern.AsSpan(dash + 1);
        return Cut(code, low.Length).CompareTo(low, StringComparison.Ordinal) >= 0 && Cut(code, high.Length).CompareTo(high, StringComparison.Ordinal) <= 0;
    }

    private static ReadOnlySpan<char> Cut(string code, int length) => code.AsSpan(0, Math.Min(code.Length, length));
}

/// <summary>A condition screening understands: its ICD-10 codes and the words a clinician writes for it.</summary>
public sealed record ConditionConcept(string Id, string Title, IReadOnlyList<string> Icd10, IReadOnlyList<string> Aliases, bool AnyStatus = false);

/// <summary>A medicine screening understands: its generic name, brands and ATC code.</summary>
public sealed record MedicineEntry(string Name, string Atc, IReadOnlyList<string> Brands);

/// <summary>A group of medicines a rule names, by the ATC groups it covers.</summary>
public sealed record MedicineClass(string Title, IReadOnlyList<string> Atc);

/// <summary>Splits text into lower-case words and finds phrases in it as whole words, longest first.</summary>
internal sealed class PhraseIndex<T>(IEnumerable<(string Phrase, T Value)> phrases)
{
    private readonly Dictionary<string, List<(string[] Words, T Value)>> _byFirstWord = Build(phrases);

    private static Dictionary<string, List<(string[] Words, T Value)>> Build(IEnumerable<(string Phrase, T Value)> phrases)
    {
        var index = new Dictionary<string, List<(string[] Words, T Value)>>(StringComparer.Ordinal);
        foreach (var (phrase, value) in phrases)
        {
            var words = Words(phrase);
            if (words.Count == 0)
            {
                continue;
            }
            if (!index.TryGetValue(words[0], out var list))
            {
                index[words[0]] = list = [];
            }
            list.Add(([.. words], value));
        }
        foreach (var list in index.Values)
        {
            list.Sort((a, b) => b.Words.Length.CompareTo(a.Words.Length));
        }
        return index;
    }

    /// <summary>Letters and digits make words; everything else (spaces, brackets, commas, hyphens, points) parts them.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                words.Add(text.Substring(start, i - start).ToLowerInvariant());
                start = -1;
            }
        }
        return words;
    }

    /// <summary>Every phrase found in the words, scanning left to right; a longer phrase takes its words from a shorter one inside it.</summary>
    public List<T> Find(IReadOnlyList<string> words)
    {
        var found = new List<T>();
        var i = 0;
        while (i < words.Count)
        {
            var taken = 0;
            if (_byFirstWord.TryGetValue(words[i], out var candidates))
            {
                foreach (var (phrase, value) in candidates)
                {
                    if (i + phrase.Length <= words.Count && Matches(words, i, phrase))
                    {
                        found.Add(value);
                        taken = phrase.Length;
                        break;
                    }
                }
            }
            i += Math.Max(taken, 1);
        }
        return found;
    }

    private static bool Matches(IReadOnlyList<string> words, int at, string[] phrase)
    {
        for (var k = 0; k < phrase.Length; k++)
        {
            if (!string.Equals(words[at + k], phrase[k], StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }
}

/// <summary>
/// The conditions screening reads (conditions.json): a recorded condition matches a concept by its ICD-10 code or
/// by the concept's words, whole words only, and only when active unless the concept says a past one counts.
/// </summary>
public sealed class ConditionCatalogue
{
    private static readonly Lazy<ConditionCatalogue> LazyStandard = new(() => new ConditionCatalogue(SafetyData.Load<ConceptFile>("conditions.json").Concepts));

    /// <summary>Words that say a condition written as active is in fact past ("epilepsy as a child").</summary>
    private static readonly PhraseIndex<bool> PastWords = new(new[]
    {
        "history of", "h/o", "resolved", "as a child", "in childhood", "childhood", "previous", "previously", "past", "former", "formerly",
        "no longer", "years ago", "in remission", "cured", "healed",
    }.Select(p => (p, true)));

    private readonly Dictionary<string, ConditionConcept> _byId;
    private readonly PhraseIndex<ConditionConcept> _words;

    public ConditionCatalogue(IReadOnlyList<ConditionConcept> concepts)
    {
        Concepts = concepts;
        _byId = concepts.ToDictionary(c => c.Id, StringComparer.Ordinal);
        _words = new PhraseIndex<ConditionConcept>(concepts.SelectMany(c => c.Aliases.Append(c.Id.Replace('-', ' ')).Select(a => (a, c))));
    }

    public static ConditionCatalogue Standard => LazyStandard.Value;

    public IReadOnlyList<ConditionConcept> Concepts { get; }

    public ConditionConcept? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The concepts a well-formed ICD-10 code means.</summary>
    public IEnumerable<ConditionConcept> ForCode(string code) =>
        Icd10.TryNormalise(code, out var normal) ? Concepts.Where(c => c.Icd10.Any(p => Icd10.InRange(normal, p))) : [];

    /// <summary>The concepts free text names, by whole words ("Type 2 diabetes" is diabetes; "hay fever" is not fever).</summary>
    public IReadOnlyList<ConditionConcept> ForText(string text) => _words.Find(PhraseIndex<bool>.Words(text)).Distinct().ToList();

    /// <summary>Whether the words of a condition say it is past, whatever its status.</summary>
    public static bool SoundsPast(string text) => PastWords.Find(PhraseIndex<bool>.Words(text)).Count > 0;

    /// <summary>The concept ids screening reads from one recorded condition: by its code when it has one, else by its words; past ones only where they count.</summary>
    public IEnumerable<string> Read(Condition condition)
    {
        var past = IsPast(condition);
        return Named(condition).Where(c => !past || c.AnyStatus).Select(c => c.Id);
    }

    /// <summary>The concepts a recorded condition names, current or past: by its code when it has one, else by its words.</summary>
    public IReadOnlyList<ConditionConcept> Named(Condition condition)
    {
        var byCode = condition.Icd10 is { Length: > 0 } code ? ForCode(code).ToList() : [];
        return byCode.Count > 0 ? byCode : [.. _words.Find(PhraseIndex<bool>.Words(condition.Name)).Distinct()];
    }

    /// <summary>Whether a recorded condition is past: by its status, or by its words or notes ("as a child").</summary>
    public static bool IsPast(Condition condition) =>
        condition.Status != ConditionStatus.Active || SoundsPast(condition.Name) || (condition.Notes is { } n && SoundsPast(n));

    /// <summary>
    /// What a name given to the API or the command line means: a concept's id, one of its words, an ICD-10 code, or a
    /// phrase containing them. Empty when it means none.
    /// </summary>
    public IReadOnlyList<ConditionConcept> Resolve(string given)
    {
        var text = given.Trim();
        if (_byId.TryGetValue(text, out var exact))
        {
            return [exact];
        }
        if (Icd10.TryNormalise(text, out var code))
        {
            return [.. ForCode(code)];
        }
        return ForText(text);
    }

    /// <summary>Words too common in code titles to tell one code from another.</summary>
    private static readonly HashSet<string> TitleFillers = new(StringComparer.Ordinal)
    {
        "of", "the", "and", "or", "in", "with", "without", "other", "unspecified", "not", "elsewhere", "classified", "disease", "diseases", "disorder", "disorders",
    };

    /// <summary>
    /// The ICD-10 codes to offer for a condition written in words, best first: the offered codes within the concepts
    /// its words name, and any whose title shares its words, ranked by the words they share. Empty for a code or a
    /// picked entry, and when nothing fits.
    /// </summary>
    public IReadOnlyList<Icd10Entry> OfferCodes(string text, int max = 3)
    {
        if (string.IsNullOrWhiteSpace(text) || Icd10.TryNormalise(text, out _) || Icd10.Picked(text) is not null)
        {
            return [];
        }
        var words = PhraseIndex<bool>.Words(text).Where(w => !TitleFillers.Contains(w)).ToHashSet(StringComparer.Ordinal);
        var concepts = ForText(text);
        return Icd10.Offered
            .Select(e => (Entry: e,
                Covered: concepts.Any(c => c.Icd10.Any(p => Icd10.InRange(e.Code, p))),
                Shared: PhraseIndex<bool>.Words(e.Title).Distinct().Count(words.Contains)))
            .Where(x => x.Covered || x.Shared >= Math.Min(2, words.Count))
            .OrderByDescending(x => x.Shared + (x.Covered ? 1 : 0))
            .ThenBy(x => x.Entry.Code, StringComparer.Ordinal)
            .Take(max)
            .Select(x => x.Entry)
            .ToList();
    }

    /// <summary>"nearest: …": the concepts whose words come closest to the words given, word for word; ties go to the closest id.</summary>
    public string Suggest(string given)
    {
        var words = PhraseIndex<bool>.Words(given);
        var ranked = Concepts
            .Select(c => (Concept: c, Score: Score(words, c)))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => ScreeningVocabulary.EditDistance(given, x.Concept.Id))
            .ThenBy(x => x.Concept.Id, StringComparer.Ordinal)
            .Take(3)
            .Select(x => $"{x.Concept.Id} ({x.Concept.Title})");
        return "nearest: " + string.Join(", ", ranked);
    }

    /// <summary>Per given word, how close its best match among the concept's words is (1 for the same word, less for a misspelling).</summary>
    private static double Score(IReadOnlyList<string> given, ConditionConcept concept)
    {
        var theirs = concept.Aliases.Append(concept.Title).Append(concept.Id).SelectMany(PhraseIndex<bool>.Words).Distinct().ToList();
        var score = 0.0;
        foreach (var word in given)
        {
            var best = theirs.Max(w => Similarity(word, w));
            score += best >= 0.6 ? best : 0;
        }
        return score;
    }

    private static double Similarity(string a, string b)
    {
        if (a == b)
        {
            return 1;
        }
        var longest = Math.Max(a.Length, b.Length);
        return longest == 0 ? 0 : 1 - (double)ScreeningVocabulary.EditDistance(a, b) / longest;
    }

    private sealed record ConceptFile(int Version, string? About, List<ConditionConcept> Concepts);
}

/// <summary>
/// The medicines screening reads (medications.json): a recorded medicine is classed by its ATC code when coded, or
/// by a generic or brand name found in it as whole words ("Warfarin 5 mg", "Marevan (warfarin)").
/// </summary>
public sealed class MedicineCatalogue
{
    private static readonly Lazy<MedicineCatalogue> LazyStandard = new(() =>
    {
        var file = SafetyData.Load<MedicineFile>("medications.json");
        return new MedicineCatalogue(file.Medicines, file.Classes);
    });

    private readonly PhraseIndex<MedicineEntry> _names;

    public MedicineCatalogue(IReadOnlyList<MedicineEntry> medicines, IReadOnlyDictionary<string, MedicineClass> classes)
    {
        Medicines = medicines;
        Classes = classes;
        _names = new PhraseIndex<MedicineEntry>(medicines.SelectMany(m => m.Brands.Prepend(m.Name).Select(n => (n, m))));
    }

    public static MedicineCatalogue Standard => LazyStandard.Value;

    public IReadOnlyList<MedicineEntry> Medicines { get; }

    /// <summary>Class id (as rules name it) → its title and ATC groups.</summary>
    public IReadOnlyDictionary<string, MedicineClass> Classes { get; }

    /// <summary>A well-formed ATC code or group: A, A10, A10B, A10BA, A10BA02.</summary>
    public static bool IsAtc(string text) =>
        text.Length is 1 or 3 or 4 or 5 or 7 && char.IsAsciiLetterUpper(text[0])
        && (text.Length < 3 || (char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2])))
        && (text.Length < 4 || char.IsAsciiLetterUpper(text[3]))
        && (text.Length < 5 || char.IsAsciiLetterUpper(text[4]))
        && (text.Length < 7 || (char.IsAsciiDigit(text[5]) && char.IsAsciiDigit(text[6])));

    /// <summary>The listed medicine named in free text, if any.</summary>
    public MedicineEntry? ForText(string text) => _names.Find(PhraseIndex<bool>.Words(text)).FirstOrDefault();

    /// <summary>The classes of a recorded medicine: an ATC code, or text that names a listed medicine.</summary>
    public IEnumerable<string> ClassesOf(string recorded)
    {
        var text = recorded.Trim();
        var atc = IsAtc(text.ToUpperInvariant()) && text.Length > 1 ? text.ToUpperInvariant() : ForText(text)?.Atc;
        if (atc is null)
        {
            yield break;
        }
        foreach (var (id, medicineClass) in Classes)
        {
            if (medicineClass.Atc.Any(group => atc.StartsWith(group, StringComparison.Ordinal)))
            {
                yield return id;
            }
        }
    }

    private sealed record MedicineFile(int Version, string? About, Dictionary<string, MedicineClass> Classes, List<MedicineEntry> Medicines);
}

/// <summary>An allergen screening reads (allergens.json), with its words and its FHIR AllergyIntolerance category.</summary>
public sealed record AllergenConcept(string Id, string Title, string Category, IReadOnlyList<string> Aliases);

/// <summary>The allergens a cupping session can meet, read from a recorded allergy by whole words.</summary>
public sealed class AllergenCatalogue
{
    private static readonly Lazy<AllergenCatalogue> LazyStandard = new(() => new AllergenCatalogue(SafetyData.Load<AllergenFile>("allergens.json").Allergens));

    private readonly Dictionary<string, AllergenConcept> _byId;
    private readonly PhraseIndex<AllergenConcept> _words;

    public AllergenCatalogue(IReadOnlyList<AllergenConcept> allergens)
    {
        Allergens = allergens;
        _byId = allergens.ToDictionary(a => a.Id, StringComparer.Ordinal);
        _words = new PhraseIndex<AllergenConcept>(allergens.SelectMany(a => a.Aliases.Select(w => (w, a))));
    }

    public static AllergenCatalogue Standard => LazyStandard.Value;

    public IReadOnlyList<AllergenConcept> Allergens { get; }

    public AllergenConcept? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The allergen ids screening reads from one recorded allergy: the substance's words, and anaphylaxis from the
    /// reaction's too. One recorded as resolved is read as nothing.
    /// </summary>
    public IEnumerable<string> Read(Allergy allergy)
    {
        if (allergy.Status == AllergyStatus.Resolved)
        {
            return [];
        }
        var found = _words.Find(PhraseIndex<bool>.Words(allergy.Substance)).Select(a => a.Id);
        if (allergy.Reaction is { Length: > 0 } reaction)
        {
            found = found.Concat(_words.Find(PhraseIndex<bool>.Words(reaction)).Where(a => a.Id == "anaphylaxis").Select(a => a.Id));
        }
        return found.Distinct();
    }

    /// <summary>What a name given to the API or the command line means: an allergen's id or its words; empty when none.</summary>
    public IReadOnlyList<AllergenConcept> Resolve(string given) =>
        _byId.TryGetValue(given.Trim(), out var exact) ? [exact] : [.. _words.Find(PhraseIndex<bool>.Words(given)).Distinct()];

    private sealed record AllergenFile(int Version, string? About, List<AllergenConcept> Allergens);
}
