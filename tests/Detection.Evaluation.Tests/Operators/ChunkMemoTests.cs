using Detection.Evaluation.Tests.Differential;
using Detection.Evaluation.Tests.Support;
using Detection.Kql;
using Detection.Kql.Schemas;
using Detection.Tables;

namespace Detection.Evaluation.Tests.Operators;

/// <summary>
/// <see cref="ChunkMemo"/>: a query run again over windows that share chunks (as a rule's hourly runs do) gives exactly
/// what it gives without the memo, reusing the row-local results of shared chunks, and never reuses a result that
/// depended on the run (now(), a tabular let, a scalar let of another value).
/// </summary>
public class ChunkMemoTests
{
    [Fact]
    public void Random_queries_over_growing_windows_give_the_same_rows_with_the_memo()
    {
        var random = new Random(4242);
        var reused = 0L;
        var compared = 0;
        for (var dataset = 0; dataset < 6; dataset++)
        {
            using var tables = new RandomTables(new Random(random.Next()));
            var generator = new QueryGenerator(new Random(random.Next()));
            for (var q = 0; q < 60; q++)
            {
                var query = generator.Next().Kql;
                var memo = new ChunkMemo();
                KqlCode? code = null;
                // Windows of 1..n chunks of every table: each run shares all but its last chunk with the one before.
                var longest = tables.Tables.Max(t => t.Chunks.Length);
                foreach (var size in new[] { 1, 2, longest, longest - 1, longest })
                {
                    var window = tables.Tables.ToDictionary(t => t.Name, t => new Table(t.Schema, t.Chunks.Take(Math.Max(1, size))));
                    code ??= KqlCode.ParseAndBind(query, SchemaSet.Empty.WithTables(window.Values.Select(t => t.Schema)));
                    string expected, actual;
                    try { expected = Data.Render(KqlEvaluator.Evaluate(code, new EvaluationContext(Data.Now, window))); }
                    catch (EvaluationException) { break; }
                    actual = Data.Render(KqlEvaluator.Evaluate(code, new EvaluationContext(Data.Now, window) { ChunkMemo = memo }));
                    Assert.True(expected == actual, $"query: {query}\nwindow of {size} chunks\nwithout memo:\n{expected}\nwith memo:\n{actual}");
                    compared++;
                }
                reused += memo.Reused;
            }
        }
        Assert.True(compared > 1000, $"only {compared} runs compared");
        Assert.True(reused > 1000, $"the memo reused only {reused} chunk results");
    }

    [Fact]
    public void A_where_reading_ago_is_evaluated_for_each_run()
    {
        var table = Data.Table("T", "(Time: datetime, Name: string)",
            Enumerable.Range(0, 12).Select(h => new object?[] { Data.Now.AddHours(-h), $"n{h}" }), chunkRows: 4);
        var code = KqlCode.ParseAndBind("T | where Time > ago(8h) | project Name", SchemaSet.Empty.WithTables([table.Schema]));
        var memo = new ChunkMemo();
        var tables = new Dictionary<string, Table> { ["T"] = table };
        var first = KqlEvaluator.Evaluate(code, new EvaluationContext(Data.Now, tables) { ChunkMemo = memo });
        var later = KqlEvaluator.Evaluate(code, new EvaluationContext(Data.Now.AddHours(4), tables) { ChunkMemo = memo });
        Assert.Equal(8, first.RowCount);
        Assert.Equal(["n0", "n1", "n2", "n3"], Enumerable.Range(0, (int)later.RowCount).Select(r => later.GetValue(r, 0)));
        // The project after the where is row-local: the first run's chunk kept whole by the where is projected once.
        Assert.Equal(1, memo.Reused);
    }

