namespace Cupwise.Physics;

/// <summary>Everything the suction model needs. Defaults are the room and skin of a treatment room.</summary>
public sealed record SuctionInputs(CupGeometry Cup, SuctionMethod Method, TissueProperties Tissue)
{
    public const int MaximumPumpStrokes = 30;

    /// <summary>Hand-pump strokes, 0–30 (pump only).</summary>
    public int PumpStrokes { get; init; } = 4;

    /// <summary>
    /// Air drawn per stroke once the hose and valve dead space are taken off, 1–100 mL. Default 6 mL, chosen so that
    /// 2–3 strokes are light, 4–5 moderate and 6–7 strong on a medium cup, as practice lore has it (SCIENCE.md §1, [P]).
    /// </summary>
    public Volume PumpStrokeVolume { get; init; } = Volume.FromMillilitres(6);

    /// <summary>The electric device's set pressure (electric only), −700 mmHg to 0 gauge.</summary>
    public Pressure? SetPressure { get; init; }

    /// <summary>Share of a silicone cup's volume squeezed out before it is placed, 0.05–0.9. Default 0.5.</summary>
    public double SqueezeFraction { get; init; } = 0.5;

    /// <summary>Room air. Default 22 °C.</summary>
    public Temperature Ambient { get; init; } = Temperature.FromCelsius(22);

    /// <summary>Skin surface. Default 33 °C.</summary>
    public Temperature Skin { get; init; } = Temperature.FromCelsius(33);

    /// <summary>Room relative humidity, 0–1. Default 0.5.</summary>
    public double RelativeHumidity { get; init; } = 0.5;

    /// <summary>Mean temperature of the flame-heated air in a fire cup; null for the calibrated default (<see cref="SuctionModel.FlameHeatedAir"/>).</summary>
    public Temperature? FlameHeatedAir { get; init; }

    /// <summary>
    /// Time between the flame leaving a fire cup and the cup sealing on the skin, 0–5 s; null for the method's
    /// usual (flash 0.3 s, alcohol drop 0.1 s, none where the flame stays inside).
    /// </summary>
    public TimeSpan? SealDelay { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first input out of its range.</summary>
    public void Validate()
    {
        if (Method == SuctionMethod.Pump && PumpStrokes is < 0 or > MaximumPumpStrokes)
        {
            throw new ArgumentOutOfRangeException(nameof(PumpStrokes), PumpStrokes, $"Pump strokes must be between 0 and {MaximumPumpStrokes}.");
        }
        if (PumpStrokeVolume.Millilitres is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(PumpStrokeVolume), PumpStrokeVolume.Millilitres, "The pump stroke volume must be between 1 and 100 mL.");
        }
        if (Method == SuctionMethod.Electric)
        {
            if (SetPressure is not { } set)
            {
                throw new ArgumentException("An electric cup needs its set pressure.", nameof(SetPressure));
            }
            if (set.GaugeMmHg is < -700 or > 0)
            {
                throw new ArgumentOutOfRangeException(nameof(SetPressure), set.GaugeMmHg, "The set pressure must be between −700 and 0 mmHg (gauge).");
            }
        }
        if (SqueezeFraction is < 0.05 or > 0.9 || double.IsNaN(SqueezeFraction))
        {
            throw new ArgumentOutOfRangeException(nameof(SqueezeFraction), SqueezeFraction, "The squeezed share must be between 0.05 and 0.9.");
        }
        if (RelativeHumidity is < 0 or > 1 || double.IsNaN(RelativeHumidity))
        {
            throw new ArgumentOutOfRangeException(nameof(RelativeHumidity), RelativeHumidity, "Relative humidity must be between 0 and 1.");
        }
        if (Ambient.Celsius is < 0 or > 45 || Skin.Celsius is < 20 or > 42)
        {
            throw new ArgumentOutOfRangeException(nameof(Ambient), "Room air must be 0–45 °C and skin 20–42 °C.");
        }
        if (SealDelay is { } delay && (delay < TimeSpan.Zero || delay > TimeSpan.FromSeconds(5)))
        {
            throw new ArgumentOutOfRangeException(nameof(SealDelay), delay.TotalSeconds, "The seal delay must be between 0 and 5 s.");
        }
        if (FlameHeatedAir is { } flame && flame.Kelvin <= Skin.Kelvin)
        {
            throw new ArgumentOutOfRangeException(nameof(FlameHeatedAir), flame.Celsius, "Flame-heated air must be hotter than the skin.");
        }
    }
}

/// <summary>The state of a cup at one moment.</summary>
/// <param name="Seconds">Time since the cup sealed (fire, squeeze) or since pumping ended.</param>
/// <param name="Pressure">Absolute pressure inside the cup.</param>
/// <param name="Lift">Height of the tissue dome.</param>
/// <param name="Dome">Volume of the tissue dome.</param>
public readonly record struct SuctionPoint(double Seconds, Pressure Pressure, Length Lift, Volume Dome)
{
    public double Minutes => Seconds / 60;
}
