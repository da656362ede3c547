using System.Net;
using Cupwise.Scheduling;

namespace Cupwise.Tests;

public sealed class CalendarTests
{
    private static readonly DateTimeOffset Tuesday = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AFeedListsAppointmentsWithoutClientDetailsAndUpdatesReplace()
    {
        await using var app = await CupwiseApp.StartAsync();
        var client = await app.NewClientAsync("Confidential", "Name");
        var practitioner = await app.NewPractitionerAsync();
        var booked = await (await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitioner.Id, Tuesday.AddHours(9), 45, "Room 1", ["lower-back:left"])))
            .ReadAsync<AppointmentResponse>(HttpStatusCode.Created);
        var feed = await (await app.PostAsync($"/api/v1/practitioners/{practitioner.Id}/calendar-feed", new { })).ReadAsync<CalendarFeedResponse>(HttpStatusCode.Created);
        var path = new Uri(feed.Url).AbsolutePath;
        Assert.Matches("^/calendar/[0-9a-f]{64}\\.ics$", path);

        var ics = await app.Client.GetStringAsync(path);
        Assert.Contains("BEGIN:VCALENDAR", ics, StringComparison.Ordinal);
        Assert.Contains($"UID:{booked.Id}@cupwise", ics, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Cupwise appointment", ics, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20261201T090000Z", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Confidential", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("lower-back", ics, StringComparison.Ordinal);
        Assert.DoesNotContain("Neck pain", ics, StringComparison.Ordinal);

        await app.PostAsync($"/api/v1/appointments/{booked.Id}/move", new MoveAppointmentRequest(booked.Version, Tuesday.AddHours(11), null, null));
        var moved = await app.Client.GetStringAsync(path);
        Assert.Contains($"UID:{booked.Id}@cupwise", moved, StringComparison.Ordinal); // same UID: the calendar replaces the event
        Assert.Contains("DTSTART:20261201T110000Z", moved, StringComparison.Ordinal);
        Assert.Contains($"SEQUENCE:{booked.Version + 1}", moved, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.DeleteAsync($"/api/v1/practitioners/{practitioner.Id}/calendar-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Client.GetAsync($"/calendar/{new string('0', 64)}.ics")).StatusCode);
    }

    [Fact]
    public async Task TheCommandLineExportsAPractitionersCalendar()
    {
        var database = await TestDatabase.CreateAsync();
        string practitionerId;
        await using (var app = await CupwiseApp.StartAsync(database: database))
        {
            var client = await app.NewClientAsync();
            practitionerId = (await app.NewPractitionerAsync()).Id;
            await app.PostAsync("/api/v1/appointments", new AppointmentRequest(client.Id, practitionerId, Tuesday.AddHours(9), 45, null, []));
        }
        var file = Path.Combine(TestDatabase.NewDirectory(), "calendar.ics");
        var where = TestDatabase.CliArgs(database);
        var (exit, output, _) = await Cli.RunAsync(["calendar", "export", "--practitioner", practitionerId, "--out", file, .. where]);
        Assert.Equal(0, exit);
        Assert.Contains("Wrote 1 appointment(s)", output, StringComparison.Ordinal);
        Assert.Contains("BEGIN:VEVENT", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        var (missing, _, error) = await Cli.RunAsync(["calendar", "export", "--out", file, .. where]);
        Assert.Equal(2, missing);
        Assert.Contains("--practitioner", error, StringComparison.Ordinal);
    }
}
