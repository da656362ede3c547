using Cupwise.Domain.Clients;

namespace Cupwise.Clients;

public static class ClientSearch
{
    /// <summary>Words of a search that are used: a full name ("Anna Smith", "Smith, Anna") is a few words, each checked.</summary>
    public const int MaximumWords = 5;

    /// <summary>
    /// Clients whose given or family name contains each word of <paramref name="search"/>, case-insensitively, so that
    /// "Anna Smith" and "Smith, Anna" find Anna Smith; all when it is empty.
    /// </summary>
    public static IQueryable<Client> Matching(this IQueryable<Client> clients, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return clients;
        }
        // No name holds a control character (the form refuses them), and PostgreSQL refuses NUL in a query: a tab or
        // a newline pasted with a name separates words like a space, any other control character is left out.
        var cleaned = new string([.. search.ToLowerInvariant().Select(c => char.IsWhiteSpace(c) || c == ',' ? ' ' : c).Where(c => !char.IsControl(c))]);
        var words = cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().Take(MaximumWords).ToList();
        foreach (var word in words)
        {
            clients = clients.Where(c => c.FamilyName.ToLower().Contains(word) || c.GivenName.ToLower().Contains(word));
        }
        return clients;
    }
}
