using System.Diagnostics;
using Detection.Ingestion;

namespace Detection.Benchmarks;

/// <summary>
/// A quick repeated timing for local profiling; the numbers to report come from BenchmarkDotNet. Reading and the raw
/// scan alternate, run after run, so that a busy machine slows both alike and their ratio stays fair; each keeps its best.
/// </summary>
internal static class Timing
{
    public static int Run(string[] args)
    {
        var runs = args.SkipWhile(a => a != "--runs").Skip(1).Select(int.Parse).FirstOrDefault(5);
        var file = args.Where((a, i) => !a.StartsWith("--", StringComparison.Ordinal) && (i == 0 || args[i - 1] != "--runs"))
            .FirstOrDefault() ?? BenchmarkData.SignIns;
        var scan = new ExportReaderBenchmarks();
        var best = TimeSpan.MaxValue;
        var bestScan = TimeSpan.MaxValue;
        var bestCpu = TimeSpan.MaxValue;
        var bestScanCpu = TimeSpan.MaxValue;
        long rows = 0;
        var process = Process.GetCurrentProcess();
        var ratios = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            var (wall, cpu) = Measure(process, () => rows = DataLoader.Load([file], new LoadOptions()).RowsByTable.Values.Sum());
            best = wall < best ? wall : best;
            bestCpu = cpu < bestCpu ? cpu : bestCpu;
            var (scanWall, scanCpu) = Measure(process, () => scan.RawJsonScan(file));
            bestScan = scanWall < bestScan ? scanWall : bestScan;
            bestScanCpu = scanCpu < bestScanCpu ? scanCpu : bestScanCpu;
            if (i > 0) ratios.Add(wall / scanWall); // the first pair runs code not yet optimised by the JIT
        }
        Console.WriteLine($"read and normalize: {rows:N0} rows, best of {runs}: {best.TotalMilliseconds:F0} ms = {rows / best.TotalSeconds:N0} rows/s");
        Console.WriteLine($"raw System.Text.Json scan of the same bytes: best of {runs}: {bestScan.TotalMilliseconds:F0} ms = {rows / bestScan.TotalSeconds:N0} records/s; ratio {best / bestScan:F2}");
        Console.WriteLine($"process CPU time, best of {runs}: read {bestCpu.TotalMilliseconds:F0} ms, scan {bestScanCpu.TotalMilliseconds:F0} ms; ratio {bestCpu / bestScanCpu:F2}");
        if (ratios.Count > 0) Console.WriteLine($"median ratio of back-to-back pairs: {ratios.Order().ElementAt(ratios.Count / 2):F2} (of {ratios.Count})");
        return 0;
    }

    private static (TimeSpan Wall, TimeSpan Cpu) Measure(Process process, Action action)
    {
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        action();
        watch.Stop();
        process.Refresh();
        return (watch.Elapsed, process.TotalProcessorTime - cpu);
    }
}
