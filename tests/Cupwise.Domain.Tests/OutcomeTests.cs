using Cupwise.Domain.Outcomes;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Domain.Tests;

public sealed class OutcomeTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(11)]
    [InlineData(-1)]
    [InlineData(3.5)]
    public void PainIsAWholeNumberFromZeroToTen(double value)
    {
        var e = Assert.Throws<DomainValidationException>(() => OutcomeMeasurement.Record(Guid.NewGuid(), Guid.NewGuid(), null,
            MeasureDefinition.Pain(), value, MeasurementTiming.Standalone, _clock.GetUtcNow(), _clock));
        Assert.Equal("value", e.Field);
    }

    [Fact]
    public void RangeOfMotionNeedsAJointAndADirection()
    {
        Assert.Equal("joint", Assert.Throws<DomainValidationException>(() => MeasureDefinition.RangeOfMotion(null, "rotation left")).Field);
        var m = OutcomeMeasurement.Record(Guid.NewGuid(), Guid.NewGuid(), null, MeasureDefinition.RangeOfMotion("cervical spine", "rotation left"),
            70, MeasurementTiming.Standalone, _clock.GetUtcNow(), _clock);
        Assert.Equal("deg", m.Unit);
    }

    [Fact]
    public void ACustomMeasureKeepsItsOwnRange()
    {
        var measure = MeasureDefinition.Custom("Sleep quality", 1, 5, "{score}");
        Assert.Throws<DomainValidationException>(() => measure.Check(6));
        Assert.Equal(3, measure.Check(3));
        Assert.Throws<DomainValidationException>(() => MeasureDefinition.Custom("x", 5, 1, "{score}"));
    }

    [Fact]
    public void MeasurementsBeforeOrAfterASessionNameTheSession()
    {
        var e = Assert.Throws<DomainValidationException>(() => OutcomeMeasurement.Record(Guid.NewGuid(), Guid.NewGuid(), null,
            MeasureDefinition.Pain(), 4, MeasurementTiming.BeforeSession, _clock.GetUtcNow(), _clock));
        Assert.Equal("sessionId", e.Field);
    }

    [Fact]
    public void MeasurementsAreNotTakenInTheFuture()
    {
        var e = Assert.Throws<DomainValidationException>(() => OutcomeMeasurement.Record(Guid.NewGuid(), Guid.NewGuid(), null,
            MeasureDefinition.Pain(), 4, MeasurementTiming.Standalone, _clock.GetUtcNow().AddDays(1), _clock));
        Assert.Equal("takenAt", e.Field);
    }
}
