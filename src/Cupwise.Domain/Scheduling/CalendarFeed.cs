using System.Security.Cryptography;
using System.Text;

namespace Cupwise.Domain.Scheduling;

/// <summary>
/// A practitioner's iCalendar feed, reached at an unguessable URL. Only the token's SHA-256 is stored; revoking
/// the feed makes the URL answer 404.
/// </summary>
public sealed class CalendarFeed
{
    private CalendarFeed()
    {
        TokenHash = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public Guid PractitionerId { get; private set; }
    public string TokenHash { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    /// <summary>Creates a feed and returns the token to put in its URL (shown once, never stored).</summary>
    public static (CalendarFeed Feed, string Token) Create(Guid practiceId, Guid practitionerId, TimeProvider clock)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        return (new CalendarFeed
        {
            Id = Guid.NewGuid(),
            PracticeId = practiceId,
            PractitionerId = practitionerId,
            TokenHash = Hash(token),
            CreatedAt = clock.GetUtcNow(),
        }, token);
    }

    public void Revoke(TimeProvider clock) => RevokedAt ??= clock.GetUtcNow();

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
