using CsCheck;

namespace Cupwise.Physics.Tests;

/// <summary>Physical laws the model must obey for any cup, tissue and time, checked on random cases.</summary>
public sealed class PropertyTests
{
    /// <summary>Cups from shallow (half a hemisphere on the rim) to tall (four hemispheres): the shapes on sale.</summary>
    private static readonly Gen<CupGeometry> AnyCup =
        Gen.Select(Gen.Double[15, 80], Gen.Double[0.5, 4.0], Gen.Enum<WallMaterial>(),
            (rim, ratio, material) => Cups.Of(rim, Math.Max(1, ratio * 2.0 / 3.0 * Math.PI * Math.Pow(rim / 20, 3)), material));

    private static readonly Gen<TissueProperties> AnyTissue =
        Gen.Select(Gen.Double[40_000, 600_000], Gen.Double[0, 8], (e, k) => new TissueProperties(e, 0.49, k));

    private static readonly Gen<SuctionMethod> FireMethod =
        Gen.OneOf(SuctionMethod.FireFlash, SuctionMethod.FireThrow, SuctionMethod.FireCottonBall, SuctionMethod.AlcoholDrop);

    private static readonly Gen<double> AnySeconds = Gen.Double[0, 900];

    [Fact]
    public void MorePumpStrokesNeverWeakenTheVacuum() =>
        Gen.Select(AnyCup, AnyTissue, Gen.Int[0, 29], AnySeconds).Sample((cup, tissue, strokes, t) =>
        {
            var fewer = SuctionModel.Prepare(new SuctionInputs(cup, SuctionMethod.Pump, tissue) { PumpStrokes = strokes }).At(t);
            var more = SuctionModel.Prepare(new SuctionInputs(cup, SuctionMethod.Pump, tissue) { PumpStrokes = strokes + 1 }).At(t);
            return more.Pressure.Pascals <= fewer.Pressure.Pascals + 1e-6;
        });

    [Fact]
    public void AHotterSealNeverWeakensTheVacuum() =>
        Gen.Select(AnyCup, AnyTissue, FireMethod, Gen.Double[40, 700], Gen.Double[1, 300], AnySeconds).Sample((cup, tissue, method, flame, extra, t) =>
        {
            SuctionPoint At(double celsius) =>
                SuctionModel.Prepare(new SuctionInputs(cup, method, tissue) { FlameHeatedAir = Temperature.FromCelsius(celsius) }).At(t);
            return At(flame + extra).Pressure.Pascals <= At(flame).Pressure.Pascals + 1e-6;
        });

    /// <remarks>
    /// For a fixed amount of air (fire, squeeze). A pump is different: a bigger dome leaves less free air, so each
    /// stroke takes a larger share of it (docs/suction-model.md).
    /// </remarks>
    [Fact]
    public void SofterTissueLiftsMoreAndWeakensTheVacuum() =>
        Gen.Select(AnyCup, Gen.Double[40_000, 400_000], Gen.Double[1.05, 3], FireMethod, AnySeconds).Sample((cup, soft, factor, method, t) =>
        {
            SuctionPoint With(double modulus) =>
                SuctionModel.Prepare(new SuctionInputs(cup, method, new TissueProperties(modulus, 0.49, 4))).At(t);
            var softer = With(soft);
            var stiffer = With(soft * factor);
            return softer.Lift.Metres >= stiffer.Lift.Metres - 1e-12 && softer.Pressure.Pascals >= stiffer.Pressure.Pascals - 1e-6;
        });

    [Fact]
    public void PressureStaysBetweenAVacuumAndAmbient() =>
        Gen.Select(AnyCup, AnyTissue, Gen.Enum<SuctionMethod>(), Gen.Int[0, 30], Gen.Double[-700, -1], Gen.Double[0.05, 0.9], AnySeconds)
            .Sample((cup, tissue, method, strokes, set, squeeze, t) =>
            {
                var inputs = new SuctionInputs(cup, method, tissue)
                {
                    PumpStrokes = strokes,
                    SetPressure = Pressure.FromGaugeMmHg(set),
                    SqueezeFraction = squeeze,
                };
                var point = SuctionModel.Prepare(inputs).At(t);
                return point.Pressure.Pascals >= 0 && point.Pressure.Pascals <= Pressure.Atmosphere.Pascals + 1e-6
                    && point.Lift.Metres >= 0 && point.Dome.CubicMetres >= 0;
            });

    [Fact]
    public void ALeakFreeRigidCupsVacuumNeverDecays() =>
        Gen.Select(AnyCup, Gen.OneOf(WallMaterial.Glass, WallMaterial.Ceramic), FireMethod, AnyTissue, AnySeconds, Gen.Double[0, 300])
            .Sample((cup, material, method, tissue, t, later) =>
            {
                var state = SuctionModel.Prepare(new SuctionInputs(Cups.Of(cup.RimDiameter.Millimetres, cup.Volume.Millilitres, material), method, tissue));
                return state.At(t + later).Pressure.Pascals <= state.At(t).Pressure.Pascals + 1e-6;
            });

    [Fact]
    public void APumpedGlassCupHoldsItsVacuum() =>
        Gen.Select(AnyCup, AnyTissue, Gen.Int[1, 30], AnySeconds).Sample((cup, tissue, strokes, t) =>
        {
            var glass = Cups.Of(cup.RimDiameter.Millimetres, cup.Volume.Millilitres, WallMaterial.Glass);
            var state = SuctionModel.Prepare(new SuctionInputs(glass, SuctionMethod.Pump, tissue) { PumpStrokes = strokes });
            return Math.Abs(state.At(t).Pressure.Pascals - state.At(0).Pressure.Pascals) < 1e-6;
        });

    [Fact]
    public void LeakyCupsLoseVacuumOverTime()
    {
        var bamboo = SuctionModel.Prepare(new SuctionInputs(Cups.Of(40, 100, WallMaterial.Bamboo), SuctionMethod.FireCottonBall, Cups.Back));
        Assert.True(bamboo.At(600).Pressure.Pascals > bamboo.At(60).Pressure.Pascals + 3000);
    }
}
