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
        Console.WriteLine($"read and normalize: {rows:N0} rows, best of 5: {best.TotalMilliseconds:F0} ms = {rows / best.TotalSeconds:N0} rows/s");
        var scan = new ExportReaderBenchmarks();
        var bestScan = TimeSpan.MaxValue;
        for (var i = 0; i < 5; i++)
        {
            var watch = Stopwatch.StartNew();
            scan.RawJsonScan(file);
            watch.Stop();
            if (watch.Elapsed < bestScan) bestScan = watch.Elapsed;
        }
        Console.WriteLine($"raw System.Text.Json scan of the same bytes: best of 5: {bestScan.TotalMilliseconds:F0} ms = {rows / bestScan.TotalSeconds:N0} records/s; ratio {best / bestScan:F2}");
        return 0;
    }
}
