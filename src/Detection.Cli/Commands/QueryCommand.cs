using System.CommandLine;
using System.Globalization;
using Detection.Evaluation;
using Detection.Ingestion;
using Detection.Kql;
using Detection.Kql.Diagnostics;
using Detection.Kql.Schemas;
using Detection.Query.Output;

namespace Detection.Cli.Commands;

/// <summary>
/// <c>detect query "KQL" --data PATH...</c>: checks the query (Detection.Kql), loads the data, runs the query with the
/// evaluator (Detection.Evaluation), writes the result to standard output. Load problems and errors go to standard
/// error only. Exit codes: 0 ok, 1 query error, 2 usage.
/// </summary>
internal static class QueryCommand
{
    public const int QueryErrorExitCode = 1;
    public const int UsageExitCode = 2;

    private const int RejectionsShown = 5;

    private const string Description = """
        Run one KQL query over log files and print the result.

        The query is KQL: let statements, where, extend, project (-away, -rename, -reorder, -keep), summarize,
        join, lookup, union, mv-expand, sort, top, take, distinct, count, print, datatable, range and the scalar
        functions listed in src/Detection.Evaluation/README.md. What is not supported yet is reported as an error,
        never answered wrongly. now() and ago() read --now (default: the current time).
        A string column compared with a number compares with its text (ResultType == 50126).

        Examples:
          detect query "SigninLogs | count" --data samples/
          detect query "SigninLogs | where ResultType == 50126 | project TimeGenerated, UserPrincipalName, IPAddress | take 20" --data samples/
          detect query "AuditLogs | where OperationName has 'role' | count" --data 'exports/*.json' --data more/ --format json
          detect query "MyApp_CL | take 5" --data rows.jsonl --table MyApp_CL --schemas my-schemas/ --format csv
          detect query "SigninLogs | where ResultType == 50126 | summarize Failures = count() by IPAddress, bin(TimeGenerated, 1h)" --data samples/

        Exit codes: 0 ok, 1 the query has an error (the message gives line:column), 2 usage (bad options, no data).
        """;

