namespace Cupwise.Physics;

/// <summary>
/// The shape of a cup as the model needs it: the opening (inner rim) and the internal volume. The inner
/// surface is taken as that of a sphere of the same volume ([D]: cups are bulbs or short cylinders; the
/// sphere is the least-area shape, so heat exchange is if anything underestimated).
/// </summary>
public sealed record CupGeometry
{
    public CupGeometry(Length rimDiameter, Volume volume, WallMaterial material)
    {
        if (rimDiameter.Millimetres is < 5 or > 200)
        {
            throw new ArgumentOutOfRangeException(nameof(rimDiameter), rimDiameter.Millimetres, "The inner rim diameter must be between 5 and 200 mm.");
        }
        if (volume.Millilitres is < 0.5 or > 2000)
        {
            throw new ArgumentOutOfRangeException(nameof(volume), volume.Millilitres, "The internal volume must be between 0.5 and 2000 mL.");
        }
        RimDiameter = rimDiameter;
        Volume = volume;
        Material = material;
        Wall = WallProperties.For(material);
    }

    public Length RimDiameter { get; }
    public Volume Volume { get; }
    public WallMaterial Material { get; }
    public WallProperties Wall { get; }

    public double RimRadiusMetres => RimDiameter.Metres / 2;

    /// <summary>Area of the opening, m².</summary>
    public double RimAreaSquareMetres => Math.PI * RimRadiusMetres * RimRadiusMetres;

    /// <summary>Inner surface including the opening, m²: (36π)^(1/3)·V^(2/3) ≈ 4.836·V^(2/3).</summary>
    public double InnerAreaSquareMetres => Math.Max(4.835975862 * Math.Pow(Volume.CubicMetres, 2.0 / 3.0), 2 * RimAreaSquareMetres);

    /// <summary>Share of the inner surface that is skin (the opening), 0–0.5.</summary>
    public double SkinShare => Math.Min(0.5, RimAreaSquareMetres / InnerAreaSquareMetres);
}
