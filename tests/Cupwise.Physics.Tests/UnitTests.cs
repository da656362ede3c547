using CsCheck;

namespace Cupwise.Physics.Tests;

public sealed class UnitTests
{
    [Fact]
    public void GaugeMillimetresOfMercuryRoundTrip() =>
        Gen.Double[-759.9, 500].Sample(mmHg => Math.Abs(Pressure.FromGaugeMmHg(mmHg).GaugeMmHg - mmHg) < 1e-9);

    [Fact]
    public void UnitsRoundTrip()
    {
        Gen.Double[0, 2000].Sample(ml => Math.Abs(Volume.FromMillilitres(ml).Millilitres - ml) < 1e-9);
        Gen.Double[0, 500].Sample(mm => Math.Abs(Length.FromMillimetres(mm).Millimetres - mm) < 1e-9);
        Gen.Double[-200, 2000].Sample(c => Math.Abs(Temperature.FromCelsius(c).Celsius - c) < 1e-9);
        Gen.Double[0, 1000].Sample(kpa => Math.Abs(Pressure.FromKilopascals(kpa).Kilopascals - kpa) < 1e-9);
    }

    [Fact]
    public void ThreeHundredMmHgBelowAmbientIsAboutFortyKilopascals() =>
        Assert.Equal(-40.0, Pressure.FromGaugeMmHg(-300).GaugeKilopascals, 0.01);

    [Fact]
    public void ImpossibleQuantitiesAreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Pressure.FromGaugeMmHg(-800)); // below absolute zero
        Assert.Throws<ArgumentOutOfRangeException>(() => Temperature.FromKelvin(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => Volume.FromMillilitres(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Length.FromMillimetres(double.NaN));
        Assert.Throws<ArgumentOutOfRangeException>(() => Cups.Of(0, 60, WallMaterial.Glass));
    }

    [Fact]
    public void WaterVapourSaturatesAtTheTabulatedPressures()
    {
        // Steam tables: 2.34 kPa at 20 °C, 4.25 kPa at 30 °C, 12.35 kPa at 50 °C (the Magnus form holds to about 60 °C).
        Assert.Equal(2.34, SuctionModel.SaturationVapourPressure(Temperature.FromCelsius(20)) / 1000, 0.03);
        Assert.Equal(4.25, SuctionModel.SaturationVapourPressure(Temperature.FromCelsius(30)) / 1000, 0.03);
        Assert.Equal(12.35, SuctionModel.SaturationVapourPressure(Temperature.FromCelsius(50)) / 1000, 0.1);
    }
}
