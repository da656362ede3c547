using System.Globalization;
using Cupwise.Accounts;
using Cupwise.Api;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Cupwise.Domain;
using Cupwise.Domain.Catalogue;
using Cupwise.Domain.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Scheduling;

/// <summary>
/// Booking, moving and cancelling visits, for the API and the client's chart alike. A clash with the
/// practitioner's or the room's bookings is refused; a visit before its sites have cleared, or outside the
/// practitioner's working hours, is booked only once confirmed, and the warning names the first good time.
/// </summary>
public sealed class AppointmentCommands(CupwiseDbContext db, PracticeScope scope, TimeProvider clock, Mail.MailQueue mail, CurrentUser user)
{
    public const int DefaultMinutes = 45;

    public async Task<CommandResult<Appointment>> BookAsync(AppointmentRequest request, CancellationToken cancellationToken = default)
    {
        var v = new RequestValidator();
        var clientId = Guid.TryParse(request.ClientId, out var c) && await db.Clients.AnyAsync(x => x.Id == c, cancellationToken) ? c : (Guid?)null;
        var practitionerId = Guid.TryParse(request.PractitionerId, out var p) && await db.Practitioners.AnyAsync(x => x.Id == p, cancellationToken) ? p : (Guid?)null;
        if (clientId is null) { v.Add("clientId", "is not a client of this practice."); }
        if (practitionerId is null) { v.Add("practitionerId", "is not a practitioner of this practice."); }
        if (request.Start is null) { v.Add("start", "is required, as an ISO 8601 time such as 2026-12-01T09:30:00Z."); }
        VisitService? service = null;
        if (request.ServiceId is { Length: > 0 } serviceText)
        {
            service = Guid.TryParse(serviceText, out var s) ? await db.Services.AsNoTracking().FirstOrDefaultAsync(x => x.Id == s && !x.Retired, cancellationToken) : null;
            if (service is null) { v.Add("serviceId", "is not a service this practice offers."); }
        }
        var sites = ReadSites(request.PlannedSites, v);
        if (!v.IsValid)
        {
            return CommandResult<Appointment>.Invalid(v);
        }
        var appointment = v.Try("", () => Appointment.Book(scope.PracticeId, clientId!.Value, practitionerId!.Value, request.Room, request.Start!.Value,
            TimeSpan.FromMinutes(request.Minutes ?? service?.Minutes ?? DefaultMinutes), sites, service?.Id));
        if (appointment is null)
        {
            return CommandResult<Appointment>.Invalid(v);
        }
        if (await CheckAsync(appointment, request.Confirm, cancellationToken) is { } why)
        {
            return why;
        }
        db.Appointments.Add(appointment);
        await Mail.VisitMail.StageChangeAsync(db, mail, appointment, "booked", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        mail.Wake();
        return CommandResult<Appointment>.Done(appointment);
    }

    public async Task<CommandResult<Appointment>> MoveAsync(Guid appointmentId, MoveAppointmentRequest request, CancellationToken cancellationToken = default)
    {
        if (await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken) is not { } appointment)
        {
            return CommandResult<Appointment>.NotFound();
        }
        var v = new RequestValidator();
        if (request.Version is null) { v.Add("version", "is required: send the version you read."); }
        if (request.Start is null) { v.Add("start", "is required."); }
        if (!v.IsValid)
        {
            return CommandResult<Appointment>.Invalid(v);
        }
        if (request.Version != appointment.Version)
        {
            return CommandResult<Appointment>.Stale(appointment.Version);
        }
        db.Entry(appointment).Property(a => a.Version).OriginalValue = request.Version!.Value;
        var minutes = request.Minutes ?? (int)(appointment.End - appointment.Start).TotalMinutes;
        try
        {
            appointment.Move(request.Start!.Value, TimeSpan.FromMinutes(minutes), request.Room ?? appointment.Room);
        }
        catch (DomainValidationException e)
        {
            v.AddAll("", e);
            return CommandResult<Appointment>.Invalid(v);
        }
        catch (DomainStateException e)
        {
            return CommandResult<Appointment>.Refused(e.Message);
        }
        if (await CheckAsync(appointment, request.Confirm, cancellationToken) is { } why)
        {
            return why;
        }
        await Mail.VisitMail.StageChangeAsync(db, mail, appointment, "moved", cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<Appointment>.Stale();
        }
        mail.Wake();
        return CommandResult<Appointment>.Done(appointment);
    }

