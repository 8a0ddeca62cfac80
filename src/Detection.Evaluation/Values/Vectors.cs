using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Values;

/// <summary>Lifts a function of values to vectors, once per row, per distinct value, or once for constants.</summary>
internal static class Vectors
{
    /// <summary>
    /// Applies <paramref name="f"/> row by row. All-constant arguments are computed once; when the only non-constant
    /// argument is dictionary-encoded (a string or dynamic column, or a <see cref="CodedVector"/>) it is computed once per
    /// distinct value of the chunk and the result is a <see cref="CodedVector"/> over the same codes.
    /// The result is fitted to <paramref name="type"/>.
    /// </summary>
    public static Vector Map(KqlType type, IReadOnlyList<Vector> args, int length, Func<object?[], object?> f)
    {
        var values = new object?[args.Count];
        var varying = -1;
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].IsConstant) { values[i] = args[i].Get(0); continue; }
            varying = varying == -1 ? i : -2;
        }
        if (varying == -1) return new ConstantVector(type, args.Count == 0 || length > 0 ? f(values) : null, length);
        if (varying >= 0 && Encoding(args[varying]) is var (codes, count) && codes is not null)
        {
            var encoded = args[varying];
            if (type == KqlType.Bool && MapBools(codes, count, length, encoded, varying, values, f) is { } bools) return bools;
            var byCode = new object?[count];
            var done = new bool[count];
            for (var row = 0; row < length; row++)
            {
                var code = codes[row];
                if (done[code]) continue;
                values[varying] = encoded.Get(row);
                byCode[code] = Kv.Fit(f(values), type);
                done[code] = true;
            }
            return new CodedVector(type, codes, byCode);
        }
        var result = new object?[length];
        for (var row = 0; row < length; row++)
        {
            for (var i = 0; i < args.Count; i++) values[i] = args[i].Get(row);
            result[row] = Kv.Fit(f(values), type);
        }
        return new ArrayVector(type, result);
    }

    /// <summary>A predicate over a dictionary-encoded column: computed once per distinct value, then one byte a row.</summary>
    private static BoolVector? MapBools(CodeArray codes, int count, int length, Vector encoded, int varying, object?[] values, Func<object?[], object?> f)
    {
        const byte NotYet = 255;
        var byCode = new byte[count];
        Array.Fill(byCode, NotYet);
        var result = new byte[length];
        for (var row = 0; row < length; row++)
        {
            var code = codes[row];
            var b = byCode[code];
            if (b == NotYet)
            {
                values[varying] = encoded.Get(row);
                b = byCode[code] = Kv.Fit(f(values), KqlType.Bool) switch
                {
                    true => BoolVector.True,
                    false => BoolVector.False,
                    null => BoolVector.Null,
                    _ => NotYet,
                };
                if (b == NotYet) return null;
            }
            result[row] = b;
        }
        return new BoolVector(result);
    }

    /// <summary>The codes and code count of a dictionary-encoded vector (a string or dynamic column, or values per code), else (null, 0).</summary>
    private static (CodeArray? Codes, int Count) Encoding(Vector vector) => vector switch
    {
        ColumnVector { Column: StringColumn s } => (s.Codes, s.Dictionary.Count),
        ColumnVector { Column: DynamicColumn d } => (d.Codes, d.Dictionary.Count),
        CodedVector c => (c.Codes, c.ByCode.Length),
        _ => (null, 0),
    };

    public static Vector Map(KqlType type, Vector a, Func<object?, object?> f) => Map(type, [a], a.Length, v => f(v[0]));

    public static Vector Map(KqlType type, Vector a, Vector b, Func<object?, object?, object?> f) => Map(type, [a, b], a.Length, v => f(v[0], v[1]));
}
