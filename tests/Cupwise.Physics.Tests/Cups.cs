namespace Cupwise.Physics.Tests;

internal static class Cups
{
    public static CupGeometry Of(double rimMm, double volumeMl, WallMaterial material) =>
        new(Length.FromMillimetres(rimMm), Volume.FromMillilitres(volumeMl), material);

    /// <summary>SCIENCE.md §1's example cup: 60 mL with a 50 mm rim.</summary>
    public static CupGeometry Example(WallMaterial material = WallMaterial.Glass) => Of(50, 60, material);

    public static readonly TissueProperties Back = TissueProperties.For(TissueRegion.Back);
}
