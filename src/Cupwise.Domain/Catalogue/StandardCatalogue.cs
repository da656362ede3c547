using System.Text.Json;
using System.Text.Json.Serialization;
using Cupwise.Domain.Quantities;

namespace Cupwise.Domain.Catalogue;

/// <summary>
/// The cup and body-site catalogues that ship with Cupwise, read from the JSON files beside this class
/// (kept as data so that a practitioner can review them without reading code).
/// </summary>
public static class StandardCatalogue
{
    private static readonly Lazy<IReadOnlyList<Cup>> LazyCups = new(() => LoadCups());
    private static readonly Lazy<IReadOnlyList<BodySite>> LazySites = new(() => LoadSites());

    public static IReadOnlyList<Cup> Cups => LazyCups.Value;
    public static IReadOnlyList<BodySite> Sites => LazySites.Value;

    /// <summary>Enum names as they appear in files and the API: kebab-case (<c>fire-cotton-ball</c>).</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false) },
    };

    private static IReadOnlyList<Cup> LoadCups()
    {
        var file = Read<CupFile>("Cupwise.Domain.standard-cups.json");
        return [.. file.Cups.Select(c => new Cup(c.Id, c.Label, c.Material,
            RimDiameter.FromMillimetres(c.RimMm, $"{c.Id}.rimMm"), CupVolume.FromMillilitres(c.VolumeMl, $"{c.Id}.volumeMl"),
            c.Methods, c.Source))];
    }

    private static IReadOnlyList<BodySite> LoadSites()
    {
        var file = Read<SiteFile>("Cupwise.Domain.body-sites.json");
        var cupIds = Cups.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        return [.. file.Sites.Select(s =>
        {
            if (!cupIds.Contains(s.Cup))
            {
                throw new InvalidOperationException($"body-sites.json: site '{s.Id}' names unknown default cup '{s.Cup}'.");
            }
            var flags = s.Flags.Aggregate(SiteFlags.None, (all, f) => all | f);
            var site = new BodySite(s.Id, s.Name, s.View, s.Sides, s.Snomed, SnomedDisplay(s.Snomed), flags, s.X, s.Y, s.Cup, s.Tissue);
            site.CentreFor(s.Sides == SideHandling.Bilateral ? BodySide.Right : BodySide.None); // validates the point
            return site;
        })];
    }

    // SCIENCE.md §7: the SNOMED CT body-site concepts Cupwise uses.
    private static string? SnomedDisplay(string? code) => code switch
    {
        null => null,
        "45048000" => "Neck structure",
        "77568009" => "Structure of back of trunk",
        "264072009" => "Lower back surface",
        "16982005" => "Shoulder region structure",
        "302549007" => "Face structure",
        "69536005" => "Head structure",
        _ => throw new InvalidOperationException($"body-sites.json: SNOMED CT code {code} is not one SCIENCE.md §7 gives."),
    };

    private static T Read<T>(string resource)
    {
        using var stream = typeof(StandardCatalogue).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded catalogue {resource} is missing from the build.");
        return JsonSerializer.Deserialize<T>(stream, JsonOptions)
            ?? throw new InvalidOperationException($"Embedded catalogue {resource} is empty.");
    }

    private sealed record CupFile(int Version, List<CupEntry> Cups);

    private sealed record CupEntry(string Id, string Label, CupMaterial Material, double RimMm, double VolumeMl,
        List<SuctionMethodKind> Methods, string Source);

    private sealed record SiteFile(int Version, List<SiteEntry> Sites);

    private sealed record SiteEntry(string Id, string Name, MapView View, SideHandling Sides, string? Snomed,
        double X, double Y, List<SiteFlags> Flags, string Cup, Cupwise.Physics.TissueRegion Tissue);
}
