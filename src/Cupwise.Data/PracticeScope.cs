namespace Cupwise.Data;

/// <summary>
/// The practice a unit of work acts for, and for a client's own login the one client it may see. Every query of
/// client data is filtered by it; an unset scope (<see cref="Guid.Empty"/>) sees no client data at all, so a
/// missing scope fails closed.
/// </summary>
public sealed class PracticeScope
{
    public Guid PracticeId { get; private set; }

    /// <summary>Set for a client's own login: every client-data query then sees only this client's rows.</summary>
    public Guid? ClientId { get; private set; }

    public bool IsSet => PracticeId != Guid.Empty;

    /// <summary>Set for a practitioner who sees only their own clients: client data is filtered to that login's grants.</summary>
    public Guid? CareUserId { get; private set; }

    /// <summary>The time grants are checked against (break-glass grants end by themselves).</summary>
    public DateTimeOffset CareNow { get; private set; }

    /// <summary>Narrows the scope to the clients in <paramref name="userId"/>'s care or granted to them and not yet expired at <paramref name="now"/>.</summary>
    public void RestrictToCareOf(Guid userId, DateTimeOffset now)
    {
        if (CareUserId is { } current && current != userId)
        {
            throw new InvalidOperationException("The care restriction of a unit of work cannot change once set.");
        }
        CareUserId = userId;
        CareNow = now;
    }

    public void Set(Guid practiceId)
    {
        if (IsSet && PracticeId != practiceId)
        {
            throw new InvalidOperationException("The practice scope of a unit of work cannot change once set.");
        }
        PracticeId = practiceId;
    }

    /// <summary>Narrows the scope to one client's own record; it cannot be widened again.</summary>
    public void RestrictToClient(Guid clientId)
    {
        if (ClientId is { } current && current != clientId)
        {
            throw new InvalidOperationException("The client restriction of a unit of work cannot change once set.");
        }
        ClientId = clientId;
    }
}
