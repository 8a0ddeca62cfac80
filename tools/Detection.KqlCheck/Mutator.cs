using System.Text;
using System.Text.Json;
using Detection.Kql.Diagnostics;
using Detection.Kql.Parsing;
using Detection.Kql.Syntax;

namespace Detection.KqlCheck;

/// <summary>
/// Makes plausible broken variants of real queries for differential testing against the official checker:
/// a misspelt name, a deleted token, a replaced token, or a truncation. Deterministic for a given seed.
/// Writes JSON lines <c>{"id","query"}</c>, the input format of <c>kql-official --stdin</c> and of <c>--stdin</c> here.
/// </summary>
public static class Mutator
{
    private static readonly string[] Replacements = ["|", ",", "(", ")", "==", ">", "and", "+", "\"s\"", "1", "[", "]", ".", "=", "*"];

    public static void Write(IEnumerable<(string Id, string Query)> queries, int seed, int perQuery, TextWriter output)
    {
        var random = new Random(seed);
        foreach (var (id, query) in queries)
        {
            var tokens = Lexer.Tokenize(query, new List<Diagnostic>()).Where(t => t.Kind != SyntaxKind.EndOfFile).ToList();
            if (tokens.Count == 0) continue;
            for (var k = 0; k < perQuery; k++)
            {
                var texts = tokens.Select(t => t.Text).ToArray();
                var at = random.Next(tokens.Count);
                var cut = tokens.Count;
                switch (k % 4)
                {
                    case 0:
                        var words = Enumerable.Range(0, tokens.Count).Where(i => tokens[i].Kind == SyntaxKind.Identifier).ToList();
                        if (words.Count > 0) texts[words[random.Next(words.Count)]] += "x";
                        break;
                    case 1: texts[at] = ""; break;
                    case 2: cut = at; break;
                    default: texts[at] = Replacements[random.Next(Replacements.Length)]; break;
                }
                var sb = new StringBuilder();
                for (var i = 0; i < cut; i++) sb.Append(tokens[i].Trivia).Append(texts[i]);
                output.WriteLine(JsonSerializer.Serialize(new { id = $"{id}#m{k}", query = sb.ToString() }));
            }
        }
    }
}
