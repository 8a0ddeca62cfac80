using Detection.Evaluation.Expressions;
using Detection.Evaluation.Functions;
using Detection.Evaluation.Running;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>L | join kind=innerunique (R) on … | where p</c>: Kusto pushes a filter that follows the join towards the side it
/// reads, and for innerunique a filter on the left side runs before the left side is deduplicated, so the rows it keeps
/// are the ones that survive the dedup (join-innerunique.md: with <c>| where value == "val1.2"</c> after the join, the
/// val1.2 row always comes out, never the val1.1 one). Pushed here: each where that directly follows the innerunique
/// join, or follows wheres already pushed, whose predicate reads only left columns (a name of the left side is the
/// left's column: clashing right columns are renamed key1, value1). The first where that is not pushed and all that
/// follow it run after the join. A pushed predicate does not run again after the join: it reads only left columns,
/// and every output row takes them from a left row that passed it.
/// </summary>
internal static class JoinWherePushdown
{
    /// <summary>The chain a pipeline ends with: the join's left input, an innerunique join, the wheres after it in order.</summary>
    public sealed record Chain(SyntaxNode Input, SyntaxNode Join, IReadOnlyList<SyntaxNode> Wheres);

    /// <summary>
    /// The chain when <paramref name="pipe"/> is <c>… | join (innerunique) … | where … [| where …]</c>, parentheses
    /// around any part of it allowed, else null.
    /// </summary>
    public static Chain? Match(SyntaxNode pipe)
    {
        var wheres = new List<SyntaxNode>();
        var node = pipe;
        while (true)
        {
            if (node.Kind == SyntaxKind.ParenthesizedExpression && node.NodeAt(0) is { } inner) node = inner;
            else if (node.Kind == SyntaxKind.PipeExpression && node.NodeAt(1)?.Kind == SyntaxKind.WhereOperator)
            {
                wheres.Add(node.NodeAt(1)!);
                node = node.NodeAt(0)!;
            }
            else break;
        }
        if (wheres.Count == 0 || node.Kind != SyntaxKind.PipeExpression) return null;
        if (node.NodeAt(1) is not { Kind: SyntaxKind.JoinOperator } join) return null;
        if ((Naming.Parameter(join, "kind") ?? "innerunique") != "innerunique") return null;
        wheres.Reverse();
        return new Chain(node.NodeAt(0)!, join, wheres);
    }

    /// <summary>Evaluates the chain: the join with the pushable wheres on its left side, then the other wheres.</summary>
    public static Table Run(Chain chain, QueryRunner runner, Scope scope)
    {
        var left = runner.Tabular(chain.Input, scope);
        runner.Context.Cancellation.ThrowIfCancellationRequested();
        var result = JoinOperator.Run(chain.Join, left, runner, scope, chain.Wheres, out var pushed);
        foreach (var where in chain.Wheres.Skip(pushed))
        {
            runner.Context.Cancellation.ThrowIfCancellationRequested();
            result = WhereOperator.Run(where, result, runner, scope);
        }
        return result;
    }

    /// <summary>How many of <paramref name="wheres"/>, from the first, read only columns of the left side.</summary>
    public static int PushableCount(IReadOnlyList<SyntaxNode> wheres, TableSymbol left, TableSymbol joined, QueryRunner runner, Scope scope)
    {
        var count = 0;
        while (count < wheres.Count && wheres[count].NodeAt(0) is { } predicate && ReadsOnlyLeftColumns(predicate, left, joined, runner, scope))
            count++;
        return count;
    }

    /// <summary>
    /// True when the predicate gives the same value on a left row as on every joined row made from it. Refused (kept after
    /// the join) when it names a column the right side brings, reads whole rows (pack_all, column_ifexists), reads
    /// neighbouring rows (window functions), or calls a scalar function of the query or reads a parameter bound to a
    /// caller's row (either may read any column).
    /// </summary>
    private static bool ReadsOnlyLeftColumns(SyntaxNode predicate, TableSymbol left, TableSymbol joined, QueryRunner runner, Scope scope)
    {
        foreach (var node in predicate.DescendantNodesAndSelf())
        {
            if (node.Kind is SyntaxKind.NameReference or SyntaxKind.BracketedName)
            {
                var name = Naming.NameText(node);
                if (left.IndexOf(name) >= 0) continue;
                if (joined.IndexOf(name) >= 0) return false;
                switch (scope.Lookup(name))
                {
                    case ExprLet: return false;
                    case FunctionLet when !runner.IsTabular(node, scope): return false;
                }
            }
            else if (node.Kind == SyntaxKind.CallExpression)
            {
                var function = Naming.FunctionName(node);
                if (function is "pack_all" or "column_ifexists" or "columnifexists" || WindowFunctions.Names.Contains(function)) return false;
                if (scope.Lookup(function) is FunctionLet && !runner.IsTabular(node, scope)) return false;
            }
        }
        return true;
    }
}
