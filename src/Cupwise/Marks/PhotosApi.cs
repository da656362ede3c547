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
        app.MapPost("/clients/{id:guid}/photos", async (Guid id, [FromForm] PhotoUploadForm form, CupwiseDbContext db, MarkCommands commands,
            CancellationToken cancellationToken) =>
        {
            if (!await db.Clients.AnyAsync(c => c.Id == id, cancellationToken))
            {
                return Results.NotFound();
            }
            var (photo, v) = await commands.RecordPhotoAsync(id, form, cancellationToken);
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
        string id, [FromForm] PhotoUploadForm form, CupwiseDbContext db, MarkCommands commands, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(id, out var clientId) || !await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        var (photo, v) = await commands.RecordPhotoAsync(clientId, form, cancellationToken);
        return photo is null ? ApiResults.Invalid(v) : TypedResults.Created($"/api/v1/photos/{photo.Id}", ToResponse(photo));
    }

    public static async Task<Results<Ok<List<MarkPhotoResponse>>, NotFound, ValidationProblem>> ListPhotos(
        string id, string? siteId, string? side, [AsParameters] PageQuery paging, CupwiseDbContext db, HttpContext http, CancellationToken cancellationToken)
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
        var photos = await Paging.PageAsync(ForClient(db, clientId, siteId, wantedSide), paging, http, v, cancellationToken);
        return photos is null ? ApiResults.Invalid(v) : TypedResults.Ok(photos.Select(ToResponse).ToList());
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
        return query.OrderBy(p => p.TakenAt).ThenBy(p => p.Id);
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
        // Health data: kept by no cache, not even the browser's on a shared computer at the front desk, and never
        // taken for another type.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return TypedResults.File(photo.Bytes, photo.ContentType, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{photo.Sha256}\""));
    }

    public static async Task<Results<Ok<MarkPhotoResponse>, NotFound, ValidationProblem>> MarkPhotoEnteredInError(
        string photoId, EnteredInErrorRequest request, MarkCommands commands, CancellationToken cancellationToken)
    {
        if (!ApiResults.TryParseId(photoId, out var pid))
        {
            return TypedResults.NotFound();
        }
        var result = await commands.MarkPhotoEnteredInErrorAsync(pid, request.Reason, cancellationToken);
        return result.Status switch
        {
            CommandStatus.Done => TypedResults.Ok(ToResponse(result.Value!)),
            CommandStatus.NotFound => TypedResults.NotFound(),
            CommandStatus.Invalid or CommandStatus.Stale or CommandStatus.Refused or CommandStatus.NeedsConfirmation =>
                TypedResults.ValidationProblem(result.Errors, title: "One or more fields are not valid."),
        };
    }

    public static MarkPhotoResponse ToResponse(MarkPhoto p) =>
        new(p.Id.ToString(), p.SessionId?.ToString(), p.SiteId, ApiJson.Name(p.Side), p.TakenAt, p.UploadedAt, p.ContentType, p.Width, p.Height,
            p.ByteLength, p.Sha256, p.Notes, $"/api/v1/photos/{p.Id}");
}
