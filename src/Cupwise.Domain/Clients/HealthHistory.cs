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

    internal void Validate(Sex sex, Checks checks)
    {
        for (var i = 0; i < Conditions.Count; i++)
        {
            var c = Conditions[i];
            c.Name = checks.Run(() => Guard.Required($"healthHistory.conditions[{i}].name", c.Name, 200), c.Name);
            c.Notes = checks.Run(() => Guard.Optional($"healthHistory.conditions[{i}].notes", c.Notes, 2000), c.Notes);
            c.Icd10 = checks.Run(() => Guard.Optional($"healthHistory.conditions[{i}].icd10", c.Icd10, 10), c.Icd10);
        }
        for (var i = 0; i < Medications.Count; i++)
        {
            var m = Medications[i];
            m.Name = checks.Run(() => Guard.Required($"healthHistory.medications[{i}].name", m.Name, 200), m.Name);
            m.Dose = checks.Run(() => Guard.Optional($"healthHistory.medications[{i}].dose", m.Dose, 200), m.Dose);
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
        }
        Notes = checks.Run(() => Guard.Optional("healthHistory.notes", Notes, 4000), Notes);
    }
}

public sealed class Condition
{
    public string Name { get; set; } = string.Empty;

    /// <summary>ICD-10 code where known, such as M54.2 for neck pain.</summary>
    public string? Icd10 { get; set; }
    public bool Active { get; set; } = true;
    public string? Notes { get; set; }
}

public sealed class Medication
{
    public string Name { get; set; } = string.Empty;
    public string? Dose { get; set; }

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
}

/// <summary>Something seen on the skin at one site, which the safety rules check planned cups against.</summary>
public sealed class SkinFinding
{
    public string SiteId { get; set; } = string.Empty;
    public BodySide Side { get; set; }
    public SkinFindingKind Kind { get; set; }
    public string? Notes { get; set; }
}

public sealed class Allergy
{
    public string Substance { get; set; } = string.Empty;
    public string? Reaction { get; set; }
}
