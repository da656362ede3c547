using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Cupwise.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Cupwise.Benchmarks.SuctionBenchmarks).Assembly).Run(args);
