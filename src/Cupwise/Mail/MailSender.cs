using Cupwise.Data;
using Cupwise.Data.Mail;
using Cupwise.Domain.Practices;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Cupwise.Mail;

/// <summary>
/// Sends the queued mail through each practice's SMTP server: claims what is due (so that a second server behind
/// the same database skips it), sends one connection per practice, and records each outcome. A failed mail is
/// tried again after 1, 2, 4 … minutes, <see cref="OutgoingMail.MaxAttempts"/> times in all. Mail queued for a
/// practice without a mail server waits until one is set up, without using up its attempts.
/// </summary>
public sealed class MailSender(IServiceScopeFactory scopes, MailQueue queue, MailSenderOptions options, TimeProvider clock, ILogger<MailSender> log) : BackgroundService
{
    public const string NoServer = "The practice has no mail server set up yet (Settings → Mail).";
    private static readonly TimeSpan Claim = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await SendDueAsync(stoppingToken) > 0 && !stoppingToken.IsCancellationRequested)
                {
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "The mail sender's round failed; it tries again at the next one.");
            }
            await queue.WaitAsync(options.Interval, stoppingToken);
        }
    }

    /// <summary>One round: the mails it handled (sent, failed or put back to wait).</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<VisitMailCommands>().QueueRemindersAsync(cancellationToken);
        var db = scope.ServiceProvider.GetRequiredService<CupwiseDbContext>();
        var now = clock.GetUtcNow();
        var due = await db.OutgoingMail
            .Where(m => m.SentAt == null && m.GaveUpAt == null && m.NextAttemptAt <= now && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .OrderBy(m => m.NextAttemptAt).Take(50).Select(m => m.Id).ToListAsync(cancellationToken);
        var mine = new List<Guid>();
        foreach (var id in due)
        {
            var until = now + Claim;
            var claimed = await db.OutgoingMail.Where(m => m.Id == id && m.SentAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedUntil, until), cancellationToken);
            if (claimed == 1)
            {
                mine.Add(id);
            }
        }
        if (mine.Count == 0)
        {
            return 0;
        }
        var mails = await db.OutgoingMail.Where(m => mine.Contains(m.Id)).ToListAsync(cancellationToken);
        var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(MailCommands.PasswordPurpose);
        foreach (var group in mails.GroupBy(m => m.PracticeId))
        {
            var practice = await db.Practices.AsNoTracking().FirstAsync(p => p.Id == group.Key, cancellationToken);
            if (!practice.SendsMail)
            {
                foreach (var mail in group)
                {
                    mail.ClaimedUntil = null;
                    mail.LastError = NoServer;
                    mail.NextAttemptAt = now + TimeSpan.FromMinutes(10);
                }
                continue;
            }
            await SendAsync(practice, group.ToList(), protector, cancellationToken);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return mails.Count;
    }

    private async Task SendAsync(Practice practice, List<OutgoingMail> mails, IDataProtector protector, CancellationToken cancellationToken)
    {
        using var smtp = new SmtpClient { Timeout = 30_000 };
        try
        {
            await smtp.ConnectAsync(practice.MailHost!, practice.MailPort, practice.MailSecurity switch
            {
                MailSecurity.StartTls => SecureSocketOptions.StartTls,
                MailSecurity.Tls => SecureSocketOptions.SslOnConnect,
                MailSecurity.None => SecureSocketOptions.None,
            }, cancellationToken);
            if (practice.MailUserName is { } user)
            {
                var password = practice.MailPasswordProtected is { } p ? protector.Unprotect(p) : string.Empty;
                await smtp.AuthenticateAsync(user, password, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var mail in mails)
            {
                Failed(mail, $"Could not reach the mail server {practice.MailHost}:{practice.MailPort}: {e.Message}");
            }
            return;
        }
        foreach (var mail in mails)
        {
            try
            {
                await smtp.SendAsync(Message(practice, mail), cancellationToken);
                mail.SentAt = clock.GetUtcNow();
                mail.Attempts++;
                mail.ClaimedUntil = null;
                mail.LastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Failed(mail, $"The mail server refused it: {e.Message}");
            }
        }
        try
        {
            await smtp.DisconnectAsync(true, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogInformation("Closing the connection to {Host} failed: {Error}", practice.MailHost, e.Message);
        }
    }

    private void Failed(OutgoingMail mail, string error)
    {
        var now = clock.GetUtcNow();
        mail.Attempts++;
        mail.ClaimedUntil = null;
        mail.LastError = error.Length <= 500 ? error : error[..500];
        if (mail.Attempts >= OutgoingMail.MaxAttempts)
        {
            mail.GaveUpAt = now;
        }
        else
        {
            mail.NextAttemptAt = now + TimeSpan.FromMinutes(Math.Pow(2, mail.Attempts - 1));
        }
        log.LogWarning("Mail {Id} to the practice's server failed (attempt {Attempt}): {Error}", mail.Id, mail.Attempts, mail.LastError);
    }

    /// <summary>The message: plain text, from the practice, with a Message-Id made from the row so that a resend after a crash is the same message.</summary>
    public static MimeMessage Message(Practice practice, OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(practice.MailFromName ?? practice.Name, practice.MailFromAddress!));
        message.To.Add(MailboxAddress.Parse(mail.ToAddress));
        message.Subject = mail.Subject;
        message.MessageId = $"{mail.Id:N}@cupwise";
        message.Date = mail.CreatedAt;
        message.Body = new TextPart("plain") { Text = mail.Body };
        return message;
    }
}