    [Fact]
    public void An_extend_reading_a_scalar_let_reuses_only_results_of_the_same_value()
    {
        var table = Data.Table("T", "(Value: long)", Enumerable.Range(0, 8).Select(i => new object?[] { (long)i }), chunkRows: 4);
        const string query = "let top = toscalar(T | summarize max(Value)); T | extend Share = Value * 100 / top | where Share >= 50";
        var memo = new ChunkMemo();
        var whole = new Dictionary<string, Table> { ["T"] = table };
        var firstChunk = new Dictionary<string, Table> { ["T"] = new Table(table.Schema, table.Chunks.Take(1)) };
        var code = KqlCode.ParseAndBind(query, SchemaSet.Empty.WithTables([table.Schema]));
        Assert.Equal(4, KqlEvaluator.Evaluate(code, new EvaluationContext(Data.Now, whole) { ChunkMemo = memo }).RowCount);
        // Over the first chunk alone top is 3, not 7: the shared chunk's remembered Share values must not be reused.
        var part = KqlEvaluator.Evaluate(code, new EvaluationContext(Data.Now, firstChunk) { ChunkMemo = memo });
        Assert.Equal([2L, 3L], Enumerable.Range(0, (int)part.RowCount).Select(r => part.GetValue(r, 0)));
    }

    [Fact]
    public void A_where_reading_a_tabular_let_is_not_remembered()
    {
        var table = Data.Table("T", "(Name: string, Time: datetime)",
            Enumerable.Range(0, 6).Select(i => new object?[] { $"n{i % 3}", Data.Now.AddHours(-i) }), chunkRows: 2);
        const string query = "let recent = T | where Time > ago(2h) and Time <= now() | distinct Name; T | where Name in (recent) | distinct Name | sort by Name asc";
        var code = KqlCode.ParseAndBind(query, SchemaSet.Empty.WithTables([table.Schema]));
        var memo = new ChunkMemo();
        var tables = new Dictionary<string, Table> { ["T"] = table };
        Assert.Equal("Name:string\nn0\nn1", Data.Render(KqlEvaluator.Evaluate(code, new EvaluationContext(Data.Now, tables) { ChunkMemo = memo })));
        Assert.Equal("Name:string\nn1\nn2", Data.Render(KqlEvaluator.Evaluate(code, new EvaluationContext(Data.Now.AddHours(-4), tables) { ChunkMemo = memo })));
    }

    [Fact]
    public void Union_legs_keep_their_identity_so_later_operators_are_reused()
    {
        var a = Data.Table("A", "(Name: string, Size: long)", Enumerable.Range(0, 6).Select(i => new object?[] { $"a{i}", (long)i }), chunkRows: 2);
        var b = Data.Table("B", "(Name: string, Size: real)", Enumerable.Range(0, 6).Select(i => new object?[] { $"b{i}", i + 0.5 }), chunkRows: 2);
        var code = KqlCode.ParseAndBind("union A, B | extend Upper = toupper(Name) | where Upper contains \"1\"",
            SchemaSet.Empty.WithTables([a.Schema, b.Schema]));
        var (plain, firstComputed, memo) = RunTwiceWithMemo(code, new Dictionary<string, Table> { ["A"] = a, ["B"] = b });
        Assert.Equal(firstComputed, memo.Computed);
        Assert.Contains("A1", plain);
        Assert.Contains("B1", plain);
    }

    [Fact]
    public void Rows_a_run_dependent_filter_kept_are_computed_without_being_remembered()
    {
        var table = Data.Table("T", "(Name: string, Time: datetime)",
            Enumerable.Range(0, 8).Select(i => new object?[] { $"n{i % 4}", Data.Now.AddHours(-i) }), chunkRows: 2);
        // The first where is remembered over the 4 chunks. The ago() filter keeps two of them whole (the extend over those
        // is remembered) and cuts one: the extend over the cut rows reads a chunk no later run meets, and is not remembered.
        var code = KqlCode.ParseAndBind("T | where Name != 'n3' | where Time > ago(5h) | extend Upper = toupper(Name)",
            SchemaSet.Empty.WithTables([table.Schema]));
        var (plain, firstComputed, memo) = RunTwiceWithMemo(code, new Dictionary<string, Table> { ["T"] = table });
        Assert.Equal(6, firstComputed);
        Assert.Equal(6, memo.Computed);
        Assert.Equal(6, memo.Reused);
        Assert.Contains("N0", plain);
    }

