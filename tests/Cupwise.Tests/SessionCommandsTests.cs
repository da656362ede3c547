using System.Net;
using System.Net.Http.Json;
using Cupwise.Clients;
using Cupwise.Domain.Sessions;
using Cupwise.Safety;
using Cupwise.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Tests;

/// <summary>
/// The session's actions as the charting page uses them, through the API (the page and the API share one write
/// path, SessionCommands): each defect found by trying the page as a new user would, with a test.
/// </summary>
public sealed class SessionCommandsTests
{
    private const string Owner = "owner@my-practice.test";
    private static readonly DateTimeOffset Start = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(SessionResponse Session, string PractitionerId)> DraftAsync(CupwiseApp app, ClientRequest client, params CupRequest[] cups)
    {
        var created = await (await app.PostAsync("/api/v1/clients", client)).ReadAsync<ClientResponse>(HttpStatusCode.Created);
        var practitioner = await app.NewPractitionerAsync();
        var session = await (await app.PostAsync("/api/v1/sessions", new SessionRequest(created.Id, practitioner.Id, "draft", null, null, null, null, cups)))
            .ReadAsync<SessionResponse>(HttpStatusCode.Created);
        return (session, practitioner.Id);
    }

    private static ClientRequest Plain() => Requests.Client() with { HealthHistory = new HealthHistoryDto([], [], null, [], [], null) };

    private static CupRequest Planned(string site, string side, string cup = "glass-large") => Requests.Cup(cup, site, side);

