using System.Runtime.CompilerServices;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Expressions;

/// <summary>
/// A stored time column ordered against a value that does not depend on the row (<c>TimeGenerated &gt;= ago(1h)</c>,
/// the head of nearly every rule): a chunk whose times all pass, or all fail, gets one constant from the column's
/// bounds (found once per column and remembered) instead of a comparison a row. A column with nulls, or times on both
/// sides of the bound, is compared row by row as before.
/// </summary>
internal sealed class TimeBoundComparison(ColumnExpr column, Expr bound, SyntaxKind op, Expr rowByRow) : Expr(KqlType.Bool)
{
    private static readonly ConditionalWeakTable<PrimitiveColumn<DateTime>, Bounds> KnownBounds = new();

    public static Expr? TryCompile(SyntaxKind op, Expr left, Expr right, Expr? rowByRow) =>
        left is ColumnExpr { Type: KqlType.DateTime } column && right is { IsConstant: true, Type: KqlType.DateTime } && rowByRow is not null
        && op is SyntaxKind.Less or SyntaxKind.LessEqual or SyntaxKind.Greater or SyntaxKind.GreaterEqual
            ? new TimeBoundComparison(column, right, op, rowByRow)
            : null;

    public override Vector Eval(Chunk chunk)
    {
        if (chunk.RowCount > 0 && chunk[column.Ordinal] is PrimitiveColumn<DateTime> times
            && bound.Eval(chunk).Get(0) is DateTime value && KnownBounds.GetValue(times, Of) is { HasNulls: false } bounds)
        {
            var b = value.Ticks;
            bool? all = op switch
            {
                SyntaxKind.Less => bounds.Max < b ? true : bounds.Min >= b ? false : null,
                SyntaxKind.LessEqual => bounds.Max <= b ? true : bounds.Min > b ? false : null,
                SyntaxKind.Greater => bounds.Min > b ? true : bounds.Max <= b ? false : null,
                _ => bounds.Min >= b ? true : bounds.Max < b ? false : null,
            };
            if (all is { } constant) return new ConstantVector(KqlType.Bool, constant, chunk.RowCount);
        }
        return rowByRow.Eval(chunk);
    }

    private static Bounds Of(PrimitiveColumn<DateTime> times)
    {
        if (times.IsAllNull) return new Bounds(0, 0, true);
        long min = long.MaxValue, max = long.MinValue;
        var values = times.Values;
        for (var row = 0; row < times.Length; row++)
        {
            if (times.IsNull(row)) return new Bounds(0, 0, true);
            var ticks = values[row].Ticks;
            if (ticks < min) min = ticks;
            if (ticks > max) max = ticks;
        }
        return new Bounds(min, max, false);
    }

    private sealed record Bounds(long Min, long Max, bool HasNulls);
}
