using System.Net;
using Cupwise.Catalogue;
using Cupwise.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Tests;

public sealed class PracticeCupTests
{
    private static NewCupRequest Cup(double rim = 55, string material = "glass", params string[] methods) =>
        new("Glass cup no. 5", material, rim, 130, methods.Length == 0 ? ["fire-flash", "fire-cotton-ball"] : methods, "measured with calipers");

    [Fact]
    public async Task APracticeAddsItsOwnCupAndChartsWithIt()
    {
        await using var app = await CupwiseApp.StartAsync();
        var cup = await (await app.PostAsync("/api/v1/cups", Cup())).ReadAsync<CupResponse>(HttpStatusCode.Created);
        Assert.Equal((55.0, 130.0), (cup.RimDiameterMm, cup.VolumeMl));
        Assert.Contains(await app.GetAsync<List<CupResponse>>("/api/v1/cups"), c => c.Id == cup.Id);

        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await (await app.PostAsync("/api/v1/sessions", new SessionRequest(client.Id, practitioner.Id, null, null, null, null, null,
            [Requests.Cup(cup.Id)]))).ReadAsync<SessionResponse>(HttpStatusCode.Created);
        Assert.Equal(cup.Id, session.Cups[0].CupId);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(151)]
    public async Task ARimOutsideTenTo150MmIsRefused(double rim)
    {
        await using var app = await CupwiseApp.StartAsync();
        var errors = await (await app.PostAsync("/api/v1/cups", Cup(rim))).ProblemFieldsAsync();
        Assert.Contains("between 10 and 150 mm", errors["rimDiameterMm"][0], StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryAsync(db => db.Cups.CountAsync(c => c.PracticeId != null)));
    }

    [Fact]
    public async Task FireIsRefusedForASiliconeCup()
    {
        await using var app = await CupwiseApp.StartAsync();
        var errors = await (await app.PostAsync("/api/v1/cups", Cup(40, "silicone", "fire-flash"))).ProblemFieldsAsync();
        Assert.Contains("cannot use FireFlash", errors["supportedMethods"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherPracticeDoesNotSeeTheCup()
    {
        await using var app = await CupwiseApp.StartAsync();
        var cup = await (await app.PostAsync("/api/v1/cups", Cup())).ReadAsync<CupResponse>(HttpStatusCode.Created);
        await using var other = await CupwiseApp.StartAsync(demo: true, database: app.Database);
        Assert.DoesNotContain(await other.GetAsync<List<CupResponse>>("/api/v1/cups"), c => c.Id == cup.Id);
    }
}
