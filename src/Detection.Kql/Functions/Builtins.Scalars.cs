namespace Detection.Kql.Functions;

public static partial class Builtins
{
    private const string ScalarDeclarations = """
        // conversions (named: the result column is named after the first argument)
        tostring(value: any) : string named
        toint(value: any) : int named
        tolong(value: any) : long named
        todouble(value: any) : real named
        toreal(value: any) : real named
        todecimal(value: any) : decimal named
        tobool(value: any) : bool named
        toboolean(value: any) : bool named
        todatetime(value: any) : datetime named
        totimespan(value: any) : timespan named
        totime(value: any) : timespan named
        toguid(value: sd) : guid named
        todynamic(value: sd) : dynamic named
        toobject(value: sd) : dynamic named
        parse_json(value: sd) : dynamic named
        parsejson(value: sd) : dynamic named
        parse_xml(value: sd) : dynamic
        gettype(value: any) : string
        // strings
        toupper(value: any) : string
        tolower(value: any) : string
        strlen(value: sd) : long prefix=strlen
        substring(source: any, start: num, length: num?) : string
        strcat(value: any*) : string
        strcat_delim(delimiter: string, first: any, value: any*) : string
        strcat_array(array: array, delimiter: string) : string
        split(source: any, delimiter: str, index: num?) : array(string) named
        trim(regex: str, source: str) : string
        trim_start(regex: str, source: str) : string
        trim_end(regex: str, source: str) : string
        replace(regex: str, rewrite: str, source: str) : string
        replace_regex(source: str, regex: str, rewrite: str) : string
        replace_string(source: str, lookup: str, rewrite: str) : string
        translate(searchList: str, replacementList: str, source: str) : string
        extract(regex: str, group: num, source: str, type: type?) : typeof
        extract_all(regex: str, groupsOrSource: str, source: any?) : array
        extractjson(path: str, json: str, type: type?) : typeof
        extract_json(path: str, json: str, type: type?) : typeof
        indexof(source: any, lookup: any, start: num?, length: num?, occurrence: num?) : long
        indexof_regex(source: any, lookup: string, start: num?, length: num?, occurrence: num?) : long
        countof(source: str, search: str, kind: string?) : long
        reverse(value: any) : string
        strrep(value: any, count: num, delimiter: string?) : string
        string_size(value: sd) : long
        url_encode(value: str) : string
        url_decode(value: str) : string
        url_encode_component(value: str) : string
        base64_encode_tostring(value: str) : string
        base64_decode_tostring(value: str) : string
        base64_encode_fromguid(value: any) : string
        parse_url(url: str) : bag
        parse_urlquery(query: str) : bag
        parse_path(path: str) : bag
        parse_csv(value: sd) : array(string)
        parse_command_line(value: any, parser: string) : array(string)
        parse_user_agent(value: str, lookFor: any) : bag
        parse_version(value: str) : decimal
        format_datetime(value: datetime, format: string) : string named
        format_timespan(value: timespan, format: str) : string
        tohex(value: num, length: num?) : string named
        hash(value: any, modulo: num?) : long
        hash_sha256(value: any) : string
        hash_sha1(value: any) : string
        hash_md5(value: any) : string
        hash_xxhash64(value: any, modulo: num?) : long
        new_guid() : guid
        has_any_index(source: sd, values: dynamic) : long
        // predicates and logic
        isempty(value: any) : bool
        isnotempty(value: any) : bool
        isnull(value: any) : bool
        isnotnull(value: any) : bool
        isnan(value: num) : bool
        isinf(value: num) : bool
        isfinite(value: num) : bool
        isascii(value: any) : bool
        isutf8(value: any) : bool
        not(value: bool) : bool
        iff(condition: bool, then: any, else: any) : common1
        iif(condition: bool, then: any, else: any) : common1
        case(predicate: bool, then: any, rest: any*) : case
        coalesce(first: any, value: any*) : commonall
        max_of(first: any, value: any*) : commonall
        min_of(first: any, value: any*) : commonall
        // datetime and timespan
        ago(offset: timespan) : datetime
        now(offset: timespan?) : datetime
        datetime_add(part: string, amount: num, value: datetime) : datetime
        datetime_diff(part: string, value1: datetime, value2: datetime) : long
        datetime_part(part: string, value: datetime) : int
        datetime_utc_to_local(value: datetime, timezone: string) : datetime
        datetime_local_to_utc(value: datetime, timezone: string) : datetime
        startofday(value: datetime, offset: num?) : datetime named
        endofday(value: datetime, offset: num?) : datetime
        startofweek(value: datetime, offset: num?) : datetime
        endofweek(value: datetime, offset: num?) : datetime
        startofmonth(value: datetime, offset: num?) : datetime
        endofmonth(value: datetime, offset: num?) : datetime
        startofyear(value: datetime, offset: num?) : datetime
        endofyear(value: datetime, offset: num?) : datetime
        dayofweek(value: datetime) : timespan
        dayofmonth(value: datetime) : int
        dayofyear(value: datetime) : int
        hourofday(value: datetime) : int
        weekofyear(value: datetime) : int
        week_of_year(value: datetime) : int
        monthofyear(value: datetime) : int
        getmonth(value: datetime) : int
        getyear(value: datetime) : int
        make_datetime(year: num, month: num, day: num, hour: num?, minute: num?, second: num?) : datetime
        make_timespan(a: num, b: num?, c: num?, d: num?) : timespan
        unixtime_seconds_todatetime(value: num) : datetime
        unixtime_milliseconds_todatetime(value: num) : datetime
        unixtime_microseconds_todatetime(value: num) : datetime
        unixtime_nanoseconds_todatetime(value: num) : datetime
        datetime_list_timezones() : array(string)
        bin(value: any, size: any) : arg0 named
        floor(value: any, size: any) : arg0 named
        bin_at(value: any, size: any, fixedPoint: any) : arg0 named
        bin_auto(value: any) : arg0 named
        ingestion_time() : datetime
        // numbers
        abs(value: num) : arg0 named
        round(value: num, precision: num?) : arg0 named
        ceiling(value: num) : arg0 named
        sign(value: num) : arg0
        exp(value: num) : real
        exp2(value: num) : real
        exp10(value: num) : real
        log(value: num) : real
        log2(value: num) : real
        log10(value: num) : real
        sqrt(value: num) : real
        pow(base: num, exponent: num) : real
        rand(range: num?) : real
        pi() : real
        sin(value: num) : real
        cos(value: num) : real
        tan(value: num) : real
        asin(value: num) : real
        acos(value: num) : real
        atan(value: num) : real
        atan2(y: num, x: num) : real
        radians(degrees: num) : real
        degrees(radians: num) : real
        binary_and(a: num, b: num) : long
        binary_or(a: num, b: num) : long
        binary_xor(a: num, b: num) : long
        binary_not(a: num) : long
        binary_shift_left(a: num, b: num) : long
        binary_shift_right(a: num, b: num) : long
        geo_distance_2points(lon1: num, lat1: num, lon2: num, lat2: num, spheroid: any?) : real
        // dynamic values, arrays and bags
        array_length(array: array) : long
        array_concat(array: array*) : array
        array_slice(array: array, start: num, end: num) : arg0
        array_split(array: array, indices: any) : arg0
        array_index_of(array: array, value: any, start: num?, length: num?, occurrence: num?) : long
        array_reverse(array: array) : arg0
        array_rotate_left(array: array, count: num) : arg0
        array_rotate_right(array: array, count: num) : arg0
        array_shift_left(array: array, count: num, fill: any?) : arg0
        array_shift_right(array: array, count: num, fill: any?) : arg0
        array_sort_asc(array: array, rest: any*?) : arg0
        array_sort_desc(array: array, rest: any*?) : arg0
        array_sum(array: array) : real
        array_iff(conditions: array, then: any, else: any) : array
        array_iif(conditions: array, then: any, else: any) : array
        set_difference(array: array, other: array*) : array
        set_union(array: array, other: array*) : array
        set_intersect(array: array, other: array*) : array
        set_has_element(array: array, value: any) : bool
        jaccard_index(a: array, b: array) : real
        pack_array(value: any*) : array
        pack(key: any, value: any*) : bag
        bag_pack(key: any, value: any*) : bag
        pack_all(ignoreNulls: bool?) : bag
        bag_pack_columns(column: any*) : bag
        bag_keys(bag: dynamic) : array(string)
        bag_merge(bag: dynamic*) : bag
        bag_remove_keys(bag: dynamic, keys: dynamic) : bag
        bag_set_key(bag: dynamic, key: string, value: any) : bag
        bag_has_key(bag: dynamic, key: string) : bool
        bag_zip(keys: dynamic, values: dynamic) : bag
        range(start: any, stop: any, step: any?) : array
        zip(array: dynamic*) : array
        treepath(value: dynamic) : array(string)
        repeat(value: any, count: num) : array(arg0)
        // IP addresses
        ipv4_is_private(ip: str) : bool
        ipv4_is_in_range(ip: str, range: str) : bool
        ipv4_is_in_any_range(ip: any, ranges: any*) : bool
        ipv4_is_match(ip1: str, ip2: str, prefix: num?) : bool
        ipv4_compare(ip1: str, ip2: str, prefix: num?) : int
        ipv4_netmask_suffix(ip: str) : int
        ipv4_range_to_cidr_list(start: str, end: str) : array(string)
        ipv6_is_in_range(ip: str, range: str) : bool
        ipv6_is_in_any_range(ip: any, ranges: any*) : bool
        ipv6_is_match(ip1: str, ip2: str, prefix: num?) : bool
        ipv6_compare(ip1: str, ip2: str, prefix: num?) : int
        parse_ipv4(ip: str) : long
        parse_ipv4_mask(ip: str, prefix: num) : long
        parse_ipv6(ip: str) : string
        parse_ipv6_mask(ip: str, prefix: num) : string
        format_ipv4(ip: any, prefix: num?) : string
        format_ipv4_mask(ip: any, prefix: num) : string
        geo_info_from_ip_address(ip: str) : bag
        has_ipv4(source: sd, ip: str) : bool
        has_ipv4_prefix(source: sd, prefix: str) : bool
        has_any_ipv4(source: any, ips: any*) : bool
        // series
        series_decompose_anomalies(series: dynamic, rest: any*?) : tuple:ad_flag,ad_score,baseline
        series_decompose(series: dynamic, rest: any*?) : tuple:baseline,seasonal,trend,residual
        series_decompose_forecast(series: dynamic, points: num, rest: any*?) : array
        series_fit_line(series: dynamic) : tuple:rsquare=real,slope=real,variance=real,rvariance=real,interception=real,line_fit
        series_fit_2lines(series: dynamic) : tuple:rsquare=real,split_idx=long,variance=real,rvariance=real,line_fit,right_rsquare=real,right_slope=real,right_interception=real,right_variance=real,right_rvariance=real,left_rsquare=real,left_slope=real,left_interception=real,left_variance=real,left_rvariance=real
        series_stats(series: dynamic, ignoreNonFinite: bool?) : tuple:min=real,min_idx=long,max=real,max_idx=long,avg=real,variance=real,stdev=real
        series_stats_dynamic(series: dynamic, ignoreNonFinite: bool?) : bag
        series_outliers(series: dynamic, rest: any*?) : array
        series_fill_linear(series: dynamic, rest: any*?) : array
        series_fill_forward(series: dynamic, rest: any*?) : array
        series_fill_backward(series: dynamic, rest: any*?) : array
        series_fill_const(series: dynamic, rest: any*?) : array
        series_periods_detect(series: dynamic, rest: any*?) : tuple:periods,scores
        series_add(a: dynamic, b: dynamic) : array
        series_subtract(a: dynamic, b: dynamic) : array
        series_multiply(a: dynamic, b: dynamic) : array
        series_divide(a: dynamic, b: dynamic) : array
        series_greater(a: dynamic, b: dynamic) : array
        series_less(a: dynamic, b: dynamic) : array
        series_abs(a: dynamic) : array
        series_iir(series: dynamic, numerators: dynamic, denominators: dynamic) : array
        series_fir(series: dynamic, filter: dynamic, rest: any*?) : array
        // special forms (the binder computes their types)
        column_ifexists(name: string, default: any) : arg1 named
        columnifexists(name: string, default: any) : arg1 named
        table(name: string, scope: string?) : arg0
        toscalar(query: any) : arg0
        materialize(query: tabular) : arg0
        // window functions (need a serialized input)
        row_number(start: num?, restart: bool?) : long
        row_rank_dense(term: any, restart: bool?) : long
        row_rank_min(term: any, restart: bool?) : long
        row_cumsum(term: num, restart: bool?) : arg0
        row_window_session(value: datetime, maxDistanceFromFirst: timespan, maxDistanceBetweenNeighbors: timespan, restart: bool?) : datetime
        prev(column: any, offset: num?, default: any?) : arg0
        next(column: any, offset: num?, default: any?) : arg0
        """;
}
