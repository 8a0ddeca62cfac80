using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary><c>count</c>: one row, one long column named <c>Count</c> (KQL-SEMANTICS §14).</summary>
internal static class CountOperator
{
    public static Table Run(Table input) =>
        new(new TableSymbol(input.Schema.Name, [new ColumnSymbol("Count", KqlType.Long)]), [new Chunk(1, [ColumnFactory.Long([input.RowCount])])]);
}
