using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace Cupwise.Api;

/// <summary>
/// The one place that bounds the shape of a request: no list item is null, no list is longer than its bound (a
/// property's [MaxLength], else <see cref="DefaultMaxItems"/>), every moment (date and time) lies in the clinical range
/// (<see cref="Domain.ClinicalDates"/>), and no text — in the body, the query or the route — holds a control character
/// (<see cref="Domain.TypedText"/>). Checked before any handler runs, for every request the API answers; the list
/// bounds are named in the OpenAPI document as maxItems.
/// </summary>
public static class RequestShape
{
    /// <summary>A list without a bound of its own holds at most this many items.</summary>
    public const int DefaultMaxItems = 100;

    private static readonly ConcurrentDictionary<Type, (PropertyInfo Property, string Name, int Max)[]> Shapes = new();

    /// <summary>The bound of a list property: its [MaxLength], else the default.</summary>
    public static int MaxItems(ICustomAttributeProvider? property) =>
        property?.GetCustomAttributes(typeof(MaxLengthAttribute), inherit: true).OfType<MaxLengthAttribute>().FirstOrDefault()?.Length ?? DefaultMaxItems;

    /// <summary>Every problem with the lists of a request body, by JSON path; empty when there is none.</summary>
    public static Dictionary<string, string[]> Check(object? body, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        Walk(body, "", DefaultMaxItems, errors, depth: 0, now);
        return errors;
    }

    /// <summary>A request type of Cupwise's, or a list of them (working hours); not a form or a file.</summary>
    private static bool IsRequestBody(Type type) =>
        IsOurs(type) || (typeof(IEnumerable).IsAssignableFrom(type) && type.IsGenericType && type.GetGenericArguments().All(IsOurs));

    private static bool IsDate(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateTimeOffset) || t == typeof(DateOnly) || t == typeof(DateTime));

    private static bool IsOurs(Type type) => type.Namespace?.StartsWith("Cupwise", StringComparison.Ordinal) == true && !type.IsEnum;

    private static void Walk(object? value, string path, int max, Dictionary<string, string[]> errors, int depth, DateTimeOffset now)
    {
        if (value is null || depth > 8)
        {
            return;
        }
        if (value is string text)
        {
            if (!Domain.TypedText.IsClean(text))
            {
                errors[path.Length == 0 ? "body" : path] = [Domain.TypedText.Problem];
            }
            return;
        }
        // A moment (a session, a booking, a plan's start) must lie in the range before anything does arithmetic with
        // it. A day (a date of birth) is checked with the rest of its record, so that one answer names every problem.
        if (value is DateTimeOffset or DateTime)
        {
            if (Domain.ClinicalDates.Problem(value, now) is { } problem)
            {
                errors[path] = [problem];
            }
            return;
        }
        if (value is IEnumerable list)
        {
            var i = 0;
            foreach (var item in list)
            {
                var at = $"{path}[{i}]";
                if (item is null)
                {
                    errors[at] = ["must not be null: leave the item out instead."];
                }
                else
                {
                    Walk(item, at, DefaultMaxItems, errors, depth + 1, now);
                }
                i++;
            }
            if (i > max)
            {
                errors[path.Length == 0 ? "body" : path] = [$"must have at most {max} items; got {i}."];
            }
            return;
        }
        var type = value.GetType();
        if (!IsOurs(type))
        {
            return;
        }
        foreach (var (property, name, bound) in Shapes.GetOrAdd(type, Describe))
        {
            Walk(property.GetValue(value), path.Length == 0 ? name : $"{path}.{name}", bound, errors, depth + 1, now);
        }
    }

    private static (PropertyInfo, string, int)[] Describe(Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0
                && (typeof(IEnumerable).IsAssignableFrom(p.PropertyType) || IsOurs(p.PropertyType) || IsDate(p.PropertyType)))
            .Select(p => (p, JsonNamingPolicy.CamelCase.ConvertName(p.Name), MaxItems(p)))];

    /// <summary>The endpoint filter: a body whose lists break their bounds is answered 400 with each path named.</summary>
    public sealed class Filter : IEndpointFilter
    {
        public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
        {
            var http = context.HttpContext;
            var text = new Dictionary<string, string[]>(StringComparer.Ordinal);
            foreach (var (name, values) in http.Request.Query)
            {
                if (values.Any(v => v is not null && !Domain.TypedText.IsClean(v)))
                {
                    text[name] = [Domain.TypedText.Problem];
                }
            }
            foreach (var (name, value) in http.Request.RouteValues)
            {
                if (value is string v && !Domain.TypedText.IsClean(v))
                {
                    text[name] = [Domain.TypedText.Problem];
                }
            }
            // A moment in the query (appointments from…) has the same range as one in a body.
            var parameters = http.GetEndpoint()?.Metadata.GetMetadata<MethodInfo>()?.GetParameters();
            for (var i = 0; i < context.Arguments.Count; i++)
            {
                if (context.Arguments[i] is (DateTimeOffset or DateTime) and var moment
                    && Domain.ClinicalDates.Problem(moment, http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()) is { } problem)
                {
                    text[parameters is not null && i < parameters.Length ? parameters[i].Name ?? "date" : "date"] = [problem];
                }
            }
            if (text.Count > 0)
            {
                return TypedResults.ValidationProblem(text, title: "One or more fields are not valid.");
            }
            // The body is the argument of the type the endpoint accepts; services and route values are left alone.
            var bodyType = context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
            if (bodyType is not null)
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                foreach (var argument in context.Arguments)
                {
                    if (argument is not null && bodyType.IsInstanceOfType(argument) && IsRequestBody(argument.GetType()) && Check(argument, now) is { Count: > 0 } errors)
                    {
                        return TypedResults.ValidationProblem(errors, title: "One or more fields are not valid.");
                    }
                }
            }
            return await next(context);
        }
    }
}
