using System.CommandLine;
using Cupwise.Data;
using Cupwise.Scheduling;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Cli;

/// <summary><c>cupwise calendar export</c>: a practitioner's appointments as an .ics file.</summary>
internal static class CalendarCommand
{
    public static Command Build(Option<string?> data, Option<string?> db, Func<ParseResult, DatabaseSettings> resolve)
    {
        var practitioner = new Option<string?>("--practitioner") { Description = "The practitioner's id (GET /api/v1/practitioners).", HelpName = "ID" };
        var output = new Option<FileInfo?>("--out") { Description = "The .ics file to write.", HelpName = "FILE.ics" };
        var export = new Command("export", "Write a practitioner's appointments as iCalendar (no client names or health details in the events).") { practitioner, output, data, db };
        export.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!Guid.TryParse(parse.GetValue(practitioner), out var practitionerId))
            {
                error.WriteLine("cupwise calendar export: --practitioner: a practitioner id is required.");
                return CupwiseCli.UsageError;
            }
            if (parse.GetValue(output) is not { } file)
            {
                error.WriteLine("cupwise calendar export: --out: the .ics file to write is required.");
                return CupwiseCli.UsageError;
            }
            var database = resolve(parse);
            await DatabaseMigrator.MigrateAsync(database, cancellationToken);
            await using var lookup = database.CreateContext(new PracticeScope());
            var found = await lookup.Practitioners.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.Id == practitionerId, cancellationToken);
            if (found is null)
            {
                error.WriteLine($"cupwise calendar export: --practitioner: no practitioner {practitionerId} in {database.Description}.");
                return CupwiseCli.UsageError;
            }
            var scope = new PracticeScope();
            scope.Set(found.PracticeId);
            await using var context = database.CreateContext(scope);
            var appointments = await context.Appointments.AsNoTracking().Where(a => a.PractitionerId == practitionerId).OrderBy(a => a.Start).ToListAsync(cancellationToken);
            await File.WriteAllTextAsync(file.FullName, Calendars.Render(appointments), cancellationToken);
            parse.InvocationConfiguration.Output.WriteLine($"Wrote {appointments.Count} appointment(s) for {found.DisplayName} to {file.FullName}.");
            return 0;
        });
        return new Command("calendar", "Calendars: export a practitioner's appointments.") { export };
    }
}