    public static Command Create()
    {
        var kql = new Argument<string>("kql") { Description = "The query, e.g. \"SigninLogs | where ResultType != 0 | count\".", Arity = ArgumentArity.ZeroOrOne };
        var data = new Option<string[]>("--data", "-d")
        {
            Description = "Files, folders or globs to read (any supported format, mixed, .gz too). Repeatable; several values per flag.",
            AllowMultipleArgumentsPerToken = true,
            HelpName = "PATH",
        };
        var format = new Option<string>("--format", "-f") { Description = "Output: text (aligned table, default), json (Log Analytics query API shape) or csv.", HelpName = "text|json|csv" };
        var schemas = new Option<string?>("--schemas") { Description = "A folder of table schemas (*.json) that add to or override the embedded ones.", HelpName = "DIR" };
        var table = new Option<string?>("--table") { Description = "The table of Log Analytics rows that carry no Type column.", HelpName = "NAME" };
        var rejected = new Option<string?>("--rejected") { Description = "Write every rejected record (file, line, reason) to this file as JSON lines.", HelpName = "FILE" };
        var now = new Option<string?>("--now") { Description = "The time now() and ago() read, e.g. 2026-11-02T12:00:00Z (default: the current time), for replaying a query.", HelpName = "DATETIME" };

        // A missing query, missing --data or a bad --format is reported by the action, so it exits 2 (the parser's own
        // errors, such as an unknown option, exit 1: System.CommandLine fixes that code).
        var command = new Command("query", Description) { kql, data, format, schemas, table, rejected, now };
        command.SetAction(parse =>
        {
            var request = new QueryRequest(
                parse.GetValue(kql), parse.GetValue(data) ?? [], parse.GetValue(format), parse.GetValue(schemas),
                parse.GetValue(table), parse.GetValue(rejected), parse.GetValue(now));
            return Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    private sealed record QueryRequest(
        string? Kql, string[] Data, string? Format, string? Schemas, string? Table, string? Rejected, string? Now);

    private static int Run(QueryRequest request, TextWriter output, TextWriter error)
    {
        if (Usage(request, out var format) is { } problem)
        {
            error.WriteLine($"detect query: {problem}");
            error.WriteLine("See 'detect query --help'.");
            return UsageExitCode;
        }

        try
        {
            // The query is checked before any data is read: a typo should not cost a load.
            var schemaSet = request.Schemas is null ? SchemaSet.Default : SchemaSet.Default.WithDirectory(request.Schemas);
            var code = KqlCode.ParseAndBind(request.Kql!, schemaSet);
            foreach (var warning in code.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning))
                error.WriteLine($"warning {warning.Code}: {warning.Message} at {warning.Line}:{warning.Column}");
            if (code.HasErrors)
            {
                ReportQueryErrors(request.Kql!, code.Diagnostics.Where(d => d.IsError).ToList(), error);
                return QueryErrorExitCode;
            }
            var load = DataLoader.Load(request.Data, new LoadOptions { Schemas = schemaSet, Table = request.Table, RejectedFile = request.Rejected });
            ReportLoad(load, request.Rejected, error);
            if (load.FilesRead == 0)
            {
                error.WriteLine("detect query: no data files found in --data.");
                return UsageExitCode;
            }
            var context = new EvaluationContext(Now(request), load.Tables, schemaSet);
            var result = KqlEvaluator.Evaluate(code, context);
            TableWriters.For(format).Write(result, output);
            return 0;
        }
        catch (EvaluationException e)
        {
            if (e.Span is { } span)
            {
                var (line, column) = new LineMap(request.Kql!).Position(span.Start);
                error.WriteLine($"error: {e.Message} at {line}:{column}");
            }
            else error.WriteLine($"error: {e.Message}");
            return QueryErrorExitCode;
        }
        catch (SchemaFormatException e)
        {
            error.WriteLine($"detect query: --schemas: {e.Message}");
            return UsageExitCode;
        }
    }

    /// <summary>The evaluation clock: --now when given (validated by <see cref="Usage"/>), else the system's time provider.</summary>
    private static DateTime Now(QueryRequest request) =>
        request.Now is { } text
            ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : TimeProvider.System.GetUtcNow().UtcDateTime;

    private static string? Usage(QueryRequest request, out OutputFormat format)
    {
        format = OutputFormat.Text;
        if (string.IsNullOrWhiteSpace(request.Kql)) return "give a query, e.g. detect query \"SigninLogs | count\" --data samples/";
        if (request.Data.Length == 0) return "give the data to query with --data PATH (files, folders or globs)";
        if (request.Format is not null && !TryParseFormat(request.Format, out format))
            return $"--format must be text, json or csv, not '{request.Format}'";
        if (request.Now is not null && !DateTime.TryParse(request.Now, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _))
            return $"--now must be a date and time such as 2026-11-02T12:00:00Z, not '{request.Now}'";
        return null;
    }

    private static bool TryParseFormat(string text, out OutputFormat format)
    {
        format = text.ToLowerInvariant() switch
        {
            "text" => OutputFormat.Text,
            "json" => OutputFormat.Json,
            "csv" => OutputFormat.Csv,
            _ => (OutputFormat)(-1),
        };
        return Enum.IsDefined(format);
    }

    private static void ReportLoad(LoadResult load, string? rejectedFile, TextWriter error)
    {
        var tables = load.RowsByTable.Count == 0
            ? "no rows"
            : string.Join(", ", load.RowsByTable.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value:N0}"));
        error.WriteLine($"loaded {load.FilesRead} file(s): {tables}");
        if (load.RejectedCount == 0) return;

        var where = rejectedFile is null ? "; --rejected FILE keeps them all" : $", all written to {rejectedFile}";
        error.WriteLine($"{load.RejectedCount:N0} record(s) rejected{where}:");
        foreach (var rejection in load.Rejections.Take(RejectionsShown)) error.WriteLine($"  {rejection}");
        if (load.RejectedCount > RejectionsShown) error.WriteLine($"  … and {load.RejectedCount - RejectionsShown:N0} more");
    }

    /// <summary>Each error as <c>error CODE: message at line:column</c>, then the query line it is on with a caret under the column.</summary>
    private static void ReportQueryErrors(string kql, IReadOnlyList<Diagnostic> diagnostics, TextWriter error)
    {
        var lines = kql.Split('\n');
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine($"error {diagnostic.Code}: {diagnostic.Message} at {diagnostic.Line}:{diagnostic.Column}");
            var line = lines[Math.Clamp(diagnostic.Line, 1, lines.Length) - 1].TrimEnd('\r');
            error.WriteLine($"  {line}");
            error.WriteLine($"  {new string(' ', Math.Max(0, diagnostic.Column - 1))}^");
        }
    }
}
