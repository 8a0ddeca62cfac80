using System.Diagnostics;
using Detection.Ingestion;

namespace Detection.Benchmarks;

/// <summary>A quick repeated timing (minimum of N runs) for local profiling; the numbers to report come from BenchmarkDotNet.</summary>
internal static class Timing
{
    public static int Run(string[] args)
    {
        var file = args.Length > 0 ? args[0] : BenchmarkData.SignIns;
        var best = TimeSpan.MaxValue;
        long rows = 0;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            rows = DataLoader.Load([file], new LoadOptions()).RowsByTable.Values.Sum();
            watch.Stop();
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        Console.WriteLine($"{rows:N0} rows, best of 5: {best.TotalMilliseconds:F0} ms = {rows / best.TotalSeconds:N0} rows/s");
        return 0;
    }
}
