using System.Net;
using Cupwise.Clients;
using Cupwise.Safety;
using Cupwise.Sessions;

namespace Cupwise.Tests;

public sealed class SessionSafetyTests
{
    private static async Task<(SessionResponse Session, string PractitionerId)> DraftAsync(CupwiseApp app, ClientRequest client, params CupRequest[] cups)
    {
        var created = await (await app.PostAsync("/api/v1/clients", client)).ReadAsync<ClientResponse>(HttpStatusCode.Created);
        var practitioner = await app.NewPractitionerAsync();
        var session = await (await app.PostAsync("/api/v1/sessions", new SessionRequest(created.Id, practitioner.Id, null, null, null, null, null, cups)))
            .ReadAsync<SessionResponse>(HttpStatusCode.Created);
        return (session, practitioner.Id);
    }

    private static ClientRequest Plain() => Requests.Client() with { HealthHistory = new HealthHistoryDto([], [], null, [], [], null) };

    [Fact]
    public async Task ABlockedCupCannotBeAppliedAndTheRestCan()
    {
        await using var app = await CupwiseApp.StartAsync();
        var pregnant = Plain() with { HealthHistory = new HealthHistoryDto([], [], new PregnancyDto(20), [], [], null) };
        var (session, _) = await DraftAsync(app, pregnant, Requests.Cup("glass-large", "lower-back", "left"), Requests.Cup("glass-medium", "upper-trapezius", "right"));

        var blocked = await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{session.Cups[0].Id}/apply", new CupEventRequest(null));
        Assert.Equal(HttpStatusCode.Conflict, blocked.StatusCode);
        // The refusal says why in words, not as a rule id.
        var why = await blocked.Content.ReadAsStringAsync();
        Assert.Contains("Cup 1 cannot be applied: Pregnancy: no cups on the abdomen or the lower back", why, StringComparison.Ordinal);
        Assert.DoesNotContain("pregnancy.abdomen-lower-back", why, StringComparison.Ordinal);
        var fine = await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{session.Cups[1].Id}/apply", new CupEventRequest(null));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);

        var screening = await app.GetAsync<ScreeningResponse>($"/api/v1/sessions/{session.Id}/screening");
        Assert.False(screening.Allowed);
        // A finding names its cup by id, which stays true when cups before it come off the plan.
        Assert.Equal(session.Cups[0].Id, screening.Findings.Single(f => f.RuleId == "pregnancy.abdomen-lower-back").CupApplicationId);
        Assert.All(screening.Findings.Where(f => f.Application is null), f => Assert.Null(f.CupApplicationId));
    }

