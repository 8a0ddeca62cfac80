using System.CommandLine;
using Detection.Ingestion;
using Detection.Kql.Schemas;
using Detection.Query;
using Detection.Query.Binding;
using Detection.Query.Diagnostics;
using Detection.Query.Output;

namespace Detection.Cli.Commands;

/// <summary>
/// <c>detect query "KQL" --data PATH...</c>: loads the data, runs one query of the KQL slice, writes the result to
/// standard output. Load problems and errors go to standard error only. Exit codes: 0 ok, 1 query error, 2 usage.
/// </summary>
internal static class QueryCommand
{
    public const int QueryErrorExitCode = 1;
    public const int UsageExitCode = 2;

    private const int RejectionsShown = 5;

    private const string Description = """
        Run one KQL query over log files and print the result.

        The query language is a first slice of KQL: a table name, then any number of
          | where Column OP literal      OP: == != =~ !~ has !has contains !contains startswith !startswith in !in
          | project Column, Column
          | take N   (or limit N)
          | count
        Literals: 'text' or "text", numbers, true/false, datetime(2026-11-02T08:30:00Z); in takes a list: in ('a', 'b').
        A string column compared with a number compares with its text (ResultType == 50126).

        Examples:
          detect query "SigninLogs | count" --data samples/
          detect query "SigninLogs | where ResultType == 50126 | project TimeGenerated, UserPrincipalName, IPAddress | take 20" --data samples/
          detect query "AuditLogs | where OperationName has 'role' | count" --data 'exports/*.json' --data more/ --format json
          detect query "MyApp_CL | take 5" --data rows.jsonl --table MyApp_CL --schemas my-schemas/ --format csv

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

        // A missing query, missing --data or a bad --format is reported by the action, so it exits 2 (the parser's own
        // errors, such as an unknown option, exit 1: System.CommandLine fixes that code).
        var command = new Command("query", Description) { kql, data, format, schemas, table, rejected };
        command.SetAction(parse =>
        {
            var request = new QueryRequest(
                parse.GetValue(kql), parse.GetValue(data) ?? [], parse.GetValue(format), parse.GetValue(schemas),
                parse.GetValue(table), parse.GetValue(rejected));
            return Run(request, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    private sealed record QueryRequest(
        string? Kql, string[] Data, string? Format, string? Schemas, string? Table, string? Rejected);

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
            // The syntax is checked before any data is read: a typo should not cost a load.
            var syntax = QueryEngine.Parse(request.Kql!);
            var schemaSet = request.Schemas is null ? SchemaSet.Default : SchemaSet.Default.WithDirectory(request.Schemas);
            var load = DataLoader.Load(request.Data, new LoadOptions { Schemas = schemaSet, Table = request.Table, RejectedFile = request.Rejected });
            ReportLoad(load, request.Rejected, error);
            if (load.FilesRead == 0)
            {
                error.WriteLine("detect query: no data files found in --data.");
                return UsageExitCode;
            }
            var result = QueryEngine.Run(request.Kql!, syntax, new QueryCatalog(schemaSet, load.Tables));
            TableWriters.For(format).Write(result, output);
            return 0;
        }
        catch (QueryException e)
        {
            ReportQueryError(request.Kql!, e.Diagnostic, error);
            return QueryErrorExitCode;
        }
        catch (SchemaFormatException e)
        {
            error.WriteLine($"detect query: --schemas: {e.Message}");
            return UsageExitCode;
        }
    }

    private static string? Usage(QueryRequest request, out OutputFormat format)
    {
        format = OutputFormat.Text;
        if (string.IsNullOrWhiteSpace(request.Kql)) return "give a query, e.g. detect query \"SigninLogs | count\" --data samples/";
        if (request.Data.Length == 0) return "give the data to query with --data PATH (files, folders or globs)";
        if (request.Format is not null && !TryParseFormat(request.Format, out format))
            return $"--format must be text, json or csv, not '{request.Format}'";
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

    /// <summary>The diagnostic, then the query line it is on with a caret under the column.</summary>
    private static void ReportQueryError(string kql, QueryDiagnostic diagnostic, TextWriter error)
    {
        error.WriteLine($"error {diagnostic}");
        var lines = kql.Split('\n');
        var line = lines[Math.Min(diagnostic.Position.Line, lines.Length) - 1].TrimEnd('\r');
        error.WriteLine($"  {line}");
        error.WriteLine($"  {new string(' ', Math.Max(0, diagnostic.Position.Column - 1))}^");
    }
}
