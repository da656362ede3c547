using System.CommandLine;
using System.Text.Json;
using Cupwise.Api;
using Cupwise.Safety;
using Spectre.Console;

namespace Cupwise.Cli;

/// <summary><c>cupwise screen</c>: the safety rules against a client and a plan, from a JSON file.</summary>
internal static class ScreenCommand
{
    public static Command Build()
    {
        var input = new Option<FileInfo?>("--input") { Description = "A JSON file with client and plan (see docs/safety.md).", HelpName = "FILE" };
        var json = new Option<bool>("--json") { Description = "Print allowed and the findings as JSON." };
        var vocabulary = new Option<bool>("--list-vocabulary") { Description = "List the condition, allergen, skin-finding, site, technique, method and medicine names screening understands." };
        var command = new Command("screen", "Check the contraindication rules (SCIENCE.md §3–§4) against a client and every planned cup.") { input, json, vocabulary };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
            ApiJson.Configure(options);
            if (parse.GetValue(vocabulary))
            {
                foreach (var (kind, names) in ScreeningRequests.Vocabulary())
                {
                    output.WriteLine($"{kind}: {string.Join(", ", names)}");
                }
                return 0;
            }
            if (parse.GetValue(input) is not { } file)
            {
                error.WriteLine("cupwise screen: --input: a JSON file with client and plan is required (or --list-vocabulary).");
                return CupwiseCli.UsageError;
            }
            if (!file.Exists)
            {
                error.WriteLine($"cupwise screen: --input: {file.FullName} does not exist.");
                return CupwiseCli.UsageError;
            }
            ScreeningRequest? request;
            try
            {
                request = JsonSerializer.Deserialize<ScreeningRequest>(File.ReadAllText(file.FullName), options);
            }
            catch (JsonException e)
            {
                error.WriteLine($"cupwise screen: --input: not valid JSON at line {(e.LineNumber ?? 0) + 1} ({e.Path}).");
                return CupwiseCli.UsageError;
            }
            var v = new RequestValidator();
            var answer = request is null ? null : ScreeningRequests.Answer(request, v);
            if (answer is null)
            {
                foreach (var (field, messages) in v.Errors)
                {
                    foreach (var message in messages)
                    {
                        error.WriteLine($"cupwise screen: {field}: {message}");
                    }
                }
                return CupwiseCli.UsageError;
            }
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(answer, options));
                return 0;
            }
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            console.MarkupLine(answer.Allowed ? "[green]Allowed[/] (read the findings)" : "[red]Not allowed[/]: at least one finding blocks.");
            var table = new Table().AddColumn("severity").AddColumn("where").AddColumn("finding").AddColumn("source");
            foreach (var f in answer.Findings)
            {
                table.AddRow(Markup.Escape(f.Severity), Markup.Escape(f.Site is null ? "client" : $"cup {f.Application + 1}: {f.Site} {f.Side}"),
                    Markup.Escape(f.Message), Markup.Escape($"{f.Source} [{f.Grade}]"));
            }
            console.Write(table);
            return 0;
        });
        return command;
    }
}
