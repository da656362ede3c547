using Cupwise.Domain.Quantities;

namespace Cupwise.Domain.Catalogue;

public enum CupMaterial
{
    Glass,
    Bamboo,
    Ceramic,
    PlasticValve,
    Silicone,
    Electric,
}

/// <summary>How the vacuum inside a cup is made (DESIGN.md §1).</summary>
public enum SuctionMethodKind
{
    /// <summary>A burning swab is swirled inside and withdrawn before the cup goes on.</summary>
    FireFlash,
    /// <summary>A burning piece of paper or cotton is thrown in and stays inside.</summary>
    FireThrow,
    /// <summary>A burning alcohol-soaked cotton ball stays in the cup.</summary>
    FireCottonBall,
    /// <summary>A few drops of alcohol are lit inside the cup.</summary>
    AlcoholDrop,
    /// <summary>A hand pump draws air out through a valve, stroke by stroke.</summary>
    Pump,
    /// <summary>A silicone cup is squeezed, placed and released.</summary>
    Squeeze,
    /// <summary>A device holds a set pressure.</summary>
    Electric,
}

public static class SuctionMethodKindExtensions
{
    public static bool IsFire(this SuctionMethodKind kind) =>
        kind is SuctionMethodKind.FireFlash or SuctionMethodKind.FireThrow or SuctionMethodKind.FireCottonBall or SuctionMethodKind.AlcoholDrop;
}

/// <summary>A cup in the catalogue. Identified by a stable code such as <c>glass-medium</c>.</summary>
public sealed class Cup
{
    private Cup()
    {
        Id = Label = Source = string.Empty;
        SupportedMethods = [];
    }

    public Cup(string id, string label, CupMaterial material, RimDiameter rimDiameter, CupVolume volume,
        IReadOnlyList<SuctionMethodKind> supportedMethods, string source, Guid? practiceId = null)
    {
        Id = Guard.Required("id", id, 64);
        Label = Guard.Required("label", label, 200);
        Material = material;
        RimDiameter = rimDiameter;
        Volume = volume;
        if (supportedMethods.Count == 0)
        {
            throw new DomainValidationException("supportedMethods", "must name at least one suction method.");
        }
        foreach (var method in supportedMethods)
        {
            if (!Fits(material, method))
            {
                var allowed = string.Join(", ", Enum.GetValues<SuctionMethodKind>().Where(m => Fits(material, m)));
                throw new DomainValidationException("supportedMethods", $"a {material} cup cannot use {method}; it can use {allowed}.");
            }
        }
        SupportedMethods = [.. supportedMethods.Distinct()];
        Source = Guard.Required("source", source, 500);
        PracticeId = practiceId;
    }

    /// <summary>
    /// Which methods a material can take: fire only in heat-proof cups (glass, bamboo, ceramic — never
    /// plastic or silicone), a pump through a valve, a squeeze in silicone, a device in an electric cup.
    /// </summary>
    public static bool Fits(CupMaterial material, SuctionMethodKind method) => method switch
    {
        _ when method.IsFire() => material is CupMaterial.Glass or CupMaterial.Bamboo or CupMaterial.Ceramic,
        SuctionMethodKind.Pump => material is CupMaterial.PlasticValve or CupMaterial.Glass,
        SuctionMethodKind.Squeeze => material is CupMaterial.Silicone,
        _ => material is CupMaterial.Electric,
    };

    /// <summary>The practice that added this cup; null for Cupwise's standard catalogue.</summary>
    public Guid? PracticeId { get; private set; }

    public string Id { get; private set; }
    public string Label { get; private set; }
    public CupMaterial Material { get; private set; }
    public RimDiameter RimDiameter { get; private set; }
    public CupVolume Volume { get; private set; }
    public List<SuctionMethodKind> SupportedMethods { get; private set; }

    /// <summary>Where the dimensions come from, with the SCIENCE.md grade.</summary>
    public string Source { get; private set; }

    public bool Supports(SuctionMethodKind method) => SupportedMethods.Contains(method);
}
