using System.ComponentModel;
using System.Globalization;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Marks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Marks;

/// <summary>A photo upload: the image and what it shows.</summary>
public sealed class PhotoUploadForm
{
    [Description("A JPEG or PNG photo, at most 15 MB. It is re-encoded: camera metadata such as GPS is not kept.")]
    public IFormFile? File { get; set; }

    [Description("The body site photographed; may be left out for a photo of a whole session.")]
    public string? SiteId { get; set; }

    [Description("none, left or right, as the site allows.")]
    public string? Side { get; set; }

    [Description("The session the photo belongs to, if any.")]
    public string? SessionId { get; set; }

    [Description("When the photo was taken (ISO 8601); the upload time if not given.")]
    public string? TakenAt { get; set; }

    public string? Notes { get; set; }
}

public sealed record MarkPhotoResponse(
    string Id, string? SessionId, string? SiteId, string Side, DateTimeOffset TakenAt, DateTimeOffset UploadedAt, string ContentType,
    int Width, int Height, long ByteLength,
    [property: Description("SHA-256 of the stored image, hex.")] string Sha256,
    string? Notes,
    [property: Description("Where the image itself is served.")] string Url);

public sealed record EnteredInErrorRequest([property: Description("Why the photo was wrong, 1–500 characters.")] string? Reason);

/// <summary>Photos of marks: upload, list, fetch, flag entered in error.</summary>
public static class PhotosApi
{
    public static void MapPhotos(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("").WithTags("Photos");
        // Scripts post with a bearer token, not a browser cookie: the web app's own form goes through an antiforgery-checked page endpoint.
        group.MapPost("/clients/{id}/photos", UploadPhoto).WithName(nameof(UploadPhoto)).DisableAntiforgery()
            .WithMetadata(new RequestSizeLimitAttribute(PhotoIntake.MaximumBytes + (1024 * 1024)))
            .WithSummary("Uploads a photo of a site or session. JPEG or PNG (checked by content), at most 15 MB; re-encoded so metadata such as GPS is stripped.");
        group.MapGet("/clients/{id}/photos", ListPhotos).WithName(nameof(ListPhotos))
            .WithSummary("A client's photos, oldest first; filter by siteId and side.");
        group.MapGet("/photos/{photoId}", GetPhoto).WithName(nameof(GetPhoto)).WithSummary("The image of one photo.");
        group.MapPost("/photos/{photoId}/entered-in-error", MarkPhotoEnteredInError).WithName(nameof(MarkPhotoEnteredInError))
            .WithSummary("Flags a photo as entered in error (the wrong client or site). It is kept, but no longer listed.");
    }

    /// <summary>
    /// The web app's upload form (a plain multipart post, antiforgery-checked): stores the photo and goes back to
    /// the site's history, with the refusal in the address when there is one.
    /// </summary>
    public static void MapPhotoForm(this IEndpointRouteBuilder app)
    {
        app.MapPost("/clients/{id:guid}/photos", async (Guid id, [FromForm] PhotoUploadForm form, CupwiseDbContext db, PracticeScope scope, TimeProvider clock,
            CancellationToken cancellationToken) =>
        {
            if (!await db.Clients.AnyAsync(c => c.Id == id, cancellationToken))
            {
                return Results.NotFound();
            }
            var (photo, v) = await RecordAsync(db, scope, clock, id, form, cancellationToken);
            var back = $"/clients/{id}?site={Uri.EscapeDataString(form.SiteId ?? "")}&side={Uri.EscapeDataString(form.Side ?? "none")}";
            if (photo is null)
            {
                var problem = v.Errors.First();
                back += "&photo-error=" + Uri.EscapeDataString($"{(problem.Key.Length == 0 ? "photo" : problem.Key)} {problem.Value[0]}");
            }
            return Results.Redirect(back + "#site-history");
        }).ExcludeFromDescription().WithMetadata(new RequestSizeLimitAttribute(PhotoIntake.MaximumBytes + (1024 * 1024)));
    }

    public static async Task<Results<Created<MarkPhotoResponse>, NotFound, ValidationProblem>> UploadPhoto(
        string id, [FromForm] PhotoUploadForm form, CupwiseDbContext db, PracticeScope scope, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var (photo, v) = await RecordAsync(db, scope, clock, clientId, form, cancellationToken);
        return photo is null ? ApiResults.Invalid(v) : TypedResults.Created($"/api/v1/photos/{photo.Id}", ToResponse(photo));
    }

