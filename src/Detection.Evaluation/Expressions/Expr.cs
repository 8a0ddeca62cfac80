using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Tables;

namespace Detection.Evaluation.Expressions;

/// <summary>A compiled scalar expression: a static type, and its value over the rows of a chunk.</summary>
internal abstract class Expr(KqlType type)
{
    public KqlType Type { get; } = type;

    public abstract Vector Eval(Chunk chunk);

    /// <summary>The value when the expression does not depend on the row (literals, lets, now()), else null.</summary>
    public virtual bool IsConstant => false;
}

internal sealed class ColumnExpr(int ordinal, KqlType type) : Expr(type)
{
    public int Ordinal { get; } = ordinal;

    public override Vector Eval(Chunk chunk) => new ColumnVector(chunk[Ordinal]);
}

internal sealed class ConstantExpr(KqlType type, object? value) : Expr(type)
{
    public object? Value { get; } = Kv.Fit(value, type);

    public override bool IsConstant => true;

    public override Vector Eval(Chunk chunk) => new ConstantVector(Type, Value, chunk.RowCount);
}

/// <summary>A function of the argument values, applied with <see cref="Vectors.Map(KqlType, IReadOnlyList{Vector}, int, Func{object?[], object?})"/>.</summary>
internal sealed class MapExpr(KqlType type, IReadOnlyList<Expr> args, Func<object?[], object?> f) : Expr(type)
{
    public IReadOnlyList<Expr> Args { get; } = args;

    public override bool IsConstant => Args.All(a => a.IsConstant);

    public override Vector Eval(Chunk chunk) => Vectors.Map(Type, Args.Select(a => a.Eval(chunk)).ToList(), chunk.RowCount, f);
}

/// <summary>An expression evaluated by its own vector code (iff, and/or, series functions…).</summary>
internal sealed class VectorExpr(KqlType type, IReadOnlyList<Expr> args, Func<Vector[], int, Vector> f) : Expr(type)
{
    public override bool IsConstant => args.All(a => a.IsConstant);

    public override Vector Eval(Chunk chunk) => f(args.Select(a => a.Eval(chunk)).ToArray(), chunk.RowCount);
}
