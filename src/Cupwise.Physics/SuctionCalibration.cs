namespace Cupwise.Physics;

/// <summary>Derives the model's one uncertain input from a published mean (SCIENCE.md §1).</summary>
public static class SuctionCalibration
{
    /// <summary>
    /// The flame-heated air temperature at which <paramref name="method"/> on <paramref name="cups"/> averages
    /// <paramref name="targetGaugeMmHg"/> at <paramref name="at"/> on <paramref name="tissue"/>. Bisection; the
    /// mean vacuum grows monotonically with the heating.
    /// </summary>
    public static Temperature FlameHeatedAirFor(IReadOnlyList<CupGeometry> cups, SuctionMethod method, TissueProperties tissue,
        double targetGaugeMmHg, TimeSpan at)
    {
        double lo = 320, hi = 2000;
        for (var i = 0; i < 100; i++)
        {
            var mid = (lo + hi) / 2;
            var mean = MeanGaugeMmHg(cups, method, tissue, Temperature.FromKelvin(mid), at);
            if (mean > targetGaugeMmHg) { lo = mid; } else { hi = mid; }
        }
        return Temperature.FromKelvin((lo + hi) / 2);
    }

    public static double MeanGaugeMmHg(IReadOnlyList<CupGeometry> cups, SuctionMethod method, TissueProperties tissue, Temperature flame, TimeSpan at) =>
        cups.Average(c => SuctionModel.At(new SuctionInputs(c, method, tissue) { FlameHeatedAir = flame }, at).Pressure.GaugeMmHg);
}