    /// <summary>Checks an upload, re-encodes it and stores record and bytes together; nothing is written when anything is wrong.</summary>
    public static async Task<(MarkPhoto? Photo, RequestValidator Validator)> RecordAsync(CupwiseDbContext db, PracticeScope scope, TimeProvider clock,
        Guid clientId, PhotoUploadForm form, CancellationToken cancellationToken)
    {
        var v = new RequestValidator();
        if (form.File is null)
        {
            v.Add("file", "is required: a JPEG or PNG photo.");
        }
        else if (PhotoIntake.CheckName(form.File.FileName) is { } nameProblem)
        {
            v.Add("file", nameProblem);
        }
        else if (form.File.Length > PhotoIntake.MaximumBytes)
        {
            v.Add("file", $"is {form.File.Length / 1024.0 / 1024.0:0.0} MB; photos may be at most {PhotoIntake.MaximumBytes / 1024 / 1024} MB.");
        }
        BodySite? site = null;
        if (!string.IsNullOrWhiteSpace(form.SiteId))
        {
            site = StandardCatalogue.Sites.FirstOrDefault(s => s.Id == form.SiteId);
            if (site is null)
            {
                v.Add("siteId", $"'{form.SiteId}' is not a known body site.");
            }
        }
        var side = v.Parse<BodySide>("side", form.Side, required: false) ?? BodySide.None;
        Guid? sessionId = null;
        if (!string.IsNullOrWhiteSpace(form.SessionId))
        {
            if (Guid.TryParse(form.SessionId, out var sid) && await db.Sessions.AnyAsync(s => s.Id == sid && s.ClientId == clientId, cancellationToken))
            {
                sessionId = sid;
            }
            else
            {
                v.Add("sessionId", "must be one of this client's sessions.");
            }
        }
        DateTimeOffset? takenAt = null;
        if (!string.IsNullOrWhiteSpace(form.TakenAt))
        {
            if (DateTimeOffset.TryParse(form.TakenAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t))
            {
                takenAt = t.ToUniversalTime();
            }
            else
            {
                v.Add("takenAt", "must be a date and time in ISO 8601, for example 2026-11-25T10:30:00Z.");
            }
        }
        if (!v.IsValid)
        {
            return (null, v);
        }
        byte[] bytes;
        using (var buffer = new MemoryStream((int)form.File!.Length))
        {
            await form.File.CopyToAsync(buffer, cancellationToken);
            bytes = buffer.ToArray();
        }
        var processed = v.Try("", () => PhotoIntake.Process(bytes));
        if (processed is null)
        {
            return (null, v);
        }
        var photo = v.Try("", () => MarkPhoto.Record(Guid.NewGuid(), scope.PracticeId, clientId, sessionId, site, side, takenAt,
            processed.ContentType, processed.Width, processed.Height, processed.Bytes.LongLength, processed.Sha256, form.Notes, clock));
        if (photo is null)
        {
            return (null, v);
        }
        db.MarkPhotos.Add(photo);
        db.MarkPhotoContents.Add(new MarkPhotoContent(photo.Id, scope.PracticeId, processed.Bytes));
        await db.SaveChangesAsync(cancellationToken);
        return (photo, v);
    }

    public static async Task<Results<Ok<List<MarkPhotoResponse>>, NotFound, ValidationProblem>> ListPhotos(
        string id, string? siteId, string? side, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        var wantedSide = v.Parse<BodySide>("side", side, required: false);
        if (!v.IsValid)
        {
            return ApiResults.Invalid(v);
        }
        var photos = await ForClient(db, clientId, siteId, wantedSide).ToListAsync(cancellationToken);
        return TypedResults.Ok(photos.Select(ToResponse).ToList());
    }

    /// <summary>A client's photos that are not entered in error, oldest first.</summary>
    public static IQueryable<MarkPhoto> ForClient(CupwiseDbContext db, Guid clientId, string? siteId = null, BodySide? side = null)
    {
        var query = db.MarkPhotos.AsNoTracking().Where(p => p.ClientId == clientId && !p.EnteredInError);
        if (!string.IsNullOrWhiteSpace(siteId))
        {
            query = query.Where(p => p.SiteId == siteId);
        }
        if (side is { } s)
        {
            query = query.Where(p => p.Side == s);
        }
        return query.OrderBy(p => p.TakenAt);
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> GetPhoto(string photoId, CupwiseDbContext db, HttpContext http, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(photoId, out var pid))
        {
            return TypedResults.NotFound();
        }
        var photo = await (from p in db.MarkPhotos.AsNoTracking()
                           join c in db.MarkPhotoContents.AsNoTracking() on p.Id equals c.PhotoId
                           where p.Id == pid
                           select new { p.ContentType, p.Sha256, c.Bytes }).FirstOrDefaultAsync(cancellationToken);
        if (photo is null)
        {
            return TypedResults.NotFound();
        }
        // Health data: the browser may keep it for this user only, and must never guess another type for it.
        http.Response.Headers.CacheControl = "private, max-age=3600";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(photo.Bytes, photo.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{photo.Sha256}\""));
    }

    public static async Task<Results<Ok<MarkPhotoResponse>, NotFound, ValidationProblem>> MarkPhotoEnteredInError(
        string photoId, EnteredInErrorRequest request, CupwiseDbContext db, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(photoId, out var pid) || await db.MarkPhotos.FirstOrDefaultAsync(p => p.Id == pid, cancellationToken) is not { } photo)
        {
            return TypedResults.NotFound();
        }
        var v = new RequestValidator();
        if (!v.Run("", () => photo.MarkEnteredInError(request.Reason ?? "")))
        {
            return ApiResults.Invalid(v);
        }
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(photo));
    }

    public static MarkPhotoResponse ToResponse(MarkPhoto p) =>
        new(p.Id.ToString(), p.SessionId?.ToString(), p.SiteId, ApiJson.Name(p.Side), p.TakenAt, p.UploadedAt, p.ContentType, p.Width, p.Height,
            p.ByteLength, p.Sha256, p.Notes, $"/api/v1/photos/{p.Id}");
}
