using Detection.Evaluation.Expressions;
using Detection.Evaluation.Operators;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Running;

internal sealed partial class QueryRunner
{
    /// <summary>Evaluates a tabular expression.</summary>
    public Table Tabular(SyntaxNode node, Scope scope)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (node.Kind)
        {
            case SyntaxKind.PipeExpression:
                if (JoinWherePushdown.Match(node) is { } joinThenWheres) return JoinWherePushdown.Run(joinThenWheres, this, scope);
                var input = Tabular(node.NodeAt(0)!, scope);
                return Apply(node.NodeAt(1)!, input, scope);
            case SyntaxKind.ParenthesizedExpression:
                return Tabular(node.NodeAt(0)!, scope);
            case SyntaxKind.NameReference or SyntaxKind.BracketedName:
                return Named(node, scope);
            case SyntaxKind.CallExpression:
                return Call(node, scope);
            case SyntaxKind.DataTableExpression:
                return DataTableSource.Run(node, this, scope);
            case SyntaxKind.PrintOperator or SyntaxKind.UnionOperator or SyntaxKind.RangeOperator:
                return Apply(node, null, scope);
            case SyntaxKind.ExternalDataExpression:
                throw EvaluationException.NotSupported("externaldata (the evaluator reads no URLs: no network access)", node);
            default:
                throw EvaluationException.NotSupported($"tabular expression '{ExprCompiler.Short(node)}' ({node.Kind})", node);
        }
    }

    private Table Named(SyntaxNode node, Scope scope)
    {
        var name = Naming.NameText(node);
        switch (scope.Lookup(name))
        {
            case TabularLet t: return t.Table.Value;
            case FunctionLet f: return CallFunction(name, f, [], scope, node);
            case null when Context.FindTable(name) is { } table:
                Context.ChunkMemo?.Track(table);
                return table;
        }
        throw new EvaluationException($"unknown table or tabular let '{name}'", node.Span);
    }

    private Table Call(SyntaxNode node, Scope scope)
    {
        var name = Naming.FunctionName(node);
        var args = Naming.Arguments(node);
        if (scope.Lookup(name) is FunctionLet f) return CallFunction(name, f, args, scope, node);
        switch (name)
        {
            case "materialize" when args.Count == 1:
                return Tabular(args[0], scope);
            case "table" when args.Count >= 1:
                var expr = new ExprCompiler(this, scope, NoColumns).Compile(args[0]);
                var tableName = Values.Kv.ToText(expr.Eval(new Chunk(1, [])).Get(0));
                if (scope.Lookup(tableName) is TabularLet t) return t.Table.Value;
                var named = Context.FindTable(tableName) ?? throw new EvaluationException($"unknown table '{tableName}'", node.Span);
                Context.ChunkMemo?.Track(named);
                return named;
        }
        throw EvaluationException.NotSupported($"tabular function {name}()", node);
    }

    private Table CallFunction(string name, FunctionLet function, IReadOnlyList<SyntaxNode> args, Scope callerScope, SyntaxNode at)
    {
        var scope = BindParameters(function, args, callerScope, null);
        Table? last = null;
        foreach (var statement in function.Declaration.Node(SyntaxKind.FunctionBody)!.Nodes())
        {
            if (statement.Kind == SyntaxKind.LetStatement) Let(statement, scope, null);
            else if (statement.Kind == SyntaxKind.ExpressionStatement) last = Tabular(statement.NodeAt(0)!, scope);
        }
        return last ?? throw new EvaluationException($"function {name} returns no table", at.Span);
    }

    /// <summary><c>as Name</c>: the rows pass through, and later references to Name read them.</summary>
    private static Table As(SyntaxNode op, Table input, Scope scope)
    {
        var name = op.Nodes().LastOrDefault(n => n.Kind is SyntaxKind.NameReference or SyntaxKind.BracketedName);
        if (name is not null) scope.Add(Naming.NameText(name), new TabularLet(new Lazy<Table>(input)));
        return input;
    }

    /// <summary>Runs one operator over <paramref name="input"/> (null for a source operator such as print).</summary>
    public Table Apply(SyntaxNode op, Table? input, Scope scope)
    {
        Context.Cancellation.ThrowIfCancellationRequested();
        if (op.Kind is SyntaxKind.PrintOperator) return PrintOperator.Run(op, this, scope);
        if (op.Kind is SyntaxKind.RangeOperator) return RangeOperator.Run(op, this, scope);
        if (op.Kind is SyntaxKind.UnionOperator) return UnionOperator.Run(op, input, this, scope);
        if (input is null) throw new EvaluationException($"'{op.FirstToken?.Text}' needs an input table", op.Span);
        if (RowLocalOperators.IsRowLocal(op.Kind) && RowLocalOperators.TryRun(op, input, this, scope, t => Run(op, t, scope)) is { } reused)
            return reused;
        return Run(op, input, scope);
    }

    private Table Run(SyntaxNode op, Table input, Scope scope)
    {
        return op.Kind switch
        {
            SyntaxKind.WhereOperator => WhereOperator.Run(op, input, this, scope),
            SyntaxKind.ExtendOperator => ExtendOperator.Run(op, input, this, scope),
            SyntaxKind.ProjectOperator when op.FirstToken!.Text == "project" => ProjectOperator.Run(op, input, this, scope),
            SyntaxKind.ProjectAwayOperator or SyntaxKind.ProjectKeepOperator or SyntaxKind.ProjectReorderOperator => ProjectColumnsOperator.Run(op, input),
            SyntaxKind.ProjectRenameOperator => ProjectRenameOperator.Run(op, input),
            SyntaxKind.TakeOperator => TakeOperator.Run(op, input, this, scope),
            SyntaxKind.CountOperator => CountOperator.Run(input),
            SyntaxKind.SortOperator => SortOperator.Run(op, input, this, scope),
            SyntaxKind.TopOperator => TopOperator.Run(op, input, this, scope),
            SyntaxKind.DistinctOperator => DistinctOperator.Run(op, input, this, scope),
            SyntaxKind.SummarizeOperator => SummarizeOperator.Run(op, input, this, scope),
            SyntaxKind.JoinOperator or SyntaxKind.LookupOperator => JoinOperator.Run(op, input, this, scope),
            SyntaxKind.MvExpandOperator => MvExpandOperator.Run(op, input, this, scope),
            SyntaxKind.MakeSeriesOperator => MakeSeriesOperator.Run(op, input, this, scope),
            SyntaxKind.ParseOperator => ParseOperator.Run(op, input, this, scope),
            SyntaxKind.MvApplyOperator => MvApplyOperator.Run(op, input, this, scope),
            SyntaxKind.EvaluateOperator => EvaluateOperator.Run(op, input, this, scope),
            SyntaxKind.AsOperator => As(op, input, scope),
            SyntaxKind.SerializeOperator => op.Nodes().Any() ? ExtendOperator.Run(op, input, this, scope) : input,
            SyntaxKind.RenderOperator => input,
            SyntaxKind.GetSchemaOperator => GetSchemaOperator.Run(input),
            _ => throw EvaluationException.NotSupported($"operator {op.FirstToken?.Text ?? op.Kind.ToString()}", op),
        };
    }
}
