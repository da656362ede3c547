using System.Net;
using Cupwise.Domain.Outcomes;
using Cupwise.Outcomes;
using Cupwise.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Tests;

public sealed class OutcomesApiTests
{
    [Fact]
    public async Task PainAndRangeOfMotionAreRecordedAroundASession()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id);
        var taken = new DateTimeOffset(2026, 11, 20, 8, 55, 0, TimeSpan.Zero);
        // The session is completed: a measurement added to it now changes a completed record, so it needs a reason.
        var noReason = await (await app.PostAsync($"/api/v1/clients/{client.Id}/outcomes", new OutcomeRequest("pain", 7, "before-session", session.Id, taken))).ProblemFieldsAsync();
        Assert.Contains("reason", noReason.Keys);
        var pain = await (await app.PostAsync($"/api/v1/clients/{client.Id}/outcomes", new OutcomeRequest("pain", 7, "before-session", session.Id, taken) { Reason = "Charted from the paper notes" }))
            .ReadAsync<OutcomeResponse>(HttpStatusCode.Created);
        Assert.Equal("72514-3", pain.LoincCode);
        Assert.Equal("owner@my-practice.test", pain.RecordedBy);
        await (await app.PostAsync($"/api/v1/clients/{client.Id}/outcomes", new OutcomeRequest("range-of-motion", 55, "after-session", session.Id, taken.AddMinutes(40), "cervical spine", "rotation left") { Reason = "Charted from the paper notes" }))
            .ReadAsync<OutcomeResponse>(HttpStatusCode.Created);
        var amended = await app.GetAsync<SessionResponse>($"/api/v1/sessions/{session.Id}");
        Assert.Equal(["pain before the session: 7", "range of motion, cervical spine rotation left after the session: 55°"],
            amended.Amendments.Select(a => Assert.Single(a.Changes).To));
        Assert.All(amended.Amendments, a => Assert.Equal("Charted from the paper notes", a.Reason));
        var list = await app.GetAsync<List<OutcomeResponse>>($"/api/v1/clients/{client.Id}/outcomes");
        Assert.Equal([MeasureKind.Pain, MeasureKind.RangeOfMotion], list.Select(o => o.Kind));
        Assert.Equal(("deg", "rotation left"), (list[1].Unit, list[1].Direction));
    }

    [Theory]
    [InlineData(11)]
    [InlineData(-2)]
    [InlineData(4.5)]
    public async Task PainOutsideTheScaleIsRefusedAndNotWritten(double value)
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var errors = await (await app.PostAsync($"/api/v1/clients/{client.Id}/outcomes", new OutcomeRequest("pain", value, "standalone", null, null))).ProblemFieldsAsync();
        Assert.Contains("from 0 to 10", errors["value"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Outcomes.CountAsync()));
    }

    [Fact]
    public async Task ACustomMeasureNeedsItsRangeAndStaysInIt()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var noRange = await (await app.PostAsync($"/api/v1/clients/{client.Id}/outcomes", new OutcomeRequest("custom", 3, "standalone", null, null, Name: "Sleep"))).ProblemFieldsAsync();
        Assert.Contains("rangeMin", noRange.Keys);
        var outside = await (await app.PostAsync($"/api/v1/clients/{client.Id}/outcomes",
            new OutcomeRequest("custom", 9, "standalone", null, null, Name: "Sleep", RangeMin: 1, RangeMax: 5, Unit: "{score}"))).ProblemFieldsAsync();
        Assert.Contains("between 1 and 5", outside["value"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMeasurementCannotPointAtAnotherClientsSession()
    {
        await using var app = await CupwiseApp.StartAsync();
        var a = await app.NewClientAsync("A");
        var b = await app.NewClientAsync("B");
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(a.Id, practitioner.Id);
        var errors = await (await app.PostAsync($"/api/v1/clients/{b.Id}/outcomes", new OutcomeRequest("pain", 3, "after-session", session.Id, null))).ProblemFieldsAsync();
        Assert.Contains("not a session of this client", errors["sessionId"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownKindListsTheAllowedOnes()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var errors = await (await app.PostAsync($"/api/v1/clients/{client.Id}/outcomes", new OutcomeRequest("mood", 3, null, null, null))).ProblemFieldsAsync();
        Assert.Contains("pain, range-of-motion, custom", errors["kind"][0], StringComparison.Ordinal);
    }
}
