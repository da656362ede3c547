using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Cupwise.Domain.Sessions;

namespace Cupwise.Domain.Tests;

internal static class TestData
{
    public static Cup Cup(string id) => StandardCatalogue.Cups.Single(c => c.Id == id);

    public static BodySite Site(string id) => StandardCatalogue.Sites.Single(s => s.Id == id);

    public static CupPlan Stationary(string site = "lower-back", BodySide side = BodySide.Left, string cup = "glass-large") =>
        new(Cup(cup), Site(site), side, null, Technique.Stationary, SuctionSetting.Create(SuctionMethodKind.FireFlash, null, null), null, null, null, null);

    public static CupPlan FacialGlide(string site = "cheek", BodySide side = BodySide.Right) =>
        new(Cup("silicone-face-35"), Site(site), side, null, Technique.Moving, SuctionSetting.Create(SuctionMethodKind.Squeeze, null, null), null, null, null, null);

    public static MarkGrade Grade(int g) => MarkGrade.FromGrade(g);
}
