namespace Cupwise.Physics.Tests;

/// <summary>Hand-worked numbers from SCIENCE.md §1 that the model must reproduce.</summary>
public sealed class ReferenceCaseTests
{
    private static SuctionInputs RigidFire(double sealCelsius) =>
        new(Cups.Example(), SuctionMethod.AlcoholDrop, TissueProperties.Rigid)
        {
            FlameHeatedAir = Temperature.FromCelsius(sealCelsius),
            SealDelay = TimeSpan.Zero,
            Ambient = Temperature.FromCelsius(20),
            Skin = Temperature.FromCelsius(20),
            RelativeHumidity = 0,
        };

    [Theory]
    [InlineData(211, -300)]
    [InlineData(346, -400)]
    [InlineData(92, -150)]
    public void ARigidCupWithoutTissueFollowsTheGasLaw(double sealCelsius, double expectedMmHg)
    {
        // P/P0 = T_ambient/T_seal once the air has cooled to a 20 °C room: 211 °C → −300 mmHg (SCIENCE.md §1).
        var point = SuctionModel.At(RigidFire(sealCelsius), TimeSpan.FromMinutes(60));
        Assert.Equal(expectedMmHg, point.Pressure.GaugeMmHg, 3.0);
        Assert.Equal(0, point.Lift.Millimetres, 6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(6)]
    public void AnIdealPumpOnARigidSurfaceFollowsTheStrokeFormula(int strokes)
    {
        // P_n = P0·(Vc/(Vc + Vp))^n for a leak-free rigid cup: 55 mL cup, 6 mL strokes.
        var cup = Cups.Of(40, 55, WallMaterial.Glass); // glass: no leak
        var point = SuctionModel.At(new SuctionInputs(cup, SuctionMethod.Pump, TissueProperties.Rigid) { PumpStrokes = strokes }, TimeSpan.Zero);
        var expected = 101_325 * Math.Pow(55.0 / 61.0, strokes);
        Assert.Equal(expected, point.Pressure.Pascals, 1.0);
    }

    [Fact]
    public void TheDomeWeakensTheVacuumAsTheBulgeExampleSays()
    {
        // SCIENCE.md §1: a 60 mL cup, 50 mm rim, 10 mm dome (≈ 10 mL) turns −300 mmHg into about −204 mmHg.
        var dome = TissueProperties.DomeVolume(0.010, 0.025);
        Assert.Equal(10.3, dome * 1e6, 0.1);
        var rigid = Pressure.FromGaugeMmHg(-300).Pascals;
        var withDome = rigid * 60e-6 / (60e-6 - dome);
        Assert.Equal(-204, Pressure.FromPascals(withDome).GaugeMmHg, 8.0);
    }

    [Theory]
    [InlineData(300, 4.5)]
    [InlineData(130, 10.4)]
    public void TheLinearHalfSpaceLiftMatchesTheFirstOrderFormula(double modulusKPa, double expectedMm)
    {
        // w0 ≈ 2(1−ν²)·p·a/E with p = 40 kPa, a = 22.5 mm, ν = 0.5 (SCIENCE.md §1).
        var tissue = new TissueProperties(modulusKPa * 1000, 0.5, 0);
        Assert.Equal(expectedMm, tissue.LiftMetres(40_000, 0.0225) * 1000, 0.1);
    }

    [Fact]
    public void StiffeningTissueLiftsLessThanTheLinearModelAtLargeSuction()
    {
        var linear = new TissueProperties(130_000, 0.5, 0).LiftMetres(40_000, 0.0225);
        var stiffening = new TissueProperties(130_000, 0.5, 4).LiftMetres(40_000, 0.0225);
        Assert.True(stiffening < linear * 0.85, $"{stiffening} vs {linear}");
        // and agrees with it at small suction
        Assert.Equal(new TissueProperties(130_000, 0.5, 0).LiftMetres(500, 0.0225), new TissueProperties(130_000, 0.5, 4).LiftMetres(500, 0.0225), 1e-7);
    }

    [Fact]
    public void ElectricCupsReachTheirSetPressureWithinFiveSecondsAndLoseLittle()
    {
        // Yi et al. 2010 [M]: the set pressure in < 5 s; ≤ 10 % lost over 600 s.
        var state = SuctionModel.Prepare(new SuctionInputs(Cups.Of(40, 50, WallMaterial.Plastic), SuctionMethod.Electric, Cups.Back)
        {
            SetPressure = Pressure.FromGaugeMmHg(-300),
        });
        Assert.InRange(state.At(5).Pressure.GaugeMmHg, -300, -295);
        Assert.InRange(state.At(600).Pressure.GaugeMmHg, -300, -270);
    }
}
