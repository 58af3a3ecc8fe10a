#!/usr/bin/env bash
# `loyal backup` side by side with SQLite's online backup (`.backup`) of the same data and a
# plain `cp` of loyal's file (the disk's ceiling), in this run, alternating, three rounds.
#
#   benches/backup.sh [S|M|L]      sizes as benches/compare.sh (default M: 100k / 1M)
#
# Reuses the generated files and SQLite database of benches/compare.sh (target/compare/SIZE)
# when they are there; otherwise generates and loads them. Prints MB/s and the ratios.
set -euo pipefail

size=${1:-M}
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
work=${COMPARE_DIR:-$root/target/compare}/$size
data=$work/data
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/share LOYAL_LANG=en
mkdir -p "$work" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME"
command -v sqlite3 >/dev/null || apt-get install -y -qq sqlite3 >/dev/null

cargo build --release --quiet --manifest-path "$root/Cargo.toml"
loyal=$root/target/release/loyal
db=$work/backup-bench.redb
if [ ! -f "$data/orders.csv" ]; then
    "$loyal" gen --customers "$customers" --orders "$orders" --seed 1 --out "$data"
fi
if [ ! -f "$db" ]; then
    "$loyal" --db "$db" init >/dev/null
    "$loyal" --db "$db" import customers "$data/customers.csv" --one-transaction >/dev/null
    "$loyal" --db "$db" import orders "$data/orders.csv" --one-transaction >/dev/null
fi
sqlite=$work/sqlite.db
if [ ! -f "$sqlite" ]; then
    (cd "$data" && sqlite3 "$sqlite" <"$root/benches/compare/sqlite_load.sql")
fi

seconds() { python3 -c 'import time; print(time.time())'; }
mib() { python3 -c "import os,sys; print(os.path.getsize(sys.argv[1]) / 1048576)" "$1"; }
run() { # name, output file, command...
    local name=$1 out=$2
    shift 2
    rm -f "$out"
    local start end
    start=$(seconds)
    "$@" >/dev/null
    end=$(seconds)
    python3 -c "import sys; s=float(sys.argv[2])-float(sys.argv[1]); m=float(sys.argv[3]); print(f'{sys.argv[4]:<14} {s:7.2f} s {m:8.1f} MiB {m/s:8.1f} MiB/s')" \
        "$start" "$end" "$(mib "$out")" "$name"
}

echo "size $size: loyal file $(mib "$db" | cut -c1-7) MiB, SQLite file $(mib "$sqlite" | cut -c1-7) MiB"
for round in 1 2 3; do
    echo "-- round $round"
    run "loyal backup" "$work/copy.redb" "$loyal" --db "$db" backup "$work/copy.redb"
    run "sqlite .backup" "$work/copy.sqlite" sqlite3 "$sqlite" ".backup '$work/copy.sqlite'"
    run "cp" "$work/copy.raw" cp "$db" "$work/copy.raw"
done
rm -f "$work/copy.redb" "$work/copy.sqlite" "$work/copy.raw"
