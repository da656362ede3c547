using Cupwise.Api;
using Cupwise.Domain;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Safety;
using Cupwise.Domain.Sessions;
using Cupwise.Domain.Suction;

namespace Cupwise.Suction;

/// <summary>Reads an estimate request (from the API or the command line) and answers it.</summary>
public static class SuctionEstimates
{
    public const double DefaultAtMinutes = 10;
    public const double MaximumAtMinutes = 60;
    public const int DefaultPumpStrokes = 4;

    /// <summary>Validates the request against the catalogue; every problem goes to <paramref name="v"/>.</summary>
    public static SuctionEstimateResponse? Answer(SuctionEstimateRequest r, Func<string, Cup?> findCup, Func<string, BodySite?> findSite, RequestValidator v)
    {
        var method = v.Parse<SuctionMethodKind>("method", r.Method);
        var technique = v.Parse<Technique>("technique", r.Technique, required: false) ?? Technique.Stationary;
        Cup? cup = null;
        if (r.CupId is not null)
        {
            if (r.RimMm is not null || r.VolumeMl is not null || r.Material is not null)
            {
                v.Add("cupId", "name a catalogue cup, or describe a custom one with rimMm, volumeMl and material — not both.");
            }
            cup = findCup(r.CupId);
            if (cup is null)
            {
                v.Add("cupId", $"'{r.CupId}' is not a known cup; the catalogue lists {string.Join(", ", StandardCatalogue.Cups.Select(c => c.Id))}.");
            }
        }
        else
        {
            cup = Custom(r, v);
        }
        BodySite? site = null;
        if (r.SiteId is not null && (site = findSite(r.SiteId)) is null)
        {
            v.Add("siteId", $"'{r.SiteId}' is not a known body site; GET /api/v1/sites (or the site list in the docs) names them.");
        }
        var at = r.AtMinutes ?? DefaultAtMinutes;
        if (!double.IsFinite(at) || at < 0 || at > MaximumAtMinutes)
        {
            v.Add("atMinutes", $"must be between 0 and {MaximumAtMinutes} minutes; got {at}.");
        }
        if (method is { } m && cup is not null && !cup.Supports(m))
        {
            v.Add("method", $"cup '{cup.Id}' does not support {ApiJson.Name(m)}; it supports {string.Join(", ", cup.SupportedMethods.Select(x => ApiJson.Name(x)))}.");
        }
        var strokes = method == SuctionMethodKind.Pump ? r.Strokes ?? DefaultPumpStrokes : r.Strokes;
        if (method == SuctionMethodKind.Pump && strokes is < 0 or > SuctionSetting.MaximumPumpStrokes)
        {
            v.Add("strokes", $"must be a whole number from 0 to {SuctionSetting.MaximumPumpStrokes}; got {strokes}.");
        }
        else if (method is not null and not SuctionMethodKind.Pump && r.Strokes is not null)
        {
            v.Add("strokes", "is only for the pump method.");
        }
        var set = r.SetPressureMmHg is { } s ? v.TryValue("", () => GaugePressure.FromMmHg(s, "setPressureMmHg")) : null;
        if (method == SuctionMethodKind.Electric && r.SetPressureMmHg is null)
        {
            v.Add("setPressureMmHg", "is required for an electric cup: mmHg below ambient, such as -225.");
        }
        if (!v.IsValid || cup is null || method is null)
        {
            return null;
        }
        // Zero strokes is a fair question ("what does the cup do before I pump?"), which the domain's
        // charting rule (at least one stroke) does not allow: model it as a pump setting of 0.
        var setting = method == SuctionMethodKind.Pump && strokes == 0
            ? null
            : v.Try("", () => SuctionSetting.Create(method.Value, strokes, set));
        if (!v.IsValid)
        {
            return null;
        }
        var time = TimeSpan.FromMinutes(at);
        var estimate = setting is null
            ? SuctionEstimator.EstimateUnpumped(cup, site, time)
            : SuctionEstimator.Estimate(cup, site, setting, time);
        var pressure = GaugePressure.FromKilopascals(Math.Clamp(estimate.At.Pressure.GaugeKilopascals, GaugePressure.MinimumKilopascals, 0));
        // The cup alone through the one rule engine: what the rules say of this site, technique, method, time and vacuum.
        var findings = site is null ? [] : ScreeningEngine.Standard.Screen(ScreeningClient.Nobody,
                [new ScreeningCup(site, BodySide.None, technique, method.Value, technique == Technique.Stationary ? at : null, pressure.MillimetresOfMercury)])
            .Findings.Where(f => f.Cup == 0).ToList();
        return new SuctionEstimateResponse(
            cup.Id, ApiJson.Name(method.Value), site?.Id, at,
            Math.Round(estimate.At.Pressure.GaugeMmHg, 1), Math.Round(estimate.At.Pressure.GaugeKilopascals, 2),
            Math.Round(estimate.At.Lift.Millimetres, 2), Math.Round(estimate.At.Dome.Millilitres, 2), Math.Round(estimate.PullNewtons, 1),
            estimate.SealTemperature is { } seal ? Math.Round(seal.Celsius, 1) : null,
            [.. estimate.Curve.Select(p => new SuctionCurvePoint(Math.Round(p.Minutes, 4), Math.Round(p.Pressure.GaugeMmHg, 1), Math.Round(p.Lift.Millimetres, 2)))],
            estimate.Assumptions,
            [.. findings.Select(f => new SuctionFindingResponse(f.RuleId, ApiJson.Name(f.Severity), f.Message, f.Source))]);
    }

    private static Cup? Custom(SuctionEstimateRequest r, RequestValidator v)
    {
        if (r.RimMm is null && r.VolumeMl is null && r.Material is null)
        {
            v.Add("cupId", "is required: a catalogue cup id, or rimMm, volumeMl and material for a custom cup.");
            return null;
        }
        var material = v.Parse<CupMaterial>("material", r.Material);
        var rim = r.RimMm is { } mm ? v.TryValue("", () => RimDiameter.FromMillimetres(mm, "rimMm")) : null;
        var volume = r.VolumeMl is { } ml ? v.TryValue("", () => CupVolume.FromMillilitres(ml, "volumeMl")) : null;
        if (r.RimMm is null)
        {
            v.Add("rimMm", $"is required for a custom cup: {RimDiameter.MinimumMillimetres} to {RimDiameter.MaximumMillimetres} mm.");
        }
        if (r.VolumeMl is null)
        {
            v.Add("volumeMl", $"is required for a custom cup: {CupVolume.MinimumMillilitres} to {CupVolume.MaximumMillilitres} mL.");
        }
        if (material is not { } m || rim is not { } d || volume is not { } vol)
        {
            return null;
        }
        var methods = Enum.GetValues<SuctionMethodKind>().Where(k => Cup.Fits(m, k)).ToList();
        return new Cup("custom", $"Custom {ApiJson.Name(m)} cup", m, d, vol, methods, "Given on the command line or in the request");
    }
}
