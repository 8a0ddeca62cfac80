using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace Detection.Sources.Kafka;

/// <summary>
/// Points Confluent.Kafka at the system's librdkafka (Debian's <c>librdkafka1</c>): its redist package, which would ship
/// the native library, is not used. Call <see cref="EnsureLoaded"/> before building a client; it is idempotent and thread-safe.
/// </summary>
public static class NativeKafka
{
    private static readonly Lazy<string> Version = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads librdkafka once and returns its version; throws <see cref="SourceException"/> saying how to install it when it is missing.</summary>
    public static string EnsureLoaded() => Version.Value;

    private static string Load()
    {
        if (!NativeLibrary.TryLoad("librdkafka.so.1", out _) && !NativeLibrary.TryLoad("librdkafka.so", out _))
            throw new SourceException("librdkafka is not installed (librdkafka.so.1 not found): install Debian's librdkafka1 (apt-get install librdkafka1); ./test.sh does it");
        NativeLibrary.SetDllImportResolver(typeof(Library).Assembly, Resolve);
        return Library.VersionString;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
    {
        var mapped = name switch
        {
            "librdkafka" => "librdkafka.so.1",
            "libdl" => "libdl.so.2",
            _ => null, // Confluent's other probes (e.g. centos7-librdkafka) fall back to the default search and fail there
        };
        return mapped is not null && NativeLibrary.TryLoad(mapped, assembly, path, out var handle) ? handle : IntPtr.Zero;
    }
}
