using System.Net;
using System.Net.Http.Json;
using Cupwise.Clients;
using Cupwise.Data.Accounts;
using Cupwise.Domain.Scheduling;
using Cupwise.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Tests;

/// <summary>What the front desk does through the API: check-in, no-shows, the calendar, and a client's contact details.</summary>
public sealed class FrontDeskApiTests
{
    // Wednesday 2 Dec 2026, 10:00 UTC.
    private static FakeTimeProvider Now() => new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AnArrivedVisitHoldsItsTimeAndANoShowFreesIt()
    {
        var clock = Now();
        await using var app = await CupwiseApp.StartAsync(clock: clock);
        var desk = await app.ClientAsAsync(UserRole.FrontDesk);
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var now = clock.GetUtcNow();
        async Task<AppointmentResponse> Book(DateTimeOffset start) =>
            await (await desk.PostAsJsonAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, start, 45, null, []) { Confirm = true }, CupwiseApp.Json))
                .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);

        var soon = await Book(now.AddHours(1));
        var later = await Book(now.AddHours(4));
        var earlier = await Book(now.AddHours(-1));

        // Check-in from two hours before the start; not four hours ahead, and not after the visit.
        var tooEarly = await desk.PostAsJsonAsync($"/api/v1/appointments/{later.Id}/arrived", new AppointmentStatusRequest(later.Version), CupwiseApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Contains("at most 2 hours before", await tooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var arrived = await (await desk.PostAsJsonAsync($"/api/v1/appointments/{soon.Id}/arrived", new AppointmentStatusRequest(soon.Version), CupwiseApp.Json))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.OK);
        Assert.Equal(AppointmentStatus.Arrived, arrived.Status);
        var over = await desk.PostAsJsonAsync($"/api/v1/appointments/{earlier.Id}/arrived", new AppointmentStatusRequest(null), CupwiseApp.Json);
        Assert.Contains("The visit is over", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // An arrived visit is not moved or cancelled, and still holds its time.
        var move = await desk.PostAsJsonAsync($"/api/v1/appointments/{soon.Id}/move", new MoveAppointmentRequest(arrived.Version, now.AddHours(2), null, null), CupwiseApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, move.StatusCode);
        Assert.Contains("the client has arrived", await move.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var clash = await desk.PostAsJsonAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, now.AddHours(1.25), 30, null, []) { Confirm = true }, CupwiseApp.Json);
        Assert.Contains("already booked", await clash.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // A no-show only once the visit has started; a stale version is refused; then the time is free again.
        var notYet = await desk.PostAsJsonAsync($"/api/v1/appointments/{later.Id}/no-show", new AppointmentStatusRequest(null), CupwiseApp.Json);
        Assert.Contains("has not started yet", await notYet.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stale = await desk.PostAsJsonAsync($"/api/v1/appointments/{earlier.Id}/no-show", new AppointmentStatusRequest(earlier.Version + 5), CupwiseApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var noShow = await (await desk.PostAsJsonAsync($"/api/v1/appointments/{earlier.Id}/no-show", new AppointmentStatusRequest(earlier.Version), CupwiseApp.Json))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.OK);
        Assert.Equal(AppointmentStatus.NoShow, noShow.Status);
        await Book(now.AddHours(-1));

        // Nothing refused was written: the refused check-in and no-show left their visits booked.
        var statuses = await app.QueryAsync(db => db.Appointments.OrderBy(a => a.Start).Select(a => a.Status).ToListAsync());
        Assert.Equal([AppointmentStatus.NoShow, AppointmentStatus.Booked, AppointmentStatus.Arrived, AppointmentStatus.Booked], statuses);
    }

    [Fact]
    public async Task TheCalendarGivesTheDaysVisitsByPractitionerWithNamesAndHours()
    {
        var clock = Now();
        await using var app = await CupwiseApp.StartAsync(clock: clock);
        var desk = await app.ClientAsAsync(UserRole.FrontDesk);
        var client = await app.NewClientAsync("Okafor", "Ada");
        var practitioner = await app.NewPractitionerAsync();
        var now = clock.GetUtcNow();
        var today = await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, now.AddHours(1), 45, "Room 1", [])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        var friday = await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, now.AddDays(2), 45, null, [])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        var cancelled = await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, now.AddHours(3), 45, null, [])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        (await app.PostAsync($"/api/v1/appointments/{cancelled.Id}/cancel", new CancelAppointmentRequest("Unwell"))).EnsureSuccessStatusCode();

        var day = await desk.GetFromJsonAsync<CalendarResponse>("/api/v1/calendar", CupwiseApp.Json);
        Assert.Equal(new DateOnly(2026, 12, 2), day!.From);
        var visit = Assert.Single(day.Visits);
        Assert.Equal((today.Id, "Ada Okafor", "Room 1"), (visit.Id, visit.Client, visit.Room));
        Assert.Contains(day.Practitioners, p => p.Id == practitioner.Id && p.WorkingHours.Contains("Wednesday 09:00-17:00"));

        var week = await desk.GetFromJsonAsync<CalendarResponse>("/api/v1/calendar?date=2026-11-30&days=7", CupwiseApp.Json);
        Assert.Equal([today.Id, friday.Id], week!.Visits.Select(v => v.Id));

        var tooLong = await (await desk.GetAsync("/api/v1/calendar?days=8")).ProblemFieldsAsync();
        Assert.Contains("from 1 to 7", Assert.Single(tooLong["days"]), StringComparison.Ordinal);
        var farOff = await (await desk.GetAsync("/api/v1/calendar?date=9999-12-31")).ProblemFieldsAsync();
        Assert.Contains("2000 to 2200", Assert.Single(farOff["date"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheFrontDeskChangesContactDetailsAndTheHealthHistoryStays()
    {
        await using var app = await CupwiseApp.StartAsync();
        var desk = await app.ClientAsAsync(UserRole.FrontDesk);
        var client = await app.NewClientAsync();
        var contact = await (await desk.GetAsync($"/api/v1/clients/{client.Id}/contact")).ReadAsync<ClientContactResponse>(HttpStatusCode.OK);
        Assert.Equal("+44 20 7946 0000", contact.Phone);
        // The front desk reads no health history: the contact answer has none, and the full record is refused.
        Assert.DoesNotContain("Apixaban", await (await desk.GetAsync($"/api/v1/clients/{client.Id}/contact")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.GetAsync($"/api/v1/clients/{client.Id}")).StatusCode);

        var change = new ClientContactRequest(contact.FamilyName, contact.GivenName, contact.DateOfBirth, "female", "new@example.org", "+44 20 7946 0999", contact.Version);
        var changed = await (await desk.PutAsJsonAsync($"/api/v1/clients/{client.Id}/contact", change, CupwiseApp.Json)).ReadAsync<ClientContactResponse>(HttpStatusCode.OK);
        Assert.Equal(("new@example.org", "+44 20 7946 0999", contact.Version + 1), (changed.Email, changed.Phone, changed.Version));

        var stale = await desk.PutAsJsonAsync($"/api/v1/clients/{client.Id}/contact", change, CupwiseApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var control = await (await desk.PutAsJsonAsync($"/api/v1/clients/{client.Id}/contact", change with { Phone = "+44\u0007", Version = changed.Version }, CupwiseApp.Json)).ProblemFieldsAsync();
        Assert.Contains("phone", control.Keys);

        var stored = await app.QueryAsync(db => db.Clients.SingleAsync(c => c.Id == Guid.Parse(client.Id)));
        Assert.Equal("Neck pain", Assert.Single(stored.HealthHistory.Conditions).Name);
        Assert.Equal("Apixaban", Assert.Single(stored.HealthHistory.Medications).Name);
        Assert.Equal(2, stored.Version);
        Assert.Equal(1, await app.QueryAsync(db => db.ClientRevisions.CountAsync(r => r.ClientId == stored.Id)));
    }
}

public sealed class ServicesApiTests
{
    [Fact]
    public async Task AnOwnerOffersServicesTheDeskBooksThemAndARetiredOneIsNotBooked()
    {
        await using var app = await CupwiseApp.StartAsync();
        var desk = await app.ClientAsAsync(UserRole.FrontDesk);
        var added = await (await app.PostAsync("/api/v1/services", new ServiceRequest("Cupping, back", 50, 60.00m))).ReadAsync<ServiceResponse>(HttpStatusCode.Created);
        Assert.Equal((50, 60.00m), (added.Minutes, added.Price!.Value));

        // The front desk reads them but does not add them; bad values are named.
        Assert.Equal(HttpStatusCode.Forbidden, (await desk.PostAsJsonAsync("/api/v1/services", new ServiceRequest("Desk's own", 30, null), CupwiseApp.Json)).StatusCode);
        var bad = await (await app.PostAsync("/api/v1/services", new ServiceRequest("", 500, -1m))).ProblemFieldsAsync();
        Assert.Equal(["minutes", "name", "price"], bad.Keys.Order(StringComparer.Ordinal));
        var twice = await (await app.PostAsync("/api/v1/services", new ServiceRequest("CUPPING, BACK", 30, null))).ProblemFieldsAsync();
        Assert.Contains("already a service", Assert.Single(twice["name"]), StringComparison.Ordinal);
        var listed = await desk.GetFromJsonAsync<List<ServiceResponse>>("/api/v1/services", CupwiseApp.Json);
        Assert.Equal("Cupping, back", Assert.Single(listed!).Name);

        // Booked without minutes, a service gives its length; the calendar names it.
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var start = new DateTimeOffset(2027, 1, 5, 10, 0, 0, TimeSpan.Zero);
        var booked = await (await desk.PostAsJsonAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, start, null, null, []) { ServiceId = added.Id, Confirm = true }, CupwiseApp.Json))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        Assert.Equal((start.AddMinutes(50), added.Id), (booked.End, booked.ServiceId));
        var day = await desk.GetFromJsonAsync<CalendarResponse>("/api/v1/calendar?date=2027-01-05", CupwiseApp.Json);
        Assert.Equal("Cupping, back", Assert.Single(day!.Visits).Service);

        // Retired: no longer listed or booked, and the booked visit keeps it.
        (await app.PostAsync($"/api/v1/services/{added.Id}/retire", new { })).EnsureSuccessStatusCode();
        Assert.Empty((await desk.GetFromJsonAsync<List<ServiceResponse>>("/api/v1/services", CupwiseApp.Json))!);
        var retired = await (await desk.PostAsJsonAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, start.AddDays(1), null, null, []) { ServiceId = added.Id, Confirm = true }, CupwiseApp.Json)).ProblemFieldsAsync();
        Assert.Contains("not a service this practice offers", Assert.Single(retired["serviceId"]), StringComparison.Ordinal);
        Assert.Equal("Cupping, back", (await desk.GetFromJsonAsync<CalendarResponse>("/api/v1/calendar?date=2027-01-05", CupwiseApp.Json))!.Visits.Single().Service);
    }
}