    public Task<CommandResult<Appointment>> CancelAsync(Guid appointmentId, CancelAppointmentRequest request, CancellationToken cancellationToken = default) =>
        ChangeAsync(appointmentId, null, a => a.Cancel(request.Reason ?? string.Empty), cancellationToken, mailAs: "cancelled");

    /// <summary>A client cancels one of their own visits from their login, a day ahead at least; the practice is not asked.</summary>
    public async Task<CommandResult<Appointment>> CancelByClientAsync(Guid appointmentId, Guid clientId, CancellationToken cancellationToken = default)
    {
        if (!await db.Appointments.AnyAsync(a => a.Id == appointmentId && a.ClientId == clientId, cancellationToken))
        {
            return CommandResult<Appointment>.NotFound();
        }
        return await ChangeAsync(appointmentId, null, a => a.CancelByClient(clock.GetUtcNow()), cancellationToken, mailAs: "cancelled");
    }

    /// <summary>The client is here (the front desk checks them in).</summary>
    public Task<CommandResult<Appointment>> MarkArrivedAsync(Guid appointmentId, int? version, CancellationToken cancellationToken = default) =>
        ChangeAsync(appointmentId, version, a => a.MarkArrived(clock.GetUtcNow()), cancellationToken);

    /// <summary>The client did not come.</summary>
    public Task<CommandResult<Appointment>> MarkNoShowAsync(Guid appointmentId, int? version, CancellationToken cancellationToken = default) =>
        ChangeAsync(appointmentId, version, a => a.MarkNoShow(clock.GetUtcNow()), cancellationToken);

