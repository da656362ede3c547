using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Cupwise.Data.Accounts;

/// <summary>
/// One line of the audit log: who did what to which client's data, when, and how it ended. Append-only; each
/// entry carries the SHA-256 of its own fields and of the entry before it, so an edited or removed row breaks the
/// chain at that point (<see cref="AuditChain.Verify"/>).
/// </summary>
public sealed class AuditEntry
{
    /// <summary>The hash the first entry chains to.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }

    /// <summary>The login's e-mail, "token:NAME" for an API token, or "cupwise" for the command line.</summary>
    public string Actor { get; set; } = string.Empty;
    public Guid? PracticeId { get; set; }
    public Guid? ClientId { get; set; }

    /// <summary>read, create, update, sign-in, sign-in-failed, sign-out, grant, …</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The route (never its query string) or the record, e.g. "GET /api/v1/clients/{id}" or "Session 6f…".</summary>
    public string What { get; set; } = string.Empty;

    /// <summary>The HTTP status, or "ok" / "refused".</summary>
    public string Outcome { get; set; } = string.Empty;
    public string PreviousHash { get; set; } = Genesis;
    public string Hash { get; set; } = string.Empty;

    public string ComputeHash()
    {
        // Milliseconds: both databases keep them exactly (PostgreSQL keeps microseconds, .NET ticks are finer).
        var text = string.Join('\u001f',
            Sequence.ToString(CultureInfo.InvariantCulture),
            At.ToUniversalTime().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            UserId?.ToString("N") ?? "",
            Actor,
            PracticeId?.ToString("N") ?? "",
            ClientId?.ToString("N") ?? "",
            Action,
            What,
            Outcome,
            PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>Checks an audit chain in order of sequence.</summary>
public static class AuditChain
{
    public sealed record Break(long Sequence, string Problem);

    /// <summary>What a check of the whole log found: the first break (null if none), how many entries, the last hash.</summary>
    public sealed record Result(Break? Break, long Count, string? LastHash);

    /// <summary>The first place the chain is broken, or null if every entry is intact and none is missing.</summary>
    /// <param name="entries">The whole log in ascending sequence.</param>
    public static Break? Verify(IEnumerable<AuditEntry> entries)
    {
        var checker = new Checker();
        foreach (var entry in entries)
        {
            if (checker.Next(entry) is { } broken)
            {
                return broken;
            }
        }
        return null;
    }

    /// <summary>Checks the log as it streams from the database, one entry in memory at a time.</summary>
    /// <param name="entries">The whole log in ascending sequence.</param>
    public static async Task<Result> VerifyAsync(IAsyncEnumerable<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        var checker = new Checker();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (checker.Next(entry) is { } broken)
            {
                return new Result(broken, checker.Count, checker.LastHash);
            }
        }
        return new Result(null, checker.Count, checker.LastHash);
    }

    private sealed class Checker
    {
        private string _previousHash = AuditEntry.Genesis;

        public long Count { get; private set; }
        public string? LastHash { get; private set; }

        public Break? Next(AuditEntry entry)
        {
            var expected = Count + 1;
            if (entry.Sequence != expected)
            {
                return new Break(expected, $"entry {expected} is missing (the next one is {entry.Sequence})");
            }
            if (entry.PreviousHash != _previousHash)
            {
                return new Break(entry.Sequence, $"entry {entry.Sequence} does not follow the entry before it (an entry was removed or edited)");
            }
            if (entry.ComputeHash() != entry.Hash)
            {
                return new Break(entry.Sequence, $"entry {entry.Sequence} was changed after it was written");
            }
            _previousHash = entry.Hash;
            LastHash = entry.Hash;
            Count = expected;
            return null;
        }
    }
}
