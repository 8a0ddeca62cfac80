using BenchmarkDotNet.Running;
using Detection.Benchmarks;

// dotnet run -c Release --project bench/Detection.Benchmarks -- --filter '*'   (BenchmarkDotNet)
// dotnet run -c Release --project bench/Detection.Benchmarks -- memory         (bytes retained and allocated per row)
// dotnet run -c Release --project bench/Detection.Benchmarks -- evaluator      (KQL vs SQLite on 1M sign-ins, medians)
// dotnet run -c Release --project bench/Detection.Benchmarks -- time [file] [--runs N]   (reader vs raw scan, interleaved)
// dotnet run -c Release --project bench/Detection.Benchmarks -- rule-stages RULE.yaml DATA [--at T] [--runs N]   (a rule's run, let by let;
//     with DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=0 for detect's collector)
if (args.Length > 0 && args[0] == "memory")
    return RetainedMemory.Run(args.Skip(1).ToArray());
if (args.Length > 0 && args[0] == "evaluator")
    return Detection.Benchmarks.Evaluator.EvaluatorTiming.Run(args.Skip(1).ToArray());
if (args.Length > 0 && args[0] == "rule-stages")
    return RuleStages.Run(args.Skip(1).ToArray());
if (args.Length > 0 && args[0] == "time")
    return Timing.Run(args.Skip(1).ToArray());
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
