namespace Cupwise.Domain.Quantities;

/// <summary>
/// Gauge pressure inside a cup: negative below ambient. Range −101.325 kPa (a perfect vacuum) to 0 kPa.
/// 1 mmHg = 0.133322 kPa (SCIENCE.md §1).
/// </summary>
public readonly record struct GaugePressure
{
    public const double KilopascalsPerMmHg = 0.133322387415;
    public const double MinimumKilopascals = -101.325;

    private GaugePressure(double kilopascals) => Kilopascals = kilopascals;

    public double Kilopascals { get; }

    public double MillimetresOfMercury => Kilopascals / KilopascalsPerMmHg;

    public static GaugePressure FromKilopascals(double kilopascals, string field = "pressure") =>
        new(Guard.InRange(field, kilopascals, MinimumKilopascals, 0, "kPa (gauge, below ambient)"));

    public static GaugePressure FromMmHg(double mmHg, string field = "pressureMmHg")
    {
        Guard.InRange(field, mmHg, MinimumKilopascals / KilopascalsPerMmHg, 0, "mmHg (gauge, below ambient)");
        return new GaugePressure(Math.Max(MinimumKilopascals, mmHg * KilopascalsPerMmHg));
    }

    public override string ToString() => $"{Guard.Format(Math.Round(MillimetresOfMercury))} mmHg";
}
