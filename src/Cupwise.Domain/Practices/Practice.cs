namespace Cupwise.Domain.Practices;

/// <summary>A practice: the tenant that every row of client data belongs to.</summary>
public sealed class Practice
{
    private Practice()
    {
        Name = string.Empty;
    }

    public Practice(Guid id, string name, DateTimeOffset createdAt)
    {
        Id = id;
        Name = Guard.Required("name", name, 200);
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The practice's IANA time zone (for example Europe/Berlin): working hours and the times people read are in it.</summary>
    public string TimeZoneId { get; private set; } = "UTC";

    /// <summary>SCIENCE.md §2: at least 3 days between sessions on one site by default; a practice may ask for more.</summary>
    public int MinimumSiteIntervalDays { get; private set; } = DefaultMinimumSiteIntervalDays;

    public const int DefaultMinimumSiteIntervalDays = 3;

    /// <summary>Whether owners and practitioners must sign in with an authenticator code as well as their password.</summary>
    public bool RequireTwoStepSignIn { get; private set; }

    public void SetTwoStepSignIn(bool required) => RequireTwoStepSignIn = required;

    /// <summary>
    /// Whether a practitioner sees only the clients in their care (those they added, charted or booked) unless an
    /// owner grants time-boxed access. Off: every practitioner of the practice sees every client.
    /// </summary>
    public bool PractitionersSeeOwnClientsOnly { get; private set; }

    public void SetPractitionersSeeOwnClientsOnly(bool ownOnly) => PractitionersSeeOwnClientsOnly = ownOnly;

    /// <summary>The SMTP server the practice's mail goes out through; null until an owner sets it up.</summary>
    public string? MailHost { get; private set; }
    public int MailPort { get; private set; }
    public MailSecurity MailSecurity { get; private set; }
    public string? MailUserName { get; private set; }

    /// <summary>The SMTP password, encrypted by the app before it reaches the domain (never shown again).</summary>
    public string? MailPasswordProtected { get; private set; }
    public string? MailFromAddress { get; private set; }
    public string? MailFromName { get; private set; }

    public bool SendsMail => MailHost is not null && MailFromAddress is not null;

    /// <summary>
    /// Sets where the practice's mail goes out. <paramref name="protectedPassword"/>: null keeps the stored one, empty
    /// removes it. Every field is checked together.
    /// </summary>
    public void SetMail(string? host, int port, MailSecurity security, string? userName, string? protectedPassword, string? fromAddress, string? fromName)
    {
        var checks = new Checks();
        var h = checks.Run(() => Guard.Required("host", host, 253), "");
        if (h.Length > 0 && !IsHostName(h))
        {
            checks.Fail("host", "must be a server name such as smtp.example.org, or an IP address.");
        }
        if (port is < 1 or > 65535)
        {
            checks.Fail("port", $"must be 1 to 65535 (usually 587 for STARTTLS, 465 for TLS); got {port}.");
        }
        if (!Enum.IsDefined(security))
        {
            checks.Fail("security", "must be STARTTLS, TLS or none.");
        }
        var user = checks.Run(() => Guard.Optional("userName", userName, 256), null);
        var from = checks.Run(() => Guard.Required("fromAddress", fromAddress, 256), "");
        if (from.Length > 0 && !IsMailAddress(from))
        {
            checks.Fail("fromAddress", "must be an e-mail address such as desk@example.org.");
        }
        var name = checks.Run(() => Guard.Optional("fromName", fromName, 100), null);
        if (name is not null && name.IndexOfAny(['\r', '\n', '\t']) >= 0)
        {
            checks.Fail("fromName", "must be one line.");
        }
        checks.ThrowIfAny();
        MailHost = h;
        MailPort = port;
        MailSecurity = security;
        MailUserName = user;
        if (protectedPassword is not null)
        {
            MailPasswordProtected = protectedPassword.Length == 0 ? null : protectedPassword;
        }
        if (user is null)
        {
            MailPasswordProtected = null;
        }
        MailFromAddress = from;
        MailFromName = name;
    }

    /// <summary>How many hours before a booked visit its reminder goes out; 0: no reminders.</summary>
    public int ReminderHoursBefore { get; private set; } = DefaultReminderHoursBefore;

    public const int DefaultReminderHoursBefore = 24;
    public const int MaximumReminderHoursBefore = 168;
    public const int MaximumTemplateLength = 2000;

    /// <summary>Whether a client with an e-mail is told when a visit is booked, moved or cancelled.</summary>
    public bool MailsVisitChanges { get; private set; } = true;

    /// <summary>Whether a client with an e-mail gets the aftercare mail when a session is completed.</summary>
    public bool MailsAftercare { get; private set; } = true;

    /// <summary>The practice's own words for the reminder and the aftercare mail; null: Cupwise's.</summary>
    public string? ReminderTemplate { get; private set; }
    public string? AftercareTemplate { get; private set; }

    /// <summary>What a mail's text may name: filled in when it is sent. Nothing clinical is among them.</summary>
    public static readonly IReadOnlyList<string> TemplatePlaceholders = ["{client}", "{practice}", "{practitioner}", "{when}"];

    public void SetVisitMail(int reminderHoursBefore, bool visitChanges, bool aftercare, string? reminderTemplate, string? aftercareTemplate)
    {
        var checks = new Checks();
        if (reminderHoursBefore is < 0 or > MaximumReminderHoursBefore)
        {
            checks.Fail("reminderHoursBefore", $"must be 0 (no reminders) to {MaximumReminderHoursBefore} hours (a week); got {reminderHoursBefore}.");
        }
        var reminder = checks.Run(() => Template("reminderTemplate", reminderTemplate), null);
        var after = checks.Run(() => Template("aftercareTemplate", aftercareTemplate), null);
        checks.ThrowIfAny();
        ReminderHoursBefore = reminderHoursBefore;
        MailsVisitChanges = visitChanges;
        MailsAftercare = aftercare;
        ReminderTemplate = reminder;
        AftercareTemplate = after;
    }

    private static string? Template(string field, string? text)
    {
        var value = Guard.Optional(field, text, MaximumTemplateLength);
        if (value is null)
        {
            return null;
        }
        var unknown = System.Text.RegularExpressions.Regex.Matches(value, @"\{[^{}]*\}").Select(m => m.Value).Where(p => !TemplatePlaceholders.Contains(p)).Distinct().ToList();
        if (unknown.Count > 0)
        {
            throw new DomainValidationException(field, $"uses {string.Join(", ", unknown)}, which Cupwise cannot fill in; it knows {string.Join(", ", TemplatePlaceholders)}.");
        }
        return value.Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    /// <summary>An address people type: one @, something either side, no spaces or line breaks, at most 256 characters.</summary>
    public static bool IsMailAddress(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Length > 256)
        {
            return false;
        }
        var at = value.IndexOf('@');
        return at > 0 && at == value.LastIndexOf('@') && at < value.Length - 1 && value.IndexOf('.', at) > at + 1 && !value.EndsWith('.')
            && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';' or '"');
    }

