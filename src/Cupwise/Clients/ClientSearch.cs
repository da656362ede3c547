using Cupwise.Domain.Clients;

namespace Cupwise.Clients;

public static class ClientSearch
{
    /// <summary>Clients whose given or family name contains <paramref name="search"/>, case-insensitively; all when it is empty.</summary>
    public static IQueryable<Client> Matching(this IQueryable<Client> clients, string? search)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return clients;
        }
        // No name holds a control character (the form refuses them), and PostgreSQL refuses NUL in a query: leave them out.
        var term = new string([.. search.Trim().ToLowerInvariant().Where(c => !char.IsControl(c))]);
        return clients.Where(c => c.FamilyName.ToLower().Contains(term) || c.GivenName.ToLower().Contains(term));
    }
}
