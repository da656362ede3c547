using Cupwise.Domain;

namespace Cupwise.Api;

/// <summary>
/// Collects every problem with a request before anything is written, so that one response lists
/// each bad field with what is allowed.
/// </summary>
public sealed class RequestValidator
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    /// <summary>Runs a validating factory; on refusal records its message under <paramref name="prefix"/> + its field.</summary>
    public T? Try<T>(string prefix, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (DomainValidationException e)
        {
            AddAll(prefix, e);
            return default;
        }
    }

    /// <summary>As <see cref="Try{T}"/> for a value type, giving null on refusal.</summary>
    public T? TryValue<T>(string prefix, Func<T> create) where T : struct
    {
        try
        {
            return create();
        }
        catch (DomainValidationException e)
        {
            AddAll(prefix, e);
            return null;
        }
    }

    public bool Run(string prefix, Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (DomainValidationException e)
        {
            AddAll(prefix, e);
            return false;
        }
    }

    public void AddAll(string prefix, DomainValidationException e)
    {
        foreach (var error in e.Errors)
        {
            Add(Join(prefix, error.Field), error.Message);
        }
    }

    public Dictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    public static string Join(string prefix, string field) => prefix.Length == 0 ? field : $"{prefix}.{field}";
}
