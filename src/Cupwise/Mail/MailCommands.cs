using System.ComponentModel;
using Cupwise.Accounts;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Data.Mail;
using Cupwise.Domain.Practices;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Mail;

public sealed record MailSettingsRequest(
    [property: Description("The SMTP server's name or address, for example smtp.example.org.")] string? Host,
    [property: Description("1–65535: usually 587 with STARTTLS, 465 with TLS.")] int? Port,
    [property: Description("starttls, tls or none (none only for a relay on this machine or network).")] string? Security,
    [property: Description("The SMTP login, if the server asks for one.")] string? UserName,
    [property: Description("The SMTP password: left out, the stored one is kept; empty, it is removed. Never shown again.")] string? Password,
    [property: Description("The address mail comes from, for example desk@example.org.")] string? FromAddress,
    [property: Description("The name mail comes from; the practice's name if left out.")] string? FromName);

public sealed record ClientMailRequest(
    [property: Description("Hours before a booked visit its reminder goes out, 0–168; 0: no reminders.")] int? ReminderHoursBefore,
    [property: Description("Whether clients with an e-mail are told when a visit is booked, moved or cancelled.")] bool? VisitChanges,
    [property: Description("Whether clients with an e-mail get the aftercare mail when a session is completed.")] bool? Aftercare,
    [property: Description("The reminder's text, up to 2000 characters, with {client}, {practice}, {practitioner}, {when}; empty: Cupwise's.")] string? ReminderTemplate,
    [property: Description("The aftercare text, up to 2000 characters, with {client}, {practice}; empty: Cupwise's.")] string? AftercareTemplate);

public sealed record ClientMailResponse(int ReminderHoursBefore, bool VisitChanges, bool Aftercare, string ReminderTemplate, string AftercareTemplate);

public sealed record MailSettingsResponse(string? Host, int Port, string Security, string? UserName, bool HasPassword, string? FromAddress, string? FromName);

public sealed record OutgoingMailResponse(string Id, string Kind, string To, string Subject, DateTimeOffset QueuedAt, string Status,
    DateTimeOffset? SentAt, int Attempts, DateTimeOffset? NextAttemptAt, string? LastError);

/// <summary>The practice's mail server, a test mail, and what has been sent: for the API and the Mail page alike.</summary>
public sealed class MailCommands(CupwiseDbContext db, PracticeScope scope, MailQueue queue, IDataProtectionProvider protection, CurrentUser user, Audit.AuditLog audit)
{
    public const string PasswordPurpose = "Cupwise.Mail.SmtpPassword";
    public const int RecentLimit = 50;

    /// <summary>The form's labels by the API's field names, for errors a person reads.</summary>
    public static readonly IReadOnlyDictionary<string, string> Labels = new Dictionary<string, string>
    {
        ["host"] = "Mail server",
        ["port"] = "Port",
        ["security"] = "Security",
        ["userName"] = "User name",
        ["password"] = "Password",
        ["fromAddress"] = "From address",
        ["fromName"] = "From name",
        ["to"] = "Send a test mail to",
        ["reminderHoursBefore"] = "Reminder, hours before the visit",
        ["reminderTemplate"] = "Reminder text",
        ["aftercareTemplate"] = "Aftercare text",
    };

    public static string SecurityName(MailSecurity security) => security switch
    {
        MailSecurity.StartTls => "starttls",
        MailSecurity.Tls => "tls",
        MailSecurity.None => "none",
    };

    public static string SecurityWords(MailSecurity security) => security switch
    {
        MailSecurity.StartTls => "STARTTLS",
        MailSecurity.Tls => "TLS from the start",
        MailSecurity.None => "None (local relay only)",
    };

    public static string KindWords(MailKind kind) => kind switch
    {
        MailKind.Invitation => "Invitation to a login",
        MailKind.Test => "Test mail",
        MailKind.Reminder => "Visit reminder",
        MailKind.Aftercare => "Aftercare",
        MailKind.Confirmation => "Booking confirmation",
    };

    public Task<Practice> PracticeAsync(CancellationToken cancellationToken = default) =>
        db.Practices.AsNoTracking().FirstAsync(p => p.Id == scope.PracticeId, cancellationToken);

    public static MailSettingsResponse Describe(Practice p) =>
        new(p.MailHost, p.MailPort, SecurityName(p.MailSecurity), p.MailUserName, p.MailPasswordProtected is not null, p.MailFromAddress, p.MailFromName);

