using System.CommandLine;
using System.Globalization;
using Cupwise.Data;
using Cupwise.Data.Accounts;
using Cupwise.Audit;
using Cupwise.Plans;
using Microsoft.EntityFrameworkCore;

namespace Cupwise.Cli;

/// <summary><c>cupwise audit verify</c> and <c>cupwise audit export</c>: the audit chain checked and written out.</summary>
internal static class AuditCommand
{
    /// <summary>Exit code when the chain is broken.</summary>
    public const int Broken = 3;

    public static Command Build(Option<string?> data, Option<string?> db, Func<ParseResult, DatabaseSettings> resolve)
    {
        var verify = new Command("verify", "Recompute the audit chain: exit 0 if every entry is intact, 3 naming the first entry that was edited or removed; also count the entries committed but not yet chained.") { data, db };
        verify.SetAction(async (parse, cancellationToken) =>
        {
            var database = resolve(parse);
            await using var context = database.CreateContext(new PracticeScope());
            var result = await AuditChain.VerifyAsync(context.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable(), cancellationToken);
            if (result.Break is { } broken)
            {
                parse.InvocationConfiguration.Error.WriteLine($"The audit log is broken: {broken.Problem}.");
                return Broken;
            }
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine(result.Count == 0
                ? "The audit log is empty."
                : $"The audit log is intact: {result.Count} entries; the last is {result.Count} with hash {result.LastHash}. Keep that hash elsewhere to show later that no entry was cut from the end.");
            var (waiting, oldest) = await AuditWriter.OutboxAsync(context, cancellationToken);
            output.WriteLine(waiting == 0
                ? "Nothing waits in the outbox: every change committed so far is in the chain."
                : $"{waiting} more entries were committed with their changes and wait in the outbox to be chained (the oldest from {oldest:yyyy-MM-dd HH:mm:ss} UTC); a running server chains them within seconds, and 'cupwise serve' does as it starts.");
            return 0;
        });

        var from = new Option<string?>("--from") { Description = "First day, yyyy-MM-dd (UTC).", HelpName = "DATE" };
        var to = new Option<string?>("--to") { Description = "Last day, yyyy-MM-dd (UTC).", HelpName = "DATE" };
        var output = new Option<FileInfo?>("--out") { Description = "The CSV file to write (standard output if absent).", HelpName = "FILE.csv" };
        var export = new Command("export", "Write the audit entries of a period as CSV, hashes included, so that the copy can be checked too.") { from, to, output, data, db };
        export.SetAction(async (parse, cancellationToken) =>
        {
            if (!OutcomeReports.TryParseDate(parse.GetValue(from), out var start, DateTimeOffset.UtcNow) || !OutcomeReports.TryParseDate(parse.GetValue(to), out var end, DateTimeOffset.UtcNow))
            {
                parse.InvocationConfiguration.Error.WriteLine($"cupwise audit export: --from and --to each take {OutcomeReports.DateHint}.");
                return CupwiseCli.UsageError;
            }
            var database = resolve(parse);
            await using var context = database.CreateContext(new PracticeScope());
            var entries = await AuditExport.Query(context.AuditEntries.AsNoTracking(), start, end).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
            var csv = AuditExport.ToCsv(entries);
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file.FullName, csv, cancellationToken);
                parse.InvocationConfiguration.Output.WriteLine($"Wrote {entries.Count} audit entries to {file.FullName}.");
            }
            else
            {
                parse.InvocationConfiguration.Output.Write(csv);
            }
            return 0;
        });
        return new Command("audit", "The audit log of every access to client data: verify the chain, export it.") { verify, export };
    }
}
