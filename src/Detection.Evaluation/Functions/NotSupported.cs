namespace Detection.Evaluation.Functions;
/// <summary>
/// Builtins the front end declares (Detection.Kql.Functions.Builtins) that the evaluator does not run yet, each with the
/// reason. Using one is an error naming the function and the reason — never a guessed answer. A test checks that every
/// declared builtin is either implemented or listed here.
/// </summary>
internal static class NotSupported
{
    private const string Later = "not implemented yet";
    private const string Series = "not implemented yet";
    public static readonly IReadOnlyDictionary<string, string> Reasons = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bag_pack_columns"] = Later,
        ["bin_auto"] = "needs the query-level bin size setting (set query_bin_auto_size)",
        ["datetime_list_timezones"] = Later, ["datetime_local_to_utc"] = Later, ["datetime_utc_to_local"] = Later,
        ["geo_distance_2points"] = "Kusto's earth model is not reproduced (a sphere gives 1546754.06 m for the doc's 1546754.35 m)",
        ["has_any_index"] = Later,
        ["hash"] = "Kusto's xxhash64 variant is not reproduced", ["hash_xxhash64"] = "Kusto's xxhash64 variant is not reproduced",
        ["ingestion_time"] = "tables carry no ingestion time",
        ["ipv4_range_to_cidr_list"] = Later,
        ["materialize"] = "allowed only as a tabular let value (materialize(T) is evaluated as T)",
        ["table"] = "allowed only in tabular position",
        ["new_guid"] = "non-deterministic: needs a seeded source in the EvaluationContext",
        ["rand"] = "non-deterministic: needs a seeded source in the EvaluationContext",
        ["parse_command_line"] = Later,
        ["parse_user_agent"] = "needs a user-agent database",
        ["parse_xml"] = Later,
        ["series_decompose_forecast"] = Series,
        ["series_fir"] = Series,
        ["series_iir"] = Series,
        ["weekofyear"] = "obsolete (first-Wednesday weeks); use week_of_year",
        // aggregates
        ["binary_all_and"] = Later, ["binary_all_or"] = Later, ["buildschema"] = Later,
        ["hll"] = "intermediate HLL values are not serialized yet (use dcount)", ["hll_merge"] = "intermediate HLL values are not serialized yet",
        ["tdigest"] = "intermediate t-digest values are not serialized yet", ["percentiles_array"] = Later,
    };
}
