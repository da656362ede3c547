using Cupwise.Clients;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Marks;
using Cupwise.Domain.Quantities;
using Cupwise.Marks;
using Cupwise.Practitioners;
using Cupwise.Scheduling;
using Cupwise.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Tests;

/// <summary>The demo tells the marks story: the back fades over the days after a visit; the next visit waits for it.</summary>
public sealed class DemoMarksTests
{
    // A Wednesday: the low-back client was cupped on Tuesday at 11:00.
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TheLowBackClientsMarksFadeAndTheNextVisitIsOfferedOnTheFirstDayTheyAreClear()
    {
        var clock = new FakeTimeProvider(Wednesday);
        await using var app = await CupwiseApp.StartAsync(demo: true, clock: clock);
        var back = DemoPractice.BackClientId;
        var sites = await app.GetAsync<List<SiteEligibilityResponse>>($"/api/v1/clients/{back}/sites/eligibility");
        var left = sites.Single(s => (s.Site, s.Side) == ("lower-back", "left"));
        Assert.Equal(2, left.MarkGrade);
        Assert.True(left.EligibleFrom > Wednesday, "yesterday's marks are not clear yet");
        Assert.InRange((left.ClearBy!.Value - left.LastTreated).TotalDays, 3, 5.5); // grade 2: 3–5 days (SCIENCE.md §2)

        // On the map, yesterday's cups fade day by day and are a thin ring once clear.
        var data = (await app.QueryAsync(db => ClientChartData.LoadAsync(db, back)))!;
        double Strongest(DateTimeOffset when) => data.Placements(MapView.Back, when).Where(p => p.SiteId == "lower-back").Max(p => p.Fade);
        var fades = new[] { 0, 1, 2, 3, 6 }.Select(d => Strongest(Wednesday.AddDays(d))).ToList();
        Assert.True(fades[0] > fades[1] && fades[1] > fades[2] && fades[2] > fades[3], $"fading: {string.Join(", ", fades)}");
        Assert.Equal(0, fades[4]);
        Assert.Contains(data.Placements(MapView.Back, Wednesday), p => p.Label.Contains("clear by about", StringComparison.Ordinal) && p.Label.Contains("eligible from", StringComparison.Ordinal));

        // The next visit for the lower back: the first free time on or after the day the marks are forecast clear.
        var practitioner = (await app.GetAsync<List<PractitionerResponse>>("/api/v1/practitioners")).Single();
        var slots = await app.GetAsync<SlotsResponse>($"/api/v1/clients/{back}/next-slots?practitionerId={practitioner.Id}&sites=lower-back:left,lower-back:right");
        var clearFrom = sites.Where(s => s.Site == "lower-back").Max(s => s.EligibleFrom);
        Assert.Equal(clearFrom, slots.EarliestForSites);
        Assert.True(slots.Slots[0] >= clearFrom);
        var firstWorkingDay = clearFrom.DayOfWeek switch { DayOfWeek.Saturday => clearFrom.Date.AddDays(2), DayOfWeek.Sunday => clearFrom.Date.AddDays(1), _ => clearFrom.Date };
        Assert.True(slots.Slots[0].Date == firstWorkingDay || (slots.Slots[0].Date == firstWorkingDay.AddDays(1) && clearFrom.TimeOfDay >= TimeSpan.FromHours(16)),
            $"first slot {slots.Slots[0]:u} for sites clear from {clearFrom:u}");
    }

    [Fact]
    public async Task TheStiffNecksSecondVisitFellOnTheDayItsNeckHadCleared()
    {
        var clock = new FakeTimeProvider(Wednesday);
        await using var app = await CupwiseApp.StartAsync(demo: true, clock: clock);
        var sessions = (await app.GetAsync<List<SessionResponse>>($"/api/v1/clients/{DemoPractice.NeckClientId}/sessions")).OrderBy(s => s.StartedAt).ToList();
        var (first, second) = (sessions[0], sessions[1]);
        // What Cupwise proposed after the first visit: its marks (grade 1–2) forecast from that visit alone.
        var marks = first.Cups.Select(c => new MarkRecord(c.SiteId, c.Side, c.RemovedAt!.Value,
            MarkGrade.FromGrade(c.MarkGrade!.Value, "grade"), c.Technique, c.View, c.RemovedAt - c.AppliedAt, null)).ToList();
        var eligible = MarkForecaster.Eligibility(marks, []).Max(e => e.EligibleFrom);
        Assert.Equal(second.StartedAt!.Value.Date, eligible.Date);
        Assert.True(eligible <= second.StartedAt!.Value.AddHours(1), $"eligible from {eligible:u}, second visit {second.StartedAt:u}");

        // Now both visits are behind it and the neck is clear: Today lists the client as clear to cup again.
        var today = await app.Client.GetStringAsync("/");
        var recall = today[today.IndexOf("Clear to cup again", StringComparison.Ordinal)..today.IndexOf("Sessions to finish", StringComparison.Ordinal)];
        Assert.Contains("Client A Demo (stiff neck)", recall, StringComparison.Ordinal);
    }
}
