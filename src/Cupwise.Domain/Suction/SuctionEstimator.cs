using System.Globalization;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;
using Cupwise.Physics;

namespace Cupwise.Domain.Suction;

/// <summary>A suction estimate for one cup: the state at the asked time, the curve, and what it rests on.</summary>
/// <param name="At">The state at the asked time.</param>
/// <param name="Curve">The first <see cref="SuctionEstimator.CurveMinutes"/> minutes (or longer when asked), every 5 s.</param>
/// <param name="SealTemperature">Fire methods: the air's temperature as the cup sealed.</param>
/// <param name="Assumptions">The inputs and assumptions used, in words.</param>
public sealed record SuctionEstimate(
    SuctionPoint At,
    IReadOnlyList<SuctionPoint> Curve,
    Temperature? SealTemperature,
    double PullNewtons,
    IReadOnlyList<string> Assumptions);

/// <summary>Puts a catalogue cup, a site and a suction setting through the physical model (Cupwise.Physics).</summary>
public static class SuctionEstimator
{
    public const int CurveMinutes = 15;
    public const double CurveStepSeconds = 5;

    /// <summary>The tissue used when no site is named: the back, where most stationary cups go.</summary>
    public const TissueRegion DefaultTissue = TissueRegion.Back;

    public static WallMaterial Wall(CupMaterial material) => material switch
    {
        CupMaterial.Glass => WallMaterial.Glass,
        CupMaterial.Bamboo => WallMaterial.Bamboo,
        CupMaterial.Ceramic => WallMaterial.Ceramic,
        CupMaterial.Silicone => WallMaterial.Silicone,
        _ => WallMaterial.Plastic,
    };

    public static Physics.SuctionMethod Method(SuctionMethodKind kind) => kind switch
    {
        SuctionMethodKind.FireFlash => Physics.SuctionMethod.FireFlash,
        SuctionMethodKind.FireThrow => Physics.SuctionMethod.FireThrow,
        SuctionMethodKind.FireCottonBall => Physics.SuctionMethod.FireCottonBall,
        SuctionMethodKind.AlcoholDrop => Physics.SuctionMethod.AlcoholDrop,
        SuctionMethodKind.Pump => Physics.SuctionMethod.Pump,
        SuctionMethodKind.Squeeze => Physics.SuctionMethod.Squeeze,
        _ => Physics.SuctionMethod.Electric,
    };

    public static SuctionInputs Inputs(Cup cup, BodySite? site, SuctionSetting setting)
    {
        var geometry = new CupGeometry(Length.FromMillimetres(cup.RimDiameter.Millimetres), Physics.Volume.FromMillilitres(cup.Volume.Millilitres), Wall(cup.Material));
        var tissue = TissueProperties.For(site?.Tissue ?? DefaultTissue);
        return new SuctionInputs(geometry, Method(setting.Method), tissue)
        {
            PumpStrokes = setting.PumpStrokes ?? 0,
            SetPressure = setting.SetPressure is { } set ? Pressure.FromGaugeMmHg(set.MillimetresOfMercury) : null,
        };
    }

    /// <summary>The pressure a planned cup is expected to reach by <paramref name="at"/> (recorded as "estimated").</summary>
    public static GaugePressure EstimatePressure(Cup cup, BodySite site, SuctionSetting setting, TimeSpan at)
    {
        var point = SuctionModel.At(Inputs(cup, site, setting), at);
        return GaugePressure.FromKilopascals(Math.Clamp(point.Pressure.GaugeKilopascals, GaugePressure.MinimumKilopascals, 0));
    }

    /// <summary>Estimates with the full curve and the reasoning, for the CLI and the API.</summary>
    public static SuctionEstimate Estimate(Cup cup, BodySite? site, SuctionSetting setting, TimeSpan at) =>
        Estimate(cup, site, Inputs(cup, site, setting), at);

    /// <summary>A pump cup placed but not yet pumped: no vacuum (the model's zero-stroke case).</summary>
    public static SuctionEstimate EstimateUnpumped(Cup cup, BodySite? site, TimeSpan at) =>
        Estimate(cup, site, Inputs(cup, site, SuctionSetting.Create(SuctionMethodKind.Pump, 1, null)) with { PumpStrokes = 0 }, at);

