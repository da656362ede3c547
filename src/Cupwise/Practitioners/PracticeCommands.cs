using System.Globalization;
using Cupwise.Accounts;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Cupwise.Domain;
using Cupwise.Domain.Practices;
using Cupwise.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Practitioners;

/// <summary>The practice's own settings and its practitioners, for the API and the Settings page alike.</summary>
public sealed class PracticeCommands(CupwiseDbContext db, PracticeScope scope, AccountService accounts, CurrentUser user, TimeProvider clock)
{
    public async Task<CommandResult<Practitioner>> AddPractitionerAsync(PractitionerRequest request, CancellationToken cancellationToken = default)
    {
        var v = new RequestValidator();
        var practitioner = v.Try("", () => new Practitioner(Guid.NewGuid(), scope.PracticeId, request.DisplayName ?? string.Empty, request.Profession, clock.GetUtcNow()));
        if (practitioner is null)
        {
            return CommandResult<Practitioner>.Invalid(v);
        }
        db.Practitioners.Add(practitioner);
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<Practitioner>.Done(practitioner);
    }

    /// <summary>Replaces a practitioner's working hours (HH:mm in practice time); next-slot suggestions keep inside them.</summary>
    public async Task<CommandResult<Practitioner>> SetWorkingHoursAsync(Guid practitionerId, IReadOnlyList<WorkingHoursSpan>? request, CancellationToken cancellationToken = default)
    {
        if (await db.Practitioners.FirstOrDefaultAsync(p => p.Id == practitionerId, cancellationToken) is not { } practitioner)
        {
            return CommandResult<Practitioner>.NotFound();
        }
        var v = new RequestValidator();
        var spans = new List<WorkingHours>();
        var items = request ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var day = v.Parse<DayOfWeek>($"hours[{i}].day", items[i].Day, required: true);
            var from = ReadTime(v, $"hours[{i}].from", items[i].From);
            var to = ReadTime(v, $"hours[{i}].to", items[i].To);
            if (day is { } d && from is { } f && to is { } t)
            {
                spans.Add(new WorkingHours(d, f, t));
            }
        }
        if (v.IsValid)
        {
            v.Run("", () => practitioner.SetWorkingHours(spans));
        }
        if (!v.IsValid)
        {
            return CommandResult<Practitioner>.Invalid(v);
        }
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<Practitioner>.Done(practitioner);
    }

    public async Task<CommandResult<Practice>> ChangeSettingsAsync(PracticeSettingsRequest request, CancellationToken cancellationToken = default)
    {
        var practice = await db.Practices.FirstAsync(p => p.Id == scope.PracticeId, cancellationToken);
        var v = new RequestValidator();
        if (!v.Run("", () => practice.ChangeSettings(request.TimeZone ?? practice.TimeZoneId, request.MinimumSiteIntervalDays ?? practice.MinimumSiteIntervalDays)))
        {
            return CommandResult<Practice>.Invalid(v);
        }
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult<Practice>.Done(practice);
    }

    /// <summary>
    /// Requires (or no longer requires) two-step sign-in for owners and practitioners. Everyone it now applies to who
    /// has not set it up signs in again and is then asked to; the owner saving it keeps going.
    /// </summary>
    public async Task<CommandResult<Practice>> SetTwoStepSignInAsync(bool required, CancellationToken cancellationToken = default)
    {
        var practice = await db.Practices.FirstAsync(p => p.Id == scope.PracticeId, cancellationToken);
        practice.SetTwoStepSignIn(required);
        await db.SaveChangesAsync(cancellationToken);
        if (required)
        {
            var affected = await db.Users.Where(u => u.PracticeId == scope.PracticeId && !u.TwoFactorEnabled
                && (u.Role == UserRole.Owner || u.Role == UserRole.Practitioner)).Select(u => u.Id).ToListAsync(cancellationToken);
            await accounts.EndSessionsAsync(affected, "two-step-required", except: user.SessionId, cancellationToken: cancellationToken);
        }
        return CommandResult<Practice>.Done(practice);
    }

    private static TimeOnly? ReadTime(RequestValidator v, string field, string? value)
    {
        if (TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }
        v.Add(field, "is required: a time of day as HH:mm, for example 09:00.");
        return null;
    }
}
