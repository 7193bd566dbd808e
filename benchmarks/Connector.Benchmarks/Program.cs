using BenchmarkDotNet.Running;

// Entry point for every benchmark in this assembly: `dotnet run -c Release --project benchmarks/Connector.Benchmarks -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
