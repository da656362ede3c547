using System.Net;
using Cupwise.Domain.Scheduling;
using Cupwise.Practitioners;
using Cupwise.Scheduling;
using Microsoft.Extensions.Time.Testing;

namespace Cupwise.Tests;

public sealed class AppointmentsApiTests
{
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BookingsClashPerPractitionerAndPerRoom()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var a = await app.NewPractitionerAsync();
        var b = await app.NewPractitionerAsync();
        var first = await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, a.Id, Tuesday.AddHours(9), 45, "Room 1", ["lower-back:left"])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        Assert.Equal(Tuesday.AddHours(9.75), first.End);

        var samePractitioner = await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, a.Id, Tuesday.AddHours(9.5), 45, "Room 2", []));
        Assert.Equal(HttpStatusCode.Conflict, samePractitioner.StatusCode);
        Assert.Contains("practitioner is already booked", await samePractitioner.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var sameRoom = await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, b.Id, Tuesday.AddHours(9.5), 45, "Room 1", []));
        Assert.Equal(HttpStatusCode.Conflict, sameRoom.StatusCode);
        var elsewhere = await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, b.Id, Tuesday.AddHours(9.5), 45, "Room 2", []));
        Assert.Equal(HttpStatusCode.Created, elsewhere.StatusCode);

        var list = await app.GetAsync<List<AppointmentResponse>>($"/api/v1/practitioners/{a.Id}/appointments?from={Uri.EscapeDataString(Tuesday.ToString("O"))}");
        Assert.Equal(first.Id, Assert.Single(list).Id);
    }

    [Fact]
    public async Task AnAppointmentMovesWithItsVersionAndACancelFreesTheTime()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var booked = await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, Tuesday.AddHours(9), 45, null, [])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        var moved = await (await app.PostAsync($"/api/v1/appointments/{booked.Id}/move", new MoveAppointmentRequest(booked.Version, Tuesday.AddHours(14), null, null)))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.OK);
        Assert.Equal((Tuesday.AddHours(14), Tuesday.AddHours(14.75)), (moved.Start, moved.End));
        var stale = await app.PostAsync($"/api/v1/appointments/{booked.Id}/move", new MoveAppointmentRequest(booked.Version, Tuesday.AddHours(15), null, null));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        var noReason = await (await app.PostAsync($"/api/v1/appointments/{booked.Id}/cancel", new CancelAppointmentRequest(null))).ProblemFieldsAsync();
        Assert.Contains("reason", noReason.Keys);
        var cancelled = await (await app.PostAsync($"/api/v1/appointments/{booked.Id}/cancel", new CancelAppointmentRequest("Client unwell")))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.OK);
        Assert.Equal(AppointmentStatus.Cancelled, cancelled.Status);
        var again = await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, Tuesday.AddHours(14), 45, null, []));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
    }

    [Fact]
    public async Task TheNextSlotsWaitUntilThePlannedSitesHaveCleared()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var app = await CupwiseApp.StartAsync(clock: clock);
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id, cups: 2); // grade-2 marks on the lower back, 20 Nov 09:10
        var removed = session.Cups[0].RemovedAt!.Value;

        var slots = await app.GetAsync<SlotsResponse>($"/api/v1/clients/{client.Id}/next-slots?practitionerId={practitioner.Id}&sites=lower-back:left,lower-back:right");
        Assert.InRange((slots.EarliestForSites - removed).TotalDays, 3, 5.5);
        Assert.NotEmpty(slots.Slots);
        Assert.All(slots.Slots, s =>
        {
            Assert.True(s >= slots.EarliestForSites);
            Assert.InRange(s.TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(16.25));
            Assert.NotEqual(DayOfWeek.Saturday, s.DayOfWeek);
            Assert.NotEqual(DayOfWeek.Sunday, s.DayOfWeek);
        });
        var unplanned = await app.GetAsync<SlotsResponse>($"/api/v1/clients/{client.Id}/next-slots?practitionerId={practitioner.Id}&sites=upper-trapezius:left");
        Assert.Equal(clock.GetUtcNow(), unplanned.EarliestForSites); // a site never cupped is free now
        var bad = await (await app.Client.GetAsync($"/api/v1/clients/{client.Id}/next-slots?practitionerId={practitioner.Id}&sites=moon:left")).ProblemFieldsAsync();
        Assert.Contains("plannedSites[0]", bad.Keys);
    }

    [Fact]
    public async Task NextSlotsKeepToThePractitionersHoursInThePracticesTimeZoneAndItsInterval()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        await using var app = await CupwiseApp.StartAsync(clock: clock);
        var settings = await (await app.PutAsync("/api/v1/practice/settings", new PracticeSettingsRequest("Europe/Berlin", 7))).ReadAsync<PracticeSettingsResponse>(HttpStatusCode.OK);
        Assert.Equal(("Europe/Berlin", 7), (settings.TimeZone, settings.MinimumSiteIntervalDays));
        var client = await app.NewClientAsync();
        var practitioner = await app.NewPractitionerAsync();
        var hours = await (await app.PutAsync($"/api/v1/practitioners/{practitioner.Id}/working-hours",
            new List<WorkingHoursSpan> { new("thursday", "14:00", "18:00") })).ReadAsync<WorkingHoursResponse>(HttpStatusCode.OK);
        Assert.Equal(("thursday", "14:00", "18:00"), (hours.Hours[0].Day, hours.Hours[0].From, hours.Hours[0].To));
        var session = await app.NewCompletedSessionAsync(client.Id, practitioner.Id, cups: 2); // grade 2, about 4 days; removed Friday 20 Nov
        var removed = session.Cups[0].RemovedAt!.Value;

        var eligibility = await app.GetAsync<List<Cupwise.Marks.SiteEligibilityResponse>>($"/api/v1/clients/{client.Id}/sites/eligibility");
        Assert.All(eligibility, e => Assert.Equal("minimum interval between sessions on one site", e.Reason)); // 7 days outlast a grade-2 mark
        var slots = await app.GetAsync<SlotsResponse>($"/api/v1/clients/{client.Id}/next-slots?practitionerId={practitioner.Id}&sites=lower-back:left");
        // Seven days on, counted in the practice's days: from the start of Friday 27 Nov in Berlin.
        Assert.Equal(new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.FromHours(1)), slots.EarliestForSites);
        // Friday 27 Nov is the earliest; the first Thursday after it is 3 Dec; 14:00 in Berlin (UTC+1) is 13:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 13, 0, 0, TimeSpan.Zero), slots.Slots[0]);
        Assert.All(slots.Slots, s => Assert.Equal(DayOfWeek.Thursday, s.DayOfWeek));

        var badSettings = await (await app.PutAsync("/api/v1/practice/settings", new PracticeSettingsRequest("Mars/Olympus", 1))).ProblemFieldsAsync();
        Assert.Equal(["minimumSiteIntervalDays", "timeZone"], badSettings.Keys.Order(StringComparer.Ordinal));
        var badHours = await (await app.PutAsync($"/api/v1/practitioners/{practitioner.Id}/working-hours",
            new List<WorkingHoursSpan> { new("someday", "9", "08:00"), new("monday", "12:00", "11:00") })).ProblemFieldsAsync();
        Assert.Equal(["hours[0].day", "hours[0].from"], badHours.Keys.Order(StringComparer.Ordinal));
        var backwards = await (await app.PutAsync($"/api/v1/practitioners/{practitioner.Id}/working-hours",
            new List<WorkingHoursSpan> { new("monday", "12:00", "11:00") })).ProblemFieldsAsync();
        Assert.Contains("hours[0].to", backwards.Keys);
        Assert.Equal("14:00", (await app.GetAsync<WorkingHoursResponse>($"/api/v1/practitioners/{practitioner.Id}/working-hours")).Hours.Single().From);
    }

    [Fact]
    public async Task TodayListsClientsClearToBeCuppedAgainWithNothingBooked()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        await using var app = await CupwiseApp.StartAsync(clock: clock);
        var waiting = await app.NewClientAsync("Waiting", "Recall");
        var booked = await app.NewClientAsync("Booked", "Already");
        var practitioner = await app.NewPractitionerAsync();
        await app.NewCompletedSessionAsync(waiting.Id, practitioner.Id, cups: 2);
        await app.NewCompletedSessionAsync(booked.Id, practitioner.Id, cups: 2);
        (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(booked.Id, practitioner.Id, Tuesday.AddHours(9), 45, null, []))).EnsureSuccessStatusCode();

        var marksStillClearing = await app.Client.GetStringAsync("/");
        Assert.Contains("Nobody is waiting", marksStillClearing, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromDays(6)); // grade-2 marks from 20 Nov are forecast clear by about 24–25 Nov
        var later = await app.Client.GetStringAsync("/");
        var recall = later[later.IndexOf("Clear to cup again", StringComparison.Ordinal)..later.IndexOf("Sessions to finish", StringComparison.Ordinal)];
        Assert.Contains("Recall Waiting", recall, StringComparison.Ordinal);
        Assert.DoesNotContain("Already Booked", recall, StringComparison.Ordinal);
    }
}
