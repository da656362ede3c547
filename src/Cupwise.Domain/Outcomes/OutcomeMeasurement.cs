using Cupwise.Domain.Quantities;

namespace Cupwise.Domain.Outcomes;

public enum MeasureKind
{
    /// <summary>Pain 0–10 (LOINC 72514-3).</summary>
    Pain,
    /// <summary>Range of motion in degrees, for a joint and direction.</summary>
    RangeOfMotion,
    /// <summary>A named measure with its own range and unit.</summary>
    Custom,
}

/// <summary>When a measurement was taken relative to a session.</summary>
public enum MeasurementTiming
{
    BeforeSession,
    AfterSession,
    /// <summary>On its own date, between visits (for example at home).</summary>
    Standalone,
}

/// <summary>What a measurement is, validated: the value lies in the measure's range.</summary>
public sealed record MeasureDefinition
{
    private MeasureDefinition(MeasureKind kind, string? joint, string? direction, string? name, double min, double max, string unit)
    {
        Kind = kind;
        Joint = joint;
        Direction = direction;
        Name = name;
        Minimum = min;
        Maximum = max;
        Unit = unit;
    }

    public MeasureKind Kind { get; }
    public string? Joint { get; }
    public string? Direction { get; }
    public string? Name { get; }
    public double Minimum { get; }
    public double Maximum { get; }

    /// <summary>UCUM unit: <c>{score}</c> for pain, <c>deg</c> for range of motion, the caller's unit for custom measures.</summary>
    public string Unit { get; }

    public static MeasureDefinition Pain() => new(MeasureKind.Pain, null, null, null, PainScore.Minimum, PainScore.Maximum, "{score}");

    /// <param name="joint">For example "cervical spine".</param>
    /// <param name="direction">For example "rotation left".</param>
    public static MeasureDefinition RangeOfMotion(string? joint, string? direction) =>
        new(MeasureKind.RangeOfMotion, Guard.Required("joint", joint, 100), Guard.Required("direction", direction, 100), null, 0, Quantities.RangeOfMotion.MaximumDegrees, "deg");

    public static MeasureDefinition Custom(string? name, double? min, double? max, string? unit)
    {
        var label = Guard.Required("name", name, 100);
        if (min is not { } lo || max is not { } hi || !double.IsFinite(lo) || !double.IsFinite(hi) || lo >= hi)
        {
            throw new DomainValidationException("rangeMin", "and rangeMax are required for a custom measure, with rangeMin below rangeMax.");
        }
        return new(MeasureKind.Custom, null, null, label, lo, hi, Guard.Required("unit", unit, 40));
    }

    public double Check(double value)
    {
        if (Kind == MeasureKind.Pain)
        {
            if (value != Math.Floor(value))
            {
                throw new DomainValidationException("value", $"pain must be a whole number from {PainScore.Minimum} to {PainScore.Maximum}; got {Guard.Format(value)}.");
            }
            return PainScore.FromPoints((int)value, "value").Points;
        }
        return Guard.InRange("value", value, Minimum, Maximum, Unit == "deg" ? "°" : Unit);
    }
}

/// <summary>One outcome measurement for a client, before or after a session or on its own date.</summary>
public sealed class OutcomeMeasurement
{
    private OutcomeMeasurement()
    {
        Unit = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid? SessionId { get; private set; }
    public MeasureKind Kind { get; private set; }
    public string? Joint { get; private set; }
    public string? Direction { get; private set; }
    public string? Name { get; private set; }
    public double RangeMinimum { get; private set; }
    public double RangeMaximum { get; private set; }
    public string Unit { get; private set; }
    public double Value { get; private set; }
    public MeasurementTiming Timing { get; private set; }
    public DateTimeOffset TakenAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>Who recorded it: the signed-in login's name (its e-mail); null for measurements from before logins.</summary>
    public string? RecordedBy { get; private set; }
    public bool EnteredInError { get; private set; }

    /// <param name="recordedBy">Who records it: the signed-in login, never a name sent with the request.</param>
    public static OutcomeMeasurement Record(Guid practiceId, Guid clientId, Guid? sessionId, MeasureDefinition measure,
        double value, MeasurementTiming timing, DateTimeOffset takenAt, TimeProvider clock, string? recordedBy = null)
    {
        var now = clock.GetUtcNow();
        if (takenAt > now.AddMinutes(5))
        {
            throw new DomainValidationException("takenAt", $"must not be in the future (now is {now:u}).");
        }
        if (timing != MeasurementTiming.Standalone && sessionId is null)
        {
            throw new DomainValidationException("sessionId", "is required when the measurement is taken before or after a session.");
        }
        return new OutcomeMeasurement
        {
            Id = Guid.NewGuid(),
            PracticeId = practiceId,
            ClientId = clientId,
            SessionId = sessionId,
            Kind = measure.Kind,
            Joint = measure.Joint,
            Direction = measure.Direction,
            Name = measure.Name,
            RangeMinimum = measure.Minimum,
            RangeMaximum = measure.Maximum,
            Unit = measure.Unit,
            Value = measure.Check(value),
            Timing = timing,
            TakenAt = takenAt,
            RecordedAt = now,
            RecordedBy = Guard.Optional("recordedBy", recordedBy, 200),
        };
    }
}
