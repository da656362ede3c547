namespace Cupwise.Domain;

/// <summary>
/// A value or a state change that the domain refuses. <see cref="Field"/> names the input
/// (in the API's camelCase spelling where the caller can map it) and the message says what is allowed.
/// </summary>
public sealed class DomainValidationException : Exception
{
    public DomainValidationException(string field, string message) : base(message)
    {
        Field = field;
        Errors = [new FieldError(field, message)];
    }

    private DomainValidationException(IReadOnlyList<FieldError> errors) : base(errors[0].Message)
    {
        Field = errors[0].Field;
        Errors = errors;
    }

    /// <summary>The first field refused.</summary>
    public string Field { get; }

    /// <summary>Every field refused, when a whole record was checked at once.</summary>
    public IReadOnlyList<FieldError> Errors { get; }

    internal static DomainValidationException Many(IReadOnlyList<FieldError> errors) => new(errors);
}

public sealed record FieldError(string Field, string Message);

/// <summary>Runs several checks and reports every refusal together.</summary>
internal sealed class Checks
{
    private readonly List<FieldError> _errors = [];

    public T Run<T>(Func<T> check, T fallback)
    {
        try
        {
            return check();
        }
        catch (DomainValidationException e)
        {
            _errors.AddRange(e.Errors);
            return fallback;
        }
    }

    public void Run(Action check) => Run(() => { check(); return true; }, false);

    public void Fail(string field, string message) => _errors.Add(new FieldError(field, message));

    public void ThrowIfAny()
    {
        if (_errors.Count > 0)
        {
            throw DomainValidationException.Many([.. _errors]);
        }
    }
}

/// <summary>A state change that the record's current state does not allow (for example editing a completed session).</summary>
public sealed class DomainStateException(string message) : Exception(message);

internal static class Guard
{
    public static double Finite(string field, double value)
    {
        if (!double.IsFinite(value))
        {
            throw new DomainValidationException(field, "must be a finite number.");
        }
        return value;
    }

    public static double InRange(string field, double value, double min, double max, string unit)
    {
        Finite(field, value);
        if (value < min || value > max)
        {
            throw new DomainValidationException(field, $"must be between {Format(min)} and {Format(max)} {unit}; got {Format(value)}.");
        }
        return value;
    }

    public static string Required(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainValidationException(field, "is required.");
        }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainValidationException(field, $"must be at most {maxLength} characters; got {trimmed.Length}.");
        }
        return NoControlCharacters(field, trimmed);
    }

    public static string? Optional(string field, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainValidationException(field, $"must be at most {maxLength} characters; got {trimmed.Length}.");
        }
        return NoControlCharacters(field, trimmed);
    }

    private static string NoControlCharacters(string field, string value) =>
        TypedText.IsClean(value) ? value : throw new DomainValidationException(field, TypedText.Problem);

    public static string Format(double value) => value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// Text people type: line breaks and tabs, never invisible control characters (NUL and the like show as boxes, hide a
/// blank value, and PostgreSQL refuses NUL outright). The one definition, used by the domain's text fields and by the
/// API for every string it is sent, in a body, a query or a route.
/// </summary>
public static class TypedText
{
    public const string Problem = "must not contain invisible control characters; type it again or paste it as plain text.";

    public static bool IsClean(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            {
                return false;
            }
        }
        return true;
    }
}
