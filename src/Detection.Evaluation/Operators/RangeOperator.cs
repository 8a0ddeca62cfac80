using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary><c>range x from a to b step s</c>: one column of a, a+s, … up to b inclusive (numbers, datetimes, timespans).</summary>
internal static class RangeOperator
{
    public static Table Run(SyntaxNode op, QueryRunner runner, Scope scope)
    {
        var nodes = op.Nodes().ToList();
        var name = Naming.NameText(nodes[0]);
        var compiler = new ExprCompiler(runner, scope, QueryRunner.NoColumns);
        var one = new Chunk(1, []);
        var from = compiler.Compile(nodes[1]);
        var to = compiler.Compile(nodes[2]).Eval(one).Get(0);
        var step = compiler.Compile(nodes[3]).Eval(one).Get(0);
        var builder = new ResultBuilder(new TableSymbol(name, [new ColumnSymbol(name, from.Type)]));
        var value = from.Eval(one).Get(0);
        for (var n = 0; value is not null && Kv.Order(value, to) <= 0; n++)
        {
            if (n >= 10_000_000) throw new EvaluationException("range: more than 10,000,000 rows", op.Span);
            builder.Add([value]);
            value = Kv.Fit(Arithmetic.Apply(SyntaxKind.Plus, value, step!), from.Type);
        }
        return builder.Build();
    }
}
