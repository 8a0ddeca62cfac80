using Detection.Tables.Columns;

namespace Detection.Query.Evaluation.Predicates;

/// <summary>
/// A test of a string column. The test runs once per distinct value of the chunk's dictionary, then rows are kept by
/// looking up their code: a chunk of 16,000 sign-ins with 40 distinct <c>ResultType</c>s costs 40 string tests.
/// </summary>
internal sealed class StringPredicate(Func<string, bool> test) : RowPredicate
{
    public override int[] Select(Column column, ChunkView view)
    {
        var strings = (StringColumn)column;
        var dictionary = strings.Dictionary;
        var passes = new bool[dictionary.Count];
        for (var code = 0; code < passes.Length; code++) passes[code] = test(dictionary.GetString(code));

        var codes = strings.Codes;
        var kept = new int[view.Count];
        var count = 0;
        for (var i = 0; i < kept.Length; i++)
        {
            var row = view.RowAt(i);
            if (passes[codes[row]]) kept[count++] = row;
        }
        return count == kept.Length ? kept : kept[..count];
    }
}
