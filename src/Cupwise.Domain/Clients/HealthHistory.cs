using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;

namespace Cupwise.Domain.Clients;

/// <summary>What a practitioner must know before cups go on: conditions, medicines, pregnancy, skin, allergies.</summary>
public sealed class HealthHistory
{
    public List<Condition> Conditions { get; set; } = [];
    public List<Medication> Medications { get; set; } = [];

    /// <summary>Null when not pregnant (or not asked).</summary>
    public Pregnancy? Pregnancy { get; set; }
    public List<SkinFinding> SkinFindings { get; set; } = [];
    public List<Allergy> Allergies { get; set; } = [];
    public string? Notes { get; set; }

    internal void Validate(Sex sex, DateOnly today, Checks checks)
    {
        for (var i = 0; i < Conditions.Count; i++)
        {
            var c = Conditions[i];
            c.Name = checks.Run(() => Guard.Required($"healthHistory.conditions[{i}].name", c.Name, 200), c.Name);
            c.Notes = checks.Run(() => Guard.Optional($"healthHistory.conditions[{i}].notes", c.Notes, 2000), c.Notes);
            c.Icd10 = checks.Run(() => Code($"healthHistory.conditions[{i}].icd10", c.Icd10), c.Icd10);
            c.Onset = checks.Run(() => Onset($"healthHistory.conditions[{i}].onset", c.Onset, today), c.Onset);
            if (!Enum.IsDefined(c.Status))
            {
                checks.Fail($"healthHistory.conditions[{i}].status", "must be active, resolved or history-of.");
            }
        }
        for (var i = 0; i < Medications.Count; i++)
        {
            var m = Medications[i];
            m.Name = checks.Run(() => Guard.Required($"healthHistory.medications[{i}].name", m.Name, 200), m.Name);
            m.Dose = checks.Run(() => Guard.Optional($"healthHistory.medications[{i}].dose", m.Dose, 200), m.Dose);
            m.Route = checks.Run(() => Guard.Optional($"healthHistory.medications[{i}].route", m.Route, 100), m.Route);
            m.Atc = checks.Run(() => Atc($"healthHistory.medications[{i}].atc", m.Atc), m.Atc);
        }
        if (Pregnancy is not null)
        {
            if (sex == Sex.Male)
            {
                checks.Fail("healthHistory.pregnancy", "cannot be recorded for a client whose sex is male.");
            }
            checks.Run(() => PregnancyWeeks.FromWeeks(Pregnancy.Weeks, "healthHistory.pregnancy.weeks"));
        }
        for (var i = 0; i < SkinFindings.Count; i++)
        {
            var field = $"healthHistory.skinFindings[{i}]";
            var finding = SkinFindings[i];
            var site = StandardCatalogue.Sites.FirstOrDefault(s => s.Id == finding.SiteId);
            if (site is null)
            {
                checks.Fail($"{field}.siteId", $"'{finding.SiteId}' is not a known body site; GET /api/v1/sites lists them.");
            }
            else
            {
                checks.Run(() => site.CheckSide(finding.Side, $"{field}.side"));
            }
            finding.Notes = checks.Run(() => Guard.Optional($"{field}.notes", finding.Notes, 2000), finding.Notes);
        }
        for (var i = 0; i < Allergies.Count; i++)
        {
            var a = Allergies[i];
            a.Substance = checks.Run(() => Guard.Required($"healthHistory.allergies[{i}].substance", a.Substance, 200), a.Substance);
            a.Reaction = checks.Run(() => Guard.Optional($"healthHistory.allergies[{i}].reaction", a.Reaction, 500), a.Reaction);
            if (!Enum.IsDefined(a.Status))
            {
                checks.Fail($"healthHistory.allergies[{i}].status", "must be active or resolved.");
            }
            if (a.Severity is { } severity && !Enum.IsDefined(severity))
            {
                checks.Fail($"healthHistory.allergies[{i}].severity", "must be mild, moderate or severe.");
            }
        }
        Notes = checks.Run(() => Guard.Optional("healthHistory.notes", Notes, 4000), Notes);
    }

    private static string? Code(string field, string? given)
    {
        var text = Guard.Optional(field, given, 10);
        if (text is null)
        {
            return null;
        }
        return Safety.Icd10.TryNormalise(text, out var code)
            ? code
            : throw new DomainValidationException(field, $"must be an ICD-10 code: a letter, two digits and optionally a point and more, such as E11.9; got '{text}'.");
    }

