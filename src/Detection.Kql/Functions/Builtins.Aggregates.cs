namespace Detection.Kql.Functions;

public static partial class Builtins
{
    // prefix=P: an unnamed aggregate over column C is named P_C (P_ when the argument has no name).
    private const string AggregateDeclarations = """
        count(value: any?) : long prefix=count
        countif(predicate: bool) : long prefix=countif
        count_distinct(value: any) : long prefix=count_distinct
        count_distinctif(value: any, predicate: bool) : long prefix=count_distinctif
        dcount(value: any, accuracy: num?) : long prefix=dcount
        dcountif(value: any, predicate: bool, accuracy: num?) : long prefix=dcountif
        sum(value: any) : sum prefix=sum
        sumif(value: any, predicate: bool) : sum prefix=sumif
        avg(value: any) : real prefix=avg
        avgif(value: any, predicate: bool) : real prefix=avgif
        min(value: any) : arg0 prefix=min
        max(value: any) : arg0 prefix=max
        minif(value: any, predicate: bool) : arg0 prefix=minif
        maxif(value: any, predicate: bool) : arg0 prefix=maxif
        stdev(value: any) : real prefix=stdev
        stdevif(value: any, predicate: bool) : real prefix=stdevif
        stdevp(value: any) : real prefix=stdevp
        variance(value: any) : real prefix=variance
        varianceif(value: any, predicate: bool) : real prefix=varianceif
        variancep(value: any) : real prefix=variancep
        make_set(value: any, maxSize: num?) : array(arg0) prefix=set
        makeset(value: any, maxSize: num?) : array(arg0) prefix=set
        make_set_if(value: any, predicate: bool, maxSize: num?) : array(arg0) prefix=set
        make_list(value: any, maxSize: num?) : array(arg0) prefix=list
        makelist(value: any, maxSize: num?) : array(arg0) prefix=list
        make_list_if(value: any, predicate: bool, maxSize: num?) : array(arg0) prefix=list
        make_list_with_nulls(value: any, maxSize: num?) : array(arg0) prefix=list
        make_bag(value: dynamic, maxSize: num?) : bag prefix=bag
        make_bag_if(value: dynamic, predicate: bool, maxSize: num?) : bag prefix=bag
        any(value: any*) : arg0 prefix=any
        anyif(value: any, predicate: bool) : arg0 prefix=anyif
        take_any(value: any*) : arg0
        take_anyif(value: any, predicate: bool) : arg0
        arg_max(maximize: any, column: any*) : arg0
        arg_min(minimize: any, column: any*) : arg0
        percentile(value: any, percentile: num) : arg0 prefix=percentile
        percentiles(value: any, percentile: num*) : arg0 prefix=percentile
        percentiles_array(value: any, percentile: any*) : array prefix=percentiles
        hll(value: any, accuracy: num?) : dynamic prefix=hll
        hll_merge(value: any) : dynamic prefix=hll_merge
        tdigest(value: any, weight: any?) : dynamic prefix=tdigest
        buildschema(value: dynamic) : dynamic prefix=schema
        binary_all_and(value: num) : long prefix=binary_all_and
        binary_all_or(value: num) : long prefix=binary_all_or
        """;
}
