#!/usr/bin/env bash
# loyal side by side with SQLite and DuckDB on the same generated files, on this machine, in
# this run: import, RFM (checked row for row first), lookups, and the workbench's own numbers.
#
#   benches/compare.sh [S|M|L]      S = 10k customers / 100k orders (default, ~1 minute)
#                                   M = 100k / 1M, L = 1M / 10M (~15 minutes, 8 GB of disk)
#
# Work files go to target/compare/SIZE (or $COMPARE_DIR/SIZE); the data is generated once per
# size with seed 1 and reused. The table is printed and written to target/compare/SIZE/table.md.
# Installs sqlite3 and GNU time with apt-get and duckdb with pip when they are missing (as
# root); a peer that cannot be installed is named and left out. The import timed is the
# default one (streamed, journaled chunks); COMPARE_ONE_TRANSACTION=1 also times
# `--one-transaction` at size L (at S and M it always runs). RFM is also timed on two other
# shapes of data (everyone has ordered with heavy-tailed counts; only 30% have ordered):
# COMPARE_SHAPES="NAME:BUYERS:SKEW ..." sets them (empty: none).
set -euo pipefail

size=${1:-S}
case $size in
S) customers=10000 orders=100000 ;;
M) customers=100000 orders=1000000 ;;
L) customers=1000000 orders=10000000 ;;
*)
    echo "usage: $0 [S|M|L]" >&2
    exit 2
    ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
here=$root/benches/compare
work=${COMPARE_DIR:-$root/target/compare}/$size
data=$work/data
results=$work/results.tsv
as_of=2026-11-20 # the generator's last day: every order counts
export TZ=UTC     # calendar dates in UTC, as the SQL queries compute them
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/share
mkdir -p "$work" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
: >"$results"

say() { printf '\n== %s\n' "$*" >&2; }

# --- Tools ----------------------------------------------------------------------------------
apt_install() {
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@") \
            >/dev/null 2>&1 || true
    fi
}
command -v sqlite3 >/dev/null || apt_install sqlite3
[ -x /usr/bin/time ] || apt_install time
python3 -c 'import duckdb' 2>/dev/null || python3 -m pip install -q duckdb >/dev/null 2>&1 || true
have_sqlite=1 have_duckdb=1
command -v sqlite3 >/dev/null || {
    have_sqlite=0
    echo "MISSING: sqlite3 (apt-get install sqlite3); SQLite columns left out" >&2
}
python3 -c 'import duckdb' 2>/dev/null || {
    have_duckdb=0
    echo "MISSING: duckdb for Python (pip install duckdb); DuckDB columns left out" >&2
}
[ -x /usr/bin/time ] || {
    echo "MISSING: GNU time (apt-get install time), needed for peak memory" >&2
    exit 1
}

say "building loyal and the benches (release)"
(cd "$root" && cargo build --release --quiet && cargo bench --no-run --quiet --bench lookup --bench tui)
loyal=$root/target/release/loyal

# --- Helpers --------------------------------------------------------------------------------
now_ms() { date +%s%3N; }

# timed LABEL CMD...: runs CMD, sets $secs (wall) and $rss_mb (peak resident) from GNU time.
timed() {
    local label=$1
    shift
    /usr/bin/time -f '%e %M' -o "$work/time.out" "$@"
    read -r secs rss_kb <"$work/time.out"
    rss_mb=$((rss_kb / 1024))
    echo "   $label: ${secs} s, peak ${rss_mb} MB" >&2
}

# median3 CMD...: runs CMD three times (stdout discarded by the caller), prints the median s.
median3() {
    local a b c t0
    t0=$(now_ms); "$@"; a=$(($(now_ms) - t0))
    t0=$(now_ms); "$@"; b=$(($(now_ms) - t0))
    t0=$(now_ms); "$@"; c=$(($(now_ms) - t0))
    printf '%s\n' "$a" "$b" "$c" | sort -n | sed -n 2p | awk '{ printf "%.3f", $1 / 1000 }'
}

add() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a + b }'; }

result() { printf '%s\t%s\t%s\t%s\n' "$@" >>"$results"; }

# --- Data -----------------------------------------------------------------------------------
if [ ! -s "$data/orders.csv" ]; then
    say "generating size $size: $customers customers, $orders orders (seed 1)"
    "$loyal" gen --customers "$customers" --orders "$orders" --seed 1 --end "$as_of" --out "$data"
fi

