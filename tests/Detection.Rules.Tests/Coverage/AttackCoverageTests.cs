using Detection.Rules.Coverage;
using Detection.Rules.Model;

namespace Detection.Rules.Tests.Coverage;

public class AttackCoverageTests
{
    private static AnalyticsRule Rule(string name, string[] tactics, string[] techniques) => new()
    {
        File = $"rules/{name}.yaml",
        Name = name,
        Tactics = [.. tactics],
        RelevantTechniques = [.. techniques],
    };

    private static readonly AnalyticsRule[] Rules =
    [
        Rule("Spray", ["CredentialAccess"], ["T1110.003"]),
        Rule("Brute force", ["CredentialAccess", "InitialAccess"], ["T1110.001", "T1078.004"]),
        Rule("Another spray", ["credentialaccess"], ["T1110.003"]),
    ];

    [Fact]
    public void Lists_each_technique_under_the_rules_tactics_it_belongs_to_in_kill_chain_then_ordinal_order()
    {
        var table = AttackCoverage.Table(Rules, _ => null);

        // Brute force declares both tactics; T1078.004 is InitialAccess (not CredentialAccess), T1110.001 the reverse.
        Assert.Equal(
        [
            "| InitialAccess | T1078.004 | Brute force |",
            "| CredentialAccess | T1110.001 | Brute force |",
            "| CredentialAccess | T1110.003 | Another spray<br>Spray |",
        ], Rows(table));
        Assert.Contains("3 rules; 2 tactics; 3 techniques.", table, StringComparison.Ordinal);
    }

    [Fact]
    public void A_technique_outside_the_rules_tactics_is_listed_under_its_own_and_an_unknown_one_under_every_declared_tactic()
    {
        var table = AttackCoverage.Table([Rule("Scan", ["Reconnaissance", "Impact"], ["T1046", "T9999"])], _ => null);

        Assert.Equal(
        [
            "| Reconnaissance | T9999 | Scan |",
            "| Discovery | T1046 | Scan |",
            "| Impact | T9999 | Scan |",
        ], Rows(table));
    }

    private static List<string> Rows(string table) =>
        table.Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).Skip(1).ToList();

    [Fact]
    public void Does_not_depend_on_the_order_the_rules_were_read_in()
    {
        Assert.Equal(AttackCoverage.Table(Rules, _ => null), AttackCoverage.Table(Rules.Reverse(), _ => null));
    }

    [Fact]
    public void Links_rules_and_escapes_pipes_in_names()
    {
        var table = AttackCoverage.Table([Rule("A | B", ["Impact"], ["T1485"])], r => r.File);

        Assert.Contains("| Impact | T1485 | [A \\| B](rules/A | B.yaml) |", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Rewrite_replaces_only_the_marked_section()
    {
        var document = "# Pack\n\nintro\n<!-- coverage:begin -->\nold table\n<!-- coverage:end -->\n\nafter\n";

        var rewritten = AttackCoverage.Rewrite(document, "| new |\n");

        Assert.Equal("# Pack\n\nintro\n<!-- coverage:begin -->\n| new |\n<!-- coverage:end -->\n\nafter\n", rewritten);
        Assert.Equal(rewritten, AttackCoverage.Rewrite(rewritten, "| new |\n"));
    }

    [Fact]
    public void Rewrite_without_markers_is_an_error()
    {
        Assert.Throws<FormatException>(() => AttackCoverage.Rewrite("# no markers\n", "| t |\n"));
        Assert.Throws<FormatException>(() => AttackCoverage.Rewrite("<!-- coverage:end -->\n<!-- coverage:begin -->\n", "| t |\n"));
    }
}
