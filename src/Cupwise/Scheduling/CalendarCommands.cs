using Cupwise.Data;
using Cupwise.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Scheduling;

/// <summary>A practitioner's calendar feed: a new private address (the old ones stop working), or none at all.</summary>
public sealed class CalendarCommands(CupwiseDbContext db, PracticeScope scope, TimeProvider clock)
{
    /// <summary>Revokes the practitioner's feeds and makes a new one; its token, shown once, or null when no such practitioner.</summary>
    public async Task<string?> NewFeedAsync(Guid practitionerId, CancellationToken cancellationToken = default)
    {
        if (!await db.Practitioners.AnyAsync(p => p.Id == practitionerId, cancellationToken))
        {
            return null;
        }
        foreach (var old in await db.CalendarFeeds.Where(f => f.PractitionerId == practitionerId && f.RevokedAt == null).ToListAsync(cancellationToken))
        {
            old.Revoke(clock);
        }
        var (feed, token) = CalendarFeed.Create(scope.PracticeId, practitionerId, clock);
        db.CalendarFeeds.Add(feed);
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>Revokes the practitioner's feeds: their addresses answer 404 from then on. False when no such practitioner.</summary>
    public async Task<bool> RevokeFeedsAsync(Guid practitionerId, CancellationToken cancellationToken = default)
    {
        if (!await db.Practitioners.AnyAsync(p => p.Id == practitionerId, cancellationToken))
        {
            return false;
        }
        foreach (var feed in await db.CalendarFeeds.Where(f => f.PractitionerId == practitionerId && f.RevokedAt == null).ToListAsync(cancellationToken))
        {
            feed.Revoke(clock);
        }
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
