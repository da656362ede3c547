namespace Cupwise.Physics.Tests;

public sealed class CurveTests
{
    [Fact]
    public void ACurveRunsFromTheSealToTheEnd()
    {
        var state = SuctionModel.Prepare(new SuctionInputs(Cups.Example(), SuctionMethod.FireCottonBall, Cups.Back));
        var points = new SuctionPoint[181];
        SuctionModel.Curve(state, TimeSpan.FromMinutes(15), points);
        Assert.Equal(0, points[0].Seconds);
        Assert.Equal(900, points[^1].Seconds, 9);
        // Sealed at ambient pressure; the humid, flame-moistened air starts condensing on the wall at once (< 1 mmHg).
        Assert.InRange(points[0].Pressure.GaugeMmHg, -1, 0);
        Assert.True(points[12].Pressure.GaugeMmHg < -250, "a fire cup grips within the first minute");
        Assert.Equal(state.At(450).Pressure, points[90].Pressure);
    }

    [Fact]
    public void FireCupsSealAtTheFlameTemperatureOnlyWhenTheFlameStaysInside()
    {
        var inside = SuctionModel.Prepare(new SuctionInputs(Cups.Example(), SuctionMethod.FireCottonBall, Cups.Back));
        var flash = SuctionModel.Prepare(new SuctionInputs(Cups.Example(), SuctionMethod.FireFlash, Cups.Back));
        Assert.Equal(SuctionModel.FlameHeatedAir.Celsius, inside.SealTemperature!.Value.Celsius, 6);
        Assert.True(flash.SealTemperature!.Value.Kelvin < inside.SealTemperature!.Value.Kelvin);
        Assert.Null(SuctionModel.Prepare(new SuctionInputs(Cups.Example(), SuctionMethod.Pump, Cups.Back)).SealTemperature);
    }

    [Fact]
    public void BadInputsAreRefusedByName()
    {
        var cup = Cups.Example();
        Assert.Equal("PumpStrokes", Assert.Throws<ArgumentOutOfRangeException>(() =>
            SuctionModel.Prepare(new SuctionInputs(cup, SuctionMethod.Pump, Cups.Back) { PumpStrokes = -1 })).ParamName);
        Assert.Equal("SetPressure", Assert.Throws<ArgumentException>(() =>
            SuctionModel.Prepare(new SuctionInputs(cup, SuctionMethod.Electric, Cups.Back))).ParamName);
        Assert.Equal("SqueezeFraction", Assert.Throws<ArgumentOutOfRangeException>(() =>
            SuctionModel.Prepare(new SuctionInputs(cup, SuctionMethod.Squeeze, Cups.Back) { SqueezeFraction = 1 })).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => SuctionModel.Prepare(new SuctionInputs(cup, SuctionMethod.Pump, Cups.Back)).At(-1));
    }
}
