using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;

namespace Cupwise.Domain.Sessions;

/// <summary>
/// The suction setting of one cup: the method, with the pump's stroke count or the electric device's set pressure.
/// </summary>
public sealed record SuctionSetting
{
    public const int MaximumPumpStrokes = 30;

    private SuctionSetting(SuctionMethodKind method, int? pumpStrokes, GaugePressure? setPressure)
    {
        Method = method;
        PumpStrokes = pumpStrokes;
        SetPressure = setPressure;
    }

    public SuctionMethodKind Method { get; }

    /// <summary>Strokes of the hand pump, 1–30; only for <see cref="SuctionMethodKind.Pump"/>.</summary>
    public int? PumpStrokes { get; }

    /// <summary>The device's set pressure; only for <see cref="SuctionMethodKind.Electric"/>.</summary>
    public GaugePressure? SetPressure { get; }

    public static SuctionSetting Create(SuctionMethodKind method, int? pumpStrokes, GaugePressure? setPressure)
    {
        if (method == SuctionMethodKind.Pump)
        {
            if (pumpStrokes is null or < 1 or > MaximumPumpStrokes)
            {
                throw new DomainValidationException("pumpStrokes", $"must be a whole number of strokes from 1 to {MaximumPumpStrokes} for a pump cup.");
            }
        }
        else if (pumpStrokes is not null)
        {
            throw new DomainValidationException("pumpStrokes", "is only for the pump method.");
        }
        if (method == SuctionMethodKind.Electric)
        {
            if (setPressure is null || setPressure.Value.Kilopascals == 0)
            {
                throw new DomainValidationException("setPressureMmHg", "is required for an electric cup: a pressure below ambient, such as -225.");
            }
        }
        else if (setPressure is not null)
        {
            throw new DomainValidationException("setPressureMmHg", "is only for the electric method.");
        }
        return new SuctionSetting(method, pumpStrokes, setPressure);
    }
}

/// <summary>A cup as planned: what goes where, how, and for how long.</summary>
public sealed record CupPlan(
    Cup Cup,
    BodySite Site,
    BodySide Side,
    MapPoint? Position,
    Technique Technique,
    SuctionSetting Suction,
    TimeSpan? PlannedDuration,
    GaugePressure? Pressure,
    PressureSource? PressureSource,
    string? Notes)
{
    public const int MaximumPasses = 20;

    /// <summary>
    /// Moving cups: how many passes along the pathway, 1–20. Facial cupping works by zone and passes rather than
    /// time — about three passes per pathway (SCIENCE.md §3); null for other techniques.
    /// </summary>
    public int? Passes { get; init; }

    /// <summary>Moving cups on the face default to three passes per pathway (SCIENCE.md §3).</summary>
    public static int? DefaultPasses(Technique technique, MapView view) =>
        technique == Technique.Moving && view == MapView.Face ? 3 : null;

    /// <summary>The longest retention Cupwise will record; blister risk starts beyond about 20 min (SCIENCE.md §3).</summary>
    public static readonly TimeSpan MaximumDuration = TimeSpan.FromMinutes(60);

    /// <summary>Checks that the parts of the plan fit together; throws naming the field that does not.</summary>
    public void Check()
    {
        if (!Cup.Supports(Suction.Method))
        {
            var allowed = string.Join(", ", Cup.SupportedMethods.Select(m => m.ToString()));
            throw new DomainValidationException("method", $"cup '{Cup.Id}' does not support {Suction.Method}; it supports {allowed}.");
        }
        Site.CheckSide(Side, "side");
        if (Position is { } p)
        {
            MapPoint.Create(Site.View, p.X, p.Y, "position");
        }
        if ((PlannedDuration ?? DefaultDuration(Technique)) is { } d && (d < TimeSpan.Zero || d > MaximumDuration))
        {
            throw new DomainValidationException("plannedDurationMin", $"must be between 0 and {MaximumDuration.TotalMinutes} min; got {d.TotalMinutes:0.##} min.");
        }
        if (Passes is { } passes && (Technique != Technique.Moving || passes is < 1 or > MaximumPasses))
        {
            throw new DomainValidationException("passes", Technique != Technique.Moving
                ? "is only for moving cups."
                : $"must be a whole number from 1 to {MaximumPasses}; got {passes}.");
        }
        if ((Pressure is null) != (PressureSource is null))
        {
            throw new DomainValidationException("pressureSource", "must be given together with pressureMmHg: \"estimated\" or \"measured\".");
        }
    }

    /// <summary>Stationary cups stay about 10 minutes (SCIENCE.md §3); wet cups at most 5 after the incisions.</summary>
    public static TimeSpan? DefaultDuration(Technique technique) => technique switch
    {
        Technique.Stationary or Technique.NeedleCup => TimeSpan.FromMinutes(10),
        Technique.Wet => TimeSpan.FromMinutes(5),
        _ => null,
    };
}
