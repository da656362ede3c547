namespace Cupwise.Domain.Quantities;

/// <summary>A joint's range of motion, in degrees. Range 0 to 360°.</summary>
public readonly record struct RangeOfMotion
{
    public const double MaximumDegrees = 360;

    private RangeOfMotion(double degrees) => Degrees = degrees;

    public double Degrees { get; }

    public static RangeOfMotion FromDegrees(double degrees, string field = "degrees") =>
        new(Guard.InRange(field, degrees, 0, MaximumDegrees, "°"));

    public override string ToString() => $"{Guard.Format(Degrees)}°";
}
