using Cupwise.Data;
using Cupwise.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Mail;

/// <summary>
/// Queues the reminders that have come due: for every practice that sends them, each booked visit within its
/// reminder window that has no reminder for its present start yet. The sender runs this each round; the unique key
/// of a reminder keeps a second server from queueing it twice.
/// </summary>
public sealed class VisitMailCommands(CupwiseDbContext db, MailQueue queue, TimeProvider clock)
{
    /// <summary>At most this many reminders a practice a round; the next round takes the rest.</summary>
    public const int Batch = 500;

    public async Task<int> QueueRemindersAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var practices = await db.Practices.AsNoTracking().Where(p => p.ReminderHoursBefore > 0 && p.MailHost != null && p.MailFromAddress != null)
            .Select(p => new { p.Id, p.ReminderHoursBefore }).ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var practice in practices)
        {
            var until = now.AddHours(practice.ReminderHoursBefore);
            var due = await db.Appointments.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.PracticeId == practice.Id && a.Status == AppointmentStatus.Booked && a.Start > now && a.Start <= until)
                .OrderBy(a => a.Start).Take(Batch).ToListAsync(cancellationToken);
            if (due.Count == 0)
            {
                continue;
            }
            var keys = due.Select(VisitMail.ReminderKey).ToList();
            var queuedBefore = await db.OutgoingMail.Where(m => m.PracticeId == practice.Id && m.Key != null && keys.Contains(m.Key)).Select(m => m.Key!).ToListAsync(cancellationToken);
            foreach (var appointment in due.Where(a => !queuedBefore.Contains(VisitMail.ReminderKey(a))))
            {
                if (await VisitMail.StageReminderAsync(db, queue, appointment, cancellationToken))
                {
                    queued++;
                }
            }
        }
        if (queued == 0)
        {
            return 0;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another server queued some of them first; the next round queues whatever is still missing.
            db.ChangeTracker.Clear();
            return 0;
        }
        return queued;
    }
}
