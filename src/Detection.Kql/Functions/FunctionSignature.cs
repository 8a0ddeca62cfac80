namespace Detection.Kql.Functions;

/// <summary>What a parameter accepts. Only the strict kinds are checked by the binder; the others document intent.</summary>
public enum ParameterKind
{
    /// <summary>Any scalar.</summary>
    Any,
    /// <summary>A string (not checked: KQL converts most scalars).</summary>
    String,
    /// <summary>A string or dynamic value, strictly (strlen, parse_json).</summary>
    StringOrDynamic,
    /// <summary>A string, strictly: another known scalar type is an error (trim, replace_string, ipv4_is_private…).</summary>
    StrictString,
    Bool,
    Number,
    DateTime,
    TimeSpan,
    Dynamic,
    /// <summary>A dynamic value that may be an array (a value of another scalar type is an error).</summary>
    DynamicArray,
    Tabular,
    /// <summary>A <c>typeof(T)</c> argument.</summary>
    Type,
}

public enum FunctionKind
{
    Scalar,
    Aggregate,
    Window,
}

public sealed record FunctionParameter(string Name, ParameterKind Kind, bool Optional, bool Repeating);

/// <summary>
/// One builtin: name, parameters, and a return rule (see <see cref="Returns"/>), declared as a line of text in
/// <see cref="Builtins"/>. Aggregates carry the prefix of the column name <c>summarize</c> gives them (<c>set</c> for make_set).
/// </summary>
/// <param name="Name">The function's name, as written in queries.</param>
/// <param name="Kind">Scalar, aggregate or window function.</param>
/// <param name="Parameters">The parameters in order.</param>
/// <param name="ResultPrefix">For aggregates: the prefix of the column an unnamed call produces.</param>
/// <param name="NamedAfterFirstArgument">An unnamed call is named after its first argument (tostring(x) → x).</param>
/// <param name="Returns">
/// A type name (<c>string</c>, <c>long</c>…), <c>array</c>, <c>array(T)</c>, <c>bag</c>, <c>arg0</c>/<c>arg1</c> (the
/// type of that argument), <c>array(arg0)</c>, <c>elem0</c> (element of an array argument), <c>common1</c> (common type
/// of the arguments from 1), <c>case</c>, <c>commonall</c>, <c>sum</c> (arg0 widened to long), <c>typeof</c> (the
/// <c>typeof(T)</c> argument, else string), or <c>tuple:a,b=real,c</c> (several columns, each dynamic unless typed).
/// </param>
public sealed record FunctionSignature(
    string Name,
    FunctionKind Kind,
    IReadOnlyList<FunctionParameter> Parameters,
    string Returns,
    string? ResultPrefix,
    bool NamedAfterFirstArgument)
{
    public int MinArguments => Parameters.Count(p => !p.Optional && !p.Repeating) + (Parameters.Any(p => p.Repeating && !p.Optional) ? 1 : 0);

    public int MaxArguments => Parameters.Any(p => p.Repeating) ? 64 : Parameters.Count;

    /// <summary>The parameter an argument at <paramref name="index"/> binds to (the repeating one absorbs the rest).</summary>
    public FunctionParameter? ParameterAt(int index)
    {
        if (index < Parameters.Count) return Parameters[index];
        return Parameters.LastOrDefault(p => p.Repeating);
    }

    public string ArityText()
    {
        var min = MinArguments;
        var max = MaxArguments;
        if (min == max) return min == 1 ? "1 argument" : $"{min} arguments";
        return max == 64 ? $"at least {min} argument{(min == 1 ? "" : "s")}" : $"{min} to {max} arguments";
    }
}
