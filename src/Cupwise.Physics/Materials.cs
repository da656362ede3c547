namespace Cupwise.Physics;

/// <summary>What a cup's wall is made of.</summary>
public enum WallMaterial
{
    Glass,
    Bamboo,
    Ceramic,
    Plastic,
    Silicone,
}

/// <summary>
/// Thermal and mechanical properties of a cup wall.
/// </summary>
/// <param name="ConductivityWPerMetreKelvin">Thermal conductivity k, W/(m·K).</param>
/// <param name="DensityKgPerCubicMetre">Density ρ, kg/m³.</param>
/// <param name="SpecificHeatJPerKgKelvin">Specific heat c, J/(kg·K).</param>
/// <param name="ThicknessMetres">Wall thickness, m.</param>
/// <param name="VacuumLossPerTenMinutes">Fraction of the vacuum lost through the wall, valve and rim in 10 minutes, 0–1.</param>
public sealed record WallProperties(
    double ConductivityWPerMetreKelvin,
    double DensityKgPerCubicMetre,
    double SpecificHeatJPerKgKelvin,
    double ThicknessMetres,
    double VacuumLossPerTenMinutes)
{
    /// <summary>Heat capacity of one square metre of wall, J/(m²·K).</summary>
    public double HeatCapacityPerArea => DensityKgPerCubicMetre * SpecificHeatJPerKgKelvin * ThicknessMetres;

    /// <summary>The leak as a first-order rate, 1/s: the vacuum decays as exp(−rate·t).</summary>
    public double LeakRatePerSecond => VacuumLossPerTenMinutes <= 0 ? 0 : -Math.Log(1 - VacuumLossPerTenMinutes) / 600;

    /// <summary>
    /// Handbook values for the solid ([R] engineering tables: soda-lime/borosilicate glass, porcelain,
    /// polycarbonate, silicone rubber, dry bamboo culm); thicknesses and leaks are Cupwise's assumptions ([P]).
    /// </summary>
    public static WallProperties For(WallMaterial material) => material switch
    {
        WallMaterial.Glass => Glass,
        WallMaterial.Bamboo => Bamboo,
        WallMaterial.Ceramic => Ceramic,
        WallMaterial.Plastic => Plastic,
        _ => Silicone,
    };

    public static readonly WallProperties Glass = new(1.0, 2230, 830, 0.0025, 0);

    /// <summary>Bamboo is porous and can leak (SCIENCE.md §1): assumed to lose a fifth of its vacuum in 10 min.</summary>
    public static readonly WallProperties Bamboo = new(0.2, 700, 1500, 0.006, 0.20);

    public static readonly WallProperties Ceramic = new(1.5, 2400, 880, 0.004, 0);

    /// <summary>Valve cups: valve and rim assumed to lose 5 % of the vacuum in 10 min.</summary>
    public static readonly WallProperties Plastic = new(0.2, 1200, 1250, 0.002, 0.05);

    public static readonly WallProperties Silicone = new(0.2, 1100, 1300, 0.003, 0.05);
}
