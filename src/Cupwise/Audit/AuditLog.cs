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
/// The audit log's front door. A change to the record is staged into the same save as the change
/// (<see cref="Stage"/>, the outbox), so that the entry commits with it or not at all; a read, a sign-in or a request
/// line is handed over here and the caller goes on. One writer chains both, in order, each entry to the one before
/// (<see cref="AuditWriter"/>), so auditing costs a request almost nothing.
/// </summary>
public sealed class AuditLog(TimeProvider clock)
{
    /// <summary>Tells the writer that the outbox has rows to chain.</summary>
    private static readonly object OutboxWaiting = new();

    private readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<object> Reader => _queue.Reader;

    public void Record(Guid? userId, string actor, Guid? practiceId, Guid? clientId, string action, string what, string outcome,
        string? resourceKind = null, Guid? resourceId = null) =>
        _queue.Writer.TryWrite(new AuditRecord(clock.GetUtcNow(), userId, actor, practiceId, clientId, action, what, outcome, resourceKind, resourceId));

    /// <summary>
    /// Adds the entry to <paramref name="db"/>'s next save, in its transaction. Call <see cref="Nudge"/> once the save
    /// has succeeded (the interceptor does for every save) so that the writer chains it soon; a crash in between loses
    /// nothing, because the writer also reads the outbox when it starts.
    /// </summary>
    public AuditOutboxEntry Stage(CupwiseDbContext db, Guid? userId, string actor, Guid? practiceId, Guid? clientId, string action, string what,
        string? resourceKind = null, Guid? resourceId = null)
    {
        var entry = new AuditOutboxEntry
        {
            At = clock.GetUtcNow(), UserId = userId, Actor = AuditWriter.Clip(actor, 256), PracticeId = practiceId, ClientId = clientId,
            Action = AuditWriter.Clip(action, 32), What = AuditWriter.Clip(what, 300), Outcome = "ok",
            ResourceKind = resourceKind, ResourceId = resourceId,
        };
        db.AuditOutbox.Add(entry);
        return entry;
    }

    /// <summary>The outbox has rows: the writer chains them with its next batch.</summary>
    public void Nudge() => _queue.Writer.TryWrite(OutboxWaiting);

    /// <summary>Completes once everything recorded or committed to the outbox before the call is in the chain.</summary>
    public Task FlushAsync()
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        return _queue.Writer.TryWrite(done) ? done.Task : Task.CompletedTask;
    }

    internal void Complete() => _queue.Writer.TryComplete();
}

/// <summary>
/// Appends the outbox's rows and the queued records to <c>audit_entries</c> in batches. Each batch reads the last
/// entry and chains on from it inside one transaction that holds the database's write lock (SQLite's immediate
/// transaction; on PostgreSQL an advisory lock), and deletes the outbox rows it chained in that transaction, so
/// several servers on one database still make one unbroken chain and no row is chained twice or skipped.
/// </summary>
public sealed class AuditWriter(AuditLog log, DatabaseSettings database, ILogger<AuditWriter> logger) : BackgroundService
{
    private const long PostgresLockKey = 0x43757077697365; // "Cupwise"

    /// <summary>How long the writer waits after the first queued entry, gathering others into the same transaction.</summary>
    private static readonly TimeSpan Coalesce = TimeSpan.FromMilliseconds(50);

    /// <summary>How often the writer looks at the outbox unasked: rows a server committed just before it stopped, on a database shared by several.</summary>
    private static readonly TimeSpan OutboxPoll = TimeSpan.FromSeconds(30);

    /// <summary>Outbox rows chained per transaction.</summary>
    private const int OutboxBatch = 1000;

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // Let the writer drain what is queued before the process ends.
        log.Complete();
        await base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // What a crash left in the outbox is chained first.
        log.Nudge();
        _ = PollOutboxAsync(stoppingToken);
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
            try
            {
                await AppendAsync(batch);
            }
            catch (Exception e)
            {
                // The outbox's rows stay where they are, for the next batch; queued records are lost and said so.
                logger.LogError(e, "{Count} audit entries could not be written.", batch.Count);
            }
            batch.Clear();
            foreach (var flush in waiting)
            {
                flush.TrySetResult();
            }
            waiting.Clear();
        }
    }

    private async Task PollOutboxAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(OutboxPoll);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                log.Nudge();
            }
        }
        catch (OperationCanceledException)
        {
            // The server is stopping.
        }
    }

    private Task AppendAsync(List<AuditRecord> batch) => AppendAsync(database, batch);

    /// <summary>
    /// Chains what waits in the outbox and then <paramref name="batch"/>, now (the command line calls this directly, as
    /// it has no background writer). Returns how many outbox rows were chained.
    /// </summary>
    public static async Task<int> AppendAsync(DatabaseSettings database, List<AuditRecord> batch)
    {
        var chained = 0;
        while (true)
        {
            var (fromOutbox, more) = await AppendOnceAsync(database, batch);
            chained += fromOutbox;
            batch = [];
            if (!more)
            {
                return chained;
            }
        }
    }

    private static async Task<(int FromOutbox, bool More)> AppendOnceAsync(DatabaseSettings database, List<AuditRecord> batch)
    {
        await using var db = database.CreateContext(new PracticeScope());
        if (batch.Count == 0 && !await db.AuditOutbox.AnyAsync())
        {
            return (0, false);
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        if (database.Provider == DatabaseProvider.PostgreSql)
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({PostgresLockKey})");
        }
        // Inside the lock: another server may have chained these rows a moment ago.
        var staged = await db.AuditOutbox.AsNoTracking().OrderBy(o => o.Id).Take(OutboxBatch).ToListAsync();
        if (staged.Count == 0 && batch.Count == 0)
        {
            return (0, false);
        }
        batch = [.. staged.Select(o => new AuditRecord(o.At, o.UserId, o.Actor, o.PracticeId, o.ClientId, o.Action, o.What, o.Outcome, o.ResourceKind, o.ResourceId)), .. batch];
        await ResolveClientsAsync(db, batch);
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
        if (staged.Count > 0)
        {
            // By id, not by range: on PostgreSQL a row with a lower id can commit after one with a higher id was read.
            var ids = staged.Select(o => o.Id).ToList();
            await db.AuditOutbox.Where(o => ids.Contains(o.Id)).ExecuteDeleteAsync();
        }
        await transaction.CommitAsync();
        return (staged.Count, staged.Count == OutboxBatch);
    }

    /// <summary>How many outbox rows wait to be chained, and since when: the gap between the chain's end and what has been committed.</summary>
    public static async Task<(int Count, DateTimeOffset? Oldest)> OutboxAsync(CupwiseDbContext db, CancellationToken cancellationToken = default)
    {
        var count = await db.AuditOutbox.CountAsync(cancellationToken);
        var oldest = count == 0 ? null : (DateTimeOffset?)await db.AuditOutbox.OrderBy(o => o.Id).Select(o => o.At).FirstAsync(cancellationToken);
        return (count, oldest);
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

    internal static string Clip(string value, int max) => value.Length <= max ? value : value[..max];
}
