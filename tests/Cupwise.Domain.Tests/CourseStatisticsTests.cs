using Cupwise.Domain.Outcomes;

namespace Cupwise.Domain.Tests;

public sealed class CourseStatisticsTests
{
    private static readonly DateTimeOffset Start = new(2026, 10, 5, 11, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 12.706205)]
    [InlineData(2, 4.302653)]
    [InlineData(3, 3.182446)]
    [InlineData(10, 2.228139)]
    [InlineData(30, 2.042272)]
    public void TQuantilesMatchThePrintedTables(int degreesOfFreedom, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(0.975, degreesOfFreedom), 5);

    [Fact]
    public void TQuantilesMatchAReferenceImplementation()
    {
        foreach (var df in new[] { 1.0, 2, 3, 4.5, 7, 15, 60, 250 })
        {
            foreach (var p in new[] { 0.005, 0.025, 0.1, 0.5, 0.8, 0.975, 0.999 })
            {
                Assert.Equal(MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, p), StudentT.Quantile(p, df), 6);
                var t = (p - 0.5) * 6;
                Assert.Equal(MathNet.Numerics.Distributions.StudentT.CDF(0, 1, df, t), StudentT.Cdf(t, df), 9);
            }
        }
    }

    [Fact]
    public void TheSlopeAndItsIntervalAreTheHandComputedOnes()
    {
        // Pain 6, 6, 5, 4 at days 0, 7, 14, 21: slope −0.1 a day; residuals −0.3, 0.4, 0.1, −0.2; SSE 0.30;
        // SE = √(0.30 / 2 / 245) = 0.0247436; t(0.975, 2) = 4.302653; half-width 0.106463.
        var slope = CourseStatistics.Slope([0, 7, 14, 21], [6, 6, 5, 4]);
        Assert.Equal(-0.1, slope.Value, 10);
        Assert.Equal(-0.206463, slope.Low, 5);
        Assert.Equal(0.006463, slope.High, 5);
    }

    [Fact]
    public void TheSlopeMatchesAReferenceRegressionOnFixedData()
    {
        var random = new Random(7);
        var x = Enumerable.Range(0, 12).Select(i => (i * 6.5) + random.NextDouble()).ToArray();
        var y = x.Select(v => 7 - (0.08 * v) + ((random.NextDouble() - 0.5) * 2)).ToArray();
        var ours = CourseStatistics.Slope(x, y);
        var (_, slope) = MathNet.Numerics.Fit.Line(x, y);
        Assert.Equal(slope, ours.Value, 10);
        // Reference interval from the textbook formula with MathNet's t quantile.
        var intercept = y.Average() - (slope * x.Average());
        var sse = x.Zip(y, (a, b) => Math.Pow(b - (intercept + (slope * a)), 2)).Sum();
        var se = Math.Sqrt(sse / (x.Length - 2) / x.Sum(a => Math.Pow(a - x.Average(), 2)));
        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, x.Length - 2, 0.975);
        Assert.Equal(slope - (t * se), ours.Low, 8);
        Assert.Equal(slope + (t * se), ours.High, 8);
    }

    [Fact]
    public void TheMeanAndItsIntervalAreTheHandComputedOnes()
    {
        // −2, −3, −1, −2: mean −2, SD 0.8165, t(0.975, 3) = 3.182446, half-width 1.29923.
        var mean = CourseStatistics.MeanWithInterval([-2, -3, -1, -2]);
        Assert.Equal(-2, mean.Value, 10);
        Assert.Equal(-3.29923, mean.Low, 4);
        Assert.Equal(-0.70077, mean.High, 4);
        var reference = MathNet.Numerics.Statistics.Statistics.StandardDeviation(new double[] { -2, -3, -1, -2 });
        Assert.Equal(reference * MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, 3, 0.975) / 2, mean.High - mean.Value, 8);
    }

    private static Reading Pre(int day, double value, Guid session) => new(Start.AddDays(day), value, MeasurementTiming.BeforeSession, session);

    private static Reading Post(int day, double value, Guid session) => new(Start.AddDays(day).AddMinutes(40), value, MeasurementTiming.AfterSession, session);

    [Fact]
    public void ACourseOfFourVisitsGetsIntervalsAndAnHonestVerdict()
    {
        var s = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToArray();
        Reading[] readings =
        [
            Pre(0, 6, s[0]), Post(0, 4, s[0]), Pre(7, 6, s[1]), Post(7, 3, s[1]),
            Pre(14, 5, s[2]), Post(14, 3, s[2]), Pre(21, 4, s[3]), Post(21, 2, s[3]),
        ];
        var progress = CourseStatistics.Analyse("pain", lowerIsBetter: true, isPain: true, readings);
        Assert.Equal((6.0, 4.0, -2.0), (progress.Baseline, progress.Latest, progress.Change));
        Assert.True(progress.ClinicallyImportant); // 2 points
        Assert.Equal(-2.1, progress.CourseChange!.Value, 8); // slope −0.1 a day over 21 days
        Assert.Equal(-0.206463 * 21, progress.CourseChange.Low, 4);
        Assert.Equal(-0.7, progress.TrendPerWeek!.Value, 8);
        Assert.Equal(4, progress.WithinSessionPairs);
        Assert.Equal(-2.25, progress.WithinSession!.Value, 8); // −2, −3, −2, −2
        // Four visits of pain 6, 6, 5, 4: the interval still includes no change, and the words say so.
        Assert.Contains("compatible with no change", progress.Verdict, StringComparison.Ordinal);
        Assert.Contains("clinically important", progress.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoVisitsAreTooFewToTell()
    {
        var s = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var progress = CourseStatistics.Analyse("pain", true, true, [Pre(0, 7, s[0]), Post(0, 4, s[0]), Pre(4, 3, s[1]), Post(4, 0, s[1])]);
        Assert.Null(progress.CourseChange);
        Assert.Null(progress.WithinSession);
        Assert.Equal(-4, progress.Change);
        Assert.Contains("Too few measurements to tell", progress.Verdict, StringComparison.Ordinal);
        Assert.StartsWith("Pain went from 7 to 3 over the course", progress.Verdict, StringComparison.Ordinal);
        Assert.Contains("Within the latest session it went from 3 to 0.", progress.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void AFirstSessionsDropIsToldAsTheSessionsAndNotAsTheCourses()
    {
        // Pain 6 before the first session and 3 just after: the course has one reading so far, not "6, as at the start".
        var s = Guid.NewGuid();
        var progress = CourseStatistics.Analyse("pain", true, true, [Pre(0, 6, s), Post(0, 3, s)]);
        Assert.Equal((6.0, 3.0), (progress.LastSessionBefore, progress.LastSessionAfter));
        Assert.Null(progress.ClinicallyImportant);
        Assert.StartsWith("Pain was 6 at the start. Within the latest session it went from 6 to 3; the reading before the next session tells whether that lasts.", progress.Verdict, StringComparison.Ordinal);
        Assert.DoesNotContain("as at the start", progress.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void ThirtyPercentCountsAsImportantFromALowBaseline()
    {
        var s = new[] { Guid.NewGuid(), Guid.NewGuid() };
        var small = CourseStatistics.Analyse("pain", true, true, [Pre(0, 3, s[0]), Pre(7, 2, s[1])]);
        Assert.True(small.ClinicallyImportant); // 1 point of 3 is 33 %
        var tooSmall = CourseStatistics.Analyse("pain", true, true, [Pre(0, 8, s[0]), Pre(7, 7, s[1])]);
        Assert.False(tooSmall.ClinicallyImportant); // 1 point of 8 is 12.5 %
        var rotation = CourseStatistics.Analyse("cervical rotation left", false, false, [Pre(0, 30, s[0]), Pre(7, 60, s[1])]);
        Assert.Null(rotation.ClinicallyImportant); // no agreed threshold for range of motion in SCIENCE.md
    }
}
