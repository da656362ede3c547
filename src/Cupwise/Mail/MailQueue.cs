using Cupwise.Data;
using Cupwise.Data.Mail;

namespace Cupwise.Mail;

/// <summary>
/// Where mail is queued: <see cref="Stage"/> adds it to the caller's save, so that the mail exists exactly when the
/// change that calls for it does; <see cref="Wake"/> after that save tells the sender not to wait for its next round.
/// </summary>
public sealed class MailQueue(TimeProvider clock)
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public OutgoingMail Stage(CupwiseDbContext db, Guid practiceId, MailKind kind, string to, string subject, string body, string? key = null)
    {
        var now = clock.GetUtcNow();
        var mail = new OutgoingMail
        {
            Id = Guid.NewGuid(),
            PracticeId = practiceId,
            Kind = kind,
            ToAddress = to,
            Subject = subject.Length <= 200 ? subject : subject[..200],
            Body = body.Length <= 8000 ? body : body[..8000],
            Key = key,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutgoingMail.Add(mail);
        return mail;
    }

    public void Wake()
    {
        lock (_signal)
        {
            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
        }
    }

    /// <summary>Waits for <see cref="Wake"/> or <paramref name="interval"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        try
        {
            await _signal.WaitAsync(interval, cancellationToken);
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <summary>How often the sender looks for due mail when nobody wakes it.</summary>
public sealed record MailSenderOptions(TimeSpan Interval)
{
    public static readonly MailSenderOptions Default = new(TimeSpan.FromSeconds(15));
}
