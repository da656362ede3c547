using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Sessions;
using Cupwise.Domain.Suction;

namespace Cupwise.Domain.Safety;

/// <summary>The client as screening sees them.</summary>
/// <param name="Conditions">Concept ids of conditions.json that hold now (<see cref="ConditionCatalogue"/>).</param>
/// <param name="Medications">Medicines as recorded (free text) or their ATC codes; classed through medications.json.</param>
public sealed record ScreeningClient(
    int? AgeYears,
    bool Pregnant,
    double? TemperatureC,
    IReadOnlyList<string> Conditions,
    IReadOnlyList<string> Medications,
    IReadOnlyList<SkinFinding> SkinFindings,
    bool FirstSession,
    bool HomeUser)
{
    /// <summary>Allergen ids of allergens.json the client has an active allergy to.</summary>
    public IReadOnlyList<string> Allergens { get; init; } = [];

    /// <summary>The latest blood pressure taken this session, mmHg; null when none was.</summary>
    public int? SystolicMmHg { get; init; }
    public int? DiastolicMmHg { get; init; }

    /// <summary>The latest pulse taken this session, beats a minute.</summary>
    public int? PulseBpm { get; init; }

    /// <summary>The same client with the vital signs taken at the start of this session: the latest reading of each sign.</summary>
    public ScreeningClient WithVitals(IReadOnlyList<VitalSigns> readings)
    {
        var temperature = TemperatureC;
        int? systolic = null, diastolic = null, pulse = null;
        var temperatureTaken = false;
        for (var i = readings.Count - 1; i >= 0; i--)
        {
            var r = readings[i];
            if (!temperatureTaken && r.TemperatureC is { } t) { (temperature, temperatureTaken) = (t, true); }
            if (systolic is null && r.SystolicMmHg is { } s) { (systolic, diastolic) = (s, r.DiastolicMmHg); }
            pulse ??= r.PulseBpm;
        }
        return this with { TemperatureC = temperature, SystolicMmHg = systolic, DiastolicMmHg = diastolic, PulseBpm = pulse };
    }

    /// <summary>From a Cupwise client record: conditions by code or whole words and status, medicines by code or name, allergies by words; a session adds its vital signs with <see cref="WithVitals"/>.</summary>
    public static ScreeningClient From(Client client, DateOnly today, bool firstSession, bool homeUser = false)
    {
        var history = client.HealthHistory;
        var conditions = history.Conditions.SelectMany(ConditionCatalogue.Standard.Read).Distinct().ToList();
        var medicines = history.Medications.Select(m => m.Atc ?? m.Name).ToList();
        // A medicine flagged by the practitioner counts as an anticoagulant even when it is not on the list.
        medicines.AddRange(history.Medications.Where(m => m.AnticoagulantOrAntiplatelet).Select(_ => FlaggedAnticoagulant));
        return new ScreeningClient(client.AgeOn(today), history.Pregnancy is not null, null, conditions, medicines,
            history.SkinFindings, firstSession, homeUser)
        {
            Allergens = [.. history.Allergies.SelectMany(AllergenCatalogue.Standard.Read).Distinct()],
        };
    }

    /// <summary>No client at all: a cup on its own (the suction estimate), screened by the rules about the cup alone.</summary>
    public static ScreeningClient Nobody { get; } = new(null, false, null, [], [], [], false, false);

    /// <summary>The ATC group a medicine flagged as blood-thinning is read as: vitamin K antagonists.</summary>
    private const string FlaggedAnticoagulant = "B01AA";
}

/// <summary>One planned cup as screening sees it.</summary>
/// <param name="Id">The session's cup application, when the cup is one; findings about it carry this id.</param>
public sealed record ScreeningCup(BodySite Site, BodySide Side, Technique Technique, SuctionMethodKind Method, double? DurationMinutes, double? PressureMmHg, Guid? Id = null);

/// <summary>A finding: which rule, where, how serious, what to say and why.</summary>
/// <param name="Cup">Index of the planned cup it concerns; null for the client as a whole.</param>
public sealed record ScreeningFinding(string RuleId, FindingSeverity Severity, int? Cup, string? SiteId, BodySide? Side,
    string Message, string Source, string Grade, RuleAdjustment? Adjust)
{
    /// <summary>The session's cup application it concerns, when the plan was a session's; null for the client as a whole.</summary>
    public Guid? CupId { get; init; }

    /// <summary>True when the rule reads today's vital signs: a reason to go ahead holds only for the readings it was given on.</summary>
    public bool OnVitalSigns { get; init; }
}

public sealed record ScreeningResult(bool Allowed, IReadOnlyList<ScreeningFinding> Findings)
{
    /// <summary>The findings for one planned cup, and those for the client as a whole.</summary>
    public IEnumerable<ScreeningFinding> For(int cup) => Findings.Where(f => f.Cup == cup || f.Cup is null);

    /// <summary>The findings for one of a session's cups, by its id, and those for the client as a whole.</summary>
    public IEnumerable<ScreeningFinding> For(Guid cupId) => Findings.Where(f => f.CupId == cupId || f.Cup is null);
}

