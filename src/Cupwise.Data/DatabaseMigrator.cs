using Cupwise.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Data;

/// <summary>Applies the provider's migrations and brings the standard catalogue up to date.</summary>
public static class DatabaseMigrator
{
    /// <returns>The names of the migrations applied now (empty when the database was current).</returns>
    public static async Task<IReadOnlyList<string>> MigrateAsync(DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        await using var db = settings.CreateContext(new PracticeScope());
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            // Persistent for the file: readers never block the writer.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }
        if (pending.Count > 0)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        await SyncCatalogueAsync(db, cancellationToken);
        return pending;
    }

    /// <summary>Inserts cups and sites that are missing and updates the ones the shipped files changed.</summary>
    private static async Task SyncCatalogueAsync(CupwiseDbContext db, CancellationToken cancellationToken)
    {
        var cups = await db.Cups.IgnoreQueryFilters().Where(c => c.PracticeId == null).ToDictionaryAsync(c => c.Id, cancellationToken);
        foreach (var cup in StandardCatalogue.Cups)
        {
            if (cups.TryGetValue(cup.Id, out var stored))
            {
                db.Entry(stored).CurrentValues.SetValues(cup);
                db.Entry(stored).Property(c => c.SupportedMethods).CurrentValue = [.. cup.SupportedMethods];
            }
            else
            {
                db.Cups.Add(Copy(cup));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        var sites = await db.BodySites.ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var site in StandardCatalogue.Sites)
        {
            if (sites.TryGetValue(site.Id, out var stored))
            {
                db.Entry(stored).CurrentValues.SetValues(site);
            }
            else
            {
                db.BodySites.Add(Copy(site));
            }
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    // The standard catalogue's objects are shared and immutable; the context tracks copies.
    private static Cup Copy(Cup c) => new(c.Id, c.Label, c.Material, c.RimDiameter, c.Volume, [.. c.SupportedMethods], c.Source);

    private static BodySite Copy(BodySite s) => new(s.Id, s.Name, s.View, s.Sides, s.SnomedCode, s.SnomedDisplay, s.Flags, s.ClientRightX, s.CentreY, s.DefaultCupId, s.Tissue);
}
