namespace Cupwise.Data.Mail;

/// <summary>What a mail is for; each kind has its own words in the mail page.</summary>
public enum MailKind
{
    Invitation,
    Test,
    Reminder,
    Aftercare,
    Confirmation,
}

/// <summary>
/// A mail waiting to be sent, or sent: written in the same save as the change that calls for it, so that a crash
/// or restart can delay a mail but never lose it. The mail sender claims due rows, sends them through the practice's
/// SMTP server and records the outcome; a failure is retried later, a few times, and then left as not sent.
/// Mails carry no clinical detail: a name, a time, a link.
/// </summary>
public sealed class OutgoingMail
{
    public const int MaxAttempts = 8;

    public Guid Id { get; set; }
    public Guid PracticeId { get; set; }
    public MailKind Kind { get; set; }
    public string ToAddress { get; set; } = string.Empty;
    public string Subject { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;

    /// <summary>What the mail is about (an appointment, a login), so that the same reminder is never queued twice.</summary>
    public string? Key { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }

    /// <summary>A sender working on the row holds it until then; another server skips it.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>Set when the last attempt failed: the mail stays unsent.</summary>
    public DateTimeOffset? GaveUpAt { get; set; }

    public string? LastError { get; set; }
}
