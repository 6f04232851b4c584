#!/usr/bin/env bash
# Parallel restore benchmark (report only): pgdump4j restore -j 2 against real pg_restore 18 -j 2 (and both serial),
# from pg_dump 18's custom and directory archives of pgbench data with extra indexes, into a fresh database each
# time, on the same server in the same run.
#
#   bench/restore.sh                    # scale 10, 3 runs (median)
#   bench/restore.sh --scale 20 --runs 5
#
# Environment as bench/run.sh (PGDUMP4J, BUILD_DIR, PG_REFERENCE_BIN_18, BENCH_WORK, BENCH_USE_SERVER).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
scale=10
runs=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) scale="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0"; exit 0 ;;
    *) echo "bench/restore.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

bench_name=restore
# shellcheck source=bench/common.sh
source "$root/bench/common.sh"

src=bench_restore_src
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS $src" -c "CREATE DATABASE $src" >/dev/null
echo "== loading pgbench scale $scale (bench/pgbench-init.sql), two more indexes and foreign keys" >&2
"${psql[@]}" -d "$src" -v scale="$scale" -f "$root/bench/pgbench-init.sql" >/dev/null
"${psql[@]}" -d "$src" -c "CREATE INDEX ON pgbench_accounts (bid, abalance)" \
  -c "CREATE INDEX ON pgbench_history (aid, mtime)" \
  -c "ALTER TABLE pgbench_accounts ADD FOREIGN KEY (bid) REFERENCES pgbench_branches" \
  -c "ALTER TABLE pgbench_tellers ADD FOREIGN KEY (bid) REFERENCES pgbench_branches" -c "VACUUM ANALYZE" >/dev/null
"$refbin/pg_dump" -Fc -f "$work/src.dump" "$src"
"$refbin/pg_dump" -Fd -f "$work/src.dir" "$src"

# run NAME CMD...: a fresh target database, then CMD under /usr/bin/time; appends the wall seconds to NAME.times
run() {
  local name="$1"; shift
  "${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS bench_restore_dst" \
    -c "CREATE DATABASE bench_restore_dst" >/dev/null
  /usr/bin/time -f "%e" -o "$work/time.txt" "$@" >/dev/null 2>"$work/cmd.err" || {
    echo "bench/restore.sh: $name failed:" >&2; tail -n 5 "$work/cmd.err" >&2; exit 1; }
  tail -n 1 "$work/time.txt" >>"$work/$name.times"
}
median() { sort -n "$1" | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

for ((i = 1; i <= runs; i++)); do
  for archive in src.dump src.dir; do
    for jobs in 1 2; do
      run "real_${archive}_j$jobs" "$refbin/pg_restore" -j "$jobs" -d bench_restore_dst "$work/$archive"
      run "ours_${archive}_j$jobs" "${ours[@]}" restore -j "$jobs" -d bench_restore_dst "$work/$archive"
    done
  done
done

size="$("${psql[@]}" -d "$src" -Atc "SELECT pg_size_pretty(pg_database_size(current_database()))")"
echo
echo "pgbench scale $scale ($size), $runs runs per case (median wall seconds); ours: ${ours[*]}"
printf '  %-28s %12s %12s %10s\n' case "pg_restore 18" "ours" "ours/theirs"
for archive in src.dump src.dir; do
  for jobs in 1 2; do
    a="$(median "$work/real_${archive}_j$jobs.times")"
    b="$(median "$work/ours_${archive}_j$jobs.times")"
    printf '  %-28s %12s %12s %10s\n' "$archive -j $jobs" "$a" "$b" \
      "$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", b / a}')"
  done
done
"${psql[@]}" -d postgres -c "DROP DATABASE IF EXISTS bench_restore_dst" -c "DROP DATABASE $src" >/dev/null
