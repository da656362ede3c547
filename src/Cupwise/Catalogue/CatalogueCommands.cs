using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Quantities;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Catalogue;

/// <summary>The practice's own cups, added beside the shipped catalogue.</summary>
public sealed class CatalogueCommands(CupwiseDbContext db, PracticeScope scope)
{
    public async Task<CommandResult<Cup>> AddPracticeCupAsync(NewCupRequest request, CancellationToken cancellationToken = default)
    {
        var v = new RequestValidator();
        var material = v.Parse<CupMaterial>("material", request.Material);
        var rim = request.RimDiameterMm is { } mm ? v.TryValue("", () => RimDiameter.FromMillimetres(mm)) : null;
        var volume = request.VolumeMl is { } ml ? v.TryValue("", () => CupVolume.FromMillilitres(ml)) : null;
        if (request.RimDiameterMm is null)
        {
            v.Add("rimDiameterMm", $"is required: the inner rim diameter, {RimDiameter.MinimumMillimetres} to {RimDiameter.MaximumMillimetres} mm.");
        }
        if (request.VolumeMl is null)
        {
            v.Add("volumeMl", $"is required: the internal volume, {CupVolume.MinimumMillilitres} to {CupVolume.MaximumMillilitres} mL.");
        }
        var methods = new List<SuctionMethodKind>();
        var requested = request.SupportedMethods ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            if (v.Parse<SuctionMethodKind>($"supportedMethods[{i}]", requested[i]) is { } method)
            {
                methods.Add(method);
            }
        }
        if (!v.IsValid || material is null || rim is null || volume is null)
        {
            return CommandResult<Cup>.Invalid(v);
        }
        var cup = v.Try("", () => new Cup($"cup-{Guid.NewGuid():N}", request.Label ?? string.Empty, material.Value, rim.Value, volume.Value,
            methods, string.IsNullOrWhiteSpace(request.Source) ? "Added by the practice" : request.Source, scope.PracticeId));
        if (cup is null)
        {
            return CommandResult<Cup>.Invalid(v);
        }
        db.Cups.Add(cup);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<Cup>.Done(cup);
    }
}
