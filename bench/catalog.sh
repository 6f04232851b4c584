#!/usr/bin/env bash
# Catalogs with many objects (issue 8, part 4): a schema-only dump of TABLES tables (each with a primary key, one
# more index and a comment) by real pg_dump 18 and by ours, and `pg_restore -l` of the -Fc archive by real
# pg_restore 18 and by ours, in the same run, interleaved; median of RUNS for wall and client CPU, peak RSS.
#
#   bench/catalog.sh                      # 10000 tables, 3 runs
#   bench/catalog.sh --tables 2000 --runs 5
#   bench/catalog.sh --functions 100000   # instead: 100000 SQL functions, dump -s only (issue 8, routines)
#
# See bench/README.md. Environment as bench/run.sh: PGDUMP4J, BUILD_DIR, PG_REFERENCE_BIN_18, BENCH_WORK,
# BENCH_USE_SERVER=1 (use the server in PGHOST/PGPORT/PGUSER instead of starting an embedded PostgreSQL 18);
# BENCH_KEEP_DB=1 keeps the database bench_catalog_TABLES at the end and reuses it in the next run. JAVA_HOME
# selects the JVM of ours (the launcher honours it) and of the floor row: run twice to compare Java 17 and 25.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
tables=10000
functions=0
runs=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --tables) tables="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --functions) functions="$2"; shift 2 ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "bench/catalog.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

export TZ=UTC
bench_name=catalog
# shellcheck source=bench/common.sh
source "$root/bench/common.sh"
server_version="$("${psql[@]}" -d postgres -Atc "SHOW server_version")"
java="java"  # the JVM our launcher picks (JAVA_HOME, else java on PATH)
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java="$JAVA_HOME/bin/java"
jvm_version="$("$java" -version 2>&1 | head -n 1)"

# ---- the functions case: FUNCTIONS SQL functions, `dump -s` by pg_dump 18 and by ours -----------------------
if ((functions > 0)); then
  db="bench_functions_$functions"
  have="$("${psql[@]}" -d postgres -Atc "SELECT count(*) FROM pg_database WHERE datname = '$db'")"
  if [[ "${BENCH_KEEP_DB:-}" == 1 && "$have" == 1 ]]; then
    echo "== reusing database $db" >&2
  else
    echo "== creating $functions functions" >&2
    "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
    "${psql[@]}" -d "$db" -c "CREATE SCHEMA app" >/dev/null
    for ((from = 1; from <= functions; from += 10000)); do
      to=$((from + 9999 < functions ? from + 9999 : functions))
      "${psql[@]}" -d "$db" >/dev/null <<SQL
SELECT format('CREATE FUNCTION app.%I(integer) RETURNS integer LANGUAGE sql AS %L', 'f' || i, 'SELECT \$1')
  FROM generate_series($from, $to) AS i
