namespace Detection.Kql.Syntax;

/// <summary>
/// A node: a kind and its children in text order. The tree is generic on purpose: the shape of each kind is
/// documented where the parser builds it (<c>Parsing/Parser.*.cs</c>), and the binder reads it through
/// <see cref="Nodes"/>, <see cref="Tokens"/> and the lookup helpers below.
/// </summary>
public sealed class SyntaxNode : SyntaxElement
{
    private readonly SyntaxElement[] _children;

    public SyntaxNode(SyntaxKind kind, IEnumerable<SyntaxElement> children)
    {
        Kind = kind;
        _children = children.ToArray();
        foreach (var child in _children) child.Parent = this;
        FirstToken = _children.Select(c => c.FirstToken).FirstOrDefault(t => t is not null);
        LastToken = _children.Select(c => c.LastToken).LastOrDefault(t => t is not null);
    }

    public SyntaxNode(SyntaxKind kind, params SyntaxElement[] children)
        : this(kind, (IEnumerable<SyntaxElement>)children)
    {
    }

    public override SyntaxKind Kind { get; }

    public IReadOnlyList<SyntaxElement> Children => _children;

    public override SyntaxToken? FirstToken { get; }

    public override SyntaxToken? LastToken { get; }

    public override TextSpan Span
    {
        get
        {
            var first = FirstNonMissing() ?? FirstToken;
            if (first is null) return new TextSpan(0, 0);
            var last = LastToken!;
            var start = first.Start;
            return TextSpan.FromBounds(start, Math.Max(start, last.Span.End));
        }
    }

    public override TextSpan FullSpan =>
        FirstToken is null ? new TextSpan(0, 0) : TextSpan.FromBounds(FirstToken.FullStart, LastToken!.FullSpan.End);

    /// <summary>The child nodes, in order, skipping tokens.</summary>
    public IEnumerable<SyntaxNode> Nodes() => _children.OfType<SyntaxNode>();

    /// <summary>The child tokens, in order, skipping nodes.</summary>
    public IEnumerable<SyntaxToken> Tokens() => _children.OfType<SyntaxToken>();

    public SyntaxNode? Node(SyntaxKind kind) => Nodes().FirstOrDefault(n => n.Kind == kind);

    public SyntaxNode? NodeAt(int index) => Nodes().ElementAtOrDefault(index);

    /// <summary>The first child token that is the word <paramref name="word"/>.</summary>
    public SyntaxToken? Word(string word) => Tokens().FirstOrDefault(t => t.Is(word));

    /// <summary>Every token under this node, depth first (iterative, so deep trees cannot overflow the stack).</summary>
    public IEnumerable<SyntaxToken> DescendantTokens()
    {
        var stack = new Stack<(SyntaxNode Node, int Index)>();
        stack.Push((this, 0));
        while (stack.Count > 0)
        {
            var (node, index) = stack.Pop();
            if (index >= node._children.Length) continue;
            stack.Push((node, index + 1));
            switch (node._children[index])
            {
                case SyntaxToken token: yield return token; break;
                case SyntaxNode child: stack.Push((child, 0)); break;
            }
        }
    }

    /// <summary>Every node under this one including itself, depth first, pre-order.</summary>
    public IEnumerable<SyntaxNode> DescendantNodesAndSelf()
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (var i = node._children.Length - 1; i >= 0; i--)
                if (node._children[i] is SyntaxNode child) stack.Push(child);
        }
    }

    public override void WriteTo(System.Text.StringBuilder builder)
    {
        foreach (var token in DescendantTokens()) token.WriteTo(builder);
    }

    private SyntaxToken? FirstNonMissing() => DescendantTokens().FirstOrDefault(t => !t.IsMissing || t.Kind == SyntaxKind.EndOfFile);
}
