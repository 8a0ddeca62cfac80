using System.Diagnostics;
using System.Globalization;

namespace Detection.Benchmarks.Evaluator;

/// <summary>
/// The quick form of <see cref="EvaluatorBenchmarks"/>: <c>-- evaluator [ROWS] [--runs N] [--case NAME] [--kql-only]</c>.
/// Each case runs once to warm up, then N times alternating ours and SQLite's; it prints the medians, rows per second
/// (input rows / median) and the ratio, all measured in the same process. <c>--kql-only</c> skips SQLite (profiling).
/// </summary>
internal static class EvaluatorTiming
{
    public static int Run(string[] args)
    {
        var rows = args.Length > 0 && int.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
        var runs = Option(args, "--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 5;
        var only = Option(args, "--case");
        var kqlOnly = args.Contains("--kql-only");
        var watch = Stopwatch.StartNew();
        using var data = SignInData.Create(rows);
        var context = EvaluatorCase.Context(data);
        Console.WriteLine($"// {rows:N0} SigninLogs rows ({data.SignIns.Chunks.Length} chunks) and {data.Sessions.RowCount:N0} Sessions rows built in {watch.Elapsed.TotalSeconds:F1} s; {runs} runs a case");
        Console.WriteLine("| case | KQL median ms | KQL rows/s | SQLite median ms | SQLite rows/s | SQLite time / KQL time | result rows KQL / SQL |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---|");
        foreach (var c in EvaluatorCase.All.Where(c => only is null || c.Name == only))
        {
            var kqlRows = c.RunKql(context);
            var sqlRows = kqlOnly ? 0 : c.RunSql(data);
            var kql = new List<double>();
            var sql = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                kql.Add(Time(() => c.RunKql(context)));
                if (!kqlOnly) sql.Add(Time(() => c.RunSql(data)));
            }
            var k = Median(kql);
            var s = kqlOnly ? double.NaN : Median(sql);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {c.Name} | {k:F0} | {rows / k * 1000 / 1e6:F1} M | {s:F0} | {rows / s * 1000 / 1e6:F1} M | {s / k:F2} | {kqlRows:N0} / {sqlRows:N0} |"));
        }
        return 0;
    }

    private static double Time(Func<long> run)
    {
        var watch = Stopwatch.StartNew();
        run();
        return watch.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        return values.Count % 2 == 1 ? values[values.Count / 2] : (values[values.Count / 2 - 1] + values[values.Count / 2]) / 2;
    }

    internal static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}
