using System.Globalization;

namespace Cupwise.Physics;

/// <summary>
/// An absolute pressure, in pascals. Range 0 (a perfect vacuum) upward. Cupping speaks in gauge pressure —
/// below the ambient <see cref="Atmosphere"/> — so the gauge accessors are negative inside a cup.
/// </summary>
public readonly record struct Pressure : IComparable<Pressure>
{
    /// <summary>Standard atmosphere, 101 325 Pa.</summary>
    public static readonly Pressure Atmosphere = new(101_325);

    /// <summary>1 mmHg = 133.322 Pa (SCIENCE.md §1: 0.13332 kPa).</summary>
    public const double PascalsPerMmHg = 133.322387415;

    private Pressure(double pascals) => Pascals = pascals;

    public double Pascals { get; }
    public double Kilopascals => Pascals / 1000;

    /// <summary>Gauge pressure relative to the standard atmosphere, kPa; negative below it.</summary>
    public double GaugeKilopascals => (Pascals - Atmosphere.Pascals) / 1000;

    /// <summary>Gauge pressure relative to the standard atmosphere, mmHg; negative below it.</summary>
    public double GaugeMmHg => (Pascals - Atmosphere.Pascals) / PascalsPerMmHg;

    public static Pressure FromPascals(double pascals)
    {
        if (!double.IsFinite(pascals) || pascals < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pascals), pascals, "An absolute pressure is a finite number of pascals, 0 or more.");
        }
        return new Pressure(pascals);
    }

    public static Pressure FromKilopascals(double kilopascals) => FromPascals(kilopascals * 1000);

    /// <summary>From a gauge reading in mmHg (negative below ambient), −760 to any positive value.</summary>
    public static Pressure FromGaugeMmHg(double mmHg) => FromPascals(Atmosphere.Pascals + (mmHg * PascalsPerMmHg));

    public int CompareTo(Pressure other) => Pascals.CompareTo(other.Pascals);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{GaugeMmHg:0} mmHg");
}

/// <summary>A thermodynamic temperature, in kelvin. Range above 0 K.</summary>
public readonly record struct Temperature : IComparable<Temperature>
{
    public const double ZeroCelsiusInKelvin = 273.15;

    private Temperature(double kelvin) => Kelvin = kelvin;

    public double Kelvin { get; }
    public double Celsius => Kelvin - ZeroCelsiusInKelvin;

    public static Temperature FromKelvin(double kelvin)
    {
        if (!double.IsFinite(kelvin) || kelvin <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(kelvin), kelvin, "A temperature is a finite number of kelvin above 0.");
        }
        return new Temperature(kelvin);
    }

    public static Temperature FromCelsius(double celsius) => FromKelvin(celsius + ZeroCelsiusInKelvin);

    public int CompareTo(Temperature other) => Kelvin.CompareTo(other.Kelvin);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Celsius:0.#} °C");
}

/// <summary>A volume, in cubic metres. Range 0 upward.</summary>
public readonly record struct Volume
{
    private Volume(double cubicMetres) => CubicMetres = cubicMetres;

    public double CubicMetres { get; }
    public double Millilitres => CubicMetres * 1e6;

    public static Volume FromCubicMetres(double cubicMetres)
    {
        if (!double.IsFinite(cubicMetres) || cubicMetres < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(cubicMetres), cubicMetres, "A volume is a finite number of cubic metres, 0 or more.");
        }
        return new Volume(cubicMetres);
    }

    public static Volume FromMillilitres(double millilitres) => FromCubicMetres(millilitres * 1e-6);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Millilitres:0.#} mL");
}

/// <summary>A length, in metres. Range 0 upward.</summary>
public readonly record struct Length
{
    private Length(double metres) => Metres = metres;

    public double Metres { get; }
    public double Millimetres => Metres * 1000;

    public static Length FromMetres(double metres)
    {
        if (!double.IsFinite(metres) || metres < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(metres), metres, "A length is a finite number of metres, 0 or more.");
        }
        return new Length(metres);
    }

    public static Length FromMillimetres(double millimetres) => FromMetres(millimetres / 1000);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Millimetres:0.#} mm");
}