/// <summary>
/// Checks the rules (screening-rules.json) against a client and every planned cup. Deterministic: the findings
/// come in rule order, client findings first, then cup by cup.
/// </summary>
public sealed class ScreeningEngine(ScreeningRuleSet rules)
{
    public static ScreeningEngine Standard { get; } = new(ScreeningRuleSet.Standard);

    public ScreeningResult Screen(ScreeningClient client, IReadOnlyList<ScreeningCup> plan)
    {
        var classes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var medicine in client.Medications)
        {
            classes.UnionWith(MedicineCatalogue.Standard.ClassesOf(medicine));
        }
        var conditions = new HashSet<string>(client.Conditions, StringComparer.Ordinal);
        var findings = new List<ScreeningFinding>();
        // The client's side of every rule once; the rules about a cup whose client side holds are then checked cup by cup.
        var perCup = new List<ScreeningRule>();
        foreach (var rule in rules.Rules)
        {
            if (!ClientMatches(rule.When, client, conditions, classes))
            {
                continue;
            }
            if (rule.When.PerCup)
            {
                perCup.Add(rule);
            }
            else
            {
                findings.Add(Finding(rule, client, null, null));
            }
        }
        for (var i = 0; i < plan.Count; i++)
        {
            var cup = plan[i];
            foreach (var rule in perCup)
            {
                if (CupMatches(rule.When, client, cup))
                {
                    findings.Add(Finding(rule, client, i, cup));
                }
            }
        }
        return new ScreeningResult(findings.TrueForAll(f => f.Severity != FindingSeverity.Block), findings);
    }

    private static ScreeningFinding Finding(ScreeningRule rule, ScreeningClient client, int? index, ScreeningCup? cup)
    {
        // Home users: whatever needs a practitioner's recorded reason is not for them to override.
        var severity = client.HomeUser && rule.Severity == FindingSeverity.Override ? FindingSeverity.Block : rule.Severity;
        return new ScreeningFinding(rule.Id, severity, index, cup?.Site.Id, cup?.Side,
            client.HomeUser ? rule.Home : rule.Practitioner, rule.Source, rule.Grade, rule.Adjust) { CupId = cup?.Id, OnVitalSigns = rule.When.ReadsVitalSigns };
    }

    private static bool ClientMatches(RuleWhen w, ScreeningClient c, HashSet<string> conditions, HashSet<string> classes)
    {
        if (w.Pregnant is { } pregnant && c.Pregnant != pregnant) { return false; }
        if (w.Condition is { } wanted && !wanted.Any(conditions.Contains)) { return false; }
        if (w.MedicationClass is { } medicineClasses && !medicineClasses.Any(classes.Contains)) { return false; }
        if (w.Allergen is { } allergens && !allergens.Any(c.Allergens.Contains)) { return false; }
        if (w.TemperatureAtLeastC is { } fever && !(c.TemperatureC >= fever)) { return false; }
        if (w.BloodPressureAtLeast is { } high && !(c.SystolicMmHg >= high.Systolic || c.DiastolicMmHg >= high.Diastolic)) { return false; }
        if (w.BloodPressureBelow is { } under && !(c.SystolicMmHg < under.Systolic && c.DiastolicMmHg < under.Diastolic)) { return false; }
        if (w.SystolicBelowMmHg is { } low && !(c.SystolicMmHg < low)) { return false; }
        if (w.PulseAtLeastBpm is { } fast && !(c.PulseBpm >= fast)) { return false; }
        if (w.PulseBelowBpm is { } slow && !(c.PulseBpm < slow)) { return false; }
        if (w.AgeBelowYears is { } below && !(c.AgeYears < below)) { return false; }
        if (w.AgeAtLeastYears is { } atLeast && !(c.AgeYears >= atLeast)) { return false; }
        if (w.FirstSession is { } first && c.FirstSession != first) { return false; }
        if (w.HomeUser is { } home && c.HomeUser != home) { return false; }
        return true;
    }

    private static bool CupMatches(RuleWhen w, ScreeningClient c, ScreeningCup cup)
    {
        if (w.SiteFlag is { } flags && !flags.Any(cup.Site.Has)) { return false; }
        if (w.Site is { } sites && !sites.Contains(cup.Site.Id)) { return false; }
        if (w.View is { } views && !views.Contains(cup.Site.View)) { return false; }
        if (w.Technique is { } techniques && !techniques.Contains(cup.Technique)) { return false; }
        if (w.Method is { } methods && !methods.Contains(cup.Method)) { return false; }
        if (w.Fire is { } fire && cup.Method.IsFire() != fire) { return false; }
        if (w.DurationOverMinutes is { } over && !(cup.DurationMinutes > over)) { return false; }
        if (w.PressureBeyondMmHg is { } beyond && !(cup.PressureMmHg is { } p && -p > beyond)) { return false; }
        if (w.SkinFinding is { } kinds)
        {
            var found = false;
            foreach (var finding in c.SkinFindings)
            {
                // A finding on the midline or unsided applies to both sides.
                if (finding.SiteId == cup.Site.Id && (finding.Side == cup.Side || finding.Side == BodySide.None || cup.Side == BodySide.None)
                    && kinds.Contains(finding.Kind))
                {
                    found = true;
                    break;
                }
            }
            if (!found) { return false; }
        }
        return true;
    }
}
