using Cupwise.Accounts;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Marks;
using Cupwise.Domain.Outcomes;
using Cupwise.Domain.Plans;
using Cupwise.Domain.Scheduling;
using Cupwise.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Cupwise.Audit;

/// <summary>
/// Records every saved change to client data, whatever made it — an API call, a form, or an interactive page
/// whose clicks are not HTTP requests — in the same transaction as the change: its entries are staged into the
/// audit outbox as part of the save, so a crash can lose the answer but never the entry of a committed change.
/// </summary>
public sealed class AuditInterceptor(AuditLog log, CurrentUser user, TimeProvider clock) : SaveChangesInterceptor
{
    /// <summary>The outbox rows this save added: taken back out if the save fails, so a retried save stages them once.</summary>
    private List<Data.Accounts.AuditOutboxEntry> _staged = [];

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await AddCareAsync(eventData.Context, cancellationToken);
        Stage(eventData.Context);
        return await base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddCareAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        Stage(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    /// <summary>
    /// A practitioner who adds a client, charts a session or books an appointment has that client in their care
    /// from then on: recorded in the same save, so that a practice that lets practitioners see only their own
    /// clients keeps showing them theirs.
    /// </summary>
    private async Task AddCareAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not Data.CupwiseDbContext db || !user.Is(Data.Accounts.UserRole.Practitioner))
        {
            return;
        }
        var clients = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity switch
        {
            Client c => (Guid?)c.Id,
            TreatmentSession s => s.ClientId,
            Appointment a => a.ClientId,
            _ => null,
        }).OfType<Guid>().Distinct().ToList();
        foreach (var clientId in clients)
        {
            if (db.ChangeTracker.Entries<Data.Accounts.AccessGrant>().Any(g => g.Entity.ClientId == clientId && g.Entity.UserId == user.UserId)
                || await db.AccessGrants.IgnoreQueryFilters().AnyAsync(g => g.ClientId == clientId && g.UserId == user.UserId && g.Kind == Data.Accounts.AccessGrant.Care, cancellationToken))
            {
                continue;
            }
            db.AccessGrants.Add(new Data.Accounts.AccessGrant
            {
                Id = Guid.NewGuid(), PracticeId = user.PracticeId, ClientId = clientId, UserId = user.UserId,
                Kind = Data.Accounts.AccessGrant.Care, GrantedAt = clock.GetUtcNow(),
            });
        }
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Unstage(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Unstage(eventData.Context);
        return Task.CompletedTask;
    }

    private void Saved(DbContext? context)
    {
        if (context is not null && context.ChangeTracker.Entries<Data.Accounts.AuditOutboxEntry>().Any())
        {
            // Chained rows need not be tracked any longer; the writer reads them from the table.
            foreach (var entry in context.ChangeTracker.Entries<Data.Accounts.AuditOutboxEntry>().ToList())
            {
                entry.State = EntityState.Detached;
            }
            log.Nudge();
        }
        _staged = [];
    }

    private void Unstage(DbContext? context)
    {
        foreach (var row in _staged)
        {
            if (context?.Entry(row) is { State: EntityState.Added } entry)
            {
                entry.State = EntityState.Detached;
            }
        }
        _staged = [];
    }

    private void Stage(DbContext? context)
    {
        if (context is not Data.CupwiseDbContext db || !user.IsSignedIn)
        {
            return;
        }
        var pending = new List<AuditRecord>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            var change = entry.State switch
            {
                EntityState.Added => "create",
                EntityState.Modified => "update",
                EntityState.Deleted => "delete",
                _ => null,
            };
            if (change is null)
            {
                continue;
            }
            var (client, kind, resource, id) = entry.Entity switch
            {
                Client c => ((Guid?)c.Id, (string?)null, (Guid?)null, c.Id),
                ClientRevision r => (r.ClientId, null, null, r.ClientId),
                TreatmentSession s => (s.ClientId, null, null, s.Id),
                CupApplication a => (null, "session", a.SessionId, a.Id),
                SessionAmendment a => (null, "session", a.SessionId, a.Id),
                OutcomeMeasurement o => (o.ClientId, null, null, o.Id),
                MarkFollowUp f => (f.ClientId, null, null, f.Id),
                MarkPhoto p => (p.ClientId, null, null, p.Id),
                AdverseEvent e => (e.ClientId, null, null, e.Id),
                TreatmentPlan p => (p.ClientId, null, null, p.Id),
                Appointment a => (a.ClientId, null, null, a.Id),
                _ => (null, null, null, Guid.Empty),
            };
            if (id == Guid.Empty)
            {
                continue;
            }
            // A cup by its number, and a change by the fields it changed, so that the log page can say "changed cup 3's
            // mark grade" (AuditWords).
            var number = entry.Entity is CupApplication cup ? $" #{cup.Number}" : "";
            var fields = entry.State == EntityState.Modified
                ? string.Join(",", entry.Properties.Where(p => p.IsModified && !p.Metadata.IsConcurrencyToken && p.Metadata.Name is not "Version")
                    .Select(p => p.Metadata.Name).Where(n => n.All(char.IsAsciiLetter)).Take(8))
                : "";
            pending.Add(new AuditRecord(default, user.UserId, AuditMiddleware.Actor(user), user.PracticeId, client, change,
                $"{entry.Metadata.ClrType.Name} {id}{number}{(fields.Length > 0 ? " " + fields : "")}", "ok", kind, resource));
        }
        // One entry per client and kind of change in a save: "create TreatmentSession 6f… + 8 CupApplication", not
        // one per cup, so that a session with many cups costs the log one line.
        foreach (var group in pending.GroupBy(r => (r.ClientId, r.ResourceKind, r.ResourceId, r.Action)))
        {
            var first = group.First();
            var more = group.Skip(1).GroupBy(r => r.What[..r.What.IndexOf(' ')]).Select(g => $"{g.Count()} {g.Key}");
            var what = string.Join(" + ", more.Prepend(first.What));
            _staged.Add(log.Stage(db, first.UserId, first.Actor, first.PracticeId, first.ClientId, first.Action, what, first.ResourceKind, first.ResourceId));
        }
    }
}
