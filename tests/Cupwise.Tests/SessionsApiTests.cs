using System.Net;
using Cupwise.Domain.Sessions;
using Cupwise.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Tests;

public sealed class SessionsApiTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ACompletedVisitWithEightCupsIsRecordedCupByCup()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var created = await app.NewCompletedSessionAsync(client.Id, practitioner.Id, cups: 8);

        var session = await app.GetAsync<SessionResponse>($"/api/v1/sessions/{created.Id}");
        Assert.Equal(SessionStatus.Completed, session.Status);
        Assert.Equal(8, session.Cups.Count);
        Assert.Equal(Enumerable.Range(1, 8), session.Cups.Select(c => c.Number));
        var first = session.Cups[0];
        Assert.Equal(("glass-large", "lower-back", "left"), (first.CupId, first.SiteId, first.Side.ToString().ToLowerInvariant()));
        Assert.Equal((10.0, 10.0, 2), (first.PlannedDurationMin!.Value, first.ActualDurationMin!.Value, first.MarkGrade!.Value));
        // Back view: the client's left is on the viewer's left.
        Assert.True(first.X < 50);
        Assert.Equal("massage", ApiJsonName(session.Adjuncts[0].Kind));
        var listed = await app.GetAsync<List<SessionResponse>>($"/api/v1/clients/{client.Id}/sessions");
        Assert.Equal(created.Id, Assert.Single(listed).Id);
    }

    [Fact]
    public async Task ASessionRunsLiveFromPlanToCompletion()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var draft = await (await app.PostAsync("/api/v1/sessions", new SessionRequest(client.Id, practitioner.Id, null, null, null, null, null,
            [Requests.Cup(), Requests.Cup("silicone-face-35", "cheek", "right", technique: "moving", method: "squeeze")])))
            .ReadAsync<SessionResponse>(HttpStatusCode.Created);
        Assert.Equal(SessionStatus.Draft, draft.Status);

        var stationary = draft.Cups[0].Id;
        var facial = draft.Cups[1].Id;
        // The client takes apixaban: screening asks for a recorded reason before any cup goes on.
        await Ok(app.PostAsync($"/api/v1/sessions/{draft.Id}/overrides", new OverrideRequest("client.anticoagulant", null, "Discussed with the client's GP; light suction")));
        await Ok(app.PostAsync($"/api/v1/sessions/{draft.Id}/cups/{stationary}/apply", new CupEventRequest(Start)));
        await Ok(app.PostAsync($"/api/v1/sessions/{draft.Id}/cups/{facial}/apply", new CupEventRequest(Start.AddMinutes(1))));
        await Ok(app.PostAsync($"/api/v1/sessions/{draft.Id}/cups/{facial}/remove", new CupEventRequest(Start.AddMinutes(4))));

        var early = await app.PostAsync($"/api/v1/sessions/{draft.Id}/complete", new CompleteSessionRequest(Start.AddMinutes(5)));
        var errors = await early.ProblemFieldsAsync();
        Assert.Contains("still on the skin", errors["cups[0].removedAt"][0], StringComparison.Ordinal);

        await Ok(app.PostAsync($"/api/v1/sessions/{draft.Id}/cups/{stationary}/remove", new CupEventRequest(Start.AddMinutes(10), 3, "strong")));
        var done = await Ok(app.PostAsync($"/api/v1/sessions/{draft.Id}/complete", new CompleteSessionRequest(Start.AddMinutes(12))));
        Assert.Equal(SessionStatus.Completed, done.Status);
        Assert.Equal(3, done.Cups[0].MarkGrade);
        Assert.Equal(Sensation.Strong, done.Cups[0].Sensation);
        Assert.Equal(0, done.Cups[1].MarkGrade); // facial and moving cups leave no mark by default
        Assert.Equal(Start, done.StartedAt);

        var late = await app.PostAsync($"/api/v1/sessions/{draft.Id}/cups", Requests.Cup(side: "right"));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task ABadCupListsEachProblemAndNothingIsWritten()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var request = Requests.CompletedSession(client.Id, practitioner.Id, 8, Start);
        var cups = request.Cups!.ToList();
        cups[1] = cups[1] with { CupId = "teacup" };
        cups[2] = cups[2] with { SiteId = "elbow-of-the-moon" };
        cups[3] = cups[3] with { PlannedDurationMin = -5 };
        cups[4] = cups[4] with { MarkGrade = 7 };
        cups[5] = cups[5] with { Technique = "hovering" };
        cups[6] = cups[6] with { Method = "pump", PumpStrokes = 4 };
        cups[7] = cups[7] with { Side = "none" };
        var errors = await (await app.PostAsync("/api/v1/sessions", request with { Cups = cups })).ProblemFieldsAsync();

        Assert.Contains("not a known cup", errors["cups[1].cupId"][0], StringComparison.Ordinal);
        Assert.Contains("not a known body site", errors["cups[2].siteId"][0], StringComparison.Ordinal);
        Assert.Contains("between 0 and 60 min", errors["cups[3].plannedDurationMin"][0], StringComparison.Ordinal);
        Assert.Contains("from 0 (no mark) to 4", errors["cups[4].markGrade"][0], StringComparison.Ordinal);
        Assert.Contains("stationary, moving, flash, wet, needle-cup", errors["cups[5].technique"][0], StringComparison.Ordinal);
        Assert.Contains("does not support Pump", errors["cups[6].method"][0], StringComparison.Ordinal);
        Assert.Contains("\"left\" or \"right\"", errors["cups[7].side"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Sessions.CountAsync()));
        Assert.Equal(0, await app.QueryAsync(db => db.CupApplications.CountAsync()));
    }

    [Fact]
    public async Task InconsistentTimesAreRefused()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var request = Requests.CompletedSession(client.Id, practitioner.Id, 2, Start);
        var cups = request.Cups!.ToList();
        cups[1] = cups[1] with { RemovedAt = Start.AddMinutes(-30) };
        var errors = await (await app.PostAsync("/api/v1/sessions", request with { Cups = cups })).ProblemFieldsAsync();
        Assert.Contains("cups[1].removedAt", errors.Keys);

        var noEnd = await (await app.PostAsync("/api/v1/sessions", request with { EndedAt = null })).ProblemFieldsAsync();
        Assert.Contains("endedAt", noEnd.Keys);
        Assert.Equal(0, await app.QueryAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task AnUnknownClientOrPractitionerIsNamed()
    {
        await using var app = await CupwiseApp.StartAsync();
        var errors = await (await app.PostAsync("/api/v1/sessions", new SessionRequest(Guid.NewGuid().ToString(), "nobody", null, null, null, null, null, null))).ProblemFieldsAsync();
        Assert.Contains("clientId", errors.Keys);
        Assert.Contains("practitionerId", errors.Keys);
    }

    [Fact]
    public async Task AnAmendmentKeepsTheHistoryAndTheNewValue()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id);
        var cup = session.Cups[1];

        var amended = await Ok(app.PostAsync($"/api/v1/sessions/{session.Id}/amendments", new AmendSessionRequest(session.Version,
            "Mark re-graded at the two-day check", "Client reported soreness for a day", null, [new CupAmendmentRequest(cup.Id, 3, null, null, null, null, null)])));
        Assert.Equal(3, amended.Cups[1].MarkGrade);
        Assert.Equal("Client reported soreness for a day", amended.Notes);
        var amendment = Assert.Single(amended.Amendments);
        Assert.Equal("Mark re-graded at the two-day check", amendment.Reason);
        Assert.Contains(amendment.Changes, c => c.Field == "cups[2].markGrade" && c.From == "2" && c.To == "3");
        Assert.Contains(amendment.Changes, c => c.Field == "notes" && c.From == "Back pain visit");

        var reread = await app.GetAsync<SessionResponse>($"/api/v1/sessions/{session.Id}");
        Assert.Equal(amended.Version, reread.Version);
        Assert.Single(reread.Amendments);
    }

    [Fact]
    public async Task AStaleAmendmentGets409AndChangesNothing()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id);
        var amend = new AmendSessionRequest(session.Version, "first", "first notes", null, null);
        await Ok(app.PostAsync($"/api/v1/sessions/{session.Id}/amendments", amend));
        var stale = await app.PostAsync($"/api/v1/sessions/{session.Id}/amendments", amend with { Reason = "second", Notes = "second notes" });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var reread = await app.GetAsync<SessionResponse>($"/api/v1/sessions/{session.Id}");
        Assert.Equal("first notes", reread.Notes);
    }

    [Fact]
    public async Task AnAmendmentWithoutAReasonIsRefused()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id);
        var errors = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/amendments",
            new AmendSessionRequest(session.Version, null, "new notes", null, null))).ProblemFieldsAsync();
        Assert.Contains("reason", errors.Keys);
    }

    [Fact]
    public async Task ADraftIsNotAmendedButEdited()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var draft = await (await app.PostAsync("/api/v1/sessions", new SessionRequest(client.Id, practitioner.Id, "draft", null, null, null, null, [Requests.Cup()])))
            .ReadAsync<SessionResponse>(HttpStatusCode.Created);
        var response = await app.PostAsync($"/api/v1/sessions/{draft.Id}/amendments", new AmendSessionRequest(draft.Version, "why", "x", null, null));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task EnteredInErrorKeepsTheSessionFlagged()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id);
        var flagged = await Ok(app.PostAsync($"/api/v1/sessions/{session.Id}/entered-in-error", new EnteredInErrorRequest(session.Version, "Charted on the wrong client")));
        Assert.Equal(SessionStatus.EnteredInError, flagged.Status);
        Assert.Equal(2, flagged.Cups.Count);
        Assert.Equal(AmendmentKind.EnteredInError, Assert.Single(flagged.Amendments).Kind);
        Assert.Equal(1, await app.QueryAsync(db => db.Sessions.CountAsync()));
    }

    [Fact]
    public async Task AnotherPracticesSessionIsNotFound()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id);
        // A second app on the same database serves the demo practice: it must not see the first practice's records.
        await using var other = await CupwiseApp.StartAsync(demo: true, database: app.Database);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/sessions/{session.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/clients/{client.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/v1/clients/{client.Id}/sessions")).StatusCode);
        var amend = await other.PostAsync($"/api/v1/sessions/{session.Id}/amendments", new AmendSessionRequest(session.Version, "y", "z", null, null));
        Assert.Equal(HttpStatusCode.NotFound, amend.StatusCode);
        var errors = await (await other.PostAsync("/api/v1/sessions", Requests.CompletedSession(client.Id, practitioner.Id, 1, Start))).ProblemFieldsAsync();
        Assert.Contains("clientId", errors.Keys);
    }

    private static async Task<SessionResponse> Ok(Task<HttpResponseMessage> call) => await (await call).ReadAsync<SessionResponse>(HttpStatusCode.OK);

    private static string ApiJsonName<T>(T value) where T : struct, Enum => Api.ApiJson.Name(value);
}
