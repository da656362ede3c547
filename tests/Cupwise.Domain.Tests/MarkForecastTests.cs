using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Marks;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;

namespace Cupwise.Domain.Tests;

public sealed class MarkForecastTests
{
    private static readonly DateTimeOffset Removed = new(2026, 11, 2, 10, 0, 0, TimeSpan.Zero);

    private static MarkRecord Mark(int grade, string site = "lower-back", BodySide side = BodySide.Left, Technique technique = Technique.Stationary,
        MapView view = MapView.Back, double minutes = 10, double mmHg = -300, DateTimeOffset? removed = null) =>
        new(site, side, removed ?? Removed, MarkGrade.FromGrade(grade), technique, view, TimeSpan.FromMinutes(minutes), GaugePressure.FromMmHg(mmHg));

    private static MarkObservation Seen(int grade, double days, string site = "lower-back", BodySide side = BodySide.Left, DateTimeOffset? from = null) =>
        new(site, side, (from ?? Removed).AddDays(days), MarkGrade.FromGrade(grade));

    [Theory]
    [InlineData(1, 0.4, 1.2)]
    [InlineData(2, 3, 5)]
    [InlineData(3, 5, 8)]
    [InlineData(4, 10, 20)]
    public void TheDefaultForecastFollowsThePracticeRangesByGrade(int grade, double low, double high)
    {
        // SCIENCE.md §2: light pink hours to a day; red 3–5 days; dark red 5–7, often longer; deep purple 1–2 weeks.
        var f = MarkForecaster.Forecast(Mark(grade));
        Assert.InRange((f.Expected - Removed).TotalDays, low, high);
        Assert.True(f.Earliest < f.Expected && f.Expected < f.Latest);
        Assert.False(f.Personalised);
    }

    [Fact]
    public void MovingAndFacialCupsThatLeftNoMarkLeaveNothingToWaitFor()
    {
        Assert.Equal(Removed, MarkForecaster.Forecast(Mark(0, technique: Technique.Moving)).Expected);
        Assert.Equal(Removed, MarkForecaster.Forecast(Mark(0, site: "cheek", view: MapView.Face)).Expected);
        Assert.Equal(Removed, MarkForecaster.Forecast(Mark(0)).Expected);
    }

    [Theory]
    [InlineData(Technique.Moving, "upper-back", MapView.Back)]
    [InlineData(Technique.Flash, "upper-back", MapView.Back)]
    [InlineData(Technique.Moving, "cheek", MapView.Face)]
    public void AMarkGradedAfterAnyTechniqueClearsLikeAnyOther(Technique technique, string site, MapView view)
    {
        var graded = MarkForecaster.Forecast(Mark(2, site: site, technique: technique, view: view));
        var stationary = MarkForecaster.Forecast(Mark(2, site: site, view: view));
        Assert.True(graded.Expected > Removed.AddDays(2), "a grade-2 mark takes days to clear, whatever made it");
        Assert.Equal(stationary.Expected, graded.Expected);
    }

    [Fact]
    public void StrongerAndLongerCupsLeaveLongerLastingMarks()
    {
        var light = MarkForecaster.BaseDays(Mark(2, minutes: 5, mmHg: -150));
        var typical = MarkForecaster.BaseDays(Mark(2));
        var strong = MarkForecaster.BaseDays(Mark(2, minutes: 15, mmHg: -450));
        Assert.True(light < typical && typical < strong);
        Assert.InRange(strong / typical, 1, 1.45); // the grade says most of it: a nudge, not a new forecast
    }

    [Fact]
    public void AClientWhoseMarksClearFastGetsEarlierForecasts()
    {
        var marks = new[] { Mark(2), Mark(2, removed: Removed.AddDays(10)) };
        var seen = new[] { Seen(0, 2), Seen(0, 2, from: Removed.AddDays(10)) };
        var factor = MarkForecaster.ClientFactor(marks, seen);
        Assert.InRange(factor, 0.4, 0.75);
        var next = MarkForecaster.Forecast(Mark(2, removed: Removed.AddDays(20)), factor, personalised: true);
        Assert.True((next.Expected - Removed.AddDays(20)).TotalDays < 3);
        Assert.True(next.Personalised);
    }

    [Fact]
    public void AClientWhoseMarksLingerGetsLaterForecasts()
    {
        var factor = MarkForecaster.ClientFactor([Mark(2)], [Seen(2, 7)]);
        Assert.True(factor > 1.3, $"{factor}");
    }

    [Fact]
    public void WithoutObservationsTheFactorIsOne() =>
        Assert.Equal(1, MarkForecaster.ClientFactor([Mark(3)], []));

    [Fact]
    public void EachSiteIsEligibleOnItsOwnDay()
    {
        var marks = new[]
        {
            Mark(3, "lower-back", BodySide.Left),
            Mark(1, "upper-back", BodySide.Right),
            Mark(0, "cheek", BodySide.Left, Technique.Moving, MapView.Face),
        };
        var sites = MarkForecaster.Eligibility(marks, []).ToDictionary(s => (s.SiteId, s.Side));
        var lowerBack = sites[("lower-back", BodySide.Left)];
        Assert.InRange((lowerBack.EligibleFrom - Removed).TotalDays, 5, 8);
        Assert.Equal("mark forecast to clear", lowerBack.Reason);
        // A light mark clears within a day, but SCIENCE.md §2 asks for at least 3 days between sessions on one site.
        Assert.Equal(Removed.AddDays(3), sites[("upper-back", BodySide.Right)].EligibleFrom);
        Assert.Equal(Removed.AddDays(3), sites[("cheek", BodySide.Left)].EligibleFrom);
    }

    [Fact]
    public void InThePracticesZoneASiteIsEligibleFromTheStartOfTheDay()
    {
        // Cupped late on a Friday evening in New York (after midnight UTC): three days on is Monday there, from its start.
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var friday = new DateTimeOffset(2026, 11, 20, 22, 30, 0, TimeSpan.FromHours(-5));
        var site = Assert.Single(MarkForecaster.Eligibility([Mark(2, removed: friday)], [Seen(0, 1, from: friday)], zone: newYork));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.FromHours(-5)), site.EligibleFrom);
        // Without a zone the exact moment stays (the rule's own arithmetic).
        var exact = Assert.Single(MarkForecaster.Eligibility([Mark(2, removed: friday)], [Seen(0, 1, from: friday)]));
        Assert.Equal(friday.AddDays(3), exact.EligibleFrom);
    }

    [Fact]
    public void ASiteSeenClearIsEligibleOnceTheIntervalHasPassed()
    {
        var sites = MarkForecaster.Eligibility([Mark(3)], [Seen(0, 4)]);
        var site = Assert.Single(sites);
        Assert.Equal(Removed.AddDays(4), site.EligibleFrom);
        Assert.Equal("seen clear", site.Reason);
        var early = Assert.Single(MarkForecaster.Eligibility([Mark(2)], [Seen(0, 1)]));
        Assert.Equal(Removed.AddDays(3), early.EligibleFrom);
    }

    [Fact]
    public void ThePracticeCanSetALongerInterval()
    {
        var site = Assert.Single(MarkForecaster.Eligibility([Mark(1)], [], TimeSpan.FromDays(7)));
        Assert.Equal(Removed.AddDays(7), site.EligibleFrom);
    }
}
