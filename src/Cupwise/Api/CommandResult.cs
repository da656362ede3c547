using Microsoft.AspNetCore.Http.HttpResults;

namespace Cupwise.Api;

/// <summary>How a use case ended.</summary>
public enum CommandStatus
{
    /// <summary>Done and saved.</summary>
    Done,

    /// <summary>The record is not in the caller's practice (or does not exist).</summary>
    NotFound,

    /// <summary>Some fields are not valid; nothing was written.</summary>
    Invalid,

    /// <summary>Someone else changed the record since the caller read it; nothing was written.</summary>
    Stale,

    /// <summary>The record's state does not allow it (a cup already on the skin, a blocked site…); nothing was written.</summary>
    Refused,

    /// <summary>It can be done, but something deserves a second look first (a site not yet clear, outside working hours); nothing was written until confirmed.</summary>
    NeedsConfirmation,
}

/// <summary>
/// What a use case answers: done with a value, or why not. The API turns it into an HTTP result, a page into a
/// message; neither decides anything itself.
/// </summary>
public sealed class CommandResult<T>
{
    private CommandResult(CommandStatus status, T? value, IReadOnlyDictionary<string, string[]>? errors, string? message, int? currentVersion)
    {
        Status = status;
        Value = value;
        Errors = errors ?? new Dictionary<string, string[]>();
        Message = message;
        CurrentVersion = currentVersion;
    }

    public CommandStatus Status { get; }
    public T? Value { get; }

    /// <summary>For <see cref="CommandStatus.Invalid"/>: each field with what is wrong with it.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>For <see cref="CommandStatus.Refused"/> and <see cref="CommandStatus.Stale"/>: what happened, in words.</summary>
    public string? Message { get; }
    public int? CurrentVersion { get; }
    public bool IsDone => Status == CommandStatus.Done;

    /// <summary>For <see cref="CommandStatus.Done"/>: what the change affects that deserves a look (booked visits now before a site clears).</summary>
    public IReadOnlyList<string> Notices { get; private init; } = [];

    public static CommandResult<T> Done(T value) => new(CommandStatus.Done, value, null, null, null);
    public static CommandResult<T> Done(T value, IReadOnlyList<string> notices) => new(CommandStatus.Done, value, null, null, null) { Notices = notices };
    public static CommandResult<T> NotFound() => new(CommandStatus.NotFound, default, null, "Not found in this practice.", null);
    public static CommandResult<T> Invalid(RequestValidator v) => new(CommandStatus.Invalid, default, v.Errors, null, null);

    public static CommandResult<T> Stale(int? currentVersion = null) => new(CommandStatus.Stale, default, null,
        "Someone else changed this record meanwhile; it is shown as it is now. Make your change again if you still need it.", currentVersion);

    public static CommandResult<T> Refused(string message) => new(CommandStatus.Refused, default, null, message, null);
    public static CommandResult<T> NeedsConfirmation(string message) => new(CommandStatus.NeedsConfirmation, default, null, message, null);


    /// <summary>
    /// The failure as one sentence for a page: each field under the name its form gives it (<paramref name="labels"/>,
    /// by the API's field name), never the API's field path.
    /// </summary>
    public string Describe(IReadOnlyDictionary<string, string>? labels = null)
    {
        if (Status != CommandStatus.Invalid)
        {
            return Message ?? string.Empty;
        }
        return string.Join(" ", Errors.Select(e =>
        {
            var label = labels is not null && labels.TryGetValue(e.Key, out var l) ? l : null;
            var text = string.Join(" ", e.Value);
            return label is null ? Sentence(text) : $"{label}: {text}";
        }));
    }

    private static string Sentence(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}

public static class CommandResults
{
    /// <summary>The API's answer to a command: 200 with the mapped value, 404, 400 naming each field, or 409.</summary>
    public static Results<Ok<TOut>, NotFound, ValidationProblem, ProblemHttpResult> ToOk<T, TOut>(this CommandResult<T> result, Func<T, TOut> map) =>
        result.Status switch
        {
            CommandStatus.Done => TypedResults.Ok(map(result.Value!)),
            CommandStatus.NotFound => TypedResults.NotFound(),
            CommandStatus.Invalid => TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid."),
            CommandStatus.Stale => ApiResults.Conflict(result.CurrentVersion),
            CommandStatus.Refused => ApiResults.StateConflict(result.Message ?? string.Empty),
            CommandStatus.NeedsConfirmation => ApiResults.NeedsConfirmation(result.Message ?? string.Empty),
        };
}
