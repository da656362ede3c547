namespace Cupwise.Domain.Quantities;

/// <summary>
/// A position on one of Cupwise's maps, in that view's own coordinate box (UI.md): body views span
/// x 0–100 by y 0–200, the face view x 0–100 by y 0–120, so stored positions do not depend on screen size.
/// </summary>
public readonly record struct MapPoint
{
    private MapPoint(double x, double y)
    {
        X = x;
        Y = y;
    }

    public double X { get; }
    public double Y { get; }

    public static MapPoint Create(MapView view, double x, double y, string field = "position")
    {
        var (width, height) = view.Size();
        Guard.InRange($"{field}.x", x, 0, width, $"map units in the {view.ToString().ToLowerInvariant()} view");
        Guard.InRange($"{field}.y", y, 0, height, $"map units in the {view.ToString().ToLowerInvariant()} view");
        return new MapPoint(x, y);
    }
}

/// <summary>The three maps Cupwise charts on.</summary>
public enum MapView
{
    Front,
    Back,
    Face,
}

public static class MapViewExtensions
{
    /// <summary>The view's coordinate box (UI.md).</summary>
    public static (double Width, double Height) Size(this MapView view) => view == MapView.Face ? (100, 120) : (100, 200);
}