    [Fact]
    public void Mv_apply_and_mv_expand_are_remembered_unless_the_subquery_reads_a_table()
    {
        var table = Data.Table("T", "(Name: string, Items: dynamic)",
            Enumerable.Range(0, 6).Select(i => new object?[] { $"n{i}", $"[{i}, {i + 1}, {i + 2}]" }), chunkRows: 2);
        var tables = new Dictionary<string, Table> { ["T"] = table };
        var schemas = SchemaSet.Empty.WithTables([table.Schema]);
        var local = KqlCode.ParseAndBind("T | mv-apply Item = Items to typeof(long) on (where Item % 2 == 1 | take 1) | mv-expand Items", schemas);
        var (plain, firstComputed, memo) = RunTwiceWithMemo(local, tables);
        Assert.Equal(6, firstComputed);
        Assert.Equal(6, memo.Computed);
        Assert.Equal(6, memo.Reused);
        Assert.StartsWith("Name:string | Items:dynamic | Item:long\nn0 | 0 | 1\nn0 | 1 | 1\nn0 | 2 | 1\nn1 | 1 | 1", plain);

        // The subquery reads a tabular let whose rows depend on the run (ago): each run computes it afresh.
        var timed = Data.Table("U", "(Name: string, Items: dynamic, Time: datetime)",
            Enumerable.Range(0, 6).Select(i => new object?[] { $"n{i}", $"[{i}, {i + 10}]", Data.Now.AddHours(-i) }), chunkRows: 2);
        var reading = KqlCode.ParseAndBind("""
            let wanted = U | where Time > ago(2h) and Time <= now() | mv-expand Items to typeof(long) | project Items;
            U | mv-apply Item = Items to typeof(long) on (where Item in (wanted)) | project Name, Item
            """, SchemaSet.Empty.WithTables([timed.Schema]));
        var other = new ChunkMemo();
        var byTime = new Dictionary<string, Table> { ["U"] = timed };
        foreach (var now in new[] { Data.Now, Data.Now.AddHours(-3) })
        {
            var expected = Data.Render(KqlEvaluator.Evaluate(reading, new EvaluationContext(now, byTime)));
            Assert.Equal(expected, Data.Render(KqlEvaluator.Evaluate(reading, new EvaluationContext(now, byTime) { ChunkMemo = other })));
        }
        Assert.Equal("Name:string | Item:long\nn3 | 3\nn3 | 13\nn4 | 4\nn4 | 14",
            Data.Render(KqlEvaluator.Evaluate(reading, new EvaluationContext(Data.Now.AddHours(-3), byTime) { ChunkMemo = other })));
    }

    /// <summary>
    /// The query's rows without a memo, then run twice with one memo (each run must give the same rows); what the first
    /// run computed, and the memo after both.
    /// </summary>
    private static (string Plain, long FirstComputed, ChunkMemo Memo) RunTwiceWithMemo(KqlCode code, Dictionary<string, Table> tables)
    {
        var memo = new ChunkMemo();
        var plain = Data.Render(KqlEvaluator.Evaluate(code, new EvaluationContext(Data.Now, tables)));
        Assert.Equal(plain, Data.Render(KqlEvaluator.Evaluate(code, new EvaluationContext(Data.Now, tables) { ChunkMemo = memo })));
        var firstComputed = memo.Computed;
        Assert.Equal(plain, Data.Render(KqlEvaluator.Evaluate(code, new EvaluationContext(Data.Now, tables) { ChunkMemo = memo })));
        return (plain, firstComputed, memo);
    }
}
