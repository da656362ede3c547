namespace Cupwise.Domain.Quantities;

/// <summary>Pain on the 0–10 numeric rating scale (LOINC 72514-3), whole points. Range 0 to 10.</summary>
public readonly record struct PainScore
{
    public const int Minimum = 0;
    public const int Maximum = 10;

    private PainScore(int points) => Points = points;

    /// <summary>Points on the scale, 0 (no pain) to 10 (worst imaginable).</summary>
    public int Points { get; }

    public static PainScore FromPoints(int points, string field = "pain")
    {
        if (points is < Minimum or > Maximum)
        {
            throw new DomainValidationException(field, $"must be a whole number from {Minimum} to {Maximum}; got {points}.");
        }
        return new PainScore(points);
    }

    public override string ToString() => $"{Points}/10";
}
