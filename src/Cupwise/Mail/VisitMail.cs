using System.Globalization;
using Cupwise.Data;
using Cupwise.Data.Mail;
using Cupwise.Domain.Clients;
using Cupwise.Domain.Practices;
using Cupwise.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Mail;

/// <summary>
/// The mails a client gets about their visits — booked, moved, cancelled, the reminder, aftercare — in the practice's
/// words and time, staged into the caller's save. Only names, a time and the practice: never a condition, a site or a
/// note. Nothing is staged for a client without an e-mail, or when the practice has turned that mail off.
/// </summary>
public static class VisitMail
{
    public const string DefaultReminder =
        "Hello {client},\n\nThis is a reminder of your visit to {practice} with {practitioner} on {when}.\n\nIf you cannot come, please let us know as early as you can.\n";

    public const string DefaultAftercare =
        "Hello {client},\n\nThank you for your visit to {practice} today.\n\nCupping often leaves round marks that fade over a few days; that is expected. "
        + "If a mark blisters, becomes more painful over the next days, or anything else worries you, contact us or your doctor.\n";

    /// <summary>When a visit is, as the practice reads it: "Thursday 3 December 2026 at 10:00 (Europe/Berlin)".</summary>
    public static string When(DateTimeOffset start, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(start, zone).ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";

    public static string Fill(string template, Practice practice, Client client, string? practitioner, DateTimeOffset? when) =>
        template.Replace("{client}", client.GivenName, StringComparison.Ordinal)
            .Replace("{practice}", practice.Name, StringComparison.Ordinal)
            .Replace("{practitioner}", practitioner ?? "your practitioner", StringComparison.Ordinal)
            .Replace("{when}", when is { } w ? When(w, practice.TimeZone) : "", StringComparison.Ordinal);

    private static async Task<(Practice Practice, Client Client, string? Practitioner)?> LoadAsync(CupwiseDbContext db, Guid practiceId, Guid clientId, Guid? practitionerId,
        CancellationToken cancellationToken)
    {
        var practice = await db.Practices.AsNoTracking().FirstOrDefaultAsync(p => p.Id == practiceId, cancellationToken);
        var client = await db.Clients.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId && c.PracticeId == practiceId, cancellationToken);
        if (practice is null || client is null || !Practice.IsMailAddress(client.Email))
        {
            return null;
        }
        var practitioner = practitionerId is { } id
            ? await db.Practitioners.IgnoreQueryFilters().Where(p => p.Id == id).Select(p => p.DisplayName).FirstOrDefaultAsync(cancellationToken)
            : null;
        return (practice, client, practitioner);
    }

    /// <summary>"Your visit is booked / has moved / is cancelled", when the practice mails visit changes.</summary>
    public static async Task StageChangeAsync(CupwiseDbContext db, MailQueue queue, Appointment appointment, string change, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, appointment.PracticeId, appointment.ClientId, appointment.PractitionerId, cancellationToken) is not var (practice, client, practitioner)
            || !practice.MailsVisitChanges)
        {
            return;
        }
        var when = When(appointment.Start, practice.TimeZone);
        var (subject, line) = change switch
        {
            "booked" => ($"Your visit to {practice.Name} is booked", $"Your visit to {practice.Name} with {practitioner ?? "your practitioner"} is booked for {when}."),
            "moved" => ($"Your visit to {practice.Name} has moved", $"Your visit to {practice.Name} with {practitioner ?? "your practitioner"} has moved to {when}."),
            _ => ($"Your visit to {practice.Name} is cancelled", $"Your visit to {practice.Name} on {when} is cancelled."),
        };
        queue.Stage(db, practice.Id, MailKind.Confirmation, client.Email!, subject,
            $"Hello {client.GivenName},\n\n{line}\n\nIf this is not right, please contact {practice.Name}.\n",
            key: null);
    }

    /// <summary>The aftercare mail for a completed session, when the practice sends it.</summary>
    public static async Task StageAftercareAsync(CupwiseDbContext db, MailQueue queue, Guid practiceId, Guid clientId, Guid sessionId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, practiceId, clientId, null, cancellationToken) is not var (practice, client, _) || !practice.MailsAftercare)
        {
            return;
        }
        queue.Stage(db, practice.Id, MailKind.Aftercare, client.Email!, $"After your visit to {practice.Name}",
            Fill(practice.AftercareTemplate ?? DefaultAftercare, practice, client, null, null), key: $"aftercare:{sessionId:N}");
    }

    /// <summary>The reminder of one visit (its key names the start, so that a moved visit is reminded again).</summary>
    public static async Task<bool> StageReminderAsync(CupwiseDbContext db, MailQueue queue, Appointment appointment, CancellationToken cancellationToken)
    {
        if (await LoadAsync(db, appointment.PracticeId, appointment.ClientId, appointment.PractitionerId, cancellationToken) is not var (practice, client, practitioner))
        {
            return false;
        }
        queue.Stage(db, practice.Id, MailKind.Reminder, client.Email!, $"Reminder: your visit to {practice.Name}",
            Fill(practice.ReminderTemplate ?? DefaultReminder, practice, client, practitioner, appointment.Start), key: ReminderKey(appointment));
        return true;
    }

    public static string ReminderKey(Appointment appointment) => $"reminder:{appointment.Id:N}:{appointment.Start.UtcTicks}";
}
