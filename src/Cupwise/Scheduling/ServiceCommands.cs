using System.ComponentModel;
using System.Globalization;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain;
using Cupwise.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Scheduling;

public sealed record ServiceRequest(
    [property: Description("What the practice calls it, such as \"Cupping, back\"; at most 80 characters, unique among the services offered.")] string? Name,
    [property: Description("Length, 5 to 240 minutes.")] int? Minutes,
    [property: Description("Price in the practice's currency, such as 60.00; left out when the practice does not show prices.")] decimal? Price);

public sealed record ServiceResponse(string Id, string Name, int Minutes, decimal? Price, bool Retired, int Version)
{
    public static ServiceResponse Of(VisitService s) => new(s.Id.ToString(), s.Name, s.Minutes, s.PriceCents / 100m, s.Retired, s.Version);
}

/// <summary>The practice's services: offered (added), and retired when no longer offered. One write path for the API and Settings.</summary>
public sealed class ServiceCommands(CupwiseDbContext db, PracticeScope scope)
{
    /// <summary>How many services a practice may offer at once.</summary>
    public const int MaximumOffered = 50;

    public async Task<CommandResult<VisitService>> AddAsync(ServiceRequest request, CancellationToken cancellationToken = default)
    {
        var v = new RequestValidator();
        if (request.Minutes is null) { v.Add("minutes", $"is required: {VisitService.MinimumMinutes} to {Appointment.MaximumMinutes} minutes."); }
        int? cents = null;
        if (request.Price is { } price)
        {
            if (decimal.Round(price, 2) != price) { v.Add("price", "takes at most two decimals, such as 60.00."); }
            else if (price is >= 0 and <= VisitService.MaximumPriceCents / 100m) { cents = (int)(price * 100); }
            else { v.Add("price", $"must be from 0 to {(VisitService.MaximumPriceCents / 100).ToString("N0", CultureInfo.InvariantCulture)}, or left empty."); }
        }
        // Every field's problem at once: the name and the length are checked whatever the price.
        var service = v.Try("", () => VisitService.Create(scope.PracticeId, request.Name ?? string.Empty, request.Minutes ?? VisitService.MinimumMinutes, cents));
        if (service is null || !v.IsValid)
        {
            return CommandResult<VisitService>.Invalid(v);
        }
        var offered = await db.Services.Where(s => !s.Retired).Select(s => s.Name).ToListAsync(cancellationToken);
        if (offered.Any(n => string.Equals(n, service.Name, StringComparison.OrdinalIgnoreCase)))
        {
            v.Add("name", $"is already a service of this practice: choose another name, or retire \"{service.Name}\" first.");
            return CommandResult<VisitService>.Invalid(v);
        }
        if (offered.Count >= MaximumOffered)
        {
            return CommandResult<VisitService>.Refused($"A practice offers at most {MaximumOffered} services at once: retire one first.");
        }
        db.Services.Add(service);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<VisitService>.Done(service);
    }

    public async Task<CommandResult<VisitService>> RetireAsync(Guid serviceId, CancellationToken cancellationToken = default)
    {
        if (await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken) is not { } service)
        {
            return CommandResult<VisitService>.NotFound();
        }
        try
        {
            service.Retire();
        }
        catch (DomainStateException e)
        {
            return CommandResult<VisitService>.Refused(e.Message);
        }
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<VisitService>.Done(service);
    }

    /// <summary>The services offered now, by name.</summary>
    public Task<List<VisitService>> OfferedAsync(CancellationToken cancellationToken = default) =>
        db.Services.AsNoTracking().Where(s => !s.Retired).OrderBy(s => s.Name).ToListAsync(cancellationToken);
}
