namespace Cupwise.Domain.Sessions;

/// <summary>
/// Vital signs taken at the start of a session: body temperature, blood pressure and pulse, each optional, with
/// who took them and when. Readings are kept in the order taken (a blood pressure taken again after a rest is a
/// second reading, not an overwrite); screening reads the latest value of each sign.
/// </summary>
/// <remarks>
/// Ranges are those a living adult or child can show at rest; a value outside them is a typing error. LOINC codes:
/// body temperature 8310-5, systolic 8480-6, diastolic 8462-4, heart rate 8867-4.
/// </remarks>
public sealed class VitalSigns
{
    public const double MinTemperatureC = 30, MaxTemperatureC = 45;
    public const int MinSystolic = 50, MaxSystolic = 300, MinDiastolic = 20, MaxDiastolic = 200;
    public const int MinPulse = 20, MaxPulse = 250;

    private VitalSigns()
    {
    }

    public double? TemperatureC { get; private set; }
    public int? SystolicMmHg { get; private set; }
    public int? DiastolicMmHg { get; private set; }
    public int? PulseBpm { get; private set; }
    public DateTimeOffset TakenAt { get; private set; }

    /// <summary>Who took them: the signed-in login.</summary>
    public string TakenBy { get; private set; } = string.Empty;

    /// <summary>
    /// Checks and makes a reading. Fields are named as the API names them; a blood pressure needs both numbers and
    /// the upper above the lower; at least one sign must be given.
    /// </summary>
    public static VitalSigns Take(double? temperatureC, int? systolic, int? diastolic, int? pulse, DateTimeOffset at, string by)
    {
        var errors = new List<FieldError>();
        if (temperatureC is { } t && (!double.IsFinite(t) || t < MinTemperatureC || t > MaxTemperatureC))
        {
            errors.Add(new FieldError("temperatureC", $"must be a body temperature between {MinTemperatureC:0} and {MaxTemperatureC:0} °C; got {t}."));
        }
        if (systolic is { } s && (s < MinSystolic || s > MaxSystolic))
        {
            errors.Add(new FieldError("systolicMmHg", $"must be between {MinSystolic} and {MaxSystolic} mmHg; got {s}."));
        }
        if (diastolic is { } d && (d < MinDiastolic || d > MaxDiastolic))
        {
            errors.Add(new FieldError("diastolicMmHg", $"must be between {MinDiastolic} and {MaxDiastolic} mmHg; got {d}."));
        }
        if (systolic is null != diastolic is null)
        {
            errors.Add(new FieldError(systolic is null ? "systolicMmHg" : "diastolicMmHg", "a blood pressure needs both numbers, upper (systolic) and lower (diastolic)."));
        }
        else if (systolic is { } up && diastolic is { } down && down >= up)
        {
            errors.Add(new FieldError("diastolicMmHg", $"must be below the upper number ({up} mmHg); got {down}."));
        }
        if (pulse is { } p && (p < MinPulse || p > MaxPulse))
        {
            errors.Add(new FieldError("pulseBpm", $"must be between {MinPulse} and {MaxPulse} beats a minute; got {p}."));
        }
        if (temperatureC is null && systolic is null && diastolic is null && pulse is null)
        {
            errors.Add(new FieldError("temperatureC", "give at least one of temperature, blood pressure or pulse."));
        }
        if (errors.Count > 0)
        {
            throw DomainValidationException.Many(errors);
        }
        return new VitalSigns
        {
            TemperatureC = temperatureC is { } c ? Math.Round(c, 1) : null,
            SystolicMmHg = systolic,
            DiastolicMmHg = diastolic,
            PulseBpm = pulse,
            TakenAt = at,
            TakenBy = Guard.Required("takenBy", by, 200),
        };
    }

    /// <summary>The reading as a practitioner writes it: "37.2 °C · 128/82 mmHg · pulse 72".</summary>
    public override string ToString()
    {
        var parts = new List<string>(3);
        if (TemperatureC is { } t) { parts.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{t:0.0} °C")); }
        if (SystolicMmHg is { } s && DiastolicMmHg is { } d) { parts.Add($"{s}/{d} mmHg"); }
        if (PulseBpm is { } p) { parts.Add($"pulse {p}"); }
        return string.Join(" · ", parts);
    }
}
