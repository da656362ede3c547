using System.Net;
using Cupwise.Marks;

namespace Cupwise.Tests;

public sealed class MarksApiTests
{
    [Fact]
    public async Task AFollowUpSeenClearBringsTheSiteForward()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id, cups: 2); // lower back L and R, grade 2, removed 20 Nov 09:10/09:11
        var removed = session.Cups[0].RemovedAt!.Value;

        var before = (await app.GetAsync<List<SiteEligibilityResponse>>($"/api/v1/clients/{client.Id}/sites/eligibility")).ToDictionary(e => (e.Site, e.Side));
        var left = before[("lower-back", "left")];
        Assert.InRange((left.EligibleFrom - removed).TotalDays, 3, 5.5); // grade 2: about 4 days
        Assert.Equal("mark forecast to clear", left.Reason);
        Assert.Equal((removed, 2), (left.LastTreated, left.MarkGrade));
        Assert.True(left.PredictedClearFrom < left.ClearBy && left.ClearBy < left.PredictedClearTo, "the likely day lies inside the range");

        var followUp = await (await app.PostAsync($"/api/v1/clients/{client.Id}/mark-observations",
            new MarkFollowUpRequest("lower-back", "left", 0, removed.AddDays(2), "client", "Photo from home: clear"))).ReadAsync<MarkFollowUpResponse>(HttpStatusCode.Created);
        Assert.Equal(("client", 0), (followUp.Source, followUp.Grade));

        var after = (await app.GetAsync<List<SiteEligibilityResponse>>($"/api/v1/clients/{client.Id}/sites/eligibility")).ToDictionary(e => (e.Site, e.Side));
        // Clear on day 2; the 3-day interval still applies, counted in days: from the start of 23 Nov in the practice's zone (UTC).
        Assert.Equal(new DateTimeOffset(removed.UtcDateTime.Date.AddDays(3), TimeSpan.Zero), after[("lower-back", "left")].EligibleFrom);
        Assert.Equal("seen clear", after[("lower-back", "left")].Reason);
        Assert.Equal((removed.AddDays(2), removed.AddDays(2)), (after[("lower-back", "left")].PredictedClearFrom, after[("lower-back", "left")].PredictedClearTo));
        // The right side was not seen, but this client's marks clear fast: its forecast moves earlier too.
        Assert.True(after[("lower-back", "right")].ClearBy < before[("lower-back", "right")].ClearBy);
        Assert.Single(await app.GetAsync<List<MarkFollowUpResponse>>($"/api/v1/clients/{client.Id}/mark-observations"));
    }

    [Fact]
    public async Task AMarkLeftByAGlidingOrAFacialCupIsForecastLikeAnyOther()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var start = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var gliding = Requests.Cup("glass-medium", "upper-back", "left", start.AddMinutes(1), start.AddMinutes(6), 2, technique: "moving", method: "fire-flash");
        var facial = Requests.Cup("silicone-face-35", "cheek", "right", start.AddMinutes(7), start.AddMinutes(12), 1, technique: "moving", method: "squeeze");
        await (await app.PostAsync("/api/v1/sessions", new Cupwise.Sessions.SessionRequest(client.Id, practitioner.Id, "completed", start, start.AddMinutes(15), null, null, [gliding, facial])))
            .ReadAsync<Cupwise.Sessions.SessionResponse>(HttpStatusCode.Created);

        var sites = (await app.GetAsync<List<SiteEligibilityResponse>>($"/api/v1/clients/{client.Id}/sites/eligibility")).ToDictionary(e => (e.Site, e.Side));
        var back = sites[("upper-back", "left")];
        Assert.Equal(("mark forecast to clear", 2), (back.Reason, back.MarkGrade));
        Assert.InRange((back.ClearBy!.Value - start.AddMinutes(6)).TotalDays, 2, 6);
        Assert.Equal(1, sites[("cheek", "right")].MarkGrade);
        Assert.True(sites[("cheek", "right")].ClearBy > start.AddMinutes(12), "a facial mark takes time to clear too");
    }

    [Fact]
    public async Task ABadFollowUpNamesTheField()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var errors = await (await app.PostAsync($"/api/v1/clients/{client.Id}/mark-observations", new MarkFollowUpRequest("moon", "left", 5, null, "neighbour", null))).ProblemFieldsAsync();
        Assert.Contains("siteId", errors.Keys);
        Assert.Contains("grade", errors.Keys);
        Assert.Contains("source", errors.Keys);
        var future = await (await app.PostAsync($"/api/v1/clients/{client.Id}/mark-observations", new MarkFollowUpRequest("lower-back", "left", 0, DateTimeOffset.UtcNow.AddDays(2), null, null))).ProblemFieldsAsync();
        Assert.Contains("observedAt", future.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/api/v1/clients/{Guid.NewGuid()}/sites/eligibility")).StatusCode);
    }
}
