using Cupwise.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Cupwise.Audit;

/// <summary>
/// Records every signed-in request to a page or endpoint that is not open to all: who, the route pattern (never the
/// query string, which can hold a name typed into a search), the client it concerns and the status it ended with,
/// refusals included.
/// </summary>
public static class AuditMiddleware
{
    /// <summary>Route segments whose {id} names a record that belongs to a client.</summary>
    private static readonly Dictionary<string, string> Resources = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sessions"] = "session",
        ["plans"] = "plan",
        ["photos"] = "photo",
        ["appointments"] = "appointment",
    };

    public static void UseCupwiseAudit(this WebApplication app) => app.Use(async (context, next) =>
    {
        // Recorded as the response starts, so that the entry is queued before the caller has the answer, with the
        // status the caller gets; a request that sends nothing is recorded on the way out.
        var recorded = false;
        // The exception handler clears the endpoint and route values before it answers: keep them from the failure.
        Endpoint? failedAt = null;
        RouteValueDictionary? failedValues = null;
        context.Response.OnStarting(() =>
        {
            recorded = true;
            Record(context, context.Response.StatusCode, failedAt, failedValues);
            return Task.CompletedTask;
        });
        try
        {
            await next(context);
        }
        catch
        {
            failedAt = context.GetEndpoint();
            failedValues = new RouteValueDictionary(context.Request.RouteValues);
            // The exception handler outside turns it into an answer (400 for a body it could not read, 500 for a
            // fault): the entry is recorded as that answer starts, with its status; if none is ever sent, as the
            // request ends.
            context.Response.OnCompleted(() =>
            {
                if (!recorded)
                {
                    recorded = true;
                    Record(context, context.Response.HasStarted ? context.Response.StatusCode : StatusCodes.Status500InternalServerError, failedAt, failedValues);
                }
                return Task.CompletedTask;
            });
            throw;
        }
        if (!recorded)
        {
            recorded = true;
            Record(context, context.Response.StatusCode);
        }
    });

    private static void Record(HttpContext context, int status, Endpoint? failedAt = null, RouteValueDictionary? failedValues = null)
    {
        var user = context.RequestServices.GetRequiredService<CurrentUser>();
        if (!user.IsSignedIn || (failedAt ?? context.GetEndpoint()) is not RouteEndpoint endpoint || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
            || context.Request.Path.StartsWithSegments("/_blazor"))
        {
            return;
        }
        var pattern = endpoint.RoutePattern;
        var (client, kind, resource) = Subject(pattern, failedValues ?? context.Request.RouteValues);
        var method = context.Request.Method;
        var action = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? "read" : "write";
        var what = $"{method} {pattern.RawText}";
        context.RequestServices.GetRequiredService<AuditLog>().Record(user.UserId, Actor(user), user.PracticeId, client, action, what,
            status.ToString(System.Globalization.CultureInfo.InvariantCulture), kind, resource);
    }

    public static string Actor(CurrentUser user) => user.TokenId is { } token ? $"{user.Name} (token {token.ToString()[..8]})" : user.Name;

    /// <summary>The client a route is about: /clients/{id}/…, or a session, plan, photo or appointment by id.</summary>
    private static (Guid? Client, string? Kind, Guid? Resource) Subject(RoutePattern pattern, RouteValueDictionary values)
    {
        for (var i = 0; i + 1 < pattern.PathSegments.Count; i++)
        {
            if (pattern.PathSegments[i].Parts is [RoutePatternLiteralPart literal]
                && pattern.PathSegments[i + 1].Parts is [RoutePatternParameterPart parameter]
                && values.TryGetValue(parameter.Name, out var raw) && Guid.TryParse(raw?.ToString(), out var id))
            {
                if (literal.Content.Equals("clients", StringComparison.OrdinalIgnoreCase))
                {
                    return (id, null, null);
                }
                if (Resources.TryGetValue(literal.Content, out var kind))
                {
                    return (null, kind, id);
                }
            }
        }
        return (null, null, null);
    }
}