    [Fact]
    public async Task AnOverrideNeedsAReasonWhichIsKeptWithTheSession()
    {
        await using var app = await CupwiseApp.StartAsync();
        var onWarfarin = Plain() with { HealthHistory = new HealthHistoryDto([], [new MedicationDto("Warfarin", "5 mg", null, null, null)], null, [], [], null) };
        var (session, practitioner) = await DraftAsync(app, onWarfarin, Requests.Cup("valve-40", "upper-back", "left", method: "pump") with { PumpStrokes = 3 });
        var cup = session.Cups[0].Id;

        var refused = await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{cup}/apply", new CupEventRequest(null));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("needs a recorded reason", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noReason = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/overrides", new OverrideRequest("client.anticoagulant", null, " "))).ProblemFieldsAsync();
        Assert.Contains("reason", noReason.Keys);
        var notOverridable = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/overrides", new OverrideRequest("site.groin", null, "x"))).ProblemFieldsAsync();
        Assert.Contains("only override rules", notOverridable["ruleId"][0], StringComparison.Ordinal);

        var recorded = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/overrides",
            new OverrideRequest("client.anticoagulant", null, "INR stable, GP agreed; light pump suction only"))).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Equal("INR stable, GP agreed; light pump suction only", Assert.Single(recorded.Overrides).Reason);
        var applied = await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{cup}/apply", new CupEventRequest(null));
        Assert.Equal(HttpStatusCode.OK, applied.StatusCode);
    }

    [Fact]
    public async Task ARecordedAllergyIsScreenedWhereASessionMeetsIt()
    {
        await using var app = await CupwiseApp.StartAsync();
        var allergic = Plain() with { HealthHistory = new HealthHistoryDto([], [], null, [], [new AllergyDto("Sweet almond oil", "itchy rash"), new AllergyDto("Latex", null, null, "resolved")], null) };
        var (session, _) = await DraftAsync(app, allergic,
            Requests.Cup("glass-medium", "upper-back", "left", technique: "moving", method: "fire-flash"), Requests.Cup("glass-medium", "upper-trapezius", "right"));
        var screening = await app.GetAsync<ScreeningResponse>($"/api/v1/sessions/{session.Id}/screening");
        var lubricant = Assert.Single(screening.Findings, f => f.RuleId == "allergy.lubricant");
        Assert.Equal(session.Cups[0].Id, lubricant.CupApplicationId);
        Assert.DoesNotContain(screening.Findings, f => f.RuleId == "allergy.latex"); // resolved

        var sent = new ScreeningRequest(new ScreeningClientInput(40, null, null, null, null, [], [], [], null, null) { Allergies = ["latx"] }, new ScreeningPlanInput([]));
        var errors = await (await app.PostAsync("/api/v1/screening", sent)).ProblemFieldsAsync();
        Assert.StartsWith("'latx' is not an allergen a session can meet (nearest: latex", errors["client.allergies[0]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTemperatureAndBloodPressureTakenAtTheStartAreScreened()
    {
        await using var app = await CupwiseApp.StartAsync();
        var (session, practitionerId) = await DraftAsync(app, Plain(), Requests.Cup("glass-medium", "upper-trapezius", "right"));
        var cup = session.Cups[0].Id;

        // Out of range, or half a blood pressure: refused by name, nothing kept.
        var wrong = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/vitals", new VitalsRequest(52, 150, null, null))).ProblemFieldsAsync();
        Assert.Contains("between 30 and 45 °C", wrong["temperatureC"][0], StringComparison.Ordinal);
        Assert.Contains("needs both numbers", wrong["diastolicMmHg"][0], StringComparison.Ordinal);
        Assert.Empty((await app.GetAsync<SessionResponse>($"/api/v1/sessions/{session.Id}")).Vitals);

        // A fever taken at the start blocks every cup.
        var feverish = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/vitals", new VitalsRequest(38.6, 128, 82, 96))).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        var reading = Assert.Single(feverish.Vitals);
        Assert.Equal((38.6, 128, 82, 96, "owner@my-practice.test"), (reading.TemperatureC!.Value, reading.SystolicMmHg!.Value, reading.DiastolicMmHg!.Value, reading.PulseBpm!.Value, reading.TakenBy));

        var screening = await app.GetAsync<ScreeningResponse>($"/api/v1/sessions/{session.Id}/screening");
        Assert.Contains(screening.Findings, f => f.RuleId == "redflag.fever" && f.Severity == "block");
        var refused = await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{cup}/apply", new CupEventRequest(null));
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Fever: do not cup", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Taken again later: the latest reading counts; a blood pressure of 165/95 waits for a reason.
        var later = await (await app.PostAsync($"/api/v1/sessions/{session.Id}/vitals", new VitalsRequest(37.1, 165, 95, 80))).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Equal(2, later.Vitals.Count);
        screening = await app.GetAsync<ScreeningResponse>($"/api/v1/sessions/{session.Id}/screening");
        Assert.DoesNotContain(screening.Findings, f => f.RuleId == "redflag.fever");
        Assert.Contains(screening.Findings, f => f.RuleId == "vitals.uncontrolled-hypertension" && f.Severity == "override");
        Assert.Contains("needs a recorded reason", await (await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{cup}/apply", new CupEventRequest(null))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await (await app.PostAsync($"/api/v1/sessions/{session.Id}/overrides", new OverrideRequest("vitals.uncontrolled-hypertension", null, "Usual for this client; GP review booked")))
            .ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await app.PostAsync($"/api/v1/sessions/{session.Id}/cups/{cup}/apply", new CupEventRequest(null))).StatusCode);

        // A visit charted afterwards carries its vital signs too.
        var client = (await app.GetAsync<SessionResponse>($"/api/v1/sessions/{session.Id}")).ClientId;
        var start = DateTimeOffset.UtcNow.AddDays(-1);
        var charted = await (await app.PostAsync("/api/v1/sessions", new SessionRequest(client, practitionerId, "completed", start, start.AddMinutes(20), null, null, [])
        {
            Vitals = new VitalsRequest(36.7, 118, 76, 64),
        })).ReadAsync<SessionResponse>(HttpStatusCode.Created);
        Assert.Equal(start.ToUniversalTime(), Assert.Single(charted.Vitals).TakenAt);
    }
}
