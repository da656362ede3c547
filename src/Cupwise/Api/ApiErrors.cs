using System.Text.Json;
using Cupwise.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Api;

/// <summary>Turns exceptions into ProblemDetails: one error format for the whole API.</summary>
internal sealed class ApiExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => BadJson(json),
            BadHttpRequestException bad => BadParameter(bad) ?? new ProblemDetails { Status = bad.StatusCode, Title = "The request could not be read." },
            DomainValidationException v => new ValidationProblemDetails(v.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "One or more fields are not valid.",
            },
            DomainStateException s => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "The record's state does not allow this.", Detail = s.Message },
            DbUpdateConcurrencyException => ApiResults.ConcurrencyProblem(),
            _ => null,
        };
        if (problem is null)
        {
            return false;
        }
        httpContext.Response.StatusCode = problem.Status ?? StatusCodes.Status400BadRequest;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>
    /// "page=abc": names the parameter and what it takes, without echoing what was sent (it could be anything,
    /// including markup or a name typed in the wrong box).
    /// </summary>
    private static ValidationProblemDetails? BadParameter(BadHttpRequestException bad)
    {
        var match = System.Text.RegularExpressions.Regex.Match(bad.Message, "^Failed to bind parameter \"(?<type>[^\"]*?)\\s*(?<name>\\w+)\" from");
        if (!match.Success)
        {
            return null;
        }
        var name = match.Groups["name"].Value;
        var field = char.ToLowerInvariant(name[0]) + name[1..];
        var type = match.Groups["type"].Value;
        var what = type.Contains("int", StringComparison.OrdinalIgnoreCase) ? "must be a whole number."
            : type.Contains("Guid", StringComparison.Ordinal) ? "must be an id."
            : type.Contains("Date", StringComparison.Ordinal) ? "must be a date as yyyy-MM-dd."
            : type.Contains("bool", StringComparison.OrdinalIgnoreCase) ? "must be true or false."
            : "is not in the expected format.";
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [what] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "One or more fields are not valid.",
        };
    }

    private static ValidationProblemDetails BadJson(JsonException json)
    {
        // System.Text.Json reports where it stopped as "$.cups[0].appliedAt": name that field.
        var path = json.Path is { Length: > 2 } p && p.StartsWith("$.", StringComparison.Ordinal) ? p[2..] : "body";
        return new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [path] = ["is not in the expected format (numbers as numbers, dates as ISO 8601 such as 2026-11-25 or 2026-11-25T09:30:00Z)."],
        })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request body is not valid JSON for this operation.",
        };
    }
}

public static class ApiResults
{
    public static ProblemDetails ConcurrencyProblem(int? currentVersion = null) => new()
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The record was changed by someone else.",
        Detail = currentVersion is { } v
            ? $"It is now at version {v}. Reload it, apply your change again and send the new version."
            : "Reload it, apply your change again and send the new version.",
    };

    public static ProblemHttpResult Conflict(int? currentVersion = null) => TypedResults.Problem(ConcurrencyProblem(currentVersion));

    public static ProblemHttpResult StateConflict(string detail) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "The record's state does not allow this.",
        Detail = detail,
    });

    /// <summary>409 for a change that goes ahead only once confirmed (send "confirm": true): what deserves a second look.</summary>
    public static ProblemHttpResult NeedsConfirmation(string detail) => TypedResults.Problem(new ProblemDetails
    {
        Status = StatusCodes.Status409Conflict,
        Title = "This needs a confirmation: send it again with \"confirm\": true to go ahead.",
        Detail = detail,
    });

    public static ValidationProblem Invalid(RequestValidator v) =>
        TypedResults.ValidationProblem(v.Errors, title: "One or more fields are not valid.");

    /// <summary>Ids are opaque strings; one that is not ours is simply not found.</summary>
    public static bool TryParseId(string id, out Guid value) => Guid.TryParse(id, out value);
}
