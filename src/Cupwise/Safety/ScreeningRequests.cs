using Cupwise.Api;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Safety;
using Cupwise.Domain.Sessions;
using Cupwise.Domain.Suction;

namespace Cupwise.Safety;

/// <summary>Reads a screening request against the vocabularies; unknown names are errors with the nearest valid ones.</summary>
public static class ScreeningRequests
{
    public static ScreeningResponse? Answer(ScreeningRequest request, RequestValidator v)
    {
        var client = ReadClient(request.Client, v);
        var cups = ReadPlan(request.Plan, v);
        if (!v.IsValid || client is null)
        {
            return null;
        }
        var result = ScreeningEngine.Standard.Screen(client, cups);
        return ToResponse(result);
    }

    public static ScreeningResponse ToResponse(ScreeningResult result) => new(result.Allowed, ScreeningRuleSet.Standard.Version,
        [.. result.Findings.Select(f => new ScreeningFindingResponse(f.RuleId, ApiJson.Name(f.Severity), f.SiteId,
            f.Side is { } side ? ApiJson.Name(side) : null, f.Cup, f.Message, f.Source, f.Grade, f.Adjust?.MaxMinutes, f.Adjust?.Light)
        {
            CupApplicationId = f.CupId?.ToString(),
        })]);

    private static ScreeningClient? ReadClient(ScreeningClientInput? c, RequestValidator v)
    {
        if (c is null)
        {
            v.Add("client", "is required.");
            return null;
        }
        if (c.AgeYears is < 0 or > 130)
        {
            v.Add("client.ageYears", $"must be between 0 and 130; got {c.AgeYears}.");
        }
        // Vital signs are checked as a session's are.
        var vitals = c.TemperatureC is null && c.SystolicMmHg is null && c.DiastolicMmHg is null && c.PulseBpm is null ? null
            : v.Try("client", () => VitalSigns.Take(c.TemperatureC, c.SystolicMmHg, c.DiastolicMmHg, c.PulseBpm, DateTimeOffset.UnixEpoch, "screening"));
        _ = v.Parse<Sex>("client.sex", c.Sex, required: false);
        // A concept's id, one of its words, an ICD-10 code, or a phrase a clinician writes ("Type 2 diabetes").
        var conditions = new List<string>();
        var given = c.Conditions ?? [];
        for (var i = 0; i < given.Count; i++)
        {
            var name = given[i]?.Trim() ?? string.Empty;
            var concepts = ConditionCatalogue.Standard.Resolve(name);
            if (concepts.Count > 0)
            {
                conditions.AddRange(concepts.Select(x => x.Id));
            }
            // A well-formed ICD-10 code that no rule reads is accepted and screens as nothing.
            else if (!Icd10.TryNormalise(name, out _))
            {
                v.Add($"client.conditions[{i}]", $"'{name}' is not a condition screening knows ({ConditionCatalogue.Standard.Suggest(name)}); an ICD-10 code is accepted too. cupwise screen --list-vocabulary lists them.");
            }
        }
        var allergens = new List<string>();
        var allergies = c.Allergies ?? [];
        for (var i = 0; i < allergies.Count; i++)
        {
            var name = allergies[i]?.Trim() ?? string.Empty;
            var found = AllergenCatalogue.Standard.Resolve(name);
            if (found.Count == 0)
            {
                v.Add($"client.allergies[{i}]", $"'{name}' is not an allergen a session can meet ({ScreeningVocabulary.Nearest(name, AllergenCatalogue.Standard.Allergens.SelectMany(a => a.Aliases))}); leave out allergies a cupping session cannot meet.");
            }
            allergens.AddRange(found.Select(a => a.Id));
        }
        var findings = new List<SkinFinding>();
        var skin = c.SkinFindings ?? [];
        for (var i = 0; i < skin.Count; i++)
        {
            var prefix = $"client.skinFindings[{i}]";
            var site = Site(skin[i].Site, $"{prefix}.site", v);
            var side = v.Parse<BodySide>($"{prefix}.side", skin[i].Side, required: false) ?? BodySide.None;
            var kind = ParseNamed<SkinFindingKind>($"{prefix}.finding", skin[i].Finding, v);
            if (site is not null && kind is { } k)
            {
                findings.Add(new SkinFinding { SiteId = site.Id, Side = side, Kind = k });
            }
        }
        return new ScreeningClient(c.AgeYears, c.Pregnant ?? false, null, [.. conditions.Distinct()], c.Medications ?? [], findings,
            c.FirstSession ?? false, c.HomeUser ?? false) { Allergens = [.. allergens.Distinct()] }.WithVitals(vitals is null ? [] : [vitals]);
    }

