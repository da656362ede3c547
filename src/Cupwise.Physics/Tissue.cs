using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cupwise.Physics;

/// <summary>Body regions whose tissue responds differently to suction (SCIENCE.md §1: face, neck, back and thigh differ).</summary>
public enum TissueRegion
{
    Face,
    Neck,
    Back,
    Chest,
    Abdomen,
    Arm,
    Thigh,
    Leg,
}

/// <summary>
/// A first-order elastic model of the tissue dome drawn into a cup, with stiffening at large lift.
/// Lift w under suction Δp over rim radius a solves w·(1 + k·(w/a)²) = 2(1−ν²)·Δp·a/E₀ (the half-space
/// formula of SCIENCE.md §1 with a modulus that grows with stretch); the dome is a spherical cap.
/// </summary>
/// <param name="YoungsModulusPascals">E₀, Pa.</param>
/// <param name="PoissonRatio">ν, 0–0.5.</param>
/// <param name="Stiffening">k ≥ 0; 0 gives the linear half-space.</param>
public sealed record TissueProperties(double YoungsModulusPascals, double PoissonRatio, double Stiffening)
{
    /// <summary>Lift of the dome apex, m, for a suction (pressure below ambient) of <paramref name="suctionPascals"/> ≥ 0.</summary>
    public double LiftMetres(double suctionPascals, double rimRadiusMetres)
    {
        if (suctionPascals <= 0)
        {
            return 0;
        }
        var linear = 2 * (1 - (PoissonRatio * PoissonRatio)) * suctionPascals * rimRadiusMetres / YoungsModulusPascals;
        var ratio = linear / rimRadiusMetres;
        if (Stiffening <= 0 || Stiffening * ratio * ratio < 1e-6)
        {
            // Stiffening negligible; also avoids Cardano's cancellation at tiny suction.
            return linear * (1 - (Stiffening * ratio * ratio));
        }
        // w³ + p·w + q = 0 with p = a²/k > 0, q = −linear·a²/k: one real root (Cardano).
        var p = rimRadiusMetres * rimRadiusMetres / Stiffening;
        var q = -linear * p;
        var s = Math.Sqrt((q * q / 4) + (p * p * p / 27));
        return Math.Max(0, Math.Cbrt((-q / 2) + s) + Math.Cbrt((-q / 2) - s));
    }

    /// <summary>d(lift)/d(suction), m/Pa, at a given lift: used by the solvers.</summary>
    public double LiftSlope(double liftMetres, double rimRadiusMetres)
    {
        var c = 2 * (1 - (PoissonRatio * PoissonRatio)) * rimRadiusMetres / YoungsModulusPascals;
        var ratio = liftMetres / rimRadiusMetres;
        return c / (1 + (3 * Stiffening * ratio * ratio));
    }

    /// <summary>Volume of a spherical cap of height w on a circle of radius a, m³: π·w·(3a² + w²)/6.</summary>
    public static double DomeVolume(double liftMetres, double rimRadiusMetres) =>
        Math.PI * liftMetres * ((3 * rimRadiusMetres * rimRadiusMetres) + (liftMetres * liftMetres)) / 6;

    /// <summary>The lift whose spherical cap has <paramref name="volume"/>: w³ + 3a²·w − 6V/π = 0 (Cardano).</summary>
    public static double LiftForDomeVolume(double volume, double rimRadiusMetres)
    {
        var p = 3 * rimRadiusMetres * rimRadiusMetres;
        var q = -6 * volume / Math.PI;
        var s = Math.Sqrt((q * q / 4) + (p * p * p / 27));
        return Math.Max(0, Math.Cbrt((-q / 2) + s) + Math.Cbrt((-q / 2) - s));
    }

    /// <summary>d(dome volume)/d(lift), m²: π·(a² + w²)/2.</summary>
    public static double DomeVolumeSlope(double liftMetres, double rimRadiusMetres) =>
        Math.PI * ((rimRadiusMetres * rimRadiusMetres) + (liftMetres * liftMetres)) / 2;

    /// <summary>A tissue that does not move: for the rigid-cup reference cases.</summary>
    public static readonly TissueProperties Rigid = new(double.MaxValue, 0.5, 0);

    /// <summary>The shipped per-region defaults (tissue-regions.json beside this class).</summary>
    public static TissueProperties For(TissueRegion region) => Defaults.Value[region];

    private static readonly Lazy<IReadOnlyDictionary<TissueRegion, TissueProperties>> Defaults = new(Load);

    private static Dictionary<TissueRegion, TissueProperties> Load()
    {
        using var stream = typeof(TissueProperties).Assembly.GetManifestResourceStream("Cupwise.Physics.tissue-regions.json")
            ?? throw new InvalidOperationException("tissue-regions.json is missing from the build.");
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) } };
        var file = JsonSerializer.Deserialize<RegionFile>(stream, options) ?? throw new InvalidOperationException("tissue-regions.json is empty.");
        var table = file.Regions.ToDictionary(r => r.Region, r => new TissueProperties(r.YoungsModulusKPa * 1000, r.Poisson, r.Stiffening));
        foreach (var region in Enum.GetValues<TissueRegion>())
        {
            if (!table.ContainsKey(region))
            {
                throw new InvalidOperationException($"tissue-regions.json has no entry for {region}.");
            }
        }
        return table;
    }

    private sealed record RegionFile(int Version, List<RegionEntry> Regions);

    private sealed record RegionEntry(TissueRegion Region, double YoungsModulusKPa, double Poisson, double Stiffening);
}
