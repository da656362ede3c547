using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Cupwise.Api;
using Cupwise.Domain.Catalogue;
using Cupwise.Suction;
using Spectre.Console;

namespace Cupwise.Cli;

/// <summary><c>cupwise suction</c>: the suction model from the command line, on the shipped catalogue.</summary>
internal static class SuctionCommand
{
    private static readonly Dictionary<string, string> OptionNames = new(StringComparer.Ordinal)
    {
        ["cupId"] = "--cup", ["method"] = "--method", ["strokes"] = "--strokes", ["setPressureMmHg"] = "--set-pressure-mmhg",
        ["siteId"] = "--site", ["atMinutes"] = "--at-minutes", ["rimMm"] = "--rim-mm", ["volumeMl"] = "--volume-ml",
        ["material"] = "--material", ["technique"] = "--technique",
    };

    public static Command Build()
    {
        var cup = new Option<string?>("--cup") { Description = "A catalogue cup id, such as glass-large (see GET /api/v1/cups).", HelpName = "ID" };
        var method = new Option<string?>("--method") { Description = "fire-flash, fire-throw, fire-cotton-ball, alcohol-drop, pump, squeeze or electric.", HelpName = "METHOD" };
        var strokes = new Option<int?>("--strokes") { Description = "Pump strokes, 0–30 (pump; default 4).", HelpName = "N" };
        var setPressure = new Option<double?>("--set-pressure-mmhg") { Description = "Set pressure, mmHg below ambient, negative (electric).", HelpName = "P" };
        var site = new Option<string?>("--site") { Description = "A body-site id, such as lower-back or cheek: sets the tissue stiffness (default: back).", HelpName = "ID" };
        var at = new Option<double?>("--at-minutes") { Description = "The time to report, 0–60 min after the cup seals (default 10).", HelpName = "T" };
        var json = new Option<bool>("--json") { Description = "Print the estimate as JSON: pressureMmHg, pressureKPa, liftMm, domeVolumeMl, curve, assumptions." };
        var plot = new Option<FileInfo?>("--plot") { Description = "Draw the pressure and lift curves to FILE.svg or FILE.png.", HelpName = "FILE" };
        var rim = new Option<double?>("--rim-mm") { Description = "Custom cup: inner rim diameter, 10–150 mm.", HelpName = "MM" };
        var volume = new Option<double?>("--volume-ml") { Description = "Custom cup: internal volume, 1–1000 mL.", HelpName = "ML" };
        var material = new Option<string?>("--material") { Description = "Custom cup: glass, bamboo, ceramic, plastic-valve, silicone or electric.", HelpName = "MATERIAL" };
        var technique = new Option<string?>("--technique") { Description = "stationary (default), moving, flash, wet or needle-cup: for the safety findings.", HelpName = "TECHNIQUE" };
        var command = new Command("suction", "Predict the pressure inside a cup and the tissue lift over time, and say why (docs/suction-model.md).")
        {
            cup, method, strokes, setPressure, site, at, json, plot, rim, volume, material, technique,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var plotFile = parse.GetValue(plot);
            var v = new RequestValidator();
            if (plotFile is not null && plotFile.Extension.ToLowerInvariant() is not (".svg" or ".png"))
            {
                v.Add("plot", $"draws to a .svg or .png file, not '{plotFile.Name}'.");
            }
            var request = new SuctionEstimateRequest(parse.GetValue(cup), parse.GetValue(method), parse.GetValue(strokes), parse.GetValue(setPressure),
                parse.GetValue(site), parse.GetValue(at), parse.GetValue(rim), parse.GetValue(volume), parse.GetValue(material), parse.GetValue(technique));
            var answer = SuctionEstimates.Answer(request,
                id => StandardCatalogue.Cups.FirstOrDefault(c => c.Id == id),
                id => StandardCatalogue.Sites.FirstOrDefault(s => s.Id == id), v);
            if (!v.IsValid || answer is null)
            {
                foreach (var (field, messages) in v.Errors)
                {
                    foreach (var message in messages)
                    {
                        error.WriteLine($"cupwise suction: {OptionNames.GetValueOrDefault(field, "--" + field)}: {message}");
                    }
                }
                return CupwiseCli.UsageError;
            }
            if (plotFile is not null)
            {
                SuctionPlot.Save(answer, plotFile.FullName);
            }
            if (parse.GetValue(json))
            {
                var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
                ApiJson.Configure(options);
                output.WriteLine(JsonSerializer.Serialize(answer, options));
            }
            else
            {
                Print(answer, plotFile, AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }));
            }
            return 0;
        });
        return command;
    }

    private static void Print(SuctionEstimateResponse e, FileInfo? plot, IAnsiConsole console)
    {
        var inv = CultureInfo.InvariantCulture;
        console.MarkupLine($"[bold]{Markup.Escape(e.Cup)}[/], {Markup.Escape(e.Method)}{(e.Site is null ? string.Empty : $", {Markup.Escape(e.Site)}")}");
        console.WriteLine(SuctionPlot.Sentence(e));
        var table = new Table().AddColumn(new TableColumn("min").RightAligned()).AddColumn(new TableColumn("mmHg").RightAligned())
            .AddColumn(new TableColumn("kPa").RightAligned()).AddColumn(new TableColumn("lift mm").RightAligned());
        foreach (var point in e.Curve.Where(p => Math.Abs(p.Minutes - Math.Round(p.Minutes)) < 1e-9 || p.Minutes is 5.0 / 60 or 0.5))
        {
            table.AddRow(point.Minutes.ToString("0.##", inv), point.PressureMmHg.ToString("0", inv),
                (point.PressureMmHg * 0.133322).ToString("0.0", inv), point.LiftMm.ToString("0.0", inv));
        }
        console.Write(table);
        console.MarkupLine("[bold]Assumptions[/]");
        foreach (var line in e.Assumptions)
        {
            console.MarkupLine($" • {Markup.Escape(line)}");
        }
        foreach (var finding in e.Findings)
        {
            console.MarkupLine($"[yellow]{Markup.Escape(finding.Severity)}[/] {Markup.Escape(finding.Message)} ({Markup.Escape(finding.Source)})");
        }
        if (plot is not null)
        {
            console.MarkupLine($"Plot written to {Markup.Escape(plot.FullName)}.");
        }
    }
}
