using System.CommandLine;
using System.Globalization;
using Cupwise.Data;
using Cupwise.Domain.Plans;
using Cupwise.Plans;
using Spectre.Console;

namespace Cupwise.Cli;

/// <summary><c>cupwise report outcomes</c>: the practice outcome report as a table, CSV and charts.</summary>
internal static class ReportCommand
{
    public static Command Build(Option<string?> data, Option<string?> db, Func<ParseResult, DatabaseSettings> resolve)
    {
        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd (sessions from then on).", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd.", HelpName = "DATE" };
        var practitioner = new Option<string?>("--practitioner") { Description = "Only this practitioner's sessions (an id).", HelpName = "ID" };
        var csv = new Option<FileInfo?>("--csv") { Description = "Also write the report as CSV.", HelpName = "FILE" };
        var plot = new Option<DirectoryInfo?>("--plot") { Description = "Also draw the charts (SVG and PNG) into this folder.", HelpName = "DIR" };
        var practiceName = new Option<string?>("--practice") { Description = "The practice to report on (needed when the database holds several).", HelpName = "NAME" };
        var outcomes = new Command("outcomes", "Outcomes by indication: clients, sessions, resolution, responders, mean pain change with its 95 % CI, adverse events.")
        {
            from, to, practitioner, csv, plot, data, db, practiceName,
        };
        outcomes.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            if (!OutcomeReports.TryParseDate(parse.GetValue(from), out var start, DateTimeOffset.UtcNow) || !OutcomeReports.TryParseDate(parse.GetValue(to), out var end, DateTimeOffset.UtcNow))
            {
                error.WriteLine($"cupwise report outcomes: --from and --to each take {OutcomeReports.DateHint}.");
                return CupwiseCli.UsageError;
            }
            Guid? practitionerId = null;
            if (parse.GetValue(practitioner) is { } p)
            {
                if (!Guid.TryParse(p, out var id))
                {
                    error.WriteLine("cupwise report outcomes: --practitioner: a practitioner id (GET /api/v1/practitioners).");
                    return CupwiseCli.UsageError;
                }
                practitionerId = id;
            }
            var database = resolve(parse);
            await DatabaseMigrator.MigrateAsync(database, cancellationToken);
            var (practice, problem) = await PracticeSelection.ChooseAsync(database, parse.GetValue(practiceName), cancellationToken);
            if (practice is null)
            {
                error.WriteLine($"cupwise report outcomes: {problem}");
                return CupwiseCli.UsageError;
            }
            var scope = new PracticeScope();
            scope.Set(practice.Id);
            await using var context = database.CreateContext(scope);
            var rows = await OutcomeReports.LoadAsync(context, start, end, practitionerId, cancellationToken);

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            console.Profile.Width = Math.Max(console.Profile.Width, 160); // nine columns: never wrap an indication's name
            console.MarkupLine($"[bold]Outcomes by indication[/] — {Markup.Escape(practice.Name)}{(start is null && end is null ? "" : $", {start?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"} to {end?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "…"}")}");
            var table = new Table().AddColumn("indication").AddColumn("evidence").AddColumn("clients").AddColumn("sessions").AddColumn("resolved")
                .AddColumn("median sessions to resolution").AddColumn("responders").AddColumn("mean pain change (95 % CI)").AddColumn("adverse events");
            foreach (var r in rows)
            {
                table.AddRow(Markup.Escape(r.Indication), Markup.Escape(r.EvidenceGrade ?? "—"), r.Clients.ToString(CultureInfo.InvariantCulture), r.Sessions.ToString(CultureInfo.InvariantCulture),
                    r.Resolved.ToString(CultureInfo.InvariantCulture), r.MedianSessionsToResolution?.ToString("0.#", CultureInfo.InvariantCulture) ?? "—",
                    r.ResponderRate is { } rate ? string.Create(CultureInfo.InvariantCulture, $"{r.Responders}/{r.WithPainReadings} ({rate:P0})") : "—",
                    r.MeanPainChange is { } m ? string.Create(CultureInfo.InvariantCulture, $"{m.Value:+0.0;-0.0;0.0} ({m.Low:+0.0;-0.0;0.0} to {m.High:+0.0;-0.0;0.0})")
                        : r.WithPainReadings > 0 ? "too few to tell" : "—",
                    r.AdverseEvents.ToString(CultureInfo.InvariantCulture));
            }
            console.Write(table);
            if (rows.Count == 0)
            {
                output.WriteLine("No sessions linked to a treatment plan in this period.");
            }
            if (parse.GetValue(csv) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, OutcomeReport.ToCsv(rows), cancellationToken);
                output.WriteLine($"Wrote {rows.Count} indication(s) to {file.FullName}.");
            }
            if (parse.GetValue(plot) is { } folder)
            {
                folder.Create();
                foreach (var (name, chart) in new[] { ("responder-rate", ReportCharts.ResponderRates(rows)), ("pain-change", ReportCharts.MeanPainChange(rows)) })
                {
                    ReportCharts.Save(chart, Path.Combine(folder.FullName, name + ".svg"));
                    ReportCharts.Save(chart, Path.Combine(folder.FullName, name + ".png"));
                }
                output.WriteLine($"Drew responder-rate and pain-change charts (SVG and PNG) in {folder.FullName}.");
            }
            return 0;
        });
        return new Command("report", "Reports on the practice's outcomes.") { outcomes };
    }
}
