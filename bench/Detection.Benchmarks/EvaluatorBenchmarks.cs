using BenchmarkDotNet.Attributes;
using Detection.Benchmarks.Evaluator;
using Detection.Evaluation;

namespace Detection.Benchmarks;

/// <summary>
/// The evaluator on 1,000,000 generated SigninLogs rows (issue #4), each query next to its SQL equivalent on SQLite in
/// memory over the same rows: the Ratio column is our time over SQLite's. Rows per second = 1,000,000 / mean time.
/// The quick form (medians of a few runs, rows/s and ratios in one table) is <c>-- evaluator</c>.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 7)]
public class EvaluatorBenchmarks
{
    private SignInData? _data;
    private EvaluationContext? _context;
    private EvaluatorCase _case = EvaluatorCase.All[0];

    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    public static IEnumerable<string> Cases => EvaluatorCase.All.Select(c => c.Name);

    [GlobalSetup]
    public void Setup()
    {
        _data = SignInData.Create(1_000_000);
        _context = EvaluatorCase.Context(_data);
        _case = EvaluatorCase.All.Single(c => c.Name == Case);
    }

    [GlobalCleanup]
    public void Cleanup() => _data?.Dispose();

    [Benchmark(Baseline = true)]
    public long Sqlite() => _case.RunSql(_data!);

    [Benchmark]
    public long Kql() => _case.RunKql(_context!);
}