    private static List<ScreeningCup> ReadPlan(ScreeningPlanInput? plan, RequestValidator v)
    {
        var cups = new List<ScreeningCup>();
        var applications = plan?.Applications ?? [];
        for (var i = 0; i < applications.Count; i++)
        {
            var a = applications[i];
            var prefix = $"plan.applications[{i}]";
            var site = Site(a.Site, $"{prefix}.site", v);
            var side = v.Parse<BodySide>($"{prefix}.side", a.Side, required: false) ?? BodySide.None;
            var technique = v.Parse<Technique>($"{prefix}.technique", a.Technique, required: false) ?? Technique.Stationary;
            var method = v.Parse<SuctionMethodKind>($"{prefix}.method", a.Method, required: false);
            Cup? cup = null;
            if (a.Cup is not null && (cup = StandardCatalogue.Cups.FirstOrDefault(x => x.Id == a.Cup)) is null)
            {
                v.Add($"{prefix}.cup", $"'{a.Cup}' is not a catalogue cup ({ScreeningVocabulary.Nearest(a.Cup, StandardCatalogue.Cups.Select(x => x.Id))}).");
            }
            method ??= cup?.SupportedMethods[0] ?? SuctionMethodKind.Pump;
            if (a.DurationMinutes is < 0 or > 120)
            {
                v.Add($"{prefix}.durationMinutes", $"must be between 0 and 120 minutes; got {a.DurationMinutes}.");
            }
            if (site is null)
            {
                continue;
            }
            var pressure = a.PressureMmHg;
            if (pressure is null && cup is not null && cup.Supports(method.Value))
            {
                var setting = SuctionSetting.Create(method.Value, method == SuctionMethodKind.Pump ? 4 : null,
                    method == SuctionMethodKind.Electric ? Domain.Quantities.GaugePressure.FromMmHg(-225) : null);
                var at = a.DurationMinutes is > 0 and <= 60 ? TimeSpan.FromMinutes(a.DurationMinutes.Value) : TimeSpan.FromMinutes(1);
                pressure = SuctionEstimator.EstimatePressure(cup, site, setting, at).MillimetresOfMercury;
            }
            cups.Add(new ScreeningCup(site, side, technique, method.Value, a.DurationMinutes, pressure));
        }
        return cups;
    }

    private static BodySite? Site(string? id, string field, RequestValidator v)
    {
        var site = id is null ? null : StandardCatalogue.Sites.FirstOrDefault(s => s.Id == id);
        if (site is null)
        {
            v.Add(field, id is null
                ? "is required: a body-site id."
                : $"'{id}' is not a body site ({ScreeningVocabulary.Nearest(id, StandardCatalogue.Sites.Select(s => s.Id))}).");
        }
        return site;
    }

    private static TEnum? ParseNamed<TEnum>(string field, string? value, RequestValidator v) where TEnum : struct, Enum
    {
        var names = Enum.GetValues<TEnum>().Select(e => ApiJson.Name(e)).ToList();
        if (value is not null && names.Contains(value.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            return Enum.GetValues<TEnum>().First(e => string.Equals(ApiJson.Name(e), value.Trim(), StringComparison.OrdinalIgnoreCase));
        }
        v.Add(field, $"'{value}' is not allowed ({ScreeningVocabulary.Nearest(value ?? string.Empty, names)}).");
        return null;
    }

    /// <summary>Every name screening understands, for --list-vocabulary and the docs.</summary>
    public static IEnumerable<(string Kind, IEnumerable<string> Names)> Vocabulary() =>
    [
        ("conditions", ConditionCatalogue.Standard.Concepts.Select(x => x.Id)),
        ("allergens", AllergenCatalogue.Standard.Allergens.Select(a => a.Id)),
        ("skin findings", Enum.GetValues<SkinFindingKind>().Select(k => ApiJson.Name(k))),
        ("sites", StandardCatalogue.Sites.Select(s => s.Id)),
        ("sides", Enum.GetValues<BodySide>().Select(k => ApiJson.Name(k))),
        ("techniques", Enum.GetValues<Technique>().Select(k => ApiJson.Name(k))),
        ("methods", Enum.GetValues<SuctionMethodKind>().Select(k => ApiJson.Name(k))),
        ("medicines recognised", MedicineCatalogue.Standard.Medicines.SelectMany(m => m.Brands.Prepend(m.Name)).Order(StringComparer.Ordinal)),
    ];
}