\\gexec
SQL
    done
    "${psql[@]}" -d "$db" -c "VACUUM ANALYZE" >/dev/null
  fi
  run() {  # as below: wall, user+sys CPU, peak RSS of one command
    local name="$1"; shift
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >/dev/null 2>"$work/cmd.err" || {
      echo "bench/catalog.sh: $name failed:" >&2; tail -n 5 "$work/cmd.err" >&2; exit 1; }
    tail -n 1 "$work/time.txt" | awk '{printf "%s %.2f %s\n", $1, $2 + $3, $4}' >>"$work/$name.times"
  }
  median() { sort -n -k"$2,$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {print v[int((NR + 1) / 2)]}'; }
  "${ours[@]}" dump -s -f /dev/null "$db" 2>"$work/probe.err" || {
    echo "bench/catalog.sh: our dump failed: $(head -n 1 "$work/probe.err")" >&2; exit 1; }
  "$refbin/pg_dump" -s -f "$work/real.sql" "$db"
  "${ours[@]}" dump -s -f "$work/ours.sql" "$db"
  same="identical"
  cmp -s <(grep -v '^-- Dumped by\|^\\restrict\|^\\unrestrict' "$work/real.sql") \
         <(grep -v '^-- Dumped by\|^\\restrict\|^\\unrestrict' "$work/ours.sql") || same="DIFFERENT"
  rm -f "$work"/*.times
  echo "== $runs runs of each case" >&2
  for ((i = 1; i <= runs; i++)); do
    run real_plain "$refbin/pg_dump" -s -f /dev/null "$db"
    run ours_plain "${ours[@]}" dump -s -f /dev/null "$db"
  done
  {
    echo "pgdump4j catalog benchmark (functions) — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, server PostgreSQL $server_version"
    echo "ours: ${ours[*]} on $jvm_version | real: $("$refbin/pg_dump" --version) | runs per cell: $runs (median)"
    echo "$functions SQL functions; plain -s output of ours and pg_dump 18: $same"
    printf '  %-28s %8s %8s %8s\n' case "wall s" "CPU s" "RSS MB"
    for n in real_plain ours_plain; do
      printf '  %-28s %8s %8s %8s\n' "$n" "$(median "$work/$n.times" 1)" "$(median "$work/$n.times" 2)" \
        "$(sort -n -k3,3 "$work/$n.times" | tail -n 1 | awk '{printf "%.0f", $3 / 1024}')"
    done
    awk -v a="$(median "$work/ours_plain.times" 1)" -v b="$(median "$work/real_plain.times" 1)" \
        -v r="$(sort -n -k3,3 "$work/ours_plain.times" | tail -n 1 | awk '{print $3 / 1024}')" 'BEGIN {
      printf "  wall ratio %.2f x; targets: dump wall <= 1.0 x pg_dump 18: %s; peak RSS <= 300 MB: %s\n",
        a / b, (a <= b) ? "met" : "NOT met", (r <= 300) ? "met" : "NOT met" }'
  } | tee "$work/report.txt" >&2
  [[ "${BENCH_KEEP_DB:-}" == 1 ]] || "${psql[@]}" -d postgres -c "DROP DATABASE $db" >/dev/null
  exit 0
fi

# ---- data: one DO block (one transaction) per 500 tables, so max_locks_per_transaction is never reached -------
db="bench_catalog_$tables"
have="$("${psql[@]}" -d postgres -Atc "SELECT count(*) FROM pg_database WHERE datname = '$db'")"
if [[ "${BENCH_KEEP_DB:-}" == 1 && "$have" == 1 ]]; then
  echo "== reusing database $db" >&2
else
echo "== creating $tables tables (primary key, one more index, a comment each)" >&2
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db" >/dev/null
"${psql[@]}" -d "$db" -c "CREATE SCHEMA app" >/dev/null
for ((from = 1; from <= tables; from += 500)); do
  to=$((from + 499 < tables ? from + 499 : tables))
  "${psql[@]}" -d "$db" >/dev/null <<SQL
DO \$\$
BEGIN
  FOR i IN $from..$to LOOP
    EXECUTE format('CREATE TABLE app.%I (id integer PRIMARY KEY, name text NOT NULL, created timestamptz DEFAULT now())', 't' || i);
    EXECUTE format('CREATE INDEX %I ON app.%I (name)', 't' || i || '_name', 't' || i);
    EXECUTE format('COMMENT ON TABLE app.%I IS %L', 't' || i, 'table number ' || i);
  END LOOP;
END
\$\$;
SQL
done
"${psql[@]}" -d "$db" -c "VACUUM ANALYZE" >/dev/null
fi

# ---- measuring --------------------------------------------------------------------------------------------
# run NAME CMD...: CMD under GNU time; appends "wall user+sys peak-RSS-kB" to $work/NAME.times, stdout to NAME.out
run() {  # wall to the millisecond (GNU time's %e has 10 ms steps: a seventh of pg_restore -l), CPU, peak RSS
  local name="$1" start end; shift
  start="$(date +%s%N)"
  /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >"$work/$name.out" 2>"$work/cmd.err" || {
    echo "bench/catalog.sh: $name failed:" >&2; tail -n 5 "$work/cmd.err" >&2; exit 1; }
  end="$(date +%s%N)"
  tail -n 1 "$work/time.txt" | awk -v ns="$((end - start))" '{printf "%.3f %.2f %s\n", ns / 1e9, $2 + $3, $4}' \
    >>"$work/$name.times"
}
median() {  # median FILE COLUMN
  sort -n -k"$2,$2" "$1" | awk -v c="$2" '{v[NR] = $c} END {print v[int((NR + 1) / 2)]}'
}

real_fc="$work/real.dump"
ours_fc="$work/ours.dump"
"${ours[@]}" dump -s -f /dev/null "$db" 2>"$work/probe.err" || {  # untimed: records the launcher's CDS archive
  echo "bench/catalog.sh: our dump failed: $(head -n 1 "$work/probe.err")" >&2; exit 1; }
# The fixed cost: an empty database, and the listing of its archive (JVM start-up for ours).
empty="${db}_empty"
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $empty" -c "CREATE DATABASE $empty" >/dev/null
empty_fc="$work/empty.dump"
# The floor of any command of ours: a JVM that starts and exits (the launcher's heap, collector and JIT flags).
"$refbin/pg_dump" -s -Fc -f "$empty_fc" "$empty"
"${ours[@]}" restore -l "$empty_fc" >/dev/null  # untimed: records the launcher's CDS archive for restore
# The floor of a JVM listing: read the archive and write pg_restore's listing, computed beforehand, parsing nothing
# (bench/ListingFloor.java, with the launcher's flags and a class-data archive of its own).
jvm_flags=(-Xms64m -Xmx192m -XX:NewRatio=5 -XX:+UseSerialGC -XX:TieredStopAtLevel=1)
# (string concatenation as StringBuilder code, as our jar has it: invokedynamic's first use costs 30 ms)
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -XDstringConcat=inline -d "$work/floor" "$root/bench/ListingFloor.java" \
  "$root/bench/ListingLean.java"
"${JAVA_HOME:+$JAVA_HOME/bin/}jar" cf "$work/floor.jar" -C "$work/floor" .  # class-data sharing takes jars only
rm -f "$real_fc"
"$refbin/pg_dump" -s -Fc -f "$real_fc" "$db"
"$refbin/pg_restore" -l "$real_fc" >"$work/floor.listing"
"$java" "${jvm_flags[@]}" -XX:ArchiveClassesAtExit="$work/floor.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$work/floor.jar" ListingFloor "$real_fc" "$work/floor.listing" >/dev/null
# The least a JVM listing can do: one class parsing every entry, nothing general (bench/ListingLean.java); its
# listing must be pg_restore's, byte for byte, or the row would measure something else
"$java" "${jvm_flags[@]}" -XX:ArchiveClassesAtExit="$work/lean.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$work/floor.jar" ListingLean "$real_fc" >"$work/lean.listing"
if ! cmp -s "$work/lean.listing" "$work/floor.listing"; then
  echo "bench/catalog.sh: bench/ListingLean.java lists the archive differently from pg_restore 18" >&2
  exit 1
fi
rm -f "$work"/*.times
echo "== $runs runs of each case" >&2
for ((i = 1; i <= runs; i++)); do
  run real_plain "$refbin/pg_dump" -s -f /dev/null "$db"
  run ours_plain "${ours[@]}" dump -s -f /dev/null "$db"
  rm -f "$real_fc" "$ours_fc"
  run real_fc "$refbin/pg_dump" -s -Fc -f "$real_fc" "$db"
  run ours_fc "${ours[@]}" dump -s -Fc -f "$ours_fc" "$db"
  run real_list "$refbin/pg_restore" -l "$real_fc"
  run ours_list "${ours[@]}" restore -l "$real_fc"
  run real_empty "$refbin/pg_dump" -s -f /dev/null "$empty"
  run ours_empty "${ours[@]}" dump -s -f /dev/null "$empty"
  run real_list_empty "$refbin/pg_restore" -l "$empty_fc"
  run ours_list_empty "${ours[@]}" restore -l "$empty_fc"
  run jvm_floor "$java" "${jvm_flags[@]}" -version
  run listing_floor "$java" "${jvm_flags[@]}" -XX:SharedArchiveFile="$work/floor.jsa" -Xlog:cds=off \
    -cp "$work/floor.jar" ListingFloor "$real_fc" "$work/floor.listing"
  run listing_lean "$java" "${jvm_flags[@]}" -XX:SharedArchiveFile="$work/lean.jsa" -Xlog:cds=off \
    -cp "$work/floor.jar" ListingLean "$real_fc"
done
"${psql[@]}" -d postgres -c "DROP DATABASE $empty" >/dev/null

# Where our time goes: one more run with -v, each phase from its first progress line to the next phase's
# (bash's clock, no process per line; the 40,000 "creating" lines are filtered out by grep first).
phases() {
  local start="$EPOCHREALTIME" line prev="start" t0="$EPOCHREALTIME" t
  while IFS= read -r line; do
    t="$EPOCHREALTIME"
    awk -v a="$t0" -v b="$t" -v p="$prev" 'BEGIN {printf "    %-50s %6.2f s\n", p, b - a}'
    prev="${line#pg_dump: }"; t0="$t"
  done
  t="$EPOCHREALTIME"
  awk -v a="$t0" -v b="$t" -v p="$prev" 'BEGIN {printf "    %-50s %6.2f s\n", p " (and the rest)", b - a}'
  awk -v a="$start" -v b="$t" 'BEGIN {printf "    %-50s %6.2f s\n", "total", b - a}'
}
"${ours[@]}" dump -v -s -f /dev/null "$db" 2>&1 >/dev/null | grep --line-buffered -v -e '^pg_dump: creating' \
  -e '^pg_dump: dumping' -e '^pg_dump: saving' | phases >"$work/phases.txt"
# Same archive, same listing; and our archive lists as pg_dump's does (the header's times and names aside).
if ! cmp -s "$work/real_list.out" "$work/ours_list.out"; then
  echo "bench/catalog.sh: restore -l output differs from pg_restore 18's" >&2
  diff "$work/real_list.out" "$work/ours_list.out" | head -n 5 >&2
  exit 1
fi
listed() {  # listed ARCHIVE: pg_restore 18 -l without the header and the dump ids (pg_dump numbers more objects)
  "$refbin/pg_restore" -l "$1" | grep -v '^;' | sed 's/^[0-9]*; //'
}
if ! diff -q <(listed "$real_fc") <(listed "$ours_fc") >/dev/null; then
  echo "bench/catalog.sh: warning: pg_restore 18 -l lists our archive differently from pg_dump's" >&2
fi

entries="$(grep -vc '^;' "$work/real_list.out" || true)"
report="$work/report.txt"
{
  echo "pgdump4j catalog benchmark — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, server PostgreSQL $server_version"
  echo "ours: ${ours[*]} on $jvm_version | real: $("$refbin/pg_dump" --version) | runs per cell: $runs (median)"
  echo "$tables tables with a primary key, an index and a comment each: $entries TOC entries"
  printf '  %-28s %8s %8s %8s %14s %14s\n' case "wall s" "CPU s" "RSS MB" "wall ratio" "CPU ratio"
  row() {  # row LABEL NAME [REFERENCE-NAME]
    local w c r
    w="$(median "$work/$2.times" 1)"; c="$(median "$work/$2.times" 2)"
    r="$(sort -n -k3,3 "$work/$2.times" | tail -n 1 | awk '{printf "%.0f", $3 / 1024}')"
    if [[ -n "${3:-}" ]]; then
      printf '  %-28s %8s %8s %8s %14s %14s\n' "$1" "$w" "$c" "$r" \
        "$(awk -v a="$w" -v b="$(median "$work/$3.times" 1)" 'BEGIN {printf "%.2f x", a / b}')" \
        "$(awk -v a="$c" -v b="$(median "$work/$3.times" 2)" 'BEGIN {printf "%.2f x", a / (b > 0 ? b : 0.01)}')"
    else
      printf '  %-28s %8s %8s %8s\n' "$1" "$w" "$c" "$r"
    fi
  }
  row "pg_dump 18 -s (plain)" real_plain
  row "ours dump -s (plain)" ours_plain real_plain
  row "pg_dump 18 -s -Fc" real_fc
  row "ours dump -s -Fc" ours_fc real_fc
  row "pg_restore 18 -l" real_list
  row "ours restore -l" ours_list real_list
  row "pg_dump 18 -s, empty database" real_empty
  row "ours dump -s, empty database" ours_empty real_empty
  row "pg_restore 18 -l, its archive" real_list_empty
  row "ours restore -l, its archive" ours_list_empty real_list_empty
  row "JVM start and exit alone" jvm_floor real_list
  row "JVM reading it, no parsing" listing_floor real_list
  row "JVM listing, minimal parser" listing_lean real_list
  echo "  our dump -s (plain) by phase, one run with -v (a phase ends where the next progress line appears):"
  cat "$work/phases.txt"
  awk -v a="$(median "$work/ours_plain.times" 1)" -v b="$(median "$work/real_plain.times" 1)" \
      -v c="$(median "$work/ours_fc.times" 1)" -v d="$(median "$work/real_fc.times" 1)" \
      -v e="$(median "$work/ours_list.times" 1)" -v f="$(median "$work/real_list.times" 1)" \
      -v r="$(cat "$work"/ours_*.times | sort -n -k3,3 | tail -n 1 | awk '{print $3 / 1024}')" 'BEGIN {
    printf "  targets: dump wall <= 1.0 x pg_dump 18: %s; restore -l wall <= 1.0 x pg_restore 18: %s; peak RSS <= 300 MB: %s\n",
      (a <= b && c <= d) ? "met" : "NOT met", (e <= f) ? "met" : "NOT met", (r <= 300) ? "met" : "NOT met" }'
} | tee "$report" >&2
[[ "${BENCH_KEEP_DB:-}" == 1 ]] || "${psql[@]}" -d postgres -c "DROP DATABASE $db" >/dev/null