    [Fact]
    public async Task ACupTakenOffThePlanIsGoneAndTheNextCupGetsANewNumber()
    {
        await using var app = await CupwiseApp.StartAsync();
        var (session, _) = await DraftAsync(app, Plain(), Planned("upper-back", "left"), Planned("upper-back", "right"), Planned("mid-back", "left"));

        var taken = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{session.Cups[2].Id}/take-off-plan", new { }))
            .ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Equal([1, 2], taken.Cups.Select(c => c.Number));
        var added = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/cups", Planned("mid-back", "right"))).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Equal([1, 2, 3], added.Cups.Select(c => c.Number));

        // Taking off a cup in the middle leaves a gap, never two cups with one number.
        await (await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{session.Cups[0].Id}/take-off-plan", new { })).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        var again = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/cups", Planned("lower-back", "left"))).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Equal([2, 3, 4], again.Cups.Select(c => c.Number));
        Assert.Equal(3, await app.QueryAsync(db => db.CupApplications.CountAsync(c => c.SessionId == Guid.Parse(session.Id))));
    }

    [Fact]
    public async Task ACupOnTheSkinCannotBeTakenOffThePlan()
    {
        await using var app = await CupwiseApp.StartAsync();
        var (session, _) = await DraftAsync(app, Plain(), Planned("upper-back", "left"));
        await (await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{session.Cups[0].Id}/apply", new CupEventRequest(Start))).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        var refused = await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{session.Cups[0].Id}/take-off-plan", new { });
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("already on the skin", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABlockedCupIsTakenOffThePlanSoTheSessionCompletesWithWhatWasDone()
    {
        await using var app = await CupwiseApp.StartAsync();
        var pregnant = Plain() with { HealthHistory = new HealthHistoryDto([], [], new PregnancyDto(20), [], [], null) };
        var (session, _) = await DraftAsync(app, pregnant, Planned("lower-back", "left"), Planned("upper-trapezius", "right", "glass-medium"));
        var blocked = session.Cups[0].Id;
        var fine = session.Cups[1].Id;
        await (await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{fine}/apply", new CupEventRequest(Start))).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        await (await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{fine}/remove", new CupEventRequest(Start.AddMinutes(5), 1))).ReadAsync<SessionResponse>(HttpStatusCode.OK);

        var notYet = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/complete", new CompleteSessionRequest(Start.AddMinutes(6)))).ProblemFieldsAsync();
        Assert.Contains("cup 1 was planned but never applied", Assert.Single(notYet).Value[0], StringComparison.Ordinal);

        await (await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{blocked}/take-off-plan", new { })).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        var completed = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/complete", new CompleteSessionRequest(Start.AddMinutes(6))))
            .ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Equal(SessionStatus.Completed, completed.Status);
        var cup = Assert.Single(completed.Cups);
        Assert.Equal(("upper-trapezius", 2), (cup.SiteId, cup.Number));
    }

    [Fact]
    public async Task ADraftIsDiscardedKeptWithWhoAndWhyAndNoLongerWaits()
    {
        await using var app = await CupwiseApp.StartAsync();
        var (session, _) = await DraftAsync(app, Plain(), Planned("upper-back", "left"));

        var discarded = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/discard", new DiscardSessionRequest(session.Version, "Visit cancelled")))
            .ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Equal(SessionStatus.Discarded, discarded.Status);
        var note = Assert.Single(discarded.Amendments);
        Assert.Equal((AmendmentKind.Discarded, Owner, "Visit cancelled"), (note.Kind, note.AmendedBy, note.Reason));
        Assert.Equal(SessionStatus.Discarded, (await app.GetAsync<SessionResponse>($"/api/v1/sessions/{session.Id}")).Status);

        // Kept, and closed: nothing more goes on it.
        var apply = await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{session.Cups[0].Id}/apply", new CupEventRequest(Start));
        Assert.Equal(HttpStatusCode.Conflict, apply.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await app.PostAsync($"/api/v1/sessions/{session.Id}/discard", new DiscardSessionRequest(discarded.Version, null))).StatusCode);
    }

    [Fact]
    public async Task ASessionUnderWayIsNotDiscarded()
    {
        await using var app = await CupwiseApp.StartAsync();
        var (session, _) = await DraftAsync(app, Plain(), Planned("upper-back", "left"));
        var started = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{session.Cups[0].Id}/apply", new CupEventRequest(Start))).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        var refused = await app.PostAsync($"/api/v1/sessions/{session.Id}/discard", new DiscardSessionRequest(started.Version, "changed my mind"));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Only a draft can be discarded", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhoAmendsAndWhoGivesAReasonIsTheSignedInLogin()
    {
        await using var app = await CupwiseApp.StartAsync();
        var practitionerEmail = $"practitioner-{Guid.NewGuid():N}@test.invalid";
        await app.AddUserAsync(app.PracticeId, practitionerEmail, Cupwise.Data.Accounts.UserRole.Practitioner);
        var practitioner = app.NewClient(await app.TokenForAsync(practitionerEmail));
        var onBlood = Plain() with { HealthHistory = new HealthHistoryDto([], [new MedicationDto("Apixaban", "5 mg", null, null, false)], null, [], [], null) };
        var (draft, _) = await DraftAsync(app, onBlood, Planned("upper-back", "left"));

        var reasoned = await (await practitioner.PostAsJsonAsync($"/api/v1/sessions/{draft.Id}/overrides", new OverrideRequest("client.anticoagulant", null, "GP agreed; light suction"), CupwiseApp.Json))
            .ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Equal(practitionerEmail, Assert.Single(reasoned.Overrides).RecordedBy);

        var client = await app.NewClientAsync();
        var completed = await app.NewCompletedSessionAsync(client.Id, (await app.NewPractitionerAsync()).Id);
        var amended = await (await practitioner.PostAsJsonAsync($"/api/v1/sessions/{completed.Id}/amendments",
            new AmendSessionRequest(completed.Version, "Re-graded at the two-day check", null, null, [new CupAmendmentRequest(completed.Cups[0].Id, 3, null, null, null, null, null)]), CupwiseApp.Json))
            .ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Equal(practitionerEmail, Assert.Single(amended.Amendments).AmendedBy);
    }

    [Fact]
    public async Task AClientRevisionRecordsWhoReplacedIt()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var edit = Requests.Client() with { Phone = "+44 20 7946 0001", Version = client.Version };
        await (await app.PutAsync($"/api/v1/clients/{client.Id}", edit)).ReadAsync<ClientResponse>(HttpStatusCode.OK);
        var revision = await app.QueryAsync(db => db.ClientRevisions.SingleAsync(r => r.ClientId == Guid.Parse(client.Id)));
        Assert.Equal(Owner, revision.ReplacedBy);
    }

    [Fact]
    public async Task NotesAndAdjunctsChangeWhileOpenAndOnlyByAmendmentOnceCompleted()
    {
        await using var app = await CupwiseApp.StartAsync();
        var (session, _) = await DraftAsync(app, Plain(), Planned("upper-back", "left"));
        var described = await (await app.PutAsync($"/api/v1/sessions/{session.Id}/notes",
            new SessionNotesRequest("Tight on the left", [new AdjunctDto("gua-sha", "upper trapezius, 2 min")]))).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Equal("Tight on the left", described.Notes);
        Assert.Equal((AdjunctKind.GuaSha, "upper trapezius, 2 min"), (described.Adjuncts[0].Kind, described.Adjuncts[0].Detail));

        var client = await app.NewClientAsync();
        var completed = await app.NewCompletedSessionAsync(client.Id, (await app.NewPractitionerAsync()).Id);
        var refused = await app.PutAsync($"/api/v1/sessions/{completed.Id}/notes", new SessionNotesRequest("changed", null));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("changed by an amendment with a reason", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var bad = await (await app.PutAsync($"/api/v1/sessions/{session.Id}/notes", new SessionNotesRequest(null, [new AdjunctDto("reiki", "x")]))).ProblemFieldsAsync();
        Assert.Contains("adjuncts[0].kind", bad.Keys);
    }

    [Fact]
    public async Task APlannedCupIsChangedInPlaceAndKeepsItsNumber()
    {
        await using var app = await CupwiseApp.StartAsync();
        var (session, _) = await DraftAsync(app, Plain(), Planned("upper-back", "left"), Planned("upper-back", "right"));
        var replanned = await (await app.PutAsync($"/api/v1/sessions/{session.Id}/cups/{session.Cups[1].Id}",
            Requests.Cup("glass-medium", "mid-back", "right", technique: "stationary", method: "fire-cotton-ball") with { PlannedDurationMin = 5 }))
            .ReadAsync<SessionResponse>(HttpStatusCode.OK);
        var cup = replanned.Cups[1];
        Assert.Equal((2, "glass-medium", "mid-back", 5.0), (cup.Number, cup.CupId, cup.SiteId, cup.PlannedDurationMin));
        var bad = await (await app.PutAsync($"/api/v1/sessions/{session.Id}/cups/{session.Cups[1].Id}", Requests.Cup() with { PlannedDurationMin = 90 })).ProblemFieldsAsync();
        Assert.Contains("plannedDurationMin", bad.Keys);
        Assert.Equal(HttpStatusCode.NotFound, (await app.PutAsync($"/api/v1/sessions/{session.Id}/cups/{Guid.NewGuid()}", Requests.Cup())).StatusCode);
    }

    [Fact]
    public async Task ASiteThatHasNotClearedNeedsAReasonBeforeACupGoesOnThere()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Start.AddDays(2));
        await using var app = await CupwiseApp.StartAsync(clock: clock);
        var client = await (await app.PostAsync("/api/v1/clients", Plain())).ReadAsync<ClientResponse>(HttpStatusCode.Created);
        var practitioner = await app.NewPractitionerAsync();
        // Two days ago: a dark mark on the upper back, left.
        await (await app.PostAsync("/api/v1/sessions", new SessionRequest(client.Id, practitioner.Id, "completed", Start, Start.AddMinutes(15), null, null,
            [Requests.Cup("glass-large", "upper-back", "left", Start, Start.AddMinutes(10), 3)]))).ReadAsync<SessionResponse>(HttpStatusCode.Created);
        var today = await (await app.PostAsync("/api/v1/sessions", new SessionRequest(client.Id, practitioner.Id, "draft", null, null, null, null,
            [Planned("upper-back", "left"), Planned("upper-back", "right")]))).ReadAsync<SessionResponse>(HttpStatusCode.Created);

        var screening = await app.GetAsync<ScreeningResponse>($"/api/v1/sessions/{today.Id}/screening");
        var finding = Assert.Single(screening.Findings, f => f.RuleId == "site.not-cleared");
        Assert.Equal(0, finding.Application);
        Assert.Contains("may be cupped again from", finding.Message, StringComparison.Ordinal);

        var refused = await app.PostAsync($"/api/v1/sessions/{today.Id}/cups/{today.Cups[0].Id}/apply", new CupEventRequest(null));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Upper back, beside the spine, left was last cupped on 20 Nov", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The other side has never been cupped: it goes on.
        await (await app.PostAsync($"/api/v1/sessions/{today.Id}/cups/{today.Cups[1].Id}/apply", new CupEventRequest(null))).ReadAsync<SessionResponse>(HttpStatusCode.OK);

        var noCup = await (await app.PostAsync($"/api/v1/sessions/{today.Id}/overrides", new OverrideRequest("site.not-cleared", null, "x"))).ProblemFieldsAsync();
        Assert.Contains("cupApplicationId", noCup.Keys);
        await (await app.PostAsync($"/api/v1/sessions/{today.Id}/overrides", new OverrideRequest("site.not-cleared", today.Cups[0].Id, "Light flash cupping only, client asked")))
            .ReadAsync<SessionResponse>(HttpStatusCode.OK);
        var applied = await (await app.PostAsync($"/api/v1/sessions/{today.Id}/cups/{today.Cups[0].Id}/apply", new CupEventRequest(null))).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.NotNull(applied.Cups[0].AppliedAt);
        Assert.Equal(Owner, applied.Overrides.Single(o => o.RuleId == "site.not-cleared").RecordedBy);
    }

    [Fact]
    public async Task ABlankReasonHiddenBehindAControlCharacterIsRefusedAndNothingIsWritten()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var completed = await app.NewCompletedSessionAsync(client.Id, (await app.NewPractitionerAsync()).Id);
        var refused = await (await app.PostAsync($"/api/v1/sessions/{completed.Id}/amendments",
            new AmendSessionRequest(completed.Version, "  \u0001 ", null, null, [new CupAmendmentRequest(completed.Cups[0].Id, 4, null, null, null, null, null)]))).ProblemFieldsAsync();
        Assert.Contains("control characters", Assert.Single(refused, e => e.Key == "reason").Value[0], StringComparison.Ordinal);
        Assert.Empty((await app.GetAsync<SessionResponse>($"/api/v1/sessions/{completed.Id}")).Amendments);

        var named = await (await app.PostAsync("/api/v1/clients", Requests.Client("Bell\u0007"))).ProblemFieldsAsync();
        Assert.Contains("familyName", named.Keys);
    }
}
