#!/usr/bin/env python3
"""The peer side of benches/compare.sh: DuckDB loads and queries, SQLite lookups timed in
process, the query list, the row-for-row RFM agreement check, and the final table.

Every timing subcommand prints tab-separated result lines that compare.sh appends to its
results file: `metric<TAB>tool<TAB>value<TAB>unit` (lookups: see `lookup_line`).
"""

import csv
import random
import sqlite3
import statistics
import sys
import time
from decimal import Decimal
from pathlib import Path


def ms(seconds):
    return seconds * 1000.0


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    return sorted_values[round((len(sorted_values) - 1) * p)]


# --- DuckDB ---------------------------------------------------------------------------------

def duckdb_connect(db):
    import duckdb

    con = duckdb.connect(db)
    con.execute("SET TimeZone = 'UTC'")
    return con


def duckdb_load(data, db):
    """customers.csv and orders.csv into DuckDB tables with read_csv, typed like loyal's."""
    con = duckdb_connect(db)
    data = Path(data)
    con.execute(
        "CREATE TABLE customers AS SELECT * FROM read_csv(?, header = true, all_varchar = true)",
        [str(data / "customers.csv")],
    )
    con.execute(
        """CREATE TABLE orders AS
           SELECT order_id, customer_id, ordered_at,
                  CAST(amount * 100 AS BIGINT) AS amount_cents, items, category, channel
           FROM read_csv(?, header = true, columns = {
               'order_id': 'VARCHAR', 'customer_id': 'VARCHAR', 'ordered_at': 'TIMESTAMPTZ',
               'amount': 'DECIMAL(18,2)', 'items': 'VARCHAR', 'category': 'VARCHAR',
               'channel': 'VARCHAR'})""",
        [str(data / "orders.csv")],
    )
    con.execute("CHECKPOINT")
    con.close()


def duckdb_rfm(db, sql_file, as_of, out, runs):
    """The RFM query, written to `out` as CSV; times the query and the write, `runs` times."""
    con = duckdb_connect(db)
    query = Path(sql_file).read_text().replace("@ASOF@", as_of).rstrip().rstrip(";")
    times = []
    for _ in range(int(runs)):
        start = time.perf_counter()
        con.execute(f"COPY ({query}) TO '{out}' (HEADER, DELIMITER ',')")
        times.append(time.perf_counter() - start)
    print(f"rfm\tduckdb (in process)\t{statistics.median(times):.3f}\ts")


# --- Queries and SQLite lookups -------------------------------------------------------------

def make_queries(data, out, count, seed):
    """`count` customers sampled with `seed`; per customer the last four phone digits, the
    first three letters of the first name word, and that word (five letters or more, ASCII)
    with its second and third letters swapped (one typo)."""
    rng = random.Random(int(seed))
    with open(Path(data) / "customers.csv", newline="", encoding="utf-8") as f:
        rows = [(r["name"], r["phone"]) for r in csv.DictReader(f)]
    picks = rng.sample(rows, min(int(count), len(rows)))
    lines = []
    for name, phone in picks:
        digits = "".join(ch for ch in phone.split(";")[0] if ch.isdigit())
        if len(digits) >= 4:
            lines.append(("phone last 4", digits[-4:]))
        first = name.split(" ")[0].lower()
        if len(first) >= 3:
            lines.append(("name prefix", first[:3]))
        typo = next((w.lower() for w in name.split(" ") if len(w) >= 5 and w.isascii()
                     and w.isalpha()), None)
        if typo:
            lines.append(("fuzzy name", typo[0] + typo[2] + typo[1] + typo[3:]))
    with open(out, "w", encoding="utf-8") as f:
        for kind, query in lines:
            f.write(f"{kind}\t{query}\n")


def deletion_variants(word):
    out = {word}
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1:])
    return sorted(out)


def sqlite_lookup(db, queries, limit, fields="same"):
    """Each query kind against its best SQLite index, in process, warm: the same lines the
    lookup bench prints for loyal. `fields`: `same` returns what a loyal hit holds, `bare` only
    the id and name."""
    bare = fields == "bare"
    con = sqlite3.connect(db)
    limit = int(limit)
    by_kind = {}
    with open(queries, encoding="utf-8") as f:
        for line in f:
            kind, query = line.rstrip("\n").split("\t", 1)
            by_kind.setdefault(kind, []).append(query)

    # What a loyal lookup hit carries: the customer's file fields and their order count, total
    # and last order, here from the covering orders index.
    hit = ("SELECT c.customer_id, c.name, c.phone, c.email, c.company, c.city, c.owner, c.status, "
           "(SELECT count(*) FROM orders o WHERE o.customer_id = c.customer_id), "
           "(SELECT sum(amount_cents) FROM orders o WHERE o.customer_id = c.customer_id), "
           "(SELECT max(ordered_at) FROM orders o WHERE o.customer_id = c.customer_id) "
           "FROM customers c WHERE c.id IN ")
    if bare:
        hit = "SELECT c.customer_id, c.name FROM customers c WHERE c.id IN "

    def phone(q):
        return con.execute(hit + "(SELECT cust FROM phones WHERE last4 = ? LIMIT ?)",
                           (q, limit)).fetchall()

    def prefix(q):
        return con.execute(hit + "(SELECT rowid FROM name_fts WHERE name_fts MATCH ? LIMIT ?)",
                           ('"' + q.replace('"', '""') + '"*', limit)).fetchall()

    def fuzzy(q):
        variants = deletion_variants(q)
        marks = ",".join("?" * len(variants))
        return con.execute(
            hit + f"(SELECT DISTINCT cust FROM name_variants WHERE variant IN ({marks}) LIMIT ?)",
            (*variants, limit)).fetchall()

    run = {"phone last 4": phone, "name prefix": prefix, "fuzzy name": fuzzy}
    for kind in sorted(by_kind):
        for q in by_kind[kind]:
            run[kind](q)
    for kind in sorted(by_kind):
        times, hits = [], 0
        for q in by_kind[kind]:
            start = time.perf_counter()
            hits += len(run[kind](q))
            times.append(ms(time.perf_counter() - start))
        times.sort()
        print(f"lookup\t{kind}\t{len(times)}\t{percentile(times, 0.5):.4f}\t"
              f"{percentile(times, 0.99):.4f}\t{times[-1]:.4f}\t{hits / len(times):.2f}")


