using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;

namespace Cupwise.Components.Maps;

/// <summary>How the maps are drawn: the mark-grade colours (UI.md), the scale of each view, fading with age.</summary>
public static class MapGeometry
{
    /// <summary>Body views span about 1.7 m in 200 units; the face view about 26 cm in 120.</summary>
    public static double MillimetresPerUnit(MapView view) => view == MapView.Face ? 2.2 : 8.5;

    /// <summary>UI.md's mark-grade swatches; grade 0 is an outline only.</summary>
    public static string GradeFill(int? grade) => grade switch
    {
        1 => "#F4B6C2",
        2 => "#D9534F",
        3 => "#8E2C48",
        4 => "#4B1D3F",
        _ => "none",
    };

    /// <summary>Text colour readable on a grade's swatch.</summary>
    public static string GradeInk(int? grade) => grade is 3 or 4 or 2 ? "#ffffff" : "#1c2426";

    /// <summary>Typical clearance by grade (SCIENCE.md §2, practice defaults), in days.</summary>
    public static double ClearanceDays(int? grade) => grade switch
    {
        1 => 1,
        2 => 4,
        3 => 6,
        4 => 14,
        _ => 0,
    };

    /// <summary>Opacity of a mark's fill: full when fresh, fading to nothing as its forecast clearance nears.</summary>
    public static double Fade(int? grade, DateTimeOffset removed, DateTimeOffset now)
    {
        var days = ClearanceDays(grade);
        if (days <= 0)
        {
            return 0;
        }
        return Math.Clamp(1 - ((now - removed).TotalDays / days), 0, 1);
    }

    public static (double Width, double Height) Box(MapView view) => view.Size();

    /// <summary>
    /// The gliding pathway from a facial site, as an offset in map units: upward and outward from the midline,
    /// toward the jawline and the front of the ear, then down the side of the neck (SCIENCE.md §3). Given for the
    /// client's right (the viewer's left); mirrored for the left. Null where cups do not glide.
    /// </summary>
    public static (double Dx, double Dy)? GlideOffset(string siteId, BodySide side)
    {
        (double Dx, double Dy)? right = siteId switch
        {
            "forehead" => (0, -9),
            "brow" => (-11, -3),
            "under-eye" => (-11, -2),
            "cheek" => (-11, -6),
            "nasolabial-fold" => (-8, -8),
            "jawline" => (-11, -10),
            "chin" => (-10, -3),
            "temple" => (-1, -9),
            "face-neck-lateral" => (0, 11),
            _ => null,
        };
        return right is { } r && side == BodySide.Left ? (-r.Dx, r.Dy) : right;
    }

    /// <summary>Region size on the map, in map units.</summary>
    public static (double Rx, double Ry) RegionRadius(MapView view) => view == MapView.Face ? (6.5, 4.5) : (6.5, 6.5);

    /// <summary>Every region drawn on a view: bilateral sites twice, one per side.</summary>
    public static IEnumerable<(BodySite Site, BodySide Side, MapPoint Centre)> Regions(IEnumerable<BodySite> sites, MapView view)
    {
        foreach (var site in sites.Where(s => s.View == view))
        {
            if (site.Sides == SideHandling.Bilateral)
            {
                yield return (site, BodySide.Right, site.CentreFor(BodySide.Right));
                yield return (site, BodySide.Left, site.CentreFor(BodySide.Left));
            }
            else
            {
                var side = site.Sides == SideHandling.LeftOnly ? BodySide.Left : BodySide.None;
                yield return (site, side, site.CentreFor(side));
            }
        }
    }
}

/// <summary>A cup drawn on a map.</summary>
public sealed record MapPlacement(int Number, string SiteId, BodySide Side, double X, double Y, double RimMm, int? Grade, double Fade, bool Running, string Label)
{
    /// <summary>Moving cups: passes along the pathway, drawn as an arrow with the count.</summary>
    public int? Passes { get; init; }
}
