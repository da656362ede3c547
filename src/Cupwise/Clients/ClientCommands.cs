using Cupwise.Accounts;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain.Clients;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Clients;

/// <summary>
/// Creates and updates clients for the API and the web app alike: one set of checks, one transaction. An update
/// keeps the previous state as a revision, with who replaced it (the signed-in login) and when.
/// </summary>
public sealed class ClientCommands(CupwiseDbContext db, PracticeScope scope, CurrentUser user, TimeProvider clock)
{
    public async Task<CommandResult<Client>> CreateAsync(ClientRequest request, CancellationToken cancellationToken = default)
    {
        var v = new RequestValidator();
        if (user.Is(Data.Accounts.UserRole.FrontDesk) && HoldsHealthHistory(request.HealthHistory))
        {
            // The front desk sees no health records, so it writes none either: a practitioner takes the history.
            v.Add("healthHistory", "is not for the front desk: add the client's name, birth date and contact details, and a practitioner records the health history.");
            return CommandResult<Client>.Invalid(v);
        }
        var details = request.ToDetails(v);
        var client = v.Try("", () => Client.Create(Guid.NewGuid(), scope.PracticeId, details, clock));
        if (client is null || !v.IsValid)
        {
            return CommandResult<Client>.Invalid(v);
        }
        db.Clients.Add(client);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<Client>.Done(client);
    }

    private static bool HoldsHealthHistory(HealthHistoryDto? history) =>
        history is not null && (history.Conditions is { Count: > 0 } || history.Medications is { Count: > 0 } || history.Pregnancy is not null
            || history.SkinFindings is { Count: > 0 } || history.Allergies is { Count: > 0 } || !string.IsNullOrWhiteSpace(history.Notes));

    public Task<CommandResult<Client>> UpdateAsync(Guid clientId, ClientRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(clientId, request, keepHistory: false, cancellationToken);

    /// <summary>The front desk's change: name, birth date, sex and contact details; the health history stays as it is.</summary>
    public Task<CommandResult<Client>> UpdateContactAsync(Guid clientId, ClientContactRequest request, CancellationToken cancellationToken = default) =>
        UpdateAsync(clientId, new ClientRequest(request.FamilyName, request.GivenName, request.DateOfBirth, request.Sex, request.Email, request.Phone, null, request.Version),
            keepHistory: true, cancellationToken);

    private async Task<CommandResult<Client>> UpdateAsync(Guid clientId, ClientRequest request, bool keepHistory, CancellationToken cancellationToken)
    {
        var client = await db.Clients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null)
        {
            return CommandResult<Client>.NotFound();
        }
        var v = new RequestValidator();
        if (request.Version is null)
        {
            v.Add("version", "is required: send the version you read, so that a concurrent change is not lost.");
        }
        var details = request.ToDetails(v);
        if (keepHistory)
        {
            // The front desk changes identity and contact only: the health history stays as it is.
            details = details with { HealthHistory = client.HealthHistory };
        }
        // Check the whole record on a throwaway client first, so that every problem is listed together.
        v.Try("", () => Client.Create(client.Id, client.PracticeId, details, clock));
        if (!v.IsValid)
        {
            return CommandResult<Client>.Invalid(v);
        }
        if (request.Version != client.Version)
        {
            return CommandResult<Client>.Stale(client.Version);
        }
        // Tell EF which version we read, so a change that lands between our read and our write is caught.
        db.Entry(client).Property(c => c.Version).OriginalValue = request.Version!.Value;
        db.ClientRevisions.Add(client.Update(details, clock, user.Actor));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Either the version check failed, or a concurrent writer already stored the revision of the
            // version we read (client_revisions is unique per client and version): both mean someone else won.
            return CommandResult<Client>.Stale();
        }
        return CommandResult<Client>.Done(client);
    }
}
