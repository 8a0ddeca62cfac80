using System.CommandLine;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Microsoft.Data.Sqlite;

namespace Detection.Cli.Commands;

/// <summary>
/// <c>detect incidents list|show|update</c>: the analyst's view of the incident store. Exit codes: 0 done, 1 the store or
/// the incident is missing or the change is refused, 2 usage.
/// </summary>
internal static partial class IncidentsCommand
{
    public static Command Create()
    {
        var command = new Command("incidents",
            "The analyst's view of the incident store: list, show and update incidents.\n" +
            $"Every command reads --store FILE, a SQLite file; without it, {SqliteIncidentStore.DefaultFileName} in the current folder.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Update());
        return command;
    }

    private static Option<string> StoreOption() => new("--store")
    {
        Description = $"The incident store, a SQLite file (default: {SqliteIncidentStore.DefaultFileName} in the current folder).",
        DefaultValueFactory = _ => SqliteIncidentStore.DefaultFileName,
    };

    private static Option<string> FormatOption()
    {
        var format = new Option<string>("--format") { Description = "text (default) or json (stable, documented in src/Detection.Incidents/README.md).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    /// <summary>Opens an existing store and runs the action; a missing or unreadable store is exit 1 with a message.</summary>
    private static int WithStore(ParseResult parse, Option<string> storeOption, Func<SqliteIncidentStore, int> action)
    {
        var path = parse.GetValue(storeOption) ?? SqliteIncidentStore.DefaultFileName;
        var error = parse.InvocationConfiguration.Error;
        SqliteIncidentStore store;
        try
        {
            store = SqliteIncidentStore.Open(path, TimeProvider.System, create: false);
        }
        catch (FileNotFoundException)
        {
            error.WriteLine($"no incident store at {path} (detect replay … --store {path} fills one; or pass --store FILE)");
            return 1;
        }
        catch (Exception e) when (e is SqliteException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"cannot open the incident store {path}: {e.Message}");
            return 1;
        }
        using (store) return action(store);
    }

    /// <summary>Parses an optional enum option case-insensitively; false (after a usage message) when the text is not a value.</summary>
    private static bool TryOption<T>(ParseResult parse, Option<string?> option, out T? value)
        where T : struct, Enum
    {
        value = null;
        var text = parse.GetValue(option);
        if (text is null) return true;
        if (Enums.TryParse<T>(text, out var parsed))
        {
            value = parsed;
            return true;
        }
        parse.InvocationConfiguration.Error.WriteLine($"{option.Name}: '{text}' is not one of {string.Join(", ", Enum.GetNames<T>())}");
        return false;
    }
}