    /// <summary>Loads, changes through the domain and saves once; a version, when given, must be the one stored.</summary>
    private async Task<CommandResult<Appointment>> ChangeAsync(Guid appointmentId, int? version, Action<Appointment> change, CancellationToken cancellationToken,
        string? mailAs = null)
    {
        if (await db.Appointments.FirstOrDefaultAsync(a => a.Id == appointmentId, cancellationToken) is not { } appointment)
        {
            return CommandResult<Appointment>.NotFound();
        }
        if (version is { } read)
        {
            if (read != appointment.Version)
            {
                return CommandResult<Appointment>.Stale(appointment.Version);
            }
            db.Entry(appointment).Property(a => a.Version).OriginalValue = read;
        }
        var v = new RequestValidator();
        try
        {
            change(appointment);
        }
        catch (DomainValidationException e)
        {
            v.AddAll("", e);
            return CommandResult<Appointment>.Invalid(v);
        }
        catch (DomainStateException e)
        {
            return CommandResult<Appointment>.Refused(e.Message);
        }
        if (mailAs is not null)
        {
            await Mail.VisitMail.StageChangeAsync(db, mail, appointment, mailAs, cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult<Appointment>.Stale();
        }
        mail.Wake();
        return CommandResult<Appointment>.Done(appointment);
    }

    /// <summary>
    /// The booked visits of a client that now fall before one of their planned sites clears: what an amendment that
    /// darkens a mark (or a new session) changes for the calendar. Words, for the person who made the change.
    /// </summary>
    public async Task<IReadOnlyList<string>> VisitsBeforeTheirSitesClearAsync(Guid clientId, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        var booked = await db.Appointments.AsNoTracking()
            .Where(a => a.ClientId == clientId && a.Status == AppointmentStatus.Booked && a.End > now).OrderBy(a => a.Start).ToListAsync(cancellationToken);
        if (booked.Count == 0)
        {
            return [];
        }
        var (eligibility, zone) = await Marks.SiteClearance.ForClientAsync(db, clientId, null, cancellationToken);
        var result = new List<string>();
        foreach (var a in booked)
        {
            foreach (var late in Late(a, eligibility))
            {
                result.Add($"The visit on {Day(a.Start, zone)} is before {late.Name} clears ({Day(late.From, zone)}).");
            }
        }
        return result;
    }

    /// <summary>A clash refuses; a site not yet clear or a time outside working hours asks for a confirmation.</summary>
    private async Task<CommandResult<Appointment>?> CheckAsync(Appointment appointment, bool confirmed, CancellationToken cancellationToken)
    {
        if (await Booking.ClashAsync(db, appointment, cancellationToken) is { } clash)
        {
            return CommandResult<Appointment>.Refused(clash);
        }
        if (confirmed)
        {
            return null;
        }
        // The sites' clearance only matters for a visit that names sites; the zone is needed for the hours either way.
        var (eligibility, zone) = appointment.PlannedSites.Count > 0
            ? await Marks.SiteClearance.ForClientAsync(db, appointment.ClientId, null, cancellationToken)
            : ([], await PracticeZoneAsync(cancellationToken));
        var warnings = new List<string>();
        var late = Late(appointment, eligibility).ToList();
        if (user.Is(UserRole.FrontDesk))
        {
            // The front desk books visits but never sees clinical detail: not which sites were cupped, only when.
            if (late.Count > 0)
            {
                warnings.Add($"The marks from the client's last cupping will not all have faded by then: cupping again is possible from {Day(late.Max(l => l.From), zone)}.");
            }
        }
        else
        {
            foreach (var (name, from) in late)
            {
                warnings.Add($"{name} will not have cleared: it may be cupped again from {Day(from, zone)}.");
            }
        }
        var practitioner = await db.Practitioners.AsNoTracking().Where(p => p.Id == appointment.PractitionerId)
            .Select(p => new { p.DisplayName, p.WorkingHours }).FirstAsync(cancellationToken);
        var hours = practitioner.WorkingHours;
        var start = TimeZoneInfo.ConvertTime(appointment.Start, zone);
        var end = TimeZoneInfo.ConvertTime(appointment.End, zone);
        var inside = start.Date == end.Date && hours.Any(h => h.Day == start.DayOfWeek && h.From <= TimeOnly.FromDateTime(start.DateTime) && TimeOnly.FromDateTime(end.DateTime) <= h.To);
        if (!inside)
        {
            warnings.Add($"{start:ddd d MMM HH:mm}–{end:HH:mm} is outside {practitioner.DisplayName}'s working hours ({HoursInWords(hours)}).");
        }
        if (warnings.Count == 0)
        {
            return null;
        }
        var earliest = late.Select(l => l.From).Append(clock.GetUtcNow()).Max();
        var booked = await db.Appointments.AsNoTracking()
            .Where(a => a.Id != appointment.Id && a.PractitionerId == appointment.PractitionerId && (a.Status == AppointmentStatus.Booked || a.Status == AppointmentStatus.Arrived) && a.End > earliest
                && a.Start < earliest + SlotFinder.Horizon + TimeSpan.FromDays(1))
            .ToListAsync(cancellationToken);
        var first = SlotFinder.FreeSlots(earliest, appointment.End - appointment.Start, hours, booked, count: 1, zone: zone);
        warnings.Add(first.Count > 0
            ? $"The first good time is {TimeZoneInfo.ConvertTime(first[0], zone).ToString("ddd d MMM HH:mm", CultureInfo.InvariantCulture)}."
            : "No free time within the next 60 days fits both.");
        return CommandResult<Appointment>.NeedsConfirmation(string.Join(" ", warnings));
    }

    private static IEnumerable<(string Name, DateTimeOffset From)> Late(Appointment appointment, IReadOnlyList<Domain.Marks.SiteEligibility> eligibility)
    {
        foreach (var planned in appointment.PlannedSites)
        {
            var parts = planned.Split(':');
            var side = parts.Length > 1 && Enum.TryParse<BodySide>(parts[1], ignoreCase: true, out var s) ? s : BodySide.None;
            var e = eligibility.FirstOrDefault(x => x.SiteId == parts[0] && x.Side == side);
            if (e is not null && e.EligibleFrom > appointment.Start)
            {
                yield return (Marks.SiteClearance.SiteName(parts[0], side), e.EligibleFrom);
            }
        }
    }

    private Task<TimeZoneInfo> PracticeZoneAsync(CancellationToken cancellationToken) => PracticeTime.ZoneAsync(db, scope.PracticeId, cancellationToken);

    private static string HoursInWords(IEnumerable<WorkingHours> hours) =>
        string.Join(", ", hours.Select(h => string.Create(CultureInfo.InvariantCulture, $"{h.Day.ToString()[..3]} {h.From:HH:mm}–{h.To:HH:mm}")));

    private static string Day(DateTimeOffset t, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(t, zone).ToString("ddd d MMM", CultureInfo.InvariantCulture);

    public static List<string> ReadSites(IReadOnlyList<string>? given, RequestValidator v)
    {
        var sites = new List<string>();
        var items = given ?? [];
        for (var i = 0; i < items.Count; i++)
        {
            var parts = items[i].Split(':');
            var site = StandardCatalogue.Sites.FirstOrDefault(s => s.Id == parts[0]);
            var side = parts.Length > 1 ? parts[1] : "none";
            if (site is null || side is not ("none" or "left" or "right"))
            {
                v.Add($"plannedSites[{i}]", "must be site:side, such as lower-back:left (sides: none, left, right).");
                continue;
            }
            sites.Add($"{site.Id}:{side}");
        }
        return sites;
    }
}
