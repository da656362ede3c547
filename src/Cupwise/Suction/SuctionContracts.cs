using System.ComponentModel;

namespace Cupwise.Suction;

/// <summary>What to estimate: a catalogue cup (cupId) or a custom one (rimMm, volumeMl, material), a method and where.</summary>
public sealed record SuctionEstimateRequest(
    [property: Description("A cup id from GET /api/v1/cups; or give rimMm, volumeMl and material for a custom cup.")] string? CupId,
    [property: Description("fire-flash, fire-throw, fire-cotton-ball, alcohol-drop, pump, squeeze or electric; the cup must support it.")] string? Method,
    [property: Description("Pump strokes, 0 to 30 (pump only; 4 if not given).")] int? Strokes = null,
    [property: Description("Set pressure in mmHg below ambient, negative (electric only).")] double? SetPressureMmHg = null,
    [property: Description("A site id from GET /api/v1/sites: sets the tissue stiffness (the back if not given).")] string? SiteId = null,
    [property: Description("The time to report, 0 to 60 minutes after the cup seals; 10 if not given. For stationary cups also the planned retention.")] double? AtMinutes = null,
    [property: Description("Custom cup: inner rim diameter, 10 to 150 mm.")] double? RimMm = null,
    [property: Description("Custom cup: internal volume, 1 to 1000 mL.")] double? VolumeMl = null,
    [property: Description("Custom cup: glass, bamboo, ceramic, plastic-valve, silicone or electric.")] string? Material = null,
    [property: Description("stationary, moving, flash, wet or needle-cup: for the safety findings (stationary if not given).")] string? Technique = null);

/// <summary>The estimate: negative gauge pressures, the tissue lift, the curve, and what it rests on.</summary>
public sealed record SuctionEstimateResponse(
    string Cup,
    string Method,
    string? Site,
    double AtMinutes,
    [property: Description("Gauge pressure at atMinutes, mmHg (negative: below ambient).")] double PressureMmHg,
    [property: Description("Gauge pressure at atMinutes, kPa (negative: below ambient).")] double PressureKPa,
    double LiftMm,
    double DomeVolumeMl,
    [property: Description("Force with which the cup holds the tissue: suction times the opening's area, N.")] double PullN,
    [property: Description("Fire methods: the air's temperature as the cup sealed, °C.")] double? SealTemperatureC,
    IReadOnlyList<SuctionCurvePoint> Curve,
    IReadOnlyList<string> Assumptions,
    IReadOnlyList<SuctionFindingResponse> Findings);

public sealed record SuctionCurvePoint(double Minutes, double PressureMmHg, double LiftMm);

public sealed record SuctionFindingResponse(string RuleId, string Severity, string Message, string Source);
