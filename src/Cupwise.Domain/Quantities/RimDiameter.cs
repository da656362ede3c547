namespace Cupwise.Domain.Quantities;

/// <summary>Inner rim diameter of a cup, in millimetres. Range 10 to 150 mm (cups on sale are about 15–76 mm; SCIENCE.md §1).</summary>
public readonly record struct RimDiameter
{
    public const double MinimumMillimetres = 10;
    public const double MaximumMillimetres = 150;

    private RimDiameter(double millimetres) => Millimetres = millimetres;

    public double Millimetres { get; }

    public static RimDiameter FromMillimetres(double millimetres, string field = "rimDiameterMm") =>
        new(Guard.InRange(field, millimetres, MinimumMillimetres, MaximumMillimetres, "mm"));

    public override string ToString() => $"{Guard.Format(Millimetres)} mm";
}
