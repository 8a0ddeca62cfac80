using System.Diagnostics;
using Detection.Kql;
using Detection.Kql.Schemas;

namespace Detection.KqlCheck;

/// <summary>Parse + bind timing over a set of rule files: warm-up, then the median and the whole-set time.</summary>
public static class Bench
{
    public static int Run(IEnumerable<string> files, SchemaSet schemas)
    {
        var queries = files
            .Select(f => f.EndsWith(".kql", StringComparison.Ordinal) ? File.ReadAllText(f) : QueryExtractor.Extract(File.ReadAllText(f)))
            .OfType<string>()
            .ToList();
        if (queries.Count == 0) return 2;
        for (var i = 0; i < 20; i++) foreach (var q in queries) KqlCode.ParseAndBind(q, schemas);

        var samples = new List<double>();
        for (var round = 0; round < 20; round++)
            foreach (var q in queries)
            {
                var watch = Stopwatch.StartNew();
                KqlCode.ParseAndBind(q, schemas);
                samples.Add(watch.Elapsed.TotalMilliseconds);
            }
        samples.Sort();
        var all = Stopwatch.StartNew();
        foreach (var q in queries) KqlCode.ParseAndBind(q, schemas);
        var lines = queries.Select(q => q.Count(c => c == '\n') + 1).Order().ToList();
        Console.WriteLine($"queries: {queries.Count} (median {lines[lines.Count / 2]} lines)");
        Console.WriteLine($"parse+bind per query: median {samples[samples.Count / 2]:F3} ms, p90 {samples[samples.Count * 9 / 10]:F3} ms, max {samples[^1]:F3} ms");
        Console.WriteLine($"whole set once: {all.Elapsed.TotalMilliseconds:F1} ms");
        return 0;
    }
}
