namespace Cupwise.Data.Accounts;

/// <summary>
/// An audit entry written in the same transaction as the change it records, waiting to be chained: a crash after
/// the commit may lose the answer to the caller, never the entry. The audit writer moves these rows, in order, into
/// <see cref="AuditEntry"/> and deletes them in one transaction; <c>audit verify</c> counts the ones still waiting.
/// </summary>
public sealed class AuditOutboxEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public Guid? UserId { get; set; }
    public string Actor { get; set; } = string.Empty;
    public Guid? PracticeId { get; set; }
    public Guid? ClientId { get; set; }
    public string Action { get; set; } = string.Empty;
    public string What { get; set; } = string.Empty;
    public string Outcome { get; set; } = string.Empty;

    /// <summary>"session", "plan", "photo" or "appointment" when the entry names a record rather than its client.</summary>
    public string? ResourceKind { get; set; }
    public Guid? ResourceId { get; set; }
}
