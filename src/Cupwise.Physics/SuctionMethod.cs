namespace Cupwise.Physics;

/// <summary>How the vacuum is made (DESIGN.md §1).</summary>
public enum SuctionMethod
{
    /// <summary>A burning swab is swirled inside and withdrawn; the cup goes on a moment later.</summary>
    FireFlash,
    /// <summary>A burning piece of paper is dropped in and keeps burning after the cup goes on.</summary>
    FireThrow,
    /// <summary>A burning alcohol-soaked cotton ball stays inside after the cup goes on.</summary>
    FireCottonBall,
    /// <summary>A few drops of alcohol are lit inside; the flame dies as the cup seals.</summary>
    AlcoholDrop,
    /// <summary>A hand pump draws air out through a valve, stroke by stroke.</summary>
    Pump,
    /// <summary>A silicone cup is squeezed, placed and released.</summary>
    Squeeze,
    /// <summary>A device draws and holds a set pressure.</summary>
    Electric,
}

public static class SuctionMethodFacts
{
    public static bool IsFire(this SuctionMethod method) =>
        method is SuctionMethod.FireFlash or SuctionMethod.FireThrow or SuctionMethod.FireCottonBall or SuctionMethod.AlcoholDrop;

    /// <summary>True where the flame is still burning inside when the cup seals, using up oxygen.</summary>
    public static bool FlameStaysInside(this SuctionMethod method) => method is SuctionMethod.FireThrow or SuctionMethod.FireCottonBall;
}
