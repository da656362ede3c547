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
    IReadOnlyList<string> Flags, double CentreX, double CentreY, string DefaultCupId,
    [property: System.ComponentModel.Description("The tissue region whose stiffness the suction model uses here.")] Cupwise.Physics.TissueRegion Tissue);

/// <summary>A cup the practice owns that the standard catalogue lacks.</summary>
public sealed record NewCupRequest(
    [property: System.ComponentModel.Description("What practitioners call it, such as \"Glass cup no. 5\".")] string? Label,
    [property: System.ComponentModel.Description("glass, bamboo, ceramic, plastic-valve, silicone or electric.")] string? Material,
    [property: System.ComponentModel.Description("Inner rim diameter, 10 to 150 mm.")] double? RimDiameterMm,
    [property: System.ComponentModel.Description("Internal volume, 1 to 1000 mL.")] double? VolumeMl,
    [property: System.ComponentModel.Description("Methods it takes: fire-flash, fire-throw, fire-cotton-ball, alcohol-drop, pump, squeeze, electric.")] IReadOnlyList<string>? SupportedMethods,
    [property: System.ComponentModel.Description("Where the dimensions come from (measured, vendor…).")] string? Source);

public static class CatalogueApi
{
    public static void MapCatalogue(this IEndpointRouteBuilder api)
    {
        api.MapGet("/cups", ListCups).WithName(nameof(ListCups)).WithTags("Catalogue")
            .WithSummary("The cup catalogue: material, inner rim diameter (mm), volume (mL), suction methods, source of the dimensions.");
        api.MapPost("/cups", AddPracticeCup).WithName(nameof(AddPracticeCup)).WithTags("Catalogue")
            .WithSummary("Adds a cup of the practice's own to the catalogue.");
        api.MapGet("/sites", ListSites).WithName(nameof(ListSites)).WithTags("Catalogue")
            .WithSummary("The body and face map regions, with view, side handling, SNOMED CT code and safety flags.");
    }

    public static async Task<Results<Ok<List<CupResponse>>, ValidationProblem>> ListCups([AsParameters] PageQuery paging, CupwiseDbContext db, HttpContext http,
        CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var cups = Paging.Page(await db.Cups.AsNoTracking().OrderBy(c => c.Id).ToListAsync(cancellationToken), paging, http, v, Paging.MaximumPageSize);
        return cups is null ? ApiResults.Invalid(v) : TypedResults.Ok(cups.Select(ToResponse).ToList());
    }

    public static async Task<Results<Created<CupResponse>, ValidationProblem>> AddPracticeCup(
        NewCupRequest request, CatalogueCommands commands, CancellationToken cancellationToken)
    {
        var result = await commands.AddPracticeCupAsync(request, cancellationToken);
        return result.IsDone
            ? TypedResults.Created($"/api/v1/cups/{result.Value!.Id}", ToResponse(result.Value))
            : TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid.");
    }

    public static async Task<Results<Ok<List<SiteResponse>>, ValidationProblem>> ListSites([AsParameters] PageQuery paging, CupwiseDbContext db, HttpContext http,
        CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        var sites = Paging.Page(await db.BodySites.AsNoTracking().OrderBy(s => s.View).ThenBy(s => s.Id).ToListAsync(cancellationToken), paging, http, v, Paging.MaximumPageSize);
        return sites is null ? ApiResults.Invalid(v) : TypedResults.Ok(sites.Select(ToResponse).ToList());
    }

    public static CupResponse ToResponse(Cup c) =>
        new(c.Id, c.Label, c.Material, c.RimDiameter.Millimetres, c.Volume.Millilitres, c.SupportedMethods, c.Source);

    public static SiteResponse ToResponse(BodySite s) =>
        new(s.Id, s.Name, s.View, s.Sides, s.SnomedCode, s.SnomedDisplay,
            [.. Enum.GetValues<SiteFlags>().Where(f => f != SiteFlags.None && s.Has(f)).Select(f => ApiJson.Name(f))],
            s.ClientRightX, s.CentreY, s.DefaultCupId, s.Tissue);
}
