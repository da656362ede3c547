using Cupwise.Data;
using Cupwise.Domain.Practices;
using Microsoft.EntityFrameworkCore;

namespace Cupwise;

/// <summary>
/// Which practice a command-line verb acts for: the one named with <c>--practice</c>, or the only practice in the
/// database. With several practices and none named, the verb stops and asks for one.
/// </summary>
public static class PracticeSelection
{
    public static async Task<(Practice? Practice, string? Error)> ChooseAsync(DatabaseSettings database, string? name, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(new PracticeScope());
        if (name is { Length: > 0 })
        {
            var named = await db.Practices.AsNoTracking().FirstOrDefaultAsync(p => p.Name == name.Trim(), cancellationToken);
            return named is null ? (null, $"--practice: no practice named '{name}'.") : (named, null);
        }
        var practices = await db.Practices.AsNoTracking().OrderBy(p => p.CreatedAt).Take(2).ToListAsync(cancellationToken);
        return practices.Count switch
        {
            0 => (null, "There is no practice yet: create one with 'cupwise practice add NAME'."),
            1 => (practices[0], null),
            _ => (null, "--practice: this database holds several practices; name the one to use."),
        };
    }
}
