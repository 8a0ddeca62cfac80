using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary><c>where predicate</c>: keeps rows where the predicate is true (null counts as false). A chunk kept whole is shared.</summary>
internal static class WhereOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        var predicate = new ExprCompiler(runner, scope, input.Schema).Compile(op.NodeAt(0)!);
        var chunks = new List<Chunk>();
        var rows = new List<int>();
        foreach (var chunk in input.Chunks)
        {
            var values = predicate.Eval(chunk);
            rows.Clear();
            if (values.IsConstant)
            {
                if (Values.Kv.IsTrue(values.Get(0))) chunks.Add(chunk);
                continue;
            }
            if (values is Values.BoolVector bools)
            {
                var bytes = bools.Values;
                for (var i = 0; i < bytes.Length; i++)
                    if (bytes[i] == Values.BoolVector.True) rows.Add(i);
            }
            else
            {
                for (var i = 0; i < chunk.RowCount; i++)
                    if (Values.Kv.IsTrue(values.Get(i))) rows.Add(i);
            }
            if (rows.Count == chunk.RowCount) chunks.Add(chunk);
            else if (rows.Count > 0) chunks.Add(chunk.Gather(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows)));
        }
        return new Table(input.Schema, chunks);
    }
}
