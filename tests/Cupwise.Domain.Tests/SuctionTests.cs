using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Safety;
using Cupwise.Domain.Sessions;
using Cupwise.Domain.Suction;
using Cupwise.Physics;
using static Cupwise.Domain.Tests.TestData;

namespace Cupwise.Domain.Tests;

public sealed class SuctionTests
{
    private static readonly string[] CalibrationCups = ["glass-small", "glass-medium", "glass-large", "bamboo-small", "bamboo-medium", "bamboo-large"];

    private static SuctionSetting Setting(SuctionMethodKind method, int? strokes = null, double? setMmHg = null) =>
        SuctionSetting.Create(method, strokes, setMmHg is { } s ? GaugePressure.FromMmHg(s) : null);

    [Fact]
    public void TheFlameHeatingIsCalibratedToThePublishedCottonBallMean()
    {
        // SCIENCE.md §1: An et al. 2021, cotton-ball fire cupping, glass and bamboo cups of three sizes: about −354 mmHg.
        var cups = CalibrationCups.Select(id => SuctionEstimator.Inputs(Cup(id), null, Setting(SuctionMethodKind.FireCottonBall)).Cup).ToList();
        var tissue = TissueProperties.For(SuctionEstimator.DefaultTissue);
        var derived = SuctionCalibration.FlameHeatedAirFor(cups, Physics.SuctionMethod.FireCottonBall, tissue, -354, TimeSpan.FromMinutes(1));
        Assert.Equal(SuctionModel.CalibratedFlameCelsius, derived.Celsius, 0.1);
        var mean = SuctionCalibration.MeanGaugeMmHg(cups, Physics.SuctionMethod.FireCottonBall, tissue, SuctionModel.FlameHeatedAir, TimeSpan.FromMinutes(1));
        Assert.InRange(mean, -359, -349); // inside the published 95 % CI of the mean
    }

    [Fact]
    public void ALargeGlassCupPullsHarderThanASmallBambooOne()
    {
        var large = SuctionEstimator.Estimate(Cup("glass-large"), Site("lower-back"), Setting(SuctionMethodKind.FireFlash), TimeSpan.FromMinutes(10));
        var small = SuctionEstimator.Estimate(Cup("bamboo-small"), Site("lower-back"), Setting(SuctionMethodKind.FireFlash), TimeSpan.FromMinutes(10));
        Assert.True(large.At.Pressure.GaugeMmHg < small.At.Pressure.GaugeMmHg - 30, $"{large.At.Pressure} vs {small.At.Pressure}");
        Assert.True(large.PullNewtons > 2.5 * small.PullNewtons, $"{large.PullNewtons} N vs {small.PullNewtons} N");
        Assert.True(large.At.Lift.Millimetres > small.At.Lift.Millimetres);
    }

    [Fact]
    public void EveryStandardCupGivesAnAnswerWithEveryMethodItSupports()
    {
        foreach (var cup in StandardCatalogue.Cups)
        {
            foreach (var method in cup.SupportedMethods)
            {
                var setting = Setting(method, method == SuctionMethodKind.Pump ? 4 : null, method == SuctionMethodKind.Electric ? -225 : null);
                var estimate = SuctionEstimator.Estimate(cup, StandardCatalogue.Sites[0], setting, TimeSpan.FromMinutes(10));
                Assert.InRange(estimate.At.Pressure.GaugeMmHg, -700, -10);
                Assert.Equal(181, estimate.Curve.Count);
                Assert.NotEmpty(estimate.Assumptions);
            }
        }
    }

    [Fact]
    public void FacialTissueLiftsLessThanTheBackUnderTheSameCup()
    {
        var setting = Setting(SuctionMethodKind.Squeeze);
        var face = SuctionEstimator.Estimate(Cup("silicone-face-35"), Site("cheek"), setting, TimeSpan.FromMinutes(1));
        var back = SuctionEstimator.Estimate(Cup("silicone-face-35"), Site("upper-back"), setting, TimeSpan.FromMinutes(1));
        Assert.True(face.At.Lift.Millimetres < back.At.Lift.Millimetres);
        Assert.InRange(face.At.Pressure.GaugeMmHg, -100, -20); // light suction
    }

    [Fact]
    public void APlannedCupWithoutAReadingGetsAnEstimatedPressure()
    {
        var session = TreatmentSession.Create(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, [], TimeProvider.System);
        var estimated = session.AddCup(Stationary());
        Assert.Equal(PressureSource.Estimated, estimated.PressureSource);
        Assert.InRange(estimated.Pressure!.Value.MillimetresOfMercury, -400, -150);
        var measured = session.AddCup(Stationary(side: BodySide.Right) with { Pressure = GaugePressure.FromMmHg(-280), PressureSource = PressureSource.Measured });
        Assert.Equal((PressureSource.Measured, -280.0), (measured.PressureSource!.Value, Math.Round(measured.Pressure!.Value.MillimetresOfMercury)));
    }

    /// <summary>What the one rule engine says of a cup on its own (as the suction estimate asks it).</summary>
    private static List<ScreeningFinding> CupAlone(string site, Technique technique, SuctionMethodKind method, double? minutes, double? mmHg) =>
        ScreeningEngine.Standard.Screen(ScreeningClient.Nobody, [new ScreeningCup(Site(site), BodySide.None, technique, method, minutes, mmHg)])
            .Findings.Where(f => f.Cup == 0).ToList();

    [Theory]
    [InlineData(25, "procedure.blister-risk", FindingSeverity.Override)]
    [InlineData(18, "procedure.long-retention", FindingSeverity.Caution)]
    public void LongStationaryCupsAreFlagged(double minutes, string rule, FindingSeverity severity)
    {
        var finding = Assert.Single(CupAlone("lower-back", Technique.Stationary, SuctionMethodKind.Pump, minutes, null), f => f.RuleId == rule);
        Assert.Equal(severity, finding.Severity);
        Assert.Contains("SCIENCE.md §3", finding.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void TenMinutesOnTheBackRaisesNothingAboveInformation() =>
        Assert.All(CupAlone("lower-back", Technique.Stationary, SuctionMethodKind.FireFlash, 10, -350), f => Assert.Equal(FindingSeverity.Info, f.Severity));

    [Fact]
    public void FireAndStrongOrParkedCupsOnTheFaceAreFlagged()
    {
        var findings = CupAlone("cheek", Technique.Stationary, SuctionMethodKind.FireFlash, 5, -200).Where(f => f.Severity > FindingSeverity.Info).ToList();
        Assert.Equal(["procedure.fire-on-face", "procedure.parked-on-face", "procedure.strong-on-face"], findings.Select(f => f.RuleId).Order(StringComparer.Ordinal));
        Assert.Equal(FindingSeverity.Block, findings.Single(f => f.RuleId == "procedure.fire-on-face").Severity);
        Assert.DoesNotContain(CupAlone("cheek", Technique.Moving, SuctionMethodKind.Squeeze, null, -60), f => f.Severity > FindingSeverity.Info);
    }
}