    private static SuctionEstimate Estimate(Cup cup, BodySite? site, SuctionInputs inputs, TimeSpan at)
    {
        var state = SuctionModel.Prepare(inputs);
        var minutes = Math.Max(CurveMinutes, Math.Ceiling(at.TotalMinutes));
        var points = new SuctionPoint[(int)(minutes * 60 / CurveStepSeconds) + 1];
        SuctionModel.Curve(state, TimeSpan.FromMinutes(minutes), points);
        var now = state.At(at.TotalSeconds);
        var pull = (Pressure.Atmosphere.Pascals - now.Pressure.Pascals) * inputs.Cup.RimAreaSquareMetres;
        return new SuctionEstimate(now, points, state.SealTemperature, pull, Explain(cup, site, inputs, state));
    }

    private static List<string> Explain(Cup cup, BodySite? site, SuctionInputs inputs, SuctionState state)
    {
        var inv = CultureInfo.InvariantCulture;
        var geometry = inputs.Cup;
        var tissue = inputs.Tissue;
        var lines = new List<string>
        {
            string.Create(inv, $"Cup: {cup.Label}, {geometry.Material.ToString().ToLowerInvariant()}, inner rim {geometry.RimDiameter.Millimetres:0} mm, {geometry.Volume.Millilitres:0} mL."),
            string.Create(inv, $"Tissue: {(site is null ? $"{DefaultTissue.ToString().ToLowerInvariant()} (no site given)" : $"{site.Name} ({site.Tissue.ToString().ToLowerInvariant()})")}, Young's modulus {tissue.YoungsModulusPascals / 1000:0} kPa stiffening with stretch; the dome drawn into the cup takes volume and weakens the vacuum."),
            string.Create(inv, $"Room {inputs.Ambient.Celsius:0} °C, skin {inputs.Skin.Celsius:0} °C, humidity {inputs.RelativeHumidity * 100:0} %; ambient pressure 101.325 kPa."),
        };
        switch (inputs.Method)
        {
            case Physics.SuctionMethod.Pump:
                lines.Add(string.Create(inv, $"Pump: {inputs.PumpStrokes} stroke(s) of {inputs.PumpStrokeVolume.Millilitres:0} mL effective volume (an assumption: 2–3 strokes light, 4–5 moderate, 6–7 strong in practice); air at room temperature; valve and rim lose {geometry.Wall.VacuumLossPerTenMinutes * 100:0} % of the vacuum in 10 min (assumed)."));
                break;
            case Physics.SuctionMethod.Squeeze:
                lines.Add(string.Create(inv, $"Squeeze: {inputs.SqueezeFraction * 100:0} % of the volume pressed out; the silicone wall springs back against the vacuum, which bounds it (wall stiffness is an assumption)."));
                break;
            case Physics.SuctionMethod.Electric:
                lines.Add("Electric: the device reaches its set pressure within seconds and loses about 5 % over 10 min (measured devices: < 5 s, ≤ 10 % over 600 s; Yi et al. 2010).");
                break;
            default:
                var (air, wall) = state.CoolingTimeConstants!.Value;
                lines.Add(string.Create(inv, $"Fire: flame-heated air at {(inputs.FlameHeatedAir ?? SuctionModel.FlameHeatedAir).Celsius:0} °C (the one calibrated input: cotton-ball glass and bamboo cups average −354 mmHg on a skin model, An et al. 2021); sealed at {state.SealTemperature!.Value.Celsius:0} °C."));
                lines.Add(string.Create(inv, $"The air cools toward skin and wall in seconds (time constant {air:0.00} s: larger cups cool more slowly, so a flash-fired large cup keeps more heat as it goes on); the wall warmed by the flame cools over minutes ({wall / 60:0.0} min)."));
                if (inputs.Method.FlameStaysInside())
                {
                    lines.Add("The flame left inside uses oxygen until it goes out near 16 % O₂ (ethanol: 3 O₂ → 2 CO₂ + 3 H₂O); water vapour is capped at saturation on the cooler wall.");
                }
                if (geometry.Wall.VacuumLossPerTenMinutes > 0)
                {
                    lines.Add(string.Create(inv, $"{geometry.Material} is porous: assumed to lose {geometry.Wall.VacuumLossPerTenMinutes * 100:0} % of the vacuum in 10 min."));
                }
                break;
        }
        return lines;
    }
}
