using System.Globalization;
using Detection.Evaluation.Tests.Support;
using Detection.Tables;

namespace Detection.Evaluation.Tests.Operators;

public class MakeSeriesTests
{
    private static readonly Table Events = Data.Table("Events", "(At: datetime, User: string, Bytes: long)",
    [
        ["2026-11-02T08:10:00Z", "alice", 10L],
        ["2026-11-02T08:50:00Z", "alice", 5L],
        ["2026-11-02T10:05:00Z", "alice", 7L],
        ["2026-11-02T09:00:00Z", "bob", 1L],
        ["2026-11-02T12:00:00Z", "bob", 1L],
    ]);

    [Fact]
    public void Series_per_group_with_defaults_for_empty_bins() => Data.Check("""
        User:string | Total:dynamic | count_:dynamic | At:dynamic
        alice | [15,-1,7] | [2,0,1] | ["2026-11-02T08:00:00.0000000Z","2026-11-02T09:00:00.0000000Z","2026-11-02T10:00:00.0000000Z"]
        bob | [-1,1,-1] | [0,1,0] | ["2026-11-02T08:00:00.0000000Z","2026-11-02T09:00:00.0000000Z","2026-11-02T10:00:00.0000000Z"]
        """, "Events | make-series Total = sum(Bytes) default = -1, count() on At from datetime(2026-11-02 08:00) to datetime(2026-11-02 11:00) step 1h by User", Events);

    [Fact]
    public void Without_from_and_to_the_range_is_the_datas() => Data.Check("""
        count_:dynamic
        [2,1,1,0,1]
        """, "Events | make-series count() on At step 1h | project count_", Events);

    [Fact]
    public void Series_functions_take_the_arrays() => Data.Check("""
        s_min:real | s_max:real | s_avg:real | fit_slope:real | filled:dynamic
        0 | 2 | 1 | -0.3 | [1,1,2]
        """, """
        Events
        | make-series n = count() on At step 1h
        | extend (s_min, s_min_idx, s_max, s_max_idx, s_avg, s_variance, s_stdev) = series_stats(n)
        | extend (fit_rsquare, fit_slope) = series_fit_line(n)
        | extend filled = series_fill_forward(dynamic([1, null, 2]))
        | project s_min, s_max, s_avg, fit_slope, filled
        """, Events);

    [Fact]
    public void Unnamed_series_functions_are_named_after_the_function_and_argument()
    {
        var result = Data.Run("Events | make-series n = count() on At step 1h | extend series_fit_line(n)", Events);
        Assert.Equal(
            ["n", "At", "series_fit_line_n_rsquare", "series_fit_line_n_slope", "series_fit_line_n_variance", "series_fit_line_n_rvariance", "series_fit_line_n_interception", "series_fit_line_n_line_fit"],
            result.Schema.Columns.Select(c => c.Name));
    }

    /// <summary>
    /// Golden: ../shared/datasets/TimeSeriesDemo.csv is Kusto's own series_decompose_anomalies output (msticpy; INDEX.md A9):
    /// flags exactly, scores within 1e-5, baseline within 1 (the file rounds it).
    /// </summary>
    [Fact]
    public void Series_decompose_anomalies_matches_Kustos_output_through_make_series()
    {
        var path = Path.Combine(RepositoryRoot(), "..", "shared", "datasets", "TimeSeriesDemo.csv");
        // The shared datasets sit beside the repository, not in it; where they are absent there is nothing to compare with.
        if (!File.Exists(path)) return;
        var lines = File.ReadAllLines(path).Skip(1).Select(l => l.Split(',').Select(c => c.Trim('"', '\uFEFF')).ToArray()).ToList();
        var input = Data.Table("Demo", "(TimeGenerated: datetime, TotalBytesSent: long)",
            lines.Select(l => new object?[] { l[0], long.Parse(l[1], CultureInfo.InvariantCulture) }), chunkRows: 100);

        var result = Data.Run("""
            Demo
            | make-series Total = sum(TotalBytesSent) on TimeGenerated from datetime(2019-05-01T06:00Z) to datetime(2019-06-05T06:00Z) step 1h
            | extend (anomalies, score, baseline) = series_decompose_anomalies(Total, 3, -1, 'linefit')
            | mv-expand TimeGenerated to typeof(datetime), anomalies to typeof(long), score to typeof(real), baseline to typeof(real)
            | project TimeGenerated, anomalies, score, baseline
            """, input);

        Assert.Equal(lines.Count, result.RowCount);
        for (var i = 0; i < lines.Count; i++)
        {
            Assert.Equal(long.Parse(lines[i][4], CultureInfo.InvariantCulture), (long)result.GetValue(i, 1)!);
            Assert.Equal(double.Parse(lines[i][3], CultureInfo.InvariantCulture), (double)result.GetValue(i, 2)!, 1e-5);
            Assert.Equal(double.Parse(lines[i][2], CultureInfo.InvariantCulture), (double)result.GetValue(i, 3)!, 1.0);
        }
    }

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Detection.sln"))) directory = directory.Parent;
        return directory?.FullName ?? Path.GetDirectoryName(source)!;
    }
}
