using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cupwise.Api;

/// <summary>One JSON shape for the API: camelCase names, enums as kebab-case strings ("fire-cotton-ball").</summary>
public static class ApiJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        // Markup characters (< > & ' ") are escaped even inside JSON strings, so that a value echoed back can never
        // be read as HTML by anything that sniffs; letters of every language stay as they are.
        options.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
    }

    public static string Name<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Parses an API enum name, or records an error naming the field and every allowed value.</summary>
    public static TEnum? Parse<TEnum>(this RequestValidator v, string field, string? value, bool required = true) where TEnum : struct, Enum
    {
        var allowed = Enum.GetValues<TEnum>();
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                v.Add(field, $"is required: one of {string.Join(", ", allowed.Select(a => Name(a)))}.");
            }
            return null;
        }
        foreach (var candidate in allowed)
        {
            if (string.Equals(Name(candidate), value.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }
        v.Add(field, $"'{value}' is not allowed: use one of {string.Join(", ", allowed.Select(a => Name(a)))}.");
        return null;
    }
}
