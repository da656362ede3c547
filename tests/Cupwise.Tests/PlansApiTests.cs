using System.Net;
using Cupwise.Plans;

namespace Cupwise.Tests;

public sealed class PlansApiTests
{
    [Fact]
    public async Task TheDemosStiffNeckIsResolvedAfterTwoSessionsAndTheLowBackCourseHasAnInterval()
    {
        await using var app = await CupwiseApp.StartAsync(demo: true);
        var neckPlan = Assert.Single(await app.GetAsync<List<PlanResponse>>($"/api/v1/clients/{DemoPractice.NeckClientId}/plans"));
        Assert.Equal(("neck-pain", "M54.2", "active"), (neckPlan.ProtocolId, neckPlan.Icd10, neckPlan.Status));
        var neck = await app.GetAsync<PlanProgressResponse>($"/api/v1/plans/{neckPlan.Id}/progress");
        Assert.Equal(("resolve", 2, 2), (neck.Proposal, neck.ResolvedAfterSessions, neck.Sessions));
        Assert.Contains("resolved after 2 session(s)", neck.Message, StringComparison.Ordinal);
        Assert.Contains("clearly better than sham", neck.Evidence!.Statement, StringComparison.Ordinal);
        var rotation = neck.Measures.Single(m => m.Measure == "cervical spine rotation left");
        Assert.False(rotation.LowerIsBetter);

        var back = await app.GetAsync<PlanProgressResponse>($"/api/v1/plans/{DemoPractice.BackPlanId}/progress");
        Assert.Equal(("continue", 4), (back.Proposal, back.Sessions));
        var pain = back.Measures.Single(m => m.Measure == "pain");
        Assert.Equal((6.0, 4.0, 4), (pain.Baseline, pain.Latest, pain.WithinSessionPairs));
        Assert.NotNull(pain.CourseChange); // four visits: a trend with its 95 % interval
        Assert.True(pain.CourseChange.Low < pain.CourseChange.Value && pain.CourseChange.Value < pain.CourseChange.High);
        Assert.NotNull(pain.WithinSession);
        Assert.True(pain.WithinSession.High < 0, "pain falls within every session");
        Assert.Contains("95 % CI", pain.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APlanIsCheckedStartedAndClosedWithAReason()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var protocols = await app.GetAsync<List<ProtocolResponse>>("/api/v1/protocols");
        Assert.Equal(6, protocols.Count);
        Assert.All(protocols, p => Assert.NotEmpty(p.Evidence.Sources));

        var bad = await (await app.PostAsync($"/api/v1/clients/{client.Id}/plans", new PlanRequest("", "neck", "cure-all",
            [new GoalDto("pain", null, null, null, "below", 1)], null, null, null, null, null))).ProblemFieldsAsync();
        Assert.Equal(["goals[0].comparison", "protocolId"], bad.Keys.Order(StringComparer.Ordinal));
        var bad2 = await (await app.PostAsync($"/api/v1/clients/{client.Id}/plans", new PlanRequest("", "neck", null,
            [new GoalDto("range-of-motion", null, null, null, "at-least", 70)], 0, null, null, null, null))).ProblemFieldsAsync();
        Assert.Equal(["condition", "consecutiveToResolve", "goals[0]", "icd10"], bad2.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(await app.GetAsync<List<PlanResponse>>($"/api/v1/clients/{client.Id}/plans"));

        var plan = await (await app.PostAsync($"/api/v1/clients/{client.Id}/plans", new PlanRequest("Low back pain since spring", null, "chronic-low-back-pain",
            null, null, null, null, null, null))).ReadAsync<PlanResponse>(HttpStatusCode.Created);
        Assert.Equal(("M54.5", 7, 6, "pain"), (plan.Icd10, plan.IntervalDays, plan.MaxSessions, plan.Goals.Single().Measure));
        var noReason = await (await app.PostAsync($"/api/v1/plans/{plan.Id}/close", new ClosePlanRequest("discharged", "", plan.Version))).ProblemFieldsAsync();
        Assert.Contains("reason", noReason.Keys);
        Assert.Equal(HttpStatusCode.Conflict, (await app.PostAsync($"/api/v1/plans/{plan.Id}/close", new ClosePlanRequest("discharged", "Moved away", plan.Version + 1))).StatusCode);
        var closed = await (await app.PostAsync($"/api/v1/plans/{plan.Id}/close", new ClosePlanRequest("discharged", "Moved away", plan.Version))).ReadAsync<PlanResponse>(HttpStatusCode.OK);
        Assert.Equal(("discharged", "Moved away"), (closed.Status, closed.StatusReason));
        Assert.Equal(HttpStatusCode.Conflict, (await app.PostAsync($"/api/v1/plans/{plan.Id}/close", new ClosePlanRequest("stopped", "Again", closed.Version))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/api/v1/plans/{Guid.NewGuid()}/progress")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.PostAsync($"/api/v1/clients/{Guid.NewGuid()}/plans", new PlanRequest("x", null, null, null, null, null, null, null, null))).StatusCode);
    }

    [Fact]
    public async Task APracticeAddsItsOwnProtocolAndCannotMakeClaimsInIt()
    {
        await using var app = await CupwiseApp.StartAsync();
        var claims = await (await app.PostAsync("/api/v1/protocols", new ProtocolRequest("Detox back cupping", null, ["upper-back:left", "upper-back:right"], "glass-large",
            "stationary", "fire-flash", 8, null, 7, 4, null, "Cupping draws out toxins from the back.", null))).ProblemFieldsAsync();
        Assert.Contains("never makes", claims["evidenceStatement"][0], StringComparison.Ordinal);
        var bad = await (await app.PostAsync("/api/v1/protocols", new ProtocolRequest("", null, ["moon:left", "lower-back:none"], "teacup",
            "stationary", "fire-flash", null, null, 1, 0, null, null, null))).ProblemFieldsAsync();
        Assert.Equal(["courseSessions", "cup", "intervalDays", "minutes", "name", "sites[0]", "sites[1]"], bad.Keys.Order(StringComparer.Ordinal));

        var own = await (await app.PostAsync("/api/v1/protocols", new ProtocolRequest("Calf tightness in runners", null, ["calf:left", "calf:right"], "silicone-body-50",
            "moving", "squeeze", null, 6, 5, 4, [new GoalDto("pain", null, null, null, "at-most", 1)], null, null))).ReadAsync<ProtocolResponse>(HttpStatusCode.Created);
        Assert.Equal(("own-calf-tightness-in-runners", "No controlled evidence found.", 6), (own.Id, own.Evidence.Statement, own.Passes!.Value));
        Assert.Equal(7, (await app.GetAsync<List<ProtocolResponse>>("/api/v1/protocols")).Count);
        var again = await (await app.PostAsync("/api/v1/protocols", new ProtocolRequest("Calf tightness in runners", null, ["calf:left"], "glass-small",
            "stationary", "pump", 5, null, 5, 4, null, null, null))).ProblemFieldsAsync();
        Assert.Contains("already exists", again["name"][0], StringComparison.Ordinal);

        var client = await app.NewClientAsync();
        var plan = await (await app.PostAsync($"/api/v1/clients/{client.Id}/plans", new PlanRequest("Tight calves", null, own.Id, null, null, null, null, null, null)))
            .ReadAsync<PlanResponse>(HttpStatusCode.Created);
        Assert.Equal((own.Id, 5, 4), (plan.ProtocolId, plan.IntervalDays, plan.MaxSessions));
        Assert.Equal("No controlled evidence found.", plan.Evidence!.Statement);
        var progress = await app.GetAsync<PlanProgressResponse>($"/api/v1/plans/{plan.Id}/progress");
        Assert.Equal("No controlled evidence found.", progress.Evidence!.Statement);
    }
}
