using Cupwise.Domain;
using Cupwise.Domain.Quantities;

namespace Cupwise.Domain.Tests;

public sealed class QuantityTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    public void PainAcceptsTheEndsOfTheScale(int points) => Assert.Equal(points, PainScore.FromPoints(points).Points);

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void PainOutsideZeroToTenIsRefusedWithTheRange(int points)
    {
        var e = Assert.Throws<DomainValidationException>(() => PainScore.FromPoints(points));
        Assert.Equal("pain", e.Field);
        Assert.Contains("from 0 to 10", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MarkGradeRunsFromNoneToDeepPurple()
    {
        Assert.Equal("none, or fades within minutes", MarkGrade.FromGrade(0).Description);
        Assert.Equal("deep purple / near black", MarkGrade.FromGrade(4).Description);
        Assert.Throws<DomainValidationException>(() => MarkGrade.FromGrade(5));
        Assert.Throws<DomainValidationException>(() => MarkGrade.FromGrade(-1));
    }

    [Theory]
    [InlineData(9.9)]
    [InlineData(150.1)]
    [InlineData(double.NaN)]
    public void RimDiameterOutsideTenTo150MmIsRefused(double mm)
    {
        var e = Assert.Throws<DomainValidationException>(() => RimDiameter.FromMillimetres(mm));
        Assert.Equal("rimDiameterMm", e.Field);
    }

    [Fact]
    public void ThreeHundredMmHgIsAboutFortyKilopascals()
    {
        // SCIENCE.md: 1 mmHg = 0.13332 kPa; −300 mmHg ≈ −40 kPa.
        var p = GaugePressure.FromMmHg(-300);
        Assert.Equal(-40.0, p.Kilopascals, 0.1);
        Assert.Equal(-300, p.MillimetresOfMercury, 6);
    }

    [Fact]
    public void PressureAboveAmbientOrBeyondAVacuumIsRefused()
    {
        Assert.Throws<DomainValidationException>(() => GaugePressure.FromMmHg(10));
        Assert.Throws<DomainValidationException>(() => GaugePressure.FromKilopascals(-102));
    }

    [Fact]
    public void MapPointsStayInsideTheirViewsBox()
    {
        Assert.Equal(190, MapPoint.Create(MapView.Back, 50, 190).Y);
        var e = Assert.Throws<DomainValidationException>(() => MapPoint.Create(MapView.Face, 50, 190));
        Assert.Equal("position.y", e.Field);
        Assert.Contains("face view", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PregnancyWeeksAreBounded()
    {
        Assert.Equal(20, PregnancyWeeks.FromWeeks(20).Weeks);
        Assert.Throws<DomainValidationException>(() => PregnancyWeeks.FromWeeks(46));
    }
}