    private static string? Atc(string field, string? given)
    {
        var text = Guard.Optional(field, given, 7)?.ToUpperInvariant();
        return text is null || Safety.MedicineCatalogue.IsAtc(text)
            ? text
            : throw new DomainValidationException(field, $"must be an ATC code such as B01AA03 (warfarin); got '{given}'.");
    }

    /// <summary>When a condition began, as precisely as it is known: a year, a month or a day.</summary>
    private static string? Onset(string field, string? given, DateOnly today)
    {
        var text = Guard.Optional(field, given, 10);
        if (text is null)
        {
            return null;
        }
        string[] formats = ["yyyy", "yyyy-MM", "yyyy-MM-dd"];
        return DateTime.TryParseExact(text, formats, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            && at.Year >= 1900
            ? (DateOnly.FromDateTime(at) <= today ? text : throw new DomainValidationException(field, $"must not be in the future (today is {today:yyyy-MM-dd}); got '{text}'."))
            : throw new DomainValidationException(field, $"must be a year, a month or a day, such as 2019, 2019-05 or 2019-05-14; got '{text}'.");
    }
}

/// <summary>Whether a condition holds now: screening's active-only rules read only active ones.</summary>
public enum ConditionStatus
{
    Active,
    Resolved,
    HistoryOf,
}

public sealed class Condition
{
    public string Name { get; set; } = string.Empty;

    /// <summary>ICD-10 code where known, such as M54.2 for neck pain; without one the condition is "not coded".</summary>
    public string? Icd10 { get; set; }
    public ConditionStatus Status { get; set; } = ConditionStatus.Active;

    /// <summary>When it began: a year, a month or a day (2019, 2019-05, 2019-05-14).</summary>
    public string? Onset { get; set; }
    public string? Notes { get; set; }
}

public sealed class Medication
{
    public string Name { get; set; } = string.Empty;

    /// <summary>The dose as prescribed ("5 mg once a day"), kept apart from the name.</summary>
    public string? Dose { get; set; }

    /// <summary>How it is taken: by mouth, injection, on the skin.</summary>
    public string? Route { get; set; }

    /// <summary>ATC code where known, such as B01AA03 for warfarin.</summary>
    public string? Atc { get; set; }

    /// <summary>True for anticoagulant or antiplatelet medicines: a bleeding tendency for screening (SCIENCE.md §4).</summary>
    public bool AnticoagulantOrAntiplatelet { get; set; }
}

public sealed class Pregnancy
{
    /// <summary>Completed weeks, 0–45.</summary>
    public int Weeks { get; set; }
}

public enum SkinFindingKind
{
    BrokenSkin,
    Ulcer,
    Infection,
    AllergicRash,
    Tumour,
    FreshScar,
    Scar,
    VaricoseVeins,
    Lesion,
    SkinGraft,
    Lymphoedema,
    Bruise,
    Other,

    // Added after Other so that stored values keep their meaning.
    Sunburn,
    /// <summary>Recent trauma, fracture, muscle tear or acute sprain.</summary>
    RecentInjury,
    RecentSurgery,
}

/// <summary>Something seen on the skin at one site, which the safety rules check planned cups against.</summary>
public sealed class SkinFinding
{
    public string SiteId { get; set; } = string.Empty;
    public BodySide Side { get; set; }
    public SkinFindingKind Kind { get; set; }
    public string? Notes { get; set; }
}

/// <summary>Whether an allergy still holds (FHIR AllergyIntolerance clinicalStatus); screening reads only active ones.</summary>
public enum AllergyStatus
{
    Active,
    Resolved,
}

/// <summary>How bad the reaction was (FHIR AllergyIntolerance reaction severity).</summary>
public enum AllergySeverity
{
    Mild,
    Moderate,
    Severe,
}

public sealed class Allergy
{
    /// <summary>What the client reacts to, as written or picked ("Almond oil", "Latex").</summary>
    public string Substance { get; set; } = string.Empty;

    /// <summary>What happens ("itchy rash", "anaphylaxis").</summary>
    public string? Reaction { get; set; }
    public AllergySeverity? Severity { get; set; }
    public AllergyStatus Status { get; set; }
}
