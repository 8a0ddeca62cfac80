using Detection.Ingestion;

namespace Detection.Benchmarks;

/// <summary>
/// Bytes retained per SigninLogs row once loaded: the managed heap after a full, compacting collection with the
/// loaded tables alive, minus the heap before loading, divided by the rows. Also prints the tables' own estimate
/// (array bytes only) and the bytes allocated while loading, for comparison.
/// </summary>
internal static class RetainedMemory
{
    public static int Run(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? BenchmarkData.SignIns;
        var before = Settle();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var result = DataLoader.Load([file], new LoadOptions());
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var after = Settle();
        var table = result.Tables["SigninLogs"];
        var rows = table.RowCount;
        Console.WriteLine($"file: {file} ({new FileInfo(file).Length:N0} bytes)");
        Console.WriteLine($"rows: {rows:N0} SigninLogs in {table.Chunks.Length} chunks, {result.Rejections.Count} rejected");
        Console.WriteLine($"retained heap: {after - before:N0} bytes = {(double)(after - before) / rows:F1} bytes/row");
        Console.WriteLine($"allocated while loading: {allocated:N0} bytes = {(double)allocated / rows:F1} bytes/row");
        Console.WriteLine($"column arrays (estimate): {table.EstimatedBytes:N0} bytes = {(double)table.EstimatedBytes / rows:F1} bytes/row");
        var perColumn = table.Schema.Columns
            .Select((c, i) => (c.Name, Bytes: table.Chunks.Sum(chunk => chunk[i].EstimatedBytes)))
            .OrderByDescending(c => c.Bytes)
            .Take(args.Contains("--columns") ? 25 : 0);
        foreach (var (name, bytes) in perColumn) Console.WriteLine($"  {name,-36} {(double)bytes / rows,8:F1} bytes/row");
        GC.KeepAlive(result);
        return 0;
    }

    private static long Settle()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
