using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Cupwise.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Cupwise.Benchmarks -- charting-actions [rounds]   (in Chromium; see ChartingActions)
if (args is ["charting-actions", ..])
{
    return await Cupwise.Benchmarks.ChartingActions.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 10);
}
BenchmarkSwitcher.FromAssembly(typeof(Cupwise.Benchmarks.SuctionBenchmarks).Assembly).Run(args);
return 0;
