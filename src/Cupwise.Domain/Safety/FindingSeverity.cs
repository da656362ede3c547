namespace Cupwise.Domain.Safety;

/// <summary>How serious a screening finding is.</summary>
public enum FindingSeverity
{
    Info,
    Caution,
    Override,
    Block,
}
