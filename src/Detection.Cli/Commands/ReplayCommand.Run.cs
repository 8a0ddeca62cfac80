using System.Globalization;
using Detection.Incidents;
using Detection.Incidents.Storage;
using Detection.Runtime.Replay;
using Microsoft.Data.Sqlite;

namespace Detection.Cli.Commands;

internal static partial class ReplayCommand
{
    private static int Run(ReplayRequest request, bool json, string? reportFile, TextWriter output, TextWriter error)
    {
        SqliteIncidentStore store;
        try
        {
            store = SqliteIncidentStore.Open(request.StorePath);
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"detect replay: --store {request.StorePath}: {e.Message}");
            return 2;
        }
        using (store)
        {
            using var progress = ProgressLine.ForConsole(error);
            ReplayResult result;
            try
            {
                result = ReplayJob.Run(request with { Progress = progress }, store);
            }
            catch (ArgumentException e)
            {
                progress?.Dispose();
                error.WriteLine($"detect replay: {e.Message}");
                return 2;
            }
            progress?.Dispose();
            foreach (var problem in result.Rules.Problems) error.WriteLine($"{problem} (rule skipped)");
            foreach (var rejection in result.Load.Rejections.Take(5)) error.WriteLine($"rejected: {rejection}");
            if (result.Load.RejectedCount > 5) error.WriteLine($"rejected: … {result.Load.RejectedCount - 5:N0} more (--rejected FILE lists them all)");
            if (result.Load.FilesRead == 0)
            {
                error.WriteLine("detect replay: no data files found in the given paths.");
                return 2;
            }
            var report = ReplayReport.Build(result, store);
            if (reportFile is not null) File.WriteAllText(reportFile, report.ToJsonString(IncidentJson.Indented) + Environment.NewLine);
            if (json) output.WriteLine(report.ToJsonString(IncidentJson.Indented));
            else WriteText(result, store, output);
            return 0;
        }
    }

    private static void WriteText(ReplayResult result, SqliteIncidentStore store, TextWriter output)
    {
        var load = result.Load;
        var range = result.Range is { } r ? $"{Times.Write(r.From)[..19]}Z .. {Times.Write(r.To)[..19]}Z" : "(no timed events)";
        output.WriteLine($"Replayed {range}: {load.TotalRows:N0} rows from {load.FilesRead} files ({load.RejectedCount:N0} rejected); " +
                         $"{result.RuleStatistics.Count} rules ran, {result.Rules.Problems.Count} skipped.");
        var late = result.Tables.Values.Sum(t => t.Late);
        var dropped = result.Tables.Values.Sum(t => t.DroppedForBudget);
        if (late > 0 || dropped > 0) output.WriteLine($"Late rows: {late:N0}; rows dropped for the memory budget: {dropped:N0}.");
        output.WriteLine();
        TextTable.Write(["RULE", "RUNS", "ALERTS", "INCIDENTS", "ERRORS", "TIME"],
            result.RuleStatistics.Select(s => (IReadOnlyList<string>)
            [
                Short(s.Rule.Name, 50), N(s.Runs), N(s.Alerts), N(result.Recorder.IncidentsOf(s.Rule.Id)), N(s.Errors),
                s.Time.TotalSeconds.ToString("0.00 's'", CultureInfo.InvariantCulture),
            ]), output);
        foreach (var failing in result.RuleStatistics.Where(s => s.LastError is not null))
            output.WriteLine($"  {failing.Rule.Name}: {failing.LastError}");
        output.WriteLine();
        var incidents = result.Recorder.IncidentIds.Select(store.Get).OfType<Incidents.Model.Incident>().ToList();
        output.WriteLine($"{incidents.Count} incidents new or changed, {result.Recorder.Alerts.Count} new alerts, in {store.Path}:");
        if (incidents.Count > 0)
        {
            TextTable.Write(["ID", "SEVERITY", "STATUS", "ALERTS", "FIRST ACTIVITY", "TITLE"],
                incidents.Select(i => (IReadOnlyList<string>)
                [
                    i.Id[..8], i.Severity.ToString(), i.Status.ToString(), N(i.AlertIds.Length), Times.Write(i.FirstActivityTime)[..19] + "Z", Short(i.Title, 70),
                ]), output);
        }
        output.WriteLine("See one with: detect incidents show ID" + (store.Path == SqliteIncidentStore.DefaultFileName ? "" : $" --store {store.Path}"));
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Short(string text, int max) => text.Length > max ? text[..(max - 1)] + "…" : text;
}