# --- 1. Import ------------------------------------------------------------------------------
say "import: customers.csv then orders.csv"
rm -f "$work/loyal.redb"
"$loyal" --db "$work/loyal.redb" init >/dev/null
timed "loyal customers" "$loyal" --db "$work/loyal.redb" import customers "$data/customers.csv"
loyal_secs=$secs loyal_rss=$rss_mb
timed "loyal orders (default: streamed, journaled chunks)" \
    "$loyal" --db "$work/loyal.redb" import orders "$data/orders.csv"
result import "loyal import" "$(add "$loyal_secs" "$secs")" s
result import "loyal import: orders alone" "$secs" s
import_rss=$((rss_mb > loyal_rss ? rss_mb : loyal_rss))
orders_rss=$rss_mb
customers_rss=$loyal_rss
if [ "$size" != L ] || [ "${COMPARE_ONE_TRANSACTION:-0}" = 1 ]; then
    rm -f "$work/one.redb"
    "$loyal" --db "$work/one.redb" init >/dev/null
    timed "loyal customers" "$loyal" --db "$work/one.redb" import customers "$data/customers.csv"
    one_secs=$secs
    timed "loyal orders (--one-transaction)" \
        "$loyal" --db "$work/one.redb" import orders "$data/orders.csv" --one-transaction
    result import "loyal import (--one-transaction)" "$(add "$one_secs" "$secs")" s
    rm -f "$work/one.redb"
fi
if [ $have_sqlite = 1 ]; then
    rm -f "$work/sqlite.db"
    (cd "$data" && timed "sqlite3 tables and indexes" sqlite3 "$work/sqlite.db" <"$here/sqlite_load.sql")
    read -r tables_secs _ <"$work/time.out"
    result import "sqlite3 (id, phone, email idx)" "$tables_secs" s
    timed "sqlite3 name search (FTS5, typo variants)" \
        sqlite3 "$work/sqlite.db" <"$here/sqlite_search.sql"
    result import "sqlite3 (+ name search idx)" "$(add "$tables_secs" "$secs")" s
fi
if [ $have_duckdb = 1 ]; then
    rm -f "$work/duck.db" "$work/duck.db.wal"
    timed "duckdb read_csv" python3 "$here/peers.py" duckdb-load "$data" "$work/duck.db"
    result import "duckdb read_csv" "$secs" s
fi

# --- 2. RFM ---------------------------------------------------------------------------------
say "RFM as of $as_of: check agreement, then time (median of 3)"
loyal_rfm() { "$loyal" --db "$work/loyal.redb" rfm --format csv --as-of "$as_of" >"$work/rfm-loyal.csv"; }
sqlite_rfm() {
    sed "s/@ASOF@/$as_of/g" "$here/rfm.sqlite.sql" |
        sqlite3 -csv -header "$work/sqlite.db" >"$work/rfm-sqlite.csv"
}
loyal_rfm
others=()
if [ $have_sqlite = 1 ]; then
    sqlite_rfm
    others+=("$work/rfm-sqlite.csv")
fi
if [ $have_duckdb = 1 ]; then
    python3 "$here/peers.py" duckdb-rfm "$work/duck.db" "$here/rfm.duckdb.sql" "$as_of" \
        "$work/rfm-duckdb.csv" 1 >/dev/null
    others+=("$work/rfm-duckdb.csv")
