using Cupwise.Domain.Quantities;
using Cupwise.Physics;

namespace Cupwise.Domain.Catalogue;

/// <summary>How a site's side is recorded.</summary>
public enum SideHandling
{
    /// <summary>On the midline: no side.</summary>
    Midline,
    /// <summary>Paired: every cup names left or right.</summary>
    Bilateral,
    /// <summary>Only on the client's left (the apex beat of the heart).</summary>
    LeftOnly,
}

/// <summary>The client's side of a cup; <see cref="None"/> on the midline.</summary>
public enum BodySide
{
    None,
    Left,
    Right,
}

/// <summary>Anatomical facts about a site that the safety rules read (SCIENCE.md §4).</summary>
[Flags]
public enum SiteFlags
{
    None = 0,
    OverLargeVessels = 1,
    AnteriorNeck = 2,
    Abdomen = 4,
    LowerBackOrSacrum = 8,
    FaceSenseOrgan = 16,
    ApexBeat = 32,
    Groin = 64,
}

/// <summary>A named region of a body or face map.</summary>
public sealed class BodySite
{
    private BodySite()
    {
        Id = Name = DefaultCupId = string.Empty;
    }

    public BodySite(string id, string name, MapView view, SideHandling sides, string? snomedCode, string? snomedDisplay,
        SiteFlags flags, double clientRightX, double centreY, string defaultCupId, TissueRegion tissue)
    {
        Tissue = tissue;
        Id = Guard.Required("id", id, 64);
        Name = Guard.Required("name", name, 200);
        View = view;
        Sides = sides;
        SnomedCode = snomedCode;
        SnomedDisplay = snomedDisplay;
        Flags = flags;
        ClientRightX = clientRightX;
        CentreY = centreY;
        DefaultCupId = defaultCupId;
    }

    public string Id { get; private set; }
    public string Name { get; private set; }
    public MapView View { get; private set; }
    public SideHandling Sides { get; private set; }

    /// <summary>Nearest SNOMED CT body-structure concept where SCIENCE.md §7 gives one; the finer region stays as <see cref="Name"/>.</summary>
    public string? SnomedCode { get; private set; }
    public string? SnomedDisplay { get; private set; }
    public SiteFlags Flags { get; private set; }

    /// <summary>X of the region's centre on the client's right side (or the midline), in the view's coordinates.</summary>
    public double ClientRightX { get; private set; }
    public double CentreY { get; private set; }
    public string DefaultCupId { get; private set; }

    /// <summary>Which tissue stiffness the suction model uses here.</summary>
    public TissueRegion Tissue { get; private set; }

    public bool Has(SiteFlags flag) => (Flags & flag) == flag;

    /// <summary>
    /// Where the site's centre is drawn for a side. The client's left is on the viewer's right in the
    /// front and face views and on the viewer's left in the back view (UI.md).
    /// </summary>
    public MapPoint CentreFor(BodySide side)
    {
        var x = side == BodySide.Left ? 100 - ClientRightX : ClientRightX;
        if (Sides == SideHandling.LeftOnly)
        {
            x = ClientRightX;
        }
        return MapPoint.Create(View, x, CentreY);
    }

    /// <summary>Checks that <paramref name="side"/> fits this site; throws naming <paramref name="field"/> if not.</summary>
    public void CheckSide(BodySide side, string field)
    {
        var ok = Sides switch
        {
            SideHandling.Midline => side == BodySide.None,
            SideHandling.Bilateral => side is BodySide.Left or BodySide.Right,
            _ => side == BodySide.Left,
        };
        if (!ok)
        {
            var allowed = Sides switch
            {
                SideHandling.Midline => "\"none\" (the site is on the midline)",
                SideHandling.Bilateral => "\"left\" or \"right\" (the site is paired)",
                _ => "\"left\" (the site is on the client's left only)",
            };
            throw new DomainValidationException(field, $"must be {allowed} for site '{Id}'.");
        }
    }
}
