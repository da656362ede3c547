using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;

namespace Cupwise.Domain.Tests;

public sealed class CatalogueTests
{
    [Fact]
    public void TheStandardCatalogueHasTheCupsPractitionersExpect()
    {
        var cups = StandardCatalogue.Cups.ToDictionary(c => c.Id);
        foreach (var id in new[] { "glass-small", "glass-medium", "glass-large", "bamboo-small", "bamboo-medium", "bamboo-large" })
        {
            Assert.True(cups.ContainsKey(id), $"missing {id}");
            Assert.True(cups[id].SupportedMethods.All(m => m.IsFire()), $"{id} is a fire cup");
        }
        Assert.Equal(3, cups.Values.Count(c => c.Material == CupMaterial.PlasticValve && c.Supports(SuctionMethodKind.Pump)));
        Assert.Equal(2, cups.Values.Count(c => c.Material == CupMaterial.Silicone && c.Id.StartsWith("silicone-body", StringComparison.Ordinal)));
        var facial = cups.Values.Where(c => c.Material == CupMaterial.Silicone && c.Id.StartsWith("silicone-face", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, facial.Count);
        // SCIENCE.md §3: facial cups are small, about 15–45 mm.
        Assert.All(facial, c => Assert.InRange(c.RimDiameter.Millimetres, 15, 45));
        Assert.All(cups.Values, c => Assert.False(string.IsNullOrWhiteSpace(c.Source)));
    }

    [Fact]
    public void GlassCupsGrowFromSmallToLarge()
    {
        var cups = StandardCatalogue.Cups.ToDictionary(c => c.Id);
        Assert.True(cups["glass-small"].RimDiameter.Millimetres < cups["glass-medium"].RimDiameter.Millimetres);
        Assert.True(cups["glass-medium"].Volume.Millilitres < cups["glass-large"].Volume.Millilitres);
    }

    [Fact]
    public void SitesCoverEveryRegionAndCarryTheSafetyFlags()
    {
        var sites = StandardCatalogue.Sites.ToDictionary(s => s.Id);
        foreach (var id in new[] { "neck-posterior", "upper-trapezius", "upper-back", "lower-back", "sacrum", "chest-upper", "abdomen",
                     "upper-arm-anterior", "thigh-anterior", "calf", "forehead", "brow", "cheek", "under-eye", "nose", "nasolabial-fold",
                     "jawline", "chin", "face-neck-anterior" })
        {
            Assert.True(sites.ContainsKey(id), $"missing {id}");
        }
        Assert.True(sites["neck-anterior"].Has(SiteFlags.AnteriorNeck));
        Assert.True(sites["neck-anterior"].Has(SiteFlags.OverLargeVessels));
        Assert.True(sites["abdomen"].Has(SiteFlags.Abdomen));
        Assert.True(sites["sacrum"].Has(SiteFlags.LowerBackOrSacrum));
        Assert.True(sites["eye"].Has(SiteFlags.FaceSenseOrgan));
        Assert.Equal("264072009", sites["lower-back"].SnomedCode);
        Assert.Equal("45048000", sites["neck-posterior"].SnomedCode);
        Assert.All(sites.Values.Where(s => s.View == MapView.Face), s => Assert.NotNull(s.SnomedCode));
    }

    [Fact]
    public void ClientsLeftIsOnTheViewersRightInFrontAndOnTheLeftInBack()
    {
        var sites = StandardCatalogue.Sites.ToDictionary(s => s.Id);
        // UI.md: front view mirrors the client; back view does not.
        Assert.True(sites["shoulder-anterior"].CentreFor(BodySide.Left).X > 50);
        Assert.True(sites["upper-trapezius"].CentreFor(BodySide.Left).X < 50);
        Assert.True(sites["cheek"].CentreFor(BodySide.Left).X > 50);
    }

    [Fact]
    public void EverySiteProposesACupFromTheCatalogue()
    {
        var cups = StandardCatalogue.Cups.Select(c => c.Id).ToHashSet();
        Assert.All(StandardCatalogue.Sites, s => Assert.Contains(s.DefaultCupId, cups));
        // Fire never goes on the face (SCIENCE.md §3): face sites propose silicone cups.
        var byId = StandardCatalogue.Cups.ToDictionary(c => c.Id);
        Assert.All(StandardCatalogue.Sites.Where(s => s.View == MapView.Face), s => Assert.Equal(CupMaterial.Silicone, byId[s.DefaultCupId].Material));
    }

    [Fact]
    public void SideMustFitTheSite()
    {
        var sites = StandardCatalogue.Sites.ToDictionary(s => s.Id);
        sites["lower-back"].CheckSide(BodySide.Left, "side");
        Assert.Throws<DomainValidationException>(() => sites["lower-back"].CheckSide(BodySide.None, "side"));
        Assert.Throws<DomainValidationException>(() => sites["sacrum"].CheckSide(BodySide.Right, "side"));
        Assert.Throws<DomainValidationException>(() => sites["chest-apex"].CheckSide(BodySide.Right, "side"));
    }

    [Theory]
    [InlineData(CupMaterial.Silicone, SuctionMethodKind.FireFlash, false)]
    [InlineData(CupMaterial.PlasticValve, SuctionMethodKind.FireCottonBall, false)]
    [InlineData(CupMaterial.Bamboo, SuctionMethodKind.FireCottonBall, true)]
    [InlineData(CupMaterial.PlasticValve, SuctionMethodKind.Pump, true)]
    [InlineData(CupMaterial.Glass, SuctionMethodKind.Squeeze, false)]
    [InlineData(CupMaterial.Electric, SuctionMethodKind.Electric, true)]
    public void FireGoesOnlyInHeatProofCups(CupMaterial material, SuctionMethodKind method, bool fits) =>
        Assert.Equal(fits, Cup.Fits(material, method));

    [Fact]
    public void EveryStandardCupFitsItsMethods() =>
        Assert.All(StandardCatalogue.Cups, c => Assert.All(c.SupportedMethods, m => Assert.True(Cup.Fits(c.Material, m), $"{c.Id} {m}")));
}