fi
if [ ${#others[@]} -gt 0 ]; then
    python3 "$here/peers.py" agree "$work/rfm-loyal.csv" "${others[@]}" >&2
fi
result rfm "loyal rfm --format csv" "$(median3 loyal_rfm)" s
if [ $have_sqlite = 1 ]; then
    result rfm "sqlite3 query to csv" "$(median3 sqlite_rfm)" s
fi
if [ $have_duckdb = 1 ]; then
    python3 "$here/peers.py" duckdb-rfm "$work/duck.db" "$here/rfm.duckdb.sql" "$as_of" \
        "$work/rfm-duckdb.csv" 3 | sed 's/duckdb (in process)/duckdb query to csv (in proc)/' >>"$results"
fi

# --- 2b. RFM on other shapes of data --------------------------------------------------------
# The same query on data shaped differently: every customer has ordered and the counts are
# heavy-tailed (Pareto alpha 0.8), and only 30% have ordered. COMPARE_SHAPES overrides the
# list ("NAME:BUYERS:SKEW ..."; empty for none). Each shape is generated, imported and loaded
# once per size, checked row for row, then timed like the main data.
shapes=${COMPARE_SHAPES-"allbuy-skewed:1.0:0.8 fewbuy:0.3:1.2"}
for shape in $shapes; do
    IFS=: read -r name buyers skew <<<"$shape"
    sdir=$work/shape-$name
    if [ ! -s "$sdir/loyal.redb" ]; then
        say "shape $name: $customers customers, $orders orders, buyers $buyers, skew $skew"
        mkdir -p "$sdir"
        "$loyal" gen --customers "$customers" --orders "$orders" --seed 1 --end "$as_of" \
            --buyers "$buyers" --skew "$skew" --out "$sdir/data" >/dev/null
        rm -f "$sdir/building.redb"
        "$loyal" --db "$sdir/building.redb" init >/dev/null
        "$loyal" --db "$sdir/building.redb" import customers "$sdir/data/customers.csv" >/dev/null
        "$loyal" --db "$sdir/building.redb" import orders "$sdir/data/orders.csv" >/dev/null
        mv "$sdir/building.redb" "$sdir/loyal.redb"
    fi
    shape_rfm() {
        "$loyal" --db "$sdir/loyal.redb" rfm --format csv --as-of "$as_of" >"$sdir/rfm-loyal.csv"
    }
    shape_rfm
    if [ $have_duckdb = 1 ]; then
        [ -s "$sdir/duck.db" ] || python3 "$here/peers.py" duckdb-load "$sdir/data" "$sdir/duck.db"
        python3 "$here/peers.py" duckdb-rfm "$sdir/duck.db" "$here/rfm.duckdb.sql" "$as_of" \
            "$sdir/rfm-duckdb.csv" 1 >/dev/null
        python3 "$here/peers.py" agree "$sdir/rfm-loyal.csv" "$sdir/rfm-duckdb.csv" >&2
    fi
    result "rfm, $name" "loyal rfm --format csv" "$(median3 shape_rfm)" s
    if [ $have_duckdb = 1 ]; then
        python3 "$here/peers.py" duckdb-rfm "$sdir/duck.db" "$here/rfm.duckdb.sql" "$as_of" \
            "$sdir/rfm-duckdb.csv" 3 |
            sed "s/^rfm\tduckdb (in process)/rfm, $name\tduckdb query to csv (in proc)/" >>"$results"
    fi
done

# --- 3. Lookups -----------------------------------------------------------------------------
say "lookups: 2,000 sampled customers, three query kinds, in process, warm"
python3 "$here/peers.py" queries "$data" "$work/queries.tsv" 2000 7
(cd "$root" && cargo bench --quiet --bench lookup -- --db "$work/loyal.redb" \
    --queries "$work/queries.tsv") | sed 's/$/\tloyal/' >>"$results"
if [ $have_sqlite = 1 ]; then
    python3 "$here/peers.py" sqlite-lookup "$work/sqlite.db" "$work/queries.tsv" 10 |
        sed 's/$/\tsqlite3, same fields as loyal/' >>"$results"
    python3 "$here/peers.py" sqlite-lookup "$work/sqlite.db" "$work/queries.tsv" 10 bare |
        sed 's/$/\tsqlite3, id and name only/' >>"$results"
fi

# --- 4 and 5. The workbench and memory ------------------------------------------------------
say "workbench: first frame, frames, quick lookup keystrokes"
tui=$(cd "$root" && cargo bench --quiet --bench tui -- --db "$work/loyal.redb" --keys 2000)
echo "$tui" >&2
field() { echo "$tui" | grep "^$1" | head -1; }
result tui "first frame" "$(field 'first frame' | awk '{ print $3 }')" ms
result tui "lookup key to frame, median" "$(field 'key to frame, quick' | sed 's/.*median *\([0-9.]*\).*/\1/')" ms
result tui "lookup key to frame, p99" "$(field 'key to frame, quick' | sed 's/.*p99 *\([0-9.]*\).*/\1/')" ms
result tui "frame render, median" "$(field 'frame, customers (scored)' | sed 's/.*median *\([0-9.]*\).*/\1/')" ms
result memory "peak RSS, workbench" "$(field 'peak RSS' | awk '{ print $3 }')" MB
result memory "peak RSS, import" "$import_rss" MB
result memory "peak RSS, import customers" "$customers_rss" MB
result memory "peak RSS, import orders" "$orders_rss" MB

python3 "$here/peers.py" table "$results" "$size" | tee "$work/table.md"
