using System.Net;
using Cupwise.Plans;
using Cupwise.Sessions;

namespace Cupwise.Tests;

public sealed class OutcomeReportTests
{
    [Fact]
    public async Task ThePracticeReportCountsByIndicationAndExportsCsv()
    {
        await using var app = await CupwiseApp.StartAsync(demo: true);
        var neck = await app.GetAsync<PlanResponse>($"/api/v1/plans/{DemoPractice.NeckPlanId}");
        (await app.PostAsync($"/api/v1/plans/{neck.Id}/close", new ClosePlanRequest("resolved", "Free of pain with full rotation", neck.Version))).EnsureSuccessStatusCode();
        var backSession = (await app.GetAsync<List<SessionResponse>>($"/api/v1/clients/{DemoPractice.BackClientId}/sessions")).First();
        Assert.Equal(DemoPractice.BackPlanId.ToString(), backSession.PlanId);
        var adverse = await app.PostAsync($"/api/v1/sessions/{backSession.Id}/adverse-events", new AdverseEventRequest("blister", "mild", "lower-back", "Small blister under one cup", null));
        Assert.Equal(HttpStatusCode.Created, adverse.StatusCode);

        var report = await app.GetAsync<OutcomeReportResponse>("/api/v1/reports/outcomes");
        var neckRow = report.Indications.Single(r => r.ProtocolId == "neck-pain");
        Assert.Equal((1, 1, 2, 1, 2.0), (neckRow.Plans, neckRow.Clients, neckRow.Sessions, neckRow.Resolved, neckRow.MedianSessionsToResolution!.Value));
        Assert.Equal((1, 1), (neckRow.PlansWithPainReadings, neckRow.Responders)); // 7 → 3 before the two sessions
        var back = report.Indications.Single(r => r.ProtocolId == "chronic-low-back-pain");
        Assert.Equal((4, 0, 1, 1.0, 1), (back.Sessions, back.Resolved, back.Responders, back.ResponderRate!.Value, back.AdverseEvents));
        Assert.Null(back.MeanPainChange); // one plan: too few for an interval
        Assert.Equal("low", back.EvidenceGrade);

        var csv = await app.Client.GetAsync("/api/v1/reports/outcomes?format=csv&from=2000-01-01");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("indication,protocol,evidence_grade,plans,clients,sessions,resolved", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("Chronic low-back pain,chronic-low-back-pain,low,1,1,4,0,,1,1,1,", StringComparison.Ordinal));

        var future = await app.GetAsync<OutcomeReportResponse>($"/api/v1/reports/outcomes?from={DateTime.UtcNow.AddDays(30):yyyy-MM-dd}");
        Assert.Empty(future.Indications);
        var bad = await (await app.Client.GetAsync($"/api/v1/reports/outcomes?from=31/01/2026&to=2026-01-01&practitionerId={Guid.NewGuid()}&format=xls")).ProblemFieldsAsync();
        Assert.Equal(["format", "from", "practitionerId"], bad.Keys.Order(StringComparer.Ordinal));
        var badKind = await (await app.PostAsync($"/api/v1/sessions/{backSession.Id}/adverse-events", new AdverseEventRequest("headache", "awful", null, null, null))).ProblemFieldsAsync();
        Assert.Equal(["kind", "severity"], badKind.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task TheCommandLineWritesTheReportItsCsvAndItsCharts()
    {
        var database = await TestDatabase.CreateAsync();
        await using (var app = await CupwiseApp.StartAsync(demo: true, database: database))
        {
            Assert.NotEmpty((await app.GetAsync<OutcomeReportResponse>("/api/v1/reports/outcomes")).Indications);
        }
        var folder = TestDatabase.NewDirectory();
        var csv = Path.Combine(folder, "outcomes.csv");
        var plots = Path.Combine(folder, "charts");
        var where = TestDatabase.CliArgs(database);
        var (exit, output, error) = await Cli.RunAsync(["report", "outcomes", "--csv", csv, "--plot", plots, .. where]);
        Assert.True(exit == 0, error);
        Assert.Contains("Chronic low-back pain", output, StringComparison.Ordinal);
        Assert.Contains("Neck pain / stiff neck", output, StringComparison.Ordinal);
        Assert.StartsWith("indication,", await File.ReadAllTextAsync(csv), StringComparison.Ordinal);
        foreach (var chart in new[] { "responder-rate.svg", "responder-rate.png", "pain-change.svg", "pain-change.png" })
        {
            Assert.True(new FileInfo(Path.Combine(plots, chart)).Length > 1000, chart);
        }
        Assert.Contains("<svg", await File.ReadAllTextAsync(Path.Combine(plots, "responder-rate.svg")), StringComparison.Ordinal);

        var (bad, _, badError) = await Cli.RunAsync(["report", "outcomes", "--from", "last week", .. where]);
        Assert.Equal(2, bad);
        Assert.Contains("yyyy-MM-dd", badError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportsAndCalendarFeedsAreRateLimited()
    {
        await using var app = await CupwiseApp.StartAsync();
        for (var i = 0; i < Cupwise.Api.RateLimits.ExportsPerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/v1/reports/outcomes")).StatusCode);
        }
        var refused = await app.Client.GetAsync("/api/v1/reports/outcomes?format=csv");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("try again in a minute", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("60", refused.Headers.GetValues("Retry-After").Single());
        // Guessing feed tokens runs into the same wall.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await app.Client.GetAsync($"/calendar/{Guid.NewGuid():N}.ics")).StatusCode);
        // Everything else is untouched.
        Assert.Equal(HttpStatusCode.OK, (await app.Client.GetAsync("/api/v1/cups")).StatusCode);
    }
}
