namespace Cupwise.Domain.Sessions;

/// <summary>
/// A session's life: draft → in progress → completed; a draft that is not needed is discarded, and a record made
/// by mistake is entered in error — both kept, flagged, instead of deleted.
/// </summary>
public enum SessionStatus
{
    Draft,
    InProgress,
    Completed,
    EnteredInError,
    Discarded,
}

/// <summary>How the cup is used (DESIGN.md §1).</summary>
public enum Technique
{
    /// <summary>Left in place, typically about 10 minutes.</summary>
    Stationary,
    /// <summary>Glided over oiled skin (includes facial gliding).</summary>
    Moving,
    /// <summary>Applied and removed repeatedly.</summary>
    Flash,
    /// <summary>Wet cupping (hijama): small incisions and drawn blood.</summary>
    Wet,
    /// <summary>A cup placed over an inserted acupuncture needle.</summary>
    NeedleCup,
}

/// <summary>Whether a recorded pressure was estimated (by a model or by practice lore) or read off a gauge.</summary>
public enum PressureSource
{
    Estimated,
    Measured,
}

/// <summary>What the client reported feeling under the cup.</summary>
public enum Sensation
{
    Comfortable,
    Pulling,
    Strong,
    Painful,
    /// <summary>Dizzy, sweaty or faint: a sign of a vasovagal reaction (SCIENCE.md §5).</summary>
    Faint,
}

public enum AdjunctKind
{
    Acupuncture,
    Massage,
    FacialProduct,
    GuaSha,
    Moxibustion,
    Stretching,
    Other,
}
