using BenchmarkDotNet.Running;
using Robotics.Benchmarks;

// Full run (results go to BenchmarkDotNet.Artifacts/results/; copy the *-report-github.md files to
// tests/Robotics.Benchmarks/results/ and commit them):
//   dotnet run -c Release --project tests/Robotics.Benchmarks -- --filter '*'
// Smoke run (each benchmark once, in process; checks that they build and run, measures nothing):
//   dotnet run -c Release --project tests/Robotics.Benchmarks -- --smoke --filter '*'
if (args.Contains("--mppi-cpu-time")) return Robotics.Benchmarks.Mpc.MppiCpuTime.Run();
bool smoke = args.Contains("--smoke");
string[] rest = args.Where(a => a != "--smoke").ToArray();
var config = smoke ? OneCoreConfig.Smoke() : OneCoreConfig.Measure();
var summaries = BenchmarkSwitcher.FromAssembly(typeof(OneCoreConfig).Assembly).Run(rest, config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
