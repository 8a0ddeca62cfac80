using System.Globalization;
using Detection.LiveBench;

// dotnet run -c Release --project bench/Detection.LiveBench -- throughput|latency [options]   (README.md)
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 1; i + 1 < args.Length; i += 2) options[args[i]] = args[i + 1];
string Option(string name, string fallback) => options.GetValueOrDefault(name, fallback);
double Number(string name, double fallback) => double.Parse(Option(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
var pack = Path.GetFullPath(Option("--rules", Path.Combine(FindRepository(), "detections")));

return args.FirstOrDefault() switch
{
    "throughput" => ThroughputBench.Run(pack, (int)Number("--days", 7), (int)Number("--users", 200), Console.Out),
    "latency" => LatencyBench.Run(Option("--rules", "") == "none" ? null : pack, (int)Number("--probes", 400), Number("--probe-rate", 10),
        Number("--background-rate", 200), Option("--nrt-interval", "1s"), Console.Out),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Detection.LiveBench throughput [--days 7] [--users 200] [--rules DIR]");
    Console.Error.WriteLine("       Detection.LiveBench latency [--probes 400] [--probe-rate 10] [--background-rate 200] [--nrt-interval 1s] [--rules DIR|none]");
    return 2;
}

static string FindRepository()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Detection.sln"))) return dir.FullName;
    return Directory.GetCurrentDirectory();
}
