using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Catalogue;

public sealed record CupResponse(string Id, string Label, CupMaterial Material, double RimDiameterMm, double VolumeMl,
    IReadOnlyList<SuctionMethodKind> SupportedMethods, string Source);

public sealed record SiteResponse(string Id, string Name, MapView View, SideHandling Sides, string? SnomedCode, string? SnomedDisplay,
    IReadOnlyList<string> Flags, double CentreX, double CentreY, string DefaultCupId);

public static class CatalogueApi
{
    public static void MapCatalogue(this IEndpointRouteBuilder api)
    {
        api.MapGet("/cups", ListCups).WithName(nameof(ListCups)).WithTags("Catalogue")
            .WithSummary("The cup catalogue: material, inner rim diameter (mm), volume (mL), suction methods, source of the dimensions.");
        api.MapGet("/sites", ListSites).WithName(nameof(ListSites)).WithTags("Catalogue")
            .WithSummary("The body and face map regions, with view, side handling, SNOMED CT code and safety flags.");
    }

    public static async Task<Ok<List<CupResponse>>> ListCups(CupwiseDbContext db, CancellationToken cancellationToken)
    {
        var cups = await db.Cups.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(cups.Select(ToResponse).ToList());
    }

    public static async Task<Ok<List<SiteResponse>>> ListSites(CupwiseDbContext db, CancellationToken cancellationToken)
    {
        var sites = await db.BodySites.AsNoTracking().OrderBy(s => s.View).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(sites.Select(ToResponse).ToList());
    }

    public static CupResponse ToResponse(Cup c) =>
        new(c.Id, c.Label, c.Material, c.RimDiameter.Millimetres, c.Volume.Millilitres, c.SupportedMethods, c.Source);

    public static SiteResponse ToResponse(BodySite s) =>
        new(s.Id, s.Name, s.View, s.Sides, s.SnomedCode, s.SnomedDisplay,
            [.. Enum.GetValues<SiteFlags>().Where(f => f != SiteFlags.None && s.Has(f)).Select(f => ApiJson.Name(f))],
            s.ClientRightX, s.CentreY, s.DefaultCupId);
}
