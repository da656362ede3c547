using System.Net;
using Cupwise.Clients;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Sessions;
using Cupwise.Outcomes;
using Cupwise.Sessions;

namespace Cupwise.Tests;

public sealed class DemoAndRestartTests
{
    [Fact]
    public async Task TheDemosThreeCasesComeBackFromTheApi()
    {
        await using var app = await CupwiseApp.StartAsync(demo: true);
        var clients = await app.GetAsync<PageOf<ClientSummary>>("/api/v1/clients");
        Assert.Equal(3, clients.Total);

        // (a) Stiff neck: better after the first visit, no pain and full rotation after the second.
        var neck = DemoPractice.NeckClientId;
        var neckSessions = await app.GetAsync<List<SessionResponse>>($"/api/v1/clients/{neck}/sessions");
        Assert.Equal(2, neckSessions.Count);
        Assert.All(neckSessions, s => Assert.Contains(s.Cups, c => c.SiteId == "upper-trapezius"));
        var neckOutcomes = await app.GetAsync<List<OutcomeResponse>>($"/api/v1/clients/{neck}/outcomes");
        var painAfter = neckOutcomes.Where(o => o.Kind == MeasureKind.Pain && o.Timing == MeasurementTiming.AfterSession).Select(o => o.Value).ToList();
        Assert.Equal([4.0, 0.0], painAfter);
        var rotationAfter = neckOutcomes.Where(o => o.Kind == MeasureKind.RangeOfMotion && o.Timing == MeasurementTiming.AfterSession).Select(o => o.Value).ToList();
        Assert.True(rotationAfter[^1] >= 80, "full rotation after the second visit");

        // (b) Facial cupping: small silicone cups kept moving, a facial product, no marks.
        var facial = Assert.Single(await app.GetAsync<List<SessionResponse>>($"/api/v1/clients/{DemoPractice.FacialClientId}/sessions"));
        Assert.All(facial.Cups, c => Assert.Equal((Technique.Moving, 0), (c.Technique, c.MarkGrade!.Value)));
        Assert.All(facial.Cups, c => Assert.StartsWith("silicone-face", c.CupId, StringComparison.Ordinal));
        Assert.Contains(facial.Adjuncts, a => a.Kind == AdjunctKind.FacialProduct);

        // (c) Chronic low-back pain: 10-minute stationary glass fire cups over several visits, marks, pain before and after.
        var back = await app.GetAsync<List<SessionResponse>>($"/api/v1/clients/{DemoPractice.BackClientId}/sessions");
        Assert.True(back.Count >= 3);
        Assert.All(back.SelectMany(s => s.Cups), c =>
        {
            Assert.Equal(Technique.Stationary, c.Technique);
            Assert.StartsWith("glass", c.CupId, StringComparison.Ordinal);
            Assert.Equal(10, c.ActualDurationMin);
        });
        Assert.Contains(back.SelectMany(s => s.Cups), c => c.MarkGrade >= 2);
        var backOutcomes = await app.GetAsync<List<OutcomeResponse>>($"/api/v1/clients/{DemoPractice.BackClientId}/outcomes");
        Assert.All(back, s =>
        {
            Assert.Contains(backOutcomes, o => o.SessionId == s.Id && o.Timing == MeasurementTiming.BeforeSession);
            Assert.Contains(backOutcomes, o => o.SessionId == s.Id && o.Timing == MeasurementTiming.AfterSession);
        });
    }

    [Fact]
    public async Task DataSurvivesARestart()
    {
        string clientId;
        Cupwise.Data.DatabaseSettings database;
        await using (var first = await CupwiseApp.StartAsync())
        {
            database = first.Database;
            clientId = (await first.NewClientAsync("Persisted")).Id;
        }
        await using var second = await CupwiseApp.StartAsync(database: database);
        var client = await second.GetAsync<ClientResponse>($"/api/v1/clients/{clientId}");
        Assert.Equal("Persisted", client.FamilyName);
    }

    [Fact]
    public async Task TheClientListPageShowsTheDemoClients()
    {
        await using var app = await CupwiseApp.StartAsync(demo: true);
        var response = await app.Client.GetAsync("/clients");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Clients · Cupwise</title>", html, StringComparison.Ordinal);
        Assert.Contains("Demo (low-back pain), Client C", html, StringComparison.Ordinal);
        Assert.Contains("Cupwise demo practice", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DataProtectionKeysLiveInTheDatabaseSoTokensSurviveARestart()
    {
        var database = await TestDatabase.CreateAsync();
        string protectedText;
        await using (var first = await CupwiseApp.StartAsync(database: database))
        {
            var appProvider = (Microsoft.AspNetCore.DataProtection.IDataProtectionProvider)first.Services.GetService(typeof(Microsoft.AspNetCore.DataProtection.IDataProtectionProvider))!;
            protectedText = Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Protect(appProvider.CreateProtector("restart-test"), "form token");
            Assert.True(await first.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.DataProtectionKeys)) >= 1);
        }
        await using var second = await CupwiseApp.StartAsync(database: database);
        var again = (Microsoft.AspNetCore.DataProtection.IDataProtectionProvider)second.Services.GetService(typeof(Microsoft.AspNetCore.DataProtection.IDataProtectionProvider))!;
        Assert.Equal("form token", Microsoft.AspNetCore.DataProtection.DataProtectionCommonExtensions.Unprotect(again.CreateProtector("restart-test"), protectedText));
    }
}
