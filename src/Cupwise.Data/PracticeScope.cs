namespace Cupwise.Data;

/// <summary>
/// The practice a unit of work acts for. Every query of client data is filtered by it; an unset scope
/// (<see cref="Guid.Empty"/>) sees no client data at all, so a missing scope fails closed.
/// </summary>
public sealed class PracticeScope
{
    public Guid PracticeId { get; private set; }

    public bool IsSet => PracticeId != Guid.Empty;

    public void Set(Guid practiceId)
    {
        if (IsSet && PracticeId != practiceId)
        {
            throw new InvalidOperationException("The practice scope of a unit of work cannot change once set.");
        }
        PracticeId = practiceId;
    }
}
