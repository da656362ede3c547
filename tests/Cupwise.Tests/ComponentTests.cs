using Bunit;
using Cupwise.Components.Maps;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;

namespace Cupwise.Tests;

/// <summary>The map, timer and grade-picker components, rendered alone (bUnit).</summary>
public sealed class ComponentTests
{
    private static readonly IReadOnlyList<BodySite> Sites = StandardCatalogue.Sites;

    [Fact]
    public void TheBackMapNamesEveryRegionAndPutsTheClientsLeftOnTheLeft()
    {
        using var ctx = new BunitContext();
        var cut = ctx.Render<BodyMap>(p => p.Add(m => m.View, MapView.Back).Add(m => m.Sites, Sites)
            .Add(m => m.OnRegion, (ValueTuple<string, BodySide> _) => { }));
        var regions = cut.FindAll("ellipse.region");
        var backSites = Sites.Where(s => s.View == MapView.Back).Sum(s => s.Sides == SideHandling.Bilateral ? 2 : 1);
        Assert.Equal(backSites, regions.Count);
        var left = cut.Find("ellipse[aria-label='Lower back, beside the spine, left']");
        Assert.True(double.Parse(left.GetAttribute("cx")!, System.Globalization.CultureInfo.InvariantCulture) < 50);
        Assert.Equal("L", cut.FindAll("text.lr")[0].TextContent);
    }

    [Fact]
    public void ClickingARegionReportsItsSiteAndSide()
    {
        using var ctx = new BunitContext();
        (string, BodySide)? chosen = null;
        var cut = ctx.Render<BodyMap>(p => p.Add(m => m.View, MapView.Face).Add(m => m.Sites, Sites)
            .Add(m => m.OnRegion, (ValueTuple<string, BodySide> r) => chosen = r));
        cut.Find("ellipse[aria-label='Cheek, right']").Click();
        Assert.Equal(("cheek", BodySide.Right), chosen);
        cut.Find("ellipse[aria-label='Forehead']").KeyDown(new Microsoft.AspNetCore.Components.Web.KeyboardEventArgs { Key = "Enter" });
        Assert.Equal(("forehead", BodySide.None), chosen);
    }

    [Fact]
    public void ACupIsDrawnToScaleInItsMarkColour()
    {
        using var ctx = new BunitContext();
        var placement = new MapPlacement(3, "lower-back", BodySide.Left, 43, 100, 50, 3, 1, false, "Cup 3");
        var cut = ctx.Render<BodyMap>(p => p.Add(m => m.View, MapView.Back).Add(m => m.Sites, Sites).Add(m => m.Placements, [placement]));
        var circle = cut.Find("g.cup circle");
        Assert.Equal("#8E2C48", circle.GetAttribute("fill"));
        // A 50 mm rim at 8.5 mm per map unit: radius 2.94 units.
        Assert.Equal("2.94", circle.GetAttribute("r"));
        Assert.Equal("3", cut.Find("g.cup text").TextContent);
    }

    [Fact]
    public void AClearedMarkLeavesOnlyARing()
    {
        var removed = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        Assert.Equal(1, MapGeometry.Fade(2, removed, removed));
        Assert.Equal(0.5, MapGeometry.Fade(2, removed, removed.AddDays(2)), 6);
        Assert.Equal(0, MapGeometry.Fade(2, removed, removed.AddDays(5)));
        Assert.Equal(0, MapGeometry.Fade(0, removed, removed));
    }

    [Fact]
    public void TheTimerCountsDownAndThenPulses()
    {
        using var ctx = new BunitContext();
        var on = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var cut = ctx.Render<CupTimer>(p => p.Add(t => t.AppliedAt, on).Add(t => t.Planned, TimeSpan.FromMinutes(10)).Add(t => t.Now, on.AddSeconds(30)));
        Assert.Equal("9:30", cut.Find("[role=timer]").TextContent);
        Assert.DoesNotContain("due", cut.Find("[role=timer]").ClassName, StringComparison.Ordinal);
        cut.Render(p => p.Add(t => t.Now, on.AddMinutes(10).AddSeconds(5)));
        Assert.Contains("due", cut.Find("[role=timer]").ClassName, StringComparison.Ordinal);
        Assert.Equal("time — +0:05", cut.Find("[role=timer]").TextContent);
    }

    [Fact]
    public void AMovingCupsTimerCountsUp()
    {
        using var ctx = new BunitContext();
        var on = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
        var cut = ctx.Render<CupTimer>(p => p.Add(t => t.AppliedAt, on).Add(t => t.Now, on.AddSeconds(75)));
        Assert.Equal("1:15 on", cut.Find("[role=timer]").TextContent);
    }

    [Fact]
    public void TheGradePickerOffersFiveSwatchesAndReportsTheChoice()
    {
        using var ctx = new BunitContext();
        int? chosen = null;
        var cut = ctx.Render<GradePicker>(p => p.Add(g => g.Value, 0).Add(g => g.ValueChanged, (int g) => chosen = g));
        var buttons = cut.FindAll("button");
        Assert.Equal(5, buttons.Count);
        Assert.Equal("true", buttons[0].GetAttribute("aria-pressed"));
        Assert.Contains("#D9534F", buttons[2].InnerHtml, StringComparison.Ordinal);
        Assert.Equal($"Grade 4: {MarkGrade.FromGrade(4).Description}", buttons[4].GetAttribute("aria-label"));
        buttons[3].Click();
        Assert.Equal(3, chosen);
    }

    [Fact]
    public void AGlidingCupOnTheFaceShowsItsPathwayAndPasses()
    {
        using var ctx = new BunitContext();
        var cheek = StandardCatalogue.Sites.Single(s => s.Id == "cheek").CentreFor(BodySide.Left);
        var placement = new MapPlacement(1, "cheek", BodySide.Left, cheek.X, cheek.Y, 35, 0, 0, false, "Cup 1") { Passes = 3 };
        var cut = ctx.Render<BodyMap>(p => p.Add(m => m.View, MapView.Face).Add(m => m.Sites, Sites).Add(m => m.Placements, [placement]));
        var line = cut.Find("g.glide line");
        // Upward and outward: the client's left cheek is on the viewer's right, so the arrow goes right and up.
        Assert.True(double.Parse(line.GetAttribute("x2")!, System.Globalization.CultureInfo.InvariantCulture) > cheek.X);
        Assert.True(double.Parse(line.GetAttribute("y2")!, System.Globalization.CultureInfo.InvariantCulture) < cheek.Y);
        Assert.Equal("×3", cut.Find("g.glide text").TextContent);
    }
}
