using System.Globalization;
using System.Text;
using Cupwise.Api;
using Cupwise.Domain.Safety;

namespace Cupwise.Safety;

/// <summary>docs/safety.md, generated from the rule file so that the two cannot drift (a test compares them).</summary>
public static class SafetyDocs
{
    public static string Render(ScreeningRuleSet rules)
    {
        var md = new StringBuilder();
        md.AppendLine("# Safety screening rules");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Generated from `src/Cupwise.Domain/Safety/screening-rules.json` (version {rules.Version}) — edit the rules there, then run the tests with `CUPWISE_UPDATE_DOCS=1` to regenerate this page.");
        md.AppendLine();
        md.AppendLine("Severities: **block** (cannot proceed), **override** (proceed only with a recorded reason; for home users a block), **caution** (proceed with the adjustment proposed), **info**. A rule matches when all its conditions hold; a list holds when any of its values does. Rules about a site, technique, method, time or pressure are checked against every planned cup. Grades as in SCIENCE.md: [M] measured, [R] review or textbook, [P] practitioner or vendor.");
        md.AppendLine();
        md.AppendLine("Cupwise never claims that cupping removes toxins, treats infections or replaces medical care.");
        md.AppendLine();
        md.AppendLine("| rule | severity | when | for the practitioner | for a home user | source | grade |");
        md.AppendLine("|---|---|---|---|---|---|---|");
        foreach (var rule in rules.Rules)
        {
            var adjust = rule.Adjust is null ? string.Empty
                : $" Proposes: {(rule.Adjust.MaxMinutes is { } m ? $"at most {m.ToString(CultureInfo.InvariantCulture)} min" : "")}{(rule.Adjust.MaxMinutes is not null && rule.Adjust.Light == true ? ", " : "")}{(rule.Adjust.Light == true ? "light suction" : "")}.";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| `{rule.Id}` | {ApiJson.Name(rule.Severity)} | {When(rule.When)} | {Cell(rule.Practitioner)}{adjust} | {Cell(rule.Home)} | {Cell(rule.Source)} | {rule.Grade} |");
        }
        md.AppendLine();
        md.AppendLine("## Where the published lists disagree");
        md.AppendLine();
        foreach (var line in rules.Reconciled)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
        }
        md.AppendLine();
        md.AppendLine("## How a health history is read");
        md.AppendLine();
        md.AppendLine("A recorded condition means a concept below by its ICD-10 code when it has one (a range covers every code in it, subcodes included), else by the concept's words, matched as whole words with the longest first, so that \"hay fever\" is not fever and \"anaemia\" is not found inside another word. Only active conditions count, unless the concept says a past one does; a condition recorded as resolved or \"history of\", or whose words say so (\"as a child\", \"history of\", \"resolved\"), is past. From `src/Cupwise.Domain/Safety/conditions.json`; codes and titles from ICD-10 (WHO, 2019 edition).");
        md.AppendLine();
        md.AppendLine("| concept | ICD-10 | words | a past one counts |");
        md.AppendLine("|---|---|---|---|");
        foreach (var c in ConditionCatalogue.Standard.Concepts)
        {
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| `{c.Id}` {Cell(c.Title)} | {(c.Icd10.Count == 0 ? "—" : string.Join(", ", c.Icd10))} | {Cell(string.Join(", ", c.Aliases))} | {(c.AnyStatus ? "yes" : "no")} |");
        }
        md.AppendLine();
        md.AppendLine("A recorded allergy is read by the words of its substance (and of its reaction, for anaphylaxis), as whole words; one recorded as resolved is not read. Only the allergens a cupping session can meet are read: the lubricants of moving cupping, latex, the alcohol of fire cupping, the antiseptics and dressings of wet cupping. From `src/Cupwise.Domain/Safety/allergens.json`.");
        md.AppendLine();
        md.AppendLine("| allergen | FHIR category | words |");
        md.AppendLine("|---|---|---|");
        foreach (var a in AllergenCatalogue.Standard.Allergens)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{a.Id}` {Cell(a.Title)} | {a.Category} | {Cell(string.Join(", ", a.Aliases))} |");
        }
        md.AppendLine();
        md.AppendLine("Vital signs (temperature, blood pressure, pulse) are taken at the start of a session, on the charting page or with `POST /api/v1/sessions/{id}/vitals`; a reading taken again is kept beside the first, and the rules read the latest value of each sign. Blood-pressure thresholds are those of NICE NG136 (2019) and the 2017 ACC/AHA guideline for a clinic reading; one high reading is worth taking again after five minutes' rest, which the message says.");
        md.AppendLine();
        md.AppendLine("A recorded medicine is classed by its ATC code when it has one, else by a generic or brand name found in it as whole words, so a dose, a route or a bracket after the name does not hide it. From `src/Cupwise.Domain/Safety/medications.json`; codes from the WHO ATC index.");
        md.AppendLine();
        md.AppendLine("| class | ATC groups | medicines (brands) |");
        md.AppendLine("|---|---|---|");
        foreach (var (id, medicineClass) in MedicineCatalogue.Standard.Classes)
        {
            var members = MedicineCatalogue.Standard.Medicines.Where(m => medicineClass.Atc.Any(g => m.Atc.StartsWith(g, StringComparison.Ordinal)))
                .Select(m => m.Brands.Count == 0 ? $"{m.Name} {m.Atc}" : $"{m.Name} {m.Atc} ({string.Join(", ", m.Brands)})");
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{id}` {medicineClass.Title} | {string.Join(", ", medicineClass.Atc)} | {Cell(string.Join("; ", members))} |");
        }
        md.AppendLine();
        md.AppendLine("## Vocabulary");
        md.AppendLine();
        md.AppendLine("`cupwise screen --list-vocabulary` prints the same lists. `POST /api/v1/screening` and `cupwise screen` take a condition as a concept, one of its words, a phrase containing them or an ICD-10 code; a well-formed code that no concept covers screens as nothing. Unknown names are errors that name the nearest concepts.");
        md.AppendLine();
        foreach (var (kind, names) in ScreeningRequests.Vocabulary())
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{kind}**: {string.Join(", ", names.Select(n => $"`{n}`"))}");
        }
        return md.ToString().ReplaceLineEndings("\n");
    }

    private static string When(RuleWhen w)
    {
        var parts = new List<string>();
        void Add<T>(string name, IEnumerable<T>? values) where T : notnull
        {
            if (values is not null)
            {
                parts.Add($"{name} {string.Join(" or ", values.Select(v => v is Enum e ? Kebab(e) : v.ToString()))}");
            }
        }
        Add("skin finding", w.SkinFinding);
        Add("site flag", w.SiteFlag);
        Add("site", w.Site);
        Add("view", w.View);
        Add("technique", w.Technique);
        Add("method", w.Method);
        Add("condition", w.Condition);
        Add("medicine class", w.MedicationClass);
        Add("allergy to", w.Allergen);
        if (w.Fire == true) { parts.Add("a fire method"); }
        if (w.Pregnant == true) { parts.Add("pregnant"); }
        if (w.DurationOverMinutes is { } d) { parts.Add(string.Create(CultureInfo.InvariantCulture, $"longer than {d} min")); }
        if (w.PressureBeyondMmHg is { } p) { parts.Add(string.Create(CultureInfo.InvariantCulture, $"stronger than {p} mmHg")); }
        if (w.TemperatureAtLeastC is { } t) { parts.Add(string.Create(CultureInfo.InvariantCulture, $"temperature ≥ {t} °C")); }
        if (w.BloodPressureAtLeast is { } bp) { parts.Add($"blood pressure ≥ {bp.Systolic} systolic or ≥ {bp.Diastolic} diastolic mmHg"); }
        if (w.BloodPressureBelow is { } under) { parts.Add($"blood pressure below {under.Systolic}/{under.Diastolic} mmHg"); }
        if (w.SystolicBelowMmHg is { } low) { parts.Add($"systolic < {low} mmHg"); }
        if (w.PulseAtLeastBpm is { } fast) { parts.Add($"pulse ≥ {fast} a minute"); }
        if (w.PulseBelowBpm is { } slow) { parts.Add($"pulse < {slow} a minute"); }
        if (w.AgeBelowYears is { } below) { parts.Add(string.Create(CultureInfo.InvariantCulture, $"under {below} years")); }
        if (w.AgeAtLeastYears is { } atLeast) { parts.Add(string.Create(CultureInfo.InvariantCulture, $"{atLeast} years or older")); }
        if (w.FirstSession == true) { parts.Add("first session"); }
        if (w.HomeUser == true) { parts.Add("home user"); }
        if (w.Always == true) { parts.Add("always"); }
        return string.Join("; ", parts);
    }

    private static string Kebab(Enum value) => string.Join(" or ", value.ToString().Split(", ").Select(x => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(x)));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