    public async Task<CommandResult<Practice>> SaveSettingsAsync(MailSettingsRequest request, CancellationToken cancellationToken = default)
    {
        var practice = await db.Practices.FirstAsync(p => p.Id == scope.PracticeId, cancellationToken);
        var v = new RequestValidator();
        MailSecurity? security = request.Security?.Trim().ToLowerInvariant() switch
        {
            "starttls" or null or "" => MailSecurity.StartTls,
            "tls" => MailSecurity.Tls,
            "none" => MailSecurity.None,
            _ => null,
        };
        if (security is null)
        {
            v.Add("security", "must be starttls, tls or none.");
        }
        if (request.Password is { Length: > 256 })
        {
            v.Add("password", "must be at most 256 characters.");
        }
        if (!v.IsValid)
        {
            return CommandResult<Practice>.Invalid(v);
        }
        var password = request.Password is null ? null : request.Password.Length == 0 ? "" : protection.CreateProtector(PasswordPurpose).Protect(request.Password);
        if (!v.Run("", () => practice.SetMail(request.Host, request.Port ?? 0, security!.Value, request.UserName, password, request.FromAddress, request.FromName)))
        {
            return CommandResult<Practice>.Invalid(v);
        }
        audit.Stage(db, user.UserId, Audit.AuditMiddleware.Actor(user), practice.Id, null, "mail-settings", $"mail through {practice.MailHost}:{practice.MailPort}");
        await db.SaveChangesAsync(cancellationToken);
        // Mail that waited for a server is due now (had this not run, it would wait its ten minutes).
        await db.OutgoingMail.Where(m => m.PracticeId == practice.Id && m.SentAt == null && m.GaveUpAt == null && m.Attempts == 0)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, m => m.CreatedAt), cancellationToken);
        queue.Wake();
        return CommandResult<Practice>.Done(practice);
    }

    public static ClientMailResponse DescribeClientMail(Practice p) => new(p.ReminderHoursBefore, p.MailsVisitChanges, p.MailsAftercare,
        p.ReminderTemplate ?? VisitMail.DefaultReminder, p.AftercareTemplate ?? VisitMail.DefaultAftercare);

    /// <summary>What clients are mailed, and in what words. A text left as Cupwise's own is stored as none, so that it follows Cupwise's.</summary>
    public async Task<CommandResult<Practice>> SaveClientMailAsync(ClientMailRequest request, CancellationToken cancellationToken = default)
    {
        var practice = await db.Practices.FirstAsync(p => p.Id == scope.PracticeId, cancellationToken);
        static string? Own(string? text, string standard) =>
            text is null || text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() == standard.Trim() ? null : text;
        var v = new RequestValidator();
        if (!v.Run("", () => practice.SetVisitMail(request.ReminderHoursBefore ?? practice.ReminderHoursBefore, request.VisitChanges ?? practice.MailsVisitChanges,
                request.Aftercare ?? practice.MailsAftercare, Own(request.ReminderTemplate, VisitMail.DefaultReminder), Own(request.AftercareTemplate, VisitMail.DefaultAftercare))))
        {
            return CommandResult<Practice>.Invalid(v);
        }
        audit.Stage(db, user.UserId, Audit.AuditMiddleware.Actor(user), practice.Id, null, "client-mail-settings",
            $"reminders {(practice.ReminderHoursBefore == 0 ? "off" : $"{practice.ReminderHoursBefore} h before")}, visit changes {(practice.MailsVisitChanges ? "on" : "off")}, aftercare {(practice.MailsAftercare ? "on" : "off")}");
        await db.SaveChangesAsync(cancellationToken);
        queue.Wake();
        return CommandResult<Practice>.Done(practice);
    }

    /// <summary>Queues a short test mail to an address, through the practice's server as it is set up now.</summary>
    public async Task<CommandResult<OutgoingMail>> SendTestAsync(string? to, CancellationToken cancellationToken = default)
    {
        var v = new RequestValidator();
        to = to?.Trim();
        if (!Practice.IsMailAddress(to))
        {
            v.Add("to", "must be an e-mail address such as you@example.org.");
            return CommandResult<OutgoingMail>.Invalid(v);
        }
        var practice = await PracticeAsync(cancellationToken);
        if (!practice.SendsMail)
        {
            return CommandResult<OutgoingMail>.Refused("Set up the mail server first: a test mail needs somewhere to go out through.");
        }
        var mail = queue.Stage(db, practice.Id, MailKind.Test, to!, $"Test mail from {practice.Name}",
            $"This is a test mail from Cupwise at {practice.Name}.\n\nIf you can read it, mail from the practice reaches this address.\n");
        await db.SaveChangesAsync(cancellationToken);
        queue.Wake();
        return CommandResult<OutgoingMail>.Done(mail);
    }

    /// <summary>The practice's latest mails, newest first.</summary>
    public Task<List<OutgoingMail>> RecentAsync(int limit = RecentLimit, CancellationToken cancellationToken = default) =>
        db.OutgoingMail.AsNoTracking().Where(m => m.PracticeId == scope.PracticeId)
            .OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id).Take(Math.Clamp(limit, 1, RecentLimit)).ToListAsync(cancellationToken);

    public static string StatusName(OutgoingMail m) => m.SentAt is not null ? "sent" : m.GaveUpAt is not null ? "not-sent" : "waiting";

    public static OutgoingMailResponse Response(OutgoingMail m) => new(m.Id.ToString(), m.Kind.ToString().ToLowerInvariant(), m.ToAddress, m.Subject,
        m.CreatedAt, StatusName(m), m.SentAt, m.Attempts, m.SentAt is null && m.GaveUpAt is null ? m.NextAttemptAt : null, m.LastError);
}
