using System.Globalization;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Domain;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Marks;
using Cupwise.Domain.Quantities;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Marks;

/// <summary>Mark follow-ups and photos of a site, for the API, the photo form and the pages alike.</summary>
public sealed class MarkCommands(CupwiseDbContext db, PracticeScope scope, TimeProvider clock)
{
    /// <summary>Records a follow-up look at a site: the mark's grade that day, or 0 when clear; the forecast learns from it.</summary>
    public async Task<CommandResult<MarkFollowUp>> RecordFollowUpAsync(Guid clientId, MarkFollowUpRequest request, CancellationToken cancellationToken = default)
    {
        if (!await db.Clients.AnyAsync(c => c.Id == clientId, cancellationToken))
        {
            return CommandResult<MarkFollowUp>.NotFound();
        }
        var v = new RequestValidator();
        var site = request.SiteId is null ? null : StandardCatalogue.Sites.FirstOrDefault(s => s.Id == request.SiteId);
        if (site is null)
        {
            v.Add("siteId", request.SiteId is null ? "is required: a body-site id." : $"'{request.SiteId}' is not a known body site.");
        }
        var side = v.Parse<BodySide>("side", request.Side, required: false) ?? BodySide.None;
        var source = v.Parse<ObservationSource>("source", request.Source, required: false) ?? ObservationSource.Practitioner;
        MarkGrade? grade = null;
        if (request.Grade is null)
        {
            v.Add("grade", "is required: 0 (clear) to 4.");
        }
        else
        {
            grade = v.TryValue("", () => MarkGrade.FromGrade(request.Grade.Value, "grade"));
        }
        if (!v.IsValid || site is null || grade is null)
        {
            return CommandResult<MarkFollowUp>.Invalid(v);
        }
        var followUp = v.Try("", () => MarkFollowUp.Record(scope.PracticeId, clientId, site, side, request.ObservedAt?.ToUniversalTime() ?? clock.GetUtcNow(), grade.Value, source, request.Notes, clock));
        if (followUp is null)
        {
            return CommandResult<MarkFollowUp>.Invalid(v);
        }
        db.MarkFollowUps.Add(followUp);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<MarkFollowUp>.Done(followUp);
    }

    /// <summary>Checks an upload, re-encodes it and stores record and bytes together; nothing is written when anything is wrong.</summary>
    public async Task<(MarkPhoto? Photo, RequestValidator Validator)> RecordPhotoAsync(Guid clientId, PhotoUploadForm form, CancellationToken cancellationToken = default)
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
        ProcessedPhoto processed;
        try
        {
            processed = await PhotoIntake.ProcessAsync(bytes, cancellationToken);
        }
        catch (DomainValidationException e)
        {
            v.AddAll("", e);
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

    /// <summary>Flags a photo as entered in error (kept, hidden from the site's history), with a reason.</summary>
    public async Task<CommandResult<MarkPhoto>> MarkPhotoEnteredInErrorAsync(Guid photoId, string? reason, CancellationToken cancellationToken = default)
    {
        if (await db.MarkPhotos.FirstOrDefaultAsync(p => p.Id == photoId, cancellationToken) is not { } photo)
        {
            return CommandResult<MarkPhoto>.NotFound();
        }
        var v = new RequestValidator();
        if (!v.Run("", () => photo.MarkEnteredInError(reason ?? "")))
        {
            return CommandResult<MarkPhoto>.Invalid(v);
        }
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<MarkPhoto>.Done(photo);
    }
}