# --- RFM agreement --------------------------------------------------------------------------

def rfm_rows(path):
    """customer_id -> (recency, frequency, cents, r, f, m, segment), from any of the outputs
    (loyal writes money as 12.34, the SQL queries write cents)."""
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            money = r["monetary"]
            cents = int(Decimal(money) * 100) if "." in money else int(money)
            out[r["customer_id"]] = (int(r["recency_days"]), int(r["frequency"]), cents,
                                     int(r["r"]), int(r["f"]), int(r["m"]), r["segment"])
    return out


def agree(reference, *others):
    """Exit 1 unless every file has the same rows as `reference`, listing the first misses."""
    ref = rfm_rows(reference)
    ok = True
    for other in others:
        rows = rfm_rows(other)
        missing = sorted(set(ref) - set(rows))
        extra = sorted(set(rows) - set(ref))
        differ = sorted(k for k in set(ref) & set(rows) if ref[k] != rows[k])
        if missing or extra or differ:
            ok = False
            print(f"RFM DISAGREES: {reference} vs {other}: {len(missing)} missing, "
                  f"{len(extra)} extra, {len(differ)} different", file=sys.stderr)
            for k in differ[:5]:
                print(f"  {k}: {ref[k]} vs {rows[k]}", file=sys.stderr)
            for k in missing[:3]:
                print(f"  {k}: missing from {other}", file=sys.stderr)
            for k in extra[:3]:
                print(f"  {k}: only in {other}", file=sys.stderr)
        else:
            print(f"RFM agrees row for row: {other} = {reference} ({len(ref)} customers)")
    sys.exit(0 if ok else 1)


# --- The table ------------------------------------------------------------------------------

def table(results, size):
    """The comparison table from the results file, loyal first, with ratios."""
    rows = [line.rstrip("\n").split("\t") for line in open(results, encoding="utf-8")
            if line.strip()]
    simple = {}
    lookups = {}
    for r in rows:
        if r[0] == "lookup":
            lookups.setdefault(r[1], {})[r[7]] = r
        else:
            simple.setdefault(r[0], []).append(r)

    def ratio(ours, theirs):
        if ours <= 0 or theirs <= 0:
            return ""
        return f"{theirs / ours:.1f}x faster" if theirs >= ours else f"{ours / theirs:.1f}x slower"

    print(f"\n## loyal vs SQLite vs DuckDB, size {size} (lower is better; ratio = peer / loyal)\n")
    print(f"| {'work':<34} | {'tool':<31} | {'time':>12} | {'loyal is':>14} |")
    print(f"|{'-' * 36}|{'-' * 33}|{'-' * 14}|{'-' * 16}|")
    shapes = sorted(k for k in simple if k.startswith("rfm, "))
    for metric in ["import", "rfm"] + shapes:
        entries = simple.get(metric, [])
        ours = next((float(e[2]) for e in entries if e[1].startswith("loyal")), 0.0)
        for e in entries:
            value = float(e[2])
            shown = f"{value:.2f} {e[3]}"
            rel = "" if e[1].startswith("loyal") else ratio(ours, value)
            print(f"| {metric:<34} | {e[1]:<31} | {shown:>12} | {rel:>14} |")
    for kind in sorted(lookups):
        tools = lookups[kind]
        ours = tools.get("loyal")
        for tool, r in sorted(tools.items(), key=lambda t: t[0] != "loyal"):
            for label, col in (("median", 3), ("p99", 4)):
                value = float(r[col])
                rel = ""
                if ours is not None and tool != "loyal":
                    rel = ratio(float(ours[col]), value)
                print(f"| {'lookup ' + kind + ' ' + label:<34} | {tool:<31} | "
                      f"{value:>9.3f} ms | {rel:>14} |")
    for metric in ["tui", "memory"]:
        for e in simple.get(metric, []):
            print(f"| {metric + ' ' + e[1]:<34} | {'loyal':<31} | {float(e[2]):>9.2f} {e[3]:<2} "
                  f"| {'':>14} |")


COMMANDS = {
    "duckdb-load": duckdb_load,
    "duckdb-rfm": duckdb_rfm,
    "queries": make_queries,
    "sqlite-lookup": sqlite_lookup,
    "agree": agree,
    "table": table,
}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: peers.py {'|'.join(COMMANDS)} ARGS...")
    COMMANDS[sys.argv[1]](*sys.argv[2:])
