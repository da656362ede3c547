using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Clients;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Clients;

/// <summary>Creates and updates clients for the API and the web app alike: one set of checks, one transaction.</summary>
public static class ClientWriter
{
    public enum Outcome { Saved, Invalid, NotFound, Conflict }

    public static async Task<(Outcome Outcome, Client? Client, int? CurrentVersion)> CreateAsync(
        ClientRequest request, CupwiseDbContext db, Guid practiceId, TimeProvider clock, RequestValidator v, CancellationToken cancellationToken)
    {
        var details = request.ToDetails(v);
        var client = v.Try("", () => Client.Create(Guid.NewGuid(), practiceId, details, clock));
        if (client is null || !v.IsValid)
        {
            return (Outcome.Invalid, null, null);
        }
        db.Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return (Outcome.Saved, client, client.Version);
    }

    public static async Task<(Outcome Outcome, Client? Client, int? CurrentVersion)> UpdateAsync(
        Guid clientId, ClientRequest request, CupwiseDbContext db, TimeProvider clock, string? changedBy, RequestValidator v, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return (Outcome.NotFound, null, null);
        }
        if (request.Version is null)
        {
            v.Add("version", "is required: send the version you read, so that a concurrent change is not lost.");
        }
        var details = request.ToDetails(v);
        // Check the whole record on a throwaway client first, so that every problem is listed together.
        v.Try("", () => Client.Create(client.Id, client.PracticeId, details, clock));
        if (!v.IsValid)
        {
            return (Outcome.Invalid, client, client.Version);
        }
        if (request.Version != client.Version)
        {
            return (Outcome.Conflict, client, client.Version);
        }
        // Tell EF which version we read, so a change that lands between our read and our write is caught.
        db.Entry(client).Property(c => c.Version).OriginalValue = request.Version!.Value;
        db.ClientRevisions.Add(client.Update(details, clock, changedBy));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Either the version check failed, or a concurrent writer already stored the revision of the
            // version we read (client_revisions is unique per client and version): both mean someone else won.
            return (Outcome.Conflict, client, null);
        }
        return (Outcome.Saved, client, client.Version);
    }
}
