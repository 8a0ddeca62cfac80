using BenchmarkDotNet.Running;
using Detection.Benchmarks;

// dotnet run -c Release --project bench/Detection.Benchmarks -- --filter '*'   (BenchmarkDotNet)
// dotnet run -c Release --project bench/Detection.Benchmarks -- memory         (bytes per retained row)
if (args.Length > 0 && args[0] == "memory")
    return RetainedMemory.Run(args.Skip(1).ToArray());
if (args.Length > 0 && args[0] == "time")
    return Timing.Run(args.Skip(1).ToArray());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
