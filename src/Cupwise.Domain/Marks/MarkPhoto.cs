using Cupwise.Domain.Catalogue;

namespace Cupwise.Domain.Marks;

/// <summary>
/// A photo of marks on a site or of a session, as stored: already re-encoded (no camera metadata), addressed by an
/// opaque id, with the SHA-256 of the stored bytes. The bytes live in <see cref="MarkPhotoContent"/> so that
/// listing photos never reads images. Photos are part of the clinical record: a wrong one is flagged entered in
/// error, never deleted.
/// </summary>
public sealed class MarkPhoto
{
    private MarkPhoto()
    {
        ContentType = string.Empty;
        Sha256 = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public Guid ClientId { get; private set; }
    public Guid? SessionId { get; private set; }
    public string? SiteId { get; private set; }
    public BodySide Side { get; private set; }
    public DateTimeOffset TakenAt { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public string ContentType { get; private set; }
    public int Width { get; private set; }
    public int Height { get; private set; }
    public long ByteLength { get; private set; }
    public string Sha256 { get; private set; }
    public string? Notes { get; private set; }
    public bool EnteredInError { get; private set; }
    public string? EnteredInErrorReason { get; private set; }

    /// <summary>Records a photo of <paramref name="site"/> (or of a whole session when no site is given).</summary>
    public static MarkPhoto Record(Guid id, Guid practiceId, Guid clientId, Guid? sessionId, BodySite? site, BodySide side, DateTimeOffset? takenAt,
        string contentType, int width, int height, long byteLength, string sha256, string? notes, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        if (site is null && sessionId is null)
        {
            throw new DomainValidationException("siteId", "is required unless the photo is of a session (sessionId).");
        }
        if (site is not null)
        {
            site.CheckSide(side, "side");
        }
        else if (side != BodySide.None)
        {
            throw new DomainValidationException("side", "needs a siteId.");
        }
        if (takenAt is { } t && t > now.AddMinutes(5))
        {
            throw new DomainValidationException("takenAt", $"must not be in the future (now is {now:u}).");
        }
        return new MarkPhoto
        {
            Id = id,
            PracticeId = practiceId,
            ClientId = clientId,
            SessionId = sessionId,
            SiteId = site?.Id,
            Side = side,
            TakenAt = takenAt ?? now,
            UploadedAt = now,
            ContentType = contentType,
            Width = width,
            Height = height,
            ByteLength = byteLength,
            Sha256 = sha256,
            Notes = Guard.Optional("notes", notes, 2000),
        };
    }

    public void MarkEnteredInError(string reason)
    {
        if (EnteredInError)
        {
            throw new DomainValidationException("photo", "is already marked entered in error.");
        }
        EnteredInErrorReason = Guard.Required("reason", reason, 500);
        EnteredInError = true;
    }
}

/// <summary>The stored bytes of a <see cref="MarkPhoto"/>: in the database, outside any web root, in the same transaction as the record.</summary>
public sealed class MarkPhotoContent
{
    private MarkPhotoContent()
    {
        Bytes = [];
    }

    public MarkPhotoContent(Guid photoId, Guid practiceId, byte[] bytes)
    {
        PhotoId = photoId;
        PracticeId = practiceId;
        Bytes = bytes;
    }

    public Guid PhotoId { get; private set; }
    public Guid PracticeId { get; private set; }
    public byte[] Bytes { get; private set; }
}
