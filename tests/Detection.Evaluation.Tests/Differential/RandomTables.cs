using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Testing;
using Microsoft.Data.Sqlite;

namespace Detection.Evaluation.Tests.Differential;

/// <summary>
/// A seeded set of random tables T0, T1, T2 with one schema, loaded both as evaluator tables (random chunk sizes, so
/// operators cross chunk boundaries) and into an in-memory SQLite database. Values come from small domains so that
/// filters, groups and joins hit duplicates; nulls in every non-string column, empty strings in string columns (the
/// evaluator's strings are never null), a few extreme ints and longs. Datetimes are stored in SQLite as ticks.
/// </summary>
internal sealed class RandomTables : IDisposable
{
    public static readonly IReadOnlyList<Col> Columns =
    [
        new("id", Ty.Long, Bound: 1e4), new("i", Ty.Int, Bound: 2147483648.0), new("j", Ty.Int, Bound: 2147483648.0),
        new("l", Ty.Long, Bound: 1e12), new("r", Ty.Real, Bound: 1e3),
        new("s", Ty.String), new("t", Ty.String), new("b", Ty.Bool), new("d", Ty.DateTime), new("e", Ty.DateTime),
    ];

    /// <summary>The strings of string columns and literals: case variants, a space, a dash, a quote, the empty string.</summary>
    public static readonly string[] Words = ["", "a", "A", "b", "B", "ab", "Ab", "abc", "ABC", "x y", "x-y", "zeta", "Zeta", "it's"];

    public static readonly DateTime Epoch = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public RandomTables(Random random)
    {
        Connection = new SqliteConnection("Data Source=:memory:");
        Connection.Open();
        var sizes = new[] { random.Next(0, 4) == 0 ? random.Next(0, 3) : random.Next(20, 300), random.Next(10, 150), random.Next(0, 40) };
        var nullRate = random.NextDouble() * 0.3;
        var wide = random.Next(3) == 0;
        for (var k = 0; k < sizes.Length; k++)
        {
            var rows = Enumerable.Range(0, sizes[k]).Select(n => Row(random, k * 1000 + n, nullRate, wide)).ToList();
            var chunkRows = random.Next(3) == 0 ? 16384 : random.Next(1, 64);
            Tables.Add(InlineTable.Create($"T{k}", "(" + string.Join(", ", Columns.Select(c => $"{c.Name}: {c.Type.Kql().Name()}")) + ")", rows, chunkRows));
            Load($"T{k}", rows);
        }
    }

    public List<Table> Tables { get; } = [];

    public SqliteConnection Connection { get; }

    public IReadOnlyDictionary<string, Table> ByName => Tables.ToDictionary(t => t.Name);

    private static object?[] Row(Random random, long id, double nullRate, bool wide)
    {
        bool Null() => random.NextDouble() < nullRate;
        object? Int() => Null() ? null : random.Next(20) switch
        {
            0 => int.MaxValue,
            1 => int.MinValue + 1,
            _ => random.Next(wide ? -50 : -3, wide ? 51 : 4),
        };
        object? Long() => Null() ? null : random.Next(20) == 0 ? (long)(random.NextDouble() * 2e12 - 1e12) : (long)random.Next(-10, 11);
        object? Real() => Null() ? null : random.Next(10) == 0 ? Math.Round(random.NextDouble() * 2000 - 1000, 3) : random.Next(-40, 41) / 4.0;
        object? Time() => Null() ? null : Epoch.AddMinutes(random.Next(0, 3 * 24 * 60)).AddSeconds(random.Next(4) == 0 ? random.Next(60) : 0);
        return
        [
            id, Int(), Int(), Long(), Real(),
            Words[random.Next(Words.Length)], Words[random.Next(wide ? Words.Length : 6)],
            Null() ? null : random.Next(2) == 0, Time(), Time(),
        ];
    }

    private void Load(string name, List<object?[]> rows)
    {
        using (var create = Connection.CreateCommand())
        {
            create.CommandText = $"CREATE TABLE {name} (" + string.Join(", ", Columns.Select(c => $"{Sql.Name(c.Name)} {SqlType(c.Type)}")) + ")";
            create.ExecuteNonQuery();
        }
        using var transaction = Connection.BeginTransaction();
        using var insert = Connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {name} VALUES (" + string.Join(", ", Columns.Select((_, i) => "$p" + i)) + ")";
        var parameters = Columns.Select((_, i) => insert.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                parameters[i].Value = row[i] switch
                {
                    null => DBNull.Value,
                    bool b => b ? 1L : 0L,
                    DateTime t => t.Ticks,
                    var v => v,
                };
            }
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private static string SqlType(Ty type) => type switch
    {
        Ty.Real => "REAL",
        Ty.String => "TEXT NOT NULL",
        _ => "INTEGER",
    };

    public void Dispose() => Connection.Dispose();
}
