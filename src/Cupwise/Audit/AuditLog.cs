using System.Threading.Channels;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Audit;

/// <summary>What is to be written to the audit log. A record about a session, plan, photo or appointment names it
/// as a resource; the writer finds the client it belongs to.</summary>
public sealed record AuditRecord(DateTimeOffset At, Guid? UserId, string Actor, Guid? PracticeId, Guid? ClientId,
    string Action, string What, string Outcome, string? ResourceKind = null, Guid? ResourceId = null);

/// <summary>
/// The audit log's front door. Requests and saves hand their records over here and go on; one writer appends them
/// in order, chaining each to the one before (<see cref="AuditWriter"/>), so auditing costs a request almost nothing.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<object> Reader => _queue.Reader;

    public void Record(Guid? userId, string actor, Guid? practiceId, Guid? clientId, string action, string what, string outcome,
        string? resourceKind = null, Guid? resourceId = null) =>
        _queue.Writer.TryWrite(new AuditRecord(clock.GetUtcNow(), userId, actor, practiceId, clientId, action, what, outcome, resourceKind, resourceId));

    /// <summary>Completes once everything recorded before the call is in the database.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite(done) ? done.Task : Task.CompletedTask;
    }

    internal void Complete() => _queue.Writer.TryComplete();
}

/// <summary>
/// Appends queued records to <c>audit_entries</c> in batches. Each batch reads the last entry and chains on from it
/// inside one transaction that holds the database's write lock (SQLite's immediate transaction; on PostgreSQL an
/// advisory lock), so several servers on one database still make one unbroken chain.
/// </summary>
public sealed class AuditWriter(AuditLog log, DatabaseSettings database, ILogger<AuditWriter> logger) : BackgroundService
{
    private const long PostgresLockKey = 0x43757077697365; // "Cupwise"

    /// <summary>How long the writer waits after the first queued entry, gathering others into the same transaction.</summary>
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Let the writer drain what is queued before the process ends.
        log.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<AuditRecord>();
        var waiting = new List<TaskCompletionSource>();
        while (await log.Reader.WaitToReadAsync(CancellationToken.None))
        {
            // Gather for a moment: one durable transaction per batch, not per request, so the log does not queue
            // for SQLite's single write lock in front of every clinical save.
            await Task.Delay(Coalesce, CancellationToken.None);
            while (batch.Count < 500 && log.Reader.TryRead(out var item))
            {
                if (item is AuditRecord record)
                {
                    batch.Add(record);
                }
                else if (item is TaskCompletionSource flush)
                {
                    waiting.Add(flush);
                }
            }
            if (batch.Count > 0)
            {
                try
                {
                    await AppendAsync(batch);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "{Count} audit entries could not be written.", batch.Count);
                }
                batch.Clear();
            }
            foreach (var flush in waiting)
            {
                flush.TrySetResult();
            }
            waiting.Clear();
        }
    }

    private Task AppendAsync(List<AuditRecord> batch) => AppendAsync(database, batch);

    /// <summary>Appends records to the chain now (the command line, which has no background writer).</summary>
    public static async Task AppendAsync(DatabaseSettings database, List<AuditRecord> batch)
    {
        await using var db = database.CreateContext(new PracticeScope());
        await ResolveClientsAsync(db, batch);
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})");
        }
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync();
        var sequence = last?.Sequence ?? 0;
        var previous = last?.Hash ?? AuditEntry.Genesis;
        foreach (var record in batch)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence,
                At = DateTimeOffset.FromUnixTimeMilliseconds(record.At.ToUnixTimeMilliseconds()),
                UserId = record.UserId,
                Actor = Clip(record.Actor, 256),
                PracticeId = record.PracticeId,
                ClientId = record.ClientId,
                Action = Clip(record.Action, 32),
                What = Clip(record.What, 300),
                Outcome = Clip(record.Outcome, 32),
                PreviousHash = previous,
            };
            entry.Hash = entry.ComputeHash();
            previous = entry.Hash;
            db.AuditEntries.Add(entry);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Finds the client of each record that names a session, plan, photo or appointment (each one looked up once per batch).</summary>
    private static async Task ResolveClientsAsync(CupwiseDbContext db, List<AuditRecord> batch)
    {
        var found = new Dictionary<(string Kind, Guid Id, Guid? Practice), Guid?>();
        for (var i = 0; i < batch.Count; i++)
        {
            var record = batch[i];
            if (record.ClientId is not null || record.ResourceId is not { } id || record.ResourceKind is not { } kind)
            {
                continue;
            }
            if (!found.TryGetValue((kind, id, record.PracticeId), out var client))
            {
                client = kind switch
                {
                    "session" => await db.Sessions.IgnoreQueryFilters().Where(s => s.Id == id && s.PracticeId == record.PracticeId).Select(s => (Guid?)s.ClientId).FirstOrDefaultAsync(),
                    "plan" => await db.Plans.IgnoreQueryFilters().Where(p => p.Id == id && p.PracticeId == record.PracticeId).Select(p => (Guid?)p.ClientId).FirstOrDefaultAsync(),
                    "photo" => await db.MarkPhotos.IgnoreQueryFilters().Where(p => p.Id == id && p.PracticeId == record.PracticeId).Select(p => (Guid?)p.ClientId).FirstOrDefaultAsync(),
                    "appointment" => await db.Appointments.IgnoreQueryFilters().Where(a => a.Id == id && a.PracticeId == record.PracticeId).Select(a => (Guid?)a.ClientId).FirstOrDefaultAsync(),
                    _ => null,
                };
                // Only a record of the caller's own practice names a client: an id guessed from another practice names no one.
                found[(kind, id, record.PracticeId)] = client;
            }
            if (client is not null)
            {
                batch[i] = record with { ClientId = client };
            }
        }
    }

    private static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
