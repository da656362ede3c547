using System.Net.Http.Json;
using System.Net;
using Cupwise.Scheduling;
using Cupwise.Sessions;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Tests;

/// <summary>
/// A visit is booked for when its sites have cleared and the practitioner works; anything else is booked only
/// once confirmed, with the first good time named. An amendment that darkens a mark names the visits it affects.
/// </summary>
public sealed class BookingChecksTests
{
    // Friday 20 November 2026, 09:00 UTC; the practice is on UTC and works Monday to Friday 09:00–17:00.
    private static readonly DateTimeOffset Friday = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static async Task<(CupwiseApp App, string ClientId, string PractitionerId, SessionResponse Visit)> TreatedAsync(int grade)
    {
        var app = await CupwiseApp.StartAsync(clock: new FakeTimeProvider(Friday.AddHours(1)));
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var visit = await (await app.PostAsync("/api/v1/sessions", new SessionRequest(client.Id, practitioner.Id, "completed", Friday, Friday.AddMinutes(15), null, null,
            [Requests.Cup("glass-large", "upper-back", "left", Friday, Friday.AddMinutes(10), grade)]))).ReadAsync<SessionResponse>(HttpStatusCode.Created);
        return (app, client.Id, practitioner.Id, visit);
    }

    [Fact]
    public async Task AVisitBeforeItsSitesClearNeedsAConfirmationThatNamesTheFirstGoodTime()
    {
        var (app, client, practitioner, _) = await TreatedAsync(grade: 3);
        await using var _ = app;
        var monday = new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
        var early = new AppointmentRequest(client, practitioner, monday, 45, null, ["upper-back:left"]);

        var asked = await app.PostAsync("/api/v1/appointments", early);
        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        var why = await asked.Content.ReadAsStringAsync();
        Assert.Contains("Upper back, beside the spine, left will not have cleared: it may be cupped again from", why, StringComparison.Ordinal);
        Assert.Contains("The first good time is", why, StringComparison.Ordinal);
        Assert.Contains("confirm", why, StringComparison.Ordinal);
        // The front desk is told when, not which sites were cupped.
        var desk = await app.ClientAsAsync(Cupwise.Data.Accounts.UserRole.FrontDesk);
        var deskAsked = await desk.PostAsJsonAsync("/api/v1/appointments", early, CupwiseApp.Json);
        Assert.Equal(HttpStatusCode.Conflict, deskAsked.StatusCode);
        var told = await deskAsked.Content.ReadAsStringAsync();
        Assert.Contains("last cupping will not all have faded by then: cupping again is possible from", told, StringComparison.Ordinal);
        Assert.DoesNotContain("Upper back", told, StringComparison.Ordinal);
        Assert.Empty(await app.GetAsync<List<AppointmentResponse>>($"/api/v1/practitioners/{practitioner}/appointments?from=2026-11-20T00:00:00Z"));

        var booked = await (await app.PostAsync("/api/v1/appointments", early with { Confirm = true })).ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        Assert.Equal(monday, booked.Start);
        // The other side was never cupped: no question asked.
        await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client, practitioner, monday.AddHours(2), 45, null, ["upper-back:right"])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AVisitOutsideTheWorkingHoursNeedsAConfirmationWhenBookedOrMoved()
    {
        var (app, client, practitioner, _) = await TreatedAsync(grade: 1);
        await using var _ = app;
        var saturday = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        var asked = await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client, practitioner, saturday, 45, null, []));
        Assert.Equal(HttpStatusCode.Conflict, asked.StatusCode);
        Assert.Contains("is outside", await asked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var tuesday = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var booked = await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client, practitioner, tuesday, 45, null, [])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        var evening = new MoveAppointmentRequest(booked.Version, tuesday.AddHours(9), null, null);
        var moveAsked = await app.PostAsync($"/api/v1/appointments/{booked.Id}/move", evening);
        Assert.Equal(HttpStatusCode.Conflict, moveAsked.StatusCode);
        Assert.Contains("Tue 1 Dec 19:00–19:45 is outside", await moveAsked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var moved = await (await app.PostAsync($"/api/v1/appointments/{booked.Id}/move", evening with { Confirm = true })).ReadAsync<AppointmentResponse>(HttpStatusCode.OK);
        Assert.Equal(tuesday.AddHours(9), moved.Start);
    }

    [Fact]
    public async Task AnAmendmentThatDarkensAMarkNamesTheBookedVisitsItNowComesBefore()
    {
        var (app, client, practitioner, visit) = await TreatedAsync(grade: 1);
        await using var _ = app;
        // Light pink clears within a day: the site is free again after the 3-day minimum, so Wednesday is fine.
        var wednesday = new DateTimeOffset(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);
        await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client, practitioner, wednesday, 45, null, ["upper-back:left"])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);

        // Seen two days later, the mark was deep purple: the site needs about two weeks.
        var amended = await (await app.PostAsync($"/api/v1/sessions/{visit.Id}/amendments",
            new AmendSessionRequest(visit.Version, "Re-graded from the follow-up photo", null, null, [new CupAmendmentRequest(visit.Cups[0].Id, 4, null, null, null, null, null)])))
            .ReadAsync<SessionResponse>(HttpStatusCode.OK);
        var notice = Assert.Single(amended.Notices);
        Assert.StartsWith("The visit on Wed 25 Nov is before Upper back, beside the spine, left clears", notice, StringComparison.Ordinal);

        // An amendment that changes nothing about the marks names nothing.
        var notes = await (await app.PostAsync($"/api/v1/sessions/{visit.Id}/amendments",
            new AmendSessionRequest(amended.Version, "Typo", "Client slept well after", null, null))).ReadAsync<SessionResponse>(HttpStatusCode.OK);
        Assert.Empty(notes.Notices);
    }
}
