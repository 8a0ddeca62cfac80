using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary><c>take N</c> / <c>limit N</c>: the first N rows; stops reading chunks once it has them.</summary>
internal static class TakeOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope) =>
        Take(input, Count(op.NodeAt(0)!, runner, scope));

    public static long Count(SyntaxNode expression, QueryRunner runner, Scope scope)
    {
        var expr = new ExprCompiler(runner, scope, QueryRunner.NoColumns).Compile(expression);
        return Values.Kv.ToLong(expr.Eval(new Chunk(1, [])).Get(0)) is { } n and >= 0
            ? n
            : throw new EvaluationException("the row count must be a non-negative number", expression.Span);
    }

    public static Table Take(Table input, long count)
    {
        var chunks = new List<Chunk>();
        var left = count;
        foreach (var chunk in input.Chunks)
        {
            if (left <= 0) break;
            if (chunk.RowCount <= left) chunks.Add(chunk);
            else chunks.Add(chunk.Gather(Enumerable.Range(0, (int)left).ToArray()));
            left -= chunk.RowCount;
        }
        return new Table(input.Schema, chunks);
    }
}
