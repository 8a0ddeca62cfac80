using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Detection.Ingestion;

namespace Detection.Benchmarks;

/// <summary>
/// Reading and normalizing export-format sign-in records into a SigninLogs table, next to a raw System.Text.Json
/// scan (every token read, nothing kept) of the same file: the ratio says what the mapping costs over parsing.
/// Records per second = <see cref="Records"/> / mean time.
/// </summary>
[MemoryDiagnoser]
public class ExportReaderBenchmarks
{
    private string _file = "";

    /// <summary>How many sign-in records the file holds (printed at setup).</summary>
    public static long Records { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _file = BenchmarkData.SignIns;
        Records = DataLoader.Load([_file], new LoadOptions()).RowsByTable.GetValueOrDefault("SigninLogs");
        Console.WriteLine($"// {Records} sign-in records, {new FileInfo(_file).Length / 1024 / 1024} MiB in {_file}");
    }

    [Benchmark(Baseline = true)]
    public long RawJsonScan() => RawJsonScan(_file);

    public long RawJsonScan(string file)
    {
        var bytes = File.ReadAllBytes(file);
        long tokens = 0;
        var span = bytes.AsSpan();
        while (!span.IsEmpty)
        {
            var end = span.IndexOf((byte)'\n');
            var line = end < 0 ? span : span[..end];
            span = end < 0 ? default : span[(end + 1)..];
            if (line.IsEmpty) continue;
            var reader = new Utf8JsonReader(line);
            while (reader.Read()) tokens++;
        }
        return tokens;
    }

    [Benchmark]
    public long ReadAndNormalize() => DataLoader.Load([_file], new LoadOptions()).RowsByTable.GetValueOrDefault("SigninLogs");
}
