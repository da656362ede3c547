using Cupwise.Data;
using Cupwise.Domain.Practices;
using Microsoft.EntityFrameworkCore;

namespace Cupwise;

/// <summary>
/// Until accounts arrive, one server acts for one practice: the demo practice under <c>--demo</c>, otherwise
/// the first practice created, or a new "My practice" in an empty database.
/// </summary>
public static class PracticeSelection
{
    public const string DefaultName = "My practice";

    public static async Task<ServingPractice> ChooseAsync(DatabaseSettings database, bool demo, TimeProvider clock, CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext(new PracticeScope());
        if (demo)
        {
            var loaded = await db.Practices.AsNoTracking().SingleAsync(p => p.Id == DemoPractice.PracticeId, cancellationToken);
            return new ServingPractice(loaded.Id, loaded.Name);
        }
        var first = await db.Practices.AsNoTracking().OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
        if (first is not null)
        {
            return new ServingPractice(first.Id, first.Name);
        }
        var practice = new Practice(Guid.NewGuid(), DefaultName, clock.GetUtcNow());
        db.Practices.Add(practice);
        await db.SaveChangesAsync(cancellationToken);
        return new ServingPractice(practice.Id, practice.Name);
    }
}
