using System.Net;
using Cupwise.Catalogue;
using Cupwise.Domain.Catalogue;
using Cupwise.Health;

namespace Cupwise.Tests;

public sealed class CatalogueAndHealthTests
{
    [Fact]
    public async Task HealthIsOkWhenTheDatabaseAnswers()
    {
        await using var app = await CupwiseApp.StartAsync();
        var response = await app.Client.GetAsync("/healthz");
        Assert.Equal("ok", (await response.ReadAsync<HealthResponse>(HttpStatusCode.OK)).Status);
    }

    [Fact]
    public async Task TheCupCatalogueComesFromTheShippedData()
    {
        await using var app = await CupwiseApp.StartAsync();
        var cups = await app.GetAsync<List<CupResponse>>("/api/v1/cups");
        Assert.Equal(StandardCatalogue.Cups.Count, cups.Count);
        var large = cups.Single(c => c.Id == "glass-large");
        Assert.Equal((CupMaterial.Glass, 50.0), (large.Material, large.RimDiameterMm));
        Assert.Contains(SuctionMethodKind.FireCottonBall, large.SupportedMethods);
        Assert.All(cups.Where(c => c.Material == CupMaterial.PlasticValve), c => Assert.Equal([SuctionMethodKind.Pump], c.SupportedMethods));
    }

    [Fact]
    public async Task SitesCarryTheirViewCodesAndSafetyFlags()
    {
        await using var app = await CupwiseApp.StartAsync();
        var sites = (await app.GetAsync<List<SiteResponse>>("/api/v1/sites")).ToDictionary(s => s.Id);
        Assert.Equal(["anterior-neck", "over-large-vessels"], sites["neck-anterior"].Flags.Order());
        Assert.Equal(["lower-back-or-sacrum"], sites["sacrum"].Flags);
        Assert.Equal("264072009", sites["lower-back"].SnomedCode);
        Assert.Equal(SideHandling.Bilateral, sites["cheek"].Sides);
        Assert.Contains("face-sense-organ", sites["nose"].Flags);
    }

    [Fact]
    public async Task TheRawJsonUsesKebabCaseNames()
    {
        await using var app = await CupwiseApp.StartAsync();
        var json = await app.Client.GetStringAsync("/api/v1/cups");
        Assert.Contains("\"material\":\"plastic-valve\"", json, StringComparison.Ordinal);
        Assert.Contains("\"fire-cotton-ball\"", json, StringComparison.Ordinal);
        Assert.Contains("\"rimDiameterMm\":", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryResponseRefusesSniffingFramingAndReferrers()
    {
        await using var app = await CupwiseApp.StartAsync();
        foreach (var path in new[] { "/", "/clients", "/api/v1/cups", "/healthz" })
        {
            var response = await app.Client.GetAsync(path);
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
            Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
            Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        }
    }
}
