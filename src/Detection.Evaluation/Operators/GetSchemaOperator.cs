using Detection.Kql.Symbols;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary><c>getschema</c>: one row per input column: ColumnName, ColumnOrdinal, DataType (System.*), ColumnType.</summary>
internal static class GetSchemaOperator
{
    public static Table Run(Table input)
    {
        var schema = ResultBuilder.SchemaOf("getschema",
            [("ColumnName", KqlType.String), ("ColumnOrdinal", KqlType.Long), ("DataType", KqlType.String), ("ColumnType", KqlType.String)]);
        var builder = new ResultBuilder(schema);
        for (var i = 0; i < input.Schema.Columns.Length; i++)
        {
            var c = input.Schema.Columns[i];
            builder.Add([c.Name, (long)i, DotNetName(c.Type), c.Type.Name()]);
        }
        return builder.Build();
    }

    private static string DotNetName(KqlType type) => type switch
    {
        KqlType.Bool => "System.SByte",
        KqlType.Int => "System.Int32",
        KqlType.Long => "System.Int64",
        KqlType.Real => "System.Double",
        KqlType.Decimal => "System.Data.SqlTypes.SqlDecimal",
        KqlType.String => "System.String",
        KqlType.DateTime => "System.DateTime",
        KqlType.TimeSpan => "System.TimeSpan",
        KqlType.Guid => "System.Guid",
        _ => "System.Object",
    };
}
