using BenchmarkDotNet.Running;

// Run all: dotnet run -c Release --project tests/Robotics.Benchmarks -- --filter '*'
// Results (markdown) are copied to tests/Robotics.Benchmarks/results/ and committed.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
