using System.Globalization;
using System.Text;
using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Building;
using Microsoft.Data.Sqlite;

namespace Detection.Benchmarks.Evaluator;

/// <summary>
/// Generated SigninLogs-shaped rows (a subset of the columns), built once in memory as a columnar table and as an
/// in-memory SQLite database holding the same values. Cardinalities are those of a mid-size tenant's week: ~5,000
/// users, ~2,000 addresses, a handful of result codes, 1–3 conditional-access policies a sign-in, TimeGenerated over
/// 7 days. A second table of <see cref="SessionRows"/> rows (every tenth sign-in's CorrelationId) is the join's right side.
/// </summary>
internal sealed class SignInData : IDisposable
{
    public const int Users = 5_000;
    public const int Addresses = 2_000;
    public const int SessionRows = 100_000;

    private static readonly string[] ResultTypes = ["0", "0", "0", "0", "0", "0", "0", "0", "50126", "50074", "50140", "53003", "500121", "50053"];
    private static readonly string[] Apps = ["Azure Portal", "Microsoft Teams", "Office 365 Exchange Online", "Microsoft Graph", "Azure CLI", "OneDrive"];
    private static readonly string[] Policies = ["Require MFA for admins", "Block legacy auth", "Require compliant device", "Risky sign-in MFA"];
    private static readonly string[] Results = ["success", "failure", "notApplied", "notEnabled"];

    public static readonly DateTime Start = new(2025, 3, 3, 0, 0, 0, DateTimeKind.Utc);

    public static readonly TableSymbol SignInSchema = TableSymbol.FromTerse("SigninLogs",
        "(TimeGenerated: datetime, UserPrincipalName: string, IPAddress: string, ResultType: string, AppDisplayName: string, "
        + "CorrelationId: string, ConditionalAccessPolicies: dynamic)");

    public static readonly TableSymbol SessionSchema = TableSymbol.FromTerse("Sessions", "(CorrelationId: string, RiskScore: long)");

    private SignInData(int rows, Table signIns, Table sessions, SqliteConnection sqlite)
    {
        Rows = rows;
        SignIns = signIns;
        Sessions = sessions;
        Sqlite = sqlite;
    }

    public int Rows { get; }

    public Table SignIns { get; }

    public Table Sessions { get; }

    /// <summary>An open in-memory database with tables <c>SigninLogs</c> and <c>Sessions</c> (no indexes).</summary>
    public SqliteConnection Sqlite { get; }

    public static SignInData Create(int rows, int seed = 7)
    {
        var random = new Random(seed);
        var users = Enumerable.Range(0, Users).Select(i => $"user{i:D4}@contoso.com").ToArray();
        var addresses = Enumerable.Range(0, Addresses).Select(i => $"{20 + i / 250}.{(i * 37) % 256}.{(i * 101) % 256}.{i % 250 + 1}").ToArray();
        var policySets = Enumerable.Range(0, 64).Select(_ => PolicyJson(random)).ToArray();
        var span = TimeSpan.FromDays(7).Ticks;

        var signIns = new TableBuilder(SignInSchema);
        var sessions = new TableBuilder(SessionSchema);
        var sqlite = new SqliteConnection("Data Source=:memory:");
        sqlite.Open();
        Execute(sqlite, "CREATE TABLE SigninLogs (TimeGenerated INTEGER, UserPrincipalName TEXT, IPAddress TEXT, ResultType TEXT, "
                        + "AppDisplayName TEXT, CorrelationId TEXT, ConditionalAccessPolicies TEXT)");
        Execute(sqlite, "CREATE TABLE Sessions (CorrelationId TEXT, RiskScore INTEGER)");
        using var transaction = sqlite.BeginTransaction();
        using var insert = Insert(sqlite, "SigninLogs", 7);
        using var insertSession = Insert(sqlite, "Sessions", 2);

        for (var row = 0; row < rows; row++)
        {
            // A few heavy users and many light ones (squaring a uniform number skews towards index 0).
            var u = random.NextDouble();
            var user = (int)(u * u * Users);
            var address = random.Next(20) == 0 ? random.Next(Addresses) : (user * 7 + random.Next(3)) % Addresses;
            var time = Start.AddTicks((long)(random.NextDouble() * span));
            var resultType = ResultTypes[random.Next(ResultTypes.Length)];
            var app = Apps[random.Next(Apps.Length)];
            var correlation = $"{row:x8}-5c1e-4b7a-9d2f-{seed:x12}";
            var policies = policySets[random.Next(policySets.Length)];

            signIns.SetDateTime(0, time);
            signIns.SetString(1, users[user]);
            signIns.SetString(2, addresses[address]);
            signIns.SetString(3, resultType);
            signIns.SetString(4, app);
            signIns.SetString(5, correlation);
            signIns.SetDynamicJson(6, Encoding.UTF8.GetBytes(policies));
            signIns.CommitRow();
            Bind(insert, time.Ticks, users[user], addresses[address], resultType, app, correlation, policies);

            if (row % 10 == 0 && row / 10 < SessionRows)
            {
                var risk = (long)random.Next(100);
                sessions.SetString(0, correlation);
                sessions.SetLong(1, risk);
                sessions.CommitRow();
                Bind(insertSession, correlation, risk);
            }
        }
        transaction.Commit();
        return new SignInData(rows, signIns.Build(), sessions.Build(), sqlite);
    }

    private static string PolicyJson(Random random)
    {
        var count = 1 + random.Next(3);
        var items = Enumerable.Range(0, count).Select(_ =>
            $"{{\"displayName\":\"{Policies[random.Next(Policies.Length)]}\",\"result\":\"{Results[random.Next(Results.Length)]}\"}}");
        return $"[{string.Join(',', items)}]";
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Insert(SqliteConnection connection, string table, int columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = $"INSERT INTO {table} VALUES ({string.Join(", ", Enumerable.Range(0, columns).Select(i => $"$p{i}"))})";
        for (var i = 0; i < columns; i++) command.Parameters.Add(new SqliteParameter($"$p{i}", null));
        command.Prepare();
        return command;
    }

    private static void Bind(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++) command.Parameters[i].Value = values[i];
        command.ExecuteNonQuery();
    }

    /// <summary>Runs a SQL query and returns the first column of its first row as a long (the queries end in a count).</summary>
    public long Scalar(string sql)
    {
        using var command = Sqlite.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    public void Dispose() => Sqlite.Dispose();
}