    private static bool IsHostName(string value) =>
        System.Net.IPAddress.TryParse(value, out _)
        || (value.Split('.').All(label => label.Length is > 0 and <= 63 && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
            && label[0] != '-' && label[^1] != '-'));

    public TimeZoneInfo TimeZone => FindTimeZone(TimeZoneId) ?? TimeZoneInfo.Utc;

    public void ChangeSettings(string timeZoneId, int minimumSiteIntervalDays)
    {
        var errors = new List<FieldError>();
        if (FindTimeZone(timeZoneId) is null)
        {
            errors.Add(new FieldError("timeZone", "must be an IANA time zone such as Europe/Berlin, America/New_York or UTC."));
        }
        if (minimumSiteIntervalDays is < 3 or > 60)
        {
            errors.Add(new FieldError("minimumSiteIntervalDays", "must be 3 to 60 days (SCIENCE.md §2: at least 3 days between sessions on one site)."));
        }
        if (errors.Count > 0)
        {
            throw DomainValidationException.Many(errors);
        }
        TimeZoneId = FindTimeZone(timeZoneId)!.Id;
        MinimumSiteIntervalDays = minimumSiteIntervalDays;
    }

    private static TimeZoneInfo? FindTimeZone(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? zone : null;
}

/// <summary>How the connection to the practice's SMTP server is secured.</summary>
public enum MailSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS (usually port 587); refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (usually port 465).</summary>
    Tls,

    /// <summary>No encryption: only for a mail relay on the same machine or network.</summary>
    None,
}

/// <summary>A person who gives treatments in a practice.</summary>
public sealed class Practitioner
{
    private Practitioner()
    {
        DisplayName = string.Empty;
    }

    public Practitioner(Guid id, Guid practiceId, string displayName, string? profession, DateTimeOffset createdAt)
    {
        Id = id;
        PracticeId = practiceId;
        DisplayName = Guard.Required("displayName", displayName, 200);
        Profession = Guard.Optional("profession", profession, 200);
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid PracticeId { get; private set; }
    public string DisplayName { get; private set; }

    /// <summary>For example acupuncturist, massage therapist, physiotherapist, esthetician.</summary>
    public string? Profession { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When this practitioner sees clients, in practice time; Monday to Friday 09:00–17:00 until set.</summary>
    public List<Scheduling.WorkingHours> WorkingHours { get; private set; } = [.. Scheduling.WorkingHours.Default];

    public void SetWorkingHours(IReadOnlyList<Scheduling.WorkingHours> hours)
    {
        WorkingHours = [.. Scheduling.WorkingHours.Validate(hours)];
    }
}
